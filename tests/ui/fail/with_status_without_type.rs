// Expected: "`declarest::WithStatus` takes the type decoded from the JSON body", on `WithStatus`,
// then rustc's own error for the same type (the method is kept as written, so the type is
// checked as written too).
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_images(&self, project_id: u32) -> declarest::Result<declarest::WithStatus>;
}

fn main() {}
