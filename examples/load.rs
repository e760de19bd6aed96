//! Load: 10,000 calls, 256 at a time, through one `declarest::Client` with retries on, against a
//! loopback axum server that answers a small JSON body and injects a `503` or a `429` into 2% of
//! its responses, so that retries happen.
//!
//! ```text
//! cargo run --release --example load
//! ```
//!
//! It prints the calls made, the failures (there must be none: it exits non-zero otherwise), the
//! retries performed (requests the server answered, less the calls), the throughput and the
//! peak memory of the process (`VmHWM`; the server runs in the same process). It is an example,
//! not a timed test: the numbers depend on the machine.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use declarest::RetryPolicy;
use serde::{Deserialize, Serialize};

const CALLS: usize = 10_000;
const CONCURRENCY: usize = 256;
/// One response in this many is a `503`, and one more a `429`.
const FAULT_EVERY: u64 = 100;
/// The whole run may not take longer than this.
const DEADLINE: Duration = Duration::from_secs(300);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    id: u32,
    name: String,
    tags: Vec<String>,
}

trait Items: declarest::Api {
    #[declarest::endpoint(GET, "/items/<id>")]
    async fn get_item(&self, id: u32) -> declarest::Result<Item>;
}

impl Items for declarest::Client {}

/// What the server counts.
#[derive(Default)]
struct Counters {
    requests: AtomicU64,
    injected: AtomicU64,
}

async fn item(State(counters): State<Arc<Counters>>, Path(id): Path<u32>) -> Response {
    let n = counters.requests.fetch_add(1, Ordering::Relaxed);
    match n % FAULT_EVERY {
        0 => {
            counters.injected.fetch_add(1, Ordering::Relaxed);
            (StatusCode::SERVICE_UNAVAILABLE, "busy").into_response()
        }
        50 => {
            counters.injected.fetch_add(1, Ordering::Relaxed);
            (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after-ms", "20")],
                axum::Json(serde_json::json!({"code": "TooManyRequests", "message": "slow down"})),
            )
                .into_response()
        }
        _ => axum::Json(Item {
            id,
            name: format!("item {id}"),
            tags: vec!["load".to_owned(), "example".to_owned()],
        })
        .into_response(),
    }
}

/// The peak resident set size of this process, from `/proc/self/status` (Linux only).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .map(|value| value.trim().to_owned())
}

#[tokio::main]
async fn main() -> ExitCode {
    match tokio::time::timeout(DEADLINE, run()).await {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(message)) => {
            eprintln!("load: {message}");
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("load: did not finish within {DEADLINE:?}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let counters = Arc::new(Counters::default());
    let app = Router::new()
        .route("/items/{id}", get(item))
        .with_state(Arc::clone(&counters));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let client = declarest::Client::builder(format!("http://{addr}"))
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .timeout(Duration::from_secs(30))
        .build()
        .map_err(|e| format!("cannot build the client: {e}"))?;

    let next = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (client, next, failures) = (client.clone(), Arc::clone(&next), Arc::clone(&failures));
        workers.spawn(async move {
            // Each round takes one call number; `CALLS` bounds the rounds of all workers.
            loop {
                let call = next.fetch_add(1, Ordering::Relaxed);
                if call >= CALLS {
                    break;
                }
                let id = call as u32;
                match client.get_item(id).await {
                    Ok(item) if item.id == id => {}
                    Ok(item) => {
                        failures.fetch_add(1, Ordering::Relaxed);
                        eprintln!("call {call}: asked for {id}, got {}", item.id);
                    }
                    Err(error) => {
                        failures.fetch_add(1, Ordering::Relaxed);
                        eprintln!("call {call}: {error} ({} attempts)", error.attempts());
                    }
                }
            }
        });
    }
    while let Some(joined) = workers.join_next().await {
        joined.map_err(|e| format!("a worker failed: {e}"))?;
    }
    let elapsed = started.elapsed();
    server.abort();

    let failures = failures.load(Ordering::Relaxed);
    let requests = counters.requests.load(Ordering::Relaxed);
    let injected = counters.injected.load(Ordering::Relaxed);
    let retries = requests.saturating_sub(CALLS as u64);
    println!("calls:        {CALLS} ({CONCURRENCY} at a time)");
    println!("failures:     {failures}");
    println!("requests:     {requests} at the server, {injected} of them answered 503 or 429");
    println!("retries:      {retries} (requests - calls)");
    println!(
        "throughput:   {:.0} calls/s ({:.2} s in all)",
        CALLS as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64()
    );
    println!(
        "peak memory:  {} (VmHWM, client and server)",
        peak_memory().unwrap_or_else(|| "unknown (no /proc/self/status)".to_owned())
    );
    if failures > 0 {
        return Err(format!("{failures} of {CALLS} calls failed"));
    }
    if retries != injected {
        return Err(format!(
            "{injected} faults were injected but {retries} retries happened"
        ));
    }
    Ok(())
}
