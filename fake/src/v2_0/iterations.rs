//! Iterations, their performance, and exports.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::Value;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, nullable_string, patch_fields};
use crate::state::{IterationUpdate, PerformanceQuery};
use crate::wire;
use customvision_training::{ExportFlavor, ExportPlatform};

use super::models;

fn ids(project_id: &str, iteration_id: &str) -> Result<(uuid::Uuid, uuid::Uuid), ServiceError> {
    Ok((id(project_id, "project")?, id(iteration_id, "iteration")?))
}

pub async fn get_iterations(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iterations: Vec<_> = shared
        .state()
        .iterations(project_id)?
        .into_iter()
        .map(models::iteration)
        .collect();
    Ok(shared.ok(&iterations))
}

pub async fn get_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let iteration = shared.state().iteration(project_id, iteration_id)?;
    Ok(shared.ok(&models::iteration(iteration)))
}

pub async fn delete_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    shared
        .state()
        .delete_iteration(project_id, iteration_id, true)?;
    Ok(wire::no_content())
}

pub async fn update_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let update = iteration_update(&body)?;
    let iteration = shared
        .state()
        .update_iteration(project_id, iteration_id, update)?;
    Ok(shared.ok(&models::iteration(iteration)))
}

/// Reads the writable fields (`name`, `isDefault`); keys match case-insensitively, the rest is
/// ignored.
fn iteration_update(body: &[u8]) -> Result<IterationUpdate, ServiceError> {
    let mut update = IterationUpdate::default();
    for (key, value) in patch_fields(body)? {
        match (key.as_str(), value) {
            ("name", value) => update.name = Some(nullable_string(value, "name")?),
            ("isdefault", Value::Bool(flag)) => update.is_default = Some(flag),
            ("isdefault", other) => {
                return Err(ServiceError::bad_request(format!(
                    "`isDefault` must be a boolean, not {other}"
                )));
            }
            _ => {}
        }
    }
    Ok(update)
}

pub async fn get_iteration_performance(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let defaults = PerformanceQuery::default();
    let query = PerformanceQuery {
        threshold: params.number("threshold")?.unwrap_or(defaults.threshold),
        overlap_threshold: params
            .number("overlapThreshold")?
            .unwrap_or(defaults.overlap_threshold),
    };
    let performance = shared
        .state()
        .iteration_performance(project_id, iteration_id, query)?;
    Ok(shared.ok(&models::performance(performance)))
}

pub async fn get_image_performances(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let listing = params.listing()?;
    let images: Vec<_> = shared
        .state()
        .image_performances(project_id, iteration_id, &listing)?
        .into_iter()
        .map(models::image_performance)
        .collect();
    Ok(shared.ok(&images))
}

pub async fn get_image_performance_count(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let tag_ids = params.uuids("tagIds")?;
    let count =
        shared
            .state()
            .image_performance_count(project_id, iteration_id, tag_ids.as_deref())?;
    Ok(shared.ok(&count))
}

pub async fn get_exports(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let exports: Vec<_> = shared
        .state()
        .exports(project_id, iteration_id)?
        .into_iter()
        .map(models::export)
        .collect();
    Ok(shared.ok(&exports))
}

/// `platform` is required and read case-insensitively (`tensorflow` is `TensorFlow`).
pub async fn export_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let platform = params
        .text("platform")
        .filter(|p| !p.is_empty())
        .map(ExportPlatform::from)
        .ok_or_else(|| {
            ServiceError::new("BadRequestRequiredParamIsNull", "`platform` is required")
        })?;
    let flavor = params
        .text("flavor")
        .filter(|f| !f.is_empty())
        .map(ExportFlavor::from);
    let export = shared.state().export(
        project_id,
        iteration_id,
        platform.as_str(),
        flavor.as_ref().map(ExportFlavor::as_str),
        Instant::now(),
    )?;
    Ok(shared.ok(&models::export(export)))
}
