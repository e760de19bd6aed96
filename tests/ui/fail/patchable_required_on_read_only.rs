// Expected: "`id` is `#[read_only]`, so no patch sends it and it cannot be `#[required]`", on
// `#[required]`.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
pub struct Iteration {
    #[read_only]
    #[required]
    pub id: u32,
    pub name: String,
}

fn main() {}
