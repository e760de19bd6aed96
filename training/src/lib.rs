//! A typed client for the Azure Custom Vision Training API, declared with
//! [declarest](declarest): v2.0 at the crate root, v3.3 in the module `v3_3`.
//!
//! ```no_run
//! # #[cfg(feature = "v2_0")]
//! # mod example {
//! use customvision_training::{IterationPatch, Training};
//! # async fn run(project_id: uuid::Uuid, iteration_id: uuid::Uuid) -> declarest::Result<()> {
//! let client = customvision_training::client("westeurope.api.cognitive.microsoft.com", "<training key>")?;
//! let patch = IterationPatch::default().name("Best Iteration".to_owned()).is_default(true);
//! let iteration = client.update_iteration(project_id, iteration_id, &patch).await?;
//! println!("{:?} is now the default", iteration.name);
//! # Ok(())
//! # }
//! # }
//! ```
//!
//! # Versions and features
//!
//! Each version of the API is its own contract, with its own trait, models and enums; they share
//! only what is the same in every version: [`DateTime`], the tolerant enum machinery, and the
//! [`TRAINING_KEY_HEADER`].
//!
//! - `v2_0` (on by default): the Training API v2.0 at the crate root (`Training`, its models,
//!   `client`, `base_url`, `BASE_PATH`), with `TrainingExt` for waiting and paging.
//! - `v3_3`: the Training API v3.3 in the `v3_3` module (`v3_3::Training`, its models,
//!   `v3_3::client`, ...). `--no-default-features --features v3_3` builds v3.3 alone.
//!
//! # What the service sends
//!
//! The real service deviates from its spec; the models here accept what it sends: camelCase and
//! PascalCase keys, timestamps with 0 to 7 fractional digits with or without `Z` (no offset means
//! UTC), omitted optional fields, and unknown fields.
//!
//! An in-process fake of the service, for examples and tests, is the separate crate
//! `customvision-fake`.
#![warn(missing_docs)]

mod datetime;
#[cfg(any(feature = "v2_0", feature = "v3_3"))]
mod lenient;
#[cfg(any(feature = "v2_0", feature = "v3_3"))]
mod string_enum;

#[cfg(feature = "v2_0")]
mod api;
#[cfg(feature = "v2_0")]
mod ext;
#[cfg(feature = "v2_0")]
mod models;

#[cfg(feature = "v3_3")]
pub mod v3_3;

pub use datetime::{DateTime, ParseDateTimeError};

#[cfg(feature = "v2_0")]
pub use api::Training;
#[cfg(feature = "v2_0")]
pub use ext::{DEFAULT_PAGE_SIZE, ImageQuery, MAX_PAGE_SIZE, TrainingExt, TrainingWait, WaitError};
#[cfg(feature = "v2_0")]
pub use models::*;

/// The header that carries the training key, in every version.
pub const TRAINING_KEY_HEADER: &str = "Training-Key";

/// The path under a resource's endpoint where the Training API v2.0 lives (capital `T`).
#[cfg(feature = "v2_0")]
pub const BASE_PATH: &str = "/customvision/v2.0/Training";

/// The base URL of the Training API v2.0 for a resource's endpoint, given as a host
/// (`westeurope.api.cognitive.microsoft.com`) or a URL (`https://...`, a trailing `/` is fine).
#[cfg(feature = "v2_0")]
pub fn base_url(endpoint: &str) -> String {
    join_base_url(endpoint, BASE_PATH)
}

/// The run-time description of all 41 operations of v2.0, in the order the trait declares them.
#[cfg(feature = "v2_0")]
pub fn endpoints() -> &'static [&'static declarest::Endpoint] {
    <declarest::Client as Training>::ENDPOINTS
}

/// A client of the Training API v2.0 for a resource's endpoint, sending the training key (as a
/// secret header) with every request.
#[cfg(feature = "v2_0")]
pub fn client(endpoint: &str, training_key: &str) -> declarest::Result<declarest::Client> {
    build_client(base_url(endpoint), training_key)
}

/// `endpoint` (a host, or a URL with its scheme) followed by a version's base path: `https://` is
/// added to a bare host, and a trailing `/` never doubles the path's own.
#[cfg(any(feature = "v2_0", feature = "v3_3"))]
fn join_base_url(endpoint: &str, base_path: &str) -> String {
    let endpoint = endpoint.trim().trim_end_matches('/');
    if endpoint.starts_with("https://") || endpoint.starts_with("http://") {
        format!("{endpoint}{base_path}")
    } else {
        format!("https://{endpoint}{base_path}")
    }
}

/// A client for `base_url` sending the training key, as a secret header, with every request.
#[cfg(any(feature = "v2_0", feature = "v3_3"))]
fn build_client(base_url: String, training_key: &str) -> declarest::Result<declarest::Client> {
    declarest::Client::builder(base_url)
        .secret_header(TRAINING_KEY_HEADER, training_key)
        .build()
}

#[cfg(all(test, feature = "v2_0"))]
mod tests {
    use super::*;

    #[test]
    fn base_url_from_a_host_or_a_url() {
        let expected = "https://westeurope.api.cognitive.microsoft.com/customvision/v2.0/Training";
        assert_eq!(base_url("westeurope.api.cognitive.microsoft.com"), expected);
        assert_eq!(
            base_url("https://westeurope.api.cognitive.microsoft.com/"),
            expected
        );
        assert_eq!(
            base_url(" westeurope.api.cognitive.microsoft.com/ "),
            expected
        );
        assert_eq!(
            base_url("http://127.0.0.1:1234"),
            "http://127.0.0.1:1234/customvision/v2.0/Training"
        );
    }

    #[test]
    fn a_client_builds_from_a_host_or_a_url() {
        for endpoint in [
            "westeurope.api.cognitive.microsoft.com",
            "https://westus.api.cognitive.microsoft.com",
        ] {
            client(endpoint, "key").unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        }
    }
}
