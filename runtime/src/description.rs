//! The run-time description of a declared endpoint.
//!
//! `#[endpoint]` emits one `static` [`Endpoint`] per method. Every [`Request`](crate::Request)
//! carries a reference to it, so middleware, logs, metrics and test doubles can see which
//! operation they are handling without re-parsing URLs.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// An HTTP method an endpoint can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
    /// `HEAD`
    Head,
    /// `OPTIONS`
    Options,
}

impl Method {
    /// The method as it appears on the request line, e.g. `"PATCH"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
        }
    }

    /// Whether HTTP defines the method as idempotent (RFC 9110, 9.2.2): GET, HEAD, PUT, DELETE
    /// and OPTIONS, not POST or PATCH.
    pub const fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }

    /// The same method as an [`http::Method`](reqwest::Method).
    pub fn to_http(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
            Method::Head => reqwest::Method::HEAD,
            Method::Options => reqwest::Method::OPTIONS,
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an argument of an endpoint method goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamKind {
    /// One path segment, from a `<placeholder>` in the path part of the template.
    Path,
    /// One query parameter, from a `<placeholder>` after `?` in the template.
    Query,
    /// A request header, from `#[header("Name")]`.
    Header,
    /// The request body, from `#[body]` or `#[body(bytes)]`.
    Body,
    /// Parts of a `multipart/form-data` body, from `#[multipart("field")]`; the wire name is
    /// the field's.
    Multipart,
}

/// What kind of body an endpoint sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyKind {
    /// No body at all.
    None,
    /// A JSON document (`application/json; charset=utf-8`).
    Json,
    /// Raw bytes (`application/octet-stream`), from `#[body(bytes)]`.
    Bytes,
    /// `multipart/form-data` parts, from `#[multipart("field")]`.
    Multipart,
}

impl BodyKind {
    /// A short name: `"none"`, `"json"`, `"bytes"` or `"multipart"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BodyKind::None => "none",
            BodyKind::Json => "json",
            BodyKind::Bytes => "bytes",
            BodyKind::Multipart => "multipart",
        }
    }
}

/// One argument of an endpoint method and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Param {
    wire_name: &'static str,
    argument: &'static str,
    kind: ParamKind,
    secret: bool,
}

impl Param {
    #[doc(hidden)]
    pub const fn __new(wire_name: &'static str, argument: &'static str, kind: ParamKind) -> Self {
        Param {
            wire_name,
            argument,
            kind,
            secret: false,
        }
    }

    /// Marks the value secret: `#[param("sig", secret)]`.
    #[doc(hidden)]
    pub const fn __secret(mut self) -> Self {
        self.secret = true;
        self
    }

    /// Whether the value is secret (`#[param("sig", secret)]`, `#[header("Api-Key", secret)]`
    /// marks headers on their value instead): a request carrying one never shows its target in
    /// logs, spans, errors or `Debug` output.
    pub const fn is_secret(&self) -> bool {
        self.secret
    }

    /// The name on the wire: the placeholder (`projectId`) or the header name. Empty for a body.
    pub const fn wire_name(&self) -> &'static str {
        self.wire_name
    }

    /// The Rust argument it is bound to (`project_id`).
    pub const fn argument(&self) -> &'static str {
        self.argument
    }

    /// Where it goes.
    pub const fn kind(&self) -> ParamKind {
        self.kind
    }
}

/// The static description of one declared endpoint.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    name: &'static str,
    method: Method,
    template: &'static str,
    path: &'static str,
    params: &'static [Param],
    body: BodyKind,
    declared_idempotent: bool,
    /// A path or query value is secret.
    secret_target: bool,
}

impl Endpoint {
    #[doc(hidden)]
    pub const fn __new(
        name: &'static str,
        method: Method,
        template: &'static str,
        path: &'static str,
        params: &'static [Param],
        body: BodyKind,
    ) -> Self {
        // A `for` loop is not allowed in a const fn.
        let mut secret_target = false;
        let mut i = 0;
        while i < params.len() {
            if params[i].secret {
                secret_target = true;
            }
            i += 1;
        }
        Endpoint {
            name,
            method,
            template,
            path,
            params,
            body,
            declared_idempotent: false,
            secret_target,
        }
    }

    /// Marks the endpoint safe to repeat although its method is not: `#[endpoint(POST, "...",
    /// idempotent)]`.
    #[doc(hidden)]
    pub const fn __idempotent(mut self) -> Self {
        self.declared_idempotent = true;
        self
    }

    /// Whether sending the request twice has the same effect as sending it once, so that it
    /// may be retried after it may have reached the service: its method is idempotent (GET,
    /// HEAD, PUT, DELETE, OPTIONS), or the declaration says so (`idempotent`).
    pub const fn is_idempotent(&self) -> bool {
        self.declared_idempotent || self.method.is_idempotent()
    }

    /// The method's name in the trait, e.g. `"update_iteration"`.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The HTTP method.
    pub const fn method(&self) -> Method {
        self.method
    }

    /// The template exactly as written in `#[endpoint]`, e.g.
    /// `"/projects/<projectId>/iterations/<iterationId>"`.
    pub const fn template(&self) -> &'static str {
        self.template
    }

    /// The path part in OpenAPI style, e.g. `"/projects/{projectId}/iterations/{iterationId}"`.
    pub const fn path(&self) -> &'static str {
        self.path
    }

    /// Every argument of the method, in declaration order (the receiver excluded).
    pub const fn params(&self) -> &'static [Param] {
        self.params
    }

    /// What kind of body the endpoint sends.
    pub const fn body(&self) -> BodyKind {
        self.body
    }

    /// Whether a path or query value is secret, so that a request's target (its path and query)
    /// must never be shown: logs, spans, errors and `Debug` output show [`path`](Self::path)
    /// instead.
    pub const fn has_secret_target(&self) -> bool {
        self.secret_target
    }

    /// The parameters of one kind, in declaration order.
    pub fn params_of(&self, kind: ParamKind) -> impl Iterator<Item = &'static Param> + use<> {
        self.params.iter().filter(move |p| p.kind == kind)
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {})", self.name, self.method, self.path)
    }
}

/// For listings and tools: `{"name", "method", "path", "query", "headers", "body"}`, where
/// `query` and `headers` are wire names and `body` is [`BodyKind::as_str`]:
///
/// ```json
/// {"name": "update_iteration", "method": "PATCH",
///  "path": "/projects/{projectId}/iterations/{iterationId}",
///  "query": [], "headers": [], "body": "json"}
/// ```
impl Serialize for Endpoint {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let names = |kind| {
            self.params_of(kind)
                .map(Param::wire_name)
                .collect::<Vec<_>>()
        };
        let mut out = serializer.serialize_struct("Endpoint", 6)?;
        out.serialize_field("name", self.name)?;
        out.serialize_field("method", self.method.as_str())?;
        out.serialize_field("path", self.path)?;
        out.serialize_field("query", &names(ParamKind::Query))?;
        out.serialize_field("headers", &names(ParamKind::Header))?;
        out.serialize_field("body", self.body.as_str())?;
        out.end()
    }
}
