//! Every one of the 41 Training operations, through the `Training` trait, against the embedded
//! fake over a real socket: results, the state changes they make, the errors the service
//! answers with, and the 204s of the DELETEs. The scenarios run twice: against the fake as the
//! spec describes the service, and with the real v2.0 service's quirks switched on (PascalCase
//! bodies, timestamps without `Z`, omitted fields), which the client must read all the same.

use std::fmt::Debug;
use std::sync::Mutex;
use std::time::Duration;

use customvision_fake::{
    FakeTraining, GENERAL_COMPACT_DOMAIN, GENERAL_DOMAIN, ImageFormat, OBJECT_DETECTION_DOMAIN,
};
use customvision_training::{
    DomainType, ExportFlavor, ExportPlatform, ExportStatus, ImageCreateStatus,
    ImageFileCreateBatch, ImageFileCreateEntry, ImageIdCreateBatch, ImageIdCreateEntry,
    ImageOrderBy, ImageRegionCreateBatch, ImageRegionCreateEntry, ImageTagCreateBatch,
    ImageTagCreateEntry, ImageUrl, ImageUrlCreateBatch, ImageUrlCreateEntry, Iteration,
    IterationPatch, PredictionOrderBy, PredictionQueryTag, PredictionQueryToken, ProjectPatch,
    ProjectSettings, Region, TagPatch, Training,
};
use declarest::http::header::CONTENT_TYPE;
use declarest::{Api, File, Request, Response};
use serde_json::Value;
use uuid::Uuid;

const KEY: &str = "training-ops-key";
const TRAINING: Duration = Duration::from_millis(30);
const EXPORT: Duration = Duration::from_millis(30);

/// The client, wrapped to keep the last raw response: the wire format can be checked too.
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
    fn last(&self) -> Response {
        self.last.lock().unwrap().clone().expect("a response")
    }

    fn last_json(&self) -> Value {
        serde_json::from_slice(self.last().body()).expect("a JSON body")
    }

    /// The last answer was a DELETE's: 204, no body, no `Content-Type`.
    fn assert_no_content(&self) {
        let response = self.last();
        assert_eq!(response.status().as_u16(), 204);
        assert!(response.body().is_empty(), "{:?}", response.body());
        assert!(response.headers().get(CONTENT_TYPE).is_none());
    }
}

struct Setup {
    fake: FakeTraining,
    api: Recording,
    quirks: bool,
}

async fn setup(quirks: bool) -> Setup {
    let fake = FakeTraining::builder()
        .training_key(KEY)
        .training_duration(TRAINING)
        .export_duration(EXPORT)
        .v2_0_quirks(quirks)
        .start()
        .await
        .expect("the fake starts");
    let api = Recording {
        client: fake.client().unwrap(),
        last: Mutex::new(None),
    };
    Setup { fake, api, quirks }
}

/// Status and service error code of a failed call.
fn error<T: Debug>(result: declarest::Result<T>) -> (u16, String) {
    let error = result.expect_err("the call fails");
    let status = error.status().map(|s| s.as_u16()).unwrap_or_default();
    let code = error
        .service_error()
        .map(|e| e.code.clone())
        .unwrap_or_default();
    (status, code)
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

/// A JPEG header: SOI, an APP0 segment carrying the seed, and a start of frame.
fn jpeg(width: u16, height: u16, seed: u8) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, seed, seed];
    bytes.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08]);
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]);
    bytes
}

fn file(bytes: Vec<u8>, name: &str, content_type: &str) -> File {
    File::new(bytes)
        .with_file_name(name)
        .with_content_type(content_type)
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

fn query() -> PredictionQueryToken {
    PredictionQueryToken {
        session: None,
        continuation: None,
        max_count: 0,
        order_by: PredictionOrderBy::Newest,
        tags: Vec::new(),
        iteration_id: None,
        start_time: None,
        end_time: None,
        application: None,
    }
}

/// Polls GetIteration until the iteration is `Completed`.
async fn completed(api: &Recording, project: Uuid, iteration: Uuid) -> Iteration {
    for _ in 0..400 {
        let current = api.get_iteration(project, iteration).await.unwrap();
        if current.status.as_deref() == Some("Completed") {
            return current;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("iteration {iteration} did not complete");
}

/// A project in `domain` with tags `a` and `b`, two images each; trained and completed.
async fn trained_project(s: &Setup, domain: Uuid) -> (Uuid, Uuid, Uuid, Iteration) {
    let api = &s.api;
    let name = format!("Trained {}", Uuid::new_v4());
    let project = api
        .create_project(&name, None, Some(domain))
        .await
        .unwrap()
        .id;
    let a = api.create_tag(project, "a", None).await.unwrap().id;
    let b = api.create_tag(project, "b", None).await.unwrap().id;
    for (tag, seeds) in [(a, [1, 2]), (b, [3, 4])] {
        let files: Vec<File> = seeds
            .iter()
            .map(|seed| file(png(40, 30, *seed), "t.png", "image/png"))
            .collect();
        let summary = api
            .create_images_from_data(project, Some(&[tag]), &files)
            .await
            .unwrap();
        assert!(summary.is_batch_successful);
    }
    let iteration = api.train_project(project).await.unwrap();
    let iteration = completed(api, project, iteration.id).await;
    (project, a, b, iteration)
}

macro_rules! in_both_modes {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[tokio::test]
            async fn normal() {
                super::$scenario(false).await
            }

            #[tokio::test]
            async fn v2_0_quirks() {
                super::$scenario(true).await
            }
        }
    )*};
}

in_both_modes!(
    domains_and_projects,
    tags_and_images,
    training_lifecycle,
    performance_and_exports,
    predictions_and_quick_tests,
    regions_and_proposals,
);

/// GetDomains, GetDomain, CreateProject, GetProjects, GetProject, UpdateProject, DeleteProject.
async fn domains_and_projects(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;

    let domains = api.get_domains().await.unwrap();
    let general = domains.iter().find(|d| d.id == GENERAL_DOMAIN).unwrap();
    assert_eq!(general.name.as_deref(), Some("General"));
    assert_eq!(general.r#type, Some(DomainType::Classification));
    assert!(!general.exportable && general.enabled);
    assert!(
        domains
            .iter()
            .any(|d| d.r#type == Some(DomainType::ObjectDetection))
    );
    let compact = api.get_domain(GENERAL_COMPACT_DOMAIN).await.unwrap();
    assert!(compact.exportable);
    assert_eq!(Some(&compact), domains.iter().find(|d| d.id == compact.id));
    assert_error(api.get_domain(Uuid::new_v4()).await, 404, "NotFoundDomain");

    let birds = api
        .create_project("Birds", Some("All birds"), None)
        .await
        .unwrap();
    assert_eq!(birds.name.as_deref(), Some("Birds"));
    assert_eq!(birds.description.as_deref(), Some("All birds"));
    assert_eq!(
        birds.settings.as_ref().map(|s| s.domain_id),
        Some(GENERAL_DOMAIN)
    );
    let fish = api
        .create_project("Fish", None, Some(GENERAL_COMPACT_DOMAIN))
        .await
        .unwrap();
    assert_eq!(
        fish.settings.as_ref().map(|s| s.domain_id),
        Some(GENERAL_COMPACT_DOMAIN)
    );
    assert_error(
        api.create_project("birds", None, None).await,
        400,
        "BadRequestProjectNameNotUnique",
    );
    assert_error(
        api.create_project(" ", None, None).await,
        400,
        "BadRequestProjectName",
    );
    assert_error(
        api.create_project("Reptiles", None, Some(Uuid::new_v4()))
            .await,
        400,
        "BadRequestProjectUnknownDomain",
    );

    let projects = api.get_projects().await.unwrap();
    assert_eq!(projects, [birds.clone(), fish.clone()]);
    let listed = &api.last_json()[0];
    if s.quirks {
        // The v2.0 service listed projects in PascalCase, with stored timestamps lacking `Z`.
        assert_eq!(listed["Id"], Value::String(birds.id.to_string()));
        assert_eq!(
            listed["Settings"]["DomainId"],
            Value::String(GENERAL_DOMAIN.to_string())
        );
        assert!(!listed["Created"].as_str().unwrap().ends_with('Z'));
    } else {
        assert_eq!(listed["id"], Value::String(birds.id.to_string()));
        assert!(listed["created"].as_str().unwrap().ends_with('Z'));
    }

    assert_eq!(api.get_project(birds.id).await.unwrap(), birds);

    let patch = ProjectPatch::default()
        .name("Songbirds".to_owned())
        .description(None);
    let updated = api.update_project(birds.id, &patch).await.unwrap();
    assert_eq!(updated.name.as_deref(), Some("Songbirds"));
    assert_eq!(updated.description, None);
    assert_eq!(updated.settings, birds.settings, "settings untouched");
    assert_eq!((updated.id, updated.created), (birds.id, birds.created));
    assert!(updated.last_modified > birds.last_modified);
    let patch = ProjectPatch::default().settings(ProjectSettings {
        domain_id: OBJECT_DETECTION_DOMAIN,
    });
    let moved = api.update_project(birds.id, &patch).await.unwrap();
    assert_eq!(moved.name.as_deref(), Some("Songbirds"));
    assert_eq!(
        moved.settings.map(|s| s.domain_id),
        Some(OBJECT_DETECTION_DOMAIN)
    );
    assert_eq!(api.get_project(birds.id).await.unwrap().name, moved.name);
    assert_error(
        api.update_project(birds.id, &ProjectPatch::default().name("FISH".to_owned()))
            .await,
        400,
        "BadRequestProjectNameNotUnique",
    );
    assert_error(
        api.update_project(
            Uuid::new_v4(),
            &ProjectPatch::default().name("x".to_owned()),
        )
        .await,
        404,
        "NotFoundProject",
    );

    api.delete_project(fish.id).await.unwrap();
    api.assert_no_content();
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

/// CreateTag, GetTags, GetTag, UpdateTag, DeleteTag; CreateImagesFromData, -FromUrls,
/// -FromFiles; GetTaggedImages, GetUntaggedImages, the counts, GetImagesByIds; CreateImageTags,
/// DeleteImageTags, DeleteImages.
async fn tags_and_images(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;
    let project = api.create_project("Colors", None, None).await.unwrap().id;

    let red = api.create_tag(project, "red", Some("warm")).await.unwrap();
    assert_eq!(
        (
            red.name.as_deref(),
            red.description.as_deref(),
            red.image_count
        ),
        (Some("red"), Some("warm"), 0)
    );
    let blue = api.create_tag(project, "blue", None).await.unwrap();
    assert_error(
        api.create_tag(project, "RED", None).await,
        400,
        "BadRequestTagNameNotUnique",
    );
    assert_error(
        api.create_tag(project, "", None).await,
        400,
        "BadRequestTagName",
    );
    assert_error(
        api.create_tag(Uuid::new_v4(), "x", None).await,
        404,
        "NotFoundProject",
    );

    // Multipart uploads: each part's bytes kept, the format read from the magic bytes.
    let (a, c) = (png(64, 48, 1), jpeg(600, 300, 3));
    let files = [
        file(a.clone(), "a.png", "image/png"),
        file(png(32, 32, 2), "b.png", "image/png"),
        file(c.clone(), "c.jpg", "image/jpeg"),
        file(b"GIF89a\x10\x00\x08\x00rest".to_vec(), "d.gif", "image/gif"),
        file(b"just some text".to_vec(), "e.txt", "text/plain"),
    ];
    let summary = api
        .create_images_from_data(project, Some(&[red.id]), &files)
        .await
        .unwrap();
    let statuses: Vec<&ImageCreateStatus> = summary.images.iter().map(|i| &i.status).collect();
    assert_eq!(
        statuses,
        [
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::ErrorImageFormat
        ]
    );
    assert!(!summary.is_batch_successful);
    assert_eq!(summary.images[0].source_url.as_deref(), Some("\"a.png\""));
    assert!(summary.images[4].image.is_none());
    let ids: Vec<Uuid> = summary.images[..4]
        .iter()
        .map(|r| r.image.as_ref().unwrap().id)
        .collect();
    let (id_a, id_b, id_c, id_d) = (ids[0], ids[1], ids[2], ids[3]);
    let first = summary.images[0].image.as_ref().unwrap();
    assert_eq!((first.width, first.height), (64, 48));
    assert_eq!(first.tags.len(), 1);
    assert_eq!(first.tags[0].tag_id, red.id);
    assert_eq!(first.tags[0].tag_name.as_deref(), Some("red"));
    let stored = s.fake.image(project, id_a).unwrap();
    assert_eq!(
        (stored.size, stored.format, stored.width, stored.height),
        (a.len(), Some(ImageFormat::Png), 64, 48)
    );
    assert_eq!(stored.file_name.as_deref(), Some("a.png"));
    assert_eq!(stored.content_type.as_deref(), Some("image/png"));
    let stored = s.fake.image(project, id_c).unwrap();
    assert_eq!(
        (stored.size, stored.format, stored.width, stored.height),
        (c.len(), Some(ImageFormat::Jpeg), 600, 300)
    );
    assert_eq!(
        s.fake.image(project, id_d).unwrap().format,
        Some(ImageFormat::Gif)
    );

    // The same bytes again, under another name: a duplicate of the first.
    let again = api
        .create_images_from_data(project, None, &[file(a.clone(), "copy.png", "image/png")])
        .await
        .unwrap();
    assert_eq!(again.images[0].status, ImageCreateStatus::OkDuplicate);
    assert_eq!(again.images[0].image.as_ref().map(|i| i.id), Some(id_a));
    assert!(!again.is_batch_successful);

    // URLs are taken as they are, without fetching.
    let urls = ImageUrlCreateBatch {
        images: vec![
            ImageUrlCreateEntry {
                url: Some("https://images.invalid/sky.jpg".to_owned()),
                tag_ids: vec![blue.id],
                regions: Vec::new(),
            },
            ImageUrlCreateEntry {
                url: Some("https://images.invalid/untagged.jpg".to_owned()),
                tag_ids: Vec::new(),
                regions: Vec::new(),
            },
            ImageUrlCreateEntry {
                url: Some("ftp://images.invalid/x.jpg".to_owned()),
                tag_ids: Vec::new(),
                regions: Vec::new(),
            },
        ],
        tag_ids: Vec::new(),
    };
    let summary = api.create_images_from_urls(project, &urls).await.unwrap();
    let statuses: Vec<&ImageCreateStatus> = summary.images.iter().map(|i| &i.status).collect();
    assert_eq!(
        statuses,
        [
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::ErrorSource
        ]
    );
    assert_eq!(
        summary.images[0].source_url.as_deref(),
        Some("https://images.invalid/sky.jpg")
    );
    let sky = summary.images[0].image.as_ref().unwrap().id;
    let untagged = summary.images[1].image.as_ref().unwrap().id;
    let stored = s.fake.image(project, sky).unwrap();
    assert_eq!(
        stored.url.as_deref(),
        Some("https://images.invalid/sky.jpg")
    );
    assert_eq!((stored.size, stored.format), (0, None));

    // Base64 contents.
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
    };
    let summary = api.create_images_from_files(project, &batch).await.unwrap();
    assert_eq!(summary.images[0].status, ImageCreateStatus::Ok);
    assert_eq!(summary.images[1].status, ImageCreateStatus::ErrorSource);
    let id_f = summary.images[0].image.as_ref().unwrap().id;
    let stored = s.fake.image(project, id_f).unwrap();
    assert_eq!(
        (stored.size, stored.width, stored.height),
        (f.len(), 10, 12)
    );
    assert_error(
        api.create_images_from_data(
            project,
            Some(&[Uuid::new_v4()]),
            &[file(png(1, 1, 50), "x.png", "image/png")],
        )
        .await,
        404,
        "NotFoundTag",
    );

    // Image counts on tags are in step with the images.
    let tags = api.get_tags(project, None).await.unwrap();
    let counts: Vec<(Uuid, i32)> = tags.iter().map(|t| (t.id, t.image_count)).collect();
    assert_eq!(counts, [(red.id, 4), (blue.id, 2)]);
    let got = api.get_tag(project, red.id, None).await.unwrap();
    assert_eq!(
        (got.image_count, got.description.as_deref()),
        (4, Some("warm"))
    );
    assert_error(
        api.get_tag(project, Uuid::new_v4(), None).await,
        404,
        "NotFoundTag",
    );

    assert_eq!(
        api.get_tagged_image_count(project, None, None)
            .await
            .unwrap(),
        6
    );
    assert_eq!(
        api.get_tagged_image_count(project, None, Some(&[blue.id]))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        api.get_tagged_image_count(project, None, Some(&[red.id, blue.id]))
            .await
            .unwrap(),
        6,
        "tags filter with and/or"
    );
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        1
    );

    // Listings: newest first by default, Oldest on request, take and skip.
    let ids_of = |images: &[customvision_training::Image]| -> Vec<Uuid> {
        images.iter().map(|i| i.id).collect()
    };
    let newest = api
        .get_tagged_images(project, None, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&newest), [id_f, sky, id_d, id_c, id_b, id_a]);
    let oldest = api
        .get_tagged_images(project, None, None, Some(ImageOrderBy::Oldest), None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&oldest), [id_a, id_b, id_c, id_d, sky, id_f]);
    let page = api
        .get_tagged_images(
            project,
            None,
            None,
            Some(ImageOrderBy::Oldest),
            Some(2),
            Some(1),
        )
        .await
        .unwrap();
    assert_eq!(ids_of(&page), [id_b, id_c]);
    let blues = api
        .get_tagged_images(project, None, Some(&[blue.id]), None, None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&blues), [id_f, sky]);
    assert_eq!(blues[1].tags[0].tag_name.as_deref(), Some("blue"));
    let untagged_images = api
        .get_untagged_images(project, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&untagged_images), [untagged]);
    assert!(untagged_images[0].tags.is_empty());
    let by_ids = api
        .get_images_by_ids(project, Some(&[id_c, id_a, Uuid::new_v4()]), None)
        .await
        .unwrap();
    assert_eq!(ids_of(&by_ids), [id_c, id_a]);
    assert_error(
        api.get_tagged_images(Uuid::new_v4(), None, None, None, None, None)
            .await,
        404,
        "NotFoundProject",
    );

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
    assert!(created.exceeded.is_empty());
    assert_eq!(
        api.get_tag(project, red.id, None)
            .await
            .unwrap()
            .image_count,
        5
    );
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        0
    );
    let missing = ImageTagCreateBatch {
        tags: vec![ImageTagCreateEntry {
            image_id: Uuid::new_v4(),
            tag_id: red.id,
        }],
    };
    assert_error(
        api.create_image_tags(project, &missing).await,
        404,
        "NotFoundImage",
    );

    api.delete_image_tags(project, &[untagged, id_a], &[red.id])
        .await
        .unwrap();
    api.assert_no_content();
    assert_eq!(
        api.get_tag(project, red.id, None)
            .await
            .unwrap()
            .image_count,
        3
    );
    let untagged_now = api
        .get_untagged_images(project, None, Some(ImageOrderBy::Oldest), None, None)
        .await
        .unwrap();
    assert_eq!(ids_of(&untagged_now), [id_a, untagged]);

    // UpdateTag changes the name (seen on the images too) and the description only.
    let patch = TagPatch::default().name("crimson".to_owned());
    let renamed = api.update_tag(project, red.id, &patch).await.unwrap();
    assert_eq!(
        (
            renamed.id,
            renamed.name.as_deref(),
            renamed.description.as_deref(),
            renamed.image_count
        ),
        (red.id, Some("crimson"), Some("warm"), 3)
    );
    let raw = api.last_json();
    if s.quirks {
        assert_eq!(
            raw["Name"], "crimson",
            "v2.0 answered UpdateTag in PascalCase"
        );
    } else {
        assert_eq!(raw["name"], "crimson");
    }
    let image = &api
        .get_images_by_ids(project, Some(&[id_c]), None)
        .await
        .unwrap()[0];
    assert_eq!(image.tags[0].tag_name.as_deref(), Some("crimson"));
    let patch = TagPatch::default().description(None);
    let cleared = api.update_tag(project, red.id, &patch).await.unwrap();
    assert_eq!(
        (cleared.name.as_deref(), cleared.description),
        (Some("crimson"), None)
    );
    assert_error(
        api.update_tag(
            project,
            blue.id,
            &TagPatch::default().name("CRIMSON".to_owned()),
        )
        .await,
        400,
        "BadRequestTagNameNotUnique",
    );
    assert_error(
        api.update_tag(
            project,
            Uuid::new_v4(),
            &TagPatch::default().name("x".to_owned()),
        )
        .await,
        404,
        "NotFoundTag",
    );

    api.delete_images(project, &[id_b]).await.unwrap();
    api.assert_no_content();
    assert_eq!(
        api.get_tag(project, red.id, None)
            .await
            .unwrap()
            .image_count,
        2
    );
    assert!(
        api.get_images_by_ids(project, Some(&[id_b]), None)
            .await
            .unwrap()
            .is_empty()
    );

    api.delete_tag(project, blue.id).await.unwrap();
    api.assert_no_content();
    assert_error(
        api.get_tag(project, blue.id, None).await,
        404,
        "NotFoundTag",
    );
    assert_error(api.delete_tag(project, blue.id).await, 404, "NotFoundTag");
    let ids: Vec<Uuid> = api
        .get_tags(project, None)
        .await
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(ids, [red.id]);
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        4,
        "the blue images are untagged now"
    );
}

/// TrainProject, GetIterations, GetIteration, UpdateIteration, DeleteIteration, and the
/// listings of an iteration's training data.
async fn training_lifecycle(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;
    let project = api
        .create_project("Lifecycle", None, Some(GENERAL_COMPACT_DOMAIN))
        .await
        .unwrap()
        .id;
    assert_error(
        api.train_project(project).await,
        400,
        "BadRequestTrainingValidationFailed",
    );
    let a = api.create_tag(project, "a", None).await.unwrap().id;
    let b = api.create_tag(project, "b", None).await.unwrap().id;
    let files: Vec<File> = (0..4)
        .map(|i| file(png(20, 20, i), "p.png", "image/png"))
        .collect();
    api.create_images_from_data(project, Some(&[a]), &files[..2])
        .await
        .unwrap();
    api.create_images_from_data(project, Some(&[b]), &files[2..])
        .await
        .unwrap();

    let first = api.train_project(project).await.unwrap();
    assert_eq!(first.status.as_deref(), Some("Training"));
    assert_eq!(first.name.as_deref(), Some("Iteration 1"));
    assert_eq!(first.project_id, project);
    assert_eq!(first.domain_id, Some(GENERAL_COMPACT_DOMAIN));
    assert!(!first.is_default && !first.exportable && first.trained_at.is_none());
    let raw = api.last_json();
    if s.quirks {
        assert_eq!(
            raw["Status"], "Training",
            "v2.0 answered TrainProject in PascalCase"
        );
        assert!(raw.get("TrainedAt").is_none(), "and left trainedAt out");
        assert!(!raw["Created"].as_str().unwrap().ends_with('Z'));
    } else {
        assert_eq!(raw["status"], "Training");
        assert!(raw["trainedAt"].is_null());
        assert!(raw["created"].as_str().unwrap().ends_with('Z'));
    }
    assert_error(
        api.train_project(project).await,
        400,
        "BadRequestTrainingNotNeeded",
    );

    let done = completed(api, project, first.id).await;
    assert!(
        done.is_default,
        "the first trained iteration becomes the default"
    );
    assert!(done.exportable, "a compact domain exports");
    let trained_at = done.trained_at.expect("trainedAt once completed");
    assert!(trained_at >= first.created);
    assert!(trained_at.to_offset_date_time() - first.created.to_offset_date_time() >= TRAINING);
    assert_eq!((done.id, done.created), (first.id, first.created));
    assert_eq!(
        api.get_iterations(project).await.unwrap(),
        std::slice::from_ref(&done)
    );
    assert_eq!(s.fake.iteration(project, first.id), Some(done.clone()));
    assert_error(
        api.train_project(project).await,
        400,
        "BadRequestTrainingNotNeeded",
    );

    // New data: the workspace moves on, the iteration keeps what it was trained on.
    let late = api
        .create_images_from_data(
            project,
            Some(&[a]),
            &[file(png(9, 9, 99), "late.png", "image/png")],
        )
        .await
        .unwrap()
        .images[0]
        .image
        .as_ref()
        .unwrap()
        .id;
    assert_eq!(
        api.get_tagged_image_count(project, None, None)
            .await
            .unwrap(),
        5
    );
    assert_eq!(
        api.get_tagged_image_count(project, Some(first.id), None)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        api.get_tagged_image_count(project, Some(first.id), Some(&[a]))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        api.get_untagged_image_count(project, Some(first.id))
            .await
            .unwrap(),
        0
    );
    let trained_images = api
        .get_tagged_images(project, Some(first.id), None, None, Some(10), None)
        .await
        .unwrap();
    assert_eq!(trained_images.len(), 4);
    assert!(trained_images.iter().all(|i| i.id != late));
    assert!(
        api.get_untagged_images(project, Some(first.id), None, None, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        api.get_images_by_ids(project, Some(&[late]), Some(first.id))
            .await
            .unwrap()
            .is_empty()
    );
    let tags = api.get_tags(project, Some(first.id)).await.unwrap();
    assert_eq!(
        tags.iter().map(|t| t.image_count).collect::<Vec<_>>(),
        [2, 2]
    );
    assert_eq!(
        api.get_tag(project, a, Some(first.id))
            .await
            .unwrap()
            .image_count,
        2
    );
    assert_eq!(api.get_tag(project, a, None).await.unwrap().image_count, 3);
    assert_error(
        api.get_tags(project, Some(Uuid::new_v4())).await,
        404,
        "NotFoundIteration",
    );

    let second = api.train_project(project).await.unwrap();
    assert_eq!(second.name.as_deref(), Some("Iteration 2"));
    let second = completed(api, project, second.id).await;
    assert!(!second.is_default, "the default stays where it was");
    assert!(
        api.get_iteration(project, first.id)
            .await
            .unwrap()
            .is_default
    );
    let listed: Vec<Uuid> = api
        .get_iterations(project)
        .await
        .unwrap()
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(listed, [first.id, second.id]);
    let raw = api.last_json();
    let created = raw[0]["created"].as_str().unwrap();
    assert_eq!(created.ends_with('Z'), !s.quirks, "{created}");

    let patch = IterationPatch::default()
        .name("Best".to_owned())
        .is_default(true);
    let best = api
        .update_iteration(project, second.id, &patch)
        .await
        .unwrap();
    assert_eq!(
        (best.name.as_deref(), best.is_default),
        (Some("Best"), true)
    );
    assert!(
        !api.get_iteration(project, first.id)
            .await
            .unwrap()
            .is_default
    );

    assert_error(
        api.delete_iteration(project, second.id).await,
        400,
        "BadRequest",
    );
    api.delete_iteration(project, first.id).await.unwrap();
    api.assert_no_content();
    assert_error(
        api.get_iteration(project, first.id).await,
        404,
        "NotFoundIteration",
    );
    assert_error(
        api.delete_iteration(project, first.id).await,
        404,
        "NotFoundIteration",
    );
    assert_eq!(api.get_iterations(project).await.unwrap(), [best]);
}

/// GetIterationPerformance, GetImagePerformances, GetImagePerformanceCount, ExportIteration,
/// GetExports.
async fn performance_and_exports(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;
    let (project, a, b, iteration) = trained_project(&s, GENERAL_COMPACT_DOMAIN).await;

    let performance = api
        .get_iteration_performance(project, iteration.id, Some(0.5), None)
        .await
        .unwrap();
    let names: Vec<Option<&str>> = performance
        .per_tag_performance
        .iter()
        .map(|t| t.name.as_deref())
        .collect();
    assert_eq!(names, [Some("a"), Some("b")]);
    assert_eq!(performance.per_tag_performance[0].id, a);
    for value in [performance.precision, performance.recall]
        .into_iter()
        .chain(
            performance
                .per_tag_performance
                .iter()
                .flat_map(|t| [t.precision, t.recall]),
        )
    {
        assert!((0.0..=1.0).contains(&value), "{value}");
    }
    assert_eq!(
        performance.average_precision, None,
        "classification has none"
    );
    assert_eq!(
        api.get_iteration_performance(project, iteration.id, Some(0.5), None)
            .await
            .unwrap(),
        performance,
        "deterministic"
    );
    let everything = api
        .get_iteration_performance(project, iteration.id, Some(0.0), None)
        .await
        .unwrap();
    assert_eq!(everything.recall, 1.0, "at threshold 0 every tag is found");
    assert_error(
        api.get_iteration_performance(project, iteration.id, Some(1.5), None)
            .await,
        400,
        "BadRequest",
    );
    let untrained = s.fake.add_iteration(project, "Untrained", false).unwrap();
    assert_error(
        api.get_iteration_performance(project, untrained.id, None, None)
            .await,
        404,
        "NotFoundIterationPerformance",
    );

    let images = api
        .get_image_performances(project, iteration.id, None, None, None, None)
        .await
        .unwrap();
    assert_eq!(images.len(), 4);
    for image in &images {
        assert_eq!(image.predictions.len(), 2);
        assert!(image.predictions[0].probability >= image.predictions[1].probability);
        assert!(image.predictions.iter().all(|p| p.bounding_box.is_none()));
        assert_eq!(image.tags.len(), 1);
    }
    let only_a = api
        .get_image_performances(
            project,
            iteration.id,
            Some(&[a]),
            Some(ImageOrderBy::Oldest),
            Some(1),
            Some(1),
        )
        .await
        .unwrap();
    assert_eq!(only_a.len(), 1);
    assert_eq!(only_a[0].tags[0].tag_id, a);
    assert_eq!(
        api.get_image_performance_count(project, iteration.id, None)
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        api.get_image_performance_count(project, iteration.id, Some(&[b]))
            .await
            .unwrap(),
        2
    );
    assert_error(
        api.get_image_performance_count(project, Uuid::new_v4(), None)
            .await,
        404,
        "NotFoundIteration",
    );

    // Exports: Exporting, then Done with a download URI after the configured delay.
    assert!(
        api.get_exports(project, iteration.id)
            .await
            .unwrap()
            .is_empty()
    );
    let export = api
        .export_iteration(project, iteration.id, ExportPlatform::CoreMl, None)
        .await
        .unwrap();
    assert_eq!(
        (&export.platform, &export.status, &export.download_uri),
        (&ExportPlatform::CoreMl, &ExportStatus::Exporting, &None)
    );
    assert_error(
        api.export_iteration(project, iteration.id, ExportPlatform::CoreMl, None)
            .await,
        400,
        "BadRequestExportAlreadyInProgress",
    );
    let docker = api
        .export_iteration(
            project,
            iteration.id,
            ExportPlatform::DockerFile,
            Some(ExportFlavor::Linux),
        )
        .await
        .unwrap();
    assert_eq!(docker.flavor, Some(ExportFlavor::Linux));
    let exports = api.get_exports(project, iteration.id).await.unwrap();
    assert_eq!(exports, [export, docker]);
    tokio::time::sleep(EXPORT + Duration::from_millis(10)).await;
    let exports = api.get_exports(project, iteration.id).await.unwrap();
    assert!(exports.iter().all(|e| e.status == ExportStatus::Done));
    let uri = exports[0].download_uri.as_deref().expect("a download URI");
    assert!(
        uri.contains(&iteration.id.to_string()) && uri.contains("coreml"),
        "{uri}"
    );
    assert_eq!(
        api.get_exports(project, iteration.id).await.unwrap(),
        exports,
        "deterministic"
    );

    assert_error(
        api.export_iteration(project, untrained.id, ExportPlatform::TensorFlow, None)
            .await,
        400,
        "BadRequestIterationIsNotTrained",
    );
    let (general, ..) = trained_project(&s, GENERAL_DOMAIN).await;
    let not_compact = api.get_iterations(general).await.unwrap()[0].id;
    assert_error(
        api.export_iteration(general, not_compact, ExportPlatform::TensorFlow, None)
            .await,
        400,
        "BadRequestExportValidationFailed",
    );
}

/// QuickTestImage, QuickTestImageUrl, QueryPredictions, DeletePrediction,
/// CreateImagesFromPredictions.
async fn predictions_and_quick_tests(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;
    let empty = api.create_project("Empty", None, None).await.unwrap().id;
    let probe = file(png(5, 5, 77), "probe.png", "image/png");
    assert_error(
        api.quick_test_image(empty, None, &probe).await,
        404,
        "NotFoundProjectDefaultIteration",
    );
    let (project, a, _, iteration) = trained_project(&s, GENERAL_DOMAIN).await;
    let untrained = s.fake.add_iteration(project, "New", false).unwrap();
    assert_error(
        api.quick_test_image(project, Some(untrained.id), &probe)
            .await,
        400,
        "BadRequestIterationIsNotTrained",
    );

    let p1 = api.quick_test_image(project, None, &probe).await.unwrap();
    assert_eq!((p1.project, p1.iteration), (project, iteration.id));
    assert_eq!(p1.predictions.len(), 2);
    assert!(p1.predictions[0].probability >= p1.predictions[1].probability);
    assert!(
        p1.predictions
            .iter()
            .all(|p| (0.0..=1.0).contains(&p.probability))
    );
    let p2 = api
        .quick_test_image(project, Some(iteration.id), &probe)
        .await
        .unwrap();
    assert_ne!(p1.id, p2.id);
    assert_eq!(
        p1.predictions, p2.predictions,
        "the same image, the same predictions"
    );
    assert_error(
        api.quick_test_image(
            project,
            None,
            &file(b"text".to_vec(), "t.txt", "text/plain"),
        )
        .await,
        400,
        "BadRequestImageFormat",
    );

    let url = ImageUrl {
        url: Some("https://images.invalid/probe.jpg".to_owned()),
    };
    let u1 = api.quick_test_image_url(project, &url, None).await.unwrap();
    let u2 = api
        .quick_test_image_url(project, &url, Some(iteration.id))
        .await
        .unwrap();
    assert_eq!(u1.predictions, u2.predictions);
    assert_eq!(u1.iteration, iteration.id);
    let bad = ImageUrl {
        url: Some("not a url".to_owned()),
    };
    assert_error(
        api.quick_test_image_url(project, &bad, None).await,
        400,
        "BadRequestImageUrl",
    );
    assert_eq!(
        s.fake.predictions(project).unwrap(),
        [u2.id, u1.id, p2.id, p1.id]
    );

    // QueryPredictions: newest first, paged with a continuation token.
    let all = api.query_predictions(project, &query()).await.unwrap();
    let ids: Vec<Uuid> = all.results.iter().map(|r| r.id).collect();
    assert_eq!(ids, [u2.id, u1.id, p2.id, p1.id]);
    assert_eq!(all.results[3].predictions, p1.predictions);
    assert_eq!(all.results[3].iteration, iteration.id);
    assert_eq!(all.results[3].domain, Some(GENERAL_DOMAIN));
    let token = all.token.expect("a token");
    assert!(token.session.is_some() && token.continuation.is_none());
    let first_page = api
        .query_predictions(
            project,
            &PredictionQueryToken {
                max_count: 3,
                ..query()
            },
        )
        .await
        .unwrap();
    assert_eq!(first_page.results.len(), 3);
    let token = first_page.token.unwrap();
    assert!(token.continuation.is_some());
    let second_page = api.query_predictions(project, &token).await.unwrap();
    assert_eq!(
        second_page.results.iter().map(|r| r.id).collect::<Vec<_>>(),
        [p1.id]
    );
    assert_eq!(second_page.token.unwrap().continuation, None);
    let oldest = api
        .query_predictions(
            project,
            &PredictionQueryToken {
                order_by: PredictionOrderBy::Oldest,
                ..query()
            },
        )
        .await
        .unwrap();
    assert_eq!(oldest.results[0].id, p1.id);
    let probability_a = p1
        .predictions
        .iter()
        .find(|p| p.tag_id == a)
        .unwrap()
        .probability;
    let by_tag = api
        .query_predictions(
            project,
            &PredictionQueryToken {
                tags: vec![PredictionQueryTag {
                    id: a,
                    min_threshold: probability_a,
                    max_threshold: 0.0,
                }],
                ..query()
            },
        )
        .await
        .unwrap();
    assert!(by_tag.results.iter().any(|r| r.id == p1.id));
    assert!(by_tag.results.iter().all(|r| {
        r.predictions
            .iter()
            .any(|p| p.tag_id == a && p.probability >= probability_a)
    }));
    assert_eq!(
        by_tag.token.unwrap().tags[0].max_threshold,
        1.0,
        "0 reads as 1"
    );
    let other_iteration = api
        .query_predictions(
            project,
            &PredictionQueryToken {
                iteration_id: Some(Uuid::new_v4()),
                ..query()
            },
        )
        .await
        .unwrap();
    assert!(other_iteration.results.is_empty());

    // A stored prediction becomes a training image, under the prediction's id.
    let tagged_before = api
        .get_tagged_image_count(project, None, None)
        .await
        .unwrap();
    let batch = ImageIdCreateBatch {
        images: vec![
            ImageIdCreateEntry {
                id: p1.id,
                tag_ids: vec![a],
                regions: Vec::new(),
            },
            ImageIdCreateEntry {
                id: Uuid::new_v4(),
                tag_ids: Vec::new(),
                regions: Vec::new(),
            },
        ],
        tag_ids: Vec::new(),
    };
    let summary = api
        .create_images_from_predictions(project, &batch)
        .await
        .unwrap();
    assert_eq!(summary.images[0].status, ImageCreateStatus::Ok);
    assert_eq!(summary.images[0].image.as_ref().map(|i| i.id), Some(p1.id));
    assert_eq!(summary.images[1].status, ImageCreateStatus::ErrorSource);
    assert!(!summary.is_batch_successful);
    let stored = s.fake.image(project, p1.id).unwrap();
    assert_eq!(
        (stored.format, stored.width, stored.height),
        (Some(ImageFormat::Png), 5, 5)
    );
    assert_eq!(
        api.get_tagged_image_count(project, None, None)
            .await
            .unwrap(),
        tagged_before + 1
    );
    let url_image = api
        .create_images_from_predictions(
            project,
            &ImageIdCreateBatch {
                images: vec![ImageIdCreateEntry {
                    id: u1.id,
                    tag_ids: Vec::new(),
                    regions: Vec::new(),
                }],
                tag_ids: vec![a],
            },
        )
        .await
        .unwrap();
    assert!(url_image.is_batch_successful);

    api.delete_prediction(project, &[p1.id, p2.id])
        .await
        .unwrap();
    api.assert_no_content();
    let left = api.query_predictions(project, &query()).await.unwrap();
    assert_eq!(
        left.results.iter().map(|r| r.id).collect::<Vec<_>>(),
        [u2.id, u1.id]
    );
    assert_error(
        api.delete_prediction(Uuid::new_v4(), &[p1.id]).await,
        404,
        "NotFoundProject",
    );
}

/// CreateImageRegions, DeleteImageRegions, GetImageRegionProposals, and object detection's
/// boxes in predictions and performance.
async fn regions_and_proposals(quirks: bool) {
    let s = setup(quirks).await;
    let api = &s.api;
    let project = api
        .create_project("Detection", None, Some(OBJECT_DETECTION_DOMAIN))
        .await
        .unwrap()
        .id;
    let tag = api.create_tag(project, "bird", None).await.unwrap();
    let summary = api
        .create_images_from_data(
            project,
            None,
            &[file(jpeg(800, 600, 1), "bird.jpg", "image/jpeg")],
        )
        .await
        .unwrap();
    let image = summary.images[0].image.as_ref().unwrap().id;
    assert_eq!(
        api.get_untagged_image_count(project, None).await.unwrap(),
        1
    );

    let entry = ImageRegionCreateEntry {
        image_id: image,
        tag_id: tag.id,
        left: 0.1,
        top: 0.2,
        width: 0.5,
        height: 0.4,
    };
    let batch = ImageRegionCreateBatch {
        regions: vec![entry.clone(), entry.clone()],
    };
    let regions = api.create_image_regions(project, &batch).await.unwrap();
    assert_eq!(regions.created.len(), 1);
    assert_eq!(regions.duplicated, std::slice::from_ref(&entry));
    let created = &regions.created[0];
    assert_eq!(
        (
            created.image_id,
            created.tag_id,
            created.tag_name.as_deref()
        ),
        (image, tag.id, Some("bird"))
    );
    assert_eq!(
        (created.left, created.top, created.width, created.height),
        (0.1, 0.2, 0.5, 0.4)
    );
    let shown = &api
        .get_images_by_ids(project, Some(&[image]), None)
        .await
        .unwrap()[0];
    assert_eq!(shown.regions.len(), 1);
    assert_eq!(shown.regions[0].region_id, created.region_id);
    assert_eq!(shown.tags[0].tag_id, tag.id, "a region tags its image");
    assert_eq!(
        api.get_tag(project, tag.id, None)
            .await
            .unwrap()
            .image_count,
        1
    );
    let outside = ImageRegionCreateBatch {
        regions: vec![ImageRegionCreateEntry {
            left: 0.8,
            width: 0.5,
            ..entry.clone()
        }],
    };
    assert_error(
        api.create_image_regions(project, &outside).await,
        400,
        "BadRequestImageRegions",
    );
    let unknown = ImageRegionCreateBatch {
        regions: vec![ImageRegionCreateEntry {
            image_id: Uuid::new_v4(),
            ..entry.clone()
        }],
    };
    assert_error(
        api.create_image_regions(project, &unknown).await,
        404,
        "NotFoundImage",
    );

    // Region proposals: `POST /{projectId}/images/{imageId}/regionproposals`.
    let proposals = api
        .get_image_region_proposals(project, image)
        .await
        .unwrap();
    assert_eq!((proposals.project_id, proposals.image_id), (project, image));
    assert_eq!(proposals.proposals.len(), 3);
    for pair in proposals.proposals.windows(2) {
        assert!(pair[0].confidence >= pair[1].confidence);
    }
    for proposal in &proposals.proposals {
        let bb = proposal.bounding_box.as_ref().unwrap();
        assert!(bb.left + bb.width <= 1.0 && bb.top + bb.height <= 1.0);
    }
    assert_eq!(
        api.get_image_region_proposals(project, image)
            .await
            .unwrap(),
        proposals,
        "deterministic"
    );
    assert_error(
        api.get_image_region_proposals(project, Uuid::new_v4())
            .await,
        404,
        "NotFoundImage",
    );

    // Regions given with a new image.
    let batch = ImageFileCreateBatch {
        images: vec![ImageFileCreateEntry {
            name: Some("second.png".to_owned()),
            contents: Some(base64(&png(100, 100, 2))),
            tag_ids: Vec::new(),
            regions: vec![Region {
                tag_id: tag.id,
                left: 0.0,
                top: 0.0,
                width: 1.0,
                height: 1.0,
            }],
        }],
        tag_ids: Vec::new(),
    };
    let second = api.create_images_from_files(project, &batch).await.unwrap();
    let second = second.images[0].image.as_ref().unwrap();
    assert_eq!(second.regions.len(), 1);
    assert_eq!(second.tags[0].tag_id, tag.id);

    let iteration = api.train_project(project).await.unwrap();
    let iteration = completed(api, project, iteration.id).await;
    let performance = api
        .get_iteration_performance(project, iteration.id, None, Some(0.5))
        .await
        .unwrap();
    assert!(
        performance.average_precision.is_some(),
        "object detection has one"
    );
    let images = api
        .get_image_performances(project, iteration.id, None, None, None, None)
        .await
        .unwrap();
    let first = images.iter().find(|i| i.id == image).unwrap();
    let bb = first.predictions[0].bounding_box.as_ref().expect("a box");
    assert_eq!((bb.left, bb.top, bb.width, bb.height), (0.1, 0.2, 0.5, 0.4));
    let quick = api
        .quick_test_image(project, None, &file(png(3, 3, 3), "q.png", "image/png"))
        .await
        .unwrap();
    assert!(quick.predictions.iter().all(|p| p.bounding_box.is_some()));

    api.delete_image_regions(project, &[created.region_id])
        .await
        .unwrap();
    api.assert_no_content();
    let shown = &api
        .get_images_by_ids(project, Some(&[image]), None)
        .await
        .unwrap()[0];
    assert!(shown.regions.is_empty());
    let raw = api.last_json();
    assert_eq!(
        raw[0].get("regions").is_none(),
        s.quirks,
        "v2.0 left empty regions out"
    );
    assert_eq!(
        api.get_images_by_ids(project, Some(&[image]), Some(iteration.id))
            .await
            .unwrap()[0]
            .regions
            .len(),
        1,
        "the iteration keeps the region it was trained with"
    );
}

#[tokio::test]
async fn train_project_answers_staging_when_the_fake_stages() {
    let fake = FakeTraining::builder()
        .training_key(KEY)
        .staging_duration(Duration::from_millis(20))
        .training_duration(Duration::from_millis(20))
        .start()
        .await
        .unwrap();
    let api = Recording {
        client: fake.client().unwrap(),
        last: Mutex::new(None),
    };
    let project = fake.add_project("Staged");
    let tag = fake.add_tag(project, "t").unwrap();
    fake.add_image(project, png(8, 8, 8), &[tag.id]).unwrap();
    let iteration = api.train_project(project).await.unwrap();
    assert_eq!(iteration.status.as_deref(), Some("Staging"));
    let done = completed(&api, project, iteration.id).await;
    let took =
        done.trained_at.unwrap().to_offset_date_time() - iteration.created.to_offset_date_time();
    assert!(took >= Duration::from_millis(40), "{took}");
}

#[tokio::test]
async fn seeding_helpers_and_the_default_start() {
    let fake = FakeTraining::start(KEY).await.unwrap();
    assert!(!fake.v2_0_quirks());
    let api = fake.client().unwrap();
    let project = fake.add_project("Seeded");
    let tag = fake.add_tag(project, "t").unwrap();
    let image = fake.add_image(project, png(8, 8, 1), &[tag.id]).unwrap();
    assert_eq!(
        fake.add_image(project, png(8, 8, 1), &[]),
        Some(image),
        "a duplicate"
    );
    assert_eq!(fake.add_image(project, b"nope".to_vec(), &[]), None);
    assert_eq!(fake.add_tag(Uuid::new_v4(), "t"), None);
    assert_eq!(
        api.get_tag(project, tag.id, None)
            .await
            .unwrap()
            .image_count,
        1
    );
    assert_eq!(fake.image(project, image).unwrap().size, png(8, 8, 1).len());
    assert_eq!(fake.predictions(project), Some(Vec::new()));
    assert_eq!(fake.predictions(Uuid::new_v4()), None);
}

#[tokio::test]
async fn unknown_projects_are_404_on_every_route_shape() {
    let s = setup(false).await;
    // Nested routes, a POST without a body, and the one path without `/projects`.
    assert_error(
        s.api.get_iterations(Uuid::new_v4()).await,
        404,
        "NotFoundProject",
    );
    assert_error(
        s.api.train_project(Uuid::new_v4()).await,
        404,
        "NotFoundProject",
    );
    assert_error(
        s.api
            .get_image_region_proposals(Uuid::new_v4(), Uuid::new_v4())
            .await,
        404,
        "NotFoundProject",
    );
}
