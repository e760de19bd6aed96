// Expected: "`declarest::Result` takes one type: the error is always `declarest::Error`", on `std::io::Error`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> Result<Vec<String>, std::io::Error>;
}

fn main() {}
