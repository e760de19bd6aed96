//! Iterations and their lifecycle: GetIterations, GetIteration, UpdateIteration,
//! DeleteIteration, TrainProject, the performance figures, and exports.

use std::time::Instant;

use uuid::Uuid;

use super::images::{has_any_tag, round4, view};
use super::{
    BoxView, EXPORT_PLATFORMS, ExportRecord, ExportView, ImagePerformanceView, ImageRecord,
    IterationRecord, IterationView, Listing, PerformanceView, PredictionView, ProjectRecord,
    Snapshot, State, TagPerformanceView, TagRecord, TrainingRun, later, now,
};
use crate::domains;
use crate::errors::{ServiceError, iteration_not_trained};
use crate::imaging;

/// The writable fields of an iteration, as read from an UpdateIteration body.
#[derive(Debug, Default)]
pub struct IterationUpdate {
    /// `Some(None)`: set to null.
    pub name: Option<Option<String>>,
    /// The new value of `isDefault` (v2.0).
    pub is_default: Option<bool>,
}

/// How TrainProject trains (v3.3's query and body; v2.0 takes the defaults).
#[derive(Debug, Clone, Default)]
pub struct TrainOptions {
    /// `Regular` (the default) or `Advanced`.
    pub training_type: Option<String>,
    /// Hours of budget, at least 1 for `Advanced` training.
    pub reserved_budget_in_hours: i32,
    /// Train even though nothing changed.
    pub force: bool,
    /// Where to say that training finished (checked, never written to).
    pub notification_email: Option<String>,
    /// Train on these tags only.
    pub selected_tags: Option<Vec<Uuid>>,
}

/// A publish name: 1 to 256 letters, digits, `-`, `_` or `.`.
fn check_publish_name(name: &str) -> Result<(), ServiceError> {
    let valid = !name.is_empty()
        && name.chars().count() <= 256
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if valid {
        Ok(())
    } else {
        Err(ServiceError::new(
            "BadRequestInvalidPublishName",
            format!("{name:?} is not a publish name: 1 to 256 letters, digits, '-', '_' or '.'"),
        ))
    }
}

/// A prediction resource's id, as Azure spells them:
/// `/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.CognitiveServices/accounts/{name}`.
fn check_publish_target(resource_id: &str) -> Result<(), ServiceError> {
    let parts: Vec<&str> = resource_id.split('/').collect();
    let valid = parts.len() == 9
        && parts[0].is_empty()
        && parts[1].eq_ignore_ascii_case("subscriptions")
        && parts[3].eq_ignore_ascii_case("resourceGroups")
        && parts[5].eq_ignore_ascii_case("providers")
        && parts[6].eq_ignore_ascii_case("Microsoft.CognitiveServices")
        && parts[7].eq_ignore_ascii_case("accounts")
        && [parts[2], parts[4], parts[8]].iter().all(|p| !p.is_empty());
    if valid {
        Ok(())
    } else {
        Err(ServiceError::new(
            "BadRequestInvalidPublishTarget",
            format!("{resource_id:?} is not the resource id of a prediction resource"),
        ))
    }
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
) -> Vec<PredictionView> {
    let mut predictions: Vec<PredictionView> = tags
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
                    Some(region) => BoxView {
                        left: region.left,
                        top: region.top,
                        width: region.width,
                        height: region.height,
                    },
                    None => BoxView {
                        left: round4(0.5 * f("left")),
                        top: round4(0.5 * f("top")),
                        width: round4(0.1 + 0.4 * f("width")),
                        height: round4(0.1 + 0.4 * f("height")),
                    },
                }
            });
            PredictionView {
                probability: round4(probability),
                tag_id: tag.id,
                tag_name: tag.name.clone(),
                tag_type: tag.tag_type.clone(),
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
        if self.iteration.status != "Completed" {
            return Err(iteration_not_trained(self.iteration.id));
        }
        Ok(run)
    }

    /// The run of a completed iteration; BadRequestIterationIsNotTrained otherwise.
    pub(super) fn trained_run(&self) -> Result<&TrainingRun, ServiceError> {
        match &self.run {
            Some(run) if self.iteration.status == "Completed" => Ok(run),
            _ => Err(iteration_not_trained(self.iteration.id)),
        }
    }
}

impl ProjectRecord {
    pub(super) fn in_training(&self) -> bool {
        self.iterations
            .iter()
            .any(|i| i.run.is_some() && i.iteration.status != "Completed")
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
    ) -> Option<IterationView> {
        let project = self.project_mut(project_id).ok()?;
        let now = now();
        let iteration = IterationView {
            id: Uuid::new_v4(),
            name: Some(name.to_owned()),
            is_default,
            status: "New".to_owned(),
            created: now,
            last_modified: now,
            trained_at: None,
            project_id,
            exportable: false,
            domain_id: None,
            exportable_to: Vec::new(),
            classification_type: project.classification_type.clone(),
            training_type: "Regular".to_owned(),
            reserved_budget_in_hours: 0,
            training_time_in_minutes: 0,
            publish_name: None,
            original_publish_resource_id: None,
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
    pub fn iterations(&self, project_id: Uuid) -> Result<Vec<IterationView>, ServiceError> {
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
    ) -> Result<IterationView, ServiceError> {
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
    ) -> Result<IterationView, ServiceError> {
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

    /// DeleteIteration: a published iteration cannot be deleted, nor (when `keep_default`, as
    /// in v2.0) the default one.
    pub fn delete_iteration(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        keep_default: bool,
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        let iteration = &project.iteration(iteration_id)?.iteration;
        if let Some(name) = &iteration.publish_name {
            return Err(ServiceError::new(
                "BadRequestIterationIsPublished",
                format!(
                    "Iteration {iteration_id} is published as {name:?}: unpublish it before deleting it"
                ),
            ));
        }
        if keep_default && iteration.is_default {
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
    /// a snapshot of the workspace (of the selected tags only, if any are). Nothing changed
    /// since the last training (and not forced): BadRequestTrainingNotNeeded; a training still
    /// running: BadRequestTrainingAlreadyInProgress; no tagged image:
    /// BadRequestTrainingValidationFailed; `Advanced` without a budget:
    /// BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining; an address without `@`:
    /// BadRequestInvalidEmailAddress.
    pub fn train(
        &mut self,
        project_id: Uuid,
        options: &TrainOptions,
        at: Instant,
    ) -> Result<IterationView, ServiceError> {
        let timing = self.timing;
        let project = self.project_mut(project_id)?;
        let training_type = match options.training_type.as_deref() {
            None => "Regular",
            Some(t) if t.eq_ignore_ascii_case("Regular") => "Regular",
            Some(t) if t.eq_ignore_ascii_case("Advanced") => "Advanced",
            Some(other) => {
                return Err(ServiceError::bad_request(format!(
                    "`trainingType` must be Regular or Advanced, not {other:?}"
                )));
            }
        };
        if training_type == "Advanced" && options.reserved_budget_in_hours < 1 {
            return Err(ServiceError::new(
                "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
                "Advanced training needs a reserved budget of at least 1 hour",
            ));
        }
        if options.reserved_budget_in_hours < 0 {
            return Err(ServiceError::bad_request(
                "`reservedBudgetInHours` must not be negative",
            ));
        }
        if let Some(address) = &options.notification_email {
            let (user, host) = address.split_once('@').unwrap_or_default();
            if user.is_empty() || !host.contains('.') {
                return Err(ServiceError::new(
                    "BadRequestInvalidEmailAddress",
                    format!("{address:?} is not an email address"),
                ));
            }
        }
        if let Some(selected) = &options.selected_tags {
            project.check_tags(selected)?;
        }
        if project.trained_version == Some(project.data_version) && !options.force {
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
        let selected = |tag_id: Uuid| {
            options
                .selected_tags
                .as_ref()
                .is_none_or(|s| s.is_empty() || s.contains(&tag_id))
        };
        let tagged = project.tags.iter().filter(|t| selected(t.id)).any(|t| {
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
        let domain_id = project.domain_id;
        let staging = !timing.staging.is_zero();
        let exportable_to = if domains::is_exportable(domain_id) {
            if project.target_export_platforms.is_empty() {
                EXPORT_PLATFORMS.map(str::to_owned).to_vec()
            } else {
                project.target_export_platforms.clone()
            }
        } else {
            Vec::new()
        };
        let iteration = IterationView {
            id: Uuid::new_v4(),
            name: Some(format!("Iteration {}", project.iterations.len() + 1)),
            is_default: false,
            status: if staging { "Staging" } else { "Training" }.to_owned(),
            created: requested,
            last_modified: requested,
            trained_at: None,
            project_id,
            exportable: false,
            domain_id: Some(domain_id),
            exportable_to,
            classification_type: project.classification_type.clone(),
            training_type: training_type.to_owned(),
            reserved_budget_in_hours: options.reserved_budget_in_hours,
            training_time_in_minutes: 0,
            publish_name: None,
            original_publish_resource_id: None,
        };
        let tags: Vec<TagRecord> = project
            .tags
            .iter()
            .filter(|t| selected(t.id))
            .cloned()
            .collect();
        let images = project
            .images
            .iter()
            .cloned()
            .map(|mut image| {
                image.tags.retain(|t| selected(t.tag_id));
                image.regions.retain(|r| selected(r.tag_id));
                image
            })
            .collect();
        let training_from = at + timing.staging;
        let took = timing.staging + timing.training;
        project.iterations.push(IterationRecord {
            iteration: iteration.clone(),
            run: Some(TrainingRun {
                training_from,
                completes_at: training_from + timing.training,
                completed: later(requested, took),
                // Started minutes, as billed.
                minutes: i32::try_from(took.as_millis().div_ceil(60_000)).unwrap_or(i32::MAX),
                snapshot: Snapshot {
                    tags,
                    images,
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
    ) -> Result<PerformanceView, ServiceError> {
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
        let predicted: Vec<(&ImageRecord, Vec<PredictionView>)> = snapshot
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
        let per_tag: Vec<TagPerformanceView> = snapshot
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
                TagPerformanceView {
                    id: tag.id,
                    name: tag.name.clone(),
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
        Ok(PerformanceView {
            per_tag,
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
    ) -> Result<Vec<ImagePerformanceView>, ServiceError> {
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
            .map(|image| ImagePerformanceView {
                predictions: predict(image.data.content, &snapshot.tags, Some(image), detection),
                image: view(image, &snapshot.tags),
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
    ) -> Result<Vec<ExportView>, ServiceError> {
        Ok(self
            .project(project_id)?
            .iteration(iteration_id)?
            .exports
            .iter()
            .map(|e| e.export.clone())
            .collect())
    }

    /// ExportIteration: a completed, exportable iteration, to a platform it exports to
    /// (`platform` and `flavor` as the service spells them; the route checks they are known);
    /// `Exporting` until the export delay has passed, then `Done`. Exporting again to the same
    /// platform and flavor replaces a finished export; while one runs:
    /// BadRequestExportAlreadyInProgress.
    pub fn export(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        platform: &str,
        flavor: Option<&str>,
        at: Instant,
    ) -> Result<ExportView, ServiceError> {
        let delay = self.timing.export;
        let record = self.project_mut(project_id)?.iteration_mut(iteration_id)?;
        if record.iteration.status != "Completed" {
            return Err(iteration_not_trained(iteration_id));
        }
        if !record.iteration.exportable {
            return Err(ServiceError::new(
                "BadRequestExportValidationFailed",
                format!("Iteration {iteration_id} is not exportable: its domain is not compact"),
            ));
        }
        if !EXPORT_PLATFORMS.contains(&platform) {
            return Err(ServiceError::new(
                "BadRequestExportValidationFailed",
                format!("{platform:?} is not a platform the service exports to"),
            ));
        }
        if !record.iteration.exportable_to.iter().any(|p| p == platform) {
            return Err(ServiceError::new(
                "BadRequestExportValidationFailed",
                format!(
                    "Iteration {iteration_id} does not export to {platform:?}, only to {:?}",
                    record.iteration.exportable_to
                ),
            ));
        }
        let same = |e: &ExportRecord| {
            e.export.platform == platform && e.export.flavor.as_deref() == flavor
        };
        if record
            .exports
            .iter()
            .any(|e| same(e) && e.export.status == "Exporting")
        {
            return Err(ServiceError::new(
                "BadRequestExportAlreadyInProgress",
                format!("Iteration {iteration_id} is already queued for export"),
            ));
        }
        record.exports.retain(|e| !same(e));
        let export = ExportView {
            project_id,
            iteration_id,
            platform: platform.to_owned(),
            flavor: flavor.map(str::to_owned),
            status: "Exporting".to_owned(),
        };
        record.exports.push(ExportRecord {
            export: export.clone(),
            ready_at: at + delay,
        });
        Ok(export)
    }

    /// PublishIteration: a completed iteration, under a valid name, to a prediction resource's
    /// id. A name another of the project's iterations is published under is refused
    /// (BadRequestInvalidPublishName) unless `overwrite`, which unpublishes that one.
    pub fn publish(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        publish_name: &str,
        prediction_id: &str,
        overwrite: bool,
    ) -> Result<(), ServiceError> {
        check_publish_name(publish_name)?;
        check_publish_target(prediction_id)?;
        let project = self.project_mut(project_id)?;
        project.iteration(iteration_id)?.trained_run()?;
        let holder = project.iterations.iter().position(|i| {
            i.iteration.id != iteration_id
                && i.iteration.publish_name.as_deref() == Some(publish_name)
        });
        if let Some(holder) = holder {
            if !overwrite {
                return Err(ServiceError::new(
                    "BadRequestInvalidPublishName",
                    format!(
                        "Another iteration is published as {publish_name:?}: choose another name or overwrite"
                    ),
                ));
            }
            let other = &mut project.iterations[holder].iteration;
            other.publish_name = None;
            other.original_publish_resource_id = None;
        }
        let iteration = &mut project.iteration_mut(iteration_id)?.iteration;
        iteration.publish_name = Some(publish_name.to_owned());
        iteration.original_publish_resource_id = Some(prediction_id.to_owned());
        Ok(())
    }

    /// UnpublishIteration: BadRequestIterationNotPublished unless it is published.
    pub fn unpublish(&mut self, project_id: Uuid, iteration_id: Uuid) -> Result<(), ServiceError> {
        let iteration = &mut self
            .project_mut(project_id)?
            .iteration_mut(iteration_id)?
            .iteration;
        if iteration.publish_name.is_none() {
            return Err(ServiceError::new(
                "BadRequestIterationNotPublished",
                format!("Iteration {iteration_id} is not published"),
            ));
        }
        iteration.publish_name = None;
        iteration.original_publish_resource_id = None;
        Ok(())
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
        Ok((record, record.trained_run()?))
    }
}
