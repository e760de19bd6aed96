// Expected: "`WithStatus` inside `WithStatus` keeps the status twice", on the inner `WithStatus<..>`.
use declarest::{WithStatus, endpoint};

pub trait Api: declarest::Api {
    #[endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_images(&self, project_id: u32) -> declarest::Result<WithStatus<WithStatus<Vec<String>>>>;
}

fn main() {}
