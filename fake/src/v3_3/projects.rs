//! Domains, projects, TrainProject, project export and import, and artifacts.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{models, ok};
use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, nullable_string, patch_fields};
use crate::state::{NewProject, ProjectUpdate, TrainOptions};
use crate::wire;
use customvision_training::v3_3::TrainingParameters;

pub async fn get_domains() -> Response {
    let domains: Vec<_> = crate::domains::all()
        .into_iter()
        .map(models::domain)
        .collect();
    ok(&domains)
}

pub async fn get_domain(
    State(shared): Extract,
    Path(domain_id): Path<String>,
) -> Result<Response, ServiceError> {
    let domain_id = id(&domain_id, "domain")?;
    let domain = shared.state().domain(domain_id)?;
    Ok(ok(&models::domain(domain)))
}

pub async fn get_projects(State(shared): Extract) -> Response {
    let projects: Vec<_> = shared
        .state()
        .projects()
        .into_iter()
        .map(models::project)
        .collect();
    ok(&projects)
}

/// `classificationType` and `targetExportPlatforms` (csv) as well as v2.0's parameters.
pub async fn create_project(
    State(shared): Extract,
    params: Params,
) -> Result<Response, ServiceError> {
    let name = params.text("name").unwrap_or_default().to_owned();
    let description = params.text("description").map(str::to_owned);
    let domain_id = params.uuid("domainId")?;
    let classification_type = params
        .text("classificationType")
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let project = shared.state().create_project(NewProject {
        name: &name,
        description: description.as_deref(),
        domain_id,
        classification_type: classification_type.as_deref(),
        target_export_platforms: params.words("targetExportPlatforms"),
    })?;
    Ok(ok(&models::project(project)))
}

pub async fn get_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let project = shared.state().get_project(project_id)?;
    Ok(ok(&models::project(project)))
}

pub async fn update_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let update = project_update(&body)?;
    let project = shared.state().update_project(project_id, update)?;
    Ok(ok(&models::project(project)))
}

/// Reads the writable fields: `name`, `description`, and `settings`' `domainId`,
/// `classificationType` and `targetExportPlatforms`; keys match case-insensitively, the rest
/// (read-only fields, `status`, `imageProcessingSettings`) is ignored.
fn project_update(body: &[u8]) -> Result<ProjectUpdate, ServiceError> {
    let mut update = ProjectUpdate::default();
    for (key, value) in patch_fields(body)? {
        match key.as_str() {
            "name" => update.name = Some(nullable_string(value, "name")?),
            "description" => update.description = Some(nullable_string(value, "description")?),
            "settings" if value.is_null() => {}
            "settings" => settings(value, &mut update)?,
            _ => {}
        }
    }
    Ok(update)
}

fn settings(value: Value, update: &mut ProjectUpdate) -> Result<(), ServiceError> {
    let Value::Object(fields) = value else {
        return Err(ServiceError::bad_request("`settings` must be an object"));
    };
    let fields: Map<String, Value> = fields
        .into_iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v))
        .collect();
    for (key, value) in fields {
        match (key.as_str(), value) {
            (_, Value::Null) => {}
            ("domainid", Value::String(text)) => update.domain_id = Some(id(&text, "domain")?),
            ("classificationtype", Value::String(text)) => {
                update.classification_type = Some(text);
            }
            ("targetexportplatforms", Value::Array(items)) => {
                let platforms = items
                    .into_iter()
                    .map(|item| match item {
                        Value::String(text) => Ok(text),
                        other => Err(ServiceError::new(
                            "BadRequestProjectUnsupportedExportPlatform",
                            format!("{other} is not an export platform"),
                        )),
                    })
                    .collect::<Result<_, _>>()?;
                update.target_export_platforms = Some(platforms);
            }
            ("domainid" | "classificationtype" | "targetexportplatforms", other) => {
                return Err(ServiceError::bad_request(format!(
                    "`settings.{key}` cannot be {other}"
                )));
            }
            _ => {}
        }
    }
    Ok(())
}

/// `trainingType`, `reservedBudgetInHours`, `forceTrain`, `notificationEmailAddress`, and an
/// optional `TrainingParameters` body (`selectedTags`).
pub async fn train_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let parameters: Option<TrainingParameters> = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        json_body(&body)?
    };
    let options = TrainOptions {
        training_type: params
            .text("trainingType")
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        reserved_budget_in_hours: params.number("reservedBudgetInHours")?.unwrap_or(0),
        force: params.flag("forceTrain")?.unwrap_or(false),
        notification_email: params
            .text("notificationEmailAddress")
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
        selected_tags: parameters
            .map(|p| p.selected_tags)
            .filter(|tags| !tags.is_empty()),
    };
    let iteration = shared.state().train(project_id, &options, Instant::now())?;
    Ok(ok(&models::iteration(iteration)))
}

pub async fn export_project(
    State(shared): Extract,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    let export = shared.state().export_project(project_id)?;
    Ok(ok(&models::project_export(export)))
}

pub async fn import_project(
    State(shared): Extract,
    params: Params,
) -> Result<Response, ServiceError> {
    let token = params.required_text("token")?.to_owned();
    let name = params
        .text("name")
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let project = shared.state().import_project(&token, name.as_deref())?;
    Ok(ok(&models::project(project)))
}

/// The bytes at `path` in the project's storage, as `application/octet-stream`.
pub async fn get_artifact(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id: Uuid = id(&project_id, "project")?;
    let path = params.required_text("path")?.to_owned();
    let bytes = shared.state().artifact(project_id, &path)?;
    Ok(wire::octets(&bytes))
}
