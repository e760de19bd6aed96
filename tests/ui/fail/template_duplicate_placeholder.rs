// Expected: "placeholder `<projectId>` appears twice".
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects/<projectId>/copy/<projectId>")]
    async fn copy_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
