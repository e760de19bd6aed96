//! Prints every declared Training endpoint as one JSON array, built from the endpoints' run-time
//! descriptions (`declarest::Endpoint`), not from a hand-kept list:
//!
//! ```text
//! cargo run --example endpoints
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    match serde_json::to_string_pretty(customvision_training::endpoints()) {
        Ok(listing) => {
            println!("{listing}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
