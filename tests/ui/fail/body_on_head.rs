// Expected: "a HEAD request has no body: remove `#[body]`", on `body`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(HEAD, "/projects")]
    async fn head_projects(&self, #[body] filter: &str) -> declarest::Result<()>;
}

fn main() {}
