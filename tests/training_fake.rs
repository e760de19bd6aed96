//! The Training client against the embedded fake, over a real socket: the three iteration
//! operations, the service's rules for updates, and the errors it answers with.

use customvision_training::fake::FakeTraining;
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
async fn get_iterations_lists_the_projects_iterations_in_order() {
    let (fake, project, first, second) = fake_with_two_iterations().await;
    let iterations = fake
        .client()
        .unwrap()
        .get_iterations(project)
        .await
        .unwrap();
    let ids: Vec<Uuid> = iterations.iter().map(|i| i.id).collect();
    assert_eq!(ids, [first, second]);
    assert_eq!(iterations[0].name.as_deref(), Some("Iteration 1"));
    assert!(iterations[0].is_default && !iterations[1].is_default);
    assert!(
        iterations
            .iter()
            .all(|i| i.project_id == project && i.trained_at.is_none())
    );
}

#[tokio::test]
async fn get_iteration_returns_the_one_asked_for() {
    let (fake, project, _, second) = fake_with_two_iterations().await;
    let iteration = fake
        .client()
        .unwrap()
        .get_iteration(project, second)
        .await
        .unwrap();
    assert_eq!(iteration.id, second);
    assert_eq!(iteration.name.as_deref(), Some("Iteration 2"));
    assert_eq!(iteration.status.as_deref(), Some("New"));
}

#[tokio::test]
async fn update_iteration_renames_and_moves_the_default() {
    let (fake, project, first, second) = fake_with_two_iterations().await;
    let client = fake.client().unwrap();
    let before = client.get_iteration(project, second).await.unwrap();

    let patch = IterationPatch::default()
        .name("Best Iteration".to_owned())
        .is_default(true);
    let after = client
        .update_iteration(project, second, &patch)
        .await
        .unwrap();

    assert_eq!(after.name.as_deref(), Some("Best Iteration"));
    assert!(after.is_default);
    assert!(
        after.last_modified > before.last_modified,
        "lastModified moves"
    );
    assert_eq!(
        (after.id, after.created, after.project_id),
        (before.id, before.created, before.project_id)
    );
    assert!(
        !fake.iteration(project, first).unwrap().is_default,
        "the old default is cleared"
    );
    assert_eq!(
        fake.iteration(project, second).unwrap(),
        after,
        "the response is what the fake holds"
    );
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
    let client = fake.client().unwrap();
    drop(fake);
    // Graceful shutdown finishes in-flight connections; give it a moment to close the listener.
    let mut last = None;
    for _ in 0..50 {
        match client.get_iterations(project).await {
            Err(error @ Error::Transport { .. }) => {
                last = Some(error);
                break;
            }
            _ => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
        }
    }
    let error = last.expect("a transport error once the fake is gone");
    assert_eq!(error.status(), None);
    assert_eq!(error.endpoint(), Some("get_iterations"));
}
