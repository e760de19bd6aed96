//! The DELETE handlers both API versions route to: they take ids, change the shared state and
//! answer 204 with no body, so no version's models are involved.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id};
use crate::wire;

pub async fn delete_tag(
    State(shared): Extract,
    Path((project_id, tag_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, tag_id) = (id(&project_id, "project")?, id(&tag_id, "tag")?);
    shared.state().delete_tag(project_id, tag_id)?;
    Ok(wire::no_content())
}

pub async fn delete_image_tags(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let image_ids = params.required_uuids("imageIds")?;
    let tag_ids = params.required_uuids("tagIds")?;
    shared
        .state()
        .delete_image_tags(project_id, &image_ids, &tag_ids)?;
    Ok(wire::no_content())
}

pub async fn delete_image_regions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let region_ids = params.required_uuids("regionIds")?;
    shared
        .state()
        .delete_image_regions(project_id, &region_ids)?;
    Ok(wire::no_content())
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

pub async fn delete_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    shared.state().delete_project(project_id)?;
    Ok(wire::no_content())
}
