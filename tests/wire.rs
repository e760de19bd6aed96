//! Wire tests: a real `declarest::Client` talks to a loopback [`RecordingServer`], and the tests
//! assert the exact bytes that arrived on the socket (method, raw request target, headers, body)
//! and how responses come back as values or errors.

mod support;

use std::time::Duration;

use declarest::Error;
use declarest::http::StatusCode;
use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use support::{CannedResponse, RecordedRequest, RecordingServer};
use uuid::Uuid;

/// The API key every test client sends.
const TRAINING_KEY: &str = "s3cr3t-training-key-0123";

const PROJECT: Uuid = Uuid::from_u128(0x64B822C5_8082_4B36_A426_27225F4AA18C);
const PROJECT_WIRE: &str = "64b822c5-8082-4b36-a426-27225f4aa18c";
const ITERATION: Uuid = Uuid::from_u128(0x0F1E2D3C_4B5A_6978_8796_A5B4C3D2E1F0);
const ITERATION_WIRE: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

/// A request body with serde renames, to check the exact JSON bytes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct NewTag {
    display_name: String,
    #[serde(rename = "type")]
    kind: String,
    threshold: f64,
    image_ids: Vec<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    parent_id: Option<Uuid>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Tag {
    id: Uuid,
    name: String,
    image_count: u32,
}

/// One endpoint per shape of request worth checking on the wire.
trait Wire: declarest::Api {
    #[declarest::endpoint(GET, "/projects/<projectId>/iterations/<iterationId>")]
    async fn get_iteration(&self, project_id: Uuid, iteration_id: Uuid)
    -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/domains/<domainName>/versions/<version>/shards/<shard>")]
    async fn get_shard(
        &self,
        #[param("domainName")] domain: &str,
        version: u64,
        shard: i32,
    ) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/search?<q>&<threshold>&<exact>&<take>")]
    async fn search(
        &self,
        q: &str,
        threshold: f64,
        exact: bool,
        take: i64,
    ) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/images?<skip>&<orderBy>&<take>")]
    async fn list_images(
        &self,
        skip: Option<u32>,
        order_by: Option<&str>,
        take: Option<u32>,
    ) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/export?platform=CoreML&<flavor>")]
    async fn export(&self, flavor: Option<&str>) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/projects/<projectId>/images/tagged?<tagIds>&<take>")]
    async fn tagged_images(
        &self,
        project_id: Uuid,
        tag_ids: &[&str],
        take: u32,
    ) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/images/id?<imageIds>")]
    async fn images_by_id(&self, image_ids: Vec<Uuid>) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/whoami")]
    async fn whoami(
        &self,
        #[header("X-Correlation-Id")] correlation_id: &str,
        #[header("X-Tenant")] tenant: Option<&str>,
        #[header("X-Scopes")] scopes: &[&str],
        #[header("Prediction-Key", secret)] prediction_key: &str,
    ) -> declarest::Result<Value>;

    #[declarest::endpoint(POST, "/projects/<projectId>/tags")]
    async fn create_tag(&self, project_id: Uuid, #[body] tag: &NewTag) -> declarest::Result<Tag>;

    #[declarest::endpoint(PATCH, "/projects/<projectId>/tags/<tagId>")]
    async fn update_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        #[body] patch: &Value,
    ) -> declarest::Result<()>;

    #[declarest::endpoint(GET, "/projects/<projectId>/tags/<tagId>")]
    async fn get_tag(&self, project_id: Uuid, tag_id: Uuid) -> declarest::Result<Tag>;

    #[declarest::endpoint(GET, "/projects/<projectId>/tags")]
    async fn get_tags(&self, project_id: Uuid) -> declarest::Result<Vec<Tag>>;

    #[declarest::endpoint(POST, "/projects/<projectId>/train")]
    async fn train_project(&self, project_id: Uuid) -> declarest::Result<Value>;

    #[declarest::endpoint(DELETE, "/projects/<projectId>")]
    async fn delete_project(&self, project_id: Uuid) -> declarest::Result<()>;

    #[declarest::endpoint(HEAD, "/projects/<projectId>")]
    async fn project_exists(&self, project_id: Uuid) -> declarest::Result<()>;

    #[declarest::endpoint(GET, "/files/<name>/meta?<q>&<tags>")]
    async fn get_file(&self, name: &str, q: &str, tags: &[String]) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/files/.<ext>")]
    async fn get_hidden_file(&self, ext: &str) -> declarest::Result<Value>;

    #[declarest::endpoint(GET, "/dirs/<name>./list")]
    async fn list_dir(&self, name: &str) -> declarest::Result<Value>;
}

impl Wire for declarest::Client {}

async fn start(response: CannedResponse) -> RecordingServer {
    RecordingServer::start(response).await.unwrap()
}

/// A client for the server under `base_path` (appended to `http://127.0.0.1:PORT`).
fn client_at(server: &RecordingServer, base_path: &str) -> declarest::Client {
    declarest::Client::builder(server.base_url() + base_path)
        .secret_header("Training-Key", TRAINING_KEY)
        .timeout(Duration::from_secs(10))
        // Retries as by default, without the default's waits.
        .retry(declarest::RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap()
}

/// The usual client: base URL `http://127.0.0.1:PORT/base/`.
fn client(server: &RecordingServer) -> declarest::Client {
    client_at(server, "/base/")
}

/// The one request recorded since the last call, after checking there was exactly one.
fn single_request(server: &RecordingServer) -> RecordedRequest {
    let mut requests = server.take_requests();
    assert_eq!(
        requests.len(),
        1,
        "expected exactly one request: {requests:#?}"
    );
    requests.remove(0)
}

/// What every request carries: one `accept: application/json`, the client's secret header,
/// declarest's user agent and the server's address as host.
fn assert_common_headers(request: &RecordedRequest, server: &RecordingServer) {
    assert_eq!(request.version, "HTTP/1.1");
    assert_eq!(
        request.header("accept"),
        Some("application/json"),
        "{request:#?}"
    );
    assert_eq!(request.header_values("accept").len(), 1, "{request:#?}");
    assert_eq!(
        request.header("training-key"),
        Some(TRAINING_KEY),
        "{request:#?}"
    );
    assert_eq!(
        request.header("host"),
        Some(server.addr().to_string().as_str())
    );
    let agent = request.header("user-agent").unwrap_or_default();
    assert!(agent.starts_with("declarest/"), "user-agent {agent:?}");
}

/// A request without a body: no content type, no bytes, and a length of 0 if any.
fn assert_no_body(request: &RecordedRequest) {
    assert!(!request.has_header("content-type"), "{request:#?}");
    assert!(!request.has_header("transfer-encoding"), "{request:#?}");
    assert!(request.body.is_empty(), "{request:#?}");
    assert!(
        matches!(request.header("content-length"), None | Some("0")),
        "{request:#?}"
    );
    assert!(
        request.header_values("content-length").len() <= 1,
        "{request:#?}"
    );
}

/// A request with a JSON body: exactly that body, announced as UTF-8 JSON with its length.
fn assert_json_body(request: &RecordedRequest, expected: &[u8]) {
    assert_eq!(
        request.header("content-type"),
        Some("application/json; charset=utf-8"),
        "{request:#?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        String::from_utf8_lossy(expected)
    );
    assert_eq!(request.body, expected);
    let length = expected.len().to_string();
    assert_eq!(request.header("content-length"), Some(length.as_str()));
    assert!(!request.has_header("transfer-encoding"), "{request:#?}");
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8().unwrap().into_owned()
}

#[tokio::test]
async fn path_params_are_encoded_segments() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    client.get_iteration(PROJECT, ITERATION).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/iterations/{ITERATION_WIRE}")
    );
    assert_common_headers(&request, &server);
    assert_no_body(&request);

    client
        .get_shard("west europe/é", u64::MAX, -42)
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        "/base/domains/west%20europe%2F%C3%A9/versions/18446744073709551615/shards/-42"
    );
    assert_common_headers(&request, &server);
    assert_no_body(&request);

    // Dots are only rejected as a whole segment; percent signs are encoded, never passed on.
    client.get_shard("...", 0, 0).await.unwrap();
    client.get_shard("%2e%2e", 1, 1).await.unwrap();
    client.get_shard("a/../b", 2, 2).await.unwrap();
    let targets: Vec<String> = server
        .take_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        [
            "/base/domains/.../versions/0/shards/0",
            "/base/domains/%252e%252e/versions/1/shards/1",
            "/base/domains/a%2F..%2Fb/versions/2/shards/2",
        ]
    );
}

#[tokio::test]
async fn query_params_are_encoded_values() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    client.search("cats and dogs", 0.9, true, 10).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        "/base/search?q=cats%20and%20dogs&threshold=0.9&exact=true&take=10"
    );
    assert_common_headers(&request, &server);
    assert_no_body(&request);

    client
        .search("a+b=c&d#e?f,g%h", 100.0, false, -7)
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(
        request.target,
        "/base/search?q=a%2Bb%3Dc%26d%23e%3Ff%2Cg%25h&threshold=100&exact=false&take=-7"
    );
}

#[tokio::test]
async fn optional_query_params_are_left_out_when_none() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    client.list_images(None, None, None).await.unwrap();
    client.list_images(Some(0), None, Some(50)).await.unwrap();
    client
        .list_images(None, Some("created desc"), None)
        .await
        .unwrap();
    client.list_images(None, None, Some(1)).await.unwrap();
    client
        .list_images(Some(5), Some("name"), Some(2))
        .await
        .unwrap();
    client.export(None).await.unwrap();
    client.export(Some("ARM")).await.unwrap();

    let targets: Vec<String> = server
        .take_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        [
            "/base/images",
            "/base/images?skip=0&take=50",
            "/base/images?orderBy=created%20desc",
            "/base/images?take=1",
            "/base/images?skip=5&orderBy=name&take=2",
            "/base/export?platform=CoreML",
            "/base/export?platform=CoreML&flavor=ARM",
        ]
    );
}

#[tokio::test]
async fn list_query_params_are_comma_separated() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    client
        .tagged_images(PROJECT, &["a", "b", "c"], 10)
        .await
        .unwrap();
    client
        .tagged_images(PROJECT, &["x,y", "z w", "é"], 1)
        .await
        .unwrap();
    client.tagged_images(PROJECT, &[], 3).await.unwrap();
    client.images_by_id(vec![PROJECT, ITERATION]).await.unwrap();

    let targets: Vec<String> = server
        .take_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        [
            format!("/base/projects/{PROJECT_WIRE}/images/tagged?tagIds=a,b,c&take=10"),
            // A comma inside an item is encoded, so only the separators are literal.
            format!("/base/projects/{PROJECT_WIRE}/images/tagged?tagIds=x%2Cy,z%20w,%C3%A9&take=1"),
            // An empty list is left out, like `None`: no key, no empty value.
            format!("/base/projects/{PROJECT_WIRE}/images/tagged?take=3"),
            format!("/base/images/id?imageIds={PROJECT_WIRE},{ITERATION_WIRE}"),
        ]
    );
}

#[tokio::test]
async fn header_args_are_sent_verbatim_and_none_is_absent() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    client
        .whoami("corr 1/%20é", Some("contoso"), &["read", "write"], "pk-123")
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(request.target, "/base/whoami");
    assert_common_headers(&request, &server);
    assert_no_body(&request);
    // Headers are not percent-encoded: the value arrives as given.
    assert_eq!(request.header("x-correlation-id"), Some("corr 1/%20é"));
    assert_eq!(request.header("x-tenant"), Some("contoso"));
    assert_eq!(request.header("x-scopes"), Some("read,write"));
    assert_eq!(request.header("prediction-key"), Some("pk-123"));

    client
        .whoami("corr-2", None, &["all"], "pk-456")
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(request.header("x-correlation-id"), Some("corr-2"));
    assert!(!request.has_header("x-tenant"), "{request:#?}");
    assert_eq!(request.header("x-scopes"), Some("all"));
    assert_eq!(request.header("prediction-key"), Some("pk-456"));
    assert_common_headers(&request, &server);
}

#[tokio::test]
async fn a_header_value_with_a_newline_is_not_sent() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    let err = client
        .whoami("a\r\nX-Injected: 1", None, &[], "pk")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest { .. }), "{err:?}");
    assert_eq!(err.endpoint(), Some("whoami"));
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
}

#[tokio::test]
async fn json_body_is_sent_byte_for_byte() {
    let tag_id = Uuid::from_u128(0xAABBCCDD_0000_4000_8000_000000000001);
    let response = format!(r#"{{"id":"{tag_id}","name":"Cats & dogs ✓","imageCount":3}}"#);
    let server = start(CannedResponse::json(201, response)).await;
    let client = client(&server);

    let new_tag = NewTag {
        display_name: "Cats & dogs ✓ \"quoted\"".to_owned(),
        kind: "Regular".to_owned(),
        threshold: 0.9,
        image_ids: vec![ITERATION],
        description: None,
        parent_id: None,
    };
    let created = client.create_tag(PROJECT, &new_tag).await.unwrap();
    assert_eq!(
        created,
        Tag {
            id: tag_id,
            name: "Cats & dogs ✓".to_owned(),
            image_count: 3
        }
    );

    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/tags")
    );
    assert_common_headers(&request, &server);
    let expected = format!(
        r#"{{"displayName":"Cats & dogs ✓ \"quoted\"","type":"Regular","threshold":0.9,"imageIds":["{ITERATION_WIRE}"],"parentId":null}}"#
    );
    assert_json_body(&request, expected.as_bytes());
}

#[tokio::test]
async fn patch_body_with_unit_return_accepts_an_empty_204() {
    let server = start(CannedResponse::no_content()).await;
    let client = client(&server);

    let patch = serde_json::json!({ "name": "renamed" });
    client.update_tag(PROJECT, ITERATION, &patch).await.unwrap();

    let request = single_request(&server);
    assert_eq!(request.method, "PATCH");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/tags/{ITERATION_WIRE}")
    );
    assert_common_headers(&request, &server);
    assert_json_body(&request, br#"{"name":"renamed"}"#);
}

#[tokio::test]
async fn post_and_delete_without_a_body_send_no_body() {
    let server = start(CannedResponse::json(202, r#"{"status":"Training"}"#)).await;
    let client = client(&server);

    let value = client.train_project(PROJECT).await.unwrap();
    assert_eq!(value, serde_json::json!({ "status": "Training" }));
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/train")
    );
    assert_common_headers(&request, &server);
    assert_no_body(&request);

    server.set_response(CannedResponse::no_content());
    client.delete_project(PROJECT).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "DELETE");
    assert_eq!(request.target, format!("/base/projects/{PROJECT_WIRE}"));
    assert_common_headers(&request, &server);
    assert_no_body(&request);
}

#[tokio::test]
async fn unit_return_accepts_any_2xx_and_rejects_errors() {
    let server = start(CannedResponse::no_content()).await;
    let client = client(&server);

    client.delete_project(PROJECT).await.unwrap();
    server.set_response(CannedResponse::json(200, r#"{"ignored":true}"#));
    client.delete_project(PROJECT).await.unwrap();
    server.set_response(CannedResponse::json(
        409,
        r#"{"code":"Conflict","message":"busy"}"#,
    ));
    let err = client.delete_project(PROJECT).await.unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::CONFLICT));
    assert_eq!(server.take_requests().len(), 3);
}

#[tokio::test]
async fn base_url_slashes_never_double() {
    let server = start(CannedResponse::default()).await;
    let expected_base = format!("/base/projects/{PROJECT_WIRE}/train");
    for base in ["/base/", "/base", "/base//"] {
        client_at(&server, base)
            .train_project(PROJECT)
            .await
            .unwrap();
        let request = single_request(&server);
        assert_eq!(request.target, expected_base, "base URL path {base:?}");
    }
    for base in ["", "/"] {
        client_at(&server, base)
            .train_project(PROJECT)
            .await
            .unwrap();
        let request = single_request(&server);
        assert_eq!(
            request.target,
            format!("/projects/{PROJECT_WIRE}/train"),
            "base URL path {base:?}"
        );
    }
}

#[tokio::test]
async fn head_sends_no_body_and_reads_none() {
    let server = start(CannedResponse::json(200, r#"{"not":"sent for HEAD"}"#)).await;
    let client = client(&server);

    client.project_exists(PROJECT).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "HEAD");
    assert_eq!(request.target, format!("/base/projects/{PROJECT_WIRE}"));
    assert_common_headers(&request, &server);
    assert_no_body(&request);
}

/// A base URL read from a file or an environment variable often ends with a newline. The URL
/// parser drops surrounding whitespace (and tabs and newlines anywhere, and reads `\` as `/`);
/// the client trims `/` from the parsed URL, so no `//` or stray `%20` segment is ever sent.
#[tokio::test]
async fn base_url_with_trailing_whitespace_never_doubles_slash() {
    let server = start(CannedResponse::default()).await;
    let expected = format!("/base/projects/{PROJECT_WIRE}/train");
    let mut wrong = Vec::new();
    for suffix in ["/base/\n", "/base/\r\n", "/base/\t", "/base/ ", "\\base\\"] {
        let built = declarest::Client::builder(server.base_url() + suffix)
            .secret_header("Training-Key", TRAINING_KEY)
            .build();
        // Rejecting the base URL is an acceptable fix too.
        let Ok(client) = built else { continue };
        client.train_project(PROJECT).await.unwrap();
        let request = single_request(&server);
        if request.target != expected || client.base_url().ends_with(char::is_whitespace) {
            wrong.push(format!(
                "base URL path {suffix:?}: base_url() {:?}, sent {:?}",
                client.base_url(),
                request.target
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "expected {expected:?}:\n{}",
        wrong.join("\n")
    );
}

#[tokio::test]
async fn empty_and_dot_path_values_are_rejected_before_sending() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);

    for value in ["", ".", ".."] {
        let err = client.get_shard(value, 1, 2).await.unwrap_err();
        match &err {
            Error::InvalidRequest { endpoint, reason } => {
                assert_eq!(*endpoint, "get_shard");
                assert!(reason.contains("domainName"), "{reason}");
            }
            other => panic!("{value:?}: expected InvalidRequest, got {other:?}"),
        }
        assert_eq!(err.status(), None);

        let err = client.get_file(value, "q", &[]).await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidRequest { endpoint: "get_file", reason } if reason.contains("`name`")),
            "{value:?}: {err:?}"
        );
    }
    // Nothing reached the server, not even a connection...
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
    // ...although it was there to answer.
    client.get_shard("ok", 1, 2).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.target, "/base/domains/ok/versions/1/shards/2");
    assert_eq!(server.connection_count(), 1);
}

#[tokio::test]
async fn a_value_that_makes_a_dot_segment_with_the_literal_around_it_is_rejected() {
    let server = start(CannedResponse::default()).await;
    let client = client(&server);
    let cases = [
        client.get_hidden_file("").await.unwrap_err(),
        client.get_hidden_file(".").await.unwrap_err(),
        client.list_dir("").await.unwrap_err(),
        client.list_dir(".").await.unwrap_err(),
    ];
    for err in &cases {
        assert!(
            matches!(err, Error::InvalidRequest { reason, .. } if reason.contains("makes the segment")),
            "{err:?}"
        );
    }
    assert_eq!(server.connection_count(), 0, "nothing was sent");
    client.get_hidden_file("env").await.unwrap();
    client.list_dir("a").await.unwrap();
    let targets: Vec<String> = server
        .take_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(targets, ["/base/files/.env", "/base/dirs/a./list"]);
}

#[tokio::test]
async fn status_errors_keep_the_service_error_and_request_id() {
    let body = r#"{"code":"NotFoundIteration","message":"Iteration 0f1e2d3c not found."}"#;
    let server = start(
        CannedResponse::json(404, body)
            .with_header("apim-request-id", "8d2f1c9e-0000-4000-8000-0000000000aa"),
    )
    .await;
    let client = client(&server);

    let err = client.get_iteration(PROJECT, ITERATION).await.unwrap_err();
    let Error::Status(status) = &err else {
        panic!("expected Error::Status, got {err:?}");
    };
    assert_eq!(status.status, StatusCode::NOT_FOUND);
    assert_eq!(status.endpoint, "get_iteration");
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(err.endpoint(), Some("get_iteration"));
    let service = err.service_error().expect("a {code, message} body");
    assert_eq!(service.code, "NotFoundIteration");
    assert_eq!(service.message, "Iteration 0f1e2d3c not found.");
    assert_eq!(
        err.request_id(),
        Some("8d2f1c9e-0000-4000-8000-0000000000aa")
    );
    assert_eq!(err.body().map(|b| b.as_ref()), Some(body.as_bytes()));
    let message = err.to_string();
    assert!(message.contains("NotFoundIteration"), "{message}");
    assert!(message.contains("404"), "{message}");
    assert!(
        message.contains("8d2f1c9e-0000-4000-8000-0000000000aa"),
        "{message}"
    );
    assert_eq!(server.take_requests().len(), 1);

    // A body that is not `{code, message}` is kept raw.
    server.set_response(CannedResponse {
        status: 500,
        headers: vec![("content-type".to_owned(), "text/plain".to_owned())],
        body: b"upstream exploded".to_vec(),
    });
    let err = client.get_iteration(PROJECT, ITERATION).await.unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
    assert!(err.service_error().is_none());
    assert_eq!(err.request_id(), None);
    assert_eq!(
        err.body().map(|b| b.as_ref()),
        Some(&b"upstream exploded"[..])
    );
    assert!(err.to_string().contains("upstream exploded"), "{err}");
    assert_eq!(err.attempts(), 4, "a GET answered 500 is retried 3 times");
    assert_eq!(server.take_requests().len(), 4);
}

#[tokio::test]
async fn decode_errors_keep_status_body_and_path() {
    let tag_id = Uuid::from_u128(7);
    let body = format!(r#"{{"id":"{tag_id}","name":"cats","imageCount":"many"}}"#);
    let server = start(CannedResponse::json(200, body.clone())).await;
    let client = client(&server);

    let err = client.get_tag(PROJECT, tag_id).await.unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected Error::Decode, got {err:?}");
    };
    assert_eq!(decode.path, "imageCount");
    assert_eq!(decode.status, StatusCode::OK);
    assert_eq!(decode.endpoint, "get_tag");
    assert_eq!(err.status(), Some(StatusCode::OK));
    assert_eq!(err.body().map(|b| b.as_ref()), Some(body.as_bytes()));
    assert!(err.service_error().is_none());
    assert!(err.to_string().contains("imageCount"), "{err}");

    // Deeper: the second item of a list.
    let body = format!(
        r#"[{{"id":"{tag_id}","name":"a","imageCount":1}},{{"id":"{tag_id}","name":"b","imageCount":-1}}]"#
    );
    server.set_response(CannedResponse::json(201, body.clone()));
    let err = client.get_tags(PROJECT).await.unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected Error::Decode, got {err:?}");
    };
    assert_eq!(decode.path, "[1].imageCount");
    assert_eq!(err.status(), Some(StatusCode::CREATED));
    assert_eq!(err.body().map(|b| b.as_ref()), Some(body.as_bytes()));

    // Not JSON at all: still a decode error that keeps everything.
    let body = r#"{"id": "#;
    server.set_response(CannedResponse::json(200, body).with_header("apim-request-id", "req-42"));
    let err = client.get_tag(PROJECT, tag_id).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::OK));
    assert_eq!(err.body().map(|b| b.as_ref()), Some(body.as_bytes()));
    assert_eq!(err.request_id(), Some("req-42"));

    // An empty 204 where a document is declared.
    server.set_response(CannedResponse::no_content());
    let err = client.get_tag(PROJECT, tag_id).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(err.status(), Some(StatusCode::NO_CONTENT));
    assert_eq!(err.body().map(|b| b.len()), Some(0));

    assert_eq!(server.take_requests().len(), 4);
}

#[tokio::test]
async fn next_request_waits_for_the_request_and_times_out_without_one() {
    let server = start(CannedResponse::default()).await;
    assert_eq!(server.next_request(Duration::from_millis(50)).await, None);
    let client = client(&server);
    let call = tokio::spawn(async move { client.get_shard("x", 1, 2).await });
    let request = server
        .next_request(Duration::from_secs(10))
        .await
        .expect("the request arrives");
    assert_eq!(request.target, "/base/domains/x/versions/1/shards/2");
    call.await.unwrap().unwrap();
    assert_eq!(server.next_request(Duration::from_millis(50)).await, None);
}

// ---------------------------------------------------------------------------------------------
// Properties: hostile values round-trip exactly through the path and the query.

/// Values chosen to break naive URL building.
const HOSTILE: &[&str] = &[
    "%2F",
    "%2f",
    "%2e%2e",
    ".%2e",
    "..",
    "...",
    "./..",
    "../x",
    "a/../b",
    "?x=1",
    "&x=1",
    "#frag",
    "a/b",
    "/",
    "//",
    "a b",
    " ",
    "+",
    "&",
    "=",
    ",",
    "%",
    "%%",
    "%zz",
    "%20",
    "a?b#c&d=e+f,g h",
    ";x",
    "é",
    "😀",
    "\u{0}",
    "\r\n",
    "\u{feff}",
    "\\..\\",
    "x=1&y=2",
];

/// The characters arbitrary values are built from: URL delimiters, percent, unicode, controls.
const ALPHABET: &str = "/?#%&=+, ;:@!$'()*[]<>\"\\{}|^`~-._aZ09é€😀\u{0}\t\n\u{7f}\u{a0}";

/// A value for a query parameter or a list item: anything at all.
fn any_value() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    prop_oneof![
        3 => prop::sample::select(HOSTILE).prop_map(str::to_owned),
        4 => prop::collection::vec(prop::sample::select(alphabet), 0..12)
            .prop_map(|chars| chars.into_iter().collect::<String>()),
        2 => "[%./?#&=+, 0-9a-fA-F]{0,8}",
        3 => any::<String>(),
    ]
}

/// A value for a path segment: anything but the dot segments and the empty segment, which the
/// client rejects by design (see `empty_and_dot_path_values_are_rejected_before_sending`).
fn segment_value() -> impl Strategy<Value = String> {
    any_value().prop_filter("\"\", \".\" and \"..\" are rejected client-side", |v| {
        !matches!(v.as_str(), "" | "." | "..")
    })
}

/// A dedicated runtime, server and client, shared by every case of one property.
struct Harness {
    // Fields drop in order: the client and the server before the runtime they run on.
    client: declarest::Client,
    server: RecordingServer,
    runtime: tokio::runtime::Runtime,
}

impl Harness {
    fn new() -> Harness {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(start(CannedResponse::default()));
        let client = client(&server);
        Harness {
            client,
            server,
            runtime,
        }
    }

    /// Runs one call and returns the single request it made.
    fn exchange<F>(&self, call: F) -> Result<RecordedRequest, TestCaseError>
    where
        F: std::future::Future<Output = declarest::Result<Value>>,
    {
        let result = self.runtime.block_on(call);
        prop_assert!(result.is_ok(), "call failed: {:?}", result);
        let mut requests = self.server.take_requests();
        prop_assert_eq!(requests.len(), 1);
        Ok(requests.remove(0))
    }
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Every byte of a raw target is unreserved, `%`, or one of the delimiters the client itself
/// writes: nothing of a value leaks out unencoded.
fn only_url_safe(target: &str) -> bool {
    target
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%/?&=,".contains(&b))
}

/// `key=value` pairs of a raw query, in order, still encoded.
fn query_pairs(query: &str) -> Vec<(&str, &str)> {
    query
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect()
}

#[test]
fn hostile_strings_round_trip_through_path_and_query() {
    let harness = Harness::new();
    let strategy = (
        segment_value(),
        any_value(),
        prop::collection::vec(any_value(), 1..4),
    );
    let result = runner().run(&strategy, |(name, q, tags)| {
        let request = harness.exchange(harness.client.get_file(&name, &q, &tags))?;
        let target = request.target.as_str();
        prop_assert_eq!(request.method.as_str(), "GET");
        prop_assert!(only_url_safe(target), "unencoded byte in {:?}", target);
        prop_assert_eq!(target.matches('?').count(), 1, "{}", target);

        let (path, query) = target.split_once('?').unwrap();
        let segments: Vec<&str> = path.split('/').collect();
        prop_assert_eq!(segments.len(), 5, "{}", path);
        prop_assert_eq!(&segments[..3], &["", "base", "files"][..]);
        prop_assert_eq!(segments[4], "meta");
        prop_assert_eq!(decode(segments[3]), name);

        let pairs = query_pairs(query);
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        prop_assert_eq!(keys, ["q", "tags"]);
        prop_assert_eq!(decode(pairs[0].1), q);
        let items: Vec<String> = pairs[1].1.split(',').map(decode).collect();
        prop_assert_eq!(items, tags);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn numbers_and_flags_round_trip_through_path_and_query() {
    let harness = Harness::new();
    let finite = any::<f64>().prop_filter("finite", |f| f.is_finite());
    let strategy = (
        any::<u64>(),
        any::<i32>(),
        any_value(),
        finite,
        any::<bool>(),
        any::<i64>(),
    );
    let result = runner().run(&strategy, |(version, shard, q, threshold, exact, take)| {
        let request = harness.exchange(harness.client.get_shard("d", version, shard))?;
        let segments: Vec<&str> = request.target.split('/').collect();
        prop_assert_eq!(segments.len(), 8, "{}", request.target);
        prop_assert_eq!(segments[5].parse::<u64>().ok(), Some(version));
        prop_assert_eq!(segments[7].parse::<i32>().ok(), Some(shard));

        let request = harness.exchange(harness.client.search(&q, threshold, exact, take))?;
        prop_assert!(only_url_safe(&request.target), "{}", request.target);
        let query = request.query().unwrap_or_default();
        let pairs = query_pairs(query);
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        prop_assert_eq!(keys, ["q", "threshold", "exact", "take"]);
        prop_assert_eq!(decode(pairs[0].1), q);
        // Floats go out as the shortest text that parses back to the same value.
        prop_assert_eq!(pairs[1].1.parse::<f64>().ok(), Some(threshold));
        prop_assert_eq!(pairs[2].1, if exact { "true" } else { "false" });
        prop_assert_eq!(pairs[3].1.parse::<i64>().ok(), Some(take));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
