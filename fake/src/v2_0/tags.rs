//! Tags.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, nullable_string, patch_fields};
use crate::state::TagUpdate;
use crate::wire::Casing;

use super::models;

pub async fn get_tags(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration_id = params.uuid("iterationId")?;
    let tags: Vec<_> = shared
        .state()
        .tags(project_id, iteration_id)?
        .into_iter()
        .map(models::tag)
        .collect();
    Ok(shared.ok(&tags))
}

pub async fn create_tag(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let name = params.text("name").unwrap_or_default().to_owned();
    let description = params.text("description").map(str::to_owned);
    let tag = shared
        .state()
        .create_tag(project_id, &name, description.as_deref(), None)?;
    Ok(shared.ok(&models::tag(tag)))
}

pub async fn get_tag(
    State(shared): Extract,
    Path((project_id, tag_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, tag_id) = (id(&project_id, "project")?, id(&tag_id, "tag")?);
    let iteration_id = params.uuid("iterationId")?;
    let tag = shared.state().tag(project_id, tag_id, iteration_id)?;
    Ok(shared.ok(&models::tag(tag)))
}

/// Only `name` and `description` are read (case-insensitively). In v2.0 mode the answer is
/// PascalCase, as the service answered it.
pub async fn update_tag(
    State(shared): Extract,
    Path((project_id, tag_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let (project_id, tag_id) = (id(&project_id, "project")?, id(&tag_id, "tag")?);
    let mut update = TagUpdate::default();
    for (key, value) in patch_fields(&body)? {
        match key.as_str() {
            "name" => update.name = Some(nullable_string(value, "name")?),
            "description" => update.description = Some(nullable_string(value, "description")?),
            _ => {}
        }
    }
    let tag = shared.state().update_tag(project_id, tag_id, update)?;
    Ok(shared.answer(&models::tag(tag), Casing::Pascal))
}
