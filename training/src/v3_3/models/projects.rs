//! Projects (the spec's `ProjectApi` operations on `/projects`): [`Project`], its
//! [`ProjectSettings`] and [`ImageProcessingSettings`], and [`ProjectExport`].

use std::collections::BTreeMap;
use std::fmt;

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ClassificationType, ExportPlatform, ProjectStatus, null_as_empty};
use crate::DateTime;

/// Represents a project.
///
/// `name`, `description`, `settings` and `status` are writable. The spec requires the first three
/// in UpdateProject's body, so [`ProjectPatch`] always sends them: build it with
/// [`ProjectPatch::new`] (or [`Patch::between`](declarest::Patch::between) two projects), and set
/// `status` if need be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    /// Gets the project id.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the project.
    #[required]
    #[serde(alias = "Name")]
    pub name: String,
    /// Gets or sets the description of the project (nullable).
    #[required]
    #[serde(alias = "Description")]
    pub description: Option<String>,
    /// Gets or sets the project settings.
    #[required]
    #[serde(alias = "Settings")]
    pub settings: ProjectSettings,
    /// Gets the date this project was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// Gets the date this project was last modified.
    #[read_only]
    #[serde(alias = "LastModified")]
    pub last_modified: DateTime,
    /// Gets the thumbnail url representing the project: an absolute URI, or, when the VNET
    /// feature is on, a path relative to the project's artifacts, for GetArtifact.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
    /// Whether Disaster Recovery mode is on: the project is read-only for a while.
    #[read_only]
    #[serde(alias = "DrModeEnabled")]
    pub dr_mode_enabled: Option<bool>,
    /// The status of the project (`Importing` while ImportProject fills it). The spec marks it
    /// writable (`readOnly: false`) although its description says "Gets".
    #[serde(alias = "Status")]
    pub status: Option<ProjectStatus>,
}

/// Represents settings associated with a project.
///
/// Sent as part of a project (UpdateProject): the fields left unset stay out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSettings {
    /// Gets or sets the id of the Domain to use with this project.
    #[serde(alias = "DomainId")]
    pub domain_id: Uuid,
    /// Gets or sets the classification type of the project.
    #[serde(alias = "ClassificationType", skip_serializing_if = "Option::is_none")]
    pub classification_type: Option<ClassificationType>,
    /// The platforms the trained model should be able to be exported to.
    #[serde(
        alias = "TargetExportPlatforms",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub target_export_platforms: Vec<ExportPlatform>,
    /// Whether the negative set is used.
    #[read_only]
    #[serde(alias = "UseNegativeSet", skip_serializing_if = "Option::is_none")]
    pub use_negative_set: Option<bool>,
    /// The detection parameters in use, if any.
    #[read_only]
    #[serde(alias = "DetectionParameters", skip_serializing_if = "Option::is_none")]
    pub detection_parameters: Option<String>,
    /// Gets or sets the image preprocessing settings.
    #[serde(
        alias = "ImageProcessingSettings",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_processing_settings: Option<ImageProcessingSettings>,
}

/// Represents image preprocessing settings used by image augmentation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageProcessingSettings {
    /// The image transforms to use, by name: `true` enables one. Augmentation is spread evenly
    /// over the enabled transforms. `None` leaves it out of the JSON; `Some` of an empty map
    /// sends `{}`.
    #[serde(alias = "AugmentationMethods", skip_serializing_if = "Option::is_none")]
    pub augmentation_methods: Option<BTreeMap<String, bool>>,
}

/// What ExportProject answers: what the export holds, and the token to import it with
/// (ImportProject).
///
/// The token grants whoever holds it the right to import the project, so `Debug` leaves it out.
#[derive(Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ProjectExport {
    /// The number of iterations exported.
    #[read_only]
    #[serde(alias = "IterationCount", default)]
    pub iteration_count: i32,
    /// The number of images exported.
    #[read_only]
    #[serde(alias = "ImageCount", default)]
    pub image_count: i32,
    /// The number of tags exported.
    #[read_only]
    #[serde(alias = "TagCount", default)]
    pub tag_count: i32,
    /// The number of regions exported.
    #[read_only]
    #[serde(alias = "RegionCount", default)]
    pub region_count: i32,
    /// How long the import is estimated to take, in milliseconds (it varies with the network
    /// between the regions).
    #[read_only]
    #[serde(
        rename = "estimatedImportTimeInMS",
        alias = "EstimatedImportTimeInMS",
        default
    )]
    pub estimated_import_time_in_ms: i32,
    /// The opaque token to pass to ImportProject. A secret: anyone holding it can import the
    /// project.
    #[read_only]
    #[serde(alias = "Token")]
    pub token: Option<String>,
}

impl fmt::Debug for ProjectExport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProjectExport")
            .field("iteration_count", &self.iteration_count)
            .field("image_count", &self.image_count)
            .field("tag_count", &self.tag_count)
            .field("region_count", &self.region_count)
            .field(
                "estimated_import_time_in_ms",
                &self.estimated_import_time_in_ms,
            )
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}
