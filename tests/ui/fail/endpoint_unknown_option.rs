// Expected: "unknown endpoint option `retry`: the only option is `idempotent`", pointing at `retry`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects", retry)]
    async fn create_project(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
