// Expected: "`#[body]` takes no arguments", on `(json)`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects")]
    async fn create_project(&self, #[body(json)] project: &str) -> declarest::Result<String>;
}

fn main() {}
