//! Images: uploads and batches (with metadata; 207 when part of a batch fails), GetImages and
//! GetImageCount (tagging status and `$filter`), the v2.0 listings and counts, image tags,
//! regions, region proposals, and UpdateImageMetadata.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde_json::Value;
use uuid::Uuid;

use super::{batch, models, ok};
use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, uploaded_images};
use crate::state::{
    BoxView, DeleteImages, ImageEntry, ImageQuery, ImageTagEntry, MetadataFilter, NewImage,
    RegionEntry, RegionInput, TaggingStatus,
};
use crate::wire;
use customvision_training::v3_3::{
    ImageFileCreateBatch, ImageIdCreateBatch, ImageRegionCreateBatch, ImageTagCreateBatch,
    ImageUrlCreateBatch, Region,
};

fn project(project_id: &str) -> Result<Uuid, ServiceError> {
    id(project_id, "project")
}

fn regions(regions: Vec<Region>) -> Vec<RegionInput> {
    regions
        .into_iter()
        .map(|r| RegionInput {
            tag_id: r.tag_id,
            bounds: BoxView {
                left: r.left,
                top: r.top,
                width: r.width,
                height: r.height,
            },
        })
        .collect()
}

/// Metadata as a request carries it: an object of strings (or null).
fn metadata_map(value: Value) -> Result<BTreeMap<String, String>, ServiceError> {
    match value {
        Value::Null => Ok(BTreeMap::new()),
        Value::Object(fields) => fields
            .into_iter()
            .map(|(key, value)| match value {
                Value::String(text) => Ok((key, text)),
                other => Err(ServiceError::new(
                    "BadRequestImageMetadataValue",
                    format!("The value of metadata key {key:?} must be a string, not {other}"),
                )),
            })
            .collect(),
        other => Err(ServiceError::bad_request(format!(
            "Metadata must be an object of strings, not {other}"
        ))),
    }
}

/// A create batch and its `metadata`, which the fake reads itself so that a key or value over
/// its limit answers the service's code rather than an unreadable body.
fn batch_with_metadata<T: DeserializeOwned>(
    body: &[u8],
) -> Result<(T, BTreeMap<String, String>), ServiceError> {
    let mut value: Value = json_body(body)?;
    let metadata = match &mut value {
        Value::Object(fields) => {
            let key = fields
                .keys()
                .find(|k| k.eq_ignore_ascii_case("metadata"))
                .cloned();
            match key.and_then(|k| fields.remove(&k)) {
                Some(metadata) => metadata_map(metadata)?,
                None => BTreeMap::new(),
            }
        }
        _ => BTreeMap::new(),
    };
    let batch = serde_json::from_value(value)
        .map_err(|e| ServiceError::bad_request(format!("The body cannot be read: {e}")))?;
    Ok((batch, metadata))
}

/// Multipart `imageData` parts (or one octet-stream image), all with the `tagIds` of the query.
pub async fn create_images_from_data(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    request: Request,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let tag_ids = params.uuids("tagIds")?.unwrap_or_default();
    let images = uploaded_images(request)
        .await?
        .into_iter()
        .map(|entry| NewImage {
            entry,
            tag_ids: Vec::new(),
            regions: Vec::new(),
        })
        .collect();
    let summary = shared
        .state()
        .create_images(project_id, images, &tag_ids, &BTreeMap::new())?;
    let successful = summary.is_batch_successful;
    Ok(batch(&models::create_summary(summary), successful))
}

/// Base64 `contents`; an entry whose contents cannot be decoded answers `ErrorSource`.
pub async fn create_images_from_files(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let (batch_in, metadata): (ImageFileCreateBatch, _) = batch_with_metadata(&body)?;
    let images = batch_in
        .images
        .into_iter()
        .map(|file| {
            let bytes = file
                .contents
                .as_deref()
                .and_then(|c| base64::engine::general_purpose::STANDARD.decode(c).ok());
            let entry = match bytes {
                Some(bytes) => ImageEntry::Bytes {
                    bytes,
                    file_name: file.name,
                    content_type: None,
                },
                None => ImageEntry::Unreadable {
                    name: file.name.map(|n| format!("\"{n}\"")),
                },
            };
            NewImage {
                entry,
                tag_ids: file.tag_ids,
                regions: regions(file.regions),
            }
        })
        .collect();
    let summary = shared
        .state()
        .create_images(project_id, images, &batch_in.tag_ids, &metadata)?;
    let successful = summary.is_batch_successful;
    Ok(batch(&models::create_summary(summary), successful))
}

/// URLs are accepted without fetching them.
pub async fn create_images_from_urls(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let (batch_in, metadata): (ImageUrlCreateBatch, _) = batch_with_metadata(&body)?;
    let images = batch_in
        .images
        .into_iter()
        .map(|image| NewImage {
            entry: ImageEntry::Url(image.url),
            tag_ids: image.tag_ids,
            regions: regions(image.regions),
        })
        .collect();
    let summary = shared
        .state()
        .create_images(project_id, images, &batch_in.tag_ids, &metadata)?;
    let successful = summary.is_batch_successful;
    Ok(batch(&models::create_summary(summary), successful))
}

pub async fn create_images_from_predictions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let (batch_in, metadata): (ImageIdCreateBatch, _) = batch_with_metadata(&body)?;
    let entries = batch_in
        .images
        .into_iter()
        .map(|image| (image.id, image.tag_ids, regions(image.regions)))
        .collect();
    let summary = shared.state().create_images_from_predictions(
        project_id,
        entries,
        &batch_in.tag_ids,
        &metadata,
    )?;
    let successful = summary.is_batch_successful;
    Ok(batch(&models::create_summary(summary), successful))
}

/// `imageIds`, or `allImages`; 204 when done, 202 with `allImages` or `allIterations` (the
/// service deletes those in the background; the fake has already deleted them).
pub async fn delete_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let delete = DeleteImages {
        image_ids: params.uuids("imageIds")?.unwrap_or_default(),
        all_images: params.flag("allImages")?.unwrap_or(false),
        all_iterations: params.flag("allIterations")?.unwrap_or(false),
    };
    if delete.image_ids.is_empty() && !delete.all_images {
        return Err(ServiceError::new(
            "BadRequestInvalidIds",
            "Give `imageIds` or `allImages=true`",
        ));
    }
    shared.state().delete_images(project_id, &delete)?;
    Ok(if delete.all_images || delete.all_iterations {
        wire::accepted()
    } else {
        wire::no_content()
    })
}

/// The filters of GetImages and GetImageCount.
fn image_query(params: &Params) -> Result<ImageQuery, ServiceError> {
    let tagging = match params.text("taggingStatus").filter(|t| !t.is_empty()) {
        None => TaggingStatus::All,
        Some(t) if t.eq_ignore_ascii_case("All") => TaggingStatus::All,
        Some(t) if t.eq_ignore_ascii_case("Tagged") => TaggingStatus::Tagged,
        Some(t) if t.eq_ignore_ascii_case("Untagged") => TaggingStatus::Untagged,
        Some(other) => {
            return Err(ServiceError::bad_request(format!(
                "`taggingStatus` must be All, Tagged or Untagged, not {other:?}"
            )));
        }
    };
    let filter = params
        .text("$filter")
        .filter(|f| !f.trim().is_empty())
        .map(MetadataFilter::parse)
        .transpose()?;
    Ok(ImageQuery {
        listing: params.listing()?,
        tagging,
        filter,
    })
}

pub async fn get_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let query = image_query(&params)?;
    let images = shared.state().images(project_id, &query)?;
    Ok(ok(&models::images(images)))
}

pub async fn get_image_count(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let query = image_query(&params)?;
    let count = shared.state().image_count(project_id, &query)?;
    Ok(ok(&count))
}

/// The body is a bare `map<string, string>`; `imageIds` (at most 64) is required. 207 when an
/// image was not updated.
pub async fn update_image_metadata(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let image_ids = params.required_uuids("imageIds")?;
    let metadata = metadata_map(json_body(&body)?)?;
    let summary = shared
        .state()
        .update_image_metadata(project_id, &image_ids, &metadata)?;
    let successful = summary.is_batch_successful;
    Ok(batch(&models::metadata_summary(summary), successful))
}

pub async fn get_tagged_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let listing = params.listing()?;
    let images = shared.state().tagged_images(project_id, &listing)?;
    Ok(ok(&models::images(images)))
}

pub async fn get_untagged_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let listing = params.listing()?;
    let images = shared.state().untagged_images(project_id, &listing)?;
    Ok(ok(&models::images(images)))
}

pub async fn get_tagged_image_count(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let iteration_id = params.uuid("iterationId")?;
    let tag_ids = params.uuids("tagIds")?;
    let count = shared
        .state()
        .tagged_image_count(project_id, iteration_id, tag_ids.as_deref())?;
    Ok(ok(&count))
}

pub async fn get_untagged_image_count(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let iteration_id = params.uuid("iterationId")?;
    let count = shared
        .state()
        .untagged_image_count(project_id, iteration_id)?;
    Ok(ok(&count))
}

pub async fn get_images_by_ids(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let image_ids = params.uuids("imageIds")?.unwrap_or_default();
    let iteration_id = params.uuid("iterationId")?;
    let images = shared
        .state()
        .images_by_ids(project_id, &image_ids, iteration_id)?;
    Ok(ok(&models::images(images)))
}

pub async fn create_image_tags(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch_in: ImageTagCreateBatch = json_body(&body)?;
    let entries: Vec<ImageTagEntry> = batch_in
        .tags
        .iter()
        .map(|e| ImageTagEntry {
            image_id: e.image_id,
            tag_id: e.tag_id,
        })
        .collect();
    let summary = shared.state().create_image_tags(project_id, &entries)?;
    Ok(ok(&models::image_tag_summary(summary)))
}

/// 207 when a region was duplicated or exceeded its image's limit.
pub async fn create_image_regions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch_in: ImageRegionCreateBatch = json_body(&body)?;
    let entries: Vec<RegionEntry> = batch_in
        .regions
        .iter()
        .map(|r| RegionEntry {
            image_id: r.image_id,
            tag_id: r.tag_id,
            bounds: BoxView {
                left: r.left,
                top: r.top,
                width: r.width,
                height: r.height,
            },
        })
        .collect();
    let summary = shared.state().create_image_regions(project_id, &entries)?;
    let successful = summary.duplicated.is_empty() && summary.exceeded.is_empty();
    Ok(batch(&models::region_summary(summary), successful))
}

pub async fn get_image_region_proposals(
    State(shared): Extract,
    Path((project_id, image_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, image_id) = (project(&project_id)?, id(&image_id, "image")?);
    let proposals = shared.state().region_proposals(project_id, image_id)?;
    Ok(ok(&models::proposals(project_id, image_id, proposals)))
}
