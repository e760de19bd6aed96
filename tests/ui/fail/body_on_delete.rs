// Expected: "a DELETE request has no body: remove `#[body]`", on `body`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(DELETE, "/projects/<projectId>")]
    async fn delete_project(&self, project_id: u32, #[body] reason: &str) -> declarest::Result<()>;
}

fn main() {}
