//! The retry rules, through `declarest::Retry` around an in-memory double (no socket): what is
//! retried, what never is, how long it waits, and what the final answer says. The same rules
//! run inside `Client`; `tests/faults.rs` proves them against a misbehaving server.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use declarest::http::{HeaderMap, HeaderValue, StatusCode};
use declarest::{Api, Error, Request, Response, Retry, RetryPolicy, endpoint};
use serde_json::Value;

pub trait Things: declarest::Api {
    #[endpoint(GET, "/things/<id>")]
    async fn get_thing(&self, id: u32) -> declarest::Result<Value>;

    #[endpoint(PUT, "/things/<id>")]
    async fn put_thing(&self, id: u32, #[body] thing: &Value) -> declarest::Result<Value>;

    #[endpoint(POST, "/things")]
    async fn create_thing(&self, #[body] thing: &Value) -> declarest::Result<Value>;

    #[endpoint(PATCH, "/things/<id>")]
    async fn update_thing(&self, id: u32, #[body] thing: &Value) -> declarest::Result<Value>;

    #[endpoint(POST, "/things/<id>/rebuild", idempotent)]
    async fn rebuild_thing(&self, id: u32) -> declarest::Result<Value>;
}

/// One scripted answer.
enum Step {
    Status(u16, &'static [(&'static str, &'static str)]),
    Connect,
    Transport,
    Timeout,
}

/// Answers from a script, in order, and counts what it was sent.
#[derive(Clone)]
struct Script {
    steps: Arc<Mutex<VecDeque<Step>>>,
    sent: Arc<Mutex<Vec<(String, Instant)>>>,
}

impl Script {
    fn new(steps: Vec<Step>) -> Self {
        Script {
            steps: Arc::new(Mutex::new(steps.into())),
            sent: Arc::default(),
        }
    }

    fn sent(&self) -> usize {
        self.sent.lock().unwrap().len()
    }

    fn gaps(&self) -> Vec<Duration> {
        let sent = self.sent.lock().unwrap();
        sent.windows(2).map(|w| w[1].1 - w[0].1).collect()
    }
}

impl Api for Script {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        let name = request.endpoint().name();
        self.sent
            .lock()
            .unwrap()
            .push((name.to_owned(), Instant::now()));
        let step = self
            .steps
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(Step::Status(200, &[]));
        match step {
            Step::Status(status, headers) => {
                let mut map = HeaderMap::new();
                for (name, value) in headers {
                    map.insert(*name, HeaderValue::from_static(value));
                }
                let status = StatusCode::from_u16(status).unwrap();
                Ok(Response::new(status, map, &br#"{"ok":true}"#[..]))
            }
            Step::Connect => Err(Error::connect(name, "connection refused")),
            Step::Transport => Err(Error::transport(name, "connection reset")),
            Step::Timeout => Err(Error::timeout(name, "no answer in time")),
        }
    }
}

impl Things for Retry<Script> {}

fn quick() -> RetryPolicy {
    RetryPolicy::default().initial_backoff(Duration::from_millis(1))
}

fn retrying(steps: Vec<Step>) -> (Retry<Script>, Script) {
    let script = Script::new(steps);
    (Retry::new(script.clone(), quick()), script)
}

fn thing() -> Value {
    serde_json::json!({"name": "a"})
}

#[tokio::test]
async fn idempotent_calls_are_retried_on_transient_statuses_until_success() {
    for status in [408, 429, 500, 502, 503, 504] {
        let (api, script) = retrying(vec![Step::Status(status, &[]), Step::Status(status, &[])]);
        let value = api.get_thing(1).await.unwrap();
        assert_eq!(value["ok"], true);
        assert_eq!(script.sent(), 3, "status {status}");
    }
    let (api, script) = retrying(vec![Step::Transport, Step::Timeout]);
    api.put_thing(1, &thing()).await.unwrap();
    assert_eq!(script.sent(), 3, "reset and timeout are retried for PUT");
}

#[tokio::test]
async fn other_statuses_are_never_retried() {
    for status in [400, 401, 403, 404, 409, 501, 505] {
        let (api, script) = retrying(vec![Step::Status(status, &[])]);
        let error = api.get_thing(1).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert_eq!((script.sent(), error.attempts()), (1, 1), "status {status}");
    }
}

#[tokio::test]
async fn a_post_or_patch_that_may_have_been_processed_is_never_resent() {
    for step in [
        Step::Status(500, &[]),
        Step::Status(502, &[]),
        Step::Status(503, &[]),
        Step::Status(504, &[]),
        Step::Status(408, &[]),
        Step::Transport,
        Step::Timeout,
    ] {
        let (api, script) = retrying(vec![step]);
        let error = api.create_thing(&thing()).await.unwrap_err();
        assert_eq!((script.sent(), error.attempts()), (1, 1), "{error}");
    }
    let (api, script) = retrying(vec![Step::Transport]);
    api.update_thing(1, &thing()).await.unwrap_err();
    assert_eq!(script.sent(), 1, "PATCH is not resent either");
}

#[tokio::test]
async fn a_post_is_retried_when_it_provably_was_not_processed() {
    let (api, script) = retrying(vec![Step::Connect, Step::Status(429, &[])]);
    let value = api.create_thing(&thing()).await.unwrap();
    assert_eq!(value["ok"], true);
    assert_eq!(script.sent(), 3, "refused, throttled, then sent");
}

#[tokio::test]
async fn a_post_declared_idempotent_is_retried_like_a_get() {
    let (api, script) = retrying(vec![Step::Status(503, &[]), Step::Transport, Step::Timeout]);
    api.rebuild_thing(1).await.unwrap();
    assert_eq!(script.sent(), 4);
}

#[tokio::test]
async fn the_final_answer_says_how_many_attempts_were_made() {
    let (api, script) = retrying(vec![
        Step::Status(503, &[]),
        Step::Status(503, &[]),
        Step::Status(503, &[]),
        Step::Status(503, &[]),
        Step::Status(503, &[]),
    ]);
    let error = api.get_thing(1).await.unwrap_err();
    assert_eq!(script.sent(), 4, "the first attempt and 3 retries");
    assert_eq!(error.attempts(), 4);
    assert_eq!(error.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    assert!(error.to_string().ends_with("(after 4 attempts)"), "{error}");

    let (api, _) = retrying(vec![
        Step::Connect,
        Step::Connect,
        Step::Connect,
        Step::Connect,
    ]);
    let error = api.create_thing(&thing()).await.unwrap_err();
    assert!(
        matches!(error, Error::Connect { attempts: 4, .. }),
        "{error:?}"
    );

    let (api, _) = retrying(vec![Step::Status(503, &[])]);
    let response = api.send(captured_get_thing().await).await.unwrap();
    assert_eq!(
        response.attempts(),
        2,
        "a success after a retry says so too"
    );
}

/// A request as the generated code builds it, captured from a call.
async fn captured_get_thing() -> Request {
    struct Capture(Mutex<Option<Request>>);
    impl Api for Capture {
        async fn send(&self, request: Request) -> declarest::Result<Response> {
            *self.0.lock().unwrap() = Some(request);
            Ok(Response::new(StatusCode::OK, HeaderMap::new(), &b"{}"[..]))
        }
    }
    impl Things for Capture {}
    let capture = Capture(Mutex::new(None));
    capture.get_thing(1).await.unwrap();
    capture.0.into_inner().unwrap().unwrap()
}

#[tokio::test]
async fn the_server_delay_is_honoured_and_a_longer_one_than_the_cap_is_not_waited() {
    let (api, script) = retrying(vec![Step::Status(429, &[("retry-after-ms", "120")])]);
    api.get_thing(1).await.unwrap();
    assert!(
        script.gaps()[0] >= Duration::from_millis(120),
        "{:?}",
        script.gaps()
    );

    let script = Script::new(vec![Step::Status(503, &[("retry-after", "3600")])]);
    let api = Retry::new(script.clone(), quick().max_delay(Duration::from_secs(5)));
    let started = Instant::now();
    let error = api.get_thing(1).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "did not wait an hour"
    );
    assert_eq!((script.sent(), error.attempts()), (1, 1));
    assert_eq!(
        error.headers().and_then(|h| h.get("retry-after")).unwrap(),
        "3600",
        "the answer is kept as it came"
    );
}

#[tokio::test]
async fn backoff_grows_between_attempts() {
    let script = Script::new(vec![
        Step::Status(503, &[]),
        Step::Status(503, &[]),
        Step::Status(503, &[]),
    ]);
    let policy = RetryPolicy::default().initial_backoff(Duration::from_millis(20));
    let api = Retry::new(script.clone(), policy);
    api.get_thing(1).await.unwrap();
    let gaps = script.gaps();
    // Each wait is drawn from half to all of 20, 40, 80 ms.
    assert!(gaps[0] >= Duration::from_millis(10), "{gaps:?}");
    assert!(gaps[1] >= Duration::from_millis(20), "{gaps:?}");
    assert!(gaps[2] >= Duration::from_millis(40), "{gaps:?}");
}

#[tokio::test]
async fn no_retry_when_turned_off() {
    let script = Script::new(vec![Step::Status(503, &[])]);
    let api = Retry::new(script.clone(), RetryPolicy::none());
    let error = api.get_thing(1).await.unwrap_err();
    assert_eq!((script.sent(), error.attempts()), (1, 1));
}

#[tokio::test]
async fn the_budget_bounds_the_extra_load_on_a_failing_service() {
    // A service that always fails: with a budget of 20% and no per-second allowance, 100
    // calls cause about 20 retries, not 300.
    let script = Script::new((0..1000).map(|_| Step::Status(503, &[])).collect());
    let policy = quick().budget(0.2, 0);
    let api = Retry::new(script.clone(), policy);
    for id in 0..100 {
        api.get_thing(id).await.unwrap_err();
    }
    let retries = script.sent() - 100;
    assert!((19..=21).contains(&retries), "{retries} retries");
}

/// What a subscriber receives, as text.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn each_retry_is_a_tracing_event_with_attempt_reason_and_delay() {
    let logs = Captured::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    // The test runtime is single-threaded, so the thread's default covers the whole call.
    let _default = tracing::subscriber::set_default(subscriber);
    let (api, _) = retrying(vec![Step::Status(503, &[]), Step::Connect]);
    api.get_thing(1).await.unwrap();
    let text = String::from_utf8_lossy(&logs.0.lock().unwrap()).into_owned();
    let retries: Vec<&str> = text.lines().filter(|l| l.contains("retrying")).collect();
    assert_eq!(retries.len(), 2, "{text}");
    assert!(
        retries[0].contains("attempt=1") && retries[0].contains("reason=status 503"),
        "{text}"
    );
    assert!(
        retries[1].contains("attempt=2") && retries[1].contains("reason=connection failed"),
        "{text}"
    );
    assert!(
        retries
            .iter()
            .all(|l| l.contains("delay_ms=") && l.contains("endpoint=\"get_thing\"")),
        "{text}"
    );
}

#[tokio::test]
async fn dropping_the_call_stops_it_at_once_even_while_it_waits_to_retry() {
    let script = Script::new(vec![Step::Status(503, &[])]);
    let policy = RetryPolicy::default().initial_backoff(Duration::from_millis(400));
    let api = Retry::new(script.clone(), policy);
    let call = tokio::spawn(async move { api.get_thing(1).await });
    // The first attempt fails at once; the call then waits 200 to 400 ms to retry.
    tokio::time::sleep(Duration::from_millis(50)).await;
    call.abort();
    assert!(call.await.unwrap_err().is_cancelled());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(script.sent(), 1, "no retry after the call was dropped");
}
