//! The helpers around the operations: waiting for training (backoff, deadline, failure) and lazy
//! paging across page boundaries. Against an in-memory test double that counts requests.

use std::sync::Mutex;
use std::time::Duration;

use customvision_training::{ImageQuery, Training, TrainingExt, TrainingWait, WaitError};
use declarest::http::{HeaderMap, StatusCode};
use declarest::{Api, Request, Response};
use futures_util::StreamExt;
use serde_json::json;
use uuid::Uuid;

/// Answers GetIteration with the next status of a script, and image listings from a fixed
/// set of `images` images, failing the page that starts at `fail_at_skip`.
struct Script {
    statuses: Mutex<Vec<&'static str>>,
    images: usize,
    fail_at_skip: Option<usize>,
    requests: Mutex<Vec<String>>,
}

impl Script {
    fn new(statuses: &[&'static str], images: usize) -> Self {
        Script {
            statuses: Mutex::new(statuses.iter().rev().copied().collect()),
            images,
            fail_at_skip: None,
            requests: Mutex::new(Vec::new()),
        }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn iteration(status: &str) -> serde_json::Value {
    json!({"id": Uuid::from_u128(2), "name": "Iteration 1", "isDefault": false, "status": status,
           "created": "2018-04-25T20:54:49.53", "lastModified": "2018-04-25T20:54:57",
           "projectId": Uuid::from_u128(1), "exportable": false})
}

fn image(n: usize) -> serde_json::Value {
    json!({"id": Uuid::from_u128(n as u128), "created": "2018-04-25T20:54:49", "width": n, "height": 1})
}

impl Api for Script {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        self.requests
            .lock()
            .unwrap()
            .push(request.target().to_owned());
        let body = match request.endpoint().name() {
            "get_iteration" => {
                let mut statuses = self.statuses.lock().unwrap();
                let status = if statuses.len() > 1 {
                    statuses.pop().unwrap()
                } else {
                    statuses[0]
                };
                iteration(status)
            }
            "get_tagged_images" | "get_untagged_images" => {
                let take: usize = request.query_param("take").unwrap().parse().unwrap();
                let skip: usize = request.query_param("skip").unwrap().parse().unwrap();
                if Some(skip) == self.fail_at_skip {
                    return Ok(Response::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        HeaderMap::new(),
                        "busy",
                    ));
                }
                json!(
                    (skip..(skip + take).min(self.images))
                        .map(image)
                        .collect::<Vec<_>>()
                )
            }
            other => panic!("unexpected call {other}"),
        };
        Ok(Response::json(StatusCode::OK, &body).unwrap())
    }
}

impl Training for Script {}

fn quick(deadline_ms: u64) -> TrainingWait {
    TrainingWait {
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(4),
        backoff: 2.0,
        deadline: Duration::from_millis(deadline_ms),
    }
}

#[tokio::test]
async fn waiting_returns_the_completed_iteration() {
    let api = Script::new(&["Staging", "Training", "Training", "Completed"], 0);
    let done = api
        .wait_for_training(Uuid::from_u128(1), Uuid::from_u128(2), quick(5_000))
        .await
        .unwrap();
    assert_eq!(done.status.as_deref(), Some("Completed"));
    assert_eq!(api.requests().len(), 4, "one poll per status");
}

#[tokio::test]
async fn a_huge_or_infinite_backoff_waits_at_most_the_cap_and_never_panics() {
    // The fields are public: any values must work. An infinite backoff jumps to the cap, which
    // the deadline then bounds.
    let api = Script::new(&["Training", "Training", "Completed"], 0);
    let wait = TrainingWait {
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::MAX,
        backoff: f64::INFINITY,
        deadline: Duration::from_millis(100),
    };
    let done = tokio::time::timeout(
        Duration::from_secs(10),
        api.wait_for_training(Uuid::from_u128(1), Uuid::from_u128(2), wait),
    )
    .await
    .expect("bounded by the deadline")
    .unwrap();
    assert_eq!(done.status.as_deref(), Some("Completed"));
    assert_eq!(api.requests().len(), 3);
}

#[tokio::test]
async fn a_failed_training_is_an_error_with_the_iteration() {
    let api = Script::new(&["Training", "Failed"], 0);
    match api
        .wait_for_training(Uuid::from_u128(1), Uuid::from_u128(2), quick(5_000))
        .await
    {
        Err(WaitError::Failed(iteration)) => {
            assert_eq!(iteration.status.as_deref(), Some("Failed"))
        }
        other => panic!("expected Failed, got {other:?}"),
    }
}

#[tokio::test]
async fn the_deadline_ends_the_wait_with_the_last_state() {
    let api = Script::new(&["Training"], 0);
    let started = std::time::Instant::now();
    let error = api
        .wait_for_training(Uuid::from_u128(1), Uuid::from_u128(2), quick(40))
        .await
        .unwrap_err();
    match &error {
        WaitError::TimedOut { last, waited } => {
            assert_eq!(last.status.as_deref(), Some("Training"));
            assert!(*waited >= Duration::from_millis(40), "{waited:?}");
        }
        other => panic!("expected TimedOut, got {other:?}"),
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "the deadline bounds the wait"
    );
    assert!(error.to_string().contains("still \"Training\""), "{error}");
    // Backoff: 1, 2, 4, 4, ... ms between polls, so far fewer polls than milliseconds.
    let polls = api.requests().len();
    assert!((3..=30).contains(&polls), "{polls} polls");
}

#[tokio::test]
async fn pages_are_fetched_lazily_across_page_boundaries() {
    let api = Script::new(&["Completed"], 7);
    let query = ImageQuery {
        page_size: 3,
        ..ImageQuery::default()
    };
    let project = Uuid::from_u128(1);

    let first_two: Vec<_> = api
        .tagged_images(project, query.clone())
        .take(2)
        .collect()
        .await;
    assert_eq!(first_two.len(), 2);
    assert_eq!(api.requests().len(), 1, "two items need one page");

    let all: Vec<_> = api.tagged_images(project, query).collect().await;
    let widths: Vec<i32> = all.into_iter().map(|image| image.unwrap().width).collect();
    assert_eq!(widths, [0, 1, 2, 3, 4, 5, 6], "every image once, in order");
    let requests = api.requests();
    assert_eq!(
        requests[1..],
        [
            format!("/projects/{project}/images/tagged?take=3&skip=0"),
            format!("/projects/{project}/images/tagged?take=3&skip=3"),
            format!("/projects/{project}/images/tagged?take=3&skip=6"),
        ],
        "a short page is the last: no request for an empty page"
    );
}

#[tokio::test]
async fn an_exact_multiple_ends_with_one_empty_page() {
    let api = Script::new(&["Completed"], 6);
    let query = ImageQuery {
        page_size: 3,
        ..ImageQuery::default()
    };
    let count = api.untagged_images(Uuid::from_u128(1), query).count().await;
    assert_eq!(count, 6);
    assert_eq!(api.requests().len(), 3, "pages of 3, 3, then an empty one");
}

#[tokio::test]
async fn an_error_is_yielded_and_ends_the_stream() {
    let mut api = Script::new(&["Completed"], 10);
    api.fail_at_skip = Some(4);
    let query = ImageQuery {
        page_size: 4,
        ..ImageQuery::default()
    };
    let items: Vec<_> = api.tagged_images(Uuid::from_u128(1), query).collect().await;
    assert_eq!(items.len(), 5, "4 images, then the error");
    assert!(items[..4].iter().all(Result::is_ok));
    assert_eq!(
        items[4].as_ref().unwrap_err().status(),
        Some(StatusCode::SERVICE_UNAVAILABLE)
    );
}

#[tokio::test]
async fn a_page_size_over_the_limit_is_clamped_to_256() {
    let api = Script::new(&["Completed"], 1);
    let query = ImageQuery {
        page_size: 1000,
        ..ImageQuery::default()
    };
    let _ = api.tagged_images(Uuid::from_u128(1), query).count().await;
    assert!(
        api.requests()[0].contains("take=256"),
        "{:?}",
        api.requests()
    );
}

/// The spec's documented limits, declared on the operations and the batch models, stop a
/// request before it reaches the transport.
#[tokio::test]
async fn the_documented_limits_are_checked_before_sending() {
    use customvision_training::{
        ImageUrlCreateBatch, ImageUrlCreateEntry, PredictionQueryTag, PredictionQueryToken,
    };

    let api = Script::new(&["Completed"], 0);
    let project = Uuid::from_u128(1);
    let ids = vec![Uuid::nil(); 257];
    let reason = |error: declarest::Error| match error {
        declarest::Error::InvalidRequest { reason, .. } => reason,
        other => panic!("expected InvalidRequest, got {other:?}"),
    };

    assert_eq!(
        reason(api.delete_images(project, &ids).await.unwrap_err()),
        "`imageIds` has 257 items, over its limit of 256 by 1"
    );
    assert_eq!(
        reason(
            api.delete_image_tags(project, &ids[..65], &ids[..1])
                .await
                .unwrap_err()
        ),
        "`imageIds` has 65 items, over its limit of 64 by 1"
    );
    assert_eq!(
        reason(
            api.get_tagged_images(project, None, None, None, Some(257), None)
                .await
                .unwrap_err()
        ),
        "`take` is 257, over its limit of 256 by 1"
    );
    let files: Vec<declarest::File> = (0..65).map(|i| declarest::File::new(vec![i])).collect();
    assert_eq!(
        reason(
            api.create_images_from_data(project, None, &files)
                .await
                .unwrap_err()
        ),
        "`imageData` has 65 items, over its limit of 64 by 1"
    );

    let entry = ImageUrlCreateEntry {
        url: Some("https://example.com/a.png".to_owned()),
        tag_ids: Vec::new(),
        regions: Vec::new(),
    };
    let batch = ImageUrlCreateBatch {
        images: vec![entry; 65],
        tag_ids: Vec::new(),
    };
    assert_eq!(
        reason(
            api.create_images_from_urls(project, &batch)
                .await
                .unwrap_err()
        ),
        "the body's `images` has 65 items, over its limit of 64 by 1"
    );

    let tag = PredictionQueryTag {
        id: Uuid::nil(),
        min_threshold: 0.0,
        max_threshold: 1.0,
    };
    let query: PredictionQueryToken = serde_json::from_value(json!({"orderBy": "Newest"})).unwrap();
    let query = PredictionQueryToken {
        tags: vec![tag; 3],
        ..query
    };
    assert_eq!(
        reason(api.query_predictions(project, &query).await.unwrap_err()),
        "the body's `tags` has 3 items, over its limit of 2 by 1"
    );

    assert!(
        api.requests().is_empty(),
        "nothing reached the transport: {:?}",
        api.requests()
    );
}
