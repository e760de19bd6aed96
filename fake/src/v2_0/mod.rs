//! The Training API v2.0's routes, under [`BASE_PATH`]: each operation's path and method, and
//! its handler. The handlers read the request, then take one synchronous step on the shared
//! state; the state knows nothing of versions.

mod images;
mod iterations;
pub(crate) mod models;
mod predictions;
mod projects;
mod tags;

use std::sync::Arc;

use axum::Router;
use axum::routing::{delete, get, post};

use crate::Shared;
use crate::errors::ServiceError;

pub use customvision_training::BASE_PATH;

/// The 41 operations, relative to [`BASE_PATH`].
pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/domains", get(projects::get_domains))
        .route("/domains/{domain_id}", get(projects::get_domain))
        .route(
            "/projects",
            get(projects::get_projects).post(projects::create_project),
        )
        .route(
            "/projects/{project_id}",
            get(projects::get_project)
                .delete(crate::deletes::delete_project)
                .patch(projects::update_project),
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
            post(images::create_images_from_data).delete(images::delete_images),
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
        // As the spec declares it: no `/projects` segment.
        .route(
            "/{project_id}/images/{image_id}/regionproposals",
            post(images::get_image_region_proposals),
        )
        .route(
            "/projects/{project_id}/predictions",
            delete(crate::deletes::delete_prediction),
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
