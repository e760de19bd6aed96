//! Iterations (the spec's `ProjectApi` operations on `/iterations` and `/train`): [`Iteration`]
//! and [`TrainingParameters`].

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ClassificationType, ExportPlatform, TrainingType, null_as_empty};
use crate::DateTime;

/// An iteration of a project: one trained (or not yet trained) model.
///
/// v3.3 reworked it: `isDefault` is gone (publishing replaced it), `name` is required and the only
/// writable field, and training and publishing details are new. So it is its own type, not
/// v2.0's. [`IterationPatch::new`] takes the name, the whole body of UpdateIteration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Iteration {
    /// Gets the id of the iteration.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// Gets or sets the name of the iteration.
    #[required]
    #[serde(alias = "Name")]
    pub name: String,
    /// The status: `New`, `Staging`, `Training`, `Completed`, ... (a free string: the set grows).
    #[read_only]
    #[serde(alias = "Status")]
    pub status: Option<String>,
    /// When the iteration was created.
    #[read_only]
    #[serde(alias = "Created")]
    pub created: DateTime,
    /// When the iteration was last modified.
    #[read_only]
    #[serde(alias = "LastModified")]
    pub last_modified: DateTime,
    /// When the iteration was trained; absent until it is.
    #[read_only]
    #[serde(alias = "TrainedAt")]
    pub trained_at: Option<DateTime>,
    /// The project the iteration belongs to.
    #[read_only]
    #[serde(alias = "ProjectId")]
    pub project_id: Uuid,
    /// Whether the iteration can be exported to another format.
    #[read_only]
    #[serde(alias = "Exportable", default)]
    pub exportable: bool,
    /// The platforms the iteration can be exported to.
    #[read_only]
    #[serde(alias = "ExportableTo", default, deserialize_with = "null_as_empty")]
    pub exportable_to: Vec<ExportPlatform>,
    /// The domain the iteration was trained on.
    #[read_only]
    #[serde(alias = "DomainId")]
    pub domain_id: Option<Uuid>,
    /// The classification type of the project when the iteration was trained.
    #[read_only]
    #[serde(alias = "ClassificationType")]
    pub classification_type: Option<ClassificationType>,
    /// How the iteration was trained.
    #[read_only]
    #[serde(alias = "TrainingType")]
    pub training_type: Option<TrainingType>,
    /// The hours reserved for advanced training.
    #[read_only]
    #[serde(alias = "ReservedBudgetInHours", default)]
    pub reserved_budget_in_hours: i32,
    /// How long training took, in minutes.
    #[read_only]
    #[serde(alias = "TrainingTimeInMinutes", default)]
    pub training_time_in_minutes: i32,
    /// The name the iteration is published under (PublishIteration), if it is.
    #[read_only]
    #[serde(alias = "PublishName")]
    pub publish_name: Option<String>,
    /// The prediction resource the iteration was first published to.
    #[read_only]
    #[serde(alias = "OriginalPublishResourceId")]
    pub original_publish_resource_id: Option<String>,
}

/// What to train on (the optional body of TrainProject).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct TrainingParameters {
    /// The tags to train on; the project's other tags are ignored. Empty: all tags (left out of
    /// the JSON).
    #[serde(
        alias = "SelectedTags",
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub selected_tags: Vec<Uuid>,
}
