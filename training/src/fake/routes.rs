//! HTTP: the routes, the key check, and the wire format of answers.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Request, State as Extract};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::Shared;
use super::state::{IterationUpdate, ServiceError};
use crate::{BASE_PATH, TRAINING_KEY_HEADER};

type SharedState = Extract<Arc<Shared>>;

pub fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/projects/{project_id}/iterations", get(get_iterations))
        .route(
            "/projects/{project_id}/iterations/{iteration_id}",
            get(get_iteration).patch(update_iteration),
        )
        .fallback(|| async { ServiceError::new(404, "NotFound", "No such resource") });
    Router::new()
        .nest(BASE_PATH, api)
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            check_key,
        ))
        .with_state(shared)
}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({ "code": self.code, "message": self.message });
        (status, axum::Json(body)).into_response()
    }
}

/// Every answer carries an `apim-request-id`, as the service's do; a missing or wrong key is 401.
async fn check_key(Extract(shared): SharedState, request: Request, next: Next) -> Response {
    let key_ok = request
        .headers()
        .get(TRAINING_KEY_HEADER)
        .is_some_and(|key| key.as_bytes() == shared.training_key.as_bytes());
    let mut response = if key_ok {
        next.run(request).await
    } else {
        ServiceError::new(
            401,
            "Unauthorized",
            "Access denied due to invalid subscription key. Make sure you are subscribed to an API you are trying to call and provide the right key.",
        )
        .into_response()
    };
    if let Ok(id) = HeaderValue::from_str(&Uuid::new_v4().to_string()) {
        response.headers_mut().insert("apim-request-id", id);
    }
    response
}

fn json<T: Serialize>(value: &T) -> Response {
    axum::Json(value).into_response()
}

/// Ids arrive as path text; a malformed one is a bad request, as on the service.
fn id(text: &str, what: &str) -> Result<Uuid, ServiceError> {
    Uuid::parse_str(text).map_err(|_| {
        ServiceError::new(
            400,
            "BadRequest",
            format!("`{text}` is not a valid {what} id"),
        )
    })
}

async fn get_iterations(
    Extract(shared): SharedState,
    Path(project_id): Path<String>,
) -> Result<Response, ServiceError> {
    let project_id = id(&project_id, "project")?;
    Ok(json(&shared.state().iterations(project_id)?))
}

async fn get_iteration(
    Extract(shared): SharedState,
    Path((project_id, iteration_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = (id(&project_id, "project")?, id(&iteration_id, "iteration")?);
    Ok(json(shared.state().iteration(project_id, iteration_id)?))
}

async fn update_iteration(
    Extract(shared): SharedState,
    Path((project_id, iteration_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let (project_id, iteration_id) = (id(&project_id, "project")?, id(&iteration_id, "iteration")?);
    let update = iteration_update(&body)?;
    Ok(json(&shared.state().update_iteration(
        project_id,
        iteration_id,
        update,
    )?))
}

/// Reads the writable fields; the service matches keys case-insensitively and ignores the rest.
fn iteration_update(body: &[u8]) -> Result<IterationUpdate, ServiceError> {
    let bad = |message: String| ServiceError::new(400, "BadRequest", message);
    let Value::Object(fields) = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The body is not a JSON object: {e}")))?
    else {
        return Err(bad("The body must be a JSON object".to_owned()));
    };
    let mut update = IterationUpdate::default();
    for (key, value) in fields {
        match (key.to_ascii_lowercase().as_str(), value) {
            ("name", Value::Null) => update.name = Some(None),
            ("name", Value::String(name)) => update.name = Some(Some(name)),
            ("name", other) => {
                return Err(bad(format!("`name` must be a string or null, not {other}")));
            }
            ("isdefault", Value::Bool(flag)) => update.is_default = Some(flag),
            ("isdefault", other) => {
                return Err(bad(format!("`isDefault` must be a boolean, not {other}")));
            }
            _ => {}
        }
    }
    Ok(update)
}
