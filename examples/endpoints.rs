//! Prints every declared Training endpoint, of both versions, as one JSON array, built from the
//! endpoints' run-time descriptions (`declarest::Endpoint`), not from a hand-kept list. Each
//! entry is the endpoint's own listing (`name`, `method`, `path`, `query`, `headers`, `body`)
//! after the API version it belongs to (`"version": "2.0"` or `"3.3"`):
//!
//! ```text
//! cargo run --example endpoints
//! ```

use std::process::ExitCode;

use declarest::Endpoint;
use serde::Serialize;

/// One endpoint of one version: `version`, then the endpoint's own fields.
#[derive(Serialize)]
struct Entry {
    version: &'static str,
    #[serde(flatten)]
    endpoint: &'static Endpoint,
}

fn main() -> ExitCode {
    let versions = [
        ("2.0", customvision_training::endpoints()),
        ("3.3", customvision_training::v3_3::endpoints()),
    ];
    let listing: Vec<Entry> = versions
        .into_iter()
        .flat_map(|(version, endpoints)| {
            endpoints
                .iter()
                .map(move |&endpoint| Entry { version, endpoint })
        })
        .collect();
    match serde_json::to_string_pretty(&listing) {
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
