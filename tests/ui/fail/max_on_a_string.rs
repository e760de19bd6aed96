// Expected: "`str` is not a number, so `#[max]` cannot apply to it", on the argument's type.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/images?<name>")]
    async fn find(&self, #[max(10)] name: &str) -> declarest::Result<Vec<String>>;
}

fn main() {}
