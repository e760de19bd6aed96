// Expected: "`projId` is not a placeholder of the template; did you mean `<projectId>`?", on "projId".
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, #[param("projId")] project: u32) -> declarest::Result<String>;
}

fn main() {}
