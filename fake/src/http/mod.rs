//! What every version's routes share: the key check, and reading requests (path ids, query
//! parameters, JSON and multipart bodies). Handlers read the whole request first, then lock the
//! state for one synchronous step: the lock is never held across an `await`.

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Multipart, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::Shared;
use crate::errors::ServiceError;
use crate::state::{ImageEntry, Listing};
use customvision_training::TRAINING_KEY_HEADER;

pub type Extract = State<Arc<Shared>>;

/// Requests up to this size are read (uploads of 64 images).
pub const BODY_LIMIT: usize = 128 * 1024 * 1024;
/// Ids per lookup or delete.
const MAX_IDS: usize = 256;
/// `take` of the listings.
const DEFAULT_TAKE: usize = 50;
const MAX_TAKE: usize = 256;

/// Every answer carries an `apim-request-id`, as the service's do; a missing or wrong key is 401.
pub async fn check_key(State(shared): Extract, request: Request, next: Next) -> Response {
    let key_ok = request
        .headers()
        .get(TRAINING_KEY_HEADER)
        .is_some_and(|key| key.as_bytes() == shared.training_key.as_bytes());
    let mut response = if key_ok {
        next.run(request).await
    } else {
        ServiceError::new(
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

/// Ids arrive as text; a malformed one is a bad request, as on the service.
pub fn id(text: &str, what: &str) -> Result<Uuid, ServiceError> {
    Uuid::parse_str(text).map_err(|_| {
        ServiceError::new(
            "BadRequestInvalidIds",
            format!("`{text}` is not a valid {what} id"),
        )
    })
}

/// A JSON body read into a model (the models accept camelCase and PascalCase keys).
pub fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ServiceError> {
    serde_json::from_slice(body)
        .map_err(|e| ServiceError::bad_request(format!("The body cannot be read: {e}")))
}

/// The fields of a PATCH body, keys lower-cased: the service matches them case-insensitively.
pub fn patch_fields(body: &[u8]) -> Result<Map<String, Value>, ServiceError> {
    match json_body::<Value>(body)? {
        Value::Object(fields) => Ok(fields
            .into_iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect()),
        _ => Err(ServiceError::bad_request("The body must be a JSON object")),
    }
}

/// A nullable string field of a PATCH body: `Some(None)` for null.
pub fn nullable_string(value: Value, name: &str) -> Result<Option<String>, ServiceError> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(text)),
        other => Err(ServiceError::bad_request(format!(
            "`{name}` must be a string or null, not {other}"
        ))),
    }
}

/// The query parameters, matched case-insensitively by name.
#[derive(Debug)]
pub struct Params(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ServiceError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ServiceError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|e| ServiceError::bad_request(format!("The query cannot be read: {e}")))?;
        Ok(Params(pairs))
    }
}

impl Params {
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn uuid(&self, name: &str) -> Result<Option<Uuid>, ServiceError> {
        self.text(name)
            .filter(|t| !t.is_empty())
            .map(|t| id(t, name))
            .transpose()
    }

    /// A comma-joined list (`collectionFormat: csv`); `None` when absent or empty.
    pub fn uuids(&self, name: &str) -> Result<Option<Vec<Uuid>>, ServiceError> {
        let Some(text) = self.text(name).filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        let ids = text
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| id(t, name))
            .collect::<Result<Vec<_>, _>>()?;
        if ids.len() > MAX_IDS {
            return Err(ServiceError::new(
                "BadRequestExceededBatchSize",
                format!("`{name}` holds {} ids, more than {MAX_IDS}", ids.len()),
            ));
        }
        Ok(Some(ids))
    }

    /// A list the operation requires.
    pub fn required_uuids(&self, name: &str) -> Result<Vec<Uuid>, ServiceError> {
        self.uuids(name)?.ok_or_else(|| {
            ServiceError::new("BadRequestInvalidIds", format!("`{name}` is required"))
        })
    }

    /// A boolean (`true` / `false`, any casing); `None` when absent or empty.
    pub fn flag(&self, name: &str) -> Result<Option<bool>, ServiceError> {
        match self.text(name).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(t) if t.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(t) if t.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(t) => Err(ServiceError::bad_request(format!(
                "`{name}` must be true or false, not {t:?}"
            ))),
        }
    }

    /// A comma-joined list of words (`collectionFormat: csv`); empty when absent.
    pub fn words(&self, name: &str) -> Vec<String> {
        self.text(name)
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// A text parameter the operation requires (BadRequestRequiredParamIsNull when absent or
    /// empty).
    pub fn required_text(&self, name: &str) -> Result<&str, ServiceError> {
        self.text(name).filter(|t| !t.is_empty()).ok_or_else(|| {
            ServiceError::new(
                "BadRequestRequiredParamIsNull",
                format!("`{name}` is required"),
            )
        })
    }

    /// A uuid parameter the operation requires.
    pub fn required_uuid(&self, name: &str) -> Result<Uuid, ServiceError> {
        self.uuid(name)?.ok_or_else(|| {
            ServiceError::new(
                "BadRequestRequiredParamIsNull",
                format!("`{name}` is required"),
            )
        })
    }

    pub fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, ServiceError> {
        self.text(name)
            .map(|t| {
                t.parse().map_err(|_| {
                    ServiceError::bad_request(format!("`{name}` must be a number, not {t:?}"))
                })
            })
            .transpose()
    }

    /// `iterationId`, `tagIds` (at most 20), `orderBy` (`Newest` or `Oldest`), `take` (at most
    /// 256, default 50) and `skip`.
    pub fn listing(&self) -> Result<Listing, ServiceError> {
        let tag_ids = self.uuids("tagIds")?;
        if let Some(ids) = &tag_ids
            && ids.len() > 20
        {
            return Err(ServiceError::new(
                "BadRequestExceededBatchSize",
                "At most 20 tags filter a listing",
            ));
        }
        let newest_first = match self.text("orderBy") {
            None => true,
            Some(order) if order.eq_ignore_ascii_case("Newest") => true,
            Some(order) if order.eq_ignore_ascii_case("Oldest") => false,
            Some(order) => {
                return Err(ServiceError::bad_request(format!(
                    "`orderBy` must be Newest or Oldest, not {order:?}"
                )));
            }
        };
        let take = self.number::<i64>("take")?.unwrap_or(DEFAULT_TAKE as i64);
        let skip = self.number::<i64>("skip")?.unwrap_or(0);
        let take = usize::try_from(take)
            .ok()
            .filter(|t| *t <= MAX_TAKE)
            .ok_or_else(|| {
                ServiceError::bad_request(format!("`take` must be from 0 to {MAX_TAKE}"))
            })?;
        let skip = usize::try_from(skip)
            .map_err(|_| ServiceError::bad_request("`skip` must not be negative"))?;
        Ok(Listing {
            iteration_id: self.uuid("iterationId")?,
            tag_ids,
            newest_first,
            take,
            skip,
        })
    }
}

/// The images of an upload: each `imageData` part of a `multipart/form-data` body, or the whole
/// body when it is `application/octet-stream` (or `image/*`).
pub async fn uploaded_images(request: Request) -> Result<Vec<ImageEntry>, ServiceError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| ServiceError::new("BadRequestImageStream", e.body_text()))?;
        let mut images = Vec::new();
        let mut parts = 0;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|e| ServiceError::new("BadRequestImageStream", e.body_text()))?
        {
            parts += 1;
            if !field
                .name()
                .is_some_and(|n| n.eq_ignore_ascii_case("imageData"))
            {
                continue;
            }
            let file_name = field.file_name().map(str::to_owned);
            let content_type = field.content_type().map(str::to_owned);
            let bytes = field
                .bytes()
                .await
                .map_err(|e| ServiceError::new("BadRequestImageStream", e.body_text()))?;
            images.push(ImageEntry::Bytes {
                bytes: bytes.to_vec(),
                file_name,
                content_type,
            });
        }
        if images.is_empty() {
            return Err(ServiceError::new(
                "BadRequestImageBatch",
                format!("The body has {parts} parts but no `imageData` part"),
            ));
        }
        Ok(images)
    } else if content_type.starts_with("application/octet-stream")
        || content_type.starts_with("image/")
    {
        let bytes = axum::body::to_bytes(request.into_body(), BODY_LIMIT)
            .await
            .map_err(|e| ServiceError::new("BadRequestImageStream", e.to_string()))?;
        Ok(vec![ImageEntry::Bytes {
            bytes: bytes.to_vec(),
            file_name: None,
            content_type: Some(content_type),
        }])
    } else {
        Err(ServiceError::new(
            "UnsupportedMediaType",
            format!(
                "Images are sent as multipart/form-data or application/octet-stream, not {content_type:?}"
            ),
        ))
    }
}
