// Expected: "a writable field named `new` clashes with the patch's constructor `new`", on the
// field `new`.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
pub struct Image {
    #[required]
    pub name: String,
    pub new: bool,
}

fn main() {}
