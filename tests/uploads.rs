//! Uploads and limits on the wire: multipart parts (boundary and part headers included), raw
//! octet-stream bodies, and documented limits that stop a request before it is sent.

mod support;

use declarest::{Error, File, Model, endpoint};
use serde::Serialize;
use support::{CannedResponse, RecordedRequest, RecordingServer};
use uuid::Uuid;

#[derive(Serialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    #[max_items(3)]
    pub images: Vec<String>,
    #[max_items(2)]
    pub tag_ids: Option<Vec<Uuid>>,
    #[max(1.0)]
    pub threshold: f64,
}

pub trait Uploads: declarest::Api {
    #[endpoint(POST, "/projects/<projectId>/images?<tagIds>")]
    async fn create_images_from_data(
        &self,
        project_id: Uuid,
        #[multipart("imageData")]
        #[max_items(3)]
        image_data: &[File],
        #[max_items(2)] tag_ids: Option<&[Uuid]>,
    ) -> declarest::Result<serde_json::Value>;

    #[endpoint(POST, "/projects/<projectId>/quicktest/image")]
    async fn quick_test_image(
        &self,
        project_id: Uuid,
        #[multipart("imageData")] image_data: File,
    ) -> declarest::Result<serde_json::Value>;

    #[endpoint(POST, "/projects/<projectId>/images/raw")]
    async fn create_image_from_bytes(
        &self,
        project_id: Uuid,
        #[body(bytes)] image: &[u8],
    ) -> declarest::Result<()>;

    #[endpoint(POST, "/projects/<projectId>/images/files")]
    async fn create_images_from_files(
        &self,
        project_id: Uuid,
        #[body] batch: &Batch,
    ) -> declarest::Result<()>;

    #[endpoint(GET, "/projects/<projectId>/images/tagged?<take>&<skip>")]
    async fn get_tagged_images(
        &self,
        project_id: Uuid,
        #[max(256)] take: Option<u32>,
        skip: Option<u32>,
    ) -> declarest::Result<Vec<String>>;
}

impl Uploads for declarest::Client {}

const PROJECT: Uuid = Uuid::from_u128(0x64b822c5_8082_4b36_a426_27225f4aa18c);

async fn setup(response: CannedResponse) -> (RecordingServer, declarest::Client) {
    let server = RecordingServer::start(response).await.unwrap();
    let client = declarest::Client::new(server.base_url()).unwrap();
    (server, client)
}

/// The boundary from `content-type: multipart/form-data; boundary=...`.
fn boundary(request: &RecordedRequest) -> String {
    let content_type = request.header("content-type").expect("a content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart/form-data");
    assert!(
        !boundary.is_empty() && boundary.len() <= 70,
        "RFC 2046 boundary length: {boundary}"
    );
    boundary.to_owned()
}

fn part(boundary: &str, name: &str, file_name: &str, content_type: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\r\n");
    out
}

#[tokio::test]
async fn several_files_go_as_parts_of_one_field() {
    let (server, client) = setup(CannedResponse::json(200, r#"{"isBatchSuccessful":true}"#)).await;
    let files = [
        File::new(vec![0xFF, 0xD8, 0xFF, 0x00])
            .with_file_name("bird.jpg")
            .with_content_type("image/jpeg"),
        File::new(&b"\x89PNG\r\n--not-a-boundary"[..]),
    ];
    let tag = Uuid::from_u128(1);
    client
        .create_images_from_data(PROJECT, &files, Some(&[tag]))
        .await
        .unwrap();

    let request = &server.take_requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.target,
        format!("/projects/{PROJECT}/images?tagIds={tag}")
    );
    let boundary = boundary(request);
    let mut expected = part(
        &boundary,
        "imageData",
        "bird.jpg",
        "image/jpeg",
        &[0xFF, 0xD8, 0xFF, 0x00],
    );
    expected.extend(part(
        &boundary,
        "imageData",
        "imageData",
        "application/octet-stream",
        b"\x89PNG\r\n--not-a-boundary",
    ));
    expected.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    assert_eq!(request.body, expected, "exact multipart bytes");
    assert_eq!(
        request.header("content-length"),
        Some(expected.len().to_string().as_str())
    );
    assert_eq!(request.header("accept"), Some("application/json"));
}

#[tokio::test]
async fn each_request_gets_its_own_boundary() {
    let (server, client) = setup(CannedResponse::json(200, "{}")).await;
    for _ in 0..2 {
        client
            .quick_test_image(PROJECT, File::new(vec![1, 2, 3]))
            .await
            .unwrap();
    }
    let requests = server.take_requests();
    assert_ne!(boundary(&requests[0]), boundary(&requests[1]));
    let b = boundary(&requests[0]);
    let mut expected = part(
        &b,
        "imageData",
        "imageData",
        "application/octet-stream",
        &[1, 2, 3],
    );
    expected.extend_from_slice(format!("--{b}--\r\n").as_bytes());
    assert_eq!(requests[0].body, expected);
}

#[tokio::test]
async fn a_raw_body_is_sent_as_octet_stream() {
    let (server, client) = setup(CannedResponse::no_content()).await;
    let bytes: Vec<u8> = (0..=255).collect();
    client
        .create_image_from_bytes(PROJECT, &bytes)
        .await
        .unwrap();
    let request = &server.take_requests()[0];
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(request.body, bytes);
}

#[tokio::test]
async fn limits_stop_the_request_and_say_by_how_much() {
    let (server, client) = setup(CannedResponse::json(200, "{}")).await;
    let four: Vec<File> = (0..4).map(|i| File::new(vec![i])).collect();
    let tags = [Uuid::nil(); 5];

    let cases: Vec<(Error, &str)> = vec![
        (
            client
                .create_images_from_data(PROJECT, &four, None)
                .await
                .unwrap_err(),
            "`imageData` has 4 items, over its limit of 3 by 1",
        ),
        (
            client
                .create_images_from_data(PROJECT, &four[..1], Some(&tags))
                .await
                .unwrap_err(),
            "`tagIds` has 5 items, over its limit of 2 by 3",
        ),
        (
            client
                .get_tagged_images(PROJECT, Some(300), None)
                .await
                .unwrap_err(),
            "`take` is 300, over its limit of 256 by 44",
        ),
        (
            client
                .create_images_from_files(
                    PROJECT,
                    &Batch {
                        images: vec!["a".into(); 4],
                        tag_ids: None,
                        threshold: 0.5,
                    },
                )
                .await
                .unwrap_err(),
            "the body's `images` has 4 items, over its limit of 3 by 1",
        ),
        (
            client
                .create_images_from_files(
                    PROJECT,
                    &Batch {
                        images: vec![],
                        tag_ids: Some(vec![Uuid::nil(); 3]),
                        threshold: 0.5,
                    },
                )
                .await
                .unwrap_err(),
            "the body's `tag_ids` has 3 items, over its limit of 2 by 1",
        ),
        (
            client
                .create_images_from_files(
                    PROJECT,
                    &Batch {
                        images: vec![],
                        tag_ids: None,
                        threshold: 1.5,
                    },
                )
                .await
                .unwrap_err(),
            "the body's `threshold` is 1.5, over its limit of 1 by 0.5",
        ),
    ];
    for (error, reason) in cases {
        match &error {
            Error::InvalidRequest { reason: actual, .. } => assert_eq!(actual, reason),
            other => panic!("expected InvalidRequest, got {other:?}"),
        }
    }
    assert_eq!(server.request_count(), 0, "nothing was sent");
    assert_eq!(server.connection_count(), 0, "not even a connection");

    // At the limit is fine.
    client
        .create_images_from_data(PROJECT, &four[..3], Some(&tags[..2]))
        .await
        .unwrap();
    server.set_response(CannedResponse::json(200, "[]"));
    assert_eq!(
        client
            .get_tagged_images(PROJECT, Some(256), Some(0))
            .await
            .unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(server.request_count(), 2);
}

#[tokio::test]
async fn a_multipart_argument_without_a_file_is_not_sent() {
    // RFC 2046 requires at least one body part: an empty list is refused before sending.
    let (server, client) = setup(CannedResponse::json(200, "{}")).await;
    let error = client
        .create_images_from_data(PROJECT, &[], None)
        .await
        .unwrap_err();
    match &error {
        Error::InvalidRequest { reason, .. } => assert_eq!(
            reason,
            "`imageData` has no file: a multipart/form-data body needs at least one part; pass a file"
        ),
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert_eq!(server.connection_count(), 0, "nothing was sent");
}
