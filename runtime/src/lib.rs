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
//! This page is the reference of the attributes. Every mistake in them is a compile error on the
//! offending token that says what to write instead.
//!
//! # `#[endpoint(METHOD, "template")]`
//!
//! On an `async fn` of a trait whose supertrait is [`Api`]; the method takes `&self`, has no
//! body, and returns `declarest::Result<T>`.
//!
//! - `METHOD`: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` or `OPTIONS`.
//! - `template`: starts with `/`; literal segments and `<wireName>` placeholders, then
//!   optionally a query part of `<wireName>` placeholders and literal `key=value` items joined
//!   with `&`. Each placeholder binds the argument named like it in snake_case (`<projectId>` →
//!   `project_id`, `<type>` → `r#type`), or the argument marked `#[param("wireName")]`; every
//!   argument is bound once. `.`, `..` and empty segments are refused, in the template at
//!   compile time and in the values at run time: URLs resolve them, so the request would go
//!   elsewhere.
//! - A query placeholder's name is the parameter's name on the wire, sent as written. Besides
//!   an identifier it may be any name of letters, digits, `-`, `.`, `_`, `~` and `$`, starting
//!   with a letter, `_` or `$` (`<$filter>`, `<api-version>`): characters a query carries
//!   without percent-encoding and that mean nothing in `key=value&..`, so `$filter=..` goes out
//!   as written (`$` is a sub-delimiter RFC 3986 allows in a query). Such a name is no Rust
//!   name, so it binds only the argument marked `#[param("$filter")]`.
//! - `idempotent` after the template (`#[endpoint(POST, "/x", idempotent)]`) declares a POST or
//!   PATCH safe to repeat, so that it is retried like a GET (see [`RetryPolicy`]).
//!
//! ```no_run
//! # use uuid::Uuid;
//! # #[derive(serde::Deserialize)] pub struct Tag {}
//! pub trait Tags: declarest::Api {
//!     #[declarest::endpoint(GET, "/projects/<projectId>/tags/<tagId>?<iterationId>")]
//!     async fn get_tag(&self, project_id: Uuid, #[param("tagId")] tag: Uuid,
//!                      iteration_id: Option<Uuid>) -> declarest::Result<Tag>;
//!
//!     #[declarest::endpoint(POST, "/projects/<projectId>/tags?<name>&kind=regular")]
//!     async fn create_tag(&self, project_id: Uuid, name: &str) -> declarest::Result<Tag>;
//!
//!     // Sends `/projects/{id}/tags?$filter=name%20eq%20%27a%27&take=10`.
//!     #[declarest::endpoint(GET, "/projects/<projectId>/tags?<$filter>&<take>")]
//!     async fn find_tags(&self, project_id: Uuid, #[param("$filter")] filter: Option<&str>,
//!                        take: Option<u32>) -> declarest::Result<Vec<Tag>>;
//! }
//! ```
//!
//! ## Arguments
//!
//! - **Path and query values** are anything implementing [`ParamValue`]: strings, integers,
//!   floats, `bool`, [`uuid::Uuid`], or a type of your own. A path value is encoded as exactly
//!   one segment; `""`, `.` and `..` are refused before sending ([`Error::InvalidRequest`]).
//! - **Query and header values** may also be an `Option` (left out when `None`) or a slice /
//!   `Vec` (joined with commas; left out when empty): see [`OptionalValue`].
//! - `#[header("If-Match")]` sends the argument as that header; `#[header("Api-Key", secret)]`
//!   also keeps its value out of `Debug` output, errors and logs. `#[param("sig", secret)]` does
//!   the same for a path or query value: the request's target is then never shown, only the
//!   endpoint's path template.
//! - `#[body]` (or `#[body(json)]`) on at most one argument sends it as JSON
//!   (`application/json; charset=utf-8`); `#[body(bytes)]` sends raw bytes (anything
//!   `Into<bytes::Bytes>`) as `application/octet-stream`. Not on GET, HEAD or DELETE.
//! - A body declared `Option<T>` (`Option<&T>`) may be absent: `None` sends no body and no
//!   `Content-Type`, `Some` sends the value as above (the limits of a [`Model`] included). The
//!   `Option` is read from the type as written, so `None` never goes out as a JSON `null`; to
//!   send `null`, pass `Some(serde_json::Value::Null)`.
//! - `#[multipart("imageData")]` sends [`File`]s (one, a slice, a `Vec` or an `Option`) as
//!   `multipart/form-data` parts of that field. Not together with `#[body]`.
//!
//! ```no_run
//! # use uuid::Uuid;
//! # #[derive(serde::Deserialize)] pub struct Summary {}
//! # #[derive(serde::Serialize)] pub struct Batch {}
//! pub trait Images: declarest::Api {
//!     #[declarest::endpoint(POST, "/projects/<projectId>/images?<tagIds>")]
//!     async fn upload(&self, project_id: Uuid, tag_ids: &[Uuid],
//!                     #[multipart("imageData")] images: &[declarest::File])
//!                     -> declarest::Result<Summary>;
//!
//!     #[declarest::endpoint(POST, "/projects/<projectId>/images/raw")]
//!     async fn upload_one(&self, project_id: Uuid, #[body(bytes)] image: Vec<u8>)
//!                         -> declarest::Result<Summary>;
//!
//!     #[declarest::endpoint(POST, "/projects/<projectId>/images/urls")]
//!     async fn from_urls(&self, project_id: Uuid, #[body] batch: &Batch,
//!                        #[header("If-Match")] etag: Option<&str>)
//!                        -> declarest::Result<Summary>;
//! }
//! ```
//!
//! ```
//! # use declarest::{Api, Request, Response, Result, http::StatusCode};
//! #[derive(serde::Serialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct TrainingParameters { pub selected_tags: Vec<u32> }
//!
//! pub trait Training: declarest::Api {
//!     #[declarest::endpoint(POST, "/projects/<projectId>/train")]
//!     async fn train_project(&self, project_id: u32,
//!                            #[body] parameters: Option<&TrainingParameters>)
//!                            -> declarest::Result<()>;
//! }
//! # /// Answers 204 and keeps the body and content type it was sent.
//! # #[derive(Default)]
//! # struct Double(std::sync::Mutex<Vec<(Vec<u8>, Option<String>)>>);
//! # impl Api for Double {
//! #     async fn send(&self, request: Request) -> Result<Response> {
//! #         let content_type = request.content_type().map(|c| c.to_str().unwrap().to_owned());
//! #         self.0.lock().unwrap().push((request.body().as_bytes().to_vec(), content_type));
//! #         Ok(Response::new(StatusCode::NO_CONTENT, Default::default(), ""))
//! #     }
//! # }
//! # impl Training for Double {}
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! # let api = Double::default();
//! api.train_project(7, None).await?;
//! api.train_project(7, Some(&TrainingParameters { selected_tags: vec![1] })).await?;
//! # let sent = api.0.lock().unwrap();
//! # assert_eq!(sent[0], (vec![], None));
//! # assert_eq!(sent[1].0, br#"{"selectedTags":[1]}"#);
//! # assert_eq!(sent[1].1.as_deref(), Some("application/json; charset=utf-8"));
//! # Ok::<(), declarest::Error>(())
//! # }).unwrap();
//! ```
//!
//! ## Limits
//!
//! Documented limits are declared and checked before anything is sent: `#[max_items(N)]` on a
//! list argument, `#[max(N)]` on a number (an `Option` of them too), and the same on the fields
//! of a [`Model`] sent as `#[body]`. A broken limit is [`Error::InvalidRequest`] saying which
//! and by how much (`` `imageIds` has 300 items, over its limit of 256 by 44 ``).
//!
//! ```no_run
//! # use uuid::Uuid;
//! pub trait Listing: declarest::Api {
//!     #[declarest::endpoint(GET, "/projects/<projectId>/images?<imageIds>&<take>")]
//!     async fn images(&self, project_id: Uuid, #[max_items(256)] image_ids: &[Uuid],
//!                     #[max(256)] take: Option<u32>) -> declarest::Result<Vec<serde_json::Value>>;
//! }
//! ```
//!
//! ## The return type
//!
//! `declarest::Result<T>`, where `T` is one of:
//!
//! - **a type decoded from the JSON body** of any 2xx response: a struct, a `Vec`, a map, or a
//!   bare scalar such as `bool` or `i32` (a body of `true` or `42`). Requests send
//!   `Accept: application/json`.
//! - **`()`**: any 2xx response, whatever its body, an empty 204 included.
//! - **[`WithStatus<T>`]**: `T` decoded as above, and the 2xx status it came with
//!   ([`status`](WithStatus::status), [`is_partial`](WithStatus::is_partial) for `207
//!   Multi-Status`, [`into_inner`](WithStatus::into_inner); it dereferences to `T`). Declare an
//!   operation that answers partial success with `207` and the same body as `200` this way, so
//!   that a partial success never looks like a full one: a plain `T` accepts any 2xx and
//!   drops the status.
//! - **[`Binary`]**: the body as bytes, whatever its content type
//!   ([`bytes`](Binary::bytes), [`into_bytes`](Binary::into_bytes),
//!   [`content_type`](Binary::content_type); it dereferences to `[u8]`), read whole within the
//!   client's size limit.
//! - **[`ByteStream`]**: the body unread, a [`futures_core::Stream`] of chunks for a download too
//!   large to hold, bounded by the client's size limit and timeout as it is read.
//!
//! An endpoint that returns `Binary` or `ByteStream` sends `Accept: application/octet-stream,
//! */*;q=0.9` in place of the client's `Accept: application/json`: raw bytes preferred, anything
//! accepted (a `#[header("Accept")]` argument replaces it). The three types are recognized by
//! name in the return type, written alone (imported) or as `declarest::WithStatus`, ...; a type
//! of your own by one of these names is read as JSON only under another path (`my::Binary`).
//!
//! Whatever the return type, a status outside 2xx is [`Error::Status`], keeping the status,
//! headers and body.
//!
//! ```
//! use declarest::{Binary, ByteStream, WithStatus};
//! # use declarest::{Api, Request, Response, Result, http::StatusCode};
//!
//! #[derive(serde::Deserialize)]
//! #[serde(rename_all = "camelCase")]
//! pub struct Summary { pub is_batch_successful: bool }
//!
//! pub trait Images: declarest::Api {
//!     #[declarest::endpoint(POST, "/projects/<projectId>/images/urls")]
//!     async fn create_from_urls(&self, project_id: u32, #[body] batch: &serde_json::Value)
//!                               -> declarest::Result<WithStatus<Summary>>;
//!
//!     #[declarest::endpoint(POST, "/projects/<projectId>/iterations/<iterationId>/publish")]
//!     async fn publish(&self, project_id: u32, iteration_id: u32) -> declarest::Result<bool>;
//!
//!     #[declarest::endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
//!     async fn get_artifact(&self, project_id: u32, path: &str) -> declarest::Result<Binary>;
//!
//!     #[declarest::endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
//!     async fn download_artifact(&self, project_id: u32, path: &str)
//!                                -> declarest::Result<ByteStream>;
//! }
//! # /// Answers by the request's endpoint.
//! # struct Double;
//! # impl Api for Double {
//! #     async fn send(&self, request: Request) -> Result<Response> {
//! #         let accept = request.headers().get("accept").map(|v| v.to_str().unwrap().to_owned());
//! #         Ok(match request.endpoint().name() {
//! #             "create_from_urls" => Response::json(StatusCode::MULTI_STATUS,
//! #                 &serde_json::json!({"isBatchSuccessful": false})).unwrap(),
//! #             "publish" => Response::json(StatusCode::OK, &true).unwrap(),
//! #             _ => {
//! #                 assert_eq!(accept.as_deref(), Some("application/octet-stream, */*;q=0.9"));
//! #                 Response::new(StatusCode::OK, Default::default(), &b"PK\x03\x04"[..])
//! #             }
//! #         })
//! #     }
//! # }
//! # impl Images for Double {}
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! # let api = Double;
//! let created = api.create_from_urls(7, &serde_json::json!({"images": []})).await?;
//! if created.is_partial() {
//!     // 207: some images were not added; the summary says which.
//!     assert!(!created.is_batch_successful);
//! }
//! assert!(api.publish(7, 1).await?);
//! let zip = api.get_artifact(7, "exports/model.zip").await?;
//! assert_eq!(&zip[..2], b"PK");
//! let mut download = api.download_artifact(7, "exports/model.zip").await?;
//! let mut size = 0;
//! while let Some(chunk) = download.chunk().await? {
//!     size += chunk.len(); // write it to a file, ...
//! }
//! assert_eq!(size, 4);
//! # Ok::<(), declarest::Error>(())
//! # }).unwrap();
//! ```
//!
//! The generated method returns a `Send` future; doc comments and other attributes on it
//! survive. Each endpoint's description ([`Endpoint`]: name, method, template, which argument
//! goes where) is on every [`Request`], for middleware, logs and tools.
//!
//! # `#[declarest::api]`
//!
//! On the endpoint trait: adds `const ENDPOINTS: &'static [&'static Endpoint]`, the description
//! of every `#[endpoint]` method in declaration order.
//!
//! ```
//! # use uuid::Uuid;
//! #[declarest::api]
//! pub trait Projects: declarest::Api {
//!     #[declarest::endpoint(GET, "/projects/<projectId>")]
//!     async fn get_project(&self, project_id: Uuid) -> declarest::Result<serde_json::Value>;
//!     #[declarest::endpoint(DELETE, "/projects/<projectId>")]
//!     async fn delete_project(&self, project_id: Uuid) -> declarest::Result<()>;
//! }
//! impl Projects for declarest::Client {}
//!
//! let names: Vec<&str> = <declarest::Client as Projects>::ENDPOINTS.iter().map(|e| e.name()).collect();
//! assert_eq!(names, ["get_project", "delete_project"]);
//! ```
//!
//! # `#[derive(Patchable)]`
//!
//! On a model struct, derives `<Model>Patch`: every field not marked `#[read_only]`, each as an
//! `Option` that is left out of the JSON when `None`. A nullable field (`Option<T>`) becomes
//! `Option<Option<T>>`: `Some(None)` sends `null`. Serde's `rename_all` and `rename` carry over.
//! The patch implements [`Patch`] (`is_empty`, `apply_to`, `between`) and has a setter per
//! field. Name it otherwise with `#[patchable(name = "MyPatch")]`.
//!
//! ```
//! # use declarest::Patchable;
//! #[derive(Clone, serde::Serialize, serde::Deserialize, Patchable)]
//! #[serde(rename_all = "camelCase")]
//! pub struct Tag {
//!     #[read_only] pub id: u32,
//!     pub name: String,
//!     pub description: Option<String>,
//! }
//!
//! let patch = TagPatch::default().description(None);
//! assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"description":null}"#);
//! ```
//!
//! `#[required]` on a writable field makes the patch always send it, for an API whose PATCH body
//! requires some fields: the field keeps its model type (not an `Option`) and is always
//! serialized, and the patch is built with `new`, which takes the required fields in
//! declaration order. Such a patch has no `Default`, so it cannot be built without them;
//! [`Patch::is_empty`] is then always false, and [`Patch::between`] sets the required fields to
//! their value in `after`. `#[required]` on a `#[read_only]` field is a compile error.
//!
//! ```
//! # use declarest::{Patch, Patchable};
//! #[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize, Patchable)]
//! #[serde(rename_all = "camelCase")]
//! pub struct Project {
//!     #[read_only] pub id: u32,
//!     #[required] pub name: String,
//!     #[required] pub description: Option<String>,
//!     pub domain_id: Option<u32>,
//! }
//!
//! let patch = ProjectPatch::new("Birds".to_owned(), None);
//! assert_eq!(serde_json::to_string(&patch).unwrap(), r#"{"name":"Birds","description":null}"#);
//! let patch = patch.domain_id(7);
//! assert_eq!(
//!     serde_json::to_string(&patch).unwrap(),
//!     r#"{"name":"Birds","description":null,"domainId":7}"#
//! );
//! let before = Project { id: 1, name: "Birds".into(), description: None, domain_id: None };
//! let after = Project { description: Some("Wild".into()), ..before.clone() };
//! assert_eq!(
//!     serde_json::to_string(&ProjectPatch::between(&before, &after)).unwrap(),
//!     r#"{"name":"Birds","description":"Wild"}"#
//! );
//! ```
//!
//! # `#[derive(Model)]`
//!
//! Marks a struct as a wire model: it accepts `#[read_only]` (listed in
//! [`Model::READ_ONLY_FIELDS`], never changing how the model serializes), and `#[max_items(N)]`
//! / `#[max(N)]` on fields, checked by [`Model::check_limits`] and before an endpoint sends the
//! model as its `#[body]`.
//!
//! ```
//! use declarest::Model;
//!
//! #[derive(serde::Serialize, Model)]
//! pub struct Batch {
//!     #[max_items(64)] pub images: Vec<String>,
//!     #[read_only] pub id: Option<u32>,
//! }
//!
//! let batch = Batch { images: vec![String::new(); 65], id: None };
//! assert_eq!(Batch::READ_ONLY_FIELDS, ["id"]);
//! assert!(batch.check_limits().unwrap_err().contains("65"));
//! ```
#![warn(missing_docs)]

// Lets the macros' output, which names `::declarest`, work inside this crate's own tests.
extern crate self as declarest;

mod client;
mod description;
mod error;
mod json_path;
mod limits;
mod model;
mod param;
mod patch;
mod request;
mod response;
mod retry;
mod stream;
mod transport;
mod upload;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private_v0_1;

pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
    MAX_REDIRECTS,
};
pub use declarest_macros::{Model, Patchable, api, endpoint};
pub use description::{BodyKind, Endpoint, Method, Param, ParamKind};
pub use error::{BodyError, BodyErrorKind, DecodeError, Error, Result, ServiceError, StatusError};
pub use limits::{Count, Number, NumberValue};
pub use model::Model;
pub use param::{OptionalValue, ParamValue, ParamWriter};
pub use patch::Patch;
pub use request::{Body, Request, RequestParts};
pub use response::{Binary, Response, WithStatus};
pub use retry::{
    DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_DELAY, DEFAULT_MAX_RETRIES, Retry, RetryPolicy,
};
pub use stream::ByteStream;
pub use transport::Api;
pub use upload::{File, Parts, RawBody};

/// The HTTP types requests and responses use (`StatusCode`, `HeaderMap`, ...), re-exported so
/// that an [`Api`] implementation needs no direct dependency.
pub mod http {
    pub use reqwest::StatusCode;
    pub use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};
}
