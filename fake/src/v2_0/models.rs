//! The state's views as v2.0's models, with v2.0's URIs: absolute links into made-up storage
//! (`https://fake-storage.invalid/...`, `https://fake-exports.invalid/...`), as the v2.0
//! service answered with links to its blob storage.

use uuid::Uuid;

use crate::state::{
    BoxView, CreateResultView, CreateSummaryView, ExportView, ImagePerformanceView,
    ImagePredictionView, ImageTagEntry, ImageTagSummaryView, ImageView, IterationView,
    PerformanceView, PredictionView, ProjectView, ProposalView, RegionSummaryView,
    StoredPredictionView, TagView,
};
use customvision_training::{
    BoundingBox, Export, ExportFlavor, ExportPlatform, ExportStatus, Image, ImageCreateResult,
    ImageCreateStatus, ImageCreateSummary, ImagePerformance, ImagePrediction, ImageRegion,
    ImageRegionCreateEntry, ImageRegionCreateResult, ImageRegionCreateSummary, ImageRegionProposal,
    ImageTag, ImageTagCreateEntry, ImageTagCreateSummary, Iteration, IterationPerformance,
    Prediction, Project, ProjectSettings, RegionProposal, StoredImagePrediction, Tag,
    TagPerformance,
};

/// Where the fake pretends to store images.
const STORAGE: &str = "https://fake-storage.invalid";

fn image_uri(kind: &str, id: Uuid) -> String {
    format!("{STORAGE}/{kind}/{id}")
}

fn thumbnail_uri(id: Uuid) -> String {
    format!("{STORAGE}/thumbnails/{id}")
}

pub fn project(p: ProjectView) -> Project {
    Project {
        id: p.id,
        name: Some(p.name),
        description: p.description,
        settings: Some(ProjectSettings {
            domain_id: p.domain_id,
        }),
        created: p.created,
        last_modified: p.last_modified,
        thumbnail_uri: p.thumbnail_image.map(thumbnail_uri),
    }
}

pub fn iteration(i: IterationView) -> Iteration {
    Iteration {
        id: i.id,
        name: i.name,
        is_default: i.is_default,
        status: Some(i.status),
        created: i.created,
        last_modified: i.last_modified,
        trained_at: i.trained_at,
        project_id: i.project_id,
        exportable: i.exportable,
        domain_id: i.domain_id,
    }
}

pub fn tag(t: TagView) -> Tag {
    Tag {
        id: t.id,
        name: Some(t.name),
        description: t.description,
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

pub fn image(i: ImageView) -> Image {
    Image {
        id: i.id,
        created: i.created,
        width: i.width,
        height: i.height,
        image_uri: Some(image_uri("images", i.id)),
        thumbnail_uri: Some(thumbnail_uri(i.id)),
        tags: i
            .tags
            .into_iter()
            .map(|t| ImageTag {
                tag_id: t.tag_id,
                tag_name: t.tag_name,
                created: t.created,
            })
            .collect(),
        regions: i
            .regions
            .into_iter()
            .map(|r| ImageRegion {
                region_id: r.region_id,
                tag_name: r.tag_name,
                created: r.created,
                tag_id: r.tag_id,
                left: r.bounds.left,
                top: r.bounds.top,
                width: r.bounds.width,
                height: r.bounds.height,
            })
            .collect(),
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

pub fn region_summary(s: RegionSummaryView) -> ImageRegionCreateSummary {
    let entries = |entries: Vec<crate::state::RegionEntry>| {
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
    };
    ImageRegionCreateSummary {
        created: s
            .created
            .into_iter()
            .map(|r| ImageRegionCreateResult {
                image_id: r.image_id,
                region_id: r.region_id,
                tag_name: r.tag_name,
                created: r.created,
                tag_id: r.tag_id,
                left: r.bounds.left,
                top: r.bounds.top,
                width: r.bounds.width,
                height: r.bounds.height,
            })
            .collect(),
        duplicated: entries(s.duplicated),
        exceeded: entries(s.exceeded),
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
    StoredImagePrediction {
        image_uri: Some(image_uri("predictions", p.id)),
        thumbnail_uri: Some(thumbnail_uri(p.id)),
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

pub fn image_performance(p: ImagePerformanceView) -> ImagePerformance {
    let shown = image(p.image);
    ImagePerformance {
        predictions: predictions(p.predictions),
        id: shown.id,
        created: shown.created,
        width: shown.width,
        height: shown.height,
        image_uri: shown.image_uri,
        thumbnail_uri: shown.thumbnail_uri,
        tags: shown.tags,
        regions: shown.regions,
    }
}

pub fn export(e: ExportView) -> Export {
    let download_uri = e.is_done().then(|| {
        let flavor = e
            .flavor
            .as_deref()
            .map(|f| format!("-{}", f.to_ascii_lowercase()))
            .unwrap_or_default();
        format!(
            "https://fake-exports.invalid/{}/{}/{}{flavor}.zip",
            e.project_id,
            e.iteration_id,
            e.platform.to_ascii_lowercase()
        )
    });
    Export {
        platform: ExportPlatform::from(e.platform.as_str()),
        status: ExportStatus::from(e.status.as_str()),
        download_uri,
        flavor: e.flavor.as_deref().map(ExportFlavor::from),
    }
}
