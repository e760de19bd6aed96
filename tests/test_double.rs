//! An `Api` implemented in memory, without a socket: what a user writes to unit-test code that
//! calls an endpoint trait.

use std::sync::Mutex;

use customvision_training::{DateTime, Iteration, IterationPatch, Training};
use declarest::http::{HeaderMap, StatusCode};
use declarest::{Api, Error, ParamKind, Request, Response};
use uuid::Uuid;

/// Answers every request with a canned iteration, and remembers what it was asked.
#[derive(Default)]
struct Recorder {
    seen: Mutex<Vec<(String, String, Vec<u8>)>>,
}

impl Api for Recorder {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        let endpoint = request.endpoint();
        self.seen.lock().unwrap().push((
            endpoint.name().to_owned(),
            request.target().to_owned(),
            request.body().as_bytes().to_vec(),
        ));
        let iteration = Iteration {
            id: Uuid::from_u128(7),
            name: Some("From the double".to_owned()),
            is_default: true,
            status: None,
            created: DateTime::now(),
            last_modified: DateTime::now(),
            trained_at: None,
            project_id: Uuid::from_u128(1),
            exportable: false,
            domain_id: None,
        };
        Ok(Response::json(StatusCode::OK, &iteration).expect("an iteration serializes"))
    }
}

impl Training for Recorder {}

#[tokio::test]
async fn a_test_double_answers_in_memory_and_sees_the_endpoint() {
    let double = Recorder::default();
    let patch = IterationPatch::default().is_default(true);
    let iteration = double
        .update_iteration(Uuid::from_u128(1), Uuid::from_u128(7), &patch)
        .await
        .unwrap();
    assert_eq!(iteration.name.as_deref(), Some("From the double"));

    let seen = double.seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    let (name, target, body) = &seen[0];
    assert_eq!(name, "update_iteration");
    assert_eq!(
        target,
        "/projects/00000000-0000-0000-0000-000000000001/iterations/00000000-0000-0000-0000-000000000007"
    );
    assert_eq!(body, br#"{"isDefault":true}"#);
}

/// The endpoint's description is there for middleware and tools: method, template, and which
/// argument goes where.
struct Describe;

impl Api for Describe {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        let endpoint = request.endpoint();
        assert_eq!(endpoint.method().as_str(), "PATCH");
        assert_eq!(
            endpoint.template(),
            "/projects/<projectId>/iterations/<iterationId>"
        );
        assert_eq!(
            endpoint.path(),
            "/projects/{projectId}/iterations/{iterationId}"
        );
        let params: Vec<(&str, &str, ParamKind)> = endpoint
            .params()
            .iter()
            .map(|p| (p.wire_name(), p.argument(), p.kind()))
            .collect();
        assert_eq!(
            params,
            [
                ("projectId", "project_id", ParamKind::Path),
                ("iterationId", "iteration_id", ParamKind::Path),
                ("", "updated_iteration", ParamKind::Body),
            ]
        );
        assert_eq!(endpoint.body().as_str(), "json");
        Ok(Response::new(
            StatusCode::CONFLICT,
            HeaderMap::new(),
            "busy",
        ))
    }
}

impl Training for Describe {}

#[tokio::test]
async fn the_endpoint_description_is_available_at_run_time() {
    let error = Describe
        .update_iteration(Uuid::nil(), Uuid::nil(), &IterationPatch::default())
        .await
        .unwrap_err();
    // A non-JSON error body is kept raw, with no service error parsed out of it.
    assert!(matches!(error, Error::Status(_)));
    assert_eq!(error.status(), Some(StatusCode::CONFLICT));
    assert_eq!(error.body().map(|b| b.as_ref()), Some(&b"busy"[..]));
    assert!(error.service_error().is_none());
    assert_eq!(
        error.to_string(),
        "update_iteration: HTTP 409 Conflict: busy"
    );
}
