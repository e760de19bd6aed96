//! Wire tests of the forms the Training API v3.3 needs, each general: query names that are not
//! Rust identifiers (`$filter`), bare JSON scalars as responses, an optional JSON body, more than
//! one success status (`WithStatus`), binary responses (`Binary`) and streamed ones
//! (`ByteStream`). A real `declarest::Client` talks to a loopback [`RecordingServer`] (or a
//! [`FaultServer`] where the server must misbehave), and the tests assert the exact bytes that
//! arrived on the socket and what the call returned.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use bytes::Bytes;
use declarest::http::StatusCode;
use declarest::{BodyErrorKind, Error};
use support::fault_server::{self, FaultServer, Step};
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

/// Endpoints that return something other than a JSON document alone.
trait Responses: declarest::Api {
    #[declarest::endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_images_from_urls(
        &self,
        project_id: Uuid,
        #[body] batch: &serde_json::Value,
    ) -> declarest::Result<declarest::WithStatus<Summary>>;

    #[declarest::endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact(
        &self,
        project_id: Uuid,
        path: &str,
    ) -> declarest::Result<declarest::Binary>;

    #[declarest::endpoint(GET, "/files/<name>")]
    async fn get_file(
        &self,
        name: &str,
        #[header("Accept")] accept: Option<&str>,
    ) -> declarest::Result<declarest::Binary>;

    #[declarest::endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn download_artifact(
        &self,
        project_id: Uuid,
        path: &str,
    ) -> declarest::Result<declarest::ByteStream>;

    #[declarest::endpoint(POST, "/exports/<name>")]
    async fn export(&self, name: &str) -> declarest::Result<declarest::ByteStream>;
}

impl Responses for declarest::Client {}

#[derive(Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Summary {
    is_batch_successful: bool,
    images: Vec<String>,
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

// ---------------------------------------------------------------------------------------------
// More than one success status with the same body.

#[tokio::test]
async fn with_status_keeps_the_success_status_and_decodes_the_body() {
    let body = r#"{"isBatchSuccessful":true,"images":["a","b"]}"#;
    let server = start(CannedResponse::json(200, body).with_header("apim-request-id", "r-1")).await;
    let client = client(&server);
    let batch = serde_json::json!({"images": [{"url": "https://x/a.png"}]});

    let created = client
        .create_images_from_urls(PROJECT, &batch)
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    assert!(!created.is_partial());
    assert!(created.is_batch_successful, "derefs to the body");
    assert_eq!(created.headers()["apim-request-id"], "r-1");
    assert_eq!(
        created.into_inner(),
        Summary {
            is_batch_successful: true,
            images: vec!["a".to_owned(), "b".to_owned()]
        }
    );
    let request = single_request(&server);
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/images/urls")
    );
    assert_common_headers(&request, &server, "application/json");
    assert_json_body(&request, r#"{"images":[{"url":"https://x/a.png"}]}"#);

    // 207: the same body, a partial success that says so.
    let partial = r#"{"isBatchSuccessful":false,"images":["a"]}"#;
    server.set_response(CannedResponse::json(207, partial));
    let created = client
        .create_images_from_urls(PROJECT, &batch)
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::MULTI_STATUS);
    assert!(created.is_partial());
    assert!(!created.is_batch_successful);
    assert_eq!(created.images, ["a"]);

    // Any 2xx is a success; outside 2xx is an error, and a body that does not decode is one
    // that keeps the status it came with.
    server.set_response(CannedResponse::json(201, body));
    let created = client
        .create_images_from_urls(PROJECT, &batch)
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    server.set_response(CannedResponse::json(
        409,
        r#"{"code":"BadRequestImageBatch","message":"no"}"#,
    ));
    let err = client
        .create_images_from_urls(PROJECT, &batch)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    assert_eq!(
        err.service_error().map(|e| e.code.as_str()),
        Some("BadRequestImageBatch")
    );
    server.set_response(CannedResponse::json(207, r#"{"isBatchSuccessful":"no"}"#));
    let err = client
        .create_images_from_urls(PROJECT, &batch)
        .await
        .unwrap_err();
    let Error::Decode(decode) = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(decode.status, StatusCode::MULTI_STATUS);
    assert_eq!(decode.path, "isBatchSuccessful");
    assert_eq!(server.take_requests().len(), 4);
}

// ---------------------------------------------------------------------------------------------
// Binary responses.

/// What an endpoint that returns bytes sends as `Accept`.
const ACCEPT_BINARY: &str = "application/octet-stream, */*;q=0.9";

fn binary_response(content_type: Option<&str>, body: &[u8]) -> CannedResponse {
    CannedResponse {
        status: 200,
        headers: content_type
            .map(|c| vec![("content-type".to_owned(), c.to_owned())])
            .unwrap_or_default(),
        body: body.to_vec(),
    }
}

#[tokio::test]
async fn binary_asks_for_bytes_and_takes_any_content_type() {
    let bytes: Vec<u8> = (0..=255).collect();
    let server = start(binary_response(Some("application/octet-stream"), &bytes)).await;
    let client = client(&server);

    let artifact = client
        .get_artifact(PROJECT, "exports/model v1.zip")
        .await
        .unwrap();
    assert_eq!(&artifact[..], &bytes[..], "derefs to the bytes");
    assert_eq!(artifact.bytes().as_ref(), &bytes[..]);
    assert_eq!(artifact.content_type(), Some("application/octet-stream"));
    assert_eq!(artifact.status(), StatusCode::OK);
    assert_eq!(artifact.clone().into_bytes(), bytes);
    let debug = format!("{artifact:?}");
    assert!(
        debug.contains("len: 256") && !debug.contains("255"),
        "{debug}"
    );
    let request = single_request(&server);
    assert_eq!(request.method, "GET");
    assert_eq!(
        request.target,
        format!("/base/projects/{PROJECT_WIRE}/artifacts?path=exports%2Fmodel%20v1.zip")
    );
    // One `Accept`, the binary one: the client's `application/json` is replaced, not added to.
    assert_common_headers(&request, &server, ACCEPT_BINARY);
    assert_no_body(&request);

    // JSON, text, an image, no content type at all, or nothing but a 204: all are bytes.
    for (content_type, body) in [
        (Some("application/json"), &b"{\"not\":\"decoded\"}"[..]),
        (Some("text/plain; charset=utf-8"), b"plain"),
        (Some("image/png"), b"\x89PNG\r\n\x1a\n"),
        (None, b"\x00"),
    ] {
        server.set_response(binary_response(content_type, body));
        let artifact = client.get_artifact(PROJECT, "p").await.unwrap();
        assert_eq!(&artifact[..], body);
        assert_eq!(artifact.content_type(), content_type);
    }
    server.set_response(CannedResponse::no_content());
    let artifact = client.get_artifact(PROJECT, "p").await.unwrap();
    assert!(artifact.is_empty());
    assert_eq!(artifact.status(), StatusCode::NO_CONTENT);
    assert_eq!(server.take_requests().len(), 5);

    // An error status is an error, its body kept.
    let error = r#"{"code":"BadRequestInvalidArtifactUri","message":"no such path"}"#;
    server.set_response(CannedResponse::json(400, error));
    let err = client.get_artifact(PROJECT, "p").await.unwrap_err();
    assert!(matches!(err, Error::Status(_)), "{err:?}");
    assert_eq!(err.body().map(|b| b.as_ref()), Some(error.as_bytes()));
    assert_eq!(
        err.service_error().map(|e| e.code.as_str()),
        Some("BadRequestInvalidArtifactUri")
    );
}

#[tokio::test]
async fn an_accept_header_argument_wins_over_the_binary_default() {
    let server = start(binary_response(Some("image/jpeg"), b"jpeg")).await;
    let client = client(&server);

    client.get_file("a.jpg", Some("image/jpeg")).await.unwrap();
    client.get_file("b.jpg", None).await.unwrap();
    let requests = server.take_requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].target, "/base/files/a.jpg");
    assert_common_headers(&requests[0], &server, "image/jpeg");
    assert_common_headers(&requests[1], &server, ACCEPT_BINARY);
}

#[tokio::test]
async fn a_binary_body_over_the_size_limit_is_refused() {
    let server = start(binary_response(Some("application/zip"), &[7u8; 1025])).await;
    let client = declarest::Client::builder(server.base_url())
        .max_response_size(1024)
        .build()
        .unwrap();

    let err = client.get_artifact(PROJECT, "big").await.unwrap_err();
    let Error::Body(body) = &err else {
        panic!("expected a body error, got {err:?}");
    };
    assert_eq!(body.kind(), BodyErrorKind::TooLarge { limit: 1024 });
    assert_eq!(err.status(), Some(StatusCode::OK));

    server.set_response(binary_response(Some("application/zip"), &[7u8; 1024]));
    assert_eq!(
        client.get_artifact(PROJECT, "fits").await.unwrap().len(),
        1024
    );
}

// ---------------------------------------------------------------------------------------------
// Streamed responses.

/// A client of the fault server with short backoffs.
fn stream_client(server: &FaultServer) -> declarest::ClientBuilder {
    declarest::Client::builder(server.base_url())
        .secret_header("Training-Key", TRAINING_KEY)
        .timeout(Duration::from_secs(10))
        .retry(declarest::RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
}

/// The head of a response, up to the blank line.
fn head(status: u16, headers: &[(&str, &str)]) -> Vec<u8> {
    fault_server::raw(status, headers, b"")
}

/// Every chunk of a stream, or the error that ended it with the bytes before it.
async fn drain(stream: &mut declarest::ByteStream) -> (Vec<Bytes>, Option<Error>) {
    let mut chunks = Vec::new();
    loop {
        match stream.chunk().await {
            Ok(Some(chunk)) => chunks.push(chunk),
            Ok(None) => return (chunks, None),
            Err(e) => return (chunks, Some(e)),
        }
    }
}

/// Runs a scenario within a deadline, so a hang fails instead of blocking the suite.
async fn within<F: std::future::Future>(body: F) -> F::Output {
    tokio::time::timeout(Duration::from_secs(30), body)
        .await
        .expect("the scenario finishes before its deadline")
}

#[tokio::test]
async fn a_byte_stream_hands_the_body_over_as_it_arrives() {
    within(async {
        let body: Vec<u8> = (0..100u8).collect();
        let server = FaultServer::start([Step::Trickle {
            head: head(
                200,
                &[
                    ("content-type", "application/octet-stream"),
                    ("content-length", "100"),
                ],
            ),
            body: body.clone(),
            chunk: 30,
            every: Duration::from_millis(20),
        }])
        .await
        .unwrap();
        let client = stream_client(&server).build().unwrap();

        let mut stream = client
            .download_artifact(PROJECT, "exports/a.zip")
            .await
            .unwrap();
        assert_eq!(stream.status(), StatusCode::OK);
        assert_eq!(stream.content_type(), Some("application/octet-stream"));
        assert_eq!(stream.content_length(), Some(100));
        assert_eq!(stream.attempts(), 1);
        let (chunks, error) = drain(&mut stream).await;
        assert!(error.is_none(), "{error:?}");
        assert!(chunks.len() > 1, "the body came in {} chunks", chunks.len());
        assert!(chunks.iter().all(|c| !c.is_empty()));
        assert_eq!(chunks.concat(), body);
        // The end stays the end.
        assert!(stream.chunk().await.unwrap().is_none());

        let requests = server.requests();
        assert_eq!(requests.len(), 1);
        let request = &requests[0];
        assert_eq!(request.method, "GET");
        assert_eq!(
            request.target,
            format!("/projects/{PROJECT_WIRE}/artifacts?path=exports%2Fa.zip")
        );
        assert_eq!(request.header_values("accept").len(), 1, "{request:#?}");
        assert_eq!(request.header("accept"), Some(ACCEPT_BINARY));
        assert_eq!(request.header("training-key"), Some(TRAINING_KEY));
        assert_no_body(request);
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_is_a_futures_stream() {
    use futures_util::StreamExt;

    within(async {
        let server = FaultServer::start([Step::Reply(fault_server::response(
            200,
            &[("content-type", "text/csv")],
            b"a,b\n1,2\n",
        ))])
        .await
        .unwrap();
        let client = stream_client(&server).build().unwrap();
        let stream = client.export("all").await.unwrap();
        let chunks: Vec<declarest::Result<Bytes>> = stream.collect().await;
        let bytes: Vec<u8> = chunks.into_iter().flat_map(|c| c.unwrap()).collect();
        assert_eq!(bytes, b"a,b\n1,2\n");
        let request = &server.requests()[0];
        assert_eq!(request.method, "POST");
        assert_eq!(request.target, "/exports/all");
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_announced_over_the_limit_is_refused_by_the_call() {
    within(async {
        const ANNOUNCED: u64 = 64 * 1024 * 1024;
        let server = FaultServer::start([Step::Huge {
            content_length: Some(ANNOUNCED),
            bytes: ANNOUNCED,
        }])
        .await
        .unwrap();
        let client = stream_client(&server)
            .max_response_size(1024 * 1024)
            .build()
            .unwrap();
        let err = client.download_artifact(PROJECT, "a").await.unwrap_err();
        let Error::Body(body) = &err else {
            panic!("expected a body error, got {err:?}");
        };
        assert_eq!(body.kind(), BodyErrorKind::TooLarge { limit: 1024 * 1024 });
        assert_eq!(err.status(), Some(StatusCode::OK));
        assert_eq!(err.attempts(), 1, "too large is never retried");
        assert_eq!(server.request_count(), 1);
        assert!(server.wait_for_idle(Duration::from_secs(10)).await);
        assert!(server.body_bytes_written() < ANNOUNCED / 4);
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_over_the_limit_yields_too_large_and_stops() {
    within(async {
        const LIMIT: u64 = 256 * 1024;
        const SENT: u64 = 64 * 1024 * 1024;
        let server = FaultServer::start([Step::Huge {
            content_length: None,
            bytes: SENT,
        }])
        .await
        .unwrap();
        let client = stream_client(&server)
            .max_response_size(LIMIT)
            .build()
            .unwrap();
        let mut stream = client.download_artifact(PROJECT, "a").await.unwrap();
        let (chunks, error) = drain(&mut stream).await;
        let handed: usize = chunks.iter().map(Bytes::len).sum();
        assert!(handed as u64 <= LIMIT, "{handed} bytes handed over");
        assert!(
            handed as u64 > LIMIT / 2,
            "{handed} bytes handed over before the limit"
        );
        let error = error.expect("the stream ends with an error");
        let Error::Body(body) = &error else {
            panic!("expected a body error, got {error:?}");
        };
        assert_eq!(body.kind(), BodyErrorKind::TooLarge { limit: LIMIT });
        assert_eq!(body.status, StatusCode::OK);
        assert_eq!(error.endpoint(), Some("download_artifact"));
        // Nothing after the error, and the connection is let go.
        assert!(stream.chunk().await.unwrap().is_none());
        assert!(server.wait_for_idle(Duration::from_secs(10)).await);
        assert!(server.body_bytes_written() < SENT / 4);
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_past_the_timeout_yields_timed_out() {
    within(async {
        let server = FaultServer::start([Step::Trickle {
            head: head(200, &[("content-length", "50")]),
            body: vec![b'x'; 50],
            chunk: 1,
            every: Duration::from_millis(50),
        }])
        .await
        .unwrap();
        let client = stream_client(&server)
            .timeout(Duration::from_millis(400))
            .build()
            .unwrap();
        let started = std::time::Instant::now();
        let mut stream = client.download_artifact(PROJECT, "slow").await.unwrap();
        let (chunks, error) = drain(&mut stream).await;
        let took = started.elapsed();
        let error = error.expect("the stream ends with an error");
        assert!(error.is_timeout(), "{error:?}");
        let Error::Body(body) = &error else {
            panic!("expected a body error, got {error:?}");
        };
        assert_eq!(body.kind(), BodyErrorKind::TimedOut);
        assert!(!chunks.is_empty(), "some of the body came in time");
        assert!(chunks.iter().map(Bytes::len).sum::<usize>() < 50);
        assert!(took < Duration::from_secs(3), "took {took:?}");
        assert_eq!(server.request_count(), 1);
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_is_retried_on_its_head_and_never_once_handed_over() {
    within(async {
        // A 503 head: nothing was handed over yet, so it is retried.
        let server = FaultServer::start([
            Step::Reply(fault_server::response(
                503,
                &[("retry-after-ms", "1")],
                b"busy",
            )),
            Step::Reply(fault_server::response(200, &[], b"payload")),
        ])
        .await
        .unwrap();
        let client = stream_client(&server).build().unwrap();
        let stream = client.download_artifact(PROJECT, "a").await.unwrap();
        assert_eq!(stream.attempts(), 2);
        assert_eq!(&stream.into_binary().await.unwrap()[..], b"payload");
        assert_eq!(server.request_count(), 2);

        // A body cut short after the head: the stream's error, not a retry.
        let server = FaultServer::start([Step::ReplyThenClose(fault_server::raw(
            200,
            &[("content-length", "100")],
            b"only part",
        ))])
        .await
        .unwrap();
        let client = stream_client(&server).build().unwrap();
        let mut stream = client.download_artifact(PROJECT, "a").await.unwrap();
        let (chunks, error) = drain(&mut stream).await;
        assert_eq!(chunks.concat(), b"only part");
        let error = error.expect("the stream ends with an error");
        let Error::Body(body) = &error else {
            panic!("expected a body error, got {error:?}");
        };
        assert_eq!(body.kind(), BodyErrorKind::Interrupted);
        assert_eq!(server.request_count(), 1);
    })
    .await
}

#[tokio::test]
async fn a_byte_stream_with_an_error_status_is_a_status_error_with_its_body() {
    within(async {
        let error = r#"{"code":"NotFound","message":"no artifact"}"#;
        let server = FaultServer::start([Step::Reply(fault_server::json(404, error))])
            .await
            .unwrap();
        let client = stream_client(&server).build().unwrap();
        let err = client.download_artifact(PROJECT, "a").await.unwrap_err();
        assert!(matches!(err, Error::Status(_)), "{err:?}");
        assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
        assert_eq!(err.body().map(|b| b.as_ref()), Some(error.as_bytes()));
        assert_eq!(
            err.service_error().map(|e| e.code.as_str()),
            Some("NotFound")
        );
        assert_eq!(err.endpoint(), Some("download_artifact"));
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// The same forms through a test double, which implements `send` only.

/// Answers each request with the next response of its script.
struct Script(std::sync::Mutex<Vec<declarest::Response>>);

impl Script {
    fn new(mut responses: Vec<declarest::Response>) -> Self {
        responses.reverse();
        Script(std::sync::Mutex::new(responses))
    }
}

impl declarest::Api for Script {
    async fn send(&self, request: declarest::Request) -> declarest::Result<declarest::Response> {
        assert_eq!(
            request.headers().get("accept").map(|v| v.to_str().unwrap()),
            Some(ACCEPT_BINARY)
        );
        Ok(self.0.lock().unwrap().pop().expect("a scripted response"))
    }
}

impl Responses for Script {}
impl<A: declarest::Api> Responses for declarest::Retry<A> {}

fn response(status: u16, body: &'static [u8]) -> declarest::Response {
    declarest::Response::new(
        StatusCode::from_u16(status).unwrap(),
        Default::default(),
        body,
    )
}

#[tokio::test]
async fn a_test_double_streams_the_body_it_answers_and_retry_retries_it() {
    let double = Script::new(vec![response(200, b"whole body"), response(200, b"")]);
    let mut stream = double.download_artifact(PROJECT, "a").await.unwrap();
    let (chunks, error) = drain(&mut stream).await;
    assert!(error.is_none());
    assert_eq!(chunks, [Bytes::from_static(b"whole body")]);
    // An empty body is no chunk at all.
    let mut stream = double.download_artifact(PROJECT, "a").await.unwrap();
    assert_eq!(drain(&mut stream).await.0.len(), 0);

    let retried = declarest::Retry::new(
        Script::new(vec![response(503, b"busy"), response(200, b"ok")]),
        declarest::RetryPolicy::default().initial_backoff(Duration::from_millis(1)),
    );
    let stream = retried.download_artifact(PROJECT, "a").await.unwrap();
    assert_eq!(stream.attempts(), 2);
    assert_eq!(&stream.into_binary().await.unwrap()[..], b"ok");

    let double = Script::new(vec![response(404, b"gone")]);
    let err = double.download_artifact(PROJECT, "a").await.unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(err.body().map(|b| b.as_ref()), Some(&b"gone"[..]));
}
