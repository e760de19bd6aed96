// Expected: "query placeholder `<order by>` has a character a query cannot carry as written",
// suggesting `<orderBy>`, on the template.
use declarest::endpoint;

pub trait Api: declarest::Api {
    #[endpoint(GET, "/images?<order by>")]
    async fn get_images(&self, #[param("order by")] order: &str) -> declarest::Result<Vec<String>>;
}

fn main() {}
