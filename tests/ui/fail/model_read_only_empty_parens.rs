// Expected: "`#[read_only]` takes no arguments", on `#[read_only()]` (not on the derive list).
use declarest::Model;

#[derive(Model)]
pub struct Tag {
    #[read_only()]
    pub id: u32,
    pub name: String,
}

fn main() {}
