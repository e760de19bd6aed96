// Expected: "every field of `Domain` is `#[read_only]`, so its patch could never change anything", on `Domain`.
use declarest::Patchable;

#[derive(serde::Serialize, serde::Deserialize, Patchable)]
pub struct Domain {
    #[read_only]
    pub id: u32,
    #[read_only]
    pub name: String,
}

fn main() {}
