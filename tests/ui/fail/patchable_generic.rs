// Expected: "`Patchable` does not support generic parameters", on `T`.
use declarest::Patchable;

#[derive(Patchable)]
pub struct Wrapper<T> {
    pub value: T,
}

fn main() {}
