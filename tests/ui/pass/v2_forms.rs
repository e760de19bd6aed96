// The forms added for APIs like the Training API v3.3 compile, in a crate other than the
// macro's, with no warnings: query names that are not identifiers, optional bodies, bare JSON
// scalars, `WithStatus`, `Binary`, `ByteStream`, and patches with `#[required]` fields.
#![deny(warnings)]

use std::collections::HashMap;

use declarest::{Binary, ByteStream, Patch, Patchable, WithStatus, endpoint};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingParameters {
    pub selected_tags: Vec<Uuid>,
}

#[derive(Deserialize)]
pub struct Summary {
    pub ok: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Iteration {
    #[read_only]
    pub id: Uuid,
    #[required]
    pub name: String,
    pub publish_name: Option<String>,
}

#[declarest::api]
pub trait V2: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>/images?<$filter>&<orderBy>&<take>")]
    async fn get_images(&self, project_id: Uuid, #[param("$filter")] filter: Option<&str>, order_by: Option<&str>, take: Option<u32>) -> declarest::Result<Vec<Summary>>;

    #[endpoint(GET, "/odata?<$top>&<api-version>")]
    async fn odata(&self, #[param("$top")] top: u32, #[param("api-version", secret)] version: &str) -> declarest::Result<()>;

    #[endpoint(POST, "/projects/<projectId>/train?<forceTrain>")]
    async fn train(&self, project_id: Uuid, force_train: Option<bool>, #[body] parameters: Option<&TrainingParameters>) -> declarest::Result<serde_json::Value>;

    #[endpoint(PUT, "/settings/<name>")]
    async fn put_setting(&self, name: &str, #[body(json)] value: Option<serde_json::Value>) -> declarest::Result<()>;

    #[endpoint(PATCH, "/blobs/<name>")]
    async fn patch_blob(&self, name: &str, #[body(bytes)] content: std::option::Option<Vec<u8>>) -> declarest::Result<()>;

    #[endpoint(PATCH, "/projects/<projectId>/iterations/<iterationId>")]
    async fn update_iteration(&self, project_id: Uuid, iteration_id: Uuid, #[body] updated: &IterationPatch) -> declarest::Result<Iteration>;

    #[endpoint(POST, "/projects/<projectId>/iterations/<iterationId>/publish?<publishName>")]
    async fn publish(&self, project_id: Uuid, iteration_id: Uuid, publish_name: &str) -> declarest::Result<bool>;

    #[endpoint(GET, "/projects/<projectId>/images/count")]
    async fn count(&self, project_id: Uuid) -> declarest::Result<i32>;

    #[endpoint(POST, "/projects/<projectId>/images/suggested/count")]
    async fn suggested_count(&self, project_id: Uuid) -> declarest::Result<HashMap<String, i32>>;

    #[endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_from_urls(&self, project_id: Uuid, #[body] batch: &serde_json::Value) -> declarest::Result<declarest::WithStatus<Summary>>;

    #[endpoint(POST, "/projects/<projectId>/images/metadata?<imageIds>")]
    async fn update_metadata(&self, project_id: Uuid, #[max_items(256)] image_ids: &[Uuid], #[body] metadata: &HashMap<String, String>) -> declarest::Result<WithStatus<Vec<Summary>>>;

    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact(&self, project_id: Uuid, path: &str) -> declarest::Result<Binary>;

    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn download_artifact(&self, project_id: Uuid, path: &str) -> declarest::Result<declarest::ByteStream>;

    #[endpoint(HEAD, "/files/<name>")]
    async fn head_file(&self, name: &str, #[header("Accept")] accept: Option<&str>) -> ::declarest::Result<::declarest::Binary>;

    #[endpoint(POST, "/exports/<name>", idempotent)]
    async fn export(&self, name: &str) -> declarest::Result<ByteStream>;
}

impl V2 for declarest::Client {}

/// A test double that implements `send` only: every form works through it.
struct Double;

impl declarest::Api for Double {
    async fn send(&self, _: declarest::Request) -> declarest::Result<declarest::Response> {
        Ok(declarest::Response::new(declarest::http::StatusCode::OK, Default::default(), "true"))
    }
}

impl V2 for Double {}
impl<A: declarest::Api> V2 for declarest::Retry<A> {}
impl<A: declarest::Api + ?Sized> V2 for std::sync::Arc<A> {}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let client = declarest::Client::new("http://127.0.0.1:9").expect("a valid URL");
    assert_send(&client.download_artifact(Uuid::nil(), "a"));
    assert_send(&client.get_artifact(Uuid::nil(), "a"));
    assert_send(&client.create_from_urls(Uuid::nil(), &serde_json::Value::Null));
    assert_send(&client.train(Uuid::nil(), None, None));
    let double = Double;
    assert_send(&double.export("x"));

    let names: Vec<&str> = <declarest::Client as V2>::ENDPOINTS.iter().map(|e| e.name()).collect();
    assert_eq!(names.len(), 15);

    let patch = IterationPatch::new("Best".to_owned()).publish_name(None);
    assert!(!patch.is_empty());
    let _: fn(&Iteration, &Iteration) -> IterationPatch = IterationPatch::between;

    fn uses(stream: ByteStream, binary: Binary, with: WithStatus<Summary>) -> (usize, bool, bool) {
        (binary.len(), with.ok && !with.is_partial(), stream.status().is_success())
    }
    let _ = uses;
}
