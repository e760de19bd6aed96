//! The Custom Vision Training API v3.3 (feature `v3_3`).
//!
//! ```no_run
//! use customvision_training::v3_3::{self, IterationPatch, Training};
//! # async fn run(project_id: uuid::Uuid) -> declarest::Result<()> {
//! let client = v3_3::client("https://westus.api.cognitive.microsoft.com", "<training key>")?;
//! let iteration = client.train_project(project_id, None, None, None, None, None).await?;
//! let renamed = IterationPatch::new("Best Iteration".to_owned());
//! client.update_iteration(project_id, iteration.id, &renamed).await?;
//! let created = client.create_images_from_urls(project_id, &Default::default()).await?;
//! if created.is_partial() {
//!     // 207: some images were not added; each result says why.
//! }
//! # Ok(())
//! # }
//! ```
//!
//! What changed since v2.0, for a user of this module:
//!
//! - The base path is `/customvision/v3.3/training` (lower-case `training`), under the
//!   resource's endpoint, given with its scheme or without.
//! - All 52 operations are on [`Training`]; GetArtifact streamed is [`ArtifactStream`].
//! - Every operation declares the error body [`CustomVisionError`] `{code, message}`, whose code
//!   is an open enum; [`CustomVisionError::from_error`] reads it out of a failed call.
//! - [`Iteration`] was reworked (no `isDefault`; publishing is PublishIteration /
//!   UnpublishIteration), so it is its own type, as are all 49 models and their enums.
//! - The image create operations, CreateImageRegions and UpdateImageMetadata may answer 207
//!   (partial success): they return [`declarest::WithStatus`], whose `is_partial` says so.
//!   DeleteImages may answer 202 (deleting in the background).
//! - UpdateProject, UpdateTag and UpdateIteration require some fields in their body: their
//!   patches ([`ProjectPatch`], [`TagPatch`], [`IterationPatch`]) are built with `new`.
//! - Image, export and project URIs may be paths relative to the project's artifacts (when the
//!   VNET feature is on), fetched with GetArtifact, the API's only binary download.

mod api;
mod artifact;
mod models;

pub use api::Training;
pub use artifact::ArtifactStream;
pub use models::*;

/// The path under a resource's endpoint where the Training API v3.3 lives (lower-case
/// `training`, unlike v2.0's `Training`).
pub const BASE_PATH: &str = "/customvision/v3.3/training";

/// The base URL of the Training API v3.3 for a resource's endpoint, given as a URL
/// (`https://westus.api.cognitive.microsoft.com`, as the spec's `{Endpoint}` is, scheme included)
/// or as a bare host (`https://` is added); a trailing `/` is fine.
pub fn base_url(endpoint: &str) -> String {
    crate::join_base_url(endpoint, BASE_PATH)
}

/// The run-time description of all 52 operations of v3.3, in the order the trait declares them
/// (the spec's).
pub fn endpoints() -> &'static [&'static declarest::Endpoint] {
    <declarest::Client as Training>::ENDPOINTS
}

/// A client of the Training API v3.3 for a resource's endpoint (see [`base_url`]), sending the
/// training key (as a secret header, [`TRAINING_KEY_HEADER`](crate::TRAINING_KEY_HEADER)) with
/// every request.
pub fn client(endpoint: &str, training_key: &str) -> declarest::Result<declarest::Client> {
    crate::build_client(base_url(endpoint), training_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_from_a_url_or_a_host() {
        let expected = "https://westus.api.cognitive.microsoft.com/customvision/v3.3/training";
        assert_eq!(
            base_url("https://westus.api.cognitive.microsoft.com"),
            expected
        );
        assert_eq!(
            base_url("https://westus.api.cognitive.microsoft.com/"),
            expected
        );
        assert_eq!(base_url("westus.api.cognitive.microsoft.com"), expected);
        assert_eq!(base_url(" westus.api.cognitive.microsoft.com/ "), expected);
        assert_eq!(
            base_url("http://127.0.0.1:1234"),
            "http://127.0.0.1:1234/customvision/v3.3/training"
        );
    }

    #[test]
    fn a_client_builds_from_a_url_or_a_host() {
        for endpoint in [
            "https://westus.api.cognitive.microsoft.com",
            "westus.api.cognitive.microsoft.com",
        ] {
            client(endpoint, "key").unwrap_or_else(|e| panic!("{endpoint}: {e}"));
        }
    }
}
