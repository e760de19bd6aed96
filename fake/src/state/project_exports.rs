//! ExportProject and ImportProject: an export is a copy of the project (its settings, tags,
//! images with their regions and metadata, and its trained iterations with their training data)
//! kept under a token; importing it creates a new project with new ids throughout, its
//! iterations trained and unpublished.

use std::collections::HashMap;

use uuid::Uuid;

use super::{ImageRecord, ProjectExportView, ProjectRecord, ProjectView, State, now};
use crate::errors::ServiceError;
use crate::imaging;

#[derive(Debug)]
pub(super) struct ProjectExportRecord {
    token: String,
    project: ProjectRecord,
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// New ids for the copies, the same new id for the same old one.
#[derive(Default)]
struct Renames(HashMap<Uuid, Uuid>);

impl Renames {
    fn id(&mut self, old: Uuid) -> Uuid {
        *self.0.entry(old).or_insert_with(Uuid::new_v4)
    }

    fn image(&mut self, image: &mut ImageRecord) {
        image.id = self.id(image.id);
        for tag in &mut image.tags {
            tag.tag_id = self.id(tag.tag_id);
        }
        for region in &mut image.regions {
            region.id = self.id(region.id);
            region.tag_id = self.id(region.tag_id);
        }
    }
}

impl State {
    /// ExportProject: a token for a copy of the project as it is now; not while it trains
    /// (BadRequestExportWhileTraining).
    pub fn export_project(&mut self, project_id: Uuid) -> Result<ProjectExportView, ServiceError> {
        let project = self.project(project_id)?;
        if project.in_training() {
            return Err(ServiceError::new(
                "BadRequestExportWhileTraining",
                format!("Project {project_id} is training: export it when training is done"),
            ));
        }
        let mut copy = project.clone();
        copy.iterations
            .retain(|i| i.iteration.status == "Completed");
        for record in &mut copy.iterations {
            record.exports.clear();
        }
        copy.predictions.clear();
        let seed = imaging::hash(Uuid::new_v4().as_bytes());
        let token = format!("fake-export-{}-{seed:016x}", project_id.simple());
        let view = ProjectExportView {
            iteration_count: count(copy.iterations.len()),
            image_count: count(copy.images.len()),
            tag_count: count(copy.tags.len()),
            region_count: count(copy.images.iter().map(|i| i.regions.len()).sum()),
            // A made-up estimate: 100 ms, and 10 ms an image.
            estimated_import_time_in_ms: count(100 + 10 * copy.images.len()),
            token: token.clone(),
        };
        self.project_exports.push(ProjectExportRecord {
            token,
            project: copy,
        });
        Ok(view)
    }

    /// ImportProject: a new project from an export's token (BadRequestInvalidImportToken if
    /// the fake never gave it), named `name` or after the exported project ("{name} (imported)",
    /// numbered if taken). The import is done when this answers.
    pub fn import_project(
        &mut self,
        token: &str,
        name: Option<&str>,
    ) -> Result<ProjectView, ServiceError> {
        let exported = self
            .project_exports
            .iter()
            .find(|e| e.token == token)
            .ok_or_else(|| {
                ServiceError::new(
                    "BadRequestInvalidImportToken",
                    "The token is not one ExportProject gave",
                )
            })?;
        let mut project = exported.project.clone();
        let name = match name {
            Some(name) => {
                if name.trim().is_empty() {
                    return Err(ServiceError::new(
                        "BadRequestProjectName",
                        "The project name must not be empty",
                    ));
                }
                self.check_unique_name(name, None)?;
                name.to_owned()
            }
            None => {
                let base = format!("{} (imported)", project.name);
                let mut candidate = base.clone();
                let mut n = 1;
                while self.check_unique_name(&candidate, None).is_err() {
                    n += 1;
                    candidate = format!("{base} {n}");
                }
                candidate
            }
        };
        let mut renames = Renames::default();
        let now = now();
        project.id = Uuid::new_v4();
        project.name = name;
        project.created = now;
        project.last_modified = now;
        for tag in &mut project.tags {
            tag.id = renames.id(tag.id);
        }
        for image in &mut project.images {
            renames.image(image);
        }
        for record in &mut project.iterations {
            let iteration = &mut record.iteration;
            iteration.id = Uuid::new_v4();
            iteration.project_id = project.id;
            iteration.publish_name = None;
            iteration.original_publish_resource_id = None;
            if let Some(run) = &mut record.run {
                for tag in &mut run.snapshot.tags {
                    tag.id = renames.id(tag.id);
                }
                for image in &mut run.snapshot.images {
                    renames.image(image);
                }
            }
        }
        let view = project.view();
        self.projects.push(project);
        Ok(view)
    }
}
