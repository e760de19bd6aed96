//! Quick tests and stored predictions.

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, uploaded_images};
use crate::state::{ImageEntry, PredictionQuery};
use crate::wire;
use customvision_training::ImageUrl;

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
    let prediction = shared.state().quick_test(project_id, iteration_id, image)?;
    Ok(shared.ok(&prediction))
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
    let prediction = shared
        .state()
        .quick_test(project_id, iteration_id, ImageEntry::Url(url))?;
    Ok(shared.ok(&prediction))
}

pub async fn query_predictions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let query: PredictionQuery = json_body(&body)?;
    let result = shared.state().query_predictions(project_id, query)?;
    Ok(shared.ok(&result))
}

pub async fn delete_prediction(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let ids = params.uuids("ids")?.unwrap_or_default();
    shared.state().delete_predictions(project_id, &ids)?;
    Ok(wire::no_content())
}
