//! The 52 operations of `v3_3::Training` send the requests the v3.3 spec describes and read its
//! answers, through a test double that records each request and answers by the endpoint's name:
//! methods, paths, query strings in the spec's parameter order, JSON, multipart and absent
//! bodies, the new shapes (`$filter`, an optional body, 207 and 202, a bare `bool`, a map, a
//! binary download, read whole or streamed), the limits checked before sending, the secret
//! import token, and the service's error body. One more test runs `v3_3::client` against a
//! socket: base path and `Training-Key`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use customvision_training::v3_3::{
    self, ArtifactStream, ClassificationType, CustomVisionError, CustomVisionErrorCode,
    ExportFlavor, ExportPlatform, ImageCreateStatus, ImageFileCreateBatch, ImageIdCreateBatch,
    ImageIdCreateEntry, ImageMetadata, ImageOrderBy, ImageRegionCreateBatch,
    ImageRegionCreateEntry, ImageTagCreateBatch, ImageTagCreateEntry, ImageUrl,
    ImageUrlCreateBatch, ImageUrlCreateEntry, IterationPatch, PredictionQueryToken, ProjectPatch,
    ProjectSettings, SuggestedTagAndRegionQueryToken, TagFilter, TagPatch, TagType, TaggingStatus,
    Training, TrainingParameters, TrainingType,
};
use declarest::http::header::{ACCEPT, CONTENT_TYPE};
use declarest::http::{HeaderMap, HeaderValue, StatusCode};
use declarest::{Api, File, Request, Response};
use serde_json::{Value, json};
use uuid::Uuid;

const PROJECT: &str = "64b822c5-8082-4b36-a426-27225f4aa18c";
const ITERATION: &str = "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758";
const TAG: &str = "b607964f-7bd6-4a3b-a869-6791fb6aab87";
const IMAGE: &str = "4d6eb844-42ee-42bc-bd6f-c32455ef07c9";
const DOMAIN: &str = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";

fn id(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap()
}

/// One request as the double saw it.
#[derive(Debug, Clone)]
struct Sent {
    /// `METHOD target`, the target as sent (path and query).
    line: String,
    /// What logs and errors may show of it.
    loggable: String,
    content_type: Option<String>,
    accept: Option<String>,
    body: Vec<u8>,
}

impl Sent {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{}: {e}", self.line))
    }
}

/// Records every request, and answers each endpoint as the service would (with `status`
/// instead of the usual success when it is set).
#[derive(Default)]
struct Double {
    sent: Mutex<Vec<Sent>>,
    status: Mutex<Option<StatusCode>>,
}

impl Double {
    fn answer_with(&self, status: StatusCode) {
        *self.status.lock().unwrap() = Some(status);
    }

    fn last(&self) -> Sent {
        self.sent
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request was sent")
    }

    fn count(&self) -> usize {
        self.sent.lock().unwrap().len()
    }
}

fn project_json() -> Value {
    json!({"id": PROJECT, "name": "Birds", "description": null,
           "settings": {"domainId": DOMAIN}, "created": "2019-08-12T19:43:25Z",
           "lastModified": "2019-08-12T19:43:25Z", "status": "Succeeded"})
}

fn iteration_json() -> Value {
    json!({"id": ITERATION, "name": "Iteration 1", "status": "Training",
           "created": "2019-08-12T19:43:25Z", "lastModified": "2019-08-12T19:43:25Z",
           "projectId": PROJECT, "trainingType": "Regular"})
}

fn image_json() -> Value {
    json!({"id": IMAGE, "created": "2019-08-12T19:43:25Z", "width": 10, "height": 10,
           "metadata": {"camera": "x100"}})
}

fn tag_json() -> Value {
    json!({"id": TAG, "name": "robin", "description": null, "type": "Regular", "imageCount": 0})
}

fn prediction_json() -> Value {
    json!({"id": IMAGE, "project": PROJECT, "iteration": ITERATION,
           "created": "2019-08-12T19:43:25Z",
           "predictions": [{"probability": 0.9, "tagId": TAG, "tagName": "robin",
                            "tagType": "Regular"}]})
}

fn export_json() -> Value {
    json!({"platform": "ONNX", "status": "Exporting", "newerVersionAvailable": false})
}

/// The body the service answers each operation with, by the endpoint's name (`None`: no body).
fn answer(name: &str) -> Option<Value> {
    let created = json!({"isBatchSuccessful": true,
                         "images": [{"sourceUrl": "u", "status": "OK", "image": image_json()}]});
    Some(match name {
        "get_domains" => json!([{"id": DOMAIN, "name": "General", "type": "Classification",
                                 "exportable": false, "enabled": true}]),
        "get_domain" => json!({"id": DOMAIN, "name": "General"}),
        "get_projects" => json!([project_json()]),
        "create_project" | "get_project" | "update_project" | "import_project" => project_json(),
        "export_project" => json!({"iterationCount": 1, "imageCount": 5, "tagCount": 2,
                                   "regionCount": 0, "estimatedImportTimeInMS": 1000,
                                   "token": "import-token"}),
        "get_images" | "get_images_by_ids" | "get_tagged_images" | "get_untagged_images" => {
            json!([image_json()])
        }
        "get_image_count"
        | "get_tagged_image_count"
        | "get_untagged_image_count"
        | "get_image_performance_count" => json!(12),
        "create_images_from_data"
        | "create_images_from_files"
        | "create_images_from_urls"
        | "create_images_from_predictions" => created,
        "get_image_region_proposals" => json!({"projectId": PROJECT, "imageId": IMAGE,
                                               "proposals": [{"confidence": 0.5}]}),
        "update_image_metadata" => json!({"isBatchSuccessful": true, "images": [
            {"imageId": IMAGE, "status": "OK", "metadata": {"camera": "x100"}}]}),
        "create_image_regions" => json!({"created": [{"imageId": IMAGE, "tagId": TAG,
            "left": 0.1, "top": 0.1, "width": 0.5, "height": 0.5}]}),
        "query_suggested_images" => json!({"token": {"session": "s", "continuation": "c"},
                                           "results": []}),
        "query_suggested_image_count" => json!({TAG: 3}),
        "create_image_tags" => json!({"created": [{"imageId": IMAGE, "tagId": TAG}]}),
        "get_iterations" => json!([iteration_json()]),
        "get_iteration" | "update_iteration" | "train_project" => iteration_json(),
        "get_exports" => json!([export_json()]),
        "export_iteration" => export_json(),
        "get_iteration_performance" => json!({"perTagPerformance": [], "precision": 0.9,
                                              "recall": 0.8}),
        "get_image_performances" => json!([{"id": IMAGE, "created": "2019-08-12T19:43:25Z"}]),
        "publish_iteration" => json!(true),
        "query_predictions" => json!({"token": {"session": "s"}, "results": []}),
        "quick_test_image" | "quick_test_image_url" => prediction_json(),
        "get_tags" => json!([tag_json()]),
        "create_tag" | "get_tag" | "update_tag" => tag_json(),
        "suggest_tags_and_regions" => json!([{"id": IMAGE, "project": PROJECT,
                                              "iteration": ITERATION,
                                              "created": "2019-08-12T19:43:25Z",
                                              "predictionUncertainty": 0.5}]),
        // The DELETEs, and the binary download (answered apart).
        _ => return None,
    })
}

const ARTIFACT: &[u8] = b"PK\x03\x04 an exported model";

impl Api for Double {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        let header = |name| {
            request
                .headers()
                .get(name)
                .map(|v: &HeaderValue| v.to_str().unwrap().to_owned())
        };
        let name = request.endpoint().name();
        self.sent.lock().unwrap().push(Sent {
            line: format!("{} {}", request.method(), request.target()),
            loggable: request.loggable_target().to_owned(),
            content_type: request
                .content_type()
                .map(|v| v.to_str().unwrap().to_owned()),
            accept: header(ACCEPT),
            body: request.body().as_bytes().to_vec(),
        });
        let override_status = self.status.lock().unwrap().take();
        if name.starts_with("get_artifact") {
            let mut headers = HeaderMap::new();
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            let status = override_status.unwrap_or(StatusCode::OK);
            return Ok(Response::new(status, headers, ARTIFACT));
        }
        match answer(name) {
            Some(body) => Ok(
                Response::json(override_status.unwrap_or(StatusCode::OK), &body)
                    .expect("the answer serializes"),
            ),
            None => Ok(Response::new(
                override_status.unwrap_or(StatusCode::NO_CONTENT),
                HeaderMap::new(),
                "",
            )),
        }
    }
}

impl Training for Double {}

fn file(name: &str) -> File {
    File::new(&b"\x89PNG"[..])
        .with_file_name(name)
        .with_content_type("image/png")
}

/// Calls every operation once with typical arguments, checks each answer, and returns what was
/// sent, in order.
async fn call_every_operation(api: &Double) -> Vec<Sent> {
    let (project, iteration, tag, image) = (id(PROJECT), id(ITERATION), id(TAG), id(IMAGE));
    let ok = |result: declarest::Result<()>| result.expect("the call succeeds");

    assert_eq!(api.get_domains().await.unwrap()[0].id, id(DOMAIN));
    assert_eq!(
        api.get_domain(id(DOMAIN)).await.unwrap().name.as_deref(),
        Some("General")
    );
    assert_eq!(api.get_projects().await.unwrap()[0].name, "Birds");
    api.create_project(
        "Birds",
        Some("Garden birds"),
        Some(id(DOMAIN)),
        Some(ClassificationType::Multilabel),
        Some(&[ExportPlatform::Onnx, ExportPlatform::Vaidk]),
    )
    .await
    .unwrap();
    api.get_project(project).await.unwrap();
    ok(api.delete_project(project).await);
    let settings = ProjectSettings {
        domain_id: id(DOMAIN),
        classification_type: None,
        target_export_platforms: vec![],
        use_negative_set: None,
        detection_parameters: None,
        image_processing_settings: None,
    };
    api.update_project(
        project,
        &ProjectPatch::new("Birds".to_owned(), None, settings),
    )
    .await
    .unwrap();
    let artifact = api.get_artifact(project, "i-1/t-2 a.png").await.unwrap();
    assert_eq!(artifact.bytes().as_ref(), ARTIFACT);
    assert_eq!(artifact.content_type(), Some("application/octet-stream"));
    let export = api.export_project(project).await.unwrap();
    assert_eq!(export.estimated_import_time_in_ms, 1000);

    let images = api
        .get_images(
            project,
            Some(iteration),
            Some(&[tag]),
            Some(TaggingStatus::Tagged),
            Some("camera eq 'x100'"),
            Some(ImageOrderBy::Oldest),
            Some(10),
            Some(20),
        )
        .await
        .unwrap();
    assert_eq!(images[0].metadata["camera"], "x100");
    let created = api
        .create_images_from_data(project, Some(&[tag]), &[file("a.png"), file("b.png")])
        .await
        .unwrap();
    assert!(!created.is_partial() && created.is_batch_successful);
    ok(api.delete_images(project, Some(&[image]), None, None).await);
    let proposals = api
        .get_image_region_proposals(project, image)
        .await
        .unwrap();
    assert_eq!(proposals.proposals.len(), 1);
    assert_eq!(
        api.get_image_count(project, None, Some(TaggingStatus::Untagged), None, None)
            .await
            .unwrap(),
        12
    );
    api.create_images_from_files(project, &ImageFileCreateBatch::default())
        .await
        .unwrap();
    api.get_images_by_ids(project, Some(&[image]), None)
        .await
        .unwrap();
    let metadata = ImageMetadata::try_from([("camera", "x100")]).unwrap();
    let updated = api
        .update_image_metadata(project, &[image], &metadata)
        .await
        .unwrap();
    assert_eq!(updated.images[0].metadata["camera"], "x100");
    let from_predictions = ImageIdCreateBatch {
        images: vec![ImageIdCreateEntry {
            id: image,
            tag_ids: vec![],
            regions: vec![],
        }],
        tag_ids: vec![tag],
        metadata: None,
    };
    api.create_images_from_predictions(project, &from_predictions)
        .await
        .unwrap();
    let regions = ImageRegionCreateBatch {
        regions: vec![ImageRegionCreateEntry {
            image_id: image,
            tag_id: tag,
            left: 0.1,
            top: 0.1,
            width: 0.5,
            height: 0.5,
        }],
    };
    let created_regions = api.create_image_regions(project, &regions).await.unwrap();
    assert_eq!(created_regions.created[0].region_id, None);
    ok(api.delete_image_regions(project, &[image]).await);
    let suggested_query = SuggestedTagAndRegionQueryToken {
        tag_ids: vec![tag],
        threshold: Some(0.5),
        ..Default::default()
    };
    let suggested = api
        .query_suggested_images(project, iteration, &suggested_query)
        .await
        .unwrap();
    assert_eq!(suggested.token.unwrap().continuation.as_deref(), Some("c"));
    let counts = api
        .query_suggested_image_count(
            project,
            iteration,
            &TagFilter {
                tag_ids: vec![tag],
                threshold: Some(0.5),
            },
        )
        .await
        .unwrap();
    assert_eq!(counts, BTreeMap::from([(TAG.to_owned(), 3)]));
    api.get_tagged_images(project, None, Some(&[tag]), None, Some(256), None)
        .await
        .unwrap();
    api.get_tagged_image_count(project, Some(iteration), Some(&[tag]))
        .await
        .unwrap();
    let tags = ImageTagCreateBatch {
        tags: vec![ImageTagCreateEntry {
            image_id: image,
            tag_id: tag,
        }],
    };
    api.create_image_tags(project, &tags).await.unwrap();
    ok(api.delete_image_tags(project, &[image], &[tag]).await);
    api.get_untagged_images(project, None, Some(ImageOrderBy::Newest), None, Some(50))
        .await
        .unwrap();
    api.get_untagged_image_count(project, None).await.unwrap();
    let from_urls = ImageUrlCreateBatch {
        images: vec![ImageUrlCreateEntry {
            url: "https://example.invalid/robin.jpg".to_owned(),
            tag_ids: vec![],
            regions: vec![],
        }],
        tag_ids: vec![],
        metadata: Some(metadata.clone()),
    };
    let from_urls = api
        .create_images_from_urls(project, &from_urls)
        .await
        .unwrap();
    assert_eq!(from_urls.images[0].status, ImageCreateStatus::Ok);

    assert_eq!(api.get_iterations(project).await.unwrap().len(), 1);
    api.get_iteration(project, iteration).await.unwrap();
    ok(api.delete_iteration(project, iteration).await);
    let renamed = api
        .update_iteration(
            project,
            iteration,
            &IterationPatch::new("Best Iteration".to_owned()),
        )
        .await
        .unwrap();
    assert_eq!(renamed.training_type, Some(TrainingType::Regular));
    api.get_exports(project, iteration).await.unwrap();
    api.export_iteration(
        project,
        iteration,
        ExportPlatform::Onnx,
        Some(ExportFlavor::Onnx12),
    )
    .await
    .unwrap();
    api.get_iteration_performance(project, iteration, Some(0.5), None)
        .await
        .unwrap();
    api.get_image_performances(project, iteration, None, None, None, None)
        .await
        .unwrap();
    api.get_image_performance_count(project, iteration, None)
        .await
        .unwrap();
    assert!(
        api.publish_iteration(
            project,
            iteration,
            "birds-v1",
            "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/p",
            Some(true),
        )
        .await
        .unwrap()
    );
    ok(api.unpublish_iteration(project, iteration).await);

    ok(api.delete_prediction(project, &[image]).await);
    api.query_predictions(project, &PredictionQueryToken::default())
        .await
        .unwrap();
    let quick = api
        .quick_test_image(project, None, Some(false), &file("c.png"))
        .await
        .unwrap();
    assert_eq!(quick.predictions[0].tag_type, Some(TagType::Regular));
    api.quick_test_image_url(
        project,
        &ImageUrl {
            url: "https://example.invalid/c.jpg".to_owned(),
        },
        Some(iteration),
        None,
    )
    .await
    .unwrap();

    api.get_tags(project, None).await.unwrap();
    api.create_tag(project, "robin", None, Some(TagType::Negative))
        .await
        .unwrap();
    api.get_tag(project, tag, Some(iteration)).await.unwrap();
    ok(api.delete_tag(project, tag).await);
    api.update_tag(
        project,
        tag,
        &TagPatch::new("robin".to_owned(), None, TagType::Regular),
    )
    .await
    .unwrap();
    let suggestions = api
        .suggest_tags_and_regions(project, iteration, &[image])
        .await
        .unwrap();
    assert_eq!(suggestions[0].prediction_uncertainty, 0.5);

    api.train_project(project, None, None, None, None, None)
        .await
        .unwrap();
    api.train_project(
        project,
        Some(TrainingType::Advanced),
        Some(2),
        Some(true),
        Some("me@example.invalid"),
        Some(&TrainingParameters {
            selected_tags: vec![tag],
        }),
    )
    .await
    .unwrap();
    api.import_project("import-token", Some("Birds copy"))
        .await
        .unwrap();

    api.sent.lock().unwrap().clone()
}

#[tokio::test]
async fn every_operation_sends_what_the_spec_describes() {
    let api = Double::default();
    let sent = call_every_operation(&api).await;
    let lines: Vec<&str> = sent.iter().map(|s| s.line.as_str()).collect();
    let p = format!("/projects/{PROJECT}");
    let expected = [
        "GET /domains".to_owned(),
        format!("GET /domains/{DOMAIN}"),
        "GET /projects".to_owned(),
        format!(
            "POST /projects?name=Birds&description=Garden%20birds&domainId={DOMAIN}\
             &classificationType=Multilabel&targetExportPlatforms=ONNX,VAIDK"
        ),
        format!("GET {p}"),
        format!("DELETE {p}"),
        format!("PATCH {p}"),
        format!("GET {p}/artifacts?path=i-1%2Ft-2%20a.png"),
        format!("GET {p}/export"),
        format!(
            "GET {p}/images?iterationId={ITERATION}&tagIds={TAG}&taggingStatus=Tagged\
             &$filter=camera%20eq%20%27x100%27&orderBy=Oldest&take=10&skip=20"
        ),
        format!("POST {p}/images?tagIds={TAG}"),
        format!("DELETE {p}/images?imageIds={IMAGE}"),
        format!("POST {p}/images/{IMAGE}/regionproposals"),
        format!("GET {p}/images/count?taggingStatus=Untagged"),
        format!("POST {p}/images/files"),
        format!("GET {p}/images/id?imageIds={IMAGE}"),
        format!("POST {p}/images/metadata?imageIds={IMAGE}"),
        format!("POST {p}/images/predictions"),
        format!("POST {p}/images/regions"),
        format!("DELETE {p}/images/regions?regionIds={IMAGE}"),
        format!("POST {p}/images/suggested?iterationId={ITERATION}"),
        format!("POST {p}/images/suggested/count?iterationId={ITERATION}"),
        format!("GET {p}/images/tagged?tagIds={TAG}&take=256"),
        format!("GET {p}/images/tagged/count?iterationId={ITERATION}&tagIds={TAG}"),
        format!("POST {p}/images/tags"),
        format!("DELETE {p}/images/tags?imageIds={IMAGE}&tagIds={TAG}"),
        format!("GET {p}/images/untagged?orderBy=Newest&skip=50"),
        format!("GET {p}/images/untagged/count"),
        format!("POST {p}/images/urls"),
        format!("GET {p}/iterations"),
        format!("GET {p}/iterations/{ITERATION}"),
        format!("DELETE {p}/iterations/{ITERATION}"),
        format!("PATCH {p}/iterations/{ITERATION}"),
        format!("GET {p}/iterations/{ITERATION}/export"),
        format!("POST {p}/iterations/{ITERATION}/export?platform=ONNX&flavor=ONNX12"),
        format!("GET {p}/iterations/{ITERATION}/performance?threshold=0.5"),
        format!("GET {p}/iterations/{ITERATION}/performance/images"),
        format!("GET {p}/iterations/{ITERATION}/performance/images/count"),
        format!(
            "POST {p}/iterations/{ITERATION}/publish?publishName=birds-v1\
             &predictionId=%2Fsubscriptions%2Fs%2FresourceGroups%2Fg%2Fproviders\
             %2FMicrosoft.CognitiveServices%2Faccounts%2Fp&overwrite=true"
        ),
        format!("DELETE {p}/iterations/{ITERATION}/publish"),
        format!("DELETE {p}/predictions?ids={IMAGE}"),
        format!("POST {p}/predictions/query"),
        format!("POST {p}/quicktest/image?store=false"),
        format!("POST {p}/quicktest/url?iterationId={ITERATION}"),
        format!("GET {p}/tags"),
        format!("POST {p}/tags?name=robin&type=Negative"),
        format!("GET {p}/tags/{TAG}?iterationId={ITERATION}"),
        format!("DELETE {p}/tags/{TAG}"),
        format!("PATCH {p}/tags/{TAG}"),
        format!("POST {p}/tagsandregions/suggestions?iterationId={ITERATION}&imageIds={IMAGE}"),
        format!("POST {p}/train"),
        format!(
            "POST {p}/train?trainingType=Advanced&reservedBudgetInHours=2&forceTrain=true\
             &notificationEmailAddress=me%40example.invalid"
        ),
        "POST /projects/import?token=import-token&name=Birds%20copy".to_owned(),
    ];
    assert_eq!(lines, expected);
    assert_eq!(sent.len(), 53, "52 operations, TrainProject twice");
}

#[tokio::test]
async fn bodies_are_json_multipart_or_absent_as_each_operation_declares() {
    let api = Double::default();
    let sent = call_every_operation(&api).await;
    let find = |line_start: &str| {
        sent.iter()
            .find(|s| s.line.starts_with(line_start))
            .unwrap_or_else(|| panic!("{line_start} was sent"))
    };
    let p = format!("/projects/{PROJECT}");
    const JSON: &str = "application/json; charset=utf-8";

    let update_project = find(&format!("PATCH {p}"));
    assert_eq!(update_project.content_type.as_deref(), Some(JSON));
    assert_eq!(
        update_project.json(),
        json!({"name": "Birds", "description": null, "settings": {"domainId": DOMAIN}})
    );
    assert_eq!(
        find(&format!("PATCH {p}/iterations/")).json(),
        json!({"name": "Best Iteration"})
    );
    assert_eq!(
        find(&format!("PATCH {p}/tags/")).json(),
        json!({"name": "robin", "description": null, "type": "Regular"})
    );
    assert_eq!(
        find(&format!("POST {p}/images/metadata")).json(),
        json!({"camera": "x100"})
    );
    assert_eq!(
        find(&format!("POST {p}/images/urls")).json(),
        json!({"images": [{"url": "https://example.invalid/robin.jpg"}],
               "metadata": {"camera": "x100"}})
    );
    assert_eq!(
        find(&format!("POST {p}/images/suggested?")).json(),
        json!({"tagIds": [TAG], "threshold": 0.5})
    );
    assert_eq!(
        find(&format!("POST {p}/images/suggested/count")).json(),
        json!({"tagIds": [TAG], "threshold": 0.5})
    );
    assert_eq!(
        find(&format!("POST {p}/predictions/query")).json(),
        json!({})
    );

    // TrainProject's body is optional: absent (no Content-Type either), or JSON.
    let bare = find(&format!("POST {p}/train"));
    assert!(bare.line.ends_with("/train"));
    assert!(
        bare.body.is_empty() && bare.content_type.is_none(),
        "{bare:?}"
    );
    let with_parameters = find(&format!("POST {p}/train?"));
    assert_eq!(with_parameters.content_type.as_deref(), Some(JSON));
    assert_eq!(with_parameters.json(), json!({"selectedTags": [TAG]}));

    // The uploads are multipart, one `imageData` part per file.
    for upload in [
        find(&format!("POST {p}/images?")),
        find(&format!("POST {p}/quicktest/image")),
    ] {
        let content_type = upload.content_type.as_deref().unwrap_or_default();
        assert!(
            content_type.starts_with("multipart/form-data; boundary="),
            "{content_type}"
        );
        let body = String::from_utf8_lossy(&upload.body);
        assert!(body.contains(r#"name="imageData""#), "{body}");
    }
    let two_files = String::from_utf8_lossy(&find(&format!("POST {p}/images?")).body)
        .matches(r#"name="imageData""#)
        .count();
    assert_eq!(two_files, 2);

    // GETs, DELETEs and the POSTs whose parameters are all in the query send no body.
    for s in &sent {
        let bodiless = s.line.starts_with("GET ")
            || s.line.starts_with("DELETE ")
            || s.line.contains("/publish?")
            || s.line.contains("/regionproposals")
            || s.line.contains("/tagsandregions/")
            || s.line.contains("/export?")
            || s.line.starts_with("POST /projects?")
            || s.line.contains("/tags?name=")
            || s.line.contains("/projects/import?");
        if bodiless {
            assert!(s.body.is_empty() && s.content_type.is_none(), "{s:?}");
        }
    }

    // The download asks for bytes; the JSON operations leave `Accept` to the client, which asks
    // for JSON.
    let artifact = find(&format!("GET {p}/artifacts"));
    assert_eq!(
        artifact.accept.as_deref(),
        Some("application/octet-stream, */*;q=0.9")
    );
    assert_eq!(find(&format!("GET {p}/export")).accept, None);
}

#[tokio::test]
async fn partial_success_is_told_apart_from_success() {
    let api = Double::default();
    let (project, image) = (id(PROJECT), id(IMAGE));
    let batch = ImageUrlCreateBatch::default();

    let created = api.create_images_from_urls(project, &batch).await.unwrap();
    assert_eq!(created.status(), StatusCode::OK);
    assert!(!created.is_partial());

    api.answer_with(StatusCode::MULTI_STATUS);
    let partial = api.create_images_from_urls(project, &batch).await.unwrap();
    assert!(partial.is_partial());
    assert_eq!(partial.into_inner().images.len(), 1);

    let metadata = ImageMetadata::try_from([("camera", "x100")]).unwrap();
    api.answer_with(StatusCode::MULTI_STATUS);
    let updated = api
        .update_image_metadata(project, &[image], &metadata)
        .await
        .unwrap();
    assert!(updated.is_partial());
    api.answer_with(StatusCode::MULTI_STATUS);
    let regions = api
        .create_image_regions(project, &ImageRegionCreateBatch::default())
        .await
        .unwrap();
    assert!(regions.is_partial());
    api.answer_with(StatusCode::MULTI_STATUS);
    let files = api
        .create_images_from_files(project, &ImageFileCreateBatch::default())
        .await
        .unwrap();
    assert!(files.is_partial());

    // DeleteImages: 202 (deleting in the background) is a success like 204.
    api.answer_with(StatusCode::ACCEPTED);
    api.delete_images(project, None, Some(true), Some(true))
        .await
        .unwrap();
    assert_eq!(
        api.last().line,
        format!("DELETE /projects/{PROJECT}/images?allImages=true&allIterations=true")
    );
}

#[tokio::test]
async fn the_artifact_streams_as_it_arrives() {
    let api = Double::default();
    let mut stream = api
        .get_artifact_stream(id(PROJECT), "exports/model.zip")
        .await
        .unwrap();
    let mut read = Vec::new();
    while let Some(chunk) = stream.chunk().await.unwrap() {
        read.extend_from_slice(&chunk);
    }
    assert_eq!(read, ARTIFACT);
    let sent = api.last();
    assert_eq!(
        sent.line,
        format!("GET /projects/{PROJECT}/artifacts?path=exports%2Fmodel.zip")
    );
    assert_eq!(
        sent.accept.as_deref(),
        Some("application/octet-stream, */*;q=0.9")
    );
    // A separate trait: the 52 operations of `Training` stay the spec's.
    assert!(
        v3_3::endpoints()
            .iter()
            .all(|e| e.name() != "get_artifact_stream")
    );
}

#[tokio::test]
async fn limits_are_checked_before_anything_is_sent() {
    let api = Double::default();
    let (project, iteration) = (id(PROJECT), id(ITERATION));
    let ids = |count: usize| vec![id(IMAGE); count];
    let refused = |result: declarest::Error, needle: &str| {
        let message = result.to_string();
        assert!(message.contains(needle), "{message}");
    };

    refused(
        api.delete_images(project, Some(&ids(257)), None, None)
            .await
            .unwrap_err(),
        "`imageIds` has 257 items, over its limit of 256 by 1",
    );
    refused(
        api.get_images(project, None, Some(&ids(21)), None, None, None, None, None)
            .await
            .unwrap_err(),
        "`tagIds` has 21 items, over its limit of 20 by 1",
    );
    refused(
        api.get_untagged_images(project, None, None, Some(257), None)
            .await
            .unwrap_err(),
        "`take` is 257, over its limit of 256 by 1",
    );
    refused(
        api.suggest_tags_and_regions(project, iteration, &ids(65))
            .await
            .unwrap_err(),
        "over its limit of 64 by 1",
    );
    let mut metadata = ImageMetadata::new();
    for n in 0..51 {
        metadata.insert(format!("key{n}"), "v").unwrap();
    }
    refused(
        api.update_image_metadata(project, &ids(1), &metadata)
            .await
            .unwrap_err(),
        "`metadata` has 51 items, over its limit of 50 by 1",
    );
    refused(
        api.update_image_metadata(project, &ids(257), &ImageMetadata::new())
            .await
            .unwrap_err(),
        "over its limit of 256 by 1",
    );
    let files: Vec<File> = (0..65).map(|n| file(&format!("{n}.png"))).collect();
    refused(
        api.create_images_from_data(project, None, &files)
            .await
            .unwrap_err(),
        "`imageData` has 65 items, over its limit of 64 by 1",
    );
    let batch = ImageUrlCreateBatch {
        metadata: Some(metadata),
        ..Default::default()
    };
    refused(
        api.create_images_from_urls(project, &batch)
            .await
            .unwrap_err(),
        "`metadata` has 51 items, over its limit of 50 by 1",
    );
    let too_many_tags = PredictionQueryToken {
        tags: vec![
            customvision_training::v3_3::PredictionQueryTag {
                id: id(TAG),
                min_threshold: 0.0,
                max_threshold: 1.0,
            };
            3
        ],
        ..Default::default()
    };
    refused(
        api.query_predictions(project, &too_many_tags)
            .await
            .unwrap_err(),
        "`tags` has 3 items, over its limit of 2 by 1",
    );
    assert_eq!(api.count(), 0, "nothing was sent");
}

#[tokio::test]
async fn the_import_token_never_shows_in_what_may_be_logged() {
    let api = Double::default();
    api.import_project("secret-import-token", None)
        .await
        .unwrap();
    let sent = api.last();
    assert!(
        sent.line.contains("token=secret-import-token"),
        "it is sent"
    );
    assert!(!sent.loggable.contains("secret-import-token"), "{sent:?}");

    api.answer_with(StatusCode::BAD_REQUEST);
    let error = api
        .import_project("secret-import-token", None)
        .await
        .unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("secret-import-token"), "{shown}");
}

#[tokio::test]
async fn the_service_error_body_is_read_from_a_failed_call() {
    /// Answers every request with the error the spec declares.
    struct Failing;

    impl Api for Failing {
        async fn send(&self, _request: Request) -> declarest::Result<Response> {
            Ok(Response::json(
                StatusCode::BAD_REQUEST,
                &json!({"code": "BadRequestIterationIsPublished",
                        "message": "The iteration is published."}),
            )
            .unwrap())
        }
    }

    impl Training for Failing {}

    let error = Failing
        .delete_iteration(id(PROJECT), id(ITERATION))
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(StatusCode::BAD_REQUEST));
    assert_eq!(
        CustomVisionError::from_error(&error),
        Some(CustomVisionError {
            code: CustomVisionErrorCode::BadRequestIterationIsPublished,
            message: "The iteration is published.".to_owned(),
        })
    );

    // An error without that body has no service error to read.
    let api = Double::default();
    api.answer_with(StatusCode::INTERNAL_SERVER_ERROR);
    let error = api.delete_tag(id(PROJECT), id(TAG)).await.unwrap_err();
    assert_eq!(CustomVisionError::from_error(&error), None);
}

mod over_a_socket {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    /// Accepts one connection, keeps its request head, and answers `[]`.
    async fn serve_once(listener: TcpListener) -> String {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut head = Vec::new();
        let mut buffer = [0; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let read = socket.read(&mut buffer).await.unwrap();
            assert!(read > 0, "the request head ends");
            head.extend_from_slice(&buffer[..read]);
        }
        socket
            .write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\
                  Connection: close\r\n\r\n[]",
            )
            .await
            .unwrap();
        String::from_utf8(head).unwrap()
    }

    #[tokio::test]
    async fn the_client_sends_the_key_under_the_v3_3_base_path() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let endpoint = format!("http://{}/", listener.local_addr().unwrap());
        let server = tokio::spawn(serve_once(listener));
        let client = v3_3::client(&endpoint, "the-training-key").unwrap();
        let projects = client.get_projects().await.unwrap();
        assert!(projects.is_empty());
        let head = server.await.unwrap();
        let head_lower = head.to_ascii_lowercase();
        assert!(
            head.starts_with("GET /customvision/v3.3/training/projects HTTP/1.1\r\n"),
            "{head}"
        );
        assert!(
            head_lower.contains("\r\ntraining-key: the-training-key\r\n"),
            "{head}"
        );
    }
}
