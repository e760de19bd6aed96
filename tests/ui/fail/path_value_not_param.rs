// Expected: "`Vec<u8>` cannot be used as a path, query or header value", on the argument's type.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: Vec<u8>) -> declarest::Result<String>;
}

fn main() {}
