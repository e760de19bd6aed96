// Expected: "`Patchable` ... cannot be derived for a union", on `union`.
use declarest::Patchable;

#[derive(Patchable)]
pub union Bits {
    pub int: u32,
    pub float: f32,
}

fn main() {}
