//! Iterations (the spec's `ProjectApi` operations on `/iterations`): [`Iteration`] and its patch.

use declarest::{Model, Patchable};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::DateTime;

/// An iteration of a project: one trained (or not yet trained) model.
///
/// Only `name` and `is_default` are writable; [`IterationPatch`] holds exactly those.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Iteration {
    /// The id of the iteration.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The name of the iteration.
    #[serde(alias = "Name")]
    pub name: Option<String>,
    /// Whether the iteration is the project's default.
    #[serde(alias = "IsDefault", default)]
    pub is_default: bool,
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
    /// The domain the iteration was trained on.
    #[read_only]
    #[serde(alias = "DomainId")]
    pub domain_id: Option<Uuid>,
}
