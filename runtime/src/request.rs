//! Requests as an [`Api`](crate::Api) receives them, and the builder generated code fills in.

use bytes::Bytes;
use reqwest::header::{ACCEPT, HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;

use crate::description::{Endpoint, Method};
use crate::error::{Error, Result};
use crate::param::{Encoding, OptionalValue, ParamValue, ParamWriter};
use crate::upload::{MultipartWriter, Parts, RawBody};

const JSON_UTF8: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");
const OCTET_STREAM: HeaderValue = HeaderValue::from_static("application/octet-stream");
/// What an endpoint that returns bytes accepts: anything, raw bytes preferred.
const ACCEPT_BINARY: HeaderValue = HeaderValue::from_static("application/octet-stream, */*;q=0.9");

/// The body of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    Empty,
    /// A serialized JSON document.
    Json(Bytes),
    /// Raw bytes (`application/octet-stream`).
    Bytes(Bytes),
    /// A `multipart/form-data` document; the boundary is in the `Content-Type` header.
    Multipart(Bytes),
}

impl Body {
    /// The body's bytes (empty for [`Body::Empty`]).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Body::Empty => &[],
            Body::Json(bytes) | Body::Bytes(bytes) | Body::Multipart(bytes) => bytes,
        }
    }
}

/// One request, complete but for the client's base URL and default headers (among them
/// `Accept: application/json`, which the client sends with every request). Cloning it is cheap
/// (the body is shared), which is how a retry sends it again.
#[derive(Clone)]
pub struct Request {
    endpoint: &'static Endpoint,
    target: String,
    headers: HeaderMap,
    content_type: Option<HeaderValue>,
    body: Body,
}

/// The target is left out when the endpoint has a secret path or query value.
impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("endpoint", &self.endpoint.name())
            .field("target", &self.loggable_target())
            .field("headers", &self.headers)
            .field("content_type", &self.content_type)
            .field("body", &self.body)
            .finish()
    }
}

/// A [`Request`] taken apart, for a transport.
#[derive(Debug)]
#[non_exhaustive]
pub struct RequestParts {
    /// The endpoint the request is for.
    pub endpoint: &'static Endpoint,
    /// The path and query, percent-encoded, relative to the base URL.
    pub target: String,
    /// The headers from `#[header]` arguments.
    pub headers: HeaderMap,
    /// The body's `Content-Type`, when there is a body.
    pub content_type: Option<HeaderValue>,
    /// The body.
    pub body: Body,
}

impl Request {
    /// The endpoint this request is for.
    pub fn endpoint(&self) -> &'static Endpoint {
        self.endpoint
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.endpoint.method()
    }

    /// The path and query, percent-encoded, relative to the base URL:
    /// `/projects/64b8…/iterations?take=10`.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The target, or, when the endpoint has a secret value, its path template with the values
    /// left out (`/sas/{token}?…`): what logs and messages may show.
    pub fn loggable_target(&self) -> &str {
        if self.endpoint.has_secret_target() {
            self.endpoint.path()
        } else {
            &self.target
        }
    }

    /// The path part of [`target`](Self::target), percent-encoded.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The query part of [`target`](Self::target) without the `?`, percent-encoded.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, q)| q)
    }

    /// The decoded value of one query parameter, if it was sent.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query()?.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=')?;
            (key == name).then(|| {
                percent_encoding::percent_decode_str(value)
                    .decode_utf8_lossy()
                    .into_owned()
            })
        })
    }

    /// The headers this request adds to the client's defaults: its `#[header]` arguments, and
    /// for an endpoint that returns bytes, `Accept: application/octet-stream, */*;q=0.9` in place
    /// of the client's `Accept: application/json`.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body's `Content-Type`: `application/json; charset=utf-8`, `application/octet-stream`
    /// or `multipart/form-data; boundary=...`; `None` without a body.
    pub fn content_type(&self) -> Option<&HeaderValue> {
        self.content_type.as_ref()
    }

    /// The body.
    pub fn body(&self) -> &Body {
        &self.body
    }

    /// The parts, to hand to a transport.
    pub fn into_parts(self) -> RequestParts {
        RequestParts {
            endpoint: self.endpoint,
            target: self.target,
            headers: self.headers,
            content_type: self.content_type,
            body: self.body,
        }
    }
}

/// `""`, `.` or `..`, `%2e` counting as `.`. Allocation-free: it runs on every path segment.
fn is_dot_or_empty(segment: &str) -> bool {
    let mut rest = segment.as_bytes();
    let mut dots = 0;
    while !rest.is_empty() {
        rest = match rest {
            [b'.', tail @ ..] => tail,
            [b'%', b'2', e, tail @ ..] if e.eq_ignore_ascii_case(&b'e') => tail,
            _ => return false,
        };
        dots += 1;
        if dots > 2 {
            return false;
        }
    }
    true
}

/// Builds a [`Request`] from an endpoint method's arguments. Generated code drives it; the first
/// problem is kept and reported by [`finish`](Self::finish), so nothing invalid is ever sent.
#[doc(hidden)]
#[derive(Debug)]
pub struct RequestBuilder {
    endpoint: &'static Endpoint,
    target: String,
    has_query: bool,
    headers: HeaderMap,
    content_type: Option<HeaderValue>,
    body: Body,
    multipart: Option<MultipartWriter>,
    /// The start of the path segment a path value went into, and the value's name, until the
    /// segment ends: it is checked whole, since literal text around the value is part of it.
    open_segment: Option<(usize, &'static str)>,
    /// Files written into `multipart`, with the field of the first: a body needs one.
    multipart_files: usize,
    multipart_field: &'static str,
    problem: Option<String>,
}

impl RequestBuilder {
    /// `capacity`: a guess at the target's length, so that it is allocated once.
    pub fn new(endpoint: &'static Endpoint, capacity: usize) -> Self {
        RequestBuilder {
            endpoint,
            target: String::with_capacity(capacity),
            has_query: false,
            // Allocates only if a `#[header]` argument is added.
            headers: HeaderMap::new(),
            content_type: None,
            body: Body::Empty,
            multipart: None,
            open_segment: None,
            multipart_files: 0,
            multipart_field: "",
            problem: None,
        }
    }

    fn fail(&mut self, problem: String) {
        self.problem.get_or_insert(problem);
    }

    /// A literal part of the template, already valid in a URL.
    pub fn literal(&mut self, text: &'static str) {
        self.target.push_str(text);
        if text.contains('/') {
            self.close_segment();
        }
    }

    /// One path segment's value (with the literal text around it, the whole segment).
    pub fn path<V: ParamValue>(&mut self, wire_name: &'static str, value: V) {
        if self.open_segment.is_none() {
            let start = self.target.rfind('/').map_or(0, |slash| slash + 1);
            self.open_segment = Some((start, wire_name));
        }
        value.write_param(&mut ParamWriter::new(&mut self.target, Encoding::Component));
    }

    /// Checks the segment a path value went into, now that it is complete. URLs resolve `.` and
    /// `..` (even encoded) as dot-segments, and an empty segment names no resource: a value that
    /// makes one cannot be sent as it is meant.
    fn close_segment(&mut self) {
        let Some((start, wire_name)) = self.open_segment.take() else {
            return;
        };
        let rest = &self.target[start..];
        let segment = &rest[..rest.find('/').unwrap_or(rest.len())];
        if is_dot_or_empty(segment) {
            let problem = format!(
                "path parameter `{wire_name}` makes the segment {segment:?}, which cannot be sent: URLs resolve `.` and `..` as \
                 \"this\" and \"parent\" directory and an empty segment names no resource; pass the id or name it stands for"
            );
            self.fail(problem);
        }
    }

    /// One query parameter; absent values (`None`) are left out.
    pub fn query<V: OptionalValue>(&mut self, wire_name: &'static str, value: V) {
        self.close_segment();
        if !value.is_present() {
            return;
        }
        self.target.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        // Wire names hold only letters, digits, `-._~` and `$` (the macro checks), which a query
        // carries as they are: they are sent as written.
        self.target.push_str(wire_name);
        self.target.push('=');
        value.write_query(&mut ParamWriter::new(&mut self.target, Encoding::Component));
    }

    /// A literal `key=value` query item from the template, already valid in a URL.
    pub fn query_literal(&mut self, item: &'static str) {
        self.close_segment();
        self.target.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        self.target.push_str(item);
    }

    /// One header; absent values (`None`) are left out. A secret one is marked sensitive, so it
    /// never shows in `Debug` output.
    pub fn header<V: OptionalValue>(&mut self, name: &'static HeaderName, value: V, secret: bool) {
        if !value.is_present() {
            return;
        }
        let mut text = String::new();
        value.write_query(&mut ParamWriter::new(&mut text, Encoding::Verbatim));
        match HeaderValue::try_from(text) {
            Ok(mut value) => {
                value.set_sensitive(secret);
                self.headers.append(name, value);
            }
            Err(_) => {
                let problem = format!(
                    "the value of header `{name}` contains a character a header cannot carry (a control character such as a newline)"
                );
                self.fail(problem);
            }
        }
    }

    /// The JSON body.
    pub fn json<B: Serialize + ?Sized>(&mut self, body: &B) {
        match serde_json::to_vec(body) {
            Ok(bytes) => {
                self.content_type = Some(JSON_UTF8);
                self.body = Body::Json(Bytes::from(bytes));
            }
            Err(e) => self.fail(format!("the body could not be serialized: {e}")),
        }
    }

    /// A raw body, sent as `application/octet-stream`.
    pub fn bytes<B: RawBody>(&mut self, body: B) {
        self.content_type = Some(OCTET_STREAM);
        self.body = Body::Bytes(body.into_bytes());
    }

    /// One `multipart/form-data` part per file, under the field's name.
    pub fn parts<P: Parts>(&mut self, field: &'static str, files: P) {
        let writer = self.multipart.get_or_insert_with(MultipartWriter::new);
        if self.multipart_field.is_empty() {
            self.multipart_field = field;
        }
        let mut problem = None;
        let mut count = 0;
        files.for_each_file(&mut |file| {
            count += 1;
            if problem.is_none() {
                problem = writer.file(field, file).err();
            }
        });
        self.multipart_files += count;
        if let Some(problem) = problem {
            self.fail(problem);
        }
    }

    /// `Accept: application/octet-stream, */*;q=0.9`, in place of the client's
    /// `application/json`, for an endpoint that returns bytes (`Binary`, `ByteStream`). An
    /// `Accept` from a `#[header]` argument is kept.
    pub fn accept_binary(&mut self) {
        self.headers.entry(ACCEPT).or_insert(ACCEPT_BINARY);
    }

    /// Records a broken limit (from `#[max_items]`, `#[max]` or a body's `Model` limits).
    pub fn limit(&mut self, check: std::result::Result<(), String>) {
        if let Err(problem) = check {
            self.fail(problem);
        }
    }

    /// The request, or the first problem found.
    pub fn finish(mut self) -> Result<Request> {
        self.close_segment();
        if self.multipart.is_some() && self.multipart_files == 0 {
            // RFC 2046 requires at least one body part.
            let problem = format!(
                "`{}` has no file: a multipart/form-data body needs at least one part; pass a file",
                self.multipart_field
            );
            self.fail(problem);
        }
        if let Some(writer) = self.multipart.take() {
            match HeaderValue::try_from(writer.content_type()) {
                Ok(content_type) => {
                    self.content_type = Some(content_type);
                    self.body = Body::Multipart(writer.finish());
                }
                Err(_) => {
                    self.fail("the multipart boundary is not a valid header value".to_owned())
                }
            }
        }
        match self.problem {
            Some(reason) => Err(Error::invalid_request(self.endpoint.name(), reason)),
            None => Ok(Request {
                endpoint: self.endpoint,
                target: self.target,
                headers: self.headers,
                content_type: self.content_type,
                body: self.body,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_dot_or_empty;

    #[test]
    fn dot_segments_in_every_spelling() {
        for segment in ["", ".", "..", "%2e", "%2E", "%2e.", ".%2E", "%2e%2e"] {
            assert!(is_dot_or_empty(segment), "{segment:?}");
        }
        for segment in [
            "...",
            "a",
            ".a",
            "a.",
            "%2e%2e%2e",
            "%2",
            "%2f",
            "%",
            "%2ex",
        ] {
            assert!(!is_dot_or_empty(segment), "{segment:?}");
        }
    }
}
