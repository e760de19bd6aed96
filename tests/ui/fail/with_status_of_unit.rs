// Expected: "`WithStatus<()>` has no body to decode", on `()`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(DELETE, "/projects/<projectId>/images")]
    async fn delete_images(&self, project_id: u32) -> declarest::Result<declarest::WithStatus<()>>;
}

fn main() {}
