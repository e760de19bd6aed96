// Expected: "`Patchable` needs named fields, but `Pair` is a tuple struct", on the fields.
use declarest::Patchable;

#[derive(Patchable)]
pub struct Pair(pub String, pub u32);

fn main() {}
