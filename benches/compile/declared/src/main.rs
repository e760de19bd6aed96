//! A user crate of `customvision-training`: the scenario calls every one of the 41 Training
//! operations through the declared `Training` trait on a `declarest::Client`. Built by
//! `benches/compile.sh`, which measures what compiling this crate costs.

#[path = "../../scenario.rs"]
mod scenario;

/// What the scenario calls the operations on.
mod api {
    pub use customvision_training::Training as _;
    pub use declarest::{Client, File};
}

fn main() -> std::process::ExitCode {
    scenario::main(|endpoint, key| Ok(customvision_training::client(endpoint, key)?))
}
