//! An in-process fake of the Custom Vision Training service, for examples and tests: a real HTTP
//! server (axum) on 127.0.0.1 with an OS-assigned port, serving all 41 operations of the Training
//! API v2.0 (under `/customvision/v2.0/Training`) and all 52 of v3.3 (under
//! `/customvision/v3.3/training`) from one set of data it keeps in memory: a project created
//! through one version is seen through the other.
//!
//! Where things are: `state/` is the in-memory service (projects, tags, images, iterations,
//! predictions, exports), which knows nothing of HTTP or API versions and answers with its own
//! views; `v2_0/` and `v3_3/` hold each version's routes, their handlers, and the conversion of
//! those views into the version's models; `http/` what every version's handlers share (the key
//! check, reading ids, queries and bodies); `wire.rs` how answers are written (casing, v2.0
//! timestamps, 207s, bytes); `errors.rs` the service's `{code, message}` errors.
//!
//! - It checks the `Training-Key` header on both versions (401 when missing or wrong) and
//!   answers errors with the service's `{code, message}` body (v3.3's `CustomVisionError`),
//!   always with one of the spec's codes (`BadRequest*` 400, `NotFound*` 404). Success is 200
//!   with a JSON body; the DELETEs answer 204 with no body.
//! - Projects have settings and a domain from a fixed set ([`GENERAL_DOMAIN`] by default); tags
//!   count their images; uploads keep their size and the format read from their first bytes
//!   ([`StoredImage`]); URLs are accepted without fetching; duplicates answer `OKDuplicate`.
//! - TrainProject answers a new iteration, `Staging` or `Training`, which is `Completed` once
//!   the configured delays have passed (counted from the request, applied when next read); the
//!   first iteration to complete becomes the default if there is none. Training again with no
//!   change to the images answers `BadRequestTrainingNotNeeded`. Exports work the same way.
//! - Predictions, quick tests, performance figures and region proposals are deterministic
//!   functions of the image bytes (or URL) and the training data.
//! - [`FakeTrainingBuilder::v2_0_quirks`] makes its v2.0 routes answer the way the real v2.0
//!   service did.
//!
//! What v3.3 adds, and how the fake does it:
//!
//! - No default iteration in v3.3's answers; PublishIteration (answers `true`) sets
//!   `publishName` and `originalPublishResourceId`, UnpublishIteration clears them, and a
//!   published iteration cannot be deleted (`BadRequestIterationIsPublished`), through either
//!   version.
//! - Image, prediction and export URIs are paths relative to the project's storage (as the
//!   service answers when its VNET feature is on: `images/original/{id}`,
//!   `exports/{iterationId}/{platform}.zip`), which GetArtifact serves as
//!   `application/octet-stream`: the uploaded bytes (the fake resizes nothing, so the resized
//!   image and the thumbnail are the original), or a small zip archive for an export. Images
//!   created from URLs have no bytes (NotFound).
//! - Image metadata: on the create batches and with UpdateImageMetadata (merged; at most 50
//!   pairs per image, keys of at most 256 characters, values of at most 512, 64 images per
//!   request). GetImages and GetImageCount filter by `taggingStatus`, tags and a `$filter` of
//!   `key eq 'value'` / `key ne 'value'` comparisons joined by `and` / `or`, with parentheses.
//! - 207 with the same body when part of a batch fails (a duplicate, an unreadable image, a
//!   Negative tag with another, a region already there, metadata over its limit); DeleteImages
//!   answers 202 with `allImages` or `allIterations` (the fake has deleted them already), else
//!   204.
//! - Suggested tags and regions are the fake's predictions for an image over a trained
//!   iteration's tags, like a quick test's; the suggestion queries run over the untagged images.
//! - TrainProject reads `trainingType`, `reservedBudgetInHours`, `forceTrain`,
//!   `notificationEmailAddress` and an optional `TrainingParameters` body (train on the selected
//!   tags only). ExportProject answers a token; ImportProject copies the project as it was then
//!   (new ids, trained iterations unpublished), done at once.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use customvision_fake::FakeTraining;
//! use customvision_training::Training;
//!
//! let fake = FakeTraining::builder()
//!     .training_duration(Duration::from_millis(50))
//!     .start()
//!     .await?;
//! let project = fake.add_project("Birds");
//! fake.add_iteration(project, "Iteration 1", true);
//! let client = fake.client()?;
//! let iterations = client.get_iterations(project).await?;
//! assert_eq!(iterations.len(), 1);
//! # Ok(())
//! # }
//! ```

mod deletes;
mod domains;
mod errors;
mod http;
mod imaging;
mod state;
mod v2_0;
mod v3_3;
mod wire;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::response::Response;
use serde::Serialize;
use tokio::sync::oneshot;
use uuid::Uuid;

use customvision_training::{Iteration, Tag};
use state::{ImageEntry, NewImage, State, Timing};
use wire::Casing;

pub use domains::{
    GENERAL as GENERAL_DOMAIN, GENERAL_COMPACT as GENERAL_COMPACT_DOMAIN,
    OBJECT_DETECTION as OBJECT_DETECTION_DOMAIN,
    OBJECT_DETECTION_COMPACT as OBJECT_DETECTION_COMPACT_DOMAIN,
};
pub use imaging::ImageFormat;
pub use state::StoredImage;

/// The default of [`FakeTrainingBuilder::training_duration`].
pub const DEFAULT_TRAINING_DURATION: Duration = Duration::from_millis(100);
/// The default of [`FakeTrainingBuilder::export_duration`].
pub const DEFAULT_EXPORT_DURATION: Duration = Duration::from_millis(100);

/// A running fake. The server stops when this is dropped.
#[derive(Debug)]
pub struct FakeTraining {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
}

/// How to start a fake: [`FakeTraining::builder`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `start` is called"]
pub struct FakeTrainingBuilder {
    training_key: String,
    timing: Timing,
    v2_0_quirks: bool,
}

/// What the request handlers share.
#[derive(Debug)]
struct Shared {
    training_key: String,
    v2_0_quirks: bool,
    state: Mutex<State>,
}

impl Shared {
    /// The state, with what time has done applied. Never held across an `await`.
    fn state(&self) -> MutexGuard<'_, State> {
        // A handler never panics while holding the lock; if one did, its data is still usable.
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.settle(Instant::now());
        state
    }

    /// A 200 answer in the spec's casing (v2.0 timestamps in v2.0 mode).
    fn ok<T: Serialize>(&self, value: &T) -> Response {
        self.answer(value, Casing::Camel)
    }

    /// A 200 answer whose keys are in `casing` in v2.0 mode (camelCase otherwise).
    fn answer<T: Serialize>(&self, value: &T, casing: Casing) -> Response {
        let casing = if self.v2_0_quirks {
            casing
        } else {
            Casing::Camel
        };
        wire::ok(value, self.v2_0_quirks, casing)
    }
}

impl Default for FakeTrainingBuilder {
    fn default() -> Self {
        FakeTrainingBuilder {
            training_key: Uuid::new_v4().to_string(),
            timing: Timing {
                staging: Duration::ZERO,
                training: DEFAULT_TRAINING_DURATION,
                export: DEFAULT_EXPORT_DURATION,
            },
            v2_0_quirks: false,
        }
    }
}

impl FakeTrainingBuilder {
    /// The key the fake accepts in `Training-Key` (default: a random one; [`FakeTraining::client`]
    /// sends it).
    pub fn training_key(mut self, key: impl Into<String>) -> Self {
        self.training_key = key.into();
        self
    }

    /// How long a new iteration stays `Training` before it is `Completed` (default 100 ms),
    /// counted from the TrainProject request (after any staging).
    pub fn training_duration(mut self, duration: Duration) -> Self {
        self.timing.training = duration;
        self
    }

    /// How long a new iteration is `Staging` before it is `Training` (default zero: TrainProject
    /// answers `Training`; otherwise it answers `Staging`).
    pub fn staging_duration(mut self, duration: Duration) -> Self {
        self.timing.staging = duration;
        self
    }

    /// How long an export stays `Exporting` before it is `Done` (default 100 ms).
    pub fn export_duration(mut self, duration: Duration) -> Self {
        self.timing.export = duration;
        self
    }

    /// Answers the way the real v2.0 service did: PascalCase keys for TrainProject, UpdateTag
    /// and GetProjects; timestamps without `Z` and with trailing fractional zeros trimmed;
    /// `trainedAt` and empty `tags`/`regions` left out rather than null or empty.
    pub fn v2_0_quirks(mut self, on: bool) -> Self {
        self.v2_0_quirks = on;
        self
    }

    /// Starts the fake on 127.0.0.1, on a port the OS picks. Must be called inside a tokio
    /// runtime.
    pub async fn start(self) -> std::io::Result<FakeTraining> {
        let shared = Arc::new(Shared {
            training_key: self.training_key,
            v2_0_quirks: self.v2_0_quirks,
            state: Mutex::new(State::new(self.timing)),
        });
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let app = app(Arc::clone(&shared));
        let (shutdown, stop) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let stopped = async {
                let _ = stop.await;
            };
            // The fake's only way to report a failing server is to stop answering; tests then
            // fail on the client side with a transport error.
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(stopped)
                .await;
        });
        Ok(FakeTraining {
            addr,
            shared,
            shutdown: Some(shutdown),
        })
    }
}

/// Every version's routes under its base path, behind the key check, over one shared state.
fn app(shared: Arc<Shared>) -> Router {
    Router::new()
        .nest(v2_0::BASE_PATH, v2_0::routes())
        .nest(v3_3::BASE_PATH, v3_3::routes())
        .layer(DefaultBodyLimit::max(http::BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            http::check_key,
        ))
        .with_state(shared)
}

impl FakeTraining {
    /// Starts a fake with the default settings, accepting `training_key`. Must be called inside
    /// a tokio runtime.
    pub async fn start(training_key: impl Into<String>) -> std::io::Result<Self> {
        Self::builder().training_key(training_key).start().await
    }

    /// A builder for a fake with other settings.
    pub fn builder() -> FakeTrainingBuilder {
        FakeTrainingBuilder::default()
    }

    /// The address the fake listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The resource endpoint, as a user would configure it: `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Training API's base URL on the fake.
    pub fn base_url(&self) -> String {
        customvision_training::base_url(&self.endpoint())
    }

    /// A client for the fake's v2.0 routes, sending the right training key.
    pub fn client(&self) -> declarest::Result<declarest::Client> {
        customvision_training::client(&self.endpoint(), &self.shared.training_key)
    }

    /// The Training API v3.3's base URL on the fake.
    pub fn base_url_v3_3(&self) -> String {
        customvision_training::v3_3::base_url(&self.endpoint())
    }

    /// A client for the fake's v3.3 routes, sending the right training key.
    pub fn client_v3_3(&self) -> declarest::Result<declarest::Client> {
        customvision_training::v3_3::client(&self.endpoint(), &self.shared.training_key)
    }

    /// Whether the fake answers the way the real v2.0 service did.
    pub fn v2_0_quirks(&self) -> bool {
        self.shared.v2_0_quirks
    }

    /// Adds a project in the General domain, without the service's checks; returns its id.
    pub fn add_project(&self, name: &str) -> Uuid {
        self.shared.state().add_project(name, GENERAL_DOMAIN)
    }

    /// Adds an untrained (`New`) iteration to a project; `None` if there is no such project.
    /// Making it the default clears the flag on the project's other iterations.
    pub fn add_iteration(
        &self,
        project_id: Uuid,
        name: &str,
        is_default: bool,
    ) -> Option<Iteration> {
        self.shared
            .state()
            .add_iteration(project_id, name, is_default)
            .map(v2_0::models::iteration)
    }

    /// An iteration as the fake holds it, to check what a request did.
    pub fn iteration(&self, project_id: Uuid, iteration_id: Uuid) -> Option<Iteration> {
        self.shared
            .state()
            .iteration(project_id, iteration_id)
            .ok()
            .map(v2_0::models::iteration)
    }

    /// Adds a tag to a project, without the checks on its name; `None` if there is no such
    /// project.
    pub fn add_tag(&self, project_id: Uuid, name: &str) -> Option<Tag> {
        self.shared
            .state()
            .add_tag(project_id, name)
            .map(v2_0::models::tag)
    }

    /// Adds an image (as CreateImagesFromData would) with these tags; returns its id, or the
    /// id of the image it duplicates. `None` if there is no such project or tag, or the bytes
    /// are not an image the fake accepts.
    pub fn add_image(
        &self,
        project_id: Uuid,
        bytes: impl Into<Vec<u8>>,
        tag_ids: &[Uuid],
    ) -> Option<Uuid> {
        let image = NewImage {
            entry: ImageEntry::Bytes {
                bytes: bytes.into(),
                file_name: None,
                content_type: None,
            },
            tag_ids: tag_ids.to_vec(),
            regions: Vec::new(),
        };
        let summary = self
            .shared
            .state()
            .create_images(project_id, vec![image], &[], &Default::default())
            .ok()?;
        let result = summary.images.into_iter().next()?;
        match result.status {
            "OK" | "OKDuplicate" => result.image.map(|i| i.id),
            _ => None,
        }
    }

    /// What the fake keeps of an image: its size, detected format, dimensions and source.
    pub fn image(&self, project_id: Uuid, image_id: Uuid) -> Option<StoredImage> {
        self.shared.state().stored_image(project_id, image_id)
    }

    /// The ids of a project's stored predictions, newest first; `None` if there is no such
    /// project.
    pub fn predictions(&self, project_id: Uuid) -> Option<Vec<Uuid>> {
        self.shared.state().stored_predictions(project_id)
    }
}

impl Drop for FakeTraining {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
