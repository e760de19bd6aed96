// Expected: "`Model` is derived from a struct's named fields: it cannot be derived for an enum", on `enum`.
use declarest::Model;

#[derive(Model)]
pub enum Platform {
    CoreMl,
}

fn main() {}
