// Expected: "missing the path template after `GET`".
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET)]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
