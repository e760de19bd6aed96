//! The HTTP client: reqwest with rustls, a base URL and default headers.

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};

use crate::error::{Error, Result};
use crate::request::{Body, Request, RequestParts};
use crate::response::Response;
use crate::transport::Api;

/// How long to wait for a TCP + TLS connection by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole request may take by default (the .NET SDKs' `HttpClient` default).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(100);

/// An HTTP client for declared endpoints. Cheap to clone: clones share one connection pool.
///
/// Secret headers (see [`ClientBuilder::secret_header`]) never show in `Debug` output, error
/// messages or logs.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing `/`; every request target starts with one.
    base_url: String,
    /// The default headers, for `Debug` (the reqwest client holds its own copy).
    headers: HeaderMap,
}

impl Client {
    /// A client with default settings for the base URL, e.g.
    /// `https://westeurope.api.cognitive.microsoft.com/customvision/v2.0/Training`.
    pub fn new(base_url: impl Into<String>) -> Result<Self> {
        Client::builder(base_url).build()
    }

    /// A builder, to set headers and timeouts.
    pub fn builder(base_url: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base_url: base_url.into(),
            headers: HeaderMap::new(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            problem: None,
        }
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    async fn execute(&self, request: Request) -> Result<Response> {
        let RequestParts {
            endpoint,
            target,
            headers,
            content_type,
            body,
        } = request.into_parts();
        let mut url = String::with_capacity(self.inner.base_url.len() + target.len());
        url.push_str(&self.inner.base_url);
        url.push_str(&target);
        tracing::debug!(endpoint = endpoint.name(), method = endpoint.method().as_str(), target = %target, "sending request");

        let mut builder = self.inner.http.request(endpoint.method().to_http(), url);
        if !headers.is_empty() {
            builder = builder.headers(headers);
        }
        if let Some(content_type) = content_type {
            builder = builder.header(CONTENT_TYPE, content_type);
        }
        match body {
            Body::Empty => {}
            Body::Json(bytes) | Body::Bytes(bytes) | Body::Multipart(bytes) => {
                builder = builder.body(bytes)
            }
        }
        let name = endpoint.name();
        let mut response = builder.send().await.map_err(|e| transport(name, e))?;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let body = response.bytes().await.map_err(|e| transport(name, e))?;
        tracing::debug!(
            endpoint = name,
            status = status.as_u16(),
            bytes = body.len(),
            "received response"
        );
        Ok(Response::new(status, headers, body))
    }
}

fn transport(endpoint: &'static str, error: reqwest::Error) -> Error {
    // reqwest's Display names the URL but never a header, so no secret reaches the message.
    if error.is_timeout() {
        Error::Timeout {
            endpoint,
            source: Box::new(error),
        }
    } else {
        Error::Transport {
            endpoint,
            source: Box::new(error),
        }
    }
}

impl Api for Client {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response>> + Send {
        self.execute(request)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("headers", &RedactedHeaders(&self.inner.headers))
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

    /// How long a whole request may take, body included (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
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
        let http = reqwest::Client::builder()
            .default_headers(headers.clone())
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .user_agent(concat!("declarest/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                Error::invalid_config(format!("the HTTP client could not be built: {e}"))
            })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                headers,
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
