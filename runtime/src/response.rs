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
    ///
    /// One deserializer per `T`, `serde_json::from_slice`: an empty body is read as `null` by
    /// the same one (so only types that accept null, such as `Option`, fit), and where decoding
    /// failed is found afterwards by a walk of the document that knows nothing of `T`.
    pub(crate) fn decode<T: DeserializeOwned>(self, endpoint: &'static Endpoint) -> Result<T> {
        let response = self.success(endpoint)?;
        let document: &[u8] = if response.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &response.body
        };
        match serde_json::from_slice(document) {
            Ok(value) => Ok(value),
            Err(source) => Err(response.decode_error(endpoint, source)),
        }
    }

    /// Not generic, so compiled once for every response type.
    fn decode_error(self, endpoint: &'static Endpoint, source: serde_json::Error) -> Error {
        let path = crate::json_path::at_error(&self.body, source.line(), source.column());
        Error::Decode(Box::new(DecodeError {
            endpoint: endpoint.name(),
            status: self.status,
            headers: self.headers,
            body: self.body,
            path,
            source,
            attempts: self.attempts,
        }))
    }

    /// Succeeds on any 2xx, whatever the body: for endpoints that return `()`.
    pub(crate) fn no_content(self, endpoint: &'static Endpoint) -> Result<()> {
        self.success(endpoint).map(drop)
    }
}
