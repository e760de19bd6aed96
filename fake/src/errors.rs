//! The errors the fake answers with: a status and the `{code, message}` body the v2.2+ spec
//! documents (v3.3's `CustomVisionError`), with the codes it lists.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

/// An error the service would answer with: status and `{code, message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub status: u16,
    pub code: &'static str,
    pub message: String,
}

impl ServiceError {
    /// An error whose status follows from its code, as on the service: `BadRequest*` is 400,
    /// `NotFound*` 404, `Unauthorized` 401, `UnsupportedMediaType` 415, anything else 500.
    ///
    /// Every code but `Unauthorized` (the key check's, which on the real service comes from
    /// the API gateway in front of it) is one of the spec's [`CODES`]; debug builds check it.
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        debug_assert!(
            code == "Unauthorized" || CODES.contains(&code),
            "{code} is not one of the spec's error codes"
        );
        let status = if code.starts_with("BadRequest") {
            400
        } else if code.starts_with("NotFound") {
            404
        } else if code == "Unauthorized" {
            401
        } else if code == "UnsupportedMediaType" {
            415
        } else {
            500
        };
        ServiceError {
            status,
            code,
            message: message.into(),
        }
    }

    /// A plain `BadRequest`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ServiceError::new("BadRequest", message)
    }
}

/// The 130 values of v3.3's `CustomVisionError.code` (`x-ms-enum CustomVisionErrorCodes`).
pub const CODES: [&str; 130] = [
    "NoError",
    "BadRequest",
    "BadRequestExceededBatchSize",
    "BadRequestNotSupported",
    "BadRequestInvalidIds",
    "BadRequestProjectName",
    "BadRequestProjectNameNotUnique",
    "BadRequestProjectDescription",
    "BadRequestProjectUnknownDomain",
    "BadRequestProjectUnknownClassification",
    "BadRequestProjectUnsupportedDomainTypeChange",
    "BadRequestProjectUnsupportedExportPlatform",
    "BadRequestProjectImagePreprocessingSettings",
    "BadRequestProjectDuplicated",
    "BadRequestIterationName",
    "BadRequestIterationNameNotUnique",
    "BadRequestIterationDescription",
    "BadRequestIterationIsNotTrained",
    "BadRequestIterationValidationFailed",
    "BadRequestWorkspaceCannotBeModified",
    "BadRequestWorkspaceNotDeletable",
    "BadRequestTagName",
    "BadRequestTagNameNotUnique",
    "BadRequestTagDescription",
    "BadRequestTagType",
    "BadRequestMultipleNegativeTag",
    "BadRequestMultipleGeneralProductTag",
    "BadRequestImageTags",
    "BadRequestImageRegions",
    "BadRequestNegativeAndRegularTagOnSameImage",
    "BadRequestUnsupportedDomain",
    "BadRequestRequiredParamIsNull",
    "BadRequestIterationIsPublished",
    "BadRequestInvalidPublishName",
    "BadRequestInvalidPublishTarget",
    "BadRequestUnpublishFailed",
    "BadRequestIterationNotPublished",
    "BadRequestSubscriptionApi",
    "BadRequestExceedProjectLimit",
    "BadRequestExceedIterationPerProjectLimit",
    "BadRequestExceedTagPerProjectLimit",
    "BadRequestExceedTagPerImageLimit",
    "BadRequestExceededQuota",
    "BadRequestCannotMigrateProjectWithName",
    "BadRequestNotLimitedTrial",
    "BadRequestImageBatch",
    "BadRequestImageStream",
    "BadRequestImageUrl",
    "BadRequestImageFormat",
    "BadRequestImageSizeBytes",
    "BadRequestImageDimensions",
    "BadRequestImageExceededCount",
    "BadRequestTrainingNotNeeded",
    "BadRequestTrainingNotNeededButTrainingPipelineUpdated",
    "BadRequestTrainingValidationFailed",
    "BadRequestClassificationTrainingValidationFailed",
    "BadRequestMultiClassClassificationTrainingValidationFailed",
    "BadRequestMultiLabelClassificationTrainingValidationFailed",
    "BadRequestDetectionTrainingValidationFailed",
    "BadRequestTrainingAlreadyInProgress",
    "BadRequestDetectionTrainingNotAllowNegativeTag",
    "BadRequestInvalidEmailAddress",
    "BadRequestDomainNotSupportedForAdvancedTraining",
    "BadRequestExportPlatformNotSupportedForAdvancedTraining",
    "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
    "BadRequestExportValidationFailed",
    "BadRequestExportAlreadyInProgress",
    "BadRequestPredictionIdsMissing",
    "BadRequestPredictionIdsExceededCount",
    "BadRequestPredictionTagsExceededCount",
    "BadRequestPredictionResultsExceededCount",
    "BadRequestPredictionInvalidApplicationName",
    "BadRequestPredictionInvalidQueryParameters",
    "BadRequestInvalidImportToken",
    "BadRequestExportWhileTraining",
    "BadRequestImageMetadataKey",
    "BadRequestImageMetadataValue",
    "BadRequestOperationNotSupported",
    "BadRequestInvalidArtifactUri",
    "BadRequestCustomerManagedKeyRevoked",
    "BadRequestInvalid",
    "UnsupportedMediaType",
    "Forbidden",
    "ForbiddenUser",
    "ForbiddenUserResource",
    "ForbiddenUserSignupDisabled",
    "ForbiddenUserSignupAllowanceExceeded",
    "ForbiddenUserDoesNotExist",
    "ForbiddenUserDisabled",
    "ForbiddenUserInsufficientCapability",
    "ForbiddenDRModeEnabled",
    "ForbiddenInvalid",
    "NotFound",
    "NotFoundProject",
    "NotFoundProjectDefaultIteration",
    "NotFoundIteration",
    "NotFoundIterationPerformance",
    "NotFoundTag",
    "NotFoundImage",
    "NotFoundDomain",
    "NotFoundApimSubscription",
    "NotFoundInvalid",
    "Conflict",
    "ConflictInvalid",
    "ErrorUnknown",
    "ErrorIterationCopyFailed",
    "ErrorPreparePerformanceMigrationFailed",
    "ErrorProjectInvalidWorkspace",
    "ErrorProjectInvalidPipelineConfiguration",
    "ErrorProjectInvalidDomain",
    "ErrorProjectTrainingRequestFailed",
    "ErrorProjectImportRequestFailed",
    "ErrorProjectExportRequestFailed",
    "ErrorFeaturizationServiceUnavailable",
    "ErrorFeaturizationQueueTimeout",
    "ErrorFeaturizationInvalidFeaturizer",
    "ErrorFeaturizationAugmentationUnavailable",
    "ErrorFeaturizationUnrecognizedJob",
    "ErrorFeaturizationAugmentationError",
    "ErrorExporterInvalidPlatform",
    "ErrorExporterInvalidFeaturizer",
    "ErrorExporterInvalidClassifier",
    "ErrorPredictionServiceUnavailable",
    "ErrorPredictionModelNotFound",
    "ErrorPredictionModelNotCached",
    "ErrorPrediction",
    "ErrorPredictionStorage",
    "ErrorRegionProposal",
    "ErrorUnknownBaseModel",
    "ErrorInvalid",
];

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::json!({ "code": self.code, "message": self.message });
        (status, axum::Json(body)).into_response()
    }
}

pub fn not_found_project(project_id: Uuid) -> ServiceError {
    ServiceError::new("NotFoundProject", format!("Project {project_id} not found"))
}

pub fn not_found_iteration(iteration_id: Uuid) -> ServiceError {
    ServiceError::new(
        "NotFoundIteration",
        format!("Iteration {iteration_id} not found"),
    )
}

pub fn not_found_tag(tag_id: Uuid) -> ServiceError {
    ServiceError::new("NotFoundTag", format!("Tag {tag_id} not found"))
}

pub fn not_found_image(image_id: Uuid) -> ServiceError {
    ServiceError::new("NotFoundImage", format!("Image {image_id} not found"))
}

pub fn not_found_domain(domain_id: Uuid) -> ServiceError {
    ServiceError::new("NotFoundDomain", format!("Domain {domain_id} not found"))
}

pub fn iteration_not_trained(iteration_id: Uuid) -> ServiceError {
    ServiceError::new(
        "BadRequestIterationIsNotTrained",
        format!("Iteration {iteration_id} has not completed training"),
    )
}
