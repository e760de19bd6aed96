//! Quick tests (with `store`), stored predictions, and suggested tags and regions.

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;

use super::{models, ok};
use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, uploaded_images};
use crate::state::{ImageEntry, PredictionOrder, PredictionQuery, SuggestionQuery};
use customvision_training::v3_3::{
    ImageUrl, PredictionOrderBy, PredictionQueryResult, PredictionQueryToken,
    SuggestedTagAndRegionQueryToken, TagFilter,
};

pub async fn quick_test_image(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    request: Request,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.uuid("iterationId")?;
    let store = params.flag("store")?.unwrap_or(true);
    let mut images = uploaded_images(request).await?;
    if images.len() != 1 {
        return Err(ServiceError::new(
            "BadRequestImageBatch",
            format!("A quick test takes one image, not {}", images.len()),
        ));
    }
    let image = images.remove(0);
    let prediction = shared
        .state()
        .quick_test(project_id, iteration_id, image, store)?;
    Ok(ok(&models::image_prediction(prediction)))
}

pub async fn quick_test_image_url(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.uuid("iterationId")?;
    let store = params.flag("store")?.unwrap_or(true);
    let image: ImageUrl = json_body(&body)?;
    let prediction =
        shared
            .state()
            .quick_test(project_id, iteration_id, ImageEntry::Url(image.url), store)?;
    Ok(ok(&models::image_prediction(prediction)))
}

pub async fn query_predictions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let mut token: PredictionQueryToken = json_body(&body)?;
    let query = PredictionQuery {
        session: token.session.clone(),
        continuation: token.continuation.clone(),
        max_count: token.max_count.unwrap_or(0),
        order: match token.order_by {
            Some(PredictionOrderBy::Oldest) => PredictionOrder::Oldest,
            Some(PredictionOrderBy::Suggested) => PredictionOrder::Suggested,
            _ => PredictionOrder::Newest,
        },
        tags: token
            .tags
            .iter()
            .map(|t| (t.id, t.min_threshold, t.max_threshold))
            .collect(),
        iteration_id: token.iteration_id,
        start_time: token.start_time,
        end_time: token.end_time,
        application: token.application.clone(),
    };
    let page = shared.state().query_predictions(project_id, &query)?;
    for (tag, (_, _, max)) in token.tags.iter_mut().zip(&page.tags) {
        tag.max_threshold = *max;
    }
    token.continuation = page.continuation;
    token.session = Some(page.session);
    let result = PredictionQueryResult {
        token: Some(token),
        results: page
            .results
            .into_iter()
            .map(models::stored_prediction)
            .collect(),
    };
    Ok(ok(&result))
}

/// `iterationId` and `imageIds` (at most 64) are required.
pub async fn suggest_tags_and_regions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.required_uuid("iterationId")?;
    let image_ids = params.required_uuids("imageIds")?;
    let suggestions =
        shared
            .state()
            .suggest_tags_and_regions(project_id, iteration_id, &image_ids)?;
    let suggestions: Vec<_> = suggestions.into_iter().map(models::suggestion).collect();
    Ok(ok(&suggestions))
}

pub async fn query_suggested_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.required_uuid("iterationId")?;
    let token: SuggestedTagAndRegionQueryToken = json_body(&body)?;
    let query = SuggestionQuery {
        tag_ids: token.tag_ids,
        threshold: token.threshold.unwrap_or(0.0),
        session: token.session,
        continuation: token.continuation,
        max_count: token.max_count.unwrap_or(0),
        sort_by: token.sort_by.map(|s| s.as_str().to_owned()),
    };
    let page = shared
        .state()
        .query_suggested_images(project_id, iteration_id, &query)?;
    Ok(ok(&models::suggested_page(page)))
}

pub async fn query_suggested_image_count(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.required_uuid("iterationId")?;
    let filter: TagFilter = json_body(&body)?;
    let counts = shared.state().query_suggested_image_count(
        project_id,
        iteration_id,
        &filter.tag_ids,
        filter.threshold.unwrap_or(0.0),
    )?;
    Ok(ok(&models::suggested_counts(counts)))
}
