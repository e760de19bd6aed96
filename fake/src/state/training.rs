//! Iterations and their lifecycle: GetIterations, GetIteration, UpdateIteration,
//! DeleteIteration, TrainProject, the performance figures, and exports.

use std::time::Instant;

use uuid::Uuid;

use super::images::{has_any_tag, round4, view};
use super::{
    ExportRecord, ImageRecord, IterationRecord, Listing, ProjectRecord, Snapshot, State, TagRecord,
    TrainingRun, later, now,
};
use crate::domains;
use crate::errors::{ServiceError, iteration_not_trained};
use crate::imaging;
use customvision_training::{
    BoundingBox, Export, ExportFlavor, ExportPlatform, ExportStatus, ImagePerformance, Iteration,
    IterationPerformance, Prediction, TagPerformance,
};

/// The writable fields of an iteration, as read from an UpdateIteration body.
#[derive(Debug, Default)]
pub struct IterationUpdate {
    /// `Some(None)`: set to null.
    pub name: Option<Option<String>>,
    /// The new value of `isDefault`.
    pub is_default: Option<bool>,
}

/// The thresholds of GetIterationPerformance.
#[derive(Debug, Clone, Copy)]
pub struct PerformanceQuery {
    /// A tag is predicted when its probability is at least this (default 0.5).
    pub threshold: f64,
    /// The bounding box overlap that counts as a match (default 0.3); only checked for range.
    pub overlap_threshold: f64,
}

impl Default for PerformanceQuery {
    fn default() -> Self {
        PerformanceQuery {
            threshold: 0.5,
            overlap_threshold: 0.3,
        }
    }
}

/// The fake's model: deterministic probabilities of `tags` for an image whose content hashes to
/// `content`. For a training image (`actual`), its own tags score higher (0.35 to 1) than the
/// others (0 to 0.6); for a new image, every tag scores 0 to 1. Object detection adds boxes (an
/// actual region's box when there is one). Most probable first.
pub(super) fn predict(
    content: u64,
    tags: &[TagRecord],
    actual: Option<&ImageRecord>,
    detection: bool,
) -> Vec<Prediction> {
    let mut predictions: Vec<Prediction> = tags
        .iter()
        .map(|tag| {
            let f = |what: &str| {
                imaging::fraction(content, &[tag.id.as_bytes(), what.as_bytes()].concat())
            };
            let probability = match actual {
                Some(image) if image.tags.iter().any(|t| t.tag_id == tag.id) => {
                    0.35 + 0.65 * f("p")
                }
                Some(_) => 0.6 * f("p"),
                None => f("p"),
            };
            let bounding_box = detection.then(|| {
                match actual.and_then(|i| i.regions.iter().find(|r| r.tag_id == tag.id)) {
                    Some(region) => BoundingBox {
                        left: region.left,
                        top: region.top,
                        width: region.width,
                        height: region.height,
                    },
                    None => BoundingBox {
                        left: round4(0.5 * f("left")),
                        top: round4(0.5 * f("top")),
                        width: round4(0.1 + 0.4 * f("width")),
                        height: round4(0.1 + 0.4 * f("height")),
                    },
                }
            });
            Prediction {
                probability: round4(probability),
                tag_id: tag.id,
                tag_name: Some(tag.name.clone()),
                bounding_box,
            }
        })
        .collect();
    predictions.sort_by(|a, b| b.probability.total_cmp(&a.probability));
    predictions
}

/// Precision and recall of one tag (or of all) from true and false positives and false
/// negatives.
fn ratios(tp: usize, fp: usize, fn_: usize) -> (f64, f64) {
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            0.0
        } else {
            num as f64 / den as f64
        }
    };
    (round4(ratio(tp, tp + fp)), round4(ratio(tp, tp + fn_)))
}

fn std_deviation(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / values.len() as f64;
    round4(variance.sqrt())
}

impl IterationRecord {
    /// The run of a completed iteration; 404 if it was never trained, 400 while it trains.
    fn completed_run(&self) -> Result<&TrainingRun, ServiceError> {
        let run = self.run.as_ref().ok_or_else(|| {
            ServiceError::new(
                "NotFoundIterationPerformance",
                format!(
                    "Iteration {} has no performance: it was never trained",
                    self.iteration.id
                ),
            )
        })?;
        if self.iteration.status.as_deref() != Some("Completed") {
            return Err(iteration_not_trained(self.iteration.id));
        }
        Ok(run)
    }
}

impl ProjectRecord {
    fn in_training(&self) -> bool {
        self.iterations
            .iter()
            .any(|i| i.run.is_some() && i.iteration.status.as_deref() != Some("Completed"))
    }
}

impl State {
    /// A seeding helper: an untrained (`New`) iteration; `None` if there is no such project.
    /// Making it the default clears the flag on the project's other iterations.
    pub fn add_iteration(
        &mut self,
        project_id: Uuid,
        name: &str,
        is_default: bool,
    ) -> Option<Iteration> {
        let project = self.project_mut(project_id).ok()?;
        let now = now();
        let iteration = Iteration {
            id: Uuid::new_v4(),
            name: Some(name.to_owned()),
            is_default,
            status: Some("New".to_owned()),
            created: now,
            last_modified: now,
            trained_at: None,
            project_id,
            exportable: false,
            domain_id: None,
        };
        if is_default {
            for other in &mut project.iterations {
                other.iteration.is_default = false;
            }
        }
        project.iterations.push(IterationRecord {
            iteration: iteration.clone(),
            run: None,
            exports: Vec::new(),
        });
        Some(iteration)
    }

    /// GetIterations, in creation order.
    pub fn iterations(&self, project_id: Uuid) -> Result<Vec<Iteration>, ServiceError> {
        Ok(self
            .project(project_id)?
            .iterations
            .iter()
            .map(|i| i.iteration.clone())
            .collect())
    }

    /// GetIteration.
    pub fn iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<Iteration, ServiceError> {
        Ok(self
            .project(project_id)?
            .iteration(iteration_id)?
            .iteration
            .clone())
    }

    /// UpdateIteration as the service applies it: only `name` and `isDefault` change,
    /// `lastModified` moves, and a new default clears the flag on the project's others.
    pub fn update_iteration(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        update: IterationUpdate,
    ) -> Result<Iteration, ServiceError> {
        let project = self.project_mut(project_id)?;
        project.iteration(iteration_id)?;
        if update.is_default == Some(true) {
            for other in project
                .iterations
                .iter_mut()
                .filter(|i| i.iteration.id != iteration_id)
            {
                other.iteration.is_default = false;
            }
        }
        let iteration = &mut project.iteration_mut(iteration_id)?.iteration;
        if let Some(name) = update.name {
            iteration.name = name;
        }
        if let Some(is_default) = update.is_default {
            iteration.is_default = is_default;
        }
        iteration.last_modified = now();
        Ok(iteration.clone())
    }

    /// DeleteIteration: the default iteration cannot be deleted.
    pub fn delete_iteration(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        if project.iteration(iteration_id)?.iteration.is_default {
            return Err(ServiceError::bad_request(format!(
                "Iteration {iteration_id} is the project's default iteration and cannot be deleted"
            )));
        }
        project
            .iterations
            .retain(|i| i.iteration.id != iteration_id);
        if !project.iterations.iter().any(|i| i.run.is_some()) {
            project.trained_version = None;
        }
        Ok(())
    }

    /// TrainProject: a new iteration, `Staging` (if the fake stages) or `Training`, trained on
    /// a snapshot of the workspace. Nothing changed since the last training:
    /// BadRequestTrainingNotNeeded; a training still running: BadRequestTrainingAlreadyInProgress;
    /// no tagged image: BadRequestTrainingValidationFailed.
    pub fn train(&mut self, project_id: Uuid, at: Instant) -> Result<Iteration, ServiceError> {
        let timing = self.timing;
        let project = self.project_mut(project_id)?;
        if project.trained_version == Some(project.data_version) {
            return Err(ServiceError::new(
                "BadRequestTrainingNotNeeded",
                "Nothing changed since last training",
            ));
        }
        if project.in_training() {
            return Err(ServiceError::new(
                "BadRequestTrainingAlreadyInProgress",
                "The project is already training",
            ));
        }
        let tagged = project.tags.iter().any(|t| {
            project
                .images
                .iter()
                .any(|i| i.tags.iter().any(|it| it.tag_id == t.id))
        });
        if !tagged {
            return Err(ServiceError::new(
                "BadRequestTrainingValidationFailed",
                "Training needs at least one tagged image",
            ));
        }
        let requested = now();
        let domain_id = project.domain_id();
        let staging = !timing.staging.is_zero();
        let iteration = Iteration {
            id: Uuid::new_v4(),
            name: Some(format!("Iteration {}", project.iterations.len() + 1)),
            is_default: false,
            status: Some(if staging { "Staging" } else { "Training" }.to_owned()),
            created: requested,
            last_modified: requested,
            trained_at: None,
            project_id,
            exportable: false,
            domain_id: Some(domain_id),
        };
        let training_from = at + timing.staging;
        project.iterations.push(IterationRecord {
            iteration: iteration.clone(),
            run: Some(TrainingRun {
                training_from,
                completes_at: training_from + timing.training,
                completed: later(requested, timing.staging + timing.training),
                snapshot: Snapshot {
                    tags: project.tags.clone(),
                    images: project.images.clone(),
                    domain_id,
                },
            }),
            exports: Vec::new(),
        });
        project.trained_version = Some(project.data_version);
        Ok(iteration)
    }

    /// GetIterationPerformance: precision and recall of the fake's predictions for the
    /// iteration's tagged training images at `threshold`; averagePrecision for object
    /// detection only.
    pub fn iteration_performance(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        query: PerformanceQuery,
    ) -> Result<IterationPerformance, ServiceError> {
        for (name, value) in [
            ("threshold", query.threshold),
            ("overlapThreshold", query.overlap_threshold),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(ServiceError::bad_request(format!(
                    "{name} must be from 0 to 1, not {value}"
                )));
            }
        }
        let run = self
            .project(project_id)?
            .iteration(iteration_id)?
            .completed_run()?;
        let snapshot = &run.snapshot;
        let detection = domains::is_detection(snapshot.domain_id);
        let predicted: Vec<(&ImageRecord, Vec<Prediction>)> = snapshot
            .images
            .iter()
            .filter(|i| !i.tags.is_empty())
            .map(|i| {
                (
                    i,
                    predict(i.data.content, &snapshot.tags, Some(i), detection),
                )
            })
            .collect();
        let (mut all_tp, mut all_fp, mut all_fn) = (0, 0, 0);
        let per_tag: Vec<TagPerformance> = snapshot
            .tags
            .iter()
            .map(|tag| {
                let (mut tp, mut fp, mut fn_) = (0, 0, 0);
                for (image, predictions) in &predicted {
                    let actual = image.tags.iter().any(|t| t.tag_id == tag.id);
                    let hit = predictions
                        .iter()
                        .any(|p| p.tag_id == tag.id && p.probability >= query.threshold);
                    match (actual, hit) {
                        (true, true) => tp += 1,
                        (false, true) => fp += 1,
                        (true, false) => fn_ += 1,
                        (false, false) => {}
                    }
                }
                all_tp += tp;
                all_fp += fp;
                all_fn += fn_;
                let (precision, recall) = ratios(tp, fp, fn_);
                let n = (tp + fn_).max(1) as f64;
                TagPerformance {
                    id: tag.id,
                    name: Some(tag.name.clone()),
                    precision,
                    precision_std_deviation: round4((precision * (1.0 - precision) / n).sqrt()),
                    recall,
                    recall_std_deviation: round4((recall * (1.0 - recall) / n).sqrt()),
                    average_precision: detection.then(|| round4(precision * recall)),
                }
            })
            .collect();
        let (precision, recall) = ratios(all_tp, all_fp, all_fn);
        let precisions: Vec<f64> = per_tag.iter().map(|t| t.precision).collect();
        let recalls: Vec<f64> = per_tag.iter().map(|t| t.recall).collect();
        let average_precision = detection.then(|| {
            let aps: Vec<f64> = per_tag.iter().filter_map(|t| t.average_precision).collect();
            if aps.is_empty() {
                0.0
            } else {
                round4(aps.iter().sum::<f64>() / aps.len() as f64)
            }
        });
        Ok(IterationPerformance {
            per_tag_performance: per_tag,
            precision,
            precision_std_deviation: std_deviation(&precisions),
            recall,
            recall_std_deviation: std_deviation(&recalls),
            average_precision,
        })
    }

    /// GetImagePerformances: the iteration's tagged training images (with any of `tag_ids`),
    /// each with the fake's predictions.
    pub fn image_performances(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        listing: &Listing,
    ) -> Result<Vec<ImagePerformance>, ServiceError> {
        let run = self
            .project(project_id)?
            .iteration(iteration_id)?
            .completed_run()?;
        let snapshot = &run.snapshot;
        let detection = domains::is_detection(snapshot.domain_id);
        let mut images: Vec<&ImageRecord> = snapshot
            .images
            .iter()
            .filter(|i| has_any_tag(i, listing.tag_ids.as_deref()))
            .collect();
        images.sort_by_key(|i| i.seq);
        if listing.newest_first {
            images.reverse();
        }
        Ok(images
            .into_iter()
            .skip(listing.skip)
            .take(listing.take)
            .map(|image| {
                let shown = view(image, &snapshot.tags);
                ImagePerformance {
                    predictions: predict(
                        image.data.content,
                        &snapshot.tags,
                        Some(image),
                        detection,
                    ),
                    id: shown.id,
                    created: shown.created,
                    width: shown.width,
                    height: shown.height,
                    image_uri: shown.image_uri,
                    thumbnail_uri: shown.thumbnail_uri,
                    tags: shown.tags,
                    regions: shown.regions,
                }
            })
            .collect())
    }

    /// GetImagePerformanceCount.
    pub fn image_performance_count(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        tag_ids: Option<&[Uuid]>,
    ) -> Result<i32, ServiceError> {
        let run = self
            .project(project_id)?
            .iteration(iteration_id)?
            .completed_run()?;
        let n = run
            .snapshot
            .images
            .iter()
            .filter(|i| has_any_tag(i, tag_ids))
            .count();
        Ok(i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// GetExports, in the order they were requested.
    pub fn exports(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<Vec<Export>, ServiceError> {
        Ok(self
            .project(project_id)?
            .iteration(iteration_id)?
            .exports
            .iter()
            .map(|e| e.export.clone())
            .collect())
    }

    /// ExportIteration: a completed, exportable iteration, to a known platform; `Exporting`
    /// until the export delay has passed, then `Done` with a download URI. Exporting again to
    /// the same platform and flavor replaces a finished export; while one runs:
    /// BadRequestExportAlreadyInProgress.
    pub fn export(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        platform: ExportPlatform,
        flavor: Option<ExportFlavor>,
        at: Instant,
    ) -> Result<Export, ServiceError> {
        let delay = self.timing.export;
        let record = self.project_mut(project_id)?.iteration_mut(iteration_id)?;
        if record.iteration.status.as_deref() != Some("Completed") {
            return Err(iteration_not_trained(iteration_id));
        }
        if !record.iteration.exportable {
            return Err(ServiceError::new(
                "BadRequestExportValidationFailed",
                format!("Iteration {iteration_id} is not exportable: its domain is not compact"),
            ));
        }
        if let ExportPlatform::Other(name) = &platform {
            return Err(ServiceError::new(
                "BadRequestExportValidationFailed",
                format!("{name:?} is not a platform the service exports to"),
            ));
        }
        let same = |e: &ExportRecord| e.export.platform == platform && e.export.flavor == flavor;
        if record
            .exports
            .iter()
            .any(|e| same(e) && e.export.status == ExportStatus::Exporting)
        {
            return Err(ServiceError::new(
                "BadRequestExportAlreadyInProgress",
                format!("Iteration {iteration_id} is already queued for export"),
            ));
        }
        record.exports.retain(|e| !same(e));
        let flavor_part = flavor
            .as_ref()
            .map(|f| format!("-{}", f.as_str().to_ascii_lowercase()))
            .unwrap_or_default();
        let export = Export {
            platform: platform.clone(),
            status: ExportStatus::Exporting,
            download_uri: None,
            flavor,
        };
        record.exports.push(ExportRecord {
            export: export.clone(),
            ready_at: at + delay,
            download_uri: format!(
                "https://fake-exports.invalid/{project_id}/{iteration_id}/{}{flavor_part}.zip",
                platform.as_str().to_ascii_lowercase()
            ),
        });
        Ok(export)
    }

    /// The iteration a prediction is made with: the given one, else the default; it must have
    /// completed training.
    pub(super) fn predicting_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<(&IterationRecord, &TrainingRun), ServiceError> {
        let project = self.project(project_id)?;
        let record = match iteration_id {
            Some(id) => project.iteration(id)?,
            None => project
                .iterations
                .iter()
                .find(|i| i.iteration.is_default)
                .ok_or_else(|| {
                    ServiceError::new(
                        "NotFoundProjectDefaultIteration",
                        format!("Project {project_id} has no default iteration"),
                    )
                })?,
        };
        match &record.run {
            Some(run) if record.iteration.status.as_deref() == Some("Completed") => {
                Ok((record, run))
            }
            _ => Err(iteration_not_trained(record.iteration.id)),
        }
    }
}
