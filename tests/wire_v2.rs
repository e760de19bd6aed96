//! Wire tests of the forms the Training API v3.3 needs, each general: query names that are not
//! Rust identifiers (`$filter`), bare JSON scalars as responses, and an optional JSON body. A
//! real `declarest::Client` talks to a loopback [`RecordingServer`], and the tests assert the
//! exact bytes that arrived on the socket and what the call returned.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use support::{CannedResponse, RecordedRequest, RecordingServer};
use uuid::Uuid;

/// The API key every test client sends.
const TRAINING_KEY: &str = "s3cr3t-training-key-0123";

const PROJECT: Uuid = Uuid::from_u128(0x64B822C5_8082_4B36_A426_27225F4AA18C);
const PROJECT_WIRE: &str = "64b822c5-8082-4b36-a426-27225f4aa18c";
const ITERATION: Uuid = Uuid::from_u128(0x0F1E2D3C_4B5A_6978_8796_A5B4C3D2E1F0);
const ITERATION_WIRE: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

trait V2: declarest::Api {
    #[declarest::endpoint(GET, "/projects/<projectId>/images?<$filter>&<take>")]
    async fn get_images(
        &self,
        project_id: Uuid,
        #[param("$filter")] filter: Option<&str>,
        take: Option<u32>,
    ) -> declarest::Result<serde_json::Value>;

    #[declarest::endpoint(GET, "/odata?<$top>&<api-version>&<a.b~c_d>")]
    async fn odata(
        &self,
        #[param("$top")] top: u32,
        #[param("api-version")] version: &str,
        #[param("a.b~c_d")] other: bool,
    ) -> declarest::Result<()>;

    #[declarest::endpoint(
        POST,
        "/projects/<projectId>/iterations/<iterationId>/publish?<publishName>"
    )]
    async fn publish_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        publish_name: &str,
    ) -> declarest::Result<bool>;

    #[declarest::endpoint(GET, "/projects/<projectId>/images/count")]
    async fn image_count(&self, project_id: Uuid) -> declarest::Result<i32>;

    #[declarest::endpoint(POST, "/projects/<projectId>/images/suggested/count")]
    async fn suggested_count(&self, project_id: Uuid) -> declarest::Result<HashMap<String, i32>>;

    #[declarest::endpoint(POST, "/projects/<projectId>/train?<forceTrain>")]
    async fn train_project(
        &self,
        project_id: Uuid,
        force_train: Option<bool>,
        #[body] training_parameters: Option<&TrainingParameters>,
    ) -> declarest::Result<serde_json::Value>;

    #[declarest::endpoint(PUT, "/settings/<name>")]
    async fn put_setting(
        &self,
        name: &str,
        #[body(json)] value: Option<serde_json::Value>,
    ) -> declarest::Result<()>;

    #[declarest::endpoint(PATCH, "/blobs/<name>")]
    async fn patch_blob(
        &self,
        name: &str,
        #[body(bytes)] content: Option<Vec<u8>>,
    ) -> declarest::Result<()>;
}

/// An optional body with a documented limit.
#[derive(Debug, serde::Serialize, declarest::Model)]
#[serde(rename_all = "camelCase")]
struct TrainingParameters {
    #[max_items(2)]
    selected_tags: Vec<Uuid>,
}

impl V2 for declarest::Client {}

async fn start(response: CannedResponse) -> RecordingServer {
    RecordingServer::start(response).await.unwrap()
}

/// A client for `http://127.0.0.1:PORT/base/`, retrying without waits.
fn client(server: &RecordingServer) -> declarest::Client {
    declarest::Client::builder(server.base_url() + "/base/")
        .secret_header("Training-Key", TRAINING_KEY)
        .timeout(Duration::from_secs(10))
        .retry(declarest::RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .build()
        .unwrap()
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

/// What every request carries: one `accept` (`application/json` unless said otherwise), the
/// client's secret header, declarest's user agent and the server's address as host.
fn assert_common_headers(request: &RecordedRequest, server: &RecordingServer, accept: &str) {
    assert_eq!(request.version, "HTTP/1.1");
    assert_eq!(request.header_values("accept").len(), 1, "{request:#?}");
    assert_eq!(request.header("accept"), Some(accept), "{request:#?}");
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
}

// ---------------------------------------------------------------------------------------------
// Query names that are not Rust identifiers.

#[tokio::test]
async fn a_dollar_query_name_is_sent_as_written_and_its_value_encoded() {
    let server = start(CannedResponse::json(200, "[]")).await;
    let client = client(&server);

    client
        .get_images(
            PROJECT,
            Some("metadata/color eq 'red' & size gt 3"),
            Some(10),
        )
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        format!(
            "/base/projects/{PROJECT_WIRE}/images?$filter=metadata%2Fcolor%20eq%20%27red%27%20%26%20size%20gt%203&take=10"
        )
    );
    assert_common_headers(&request, &server, "application/json");
    assert_no_body(&request);

    // Absent like any other optional query value.
    client.get_images(PROJECT, None, Some(1)).await.unwrap();
    client.get_images(PROJECT, Some("$"), None).await.unwrap();
    let targets: Vec<String> = server
        .take_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(
        targets,
        [
            format!("/base/projects/{PROJECT_WIRE}/images?take=1"),
            format!("/base/projects/{PROJECT_WIRE}/images?$filter=%24"),
        ]
    );

    server.set_response(CannedResponse::no_content());
    client.odata(5, "2.0", true).await.unwrap();
    let request = single_request(&server);
    assert_eq!(
        request.target,
        "/base/odata?$top=5&api-version=2.0&a.b~c_d=true"
    );
}

// ---------------------------------------------------------------------------------------------
// Bare JSON scalars and maps as responses.

#[tokio::test]
async fn bare_json_scalars_and_maps_are_responses() {
    let server = start(CannedResponse::json(200, "true")).await;
    let client = client(&server);

    assert!(
        client
            .publish_iteration(PROJECT, ITERATION, "prod")
            .await
            .unwrap()
    );
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        format!(
            "/base/projects/{PROJECT_WIRE}/iterations/{ITERATION_WIRE}/publish?publishName=prod"
        )
    );
    assert_common_headers(&request, &server, "application/json");
    assert_no_body(&request);

    server.set_response(CannedResponse::json(200, " false\r\n"));
    assert!(
        !client
            .publish_iteration(PROJECT, ITERATION, "prod")
            .await
            .unwrap()
    );
    single_request(&server);

    server.set_response(CannedResponse::json(200, "-2147483648"));
    assert_eq!(client.image_count(PROJECT).await.unwrap(), i32::MIN);
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/images/count")
    );

    server.set_response(CannedResponse::json(200, r#"{"cat":3,"dog":0,"ünï":-1}"#));
    let counts = client.suggested_count(PROJECT).await.unwrap();
    assert_eq!(
        counts,
        HashMap::from([
            ("cat".to_owned(), 3),
            ("dog".to_owned(), 0),
            ("ünï".to_owned(), -1)
        ])
    );
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_no_body(&request);

    // Not what is declared: a decode error that keeps the body.
    for body in ["\"true\"", "1", "null", "", "2147483648", "1.5"] {
        server.set_response(CannedResponse::json(200, body));
        let outcome = if body.starts_with('2') || body == "1.5" {
            client.image_count(PROJECT).await.map(drop)
        } else {
            client
                .publish_iteration(PROJECT, ITERATION, "p")
                .await
                .map(drop)
        };
        let err = outcome.unwrap_err();
        assert!(
            matches!(err, declarest::Error::Decode(_)),
            "{body:?}: {err:?}"
        );
        assert_eq!(err.body().map(|b| b.as_ref()), Some(body.as_bytes()));
    }
}

// ---------------------------------------------------------------------------------------------
// An optional body.

/// A request with a JSON body: exactly that body, announced as UTF-8 JSON with its length.
fn assert_json_body(request: &RecordedRequest, expected: &str) {
    assert_eq!(
        request.header("content-type"),
        Some("application/json; charset=utf-8"),
        "{request:#?}"
    );
    assert_eq!(String::from_utf8_lossy(&request.body), expected);
    let length = expected.len().to_string();
    assert_eq!(request.header("content-length"), Some(length.as_str()));
    assert!(!request.has_header("transfer-encoding"), "{request:#?}");
}

#[tokio::test]
async fn an_optional_body_is_sent_when_some_and_absent_when_none() {
    let server = start(CannedResponse::json(200, r#"{"status":"Training"}"#)).await;
    let client = client(&server);
    let train = format!("/base/projects/{PROJECT_WIRE}/train");

    // `None`: no body, no content type, as a POST without a body.
    client.train_project(PROJECT, None, None).await.unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, train);
    assert_common_headers(&request, &server, "application/json");
    assert_no_body(&request);

    // `Some`: the JSON of the value, as `#[body]` sends it.
    let parameters = TrainingParameters {
        selected_tags: vec![PROJECT, ITERATION],
    };
    client
        .train_project(PROJECT, Some(true), Some(&parameters))
        .await
        .unwrap();
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, format!("{train}?forceTrain=true"));
    assert_common_headers(&request, &server, "application/json");
    assert_json_body(
        &request,
        &format!(r#"{{"selectedTags":["{PROJECT_WIRE}","{ITERATION_WIRE}"]}}"#),
    );

    // The limits of a `Model` body still hold, and nothing is sent when one is broken.
    let over = TrainingParameters {
        selected_tags: vec![PROJECT; 3],
    };
    let err = client
        .train_project(PROJECT, None, Some(&over))
        .await
        .unwrap_err();
    match &err {
        declarest::Error::InvalidRequest { endpoint, reason } => {
            assert_eq!(*endpoint, "train_project");
            assert_eq!(
                reason,
                "the body's `selected_tags` has 3 items, over its limit of 2 by 1"
            );
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert_eq!(server.request_count(), 0);

    // An owned `Option<T>`: `Some(null)` is a body of `null`, `None` is no body.
    server.set_response(CannedResponse::no_content());
    client
        .put_setting("a", Some(serde_json::json!({"x": [1, null]})))
        .await
        .unwrap();
    client
        .put_setting("b", Some(serde_json::Value::Null))
        .await
        .unwrap();
    client.put_setting("c", None).await.unwrap();
    let requests = server.take_requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[0].method, "PUT");
    assert_json_body(&requests[0], r#"{"x":[1,null]}"#);
    assert_json_body(&requests[1], "null");
    assert_eq!(requests[2].target, "/base/settings/c");
    assert_no_body(&requests[2]);

    // Raw bytes may be optional too.
    client
        .patch_blob("x", Some(b"\x00\xffraw".to_vec()))
        .await
        .unwrap();
    client.patch_blob("y", None).await.unwrap();
    let requests = server.take_requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].method, "PATCH");
    assert_eq!(
        requests[0].header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(requests[0].body, b"\x00\xffraw");
    assert_eq!(requests[0].header("content-length"), Some("5"));
    assert_no_body(&requests[1]);
}
