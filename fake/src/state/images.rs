//! Images: the create operations (data, files, URLs, predictions), the listings and counts,
//! image tags, regions and region proposals.

use std::collections::BTreeSet;

use uuid::Uuid;

use super::{
    ImageData, ImageRecord, ImageSource, ImageTagRecord, ProjectRecord, RegionRecord, State,
    StoredImage, TagRecord, now,
};
use crate::errors::{ServiceError, not_found_image};
use crate::imaging::{self, ImageFormat};
use customvision_training::{
    BoundingBox, Image, ImageCreateResult, ImageCreateStatus, ImageCreateSummary, ImageRegion,
    ImageRegionCreateEntry, ImageRegionCreateResult, ImageRegionCreateSummary, ImageRegionProposal,
    ImageTag, ImageTagCreateEntry, ImageTagCreateSummary, Region, RegionProposal,
};

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

/// Where the fake pretends to store images.
const STORAGE: &str = "https://fake-storage.invalid";

pub(super) fn image_uri(kind: &str, id: Uuid) -> String {
    format!("{STORAGE}/{kind}/{id}")
}

pub(super) fn thumbnail_uri(id: Uuid) -> String {
    format!("{STORAGE}/thumbnails/{id}")
}

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
    pub regions: Vec<Region>,
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

impl ImageData {
    /// Reads an entry; `Err` is the status of an image that cannot be created.
    pub(super) fn read(
        entry: ImageEntry,
    ) -> Result<ImageData, (ImageCreateStatus, Option<String>)> {
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
                    return Err((ImageCreateStatus::ErrorSource, source.source_url()));
                }
                if bytes.len() > MAX_IMAGE_BYTES {
                    return Err((ImageCreateStatus::ErrorImageSize, source.source_url()));
                }
                let Some(format) = ImageFormat::detect(&bytes) else {
                    return Err((ImageCreateStatus::ErrorImageFormat, source.source_url()));
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
                })
            }
            ImageEntry::Url(url) => {
                let valid = url.starts_with("http://") || url.starts_with("https://");
                if !valid {
                    return Err((ImageCreateStatus::ErrorSource, Some(url)));
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
                })
            }
            ImageEntry::Unreadable { name } => Err((ImageCreateStatus::ErrorSource, name)),
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
        }
    }
}

/// An image as the service answers it, its tags and regions named after `tags`.
pub(super) fn view(image: &ImageRecord, tags: &[TagRecord]) -> Image {
    Image {
        id: image.id,
        created: image.created,
        width: image.data.width,
        height: image.data.height,
        image_uri: Some(image_uri("images", image.id)),
        thumbnail_uri: Some(thumbnail_uri(image.id)),
        tags: image
            .tags
            .iter()
            .map(|t| ImageTag {
                tag_id: t.tag_id,
                tag_name: ProjectRecord::tag_name(tags, t.tag_id),
                created: t.created,
            })
            .collect(),
        regions: image
            .regions
            .iter()
            .map(|r| ImageRegion {
                region_id: r.id,
                tag_name: ProjectRecord::tag_name(tags, r.tag_id),
                created: r.created,
                tag_id: r.tag_id,
                left: r.left,
                top: r.top,
                width: r.width,
                height: r.height,
            })
            .collect(),
    }
}

fn valid_box(left: f64, top: f64, width: f64, height: f64) -> bool {
    let unit = |v: f64| (0.0..=1.0).contains(&v);
    unit(left)
        && unit(top)
        && unit(width)
        && unit(height)
        && width > 0.0
        && height > 0.0
        && left + width <= 1.0 + 1e-9
        && top + height <= 1.0 + 1e-9
}

fn check_box(left: f64, top: f64, width: f64, height: f64) -> Result<(), ServiceError> {
    if valid_box(left, top, width, height) {
        Ok(())
    } else {
        Err(ServiceError::new(
            "BadRequestImageRegions",
            format!(
                "The region ({left}, {top}, {width}, {height}) is not inside the image: coordinates are fractions from 0 to 1"
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

    /// Creates one image (or finds its duplicate) and answers its result.
    pub(super) fn add_image(
        &mut self,
        id: Option<Uuid>,
        data: ImageData,
        tag_ids: &[Uuid],
        regions: &[Region],
    ) -> ImageCreateResult {
        let source_url = data.source.source_url();
        let duplicate = self
            .images
            .iter()
            .find(|i| Some(i.id) == id || i.data.same_as(&data));
        if let Some(existing) = duplicate {
            return ImageCreateResult {
                source_url,
                status: ImageCreateStatus::OkDuplicate,
                image: Some(view(existing, &self.tags)),
            };
        }
        let all_tags: BTreeSet<Uuid> = tag_ids
            .iter()
            .chain(regions.iter().map(|r| &r.tag_id))
            .copied()
            .collect();
        let refused = if all_tags.len() > MAX_TAGS_PER_IMAGE {
            Some(ImageCreateStatus::ErrorTagLimitExceed)
        } else if regions.len() > MAX_REGIONS_PER_IMAGE {
            Some(ImageCreateStatus::ErrorRegionLimitExceed)
        } else {
            None
        };
        if let Some(status) = refused {
            return ImageCreateResult {
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
                    left: r.left,
                    top: r.top,
                    width: r.width,
                    height: r.height,
                })
                .collect(),
        };
        let result = ImageCreateResult {
            source_url,
            status: ImageCreateStatus::Ok,
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
        per_image: impl Iterator<Item = (Vec<Uuid>, Vec<Region>)>,
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
        self.check_tags(batch_tags)?;
        for (tags, regions) in per_image {
            self.check_tags(&tags)?;
            for region in &regions {
                self.check_tags(&[region.tag_id])?;
                check_box(region.left, region.top, region.width, region.height)?;
            }
        }
        Ok(())
    }
}

fn summary(images: Vec<ImageCreateResult>) -> ImageCreateSummary {
    ImageCreateSummary {
        is_batch_successful: images.iter().all(|i| i.status == ImageCreateStatus::Ok),
        images,
    }
}

impl State {
    /// CreateImagesFromData, CreateImagesFromFiles, CreateImagesFromUrls: every image gets the
    /// batch's tags and its own; duplicates (same bytes, or same URL) answer `OKDuplicate`,
    /// unreadable or unsupported images an error status of their own.
    pub fn create_images(
        &mut self,
        project_id: Uuid,
        images: Vec<NewImage>,
        batch_tags: &[Uuid],
    ) -> Result<ImageCreateSummary, ServiceError> {
        let project = self.project_mut(project_id)?;
        project.check_batch(
            images.len(),
            batch_tags,
            images
                .iter()
                .map(|i| (i.tag_ids.clone(), i.regions.clone())),
        )?;
        let results = images
            .into_iter()
            .map(|image| {
                let tags: Vec<Uuid> = batch_tags.iter().chain(&image.tag_ids).copied().collect();
                match ImageData::read(image.entry) {
                    Ok(data) => project.add_image(None, data, &tags, &image.regions),
                    Err((status, source_url)) => ImageCreateResult {
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
        entries: Vec<(Uuid, Vec<Uuid>, Vec<Region>)>,
        batch_tags: &[Uuid],
    ) -> Result<ImageCreateSummary, ServiceError> {
        let project = self.project_mut(project_id)?;
        project.check_batch(
            entries.len(),
            batch_tags,
            entries.iter().map(|(_, t, r)| (t.clone(), r.clone())),
        )?;
        let results = entries
            .into_iter()
            .map(|(id, tag_ids, regions)| {
                let tags: Vec<Uuid> = batch_tags.iter().chain(&tag_ids).copied().collect();
                match project.predictions.iter().find(|p| p.id == id) {
                    Some(prediction) => {
                        let data = prediction.data.clone();
                        project.add_image(Some(id), data, &tags, &regions)
                    }
                    None => ImageCreateResult {
                        source_url: None,
                        status: ImageCreateStatus::ErrorSource,
                        image: None,
                    },
                }
            })
            .collect();
        Ok(summary(results))
    }

    /// DeleteImages: unknown ids are ignored.
    pub fn delete_images(
        &mut self,
        project_id: Uuid,
        image_ids: &[Uuid],
    ) -> Result<(), ServiceError> {
        let project = self.project_mut(project_id)?;
        let before = project.images.len();
        project.images.retain(|i| !image_ids.contains(&i.id));
        if project.images.len() != before {
            project.touch();
        }
        Ok(())
    }

    /// GetTaggedImages.
    pub fn tagged_images(
        &self,
        project_id: Uuid,
        listing: &Listing,
    ) -> Result<Vec<Image>, ServiceError> {
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
    ) -> Result<Vec<Image>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(listing.iteration_id)?;
        let matching = images.iter().filter(|i| i.tags.is_empty()).collect();
        Ok(page(matching, listing).map(|i| view(i, tags)).collect())
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
    ) -> Result<Vec<Image>, ServiceError> {
        let (tags, images) = self.project(project_id)?.data(iteration_id)?;
        Ok(image_ids
            .iter()
            .filter_map(|id| images.iter().find(|i| i.id == *id))
            .map(|i| view(i, tags))
            .collect())
    }

    /// CreateImageTags: all images and tags must exist; a tag an image already has is
    /// `duplicated`, one past the per-image limit `exceeded`.
    pub fn create_image_tags(
        &mut self,
        project_id: Uuid,
        entries: &[ImageTagCreateEntry],
    ) -> Result<ImageTagCreateSummary, ServiceError> {
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
            project.image_mut(entry.image_id)?;
        }
        let mut summary = ImageTagCreateSummary {
            created: Vec::new(),
            duplicated: Vec::new(),
            exceeded: Vec::new(),
        };
        let created = now();
        for entry in entries {
            let image = project.image_mut(entry.image_id)?;
            if image.tags.iter().any(|t| t.tag_id == entry.tag_id) {
                summary.duplicated.push(entry.clone());
            } else if image.tags.len() >= MAX_TAGS_PER_IMAGE {
                summary.exceeded.push(entry.clone());
            } else {
                image.tags.push(ImageTagRecord {
                    tag_id: entry.tag_id,
                    created,
                });
                summary.created.push(entry.clone());
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
        entries: &[ImageRegionCreateEntry],
    ) -> Result<ImageRegionCreateSummary, ServiceError> {
        let project = self.project_mut(project_id)?;
        if entries.len() > MAX_REGION_ENTRIES {
            return Err(exceeded_batch("regions", entries.len(), MAX_REGION_ENTRIES));
        }
        for entry in entries {
            project.check_tags(&[entry.tag_id])?;
            project.image_mut(entry.image_id)?;
            check_box(entry.left, entry.top, entry.width, entry.height)?;
        }
        let mut summary = ImageRegionCreateSummary {
            created: Vec::new(),
            duplicated: Vec::new(),
            exceeded: Vec::new(),
        };
        let created = now();
        let tags = project.tags.clone();
        for entry in entries {
            let image = project.image_mut(entry.image_id)?;
            let same = |r: &RegionRecord| {
                r.tag_id == entry.tag_id
                    && r.left == entry.left
                    && r.top == entry.top
                    && r.width == entry.width
                    && r.height == entry.height
            };
            if image.regions.iter().any(same) {
                summary.duplicated.push(entry.clone());
                continue;
            }
            if image.regions.len() >= MAX_REGIONS_PER_IMAGE {
                summary.exceeded.push(entry.clone());
                continue;
            }
            let region = RegionRecord {
                id: Uuid::new_v4(),
                tag_id: entry.tag_id,
                created,
                left: entry.left,
                top: entry.top,
                width: entry.width,
                height: entry.height,
            };
            if !image.tags.iter().any(|t| t.tag_id == entry.tag_id) {
                image.tags.push(ImageTagRecord {
                    tag_id: entry.tag_id,
                    created,
                });
            }
            summary.created.push(ImageRegionCreateResult {
                image_id: image.id,
                region_id: region.id,
                tag_name: ProjectRecord::tag_name(&tags, entry.tag_id),
                created,
                tag_id: entry.tag_id,
                left: entry.left,
                top: entry.top,
                width: entry.width,
                height: entry.height,
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
    ) -> Result<ImageRegionProposal, ServiceError> {
        let project = self.project(project_id)?;
        let image = project
            .images
            .iter()
            .find(|i| i.id == image_id)
            .ok_or_else(|| not_found_image(image_id))?;
        let seed = image.data.content;
        let proposals = (0..3u8)
            .map(|k| {
                let f = |what: &str| imaging::fraction(seed, &[what.as_bytes(), &[k]].concat());
                RegionProposal {
                    confidence: round4(0.9 - 0.3 * f64::from(k) + 0.05 * f("confidence")),
                    bounding_box: Some(BoundingBox {
                        left: round4(0.5 * f("left")),
                        top: round4(0.5 * f("top")),
                        width: round4(0.1 + 0.4 * f("width")),
                        height: round4(0.1 + 0.4 * f("height")),
                    }),
                }
            })
            .collect();
        Ok(ImageRegionProposal {
            project_id,
            image_id,
            proposals,
        })
    }

    /// What the fake keeps of an image (a helper for tests).
    pub fn stored_image(&self, project_id: Uuid, image_id: Uuid) -> Option<StoredImage> {
        let project = self.project(project_id).ok()?;
        let image = project.images.iter().find(|i| i.id == image_id)?;
        Some(image.data.stored(image.id))
    }
}

/// Four decimal digits, as the fake's made-up figures have.
pub(super) fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
