// Expected: "`#[declarest::api]` takes no arguments", on `all`.
#[declarest::api(all)]
pub trait Api: declarest::Api {
    #[declarest::endpoint(GET, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
