//! The Training API v3.3's routes, under [`BASE_PATH`]: each operation's path and method, and
//! its handler, over the same state as v2.0's. Where v3.3 differs: answers in the spec's
//! casing with no v2.0 quirks, no default iteration (PublishIteration / UnpublishIteration
//! instead), artifact paths for URIs (served by GetArtifact), 207 for a partly failed batch,
//! 202 for DeleteImages with `allImages` or `allIterations`, and every error one of the spec's
//! `CustomVisionError` codes.

mod images;
mod iterations;
pub(crate) mod models;
mod predictions;
mod projects;
mod tags;

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use serde::Serialize;

use crate::Shared;
use crate::errors::ServiceError;
use crate::wire;

pub use customvision_training::v3_3::BASE_PATH;

/// A 200 answer.
fn ok<T: Serialize>(value: &T) -> Response {
    wire::json(StatusCode::OK, value)
}

/// 200 when the whole batch succeeded, else 207 (Multi-Status) with the same body.
fn batch<T: Serialize>(value: &T, successful: bool) -> Response {
    let status = if successful {
        StatusCode::OK
    } else {
        StatusCode::MULTI_STATUS
    };
    wire::json(status, value)
}

/// The 52 operations, relative to [`BASE_PATH`].
pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/domains", get(projects::get_domains))
        .route("/domains/{domain_id}", get(projects::get_domain))
        .route(
            "/projects",
            get(projects::get_projects).post(projects::create_project),
        )
        .route("/projects/import", post(projects::import_project))
        .route(
            "/projects/{project_id}",
            get(projects::get_project)
                .delete(crate::deletes::delete_project)
                .patch(projects::update_project),
        )
        .route(
            "/projects/{project_id}/export",
            get(projects::export_project),
        )
        .route(
            "/projects/{project_id}/artifacts",
            get(projects::get_artifact),
        )
        .route(
            "/projects/{project_id}/train",
            post(projects::train_project),
        )
        .route(
            "/projects/{project_id}/iterations",
            get(iterations::get_iterations),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}",
            get(iterations::get_iteration)
                .delete(iterations::delete_iteration)
                .patch(iterations::update_iteration),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}/publish",
            post(iterations::publish_iteration).delete(iterations::unpublish_iteration),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}/performance",
            get(iterations::get_iteration_performance),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}/performance/images",
            get(iterations::get_image_performances),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}/performance/images/count",
            get(iterations::get_image_performance_count),
        )
        .route(
            "/projects/{project_id}/iterations/{iteration_id}/export",
            get(iterations::get_exports).post(iterations::export_iteration),
        )
        .route(
            "/projects/{project_id}/tags",
            get(tags::get_tags).post(tags::create_tag),
        )
        .route(
            "/projects/{project_id}/tags/{tag_id}",
            get(tags::get_tag)
                .delete(crate::deletes::delete_tag)
                .patch(tags::update_tag),
        )
        .route(
            "/projects/{project_id}/images",
            get(images::get_images)
                .post(images::create_images_from_data)
                .delete(images::delete_images),
        )
        .route(
            "/projects/{project_id}/images/count",
            get(images::get_image_count),
        )
        .route(
            "/projects/{project_id}/images/metadata",
            post(images::update_image_metadata),
        )
        .route(
            "/projects/{project_id}/images/tagged",
            get(images::get_tagged_images),
        )
        .route(
            "/projects/{project_id}/images/tagged/count",
            get(images::get_tagged_image_count),
        )
        .route(
            "/projects/{project_id}/images/untagged",
            get(images::get_untagged_images),
        )
        .route(
            "/projects/{project_id}/images/untagged/count",
            get(images::get_untagged_image_count),
        )
        .route(
            "/projects/{project_id}/images/id",
            get(images::get_images_by_ids),
        )
        .route(
            "/projects/{project_id}/images/files",
            post(images::create_images_from_files),
        )
        .route(
            "/projects/{project_id}/images/urls",
            post(images::create_images_from_urls),
        )
        .route(
            "/projects/{project_id}/images/predictions",
            post(images::create_images_from_predictions),
        )
        .route(
            "/projects/{project_id}/images/tags",
            post(images::create_image_tags).delete(crate::deletes::delete_image_tags),
        )
        .route(
            "/projects/{project_id}/images/regions",
            post(images::create_image_regions).delete(crate::deletes::delete_image_regions),
        )
        // v3.3 moved it under `/projects`.
        .route(
            "/projects/{project_id}/images/{image_id}/regionproposals",
            post(images::get_image_region_proposals),
        )
        .route(
            "/projects/{project_id}/images/suggested",
            post(predictions::query_suggested_images),
        )
        .route(
            "/projects/{project_id}/images/suggested/count",
            post(predictions::query_suggested_image_count),
        )
        .route(
            "/projects/{project_id}/tagsandregions/suggestions",
            post(predictions::suggest_tags_and_regions),
        )
        .route(
            "/projects/{project_id}/predictions",
            axum::routing::delete(crate::deletes::delete_prediction),
        )
        .route(
            "/projects/{project_id}/predictions/query",
            post(predictions::query_predictions),
        )
        .route(
            "/projects/{project_id}/quicktest/url",
            post(predictions::quick_test_image_url),
        )
        .route(
            "/projects/{project_id}/quicktest/image",
            post(predictions::quick_test_image),
        )
        .fallback(|| async { ServiceError::new("NotFound", "No such resource") })
}
