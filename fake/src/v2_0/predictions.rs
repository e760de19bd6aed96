//! Quick tests and stored predictions.

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, uploaded_images};
use crate::state::{ImageEntry, PredictionOrder, PredictionQuery};
use customvision_training::{
    ImageUrl, PredictionOrderBy, PredictionQueryResult, PredictionQueryToken,
};

use super::models;

pub async fn quick_test_image(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    request: Request,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.uuid("iterationId")?;
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
        .quick_test(project_id, iteration_id, image, true)?;
    Ok(shared.ok(&models::image_prediction(prediction)))
}

pub async fn quick_test_image_url(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.uuid("iterationId")?;
    let image: ImageUrl = json_body(&body)?;
    let url = image
        .url
        .ok_or_else(|| ServiceError::new("BadRequestImageUrl", "`url` is required"))?;
    let prediction =
        shared
            .state()
            .quick_test(project_id, iteration_id, ImageEntry::Url(url), true)?;
    Ok(shared.ok(&models::image_prediction(prediction)))
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
        max_count: token.max_count,
        order: match token.order_by {
            PredictionOrderBy::Oldest => PredictionOrder::Oldest,
            PredictionOrderBy::Suggested => PredictionOrder::Suggested,
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
    // The token answered is the one sent, as run: thresholds read, continuation and session.
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
    Ok(shared.ok(&result))
}
