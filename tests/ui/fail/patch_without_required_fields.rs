// Expected: rustc's "no function or associated item named `default`" on `default`: a patch with
// `#[required]` fields has no `Default`, so it is built with `new`, which takes them.
use declarest::Patchable;

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
pub struct Iteration {
    #[read_only]
    pub id: u32,
    #[required]
    pub name: String,
    pub is_default: bool,
}

fn main() {
    let _patch = IterationPatch::default().is_default(true);
}
