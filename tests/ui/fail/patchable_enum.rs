// Expected: "`Patchable` ... cannot be derived for an enum", on `enum`.
use declarest::Patchable;

#[derive(Patchable)]
pub enum Status {
    New,
    Completed,
}

fn main() {}
