// Expected: "expected a count: `#[max_items(256)]`", on the string.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(DELETE, "/images?<imageIds>")]
    async fn delete_images(&self, #[max_items("many")] image_ids: &[u32]) -> declarest::Result<()>;
}

fn main() {}
