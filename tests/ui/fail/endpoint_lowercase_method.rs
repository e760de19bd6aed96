// Expected: "unknown HTTP method `get`", suggesting upper case `GET`, pointing at `get`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(get, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
