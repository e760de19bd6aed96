//! Tags, with v3.3's `type`.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::Value;

use super::{models, ok};
use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, nullable_string, patch_fields};
use crate::state::TagUpdate;

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
    Ok(ok(&tags))
}

pub async fn create_tag(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let name = params.text("name").unwrap_or_default().to_owned();
    let description = params.text("description").map(str::to_owned);
    let tag_type = params
        .text("type")
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    let tag = shared.state().create_tag(
        project_id,
        &name,
        description.as_deref(),
        tag_type.as_deref(),
    )?;
    Ok(ok(&models::tag(tag)))
}

pub async fn get_tag(
    State(shared): Extract,
    Path((project_id, tag_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, tag_id) = (id(&project_id, "project")?, id(&tag_id, "tag")?);
    let iteration_id = params.uuid("iterationId")?;
    let tag = shared.state().tag(project_id, tag_id, iteration_id)?;
    Ok(ok(&models::tag(tag)))
}

/// `name`, `description` and `type` are read (case-insensitively).
pub async fn update_tag(
    State(shared): Extract,
    Path((project_id, tag_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let (project_id, tag_id) = (id(&project_id, "project")?, id(&tag_id, "tag")?);
    let mut update = TagUpdate::default();
    for (key, value) in patch_fields(&body)? {
        match (key.as_str(), value) {
            ("name", value) => update.name = Some(nullable_string(value, "name")?),
            ("description", value) => {
                update.description = Some(nullable_string(value, "description")?);
            }
            ("type", Value::Null) => {}
            ("type", Value::String(text)) => update.tag_type = Some(text),
            ("type", other) => {
                return Err(ServiceError::new(
                    "BadRequestTagType",
                    format!("`type` must be a tag type, not {other}"),
                ));
            }
            _ => {}
        }
    }
    let tag = shared.state().update_tag(project_id, tag_id, update)?;
    Ok(ok(&models::tag(tag)))
}
