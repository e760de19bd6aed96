// Expected: "an endpoint method takes `&self` first", on the first argument.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(project_id: u32) -> declarest::Result<String>;
}

fn main() {}
