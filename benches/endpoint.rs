//! What a declared endpoint costs next to a careful hand-written reqwest call making the same
//! request, in the same run: `cargo bench --bench endpoint`.
//!
//! - `round_trip`: UpdateIteration over loopback against a keep-alive axum server answering a
//!   fixed iteration; the declared `Training::update_iteration`, with the client's defaults
//!   (retries on, a span per call, bounded bodies; no subscriber listening), vs reqwest by hand
//!   with the same client settings (timeouts, user agent, redirect policy), the same URL,
//!   headers and body bytes, decoding into the same `Iteration`.
//! - `in_memory`: the same call without a socket, to show the client-side work alone: the
//!   declared endpoint through an `Api` that answers at once vs the hand-written equivalent
//!   (URL formatting, percent-encoding, JSON both ways).

use std::net::SocketAddr;
use std::sync::OnceLock;

use customvision_training::{Iteration, IterationPatch, Training};
use declarest::http::StatusCode;
use declarest::{Api, Request, Response};
use uuid::Uuid;

const PROJECT: Uuid = Uuid::from_u128(0x64b822c5_8082_4b36_a426_27225f4aa18c);
const ITERATION: Uuid = Uuid::from_u128(0xe31a14ab_5d78_4f7b_a267_3a1e4fd8a758);
const KEY: &str = "bench-training-key";

const BODY: &str = r#"{"id":"e31a14ab-5d78-4f7b-a267-3a1e4fd8a758","name":"Best Iteration","isDefault":true,"status":"Completed","created":"2017-12-18T22:40:36.9066667Z","lastModified":"2017-12-19T15:53:07.8782881Z","trainedAt":"2017-12-19T15:47:02.9511889Z","projectId":"64b822c5-8082-4b36-a426-27225f4aa18c","exportable":false,"domainId":"ee85a74c-405e-4adc-bb47-ffa8ca0c9f31"}"#;

fn main() {
    divan::main();
}

struct Fixture {
    runtime: tokio::runtime::Runtime,
    addr: SocketAddr,
}

/// One runtime and one server for the whole run; both clients talk to the same server.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime");
        let addr = runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
                .await
                .expect("a port");
            let addr = listener.local_addr().expect("an address");
            let app = axum::Router::new().route(
                "/customvision/v2.0/Training/projects/{project}/iterations/{iteration}",
                axum::routing::patch(|| async { ([("content-type", "application/json")], BODY) }),
            );
            tokio::spawn(async move { axum::serve(listener, app).await });
            addr
        });
        Fixture { runtime, addr }
    })
}

fn patch() -> IterationPatch {
    IterationPatch::default()
        .name("Best Iteration".to_owned())
        .is_default(true)
}

mod round_trip {
    use super::*;

    #[divan::bench(sample_count = 2000)]
    fn declared(bencher: divan::Bencher) {
        let fixture = fixture();
        let client = customvision_training::client(&format!("http://{}", fixture.addr), KEY)
            .expect("a client");
        let patch = patch();
        bencher.bench_local(|| {
            fixture
                .runtime
                .block_on(client.update_iteration(PROJECT, ITERATION, &patch))
                .expect("a response")
        });
    }

    #[divan::bench(sample_count = 2000)]
    fn hand_written(bencher: divan::Bencher) {
        let fixture = fixture();
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut headers = reqwest::header::HeaderMap::new();
        let mut key = reqwest::header::HeaderValue::from_static(KEY);
        key.set_sensitive(true);
        headers.insert("training-key", key);
        // The settings declarest's client uses by default.
        let client = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(declarest::DEFAULT_CONNECT_TIMEOUT)
            .timeout(declarest::DEFAULT_TIMEOUT)
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                let same = attempt
                    .previous()
                    .first()
                    .is_some_and(|first| first.origin() == attempt.url().origin());
                if same && attempt.previous().len() <= declarest::MAX_REDIRECTS {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }))
            .user_agent(concat!("declarest/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("a client");
        let base = format!("http://{}/customvision/v2.0/Training", fixture.addr);
        let patch = patch();
        bencher.bench_local(|| {
            fixture.runtime.block_on(async {
                let url = format!("{base}/projects/{PROJECT}/iterations/{ITERATION}");
                let body = serde_json::to_vec(&patch).expect("serializes");
                let response = client
                    .patch(url)
                    .header("accept", "application/json")
                    .header("content-type", "application/json; charset=utf-8")
                    .body(body)
                    .send()
                    .await
                    .expect("a response");
                let bytes = response
                    .error_for_status()
                    .expect("2xx")
                    .bytes()
                    .await
                    .expect("a body");
                serde_json::from_slice::<Iteration>(&bytes).expect("an iteration")
            })
        });
    }
}

mod in_memory {
    use super::*;

    /// Answers every request with the fixed iteration, without a socket.
    struct Canned;

    impl Api for Canned {
        async fn send(&self, request: Request) -> declarest::Result<Response> {
            divan::black_box(request);
            Ok(Response::new(StatusCode::OK, Default::default(), BODY))
        }
    }

    impl Training for Canned {}

    #[divan::bench(sample_count = 2000)]
    fn declared(bencher: divan::Bencher) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        let patch = patch();
        bencher.bench_local(|| {
            runtime
                .block_on(Canned.update_iteration(PROJECT, ITERATION, &patch))
                .expect("an iteration")
        });
    }

    #[divan::bench(sample_count = 2000)]
    fn hand_written(bencher: divan::Bencher) {
        // Through the same runtime entry as the declared call, so only the client-side work differs.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        let patch = patch();
        let base = "http://127.0.0.1:1/customvision/v2.0/Training";
        bencher.bench_local(|| {
            runtime.block_on(async {
                let url = format!("{base}/projects/{PROJECT}/iterations/{ITERATION}");
                let body = serde_json::to_vec(&patch).expect("serializes");
                divan::black_box((url, body));
                serde_json::from_slice::<Iteration>(BODY.as_bytes()).expect("an iteration")
            })
        });
    }
}
