// Expected: "the trait bound `Project: Deserialize<'de>` is not satisfied", on `Project` in the return type.
use declarest::endpoint;

pub struct Project {
    pub name: String,
}

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<Project>;
}

fn main() {}
