// Expected: "empty placeholder `<>`: name the parameter", on the template.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<>")]
    async fn get_project(&self) -> declarest::Result<String>;
}

fn main() {}
