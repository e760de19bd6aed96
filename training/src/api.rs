//! The Training API's operations, declared with `#[endpoint]`.

use declarest::endpoint;
use uuid::Uuid;

use crate::models::{Iteration, IterationPatch};

/// The Custom Vision Training API v2.0.
///
/// Implemented for [`declarest::Client`]; build one with [`crate::client`].
pub trait Training: declarest::Api {
    /// Get iterations for the project.
    #[endpoint(GET, "/projects/<projectId>/iterations")]
    async fn get_iterations(&self, project_id: Uuid) -> declarest::Result<Vec<Iteration>>;

    /// Get a specific iteration.
    #[endpoint(GET, "/projects/<projectId>/iterations/<iterationId>")]
    async fn get_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> declarest::Result<Iteration>;

    /// Update a specific iteration: only the fields set on the patch are sent.
    #[endpoint(PATCH, "/projects/<projectId>/iterations/<iterationId>")]
    async fn update_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[body] updated_iteration: &IterationPatch,
    ) -> declarest::Result<Iteration>;
}

impl Training for declarest::Client {}
