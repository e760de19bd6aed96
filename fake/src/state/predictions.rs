//! Predictions: QuickTestImage and QuickTestImageUrl (deterministic, and stored),
//! QueryPredictions over what is stored, DeletePrediction.

use uuid::Uuid;

use super::training::predict;
use super::{
    ImageData, ImageEntry, ImagePredictionView, PredictionPageView, PredictionRecord, State,
    StoredPredictionView, now,
};
use crate::domains;
use crate::errors::ServiceError;
use customvision_training::DateTime;

/// The order of QueryPredictions' results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PredictionOrder {
    /// Newest first (the default).
    #[default]
    Newest,
    /// Oldest first.
    Oldest,
    /// Least certain first.
    Suggested,
}

/// A QueryPredictions body.
#[derive(Debug, Clone, Default)]
pub struct PredictionQuery {
    pub session: Option<String>,
    pub continuation: Option<String>,
    pub max_count: i32,
    pub order: PredictionOrder,
    /// Tag id, minimum and maximum probability.
    pub tags: Vec<(Uuid, f64, f64)>,
    pub iteration_id: Option<Uuid>,
    pub start_time: Option<DateTime>,
    pub end_time: Option<DateTime>,
    pub application: Option<String>,
}

/// Results per query page when `maxCount` is 0.
pub const DEFAULT_PAGE: usize = 50;
/// The largest `maxCount`.
pub const MAX_PAGE: usize = 256;
/// Tags one query combines.
pub const MAX_QUERY_TAGS: usize = 2;
/// Ids per DeletePrediction.
pub const MAX_DELETE_IDS: usize = 64;

/// Why a quick-tested image cannot be read, as a request error.
fn unreadable(status: &str) -> ServiceError {
    match status {
        "ErrorImageFormat" => {
            ServiceError::new("BadRequestImageFormat", "The image format is not supported")
        }
        "ErrorImageSize" => ServiceError::new("BadRequestImageSizeBytes", "The image is too large"),
        _ => ServiceError::new("BadRequestImageStream", "The image could not be read"),
    }
}

impl State {
    /// QuickTestImage / QuickTestImageUrl: the fake's predictions for the image over the
    /// iteration's tags (the given iteration, else the default; it must have completed
    /// training), stored for QueryPredictions if `store`.
    pub fn quick_test(
        &mut self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        entry: ImageEntry,
        store: bool,
    ) -> Result<ImagePredictionView, ServiceError> {
        let is_url = matches!(entry, ImageEntry::Url(_));
        let (iteration, tags, domain) = {
            let (record, run) = self.predicting_iteration(project_id, iteration_id)?;
            (
                record.iteration.id,
                run.snapshot.tags.clone(),
                run.snapshot.domain_id,
            )
        };
        let data = ImageData::read(entry).map_err(|(status, _)| {
            if is_url {
                ServiceError::new("BadRequestImageUrl", "The image URL is not an http(s) URL")
            } else {
                unreadable(status)
            }
        })?;
        let project = self.project_mut(project_id)?;
        let record = PredictionRecord {
            id: Uuid::new_v4(),
            seq: project.seq(),
            iteration,
            domain,
            created: now(),
            predictions: predict(data.content, &tags, None, domains::is_detection(domain)),
            data,
        };
        let answer = ImagePredictionView {
            id: record.id,
            project: project_id,
            iteration,
            created: record.created,
            predictions: record.predictions.clone(),
        };
        if store {
            project.predictions.push(record);
        }
        Ok(answer)
    }

    /// QueryPredictions: stored predictions matching every tag's probability range (at most
    /// 2 tags; a `maxThreshold` of 0 means 1), the iteration, the time range (an
    /// `application` matches nothing: quick tests have none), in the order asked for
    /// (`Suggested`: least certain first), `maxCount` at a time (0: 50). The token answered
    /// carries the query as run, with a `continuation` while more remain.
    pub fn query_predictions(
        &self,
        project_id: Uuid,
        query: &PredictionQuery,
    ) -> Result<PredictionPageView, ServiceError> {
        let project = self.project(project_id)?;
        if query.tags.len() > MAX_QUERY_TAGS {
            return Err(ServiceError::new(
                "BadRequestPredictionTagsExceededCount",
                format!("A query combines at most {MAX_QUERY_TAGS} tags"),
            ));
        }
        let page_size = match usize::try_from(query.max_count) {
            Ok(0) => DEFAULT_PAGE,
            Ok(n) if n <= MAX_PAGE => n,
            _ => {
                return Err(ServiceError::new(
                    "BadRequestPredictionResultsExceededCount",
                    format!("maxCount must be from 0 to {MAX_PAGE}"),
                ));
            }
        };
        let offset = match query.continuation.as_deref() {
            None | Some("") => 0,
            Some(text) => text.parse::<usize>().map_err(|_| {
                ServiceError::new(
                    "BadRequestPredictionInvalidQueryParameters",
                    format!("{text:?} is not a continuation this service gave"),
                )
            })?,
        };
        let tags: Vec<(Uuid, f64, f64)> = query
            .tags
            .iter()
            .map(|&(id, min, max)| (id, min, if max <= 0.0 { 1.0 } else { max }))
            .collect();
        let mut matching: Vec<&PredictionRecord> = project
            .predictions
            .iter()
            .filter(|p| query.iteration_id.is_none_or(|id| id == p.iteration))
            .filter(|p| query.start_time.is_none_or(|t| p.created >= t))
            .filter(|p| query.end_time.is_none_or(|t| p.created <= t))
            .filter(|_| query.application.as_deref().is_none_or(str::is_empty))
            .filter(|p| {
                tags.iter().all(|&(id, min, max)| {
                    p.predictions
                        .iter()
                        .any(|pr| pr.tag_id == id && pr.probability >= min && pr.probability <= max)
                })
            })
            .collect();
        let top = |p: &PredictionRecord| p.predictions.first().map_or(0.0, |pr| pr.probability);
        match query.order {
            PredictionOrder::Oldest => matching.sort_by_key(|p| p.seq),
            PredictionOrder::Suggested => {
                matching.sort_by(|a, b| top(a).total_cmp(&top(b)).then(b.seq.cmp(&a.seq)))
            }
            PredictionOrder::Newest => matching.sort_by_key(|p| std::cmp::Reverse(p.seq)),
        }
        let total = matching.len();
        let results: Vec<StoredPredictionView> = matching
            .into_iter()
            .skip(offset)
            .take(page_size)
            .map(|p| StoredPredictionView {
                domain: p.domain,
                id: p.id,
                project: project_id,
                iteration: p.iteration,
                created: p.created,
                predictions: p.predictions.clone(),
            })
            .collect();
        let next = offset + results.len();
        Ok(PredictionPageView {
            tags,
            session: query
                .session
                .clone()
                .unwrap_or_else(|| format!("1:{}", project.next_seq)),
            continuation: (next < total).then(|| next.to_string()),
            results,
        })
    }

    /// DeletePrediction: unknown ids are ignored.
    pub fn delete_predictions(
        &mut self,
        project_id: Uuid,
        ids: &[Uuid],
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        if ids.is_empty() {
            return Err(ServiceError::new(
                "BadRequestPredictionIdsMissing",
                "No prediction ids were given",
            ));
        }
        if ids.len() > MAX_DELETE_IDS {
            return Err(ServiceError::new(
                "BadRequestPredictionIdsExceededCount",
                format!("At most {MAX_DELETE_IDS} predictions are deleted at once"),
            ));
        }
        project.predictions.retain(|p| !ids.contains(&p.id));
        Ok(())
    }

    /// The stored predictions of a project, newest first (a helper for tests).
    pub fn stored_predictions(&self, project_id: Uuid) -> Option<Vec<Uuid>> {
        let project = self.project(project_id).ok()?;
        Some(project.predictions.iter().rev().map(|p| p.id).collect())
    }
}
