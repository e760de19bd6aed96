//! The Training API's 41 operations, declared with `#[endpoint]`.
//!
//! Method names are the snake_case of the spec's operationIds, arguments the snake_case of its
//! parameter names: required ones plain, optional ones `Option`, arrays slices. The limits the
//! spec documents in its descriptions are declared with `#[max_items]` / `#[max]` (here and on
//! the batch models) and checked before a request is sent.

use declarest::{File, endpoint};
use uuid::Uuid;

use crate::models::{
    Domain, Export, ExportFlavor, ExportPlatform, Image, ImageCreateSummary, ImageFileCreateBatch,
    ImageIdCreateBatch, ImageOrderBy, ImagePerformance, ImagePrediction, ImageRegionCreateBatch,
    ImageRegionCreateSummary, ImageRegionProposal, ImageTagCreateBatch, ImageTagCreateSummary,
    ImageUrl, ImageUrlCreateBatch, Iteration, IterationPatch, IterationPerformance,
    PredictionQueryResult, PredictionQueryToken, Project, ProjectPatch, Tag, TagPatch,
};

/// The Custom Vision Training API v2.0.
///
/// Implemented for [`declarest::Client`]; build one with [`crate::client`]. Every operation
/// sends the client's `Training-Key`. `ENDPOINTS` describes all 41.
#[declarest::api]
pub trait Training: declarest::Api {
    // Domains.

    /// Get a list of the available domains.
    #[endpoint(GET, "/domains")]
    async fn get_domains(&self) -> declarest::Result<Vec<Domain>>;

    /// Get information about a specific domain.
    #[endpoint(GET, "/domains/<domainId>")]
    async fn get_domain(&self, domain_id: Uuid) -> declarest::Result<Domain>;

    // Images.

    /// Get tagged images for a given project iteration (`tag_ids` limited to 20, `take` to 256).
    #[endpoint(
        GET,
        "/projects/<projectId>/images/tagged?<iterationId>&<tagIds>&<orderBy>&<take>&<skip>"
    )]
    async fn get_tagged_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        #[max_items(20)] tag_ids: Option<&[Uuid]>,
        order_by: Option<ImageOrderBy>,
        #[max(256)] take: Option<i32>,
        skip: Option<i32>,
    ) -> declarest::Result<Vec<Image>>;

    /// Get untagged images for a given project iteration (`take` limited to 256).
    #[endpoint(
        GET,
        "/projects/<projectId>/images/untagged?<iterationId>&<orderBy>&<take>&<skip>"
    )]
    async fn get_untagged_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        order_by: Option<ImageOrderBy>,
        #[max(256)] take: Option<i32>,
        skip: Option<i32>,
    ) -> declarest::Result<Vec<Image>>;

    /// Gets the number of images tagged with the provided tags.
    #[endpoint(
        GET,
        "/projects/<projectId>/images/tagged/count?<iterationId>&<tagIds>"
    )]
    async fn get_tagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tag_ids: Option<&[Uuid]>,
    ) -> declarest::Result<i32>;

    /// Gets the number of untagged images.
    #[endpoint(GET, "/projects/<projectId>/images/untagged/count?<iterationId>")]
    async fn get_untagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<i32>;

    /// Get images by id for a given project iteration (limited to 256 ids).
    #[endpoint(GET, "/projects/<projectId>/images/id?<imageIds>&<iterationId>")]
    async fn get_images_by_ids(
        &self,
        project_id: Uuid,
        #[max_items(256)] image_ids: Option<&[Uuid]>,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<Vec<Image>>;

    /// Add the provided images to the set of training images: one multipart part per image
    /// (limited to 64 images and 20 tags).
    #[endpoint(POST, "/projects/<projectId>/images?<tagIds>")]
    async fn create_images_from_data(
        &self,
        project_id: Uuid,
        #[max_items(20)] tag_ids: Option<&[Uuid]>,
        #[multipart("imageData")]
        #[max_items(64)]
        image_data: &[File],
    ) -> declarest::Result<ImageCreateSummary>;

    /// Delete images from the set of training images (limited to 256 per batch).
    #[endpoint(DELETE, "/projects/<projectId>/images?<imageIds>")]
    async fn delete_images(
        &self,
        project_id: Uuid,
        #[max_items(256)] image_ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Add the provided batch of images to the set of training images (limited to 64 images
    /// and 20 tags per batch).
    #[endpoint(POST, "/projects/<projectId>/images/files")]
    async fn create_images_from_files(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageFileCreateBatch,
    ) -> declarest::Result<ImageCreateSummary>;

    /// Add the provided images urls to the set of training images (limited to 64 images and 20
    /// tags per batch).
    #[endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_images_from_urls(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageUrlCreateBatch,
    ) -> declarest::Result<ImageCreateSummary>;

    /// Add the specified predicted images to the set of training images (limited to 64 images
    /// and 20 tags per batch).
    #[endpoint(POST, "/projects/<projectId>/images/predictions")]
    async fn create_images_from_predictions(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageIdCreateBatch,
    ) -> declarest::Result<ImageCreateSummary>;

    /// Associate a set of images with a set of tags (limited to 128 per batch).
    #[endpoint(POST, "/projects/<projectId>/images/tags")]
    async fn create_image_tags(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageTagCreateBatch,
    ) -> declarest::Result<ImageTagCreateSummary>;

    /// Remove a set of tags from a set of images (limited to 64 images and 20 tags).
    #[endpoint(DELETE, "/projects/<projectId>/images/tags?<imageIds>&<tagIds>")]
    async fn delete_image_tags(
        &self,
        project_id: Uuid,
        #[max_items(64)] image_ids: &[Uuid],
        #[max_items(20)] tag_ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Create a set of image regions (limited to 64 per batch).
    #[endpoint(POST, "/projects/<projectId>/images/regions")]
    async fn create_image_regions(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageRegionCreateBatch,
    ) -> declarest::Result<ImageRegionCreateSummary>;

    /// Delete a set of image regions (limited to 64).
    #[endpoint(DELETE, "/projects/<projectId>/images/regions?<regionIds>")]
    async fn delete_image_regions(
        &self,
        project_id: Uuid,
        #[max_items(64)] region_ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Get region proposals for an image; empty if no proposals are found.
    ///
    /// The path has no `/projects` segment: that is how the v2.0 spec (and the SDKs of its time)
    /// declare it.
    #[endpoint(POST, "/<projectId>/images/<imageId>/regionproposals")]
    async fn get_image_region_proposals(
        &self,
        project_id: Uuid,
        image_id: Uuid,
    ) -> declarest::Result<ImageRegionProposal>;

    // Predictions.

    /// Delete a set of predicted images and their associated prediction results (limited to 64).
    #[endpoint(DELETE, "/projects/<projectId>/predictions?<ids>")]
    async fn delete_prediction(
        &self,
        project_id: Uuid,
        #[max_items(64)] ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Get images that were sent to your prediction endpoint (combining at most 2 tags).
    #[endpoint(POST, "/projects/<projectId>/predictions/query")]
    async fn query_predictions(
        &self,
        project_id: Uuid,
        #[body] query: &PredictionQueryToken,
    ) -> declarest::Result<PredictionQueryResult>;

    /// Quick test an image url, against the default iteration unless one is given.
    #[endpoint(POST, "/projects/<projectId>/quicktest/url?<iterationId>")]
    async fn quick_test_image_url(
        &self,
        project_id: Uuid,
        #[body] image_url: &ImageUrl,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<ImagePrediction>;

    /// Quick test an image, against the default iteration unless one is given.
    #[endpoint(POST, "/projects/<projectId>/quicktest/image?<iterationId>")]
    async fn quick_test_image(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        #[multipart("imageData")] image_data: &File,
    ) -> declarest::Result<ImagePrediction>;

    // Projects and iterations.

    /// Queues project for training.
    #[endpoint(POST, "/projects/<projectId>/train")]
    async fn train_project(&self, project_id: Uuid) -> declarest::Result<Iteration>;

    /// Get your projects.
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<Project>>;

    /// Create a project (the domain defaults to General).
    #[endpoint(POST, "/projects?<name>&<description>&<domainId>")]
    async fn create_project(
        &self,
        name: &str,
        description: Option<&str>,
        domain_id: Option<Uuid>,
    ) -> declarest::Result<Project>;

    /// Get a specific project.
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: Uuid) -> declarest::Result<Project>;

    /// Delete a specific project.
    #[endpoint(DELETE, "/projects/<projectId>")]
    async fn delete_project(&self, project_id: Uuid) -> declarest::Result<()>;

    /// Update a specific project: only the fields set on the patch are sent.
    #[endpoint(PATCH, "/projects/<projectId>")]
    async fn update_project(
        &self,
        project_id: Uuid,
        #[body] updated_project: &ProjectPatch,
    ) -> declarest::Result<Project>;

    /// Get iterations for the project.
    #[endpoint(GET, "/projects/<projectId>/iterations")]
    async fn get_iterations(&self, project_id: Uuid) -> declarest::Result<Vec<Iteration>>;

    /// Get a specific iteration.
    #[endpoint(GET, "/projects/<projectId>/iterations/<iterationId>")]
    async fn get_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> declarest::Result<Iteration>;

    /// Delete a specific iteration of a project.
    #[endpoint(DELETE, "/projects/<projectId>/iterations/<iterationId>")]
    async fn delete_iteration(&self, project_id: Uuid, iteration_id: Uuid)
    -> declarest::Result<()>;

    /// Update a specific iteration: only the fields set on the patch are sent.
    #[endpoint(PATCH, "/projects/<projectId>/iterations/<iterationId>")]
    async fn update_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[body] updated_iteration: &IterationPatch,
    ) -> declarest::Result<Iteration>;

    /// Get detailed performance information about an iteration.
    #[endpoint(
        GET,
        "/projects/<projectId>/iterations/<iterationId>/performance?<threshold>&<overlapThreshold>"
    )]
    async fn get_iteration_performance(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        threshold: Option<f64>,
        overlap_threshold: Option<f64>,
    ) -> declarest::Result<IterationPerformance>;

    /// Get images with their predictions for a given project iteration (`tag_ids` limited to
    /// 20, `take` to 256).
    #[endpoint(
        GET,
        "/projects/<projectId>/iterations/<iterationId>/performance/images?<tagIds>&<orderBy>&<take>&<skip>"
    )]
    async fn get_image_performances(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[max_items(20)] tag_ids: Option<&[Uuid]>,
        order_by: Option<ImageOrderBy>,
        #[max(256)] take: Option<i32>,
        skip: Option<i32>,
    ) -> declarest::Result<Vec<ImagePerformance>>;

    /// Gets the number of images tagged with the provided tags that have prediction results
    /// from training for the iteration.
    #[endpoint(
        GET,
        "/projects/<projectId>/iterations/<iterationId>/performance/images/count?<tagIds>"
    )]
    async fn get_image_performance_count(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        tag_ids: Option<&[Uuid]>,
    ) -> declarest::Result<i32>;

    /// Get the list of exports for a specific iteration.
    #[endpoint(GET, "/projects/<projectId>/iterations/<iterationId>/export")]
    async fn get_exports(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> declarest::Result<Vec<Export>>;

    /// Export a trained iteration.
    #[endpoint(
        POST,
        "/projects/<projectId>/iterations/<iterationId>/export?<platform>&<flavor>"
    )]
    async fn export_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        platform: ExportPlatform,
        flavor: Option<ExportFlavor>,
    ) -> declarest::Result<Export>;

    // Tags.

    /// Get information about a specific tag.
    #[endpoint(GET, "/projects/<projectId>/tags/<tagId>?<iterationId>")]
    async fn get_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<Tag>;

    /// Delete a tag from the project.
    #[endpoint(DELETE, "/projects/<projectId>/tags/<tagId>")]
    async fn delete_tag(&self, project_id: Uuid, tag_id: Uuid) -> declarest::Result<()>;

    /// Update a tag: only the fields set on the patch are sent.
    #[endpoint(PATCH, "/projects/<projectId>/tags/<tagId>")]
    async fn update_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        #[body] updated_tag: &TagPatch,
    ) -> declarest::Result<Tag>;

    /// Get the tags for a given project and iteration.
    #[endpoint(GET, "/projects/<projectId>/tags?<iterationId>")]
    async fn get_tags(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<Vec<Tag>>;

    /// Create a tag for the project.
    #[endpoint(POST, "/projects/<projectId>/tags?<name>&<description>")]
    async fn create_tag(
        &self,
        project_id: Uuid,
        name: &str,
        description: Option<&str>,
    ) -> declarest::Result<Tag>;
}

impl Training for declarest::Client {}
