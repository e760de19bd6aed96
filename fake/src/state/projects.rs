//! Projects: CreateProject, GetProjects, GetProject, UpdateProject, DeleteProject.

use uuid::Uuid;

use super::{EXPORT_PLATFORMS, ProjectRecord, ProjectView, State, now};
use crate::domains;
use crate::errors::{ServiceError, not_found_domain};

/// What CreateProject reads.
#[derive(Debug, Default)]
pub struct NewProject<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    /// General when `None`.
    pub domain_id: Option<Uuid>,
    /// `Multiclass` (the default for a classification domain) or `Multilabel`.
    pub classification_type: Option<&'a str>,
    pub target_export_platforms: Vec<String>,
}

/// The writable fields of a project, as read from an UpdateProject body.
#[derive(Debug, Default)]
pub struct ProjectUpdate {
    /// `Some(None)`: set to null (refused: a project needs a name).
    pub name: Option<Option<String>>,
    /// `Some(None)`: set to null.
    pub description: Option<Option<String>>,
    /// The new domain, from `settings.domainId`.
    pub domain_id: Option<Uuid>,
    /// `settings.classificationType`.
    pub classification_type: Option<String>,
    /// `settings.targetExportPlatforms`.
    pub target_export_platforms: Option<Vec<String>>,
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

/// `Multiclass` or `Multilabel`, in the service's spelling.
fn classification(value: &str) -> Result<String, ServiceError> {
    ["Multiclass", "Multilabel"]
        .into_iter()
        .find(|c| c.eq_ignore_ascii_case(value))
        .map(str::to_owned)
        .ok_or_else(|| {
            ServiceError::new(
                "BadRequestProjectUnknownClassification",
                format!("{value:?} is not a classification type: Multiclass or Multilabel"),
            )
        })
}

/// Known platforms, in the service's spelling, for a domain that exports.
fn export_platforms(platforms: &[String], domain_id: Uuid) -> Result<Vec<String>, ServiceError> {
    let mut known = Vec::new();
    for platform in platforms {
        let Some(name) = EXPORT_PLATFORMS
            .into_iter()
            .find(|p| p.eq_ignore_ascii_case(platform))
        else {
            return Err(ServiceError::new(
                "BadRequestProjectUnsupportedExportPlatform",
                format!("{platform:?} is not a platform the service exports to"),
            ));
        };
        if !known.iter().any(|k| k == name) {
            known.push(name.to_owned());
        }
    }
    if !known.is_empty() && !domains::is_exportable(domain_id) {
        return Err(ServiceError::new(
            "BadRequestProjectUnsupportedExportPlatform",
            format!("Domain {domain_id} is not compact: its models cannot be exported"),
        ));
    }
    Ok(known)
}

/// The classification type of a new project in `domain_id`.
fn default_classification(domain_id: Uuid) -> Option<String> {
    (!domains::is_detection(domain_id)).then(|| "Multiclass".to_owned())
}

impl State {
    /// Adds a project without the service's checks (a seeding helper); returns its id.
    pub fn add_project(&mut self, name: &str, domain_id: Uuid) -> Uuid {
        let now = now();
        let id = Uuid::new_v4();
        self.projects.push(ProjectRecord {
            id,
            name: name.to_owned(),
            description: Some(String::new()),
            domain_id,
            classification_type: default_classification(domain_id),
            target_export_platforms: Vec::new(),
            created: now,
            last_modified: now,
            tags: Vec::new(),
            images: Vec::new(),
            iterations: Vec::new(),
            predictions: Vec::new(),
            data_version: 0,
            trained_version: None,
            next_seq: 0,
        });
        id
    }

    pub(super) fn check_unique_name(
        &self,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<(), ServiceError> {
        let taken = self
            .projects
            .iter()
            .any(|p| Some(p.id) != except && p.name.eq_ignore_ascii_case(name));
        if taken {
            return Err(ServiceError::new(
                "BadRequestProjectNameNotUnique",
                format!("A project named {name:?} already exists"),
            ));
        }
        Ok(())
    }

    /// CreateProject: a unique, non-empty name; the domain defaults to General; export
    /// platforms need a compact domain.
    pub fn create_project(&mut self, new: NewProject<'_>) -> Result<ProjectView, ServiceError> {
        check_name(new.name)?;
        self.check_unique_name(new.name, None)?;
        let domain_id = new.domain_id.unwrap_or(domains::GENERAL);
        if domains::find(domain_id).is_none() {
            return Err(unknown_domain(domain_id));
        }
        let classification_type = match new.classification_type {
            Some(value) => Some(classification(value)?),
            None => default_classification(domain_id),
        };
        let platforms = export_platforms(&new.target_export_platforms, domain_id)?;
        let id = self.add_project(new.name, domain_id);
        let project = self.project_mut(id)?;
        project.description = Some(new.description.unwrap_or_default().to_owned());
        project.classification_type = classification_type;
        project.target_export_platforms = platforms;
        Ok(project.view())
    }

    /// GetProjects, in creation order.
    pub fn projects(&self) -> Vec<ProjectView> {
        self.projects.iter().map(ProjectRecord::view).collect()
    }

    /// GetProject.
    pub fn get_project(&self, project_id: Uuid) -> Result<ProjectView, ServiceError> {
        Ok(self.project(project_id)?.view())
    }

    /// UpdateProject: only the name, the description and the settings change; `lastModified`
    /// moves; a new domain makes the next TrainProject train.
    pub fn update_project(
        &mut self,
        project_id: Uuid,
        update: ProjectUpdate,
    ) -> Result<ProjectView, ServiceError> {
        let current = self.project(project_id)?.domain_id;
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
        let domain_id = update.domain_id.unwrap_or(current);
        let classification_type = update
            .classification_type
            .as_deref()
            .map(classification)
            .transpose()?;
        let platforms = update
            .target_export_platforms
            .as_deref()
            .map(|p| export_platforms(p, domain_id))
            .transpose()?;
        let record = self.project_mut(project_id)?;
        if let Some(name) = name {
            record.name = name;
        }
        if let Some(description) = update.description {
            record.description = description;
        }
        if domain_id != record.domain_id {
            record.domain_id = domain_id;
            record.touch();
        }
        if let Some(classification_type) = classification_type {
            record.classification_type = Some(classification_type);
        }
        if let Some(platforms) = platforms {
            record.target_export_platforms = platforms;
        }
        record.last_modified = now();
        Ok(record.view())
    }

    /// DeleteProject.
    pub fn delete_project(&mut self, project_id: Uuid) -> Result<(), ServiceError> {
        self.project(project_id)?;
        self.projects.retain(|p| p.id != project_id);
        Ok(())
    }

    /// GetDomain.
    pub fn domain(&self, domain_id: Uuid) -> Result<customvision_training::Domain, ServiceError> {
        domains::find(domain_id).ok_or_else(|| not_found_domain(domain_id))
    }
}

impl ProjectRecord {
    /// The project as the service answers it: the thumbnail is the first image's.
    pub(super) fn view(&self) -> ProjectView {
        ProjectView {
            id: self.id,
            name: self.name.clone(),
            description: self.description.clone(),
            domain_id: self.domain_id,
            classification_type: self.classification_type.clone(),
            target_export_platforms: self.target_export_platforms.clone(),
            created: self.created,
            last_modified: self.last_modified,
            thumbnail_image: self.images.first().map(|i| i.id),
        }
    }
}
