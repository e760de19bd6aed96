//! The same program as `declared` (the shared scenario calls every one of the 41 Training
//! operations), with the requests written by hand on reqwest in `training.rs`, decoding into the
//! same models from `customvision-training`. Built by `benches/compile.sh`, which measures what
//! compiling this crate costs next to `declared`.

#[path = "../../scenario.rs"]
mod scenario;
mod training;

/// What the scenario calls the operations on.
mod api {
    pub use crate::training::{Client, File};
}

fn main() -> std::process::ExitCode {
    scenario::main(|endpoint, key| Ok(training::Client::new(endpoint, key)?))
}
