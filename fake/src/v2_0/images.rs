//! Images: uploads and batches, listings and counts, image tags, regions, region proposals.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use base64::Engine;
use uuid::Uuid;

use crate::errors::ServiceError;
use crate::http::{Extract, Params, id, json_body, uploaded_images};
use crate::state::{
    BoxView, DeleteImages, ImageEntry, ImageTagEntry, NewImage, RegionEntry, RegionInput,
};
use crate::wire;
use customvision_training::{
    ImageFileCreateBatch, ImageIdCreateBatch, ImageRegionCreateBatch, ImageTagCreateBatch,
    ImageUrlCreateBatch, Region,
};

use super::models;

/// No metadata: v2.0 has none.
fn no_metadata() -> BTreeMap<String, String> {
    BTreeMap::new()
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

fn project(project_id: &str) -> Result<Uuid, ServiceError> {
    id(project_id, "project")
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
        .create_images(project_id, images, &tag_ids, &no_metadata())?;
    Ok(shared.ok(&models::create_summary(summary)))
}

/// Base64 `contents`; an entry whose contents cannot be decoded answers `ErrorSource`.
pub async fn create_images_from_files(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch: ImageFileCreateBatch = json_body(&body)?;
    let images = batch
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
    let summary =
        shared
            .state()
            .create_images(project_id, images, &batch.tag_ids, &no_metadata())?;
    Ok(shared.ok(&models::create_summary(summary)))
}

/// URLs are accepted without fetching them.
pub async fn create_images_from_urls(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch: ImageUrlCreateBatch = json_body(&body)?;
    let images = batch
        .images
        .into_iter()
        .map(|image| NewImage {
            entry: match image.url {
                Some(url) => ImageEntry::Url(url),
                None => ImageEntry::Unreadable { name: None },
            },
            tag_ids: image.tag_ids,
            regions: regions(image.regions),
        })
        .collect();
    let summary =
        shared
            .state()
            .create_images(project_id, images, &batch.tag_ids, &no_metadata())?;
    Ok(shared.ok(&models::create_summary(summary)))
}

pub async fn create_images_from_predictions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch: ImageIdCreateBatch = json_body(&body)?;
    let entries = batch
        .images
        .into_iter()
        .map(|image| (image.id, image.tag_ids, regions(image.regions)))
        .collect();
    let summary = shared.state().create_images_from_predictions(
        project_id,
        entries,
        &batch.tag_ids,
        &no_metadata(),
    )?;
    Ok(shared.ok(&models::create_summary(summary)))
}

pub async fn delete_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let image_ids = params.required_uuids("imageIds")?;
    let delete = DeleteImages {
        image_ids,
        ..DeleteImages::default()
    };
    shared.state().delete_images(project_id, &delete)?;
    Ok(wire::no_content())
}

pub async fn get_tagged_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let listing = params.listing()?;
    let images = shared.state().tagged_images(project_id, &listing)?;
    Ok(shared.ok(&models::images(images)))
}

pub async fn get_untagged_images(
    State(shared): Extract,
    Path(project_id): Path<String>,
    params: Params,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let listing = params.listing()?;
    let images = shared.state().untagged_images(project_id, &listing)?;
    Ok(shared.ok(&models::images(images)))
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
    Ok(shared.ok(&count))
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
    Ok(shared.ok(&count))
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
    Ok(shared.ok(&models::images(images)))
}

pub async fn create_image_tags(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch: ImageTagCreateBatch = json_body(&body)?;
    let entries: Vec<ImageTagEntry> = batch
        .tags
        .iter()
        .map(|e| ImageTagEntry {
            image_id: e.image_id,
            tag_id: e.tag_id,
        })
        .collect();
    let summary = shared.state().create_image_tags(project_id, &entries)?;
    Ok(shared.ok(&models::image_tag_summary(summary)))
}

pub async fn create_image_regions(
    State(shared): Extract,
    Path(project_id): Path<String>,
    body: Bytes,
) -> Result<Response, ServiceError> {
    let project_id = project(&project_id)?;
    let batch: ImageRegionCreateBatch = json_body(&body)?;
    let entries: Vec<RegionEntry> = batch
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
    Ok(shared.ok(&models::region_summary(summary)))
}

pub async fn get_image_region_proposals(
    State(shared): Extract,
    Path((project_id, image_id)): Path<(String, String)>,
) -> Result<Response, ServiceError> {
    let (project_id, image_id) = (project(&project_id)?, id(&image_id, "image")?);
    let proposals = shared.state().region_proposals(project_id, image_id)?;
    Ok(shared.ok(&models::proposals(project_id, image_id, proposals)))
}
