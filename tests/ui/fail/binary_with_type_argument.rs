// Expected: "`declarest::Binary` takes no type arguments", on `<Vec<u8>>`, then rustc's own error
// for the same type (the method is kept as written, so the type is checked as written too).
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact(&self, project_id: u32, path: &str) -> declarest::Result<declarest::Binary<Vec<u8>>>;
}

fn main() {}
