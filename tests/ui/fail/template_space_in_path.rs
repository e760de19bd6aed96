// Expected: "` ` cannot appear in a URL path: percent-encode it (%20)".
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/my projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
