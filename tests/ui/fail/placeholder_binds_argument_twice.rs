// Expected: "placeholders `<projectId>` and `<project_id>` both bind the argument `project_id`", on
// the template (the second placeholder, where the compiler can point inside a literal).
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>/copies/<project_id>")]
    async fn get_copy(&self, project_id: u32) -> declarest::Result<String>;
}

fn main() {}
