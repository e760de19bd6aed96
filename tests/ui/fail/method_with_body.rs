// Expected: "an endpoint method has no body of its own: `#[endpoint]` writes it", on the block.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>> {
        Ok(Vec::new())
    }
}

fn main() {}
