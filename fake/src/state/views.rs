//! What the state answers with: plain, version-neutral views of its data. Each API version's
//! route layer turns them into its own models (and builds the URIs it hands out from the ids
//! here). Enum-like values are strings as the service spells them.

use std::collections::BTreeMap;

use uuid::Uuid;

use customvision_training::DateTime;

/// A project.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectView {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub domain_id: Uuid,
    /// `Multiclass` / `Multilabel`; `None` for object detection.
    pub classification_type: Option<String>,
    pub target_export_platforms: Vec<String>,
    pub created: DateTime,
    pub last_modified: DateTime,
    /// The image whose thumbnail is the project's (the first one).
    pub thumbnail_image: Option<Uuid>,
}

/// An iteration, with the fields of every version.
#[derive(Debug, Clone, PartialEq)]
pub struct IterationView {
    pub id: Uuid,
    pub name: Option<String>,
    /// v2.0's default iteration (v3.3 has none).
    pub is_default: bool,
    /// `New`, `Staging`, `Training`, `Completed`.
    pub status: String,
    pub created: DateTime,
    pub last_modified: DateTime,
    pub trained_at: Option<DateTime>,
    pub project_id: Uuid,
    pub exportable: bool,
    pub domain_id: Option<Uuid>,
    /// The platforms a completed, exportable iteration exports to.
    pub exportable_to: Vec<String>,
    pub classification_type: Option<String>,
    /// `Regular` or `Advanced`.
    pub training_type: String,
    pub reserved_budget_in_hours: i32,
    pub training_time_in_minutes: i32,
    /// Set while the iteration is published.
    pub publish_name: Option<String>,
    /// The prediction resource it is published to.
    pub original_publish_resource_id: Option<String>,
}

/// A tag; `image_count` among the images it was counted over.
#[derive(Debug, Clone, PartialEq)]
pub struct TagView {
    pub id: Uuid,
    pub name: String,
    pub description: Option<String>,
    /// `Regular`, `Negative` or `GeneralProduct`.
    pub tag_type: String,
    pub image_count: i32,
}

/// A box, in fractions of the image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxView {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// A tag of an image.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageTagView {
    pub tag_id: Uuid,
    pub tag_name: Option<String>,
    pub created: DateTime,
}

/// A region of an image.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionView {
    pub region_id: Uuid,
    pub tag_id: Uuid,
    pub tag_name: Option<String>,
    pub created: DateTime,
    pub bounds: BoxView,
}

/// An image. Its URIs are built by each version from its id.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageView {
    pub id: Uuid,
    pub created: DateTime,
    pub width: i32,
    pub height: i32,
    pub tags: Vec<ImageTagView>,
    pub regions: Vec<RegionView>,
    pub metadata: BTreeMap<String, String>,
}

/// One image of a create batch: `status` as the service spells it (`OK`, `OKDuplicate`,
/// `ErrorImageFormat`, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateResultView {
    pub source_url: Option<String>,
    pub status: &'static str,
    pub image: Option<ImageView>,
}

/// A create batch's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateSummaryView {
    /// Every image `OK`.
    pub is_batch_successful: bool,
    pub images: Vec<CreateResultView>,
}

/// An image tag to create: (image, tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageTagEntry {
    pub image_id: Uuid,
    pub tag_id: Uuid,
}

/// CreateImageTags' answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImageTagSummaryView {
    pub created: Vec<ImageTagEntry>,
    pub duplicated: Vec<ImageTagEntry>,
    pub exceeded: Vec<ImageTagEntry>,
}

/// A region of a new image: its tag and box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionInput {
    pub tag_id: Uuid,
    pub bounds: BoxView,
}

/// A region to add to an existing image.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RegionEntry {
    pub image_id: Uuid,
    pub tag_id: Uuid,
    pub bounds: BoxView,
}

/// A region CreateImageRegions created.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionCreatedView {
    pub image_id: Uuid,
    pub region_id: Uuid,
    pub tag_id: Uuid,
    pub tag_name: Option<String>,
    pub created: DateTime,
    pub bounds: BoxView,
}

/// CreateImageRegions' answer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionSummaryView {
    pub created: Vec<RegionCreatedView>,
    pub duplicated: Vec<RegionEntry>,
    pub exceeded: Vec<RegionEntry>,
}

/// One region proposal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProposalView {
    pub confidence: f64,
    pub bounds: BoxView,
}

/// One tag's probability for an image.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictionView {
    pub probability: f64,
    pub tag_id: Uuid,
    pub tag_name: String,
    pub tag_type: String,
    /// Object detection only.
    pub bounding_box: Option<BoxView>,
}

/// A quick test's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ImagePredictionView {
    pub id: Uuid,
    pub project: Uuid,
    pub iteration: Uuid,
    pub created: DateTime,
    pub predictions: Vec<PredictionView>,
}

/// A stored prediction, as QueryPredictions answers it. Its URIs are built from its id.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPredictionView {
    pub id: Uuid,
    pub project: Uuid,
    pub iteration: Uuid,
    pub domain: Uuid,
    pub created: DateTime,
    pub predictions: Vec<PredictionView>,
}

/// One tag's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct TagPerformanceView {
    pub id: Uuid,
    pub name: String,
    pub precision: f64,
    pub precision_std_deviation: f64,
    pub recall: f64,
    pub recall_std_deviation: f64,
    pub average_precision: Option<f64>,
}

/// GetIterationPerformance's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PerformanceView {
    pub per_tag: Vec<TagPerformanceView>,
    pub precision: f64,
    pub precision_std_deviation: f64,
    pub recall: f64,
    pub recall_std_deviation: f64,
    pub average_precision: Option<f64>,
}

/// A training image with the fake's predictions for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImagePerformanceView {
    pub image: ImageView,
    pub predictions: Vec<PredictionView>,
}

/// An export of an iteration.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportView {
    pub project_id: Uuid,
    pub iteration_id: Uuid,
    /// As the service spells it (`CoreML`, `TensorFlow`, ...).
    pub platform: String,
    pub flavor: Option<String>,
    /// `Exporting` until ready, then `Done`.
    pub status: String,
}

impl ExportView {
    /// Whether its download is ready.
    pub fn is_done(&self) -> bool {
        self.status == "Done"
    }
}

/// The outcome of UpdateImageMetadata for one image: `status` as the service spells it (`OK`,
/// `ErrorImageNotFound`, `ErrorLimitExceed`); the metadata it has now when `OK`.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataEntryView {
    pub image_id: Uuid,
    pub status: &'static str,
    pub metadata: Option<BTreeMap<String, String>>,
}

/// UpdateImageMetadata's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataSummaryView {
    pub is_batch_successful: bool,
    pub images: Vec<MetadataEntryView>,
}

/// Suggested tags (and regions, for object detection) of one image.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionView {
    pub image: ImageView,
    pub project: Uuid,
    pub iteration: Uuid,
    pub domain: Uuid,
    pub created: DateTime,
    pub predictions: Vec<PredictionView>,
    /// 1 minus the top probability: the higher, the less certain.
    pub uncertainty: f64,
}

/// QuerySuggestedImages' answer: the query as run, with its continuation, and a page.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedPageView {
    pub query: SuggestionQueryView,
    pub results: Vec<SuggestionView>,
}

/// The token of a suggested-images query, as answered.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionQueryView {
    pub tag_ids: Vec<Uuid>,
    pub threshold: f64,
    pub session: String,
    pub continuation: Option<String>,
    pub max_count: i32,
    /// `UncertaintyAscending` or `UncertaintyDescending`.
    pub sort_by: String,
}

/// ExportProject's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectExportView {
    pub iteration_count: i32,
    pub image_count: i32,
    pub tag_count: i32,
    pub region_count: i32,
    pub estimated_import_time_in_ms: i32,
    pub token: String,
}

/// QueryPredictions' answer: the query as run (thresholds normalized), and a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictionPageView {
    /// `maxThreshold` of 0 read as 1, in the order given.
    pub tags: Vec<(Uuid, f64, f64)>,
    pub session: String,
    pub continuation: Option<String>,
    pub results: Vec<StoredPredictionView>,
}
