// Expected: "`#[read_only]` takes no arguments", on `always`.
use declarest::Model;

#[derive(Model)]
pub struct Tag {
    #[read_only(always)]
    pub id: u32,
    pub name: String,
}

fn main() {}
