// Expected: "an endpoint method returns `declarest::Result<T>`", on the return type.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> Vec<String>;
}

fn main() {}
