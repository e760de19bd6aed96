//! A tour of the Training API: create a project, create tags, upload images (multipart), tag
//! them, train, wait for training, quick-test an image, look at performance, make the iteration
//! the default and rename it (UpdateIteration), export, clean up.
//!
//! ```text
//! cargo run --example training_tour          # on the embedded fake
//!
//! CUSTOM_VISION_ENDPOINT=westeurope.api.cognitive.microsoft.com \
//! CUSTOM_VISION_TRAINING_KEY=... \
//! cargo run --example training_tour          # against the real service (it bills training)
//! ```
//!
//! The images are generated here: 256×256 PNGs, one color family per tag.

use std::error::Error;
use std::process::ExitCode;
use std::time::Duration;

use customvision_fake::FakeTraining;
use customvision_training::{
    DomainType, Export, ExportPlatform, ExportStatus, ImageTagCreateBatch, ImageTagCreateEntry,
    IterationPatch, Training, TrainingExt, TrainingWait,
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

async fn tour(
    client: &impl Training,
    wait: TrainingWait,
    fake_predictions: bool,
) -> Result<(), Box<dyn Error>> {
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
        .or_else(|| domains.first())
        .ok_or("the service lists no domains")?;
    println!(
        "  {} ({})",
        domain.name.as_deref().unwrap_or("?"),
        domain.id
    );

    step("Create a project");
    let name = format!(
        "declarest tour {}",
        &Uuid::new_v4().simple().to_string()[..8]
    );
    let project = client
        .create_project(
            &name,
            Some("Created by declarest's training_tour example"),
            Some(domain.id),
        )
        .await?;
    println!("  {name:?} → {}", project.id);

    let result = run_in_project(client, project.id, wait, fake_predictions).await;

    step("Clean up: delete the project");
    client.delete_project(project.id).await?;
    println!("  deleted {}", project.id);
    result
}

/// Polls the iteration's exports until the one for `platform` is no longer `Exporting`.
async fn wait_for_export(
    client: &impl Training,
    project_id: Uuid,
    iteration_id: Uuid,
    platform: &ExportPlatform,
    deadline: Duration,
) -> Result<Export, Box<dyn Error>> {
    let started = std::time::Instant::now();
    loop {
        let exports = client.get_exports(project_id, iteration_id).await?;
        let export = exports
            .into_iter()
            .find(|e| e.platform == *platform)
            .ok_or("the export is not listed")?;
        if export.status != ExportStatus::Exporting {
            return Ok(export);
        }
        if started.elapsed() > deadline {
            return Err(format!("the export was still running after {deadline:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn run_in_project(
    client: &impl Training,
    project_id: Uuid,
    wait: TrainingWait,
    fake_predictions: bool,
) -> Result<(), Box<dyn Error>> {
    step("Create two tags");
    let red = client
        .create_tag(project_id, "red", Some("warm images"))
        .await?;
    let blue = client.create_tag(project_id, "blue", None).await?;
    println!("  red → {}, blue → {}", red.id, blue.id);

    step(&format!(
        "Upload {} images in one multipart request",
        2 * IMAGES_PER_TAG
    ));
    let mut files = Vec::new();
    for i in 0..IMAGES_PER_TAG {
        let seed = i as u8 * 37;
        files.push(
            File::new(png([200, 40, 30], seed)?)
                .with_file_name(format!("red-{i}.png"))
                .with_content_type("image/png"),
        );
        files.push(
            File::new(png([30, 60, 210], seed)?)
                .with_file_name(format!("blue-{i}.png"))
                .with_content_type("image/png"),
        );
    }
    let summary = client
        .create_images_from_data(project_id, None, &files)
        .await?;
    println!(
        "  batch successful: {}, {} images",
        summary.is_batch_successful,
        summary.images.len()
    );
    let ids: Vec<Uuid> = summary
        .images
        .iter()
        .filter_map(|r| r.image.as_ref().map(|i| i.id))
        .collect();
    if ids.len() != files.len() {
        return Err(format!("{} of {} images were created", ids.len(), files.len()).into());
    }

    step("Tag them (the upload order alternates red, blue)");
    let tags = ids
        .iter()
        .enumerate()
        .map(|(i, &image_id)| ImageTagCreateEntry {
            image_id,
            tag_id: if i % 2 == 0 { red.id } else { blue.id },
        })
        .collect();
    let tagged = client
        .create_image_tags(project_id, &ImageTagCreateBatch { tags })
        .await?;
    println!("  {} image tags created", tagged.created.len());
    println!(
        "  tagged: {}, untagged: {}",
        client
            .get_tagged_image_count(project_id, None, None)
            .await?,
        client.get_untagged_image_count(project_id, None).await?
    );

    step("Train");
    let iteration = client.train_project(project_id).await?;
    println!(
        "  iteration {} is {}",
        iteration.id,
        iteration.status.as_deref().unwrap_or("?")
    );

    step("Wait for training");
    let iteration = client
        .wait_for_training(project_id, iteration.id, wait)
        .await?;
    println!(
        "  {} at {}",
        iteration.status.as_deref().unwrap_or("?"),
        iteration
            .trained_at
            .map(|t| t.to_string())
            .unwrap_or_default()
    );

    step("Quick-test a new red image");
    let probe = File::new(png([210, 50, 20], 99)?)
        .with_file_name("probe.png")
        .with_content_type("image/png");
    let prediction = client
        .quick_test_image(project_id, Some(iteration.id), &probe)
        .await?;
    if fake_predictions {
        println!("  (the fake's predictions are derived from a hash of the image, not learned)");
    }
    for p in &prediction.predictions {
        println!(
            "  {:<5} {:.3}",
            p.tag_name.as_deref().unwrap_or("?"),
            p.probability
        );
    }

    step("Look at performance");
    let performance = client
        .get_iteration_performance(project_id, iteration.id, Some(0.5), None)
        .await?;
    println!(
        "  precision {:.3}, recall {:.3}",
        performance.precision, performance.recall
    );
    for tag in &performance.per_tag_performance {
        println!(
            "  {:<5} precision {:.3}, recall {:.3}",
            tag.name.as_deref().unwrap_or("?"),
            tag.precision,
            tag.recall
        );
    }

    step("Make the iteration the default and rename it (UpdateIteration)");
    let patch = IterationPatch::default()
        .name("Tour".to_owned())
        .is_default(true);
    println!("  PATCH body: {}", serde_json::to_string(&patch)?);
    let iteration = client
        .update_iteration(project_id, iteration.id, &patch)
        .await?;
    println!(
        "  {:?}, default: {}",
        iteration.name.as_deref().unwrap_or(""),
        iteration.is_default
    );

    step("Export for Core ML");
    if iteration.exportable {
        let export = client
            .export_iteration(project_id, iteration.id, ExportPlatform::CoreMl, None)
            .await?;
        println!("  {} export: {}", export.platform, export.status);
        let export = wait_for_export(
            client,
            project_id,
            iteration.id,
            &export.platform,
            wait.deadline,
        )
        .await?;
        println!(
            "  {} {} {}",
            export.platform,
            export.status,
            export.download_uri.as_deref().unwrap_or("")
        );
    } else {
        println!("  the iteration is not exportable (not a compact domain): skipped");
    }

    step("Un-default the iteration so the project can be deleted");
    client
        .update_iteration(
            project_id,
            iteration.id,
            &IterationPatch::default().is_default(false),
        )
        .await?;
    Ok(())
}

async fn run() -> Result<(), Box<dyn Error>> {
    match (std::env::var("CUSTOM_VISION_ENDPOINT"), std::env::var("CUSTOM_VISION_TRAINING_KEY")) {
        (Ok(endpoint), Ok(key)) if !endpoint.is_empty() && !key.is_empty() => {
            println!("Touring the real service at {endpoint}.");
            let client = customvision_training::client(&endpoint, &key)?;
            tour(&client, TrainingWait::default(), false).await
        }
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => Err("set both CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY, or neither (to use the fake)".into()),
        _ => {
            println!("Touring the embedded fake (set CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY for the real service).");
            let fake = FakeTraining::builder()
                .training_key(Uuid::new_v4().to_string())
                .training_duration(Duration::from_millis(300))
                .start()
                .await?;
            let wait = TrainingWait { initial_delay: Duration::from_millis(100), max_delay: Duration::from_millis(400), ..TrainingWait::default() };
            tour(&fake.client()?, wait, true).await
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
