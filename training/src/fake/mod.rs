//! An in-process fake of the Training service: a real HTTP server (axum) on 127.0.0.1 with an
//! OS-assigned port, keeping its data in memory.
//!
//! It checks the `Training-Key` header (401 when missing or wrong), answers unknown ids with 404
//! and the service's `{code, message}` body, and applies updates as the service does.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use customvision_training::{fake::FakeTraining, Training};
//!
//! let fake = FakeTraining::start("test-key").await?;
//! let project = fake.add_project("Birds");
//! fake.add_iteration(project, "Iteration 1", true);
//! let client = fake.client()?;
//! let iterations = client.get_iterations(project).await?;
//! assert_eq!(iterations.len(), 1);
//! # Ok(())
//! # }
//! ```

mod routes;
mod state;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::oneshot;
use uuid::Uuid;

use crate::models::Iteration;
use state::State;

/// A running fake. The server stops when this is dropped.
#[derive(Debug)]
pub struct FakeTraining {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
}

/// What the request handlers share.
#[derive(Debug)]
struct Shared {
    training_key: String,
    state: Mutex<State>,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A handler never panics while holding the lock; if one did, its data is still usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl FakeTraining {
    /// Starts the fake on 127.0.0.1, on a port the OS picks, accepting `training_key`.
    /// Must be called inside a tokio runtime.
    pub async fn start(training_key: impl Into<String>) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            training_key: training_key.into(),
            state: Mutex::new(State::default()),
        });
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let app = routes::router(Arc::clone(&shared));
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
        crate::base_url(&self.endpoint())
    }

    /// A client for the fake, sending the right training key.
    pub fn client(&self) -> declarest::Result<declarest::Client> {
        crate::client(&self.endpoint(), &self.shared.training_key)
    }

    /// Adds a project; returns its id.
    pub fn add_project(&self, name: &str) -> Uuid {
        self.shared.state().add_project(name)
    }

    /// Adds an untrained iteration to a project; `None` if there is no such project. Making it
    /// the default clears the flag on the project's other iterations.
    pub fn add_iteration(
        &self,
        project_id: Uuid,
        name: &str,
        is_default: bool,
    ) -> Option<Iteration> {
        self.shared
            .state()
            .add_iteration(project_id, name, is_default)
    }

    /// An iteration as the fake holds it, to check what a request did.
    pub fn iteration(&self, project_id: Uuid, iteration_id: Uuid) -> Option<Iteration> {
        self.shared
            .state()
            .iteration(project_id, iteration_id)
            .ok()
            .cloned()
    }
}

impl Drop for FakeTraining {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
