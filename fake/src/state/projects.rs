//! Projects: CreateProject, GetProjects, GetProject, UpdateProject, DeleteProject.

use uuid::Uuid;

use super::{ProjectRecord, State, now};
use crate::domains;
use crate::errors::{ServiceError, not_found_domain};
use customvision_training::{Project, ProjectSettings};

/// The writable fields of a project, as read from an UpdateProject body.
#[derive(Debug, Default)]
pub struct ProjectUpdate {
    /// `Some(None)`: set to null (refused: a project needs a name).
    pub name: Option<Option<String>>,
    /// `Some(None)`: set to null.
    pub description: Option<Option<String>>,
    /// The new domain, from `settings.domainId`.
    pub domain_id: Option<Uuid>,
}

fn check_name(name: &str) -> Result<(), ServiceError> {
    if name.trim().is_empty() {
        return Err(ServiceError::new(
            "BadRequestProjectName",
            "The project name must not be empty",
        ));
    }
    Ok(())
}

fn unknown_domain(domain_id: Uuid) -> ServiceError {
    ServiceError::new(
        "BadRequestProjectUnknownDomain",
        format!("Domain {domain_id} is not a known domain"),
    )
}

impl State {
    /// Adds a project without the service's checks (a seeding helper); returns its id.
    pub fn add_project(&mut self, name: &str, domain_id: Uuid) -> Uuid {
        let now = now();
        let id = Uuid::new_v4();
        self.projects.push(ProjectRecord::new(Project {
            id,
            name: Some(name.to_owned()),
            description: Some(String::new()),
            settings: Some(ProjectSettings { domain_id }),
            created: now,
            last_modified: now,
            thumbnail_uri: None,
        }));
        id
    }

    fn check_unique_name(&self, name: &str, except: Option<Uuid>) -> Result<(), ServiceError> {
        let taken = self.projects.iter().any(|p| {
            Some(p.project.id) != except
                && p.project
                    .name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
        if taken {
            return Err(ServiceError::new(
                "BadRequestProjectNameNotUnique",
                format!("A project named {name:?} already exists"),
            ));
        }
        Ok(())
    }

    /// CreateProject: a unique, non-empty name; the domain defaults to General.
    pub fn create_project(
        &mut self,
        name: &str,
        description: Option<&str>,
        domain_id: Option<Uuid>,
    ) -> Result<Project, ServiceError> {
        check_name(name)?;
        self.check_unique_name(name, None)?;
        let domain_id = domain_id.unwrap_or(domains::GENERAL);
        if domains::find(domain_id).is_none() {
            return Err(unknown_domain(domain_id));
        }
        let id = self.add_project(name, domain_id);
        let project = self.project_mut(id)?;
        project.project.description = Some(description.unwrap_or_default().to_owned());
        Ok(project.view())
    }

    /// GetProjects, in creation order.
    pub fn projects(&self) -> Vec<Project> {
        self.projects.iter().map(ProjectRecord::view).collect()
    }

    /// GetProject.
    pub fn get_project(&self, project_id: Uuid) -> Result<Project, ServiceError> {
        Ok(self.project(project_id)?.view())
    }

    /// UpdateProject: only the name, the description and the domain change; `lastModified`
    /// moves; a new domain makes the next TrainProject train.
    pub fn update_project(
        &mut self,
        project_id: Uuid,
        update: ProjectUpdate,
    ) -> Result<Project, ServiceError> {
        self.project(project_id)?;
        let name = match update.name {
            Some(Some(name)) => {
                check_name(&name)?;
                self.check_unique_name(&name, Some(project_id))?;
                Some(name)
            }
            Some(None) => {
                return Err(ServiceError::new(
                    "BadRequestProjectName",
                    "The project name must not be null",
                ));
            }
            None => None,
        };
        if let Some(domain_id) = update.domain_id
            && domains::find(domain_id).is_none()
        {
            return Err(unknown_domain(domain_id));
        }
        let record = self.project_mut(project_id)?;
        if name.is_some() {
            record.project.name = name;
        }
        if let Some(description) = update.description {
            record.project.description = description;
        }
        if let Some(domain_id) = update.domain_id
            && domain_id != record.domain_id()
        {
            record.project.settings = Some(ProjectSettings { domain_id });
            record.touch();
        }
        record.project.last_modified = now();
        Ok(record.view())
    }

    /// DeleteProject.
    pub fn delete_project(&mut self, project_id: Uuid) -> Result<(), ServiceError> {
        self.project(project_id)?;
        self.projects.retain(|p| p.project.id != project_id);
        Ok(())
    }

    /// GetDomain.
    pub fn domain(&self, domain_id: Uuid) -> Result<customvision_training::Domain, ServiceError> {
        domains::find(domain_id).ok_or_else(|| not_found_domain(domain_id))
    }
}

impl ProjectRecord {
    /// The project as the service answers it: the thumbnail is the first image's.
    fn view(&self) -> Project {
        let mut project = self.project.clone();
        project.thumbnail_uri = self
            .images
            .first()
            .map(|i| super::images::thumbnail_uri(i.id));
        project
    }
}
