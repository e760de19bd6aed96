// Expected: "only one argument can be the body, and `first` already is", on the second `body`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects")]
    async fn create_project(&self, #[body] first: &str, #[body] second: &str) -> declarest::Result<String>;
}

fn main() {}
