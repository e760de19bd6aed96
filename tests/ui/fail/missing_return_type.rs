// Expected: "missing return type", suggesting `-> declarest::Result<()>`.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(DELETE, "/projects")]
    async fn delete_projects(&self);
}

fn main() {}
