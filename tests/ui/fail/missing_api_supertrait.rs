// Expected: one error, "`Self` cannot send declarest requests", noting that the trait must name
// `declarest::Api` as its supertrait. It points at the attribute: the supertrait list it is about
// is out of the attribute's reach, and the receiver would get a broken rustc suggestion.
use declarest::endpoint;

pub trait Api {
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<String>>;
}

fn main() {}
