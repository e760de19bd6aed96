//! Domains, projects, and TrainProject.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::Value;
use uuid::Uuid;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, nullable_string, patch_fields};
use crate::state::{NewProject, ProjectUpdate, TrainOptions};
use crate::wire::Casing;

use super::models;

pub async fn get_domains(State(shared): Extract) -> Response {
    shared.ok(&crate::domains::all())
}

pub async fn get_domain(
    State(shared): Extract,
    Path(domain_id): Path<String>,
) -> Result<Response, ServiceError> {
    let domain_id = id(&domain_id, "domain")?;
    let domain = shared.state().domain(domain_id)?;
    Ok(shared.ok(&domain))
}

/// In v2.0 mode the listing is PascalCase, as the service answered it.
pub async fn get_projects(State(shared): Extract) -> Response {
    let projects: Vec<_> = shared
        .state()
        .projects()
        .into_iter()
        .map(models::project)
        .collect();
    shared.answer(&projects, Casing::Pascal)
}

pub async fn create_project(
    State(shared): Extract,
    params: Params,
) -> Result<Response, ServiceError> {
    let name = params.text("name").unwrap_or_default().to_owned();
    let description = params.text("description").map(str::to_owned);
    let domain_id = params.uuid("domainId")?;
    let project = shared.state().create_project(NewProject {
        name: &name,
        description: description.as_deref(),
        domain_id,
        ..NewProject::default()
    })?;
    Ok(shared.ok(&models::project(project)))
}

pub async fn get_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let project = shared.state().get_project(project_id)?;
    Ok(shared.ok(&models::project(project)))
}

pub async fn update_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let update = project_update(&body)?;
    let project = shared.state().update_project(project_id, update)?;
    Ok(shared.ok(&models::project(project)))
}

/// Reads the writable fields (`name`, `description`, `settings.domainId`); keys match
/// case-insensitively, the rest is ignored.
fn project_update(body: &[u8]) -> Result<ProjectUpdate, ServiceError> {
    let mut update = ProjectUpdate::default();
    for (key, value) in patch_fields(body)? {
        match key.as_str() {
            "name" => update.name = Some(nullable_string(value, "name")?),
            "description" => update.description = Some(nullable_string(value, "description")?),
            "settings" if value.is_null() => {}
            "settings" => update.domain_id = settings_domain(value)?,
            _ => {}
        }
    }
    Ok(update)
}

/// `settings.domainId`, its key matched case-insensitively too.
fn settings_domain(settings: Value) -> Result<Option<Uuid>, ServiceError> {
    let Value::Object(fields) = settings else {
        return Err(ServiceError::bad_request("`settings` must be an object"));
    };
    match fields
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("domainId"))
    {
        None => Ok(None),
        Some((_, Value::String(text))) => id(&text, "domain").map(Some),
        Some((_, other)) => Err(ServiceError::bad_request(format!(
            "`settings.domainId` must be a domain id, not {other}"
        ))),
    }
}

/// In v2.0 mode the answer is PascalCase, as the service answered it.
pub async fn train_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let iteration = shared
        .state()
        .train(project_id, &TrainOptions::default(), Instant::now())?;
    Ok(shared.answer(&models::iteration(iteration), Casing::Pascal))
}
