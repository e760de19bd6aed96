//! GetArtifact as a stream: [`ArtifactStream`].
//!
//! [`Training`] declares exactly the spec's 52 operations, so its `ENDPOINTS` and the endpoint
//! listing stay one entry per operation. GetArtifact is there as
//! [`get_artifact`](Training::get_artifact), whole in memory; the same operation, read as it
//! arrives, is this separate small trait, for artifacts too large to hold (exported models).

use declarest::endpoint;
use uuid::Uuid;

use super::Training;

/// GetArtifact, streamed. Implemented for every [`Training`] implementation, so
/// `use customvision_training::v3_3::ArtifactStream;` is all it takes.
///
/// ```no_run
/// use customvision_training::v3_3::{self, ArtifactStream};
/// # async fn run(project_id: uuid::Uuid, download_uri: &str) -> declarest::Result<()> {
/// let client = v3_3::client("https://westus.api.cognitive.microsoft.com", "<training key>")?;
/// let mut export = client.get_artifact_stream(project_id, download_uri).await?;
/// while let Some(chunk) = export.chunk().await? {
///     // write `chunk` to a file, ...
/// #   let _ = chunk;
/// }
/// # Ok(())
/// # }
/// ```
pub trait ArtifactStream: declarest::Api {
    /// Get artifact content from blob storage, based on artifact relative path in the blob, as
    /// it arrives: the same request as [`Training::get_artifact`], bounded by the client's size
    /// limit and timeout as it is read.
    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact_stream(
        &self,
        project_id: Uuid,
        path: &str,
    ) -> declarest::Result<declarest::ByteStream>;
}

impl<T: Training> ArtifactStream for T {}
