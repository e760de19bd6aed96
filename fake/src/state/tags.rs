//! Tags: CreateTag, GetTags, GetTag, UpdateTag, DeleteTag. `imageCount` is counted from the
//! images (of the workspace, or of an iteration's training data), so it is always in step.

use uuid::Uuid;

use super::{ImageRecord, ProjectRecord, State, TagRecord, TagView};
use crate::errors::{ServiceError, not_found_tag};

/// The writable fields of a tag, as read from an UpdateTag body.
#[derive(Debug, Default)]
pub struct TagUpdate {
    /// `Some(None)`: set to null (refused: a tag needs a name).
    pub name: Option<Option<String>>,
    /// `Some(None)`: set to null.
    pub description: Option<Option<String>>,
    /// The new type (`Regular`, `Negative`, `GeneralProduct`).
    pub tag_type: Option<String>,
}

/// The tag types, as the service spells them.
const TAG_TYPES: [&str; 3] = ["Regular", "Negative", "GeneralProduct"];

/// A tag type in the service's spelling.
fn tag_type(value: &str) -> Result<&'static str, ServiceError> {
    TAG_TYPES
        .into_iter()
        .find(|t| t.eq_ignore_ascii_case(value))
        .ok_or_else(|| {
            ServiceError::new(
                "BadRequestTagType",
                format!("{value:?} is not a tag type: Regular, Negative or GeneralProduct"),
            )
        })
}

fn check_name(name: &str) -> Result<(), ServiceError> {
    if name.trim().is_empty() {
        return Err(ServiceError::new(
            "BadRequestTagName",
            "The tag name must not be empty",
        ));
    }
    Ok(())
}

/// A tag with its image count among `images`.
fn view(tag: &TagRecord, images: &[ImageRecord]) -> TagView {
    let count = images
        .iter()
        .filter(|i| i.tags.iter().any(|t| t.tag_id == tag.id))
        .count();
    TagView {
        id: tag.id,
        name: tag.name.clone(),
        description: tag.description.clone(),
        tag_type: tag.tag_type.clone(),
        image_count: i32::try_from(count).unwrap_or(i32::MAX),
    }
}

impl ProjectRecord {
    fn check_unique_tag_name(&self, name: &str, except: Option<Uuid>) -> Result<(), ServiceError> {
        if self
            .tags
            .iter()
            .any(|t| Some(t.id) != except && t.name.eq_ignore_ascii_case(name))
        {
            return Err(ServiceError::new(
                "BadRequestTagNameNotUnique",
                format!("A tag named {name:?} already exists in the project"),
            ));
        }
        Ok(())
    }

    /// The tag's name, for the image views.
    pub(super) fn tag_name(tags: &[TagRecord], tag_id: Uuid) -> Option<String> {
        tags.iter().find(|t| t.id == tag_id).map(|t| t.name.clone())
    }

    /// A project has at most one `Negative` and one `GeneralProduct` tag.
    fn check_single_type(&self, tag_type: &str, except: Option<Uuid>) -> Result<(), ServiceError> {
        let code = match tag_type {
            "Negative" => "BadRequestMultipleNegativeTag",
            "GeneralProduct" => "BadRequestMultipleGeneralProductTag",
            _ => return Ok(()),
        };
        if self
            .tags
            .iter()
            .any(|t| Some(t.id) != except && t.tag_type == tag_type)
        {
            return Err(ServiceError::new(
                code,
                format!("The project already has a {tag_type} tag"),
            ));
        }
        Ok(())
    }

    /// The type of one of the project's tags (`Regular` if unknown).
    pub(super) fn tag_type(&self, tag_id: Uuid) -> &str {
        self.tags
            .iter()
            .find(|t| t.id == tag_id)
            .map_or("Regular", |t| t.tag_type.as_str())
    }

    /// Fails with NotFoundTag unless every id is one of the project's tags.
    pub(super) fn check_tags(&self, tag_ids: &[Uuid]) -> Result<(), ServiceError> {
        match tag_ids
            .iter()
            .find(|id| !self.tags.iter().any(|t| t.id == **id))
        {
            Some(missing) => Err(not_found_tag(*missing)),
            None => Ok(()),
        }
    }
}

impl State {
    /// CreateTag: a unique (case-insensitively), non-empty name; the type defaults to
    /// `Regular`, and a project has at most one `Negative` and one `GeneralProduct` tag.
    pub fn create_tag(
        &mut self,
        project_id: Uuid,
        name: &str,
        description: Option<&str>,
        tag_type: Option<&str>,
    ) -> Result<TagView, ServiceError> {
        check_name(name)?;
        let tag_type = tag_type.map_or(Ok("Regular"), self::tag_type)?;
        let project = self.project_mut(project_id)?;
        project.check_unique_tag_name(name, None)?;
        project.check_single_type(tag_type, None)?;
        let tag = TagRecord {
            id: Uuid::new_v4(),
            name: name.to_owned(),
            description: description.map(str::to_owned),
            tag_type: tag_type.to_owned(),
        };
        project.tags.push(tag.clone());
        Ok(view(&tag, &[]))
    }

    /// GetTags, in creation order, of the workspace or of an iteration's training data.
    pub fn tags(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<Vec<TagView>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(iteration_id)?;
        Ok(tags.iter().map(|t| view(t, images)).collect())
    }

    /// GetTag.
    pub fn tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<TagView, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(iteration_id)?;
        let tag = tags
            .iter()
            .find(|t| t.id == tag_id)
            .ok_or_else(|| not_found_tag(tag_id))?;
        Ok(view(tag, images))
    }

    /// UpdateTag: only the name, the description and the type change.
    pub fn update_tag(
        &mut self,
        project_id: Uuid,
        tag_id: Uuid,
        update: TagUpdate,
    ) -> Result<TagView, ServiceError> {
        let project = self.project_mut(project_id)?;
        if !project.tags.iter().any(|t| t.id == tag_id) {
            return Err(not_found_tag(tag_id));
        }
        let name = match update.name {
            Some(Some(name)) => {
                check_name(&name)?;
                project.check_unique_tag_name(&name, Some(tag_id))?;
                Some(name)
            }
            Some(None) => {
                return Err(ServiceError::new(
                    "BadRequestTagName",
                    "The tag name must not be null",
                ));
            }
            None => None,
        };
        let new_type = update.tag_type.as_deref().map(self::tag_type).transpose()?;
        if let Some(new_type) = new_type {
            project.check_single_type(new_type, Some(tag_id))?;
        }
        let tag = project
            .tags
            .iter_mut()
            .find(|t| t.id == tag_id)
            .ok_or_else(|| not_found_tag(tag_id))?;
        if let Some(name) = name {
            tag.name = name;
        }
        if let Some(description) = update.description {
            tag.description = description;
        }
        let retyped = new_type.is_some_and(|t| t != tag.tag_type);
        if let Some(new_type) = new_type {
            tag.tag_type = new_type.to_owned();
        }
        let tag = tag.clone();
        if retyped {
            project.touch();
        }
        Ok(view(&tag, &project.images))
    }

    /// DeleteTag: the tag goes, and with it its image tags and regions.
    pub fn delete_tag(&mut self, project_id: Uuid, tag_id: Uuid) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        if !project.tags.iter().any(|t| t.id == tag_id) {
            return Err(not_found_tag(tag_id));
        }
        project.tags.retain(|t| t.id != tag_id);
        for image in &mut project.images {
            image.tags.retain(|t| t.tag_id != tag_id);
            image.regions.retain(|r| r.tag_id != tag_id);
        }
        project.touch();
        Ok(())
    }

    /// A seeding helper: CreateTag without the checks on the name.
    pub fn add_tag(&mut self, project_id: Uuid, name: &str) -> Option<TagView> {
        let project = self.project_mut(project_id).ok()?;
        let tag = TagRecord {
            id: Uuid::new_v4(),
            name: name.to_owned(),
            description: None,
            tag_type: "Regular".to_owned(),
        };
        project.tags.push(tag.clone());
        Some(view(&tag, &[]))
    }
}
