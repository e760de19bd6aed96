// Expected: "a GET request has no body: remove `#[body]`", on `body`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self, #[body] filter: &str) -> declarest::Result<Vec<String>>;
}

fn main() {}
