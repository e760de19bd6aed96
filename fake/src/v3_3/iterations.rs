//! Iterations (no default: publishing instead), their performance, and exports.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::Value;
use uuid::Uuid;

use super::{models, ok};
use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, patch_fields};
use crate::state::{IterationUpdate, PerformanceQuery};
use crate::wire;
use customvision_training::v3_3::{ExportFlavor, ExportPlatform};

fn ids(project_id: &str, iteration_id: &str) -> Result<(Uuid, Uuid), ServiceError> {
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
    Ok(ok(&iterations))
}

pub async fn get_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let iteration = shared.state().iteration(project_id, iteration_id)?;
    Ok(ok(&models::iteration(iteration)))
}

/// A published iteration cannot be deleted (BadRequestIterationIsPublished); v3.3 has no
/// default iteration to protect.
pub async fn delete_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    shared
        .state()
        .delete_iteration(project_id, iteration_id, false)?;
    Ok(wire::no_content())
}

/// Only `name` is writable, and required: null or empty is BadRequestIterationName.
pub async fn update_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let mut update = IterationUpdate::default();
    for (key, value) in patch_fields(&body)? {
        if key == "name" {
            match value {
                Value::String(name) if !name.trim().is_empty() => update.name = Some(Some(name)),
                other => {
                    return Err(ServiceError::new(
                        "BadRequestIterationName",
                        format!("An iteration's name is a non-empty string, not {other}"),
                    ));
                }
            }
        }
    }
    let iteration = shared
        .state()
        .update_iteration(project_id, iteration_id, update)?;
    Ok(ok(&models::iteration(iteration)))
}

/// Answers a bare `true`.
pub async fn publish_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let publish_name = params.required_text("publishName")?.to_owned();
    let prediction_id = params.required_text("predictionId")?.to_owned();
    let overwrite = params.flag("overwrite")?.unwrap_or(false);
    shared.state().publish(
        project_id,
        iteration_id,
        &publish_name,
        &prediction_id,
        overwrite,
    )?;
    Ok(ok(&true))
}

pub async fn unpublish_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    shared.state().unpublish(project_id, iteration_id)?;
    Ok(wire::no_content())
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
    Ok(ok(&models::performance(performance)))
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
    Ok(ok(&images))
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
    Ok(ok(&count))
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
    Ok(ok(&exports))
}

/// `platform` is required and, like `flavor`, one of the spec's values (read
/// case-insensitively).
pub async fn export_iteration(
    State(shared): Extract,
    Path((project_id, iteration_id)): Path<(String, String)>,
    params: Params,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = ids(&project_id, &iteration_id)?;
    let platform = ExportPlatform::from(params.required_text("platform")?);
    let flavor = params
        .text("flavor")
        .filter(|f| !f.is_empty())
        .map(ExportFlavor::from);
    if let Some(ExportFlavor::Other(name)) = &flavor {
        return Err(ServiceError::new(
            "BadRequestExportValidationFailed",
            format!("{name:?} is not an export flavor"),
        ));
    }
    let export = shared.state().export(
        project_id,
        iteration_id,
        platform.as_str(),
        flavor.as_ref().map(ExportFlavor::as_str),
        Instant::now(),
    )?;
    Ok(ok(&models::export(export)))
}
