//! Predictions (the spec's `PredictionsApi`): stored predictions and their queries
//! ([`PredictionQueryToken`], [`PredictionQueryTag`], [`PredictionQueryResult`],
//! [`StoredImagePrediction`]), quick tests ([`ImageUrl`], [`ImagePrediction`]) and
//! [`Prediction`].

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{BoundingBox, PredictionOrderBy, TagType, null_as_empty};
use crate::DateTime;

/// A query of stored predictions (the body of QueryPredictions), or the token to continue one
/// (in [`PredictionQueryResult::token`]). Unset fields stay out of the JSON, so the service
/// applies its defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct PredictionQueryToken {
    /// The session of a continued query.
    #[serde(alias = "Session", skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Where a continued query resumes.
    #[serde(alias = "Continuation", skip_serializing_if = "Option::is_none")]
    pub continuation: Option<String>,
    /// The maximum number of predictions to return.
    #[serde(alias = "MaxCount", skip_serializing_if = "Option::is_none")]
    pub max_count: Option<i32>,
    /// The order of the predictions.
    #[serde(alias = "OrderBy", skip_serializing_if = "Option::is_none")]
    pub order_by: Option<PredictionOrderBy>,
    /// The tags to filter by, with their probability ranges (the service combines at most 2).
    #[max_items(2)]
    #[serde(
        alias = "Tags",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<PredictionQueryTag>,
    /// The iteration whose predictions to return.
    #[serde(alias = "IterationId", skip_serializing_if = "Option::is_none")]
    pub iteration_id: Option<Uuid>,
    /// The earliest time of a prediction.
    #[serde(alias = "StartTime", skip_serializing_if = "Option::is_none")]
    pub start_time: Option<DateTime>,
    /// The latest time of a prediction.
    #[serde(alias = "EndTime", skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime>,
    /// The application the predictions were made for.
    #[serde(alias = "Application", skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
}

/// A tag of a prediction query, with the probability range to match. (v2.0's spec marked all
/// three fields read-only although a query must send them; v3.3 fixed that.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct PredictionQueryTag {
    /// The id of the tag.
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The lowest probability to match.
    #[serde(alias = "MinThreshold", default)]
    pub min_threshold: f64,
    /// The highest probability to match: `1.0` for no upper bound.
    #[serde(alias = "MaxThreshold", default)]
    pub max_threshold: f64,
}

/// The answer of QueryPredictions: a page of stored predictions and the token to continue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct PredictionQueryResult {
    /// The query as the service ran it; send it back to get the next page.
    #[serde(alias = "Token")]
    pub token: Option<PredictionQueryToken>,
    /// The stored predictions.
    #[read_only]
    #[serde(alias = "Results", default, deserialize_with = "null_as_empty")]
    pub results: Vec<StoredImagePrediction>,
}

/// Result of an image prediction request, as stored.
///
/// Its URIs are absolute, or, when the VNET feature is on, paths relative to the project's
/// artifacts, to be fetched with GetArtifact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct StoredImagePrediction {
    /// The (resized) prediction image.
    #[read_only]
    #[serde(alias = "ResizedImageUri")]
    pub resized_image_uri: Option<String>,
    /// The thumbnail of the original prediction image.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
    /// The original prediction image.
    #[read_only]
    #[serde(alias = "OriginalImageUri")]
    pub original_image_uri: Option<String>,
    /// The domain the prediction was made on.
    #[read_only]
    #[serde(alias = "Domain")]
    pub domain: Option<Uuid>,
    /// The id of the prediction.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The project of the prediction.
    #[read_only]
    #[serde(alias = "Project")]
    pub project: Uuid,
    /// The iteration that made the prediction.
    #[read_only]
    #[serde(alias = "Iteration")]
    pub iteration: Uuid,
    /// When the prediction was made.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The predictions per tag.
    #[read_only]
    #[serde(alias = "Predictions", default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
}

/// The probability of one tag (and, for object detection, where it is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Prediction {
    /// The probability of the tag, from 0 to 1.
    #[read_only]
    #[serde(alias = "Probability", default)]
    pub probability: f64,
    /// The id of the tag.
    #[read_only]
    #[serde(alias = "TagId")]
    pub tag_id: Uuid,
    /// The name of the tag.
    #[read_only]
    #[serde(alias = "TagName")]
    pub tag_name: Option<String>,
    /// Where the tagged object is, for object detection.
    #[read_only]
    #[serde(alias = "BoundingBox")]
    pub bounding_box: Option<BoundingBox>,
    /// The type of the tag.
    #[read_only]
    #[serde(alias = "TagType")]
    pub tag_type: Option<TagType>,
}

/// The URL of an image (the body of QuickTestImageUrl).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageUrl {
    /// The URL of the image.
    #[serde(alias = "Url")]
    pub url: String,
}

/// Result of an image prediction request (the answer of QuickTestImage and QuickTestImageUrl).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImagePrediction {
    /// The id of the prediction.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The project of the prediction.
    #[read_only]
    #[serde(alias = "Project")]
    pub project: Uuid,
    /// The iteration that made the prediction.
    #[read_only]
    #[serde(alias = "Iteration")]
    pub iteration: Uuid,
    /// When the prediction was made.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The predictions per tag.
    #[read_only]
    #[serde(alias = "Predictions", default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
}
