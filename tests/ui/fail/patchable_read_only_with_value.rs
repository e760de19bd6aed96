// Expected: "`#[read_only]` takes no value", on `true`.
use declarest::Patchable;

#[derive(serde::Serialize, serde::Deserialize, Patchable)]
pub struct Tag {
    #[read_only = true]
    pub id: u32,
    pub name: String,
}

fn main() {}
