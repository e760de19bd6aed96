// Expected: "`Patchable` needs every field named", on the `_` field, after rustc's own parse
// error for it (and no error from the expansion's output).
use declarest::Patchable;

#[derive(Patchable)]
pub struct Record {
    pub id: u32,
    _: String,
}

fn main() {}
