//! The string enums of the v2.0 spec, models' properties and operations' query parameters alike.
//!
//! The service's enums drift (`MultiLabel` vs `Multilabel`) and grow, so each enum here is
//! tolerant (declared with `string_enum!`): a known value is matched whatever its
//! casing, anything else is kept as `Other(value)`, and reading one never fails on its value.

use crate::string_enum::string_enum;

string_enum! {
    /// The kind of a [`Domain`](crate::Domain) (`Domain.type`; the spec's `DomainType`).
    pub enum DomainType {
        /// `Classification`: tags whole images.
        Classification = "Classification",
        /// `ObjectDetection`: tags regions of images.
        ObjectDetection = "ObjectDetection",
    }
}

string_enum! {
    /// The outcome of creating one image (`ImageCreateResult.status`; the spec's
    /// `ImageUploadStatus`).
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
    /// The order of an image listing: the `orderBy` query parameter of GetTaggedImages,
    /// GetUntaggedImages and GetImagePerformances (the service defaults to `Newest`).
    pub enum ImageOrderBy {
        /// `Newest` first.
        Newest = "Newest",
        /// `Oldest` first.
        Oldest = "Oldest",
    }
}

string_enum! {
    /// The platform of an export (`Export.platform`, and the `platform` query parameter of
    /// ExportIteration; the spec's `ExportPlatform`).
    pub enum ExportPlatform {
        /// `CoreML`.
        CoreMl = "CoreML",
        /// `TensorFlow`.
        TensorFlow = "TensorFlow",
        /// `DockerFile`.
        DockerFile = "DockerFile",
        /// `ONNX`.
        Onnx = "ONNX",
    }
}

string_enum! {
    /// The state of an export (`Export.status`; the spec's `ExportStatusModel`).
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
    /// ExportIteration; the spec's `ExportFlavor`). The parameter's description also names
    /// `ARM` and `GPU`, which are not in the spec's enum: pass them as `Other`.
    pub enum ExportFlavor {
        /// `Linux`.
        Linux = "Linux",
        /// `Windows`.
        Windows = "Windows",
    }
}
