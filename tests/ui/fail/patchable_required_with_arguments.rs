// Expected: "`#[required]` takes no arguments: write `#[required]`", on `always`.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
pub struct Iteration {
    #[required(always)]
    pub name: String,
}

fn main() {}
