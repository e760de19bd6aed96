//! Suggested tags and regions (new in v3.3): what a trained iteration suggests for untagged
//! images ([`SuggestedTagAndRegion`]), the queries over those suggestions
//! ([`SuggestedTagAndRegionQueryToken`], [`SuggestedTagAndRegionQuery`],
//! [`StoredSuggestedTagAndRegion`]) and their counts ([`TagFilter`]).

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Prediction, SuggestionSortBy, null_as_empty};
use crate::DateTime;

/// The tags and regions suggested for one untagged image (the answer of
/// SuggestTagsAndRegions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedTagAndRegion {
    /// The id of the prediction.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The project.
    #[read_only]
    #[serde(alias = "Project")]
    pub project: Uuid,
    /// The iteration that made the suggestion.
    #[read_only]
    #[serde(alias = "Iteration")]
    pub iteration: Uuid,
    /// When the suggestion was made.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The suggested tags (and regions), with their probabilities.
    #[read_only]
    #[serde(alias = "Predictions", default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
    /// The uncertainty (entropy) of the suggestions for the image.
    #[read_only]
    #[serde(alias = "PredictionUncertainty", default)]
    pub prediction_uncertainty: f64,
}

/// A stored suggestion for an untagged image, with the image (in the answer of
/// QuerySuggestedImages).
///
/// Its URIs are absolute, or, when the VNET feature is on, paths relative to the project's
/// artifacts, to be fetched with GetArtifact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct StoredSuggestedTagAndRegion {
    /// The width of the resized image, in pixels.
    #[read_only]
    #[serde(alias = "Width", default)]
    pub width: i32,
    /// The height of the resized image, in pixels.
    #[read_only]
    #[serde(alias = "Height", default)]
    pub height: i32,
    /// The (resized) image.
    #[read_only]
    #[serde(alias = "ResizedImageUri")]
    pub resized_image_uri: Option<String>,
    /// The thumbnail of the original image.
    #[read_only]
    #[serde(alias = "ThumbnailUri")]
    pub thumbnail_uri: Option<String>,
    /// The original image.
    #[read_only]
    #[serde(alias = "OriginalImageUri")]
    pub original_image_uri: Option<String>,
    /// The domain the suggestion was made on.
    #[read_only]
    #[serde(alias = "Domain")]
    pub domain: Option<Uuid>,
    /// The id of the prediction.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The project.
    #[read_only]
    #[serde(alias = "Project")]
    pub project: Uuid,
    /// The iteration that made the suggestion.
    #[read_only]
    #[serde(alias = "Iteration")]
    pub iteration: Uuid,
    /// When the suggestion was made.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// The suggested tags (and regions), with their probabilities.
    #[read_only]
    #[serde(alias = "Predictions", default, deserialize_with = "null_as_empty")]
    pub predictions: Vec<Prediction>,
    /// The uncertainty (entropy) of the suggestions for the image.
    #[read_only]
    #[serde(alias = "PredictionUncertainty", default)]
    pub prediction_uncertainty: f64,
}

/// The answer of QuerySuggestedImages: a page of suggestions, and the token for the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedTagAndRegionQuery {
    /// The query as the service ran it, with its session and continuation; send it back for
    /// the next page.
    #[serde(alias = "Token")]
    pub token: Option<SuggestedTagAndRegionQueryToken>,
    /// The suggestions.
    #[read_only]
    #[serde(alias = "Results", default, deserialize_with = "null_as_empty")]
    pub results: Vec<StoredSuggestedTagAndRegion>,
}

/// A query of suggested images (the body of QuerySuggestedImages). The first query leaves
/// `session` and `continuation` unset; the next ones send those of the previous answer's token.
/// Unset fields stay out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct SuggestedTagAndRegionQueryToken {
    /// The project's tags to filter the suggestions by.
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The confidence a suggestion needs.
    #[serde(alias = "Threshold", skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
    /// The session of a continued query.
    #[serde(alias = "Session", skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    /// Where a continued query resumes.
    #[serde(alias = "Continuation", skip_serializing_if = "Option::is_none")]
    pub continuation: Option<String>,
    /// The most results to return.
    #[serde(alias = "MaxCount", skip_serializing_if = "Option::is_none")]
    pub max_count: Option<i32>,
    /// The order of the results.
    #[serde(alias = "SortBy", skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<SuggestionSortBy>,
}

/// Which suggestions to count (the body of QuerySuggestedImageCount): untagged images whose
/// suggested tags are among `tag_ids` with at least `threshold` probability. Unset fields stay
/// out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct TagFilter {
    /// The project's tags to count suggestions for.
    #[serde(
        alias = "TagIds",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tag_ids: Vec<Uuid>,
    /// The confidence a suggestion needs.
    #[serde(alias = "Threshold", skip_serializing_if = "Option::is_none")]
    pub threshold: Option<f64>,
}
