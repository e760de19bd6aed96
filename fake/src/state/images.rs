//! Images: the create operations (data, files, URLs, predictions), the listings and counts,
//! image tags, regions, region proposals and metadata.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use uuid::Uuid;

use super::filter::MetadataFilter;
use super::{
    BoxView, CreateResultView, CreateSummaryView, ImageData, ImageRecord, ImageSource,
    ImageTagEntry, ImageTagRecord, ImageTagSummaryView, ImageTagView, ImageView, MetadataEntryView,
    MetadataSummaryView, ProjectRecord, ProposalView, RegionCreatedView, RegionEntry, RegionInput,
    RegionRecord, RegionSummaryView, RegionView, State, StoredImage, TagRecord, now,
};
use crate::errors::{ServiceError, not_found_image};
use crate::imaging::{self, ImageFormat};

/// Images per create batch.
pub const MAX_BATCH_IMAGES: usize = 64;
/// Tags per create batch.
pub const MAX_BATCH_TAGS: usize = 20;
/// Entries per CreateImageTags batch.
pub const MAX_IMAGE_TAG_ENTRIES: usize = 128;
/// Entries per CreateImageRegions batch.
pub const MAX_REGION_ENTRIES: usize = 64;
/// Tags one image can have; more are `exceeded`.
pub const MAX_TAGS_PER_IMAGE: usize = 50;
/// Regions one image can have; more are `exceeded`.
pub const MAX_REGIONS_PER_IMAGE: usize = 200;
/// The largest image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 6 * 1024 * 1024;
/// Images per UpdateImageMetadata (the operation's description says 64).
pub const MAX_METADATA_IMAGES: usize = 64;
/// Metadata pairs one image can have.
pub const MAX_METADATA_PAIRS: usize = 50;
/// Characters in a metadata key.
pub const MAX_METADATA_KEY: usize = 256;
/// Characters in a metadata value.
pub const MAX_METADATA_VALUE: usize = 512;

/// One image of a create request, as the request carried it.
#[derive(Debug, Clone)]
pub enum ImageEntry {
    /// Uploaded bytes (a multipart part, an octet-stream body, or decoded base64).
    Bytes {
        /// The contents.
        bytes: Vec<u8>,
        /// The file name, if any.
        file_name: Option<String>,
        /// The declared content type, if any.
        content_type: Option<String>,
    },
    /// A URL, accepted without fetching.
    Url(String),
    /// Contents that could not be read (bad base64, no URL): answered `ErrorSource`.
    Unreadable {
        /// The name or URL it was given under.
        name: Option<String>,
    },
}

/// One image to create, with its own tags and regions.
#[derive(Debug, Clone)]
pub struct NewImage {
    /// The image.
    pub entry: ImageEntry,
    /// Its tags (on top of the batch's).
    pub tag_ids: Vec<Uuid>,
    /// Its regions.
    pub regions: Vec<RegionInput>,
}

/// The filters and paging of an image listing.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The iteration whose training data to list; the workspace if `None`.
    pub iteration_id: Option<Uuid>,
    /// Images with any of these tags; all tagged images if `None`.
    pub tag_ids: Option<Vec<Uuid>>,
    /// `Newest` (the default) or `Oldest` first.
    pub newest_first: bool,
    /// At most this many.
    pub take: usize,
    /// After skipping this many.
    pub skip: usize,
}

/// GetImages' and GetImageCount's `taggingStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaggingStatus {
    /// Tagged and untagged images (the default).
    #[default]
    All,
    /// Images with at least one tag.
    Tagged,
    /// Images with no tag.
    Untagged,
}

/// The filters of GetImages (with `listing`'s paging) and GetImageCount.
#[derive(Debug, Clone)]
pub struct ImageQuery {
    /// Iteration, tag ids (images with any of them), order and paging.
    pub listing: Listing,
    pub tagging: TaggingStatus,
    /// `$filter` over the metadata.
    pub filter: Option<MetadataFilter>,
}

/// What DeleteImages deletes.
#[derive(Debug, Clone, Default)]
pub struct DeleteImages {
    /// These images (unknown ids are ignored).
    pub image_ids: Vec<Uuid>,
    /// Every image of the workspace.
    pub all_images: bool,
    /// From the iterations' training data too, not just the workspace.
    pub all_iterations: bool,
}

impl ImageData {
    /// Reads an entry; `Err` is the status of an image that cannot be created.
    pub(super) fn read(entry: ImageEntry) -> Result<ImageData, (&'static str, Option<String>)> {
        match entry {
            ImageEntry::Bytes {
                bytes,
                file_name,
                content_type,
            } => {
                let source = ImageSource::Upload {
                    file_name,
                    content_type,
                };
                if bytes.is_empty() {
                    return Err(("ErrorSource", source.source_url()));
                }
                if bytes.len() > MAX_IMAGE_BYTES {
                    return Err(("ErrorImageSize", source.source_url()));
                }
                let Some(format) = ImageFormat::detect(&bytes) else {
                    return Err(("ErrorImageFormat", source.source_url()));
                };
                let content = imaging::hash(&bytes);
                let (width, height) = imaging::dimensions(format, &bytes, content);
                Ok(ImageData {
                    source,
                    format: Some(format),
                    size: bytes.len(),
                    width,
                    height,
                    content,
                    bytes: Some(Arc::from(bytes)),
                })
            }
            ImageEntry::Url(url) => {
                let valid = url.starts_with("http://") || url.starts_with("https://");
                if !valid {
                    return Err(("ErrorSource", Some(url)));
                }
                let content = imaging::hash(url.as_bytes());
                let (width, height) = imaging::fallback_dimensions(content);
                Ok(ImageData {
                    source: ImageSource::Url(url),
                    format: None,
                    size: 0,
                    width,
                    height,
                    content,
                    bytes: None,
                })
            }
            ImageEntry::Unreadable { name } => Err(("ErrorSource", name)),
        }
    }

    /// The same image, as the service decides duplicates.
    fn same_as(&self, other: &ImageData) -> bool {
        self.content == other.content && self.size == other.size
    }

    pub(super) fn stored(&self, id: Uuid) -> StoredImage {
        let (file_name, content_type, url) = match &self.source {
            ImageSource::Upload {
                file_name,
                content_type,
            } => (file_name.clone(), content_type.clone(), None),
            ImageSource::Url(url) => (None, None, Some(url.clone())),
        };
        StoredImage {
            id,
            size: self.size,
            format: self.format,
            width: self.width,
            height: self.height,
            file_name,
            content_type,
            url,
            metadata: BTreeMap::new(),
        }
    }
}

/// An image as the service answers it, its tags and regions named after `tags`.
pub(super) fn view(image: &ImageRecord, tags: &[TagRecord]) -> ImageView {
    ImageView {
        id: image.id,
        created: image.created,
        width: image.data.width,
        height: image.data.height,
        tags: image
            .tags
            .iter()
            .map(|t| ImageTagView {
                tag_id: t.tag_id,
                tag_name: ProjectRecord::tag_name(tags, t.tag_id),
                created: t.created,
            })
            .collect(),
        regions: image
            .regions
            .iter()
            .map(|r| RegionView {
                region_id: r.id,
                tag_name: ProjectRecord::tag_name(tags, r.tag_id),
                created: r.created,
                tag_id: r.tag_id,
                bounds: BoxView {
                    left: r.left,
                    top: r.top,
                    width: r.width,
                    height: r.height,
                },
            })
            .collect(),
        metadata: image.metadata.clone(),
    }
}

fn valid_box(b: BoxView) -> bool {
    let unit = |v: f64| (0.0..=1.0).contains(&v);
    unit(b.left)
        && unit(b.top)
        && unit(b.width)
        && unit(b.height)
        && b.width > 0.0
        && b.height > 0.0
        && b.left + b.width <= 1.0 + 1e-9
        && b.top + b.height <= 1.0 + 1e-9
}

fn check_box(b: BoxView) -> Result<(), ServiceError> {
    if valid_box(b) {
        Ok(())
    } else {
        Err(ServiceError::new(
            "BadRequestImageRegions",
            format!(
                "The region ({}, {}, {}, {}) is not inside the image: coordinates are fractions from 0 to 1",
                b.left, b.top, b.width, b.height
            ),
        ))
    }
}

fn exceeded_batch(what: &str, count: usize, limit: usize) -> ServiceError {
    ServiceError::new(
        "BadRequestExceededBatchSize",
        format!("{count} {what} exceed the limit of {limit} per batch"),
    )
}

/// The key and value limits of metadata (the pair count is checked per image).
pub(super) fn check_metadata(metadata: &BTreeMap<String, String>) -> Result<(), ServiceError> {
    for (key, value) in metadata {
        let length = key.chars().count();
        if key.trim().is_empty() || length > MAX_METADATA_KEY {
            return Err(ServiceError::new(
                "BadRequestImageMetadataKey",
                format!("A metadata key has 1 to {MAX_METADATA_KEY} characters, not {length}"),
            ));
        }
        let length = value.chars().count();
        if length > MAX_METADATA_VALUE {
            return Err(ServiceError::new(
                "BadRequestImageMetadataValue",
                format!(
                    "The value of metadata key {key:?} has {length} characters, more than {MAX_METADATA_VALUE}"
                ),
            ));
        }
    }
    Ok(())
}

/// Newest or oldest first, then `skip` and `take`.
fn page<'a>(
    mut images: Vec<&'a ImageRecord>,
    listing: &Listing,
) -> impl Iterator<Item = &'a ImageRecord> {
    images.sort_by_key(|i| i.seq);
    if listing.newest_first {
        images.reverse();
    }
    images.into_iter().skip(listing.skip).take(listing.take)
}

/// Whether an image has any of `tag_ids` (any tag at all when `None`).
pub(super) fn has_any_tag(image: &ImageRecord, tag_ids: Option<&[Uuid]>) -> bool {
    match tag_ids {
        Some(ids) if !ids.is_empty() => image.tags.iter().any(|t| ids.contains(&t.tag_id)),
        _ => !image.tags.is_empty(),
    }
}

/// Whether an image passes GetImages' filters.
fn matches(image: &ImageRecord, query: &ImageQuery) -> bool {
    let tagged = match query.tagging {
        TaggingStatus::Untagged => image.tags.is_empty(),
        TaggingStatus::Tagged => has_any_tag(image, query.listing.tag_ids.as_deref()),
        TaggingStatus::All => match query.listing.tag_ids.as_deref() {
            Some(ids) if !ids.is_empty() => has_any_tag(image, Some(ids)),
            _ => true,
        },
    };
    tagged
        && query
            .filter
            .as_ref()
            .is_none_or(|f| f.matches(&image.metadata))
}

fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl ProjectRecord {
    fn image_mut(&mut self, image_id: Uuid) -> Result<&mut ImageRecord, ServiceError> {
        self.images
            .iter_mut()
            .find(|i| i.id == image_id)
            .ok_or_else(|| not_found_image(image_id))
    }

    /// Whether these tags mix a `Negative` tag with another.
    fn mixes_negative(&self, tag_ids: &BTreeSet<Uuid>) -> bool {
        let negative = tag_ids
            .iter()
            .filter(|id| self.tag_type(**id) == "Negative")
            .count();
        negative > 0 && tag_ids.len() > negative
    }

    /// Creates one image (or finds its duplicate) and answers its result.
    pub(super) fn add_image(
        &mut self,
        id: Option<Uuid>,
        data: ImageData,
        tag_ids: &[Uuid],
        regions: &[RegionInput],
        metadata: &BTreeMap<String, String>,
    ) -> CreateResultView {
        let source_url = data.source.source_url();
        let duplicate = self
            .images
            .iter()
            .find(|i| Some(i.id) == id || i.data.same_as(&data));
        if let Some(existing) = duplicate {
            return CreateResultView {
                source_url,
                status: "OKDuplicate",
                image: Some(view(existing, &self.tags)),
            };
        }
        let all_tags: BTreeSet<Uuid> = tag_ids
            .iter()
            .chain(regions.iter().map(|r| &r.tag_id))
            .copied()
            .collect();
        let refused = if all_tags.len() > MAX_TAGS_PER_IMAGE {
            Some("ErrorTagLimitExceed")
        } else if regions.len() > MAX_REGIONS_PER_IMAGE {
            Some("ErrorRegionLimitExceed")
        } else if metadata.len() > MAX_METADATA_PAIRS {
            Some("ErrorLimitExceed")
        } else if self.mixes_negative(&all_tags) {
            Some("ErrorNegativeAndRegularTagOnSameImage")
        } else {
            None
        };
        if let Some(status) = refused {
            return CreateResultView {
                source_url,
                status,
                image: None,
            };
        }
        let created = now();
        let image = ImageRecord {
            id: id.unwrap_or_else(Uuid::new_v4),
            seq: self.seq(),
            created,
            data,
            // In the order given, each once.
            tags: tag_ids
                .iter()
                .chain(regions.iter().map(|r| &r.tag_id))
                .fold(Vec::<Uuid>::new(), |mut seen, id| {
                    if !seen.contains(id) {
                        seen.push(*id);
                    }
                    seen
                })
                .into_iter()
                .map(|tag_id| ImageTagRecord { tag_id, created })
                .collect(),
            regions: regions
                .iter()
                .map(|r| RegionRecord {
                    id: Uuid::new_v4(),
                    tag_id: r.tag_id,
                    created,
                    left: r.bounds.left,
                    top: r.bounds.top,
                    width: r.bounds.width,
                    height: r.bounds.height,
                })
                .collect(),
            metadata: metadata.clone(),
        };
        let result = CreateResultView {
            source_url,
            status: "OK",
            image: Some(view(&image, &self.tags)),
        };
        self.images.push(image);
        self.touch();
        result
    }

    /// The checks every create batch passes before any image is created.
    fn check_batch(
        &self,
        images: usize,
        batch_tags: &[Uuid],
        per_image: impl Iterator<Item = (Vec<Uuid>, Vec<RegionInput>)>,
        metadata: &BTreeMap<String, String>,
    ) -> Result<(), ServiceError> {
        if images == 0 {
            return Err(ServiceError::new(
                "BadRequestImageBatch",
                "The batch holds no images",
            ));
        }
        if images > MAX_BATCH_IMAGES {
            return Err(exceeded_batch("images", images, MAX_BATCH_IMAGES));
        }
        if batch_tags.len() > MAX_BATCH_TAGS {
            return Err(exceeded_batch("tags", batch_tags.len(), MAX_BATCH_TAGS));
        }
        check_metadata(metadata)?;
        self.check_tags(batch_tags)?;
        for (tags, regions) in per_image {
            self.check_tags(&tags)?;
            for region in &regions {
                self.check_tags(&[region.tag_id])?;
                check_box(region.bounds)?;
            }
        }
        Ok(())
    }
}

fn summary(images: Vec<CreateResultView>) -> CreateSummaryView {
    CreateSummaryView {
        is_batch_successful: images.iter().all(|i| i.status == "OK"),
        images,
    }
}

impl State {
    /// CreateImagesFromData, CreateImagesFromFiles, CreateImagesFromUrls: every image gets the
    /// batch's tags and its own, and the batch's metadata; duplicates (same bytes, or same URL)
    /// answer `OKDuplicate`, unreadable or unsupported images an error status of their own, as
    /// does an image that would have a `Negative` tag and another.
    pub fn create_images(
        &mut self,
        project_id: Uuid,
        images: Vec<NewImage>,
        batch_tags: &[Uuid],
        metadata: &BTreeMap<String, String>,
    ) -> Result<CreateSummaryView, ServiceError> {
        let project = self.project_mut(project_id)?;
        project.check_batch(
            images.len(),
            batch_tags,
            images
                .iter()
                .map(|i| (i.tag_ids.clone(), i.regions.clone())),
            metadata,
        )?;
        let results = images
            .into_iter()
            .map(|image| {
                let tags: Vec<Uuid> = batch_tags.iter().chain(&image.tag_ids).copied().collect();
                match ImageData::read(image.entry) {
                    Ok(data) => project.add_image(None, data, &tags, &image.regions, metadata),
                    Err((status, source_url)) => CreateResultView {
                        source_url,
                        status,
                        image: None,
                    },
                }
            })
            .collect();
        Ok(summary(results))
    }

    /// CreateImagesFromPredictions: each stored prediction's image becomes a training image
    /// with the prediction's id; an unknown id answers `ErrorSource`.
    pub fn create_images_from_predictions(
        &mut self,
        project_id: Uuid,
        entries: Vec<(Uuid, Vec<Uuid>, Vec<RegionInput>)>,
        batch_tags: &[Uuid],
        metadata: &BTreeMap<String, String>,
    ) -> Result<CreateSummaryView, ServiceError> {
        let project = self.project_mut(project_id)?;
        project.check_batch(
            entries.len(),
            batch_tags,
            entries.iter().map(|(_, t, r)| (t.clone(), r.clone())),
            metadata,
        )?;
        let results = entries
            .into_iter()
            .map(|(id, tag_ids, regions)| {
                let tags: Vec<Uuid> = batch_tags.iter().chain(&tag_ids).copied().collect();
                match project.predictions.iter().find(|p| p.id == id) {
                    Some(prediction) => {
                        let data = prediction.data.clone();
                        project.add_image(Some(id), data, &tags, &regions, metadata)
                    }
                    None => CreateResultView {
                        source_url: None,
                        status: "ErrorSource",
                        image: None,
                    },
                }
            })
            .collect();
        Ok(summary(results))
    }

    /// DeleteImages: unknown ids are ignored; with `all_iterations` the images leave the
    /// iterations' training data too.
    pub fn delete_images(
        &mut self,
        project_id: Uuid,
        delete: &DeleteImages,
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        let doomed =
            |image: &ImageRecord| delete.all_images || delete.image_ids.contains(&image.id);
        let ids: Vec<Uuid> = project
            .images
            .iter()
            .filter(|i| doomed(i))
            .map(|i| i.id)
            .collect();
        if !ids.is_empty() {
            project.images.retain(|i| !ids.contains(&i.id));
            project.touch();
        }
        if delete.all_iterations {
            for record in &mut project.iterations {
                if let Some(run) = &mut record.run {
                    run.snapshot
                        .images
                        .retain(|i| !(delete.all_images || delete.image_ids.contains(&i.id)));
                }
            }
        }
        Ok(())
    }

    /// GetTaggedImages.
    pub fn tagged_images(
        &self,
        project_id: Uuid,
        listing: &Listing,
    ) -> Result<Vec<ImageView>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(listing.iteration_id)?;
        let matching = images
            .iter()
            .filter(|i| has_any_tag(i, listing.tag_ids.as_deref()))
            .collect();
        Ok(page(matching, listing).map(|i| view(i, tags)).collect())
    }

    /// GetUntaggedImages.
    pub fn untagged_images(
        &self,
        project_id: Uuid,
        listing: &Listing,
    ) -> Result<Vec<ImageView>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(listing.iteration_id)?;
        let matching = images.iter().filter(|i| i.tags.is_empty()).collect();
        Ok(page(matching, listing).map(|i| view(i, tags)).collect())
    }

    /// GetImages: by tagging status, any of the tags, and the metadata filter.
    pub fn images(
        &self,
        project_id: Uuid,
        query: &ImageQuery,
    ) -> Result<Vec<ImageView>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(query.listing.iteration_id)?;
        let matching = images.iter().filter(|i| matches(i, query)).collect();
        Ok(page(matching, &query.listing)
            .map(|i| view(i, tags))
            .collect())
    }

    /// GetImageCount: the images GetImages would list, without paging.
    pub fn image_count(&self, project_id: Uuid, query: &ImageQuery) -> Result<i32, ServiceError> {
        let (_, images) = self.project(project_id)?.data(query.listing.iteration_id)?;
        Ok(count(images.iter().filter(|i| matches(i, query)).count()))
    }

    /// GetTaggedImageCount: images with any of `tag_ids` (any tag when `None`).
    pub fn tagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tag_ids: Option<&[Uuid]>,
    ) -> Result<i32, ServiceError> {
        let (_, images) = self.project(project_id)?.data(iteration_id)?;
        Ok(count(
            images.iter().filter(|i| has_any_tag(i, tag_ids)).count(),
        ))
    }

    /// GetUntaggedImageCount.
    pub fn untagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<i32, ServiceError> {
        let (_, images) = self.project(project_id)?.data(iteration_id)?;
        Ok(count(images.iter().filter(|i| i.tags.is_empty()).count()))
    }

    /// GetImagesByIds: in the order asked for; unknown ids are left out.
    pub fn images_by_ids(
        &self,
        project_id: Uuid,
        image_ids: &[Uuid],
        iteration_id: Option<Uuid>,
    ) -> Result<Vec<ImageView>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(iteration_id)?;
        Ok(image_ids
            .iter()
            .filter_map(|id| images.iter().find(|i| i.id == *id))
            .map(|i| view(i, tags))
            .collect())
    }

    /// CreateImageTags: all images and tags must exist; a tag an image already has is
    /// `duplicated`, one past the per-image limit `exceeded`; a `Negative` tag with another on
    /// one image is refused.
    pub fn create_image_tags(
        &mut self,
        project_id: Uuid,
        entries: &[ImageTagEntry],
    ) -> Result<ImageTagSummaryView, ServiceError> {
        let project = self.project_mut(project_id)?;
        if entries.len() > MAX_IMAGE_TAG_ENTRIES {
            return Err(exceeded_batch(
                "image tags",
                entries.len(),
                MAX_IMAGE_TAG_ENTRIES,
            ));
        }
        for entry in entries {
            project.check_tags(&[entry.tag_id])?;
            let image = project.image_mut(entry.image_id)?;
            let mut tags: BTreeSet<Uuid> = image.tags.iter().map(|t| t.tag_id).collect();
            tags.extend(
                entries
                    .iter()
                    .filter(|e| e.image_id == entry.image_id)
                    .map(|e| e.tag_id),
            );
            if project.mixes_negative(&tags) {
                return Err(ServiceError::new(
                    "BadRequestNegativeAndRegularTagOnSameImage",
                    format!(
                        "Image {} would have a Negative tag and another",
                        entry.image_id
                    ),
                ));
            }
        }
        let mut summary = ImageTagSummaryView::default();
        let created = now();
        for entry in entries {
            let image = project.image_mut(entry.image_id)?;
            if image.tags.iter().any(|t| t.tag_id == entry.tag_id) {
                summary.duplicated.push(*entry);
            } else if image.tags.len() >= MAX_TAGS_PER_IMAGE {
                summary.exceeded.push(*entry);
            } else {
                image.tags.push(ImageTagRecord {
                    tag_id: entry.tag_id,
                    created,
                });
                summary.created.push(*entry);
            }
        }
        if !summary.created.is_empty() {
            project.touch();
        }
        Ok(summary)
    }

    /// DeleteImageTags: removes each of the tags from each of the images; unknown ids are
    /// ignored.
    pub fn delete_image_tags(
        &mut self,
        project_id: Uuid,
        image_ids: &[Uuid],
        tag_ids: &[Uuid],
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        let mut changed = false;
        for image in project
            .images
            .iter_mut()
            .filter(|i| image_ids.contains(&i.id))
        {
            let before = image.tags.len();
            image.tags.retain(|t| !tag_ids.contains(&t.tag_id));
            changed |= image.tags.len() != before;
        }
        if changed {
            project.touch();
        }
        Ok(())
    }

    /// CreateImageRegions: all images and tags must exist and every box lie inside its image;
    /// a region already there (same tag and box) is `duplicated`, one past the per-image limit
    /// `exceeded`. A region's tag becomes one of the image's tags.
    pub fn create_image_regions(
        &mut self,
        project_id: Uuid,
        entries: &[RegionEntry],
    ) -> Result<RegionSummaryView, ServiceError> {
        let project = self.project_mut(project_id)?;
        if entries.len() > MAX_REGION_ENTRIES {
            return Err(exceeded_batch("regions", entries.len(), MAX_REGION_ENTRIES));
        }
        for entry in entries {
            project.check_tags(&[entry.tag_id])?;
            project.image_mut(entry.image_id)?;
            check_box(entry.bounds)?;
        }
        let mut summary = RegionSummaryView::default();
        let created = now();
        let tags = project.tags.clone();
        for entry in entries {
            let image = project.image_mut(entry.image_id)?;
            let b = entry.bounds;
            let same = |r: &RegionRecord| {
                r.tag_id == entry.tag_id
                    && r.left == b.left
                    && r.top == b.top
                    && r.width == b.width
                    && r.height == b.height
            };
            if image.regions.iter().any(same) {
                summary.duplicated.push(*entry);
                continue;
            }
            if image.regions.len() >= MAX_REGIONS_PER_IMAGE {
                summary.exceeded.push(*entry);
                continue;
            }
            let region = RegionRecord {
                id: Uuid::new_v4(),
                tag_id: entry.tag_id,
                created,
                left: b.left,
                top: b.top,
                width: b.width,
                height: b.height,
            };
            if !image.tags.iter().any(|t| t.tag_id == entry.tag_id) {
                image.tags.push(ImageTagRecord {
                    tag_id: entry.tag_id,
                    created,
                });
            }
            summary.created.push(RegionCreatedView {
                image_id: image.id,
                region_id: region.id,
                tag_name: ProjectRecord::tag_name(&tags, entry.tag_id),
                created,
                tag_id: entry.tag_id,
                bounds: b,
            });
            image.regions.push(region);
        }
        if !summary.created.is_empty() {
            project.touch();
        }
        Ok(summary)
    }

    /// DeleteImageRegions: unknown ids are ignored; the images keep their tags.
    pub fn delete_image_regions(
        &mut self,
        project_id: Uuid,
        region_ids: &[Uuid],
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        let mut changed = false;
        for image in &mut project.images {
            let before = image.regions.len();
            image.regions.retain(|r| !region_ids.contains(&r.id));
            changed |= image.regions.len() != before;
        }
        if changed {
            project.touch();
        }
        Ok(())
    }

    /// GetImageRegionProposals: three proposals determined by the image's bytes, the most
    /// confident first.
    pub fn region_proposals(
        &self,
        project_id: Uuid,
        image_id: Uuid,
    ) -> Result<Vec<ProposalView>, ServiceError> {
        let project = self.project(project_id)?;
        let image = project
            .images
            .iter()
            .find(|i| i.id == image_id)
            .ok_or_else(|| not_found_image(image_id))?;
        let seed = image.data.content;
        Ok((0..3u8)
            .map(|k| {
                let f = |what: &str| imaging::fraction(seed, &[what.as_bytes(), &[k]].concat());
                ProposalView {
                    confidence: round4(0.9 - 0.3 * f64::from(k) + 0.05 * f("confidence")),
                    bounds: BoxView {
                        left: round4(0.5 * f("left")),
                        top: round4(0.5 * f("top")),
                        width: round4(0.1 + 0.4 * f("width")),
                        height: round4(0.1 + 0.4 * f("height")),
                    },
                }
            })
            .collect())
    }

    /// UpdateImageMetadata: the pairs are merged into each image's metadata (a key given again
    /// takes the new value). An unknown image is `ErrorImageNotFound`, one that would have more
    /// than 50 pairs `ErrorLimitExceed` (and keeps its metadata); a key or value too long fails
    /// the whole request.
    pub fn update_image_metadata(
        &mut self,
        project_id: Uuid,
        image_ids: &[Uuid],
        metadata: &BTreeMap<String, String>,
    ) -> Result<MetadataSummaryView, ServiceError> {
        let project = self.project_mut(project_id)?;
        if image_ids.is_empty() {
            return Err(ServiceError::new(
                "BadRequestInvalidIds",
                "`imageIds` is required",
            ));
        }
        if image_ids.len() > MAX_METADATA_IMAGES {
            return Err(exceeded_batch(
                "images",
                image_ids.len(),
                MAX_METADATA_IMAGES,
            ));
        }
        check_metadata(metadata)?;
        let images = image_ids
            .iter()
            .map(|&image_id| {
                let Ok(image) = project.image_mut(image_id) else {
                    return MetadataEntryView {
                        image_id,
                        status: "ErrorImageNotFound",
                        metadata: None,
                    };
                };
                let mut merged = image.metadata.clone();
                merged.extend(metadata.iter().map(|(k, v)| (k.clone(), v.clone())));
                if merged.len() > MAX_METADATA_PAIRS {
                    return MetadataEntryView {
                        image_id,
                        status: "ErrorLimitExceed",
                        metadata: None,
                    };
                }
                image.metadata = merged.clone();
                MetadataEntryView {
                    image_id,
                    status: "OK",
                    metadata: Some(merged),
                }
            })
            .collect::<Vec<_>>();
        Ok(MetadataSummaryView {
            is_batch_successful: images.iter().all(|i| i.status == "OK"),
            images,
        })
    }

    /// What the fake keeps of an image (a helper for tests).
    pub fn stored_image(&self, project_id: Uuid, image_id: Uuid) -> Option<StoredImage> {
        let project = self.project(project_id).ok()?;
        let image = project.images.iter().find(|i| i.id == image_id)?;
        let mut stored = image.data.stored(image.id);
        stored.metadata = image.metadata.clone();
        Some(stored)
    }
}

/// Four decimal digits, as the fake's made-up figures have.
pub(super) fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
