// Expected: "path segment `..` in the template means the parent directory", on the template,
// saying the request would go to `/images`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/../images")]
    async fn get_images(&self) -> declarest::Result<String>;
}

fn main() {}
