//! The state's views as v3.3's models. The URIs v3.3 hands out are artifact paths relative to
//! the project's storage (as the service answers when its VNET feature is on), which GetArtifact
//! serves: `images/original/{id}`, `exports/{iterationId}/{platform}.zip`, ...

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::state::{
    Artifact, ArtifactKind, BoxView, CreateResultView, CreateSummaryView, ExportView,
    ImagePerformanceView, ImagePredictionView, ImageTagEntry, ImageTagSummaryView, ImageView,
    IterationView, MetadataSummaryView, PerformanceView, PredictionView, ProjectExportView,
    ProjectView, ProposalView, RegionEntry, RegionSummaryView, StoredPredictionView,
    SuggestedPageView, SuggestionView, TagView,
};
use customvision_training::v3_3::{
    BoundingBox, ClassificationType, Domain, DomainType, Export, ExportFlavor, ExportPlatform,
    ExportStatus, Image, ImageCreateResult, ImageCreateStatus, ImageCreateSummary,
    ImageMetadataUpdateEntry, ImageMetadataUpdateStatus, ImageMetadataUpdateSummary,
    ImagePerformance, ImagePrediction, ImageRegion, ImageRegionCreateEntry,
    ImageRegionCreateResult, ImageRegionCreateSummary, ImageRegionProposal, ImageTag,
    ImageTagCreateEntry, ImageTagCreateSummary, Iteration, IterationPerformance, Prediction,
    Project, ProjectExport, ProjectSettings, ProjectStatus, RegionProposal, StoredImagePrediction,
    StoredSuggestedTagAndRegion, SuggestedTagAndRegion, SuggestedTagAndRegionQuery,
    SuggestedTagAndRegionQueryToken, SuggestionSortBy, Tag, TagPerformance, TagType, TrainingType,
};

fn image_uri(kind: ArtifactKind, id: Uuid) -> String {
    Artifact::Image(kind, id).path()
}

pub fn domain(d: customvision_training::Domain) -> Domain {
    Domain {
        id: d.id,
        name: d.name,
        r#type: d.r#type.map(|t| DomainType::from(t.as_str())),
        exportable: d.exportable,
        enabled: d.enabled,
    }
}

pub fn project(p: ProjectView) -> Project {
    let detection = crate::domains::is_detection(p.domain_id);
    Project {
        id: p.id,
        name: p.name,
        description: p.description,
        settings: ProjectSettings {
            domain_id: p.domain_id,
            classification_type: p
                .classification_type
                .as_deref()
                .map(ClassificationType::from),
            target_export_platforms: p
                .target_export_platforms
                .iter()
                .map(|t| ExportPlatform::from(t.as_str()))
                .collect(),
            use_negative_set: Some(!detection),
            detection_parameters: None,
            image_processing_settings: None,
        },
        created: p.created,
        last_modified: p.last_modified,
        thumbnail_uri: p
            .thumbnail_image
            .map(|id| image_uri(ArtifactKind::Thumbnail, id)),
        dr_mode_enabled: Some(false),
        status: Some(ProjectStatus::from("Succeeded")),
    }
}

pub fn iteration(i: IterationView) -> Iteration {
    Iteration {
        id: i.id,
        name: i.name.unwrap_or_default(),
        status: Some(i.status),
        created: i.created,
        last_modified: i.last_modified,
        trained_at: i.trained_at,
        project_id: i.project_id,
        exportable: i.exportable,
        exportable_to: if i.exportable {
            i.exportable_to
                .iter()
                .map(|p| ExportPlatform::from(p.as_str()))
                .collect()
        } else {
            Vec::new()
        },
        domain_id: i.domain_id,
        classification_type: i
            .classification_type
            .as_deref()
            .map(ClassificationType::from),
        training_type: Some(TrainingType::from(i.training_type.as_str())),
        reserved_budget_in_hours: i.reserved_budget_in_hours,
        training_time_in_minutes: i.training_time_in_minutes,
        publish_name: i.publish_name,
        original_publish_resource_id: i.original_publish_resource_id,
    }
}

pub fn tag(t: TagView) -> Tag {
    Tag {
        id: t.id,
        name: t.name,
        description: t.description,
        r#type: TagType::from(t.tag_type.as_str()),
        image_count: t.image_count,
    }
}

pub fn bounding_box(b: BoxView) -> BoundingBox {
    BoundingBox {
        left: b.left,
        top: b.top,
        width: b.width,
        height: b.height,
    }
}

fn image_tags(i: &ImageView) -> Vec<ImageTag> {
    i.tags
        .iter()
        .map(|t| ImageTag {
            tag_id: t.tag_id,
            tag_name: t.tag_name.clone(),
            created: t.created,
        })
        .collect()
}

fn image_regions(i: &ImageView) -> Vec<ImageRegion> {
    i.regions
        .iter()
        .map(|r| ImageRegion {
            region_id: r.region_id,
            tag_name: r.tag_name.clone(),
            created: r.created,
            tag_id: r.tag_id,
            left: r.bounds.left,
            top: r.bounds.top,
            width: r.bounds.width,
            height: r.bounds.height,
        })
        .collect()
}

pub fn image(i: ImageView) -> Image {
    Image {
        id: i.id,
        created: i.created,
        width: i.width,
        height: i.height,
        resized_image_uri: Some(image_uri(ArtifactKind::Resized, i.id)),
        thumbnail_uri: Some(image_uri(ArtifactKind::Thumbnail, i.id)),
        original_image_uri: Some(image_uri(ArtifactKind::Original, i.id)),
        tags: image_tags(&i),
        regions: image_regions(&i),
        metadata: i.metadata,
    }
}

pub fn images(images: Vec<ImageView>) -> Vec<Image> {
    images.into_iter().map(image).collect()
}

fn create_result(r: CreateResultView) -> ImageCreateResult {
    ImageCreateResult {
        source_url: r.source_url,
        status: ImageCreateStatus::from(r.status),
        image: r.image.map(image),
    }
}

pub fn create_summary(s: CreateSummaryView) -> ImageCreateSummary {
    ImageCreateSummary {
        is_batch_successful: s.is_batch_successful,
        images: s.images.into_iter().map(create_result).collect(),
    }
}

fn tag_entries(entries: Vec<ImageTagEntry>) -> Vec<ImageTagCreateEntry> {
    entries
        .into_iter()
        .map(|e| ImageTagCreateEntry {
            image_id: e.image_id,
            tag_id: e.tag_id,
        })
        .collect()
}

pub fn image_tag_summary(s: ImageTagSummaryView) -> ImageTagCreateSummary {
    ImageTagCreateSummary {
        created: tag_entries(s.created),
        duplicated: tag_entries(s.duplicated),
        exceeded: tag_entries(s.exceeded),
    }
}

fn region_entries(entries: Vec<RegionEntry>) -> Vec<ImageRegionCreateEntry> {
    entries
        .into_iter()
        .map(|e| ImageRegionCreateEntry {
            image_id: e.image_id,
            tag_id: e.tag_id,
            left: e.bounds.left,
            top: e.bounds.top,
            width: e.bounds.width,
            height: e.bounds.height,
        })
        .collect()
}

pub fn region_summary(s: RegionSummaryView) -> ImageRegionCreateSummary {
    ImageRegionCreateSummary {
        created: s
            .created
            .into_iter()
            .map(|r| ImageRegionCreateResult {
                image_id: r.image_id,
                region_id: Some(r.region_id),
                tag_name: r.tag_name,
                created: Some(r.created),
                tag_id: r.tag_id,
                left: r.bounds.left,
                top: r.bounds.top,
                width: r.bounds.width,
                height: r.bounds.height,
            })
            .collect(),
        duplicated: region_entries(s.duplicated),
        exceeded: region_entries(s.exceeded),
    }
}

pub fn proposals(project_id: Uuid, image_id: Uuid, p: Vec<ProposalView>) -> ImageRegionProposal {
    ImageRegionProposal {
        project_id,
        image_id,
        proposals: p
            .into_iter()
            .map(|p| RegionProposal {
                confidence: p.confidence,
                bounding_box: Some(bounding_box(p.bounds)),
            })
            .collect(),
    }
}

fn prediction(p: PredictionView) -> Prediction {
    Prediction {
        probability: p.probability,
        tag_id: p.tag_id,
        tag_name: Some(p.tag_name),
        bounding_box: p.bounding_box.map(bounding_box),
        tag_type: Some(TagType::from(p.tag_type.as_str())),
    }
}

fn predictions(p: Vec<PredictionView>) -> Vec<Prediction> {
    p.into_iter().map(prediction).collect()
}

pub fn image_prediction(p: ImagePredictionView) -> ImagePrediction {
    ImagePrediction {
        id: p.id,
        project: p.project,
        iteration: p.iteration,
        created: p.created,
        predictions: predictions(p.predictions),
    }
}

pub fn stored_prediction(p: StoredPredictionView) -> StoredImagePrediction {
    let uri = |kind| Artifact::Prediction(kind, p.id).path();
    StoredImagePrediction {
        resized_image_uri: Some(uri(ArtifactKind::Resized)),
        thumbnail_uri: Some(uri(ArtifactKind::Thumbnail)),
        original_image_uri: Some(uri(ArtifactKind::Original)),
        domain: Some(p.domain),
        id: p.id,
        project: p.project,
        iteration: p.iteration,
        created: p.created,
        predictions: predictions(p.predictions),
    }
}

pub fn performance(p: PerformanceView) -> IterationPerformance {
    IterationPerformance {
        per_tag_performance: p
            .per_tag
            .into_iter()
            .map(|t| TagPerformance {
                id: t.id,
                name: Some(t.name),
                precision: t.precision,
                precision_std_deviation: t.precision_std_deviation,
                recall: t.recall,
                recall_std_deviation: t.recall_std_deviation,
                average_precision: t.average_precision,
            })
            .collect(),
        precision: p.precision,
        precision_std_deviation: p.precision_std_deviation,
        recall: p.recall,
        recall_std_deviation: p.recall_std_deviation,
        average_precision: p.average_precision,
    }
}

/// `ImagePerformance` kept v2.0's single `imageUri`: the original image.
pub fn image_performance(p: ImagePerformanceView) -> ImagePerformance {
    let i = &p.image;
    ImagePerformance {
        id: i.id,
        created: i.created,
        width: i.width,
        height: i.height,
        image_uri: Some(image_uri(ArtifactKind::Original, i.id)),
        thumbnail_uri: Some(image_uri(ArtifactKind::Thumbnail, i.id)),
        tags: image_tags(i),
        regions: image_regions(i),
        predictions: predictions(p.predictions),
    }
}

pub fn export(e: ExportView) -> Export {
    Export {
        download_uri: e.is_done().then(|| Artifact::export(&e).path()),
        platform: ExportPlatform::from(e.platform.as_str()),
        status: ExportStatus::from(e.status.as_str()),
        flavor: e.flavor.as_deref().map(ExportFlavor::from),
        newer_version_available: false,
    }
}

pub fn metadata_summary(s: MetadataSummaryView) -> ImageMetadataUpdateSummary {
    ImageMetadataUpdateSummary {
        is_batch_successful: s.is_batch_successful,
        images: s
            .images
            .into_iter()
            .map(|e| ImageMetadataUpdateEntry {
                image_id: e.image_id,
                status: ImageMetadataUpdateStatus::from(e.status),
                metadata: e.metadata.unwrap_or_default(),
            })
            .collect(),
    }
}

pub fn suggestion(s: SuggestionView) -> SuggestedTagAndRegion {
    SuggestedTagAndRegion {
        id: s.image.id,
        project: s.project,
        iteration: s.iteration,
        created: s.created,
        predictions: predictions(s.predictions),
        prediction_uncertainty: s.uncertainty,
    }
}

pub fn suggested_page(page: SuggestedPageView) -> SuggestedTagAndRegionQuery {
    let q = page.query;
    SuggestedTagAndRegionQuery {
        token: Some(SuggestedTagAndRegionQueryToken {
            tag_ids: q.tag_ids,
            threshold: Some(q.threshold),
            session: Some(q.session),
            continuation: q.continuation,
            max_count: Some(q.max_count),
            sort_by: Some(SuggestionSortBy::from(q.sort_by.as_str())),
        }),
        results: page
            .results
            .into_iter()
            .map(|s| {
                let id = s.image.id;
                StoredSuggestedTagAndRegion {
                    width: s.image.width,
                    height: s.image.height,
                    resized_image_uri: Some(image_uri(ArtifactKind::Resized, id)),
                    thumbnail_uri: Some(image_uri(ArtifactKind::Thumbnail, id)),
                    original_image_uri: Some(image_uri(ArtifactKind::Original, id)),
                    domain: Some(s.domain),
                    id,
                    project: s.project,
                    iteration: s.iteration,
                    created: s.created,
                    predictions: predictions(s.predictions),
                    prediction_uncertainty: s.uncertainty,
                }
            })
            .collect(),
    }
}

/// QuerySuggestedImageCount's `map<string, int32>`: tag id to count.
pub fn suggested_counts(counts: Vec<(Uuid, i32)>) -> BTreeMap<String, i32> {
    counts
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect()
}

pub fn project_export(e: ProjectExportView) -> ProjectExport {
    ProjectExport {
        iteration_count: e.iteration_count,
        image_count: e.image_count,
        tag_count: e.tag_count,
        region_count: e.region_count,
        estimated_import_time_in_ms: e.estimated_import_time_in_ms,
        token: Some(e.token),
    }
}
