//! How answers are written: JSON as the spec describes it, or, with the v2.0 quirks switched
//! on, the way the real v2.0 service wrote it: timestamps without an offset (meaning UTC) and
//! with trailing fractional zeros trimmed, `trainedAt` and empty `tags`/`regions` left out
//! rather than null or empty, and PascalCase keys for TrainProject, UpdateTag and GetProjects.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value};

use super::errors::ServiceError;
use customvision_training::DateTime;

/// The keys of a body's objects: as the models name them, or PascalCase (v2.0 quirks only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// `isDefault`: the spec's casing.
    Camel,
    /// `IsDefault`: how the v2.0 service answered TrainProject, UpdateTag and GetProjects.
    Pascal,
}

/// The keys whose values are timestamps.
const TIMESTAMPS: [&str; 5] = [
    "created",
    "lastModified",
    "trainedAt",
    "startTime",
    "endTime",
];

/// A 200 answer with `value` as its JSON body.
pub fn ok<T: Serialize>(value: &T, v2_0: bool, casing: Casing) -> Response {
    match serde_json::to_value(value) {
        Ok(mut body) => {
            if v2_0 {
                rewrite(&mut body, casing);
            }
            (StatusCode::OK, axum::Json(body)).into_response()
        }
        Err(error) => ServiceError::new(
            "ErrorUnknown",
            format!("The answer could not be written: {error}"),
        )
        .into_response(),
    }
}

/// An answer in the spec's casing and timestamps (no v2.0 quirks): `status` (200, or 207 for a
/// partly failed batch) with `value` as its JSON body.
pub fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    let mut response = ok(value, false, Casing::Camel);
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

/// A binary answer: `application/octet-stream`.
pub fn octets(bytes: &[u8]) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/octet-stream")],
        bytes.to_vec(),
    )
        .into_response()
}

/// The 202 of a DELETE whose work goes on after it answers: no body.
pub fn accepted() -> Response {
    StatusCode::ACCEPTED.into_response()
}

/// The 204 of the DELETEs: no body, no `Content-Type`.
pub fn no_content() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

/// Applies the v2.0 quirks to a body, in place.
fn rewrite(value: &mut Value, casing: Casing) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, casing)),
        Value::Object(fields) => {
            let mut rewritten = Map::new();
            for (key, mut field) in std::mem::take(fields) {
                rewrite(&mut field, casing);
                let omitted = match (key.as_str(), &field) {
                    ("trainedAt", Value::Null) => true,
                    ("tags" | "regions", Value::Array(items)) => items.is_empty(),
                    _ => false,
                };
                if omitted {
                    continue;
                }
                if TIMESTAMPS.contains(&key.as_str())
                    && let Value::String(text) = &field
                    && let Ok(at) = DateTime::parse(text)
                {
                    field = Value::String(without_offset(at));
                }
                let key = match casing {
                    Casing::Camel => key,
                    Casing::Pascal => pascal(&key),
                };
                rewritten.insert(key, field);
            }
            *fields = rewritten;
        }
        _ => {}
    }
}

fn pascal(key: &str) -> String {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A .NET round-trip value as the v2.0 service stored it: UTC without an offset, 0 to 7
/// fractional digits with trailing zeros trimmed (`2018-04-25T20:54:49.53`).
pub fn without_offset(at: DateTime) -> String {
    let at = at.to_offset_date_time();
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    );
    let ticks = at.nanosecond() / 100;
    if ticks != 0 {
        let digits = format!("{ticks:07}");
        text.push('.');
        text.push_str(digits.trim_end_matches('0'));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_lose_the_offset_and_trailing_zeros() {
        let at = |text| DateTime::parse(text).unwrap();
        assert_eq!(
            without_offset(at("2018-04-25T20:54:49.53Z")),
            "2018-04-25T20:54:49.53"
        );
        assert_eq!(
            without_offset(at("2018-04-25T20:54:57.1985274Z")),
            "2018-04-25T20:54:57.1985274"
        );
        assert_eq!(
            without_offset(at("2018-04-25T20:54:49Z")),
            "2018-04-25T20:54:49"
        );
    }

    #[test]
    fn v2_0_bodies_are_rewritten() {
        let mut body = serde_json::json!({
            "id": "x",
            "isDefault": true,
            "created": "2018-04-25T20:54:49.5300000Z",
            "trainedAt": null,
            "tags": [],
            "settings": {"domainId": "d"},
        });
        rewrite(&mut body, Casing::Pascal);
        assert_eq!(
            body,
            serde_json::json!({
                "Id": "x",
                "IsDefault": true,
                "Created": "2018-04-25T20:54:49.53",
                "Settings": {"DomainId": "d"},
            })
        );
    }
}
