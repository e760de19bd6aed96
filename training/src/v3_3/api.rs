//! The Training API v3.3's 52 operations, declared with `#[endpoint]`.
//!
//! Method names are the snake_case of the spec's operationIds, arguments the snake_case of its
//! parameter names: required ones plain, optional ones `Option`, arrays slices, in the spec's
//! order. The limits the spec gives (`maxItems`, `maximum`, and, for the create batches, its
//! descriptions) are declared with `#[max_items]` / `#[max]` (here and on the batch models) and
//! checked before a request is sent. POSTs that only read are declared `idempotent`, so that they
//! are retried like GETs.

use std::collections::BTreeMap;

use declarest::{File, endpoint};
use uuid::Uuid;

use super::models::{
    ClassificationType, Domain, Export, ExportFlavor, ExportPlatform, Image, ImageCreateSummary,
    ImageFileCreateBatch, ImageIdCreateBatch, ImageMetadata, ImageMetadataUpdateSummary,
    ImageOrderBy, ImagePerformance, ImagePrediction, ImageRegionCreateBatch,
    ImageRegionCreateSummary, ImageRegionProposal, ImageTagCreateBatch, ImageTagCreateSummary,
    ImageUrl, ImageUrlCreateBatch, Iteration, IterationPatch, IterationPerformance,
    PredictionQueryResult, PredictionQueryToken, Project, ProjectExport, ProjectPatch,
    SuggestedTagAndRegion, SuggestedTagAndRegionQuery, SuggestedTagAndRegionQueryToken, Tag,
    TagFilter, TagPatch, TagType, TaggingStatus, TrainingParameters, TrainingType,
};

/// The Custom Vision Training API v3.3.
///
/// Implemented for [`declarest::Client`]; build one with [`client`](super::client). Every
/// operation sends the client's `Training-Key`; an error response is a [`declarest::Error`]
/// whose body [`CustomVisionError::from_error`](super::CustomVisionError::from_error) reads.
/// `ENDPOINTS` describes all 52, in the spec's order.
#[declarest::api]
pub trait Training: declarest::Api {
    // Domains.

    /// Get a list of the available domains.
    #[endpoint(GET, "/domains")]
    async fn get_domains(&self) -> declarest::Result<Vec<Domain>>;

    /// Get information about a specific domain.
    #[endpoint(GET, "/domains/<domainId>")]
    async fn get_domain(&self, domain_id: Uuid) -> declarest::Result<Domain>;

    // Projects.

    /// Get your projects.
    #[endpoint(GET, "/projects")]
    async fn get_projects(&self) -> declarest::Result<Vec<Project>>;

    /// Create a project (the domain defaults to General).
    #[endpoint(
        POST,
        "/projects?<name>&<description>&<domainId>&<classificationType>&<targetExportPlatforms>"
    )]
    async fn create_project(
        &self,
        name: &str,
        description: Option<&str>,
        domain_id: Option<Uuid>,
        classification_type: Option<ClassificationType>,
        target_export_platforms: Option<&[ExportPlatform]>,
    ) -> declarest::Result<Project>;

    /// Get a specific project.
    #[endpoint(GET, "/projects/<projectId>")]
    async fn get_project(&self, project_id: Uuid) -> declarest::Result<Project>;

    /// Delete a specific project.
    #[endpoint(DELETE, "/projects/<projectId>")]
    async fn delete_project(&self, project_id: Uuid) -> declarest::Result<()>;

    /// Update a specific project: the required `name`, `description` and `settings`, and
    /// `status` if set on the patch.
    #[endpoint(PATCH, "/projects/<projectId>")]
    async fn update_project(
        &self,
        project_id: Uuid,
        #[body] updated_project: &ProjectPatch,
    ) -> declarest::Result<Project>;

    /// Get artifact content from blob storage, based on artifact relative path in the blob: the
    /// relative URIs of images, exports and projects when the VNET feature is on. The whole
    /// content, in memory; [`ArtifactStream::get_artifact_stream`](super::ArtifactStream) reads
    /// it as it arrives.
    #[endpoint(GET, "/projects/<projectId>/artifacts?<path>")]
    async fn get_artifact(
        &self,
        project_id: Uuid,
        path: &str,
    ) -> declarest::Result<declarest::Binary>;

    /// Exports a project: the answer's token imports it (ImportProject).
    #[endpoint(GET, "/projects/<projectId>/export")]
    async fn export_project(&self, project_id: Uuid) -> declarest::Result<ProjectExport>;

    // Images.

    /// Get images for a given project iteration or workspace (`tag_ids` limited to 20, `take`
    /// to 256). `filter` is an expression over image metadata (`$filter`, with `eq`, `ne`,
    /// `and`, `or`: `key1 eq 'value1' and key2 ne 'value2'`).
    #[endpoint(
        GET,
        "/projects/<projectId>/images?<iterationId>&<tagIds>&<taggingStatus>&<$filter>&<orderBy>&<take>&<skip>"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn get_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        #[max_items(20)] tag_ids: Option<&[Uuid]>,
        tagging_status: Option<TaggingStatus>,
        #[param("$filter")] filter: Option<&str>,
        order_by: Option<ImageOrderBy>,
        #[max(256)] take: Option<i32>,
        skip: Option<i32>,
    ) -> declarest::Result<Vec<Image>>;

    /// Add the provided images to the set of training images: one multipart part per image
    /// (at most 64 images, each up to 6 MB, and 20 tags). A 207 answer is partial success.
    #[endpoint(POST, "/projects/<projectId>/images?<tagIds>")]
    async fn create_images_from_data(
        &self,
        project_id: Uuid,
        #[max_items(20)] tag_ids: Option<&[Uuid]>,
        #[multipart("imageData")]
        #[max_items(64)]
        image_data: &[File],
    ) -> declarest::Result<declarest::WithStatus<ImageCreateSummary>>;

    /// Delete images from the set of training images (at most 256 per batch), or all of them
    /// (`all_images`), from all iterations too (`all_iterations`). The service answers 204, or
    /// 202 when it deletes in the background (with either flag); both are `Ok`, and the status is
    /// not kept (declarest's `WithStatus` needs a JSON body to decode).
    #[endpoint(
        DELETE,
        "/projects/<projectId>/images?<imageIds>&<allImages>&<allIterations>"
    )]
    async fn delete_images(
        &self,
        project_id: Uuid,
        #[max_items(256)] image_ids: Option<&[Uuid]>,
        all_images: Option<bool>,
        all_iterations: Option<bool>,
    ) -> declarest::Result<()>;

    /// Get region proposals for an image; empty if no proposals are found.
    #[endpoint(
        POST,
        "/projects/<projectId>/images/<imageId>/regionproposals",
        idempotent
    )]
    async fn get_image_region_proposals(
        &self,
        project_id: Uuid,
        image_id: Uuid,
    ) -> declarest::Result<ImageRegionProposal>;

    /// Get the number of images. `filter` is an expression over image metadata, as for
    /// GetImages.
    #[endpoint(
        GET,
        "/projects/<projectId>/images/count?<iterationId>&<taggingStatus>&<$filter>&<tagIds>"
    )]
    async fn get_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tagging_status: Option<TaggingStatus>,
        #[param("$filter")] filter: Option<&str>,
        tag_ids: Option<&[Uuid]>,
    ) -> declarest::Result<i32>;

    /// Add the provided batch of images to the set of training images (at most 64 images and
    /// 20 tags, checked on the batch). A 207 answer is partial success.
    #[endpoint(POST, "/projects/<projectId>/images/files")]
    async fn create_images_from_files(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageFileCreateBatch,
    ) -> declarest::Result<declarest::WithStatus<ImageCreateSummary>>;

    /// Get images by id for a given project iteration (at most 256 ids).
    #[endpoint(GET, "/projects/<projectId>/images/id?<imageIds>&<iterationId>")]
    async fn get_images_by_ids(
        &self,
        project_id: Uuid,
        #[max_items(256)] image_ids: Option<&[Uuid]>,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<Vec<Image>>;

    /// Update metadata of images (at most 50 pairs per image). A 207 answer is partial
    /// success.
    ///
    /// The spec's schema limits `image_ids` to 256 (`maxItems`), while its descriptions say 64:
    /// 256 is declared, so that the service decides between them.
    #[endpoint(POST, "/projects/<projectId>/images/metadata?<imageIds>")]
    async fn update_image_metadata(
        &self,
        project_id: Uuid,
        #[max_items(256)] image_ids: &[Uuid],
        #[body]
        #[max_items(50)]
        metadata: &ImageMetadata,
    ) -> declarest::Result<declarest::WithStatus<ImageMetadataUpdateSummary>>;

    /// Add the specified predicted images to the set of training images (at most 64 images and
    /// 20 tags, checked on the batch). A 207 answer is partial success.
    #[endpoint(POST, "/projects/<projectId>/images/predictions")]
    async fn create_images_from_predictions(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageIdCreateBatch,
    ) -> declarest::Result<declarest::WithStatus<ImageCreateSummary>>;

    /// Create a set of image regions (at most 64, checked on the batch). A 207 answer is
    /// partial success.
    #[endpoint(POST, "/projects/<projectId>/images/regions")]
    async fn create_image_regions(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageRegionCreateBatch,
    ) -> declarest::Result<declarest::WithStatus<ImageRegionCreateSummary>>;

    /// Delete a set of image regions (at most 64).
    #[endpoint(DELETE, "/projects/<projectId>/images/regions?<regionIds>")]
    async fn delete_image_regions(
        &self,
        project_id: Uuid,
        #[max_items(64)] region_ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Get untagged images whose suggested tags match given tags; empty if no images are found.
    #[endpoint(
        POST,
        "/projects/<projectId>/images/suggested?<iterationId>",
        idempotent
    )]
    async fn query_suggested_images(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[body] query: &SuggestedTagAndRegionQueryToken,
    ) -> declarest::Result<SuggestedTagAndRegionQuery>;

    /// Get the count of images whose suggested tags match given tags with at least the given
    /// threshold, per tag id; 0 if none is found.
    #[endpoint(
        POST,
        "/projects/<projectId>/images/suggested/count?<iterationId>",
        idempotent
    )]
    async fn query_suggested_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[body] query: &TagFilter,
    ) -> declarest::Result<BTreeMap<String, i32>>;

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

    /// Associate a set of images with a set of tags (at most 128, checked on the batch).
    #[endpoint(POST, "/projects/<projectId>/images/tags")]
    async fn create_image_tags(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageTagCreateBatch,
    ) -> declarest::Result<ImageTagCreateSummary>;

    /// Remove a set of tags from a set of images (at most 64 images and 20 tags).
    #[endpoint(DELETE, "/projects/<projectId>/images/tags?<imageIds>&<tagIds>")]
    async fn delete_image_tags(
        &self,
        project_id: Uuid,
        #[max_items(64)] image_ids: &[Uuid],
        #[max_items(20)] tag_ids: &[Uuid],
    ) -> declarest::Result<()>;

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

    /// Gets the number of untagged images.
    #[endpoint(GET, "/projects/<projectId>/images/untagged/count?<iterationId>")]
    async fn get_untagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<i32>;

    /// Add the provided images urls to the set of training images (at most 64 images and 20
    /// tags, checked on the batch). A 207 answer is partial success.
    #[endpoint(POST, "/projects/<projectId>/images/urls")]
    async fn create_images_from_urls(
        &self,
        project_id: Uuid,
        #[body] batch: &ImageUrlCreateBatch,
    ) -> declarest::Result<declarest::WithStatus<ImageCreateSummary>>;

    // Iterations.

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

    /// Update a specific iteration: its `name`, the only writable field.
    #[endpoint(PATCH, "/projects/<projectId>/iterations/<iterationId>")]
    async fn update_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[body] updated_iteration: &IterationPatch,
    ) -> declarest::Result<Iteration>;

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

    /// Publish a specific iteration under `publish_name` to the prediction resource
    /// `prediction_id` (a resource id); the service answers a bare `true`.
    #[endpoint(
        POST,
        "/projects/<projectId>/iterations/<iterationId>/publish?<publishName>&<predictionId>&<overwrite>"
    )]
    async fn publish_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        publish_name: &str,
        prediction_id: &str,
        overwrite: Option<bool>,
    ) -> declarest::Result<bool>;

    /// Unpublish a specific iteration.
    #[endpoint(DELETE, "/projects/<projectId>/iterations/<iterationId>/publish")]
    async fn unpublish_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> declarest::Result<()>;

    // Predictions.

    /// Delete a set of predicted images and their associated prediction results (at most 64).
    #[endpoint(DELETE, "/projects/<projectId>/predictions?<ids>")]
    async fn delete_prediction(
        &self,
        project_id: Uuid,
        #[max_items(64)] ids: &[Uuid],
    ) -> declarest::Result<()>;

    /// Get images that were sent to your prediction endpoint (combining at most 2 tags, checked
    /// on the query).
    #[endpoint(POST, "/projects/<projectId>/predictions/query", idempotent)]
    async fn query_predictions(
        &self,
        project_id: Uuid,
        #[body] query: &PredictionQueryToken,
    ) -> declarest::Result<PredictionQueryResult>;

    /// Quick test an image (up to 6 MB), against the default iteration unless one is given;
    /// the result is stored unless `store` is `Some(false)`.
    #[endpoint(POST, "/projects/<projectId>/quicktest/image?<iterationId>&<store>")]
    async fn quick_test_image(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        store: Option<bool>,
        #[multipart("imageData")] image_data: &File,
    ) -> declarest::Result<ImagePrediction>;

    /// Quick test an image url, against the default iteration unless one is given; the result
    /// is stored unless `store` is `Some(false)`.
    #[endpoint(POST, "/projects/<projectId>/quicktest/url?<iterationId>&<store>")]
    async fn quick_test_image_url(
        &self,
        project_id: Uuid,
        #[body] image_url: &ImageUrl,
        iteration_id: Option<Uuid>,
        store: Option<bool>,
    ) -> declarest::Result<ImagePrediction>;

    // Tags.

    /// Get the tags for a given project and iteration.
    #[endpoint(GET, "/projects/<projectId>/tags?<iterationId>")]
    async fn get_tags(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> declarest::Result<Vec<Tag>>;

    /// Create a tag for the project.
    #[endpoint(POST, "/projects/<projectId>/tags?<name>&<description>&<type>")]
    async fn create_tag(
        &self,
        project_id: Uuid,
        name: &str,
        description: Option<&str>,
        r#type: Option<TagType>,
    ) -> declarest::Result<Tag>;

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

    /// Update a tag: the required `name`, `description` and `type`.
    #[endpoint(PATCH, "/projects/<projectId>/tags/<tagId>")]
    async fn update_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        #[body] updated_tag: &TagPatch,
    ) -> declarest::Result<Tag>;

    /// Suggest tags and regions for a batch of untagged images (at most 64); empty if no tags
    /// are found.
    #[endpoint(
        POST,
        "/projects/<projectId>/tagsandregions/suggestions?<iterationId>&<imageIds>"
    )]
    async fn suggest_tags_and_regions(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        #[max_items(64)] image_ids: &[Uuid],
    ) -> declarest::Result<Vec<SuggestedTagAndRegion>>;

    // Training and import.

    /// Queues project for training: `Regular` unless `training_type` says otherwise, within
    /// `reserved_budget_in_hours` for advanced training; `force_train` trains even if nothing
    /// changed; `training_parameters` (an optional JSON body) selects the tags to train on.
    #[endpoint(
        POST,
        "/projects/<projectId>/train?<trainingType>&<reservedBudgetInHours>&<forceTrain>&<notificationEmailAddress>"
    )]
    async fn train_project(
        &self,
        project_id: Uuid,
        training_type: Option<TrainingType>,
        reserved_budget_in_hours: Option<i32>,
        force_train: Option<bool>,
        notification_email_address: Option<&str>,
        #[body] training_parameters: Option<&TrainingParameters>,
    ) -> declarest::Result<Iteration>;

    /// Imports a project from the token of ExportProject (a secret: it is kept out of logs and
    /// errors), under `name` or a generated one.
    #[endpoint(POST, "/projects/import?<token>&<name>")]
    async fn import_project(
        &self,
        #[param("token", secret)] token: &str,
        name: Option<&str>,
    ) -> declarest::Result<Project>;
}

impl Training for declarest::Client {}
