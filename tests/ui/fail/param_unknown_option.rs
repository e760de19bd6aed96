// Expected: "unknown parameter option `hidden`: the only option is `secret`", pointing at `hidden`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/blobs?<sig>")]
    async fn get_blob(&self, #[param("sig", hidden)] signature: &str) -> declarest::Result<Vec<String>>;
}

fn main() {}
