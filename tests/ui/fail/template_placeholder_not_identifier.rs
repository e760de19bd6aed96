// Expected: "placeholder `<project-id>` is not an identifier", suggesting `<projectId>`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<project-id>")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
