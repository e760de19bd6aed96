//! Performance of trained iterations (the spec's `ProjectApi` operations on `/performance`):
//! [`IterationPerformance`], [`TagPerformance`], [`ImagePerformance`].

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ImageRegion, ImageTag, Prediction, null_as_empty};
use crate::DateTime;

/// Represents the detailed performance data for a trained iteration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct IterationPerformance {
    /// Gets the per-tag performance details for this iteration.
    #[read_only]
    #[serde(
        alias = "PerTagPerformance",
        default,
        deserialize_with = "null_as_empty"
    )]
    pub per_tag_performance: Vec<TagPerformance>,
    /// Gets the precision.
    #[read_only]
    #[serde(alias = "Precision", default)]
    pub precision: f64,
    /// Gets the standard deviation for the precision.
    #[read_only]
    #[serde(alias = "PrecisionStdDeviation", default)]
    pub precision_std_deviation: f64,
    /// Gets the recall.
    #[read_only]
    #[serde(alias = "Recall", default)]
    pub recall: f64,
    /// Gets the standard deviation for the recall.
    #[read_only]
    #[serde(alias = "RecallStdDeviation", default)]
    pub recall_std_deviation: f64,
    /// Gets the average precision when applicable.
    #[read_only]
    #[serde(alias = "AveragePrecision")]
    pub average_precision: Option<f64>,
}

/// Represents performance data for a particular tag in a trained iteration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct TagPerformance {
    /// The id of the tag.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The name of the tag.
    #[read_only]
    #[serde(alias = "Name")]
    pub name: Option<String>,
    /// Gets the precision.
    #[read_only]
    #[serde(alias = "Precision", default)]
    pub precision: f64,
    /// Gets the standard deviation for the precision.
    #[read_only]
    #[serde(alias = "PrecisionStdDeviation", default)]
    pub precision_std_deviation: f64,
    /// Gets the recall.
    #[read_only]
    #[serde(alias = "Recall", default)]
    pub recall: f64,
    /// Gets the standard deviation for the recall.
    #[read_only]
    #[serde(alias = "RecallStdDeviation", default)]
    pub recall_std_deviation: f64,
    /// Gets the average precision when applicable.
    #[read_only]
    #[serde(alias = "AveragePrecision")]
    pub average_precision: Option<f64>,
}

/// Image performance model: an image of a trained iteration's test set, with its predictions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImagePerformance {
    /// What the iteration predicted for the image.
    #[read_only]
    #[serde(alias = "Predictions", default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
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
    /// Where to download the image from.
    #[read_only]
    #[serde(alias = "ImageUri")]
    pub image_uri: Option<String>,
    /// Where to download the image's thumbnail from.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
    /// The tags of the image.
    #[read_only]
    #[serde(alias = "Tags", default, deserialize_with = "null_as_empty")]
    pub tags: Vec<ImageTag>,
    /// The regions of the image.
    #[read_only]
    #[serde(alias = "Regions", default, deserialize_with = "null_as_empty")]
    pub regions: Vec<ImageRegion>,
}
