//! The fake's data, and the service's rules for changing it.

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::DateTime;
use crate::models::Iteration;

/// An error the service would answer with: status and `{code, message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl ServiceError {
    pub fn new(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        ServiceError {
            status,
            code,
            message: message.into(),
        }
    }
}

#[derive(Debug)]
struct Project {
    #[allow(dead_code)] // Kept for the operations of later slices (GetProject, ...).
    name: String,
    /// In creation order, as the service lists them.
    iterations: Vec<Iteration>,
}

#[derive(Debug, Default)]
pub struct State {
    projects: BTreeMap<Uuid, Project>,
}

/// The writable fields of an iteration, as read from an UpdateIteration body.
#[derive(Debug, Default)]
pub struct IterationUpdate {
    /// `Some(None)`: set to null.
    pub name: Option<Option<String>>,
    pub is_default: Option<bool>,
}

/// Now, at the service's precision: .NET ticks of 100 ns, so at most 7 fractional digits.
fn now() -> DateTime {
    let now = time::OffsetDateTime::now_utc();
    let ticks = now.nanosecond() / 100 * 100;
    DateTime::from(now.replace_nanosecond(ticks).unwrap_or(now))
}

impl State {
    pub fn add_project(&mut self, name: &str) -> Uuid {
        let id = Uuid::new_v4();
        self.projects.insert(
            id,
            Project {
                name: name.to_owned(),
                iterations: Vec::new(),
            },
        );
        id
    }

    pub fn add_iteration(
        &mut self,
        project_id: Uuid,
        name: &str,
        is_default: bool,
    ) -> Option<Iteration> {
        let project = self.projects.get_mut(&project_id)?;
        let now = now();
        let iteration = Iteration {
            id: Uuid::new_v4(),
            name: Some(name.to_owned()),
            is_default,
            status: Some("New".to_owned()),
            created: now,
            last_modified: now,
            trained_at: None,
            project_id,
            exportable: false,
            domain_id: None,
        };
        if is_default {
            project
                .iterations
                .iter_mut()
                .for_each(|i| i.is_default = false);
        }
        project.iterations.push(iteration.clone());
        Some(iteration)
    }

    fn project(&self, project_id: Uuid) -> Result<&Project, ServiceError> {
        self.projects.get(&project_id).ok_or_else(|| {
            ServiceError::new(
                404,
                "NotFoundProject",
                format!("Project {project_id} not found"),
            )
        })
    }

    pub fn iterations(&self, project_id: Uuid) -> Result<&[Iteration], ServiceError> {
        Ok(&self.project(project_id)?.iterations)
    }

    pub fn iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<&Iteration, ServiceError> {
        self.project(project_id)?
            .iterations
            .iter()
            .find(|i| i.id == iteration_id)
            .ok_or_else(|| not_found_iteration(iteration_id))
    }

    /// UpdateIteration as the service applies it: only `name` and `isDefault` change,
    /// `lastModified` moves, and a new default clears the flag on the project's others.
    pub fn update_iteration(
        &mut self,
        project_id: Uuid,
        iteration_id: Uuid,
        update: IterationUpdate,
    ) -> Result<Iteration, ServiceError> {
        self.iteration(project_id, iteration_id)?;
        let project = self
            .projects
            .get_mut(&project_id)
            .ok_or_else(|| not_found_iteration(iteration_id))?;
        if update.is_default == Some(true) {
            for other in project
                .iterations
                .iter_mut()
                .filter(|i| i.id != iteration_id)
            {
                other.is_default = false;
            }
        }
        let iteration = project
            .iterations
            .iter_mut()
            .find(|i| i.id == iteration_id)
            .ok_or_else(|| not_found_iteration(iteration_id))?;
        if let Some(name) = update.name {
            iteration.name = name;
        }
        if let Some(is_default) = update.is_default {
            iteration.is_default = is_default;
        }
        iteration.last_modified = now();
        Ok(iteration.clone())
    }
}

fn not_found_iteration(iteration_id: Uuid) -> ServiceError {
    ServiceError::new(
        404,
        "NotFoundIteration",
        format!("Iteration {iteration_id} not found"),
    )
}
