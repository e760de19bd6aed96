//! The string enums of the v3.3 spec, models' properties and operations' query parameters alike.
//!
//! Every model enum of v3.3 is declared open (`x-ms-enum` with `modelAsString: true`), and the
//! service's values drift in casing and grow, so each enum here is tolerant (declared with
//! `string_enum!`): a known value is matched whatever its casing, anything else is kept as
//! `Other(value)`, and reading one never fails on its value. They are v3.3's own types, apart from
//! v2.0's: their value sets are each version's contract (v3.3's `ExportPlatform` has `VAIDK`,
//! v2.0's has not).

use crate::string_enum::string_enum;

string_enum! {
    /// The kind of a [`Domain`](super::Domain) (`Domain.type`; the spec's `DomainType`).
    pub enum DomainType {
        /// `Classification`: tags whole images.
        Classification = "Classification",
        /// `ObjectDetection`: tags regions of images.
        ObjectDetection = "ObjectDetection",
    }
}

string_enum! {
    /// A platform a model is exported to (`Export.platform`, `Iteration.exportableTo`,
    /// `ProjectSettings.targetExportPlatforms`, and the `platform` and `targetExportPlatforms`
    /// query parameters of ExportIteration and CreateProject; the spec's `ExportPlatform`).
    pub enum ExportPlatform {
        /// `CoreML`.
        CoreMl = "CoreML",
        /// `TensorFlow`.
        TensorFlow = "TensorFlow",
        /// `DockerFile`.
        DockerFile = "DockerFile",
        /// `ONNX`.
        Onnx = "ONNX",
        /// `VAIDK`: the Vision AI Developer Kit.
        Vaidk = "VAIDK",
    }
}

string_enum! {
    /// The state of an export (`Export.status`; the spec's `ExportStatus`).
    pub enum ExportStatus {
        /// `Exporting`: still in progress.
        Exporting = "Exporting",
        /// `Failed`.
        Failed = "Failed",
        /// `Done`: ready to download.
        Done = "Done",
    }
}

string_enum! {
    /// The flavor of an export's platform (`Export.flavor`, and the `flavor` query parameter of
    /// ExportIteration; the spec's `ExportFlavor`). Docker has `Linux`, `Windows` and `ARM`;
    /// TensorFlow has `TensorFlowNormal` and `TensorFlowLite`; ONNX has `ONNX10` and `ONNX12`.
    pub enum ExportFlavor {
        /// `Linux` (Docker).
        Linux = "Linux",
        /// `Windows` (Docker).
        Windows = "Windows",
        /// `ONNX10`: ONNX 1.0.
        Onnx10 = "ONNX10",
        /// `ONNX12`: ONNX 1.2.
        Onnx12 = "ONNX12",
        /// `ARM` (Docker).
        Arm = "ARM",
        /// `TensorFlowNormal`.
        TensorFlowNormal = "TensorFlowNormal",
        /// `TensorFlowLite`.
        TensorFlowLite = "TensorFlowLite",
    }
}

string_enum! {
    /// The outcome of creating one image (`ImageCreateResult.status`; the spec's
    /// `ImageCreateStatus`).
    pub enum ImageCreateStatus {
        /// `OK`: the image was created.
        Ok = "OK",
        /// `OKDuplicate`: the image was already in the project.
        OkDuplicate = "OKDuplicate",
        /// `ErrorSource`: the source could not be read.
        ErrorSource = "ErrorSource",
        /// `ErrorImageFormat`: the image format is not supported.
        ErrorImageFormat = "ErrorImageFormat",
        /// `ErrorImageSize`: the image is too large.
        ErrorImageSize = "ErrorImageSize",
        /// `ErrorStorage`: the image could not be stored.
        ErrorStorage = "ErrorStorage",
        /// `ErrorLimitExceed`: the project holds too many images.
        ErrorLimitExceed = "ErrorLimitExceed",
        /// `ErrorTagLimitExceed`: the image has too many tags.
        ErrorTagLimitExceed = "ErrorTagLimitExceed",
        /// `ErrorRegionLimitExceed`: the image has too many regions.
        ErrorRegionLimitExceed = "ErrorRegionLimitExceed",
        /// `ErrorUnknown`: another error.
        ErrorUnknown = "ErrorUnknown",
        /// `ErrorNegativeAndRegularTagOnSameImage`: the image would have the negative tag and a
        /// regular one.
        ErrorNegativeAndRegularTagOnSameImage = "ErrorNegativeAndRegularTagOnSameImage",
    }
}

string_enum! {
    /// The outcome of updating one image's metadata (`ImageMetadataUpdateEntry.status`; the
    /// spec's `ImageMetadataUpdateStatus`).
    pub enum ImageMetadataUpdateStatus {
        /// `OK`: the metadata was updated.
        Ok = "OK",
        /// `ErrorImageNotFound`: no such image.
        ErrorImageNotFound = "ErrorImageNotFound",
        /// `ErrorLimitExceed`: the image would have more than 50 key-value pairs.
        ErrorLimitExceed = "ErrorLimitExceed",
        /// `ErrorUnknown`: another error.
        ErrorUnknown = "ErrorUnknown",
    }
}

string_enum! {
    /// How a classification project tags images (`ProjectSettings.classificationType`,
    /// `Iteration.classificationType`, and the `classificationType` query parameter of
    /// CreateProject; the spec's `Classifier`).
    pub enum ClassificationType {
        /// `Multiclass`: one tag per image.
        Multiclass = "Multiclass",
        /// `Multilabel`: any number of tags per image.
        Multilabel = "Multilabel",
    }
}

string_enum! {
    /// How an iteration is trained (`Iteration.trainingType`, and the `trainingType` query
    /// parameter of TrainProject; the spec's `TrainingType`).
    pub enum TrainingType {
        /// `Regular`: the service's default.
        Regular = "Regular",
        /// `Advanced`: longer training within a reserved budget of hours.
        Advanced = "Advanced",
    }
}

string_enum! {
    /// The kind of a tag (`Tag.type`, `Prediction.tagType`, and the `type` query parameter of
    /// CreateTag; the spec's `TagType`).
    pub enum TagType {
        /// `Regular`.
        Regular = "Regular",
        /// `Negative`: images that show none of the project's other tags.
        Negative = "Negative",
        /// `GeneralProduct`: the catch-all product tag of a retail shelf project.
        GeneralProduct = "GeneralProduct",
    }
}

string_enum! {
    /// The state of a project (`Project.status`; the spec's `ProjectStatus`).
    pub enum ProjectStatus {
        /// `Succeeded`: the project is ready.
        Succeeded = "Succeeded",
        /// `Importing`: ImportProject is still filling it.
        Importing = "Importing",
        /// `Failed`: its import failed.
        Failed = "Failed",
    }
}

string_enum! {
    /// The order of suggested images (`SuggestedTagAndRegionQueryToken.sortBy`; the spec's
    /// `SortBy`).
    pub enum SuggestionSortBy {
        /// `UncertaintyAscending`: the most certain suggestions first.
        UncertaintyAscending = "UncertaintyAscending",
        /// `UncertaintyDescending`: the least certain suggestions first, the most worth tagging.
        UncertaintyDescending = "UncertaintyDescending",
    }
}

string_enum! {
    /// The order of a prediction query (`PredictionQueryToken.orderBy`; the spec's `OrderBy`).
    pub enum PredictionOrderBy {
        /// `Newest` first.
        Newest = "Newest",
        /// `Oldest` first.
        Oldest = "Oldest",
        /// `Suggested`: the predictions most worth tagging first.
        Suggested = "Suggested",
    }
}

string_enum! {
    /// The order of an image listing: the `orderBy` query parameter of GetImages,
    /// GetTaggedImages, GetUntaggedImages and GetImagePerformances (the service defaults to
    /// `Newest`).
    pub enum ImageOrderBy {
        /// `Newest` first.
        Newest = "Newest",
        /// `Oldest` first.
        Oldest = "Oldest",
    }
}

string_enum! {
    /// Which images to list or count by their tags: the `taggingStatus` query parameter of
    /// GetImages and GetImageCount (the service defaults to `All`).
    pub enum TaggingStatus {
        /// `All` images.
        All = "All",
        /// `Tagged` images only.
        Tagged = "Tagged",
        /// `Untagged` images only.
        Untagged = "Untagged",
    }
}

string_enum! {
    /// The code of a [`CustomVisionError`](super::CustomVisionError) (`CustomVisionError.code`;
    /// the spec's `CustomVisionErrorCodes`, 130 values). The names say what went wrong: the
    /// prefix is the kind (`BadRequest...`, `Forbidden...`, `NotFound...`, `Conflict...`,
    /// `Error...`), the rest the subject (`NotFoundIteration`, `BadRequestIterationIsPublished`).
    pub enum CustomVisionErrorCode {
        /// `NoError`.
        NoError = "NoError",
        /// `BadRequest`.
        BadRequest = "BadRequest",
        /// `BadRequestExceededBatchSize`.
        BadRequestExceededBatchSize = "BadRequestExceededBatchSize",
        /// `BadRequestNotSupported`.
        BadRequestNotSupported = "BadRequestNotSupported",
        /// `BadRequestInvalidIds`.
        BadRequestInvalidIds = "BadRequestInvalidIds",
        /// `BadRequestProjectName`.
        BadRequestProjectName = "BadRequestProjectName",
        /// `BadRequestProjectNameNotUnique`.
        BadRequestProjectNameNotUnique = "BadRequestProjectNameNotUnique",
        /// `BadRequestProjectDescription`.
        BadRequestProjectDescription = "BadRequestProjectDescription",
        /// `BadRequestProjectUnknownDomain`.
        BadRequestProjectUnknownDomain = "BadRequestProjectUnknownDomain",
        /// `BadRequestProjectUnknownClassification`.
        BadRequestProjectUnknownClassification = "BadRequestProjectUnknownClassification",
        /// `BadRequestProjectUnsupportedDomainTypeChange`.
        BadRequestProjectUnsupportedDomainTypeChange = "BadRequestProjectUnsupportedDomainTypeChange",
        /// `BadRequestProjectUnsupportedExportPlatform`.
        BadRequestProjectUnsupportedExportPlatform = "BadRequestProjectUnsupportedExportPlatform",
        /// `BadRequestProjectImagePreprocessingSettings`.
        BadRequestProjectImagePreprocessingSettings = "BadRequestProjectImagePreprocessingSettings",
        /// `BadRequestProjectDuplicated`.
        BadRequestProjectDuplicated = "BadRequestProjectDuplicated",
        /// `BadRequestIterationName`.
        BadRequestIterationName = "BadRequestIterationName",
        /// `BadRequestIterationNameNotUnique`.
        BadRequestIterationNameNotUnique = "BadRequestIterationNameNotUnique",
        /// `BadRequestIterationDescription`.
        BadRequestIterationDescription = "BadRequestIterationDescription",
        /// `BadRequestIterationIsNotTrained`.
        BadRequestIterationIsNotTrained = "BadRequestIterationIsNotTrained",
        /// `BadRequestIterationValidationFailed`.
        BadRequestIterationValidationFailed = "BadRequestIterationValidationFailed",
        /// `BadRequestWorkspaceCannotBeModified`.
        BadRequestWorkspaceCannotBeModified = "BadRequestWorkspaceCannotBeModified",
        /// `BadRequestWorkspaceNotDeletable`.
        BadRequestWorkspaceNotDeletable = "BadRequestWorkspaceNotDeletable",
        /// `BadRequestTagName`.
        BadRequestTagName = "BadRequestTagName",
        /// `BadRequestTagNameNotUnique`.
        BadRequestTagNameNotUnique = "BadRequestTagNameNotUnique",
        /// `BadRequestTagDescription`.
        BadRequestTagDescription = "BadRequestTagDescription",
        /// `BadRequestTagType`.
        BadRequestTagType = "BadRequestTagType",
        /// `BadRequestMultipleNegativeTag`.
        BadRequestMultipleNegativeTag = "BadRequestMultipleNegativeTag",
        /// `BadRequestMultipleGeneralProductTag`.
        BadRequestMultipleGeneralProductTag = "BadRequestMultipleGeneralProductTag",
        /// `BadRequestImageTags`.
        BadRequestImageTags = "BadRequestImageTags",
        /// `BadRequestImageRegions`.
        BadRequestImageRegions = "BadRequestImageRegions",
        /// `BadRequestNegativeAndRegularTagOnSameImage`.
        BadRequestNegativeAndRegularTagOnSameImage = "BadRequestNegativeAndRegularTagOnSameImage",
        /// `BadRequestUnsupportedDomain`.
        BadRequestUnsupportedDomain = "BadRequestUnsupportedDomain",
        /// `BadRequestRequiredParamIsNull`.
        BadRequestRequiredParamIsNull = "BadRequestRequiredParamIsNull",
        /// `BadRequestIterationIsPublished`.
        BadRequestIterationIsPublished = "BadRequestIterationIsPublished",
        /// `BadRequestInvalidPublishName`.
        BadRequestInvalidPublishName = "BadRequestInvalidPublishName",
        /// `BadRequestInvalidPublishTarget`.
        BadRequestInvalidPublishTarget = "BadRequestInvalidPublishTarget",
        /// `BadRequestUnpublishFailed`.
        BadRequestUnpublishFailed = "BadRequestUnpublishFailed",
        /// `BadRequestIterationNotPublished`.
        BadRequestIterationNotPublished = "BadRequestIterationNotPublished",
        /// `BadRequestSubscriptionApi`.
        BadRequestSubscriptionApi = "BadRequestSubscriptionApi",
        /// `BadRequestExceedProjectLimit`.
        BadRequestExceedProjectLimit = "BadRequestExceedProjectLimit",
        /// `BadRequestExceedIterationPerProjectLimit`.
        BadRequestExceedIterationPerProjectLimit = "BadRequestExceedIterationPerProjectLimit",
        /// `BadRequestExceedTagPerProjectLimit`.
        BadRequestExceedTagPerProjectLimit = "BadRequestExceedTagPerProjectLimit",
        /// `BadRequestExceedTagPerImageLimit`.
        BadRequestExceedTagPerImageLimit = "BadRequestExceedTagPerImageLimit",
        /// `BadRequestExceededQuota`.
        BadRequestExceededQuota = "BadRequestExceededQuota",
        /// `BadRequestCannotMigrateProjectWithName`.
        BadRequestCannotMigrateProjectWithName = "BadRequestCannotMigrateProjectWithName",
        /// `BadRequestNotLimitedTrial`.
        BadRequestNotLimitedTrial = "BadRequestNotLimitedTrial",
        /// `BadRequestImageBatch`.
        BadRequestImageBatch = "BadRequestImageBatch",
        /// `BadRequestImageStream`.
        BadRequestImageStream = "BadRequestImageStream",
        /// `BadRequestImageUrl`.
        BadRequestImageUrl = "BadRequestImageUrl",
        /// `BadRequestImageFormat`.
        BadRequestImageFormat = "BadRequestImageFormat",
        /// `BadRequestImageSizeBytes`.
        BadRequestImageSizeBytes = "BadRequestImageSizeBytes",
        /// `BadRequestImageDimensions`.
        BadRequestImageDimensions = "BadRequestImageDimensions",
        /// `BadRequestImageExceededCount`.
        BadRequestImageExceededCount = "BadRequestImageExceededCount",
        /// `BadRequestTrainingNotNeeded`.
        BadRequestTrainingNotNeeded = "BadRequestTrainingNotNeeded",
        /// `BadRequestTrainingNotNeededButTrainingPipelineUpdated`.
        BadRequestTrainingNotNeededButTrainingPipelineUpdated = "BadRequestTrainingNotNeededButTrainingPipelineUpdated",
        /// `BadRequestTrainingValidationFailed`.
        BadRequestTrainingValidationFailed = "BadRequestTrainingValidationFailed",
        /// `BadRequestClassificationTrainingValidationFailed`.
        BadRequestClassificationTrainingValidationFailed = "BadRequestClassificationTrainingValidationFailed",
        /// `BadRequestMultiClassClassificationTrainingValidationFailed`.
        BadRequestMultiClassClassificationTrainingValidationFailed = "BadRequestMultiClassClassificationTrainingValidationFailed",
        /// `BadRequestMultiLabelClassificationTrainingValidationFailed`.
        BadRequestMultiLabelClassificationTrainingValidationFailed = "BadRequestMultiLabelClassificationTrainingValidationFailed",
        /// `BadRequestDetectionTrainingValidationFailed`.
        BadRequestDetectionTrainingValidationFailed = "BadRequestDetectionTrainingValidationFailed",
        /// `BadRequestTrainingAlreadyInProgress`.
        BadRequestTrainingAlreadyInProgress = "BadRequestTrainingAlreadyInProgress",
        /// `BadRequestDetectionTrainingNotAllowNegativeTag`.
        BadRequestDetectionTrainingNotAllowNegativeTag = "BadRequestDetectionTrainingNotAllowNegativeTag",
        /// `BadRequestInvalidEmailAddress`.
        BadRequestInvalidEmailAddress = "BadRequestInvalidEmailAddress",
        /// `BadRequestDomainNotSupportedForAdvancedTraining`.
        BadRequestDomainNotSupportedForAdvancedTraining = "BadRequestDomainNotSupportedForAdvancedTraining",
        /// `BadRequestExportPlatformNotSupportedForAdvancedTraining`.
        BadRequestExportPlatformNotSupportedForAdvancedTraining = "BadRequestExportPlatformNotSupportedForAdvancedTraining",
        /// `BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining`.
        BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining = "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
        /// `BadRequestExportValidationFailed`.
        BadRequestExportValidationFailed = "BadRequestExportValidationFailed",
        /// `BadRequestExportAlreadyInProgress`.
        BadRequestExportAlreadyInProgress = "BadRequestExportAlreadyInProgress",
        /// `BadRequestPredictionIdsMissing`.
        BadRequestPredictionIdsMissing = "BadRequestPredictionIdsMissing",
        /// `BadRequestPredictionIdsExceededCount`.
        BadRequestPredictionIdsExceededCount = "BadRequestPredictionIdsExceededCount",
        /// `BadRequestPredictionTagsExceededCount`.
        BadRequestPredictionTagsExceededCount = "BadRequestPredictionTagsExceededCount",
        /// `BadRequestPredictionResultsExceededCount`.
        BadRequestPredictionResultsExceededCount = "BadRequestPredictionResultsExceededCount",
        /// `BadRequestPredictionInvalidApplicationName`.
        BadRequestPredictionInvalidApplicationName = "BadRequestPredictionInvalidApplicationName",
        /// `BadRequestPredictionInvalidQueryParameters`.
        BadRequestPredictionInvalidQueryParameters = "BadRequestPredictionInvalidQueryParameters",
        /// `BadRequestInvalidImportToken`.
        BadRequestInvalidImportToken = "BadRequestInvalidImportToken",
        /// `BadRequestExportWhileTraining`.
        BadRequestExportWhileTraining = "BadRequestExportWhileTraining",
        /// `BadRequestImageMetadataKey`.
        BadRequestImageMetadataKey = "BadRequestImageMetadataKey",
        /// `BadRequestImageMetadataValue`.
        BadRequestImageMetadataValue = "BadRequestImageMetadataValue",
        /// `BadRequestOperationNotSupported`.
        BadRequestOperationNotSupported = "BadRequestOperationNotSupported",
        /// `BadRequestInvalidArtifactUri`.
        BadRequestInvalidArtifactUri = "BadRequestInvalidArtifactUri",
        /// `BadRequestCustomerManagedKeyRevoked`.
        BadRequestCustomerManagedKeyRevoked = "BadRequestCustomerManagedKeyRevoked",
        /// `BadRequestInvalid`.
        BadRequestInvalid = "BadRequestInvalid",
        /// `UnsupportedMediaType`.
        UnsupportedMediaType = "UnsupportedMediaType",
        /// `Forbidden`.
        Forbidden = "Forbidden",
        /// `ForbiddenUser`.
        ForbiddenUser = "ForbiddenUser",
        /// `ForbiddenUserResource`.
        ForbiddenUserResource = "ForbiddenUserResource",
        /// `ForbiddenUserSignupDisabled`.
        ForbiddenUserSignupDisabled = "ForbiddenUserSignupDisabled",
        /// `ForbiddenUserSignupAllowanceExceeded`.
        ForbiddenUserSignupAllowanceExceeded = "ForbiddenUserSignupAllowanceExceeded",
        /// `ForbiddenUserDoesNotExist`.
        ForbiddenUserDoesNotExist = "ForbiddenUserDoesNotExist",
        /// `ForbiddenUserDisabled`.
        ForbiddenUserDisabled = "ForbiddenUserDisabled",
        /// `ForbiddenUserInsufficientCapability`.
        ForbiddenUserInsufficientCapability = "ForbiddenUserInsufficientCapability",
        /// `ForbiddenDRModeEnabled`.
        ForbiddenDrModeEnabled = "ForbiddenDRModeEnabled",
        /// `ForbiddenInvalid`.
        ForbiddenInvalid = "ForbiddenInvalid",
        /// `NotFound`.
        NotFound = "NotFound",
        /// `NotFoundProject`.
        NotFoundProject = "NotFoundProject",
        /// `NotFoundProjectDefaultIteration`.
        NotFoundProjectDefaultIteration = "NotFoundProjectDefaultIteration",
        /// `NotFoundIteration`.
        NotFoundIteration = "NotFoundIteration",
        /// `NotFoundIterationPerformance`.
        NotFoundIterationPerformance = "NotFoundIterationPerformance",
        /// `NotFoundTag`.
        NotFoundTag = "NotFoundTag",
        /// `NotFoundImage`.
        NotFoundImage = "NotFoundImage",
        /// `NotFoundDomain`.
        NotFoundDomain = "NotFoundDomain",
        /// `NotFoundApimSubscription`.
        NotFoundApimSubscription = "NotFoundApimSubscription",
        /// `NotFoundInvalid`.
        NotFoundInvalid = "NotFoundInvalid",
        /// `Conflict`.
        Conflict = "Conflict",
        /// `ConflictInvalid`.
        ConflictInvalid = "ConflictInvalid",
        /// `ErrorUnknown`.
        ErrorUnknown = "ErrorUnknown",
        /// `ErrorIterationCopyFailed`.
        ErrorIterationCopyFailed = "ErrorIterationCopyFailed",
        /// `ErrorPreparePerformanceMigrationFailed`.
        ErrorPreparePerformanceMigrationFailed = "ErrorPreparePerformanceMigrationFailed",
        /// `ErrorProjectInvalidWorkspace`.
        ErrorProjectInvalidWorkspace = "ErrorProjectInvalidWorkspace",
        /// `ErrorProjectInvalidPipelineConfiguration`.
        ErrorProjectInvalidPipelineConfiguration = "ErrorProjectInvalidPipelineConfiguration",
        /// `ErrorProjectInvalidDomain`.
        ErrorProjectInvalidDomain = "ErrorProjectInvalidDomain",
        /// `ErrorProjectTrainingRequestFailed`.
        ErrorProjectTrainingRequestFailed = "ErrorProjectTrainingRequestFailed",
        /// `ErrorProjectImportRequestFailed`.
        ErrorProjectImportRequestFailed = "ErrorProjectImportRequestFailed",
        /// `ErrorProjectExportRequestFailed`.
        ErrorProjectExportRequestFailed = "ErrorProjectExportRequestFailed",
        /// `ErrorFeaturizationServiceUnavailable`.
        ErrorFeaturizationServiceUnavailable = "ErrorFeaturizationServiceUnavailable",
        /// `ErrorFeaturizationQueueTimeout`.
        ErrorFeaturizationQueueTimeout = "ErrorFeaturizationQueueTimeout",
        /// `ErrorFeaturizationInvalidFeaturizer`.
        ErrorFeaturizationInvalidFeaturizer = "ErrorFeaturizationInvalidFeaturizer",
        /// `ErrorFeaturizationAugmentationUnavailable`.
        ErrorFeaturizationAugmentationUnavailable = "ErrorFeaturizationAugmentationUnavailable",
        /// `ErrorFeaturizationUnrecognizedJob`.
        ErrorFeaturizationUnrecognizedJob = "ErrorFeaturizationUnrecognizedJob",
        /// `ErrorFeaturizationAugmentationError`.
        ErrorFeaturizationAugmentationError = "ErrorFeaturizationAugmentationError",
        /// `ErrorExporterInvalidPlatform`.
        ErrorExporterInvalidPlatform = "ErrorExporterInvalidPlatform",
        /// `ErrorExporterInvalidFeaturizer`.
        ErrorExporterInvalidFeaturizer = "ErrorExporterInvalidFeaturizer",
        /// `ErrorExporterInvalidClassifier`.
        ErrorExporterInvalidClassifier = "ErrorExporterInvalidClassifier",
        /// `ErrorPredictionServiceUnavailable`.
        ErrorPredictionServiceUnavailable = "ErrorPredictionServiceUnavailable",
        /// `ErrorPredictionModelNotFound`.
        ErrorPredictionModelNotFound = "ErrorPredictionModelNotFound",
        /// `ErrorPredictionModelNotCached`.
        ErrorPredictionModelNotCached = "ErrorPredictionModelNotCached",
        /// `ErrorPrediction`.
        ErrorPrediction = "ErrorPrediction",
        /// `ErrorPredictionStorage`.
        ErrorPredictionStorage = "ErrorPredictionStorage",
        /// `ErrorRegionProposal`.
        ErrorRegionProposal = "ErrorRegionProposal",
        /// `ErrorUnknownBaseModel`.
        ErrorUnknownBaseModel = "ErrorUnknownBaseModel",
        /// `ErrorInvalid`.
        ErrorInvalid = "ErrorInvalid",
    }
}
