// Expected: "placeholders are written with angle brackets: `<projectId>`, not `{projectId}`".
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/{projectId}")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
