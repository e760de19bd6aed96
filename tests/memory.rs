//! Memory stays bounded by the client's response size limit, whatever the server sends: a
//! 200 MiB body, announced or not, costs the process about the limit, not 200 MiB. Alone in its
//! binary, because it reads the process's peak resident memory (`VmHWM`, Linux).

mod support;

use std::time::Duration;

use declarest::{BodyErrorKind, Error};
use support::fault_server::{FaultServer, Step};

const LIMIT: u64 = 8 * 1024 * 1024;
const SENT: u64 = 200 * 1024 * 1024;

trait Big: declarest::Api {
    #[declarest::endpoint(GET, "/big")]
    async fn big(&self) -> declarest::Result<serde_json::Value>;
}

impl Big for declarest::Client {}

/// The process's peak resident memory so far, in bytes; `None` where `/proc` has no answer.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[tokio::test]
async fn a_body_over_the_limit_costs_about_the_limit() {
    let Some(before) = peak_memory() else {
        eprintln!("no /proc/self/status here: nothing to measure");
        return;
    };
    let script = [
        // Announced: refused on the header, before any body is read.
        Step::Huge {
            content_length: Some(SENT),
            bytes: SENT,
        },
        // Not announced: read up to the limit, then refused.
        Step::Huge {
            content_length: None,
            bytes: SENT,
        },
    ];
    let server = FaultServer::start(script).await.unwrap();
    let client = declarest::Client::builder(server.base_url())
        .max_response_size(LIMIT)
        .build()
        .unwrap();
    for _ in 0..2 {
        let error = tokio::time::timeout(Duration::from_secs(60), client.big())
            .await
            .expect("bounded in time")
            .unwrap_err();
        match &error {
            Error::Body(body) => {
                assert_eq!(body.kind(), BodyErrorKind::TooLarge { limit: LIMIT });
                assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
            }
            other => panic!("expected a Body error, got: {other}"),
        }
    }
    let after = peak_memory().unwrap();
    let grew = after.saturating_sub(before);
    // The buffer is at most the limit and one chunk; the rest is allocator and socket slack.
    assert!(
        grew < 3 * LIMIT,
        "peak memory grew by {} MiB for a limit of {} MiB (the server sent up to {} MiB)",
        grew >> 20,
        LIMIT >> 20,
        SENT >> 20
    );
    assert!(
        server.body_bytes_written() < SENT / 4,
        "the client hung up early: {} bytes were written",
        server.body_bytes_written()
    );
}
