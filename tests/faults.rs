//! Fault tests: a real `declarest::Client` against a loopback [`FaultServer`] that misbehaves
//! on script. Each test is one scenario; it asserts the typed outcome, how many attempts the
//! client says it made, and exactly how many requests (and where it matters, connections) the
//! server saw, and it finishes under a deadline whatever the client does.

mod support;

use std::future::Future;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use declarest::{BodyErrorKind, Error, RetryPolicy};
use serde::{Deserialize, Serialize};
use support::RecordedRequest;
use support::fault_server::{FaultServer, Step, closed_port, json, raw, response};

/// The API key every test client sends.
const KEY: &str = "fault-test-training-key-0123";
/// No test takes longer than this, whatever the client does.
const DEADLINE: Duration = Duration::from_secs(30);
/// The retries a client makes by default.
const DEFAULT_RETRIES: u32 = 3;
/// The response size limit of the tests that send large bodies.
const LIMIT: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Item {
    id: u32,
    name: String,
}

const ITEM_JSON: &str = r#"{"id":7,"name":"seven"}"#;

fn item() -> Item {
    Item {
        id: 7,
        name: "seven".to_owned(),
    }
}

trait Faults: declarest::Api {
    #[declarest::endpoint(GET, "/items/<id>")]
    async fn get_item(&self, id: u32) -> declarest::Result<Item>;

    #[declarest::endpoint(POST, "/items")]
    async fn create_item(&self, #[body] item: &Item) -> declarest::Result<Item>;

    #[declarest::endpoint(DELETE, "/items/<id>")]
    async fn delete_item(&self, id: u32) -> declarest::Result<()>;

    #[declarest::endpoint(POST, "/items/<id>/reindex", idempotent)]
    async fn reindex_item(&self, id: u32) -> declarest::Result<Item>;
}

impl Faults for declarest::Client {}

/// Runs a test body under [`DEADLINE`].
async fn within<F: Future>(body: F) -> F::Output {
    tokio::time::timeout(DEADLINE, body)
        .await
        .expect("the scenario finishes before its deadline")
}

/// The usual retry policy of these tests: the default, with short backoffs.
fn retries() -> RetryPolicy {
    RetryPolicy::default().initial_backoff(Duration::from_millis(10))
}

/// A builder for `base` with the secret and the usual retry policy; a whole call may take 10 s.
fn builder(base: &str) -> declarest::ClientBuilder {
    declarest::Client::builder(base)
        .secret_header("Training-Key", KEY)
        .retry(retries())
        .timeout(Duration::from_secs(10))
}

fn client(server: &FaultServer) -> declarest::Client {
    builder(&server.base_url()).build().unwrap()
}

async fn start(script: impl IntoIterator<Item = Step>) -> FaultServer {
    FaultServer::start(script).await.unwrap()
}

/// Checks the server read exactly `count` requests, and returns them.
fn requests(server: &FaultServer, count: usize) -> Vec<RecordedRequest> {
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        count,
        "requests the server read: {:#?}",
        requests
            .iter()
            .map(|r| format!("{} {}", r.method, r.target))
            .collect::<Vec<_>>()
    );
    requests
}

fn item_reply() -> Step {
    Step::Reply(json(200, ITEM_JSON))
}

/// A response with `retry-after` (or another header) and an empty JSON body.
fn status_with(status: u16, name: &str, value: &str) -> Step {
    Step::Reply(response(
        status,
        &[("content-type", "application/json"), (name, value)],
        b"{}",
    ))
}

/// An HTTP-date (RFC 9110, IMF-fixdate) for a point in time, whole seconds.
fn http_date(at: SystemTime) -> String {
    let secs = at.duration_since(UNIX_EPOCH).unwrap().as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // 1970-01-01 was a Thursday.
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    // Days to a civil date (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(month - 1) as usize];
    format!(
        "{weekday}, {day:02} {month} {year} {:02}:{:02}:{:02} GMT",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[test]
fn http_dates_are_formatted_as_http_wants() {
    // The example of RFC 9110, section 5.6.7.
    assert_eq!(
        http_date(UNIX_EPOCH + Duration::from_secs(784_111_777)),
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );
    assert_eq!(
        http_date(UNIX_EPOCH + Duration::from_secs(951_782_400)),
        "Tue, 29 Feb 2000 00:00:00 GMT"
    );
}

// --- Retries that the server asks for -------------------------------------------------------

#[tokio::test]
async fn get_429_with_retry_after_seconds_is_retried_after_that_long() {
    within(async {
        let server = start([status_with(429, "retry-after", "1"), item_reply()]).await;
        let started = Instant::now();
        let got = client(&server).get_item(7).await.unwrap();
        let took = started.elapsed();
        assert_eq!(got, item());
        requests(&server, 2);
        assert!(took >= Duration::from_millis(950), "waited only {took:?}");
        assert!(took < Duration::from_secs(5), "waited {took:?}");
    })
    .await
}

#[tokio::test]
async fn get_429_with_an_http_date_retry_after_is_retried_at_that_time() {
    within(async {
        // Two seconds from now, in whole seconds: between one and two seconds away.
        let at = http_date(SystemTime::now() + Duration::from_secs(2));
        let server = start([status_with(429, "retry-after", &at), item_reply()]).await;
        let client = builder(&server.base_url())
            .retry(retries().max_delay(Duration::from_secs(5)))
            .build()
            .unwrap();
        let started = Instant::now();
        let got = client.get_item(7).await.unwrap();
        let took = started.elapsed();
        assert_eq!(got, item());
        requests(&server, 2);
        assert!(
            took >= Duration::from_millis(900),
            "waited only {took:?} for {at}"
        );
        assert!(took < Duration::from_secs(5), "waited {took:?} for {at}");
    })
    .await
}

#[tokio::test]
async fn retry_after_ms_headers_are_honoured() {
    within(async {
        let server = start([
            status_with(503, "retry-after-ms", "300"),
            status_with(429, "x-ms-retry-after-ms", "300"),
            item_reply(),
        ])
        .await;
        let started = Instant::now();
        let got = client(&server).get_item(7).await.unwrap();
        let took = started.elapsed();
        assert_eq!(got, item());
        requests(&server, 3);
        assert!(took >= Duration::from_millis(600), "waited only {took:?}");
    })
    .await
}

#[tokio::test]
async fn a_retry_after_longer_than_max_delay_is_not_waited_for() {
    within(async {
        let server = start([status_with(503, "retry-after", "30"), item_reply()]).await;
        let client = builder(&server.base_url())
            .retry(retries().max_delay(Duration::from_secs(1)))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        assert!(matches!(error, Error::Status(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
        assert!(started.elapsed() < Duration::from_secs(5));
    })
    .await
}

#[tokio::test]
async fn post_429_then_200_is_sent_again_exactly_once() {
    within(async {
        let server = start([status_with(429, "retry-after", "0"), item_reply()]).await;
        let got = client(&server).create_item(&item()).await.unwrap();
        assert_eq!(got, item());
        let requests = requests(&server, 2);
        for request in &requests {
            assert_eq!(request.method, "POST");
            assert_eq!(request.body, ITEM_JSON.as_bytes());
            assert_eq!(request.header("training-key"), Some(KEY));
        }
    })
    .await
}

#[tokio::test]
async fn get_503_503_200_succeeds_on_the_third_attempt() {
    within(async {
        let server = start([
            Step::Reply(json(503, "{}")),
            Step::Reply(json(503, "{}")),
            item_reply(),
        ])
        .await;
        let got = client(&server).get_item(7).await.unwrap();
        assert_eq!(got, item());
        let requests = requests(&server, 3);
        assert!(requests.iter().all(|r| r.target == "/items/7"));
    })
    .await
}

#[tokio::test]
async fn get_503_every_time_gives_up_after_the_retries() {
    within(async {
        let server = FaultServer::start_with_fallback([], Step::Reply(json(503, "{}")))
            .await
            .unwrap();
        let error = client(&server).get_item(7).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(503), "{error:?}");
        assert_eq!(error.attempts(), DEFAULT_RETRIES + 1);
        requests(&server, DEFAULT_RETRIES as usize + 1);
    })
    .await
}

#[tokio::test]
async fn post_500_is_not_retried() {
    within(async {
        let server = start([
            Step::Reply(json(500, r#"{"code":"Internal","message":"boom"}"#)),
            item_reply(),
        ])
        .await;
        let error = client(&server).create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Status(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(500));
        assert_eq!(error.attempts(), 1);
        assert_eq!(
            error.service_error().map(|s| s.code.as_str()),
            Some("Internal")
        );
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn a_post_declared_idempotent_is_retried_after_a_500_and_a_reset() {
    within(async {
        let server = start([
            Step::Reply(json(500, "{}")),
            Step::ResetBeforeResponse,
            item_reply(),
        ])
        .await;
        let got = client(&server).reindex_item(7).await.unwrap();
        assert_eq!(got, item());
        let requests = requests(&server, 3);
        assert!(
            requests
                .iter()
                .all(|r| r.method == "POST" && r.target == "/items/7/reindex")
        );
    })
    .await
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    within(async {
        let server = start([Step::Reply(json(503, "{}")), item_reply()]).await;
        let client = builder(&server.base_url())
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let error = client.get_item(7).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(503), "{error:?}");
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
    })
    .await
}

// --- Broken connections ----------------------------------------------------------------------

#[tokio::test]
async fn get_reset_before_the_response_is_retried() {
    within(async {
        let server = start([Step::ResetBeforeResponse, item_reply()]).await;
        let got = client(&server).get_item(7).await.unwrap();
        assert_eq!(got, item());
        requests(&server, 2);
        assert_eq!(server.connection_count(), 2);
    })
    .await
}

#[tokio::test]
async fn get_reset_before_reading_is_retried() {
    within(async {
        let server = start([Step::ResetImmediately, item_reply()]).await;
        let got = client(&server).get_item(7).await.unwrap();
        assert_eq!(got, item());
        requests(&server, 1);
        assert_eq!(server.connection_count(), 2);
    })
    .await
}

#[tokio::test]
async fn post_reset_before_the_response_is_not_retried() {
    within(async {
        let server = start([Step::ResetBeforeResponse, item_reply()]).await;
        let error = client(&server).create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Transport { .. }), "{error:?}");
        assert_eq!(error.attempts(), 1);
        assert_eq!(error.status(), None);
        let requests = requests(&server, 1);
        assert_eq!(requests[0].body, ITEM_JSON.as_bytes());
        assert_eq!(server.connection_count(), 1);
    })
    .await
}

#[tokio::test]
async fn post_closed_after_being_read_is_not_sent_again() {
    within(async {
        let server = start([Step::CloseAfterReading, item_reply()]).await;
        let error = client(&server).create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Transport { .. }), "{error:?}");
        assert_eq!(error.attempts(), 1);
        let requests = requests(&server, 1);
        assert_eq!(requests[0].body, ITEM_JSON.as_bytes());
        assert_eq!(server.connection_count(), 1);
    })
    .await
}

#[tokio::test]
async fn connection_refused_is_a_connect_error_retried_for_get_and_post() {
    within(async {
        let addr = closed_port().await.unwrap();
        let client = builder(&format!("http://{addr}")).build().unwrap();

        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        assert!(matches!(error, Error::Connect { .. }), "{error:?}");
        assert_eq!(error.attempts(), DEFAULT_RETRIES + 1);
        assert_eq!(error.status(), None);

        // Nothing was sent, so a POST is retried as well.
        let error = client.create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Connect { .. }), "{error:?}");
        assert_eq!(error.attempts(), DEFAULT_RETRIES + 1);
        // Bounded by the backoff: 10, 20, 40 ms and jitter, twice.
        let took = started.elapsed();
        assert!(took < Duration::from_secs(3), "took {took:?}");

        let client = builder(&format!("http://{addr}"))
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let error = client.create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Connect { .. }), "{error:?}");
        assert_eq!(error.attempts(), 1);
    })
    .await
}

// --- Bodies that go wrong --------------------------------------------------------------------

/// A 200 that announces 100 body bytes, sends 11 and closes.
fn truncated() -> Step {
    Step::ReplyThenClose(raw(
        200,
        &[
            ("content-type", "application/json"),
            ("x-marker", "kept"),
            ("content-length", "100"),
        ],
        br#"{"id":7,"na"#,
    ))
}

fn assert_body_error(error: &Error, status: u16) -> BodyErrorKind {
    let Error::Body(body) = error else {
        panic!("expected Error::Body, got {error:?}");
    };
    assert_eq!(
        error.status().map(|s| s.as_u16()),
        Some(status),
        "{error:?}"
    );
    assert!(error.headers().is_some(), "{error:?}");
    body.kind()
}

#[tokio::test]
async fn post_truncated_body_is_a_body_error_that_keeps_the_head() {
    within(async {
        let server = start([truncated(), item_reply()]).await;
        let error = client(&server).create_item(&item()).await.unwrap_err();
        let kind = assert_body_error(&error, 200);
        assert!(matches!(kind, BodyErrorKind::Interrupted), "{kind:?}");
        let headers = error.headers().unwrap();
        assert_eq!(headers.get("x-marker").unwrap(), "kept");
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn get_truncated_body_is_retried_then_a_body_error() {
    within(async {
        let server = FaultServer::start_with_fallback([], truncated())
            .await
            .unwrap();
        let error = client(&server).get_item(7).await.unwrap_err();
        let kind = assert_body_error(&error, 200);
        assert!(matches!(kind, BodyErrorKind::Interrupted), "{kind:?}");
        assert_eq!(error.attempts(), DEFAULT_RETRIES + 1);
        requests(&server, DEFAULT_RETRIES as usize + 1);
    })
    .await
}

#[tokio::test]
async fn garbage_json_with_200_is_a_decode_error() {
    within(async {
        let garbage = r#"{"id": 7, "name": tru"#;
        let server = start([Step::Reply(json(200, garbage)), item_reply()]).await;
        let error = client(&server).get_item(7).await.unwrap_err();
        assert!(matches!(error, Error::Decode(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
        assert_eq!(error.body().map(|b| b.as_ref()), Some(garbage.as_bytes()));
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn an_html_502_page_on_post_is_a_status_error_with_the_page() {
    within(async {
        let page = "<html><head><title>502 Bad Gateway</title></head>\
                    <body><h1>502 Bad Gateway</h1></body></html>";
        let server = start([
            Step::Reply(response(
                502,
                &[("content-type", "text/html")],
                page.as_bytes(),
            )),
            item_reply(),
        ])
        .await;
        let error = client(&server).create_item(&item()).await.unwrap_err();
        assert!(matches!(error, Error::Status(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
        assert_eq!(error.body().map(|b| b.as_ref()), Some(page.as_bytes()));
        assert!(error.service_error().is_none());
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn a_400_with_code_and_message_is_a_service_error() {
    within(async {
        let server = start([
            Step::Reply(json(
                400,
                r#"{"code":"BadRequestInvalidIds","message":"No valid ids"}"#,
            )),
            item_reply(),
        ])
        .await;
        let error = client(&server).get_item(7).await.unwrap_err();
        assert!(matches!(error, Error::Status(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
        let service = error.service_error().expect("a {code, message} body");
        assert_eq!(service.code, "BadRequestInvalidIds");
        assert_eq!(service.message, "No valid ids");
        assert_eq!(error.attempts(), 1);
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn json_sent_as_text_plain_is_decoded_all_the_same() {
    within(async {
        let server = start([Step::Reply(response(
            200,
            &[("content-type", "text/plain; charset=utf-8")],
            ITEM_JSON.as_bytes(),
        ))])
        .await;
        let got = client(&server).get_item(7).await.unwrap();
        assert_eq!(got, item());
        requests(&server, 1);
    })
    .await
}

#[tokio::test]
async fn a_204_with_a_body_neither_hangs_nor_breaks_the_next_request() {
    within(async {
        let server = start([
            Step::Reply(raw(204, &[("content-length", "5")], b"hello")),
            item_reply(),
        ])
        .await;
        let client = client(&server);
        client.delete_item(7).await.unwrap();
        let got = client.get_item(7).await.unwrap();
        assert_eq!(got, item());
        let requests = requests(&server, 2);
        assert_eq!(requests[0].method, "DELETE");
        assert_eq!(requests[1].method, "GET");
        // The connection with stray bytes after the 204 went back to no pool: the GET came on
        // a new one.
        assert_eq!(server.request_connections(), [0, 1]);
    })
    .await
}

// --- Slow servers ----------------------------------------------------------------------------

#[tokio::test]
async fn slow_headers_past_the_attempt_timeout_time_out_on_every_attempt() {
    within(async {
        let slow = Step::delay(Duration::from_secs(5), item_reply());
        let server = FaultServer::start_with_fallback([], slow).await.unwrap();
        let client = builder(&server.base_url())
            .attempt_timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        let took = started.elapsed();
        assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
        assert!(error.is_timeout());
        assert_eq!(error.attempts(), DEFAULT_RETRIES + 1);
        assert!(took >= Duration::from_millis(800), "took {took:?}");
        assert!(took < Duration::from_secs(4), "took {took:?}");
        requests(&server, DEFAULT_RETRIES as usize + 1);
    })
    .await
}

#[tokio::test]
async fn the_whole_call_timeout_bounds_the_retries() {
    within(async {
        let slow = Step::delay(Duration::from_secs(5), item_reply());
        let server = FaultServer::start_with_fallback([], slow).await.unwrap();
        let client = builder(&server.base_url())
            .timeout(Duration::from_millis(500))
            .attempt_timeout(Duration::from_millis(200))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        let took = started.elapsed();
        assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
        assert!(took < Duration::from_millis(1_500), "took {took:?}");
        // 200 ms attempts, short backoffs: two or three fit in 500 ms, never all four.
        let attempts = error.attempts();
        assert!((2..=3).contains(&attempts), "{attempts} attempts");
        requests(&server, attempts as usize);
    })
    .await
}

#[tokio::test]
async fn a_trickled_body_past_the_timeout_is_a_body_error_that_keeps_the_status() {
    within(async {
        let body = ITEM_JSON.as_bytes().to_vec();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let server = start([Step::Trickle {
            head: head.into_bytes(),
            body,
            chunk: 1,
            every: Duration::from_millis(200),
        }])
        .await;
        let client = builder(&server.base_url())
            .attempt_timeout(Duration::from_millis(500))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.create_item(&item()).await.unwrap_err();
        let took = started.elapsed();
        let kind = assert_body_error(&error, 200);
        assert!(matches!(kind, BodyErrorKind::TimedOut), "{kind:?}");
        assert_eq!(error.attempts(), 1);
        assert!(took < Duration::from_secs(3), "took {took:?}");
        requests(&server, 1);
    })
    .await
}

// --- Bodies too large ------------------------------------------------------------------------

/// Checks a [`BodyErrorKind::TooLarge`] error and that the server was not made to send it all.
async fn assert_too_large(server: &FaultServer, error: &Error, announced: u64) {
    let kind = assert_body_error(error, 200);
    assert!(
        matches!(kind, BodyErrorKind::TooLarge { limit } if limit == LIMIT),
        "{kind:?}"
    );
    assert_eq!(error.attempts(), 1);
    requests(server, 1);
    // The client hangs up rather than read on: the server's writes fail and it stops.
    assert!(
        server.wait_for_idle(Duration::from_secs(10)).await,
        "the client still holds the connection"
    );
    let written = server.body_bytes_written();
    assert!(
        written < announced / 4,
        "the server wrote {written} of {announced} bytes"
    );
}

#[tokio::test]
async fn a_huge_content_length_is_too_large_without_reading_it() {
    within(async {
        const ANNOUNCED: u64 = 200 * 1024 * 1024;
        let server = start([Step::Huge {
            content_length: Some(ANNOUNCED),
            bytes: ANNOUNCED,
        }])
        .await;
        let client = builder(&server.base_url())
            .max_response_size(LIMIT)
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_too_large(&server, &error, ANNOUNCED).await;
    })
    .await
}

#[tokio::test]
async fn a_huge_chunked_body_is_too_large_after_about_the_limit() {
    within(async {
        const SENT: u64 = 200 * 1024 * 1024;
        let server = start([Step::Huge {
            content_length: None,
            bytes: SENT,
        }])
        .await;
        let client = builder(&server.base_url())
            .max_response_size(LIMIT)
            .build()
            .unwrap();
        let started = Instant::now();
        let error = client.get_item(7).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_too_large(&server, &error, SENT).await;
        // At least the limit went out before the client stopped.
        assert!(server.body_bytes_written() >= LIMIT);
    })
    .await
}

// --- Redirects -------------------------------------------------------------------------------

#[tokio::test]
async fn a_same_origin_redirect_is_followed_with_the_secret() {
    within(async {
        let server = start([
            Step::redirect("/moved/items/7"),
            Step::Reply(json(200, ITEM_JSON)),
        ])
        .await;
        let got = client(&server).get_item(7).await.unwrap();
        assert_eq!(got, item());
        let requests = requests(&server, 2);
        assert_eq!(requests[0].target, "/items/7");
        assert_eq!(requests[1].target, "/moved/items/7");
        for request in &requests {
            assert_eq!(request.header("training-key"), Some(KEY), "{request:#?}");
        }
    })
    .await
}

#[tokio::test]
async fn a_same_origin_redirect_loop_ends_as_a_status_error() {
    within(async {
        let server = FaultServer::start_with_fallback([], Step::redirect("/items/7"))
            .await
            .unwrap();
        let error = client(&server).get_item(7).await.unwrap_err();
        assert!(matches!(error, Error::Status(_)), "{error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(302));
        let location = error.headers().and_then(|h| h.get("location"));
        assert_eq!(location.unwrap(), "/items/7");
        assert_eq!(error.attempts(), 1);
        // The first request and ten hops.
        requests(&server, 11);
    })
    .await
}

/// A redirect with `status` from server A to server B: not followed, B sees nothing.
async fn cross_origin_redirect_is_refused(status: u16, post: bool) {
    let b = start([item_reply()]).await;
    let location = b.url("/items/7");
    let a = start([
        Step::Redirect {
            status,
            location: location.clone(),
        },
        item_reply(),
    ])
    .await;
    let client = client(&a);
    let error = if post {
        client.create_item(&item()).await.unwrap_err()
    } else {
        client.get_item(7).await.unwrap_err()
    };
    assert!(matches!(error, Error::Status(_)), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
    let kept = error.headers().and_then(|h| h.get("location"));
    assert_eq!(kept.unwrap(), location.as_str());
    assert_eq!(error.attempts(), 1);
    requests(&a, 1);
    assert_eq!(
        b.request_count(),
        0,
        "the other origin got {:#?}",
        b.requests()
    );
    assert_eq!(b.connection_count(), 0);
}

#[tokio::test]
async fn a_cross_origin_302_is_not_followed_and_the_secret_stays_home() {
    within(cross_origin_redirect_is_refused(302, false)).await
}

#[tokio::test]
async fn a_cross_origin_307_on_post_is_not_followed_and_the_secret_stays_home() {
    within(cross_origin_redirect_is_refused(307, true)).await
}
