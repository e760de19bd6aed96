//! The program both benchmark crates build: every one of the 41 Training operations awaited
//! once, in an order the service accepts, with the arguments a real program passes. The source
//! is shared (`#[path]`), so the two crates differ only in what `crate::api` is: the declared
//! `customvision_training::Training` on a `declarest::Client`, or the hand-written client.
//!
//! Runnable against the service or the fake: `CUSTOMVISION_ENDPOINT` (a host or a URL) and
//! `CUSTOMVISION_TRAINING_KEY`. It creates a project in the exportable object detection domain,
//! goes through images, tags, regions, training, performance, exports, quick tests and
//! predictions, and deletes what it created.

use std::error::Error;
use std::process::ExitCode;
use std::time::Duration;

use customvision_training::{
    DomainType, ExportPlatform, ImageFileCreateBatch, ImageFileCreateEntry, ImageIdCreateBatch,
    ImageIdCreateEntry, ImageOrderBy, ImageRegionCreateBatch, ImageRegionCreateEntry,
    ImageTagCreateBatch, ImageTagCreateEntry, ImageUrl, ImageUrlCreateBatch, ImageUrlCreateEntry,
    IterationPatch, PredictionOrderBy, PredictionQueryToken, ProjectPatch, Region, TagPatch,
};
use uuid::Uuid;

use crate::api::*;

type BoxError = Box<dyn Error + Send + Sync>;

/// How often, and how long at most, to ask whether training is done.
const POLL: Duration = Duration::from_millis(250);
const TRAINING_TIMEOUT: Duration = Duration::from_secs(600);

/// What the run saw.
#[derive(Debug, Default)]
pub struct Summary {
    pub operations: u32,
    pub images: usize,
    pub regions: usize,
    pub proposals: usize,
    pub predictions: usize,
    pub exports: usize,
    pub precision: f64,
}

/// Reads the endpoint and key from the environment, connects with `connect` and runs the
/// scenario on a current-thread runtime.
pub fn main(connect: fn(&str, &str) -> Result<Client, BoxError>) -> ExitCode {
    let (Ok(endpoint), Ok(key)) = (
        std::env::var("CUSTOMVISION_ENDPOINT"),
        std::env::var("CUSTOMVISION_TRAINING_KEY"),
    ) else {
        eprintln!(
            "set CUSTOMVISION_ENDPOINT (a host or a URL) and CUSTOMVISION_TRAINING_KEY to run \
             every Training operation against that resource"
        );
        return ExitCode::from(2);
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: no runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let client = connect(&endpoint, &key)?;
        run(&client).await
    });
    match result {
        Ok(summary) => {
            println!("{summary:?}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The smallest PNG the service reads the size of: signature and IHDR, with a seed after it so
/// that images differ.
fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0, seed, seed, seed]);
    bytes
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn png_file(seed: u8, name: &str) -> File {
    File::new(png(64, 48, seed))
        .with_file_name(name)
        .with_content_type("image/png")
}

/// Every operation once (GetIteration in a loop, until training is done); `operations` counts
/// them.
pub async fn run(client: &Client) -> Result<Summary, BoxError> {
    let mut s = Summary::default();

    // Domains: the exportable object detection one, so that regions and exports both apply.
    let domains = client.get_domains().await?;
    s.operations += 1;
    let domain = domains
        .iter()
        .find(|d| d.exportable && d.r#type == Some(DomainType::ObjectDetection))
        .ok_or("the service offers no exportable object detection domain")?;
    let domain = client.get_domain(domain.id).await?;
    s.operations += 1;

    // Projects.
    let name = format!("compile-bench {}", Uuid::new_v4().simple());
    let project = client
        .create_project(
            &name,
            Some("every Training operation once"),
            Some(domain.id),
        )
        .await?;
    s.operations += 1;
    let p = project.id;
    let projects = client.get_projects().await?;
    s.operations += 1;
    if !projects.iter().any(|listed| listed.id == p) {
        return Err("the new project is not listed".into());
    }
    let project = client.get_project(p).await?;
    s.operations += 1;
    let patch = ProjectPatch::default().description(Some(format!(
        "{} (created {})",
        project.description.as_deref().unwrap_or_default(),
        project.created
    )));
    client.update_project(p, &patch).await?;
    s.operations += 1;

    // Tags.
    let tag = client.create_tag(p, "bird", Some("any bird")).await?;
    s.operations += 1;
    let patch = TagPatch::default().description(Some("any bird, any size".to_owned()));
    let tag = client.update_tag(p, tag.id, &patch).await?;
    s.operations += 1;
    let tags = client.get_tags(p, None).await?;
    s.operations += 1;
    if tags.len() != 1 {
        return Err(format!("{} tags in a new project with one", tags.len()).into());
    }

    // Images: from data, URLs and files.
    let files = [png_file(1, "first.png"), png_file(2, "second.png")];
    let created = client
        .create_images_from_data(p, Some(&[tag.id]), &files)
        .await?;
    s.operations += 1;
    let mut image_ids: Vec<Uuid> = created
        .images
        .iter()
        .filter_map(|result| result.image.as_ref().map(|image| image.id))
        .collect();
    let urls = ImageUrlCreateBatch {
        images: vec![ImageUrlCreateEntry {
            url: Some("https://images.example.com/birds/robin.jpg".to_owned()),
            tag_ids: vec![tag.id],
            regions: Vec::new(),
        }],
        tag_ids: Vec::new(),
    };
    let created = client.create_images_from_urls(p, &urls).await?;
    s.operations += 1;
    image_ids.extend(
        created
            .images
            .iter()
            .filter_map(|r| r.image.as_ref().map(|i| i.id)),
    );
    let batch = ImageFileCreateBatch {
        images: vec![ImageFileCreateEntry {
            name: Some("third.png".to_owned()),
            contents: Some(base64(&png(32, 32, 3))),
            tag_ids: Vec::new(),
            regions: vec![Region {
                tag_id: tag.id,
                left: 0.25,
                top: 0.25,
                width: 0.5,
                height: 0.5,
            }],
        }],
        tag_ids: Vec::new(),
    };
    let created = client.create_images_from_files(p, &batch).await?;
    s.operations += 1;
    image_ids.extend(
        created
            .images
            .iter()
            .filter_map(|r| r.image.as_ref().map(|i| i.id)),
    );
    let first = *image_ids.first().ok_or("no image was created")?;

    // Listings and counts.
    let tagged = client
        .get_tagged_images(
            p,
            None,
            Some(&[tag.id]),
            Some(ImageOrderBy::Oldest),
            Some(50),
            Some(0),
        )
        .await?;
    s.operations += 1;
    let count = client
        .get_tagged_image_count(p, None, Some(&[tag.id]))
        .await?;
    s.operations += 1;
    if usize::try_from(count).ok() != Some(tagged.len()) {
        return Err(format!("{count} tagged images counted, {} listed", tagged.len()).into());
    }
    let by_ids = client.get_images_by_ids(p, Some(&image_ids), None).await?;
    s.operations += 1;
    s.images = by_ids.len();

    // Image tags: untag the first image, list it as untagged, tag it again.
    client.delete_image_tags(p, &[first], &[tag.id]).await?;
    s.operations += 1;
    let untagged = client
        .get_untagged_images(p, None, Some(ImageOrderBy::Newest), Some(50), None)
        .await?;
    s.operations += 1;
    let untagged_count = client.get_untagged_image_count(p, None).await?;
    s.operations += 1;
    if usize::try_from(untagged_count).ok() != Some(untagged.len()) {
        return Err("the untagged images are not all listed".into());
    }
    let image_tags = ImageTagCreateBatch {
        tags: untagged
            .iter()
            .map(|image| ImageTagCreateEntry {
                image_id: image.id,
                tag_id: tag.id,
            })
            .collect(),
    };
    client.create_image_tags(p, &image_tags).await?;
    s.operations += 1;

    // Regions.
    let regions = ImageRegionCreateBatch {
        regions: vec![ImageRegionCreateEntry {
            image_id: first,
            tag_id: tag.id,
            left: 0.1,
            top: 0.2,
            width: 0.5,
            height: 0.4,
        }],
    };
    let created = client.create_image_regions(p, &regions).await?;
    s.operations += 1;
    s.regions = created.created.len();
    let proposals = client.get_image_region_proposals(p, first).await?;
    s.operations += 1;
    s.proposals = proposals.proposals.len();
    let region_ids: Vec<Uuid> = created.created.iter().map(|r| r.region_id).collect();
    client.delete_image_regions(p, &region_ids).await?;
    s.operations += 1;

    // Training.
    let mut iteration = client.train_project(p).await?;
    s.operations += 1;
    let mut waited = Duration::ZERO;
    while iteration.status.as_deref() != Some("Completed") {
        if waited >= TRAINING_TIMEOUT {
            return Err(format!("training still {:?} after {waited:?}", iteration.status).into());
        }
        tokio::time::sleep(POLL).await;
        waited += POLL;
        iteration = client.get_iteration(p, iteration.id).await?;
    }
    s.operations += 1;
    let it = iteration.id;
    let iterations = client.get_iterations(p).await?;
    s.operations += 1;
    if !iterations.iter().any(|listed| listed.id == it) {
        return Err("the trained iteration is not listed".into());
    }

    // Performance.
    let performance = client
        .get_iteration_performance(p, it, Some(0.5), Some(0.3))
        .await?;
    s.operations += 1;
    s.precision = performance.precision;
    let performances = client
        .get_image_performances(
            p,
            it,
            Some(&[tag.id]),
            Some(ImageOrderBy::Newest),
            Some(20),
            None,
        )
        .await?;
    s.operations += 1;
    let count = client
        .get_image_performance_count(p, it, Some(&[tag.id]))
        .await?;
    s.operations += 1;
    if usize::try_from(count).ok() < Some(performances.len()) {
        return Err("more image performances listed than counted".into());
    }
    let tag = client.get_tag(p, tag.id, Some(it)).await?;
    s.operations += 1;

    // Exports.
    client
        .export_iteration(p, it, ExportPlatform::TensorFlow, None)
        .await?;
    s.operations += 1;
    s.exports = client.get_exports(p, it).await?.len();
    s.operations += 1;

    // Quick tests and predictions.
    let tested = client
        .quick_test_image(p, Some(it), &png_file(4, "probe.png"))
        .await?;
    s.operations += 1;
    let url = ImageUrl {
        url: Some("https://images.example.com/birds/wren.jpg".to_owned()),
    };
    let tested_url = client.quick_test_image_url(p, &url, None).await?;
    s.operations += 1;
    let query = PredictionQueryToken {
        session: None,
        continuation: None,
        max_count: 10,
        order_by: PredictionOrderBy::Newest,
        tags: Vec::new(),
        iteration_id: Some(it),
        start_time: None,
        end_time: None,
        application: None,
    };
    let predictions = client.query_predictions(p, &query).await?;
    s.operations += 1;
    s.predictions = predictions.results.len();
    let from_predictions = ImageIdCreateBatch {
        images: vec![ImageIdCreateEntry {
            id: tested.id,
            tag_ids: Vec::new(),
            regions: Vec::new(),
        }],
        tag_ids: vec![tag.id],
    };
    client
        .create_images_from_predictions(p, &from_predictions)
        .await?;
    s.operations += 1;
    client.delete_prediction(p, &[tested_url.id]).await?;
    s.operations += 1;

    // Clean up: an image, the iteration (no longer the default), the tag, the project.
    let last = *image_ids.last().ok_or("no image was created")?;
    client.delete_images(p, &[last]).await?;
    s.operations += 1;
    let patch = IterationPatch::default()
        .name("compile-bench".to_owned())
        .is_default(false);
    client.update_iteration(p, it, &patch).await?;
    s.operations += 1;
    client.delete_iteration(p, it).await?;
    s.operations += 1;
    client.delete_tag(p, tag.id).await?;
    s.operations += 1;
    client.delete_project(p).await?;
    s.operations += 1;
    Ok(s)
}
