//! The HTTP client: reqwest with rustls, a base URL and default headers; where a request is
//! sent, retried, and its response read within bounds.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use tracing::Instrument;
use tracing::field::Empty;

use crate::description::Endpoint;
use crate::error::{BodyError, BodyErrorKind, Error, Result};
use crate::request::{Body, Request};
use crate::response::Response;
use crate::retry::{Answer, Retrier, RetryPolicy};
use crate::stream::ByteStream;
use crate::transport::Api;

/// How long to wait for a TCP + TLS connection by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole call may take by default, retries included (the .NET SDKs' `HttpClient`
/// default).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(100);
/// The largest response body read by default; a larger one is [`BodyErrorKind::TooLarge`].
pub const DEFAULT_MAX_RESPONSE_SIZE: u64 = 64 * 1024 * 1024;
/// Same-origin redirects followed in a row at most.
pub const MAX_REDIRECTS: usize = 10;

/// An HTTP client for declared endpoints. Cheap to clone: clones share one connection pool and
/// one retry budget.
///
/// Secret headers (see [`ClientBuilder::secret_header`]) never show in `Debug` output, error
/// messages, logs or spans, and never go to another origin: redirects to another scheme, host
/// or port are not followed (the 3xx comes back as [`Error::Status`]).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing `/`; every request target starts with one.
    base_url: String,
    /// The host (and port, when not the scheme's default), for spans.
    server_address: String,
    /// The default headers, for `Debug` (the reqwest client holds its own copy).
    headers: HeaderMap,
    /// The default headers again, when the reqwest client was given and so does not send them.
    per_request_headers: Option<HeaderMap>,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    max_response_size: u64,
    retrier: Retrier,
}

impl Client {
    /// A client with default settings for the base URL, e.g.
    /// `https://westeurope.api.cognitive.microsoft.com/customvision/v2.0/Training`.
    pub fn new(base_url: impl Into<String>) -> Result<Self> {
        Client::builder(base_url).build()
    }

    /// A builder, to set headers, timeouts, retries and limits.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            headers: HeaderMap::new(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            attempt_timeout: None,
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            retry: RetryPolicy::default(),
            reqwest_client: None,
            problem: None,
        }
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// One call: every attempt, within the client's timeout, in one span.
    async fn execute(&self, request: Request) -> Result<Response> {
        let endpoint = request.endpoint();
        let span = tracing::info_span!(
            "http.client",
            otel.name = endpoint.name(),
            otel.kind = "client",
            http.request.method = endpoint.method().as_str(),
            url.template = endpoint.template(),
            server.address = self.inner.server_address.as_str(),
            http.response.status_code = Empty,
            http.request.resend_count = Empty,
            error.type = Empty,
        );
        let deadline = Instant::now() + self.inner.timeout;
        let result = self
            .inner
            .retrier
            .run(request, Some(deadline), |request| {
                self.attempt(request, deadline)
            })
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            record_outcome(&span, &result);
        }
        result
    }

    /// One attempt: sends the request, follows same-origin redirects, and reads the response,
    /// bounded in time and size.
    async fn attempt(&self, request: Request, deadline: Instant) -> Result<Response> {
        let endpoint = request.endpoint();
        let mut response = self.open_head(request, deadline).await?;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let secret_target = endpoint.has_secret_target();
        let body = read_body(response, self.inner.max_response_size)
            .await
            .map_err(|(kind, source)| {
                let source = source.map(|e| redact(e, secret_target));
                body_error(endpoint, status, &headers, kind, source)
            })?;
        tracing::debug!(
            status = status.as_u16(),
            bytes = body.len(),
            "received response"
        );
        Ok(Response::new(status, headers, body))
    }

    /// Sends the request and follows same-origin redirects, up to the head of the last
    /// response; the attempt's timeout also bounds the body read after it (reqwest applies it
    /// to every read).
    async fn open_head(&self, request: Request, deadline: Instant) -> Result<reqwest::Response> {
        let endpoint = request.endpoint();
        let name = endpoint.name();
        let left = deadline.saturating_duration_since(Instant::now());
        let timeout = self.inner.attempt_timeout.map_or(left, |t| t.min(left));
        if timeout.is_zero() {
            return Err(Error::timeout(
                name,
                "the client's timeout passed before this attempt",
            ));
        }
        tracing::debug!(target = request.loggable_target(), "sending request");
        let secret_target = endpoint.has_secret_target();
        let parts = request.into_parts();
        let mut url = String::with_capacity(self.inner.base_url.len() + parts.target.len());
        url.push_str(&self.inner.base_url);
        url.push_str(&parts.target);

        let mut hop = Hop {
            method: endpoint.method().to_http(),
            content_type: parts.content_type,
            body: match parts.body {
                Body::Empty => None,
                Body::Json(bytes) | Body::Bytes(bytes) | Body::Multipart(bytes) => Some(bytes),
            },
        };
        let started = Instant::now();
        let mut response = self
            .send_once(&hop, url.as_str(), &parts.headers, timeout)
            .await
            .map_err(|e| send_error(name, redact(e, secret_target)))?;
        self.check_not_redirected(name, &url, &response)?;
        let mut redirects = 0;
        while response.status().is_redirection() && redirects < MAX_REDIRECTS {
            let Some(next) = same_origin_location(&response) else {
                break;
            };
            hop.follow(response.status());
            drop(response);
            redirects += 1;
            let timeout = timeout.saturating_sub(started.elapsed());
            if timeout.is_zero() {
                return Err(Error::timeout(
                    name,
                    "the attempt's time passed while redirected",
                ));
            }
            response = self
                .send_once(&hop, next.clone(), &parts.headers, timeout)
                .await
                .map_err(|e| send_error(name, redact(e, secret_target)))?;
            self.check_not_redirected(name, next.as_str(), &response)?;
        }
        Ok(response)
    }

    /// A given reqwest client must leave redirects to declarest: one that followed a redirect
    /// answers from another URL than the one requested.
    fn check_not_redirected(
        &self,
        endpoint: &'static str,
        requested: &str,
        response: &reqwest::Response,
    ) -> Result<()> {
        if self.inner.per_request_headers.is_none() || response.url().as_str() == requested {
            return Ok(());
        }
        if reqwest::Url::parse(requested).is_ok_and(|url| url == *response.url()) {
            return Ok(());
        }
        Err(Error::invalid_config(format!(
            "{endpoint}: the reqwest::Client given to declarest followed a redirect by itself; build it with \
             `.redirect(reqwest::redirect::Policy::none())` so that declarest follows redirects, to the same origin only"
        )))
    }

    /// One HTTP exchange, up to the response head. The client's own headers go as reqwest's
    /// defaults when declarest built the reqwest client, and on each request otherwise.
    async fn send_once(
        &self,
        hop: &Hop,
        url: impl reqwest::IntoUrl,
        headers: &HeaderMap,
        timeout: Duration,
    ) -> reqwest::Result<reqwest::Response> {
        let mut builder = self
            .inner
            .http
            .request(hop.method.clone(), url)
            .timeout(timeout);
        if let Some(own) = &self.inner.per_request_headers {
            builder = builder.headers(own.clone());
        }
        if !headers.is_empty() {
            builder = builder.headers(headers.clone());
        }
        if let Some(body) = &hop.body {
            if let Some(content_type) = &hop.content_type {
                builder = builder.header(CONTENT_TYPE, content_type.clone());
            }
            builder = builder.body(body.clone());
        }
        builder.send().await
    }
}

/// What one request of an attempt sends; a redirect may change it.
struct Hop {
    method: reqwest::Method,
    content_type: Option<HeaderValue>,
    body: Option<Bytes>,
}

impl Hop {
    /// As browsers and reqwest do: 301, 302 and 303 go on as a GET without a body (a HEAD stays
    /// a HEAD); 307 and 308 repeat the method and the body.
    fn follow(&mut self, status: reqwest::StatusCode) {
        if matches!(status.as_u16(), 301..=303) {
            self.body = None;
            self.content_type = None;
            if self.method != reqwest::Method::HEAD {
                self.method = reqwest::Method::GET;
            }
        }
    }
}

/// Where a redirect points, if it is a redirect declarest follows: a `Location` on the same
/// origin (scheme, host and port) as the request. The secret headers every request carries
/// never go to another origin; such a redirect comes back as the 3xx it is.
fn same_origin_location(response: &reqwest::Response) -> Option<reqwest::Url> {
    if !matches!(response.status().as_u16(), 301..=303 | 307 | 308) {
        return None;
    }
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)?
        .to_str()
        .ok()?;
    let next = response.url().join(location).ok()?;
    (next.origin() == response.url().origin()).then_some(next)
}

/// The status, the resends and the error type, on the call's span.
fn record_outcome<R: Answer>(span: &tracing::Span, result: &Result<R>) {
    let (status, attempts, error_type) = match result {
        Ok(response) => {
            let status = response.status();
            let error_type = (!status.is_success()).then(|| status.as_str().to_owned());
            (Some(status), response.attempts(), error_type)
        }
        Err(error) => (
            error.status(),
            error.attempts(),
            Some(error_type(error).to_owned()),
        ),
    };
    if let Some(status) = status {
        span.record("http.response.status_code", status.as_u16());
    }
    if attempts > 1 {
        span.record("http.request.resend_count", attempts - 1);
    }
    if let Some(error_type) = error_type {
        span.record("error.type", error_type.as_str());
    }
}

/// A low-cardinality name for the kind of failure (OpenTelemetry's `error.type`).
fn error_type(error: &Error) -> &'static str {
    match error {
        Error::Connect { .. } => "connect",
        Error::Transport { .. } => "transport",
        Error::Timeout { .. } => "timeout",
        Error::Status(_) => "status",
        Error::Body(body) => match body.kind() {
            BodyErrorKind::TooLarge { .. } => "body_too_large",
            BodyErrorKind::Interrupted => "body_interrupted",
            BodyErrorKind::TimedOut => "body_timeout",
        },
        Error::Decode(_) => "decode",
        Error::InvalidRequest { .. } => "invalid_request",
        Error::InvalidConfig { .. } => "invalid_config",
    }
}

/// Reads the whole body, refusing more than `limit` bytes: at once when `Content-Length` says
/// so (the connection is dropped unread), else as soon as more arrives. A body that comes in one
/// chunk is not copied.
async fn read_body(
    mut response: reqwest::Response,
    limit: u64,
) -> std::result::Result<Bytes, (BodyErrorKind, Option<reqwest::Error>)> {
    let too_large = (BodyErrorKind::TooLarge { limit }, None);
    let declared = response.content_length();
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large);
    }
    let read_error = |e: reqwest::Error| {
        let kind = if e.is_timeout() {
            BodyErrorKind::TimedOut
        } else {
            BodyErrorKind::Interrupted
        };
        (kind, Some(e))
    };
    let Some(first) = response.chunk().await.map_err(read_error)? else {
        return Ok(Bytes::new());
    };
    if first.len() as u64 > limit {
        return Err(too_large);
    }
    let Some(second) = response.chunk().await.map_err(read_error)? else {
        return Ok(first);
    };
    let capacity = declared.unwrap_or(0).min(limit) as usize;
    let mut body = BytesMut::with_capacity(capacity.max(first.len() + second.len()));
    body.extend_from_slice(&first);
    let mut next = Some(second);
    while let Some(chunk) = next {
        if (body.len() + chunk.len()) as u64 > limit {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
        next = response.chunk().await.map_err(read_error)?;
    }
    Ok(body.freeze())
}

fn body_error(
    endpoint: &'static Endpoint,
    status: reqwest::StatusCode,
    headers: &HeaderMap,
    kind: BodyErrorKind,
    source: Option<reqwest::Error>,
) -> Error {
    Error::Body(Box::new(BodyError {
        endpoint: endpoint.name(),
        status,
        headers: headers.clone(),
        kind,
        source: source.map(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>),
        attempts: 1,
    }))
}

/// reqwest's errors name the URL: not when it carries a secret value.
fn redact(error: reqwest::Error, secret_target: bool) -> reqwest::Error {
    if secret_target {
        error.without_url()
    } else {
        error
    }
}

/// A failure before a response head arrived.
fn send_error(endpoint: &'static str, error: reqwest::Error) -> Error {
    // reqwest's Display names the URL but never a header, so no secret reaches the message.
    if error.is_connect() {
        // Includes a connect timeout: the request never left.
        Error::connect(endpoint, error)
    } else if error.is_timeout() {
        Error::timeout(endpoint, error)
    } else {
        Error::transport(endpoint, error)
    }
}

impl Api for Client {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send {
        self.execute(request)
    }

    fn send_streaming(&self, request: Request) -> impl Future<Output = Result<ByteStream>> + Send {
        self.open_stream(request)
    }
}

/// Streamed calls (`ByteStream`): as `Client::execute` and `Client::attempt`, but the body
/// is left unread, to a stream bounded by the size limit and by the time left.
impl Client {
    /// One streamed call: every attempt until a head arrives that is not retried, within the
    /// client's timeout, in one span (which ends with the head).
    async fn open_stream(&self, request: Request) -> Result<ByteStream> {
        let endpoint = request.endpoint();
        let span = tracing::info_span!(
            "http.client",
            otel.name = endpoint.name(),
            otel.kind = "client",
            http.request.method = endpoint.method().as_str(),
            url.template = endpoint.template(),
            server.address = self.inner.server_address.as_str(),
            http.response.status_code = Empty,
            http.request.resend_count = Empty,
            error.type = Empty,
        );
        let deadline = Instant::now() + self.inner.timeout;
        let result = self
            .inner
            .retrier
            .run(request, Some(deadline), |request| {
                self.open_attempt(request, deadline)
            })
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            record_outcome(&span, &result);
        }
        result
    }

    /// One attempt: sends the request and hands back the head, the body bounded in time (what
    /// is left of the timeouts) and size.
    async fn open_attempt(&self, request: Request, deadline: Instant) -> Result<ByteStream> {
        let endpoint = request.endpoint();
        let response = self.open_head(request, deadline).await?;
        tracing::debug!(
            status = response.status().as_u16(),
            "received response head"
        );
        ByteStream::open(
            endpoint,
            response,
            self.inner.max_response_size,
            endpoint.has_secret_target(),
        )
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("headers", &RedactedHeaders(&self.inner.headers))
            .field("timeout", &self.inner.timeout)
            .field("max_response_size", &self.inner.max_response_size)
            .field("retry", self.inner.retrier.policy())
            .finish_non_exhaustive()
    }
}

/// Shows header names, and values unless they are sensitive.
struct RedactedHeaders<'a>(&'a HeaderMap);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.0 {
            if value.is_sensitive() {
                map.entry(&name.as_str(), &format_args!("<redacted>"));
            } else {
                map.entry(&name.as_str(), &String::from_utf8_lossy(value.as_bytes()));
            }
        }
        map.finish()
    }
}

/// Configures a [`Client`]. Mistakes are reported by [`build`](Self::build).
pub struct ClientBuilder {
    base_url: String,
    headers: HeaderMap,
    connect_timeout: Duration,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    max_response_size: u64,
    retry: RetryPolicy,
    reqwest_client: Option<reqwest::Client>,
    problem: Option<String>,
}

impl ClientBuilder {
    fn insert(&mut self, name: &str, value: &str, secret: bool) {
        let name = match HeaderName::try_from(name) {
            Ok(name) => name,
            Err(_) => {
                self.problem
                    .get_or_insert_with(|| format!("`{name}` is not a valid header name"));
                return;
            }
        };
        match HeaderValue::try_from(value) {
            Ok(mut value) => {
                value.set_sensitive(secret);
                self.headers.insert(name, value);
            }
            Err(_) => {
                // The value is not quoted: it may be a secret.
                self.problem.get_or_insert_with(|| {
                    format!(
                        "the value of header `{name}` contains a character a header cannot carry"
                    )
                });
            }
        }
    }

    /// A header sent with every request.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.insert(name, value, false);
        self
    }

    /// A header sent with every request whose value is a secret (an API key): it never shows in
    /// `Debug` output, errors or logs.
    pub fn secret_header(mut self, name: &str, value: &str) -> Self {
        self.insert(name, value, true);
        self
    }

    /// How long to wait for a connection (default [`DEFAULT_CONNECT_TIMEOUT`]).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long a whole call may take, from the first attempt to the last byte of the last
    /// response body, retries and their waits included (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long one attempt may take, body included (default: as long as the call's
    /// [`timeout`](Self::timeout) leaves). A shorter one lets a stuck attempt be retried.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The largest response body to read, in bytes (default [`DEFAULT_MAX_RESPONSE_SIZE`]).
    /// A larger one is refused as soon as its `Content-Length` or its bytes say so, with an
    /// [`Error::Body`] that keeps the status and headers, and memory stays bounded by the limit.
    pub fn max_response_size(mut self, bytes: u64) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// Sends through a `reqwest::Client` of your own (sharing its connection pool, proxies, TLS
    /// roots and settings) instead of one declarest builds.
    ///
    /// Build it with `.redirect(reqwest::redirect::Policy::none())`: declarest follows redirects
    /// itself, only to the same origin, so that the secret headers it adds to every request
    /// never reach another. A given client that follows redirects on its own would take them
    /// anywhere, so a call whose response comes from another URL than the one requested fails
    /// with [`Error::InvalidConfig`].
    ///
    /// declarest still applies, per request: its headers (secret ones included), the call and
    /// attempt timeouts, retries, the response size limit and the span. It leaves to the given
    /// client: the connection pool, proxies, TLS, HTTP versions, the connect timeout
    /// ([`connect_timeout`](Self::connect_timeout) is not used) and the user agent.
    pub fn reqwest_client(mut self, client: reqwest::Client) -> Self {
        self.reqwest_client = Some(client);
        self
    }

    /// When to retry (default [`RetryPolicy::default`]: up to 3 retries of what is safe to
    /// send again); [`RetryPolicy::none`] turns retrying off. See [`RetryPolicy`] for the rules.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The client, or what is wrong with the configuration.
    pub fn build(self) -> Result<Client> {
        if let Some(problem) = self.problem {
            return Err(Error::invalid_config(problem));
        }
        let base_url = normalize_base_url(&self.base_url)?;
        let mut headers = self.headers;
        // Every endpoint reads JSON: said once here, not on every request.
        headers
            .entry(ACCEPT)
            .or_insert(HeaderValue::from_static("application/json"));
        // reqwest is built without a crypto provider so that only ring is compiled; install it
        // unless the application installed one of its own first.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (http, per_request_headers) = match self.reqwest_client {
            Some(given) => (given, Some(headers.clone())),
            None => {
                let built = reqwest::Client::builder()
                    .default_headers(headers.clone())
                    .connect_timeout(self.connect_timeout)
                    // declarest follows redirects itself, to the same origin only.
                    .redirect(reqwest::redirect::Policy::none())
                    .user_agent(concat!("declarest/", env!("CARGO_PKG_VERSION")))
                    .build()
                    .map_err(|e| {
                        Error::invalid_config(format!("the HTTP client could not be built: {e}"))
                    })?;
                (built, None)
            }
        };
        let server_address = reqwest::Url::parse(&base_url)
            .ok()
            .and_then(|url| {
                let host = url.host_str()?.to_owned();
                Some(match url.port() {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                })
            })
            .unwrap_or_default();
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                server_address,
                headers,
                per_request_headers,
                timeout: self.timeout,
                attempt_timeout: self.attempt_timeout,
                max_response_size: self.max_response_size,
                retrier: Retrier::new(self.retry),
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("max_response_size", &self.max_response_size)
            .field("retry", &self.retry)
            .finish()
    }
}

/// Checks the base URL and drops trailing slashes, so that joining it with a target that starts
/// with `/` never gives `//`.
fn normalize_base_url(base_url: &str) -> Result<String> {
    let parsed = reqwest::Url::parse(base_url)
        .map_err(|e| Error::invalid_config(format!("base URL `{base_url}` is not a URL: {e}")))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::invalid_config(format!(
            "base URL `{base_url}` must start with http:// or https://"
        )));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(Error::invalid_config(format!(
            "base URL `{base_url}` must not have a query or fragment"
        )));
    }
    if parsed.cannot_be_a_base() || !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(Error::invalid_config(
            "the base URL must be a plain http(s) URL without credentials".to_owned(),
        ));
    }
    // From the parsed URL, not the input: the parser drops surrounding whitespace and tabs or
    // newlines inside, and reads `\` as `/`, so trimming the input could leave a `/` behind.
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_slashes_are_dropped() {
        let client = Client::new("https://example.com/customvision/v2.0/Training/").unwrap();
        assert_eq!(
            client.base_url(),
            "https://example.com/customvision/v2.0/Training"
        );
        let client = Client::new("http://127.0.0.1:8080//").unwrap();
        assert_eq!(client.base_url(), "http://127.0.0.1:8080");
    }

    #[test]
    fn bad_base_urls_are_config_errors() {
        for url in [
            "example.com",
            "ftp://example.com",
            "https://h/?a=b",
            "https://u:p@h/",
        ] {
            let err = Client::new(url).unwrap_err();
            assert!(matches!(err, Error::InvalidConfig { .. }), "{url}: {err}");
        }
    }

    #[test]
    fn secret_headers_never_show_in_debug() {
        let builder = Client::builder("https://example.com")
            .secret_header("Training-Key", "s3cr3t-key")
            .header("X-Visible", "shown");
        assert!(!format!("{builder:?}").contains("s3cr3t-key"));
        let client = builder.build().unwrap();
        let debug = format!("{client:?}");
        assert!(!debug.contains("s3cr3t-key"), "{debug}");
        assert!(debug.contains("training-key"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
        assert!(debug.contains("shown"), "{debug}");
    }

    #[test]
    fn a_bad_secret_value_is_reported_without_quoting_it() {
        let err = Client::builder("https://example.com")
            .secret_header("Training-Key", "line\nbreak-secret")
            .build()
            .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("training-key"), "{message}");
        assert!(!message.contains("break-secret"), "{message}");
    }
}
