// Expected: "a GET request has no body, so no multipart parts: remove `#[multipart]`", on "imageData".
use declarest::{File, endpoint};

pub trait Api: declarest::Api {
    #[endpoint(GET, "/images")]
    async fn get_images(&self, #[multipart("imageData")] image: File) -> declarest::Result<()>;
}

fn main() {}
