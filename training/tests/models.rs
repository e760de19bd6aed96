//! The 38 models of the Training API v2.0 read what the real service sends, which deviates
//! from its spec: camelCase and PascalCase keys, timestamps with 0 to 7 fractional digits with or without `Z`,
//! omitted optional fields, `null` or omitted arrays, unknown fields, numbers like
//! `2.16482044E-06`, enum values in any casing or not in the spec. Request models send exactly
//! the keys the spec names. The read-only markers match the spec, model by model.
//!
//! The fixtures are written for this project, shaped like the spec's examples.

use customvision_training::{
    BoundingBox, DateTime, Domain, DomainType, Export, ExportFlavor, ExportPlatform, ExportStatus,
    Image, ImageCreateResult, ImageCreateStatus, ImageCreateSummary, ImageFileCreateBatch,
    ImageFileCreateEntry, ImageIdCreateBatch, ImageIdCreateEntry, ImageOrderBy, ImagePerformance,
    ImagePrediction, ImageRegion, ImageRegionCreateBatch, ImageRegionCreateEntry,
    ImageRegionCreateResult, ImageRegionCreateSummary, ImageRegionProposal, ImageTag,
    ImageTagCreateBatch, ImageTagCreateEntry, ImageTagCreateSummary, ImageUrl, ImageUrlCreateBatch,
    ImageUrlCreateEntry, Iteration, IterationPerformance, Prediction, PredictionOrderBy,
    PredictionQueryResult, PredictionQueryTag, PredictionQueryToken, Project, ProjectPatch,
    ProjectSettings, Region, RegionProposal, StoredImagePrediction, Tag, TagPatch, TagPerformance,
};
use declarest::{Model, Patch};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use uuid::Uuid;

const PROJECT: &str = "0d3a6f1e-58b2-4c71-9e0a-2b6c4d8f1a37";
const ITERATION: &str = "7f2e9c41-1a6b-4d3e-8b50-c9d1e2f3a4b5";
const DOMAIN: &str = "3c9b2a18-6d4e-4f70-a1b2-c3d4e5f60718";
const TAG_A: &str = "a1b2c3d4-e5f6-4718-9a0b-1c2d3e4f5a6b";
const TAG_B: &str = "b2c3d4e5-f6a7-4829-8b1c-2d3e4f5a6b7c";
const IMAGE_A: &str = "c3d4e5f6-a7b8-493a-9c2d-3e4f5a6b7c8d";
const IMAGE_B: &str = "d4e5f6a7-b8c9-4a4b-8d3e-4f5a6b7c8d9e";
const REGION: &str = "e5f6a7b8-c9d0-4b5c-9e4f-5a6b7c8d9e0f";
const PREDICTION: &str = "f6a7b8c9-d0e1-4c6d-8f5a-6b7c8d9e0f1a";

fn id(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap()
}

fn at(text: &str) -> DateTime {
    DateTime::parse(text).unwrap()
}

/// Reads a fixture from its JSON text, so number spellings like `2.16482044E-06` are parsed as
/// the service writes them.
fn read<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// The keys of a JSON object, sorted.
fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

/// Serializes a request model, checks it is exactly `expected`, and reads it back unchanged.
fn sends_exactly<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    model: &T,
    expected: Value,
) {
    let sent = serde_json::to_value(model).unwrap();
    assert_eq!(sent, expected);
    let back: T = serde_json::from_value(sent).unwrap();
    assert_eq!(&back, model);
}

// ---------------------------------------------------------------------------------------------
// Domains

#[test]
fn domain_with_every_field_in_camel_case() {
    let domain: Domain = read(&format!(
        r#"{{"id": "{DOMAIN}", "name": "General (compact)", "type": "ObjectDetection",
            "exportable": true, "enabled": true, "exportableFormats": ["ONNX"]}}"#
    ));
    assert_eq!(domain.id, id(DOMAIN));
    assert_eq!(domain.name.as_deref(), Some("General (compact)"));
    assert_eq!(domain.r#type, Some(DomainType::ObjectDetection));
    assert!(domain.exportable && domain.enabled);
}

#[test]
fn domain_as_v2_sends_it_without_type_or_enabled_and_in_pascal_case() {
    let listing: Vec<Domain> = read(&format!(
        r#"[{{"id": "{DOMAIN}", "name": "Food", "exportable": false}},
            {{"Id": "{DOMAIN}", "Name": "Retail", "Type": "classification", "Exportable": true,
              "Enabled": true}}]"#
    ));
    let (food, retail) = (&listing[0], &listing[1]);
    assert_eq!(food.name.as_deref(), Some("Food"));
    assert_eq!(food.r#type, None);
    assert!(!food.exportable && !food.enabled);
    assert_eq!(retail.id, id(DOMAIN));
    assert_eq!(retail.name.as_deref(), Some("Retail"));
    assert_eq!(retail.r#type, Some(DomainType::Classification));
    assert!(retail.exportable && retail.enabled);
}

// ---------------------------------------------------------------------------------------------
// Projects

#[test]
fn project_in_camel_case_with_unknown_settings() {
    let project: Project = read(&format!(
        r#"{{"id": "{PROJECT}", "name": "Birds", "description": "Garden birds",
            "settings": {{"domainId": "{DOMAIN}", "useNegativeSet": true,
                          "classificationType": "Multilabel", "detectionParameters": null}},
            "created": "2018-04-25T20:54:49.53", "lastModified": "2018-04-25T20:54:57.1985274Z",
            "thumbnailUri": null, "drModeEnabled": false}}"#
    ));
    assert_eq!(project.id, id(PROJECT));
    assert_eq!(project.name.as_deref(), Some("Birds"));
    assert_eq!(project.description.as_deref(), Some("Garden birds"));
    assert_eq!(
        project.settings,
        Some(ProjectSettings {
            domain_id: id(DOMAIN)
        })
    );
    assert_eq!(project.created, at("2018-04-25T20:54:49.530Z"));
    assert_eq!(project.last_modified, at("2018-04-25T20:54:57.1985274"));
    assert_eq!(project.thumbnail_uri, None);
}

#[test]
fn projects_listing_in_pascal_case() {
    // As a v2.0 project listing answered: PascalCase, an undocumented CurrentIterationId, an
    // empty description, no thumbnail at all.
    let projects: Vec<Project> = read(&format!(
        r#"[{{"Id": "{PROJECT}", "Name": "Birds", "Description": "",
             "Settings": {{"DomainId": "{DOMAIN}", "UseNegativeSet": false}},
             "CurrentIterationId": "{ITERATION}",
             "Created": "2017-12-18T05:43:18.08Z", "LastModified": "2017-12-18T05:43:18"}}]"#
    ));
    assert_eq!(projects.len(), 1);
    let project = &projects[0];
    assert_eq!(project.id, id(PROJECT));
    assert_eq!(project.name.as_deref(), Some("Birds"));
    assert_eq!(project.description.as_deref(), Some(""));
    assert_eq!(
        project.settings.as_ref().map(|s| s.domain_id),
        Some(id(DOMAIN))
    );
    assert_eq!(project.created, at("2017-12-18T05:43:18.08"));
    assert_eq!(project.last_modified.to_string(), "2017-12-18T05:43:18Z");
    assert_eq!(project.thumbnail_uri, None);
}

#[test]
fn project_settings_alone_and_a_project_without_settings() {
    let settings: ProjectSettings = read(&format!(r#"{{"domainId": "{DOMAIN}"}}"#));
    assert_eq!(settings.domain_id, id(DOMAIN));
    sends_exactly(&settings, json!({"domainId": DOMAIN}));

    let project: Project = read(&format!(
        r#"{{"id": "{PROJECT}", "created": "2018-01-01T00:00:00",
            "lastModified": "2018-01-02T00:00:00.1", "thumbnailUri": "https://example.invalid/t"}}"#
    ));
    assert_eq!(
        (project.name, project.description, project.settings),
        (None, None, None)
    );
    assert_eq!(
        project.thumbnail_uri.as_deref(),
        Some("https://example.invalid/t")
    );
}

// ---------------------------------------------------------------------------------------------
// Iterations

#[test]
fn iteration_from_train_project_in_pascal_case() {
    let iteration: Iteration = read(&format!(
        r#"{{"Id": "{ITERATION}", "Name": "Iteration 4", "IsDefault": false, "Status": "Staging",
            "Created": "2018-04-25T20:54:49.5", "LastModified": "2018-04-25T20:54:57.19",
            "ProjectId": "{PROJECT}", "Exportable": false, "DomainId": "{DOMAIN}",
            "ClassificationType": "Multiclass"}}"#
    ));
    assert_eq!(iteration.id, id(ITERATION));
    assert_eq!(iteration.name.as_deref(), Some("Iteration 4"));
    assert!(!iteration.is_default && !iteration.exportable);
    assert_eq!(iteration.status.as_deref(), Some("Staging"));
    assert_eq!(iteration.created, at("2018-04-25T20:54:49.5Z"));
    assert_eq!(iteration.trained_at, None);
    assert_eq!(iteration.project_id, id(PROJECT));
    assert_eq!(iteration.domain_id, Some(id(DOMAIN)));
}

#[test]
fn iteration_in_camel_case_as_documented() {
    let iteration: Iteration = serde_json::from_value(json!({
        "id": "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758",
        "name": "Iteration 2",
        "isDefault": true,
        "status": "Completed",
        "created": "2017-12-18T22:40:36.9066667Z",
        "lastModified": "2017-12-19T15:53:07.8782881Z",
        "trainedAt": "2017-12-19T15:47:02.9511889Z",
        "projectId": "64b822c5-8082-4b36-a426-27225f4aa18c",
        "exportable": true,
        "domainId": "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31"
    }))
    .unwrap();
    assert_eq!(
        iteration.id,
        Uuid::parse_str("e31a14ab-5d78-4f7b-a267-3a1e4fd8a758").unwrap()
    );
    assert!(iteration.is_default && iteration.exportable);
    assert_eq!(
        iteration.trained_at,
        Some(DateTime::parse("2017-12-19T15:47:02.9511889Z").unwrap())
    );
    assert_eq!(
        iteration.domain_id,
        Some(Uuid::parse_str("ee85a74c-405e-4adc-bb47-ffa8ca0c9f31").unwrap())
    );
}

#[test]
fn an_iteration_round_trips_through_its_own_json() {
    let iteration: Iteration = serde_json::from_value(json!({
        "id": "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758", "name": null, "isDefault": false,
        "created": "2018-04-25T20:54:49.5", "lastModified": "2018-04-25T20:54:57.1985274",
        "projectId": "64b822c5-8082-4b36-a426-27225f4aa18c"
    }))
    .unwrap();
    let back: Iteration =
        serde_json::from_value(serde_json::to_value(&iteration).unwrap()).unwrap();
    assert_eq!(back, iteration);
}

#[test]
fn a_bad_timestamp_fails_with_the_value() {
    let error = serde_json::from_value::<Iteration>(json!({
        "id": "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758", "isDefault": false,
        "created": "yesterday", "lastModified": "2018-04-25T20:54:57",
        "projectId": "64b822c5-8082-4b36-a426-27225f4aa18c"
    }))
    .unwrap_err();
    assert!(error.to_string().contains("`yesterday`"), "{error}");
}

#[test]
fn request_models_leave_unset_lists_out_of_the_json() {
    // Unset means absent on the wire, as the SDKs of v2.0's time sent it: an empty list is
    // never sent as `[]`.
    let json = |value: &dyn erased::Json| value.to_json();
    assert_eq!(
        json(&ImageFileCreateBatch {
            images: vec![],
            tag_ids: vec![]
        }),
        serde_json::json!({})
    );
    assert_eq!(
        json(&ImageFileCreateEntry {
            name: None,
            contents: None,
            tag_ids: vec![],
            regions: vec![]
        }),
        serde_json::json!({})
    );
    assert_eq!(
        json(&ImageUrlCreateBatch {
            images: vec![],
            tag_ids: vec![]
        }),
        serde_json::json!({})
    );
    assert_eq!(
        json(&ImageUrlCreateEntry {
            url: Some("u".into()),
            tag_ids: vec![],
            regions: vec![]
        }),
        serde_json::json!({"url": "u"})
    );
    assert_eq!(
        json(&ImageIdCreateBatch {
            images: vec![],
            tag_ids: vec![]
        }),
        serde_json::json!({})
    );
    assert_eq!(
        json(&ImageIdCreateEntry {
            id: id(IMAGE_A),
            tag_ids: vec![],
            regions: vec![]
        }),
        serde_json::json!({"id": IMAGE_A})
    );
    assert_eq!(
        json(&ImageTagCreateBatch { tags: vec![] }),
        serde_json::json!({})
    );
    assert_eq!(
        json(&ImageRegionCreateBatch { regions: vec![] }),
        serde_json::json!({})
    );
    let token = PredictionQueryToken {
        session: None,
        continuation: None,
        max_count: 0,
        order_by: PredictionOrderBy::Newest,
        tags: vec![],
        iteration_id: None,
        start_time: None,
        end_time: None,
        application: None,
    };
    assert_eq!(
        json(&token),
        serde_json::json!({"maxCount": 0, "orderBy": "Newest"})
    );
}

mod erased {
    pub trait Json {
        fn to_json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("a model serializes")
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tags

#[test]
fn tag_in_camel_case() {
    let tag: Tag = read(&format!(
        r#"{{"id": "{TAG_A}", "name": "Hemlock", "description": "Conifer", "imageCount": 17,
            "type": "Regular"}}"#
    ));
    assert_eq!(tag.id, id(TAG_A));
    assert_eq!(tag.name.as_deref(), Some("Hemlock"));
    assert_eq!(tag.description.as_deref(), Some("Conifer"));
    assert_eq!(tag.image_count, 17);
}

#[test]
fn tag_from_update_tag_in_pascal_case_and_with_omitted_fields() {
    let tag: Tag = read(&format!(
        r#"{{"Id": "{TAG_B}", "Name": "Cherry", "Description": null, "ImageCount": 3}}"#
    ));
    assert_eq!(tag.id, id(TAG_B));
    assert_eq!(tag.name.as_deref(), Some("Cherry"));
    assert_eq!(tag.description, None);
    assert_eq!(tag.image_count, 3);

    let bare: Tag = read(&format!(r#"{{"id": "{TAG_B}"}}"#));
    assert_eq!(
        (bare.name, bare.description, bare.image_count),
        (None, None, 0)
    );
}

// ---------------------------------------------------------------------------------------------
// Images

#[test]
fn image_with_tags_and_regions_in_camel_case() {
    let image: Image = read(&format!(
        r#"{{"id": "{IMAGE_A}", "created": "2018-04-25T20:54:57.1985274", "width": 1095,
            "height": 900, "imageUri": "https://example.invalid/i", "thumbnailUri": "https://example.invalid/t",
            "tags": [{{"tagId": "{TAG_A}", "tagName": "Hemlock", "created": "2018-04-25T20:54:49.53Z"}}],
            "regions": [{{"regionId": "{REGION}", "tagName": "Hemlock", "created": "2018-04-25T20:54:50",
                          "tagId": "{TAG_A}", "left": 0.25, "top": 1.0, "width": 2.16482044E-06,
                          "height": 0}}],
            "metadata": {{"camera": "x"}}}}"#
    ));
    assert_eq!(image.id, id(IMAGE_A));
    assert_eq!(image.created, at("2018-04-25T20:54:57.1985274Z"));
    assert_eq!((image.width, image.height), (1095, 900));
    assert_eq!(
        image.image_uri.as_deref(),
        Some("https://example.invalid/i")
    );
    assert_eq!(
        image.thumbnail_uri.as_deref(),
        Some("https://example.invalid/t")
    );
    assert_eq!(
        image.tags,
        vec![ImageTag {
            tag_id: id(TAG_A),
            tag_name: Some("Hemlock".to_owned()),
            created: at("2018-04-25T20:54:49.53"),
        }]
    );
    assert_eq!(
        image.regions,
        vec![ImageRegion {
            region_id: id(REGION),
            tag_name: Some("Hemlock".to_owned()),
            created: at("2018-04-25T20:54:50Z"),
            tag_id: id(TAG_A),
            left: 0.25,
            top: 1.0,
            width: 2.16482044e-6,
            height: 0.0,
        }]
    );
}

#[test]
fn a_fresh_image_omits_or_nulls_its_tags_and_regions() {
    let omitted: Image = read(&format!(
        r#"{{"id": "{IMAGE_A}", "created": "2017-12-19T15:56:10.65Z", "width": 900, "height": 1531}}"#
    ));
    assert!(omitted.tags.is_empty() && omitted.regions.is_empty());
    assert_eq!((omitted.image_uri, omitted.thumbnail_uri), (None, None));

    let nulls: Image = read(&format!(
        r#"{{"id": "{IMAGE_A}", "created": "2017-12-19T15:56:10.65Z", "tags": null, "regions": null,
            "imageUri": null}}"#
    ));
    assert!(nulls.tags.is_empty() && nulls.regions.is_empty());
    assert_eq!((nulls.width, nulls.height), (0, 0));

    // An image tag without its (nullable) name, as the create operations answer.
    let tag: ImageTag = read(&format!(
        r#"{{"tagId": "{TAG_B}", "created": "2017-12-19T15:56:09.6105895Z"}}"#
    ));
    assert_eq!(tag.tag_id, id(TAG_B));
    assert_eq!(tag.tag_name, None);
    assert_eq!(tag.created, at("2017-12-19T15:56:09.6105895"));
}

#[test]
fn image_and_its_tags_and_regions_in_pascal_case() {
    let image: Image = read(&format!(
        r#"{{"Id": "{IMAGE_B}", "Created": "2018-02-01T10:00:00.1", "Width": 640, "Height": 480,
            "ImageUri": "https://example.invalid/i", "ThumbnailUri": null,
            "Tags": [{{"TagId": "{TAG_A}", "TagName": "Hemlock", "Created": "2018-02-01T10:00:01"}}],
            "Regions": [{{"RegionId": "{REGION}", "TagName": null, "Created": "2018-02-01T10:00:02",
                          "TagId": "{TAG_B}", "Left": 0.1, "Top": 0.2, "Width": 0.3, "Height": 0.4}}]}}"#
    ));
    assert_eq!(image.id, id(IMAGE_B));
    assert_eq!((image.width, image.height), (640, 480));
    assert_eq!(image.tags[0].tag_name.as_deref(), Some("Hemlock"));
    assert_eq!(image.tags[0].created, at("2018-02-01T10:00:01Z"));
    let region = &image.regions[0];
    assert_eq!((region.region_id, region.tag_id), (id(REGION), id(TAG_B)));
    assert_eq!(
        (region.left, region.top, region.width, region.height),
        (0.1, 0.2, 0.3, 0.4)
    );
}

#[test]
fn image_create_summary_with_statuses_in_any_casing_and_unknown_ones() {
    let summary: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": false, "images": [
            {{"sourceUrl": "\"hemlock_1.jpg\"", "status": "OK",
              "image": {{"id": "{IMAGE_A}", "created": "2017-12-19T15:56:10.65Z", "width": 10,
                         "height": 20, "tags": [{{"tagId": "{TAG_A}", "created": "2017-12-19T15:56:09.61"}}]}}}},
            {{"sourceUrl": "https://example.invalid/a.jpg", "status": "okduplicate", "image": null}},
            {{"sourceUrl": "https://example.invalid/b.jpg", "status": "ERRORIMAGESIZE"}},
            {{"status": "ErrorQuotaExceeded"}}
        ]}}"#
    ));
    assert!(!summary.is_batch_successful);
    let statuses: Vec<&ImageCreateStatus> = summary.images.iter().map(|r| &r.status).collect();
    assert_eq!(
        statuses,
        [
            &ImageCreateStatus::Ok,
            &ImageCreateStatus::OkDuplicate,
            &ImageCreateStatus::ErrorImageSize,
            &ImageCreateStatus::Other("ErrorQuotaExceeded".to_owned()),
        ]
    );
    let first: &ImageCreateResult = &summary.images[0];
    assert_eq!(first.source_url.as_deref(), Some("\"hemlock_1.jpg\""));
    let image = first.image.as_ref().unwrap();
    assert_eq!((image.id, image.width, image.height), (id(IMAGE_A), 10, 20));
    assert_eq!(image.tags[0].tag_id, id(TAG_A));
    assert!(image.regions.is_empty());
    assert_eq!(summary.images[1].image, None);
    assert_eq!(summary.images[3].source_url, None);

    let pascal: ImageCreateSummary = read(
        r#"{"IsBatchSuccessful": true, "Images": [{"SourceUrl": "x", "Status": "OKDuplicate"}]}"#,
    );
    assert!(pascal.is_batch_successful);
    assert_eq!(pascal.images[0].status, ImageCreateStatus::OkDuplicate);
    assert_eq!(pascal.images[0].source_url.as_deref(), Some("x"));

    let empty: ImageCreateSummary = read(r#"{"isBatchSuccessful": true, "images": null}"#);
    assert!(empty.images.is_empty());
}

fn region(tag: &str, left: f64) -> Region {
    Region {
        tag_id: id(tag),
        left,
        top: 0.2,
        width: 0.3,
        height: 0.4,
    }
}

#[test]
fn image_file_create_batch_sends_exactly_the_spec_keys_and_round_trips() {
    let batch = ImageFileCreateBatch {
        images: vec![
            ImageFileCreateEntry {
                name: Some("hemlock_10.jpg".to_owned()),
                contents: Some("aGVtbG9jaw==".to_owned()),
                tag_ids: vec![id(TAG_B)],
                regions: vec![region(TAG_A, 0.1)],
            },
            ImageFileCreateEntry {
                name: None,
                contents: Some("Y2hlcnJ5".to_owned()),
                tag_ids: vec![],
                regions: vec![],
            },
        ],
        tag_ids: vec![id(TAG_A)],
    };
    sends_exactly(
        &batch,
        json!({
            "images": [
                {"name": "hemlock_10.jpg", "contents": "aGVtbG9jaw==", "tagIds": [TAG_B],
                 "regions": [{"tagId": TAG_A, "left": 0.1, "top": 0.2, "width": 0.3, "height": 0.4}]},
                {"contents": "Y2hlcnJ5"}
            ],
            "tagIds": [TAG_A]
        }),
    );

    // As the spec's examples write it: lists left out.
    let read_back: ImageFileCreateBatch =
        read(r#"{"images": [{"name": "a.jpg", "contents": "YQ=="}]}"#);
    assert_eq!(read_back.images[0].name.as_deref(), Some("a.jpg"));
    assert_eq!(read_back.images[0].contents.as_deref(), Some("YQ=="));
    assert!(read_back.images[0].tag_ids.is_empty() && read_back.images[0].regions.is_empty());
    assert!(read_back.tag_ids.is_empty());
}

#[test]
fn image_url_create_batch_sends_exactly_the_spec_keys_and_round_trips() {
    let batch = ImageUrlCreateBatch {
        images: vec![ImageUrlCreateEntry {
            url: Some("https://example.invalid/hemlock.jpg".to_owned()),
            tag_ids: vec![id(TAG_A), id(TAG_B)],
            regions: vec![region(TAG_B, 0.5)],
        }],
        tag_ids: vec![],
    };
    sends_exactly(
        &batch,
        json!({
            "images": [{"url": "https://example.invalid/hemlock.jpg", "tagIds": [TAG_A, TAG_B],
                        "regions": [{"tagId": TAG_B, "left": 0.5, "top": 0.2, "width": 0.3, "height": 0.4}]}]
        }),
    );
    let pascal: ImageUrlCreateBatch = read(&format!(
        r#"{{"Images": [{{"Url": "u", "TagIds": ["{TAG_A}"], "Regions": null}}], "TagIds": null}}"#
    ));
    assert_eq!(pascal.images[0].url.as_deref(), Some("u"));
    assert_eq!(pascal.images[0].tag_ids, vec![id(TAG_A)]);
    assert!(pascal.images[0].regions.is_empty() && pascal.tag_ids.is_empty());
}

#[test]
fn image_id_create_batch_sends_exactly_the_spec_keys_and_round_trips() {
    let batch = ImageIdCreateBatch {
        images: vec![ImageIdCreateEntry {
            id: id(PREDICTION),
            tag_ids: vec![id(TAG_A)],
            regions: vec![],
        }],
        tag_ids: vec![id(TAG_B)],
    };
    sends_exactly(
        &batch,
        json!({
            "images": [{"id": PREDICTION, "tagIds": [TAG_A]}],
            "tagIds": [TAG_B]
        }),
    );
    let fixture: ImageIdCreateBatch = read(&format!(
        r#"{{"images": [{{"id": "{PREDICTION}"}}], "tagIds": ["{TAG_B}"]}}"#
    ));
    assert_eq!(fixture.images[0].id, id(PREDICTION));
    assert!(fixture.images[0].tag_ids.is_empty() && fixture.images[0].regions.is_empty());
    assert_eq!(fixture.tag_ids, vec![id(TAG_B)]);
}

#[test]
fn region_sends_exactly_the_spec_keys_and_reads_any_number_spelling() {
    sends_exactly(
        &region(TAG_A, 0.0),
        json!({"tagId": TAG_A, "left": 0.0, "top": 0.2, "width": 0.3, "height": 0.4}),
    );
    let read_back: Region = read(&format!(
        r#"{{"tagId": "{TAG_A}", "left": 1.0, "top": 0, "width": 2.16482044E-06, "height": 9.5e-1}}"#
    ));
    assert_eq!(read_back.tag_id, id(TAG_A));
    assert_eq!(
        (
            read_back.left,
            read_back.top,
            read_back.width,
            read_back.height
        ),
        (1.0, 0.0, 2.16482044e-6, 0.95)
    );
}

#[test]
fn image_tag_create_batch_and_summary() {
    let batch = ImageTagCreateBatch {
        tags: vec![ImageTagCreateEntry {
            image_id: id(IMAGE_A),
            tag_id: id(TAG_A),
        }],
    };
    sends_exactly(
        &batch,
        json!({"tags": [{"imageId": IMAGE_A, "tagId": TAG_A}]}),
    );

    // `duplicated` null, `exceeded` left out: both empty.
    let summary: ImageTagCreateSummary = read(&format!(
        r#"{{"created": [{{"imageId": "{IMAGE_A}", "tagId": "{TAG_A}"}}], "duplicated": null}}"#
    ));
    assert_eq!(summary.created, batch.tags);
    assert!(summary.duplicated.is_empty() && summary.exceeded.is_empty());

    let pascal: ImageTagCreateSummary = read(&format!(
        r#"{{"Created": [], "Duplicated": [{{"ImageId": "{IMAGE_B}", "TagId": "{TAG_B}"}}], "Exceeded": []}}"#
    ));
    assert_eq!(
        pascal.duplicated,
        vec![ImageTagCreateEntry {
            image_id: id(IMAGE_B),
            tag_id: id(TAG_B)
        }]
    );
}

#[test]
fn image_region_create_batch_and_summary() {
    let entry = ImageRegionCreateEntry {
        image_id: id(IMAGE_A),
        tag_id: id(TAG_A),
        left: 0.25,
        top: 0.125,
        width: 0.5,
        height: 0.75,
    };
    let batch = ImageRegionCreateBatch {
        regions: vec![entry.clone()],
    };
    sends_exactly(
        &batch,
        json!({"regions": [{"imageId": IMAGE_A, "tagId": TAG_A, "left": 0.25, "top": 0.125,
                            "width": 0.5, "height": 0.75}]}),
    );

    let summary: ImageRegionCreateSummary = read(&format!(
        r#"{{"created": [{{"imageId": "{IMAGE_A}", "regionId": "{REGION}", "tagName": "Hemlock",
                          "created": "2018-03-01T08:00:00.1234567", "tagId": "{TAG_A}",
                          "left": 0.25, "top": 0.125, "width": 0.5, "height": 0.75}}],
            "duplicated": [{{"imageId": "{IMAGE_A}", "tagId": "{TAG_A}", "left": 0.25,
                             "top": 0.125, "width": 0.5, "height": 0.75}}],
            "exceeded": null}}"#
    ));
    assert_eq!(
        summary.created,
        vec![ImageRegionCreateResult {
            image_id: id(IMAGE_A),
            region_id: id(REGION),
            tag_name: Some("Hemlock".to_owned()),
            created: at("2018-03-01T08:00:00.1234567Z"),
            tag_id: id(TAG_A),
            left: 0.25,
            top: 0.125,
            width: 0.5,
            height: 0.75,
        }]
    );
    assert_eq!(summary.duplicated, vec![entry]);
    assert!(summary.exceeded.is_empty());

    let empty: ImageRegionCreateSummary =
        read(r#"{"created": [], "duplicated": [], "exceeded": []}"#);
    assert!(empty.created.is_empty() && empty.duplicated.is_empty() && empty.exceeded.is_empty());
}

#[test]
fn image_region_proposals_with_and_without_a_bounding_box() {
    let proposal: ImageRegionProposal = read(&format!(
        r#"{{"projectId": "{PROJECT}", "imageId": "{IMAGE_A}", "proposals": [
            {{"confidence": 0.934625268, "boundingBox": {{"left": 0.25, "top": 1.0, "width": 2.16482044E-06, "height": 0.5}}}},
            {{"confidence": 1.0}}
        ]}}"#
    ));
    assert_eq!(proposal.project_id, id(PROJECT));
    assert_eq!(proposal.image_id, id(IMAGE_A));
    assert_eq!(
        proposal.proposals,
        vec![
            RegionProposal {
                confidence: 0.934625268,
                bounding_box: Some(BoundingBox {
                    left: 0.25,
                    top: 1.0,
                    width: 2.16482044e-6,
                    height: 0.5,
                }),
            },
            RegionProposal {
                confidence: 1.0,
                bounding_box: None,
            },
        ]
    );

    let pascal: ImageRegionProposal = read(&format!(
        r#"{{"ProjectId": "{PROJECT}", "ImageId": "{IMAGE_B}",
            "Proposals": [{{"Confidence": 0.5, "BoundingBox": {{"Left": 0.1, "Top": 0.2, "Width": 0.3, "Height": 0.4}}}}]}}"#
    ));
    assert_eq!(pascal.image_id, id(IMAGE_B));
    assert_eq!(pascal.proposals[0].confidence, 0.5);
    assert_eq!(
        pascal.proposals[0].bounding_box.as_ref().map(|b| b.height),
        Some(0.4)
    );

    let no_proposals: ImageRegionProposal = read(&format!(
        r#"{{"projectId": "{PROJECT}", "imageId": "{IMAGE_A}"}}"#
    ));
    assert!(no_proposals.proposals.is_empty());
}

#[test]
fn bounding_box_reads_any_number_spelling_and_round_trips() {
    let bounding_box: BoundingBox =
        read(r#"{"left": 0, "top": 1.0, "width": 3.60627153e-12, "height": 2.16482044E-06}"#);
    assert_eq!(
        bounding_box,
        BoundingBox {
            left: 0.0,
            top: 1.0,
            width: 3.60627153e-12,
            height: 2.16482044e-6
        }
    );
    sends_exactly(
        &bounding_box,
        json!({"left": 0.0, "top": 1.0, "width": 3.60627153e-12, "height": 2.16482044e-6}),
    );
}

// ---------------------------------------------------------------------------------------------
// Predictions

fn query_tag(tag: &str, min: f64, max: f64) -> PredictionQueryTag {
    PredictionQueryTag {
        id: id(tag),
        min_threshold: min,
        max_threshold: max,
    }
}

#[test]
fn a_prediction_query_sends_the_read_only_fields_of_its_tags() {
    // The spec marks all three fields of PredictionQueryTag read-only, yet QueryPredictions
    // needs them in its body: the markers are recorded, and serialization still sends them.
    assert_eq!(
        <PredictionQueryTag as Model>::READ_ONLY_FIELDS,
        ["id", "min_threshold", "max_threshold"]
    );
    let query = PredictionQueryToken {
        session: None,
        continuation: None,
        max_count: 0,
        order_by: PredictionOrderBy::Newest,
        tags: vec![query_tag(TAG_A, 0.9, 1.0)],
        iteration_id: None,
        start_time: None,
        end_time: None,
        application: None,
    };
    let sent = serde_json::to_value(&query).unwrap();
    assert_eq!(
        keys(&sent["tags"][0]),
        ["id", "maxThreshold", "minThreshold"]
    );
    assert_eq!(
        sent["tags"][0],
        json!({"id": TAG_A, "minThreshold": 0.9, "maxThreshold": 1.0})
    );
    sends_exactly(
        &query,
        json!({
            // Unset optional fields are left out, as the SDKs of that era sent them.
            "maxCount": 0, "orderBy": "Newest",
            "tags": [{"id": TAG_A, "minThreshold": 0.9, "maxThreshold": 1.0}]
        }),
    );
}

#[test]
fn a_prediction_query_with_every_field_round_trips() {
    let query = PredictionQueryToken {
        session: Some("1:286613".to_owned()),
        continuation: Some("next-page".to_owned()),
        max_count: 64,
        order_by: PredictionOrderBy::Suggested,
        tags: vec![query_tag(TAG_A, 0.5, 1.0), query_tag(TAG_B, 0.0, 0.25)],
        iteration_id: Some(id(ITERATION)),
        start_time: Some(at("2018-04-25T20:54:49.53")),
        end_time: Some(at("2018-04-26T00:00:00Z")),
        application: Some("mobile".to_owned()),
    };
    sends_exactly(
        &query,
        json!({
            "session": "1:286613", "continuation": "next-page", "maxCount": 64,
            "orderBy": "Suggested",
            "tags": [{"id": TAG_A, "minThreshold": 0.5, "maxThreshold": 1.0},
                     {"id": TAG_B, "minThreshold": 0.0, "maxThreshold": 0.25}],
            "iterationId": ITERATION, "startTime": "2018-04-25T20:54:49.53Z",
            "endTime": "2018-04-26T00:00:00Z", "application": "mobile"
        }),
    );
    // An unknown order the service may add later goes out as given.
    let other = PredictionQueryToken {
        order_by: PredictionOrderBy::from("Uncertain"),
        ..query
    };
    assert_eq!(
        serde_json::to_value(&other).unwrap()["orderBy"],
        "Uncertain"
    );
}

#[test]
fn prediction_query_result_in_camel_case() {
    let result: PredictionQueryResult = read(&format!(
        r#"{{"results": [
              {{"id": "{PREDICTION}", "project": "{PROJECT}", "iteration": "{ITERATION}",
                "domain": "{DOMAIN}", "created": "2018-01-31T20:18:26.5806336Z",
                "predictions": [
                  {{"tagId": "{TAG_A}", "tagName": "Hemlock", "probability": 1.0,
                    "boundingBox": {{"left": 0.1, "top": 0.2, "width": 0.3, "height": 0.4}}}},
                  {{"tagId": "{TAG_B}", "tagName": "Cherry", "probability": 2.16482044E-06}}
                ],
                "imageUri": "https://example.invalid/i", "thumbnailUri": "https://example.invalid/t"}},
              {{"id": "{IMAGE_B}", "project": "{PROJECT}", "iteration": "{ITERATION}",
                "created": "2018-01-31T20:18:26"}}
            ],
            "token": {{"session": "1:286613", "continuation": null, "maxCount": 0,
                       "orderBy": "newest", "tags": [{{"id": "{TAG_A}", "minThreshold": 0.9, "maxThreshold": 1.0}}],
                       "iterationId": null, "startTime": null, "endTime": null, "application": null}}}}"#
    ));
    let token = result.token.as_ref().unwrap();
    assert_eq!(token.session.as_deref(), Some("1:286613"));
    assert_eq!(token.continuation, None);
    assert_eq!(token.max_count, 0);
    assert_eq!(token.order_by, PredictionOrderBy::Newest);
    assert_eq!(token.tags, vec![query_tag(TAG_A, 0.9, 1.0)]);
    assert_eq!(
        (token.iteration_id, token.start_time, token.end_time),
        (None, None, None)
    );
    assert_eq!(token.application, None);

    let first: &StoredImagePrediction = &result.results[0];
    assert_eq!(first.id, id(PREDICTION));
    assert_eq!(first.project, id(PROJECT));
    assert_eq!(first.iteration, id(ITERATION));
    assert_eq!(first.domain, Some(id(DOMAIN)));
    assert_eq!(first.created, at("2018-01-31T20:18:26.5806336"));
    assert_eq!(
        first.image_uri.as_deref(),
        Some("https://example.invalid/i")
    );
    assert_eq!(
        first.thumbnail_uri.as_deref(),
        Some("https://example.invalid/t")
    );
    assert_eq!(
        first.predictions,
        vec![
            Prediction {
                probability: 1.0,
                tag_id: id(TAG_A),
                tag_name: Some("Hemlock".to_owned()),
                bounding_box: Some(BoundingBox {
                    left: 0.1,
                    top: 0.2,
                    width: 0.3,
                    height: 0.4
                }),
            },
            Prediction {
                probability: 2.16482044e-6,
                tag_id: id(TAG_B),
                tag_name: Some("Cherry".to_owned()),
                bounding_box: None,
            },
        ]
    );
    // The spec's own example leaves out `domain`, the URIs and the predictions.
    let second = &result.results[1];
    assert_eq!((second.domain, second.image_uri.as_deref()), (None, None));
    assert!(second.predictions.is_empty());
    assert_eq!(second.created.to_string(), "2018-01-31T20:18:26Z");
}

#[test]
fn prediction_query_result_in_pascal_case_and_empty() {
    let result: PredictionQueryResult = read(&format!(
        r#"{{"Results": [{{"Id": "{PREDICTION}", "Project": "{PROJECT}", "Iteration": "{ITERATION}",
                          "Domain": "{DOMAIN}", "Created": "2018-01-31T20:18:26.58",
                          "Predictions": [{{"TagId": "{TAG_A}", "TagName": "Hemlock", "Probability": 0.5}}],
                          "ImageUri": "i", "ThumbnailUri": "t"}}],
            "Token": {{"Session": "s", "Continuation": "c", "MaxCount": 10, "OrderBy": "OLDEST",
                       "Tags": null, "IterationId": "{ITERATION}", "StartTime": "2018-01-01T00:00:00",
                       "EndTime": "2018-02-01T00:00:00.5Z", "Application": "app"}}}}"#
    ));
    let token = result.token.unwrap();
    assert_eq!(token.order_by, PredictionOrderBy::Oldest);
    assert_eq!(token.max_count, 10);
    assert!(token.tags.is_empty());
    assert_eq!(token.iteration_id, Some(id(ITERATION)));
    assert_eq!(token.start_time, Some(at("2018-01-01T00:00:00Z")));
    assert_eq!(token.end_time, Some(at("2018-02-01T00:00:00.5")));
    assert_eq!(
        (token.session, token.continuation, token.application),
        (Some("s".into()), Some("c".into()), Some("app".into()))
    );
    let stored = &result.results[0];
    assert_eq!(stored.domain, Some(id(DOMAIN)));
    assert_eq!(stored.predictions[0].tag_name.as_deref(), Some("Hemlock"));
    assert_eq!(stored.predictions[0].probability, 0.5);

    let empty: PredictionQueryResult = read("{}");
    assert_eq!(empty.token, None);
    assert!(empty.results.is_empty());
}

#[test]
fn image_url_sends_exactly_its_url_and_round_trips() {
    let url = ImageUrl {
        url: Some("https://example.invalid/quick test.jpg".to_owned()),
    };
    sends_exactly(
        &url,
        json!({"url": "https://example.invalid/quick test.jpg"}),
    );
    let pascal: ImageUrl = read(r#"{"Url": "https://example.invalid/x.jpg"}"#);
    assert_eq!(pascal.url.as_deref(), Some("https://example.invalid/x.jpg"));
    let none: ImageUrl = read("{}");
    assert_eq!(none.url, None);
}

#[test]
fn image_prediction_from_a_quick_test() {
    let prediction: ImagePrediction = read(&format!(
        r#"{{"id": "{PREDICTION}", "project": "{PROJECT}", "iteration": "{ITERATION}",
            "created": "2017-12-19T14:21:41.6789561Z",
            "predictions": [{{"tagId": "{TAG_A}", "tagName": "Hemlock", "probability": 0.05149666}},
                            {{"tagId": "{TAG_B}", "tagName": "Cherry", "probability": 0.0}}]}}"#
    ));
    assert_eq!(prediction.id, id(PREDICTION));
    assert_eq!(prediction.project, id(PROJECT));
    assert_eq!(prediction.iteration, id(ITERATION));
    assert_eq!(prediction.created, at("2017-12-19T14:21:41.6789561"));
    assert_eq!(prediction.predictions.len(), 2);
    assert_eq!(prediction.predictions[0].probability, 0.05149666);
    assert_eq!(prediction.predictions[1].tag_id, id(TAG_B));
    assert_eq!(prediction.predictions[1].probability, 0.0);

    let pascal: ImagePrediction = read(&format!(
        r#"{{"Id": "{PREDICTION}", "Project": "{PROJECT}", "Iteration": "{ITERATION}",
            "Created": "2017-12-19T14:21:41", "Predictions": null}}"#
    ));
    assert_eq!(pascal.iteration, id(ITERATION));
    assert!(pascal.predictions.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Performance

#[test]
fn iteration_performance_with_and_without_average_precision() {
    let performance: IterationPerformance = read(&format!(
        r#"{{"perTagPerformance": [
              {{"id": "{TAG_A}", "name": "Hemlock", "precision": 1.0, "precisionStdDeviation": 0.0,
                "recall": 0.934625268, "recallStdDeviation": 2.16482044E-06, "averagePrecision": 0.97}},
              {{"id": "{TAG_B}", "name": "Cherry", "precision": 0.5, "precisionStdDeviation": 0.1,
                "recall": 1, "recallStdDeviation": 0}}
            ],
            "precision": 0.75, "precisionStdDeviation": 0.0, "recall": 0.875,
            "recallStdDeviation": 0.0, "averagePrecision": null}}"#
    ));
    assert_eq!(
        performance.per_tag_performance,
        vec![
            TagPerformance {
                id: id(TAG_A),
                name: Some("Hemlock".to_owned()),
                precision: 1.0,
                precision_std_deviation: 0.0,
                recall: 0.934625268,
                recall_std_deviation: 2.16482044e-6,
                average_precision: Some(0.97),
            },
            TagPerformance {
                id: id(TAG_B),
                name: Some("Cherry".to_owned()),
                precision: 0.5,
                precision_std_deviation: 0.1,
                recall: 1.0,
                recall_std_deviation: 0.0,
                average_precision: None,
            },
        ]
    );
    assert_eq!(
        (
            performance.precision,
            performance.precision_std_deviation,
            performance.recall,
            performance.recall_std_deviation
        ),
        (0.75, 0.0, 0.875, 0.0)
    );
    assert_eq!(performance.average_precision, None);
}

#[test]
fn iteration_performance_in_pascal_case() {
    let performance: IterationPerformance = read(&format!(
        r#"{{"PerTagPerformance": [{{"Id": "{TAG_A}", "Name": "Hemlock", "Precision": 0.9,
                                      "PrecisionStdDeviation": 0.01, "Recall": 0.8,
                                      "RecallStdDeviation": 0.02, "AveragePrecision": 0.85}}],
            "Precision": 0.9, "PrecisionStdDeviation": 0.01, "Recall": 0.8,
            "RecallStdDeviation": 0.02, "AveragePrecision": 0.85}}"#
    ));
    assert_eq!(performance.average_precision, Some(0.85));
    assert_eq!(performance.precision_std_deviation, 0.01);
    let tag = &performance.per_tag_performance[0];
    assert_eq!(
        (
            tag.id,
            tag.recall,
            tag.recall_std_deviation,
            tag.average_precision
        ),
        (id(TAG_A), 0.8, 0.02, Some(0.85))
    );
}

#[test]
fn image_performance_with_predictions_tags_and_regions() {
    let performances: Vec<ImagePerformance> = read(&format!(
        r#"[{{"id": "{IMAGE_A}", "created": "2018-01-31T20:18:26.5806336",
              "predictions": [{{"tagId": "{TAG_A}", "tagName": "Hemlock", "probability": 1.0,
                                "boundingBox": {{"left": 0.25, "top": 0.25, "width": 0.5, "height": 0.5}}}}],
              "width": 600, "height": 1600, "imageUri": "i", "thumbnailUri": "t",
              "tags": [{{"tagId": "{TAG_A}", "tagName": "Hemlock", "created": "2018-01-31T20:18:27.1Z"}}],
              "regions": [{{"regionId": "{REGION}", "tagName": "Hemlock", "created": "2018-01-31T20:18:27.12",
                            "tagId": "{TAG_A}", "left": 0.25, "top": 0.25, "width": 0.5, "height": 0.5}}]}},
            {{"Id": "{IMAGE_B}", "Created": "2018-01-31T20:18:26Z", "Width": 1, "Height": 2,
              "Tags": [], "Regions": []}}]"#
    ));
    let first = &performances[0];
    assert_eq!(first.id, id(IMAGE_A));
    assert_eq!(first.created, at("2018-01-31T20:18:26.5806336Z"));
    assert_eq!((first.width, first.height), (600, 1600));
    assert_eq!(
        (first.image_uri.as_deref(), first.thumbnail_uri.as_deref()),
        (Some("i"), Some("t"))
    );
    assert_eq!(first.predictions[0].tag_id, id(TAG_A));
    assert_eq!(
        first.predictions[0].bounding_box,
        Some(BoundingBox {
            left: 0.25,
            top: 0.25,
            width: 0.5,
            height: 0.5
        })
    );
    assert_eq!(first.tags[0].created, at("2018-01-31T20:18:27.1"));
    assert_eq!(first.regions[0].region_id, id(REGION));
    assert_eq!(first.regions[0].created, at("2018-01-31T20:18:27.12Z"));

    let second = &performances[1];
    assert_eq!(
        (second.id, second.width, second.height),
        (id(IMAGE_B), 1, 2)
    );
    assert!(second.predictions.is_empty() && second.tags.is_empty() && second.regions.is_empty());
    assert_eq!(
        (second.image_uri.as_deref(), second.thumbnail_uri.as_deref()),
        (None, None)
    );
}

// ---------------------------------------------------------------------------------------------
// Exports

#[test]
fn exports_in_any_casing_and_with_values_not_in_the_spec() {
    let exports: Vec<Export> = read(
        r#"[{"platform": "TensorFlow", "status": "Done", "downloadUri": "https://example.invalid/d"},
            {"platform": "onnx", "status": "exporting", "downloadUri": null, "flavor": "linux"},
            {"platform": "OpenVino", "status": "Queued", "flavor": "ARM", "newerField": 1},
            {"Platform": "CoreML", "Status": "Failed", "DownloadUri": null, "Flavor": "Windows"}]"#,
    );
    assert_eq!(
        exports[0],
        Export {
            platform: ExportPlatform::TensorFlow,
            status: ExportStatus::Done,
            download_uri: Some("https://example.invalid/d".to_owned()),
            flavor: None,
        }
    );
    assert_eq!(
        exports[1],
        Export {
            platform: ExportPlatform::Onnx,
            status: ExportStatus::Exporting,
            download_uri: None,
            flavor: Some(ExportFlavor::Linux),
        }
    );
    assert_eq!(
        exports[2],
        Export {
            platform: ExportPlatform::Other("OpenVino".to_owned()),
            status: ExportStatus::Other("Queued".to_owned()),
            download_uri: None,
            flavor: Some(ExportFlavor::Other("ARM".to_owned())),
        }
    );
    assert_eq!(
        exports[3],
        Export {
            platform: ExportPlatform::CoreMl,
            status: ExportStatus::Failed,
            download_uri: None,
            flavor: Some(ExportFlavor::Windows),
        }
    );
    // Written back in the spec's spelling; unknown values as they came.
    assert_eq!(
        serde_json::to_value(&exports[1]).unwrap(),
        json!({"platform": "ONNX", "status": "Exporting", "downloadUri": null, "flavor": "Linux"})
    );
    assert_eq!(
        serde_json::to_value(&exports[2]).unwrap(),
        json!({"platform": "OpenVino", "status": "Queued", "downloadUri": null, "flavor": "ARM"})
    );
}

// ---------------------------------------------------------------------------------------------
// Enums

#[test]
fn enums_read_any_casing_and_keep_values_not_in_the_spec() {
    // `MultiLabel` vs `Multilabel`: casing drifts between versions.
    for text in [
        "ObjectDetection",
        "objectdetection",
        "OBJECTDETECTION",
        "objectDetection",
    ] {
        assert_eq!(
            read::<DomainType>(&format!("\"{text}\"")),
            DomainType::ObjectDetection
        );
    }
    assert_eq!(
        read::<DomainType>("\"MultiLabel\""),
        DomainType::Other("MultiLabel".to_owned())
    );
    assert_eq!(
        read::<ImageCreateStatus>("\"okDUPLICATE\""),
        ImageCreateStatus::OkDuplicate
    );
    assert_eq!(
        read::<ImageCreateStatus>("\"ErrorNegativeAndRegularTagOnSameImage\""),
        ImageCreateStatus::Other("ErrorNegativeAndRegularTagOnSameImage".to_owned())
    );
    assert_eq!(
        read::<PredictionOrderBy>("\"suggested\""),
        PredictionOrderBy::Suggested
    );
    assert_eq!(read::<ImageOrderBy>("\"OLDEST\""), ImageOrderBy::Oldest);
    assert_eq!(
        read::<ImageOrderBy>("\"Suggested\""),
        ImageOrderBy::Other("Suggested".to_owned())
    );
    assert_eq!(read::<ExportPlatform>("\"coreml\""), ExportPlatform::CoreMl);
    assert_eq!(
        read::<ExportPlatform>("\"DOCKERFILE\""),
        ExportPlatform::DockerFile
    );
    assert_eq!(read::<ExportStatus>("\"DONE\""), ExportStatus::Done);
    assert_eq!(read::<ExportFlavor>("\"windows\""), ExportFlavor::Windows);
    assert_eq!(
        read::<ExportFlavor>("\"\""),
        ExportFlavor::Other(String::new())
    );
}

#[test]
fn enums_write_the_spec_spelling_and_convert_from_text() {
    let statuses = [
        (ImageCreateStatus::Ok, "OK"),
        (ImageCreateStatus::OkDuplicate, "OKDuplicate"),
        (ImageCreateStatus::ErrorSource, "ErrorSource"),
        (ImageCreateStatus::ErrorImageFormat, "ErrorImageFormat"),
        (ImageCreateStatus::ErrorImageSize, "ErrorImageSize"),
        (ImageCreateStatus::ErrorStorage, "ErrorStorage"),
        (ImageCreateStatus::ErrorLimitExceed, "ErrorLimitExceed"),
        (
            ImageCreateStatus::ErrorTagLimitExceed,
            "ErrorTagLimitExceed",
        ),
        (
            ImageCreateStatus::ErrorRegionLimitExceed,
            "ErrorRegionLimitExceed",
        ),
        (ImageCreateStatus::ErrorUnknown, "ErrorUnknown"),
    ];
    for (status, text) in statuses {
        assert_eq!(status.as_str(), text);
        assert_eq!(status.to_string(), text);
        assert_eq!(serde_json::to_value(&status).unwrap(), json!(text));
        assert_eq!(text.parse::<ImageCreateStatus>(), Ok(status.clone()));
        assert_eq!(ImageCreateStatus::from(text.to_lowercase()), status);
    }
    let platforms = [
        (ExportPlatform::CoreMl, "CoreML"),
        (ExportPlatform::TensorFlow, "TensorFlow"),
        (ExportPlatform::DockerFile, "DockerFile"),
        (ExportPlatform::Onnx, "ONNX"),
        (ExportPlatform::Other("OpenVino".to_owned()), "OpenVino"),
    ];
    for (platform, text) in platforms {
        assert_eq!(serde_json::to_value(&platform).unwrap(), json!(text));
        assert_eq!(ExportPlatform::from(text), platform);
    }
    assert_eq!(DomainType::Classification.as_str(), "Classification");
    assert_eq!(DomainType::ObjectDetection.to_string(), "ObjectDetection");
    assert_eq!(PredictionOrderBy::Oldest.as_str(), "Oldest");
    assert_eq!(ImageOrderBy::Newest.to_string(), "Newest");
    assert_eq!(ExportStatus::Exporting.as_str(), "Exporting");
    assert_eq!(ExportFlavor::Linux.as_str(), "Linux");
    assert_eq!(
        "gpu".parse::<ExportFlavor>(),
        Ok(ExportFlavor::Other("gpu".to_owned()))
    );
    assert_eq!(ExportFlavor::Other("GPU".to_owned()).to_string(), "GPU");
}

mod query_values {
    use customvision_training::{ExportFlavor, ExportPlatform, ImageOrderBy};
    use declarest::http::StatusCode;
    use declarest::{Api, Request, Response, endpoint};
    use std::sync::Mutex;

    /// The enums stand as query values in an endpoint, like ExportIteration's `platform` and
    /// `flavor` and the listings' `orderBy`.
    pub trait Probe: Api {
        #[endpoint(POST, "/export?<platform>&<flavor>&<orderBy>")]
        async fn probe(
            &self,
            platform: ExportPlatform,
            flavor: Option<ExportFlavor>,
            order_by: Option<ImageOrderBy>,
        ) -> declarest::Result<()>;
    }

    #[derive(Default)]
    struct Recorder(Mutex<Vec<String>>);

    impl Api for Recorder {
        async fn send(&self, request: Request) -> declarest::Result<Response> {
            self.0.lock().unwrap().push(request.target().to_owned());
            Ok(Response::json(StatusCode::OK, &()).unwrap())
        }
    }

    impl Probe for Recorder {}

    #[tokio::test]
    async fn enums_are_query_values_in_the_spec_spelling() {
        let recorder = Recorder::default();
        recorder
            .probe(ExportPlatform::CoreMl, None, Some(ImageOrderBy::Oldest))
            .await
            .unwrap();
        recorder
            .probe(
                ExportPlatform::Onnx,
                Some(ExportFlavor::Linux),
                Some(ImageOrderBy::Newest),
            )
            .await
            .unwrap();
        recorder
            .probe(
                ExportPlatform::from("tensorflow"),
                Some(ExportFlavor::Other("ARM v8".to_owned())),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            *recorder.0.lock().unwrap(),
            [
                "/export?platform=CoreML&orderBy=Oldest",
                "/export?platform=ONNX&flavor=Linux&orderBy=Newest",
                "/export?platform=TensorFlow&flavor=ARM%20v8",
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Timestamps

#[test]
fn timestamps_with_zero_to_seven_fractional_digits_with_or_without_z() {
    let cases = [
        ("2018-04-25T20:54:49", "2018-04-25T20:54:49Z"),
        ("2018-04-25T20:54:49.5", "2018-04-25T20:54:49.5Z"),
        ("2018-04-25T20:54:49.53", "2018-04-25T20:54:49.53Z"),
        ("2018-04-25T20:54:49.531", "2018-04-25T20:54:49.531Z"),
        ("2018-04-25T20:54:49.5312", "2018-04-25T20:54:49.5312Z"),
        ("2018-04-25T20:54:49.53124", "2018-04-25T20:54:49.53124Z"),
        ("2018-04-25T20:54:49.531246", "2018-04-25T20:54:49.531246Z"),
        (
            "2018-04-25T20:54:57.1985274",
            "2018-04-25T20:54:57.1985274Z",
        ),
    ];
    for (stored, written) in cases {
        for text in [stored, written] {
            let tag: ImageTag = read(&format!(r#"{{"tagId": "{TAG_A}", "created": "{text}"}}"#));
            assert_eq!(tag.created.to_string(), written, "{text}");
            assert_eq!(tag.created, at(stored), "{text}: no offset means UTC");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Read-only markers and patches

/// The read-only fields of every model, read off the spec's `readOnly: true` properties (as
/// snake_case field names, in the spec's property order).
const SPEC_READ_ONLY: [(&str, &[&str]); 38] = [
    ("Domain", &["id", "name", "type", "exportable", "enabled"]),
    (
        "Image",
        &[
            "id",
            "created",
            "width",
            "height",
            "image_uri",
            "thumbnail_uri",
            "tags",
            "regions",
        ],
    ),
    ("ImageTag", &["tag_id", "tag_name", "created"]),
    ("ImageRegion", &["region_id", "tag_name", "created"]),
    ("ImageCreateSummary", &["is_batch_successful", "images"]),
    ("ImageCreateResult", &["source_url", "status", "image"]),
    ("ImageFileCreateBatch", &[]),
    ("ImageFileCreateEntry", &[]),
    ("Region", &[]),
    ("ImageUrlCreateBatch", &[]),
    ("ImageUrlCreateEntry", &[]),
    ("ImageIdCreateBatch", &[]),
    ("ImageIdCreateEntry", &[]),
    ("ImageTagCreateBatch", &[]),
    ("ImageTagCreateEntry", &[]),
    ("ImageTagCreateSummary", &[]),
    ("ImageRegionCreateBatch", &[]),
    ("ImageRegionCreateEntry", &[]),
    ("ImageRegionCreateSummary", &[]),
    (
        "ImageRegionCreateResult",
        &["image_id", "region_id", "tag_name", "created"],
    ),
    (
        "ImageRegionProposal",
        &["project_id", "image_id", "proposals"],
    ),
    ("RegionProposal", &["confidence", "bounding_box"]),
    ("BoundingBox", &[]),
    ("PredictionQueryToken", &[]),
    (
        "PredictionQueryTag",
        &["id", "min_threshold", "max_threshold"],
    ),
    ("PredictionQueryResult", &["token", "results"]),
    (
        "StoredImagePrediction",
        &[
            "image_uri",
            "thumbnail_uri",
            "domain",
            "id",
            "project",
            "iteration",
            "created",
            "predictions",
        ],
    ),
    (
        "Prediction",
        &["probability", "tag_id", "tag_name", "bounding_box"],
    ),
    ("ImageUrl", &[]),
    (
        "ImagePrediction",
        &["id", "project", "iteration", "created", "predictions"],
    ),
    (
        "Iteration",
        &[
            "id",
            "status",
            "created",
            "last_modified",
            "trained_at",
            "project_id",
            "exportable",
            "domain_id",
        ],
    ),
    (
        "Project",
        &["id", "created", "last_modified", "thumbnail_uri"],
    ),
    ("ProjectSettings", &[]),
    (
        "IterationPerformance",
        &[
            "per_tag_performance",
            "precision",
            "precision_std_deviation",
            "recall",
            "recall_std_deviation",
            "average_precision",
        ],
    ),
    (
        "TagPerformance",
        &[
            "id",
            "name",
            "precision",
            "precision_std_deviation",
            "recall",
            "recall_std_deviation",
            "average_precision",
        ],
    ),
    (
        "ImagePerformance",
        &[
            "predictions",
            "id",
            "created",
            "width",
            "height",
            "image_uri",
            "thumbnail_uri",
            "tags",
            "regions",
        ],
    ),
    ("Export", &["platform", "status", "download_uri", "flavor"]),
    ("Tag", &["id", "image_count"]),
];

/// What `#[derive(Model)]` recorded, model by model.
macro_rules! recorded {
    ($($model:ident),* $(,)?) => {
        [$((stringify!($model), <$model as Model>::READ_ONLY_FIELDS)),*]
    };
}

#[test]
fn read_only_fields_match_the_spec_for_all_38_models() {
    let recorded = recorded!(
        Domain,
        Image,
        ImageTag,
        ImageRegion,
        ImageCreateSummary,
        ImageCreateResult,
        ImageFileCreateBatch,
        ImageFileCreateEntry,
        Region,
        ImageUrlCreateBatch,
        ImageUrlCreateEntry,
        ImageIdCreateBatch,
        ImageIdCreateEntry,
        ImageTagCreateBatch,
        ImageTagCreateEntry,
        ImageTagCreateSummary,
        ImageRegionCreateBatch,
        ImageRegionCreateEntry,
        ImageRegionCreateSummary,
        ImageRegionCreateResult,
        ImageRegionProposal,
        RegionProposal,
        BoundingBox,
        PredictionQueryToken,
        PredictionQueryTag,
        PredictionQueryResult,
        StoredImagePrediction,
        Prediction,
        ImageUrl,
        ImagePrediction,
        Iteration,
        Project,
        ProjectSettings,
        IterationPerformance,
        TagPerformance,
        ImagePerformance,
        Export,
        Tag,
    );
    assert_eq!(recorded.len(), 38, "every model of the spec is checked");
    let mut names: Vec<&str> = SPEC_READ_ONLY.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 38, "the table covers 38 distinct models");
    for ((model, fields), (spec_model, spec_fields)) in recorded.iter().zip(SPEC_READ_ONLY) {
        assert_eq!(*model, spec_model);
        assert_eq!(*fields, spec_fields, "read-only fields of {model}");
    }
}

#[test]
fn project_patch_sends_exactly_name_description_and_settings() {
    let patch = ProjectPatch::default()
        .name("Garden birds".to_owned())
        .description(None)
        .settings(ProjectSettings {
            domain_id: id(DOMAIN),
        });
    let sent = serde_json::to_value(&patch).unwrap();
    assert_eq!(keys(&sent), ["description", "name", "settings"]);
    assert_eq!(
        sent,
        json!({"name": "Garden birds", "description": null, "settings": {"domainId": DOMAIN}})
    );
    assert_eq!(
        serde_json::to_value(ProjectPatch::default().name("x".to_owned())).unwrap(),
        json!({"name": "x"})
    );

    // A full project's JSON keeps only the writable fields; `between` sees only those.
    let before: Project = read(&format!(
        r#"{{"Id": "{PROJECT}", "Name": "Birds", "Description": "d",
            "Settings": {{"DomainId": "{DOMAIN}"}}, "Created": "2018-01-01T00:00:00",
            "LastModified": "2018-01-01T00:00:00", "ThumbnailUri": "t"}}"#
    ));
    let patch: ProjectPatch =
        serde_json::from_value(serde_json::to_value(&before).unwrap()).unwrap();
    assert_eq!(
        keys(&serde_json::to_value(&patch).unwrap()),
        ["description", "name", "settings"]
    );
    let mut after = before.clone();
    after.description = None;
    after.thumbnail_uri = None; // read-only: never part of a patch
    assert_eq!(
        ProjectPatch::between(&before, &after),
        ProjectPatch::default().description(None)
    );
}

#[test]
fn tag_patch_sends_exactly_name_and_description() {
    let patch = TagPatch::default()
        .name("Better Tag Name".to_owned())
        .description("Better description".to_owned());
    let sent = serde_json::to_value(&patch).unwrap();
    assert_eq!(keys(&sent), ["description", "name"]);
    assert_eq!(
        sent,
        json!({"name": "Better Tag Name", "description": "Better description"})
    );

    let mut tag: Tag = read(&format!(
        r#"{{"Id": "{TAG_A}", "Name": "Tag1", "Description": null, "ImageCount": 4}}"#
    ));
    let full: TagPatch = serde_json::from_value(serde_json::to_value(&tag).unwrap()).unwrap();
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        json!({"name": "Tag1", "description": null})
    );
    patch.apply_to(&mut tag);
    assert_eq!(tag.name.as_deref(), Some("Better Tag Name"));
    assert_eq!(tag.image_count, 4, "read-only fields untouched");
}
