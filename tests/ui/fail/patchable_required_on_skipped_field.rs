// Expected: "serde never writes `cache` (it is skipped), so no patch can send it: remove
// `#[required]`", on `#[required]`.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
pub struct Iteration {
    pub name: String,
    #[serde(skip)]
    #[required]
    pub cache: u32,
}

fn main() {}
