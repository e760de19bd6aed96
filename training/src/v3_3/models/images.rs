//! Images (the spec's `ImageApi` and `ImageRegionProposalApi`): images with their tags and
//! regions, the create batches with their entries, summaries and results, regions and region
//! proposals.

use std::collections::BTreeMap;

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ImageCreateStatus, ImageMetadata, null_as_empty};
use crate::DateTime;

/// Image model to be sent as JSON.
///
/// Its URIs are absolute, or, when the VNET feature is on, paths relative to the project's
/// artifacts, to be fetched with GetArtifact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    /// The id of the image.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// When the image was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The width of the image, in pixels.
    #[read_only]
    #[serde(alias = "Width", default)]
    pub width: i32,
    /// The height of the image, in pixels.
    #[read_only]
    #[serde(alias = "Height", default)]
    pub height: i32,
    /// The (resized) image used for training.
    #[read_only]
    #[serde(alias = "ResizedImageUri")]
    pub resized_image_uri: Option<String>,
    /// The thumbnail of the original image.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
    /// The original image, as uploaded.
    #[read_only]
    #[serde(alias = "OriginalImageUri")]
    pub original_image_uri: Option<String>,
    /// The tags of the image (empty, or left out by the service, when it has none).
    #[read_only]
    #[serde(alias = "Tags", default, deserialize_with = "null_as_empty")]
    pub tags: Vec<ImageTag>,
    /// The regions of the image (empty, or left out by the service, when it has none).
    #[read_only]
    #[serde(alias = "Regions", default, deserialize_with = "null_as_empty")]
    pub regions: Vec<ImageRegion>,
    /// The metadata of the image (empty, or left out by the service, when it has none).
    #[read_only]
    #[serde(alias = "Metadata", default, deserialize_with = "null_as_empty")]
    pub metadata: BTreeMap<String, String>,
}

/// A tag of an image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageTag {
    /// The id of the tag.
    #[read_only]
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The name of the tag.
    #[read_only]
    #[serde(alias = "TagName")]
    pub tag_name: Option<String>,
    /// When the image was tagged.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
}

/// A tagged region of an image. Coordinates are fractions of the image's size, from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegion {
    /// The id of the region.
    #[read_only]
    #[serde(alias = "RegionId")]
    pub region_id: Uuid,
    /// The name of the region's tag.
    #[read_only]
    #[serde(alias = "TagName")]
    pub tag_name: Option<String>,
    /// When the region was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The id of the region's tag.
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The left edge.
    #[serde(alias = "Left")]
    pub left: f64,
    /// The top edge.
    #[serde(alias = "Top")]
    pub top: f64,
    /// The width.
    #[serde(alias = "Width")]
    pub width: f64,
    /// The height.
    #[serde(alias = "Height")]
    pub height: f64,
}

/// The answer of the image create operations: one result per image. With HTTP 207 (partial
/// success), `is_batch_successful` is false and each result says what became of its image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageCreateSummary {
    /// Whether every image of the batch was created.
    #[read_only]
    #[serde(alias = "IsBatchSuccessful", default)]
    pub is_batch_successful: bool,
    /// The result for each image.
    #[read_only]
    #[serde(alias = "Images", default, deserialize_with = "null_as_empty")]
    pub images: Vec<ImageCreateResult>,
}

/// The result of creating one image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageCreateResult {
    /// Where the image came from (its URL, or its file name in quotes).
    #[read_only]
    #[serde(alias = "SourceUrl")]
    pub source_url: Option<String>,
    /// The outcome.
    #[read_only]
    #[serde(alias = "Status")]
    pub status: ImageCreateStatus,
    /// The created image; absent when it failed.
    #[read_only]
    #[serde(alias = "Image")]
    pub image: Option<Image>,
}

/// A batch of images to create from their contents (the body of CreateImagesFromFiles; at most
/// 64 images and 20 tags). Unset fields stay out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageFileCreateBatch {
    /// The images.
    #[max_items(64)]
    #[serde(
        alias = "Images",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<ImageFileCreateEntry>,
    /// The tags to give every image.
    #[max_items(20)]
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The metadata to give every image (at most 50 pairs).
    #[max_items(50)]
    #[serde(alias = "Metadata", skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ImageMetadata>,
}

/// An image to create from its contents. Unset fields stay out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageFileCreateEntry {
    /// The file name of the image.
    #[serde(alias = "Name", skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The contents of the image, base64-encoded (the spec's `format: byte`; at most 6 MB
    /// decoded).
    #[serde(alias = "Contents", skip_serializing_if = "Option::is_none")]
    pub contents: Option<String>,
    /// The tags of the image.
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The regions of the image.
    #[serde(
        alias = "Regions",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub regions: Vec<Region>,
}

/// A region to tag on a new image. Coordinates are fractions of the image's size, from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// The id of the region's tag.
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The left edge.
    #[serde(alias = "Left")]
    pub left: f64,
    /// The top edge.
    #[serde(alias = "Top")]
    pub top: f64,
    /// The width.
    #[serde(alias = "Width")]
    pub width: f64,
    /// The height.
    #[serde(alias = "Height")]
    pub height: f64,
}

/// A batch of images to create from URLs (the body of CreateImagesFromUrls; at most 64 images
/// and 20 tags). Unset fields stay out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageUrlCreateBatch {
    /// The images.
    #[max_items(64)]
    #[serde(
        alias = "Images",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<ImageUrlCreateEntry>,
    /// The tags to give every image.
    #[max_items(20)]
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The metadata to give every image (at most 50 pairs).
    #[max_items(50)]
    #[serde(alias = "Metadata", skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ImageMetadata>,
}

/// An image to create from a URL. Unset fields stay out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageUrlCreateEntry {
    /// The URL of the image.
    #[serde(alias = "Url")]
    pub url: String,
    /// The tags of the image.
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The regions of the image.
    #[serde(
        alias = "Regions",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub regions: Vec<Region>,
}

/// A batch of images to create from stored predictions (the body of
/// CreateImagesFromPredictions; at most 64 images and 20 tags). Unset fields stay out of the
/// JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageIdCreateBatch {
    /// The images.
    #[max_items(64)]
    #[serde(
        alias = "Images",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<ImageIdCreateEntry>,
    /// The tags to give every image.
    #[max_items(20)]
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The metadata to give every image (at most 50 pairs).
    #[max_items(50)]
    #[serde(alias = "Metadata", skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ImageMetadata>,
}

/// An image to create from a stored prediction. Unset fields stay out of the JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageIdCreateEntry {
    /// The id of the stored prediction's image.
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The tags of the image.
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The regions of the image.
    #[serde(
        alias = "Regions",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub regions: Vec<Region>,
}

/// A batch of image tags to create (the body of CreateImageTags; at most 128).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageTagCreateBatch {
    /// Image Tag entries to include in this batch.
    #[max_items(128)]
    #[serde(
        alias = "Tags",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<ImageTagCreateEntry>,
}

/// Entry associating a tag to an image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageTagCreateEntry {
    /// The id of the image.
    #[serde(alias = "ImageId")]
    pub image_id: Uuid,
    /// The id of the tag.
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
}

/// The answer of CreateImageTags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageTagCreateSummary {
    /// The image tags created.
    #[serde(alias = "Created", default, deserialize_with = "null_as_empty")]
    pub created: Vec<ImageTagCreateEntry>,
    /// The image tags that already existed.
    #[serde(alias = "Duplicated", default, deserialize_with = "null_as_empty")]
    pub duplicated: Vec<ImageTagCreateEntry>,
    /// The image tags not created because a limit was reached.
    #[serde(alias = "Exceeded", default, deserialize_with = "null_as_empty")]
    pub exceeded: Vec<ImageTagCreateEntry>,
}

/// Batch of image region information to create (the body of CreateImageRegions; at most 64).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegionCreateBatch {
    /// The regions.
    #[max_items(64)]
    #[serde(
        alias = "Regions",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub regions: Vec<ImageRegionCreateEntry>,
}

/// Entry associating a region to an image. Coordinates are fractions of the image's size, from
/// 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegionCreateEntry {
    /// The id of the image.
    #[serde(alias = "ImageId")]
    pub image_id: Uuid,
    /// The id of the region's tag.
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The left edge.
    #[serde(alias = "Left")]
    pub left: f64,
    /// The top edge.
    #[serde(alias = "Top")]
    pub top: f64,
    /// The width.
    #[serde(alias = "Width")]
    pub width: f64,
    /// The height.
    #[serde(alias = "Height")]
    pub height: f64,
}

/// The answer of CreateImageRegions. With HTTP 207 (partial success), `exceeded` holds the
/// regions not created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegionCreateSummary {
    /// The regions created.
    #[serde(alias = "Created", default, deserialize_with = "null_as_empty")]
    pub created: Vec<ImageRegionCreateResult>,
    /// The regions that already existed.
    #[serde(alias = "Duplicated", default, deserialize_with = "null_as_empty")]
    pub duplicated: Vec<ImageRegionCreateEntry>,
    /// The regions not created because a limit was reached.
    #[serde(alias = "Exceeded", default, deserialize_with = "null_as_empty")]
    pub exceeded: Vec<ImageRegionCreateEntry>,
}

/// A region created on an image.
///
/// `region_id`, `tag_name` and `created` are optional: the spec's own CreateImageRegions example
/// leaves them out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegionCreateResult {
    /// The id of the image.
    #[read_only]
    #[serde(alias = "ImageId")]
    pub image_id: Uuid,
    /// The id of the region.
    #[read_only]
    #[serde(alias = "RegionId")]
    pub region_id: Option<Uuid>,
    /// The name of the region's tag.
    #[read_only]
    #[serde(alias = "TagName")]
    pub tag_name: Option<String>,
    /// When the region was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: Option<DateTime>,
    /// The id of the region's tag.
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The left edge.
    #[serde(alias = "Left")]
    pub left: f64,
    /// The top edge.
    #[serde(alias = "Top")]
    pub top: f64,
    /// The width.
    #[serde(alias = "Width")]
    pub width: f64,
    /// The height.
    #[serde(alias = "Height")]
    pub height: f64,
}

/// The regions the service proposes for an image (the answer of GetImageRegionProposals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageRegionProposal {
    /// The id of the project.
    #[read_only]
    #[serde(alias = "ProjectId")]
    pub project_id: Uuid,
    /// The id of the image.
    #[read_only]
    #[serde(alias = "ImageId")]
    pub image_id: Uuid,
    /// The proposed regions.
    #[read_only]
    #[serde(alias = "Proposals", default, deserialize_with = "null_as_empty")]
    pub proposals: Vec<RegionProposal>,
}

/// A proposed region, with the service's confidence in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct RegionProposal {
    /// The confidence, from 0 to 1.
    #[read_only]
    #[serde(alias = "Confidence", default)]
    pub confidence: f64,
    /// Where the region is.
    #[read_only]
    #[serde(alias = "BoundingBox")]
    pub bounding_box: Option<BoundingBox>,
}

/// Bounding box that defines a region of an image. Coordinates are fractions of the image's
/// size, from 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct BoundingBox {
    /// The left edge.
    #[serde(alias = "Left")]
    pub left: f64,
    /// The top edge.
    #[serde(alias = "Top")]
    pub top: f64,
    /// The width.
    #[serde(alias = "Width")]
    pub width: f64,
    /// The height.
    #[serde(alias = "Height")]
    pub height: f64,
}
