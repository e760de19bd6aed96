// Expected: "`Binary` keeps its status already", on `declarest::Binary`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact(&self, project_id: u32, path: &str) -> declarest::Result<declarest::WithStatus<declarest::Binary>>;
}

fn main() {}
