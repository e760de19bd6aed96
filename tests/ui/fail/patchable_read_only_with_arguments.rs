// Expected: "`#[read_only]` takes no arguments", on `always`.
use declarest::Patchable;

#[derive(serde::Serialize, serde::Deserialize, Patchable)]
pub struct Tag {
    #[read_only(always)]
    pub id: u32,
    pub name: String,
}

fn main() {}
