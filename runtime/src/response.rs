//! Responses, and how a response becomes the endpoint's return value.

use std::fmt;
use std::ops::{Deref, DerefMut};

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

    pub(crate) fn into_parts(self) -> (StatusCode, HeaderMap, Bytes) {
        (self.status, self.headers, self.body)
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
        self.decode_keeping_head(endpoint).map(|(value, _)| value)
    }

    /// The declared return value, read from a 2xx JSON body, and the response without its body.
    ///
    /// One deserializer per `T`, `serde_json::from_slice`, here and nowhere else (so a type
    /// declared both plain and in a `WithStatus` still has one): an empty body is read as
    /// `null` by the same one (so only types that accept null, such as `Option`, fit), and
    /// where decoding failed is found afterwards by a walk of the document that knows nothing
    /// of `T`.
    pub(crate) fn decode_keeping_head<T: DeserializeOwned>(
        self,
        endpoint: &'static Endpoint,
    ) -> Result<(T, Response)> {
        let mut response = self.success(endpoint)?;
        let document: &[u8] = if response.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &response.body
        };
        match serde_json::from_slice(document) {
            Ok(value) => {
                response.body = Bytes::new();
                Ok((value, response))
            }
            Err(source) => Err(response.decode_error(endpoint, source)),
        }
    }

    /// The body as bytes, whatever its content type, from a 2xx response.
    pub(crate) fn binary(self, endpoint: &'static Endpoint) -> Result<Binary> {
        let response = self.success(endpoint)?;
        Ok(Binary {
            status: response.status,
            headers: response.headers,
            body: response.body,
        })
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

/// A JSON response decoded as `T`, with the success status it came with: the return type
/// `declarest::Result<declarest::WithStatus<T>>` declares an operation that answers more than one
/// 2xx status with the same body, such as `200 OK` and `207 Multi-Status` for a batch that
/// partly succeeded. It dereferences to `T`.
///
/// ```
/// # use declarest::WithStatus;
/// # use declarest::http::StatusCode;
/// let summary = WithStatus::new(StatusCode::MULTI_STATUS, vec!["ok", "failed"]);
/// assert!(summary.is_partial());
/// assert_eq!(summary.len(), 2);
/// assert_eq!(summary.into_inner(), ["ok", "failed"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct WithStatus<T> {
    value: T,
    status: StatusCode,
    headers: HeaderMap,
}

impl<T> WithStatus<T> {
    /// A value with its status and no headers, e.g. for a test double of your own trait.
    pub fn new(status: StatusCode, value: T) -> Self {
        WithStatus {
            value,
            status,
            headers: HeaderMap::new(),
        }
    }

    pub(crate) fn from_head(value: T, head: Response) -> Self {
        WithStatus {
            value,
            status: head.status,
            headers: head.headers,
        }
    }

    /// The status of the response: one of the 2xx.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Whether the status is `207 Multi-Status`: the operation succeeded only in part, and the
    /// body says which parts failed.
    pub fn is_partial(&self) -> bool {
        self.status == StatusCode::MULTI_STATUS
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> Deref for WithStatus<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for WithStatus<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

/// A response body as bytes, whatever its content type: the return type
/// `declarest::Result<declarest::Binary>` declares an operation that answers a file, an image or
/// any other body that is not JSON. It dereferences to `[u8]`. The whole body is read, within
/// the client's size limit ([`ClientBuilder::max_response_size`](crate::ClientBuilder::max_response_size));
/// for a body too large to hold, declare [`ByteStream`](crate::ByteStream) instead.
#[derive(Clone, PartialEq)]
pub struct Binary {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Binary {
    /// A body with its status and headers, e.g. for a test double of your own trait.
    pub fn new(status: StatusCode, headers: HeaderMap, body: impl Into<Bytes>) -> Self {
        Binary {
            status,
            headers,
            body: body.into(),
        }
    }

    /// The body.
    pub fn bytes(&self) -> &Bytes {
        &self.body
    }

    /// The body, without a copy.
    pub fn into_bytes(self) -> Bytes {
        self.body
    }

    /// The `Content-Type` the service sent, if it sent one that is text.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The status of the response: one of the 2xx.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
}

impl Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.body
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.body
    }
}

impl From<Binary> for Bytes {
    fn from(binary: Binary) -> Bytes {
        binary.body
    }
}

/// The status, the content type and the length; not the bytes.
impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Binary")
            .field("status", &self.status)
            .field("content_type", &self.content_type())
            .field("len", &self.body.len())
            .finish()
    }
}
