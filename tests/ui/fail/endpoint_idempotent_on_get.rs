// Expected: "`GET` is idempotent already ... remove `idempotent`", pointing at `idempotent`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects", idempotent)]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
