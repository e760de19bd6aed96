//! The fake's data, in memory, and the service's rules for changing it.
//!
//! One [`State`] holds every project with its tags, images, iterations (with the snapshot of
//! the training data each was trained on) and stored predictions, and the project exports that
//! ImportProject can copy from. Time-driven changes (training and exports completing) are
//! applied lazily by [`State::settle`], which the server calls before every use of the state: no
//! background timers.
//!
//! The state is version-neutral: it stores what every API version needs (the v2.0 default
//! iteration as well as v3.3's publishing, image metadata, tag types, training types) and
//! answers with its own views ([`views`]), which each version's route layer turns into its own
//! models. Enum-like values are kept as the service spells them (`"Multiclass"`, `"Regular"`).

mod artifacts;
mod filter;
mod images;
mod predictions;
mod project_exports;
mod projects;
mod suggestions;
mod tags;
mod training;
pub mod views;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::errors::{ServiceError, not_found_iteration, not_found_project};
use super::imaging::ImageFormat;
use customvision_training::DateTime;

pub use artifacts::{Artifact, ArtifactKind};
pub use filter::MetadataFilter;
pub use images::{DeleteImages, ImageEntry, ImageQuery, Listing, NewImage, TaggingStatus};
pub use predictions::{PredictionOrder, PredictionQuery};
pub use projects::{NewProject, ProjectUpdate};
pub use suggestions::SuggestionQuery;
pub use tags::TagUpdate;
pub use training::{IterationUpdate, PerformanceQuery, TrainOptions};
pub use views::*;

/// How long the time-driven steps take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// How long a new iteration stays `Staging` before it is `Training`.
    pub staging: Duration,
    /// How long it then stays `Training` before it is `Completed`.
    pub training: Duration,
    /// How long an export stays `Exporting` before it is `Done`.
    pub export: Duration,
}

/// Every project, in creation order, and the project exports.
#[derive(Debug)]
pub struct State {
    projects: Vec<ProjectRecord>,
    /// ExportProject's copies, by token.
    project_exports: Vec<project_exports::ProjectExportRecord>,
    timing: Timing,
}

/// The platforms a model exports to, as the service spells them.
pub const EXPORT_PLATFORMS: [&str; 5] = ["CoreML", "TensorFlow", "DockerFile", "ONNX", "VAIDK"];

#[derive(Debug, Clone)]
struct ProjectRecord {
    id: Uuid,
    name: String,
    description: Option<String>,
    domain_id: Uuid,
    /// `Multiclass` or `Multilabel` (classification domains), `None` for object detection.
    classification_type: Option<String>,
    /// What the trained models are meant for (v3.3's `targetExportPlatforms`).
    target_export_platforms: Vec<String>,
    created: DateTime,
    last_modified: DateTime,
    /// In creation order.
    tags: Vec<TagRecord>,
    /// In creation order.
    images: Vec<ImageRecord>,
    /// In creation order.
    iterations: Vec<IterationRecord>,
    /// In creation order.
    predictions: Vec<PredictionRecord>,
    /// Moves with every change to the training data: images, their tags and regions, deleted
    /// tags, the domain.
    data_version: u64,
    /// `data_version` when the project was last trained; `None` while no trained iteration
    /// is left.
    trained_version: Option<u64>,
    /// Orders images and predictions created in the same tick.
    next_seq: u64,
}

#[derive(Debug, Clone)]
struct TagRecord {
    id: Uuid,
    name: String,
    description: Option<String>,
    /// `Regular`, `Negative` or `GeneralProduct`.
    tag_type: String,
}

/// Where an image came from, and what the fake knows of its bytes.
#[derive(Debug, Clone)]
struct ImageData {
    source: ImageSource,
    format: Option<ImageFormat>,
    size: usize,
    width: i32,
    height: i32,
    /// A hash of the bytes (or of the URL): duplicates and predictions are decided by it.
    content: u64,
    /// The uploaded bytes, served as the image's artifacts; `None` for a URL (never fetched).
    bytes: Option<Arc<[u8]>>,
}

#[derive(Debug, Clone)]
enum ImageSource {
    Upload {
        file_name: Option<String>,
        content_type: Option<String>,
    },
    Url(String),
}

impl ImageSource {
    /// `sourceUrl` of an `ImageCreateResult`: the URL, or the file name in quotes.
    fn source_url(&self) -> Option<String> {
        match self {
            ImageSource::Upload { file_name, .. } => {
                file_name.as_ref().map(|name| format!("\"{name}\""))
            }
            ImageSource::Url(url) => Some(url.clone()),
        }
    }
}

#[derive(Debug, Clone)]
struct ImageRecord {
    id: Uuid,
    seq: u64,
    created: DateTime,
    data: ImageData,
    tags: Vec<ImageTagRecord>,
    regions: Vec<RegionRecord>,
    /// Key-value pairs (v3.3), in key order.
    metadata: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
struct ImageTagRecord {
    tag_id: Uuid,
    created: DateTime,
}

#[derive(Debug, Clone)]
struct RegionRecord {
    id: Uuid,
    tag_id: Uuid,
    created: DateTime,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

/// The training data an iteration was trained on.
#[derive(Debug, Clone)]
struct Snapshot {
    tags: Vec<TagRecord>,
    images: Vec<ImageRecord>,
    domain_id: Uuid,
}

#[derive(Debug, Clone)]
struct IterationRecord {
    iteration: IterationView,
    run: Option<TrainingRun>,
    exports: Vec<ExportRecord>,
}

#[derive(Debug, Clone)]
struct TrainingRun {
    /// When `Staging` turns `Training`.
    training_from: Instant,
    /// When `Training` turns `Completed`.
    completes_at: Instant,
    /// `trainedAt` once completed.
    completed: DateTime,
    /// `trainingTimeInMinutes` once completed.
    minutes: i32,
    snapshot: Snapshot,
}

#[derive(Debug, Clone)]
struct ExportRecord {
    export: ExportView,
    ready_at: Instant,
}

#[derive(Debug, Clone)]
struct PredictionRecord {
    id: Uuid,
    seq: u64,
    iteration: Uuid,
    domain: Uuid,
    created: DateTime,
    predictions: Vec<PredictionView>,
    data: ImageData,
}

/// What the fake keeps of an image, for tests to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredImage {
    /// The id of the image.
    pub id: Uuid,
    /// The size of the uploaded bytes (0 for an image created from a URL).
    pub size: usize,
    /// The format detected from the bytes (`None` for an image created from a URL).
    pub format: Option<ImageFormat>,
    /// The width, read from the header when it could be, else derived from the bytes.
    pub width: i32,
    /// The height, read from the header when it could be, else derived from the bytes.
    pub height: i32,
    /// The part's file name, for an upload.
    pub file_name: Option<String>,
    /// The part's content type, for a multipart upload.
    pub content_type: Option<String>,
    /// The URL, for an image created from one.
    pub url: Option<String>,
    /// The image's metadata (v3.3).
    pub metadata: BTreeMap<String, String>,
}

/// Now, at the service's precision: .NET ticks of 100 ns, so at most 7 fractional digits.
fn now() -> DateTime {
    ticks(time::OffsetDateTime::now_utc())
}

/// `start` plus `duration`, at the service's precision.
fn later(start: DateTime, duration: Duration) -> DateTime {
    ticks(start.to_offset_date_time() + duration)
}

fn ticks(at: time::OffsetDateTime) -> DateTime {
    let rounded = at.nanosecond() / 100 * 100;
    DateTime::from(at.replace_nanosecond(rounded).unwrap_or(at))
}

impl State {
    /// An empty state.
    pub fn new(timing: Timing) -> Self {
        State {
            projects: Vec::new(),
            project_exports: Vec::new(),
            timing,
        }
    }

    /// Applies what time has done by `now`: iterations finish staging and training (the first
    /// one to complete becomes the v2.0 default if the project has none), exports finish.
    pub fn settle(&mut self, now: Instant) {
        for project in &mut self.projects {
            project.settle(now);
        }
    }

    fn project(&self, project_id: Uuid) -> Result<&ProjectRecord, ServiceError> {
        self.projects
            .iter()
            .find(|p| p.id == project_id)
            .ok_or_else(|| not_found_project(project_id))
    }

    fn project_mut(&mut self, project_id: Uuid) -> Result<&mut ProjectRecord, ServiceError> {
        self.projects
            .iter_mut()
            .find(|p| p.id == project_id)
            .ok_or_else(|| not_found_project(project_id))
    }
}

impl ProjectRecord {
    fn seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// The training data changed: the next TrainProject trains.
    fn touch(&mut self) {
        self.data_version += 1;
    }

    fn iteration(&self, iteration_id: Uuid) -> Result<&IterationRecord, ServiceError> {
        self.iterations
            .iter()
            .find(|i| i.iteration.id == iteration_id)
            .ok_or_else(|| not_found_iteration(iteration_id))
    }

    fn iteration_mut(&mut self, iteration_id: Uuid) -> Result<&mut IterationRecord, ServiceError> {
        self.iterations
            .iter_mut()
            .find(|i| i.iteration.id == iteration_id)
            .ok_or_else(|| not_found_iteration(iteration_id))
    }

    /// The tags and images of the workspace, or of an iteration's training data (empty for an
    /// iteration never trained).
    fn data(
        &self,
        iteration_id: Option<Uuid>,
    ) -> Result<(&[TagRecord], &[ImageRecord]), ServiceError> {
        match iteration_id {
            None => Ok((&self.tags, &self.images)),
            Some(id) => Ok(match &self.iteration(id)?.run {
                Some(run) => (&run.snapshot.tags, &run.snapshot.images),
                None => (&[], &[]),
            }),
        }
    }

    fn settle(&mut self, now: Instant) {
        let mut has_default = self.iterations.iter().any(|i| i.iteration.is_default);
        for record in &mut self.iterations {
            if let Some(run) = &record.run {
                let iteration = &mut record.iteration;
                let status = if now >= run.completes_at {
                    "Completed"
                } else if now >= run.training_from {
                    "Training"
                } else {
                    "Staging"
                };
                if iteration.status != status {
                    iteration.status = status.to_owned();
                    if status == "Completed" {
                        iteration.trained_at = Some(run.completed);
                        iteration.last_modified = run.completed;
                        iteration.exportable =
                            super::domains::is_exportable(run.snapshot.domain_id);
                        iteration.training_time_in_minutes = run.minutes;
                        if !has_default {
                            iteration.is_default = true;
                            has_default = true;
                        }
                    }
                }
            }
            for export in &mut record.exports {
                if now >= export.ready_at && export.export.status == "Exporting" {
                    export.export.status = "Done".to_owned();
                }
            }
        }
    }
}
