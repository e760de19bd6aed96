//! Tags (the spec's `TagsApi`): [`Tag`].

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::TagType;

/// Represents a Tag.
///
/// `name`, `description` and `type` are writable, and the spec requires all three in UpdateTag's
/// body, so [`TagPatch`] always sends them: build it with [`TagPatch::new`] (or
/// [`Patch::between`](declarest::Patch::between) two tags).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// Gets the Tag ID.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the tag.
    #[required]
    #[serde(alias = "Name")]
    pub name: String,
    /// Gets or sets the description of the tag (nullable).
    #[required]
    #[serde(alias = "Description")]
    pub description: Option<String>,
    /// Gets or sets the type of the tag.
    #[required]
    #[serde(alias = "Type")]
    pub r#type: TagType,
    /// Gets the number of images with this tag.
    #[read_only]
    #[serde(alias = "ImageCount", default)]
    pub image_count: i32,
}
