// Expected: "`Vec<u8>` cannot be sent as multipart parts", on the type, suggesting `declarest::File::new`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/images")]
    async fn create_image(&self, #[multipart("imageData")] image: Vec<u8>) -> declarest::Result<()>;
}

fn main() {}
