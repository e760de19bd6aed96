//! The one error type of declarest.

use std::fmt;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::Deserialize;

/// `Result<T, declarest::Error>`, the return type of every endpoint method.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Header that Azure API Management puts on every response; worth quoting in a support request.
const REQUEST_ID_HEADER: &str = "apim-request-id";

/// Everything that can go wrong with a call.
///
/// Every variant that had a response keeps its status, headers and raw body:
/// see [`Error::status`], [`Error::body`], [`Error::service_error`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent, or its response not read: refused or reset connection,
    /// DNS, TLS.
    #[error("{endpoint}: could not reach the service: {source}")]
    Transport {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What the transport reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// No response in time (the client's connect or request timeout).
    #[error("{endpoint}: timed out: {source}")]
    Timeout {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What the transport reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The service answered with a status outside 2xx.
    #[error(transparent)]
    Status(Box<StatusError>),
    /// The service answered 2xx, but the body is not what the endpoint declares.
    #[error(transparent)]
    Decode(Box<DecodeError>),
    /// The client knew the request was invalid, so it was not sent.
    #[error("{endpoint}: invalid request, not sent: {reason}")]
    InvalidRequest {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// The client could not be built from its configuration.
    #[error("invalid client configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: String,
    },
}

impl Error {
    /// A transport failure, for [`Api`](crate::Api) implementations other than the built-in client.
    pub fn transport(
        endpoint: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Transport {
            endpoint,
            source: source.into(),
        }
    }

    pub(crate) fn invalid_request(endpoint: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidRequest {
            endpoint,
            reason: reason.into(),
        }
    }

    pub(crate) fn invalid_config(reason: impl Into<String>) -> Self {
        Error::InvalidConfig {
            reason: reason.into(),
        }
    }

    /// The response status, for every error that had a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Status(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// The raw response body, for every error that had a response.
    pub fn body(&self) -> Option<&Bytes> {
        match self {
            Error::Status(e) => Some(&e.body),
            Error::Decode(e) => Some(&e.body),
            _ => None,
        }
    }

    /// The response headers, for every error that had a response.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Status(e) => Some(&e.headers),
            Error::Decode(e) => Some(&e.headers),
            _ => None,
        }
    }

    /// The service's `{code, message}`, when the error body carried one.
    pub fn service_error(&self) -> Option<&ServiceError> {
        match self {
            Error::Status(e) => e.service.as_ref(),
            _ => None,
        }
    }

    /// The `apim-request-id` response header, when there was a response that had one.
    pub fn request_id(&self) -> Option<&str> {
        request_id(self.headers()?)
    }

    /// The name of the endpoint the error came from, if any.
    pub fn endpoint(&self) -> Option<&'static str> {
        match self {
            Error::Transport { endpoint, .. }
            | Error::Timeout { endpoint, .. }
            | Error::InvalidRequest { endpoint, .. } => Some(endpoint),
            Error::Status(e) => Some(e.endpoint),
            Error::Decode(e) => Some(e.endpoint),
            Error::InvalidConfig { .. } => None,
        }
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }
}

fn request_id(headers: &HeaderMap) -> Option<&str> {
    headers.get(REQUEST_ID_HEADER)?.to_str().ok()
}

/// The error body many services send: `{"code": "NotFoundIteration", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ServiceError {
    /// A machine-readable code, e.g. `NotFoundIteration`.
    #[serde(alias = "Code")]
    pub code: String,
    /// A message for people.
    #[serde(alias = "Message", default)]
    pub message: String,
}

/// A response with a status outside 2xx. Everything the service sent is kept.
#[derive(Debug)]
pub struct StatusError {
    /// The endpoint's name.
    pub endpoint: &'static str,
    /// The response status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The raw response body.
    pub body: Bytes,
    /// The body parsed as `{code, message}`, when it has that shape.
    pub service: Option<ServiceError>,
}

impl StatusError {
    pub(crate) fn new(
        endpoint: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
    ) -> Self {
        let service = serde_json::from_slice::<ServiceError>(&body).ok();
        StatusError {
            endpoint,
            status,
            headers,
            body,
            service,
        }
    }
}

/// At most this much of an unparsed body goes into an error message; all of it stays in `body`.
const BODY_EXCERPT: usize = 200;

fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    match text.char_indices().nth(BODY_EXCERPT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: HTTP {}", self.endpoint, self.status)?;
        match &self.service {
            Some(service) => write!(f, ": {}: {}", service.code, service.message)?,
            None if !self.body.is_empty() => write!(f, ": {}", excerpt(&self.body))?,
            None => {}
        }
        if let Some(id) = request_id(&self.headers) {
            write!(f, " (apim-request-id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for StatusError {}

/// A 2xx response whose body does not decode as the declared type.
#[derive(Debug)]
pub struct DecodeError {
    /// The endpoint's name.
    pub endpoint: &'static str,
    /// The response status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// The raw response body.
    pub body: Bytes,
    /// Where in the document decoding failed, e.g. `items[2].lastModified` (empty at the root).
    pub path: String,
    /// What serde reported.
    pub source: serde_json::Error,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: could not decode the {} response",
            self.endpoint, self.status
        )?;
        if !self.path.is_empty() && self.path != "." {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.source)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
