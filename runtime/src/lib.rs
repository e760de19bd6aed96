//! Declare typed REST clients as annotated Rust traits.
//!
//! ```no_run
//! use declarest::{endpoint, Patchable};
//! use serde::{Deserialize, Serialize};
//! use uuid::Uuid;
//!
//! #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
//! #[serde(rename_all = "camelCase")]
//! pub struct Iteration {
//!     #[read_only] pub id: Uuid,
//!     pub name: Option<String>,
//!     pub is_default: bool,
//! }
//!
//! pub trait Training: declarest::Api {
//!     /// Update a specific iteration.
//!     #[endpoint(PATCH, "/projects/<projectId>/iterations/<iterationId>")]
//!     async fn update_iteration(&self, project_id: Uuid, iteration_id: Uuid,
//!                               #[body] updated: &IterationPatch) -> declarest::Result<Iteration>;
//! }
//!
//! impl Training for declarest::Client {}
//!
//! # async fn run(project_id: Uuid, iteration_id: Uuid) -> declarest::Result<()> {
//! let client = declarest::Client::builder("https://example.com/customvision/v2.0/Training")
//!     .secret_header("Training-Key", "...")
//!     .build()?;
//! let patch = IterationPatch::default().name("Best Iteration".to_owned());
//! let iteration = client.update_iteration(project_id, iteration_id, &patch).await?;
//! # Ok(())
//! # }
//! ```
//!
//! Each method becomes a request function: `<placeholders>` bind to the arguments of the same
//! name in snake_case, checked at compile time; values are percent-encoded so that each is
//! exactly one path segment or query value; bodies and responses go through serde; the request
//! goes out through an [`Api`], usually the reqwest-based [`Client`].
//!
//! # `#[endpoint(METHOD, "template", ...)]`
//! - `METHOD`: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` or `OPTIONS`.
//! - `template`: starts with `/`; literal segments and `<wireName>` placeholders, then optionally
//!   `?<a>&<b>` query placeholders. `<projectId>` binds the argument `project_id`; bind another
//!   argument with `#[param("projectId")]` on it.
//! - `#[body]` on at most one argument: serialized as JSON. Not on GET, HEAD or DELETE.
//! - `#[header("Name")]`: the argument is sent as that header; `#[header("Name", secret)]`
//!   marks it sensitive, so it never shows in `Debug` output.
//! - Query and header arguments may be `Option<T>` (left out when `None`) or slices / `Vec`s
//!   (joined with commas). Values are anything implementing [`ParamValue`].
//! - The return type is `declarest::Result<T>`: `T` is decoded from the JSON body; `()` accepts
//!   any 2xx response, an empty 204 included.
//!
//! # `#[derive(Patchable)]`
//! On a model struct, derives `<Model>Patch`: every field not marked `#[read_only]`, each as an
//! `Option` that is left out of the JSON when `None`. A nullable field (`Option<T>`) becomes
//! `Option<Option<T>>`: `Some(None)` sends `null`. Serde's `rename_all` and `rename` carry over.
//! The patch implements [`Patch`] (`is_empty`, `apply_to`, `between`) and has a setter per
//! field. Name it otherwise with `#[patchable(name = "MyPatch")]`.
#![warn(missing_docs)]

// Lets the macros' output, which names `::declarest`, work inside this crate's own tests.
extern crate self as declarest;

mod api;
mod client;
mod endpoint;
mod error;
mod limits;
mod param;
mod patch;
mod request;
mod response;
mod upload;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private_v0_1;

pub use api::Api;
pub use client::{Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT};
pub use declarest_macros::{Model, Patchable, api, endpoint};
pub use endpoint::{BodyKind, Endpoint, Method, Param, ParamKind};
pub use error::{DecodeError, Error, Result, ServiceError, StatusError};
pub use limits::{Count, Number};
pub use param::{ParamValue, ParamWriter, QueryValue};
pub use patch::{Model, Patch};
pub use request::{Body, Request, RequestParts};
pub use response::Response;
pub use upload::{File, Parts, RawBody};

/// The HTTP types requests and responses use (`StatusCode`, `HeaderMap`, ...), re-exported so
/// that an [`Api`] implementation needs no direct dependency.
pub mod http {
    pub use reqwest::StatusCode;
    pub use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
}
