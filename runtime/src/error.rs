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
    /// No connection could be made (refused, DNS, TLS handshake, connect timeout): the request
    /// was not sent, so it is safe to send again whatever its method.
    #[error("{endpoint}: could not connect to the service, nothing was sent: {source}{}", Attempts(*attempts))]
    Connect {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What the transport reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        /// How many attempts were made (1 unless retried).
        attempts: u32,
    },
    /// The request may have been sent, but no response arrived: the connection was reset or
    /// closed, or the response head was malformed.
    #[error("{endpoint}: could not reach the service: {source}{}", Attempts(*attempts))]
    Transport {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What the transport reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        /// How many attempts were made (1 unless retried).
        attempts: u32,
    },
    /// No response head in time (the client's timeout, or the attempt's).
    #[error("{endpoint}: timed out: {source}{}", Attempts(*attempts))]
    Timeout {
        /// The endpoint's name.
        endpoint: &'static str,
        /// What the transport reported.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
        /// How many attempts were made (1 unless retried).
        attempts: u32,
    },
    /// The service answered with a status outside 2xx (a redirect that was not followed
    /// included).
    #[error(transparent)]
    Status(Box<StatusError>),
    /// The response head arrived, but its body could not be read: cut short, too slow, or over
    /// the client's size limit. The status and headers are kept.
    #[error(transparent)]
    Body(Box<BodyError>),
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

/// ` (after 3 attempts)` when a call was retried, nothing otherwise.
struct Attempts(u32);

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 1 {
            write!(f, " (after {} attempts)", self.0)
        } else {
            Ok(())
        }
    }
}

impl Error {
    /// A transport failure after the request may have been sent, for [`Api`](crate::Api)
    /// implementations other than the built-in client.
    pub fn transport(
        endpoint: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Transport {
            endpoint,
            source: source.into(),
            attempts: 1,
        }
    }

    /// A failure to connect, so the request was not sent, for [`Api`](crate::Api)
    /// implementations other than the built-in client.
    pub fn connect(
        endpoint: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Connect {
            endpoint,
            source: source.into(),
            attempts: 1,
        }
    }

    /// A timeout, for [`Api`](crate::Api) implementations other than the built-in client.
    pub fn timeout(
        endpoint: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Error::Timeout {
            endpoint,
            source: source.into(),
            attempts: 1,
        }
    }

    /// How many attempts the call made: 1 unless it was retried (0 when nothing was sent
    /// because the request was invalid).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Connect { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. } => *attempts,
            Error::Status(e) => e.attempts,
            Error::Body(e) => e.attempts,
            Error::Decode(e) => e.attempts,
            Error::InvalidRequest { .. } | Error::InvalidConfig { .. } => 0,
        }
    }

    /// Records how many attempts the call made.
    pub(crate) fn set_attempts(&mut self, n: u32) {
        match self {
            Error::Connect { attempts, .. }
            | Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. } => *attempts = n,
            Error::Status(e) => e.attempts = n,
            Error::Body(e) => e.attempts = n,
            Error::Decode(e) => e.attempts = n,
            Error::InvalidRequest { .. } | Error::InvalidConfig { .. } => {}
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
            Error::Body(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            _ => None,
        }
    }

    /// The raw response body, for every error that read one (a [`BodyError`] has none).
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
            Error::Body(e) => Some(&e.headers),
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
            Error::Connect { endpoint, .. }
            | Error::Transport { endpoint, .. }
            | Error::Timeout { endpoint, .. }
            | Error::InvalidRequest { endpoint, .. } => Some(endpoint),
            Error::Status(e) => Some(e.endpoint),
            Error::Body(e) => Some(e.endpoint),
            Error::Decode(e) => Some(e.endpoint),
            Error::InvalidConfig { .. } => None,
        }
    }

    /// Whether the call timed out, waiting for the response head or for its body.
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Timeout { .. } => true,
            Error::Body(e) => e.kind == BodyErrorKind::TimedOut,
            _ => false,
        }
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
    /// How many attempts the call made (1 unless retried).
    pub attempts: u32,
}

impl StatusError {
    pub(crate) fn new(
        endpoint: &'static str,
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        attempts: u32,
    ) -> Self {
        let service = serde_json::from_slice::<ServiceError>(&body).ok();
        StatusError {
            endpoint,
            status,
            headers,
            body,
            service,
            attempts,
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
        write!(f, "{}", Attempts(self.attempts))
    }
}

impl std::error::Error for StatusError {}

/// Why a response body could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyErrorKind {
    /// The body is larger than the client's limit (`Content-Length` said so, or more arrived);
    /// the rest was not read and the connection was dropped.
    TooLarge {
        /// The client's limit, in bytes.
        limit: u64,
    },
    /// The connection failed or closed before the whole body arrived.
    Interrupted,
    /// The body did not arrive in time.
    TimedOut,
}

/// A response whose head arrived but whose body could not be read. The status and headers are
/// kept; the body is not.
#[derive(Debug)]
pub struct BodyError {
    /// The endpoint's name.
    pub endpoint: &'static str,
    /// The response status.
    pub status: StatusCode,
    /// The response headers.
    pub headers: HeaderMap,
    /// Why the body could not be read.
    pub kind: BodyErrorKind,
    /// What the transport reported, when it reported something.
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
    /// How many attempts the call made (1 unless retried).
    pub attempts: u32,
}

impl BodyError {
    /// Why the body could not be read.
    pub fn kind(&self) -> BodyErrorKind {
        self.kind
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: the {} response's body ", self.endpoint, self.status)?;
        match self.kind {
            BodyErrorKind::TooLarge { limit } => {
                write!(f, "is larger than the client's limit of {limit} bytes")?
            }
            BodyErrorKind::Interrupted => f.write_str("was cut short")?,
            BodyErrorKind::TimedOut => f.write_str("did not arrive in time")?,
        }
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        write!(f, "{}", Attempts(self.attempts))
    }
}

impl std::error::Error for BodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

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
    /// How many attempts the call made (1 unless retried).
    pub attempts: u32,
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
