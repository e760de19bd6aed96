// Expected: "an endpoint method must be `async fn`", on `fn`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
