//! Every one of the 52 Training API v3.3 operations, through the `v3_3::Training` trait, against
//! the embedded fake over a real socket: results, the state changes they make, the errors the
//! service answers with (typed `CustomVisionError`s with the spec's codes), 207 vs 200 for
//! batches, 202 vs 204 for DeleteImages, and binary downloads. A last test creates data through
//! v2.0 and reads it through v3.3, and back.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use customvision_fake::{
    FakeTraining, GENERAL_COMPACT_DOMAIN, GENERAL_DOMAIN, OBJECT_DETECTION_DOMAIN,
};
use customvision_training::v3_3::{
    ClassificationType, CustomVisionError, DomainType, ExportFlavor, ExportPlatform, ExportStatus,
    ImageCreateStatus, ImageFileCreateBatch, ImageFileCreateEntry, ImageIdCreateBatch,
    ImageIdCreateEntry, ImageMetadata, ImageMetadataUpdateStatus, ImageOrderBy,
    ImageRegionCreateBatch, ImageRegionCreateEntry, ImageTagCreateBatch, ImageTagCreateEntry,
    ImageUrl, ImageUrlCreateBatch, ImageUrlCreateEntry, Iteration, IterationPatch,
    PredictionOrderBy, PredictionQueryTag, PredictionQueryToken, ProjectPatch, ProjectStatus,
    SuggestedTagAndRegionQueryToken, SuggestionSortBy, TagFilter, TagPatch, TagType, TaggingStatus,
    Training, TrainingParameters, TrainingType,
};
use declarest::{Api, File, Request, Response};
use uuid::Uuid;

const KEY: &str = "training-ops-v3-3-key";
const PREDICTION_RESOURCE: &str = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.CognitiveServices/accounts/prediction";

/// The client, wrapped to keep the last raw response: statuses the trait's `()` answers hide
/// (DeleteImages' 202 and 204) can be checked too.
struct Recording {
    client: declarest::Client,
    last: Mutex<Option<Response>>,
}

impl Api for Recording {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        let response = self.client.send(request).await?;
        *self.last.lock().unwrap() = Some(response.clone());
        Ok(response)
    }
}

impl Training for Recording {}

impl Recording {
    /// The last answer's status.
    fn last_status(&self) -> u16 {
        let last = self.last.lock().unwrap();
        last.as_ref().expect("a response").status().as_u16()
    }
}

struct Setup {
    fake: FakeTraining,
    api: Recording,
}

async fn setup() -> Setup {
    let fake = FakeTraining::builder()
        .training_key(KEY)
        .training_duration(Duration::from_millis(30))
        .export_duration(Duration::from_millis(30))
        .start()
        .await
        .expect("the fake starts");
    let api = Recording {
        client: fake.client_v3_3().unwrap(),
        last: Mutex::new(None),
    };
    Setup { fake, api }
}

/// Status and typed service error code of a failed call.
fn error<T: Debug>(result: declarest::Result<T>) -> (u16, String) {
    let error = result.expect_err("the call fails");
    let status = error.status().map(|s| s.as_u16()).unwrap_or_default();
    let typed = CustomVisionError::from_error(&error).expect("a CustomVisionError body");
    assert!(!typed.message.is_empty());
    (status, typed.code.as_str().to_owned())
}

fn assert_error<T: Debug>(result: declarest::Result<T>, status: u16, code: &str) {
    assert_eq!(error(result), (status, code.to_owned()));
}

/// The smallest PNG the fake reads: signature and IHDR (with a per-image seed after it).
fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0, seed, seed, seed]);
    bytes
}

fn file(bytes: Vec<u8>, name: &str) -> File {
    File::new(bytes)
        .with_file_name(name)
        .with_content_type("image/png")
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
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

fn metadata(pairs: &[(&str, &str)]) -> ImageMetadata {
    let mut metadata = ImageMetadata::new();
    for (key, value) in pairs {
        metadata.insert(*key, *value).unwrap();
    }
    metadata
}

/// Polls GetIteration until the iteration is `Completed` (2 s at most).
async fn completed(api: &impl Training, project: Uuid, iteration: Uuid) -> Iteration {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let current = api.get_iteration(project, iteration).await.unwrap();
        if current.status.as_deref() == Some("Completed") {
            return current;
        }
        assert!(
            Instant::now() < deadline,
            "iteration {iteration} did not complete"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A project in `domain` with tags `a` and `b`, two images each; trained and completed.
async fn trained_project(api: &impl Training, domain: Uuid) -> (Uuid, Uuid, Uuid, Iteration) {
    let name = format!("Trained {}", Uuid::new_v4());
    let project = api
        .create_project(&name, None, Some(domain), None, None)
        .await
        .unwrap()
        .id;
    let a = api.create_tag(project, "a", None, None).await.unwrap().id;
    let b = api.create_tag(project, "b", None, None).await.unwrap().id;
    for (tag, seeds) in [(a, [1, 2]), (b, [3, 4])] {
        let files: Vec<File> = seeds
            .iter()
            .map(|s| file(png(40, 30, *s), "t.png"))
            .collect();
        let summary = api
            .create_images_from_data(project, Some(&[tag]), &files)
            .await
            .unwrap();
        assert_eq!(summary.status().as_u16(), 200);
        assert!(summary.is_batch_successful);
    }
    let iteration = api
        .train_project(project, None, None, None, None, None)
        .await
        .unwrap();
    let iteration = completed(api, project, iteration.id).await;
    (project, a, b, iteration)
}

/// GetDomains, GetDomain, CreateProject, GetProjects, GetProject, UpdateProject, DeleteProject.
#[tokio::test]
async fn domains_and_projects() {
    let s = setup().await;
    let api = &s.api;

    let domains = api.get_domains().await.unwrap();
    let general = domains.iter().find(|d| d.id == GENERAL_DOMAIN).unwrap();
    assert_eq!(general.name.as_deref(), Some("General"));
    assert_eq!(general.r#type, Some(DomainType::Classification));
    let compact = api.get_domain(GENERAL_COMPACT_DOMAIN).await.unwrap();
    assert!(compact.exportable);
    assert_error(api.get_domain(Uuid::new_v4()).await, 404, "NotFoundDomain");

    let birds = api
        .create_project(
            "Birds",
            Some("All birds"),
            Some(GENERAL_COMPACT_DOMAIN),
            Some(ClassificationType::Multilabel),
            Some(&[ExportPlatform::CoreMl, ExportPlatform::Onnx]),
        )
        .await
        .unwrap();
    assert_eq!(birds.name, "Birds");
    assert_eq!(birds.description.as_deref(), Some("All birds"));
    assert_eq!(birds.status, Some(ProjectStatus::Succeeded));
    assert_eq!(birds.settings.domain_id, GENERAL_COMPACT_DOMAIN);
    assert_eq!(
        birds.settings.classification_type,
        Some(ClassificationType::Multilabel)
    );
    assert_eq!(
        birds.settings.target_export_platforms,
        [ExportPlatform::CoreMl, ExportPlatform::Onnx]
    );
    let fish = api
        .create_project("Fish", None, None, None, None)
        .await
        .unwrap();
    assert_eq!(fish.settings.domain_id, GENERAL_DOMAIN);
    assert_eq!(
        fish.settings.classification_type,
        Some(ClassificationType::Multiclass),
        "the default"
    );
    assert!(fish.settings.target_export_platforms.is_empty());
    assert_error(
        api.create_project("birds", None, None, None, None).await,
        400,
        "BadRequestProjectNameNotUnique",
    );
    assert_error(
        api.create_project(" ", None, None, None, None).await,
        400,
        "BadRequestProjectName",
    );
    assert_error(
        api.create_project("Reptiles", None, Some(Uuid::new_v4()), None, None)
            .await,
        400,
        "BadRequestProjectUnknownDomain",
    );
    assert_error(
        api.create_project(
            "Reptiles",
            None,
            None,
            None,
            Some(&[ExportPlatform::CoreMl]),
        )
        .await,
        400,
        "BadRequestProjectUnsupportedExportPlatform",
    );

    let projects = api.get_projects().await.unwrap();
    assert_eq!(projects, [birds.clone(), fish.clone()]);
    assert_eq!(api.get_project(birds.id).await.unwrap(), birds);

    let mut settings = birds.settings.clone();
    settings.target_export_platforms = vec![ExportPlatform::TensorFlow];
    let patch = ProjectPatch::new("Songbirds".to_owned(), None, settings);
    let updated = api.update_project(birds.id, &patch).await.unwrap();
    assert_eq!(updated.name, "Songbirds");
    assert_eq!(updated.description, None);
    assert_eq!(
        updated.settings.target_export_platforms,
        [ExportPlatform::TensorFlow]
    );
    assert_eq!((updated.id, updated.created), (birds.id, birds.created));
    assert!(updated.last_modified > birds.last_modified);
    let clash = ProjectPatch::new("FISH".to_owned(), None, updated.settings.clone());
    assert_error(
        api.update_project(birds.id, &clash).await,
        400,
        "BadRequestProjectNameNotUnique",
    );
    assert_error(
        api.update_project(Uuid::new_v4(), &clash).await,
        404,
        "NotFoundProject",
    );

    api.delete_project(fish.id).await.unwrap();
    assert_eq!(api.last_status(), 204);
    assert_error(api.get_project(fish.id).await, 404, "NotFoundProject");
    assert_error(api.delete_project(fish.id).await, 404, "NotFoundProject");
    let ids: Vec<Uuid> = api
        .get_projects()
        .await
        .unwrap()
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, [birds.id]);
}

/// CreateTag, GetTags, GetTag, UpdateTag, DeleteTag; the four image creations (200 and 207);
/// GetImages and GetImageCount (tagging status, `$filter`), the v2.0 listings and counts,
/// GetImagesByIds; UpdateImageMetadata (200 and 207); CreateImageTags, DeleteImageTags,
/// DeleteImages (204 and 202).
#[tokio::test]
async fn tags_images_and_metadata() {
    let s = setup().await;
    let api = &s.api;
    let project = api
        .create_project("Colors", None, None, None, None)
        .await
        .unwrap()
        .id;

    let red = api
        .create_tag(project, "red", Some("warm"), None)
        .await
        .unwrap();
    assert_eq!(
        (
            red.name.as_str(),
            red.description.as_deref(),
            &red.r#type,
            red.image_count
        ),
        ("red", Some("warm"), &TagType::Regular, 0)
    );
    let blue = api.create_tag(project, "blue", None, None).await.unwrap();
    let none = api
        .create_tag(project, "none", None, Some(TagType::Negative))
        .await
        .unwrap();
    assert_eq!(none.r#type, TagType::Negative);
    assert_error(
        api.create_tag(project, "none2", None, Some(TagType::Negative))
            .await,
        400,
        "BadRequestMultipleNegativeTag",
    );
    assert_error(
        api.create_tag(project, "RED", None, None).await,
        400,
        "BadRequestTagNameNotUnique",
    );

    // 200 when every image is created, 207 when one is not.
    let (a, b) = (png(64, 48, 1), png(32, 32, 2));
    let summary = api
        .create_images_from_data(
            project,
            Some(&[red.id]),
            &[file(a.clone(), "a.png"), file(b, "b.png")],
        )
        .await
        .unwrap();
    assert_eq!(summary.status().as_u16(), 200);
    assert!(summary.is_batch_successful);
    let id_a = summary.images[0].image.as_ref().unwrap().id;
    let id_b = summary.images[1].image.as_ref().unwrap().id;
    let first = summary.images[0].image.as_ref().unwrap();
    assert_eq!((first.width, first.height), (64, 48));
    assert!(first.original_image_uri.is_some() && first.resized_image_uri.is_some());
    let partly = api
        .create_images_from_data(
            project,
            None,
            &[
                file(a.clone(), "again.png"),
                file(b"text".to_vec(), "t.txt"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(partly.status().as_u16(), 207);
    assert!(!partly.is_batch_successful);
    assert_eq!(partly.images[0].status, ImageCreateStatus::OkDuplicate);
    assert_eq!(partly.images[0].image.as_ref().map(|i| i.id), Some(id_a));
    assert_eq!(partly.images[1].status, ImageCreateStatus::ErrorImageFormat);
    let mixed = api
        .create_images_from_data(
            project,
            Some(&[red.id, none.id]),
            &[file(png(5, 5, 5), "m.png")],
        )
        .await
        .unwrap();
    assert_eq!(mixed.status().as_u16(), 207);
    assert_eq!(
        mixed.images[0].status,
        ImageCreateStatus::ErrorNegativeAndRegularTagOnSameImage
    );

    // URLs, with the batch's metadata.
    let urls = ImageUrlCreateBatch {
        images: vec![
            ImageUrlCreateEntry {
                url: "https://images.invalid/sky.jpg".to_owned(),
                tag_ids: vec![blue.id],
                regions: Vec::new(),
            },
            ImageUrlCreateEntry {
                url: "https://images.invalid/untagged.jpg".to_owned(),
                tag_ids: Vec::new(),
                regions: Vec::new(),
            },
        ],
        tag_ids: Vec::new(),
        metadata: Some(metadata(&[("site", "north")])),
    };
    let summary = api.create_images_from_urls(project, &urls).await.unwrap();
    assert_eq!(summary.status().as_u16(), 200);
    let sky = summary.images[0].image.as_ref().unwrap().id;
    let untagged = summary.images[1].image.as_ref().unwrap().id;
    assert_eq!(
        summary.images[0]
            .image
            .as_ref()
            .unwrap()
            .metadata
            .get("site")
            .map(String::as_str),
        Some("north")
    );

    // Base64 contents; one that does not decode is the 207's failure.
    let f = png(10, 12, 9);
    let batch = ImageFileCreateBatch {
        images: vec![
            ImageFileCreateEntry {
                name: Some("f.png".to_owned()),
                contents: Some(base64(&f)),
                tag_ids: vec![blue.id],
                regions: Vec::new(),
            },
            ImageFileCreateEntry {
                name: Some("g.bin".to_owned()),
                contents: Some("not base64 at all!".to_owned()),
                tag_ids: Vec::new(),
                regions: Vec::new(),
            },
        ],
        tag_ids: Vec::new(),
        metadata: Some(metadata(&[("site", "south")])),
    };
    let summary = api.create_images_from_files(project, &batch).await.unwrap();
    assert_eq!(summary.status().as_u16(), 207);
    assert_eq!(summary.images[0].status, ImageCreateStatus::Ok);
    assert_eq!(summary.images[1].status, ImageCreateStatus::ErrorSource);
    let id_f = summary.images[0].image.as_ref().unwrap().id;
    assert_eq!(s.fake.image(project, id_f).unwrap().size, f.len());
    assert_error(
        api.create_images_from_data(
            project,
            Some(&[Uuid::new_v4()]),
            &[file(png(1, 1, 50), "x.png")],
        )
        .await,
        404,
        "NotFoundTag",
    );

    // Tags count their images.
    let tags = api.get_tags(project, None).await.unwrap();
    let counts: Vec<(Uuid, i32)> = tags.iter().map(|t| (t.id, t.image_count)).collect();
    assert_eq!(counts, [(red.id, 2), (blue.id, 2), (none.id, 0)]);
    assert_eq!(
        api.get_tag(project, red.id, None)
            .await
            .unwrap()
            .image_count,
        2
    );
    assert_error(
        api.get_tag(project, Uuid::new_v4(), None).await,
        404,
        "NotFoundTag",
    );

    // Metadata: merged; 207 with an unknown image; the limits.
    let update = api
        .update_image_metadata(
            project,
            &[id_a, id_b],
            &metadata(&[("site", "north"), ("camera", "c1")]),
        )
        .await
        .unwrap();
    assert_eq!(update.status().as_u16(), 200);
    assert!(update.is_batch_successful);
    assert_eq!(update.images[0].status, ImageMetadataUpdateStatus::Ok);
    assert_eq!(
        update.images[0].metadata.get("camera").map(String::as_str),
        Some("c1")
    );
    let update = api
        .update_image_metadata(
            project,
            &[id_b, Uuid::new_v4()],
            &metadata(&[("site", "east")]),
        )
        .await
        .unwrap();
    assert_eq!(update.status().as_u16(), 207);
    assert!(!update.is_batch_successful);
    assert_eq!(
        update.images[1].status,
        ImageMetadataUpdateStatus::ErrorImageNotFound
    );
    let many: Vec<(String, String)> = (0..49).map(|i| (format!("k{i}"), "v".to_owned())).collect();
    let mut too_many = ImageMetadata::new();
    for (k, v) in &many {
        too_many.insert(k.as_str(), v.as_str()).unwrap();
    }
    let update = api
        .update_image_metadata(project, &[id_a], &too_many)
        .await
        .unwrap();
    assert_eq!(update.status().as_u16(), 207);
    assert_eq!(
        update.images[0].status,
        ImageMetadataUpdateStatus::ErrorLimitExceed
    );
    assert_eq!(
        s.fake.image(project, id_a).unwrap().metadata.len(),
        2,
        "unchanged"
    );

    // GetImages and GetImageCount: tagging status, tags, $filter, order and paging.
    let ids_of = |images: &[customvision_training::v3_3::Image]| -> Vec<Uuid> {
        images.iter().map(|i| i.id).collect()
    };
    let all = api
        .get_images(
            project,
            None,
            None,
            None,
            None,
            Some(ImageOrderBy::Oldest),
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&all), [id_a, id_b, sky, untagged, id_f]);
    let untagged_only = api
        .get_images(
            project,
            None,
            None,
            Some(TaggingStatus::Untagged),
            None,
            None,
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&untagged_only), [untagged]);
    let north = api
        .get_images(
            project,
            None,
            None,
            None,
            Some("site eq 'north'"),
            Some(ImageOrderBy::Oldest),
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&north), [id_a, sky, untagged]);
    let either = api
        .get_image_count(
            project,
            None,
            None,
            Some("site eq 'east' or camera ne 'c1'"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(either, 4, "b (east), and sky, untagged, f (no camera)");
    assert_eq!(
        api.get_image_count(
            project,
            None,
            Some(TaggingStatus::Tagged),
            None,
            Some(&[blue.id])
        )
        .await
        .unwrap(),
        2
    );
    let page = api
        .get_images(
            project,
            None,
            None,
            None,
            None,
            Some(ImageOrderBy::Oldest),
            Some(2),
            Some(1),
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&page), [id_b, sky]);
    assert_error(
        api.get_image_count(project, None, None, Some("site gt 'a'"), None)
            .await,
        400,
        "BadRequest",
    );

    // The v2.0 listings and counts.
    let newest = api
        .get_tagged_images(project, None, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&newest), [id_f, sky, id_b, id_a]);
    let blues = api
        .get_tagged_images(
            project,
            None,
            Some(&[blue.id]),
            Some(ImageOrderBy::Oldest),
            None,
            None,
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&blues), [sky, id_f]);
    assert_eq!(
        ids_of(
            &api.get_untagged_images(project, None, None, None, None)
                .await
                .unwrap()
        ),
        [untagged]
    );
    assert_eq!(
        api.get_tagged_image_count(project, None, None)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        1
    );
    let by_ids = api
        .get_images_by_ids(project, Some(&[id_f, id_a, Uuid::new_v4()]), None)
        .await
        .unwrap();
    assert_eq!(ids_of(&by_ids), [id_f, id_a]);

    // Image tags.
    let batch = ImageTagCreateBatch {
        tags: vec![
            ImageTagCreateEntry {
                image_id: untagged,
                tag_id: red.id,
            },
            ImageTagCreateEntry {
                image_id: id_a,
                tag_id: red.id,
            },
        ],
    };
    let created = api.create_image_tags(project, &batch).await.unwrap();
    assert_eq!(created.created, batch.tags[..1]);
    assert_eq!(created.duplicated, batch.tags[1..]);
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        0
    );
    let negative = ImageTagCreateBatch {
        tags: vec![ImageTagCreateEntry {
            image_id: id_a,
            tag_id: none.id,
        }],
    };
    assert_error(
        api.create_image_tags(project, &negative).await,
        400,
        "BadRequestNegativeAndRegularTagOnSameImage",
    );
    api.delete_image_tags(project, &[untagged], &[red.id])
        .await
        .unwrap();
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        1
    );

    // UpdateTag renames (seen on the images) and retypes; DeleteTag untags.
    let patch = TagPatch::new(
        "crimson".to_owned(),
        red.description.clone(),
        TagType::Regular,
    );
    let renamed = api.update_tag(project, red.id, &patch).await.unwrap();
    assert_eq!((renamed.name.as_str(), renamed.image_count), ("crimson", 2));
    let image = &api
        .get_images_by_ids(project, Some(&[id_a]), None)
        .await
        .unwrap()[0];
    assert_eq!(image.tags[0].tag_name.as_deref(), Some("crimson"));
    let second_negative = TagPatch::new(blue.name.clone(), None, TagType::Negative);
    assert_error(
        api.update_tag(project, blue.id, &second_negative).await,
        400,
        "BadRequestMultipleNegativeTag",
    );
    api.delete_tag(project, none.id).await.unwrap();
    assert_error(
        api.get_tag(project, none.id, None).await,
        404,
        "NotFoundTag",
    );

    // DeleteImages: by ids (204), all of them (202).
    api.delete_images(project, Some(&[untagged]), None, None)
        .await
        .unwrap();
    assert_eq!(api.last_status(), 204);
    assert_eq!(
        api.get_image_count(project, None, None, None, None)
            .await
            .unwrap(),
        4
    );
    api.delete_images(project, None, Some(true), None)
        .await
        .unwrap();
    assert_eq!(
        api.last_status(),
        202,
        "deleting all images goes on in the background"
    );
    assert_eq!(
        api.get_image_count(project, None, None, None, None)
            .await
            .unwrap(),
        0
    );
    assert_error(
        api.delete_images(project, None, None, None).await,
        400,
        "BadRequestInvalidIds",
    );
}

/// TrainProject (its options and body), GetIterations, GetIteration, UpdateIteration,
/// PublishIteration, UnpublishIteration, DeleteIteration; GetIterationPerformance,
/// GetImagePerformances, GetImagePerformanceCount; ExportIteration, GetExports, and GetArtifact
/// of the export.
#[tokio::test]
async fn training_publishing_and_exports() {
    let s = setup().await;
    let api = &s.api;
    let (project, a, b, first) = trained_project(api, GENERAL_COMPACT_DOMAIN).await;
    assert_eq!(first.name, "Iteration 1");
    assert_eq!(first.training_type, Some(TrainingType::Regular));
    assert!(first.exportable);
    assert_eq!(first.exportable_to.len(), 5);
    assert_eq!(first.training_time_in_minutes, 1);
    assert_eq!(first.publish_name, None);

    assert_error(
        api.train_project(project, None, None, None, None, None)
            .await,
        400,
        "BadRequestTrainingNotNeeded",
    );
    assert_error(
        api.train_project(
            project,
            Some(TrainingType::Advanced),
            None,
            Some(true),
            None,
            None,
        )
        .await,
        400,
        "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
    );
    assert_error(
        api.train_project(project, None, None, Some(true), Some("nobody"), None)
            .await,
        400,
        "BadRequestInvalidEmailAddress",
    );
    let parameters = TrainingParameters {
        selected_tags: vec![a],
    };
    let second = api
        .train_project(
            project,
            Some(TrainingType::Advanced),
            Some(3),
            Some(true),
            Some("me@example.com"),
            Some(&parameters),
        )
        .await
        .unwrap();
    assert_eq!(second.training_type, Some(TrainingType::Advanced));
    assert_eq!(second.reserved_budget_in_hours, 3);
    let second = completed(api, project, second.id).await;
    let trained_tags = api.get_tags(project, Some(second.id)).await.unwrap();
    assert_eq!(trained_tags.iter().map(|t| t.id).collect::<Vec<_>>(), [a]);

    let iterations = api.get_iterations(project).await.unwrap();
    assert_eq!(
        iterations.iter().map(|i| i.id).collect::<Vec<_>>(),
        [first.id, second.id]
    );
    let patch = IterationPatch::new("Selected".to_owned());
    let renamed = api
        .update_iteration(project, second.id, &patch)
        .await
        .unwrap();
    assert_eq!(renamed.name, "Selected");
    assert_eq!(
        api.get_iteration(project, second.id).await.unwrap().name,
        "Selected"
    );
    let patch = IterationPatch::new(String::new());
    assert_error(
        api.update_iteration(project, second.id, &patch).await,
        400,
        "BadRequestIterationName",
    );

    // Publish: a bare true; a published iteration is not deleted; unpublish.
    let published = api
        .publish_iteration(project, first.id, "birds", PREDICTION_RESOURCE, None)
        .await
        .unwrap();
    assert!(published);
    let got = api.get_iteration(project, first.id).await.unwrap();
    assert_eq!(got.publish_name.as_deref(), Some("birds"));
    assert_eq!(
        got.original_publish_resource_id.as_deref(),
        Some(PREDICTION_RESOURCE)
    );
    assert_error(
        api.publish_iteration(project, second.id, "birds", PREDICTION_RESOURCE, None)
            .await,
        400,
        "BadRequestInvalidPublishName",
    );
    assert!(
        api.publish_iteration(project, second.id, "birds", PREDICTION_RESOURCE, Some(true))
            .await
            .unwrap()
    );
    assert_eq!(
        api.get_iteration(project, first.id)
            .await
            .unwrap()
            .publish_name,
        None,
        "overwritten"
    );
    assert_error(
        api.publish_iteration(project, first.id, "x", "not-a-resource", None)
            .await,
        400,
        "BadRequestInvalidPublishTarget",
    );
    assert_error(
        api.delete_iteration(project, second.id).await,
        400,
        "BadRequestIterationIsPublished",
    );
    api.unpublish_iteration(project, second.id).await.unwrap();
    assert_error(
        api.unpublish_iteration(project, second.id).await,
        400,
        "BadRequestIterationNotPublished",
    );
    api.delete_iteration(project, second.id).await.unwrap();
    assert_error(
        api.get_iteration(project, second.id).await,
        404,
        "NotFoundIteration",
    );

    // Performance.
    let performance = api
        .get_iteration_performance(project, first.id, Some(0.5), None)
        .await
        .unwrap();
    assert_eq!(performance.per_tag_performance.len(), 2);
    assert!((0.0..=1.0).contains(&performance.precision));
    assert_eq!(
        api.get_image_performance_count(project, first.id, None)
            .await
            .unwrap(),
        4
    );
    let images = api
        .get_image_performances(project, first.id, Some(&[b]), None, None, None)
        .await
        .unwrap();
    assert_eq!(images.len(), 2);
    assert!(images.iter().all(|i| i.predictions.len() == 2));

    // Export, and download the package.
    let export = api
        .export_iteration(
            project,
            first.id,
            ExportPlatform::TensorFlow,
            Some(ExportFlavor::TensorFlowLite),
        )
        .await
        .unwrap();
    assert_eq!(export.status, ExportStatus::Exporting);
    assert_error(
        api.export_iteration(
            project,
            first.id,
            ExportPlatform::TensorFlow,
            Some(ExportFlavor::TensorFlowLite),
        )
        .await,
        400,
        "BadRequestExportAlreadyInProgress",
    );
    let deadline = Instant::now() + Duration::from_secs(2);
    let done = loop {
        let exports = api.get_exports(project, first.id).await.unwrap();
        if exports[0].status == ExportStatus::Done {
            break exports[0].clone();
        }
        assert!(Instant::now() < deadline, "the export did not finish");
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    assert!(!done.newer_version_available);
    let uri = done.download_uri.expect("a download once done");
    let package = api.get_artifact(project, &uri).await.unwrap();
    assert_eq!(package.status().as_u16(), 200);
    assert_eq!(
        package.headers().get("content-type").unwrap(),
        "application/octet-stream"
    );
    assert_eq!(&package.bytes()[..4], b"PK\x05\x06");

    // Object detection does not export from a non-compact domain.
    let (detection, _, _, iteration) = trained_project(api, OBJECT_DETECTION_DOMAIN).await;
    assert_error(
        api.export_iteration(detection, iteration.id, ExportPlatform::CoreMl, None)
            .await,
        400,
        "BadRequestExportValidationFailed",
    );
}

/// QuickTestImage (stored or not), QuickTestImageUrl, QueryPredictions, DeletePrediction,
/// CreateImagesFromPredictions (with metadata).
#[tokio::test]
async fn predictions_and_quick_tests() {
    let s = setup().await;
    let api = &s.api;
    let (project, a, _, iteration) = trained_project(api, GENERAL_DOMAIN).await;

    let kept = api
        .quick_test_image(
            project,
            Some(iteration.id),
            None,
            &file(png(7, 7, 70), "q.png"),
        )
        .await
        .unwrap();
    assert_eq!(kept.iteration, iteration.id);
    assert_eq!(kept.predictions.len(), 2);
    assert_eq!(kept.predictions[0].tag_type, Some(TagType::Regular));
    let again = api
        .quick_test_image(
            project,
            Some(iteration.id),
            Some(false),
            &file(png(7, 7, 70), "q.png"),
        )
        .await
        .unwrap();
    assert_eq!(again.predictions, kept.predictions, "deterministic");
    assert_eq!(
        s.fake.predictions(project).unwrap(),
        [kept.id],
        "store=false keeps nothing"
    );
    let url = api
        .quick_test_image_url(
            project,
            &ImageUrl {
                url: "https://images.invalid/q.jpg".to_owned(),
            },
            Some(iteration.id),
            None,
        )
        .await
        .unwrap();
    assert_error(
        api.quick_test_image_url(
            project,
            &ImageUrl {
                url: "nope".to_owned(),
            },
            Some(iteration.id),
            None,
        )
        .await,
        400,
        "BadRequestImageUrl",
    );

    let query = PredictionQueryToken {
        order_by: Some(PredictionOrderBy::Oldest),
        ..PredictionQueryToken::default()
    };
    let result = api.query_predictions(project, &query).await.unwrap();
    let ids: Vec<Uuid> = result.results.iter().map(|r| r.id).collect();
    assert_eq!(ids, [kept.id, url.id]);
    assert!(result.results[0].original_image_uri.is_some());
    let query = PredictionQueryToken {
        tags: vec![PredictionQueryTag {
            id: a,
            min_threshold: 0.0,
            max_threshold: 0.0,
        }],
        max_count: Some(1),
        ..PredictionQueryToken::default()
    };
    let page = api.query_predictions(project, &query).await.unwrap();
    assert_eq!(page.results.len(), 1);
    let token = page.token.unwrap();
    assert_eq!(token.continuation.as_deref(), Some("1"));
    assert_eq!(token.tags[0].max_threshold, 1.0);

    // A stored prediction's image becomes a training image, and its bytes an artifact.
    let batch = ImageIdCreateBatch {
        images: vec![ImageIdCreateEntry {
            id: kept.id,
            tag_ids: vec![a],
            regions: Vec::new(),
        }],
        tag_ids: Vec::new(),
        metadata: Some(metadata(&[("from", "prediction")])),
    };
    let summary = api
        .create_images_from_predictions(project, &batch)
        .await
        .unwrap();
    assert_eq!(summary.status().as_u16(), 200);
    let image = summary.images[0].image.clone().unwrap();
    assert_eq!(image.id, kept.id);
    assert_eq!(
        image.metadata.get("from").map(String::as_str),
        Some("prediction")
    );
    let bytes = api
        .get_artifact(project, image.original_image_uri.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(bytes.bytes().as_ref(), png(7, 7, 70).as_slice());

    api.delete_prediction(project, &[kept.id]).await.unwrap();
    assert_eq!(s.fake.predictions(project).unwrap(), [url.id]);
    assert_error(
        api.delete_prediction(project, &[]).await,
        400,
        "BadRequestPredictionIdsMissing",
    );
}

/// CreateImageRegions (200 and 207), DeleteImageRegions, GetImageRegionProposals.
#[tokio::test]
async fn regions_and_proposals() {
    let s = setup().await;
    let api = &s.api;
    let project = api
        .create_project("Boxes", None, Some(OBJECT_DETECTION_DOMAIN), None, None)
        .await
        .unwrap();
    assert_eq!(project.settings.classification_type, None);
    let project = project.id;
    let tag = api.create_tag(project, "box", None, None).await.unwrap().id;
    let summary = api
        .create_images_from_data(project, None, &[file(png(100, 100, 1), "r.png")])
        .await
        .unwrap();
    let image = summary.images[0].image.as_ref().unwrap().id;

    let entry = |left: f64| ImageRegionCreateEntry {
        image_id: image,
        tag_id: tag,
        left,
        top: 0.1,
        width: 0.25,
        height: 0.25,
    };
    let batch = ImageRegionCreateBatch {
        regions: vec![entry(0.1), entry(0.5)],
    };
    let created = api.create_image_regions(project, &batch).await.unwrap();
    assert_eq!(created.status().as_u16(), 200);
    assert_eq!(created.created.len(), 2);
    let again = ImageRegionCreateBatch {
        regions: vec![entry(0.1), entry(0.7)],
    };
    let partly = api.create_image_regions(project, &again).await.unwrap();
    assert_eq!(partly.status().as_u16(), 207);
    assert_eq!((partly.created.len(), partly.duplicated.len()), (1, 1));
    let outside = ImageRegionCreateBatch {
        regions: vec![entry(0.9)],
    };
    assert_error(
        api.create_image_regions(project, &outside).await,
        400,
        "BadRequestImageRegions",
    );
    let regions = &api
        .get_images_by_ids(project, Some(&[image]), None)
        .await
        .unwrap()[0]
        .regions;
    assert_eq!(regions.len(), 3);
    let first = created.created[0].region_id.unwrap();
    api.delete_image_regions(project, &[first]).await.unwrap();
    let regions = &api
        .get_images_by_ids(project, Some(&[image]), None)
        .await
        .unwrap()[0]
        .regions;
    assert_eq!(regions.len(), 2);

    let proposals = api
        .get_image_region_proposals(project, image)
        .await
        .unwrap();
    assert_eq!((proposals.project_id, proposals.image_id), (project, image));
    assert_eq!(proposals.proposals.len(), 3);
    let again = api
        .get_image_region_proposals(project, image)
        .await
        .unwrap();
    assert_eq!(proposals, again, "deterministic");
    assert_error(
        api.get_image_region_proposals(project, Uuid::new_v4())
            .await,
        404,
        "NotFoundImage",
    );
}

/// SuggestTagsAndRegions, QuerySuggestedImageCount, QuerySuggestedImages.
#[tokio::test]
async fn suggested_tags_and_regions() {
    let s = setup().await;
    let api = &s.api;
    let (project, a, b, iteration) = trained_project(api, GENERAL_DOMAIN).await;
    let files: Vec<File> = (10..16)
        .map(|seed| file(png(20, 20, seed), "u.png"))
        .collect();
    let summary = api
        .create_images_from_data(project, None, &files)
        .await
        .unwrap();
    let untagged: Vec<Uuid> = summary
        .images
        .iter()
        .map(|r| r.image.as_ref().unwrap().id)
        .collect();

    let suggestions = api
        .suggest_tags_and_regions(project, iteration.id, &untagged)
        .await
        .unwrap();
    assert_eq!(
        suggestions.iter().map(|s| s.id).collect::<Vec<_>>(),
        untagged
    );
    let again = api
        .suggest_tags_and_regions(project, iteration.id, &untagged)
        .await
        .unwrap();
    for (s, t) in suggestions.iter().zip(&again) {
        assert_eq!(s.predictions, t.predictions, "deterministic");
        assert_eq!(s.iteration, iteration.id);
        let top = s.predictions[0].probability;
        assert!((s.prediction_uncertainty - (1.0 - top)).abs() < 1e-9);
    }

    let threshold = 0.5;
    let expected = |tag: Uuid| {
        suggestions
            .iter()
            .filter(|s| {
                s.predictions
                    .iter()
                    .any(|p| p.tag_id == tag && p.probability >= threshold)
            })
            .count() as i32
    };
    let counts: BTreeMap<String, i32> = api
        .query_suggested_image_count(
            project,
            iteration.id,
            &TagFilter {
                tag_ids: vec![a, b],
                threshold: Some(threshold),
            },
        )
        .await
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(counts.get(&a.to_string()), Some(&expected(a)));
    assert_eq!(counts.get(&b.to_string()), Some(&expected(b)));

    let query = SuggestedTagAndRegionQueryToken {
        tag_ids: vec![a],
        threshold: Some(threshold),
        ..SuggestedTagAndRegionQueryToken::default()
    };
    let page = api
        .query_suggested_images(project, iteration.id, &query)
        .await
        .unwrap();
    assert_eq!(page.results.len() as i32, expected(a));
    let everything = SuggestedTagAndRegionQueryToken {
        threshold: Some(0.0),
        sort_by: Some(SuggestionSortBy::UncertaintyDescending),
        max_count: Some(4),
        ..SuggestedTagAndRegionQueryToken::default()
    };
    let page = api
        .query_suggested_images(project, iteration.id, &everything)
        .await
        .unwrap();
    assert_eq!(page.results.len(), 4);
    assert!(
        page.results
            .windows(2)
            .all(|w| w[0].prediction_uncertainty >= w[1].prediction_uncertainty)
    );
    let token = page.token.unwrap();
    assert_eq!(token.continuation.as_deref(), Some("4"));
    let rest = api
        .query_suggested_images(project, iteration.id, &token)
        .await
        .unwrap();
    assert_eq!(rest.results.len(), 2);

    assert_error(
        api.suggest_tags_and_regions(project, iteration.id, &[Uuid::new_v4()])
            .await,
        404,
        "NotFoundImage",
    );
    assert_error(
        api.suggest_tags_and_regions(project, Uuid::new_v4(), &untagged)
            .await,
        404,
        "NotFoundIteration",
    );
}

/// ExportProject, ImportProject, GetArtifact of images (original, resized, thumbnail).
#[tokio::test]
async fn project_export_import_and_artifacts() {
    let s = setup().await;
    let api = &s.api;
    let (project, _, _, iteration) = trained_project(api, GENERAL_COMPACT_DOMAIN).await;
    let images = api
        .get_images(
            project,
            None,
            None,
            None,
            None,
            Some(ImageOrderBy::Oldest),
            Some(1),
            None,
        )
        .await
        .unwrap();
    let image = &images[0];
    for uri in [
        image.original_image_uri.as_deref(),
        image.resized_image_uri.as_deref(),
        image.thumbnail_uri.as_deref(),
    ] {
        let bytes = api.get_artifact(project, uri.unwrap()).await.unwrap();
        assert_eq!(bytes.bytes().as_ref(), png(40, 30, 1).as_slice());
    }
    assert_error(
        api.get_artifact(project, "somewhere/else").await,
        400,
        "BadRequestInvalidArtifactUri",
    );

    let export = api.export_project(project).await.unwrap();
    assert_eq!(
        (
            export.iteration_count,
            export.image_count,
            export.tag_count,
            export.region_count
        ),
        (1, 4, 2, 0)
    );
    let token = export.token.unwrap();
    let copy = api.import_project(&token, Some("Copy")).await.unwrap();
    assert_eq!(copy.name, "Copy");
    assert_ne!(copy.id, project);
    assert_eq!(
        api.get_image_count(copy.id, None, None, None, None)
            .await
            .unwrap(),
        4
    );
    let iterations = api.get_iterations(copy.id).await.unwrap();
    assert_eq!(iterations.len(), 1);
    assert_ne!(iterations[0].id, iteration.id);
    assert_eq!(iterations[0].status.as_deref(), Some("Completed"));
    let named = api.import_project(&token, None).await.unwrap();
    assert!(named.name.ends_with("(imported)"), "{}", named.name);
    assert_error(
        api.import_project("made-up", None).await,
        400,
        "BadRequestInvalidImportToken",
    );
}

/// Created through v2.0, read through v3.3, and back.
#[tokio::test]
async fn one_state_for_both_versions() {
    // A `declarest::Client` implements both versions' traits: v2.0 calls are spelled out.
    use customvision_training::Training as V2;
    let s = setup().await;
    let v2 = s.fake.client().unwrap();
    let v3 = &s.api;

    let project = V2::create_project(&v2, "Shared", None, None).await.unwrap();
    let tag = V2::create_tag(&v2, project.id, "t", None).await.unwrap();
    let summary = V2::create_images_from_data(
        &v2,
        project.id,
        Some(&[tag.id]),
        &[file(png(8, 8, 8), "s.png")],
    )
    .await
    .unwrap();
    let image = summary.images[0].image.as_ref().unwrap().id;

    let seen = v3.get_project(project.id).await.unwrap();
    assert_eq!(
        (seen.name.as_str(), seen.created),
        ("Shared", project.created)
    );
    assert_eq!(
        v3.get_tag(project.id, tag.id, None)
            .await
            .unwrap()
            .image_count,
        1
    );
    let images = v3
        .get_images_by_ids(project.id, Some(&[image]), None)
        .await
        .unwrap();
    assert_eq!(images[0].tags[0].tag_id, tag.id);

    // Trained through v3.3, the iteration is v2.0's default, and published seen in v2.0 too.
    let iteration = v3
        .train_project(project.id, None, None, None, None, None)
        .await
        .unwrap();
    let iteration = completed(v3, project.id, iteration.id).await;
    let through_v2 = V2::get_iteration(&v2, project.id, iteration.id)
        .await
        .unwrap();
    assert!(through_v2.is_default);
    assert_eq!(through_v2.status.as_deref(), Some("Completed"));
    v3.update_image_metadata(project.id, &[image], &metadata(&[("k", "v")]))
        .await
        .unwrap();
    v3.publish_iteration(
        project.id,
        iteration.id,
        "shared",
        PREDICTION_RESOURCE,
        None,
    )
    .await
    .unwrap();
    let error = V2::delete_iteration(&v2, project.id, iteration.id)
        .await
        .unwrap_err();
    assert_eq!(
        error.service_error().map(|e| e.code.as_str()),
        Some("BadRequestIterationIsPublished")
    );
    let v3_project = v3
        .create_project("From v3.3", None, None, None, None)
        .await
        .unwrap();
    let names: Vec<Option<String>> = V2::get_projects(&v2)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, [Some("Shared".to_owned()), Some(v3_project.name)]);
}
