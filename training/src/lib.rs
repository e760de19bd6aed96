//! A typed client for the Azure Custom Vision Training API v2.0, declared with
//! [declarest](declarest).
//!
//! ```no_run
//! use customvision_training::{IterationPatch, Training};
//! # async fn run(project_id: uuid::Uuid, iteration_id: uuid::Uuid) -> declarest::Result<()> {
//! let client = customvision_training::client("westeurope.api.cognitive.microsoft.com", "<training key>")?;
//! let patch = IterationPatch::default().name("Best Iteration".to_owned()).is_default(true);
//! let iteration = client.update_iteration(project_id, iteration_id, &patch).await?;
//! println!("{:?} is now the default", iteration.name);
//! # Ok(())
//! # }
//! ```
//!
//! The real service deviates from its spec; the models here accept what it sends: camelCase and
//! PascalCase keys, timestamps with 0 to 7 fractional digits with or without `Z` (no offset means
//! UTC), omitted optional fields, and unknown fields.
//!
//! An in-process fake of the service, for examples and tests, is the separate crate
//! `customvision-fake`.
#![warn(missing_docs)]

mod api;
mod datetime;
mod ext;
mod lenient;
mod models;
mod string_enum;

pub use api::Training;
pub use datetime::{DateTime, ParseDateTimeError};
pub use ext::{DEFAULT_PAGE_SIZE, ImageQuery, MAX_PAGE_SIZE, TrainingExt, TrainingWait, WaitError};
pub use models::*;

/// The header that carries the training key.
pub const TRAINING_KEY_HEADER: &str = "Training-Key";

/// The path under a resource's endpoint where the Training API v2.0 lives.
pub const BASE_PATH: &str = "/customvision/v2.0/Training";

/// The base URL of the Training API for a resource's endpoint, given as a host
/// (`westeurope.api.cognitive.microsoft.com`) or a URL (`https://...`, a trailing `/` is fine).
pub fn base_url(endpoint: &str) -> String {
    let endpoint = endpoint.trim().trim_end_matches('/');
    if endpoint.starts_with("https://") || endpoint.starts_with("http://") {
        format!("{endpoint}{BASE_PATH}")
    } else {
        format!("https://{endpoint}{BASE_PATH}")
    }
}

/// The run-time description of all 41 operations, in the order the trait declares them.
pub fn endpoints() -> &'static [&'static declarest::Endpoint] {
    <declarest::Client as Training>::ENDPOINTS
}

/// A client for a resource's endpoint, sending the training key (as a secret header) with every
/// request.
pub fn client(endpoint: &str, training_key: &str) -> declarest::Result<declarest::Client> {
    declarest::Client::builder(base_url(endpoint))
        .secret_header(TRAINING_KEY_HEADER, training_key)
        .build()
}

#[cfg(test)]
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
            base_url("http://127.0.0.1:1234"),
            "http://127.0.0.1:1234/customvision/v2.0/Training"
        );
    }
}
