// Expected: "a GET request has no body, not even an optional one: remove `#[body]`", on `body`.
use declarest::endpoint;

#[derive(serde::Serialize)]
pub struct Filter {
    pub tag: String,
}

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self, #[body] filter: Option<&Filter>) -> declarest::Result<Vec<String>>;
}

fn main() {}
