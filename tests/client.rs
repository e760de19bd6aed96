//! The client's own promises: secrets stay out of logs, errors and `Debug` output; timeouts are
//! typed errors. A separate test binary, because it installs a global log subscriber.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use declarest::{Error, endpoint};
use support::{CannedResponse, RecordingServer};

const SECRET: &str = "s3cr3t-training-key-value";

pub trait Api: declarest::Api {
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: u32) -> declarest::Result<serde_json::Value>;

    #[endpoint(POST, "/projects/<projectId>/notes")]
    async fn add_note(
        &self,
        project_id: u32,
        #[header("X-Api-Key", secret)] key: &str,
        #[body] note: &str,
    ) -> declarest::Result<()>;

    #[endpoint(GET, "/blobs/<blob>?<sig>")]
    async fn get_blob(
        &self,
        blob: &str,
        #[param("sig", secret)] signature: &str,
    ) -> declarest::Result<serde_json::Value>;
}

impl Api for declarest::Client {}

/// Everything logged, through `tracing` and `log` (reqwest logs through `log`), at every level.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn secrets_never_reach_logs_errors_or_debug_output() {
    let logs = Captured::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let server = RecordingServer::start(CannedResponse::json(
        500,
        r#"{"code":"Oops","message":"server error"}"#,
    ))
    .await
    .unwrap();
    // Retries on, quickly: their events and the call's span are searched too.
    let quick = declarest::RetryPolicy::default().initial_backoff(Duration::from_millis(1));
    let client = declarest::Client::builder(server.base_url())
        .secret_header("Training-Key", SECRET)
        .retry(quick.clone())
        .build()
        .unwrap();

    let error = client.get_project(7).await.unwrap_err();
    let error2 = client.add_note(7, SECRET, "hello").await.unwrap_err();
    let request = server.take_requests();
    assert_eq!(
        request.len(),
        5,
        "the GET was sent 4 times (3 retries of a 500), the POST once"
    );
    let error3 = client.get_blob("b1", SECRET).await.unwrap_err();
    let sent = server.take_requests();
    assert!(
        sent.iter()
            .all(|r| r.query() == Some(&format!("sig={SECRET}")[..])),
        "a secret query value does go on the wire"
    );
    assert!(
        request.iter().all(|r| r
            .headers
            .iter()
            .any(|(name, value)| name == "training-key" && value == SECRET.as_bytes())),
        "the secret does go on the wire"
    );

    let closed = declarest::Client::builder("http://127.0.0.1:9")
        .secret_header("Training-Key", SECRET)
        .retry(quick)
        .build()
        .unwrap();
    let transport = closed.get_project(7).await.unwrap_err();
    assert!(
        matches!(transport, Error::Connect { attempts: 4, .. }),
        "{transport:?}"
    );
    // reqwest names the URL in its errors: not this one, which carries the secret.
    let transport2 = closed.get_blob("b1", SECRET).await.unwrap_err();
    assert!(transport2.to_string().contains("get_blob"), "{transport2}");

    let logged = logs.text();
    assert!(
        logged.contains("get_project")
            && logged.contains("add_note")
            && logged.contains("get_blob")
            && logged.contains("retrying")
            && logged.contains("url.template"),
        "the capture works, spans and retries included: {logged}"
    );
    for (what, text) in [
        ("logs", logged),
        ("status error", format!("{error} {error:?}")),
        (
            "status error with a secret header argument",
            format!("{error2} {error2:?}"),
        ),
        ("transport error", format!("{transport} {transport:?}")),
        (
            "status error of a secret query value",
            format!("{error3} {error3:?}"),
        ),
        (
            "transport error of a secret query value",
            format!("{transport2} {transport2:?}"),
        ),
        ("client", format!("{client:?}")),
    ] {
        assert!(
            !text.contains(SECRET),
            "the secret shows in the {what}: {text}"
        );
    }
}

#[tokio::test]
async fn a_silent_server_is_a_timeout_error() {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .unwrap();
    let addr = listener.local_addr().unwrap();
    // Accepts and reads nothing back: the request never gets an answer.
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let client = declarest::Client::builder(format!("http://{addr}"))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client.get_project(1).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(
        matches!(
            error,
            Error::Timeout {
                endpoint: "get_project",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(error.status(), None);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the timeout applies"
    );
    silent.abort();
}
