//! Tags (the spec's `TagsApi`): [`Tag`] and its patch.

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Represents a Tag.
///
/// Only `name` and `description` are writable; [`TagPatch`] holds exactly those (UpdateTag).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// Gets the Tag ID.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the tag.
    #[serde(alias = "Name")]
    pub name: Option<String>,
    /// Gets or sets the description of the tag.
    #[serde(alias = "Description")]
    pub description: Option<String>,
    /// Gets the number of images with this tag.
    #[read_only]
    #[serde(alias = "ImageCount", default)]
    pub image_count: i32,
}
