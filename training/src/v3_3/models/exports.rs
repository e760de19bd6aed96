//! Exports of iterations (the spec's `ProjectApi` operations on `/export`): [`Export`].

use declarest::Model;
use serde::{Deserialize, Serialize};

use super::{ExportFlavor, ExportPlatform, ExportStatus};

/// An export of an iteration to a platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Export {
    /// The platform exported to.
    #[read_only]
    #[serde(alias = "Platform")]
    pub platform: ExportPlatform,
    /// The state of the export.
    #[read_only]
    #[serde(alias = "Status")]
    pub status: ExportStatus,
    /// Where to download the export from, once it is done: an absolute URI, or, when the VNET
    /// feature is on, a path relative to the project's artifacts, for GetArtifact.
    #[read_only]
    #[serde(alias = "DownloadUri")]
    pub download_uri: Option<String>,
    /// The flavor of the platform, if any.
    #[read_only]
    #[serde(alias = "Flavor")]
    pub flavor: Option<ExportFlavor>,
    /// Whether a newer version of the export package is available, to be exported again.
    #[read_only]
    #[serde(alias = "NewerVersionAvailable", default)]
    pub newer_version_available: bool,
}
