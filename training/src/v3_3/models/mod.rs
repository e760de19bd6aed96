//! The 49 models of the Training API v3.3, grouped by the part of the API they belong to, and
//! its string enums.
//!
//! Each is its own type, apart from v2.0's: even the models whose JSON did not change hold v3.3's
//! nested types (a v3.3 `ImagePerformance` holds v3.3 `Prediction`s, with `tagType`).
//!
//! Conventions, as for v2.0: the spec's `readOnly: true` properties are marked `#[read_only]`
//! (which never changes serialization); keys are read in camelCase or PascalCase; a property the
//! spec requires is a plain field, and one it does not is an `Option` or defaults when the
//! service leaves it out (`null` arrays and maps read as empty); unknown fields are ignored.
//! Request models leave unset fields and empty lists out of the JSON, and declare the limits the
//! spec gives (`#[max_items(N)]`), checked before a request is sent.

mod domains;
mod enums;
mod errors;
mod exports;
mod images;
mod iterations;
mod metadata;
mod performance;
mod predictions;
mod projects;
mod suggestions;
mod tags;

pub use domains::Domain;
pub use enums::{
    ClassificationType, CustomVisionErrorCode, DomainType, ExportFlavor, ExportPlatform,
    ExportStatus, ImageCreateStatus, ImageMetadataUpdateStatus, ImageOrderBy, PredictionOrderBy,
    ProjectStatus, SuggestionSortBy, TagType, TaggingStatus, TrainingType,
};
pub use errors::CustomVisionError;
pub use exports::Export;
pub use images::{
    BoundingBox, Image, ImageCreateResult, ImageCreateSummary, ImageFileCreateBatch,
    ImageFileCreateEntry, ImageIdCreateBatch, ImageIdCreateEntry, ImageRegion,
    ImageRegionCreateBatch, ImageRegionCreateEntry, ImageRegionCreateResult,
    ImageRegionCreateSummary, ImageRegionProposal, ImageTag, ImageTagCreateBatch,
    ImageTagCreateEntry, ImageTagCreateSummary, ImageUrlCreateBatch, ImageUrlCreateEntry, Region,
    RegionProposal,
};
pub use iterations::{Iteration, IterationPatch, TrainingParameters};
pub use metadata::{
    ImageMetadata, ImageMetadataUpdateEntry, ImageMetadataUpdateSummary, MetadataError,
};
pub use performance::{ImagePerformance, IterationPerformance, TagPerformance};
pub use predictions::{
    ImagePrediction, ImageUrl, Prediction, PredictionQueryResult, PredictionQueryTag,
    PredictionQueryToken, StoredImagePrediction,
};
pub use projects::{
    ImageProcessingSettings, Project, ProjectExport, ProjectPatch, ProjectSettings,
};
pub use suggestions::{
    StoredSuggestedTagAndRegion, SuggestedTagAndRegion, SuggestedTagAndRegionQuery,
    SuggestedTagAndRegionQueryToken, TagFilter,
};
pub use tags::{Tag, TagPatch};

use crate::lenient::null_as_empty;
