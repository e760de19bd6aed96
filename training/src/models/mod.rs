//! The 38 models of the Training API v2.0, one file per group of the spec's operations.
//!
//! Every model accepts what the real service sends (see the crate docs): camelCase and PascalCase
//! keys, omitted optional fields (arrays sent as `null` or left out read as empty), unknown
//! fields, and enum values in any casing or not in the spec. `#[read_only]` marks exactly the
//! fields the spec marks `readOnly`; it never changes how a model serializes. Request models
//! leave unset optional fields out of the JSON instead of sending `null`, as the SDKs of v2.0's
//! time did.

mod domains;
mod enums;
mod exports;
mod images;
mod iterations;
mod performance;
mod predictions;
mod projects;
mod tags;

pub use domains::Domain;
pub use enums::{
    DomainType, ExportFlavor, ExportPlatform, ExportStatus, ImageCreateStatus, ImageOrderBy,
    PredictionOrderBy,
};
pub use exports::Export;
pub use images::{
    BoundingBox, Image, ImageCreateResult, ImageCreateSummary, ImageFileCreateBatch,
    ImageFileCreateEntry, ImageIdCreateBatch, ImageIdCreateEntry, ImageRegion,
    ImageRegionCreateBatch, ImageRegionCreateEntry, ImageRegionCreateResult,
    ImageRegionCreateSummary, ImageRegionProposal, ImageTag, ImageTagCreateBatch,
    ImageTagCreateEntry, ImageTagCreateSummary, ImageUrlCreateBatch, ImageUrlCreateEntry, Region,
    RegionProposal,
};
pub use iterations::{Iteration, IterationPatch};
pub use performance::{ImagePerformance, IterationPerformance, TagPerformance};
pub use predictions::{
    ImagePrediction, ImageUrl, Prediction, PredictionQueryResult, PredictionQueryTag,
    PredictionQueryToken, StoredImagePrediction,
};
pub use projects::{Project, ProjectPatch, ProjectSettings};
pub use tags::{Tag, TagPatch};

use crate::lenient::null_as_empty;
