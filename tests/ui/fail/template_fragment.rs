// Expected: one error, "a template cannot have a fragment (`#`)", on the template.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>#settings")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
