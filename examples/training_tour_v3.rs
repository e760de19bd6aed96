//! A tour of the Training API v3.3: create a project meant for export (`targetExportPlatforms`),
//! create tags, upload tagged images with metadata, find them again by metadata, train, wait for
//! training (polling GetIteration, with a deadline), publish the iteration, ask for suggested
//! tags on new untagged images, export the project and import a copy, download an artifact, and
//! clean up.
//!
//! ```text
//! cargo run --example training_tour_v3          # on the embedded fake
//!
//! CUSTOM_VISION_ENDPOINT=https://westeurope.api.cognitive.microsoft.com \
//! CUSTOM_VISION_TRAINING_KEY=... \
//! CUSTOM_VISION_PREDICTION_RESOURCE_ID=/subscriptions/.../accounts/my-prediction \
//! cargo run --example training_tour_v3          # against the real service (it bills training)
//! ```
//!
//! The endpoint may be given with or without `https://`. Publishing needs the resource id of a
//! prediction resource: on the real service it is read from `CUSTOM_VISION_PREDICTION_RESOURCE_ID`
//! (the tour skips publishing without it); the fake accepts any well-formed id.
//!
//! The images are generated here: 256×256 PNGs, one color family per tag.

use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use customvision_fake::FakeTraining;
use customvision_training::v3_3::{
    ClassificationType, DomainType, ExportPlatform, ImageMetadata, Iteration, Project,
    SuggestedTagAndRegionQueryToken, TagFilter, Training,
};
use declarest::File;
use uuid::Uuid;

const IMAGES_PER_TAG: usize = 5;

/// A 256×256 PNG of one color, with a per-image gradient so no two images are duplicates.
fn png(base: [u8; 3], seed: u8) -> Result<Vec<u8>, png::EncodingError> {
    const SIDE: u32 = 256;
    let mut pixels = Vec::with_capacity((SIDE * SIDE * 3) as usize);
    for y in 0..SIDE {
        for x in 0..SIDE {
            let shade = ((x + y) / 16) as u8 ^ seed;
            pixels.extend(base.iter().map(|c| c.saturating_add(shade / 4)));
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, SIDE, SIDE);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

fn step(text: &str) {
    println!("\n▸ {text}");
}

/// Where the tour runs, and what differs there.
struct Setting {
    /// How long to wait for training and exports.
    deadline: Duration,
    /// How often to poll.
    poll: Duration,
    /// The prediction resource to publish to, if any.
    prediction_resource: Option<String>,
    /// The fake's predictions come from hashes, not a model.
    fake: bool,
}

async fn tour(client: &impl Training, setting: &Setting) -> Result<(), Box<dyn Error>> {
    step("Pick a compact (exportable) classification domain");
    let domains = client.get_domains().await?;
    let domain = domains
        .iter()
        .find(|d| {
            d.exportable
                && d.r#type
                    .as_ref()
                    .is_none_or(|t| *t == DomainType::Classification)
        })
        .ok_or("the service lists no compact classification domain")?;
    println!(
        "  {} ({})",
        domain.name.as_deref().unwrap_or("?"),
        domain.id
    );

    step("Create a project meant for Core ML and ONNX");
    let name = format!(
        "declarest tour v3.3 {}",
        &Uuid::new_v4().simple().to_string()[..8]
    );
    let project = client
        .create_project(
            &name,
            Some("Created by declarest's training_tour_v3 example"),
            Some(domain.id),
            Some(ClassificationType::Multiclass),
            Some(&[ExportPlatform::CoreMl, ExportPlatform::Onnx]),
        )
        .await?;
    println!(
        "  {name:?} → {}, targetExportPlatforms {:?}",
        project.id,
        platforms(&project.settings.target_export_platforms)
    );

    let mut created = vec![project.id];
    let result = run_in_project(client, &project, setting, &mut created).await;

    step("Clean up: unpublish and delete the projects");
    for project_id in created {
        for iteration in client.get_iterations(project_id).await? {
            if iteration.publish_name.is_some() {
                client.unpublish_iteration(project_id, iteration.id).await?;
                println!("  unpublished {}", iteration.id);
            }
        }
        client.delete_project(project_id).await?;
        println!("  deleted {project_id}");
    }
    result
}

fn platforms(platforms: &[ExportPlatform]) -> Vec<&str> {
    platforms.iter().map(ExportPlatform::as_str).collect()
}

/// Polls GetIteration until training is over (`Completed`, or failed), within the deadline.
async fn wait_for_training(
    client: &impl Training,
    project_id: Uuid,
    iteration_id: Uuid,
    setting: &Setting,
) -> Result<Iteration, Box<dyn Error>> {
    let started = Instant::now();
    loop {
        let iteration = client.get_iteration(project_id, iteration_id).await?;
        match iteration.status.as_deref() {
            Some("Completed") => return Ok(iteration),
            Some("Staging" | "Training" | "New") | None => {}
            Some(other) => return Err(format!("training ended as {other}").into()),
        }
        if started.elapsed() > setting.deadline {
            return Err(format!(
                "training was still {:?} after {:?}",
                iteration.status, setting.deadline
            )
            .into());
        }
        tokio::time::sleep(setting.poll).await;
    }
}

async fn run_in_project(
    client: &impl Training,
    project: &Project,
    setting: &Setting,
    created: &mut Vec<Uuid>,
) -> Result<(), Box<dyn Error>> {
    let project_id = project.id;
    step("Create two tags");
    let red = client
        .create_tag(project_id, "red", Some("warm images"), None)
        .await?;
    let blue = client.create_tag(project_id, "blue", None, None).await?;
    println!(
        "  red → {} ({}), blue → {} ({})",
        red.id, red.r#type, blue.id, blue.r#type
    );

    step(&format!(
        "Upload {IMAGES_PER_TAG} images per tag, tagged on upload, in two multipart requests"
    ));
    let mut image_ids = Vec::new();
    for (tag, base, color) in [(&red, [200, 40, 30], "red"), (&blue, [30, 60, 210], "blue")] {
        let mut files = Vec::new();
        for i in 0..IMAGES_PER_TAG {
            files.push(
                File::new(png(base, i as u8 * 37)?)
                    .with_file_name(format!("{color}-{i}.png"))
                    .with_content_type("image/png"),
            );
        }
        let summary = client
            .create_images_from_data(project_id, Some(&[tag.id]), &files)
            .await?;
        println!(
            "  {color}: HTTP {}, batch successful: {}, {} images",
            summary.status().as_u16(),
            summary.is_batch_successful,
            summary.images.len()
        );
        image_ids.extend(
            summary
                .images
                .iter()
                .filter_map(|r| r.image.as_ref().map(|i| i.id)),
        );
    }
    if image_ids.len() != 2 * IMAGES_PER_TAG {
        return Err(format!("{} images were created", image_ids.len()).into());
    }

    step("Label the images with metadata (UpdateImageMetadata)");
    let (morning, evening) = image_ids.split_at(IMAGES_PER_TAG / 2 + 1);
    for (ids, session) in [(morning, "morning"), (evening, "evening")] {
        let mut metadata = ImageMetadata::new();
        metadata.insert("session", session)?;
        metadata.insert("source", "training_tour_v3")?;
        let summary = client
            .update_image_metadata(project_id, ids, &metadata)
            .await?;
        println!(
            "  {session}: HTTP {}, {} images updated",
            summary.status().as_u16(),
            summary.images.len()
        );
    }
    let filter = "session eq 'morning'";
    let found = client
        .get_image_count(project_id, None, None, Some(filter), None)
        .await?;
    println!("  $filter {filter:?} → {found} images");

    step("Train");
    let iteration = client
        .train_project(project_id, None, None, None, None, None)
        .await?;
    println!(
        "  iteration {} is {}",
        iteration.id,
        iteration.status.as_deref().unwrap_or("?")
    );

    step(&format!(
        "Wait for training (polling GetIteration, at most {:?})",
        setting.deadline
    ));
    let iteration = wait_for_training(client, project_id, iteration.id, setting).await?;
    println!(
        "  {} at {}, exportable to {:?}",
        iteration.status.as_deref().unwrap_or("?"),
        iteration
            .trained_at
            .map(|t| t.to_string())
            .unwrap_or_default(),
        platforms(&iteration.exportable_to)
    );

    step("Publish the iteration");
    match &setting.prediction_resource {
        Some(resource) => {
            let published = client
                .publish_iteration(project_id, iteration.id, "tour", resource, None)
                .await?;
            let iteration = client.get_iteration(project_id, iteration.id).await?;
            println!(
                "  published: {published}, as {:?}",
                iteration.publish_name.as_deref().unwrap_or("")
            );
        }
        None => println!(
            "  skipped: set CUSTOM_VISION_PREDICTION_RESOURCE_ID to the id of a prediction resource"
        ),
    }

    step("Upload three new images without tags, and ask for suggested tags");
    let mut files = Vec::new();
    for (i, base) in [[210, 50, 20], [20, 70, 200], [150, 60, 120]]
        .into_iter()
        .enumerate()
    {
        files.push(
            File::new(png(base, 99 + i as u8)?)
                .with_file_name(format!("new-{i}.png"))
                .with_content_type("image/png"),
        );
    }
    let summary = client
        .create_images_from_data(project_id, None, &files)
        .await?;
    let new_ids: Vec<Uuid> = summary
        .images
        .iter()
        .filter_map(|r| r.image.as_ref().map(|i| i.id))
        .collect();
    if setting.fake {
        println!("  (the fake's suggestions are derived from a hash of the image, not learned)");
    }
    let suggestions = client
        .suggest_tags_and_regions(project_id, iteration.id, &new_ids)
        .await?;
    for suggestion in &suggestions {
        let best = suggestion.predictions.first();
        println!(
            "  {}: {} {:.3} (uncertainty {:.3})",
            suggestion.id,
            best.and_then(|p| p.tag_name.as_deref()).unwrap_or("?"),
            best.map_or(0.0, |p| p.probability),
            suggestion.prediction_uncertainty
        );
    }
    let filter = TagFilter {
        tag_ids: vec![red.id, blue.id],
        threshold: Some(0.5),
    };
    let counts = client
        .query_suggested_image_count(project_id, iteration.id, &filter)
        .await?;
    println!("  untagged images suggested at 0.5 or more: {counts:?}");
    let query = SuggestedTagAndRegionQueryToken {
        tag_ids: vec![red.id],
        threshold: Some(0.5),
        max_count: Some(10),
        ..SuggestedTagAndRegionQueryToken::default()
    };
    let page = client
        .query_suggested_images(project_id, iteration.id, &query)
        .await?;
    println!("  suggested red: {} images", page.results.len());

    step("Download an image through GetArtifact");
    let image = client
        .get_images_by_ids(project_id, Some(&new_ids[..1]), None)
        .await?;
    let uri = image
        .first()
        .and_then(|i| i.original_image_uri.clone())
        .ok_or("the image has no originalImageUri")?;
    if uri.starts_with("http://") || uri.starts_with("https://") {
        // Without the VNET feature, the service answers signed storage URLs, fetched directly.
        println!("  the service answered a direct storage URL: GetArtifact takes relative paths");
    } else {
        let bytes = client.get_artifact(project_id, &uri).await?;
        let png_signature = bytes.bytes().starts_with(b"\x89PNG");
        println!(
            "  {uri} → {} bytes of {}",
            bytes.bytes().len(),
            if png_signature { "PNG" } else { "data" }
        );
    }

    step("Export the project, and import a copy");
    let export = client.export_project(project_id).await?;
    println!(
        "  {} iterations, {} images, {} tags; about {} ms to import",
        export.iteration_count,
        export.image_count,
        export.tag_count,
        export.estimated_import_time_in_ms
    );
    let token = export.token.ok_or("the export has no token")?;
    let copy = client
        .import_project(&token, Some(&format!("{} (copy)", project.name)))
        .await?;
    created.push(copy.id);
    println!(
        "  imported {:?} → {} ({})",
        copy.name,
        copy.id,
        copy.status.as_ref().map_or("?", |s| s.as_str())
    );
    Ok(())
}

async fn run() -> Result<(), Box<dyn Error>> {
    match (
        std::env::var("CUSTOM_VISION_ENDPOINT"),
        std::env::var("CUSTOM_VISION_TRAINING_KEY"),
    ) {
        (Ok(endpoint), Ok(key)) if !endpoint.is_empty() && !key.is_empty() => {
            println!("Touring the real service's v3.3 at {endpoint}.");
            let client = customvision_training::v3_3::client(&endpoint, &key)?;
            let setting = Setting {
                deadline: Duration::from_secs(30 * 60),
                poll: Duration::from_secs(10),
                prediction_resource: std::env::var("CUSTOM_VISION_PREDICTION_RESOURCE_ID")
                    .ok()
                    .filter(|r| !r.is_empty()),
                fake: false,
            };
            tour(&client, &setting).await
        }
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => Err(
            "set both CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY, or neither (to use the fake)"
                .into(),
        ),
        _ => {
            println!(
                "Touring the embedded fake's v3.3 (set CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY for the real service)."
            );
            let fake = FakeTraining::builder()
                .training_key(Uuid::new_v4().to_string())
                .training_duration(Duration::from_millis(300))
                .start()
                .await?;
            let setting = Setting {
                deadline: Duration::from_secs(10),
                poll: Duration::from_millis(100),
                prediction_resource: Some(
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tour/providers/Microsoft.CognitiveServices/accounts/tour-prediction"
                        .to_owned(),
                ),
                fake: true,
            };
            tour(&fake.client_v3_3()?, &setting).await
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => {
            println!("\nDone.");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("\nerror: {error}");
            let mut source = error.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}
