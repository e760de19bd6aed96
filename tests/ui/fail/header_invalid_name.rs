// Expected: "`Training Key` is not a valid header name: ` ` is not allowed", on the name.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self, #[header("Training Key")] key: &str) -> declarest::Result<Vec<String>>;
}

fn main() {}
