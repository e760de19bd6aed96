// Expected: "unknown HTTP method `FETCH`", pointing at `FETCH`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(FETCH, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
