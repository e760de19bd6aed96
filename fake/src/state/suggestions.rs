//! Suggested tags and regions (v3.3): SuggestTagsAndRegions, QuerySuggestedImages and
//! QuerySuggestedImageCount. The suggestions are the fake's predictions for an image over a
//! trained iteration's tags, derived from the image's bytes (or URL) and that training data as
//! quick tests are; nothing is stored, so the same image and iteration always get the same
//! suggestions. The queries run over the workspace's untagged images.

use uuid::Uuid;

use super::images::{round4, view};
use super::training::predict;
use super::{
    ImageRecord, ProjectRecord, State, SuggestedPageView, SuggestionQueryView, SuggestionView,
    TrainingRun, now,
};
use crate::domains;
use crate::errors::{ServiceError, not_found_image, not_found_tag};

/// Images per SuggestTagsAndRegions.
pub const MAX_SUGGEST_IMAGES: usize = 64;
/// Results per page when `maxCount` is 0.
pub const DEFAULT_PAGE: usize = 50;
/// The largest `maxCount`.
pub const MAX_PAGE: usize = 256;

/// A QuerySuggestedImages body.
#[derive(Debug, Clone, Default)]
pub struct SuggestionQuery {
    /// Images with a suggestion of any of these tags (of any tag when empty).
    pub tag_ids: Vec<Uuid>,
    /// ... at least this probable.
    pub threshold: f64,
    pub session: Option<String>,
    pub continuation: Option<String>,
    /// Results per page (0: 50).
    pub max_count: i32,
    /// `UncertaintyAscending` (the default) or `UncertaintyDescending`.
    pub sort_by: Option<String>,
}

fn suggest(
    project: &ProjectRecord,
    iteration_id: Uuid,
    run: &TrainingRun,
    image: &ImageRecord,
) -> SuggestionView {
    let snapshot = &run.snapshot;
    let predictions = predict(
        image.data.content,
        &snapshot.tags,
        None,
        domains::is_detection(snapshot.domain_id),
    );
    let top = predictions.first().map_or(0.0, |p| p.probability);
    SuggestionView {
        image: view(image, &project.tags),
        project: project.id,
        iteration: iteration_id,
        domain: snapshot.domain_id,
        created: now(),
        predictions,
        uncertainty: round4(1.0 - top),
    }
}

fn check_threshold(threshold: f64) -> Result<(), ServiceError> {
    if (0.0..=1.0).contains(&threshold) {
        Ok(())
    } else {
        Err(ServiceError::bad_request(format!(
            "`threshold` must be from 0 to 1, not {threshold}"
        )))
    }
}

/// Whether a suggestion has any of `tag_ids` (any tag when empty) at `threshold` or above.
fn suggests(suggestion: &SuggestionView, tag_ids: &[Uuid], threshold: f64) -> bool {
    suggestion
        .predictions
        .iter()
        .any(|p| (tag_ids.is_empty() || tag_ids.contains(&p.tag_id)) && p.probability >= threshold)
}

impl State {
    fn trained(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<(&ProjectRecord, &TrainingRun), ServiceError> {
        let project = self.project(project_id)?;
        let run = project.iteration(iteration_id)?.trained_run()?;
        Ok((project, run))
    }

    /// The untagged images of the workspace with their suggestions, oldest first.
    fn untagged_suggestions(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<Vec<SuggestionView>, ServiceError> {
        let (project, run) = self.trained(project_id, iteration_id)?;
        Ok(project
            .images
            .iter()
            .filter(|i| i.tags.is_empty())
            .map(|i| suggest(project, iteration_id, run, i))
            .collect())
    }

    /// SuggestTagsAndRegions: suggestions for each image, in the order asked for; the
    /// iteration must have completed training; at most 64 images, all of them the project's.
    pub fn suggest_tags_and_regions(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        image_ids: &[Uuid],
    ) -> Result<Vec<SuggestionView>, ServiceError> {
        if image_ids.is_empty() {
            return Err(ServiceError::new(
                "BadRequestInvalidIds",
                "`imageIds` is required",
            ));
        }
        if image_ids.len() > MAX_SUGGEST_IMAGES {
            return Err(ServiceError::new(
                "BadRequestExceededBatchSize",
                format!(
                    "{} images exceed the limit of {MAX_SUGGEST_IMAGES} per batch",
                    image_ids.len()
                ),
            ));
        }
        let (project, run) = self.trained(project_id, iteration_id)?;
        image_ids
            .iter()
            .map(|&id| {
                let image = project
                    .images
                    .iter()
                    .find(|i| i.id == id)
                    .ok_or_else(|| not_found_image(id))?;
                Ok(suggest(project, iteration_id, run, image))
            })
            .collect()
    }

    /// QuerySuggestedImages: the untagged images with a suggestion of any of the tags at the
    /// threshold or above, by uncertainty (ascending unless asked otherwise; oldest first among
    /// equals), `maxCount` at a time. The token answered carries a `continuation` while more
    /// remain.
    pub fn query_suggested_images(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        query: &SuggestionQuery,
    ) -> Result<SuggestedPageView, ServiceError> {
        check_threshold(query.threshold)?;
        let project = self.project(project_id)?;
        project.check_tags(&query.tag_ids)?;
        let descending = match query.sort_by.as_deref() {
            None | Some("") => false,
            Some(s) if s.eq_ignore_ascii_case("UncertaintyAscending") => false,
            Some(s) if s.eq_ignore_ascii_case("UncertaintyDescending") => true,
            Some(other) => {
                return Err(ServiceError::bad_request(format!(
                    "`sortBy` must be UncertaintyAscending or UncertaintyDescending, not {other:?}"
                )));
            }
        };
        let page_size = match usize::try_from(query.max_count) {
            Ok(0) => DEFAULT_PAGE,
            Ok(n) if n <= MAX_PAGE => n,
            _ => {
                return Err(ServiceError::bad_request(format!(
                    "`maxCount` must be from 0 to {MAX_PAGE}"
                )));
            }
        };
        let offset = match query.continuation.as_deref() {
            None | Some("") => 0,
            Some(text) => text.parse::<usize>().map_err(|_| {
                ServiceError::bad_request(format!(
                    "{text:?} is not a continuation this service gave"
                ))
            })?,
        };
        let mut matching: Vec<SuggestionView> = self
            .untagged_suggestions(project_id, iteration_id)?
            .into_iter()
            .filter(|s| suggests(s, &query.tag_ids, query.threshold))
            .collect();
        matching.sort_by(|a, b| {
            let order = a.uncertainty.total_cmp(&b.uncertainty);
            if descending { order.reverse() } else { order }
        });
        let total = matching.len();
        let results: Vec<SuggestionView> =
            matching.into_iter().skip(offset).take(page_size).collect();
        let next = offset + results.len();
        Ok(SuggestedPageView {
            query: SuggestionQueryView {
                tag_ids: query.tag_ids.clone(),
                threshold: query.threshold,
                session: query
                    .session
                    .clone()
                    .unwrap_or_else(|| format!("1:{}", project.next_seq)),
                continuation: (next < total).then(|| next.to_string()),
                max_count: query.max_count,
                sort_by: if descending {
                    "UncertaintyDescending"
                } else {
                    "UncertaintyAscending"
                }
                .to_owned(),
            },
            results,
        })
    }

    /// QuerySuggestedImageCount: for each tag (every tag of the iteration's training data when
    /// none is given), how many untagged images have it suggested at the threshold or above.
    pub fn query_suggested_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        tag_ids: &[Uuid],
        threshold: f64,
    ) -> Result<Vec<(Uuid, i32)>, ServiceError> {
        check_threshold(threshold)?;
        let (project, run) = self.trained(project_id, iteration_id)?;
        if let Some(missing) = tag_ids.iter().find(|id| {
            !project.tags.iter().any(|t| t.id == **id)
                && !run.snapshot.tags.iter().any(|t| t.id == **id)
        }) {
            return Err(not_found_tag(*missing));
        }
        let tag_ids: Vec<Uuid> = if tag_ids.is_empty() {
            run.snapshot.tags.iter().map(|t| t.id).collect()
        } else {
            tag_ids.to_vec()
        };
        let suggestions = self.untagged_suggestions(project_id, iteration_id)?;
        Ok(tag_ids
            .into_iter()
            .map(|tag_id| {
                let n = suggestions
                    .iter()
                    .filter(|s| suggests(s, &[tag_id], threshold))
                    .count();
                (tag_id, i32::try_from(n).unwrap_or(i32::MAX))
            })
            .collect())
    }
}
