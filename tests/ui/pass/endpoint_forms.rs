// Everything `#[endpoint]` accepts compiles, in a crate other than the macro's, with no warnings
// (the suite denies them).
#![deny(warnings)]

use declarest::{ParamValue, ParamWriter, endpoint};
use declarest::Result;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Serialize)]
pub struct NewTag<'a> {
    pub name: &'a str,
}

#[derive(Deserialize)]
pub struct Tag {
    pub id: Uuid,
}

/// A type of the user's own, opted in as a query value.
pub enum Platform {
    CoreMl,
}

impl ParamValue for Platform {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        out.push_str(match self {
            Platform::CoreMl => "CoreML",
        })
    }
}

/// Trait docs survive.
#[declarest::api]
pub trait Forms: declarest::Api {
    /// Docs and other attributes on the method survive.
    #[endpoint(GET, "/tags/<tagId>")]
    #[deprecated(note = "still compiles")]
    async fn get_tag(&self, tag_id: Uuid) -> declarest::Result<Tag>;

    #[endpoint(POST, "/projects/<projectId>/tags?<name>&<description>")]
    async fn create_tag(&self, project_id: Uuid, name: &str, description: Option<&str>) -> declarest::Result<Tag>;

    #[endpoint(PUT, "/projects/<projectId>/tags/<tagId>")]
    async fn put_tag(&self, project_id: Uuid, tag_id: Uuid, #[body] tag: NewTag<'_>) -> declarest::Result<Tag>;

    #[endpoint(PATCH, "/projects/<projectId>")]
    async fn patch_with_owned_body(&self, project_id: String, #[body] fields: std::collections::BTreeMap<String, String>) -> declarest::Result<serde_json::Value>;

    #[endpoint(DELETE, "/projects/<projectId>/images?<imageIds>")]
    async fn delete_images(&self, project_id: Uuid, image_ids: &[Uuid]) -> Result<()>;

    #[endpoint(GET, "/projects/<projectId>/images?<tagIds>&<take>&<skip>&<threshold>&<all>")]
    async fn list(&self, project_id: Uuid, tag_ids: Option<Vec<Uuid>>, take: Option<u32>, skip: i64, threshold: f64, all: bool) -> declarest::Result<Vec<Tag>>;

    #[endpoint(GET, "/projects/<projectId>/count")]
    async fn count(&self, #[param("projectId")] project: &Uuid) -> declarest::Result<u64>;

    #[endpoint(POST, "/projects/<projectId>/export?<platform>&fixed=yes", idempotent)]
    async fn export(&self, project_id: Uuid, platform: Platform) -> declarest::Result<()>;

    #[endpoint(HEAD, "/projects")]
    async fn head(&self, #[header("If-None-Match")] etag: Option<&str>, #[header("Api-Key", secret)] key: String) -> declarest::Result<()>;

    #[endpoint(GET, "/blobs/<blob>?<sig>")]
    async fn get_blob(&self, blob: &str, #[param("sig", secret)] signature: &str) -> declarest::Result<()>;

    #[endpoint(OPTIONS, "/")]
    async fn options<'a>(&'a self, #[header("X-Trace")] trace: &'a str) -> declarest::Result<Option<Tag>>;
}

/// Uploads and limits.
pub trait Uploads: declarest::Api {
    #[endpoint(POST, "/projects/<projectId>/images?<tagIds>")]
    async fn create_images(&self, project_id: Uuid, #[multipart("imageData")] #[max_items(64)] image_data: Vec<declarest::File>, #[max_items(20)] tag_ids: Option<&[Uuid]>) -> declarest::Result<Tag>;

    #[endpoint(POST, "/projects/<projectId>/image")]
    async fn create_image(&self, project_id: Uuid, #[body(bytes)] image: bytes::Bytes) -> declarest::Result<()>;

    #[endpoint(POST, "/projects/<projectId>/batch")]
    async fn create_batch(&self, project_id: Uuid, #[body] batch: Batch) -> declarest::Result<()>;

    #[endpoint(GET, "/projects?<take>")]
    async fn take(&self, #[max(256)] take: Option<u32>) -> declarest::Result<Vec<Tag>>;
}

/// A body with limits of its own.
#[derive(Serialize, declarest::Model)]
pub struct Batch {
    #[max_items(64)]
    pub images: Vec<String>,
}

impl Forms for declarest::Client {}
impl Uploads for declarest::Client {}

/// The futures are `Send`, so they can be spawned.
fn assert_send<T: Send>(_: &T) {}

#[allow(deprecated)]
fn main() {
    let client = declarest::Client::new("http://127.0.0.1:9").expect("a valid URL");
    let future = client.get_tag(Uuid::nil());
    assert_send(&future);
    let future = client.create_tag(Uuid::nil(), "name", None);
    assert_send(&future);

    // `#[declarest::api]` lists every endpoint, in declaration order.
    let names: Vec<&str> = <declarest::Client as Forms>::ENDPOINTS.iter().map(|e| e.name()).collect();
    // A POST declared `idempotent` says so at run time; another POST does not.
    let endpoints = <declarest::Client as Forms>::ENDPOINTS;
    assert!(endpoints.iter().any(|e| e.name() == "export" && e.is_idempotent()));
    assert!(endpoints.iter().any(|e| e.name() == "create_tag" && !e.is_idempotent()));
    // A secret query value is marked, and hides the target of its requests.
    let blob = endpoints.iter().find(|e| e.name() == "get_blob").expect("declared");
    assert!(blob.has_secret_target() && blob.params().iter().any(|p| p.wire_name() == "sig" && p.is_secret()));
    assert!(!endpoints.iter().any(|e| e.name() == "list" && e.has_secret_target()));
    assert_eq!(names, ["get_tag", "create_tag", "put_tag", "patch_with_owned_body", "delete_images", "list", "count", "export", "head", "get_blob", "options"]);
}
