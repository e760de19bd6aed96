//! Projects (the spec's `ProjectApi` operations on `/projects`): [`Project`], its patch, and
//! [`ProjectSettings`].

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::DateTime;

/// Represents a project.
///
/// Only `name`, `description` and `settings` are writable; [`ProjectPatch`] holds exactly those
/// (UpdateProject).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    /// Gets the project id.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the project.
    #[serde(alias = "Name")]
    pub name: Option<String>,
    /// Gets or sets the description of the project.
    #[serde(alias = "Description")]
    pub description: Option<String>,
    /// Gets or sets the project settings.
    #[serde(alias = "Settings")]
    pub settings: Option<ProjectSettings>,
    /// Gets the date this project was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// Gets the date this project was last modified.
    #[read_only]
    #[serde(alias = "LastModified")]
    pub last_modified: DateTime,
    /// Gets the thumbnail url representing the project.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
}

/// Represents settings associated with a project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSettings {
    /// Gets or sets the id of the Domain to use with this project.
    #[serde(alias = "DomainId")]
    pub domain_id: Uuid,
}
