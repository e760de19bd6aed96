// Expected: "the trait bound `NewProject: Serialize` is not satisfied", on the body's type.
use declarest::endpoint;

pub struct NewProject {
    pub name: String,
}

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects")]
    async fn create_project(&self, #[body] project: &NewProject) -> declarest::Result<String>;
}

fn main() {}
