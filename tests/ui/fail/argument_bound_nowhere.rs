// Expected: "argument `verbose` is not bound to anything in the request", on `verbose`,
// suggesting `<verbose>` in the template, `#[body]` or `#[header]`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: u32, verbose: bool) -> declarest::Result<String>;
}

fn main() {}
