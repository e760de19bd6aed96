//! Responses, and how a response becomes the endpoint's return value.

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::description::Endpoint;
use crate::error::{DecodeError, Error, Result, StatusError};

/// A response as an [`Api`](crate::Api) hands it back: status, headers, the whole body.
#[derive(Debug, Clone)]
pub struct Response {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    /// How many attempts it took: set by the retry layer, carried into errors.
    attempts: u32,
}

impl Response {
    /// A response from its parts.
    pub fn new(status: StatusCode, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        Response {
            status,
            headers,
            body: body.into(),
            attempts: 1,
        }
    }

    /// A JSON response (`Content-Type: application/json`), handy for test doubles.
    pub fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> serde_json::Result<Self> {
        let body = serde_json::to_vec(value)?;
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Ok(Response::new(status, headers, body))
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The whole body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// How many attempts the call made to get this response: 1 unless it was retried.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    pub(crate) fn set_attempts(&mut self, attempts: u32) {
        self.attempts = attempts;
    }

    /// Fails with [`Error::Status`] unless the status is 2xx.
    fn success(self, endpoint: &'static Endpoint) -> Result<Self> {
        if self.status.is_success() {
            Ok(self)
        } else {
            Err(Error::Status(Box::new(StatusError::new(
                endpoint.name(),
                self.status,
                self.headers,
                self.body,
                self.attempts,
            ))))
        }
    }

    /// The declared return value, read from a 2xx JSON body.
    pub(crate) fn decode<T: DeserializeOwned>(self, endpoint: &'static Endpoint) -> Result<T> {
        let response = self.success(endpoint)?;
        let decoded = if response.body.iter().all(u8::is_ascii_whitespace) {
            // No document at all: only types that accept null (such as `Option`) fit.
            T::deserialize(serde_json::Value::Null).map_err(|e| (String::new(), e))
        } else {
            // The plain decoder on the way that almost always succeeds; only a failure is decoded
            // again, tracking the path, to say where it failed.
            serde_json::from_slice(&response.body).map_err(|plain| {
                let mut de = serde_json::Deserializer::from_slice(&response.body);
                match serde_path_to_error::deserialize::<_, T>(&mut de) {
                    Err(e) => (e.path().to_string(), e.into_inner()),
                    Ok(_) => (String::new(), plain),
                }
            })
        };
        decoded.map_err(|(path, source)| {
            Error::Decode(Box::new(DecodeError {
                endpoint: endpoint.name(),
                status: response.status,
                headers: response.headers,
                body: response.body,
                path,
                source,
                attempts: response.attempts,
            }))
        })
    }

    /// Succeeds on any 2xx, whatever the body: for endpoints that return `()`.
    pub(crate) fn no_content(self, endpoint: &'static Endpoint) -> Result<()> {
        self.success(endpoint).map(drop)
    }
}
