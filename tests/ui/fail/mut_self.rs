// Expected: "an endpoint method takes `&self`", on `&mut self`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&mut self) -> declarest::Result<Vec<String>>;
}

fn main() {}
