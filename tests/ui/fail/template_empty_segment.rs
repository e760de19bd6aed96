// Expected: "empty path segment `//` in the template", on the template, saying why and to remove
// one `/`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects//<projectId>")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
