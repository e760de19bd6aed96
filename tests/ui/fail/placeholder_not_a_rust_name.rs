// Expected: "placeholder `<$filter>` is not a Rust name, so no argument binds it by name: mark
// `filter` with `#[param("$filter")]`", on the template.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>/images?<$filter>")]
    async fn get_images(&self, project_id: u32, filter: Option<&str>) -> declarest::Result<Vec<String>>;
}

fn main() {}
