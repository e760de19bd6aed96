// Expected: "`#[required]` goes on fields, not on the struct", on `#[required]`.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
#[required]
pub struct Iteration {
    pub name: String,
}

fn main() {}
