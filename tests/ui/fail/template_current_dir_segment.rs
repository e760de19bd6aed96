// Expected: "path segment `.` in the template means the current directory", on the template,
// saying the request would go to `/projects/<projectId>`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/./<projectId>")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
