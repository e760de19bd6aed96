//! A `declarest::Client` built on the caller's own `reqwest::Client` keeps declarest's
//! guarantees: the secret header goes with every request to the same origin and never to
//! another, redirects are followed by declarest (same origin only, methods and bodies as HTTP
//! says), bodies over the limit are refused, retries happen; and a given client that follows
//! redirects by itself is reported instead of trusted.

mod support;

use std::future::Future;
use std::time::Duration;

use declarest::{BodyErrorKind, Error, RetryPolicy};
use serde::{Deserialize, Serialize};
use support::fault_server::{FaultServer, Step, json};

const KEY: &str = "own-client-secret-key-4711";
const DEADLINE: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Item {
    id: u32,
    name: String,
}

const ITEM_JSON: &str = r#"{"id":7,"name":"seven"}"#;

trait Items: declarest::Api {
    #[declarest::endpoint(GET, "/items/<id>")]
    async fn get_item(&self, id: u32) -> declarest::Result<Item>;

    #[declarest::endpoint(POST, "/items")]
    async fn create_item(&self, #[body] item: &Item) -> declarest::Result<Item>;
}

impl Items for declarest::Client {}

async fn within<F: Future>(body: F) -> F::Output {
    tokio::time::timeout(DEADLINE, body)
        .await
        .expect("the scenario finishes before its deadline")
}

/// The caller's client, configured as the docs ask: redirects left to declarest.
fn own_reqwest() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent("my-app/1.0")
        .build()
        .unwrap()
}

fn client_on(server: &FaultServer, http: reqwest::Client) -> declarest::Client {
    declarest::Client::builder(server.base_url())
        .reqwest_client(http)
        .secret_header("Training-Key", KEY)
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(1)))
        .max_response_size(64 * 1024)
        .build()
        .unwrap()
}

fn item() -> Item {
    Item {
        id: 7,
        name: "seven".to_owned(),
    }
}

#[tokio::test]
async fn the_secret_and_accept_headers_go_with_every_request_and_the_user_agent_is_the_callers() {
    within(async {
        let server = FaultServer::start([Step::Reply(json(200, ITEM_JSON))])
            .await
            .unwrap();
        let got = client_on(&server, own_reqwest()).get_item(7).await.unwrap();
        assert_eq!(got, item());
        let request = &server.requests()[0];
        assert_eq!(request.header("training-key"), Some(KEY));
        assert_eq!(request.header("accept"), Some("application/json"));
        assert_eq!(request.header("user-agent"), Some("my-app/1.0"));
        let debug = format!("{:?}", client_on(&server, own_reqwest()));
        assert!(!debug.contains(KEY), "{debug}");
    })
    .await
}

#[tokio::test]
async fn same_origin_redirects_are_followed_by_declarest_with_the_secret() {
    within(async {
        let server = FaultServer::start([
            Step::redirect("/moved/items/7"),
            Step::Reply(json(200, ITEM_JSON)),
        ])
        .await
        .unwrap();
        let got = client_on(&server, own_reqwest()).get_item(7).await.unwrap();
        assert_eq!(got, item());
        let requests = server.requests();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[1].target, "/moved/items/7");
        assert!(
            requests
                .iter()
                .all(|r| r.header("training-key") == Some(KEY))
        );
    })
    .await
}

#[tokio::test]
async fn a_cross_origin_redirect_is_not_followed_and_the_other_origin_sees_nothing() {
    within(async {
        let other = FaultServer::start([Step::Reply(json(200, ITEM_JSON))])
            .await
            .unwrap();
        let server = FaultServer::start([Step::Redirect {
            status: 307,
            location: other.url("/items"),
        }])
        .await
        .unwrap();
        let error = client_on(&server, own_reqwest())
            .create_item(&item())
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(307), "{error:?}");
        assert_eq!(server.request_count(), 1);
        assert_eq!(other.connection_count(), 0, "the other origin saw nothing");
    })
    .await
}

#[tokio::test]
async fn redirects_change_the_method_and_body_as_http_says() {
    within(async {
        // 307 repeats the POST and its body; 303 goes on as a GET without one.
        let server = FaultServer::start([
            Step::Redirect {
                status: 307,
                location: "/items/again".to_owned(),
            },
            Step::Redirect {
                status: 303,
                location: "/items/7".to_owned(),
            },
            Step::Reply(json(200, ITEM_JSON)),
        ])
        .await
        .unwrap();
        let got = client_on(&server, own_reqwest())
            .create_item(&item())
            .await
            .unwrap();
        assert_eq!(got, item());
        let requests = server.requests();
        let seen: Vec<(&str, &str, usize)> = requests
            .iter()
            .map(|r| (r.method.as_str(), r.target.as_str(), r.body.len()))
            .collect();
        assert_eq!(
            seen,
            [
                ("POST", "/items", ITEM_JSON.len()),
                ("POST", "/items/again", ITEM_JSON.len()),
                ("GET", "/items/7", 0)
            ]
        );
        assert!(requests[2].header("content-type").is_none());
    })
    .await
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    within(async {
        let server = FaultServer::start([Step::Huge {
            content_length: None,
            bytes: 10 * 1024 * 1024,
        }])
        .await
        .unwrap();
        let error = client_on(&server, own_reqwest())
            .get_item(7)
            .await
            .unwrap_err();
        match &error {
            Error::Body(body) => {
                assert_eq!(body.kind(), BodyErrorKind::TooLarge { limit: 64 * 1024 })
            }
            other => panic!("expected a Body error, got: {other}"),
        }
        assert!(server.body_bytes_written() < 5 * 1024 * 1024);
    })
    .await
}

#[tokio::test]
async fn retries_work_on_the_callers_client() {
    within(async {
        let server = FaultServer::start([
            Step::Reply(json(503, "{}")),
            Step::Reply(json(200, ITEM_JSON)),
        ])
        .await
        .unwrap();
        let got = client_on(&server, own_reqwest()).get_item(7).await.unwrap();
        assert_eq!(got, item());
        assert_eq!(server.request_count(), 2);
    })
    .await
}

#[tokio::test]
async fn a_given_client_that_follows_redirects_by_itself_is_reported() {
    within(async {
        let server = FaultServer::start([
            Step::redirect("/moved/items/7"),
            Step::Reply(json(200, ITEM_JSON)),
        ])
        .await
        .unwrap();
        // reqwest's default policy follows redirects: not what declarest asks for.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let following = reqwest::Client::new();
        let error = client_on(&server, following).get_item(7).await.unwrap_err();
        assert!(
            matches!(&error, Error::InvalidConfig { reason } if reason.contains("Policy::none()")),
            "{error:?}"
        );
    })
    .await
}
