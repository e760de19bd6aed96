//! Tags (the spec's `TagsApi`): [`Tag`].

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::TagType;

/// Represents a Tag.
///
/// `name`, `description` and `type` are writable, and all three are required in the spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    /// Gets the Tag ID.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the tag.
    #[serde(alias = "Name")]
    pub name: String,
    /// Gets or sets the description of the tag (nullable).
    #[serde(alias = "Description")]
    pub description: Option<String>,
    /// Gets or sets the type of the tag.
    #[serde(alias = "Type")]
    pub r#type: TagType,
    /// Gets the number of images with this tag.
    #[read_only]
    #[serde(alias = "ImageCount", default)]
    pub image_count: i32,
}
