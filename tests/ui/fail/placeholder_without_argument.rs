// Expected: "placeholder `<projectId>` has no argument; did you mean `projct_id`?" — a single
// error: the misspelled argument is not reported again as unbound.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, projct_id: u32) -> declarest::Result<String>;
}

fn main() {}
