// Expected: "a request has either a `#[body]` or `#[multipart]` parts", on the second one ("imageData").
use declarest::{File, endpoint};

pub trait Api: declarest::Api {
    #[endpoint(POST, "/images")]
    async fn create_images(&self, #[body] names: &[String], #[multipart("imageData")] image: File) -> declarest::Result<()>;
}

fn main() {}
