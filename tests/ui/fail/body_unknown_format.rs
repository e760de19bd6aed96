// Expected: "unknown body format `xml`", naming the two formats (`#[body]`, `#[body(bytes)]`), on `xml`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects")]
    async fn create_project(&self, #[body(xml)] project: &str) -> declarest::Result<String>;
}

fn main() {}
