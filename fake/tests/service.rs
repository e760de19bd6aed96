//! The fake's own rules, through the Training client over a real socket: the key check (401),
//! 404s with the service's `{code, message}`, updates that change only what a patch sets, calls
//! from other tasks, and a server that stops when the fake is dropped. Every operation's
//! results are covered end to end by the workspace's `tests/training_ops.rs`.

use customvision_fake::FakeTraining;
use customvision_training::{IterationPatch, Training};
use declarest::Error;
use declarest::http::StatusCode;
use uuid::Uuid;

const KEY: &str = "fake-training-key";

async fn fake_with_two_iterations() -> (FakeTraining, Uuid, Uuid, Uuid) {
    let fake = FakeTraining::start(KEY).await.expect("the fake starts");
    let project = fake.add_project("Birds");
    let first = fake
        .add_iteration(project, "Iteration 1", true)
        .expect("project exists");
    let second = fake
        .add_iteration(project, "Iteration 2", false)
        .expect("project exists");
    (fake, project, first.id, second.id)
}

#[tokio::test]
async fn a_rename_alone_leaves_the_default_flag_alone() {
    // The .NET SDK of that era sent `isDefault: false` with every update, so renaming the default
    // iteration un-defaulted it. A patch sends only what was set.
    let (fake, project, first, _) = fake_with_two_iterations().await;
    let patch = IterationPatch::default().name("Renamed".to_owned());
    let after = fake
        .client()
        .unwrap()
        .update_iteration(project, first, &patch)
        .await
        .unwrap();
    assert_eq!(after.name.as_deref(), Some("Renamed"));
    assert!(after.is_default, "still the default");
}

#[tokio::test]
async fn a_null_name_clears_it() {
    let (fake, project, _, second) = fake_with_two_iterations().await;
    let patch = IterationPatch::default().name(None);
    let after = fake
        .client()
        .unwrap()
        .update_iteration(project, second, &patch)
        .await
        .unwrap();
    assert_eq!(after.name, None);
}

#[tokio::test]
async fn a_wrong_key_is_401_with_the_services_error() {
    let (fake, project, _, _) = fake_with_two_iterations().await;
    let client = customvision_training::client(&fake.endpoint(), "wrong-key").unwrap();
    let error = client.get_iterations(project).await.unwrap_err();
    assert!(matches!(error, Error::Status(_)), "{error:?}");
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
    assert_eq!(
        error.service_error().map(|e| e.code.as_str()),
        Some("Unauthorized")
    );
    assert!(error.request_id().is_some(), "apim-request-id is kept");
    let message = error.to_string();
    assert!(
        message.contains("get_iterations") && message.contains("401"),
        "{message}"
    );
    assert!(
        !message.contains("wrong-key"),
        "the key never shows: {message}"
    );
}

#[tokio::test]
async fn a_missing_key_is_401() {
    let (fake, project, _, _) = fake_with_two_iterations().await;
    let client = declarest::Client::new(fake.base_url()).unwrap();
    let error = client.get_iterations(project).await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::UNAUTHORIZED));
}

#[tokio::test]
async fn unknown_ids_are_404_with_code_and_message() {
    let (fake, project, _, _) = fake_with_two_iterations().await;
    let client = fake.client().unwrap();
    let missing = Uuid::new_v4();

    let error = client.get_iteration(project, missing).await.unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::NOT_FOUND));
    let service = error.service_error().expect("a {code, message} body");
    assert_eq!(service.code, "NotFoundIteration");
    assert!(
        service.message.contains(&missing.to_string()),
        "{}",
        service.message
    );
    assert!(
        error.body().is_some_and(|b| !b.is_empty()),
        "the raw body is kept"
    );

    let patch = IterationPatch::default().is_default(true);
    let error = client
        .update_iteration(Uuid::new_v4(), missing, &patch)
        .await
        .unwrap_err();
    assert_eq!(
        error.service_error().map(|e| e.code.as_str()),
        Some("NotFoundProject")
    );
}

#[tokio::test]
async fn calls_can_be_spawned_on_other_tasks() {
    let (fake, project, first, second) = fake_with_two_iterations().await;
    let client = fake.client().unwrap();
    let tasks: Vec<_> = [first, second]
        .into_iter()
        .map(|id| {
            let client = client.clone();
            tokio::spawn(async move { client.get_iteration(project, id).await })
        })
        .collect();
    for (task, id) in tasks.into_iter().zip([first, second]) {
        assert_eq!(task.await.unwrap().unwrap().id, id);
    }
}

#[tokio::test]
async fn nothing_is_listening_after_the_fake_is_dropped() {
    let (fake, project, _, _) = fake_with_two_iterations().await;
    // Retries off: a refused connection would otherwise be retried with backoff.
    let client = declarest::Client::builder(fake.base_url())
        .retry(declarest::RetryPolicy::none())
        .build()
        .unwrap();
    drop(fake);
    // Graceful shutdown finishes in-flight connections; give it a moment to close the listener.
    let mut last = None;
    for _ in 0..50 {
        match client.get_iterations(project).await {
            Err(error @ Error::Connect { .. }) => {
                last = Some(error);
                break;
            }
            _ => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
        }
    }
    let error = last.expect("a connect error once the fake is gone");
    assert_eq!(error.status(), None);
    assert_eq!(error.endpoint(), Some("get_iterations"));
}
