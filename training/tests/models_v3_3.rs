//! The 49 models of the Training API v3.3 read what the service sends and send what the spec
//! names: every response of the spec's v3.3 examples parses into its model; camelCase and
//! PascalCase keys, omitted optional fields, `null` lists, unknown fields and enum values not in
//! the spec are read; request models leave unset fields and empty lists out of the JSON; every
//! model reads and writes exactly the spec's property names; the read-only markers match the
//! spec, model by model; the declared limits are checked.
//!
//! The example fixtures are transcribed from the v3.3 spec's examples; the others are written for
//! this project, shaped like them.

use std::collections::BTreeMap;

use customvision_training::DateTime;
use customvision_training::v3_3::{
    BoundingBox, ClassificationType, CustomVisionError, CustomVisionErrorCode, Domain, DomainType,
    Export, ExportFlavor, ExportPlatform, ExportStatus, Image, ImageCreateResult,
    ImageCreateStatus, ImageCreateSummary, ImageFileCreateBatch, ImageFileCreateEntry,
    ImageIdCreateBatch, ImageIdCreateEntry, ImageMetadata, ImageMetadataUpdateEntry,
    ImageMetadataUpdateStatus, ImageMetadataUpdateSummary, ImageOrderBy, ImagePerformance,
    ImagePrediction, ImageProcessingSettings, ImageRegion, ImageRegionCreateBatch,
    ImageRegionCreateEntry, ImageRegionCreateResult, ImageRegionCreateSummary, ImageRegionProposal,
    ImageTag, ImageTagCreateBatch, ImageTagCreateEntry, ImageTagCreateSummary, ImageUrl,
    ImageUrlCreateBatch, ImageUrlCreateEntry, Iteration, IterationPatch, IterationPerformance,
    MetadataError, Prediction, PredictionOrderBy, PredictionQueryResult, PredictionQueryTag,
    PredictionQueryToken, Project, ProjectExport, ProjectPatch, ProjectSettings, ProjectStatus,
    Region, RegionProposal, StoredImagePrediction, StoredSuggestedTagAndRegion,
    SuggestedTagAndRegion, SuggestedTagAndRegionQuery, SuggestedTagAndRegionQueryToken,
    SuggestionSortBy, Tag, TagFilter, TagPatch, TagPerformance, TagType, TaggingStatus,
    TrainingParameters, TrainingType,
};
use declarest::{Model, Patch};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use uuid::Uuid;

// Ids of the spec's examples.
const PROJECT: &str = "64b822c5-8082-4b36-a426-27225f4aa18c";
const ITERATION: &str = "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758";
const TAG: &str = "b607964f-7bd6-4a3b-a869-6791fb6aab87";
const IMAGE_A: &str = "4d6eb844-42ee-42bc-bd6f-c32455ef07c9";
const IMAGE_B: &str = "f1855a92-b873-47e7-b513-f07a667ceda1";
const DOMAIN: &str = "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31";

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

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("a model serializes")
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

fn metadata<const N: usize>(pairs: [(&str, &str); N]) -> ImageMetadata {
    ImageMetadata::try_from(pairs).unwrap()
}

// ---------------------------------------------------------------------------------------------
// The spec's examples

#[test]
fn get_domains_and_get_domain_examples() {
    let domains: Vec<Domain> = read(
        r#"[
            {"id": "ee85a74c-405e-4adc-bb47-ffa8ca0c9f31", "name": "General",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "c151d5b5-dd07-472a-acc8-15d29dea8518", "name": "Food",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "ca455789-012d-4b50-9fec-5bb63841c793", "name": "Landmarks",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "b30a91ae-e3c1-4f73-a81e-c270bff27c39", "name": "Retail",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "45badf75-3591-4f26-a705-45678d3e9f5f", "name": "Adult",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "0732100f-1a38-4e49-a514-c9b44c697ab5", "name": "General (compact)",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "b5cfd229-2ac7-4b2b-8d0a-2b0661344894", "name": "Landmarks (compact)",
             "type": "Classification", "exportable": false, "enabled": true},
            {"id": "6b4faeda-8396-481b-9f8b-177b9fa3097f", "name": "Retail (compact)",
             "type": "Classification", "exportable": false, "enabled": true}
        ]"#,
    );
    assert_eq!(domains.len(), 8);
    assert_eq!(domains[0].id, id(DOMAIN));
    assert_eq!(domains[5].name.as_deref(), Some("General (compact)"));
    assert!(
        domains
            .iter()
            .all(|d| d.r#type == Some(DomainType::Classification) && d.enabled && !d.exportable)
    );

    let retail: Domain = read(
        r#"{"id": "b30a91ae-e3c1-4f73-a81e-c270bff27c39", "name": "Retail",
            "type": "Classification", "exportable": false, "enabled": true}"#,
    );
    assert_eq!(retail, domains[3]);
}

#[test]
fn get_tag_example() {
    let tag: Tag = read(
        r#"{"id": "9e27bc1b-7ae7-4e3b-a4e5-36153479dc01", "name": "Tag1",
            "description": "Description of Tag1", "type": "Regular", "imageCount": 0}"#,
    );
    assert_eq!(tag.id, id("9e27bc1b-7ae7-4e3b-a4e5-36153479dc01"));
    assert_eq!(tag.name, "Tag1");
    assert_eq!(tag.description.as_deref(), Some("Description of Tag1"));
    assert_eq!(tag.r#type, TagType::Regular);
    assert_eq!(tag.image_count, 0);
}

#[test]
fn get_exports_example() {
    let exports: Vec<Export> = read(
        r#"[{"platform": "TensorFlow", "status": "Done", "newerVersionAvailable": false,
             "downloadUri": "{Download URI}"}]"#,
    );
    assert_eq!(
        exports,
        [Export {
            platform: ExportPlatform::TensorFlow,
            status: ExportStatus::Done,
            download_uri: Some("{Download URI}".to_owned()),
            flavor: None,
            newer_version_available: false,
        }]
    );
}

/// The images of the GetImages example; CreateImagesFromData answers them too.
fn example_image(id_text: &str, width: i32, height: i32, tag_name: &str) -> Image {
    Image {
        id: id(id_text),
        created: at("2017-12-19T15:56:10Z"),
        width,
        height,
        resized_image_uri: Some("{Resized Image Uri}".to_owned()),
        thumbnail_uri: Some("{Thumbnail Uri}".to_owned()),
        original_image_uri: Some("{Image Uri}".to_owned()),
        tags: vec![ImageTag {
            tag_id: id(TAG),
            tag_name: Some(tag_name.to_owned()),
            created: at("2017-12-19T15:56:09Z"),
        }],
        regions: vec![],
        metadata: BTreeMap::new(),
    }
}

const EXAMPLE_IMAGE_A: &str = r#"{
    "id": "4d6eb844-42ee-42bc-bd6f-c32455ef07c9", "created": "2017-12-19T15:56:10Z",
    "width": 1095, "height": 900, "resizedImageUri": "{Resized Image Uri}",
    "originalImageUri": "{Image Uri}", "thumbnailUri": "{Thumbnail Uri}",
    "tags": [{"tagId": "b607964f-7bd6-4a3b-a869-6791fb6aab87", "created": "2017-12-19T15:56:09Z",
              "tagName": "tag 1"}]
}"#;

const EXAMPLE_IMAGE_B: &str = r#"{
    "id": "f1855a92-b873-47e7-b513-f07a667ceda1", "created": "2017-12-19T15:56:10Z",
    "width": 900, "height": 1531, "resizedImageUri": "{Resized Image Uri}",
    "originalImageUri": "{Image Uri}", "thumbnailUri": "{Thumbnail Uri}",
    "tags": [{"tagId": "b607964f-7bd6-4a3b-a869-6791fb6aab87", "created": "2017-12-19T15:56:09Z",
              "tagName": "tag 1"}]
}"#;

#[test]
fn get_images_and_get_image_count_examples() {
    let images: Vec<Image> = read(&format!("[{EXAMPLE_IMAGE_A}, {EXAMPLE_IMAGE_B}]"));
    assert_eq!(
        images,
        [
            example_image(IMAGE_A, 1095, 900, "tag 1"),
            example_image(IMAGE_B, 900, 1531, "tag 1"),
        ]
    );
    let count: i32 = read("12");
    assert_eq!(count, 12);
}

#[test]
fn get_image_performances_example() {
    let performances: Vec<ImagePerformance> = read(
        r#"[{
            "id": "dfd2d346-3ed5-4e1e-857d-af4e32cec042", "created": "2018-01-31T20:18:26Z",
            "predictions": [{
                "tagId": "b5f7e6a2-a481-49a6-afec-a7cef1af3544", "tagName": "Tag 1",
                "probability": 1.0,
                "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}
            }],
            "width": 600, "height": 1600, "imageUri": "<image uri>",
            "thumbnailUri": "<thumbnail uri>", "tags": [], "regions": []
        }]"#,
    );
    assert_eq!(performances.len(), 1);
    let image = &performances[0];
    assert_eq!(image.id, id("dfd2d346-3ed5-4e1e-857d-af4e32cec042"));
    assert_eq!(image.created, at("2018-01-31T20:18:26"));
    assert_eq!((image.width, image.height), (600, 1600));
    assert_eq!(image.image_uri.as_deref(), Some("<image uri>"));
    assert_eq!(image.thumbnail_uri.as_deref(), Some("<thumbnail uri>"));
    assert!(image.tags.is_empty() && image.regions.is_empty());
    assert_eq!(
        image.predictions,
        [Prediction {
            probability: 1.0,
            tag_id: id("b5f7e6a2-a481-49a6-afec-a7cef1af3544"),
            tag_name: Some("Tag 1".to_owned()),
            bounding_box: Some(BoundingBox {
                left: 0.25,
                top: 0.25,
                width: 0.25,
                height: 0.25
            }),
            tag_type: None,
        }]
    );
}

#[test]
fn create_images_from_data_examples_200_and_207() {
    let all: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": true, "images": [
            {{"sourceUrl": "\"hemlock_10.jpg\"", "status": "OK", "image": {EXAMPLE_IMAGE_A}}},
            {{"sourceUrl": "\"hemlock_6.jpg\"", "status": "OK", "image": {EXAMPLE_IMAGE_B}}}
        ]}}"#
    ));
    assert!(all.is_batch_successful);
    assert_eq!(
        all.images,
        [
            ImageCreateResult {
                source_url: Some("\"hemlock_10.jpg\"".to_owned()),
                status: ImageCreateStatus::Ok,
                image: Some(example_image(IMAGE_A, 1095, 900, "tag 1")),
            },
            ImageCreateResult {
                source_url: Some("\"hemlock_6.jpg\"".to_owned()),
                status: ImageCreateStatus::Ok,
                image: Some(example_image(IMAGE_B, 900, 1531, "tag 1")),
            },
        ]
    );

    // 207: the second image failed, and its result has no `image` at all.
    let partial: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": false, "images": [
            {{"sourceUrl": "\"hemlock_10.jpg\"", "status": "OK", "image": {EXAMPLE_IMAGE_A}}},
            {{"sourceUrl": "\"hemlock_6.jpg\"", "status": "ErrorLimitExceed"}}
        ]}}"#
    ));
    assert!(!partial.is_batch_successful);
    assert_eq!(partial.images[0], all.images[0]);
    assert_eq!(
        partial.images[1],
        ImageCreateResult {
            source_url: Some("\"hemlock_6.jpg\"".to_owned()),
            status: ImageCreateStatus::ErrorLimitExceed,
            image: None,
        }
    );
}

#[test]
fn create_images_from_urls_example_request_and_responses() {
    let batch = ImageUrlCreateBatch {
        images: vec![ImageUrlCreateEntry {
            url: "{url to image}".to_owned(),
            tag_ids: vec![],
            regions: vec![],
        }],
        tag_ids: vec![id(TAG)],
        metadata: None,
    };
    assert_eq!(
        to_json(&batch),
        json!({"images": [{"url": "{url to image}"}], "tagIds": [TAG]})
    );

    let all: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": true, "images": [
            {{"sourceUrl": "{{url to image}}", "status": "OK",
              "image": {}}}]}}"#,
        EXAMPLE_IMAGE_A.replace("tag 1", "tag name")
    ));
    assert!(all.is_batch_successful);
    assert_eq!(
        all.images[0].image,
        Some(example_image(IMAGE_A, 1095, 900, "tag name"))
    );

    // 207: the failed image comes with `"image": null`.
    let partial: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": false, "images": [
            {{"sourceUrl": "{{url to image}}", "status": "OK", "image": {EXAMPLE_IMAGE_A}}},
            {{"sourceUrl": "{{url to image}}", "status": "ErrorSource", "image": null}}
        ]}}"#
    ));
    assert!(!partial.is_batch_successful);
    assert_eq!(partial.images[1].status, ImageCreateStatus::ErrorSource);
    assert_eq!(partial.images[1].image, None);
    assert_eq!(
        partial.images[1].source_url.as_deref(),
        Some("{url to image}")
    );
}

#[test]
fn create_images_from_predictions_example_request_and_responses() {
    let batch = ImageIdCreateBatch {
        images: vec![ImageIdCreateEntry {
            id: id(IMAGE_A),
            tag_ids: vec![],
            regions: vec![],
        }],
        tag_ids: vec![id(TAG)],
        metadata: None,
    };
    assert_eq!(
        to_json(&batch),
        json!({"images": [{"id": IMAGE_A}], "tagIds": [TAG]})
    );

    let partial: ImageCreateSummary = read(&format!(
        r#"{{"isBatchSuccessful": false, "images": [
            {{"sourceUrl": "\"hemlock_10.jpg\"", "status": "OK", "image": {EXAMPLE_IMAGE_A}}},
            {{"sourceUrl": "{{url}}", "status": "ErrorLimitExceed"}}
        ]}}"#
    ));
    assert_eq!(
        partial
            .images
            .iter()
            .map(|r| r.status.clone())
            .collect::<Vec<_>>(),
        [ImageCreateStatus::Ok, ImageCreateStatus::ErrorLimitExceed]
    );
    assert_eq!(
        partial.images[0].image,
        Some(example_image(IMAGE_A, 1095, 900, "tag 1"))
    );
}

fn region_entry(left: f64) -> ImageRegionCreateEntry {
    ImageRegionCreateEntry {
        image_id: id(IMAGE_A),
        tag_id: id(TAG),
        left,
        top: left,
        width: 0.25,
        height: 0.25,
    }
}

#[test]
fn create_image_regions_example_request_and_responses() {
    let batch = ImageRegionCreateBatch {
        regions: vec![region_entry(0.25), region_entry(0.35)],
    };
    let entry = |at: f64| {
        json!({"imageId": IMAGE_A, "tagId": TAG, "left": at, "top": at, "width": 0.25,
               "height": 0.25})
    };
    assert_eq!(
        to_json(&batch),
        json!({"regions": [entry(0.25), entry(0.35)]})
    );

    // The created regions come back without `regionId`, `tagName` or `created`.
    let all: ImageRegionCreateSummary = read(&format!(
        r#"{{"created": [{}, {}], "duplicated": [], "exceeded": []}}"#,
        entry(0.25),
        entry(0.35)
    ));
    let created = |left: f64| ImageRegionCreateResult {
        image_id: id(IMAGE_A),
        region_id: None,
        tag_name: None,
        created: None,
        tag_id: id(TAG),
        left,
        top: left,
        width: 0.25,
        height: 0.25,
    };
    assert_eq!(all.created, [created(0.25), created(0.35)]);
    assert!(all.duplicated.is_empty() && all.exceeded.is_empty());

    // 207: the second region exceeded a limit.
    let partial: ImageRegionCreateSummary = read(&format!(
        r#"{{"created": [{}], "duplicated": [], "exceeded": [{}]}}"#,
        entry(0.25),
        entry(0.35)
    ));
    assert_eq!(partial.created, [created(0.25)]);
    assert_eq!(partial.exceeded, [region_entry(0.35)]);
}

#[test]
fn update_image_metadata_example_request_and_responses() {
    assert_eq!(
        to_json(&metadata([("tag", "value")])),
        json!({"tag": "value"})
    );

    let all: ImageMetadataUpdateSummary = read(&format!(
        r#"{{"isBatchSuccessful": true, "images": [
            {{"imageId": "{IMAGE_A}", "status": "OK", "metadata": {{"tag": "value"}}}}]}}"#
    ));
    assert!(all.is_batch_successful);
    assert_eq!(
        all.images,
        [ImageMetadataUpdateEntry {
            image_id: id(IMAGE_A),
            status: ImageMetadataUpdateStatus::Ok,
            metadata: BTreeMap::from([("tag".to_owned(), "value".to_owned())]),
        }]
    );

    // 207: the image would have too many pairs, and no metadata comes back.
    let partial: ImageMetadataUpdateSummary = read(&format!(
        r#"{{"isBatchSuccessful": false, "images": [
            {{"imageId": "{IMAGE_A}", "status": "ErrorLimitExceed"}}]}}"#
    ));
    assert!(!partial.is_batch_successful);
    assert_eq!(
        partial.images[0].status,
        ImageMetadataUpdateStatus::ErrorLimitExceed
    );
    assert!(partial.images[0].metadata.is_empty());
}

// ---------------------------------------------------------------------------------------------
// What the service sends beyond the spec

#[test]
fn project_in_camel_case_with_v3_3_settings_and_unknown_fields() {
    let project: Project = read(&format!(
        r#"{{"id": "{PROJECT}", "name": "Birds", "description": null,
            "settings": {{"domainId": "{DOMAIN}", "classificationType": "MultiLabel",
                          "targetExportPlatforms": ["CoreML", "VAIDK", "Hololens"],
                          "useNegativeSet": true, "detectionParameters": "",
                          "imageProcessingSettings": {{"augmentationMethods": {{"rotation": true,
                                                                               "scaling": false}}}},
                          "futureSetting": 1}},
            "created": "2019-08-12T19:43:25.93", "lastModified": "2019-08-12T19:43:25.9345678Z",
            "thumbnailUri": null, "drModeEnabled": false, "status": "Succeeded",
            "futureField": {{"nested": []}}}}"#
    ));
    assert_eq!(project.id, id(PROJECT));
    assert_eq!(project.name, "Birds");
    assert_eq!(project.description, None);
    assert_eq!(
        project.settings,
        ProjectSettings {
            domain_id: id(DOMAIN),
            classification_type: Some(ClassificationType::Multilabel),
            target_export_platforms: vec![
                ExportPlatform::CoreMl,
                ExportPlatform::Vaidk,
                ExportPlatform::Other("Hololens".to_owned()),
            ],
            use_negative_set: Some(true),
            detection_parameters: Some(String::new()),
            image_processing_settings: Some(ImageProcessingSettings {
                augmentation_methods: Some(BTreeMap::from([
                    ("rotation".to_owned(), true),
                    ("scaling".to_owned(), false),
                ])),
            }),
        }
    );
    assert_eq!(project.created, at("2019-08-12T19:43:25.930Z"));
    assert_eq!(project.last_modified, at("2019-08-12T19:43:25.9345678"));
    assert_eq!(project.thumbnail_uri, None);
    assert_eq!(project.dr_mode_enabled, Some(false));
    assert_eq!(project.status, Some(ProjectStatus::Succeeded));
}

#[test]
fn project_in_pascal_case_with_its_optional_fields_left_out() {
    let project: Project = read(&format!(
        r#"{{"Id": "{PROJECT}", "Name": "Birds", "Description": "Garden birds",
            "Settings": {{"DomainId": "{DOMAIN}"}},
            "Created": "2017-12-18T05:43:18.08Z", "LastModified": "2017-12-18T05:43:18"}}"#
    ));
    assert_eq!(project.name, "Birds");
    assert_eq!(project.description.as_deref(), Some("Garden birds"));
    assert_eq!(project.settings.domain_id, id(DOMAIN));
    assert_eq!(project.settings.classification_type, None);
    assert!(project.settings.target_export_platforms.is_empty());
    assert_eq!(project.settings.image_processing_settings, None);
    assert_eq!(
        (
            project.thumbnail_uri,
            project.dr_mode_enabled,
            project.status
        ),
        (None, None, None)
    );
}

#[test]
fn a_project_without_its_required_name_or_settings_is_refused() {
    for missing in ["name", "settings"] {
        let mut value = json!({
            "id": PROJECT, "name": "Birds", "description": null,
            "settings": {"domainId": DOMAIN},
            "created": "2019-01-01T00:00:00", "lastModified": "2019-01-01T00:00:00"
        });
        value.as_object_mut().unwrap().remove(missing);
        let error = serde_json::from_value::<Project>(value).unwrap_err();
        assert!(error.to_string().contains(missing), "{missing}: {error}");
    }
}

#[test]
fn iteration_from_train_project_in_pascal_case() {
    let iteration: Iteration = read(&format!(
        r#"{{"Id": "{ITERATION}", "Name": "Iteration 4", "Status": "Training",
            "Created": "2019-08-12T19:43:25.5", "LastModified": "2019-08-12T19:43:26.19",
            "ProjectId": "{PROJECT}", "Exportable": false, "ExportableTo": null,
            "DomainId": "{DOMAIN}", "ClassificationType": "Multiclass",
            "TrainingType": "Advanced", "ReservedBudgetInHours": 5,
            "TrainingTimeInMinutes": 0, "PublishName": "", "OriginalPublishResourceId": "",
            "IsDefault": false}}"#
    ));
    assert_eq!(iteration.id, id(ITERATION));
    assert_eq!(iteration.name, "Iteration 4");
    assert_eq!(iteration.status.as_deref(), Some("Training"));
    assert_eq!(iteration.created, at("2019-08-12T19:43:25.5Z"));
    assert_eq!(iteration.trained_at, None);
    assert_eq!(iteration.project_id, id(PROJECT));
    assert!(!iteration.exportable && iteration.exportable_to.is_empty());
    assert_eq!(iteration.domain_id, Some(id(DOMAIN)));
    assert_eq!(
        iteration.classification_type,
        Some(ClassificationType::Multiclass)
    );
    assert_eq!(iteration.training_type, Some(TrainingType::Advanced));
    assert_eq!(iteration.reserved_budget_in_hours, 5);
    assert_eq!(iteration.publish_name.as_deref(), Some(""));
}

#[test]
fn a_published_iteration_in_camel_case_with_fields_left_out() {
    let iteration: Iteration = read(&format!(
        r#"{{"id": "{ITERATION}", "name": "Iteration 2", "status": "Completed",
            "created": "2019-08-12T19:43:25Z", "lastModified": "2019-08-13T08:02:11.7Z",
            "trainedAt": "2019-08-12T19:50:02.9511889Z", "projectId": "{PROJECT}",
            "exportable": true, "exportableTo": ["ONNX", "DockerFile", "TensorFlow", "CoreML"],
            "trainingType": "Regular", "trainingTimeInMinutes": 4,
            "publishName": "birds-v2",
            "originalPublishResourceId": "/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/z"}}"#
    ));
    assert_eq!(
        iteration.trained_at,
        Some(at("2019-08-12T19:50:02.9511889Z"))
    );
    assert_eq!(
        iteration.exportable_to,
        [
            ExportPlatform::Onnx,
            ExportPlatform::DockerFile,
            ExportPlatform::TensorFlow,
            ExportPlatform::CoreMl
        ]
    );
    assert_eq!(iteration.domain_id, None);
    assert_eq!(iteration.classification_type, None);
    assert_eq!(iteration.reserved_budget_in_hours, 0);
    assert_eq!(iteration.training_time_in_minutes, 4);
    assert_eq!(iteration.publish_name.as_deref(), Some("birds-v2"));
    assert!(
        iteration
            .original_publish_resource_id
            .as_deref()
            .is_some_and(|id| id.ends_with("/accounts/z"))
    );
}

#[test]
fn tag_in_pascal_case_and_a_tag_of_any_type() {
    let tag: Tag = read(&format!(
        r#"{{"Id": "{TAG}", "Name": "Cherry", "Description": null, "Type": "negative",
            "ImageCount": 3}}"#
    ));
    assert_eq!(tag.id, id(TAG));
    assert_eq!(tag.name, "Cherry");
    assert_eq!(tag.description, None);
    assert_eq!(tag.r#type, TagType::Negative);
    assert_eq!(tag.image_count, 3);

    let future: Tag = read(&format!(
        r#"{{"id": "{TAG}", "name": "Shelf", "type": "Background"}}"#
    ));
    assert_eq!(future.r#type, TagType::Other("Background".to_owned()));
    assert_eq!((future.description, future.image_count), (None, 0));
}

#[test]
fn image_with_regions_metadata_and_numbers_as_the_service_writes_them() {
    let image: Image = read(&format!(
        r#"{{"Id": "{IMAGE_A}", "Created": "2019-08-12T19:43:25.1985274", "Width": 1095,
            "Height": 900, "ResizedImageUri": "r", "ThumbnailUri": "t", "OriginalImageUri": "o",
            "Tags": null,
            "Regions": [{{"RegionId": "{IMAGE_B}", "TagName": "Hemlock",
                          "Created": "2019-08-12T19:43:26", "TagId": "{TAG}", "Left": 0.25,
                          "Top": 1.0, "Width": 2.16482044E-06, "Height": 0}}],
            "Metadata": {{"camera": "x100", "site": "north"}}}}"#
    ));
    assert_eq!(image.id, id(IMAGE_A));
    assert_eq!(
        (
            image.resized_image_uri.as_deref(),
            image.thumbnail_uri.as_deref(),
            image.original_image_uri.as_deref()
        ),
        (Some("r"), Some("t"), Some("o"))
    );
    assert!(image.tags.is_empty());
    assert_eq!(
        image.regions,
        [ImageRegion {
            region_id: id(IMAGE_B),
            tag_name: Some("Hemlock".to_owned()),
            created: at("2019-08-12T19:43:26Z"),
            tag_id: id(TAG),
            left: 0.25,
            top: 1.0,
            width: 2.16482044e-6,
            height: 0.0,
        }]
    );
    assert_eq!(image.metadata["site"], "north");

    let bare: Image = read(&format!(
        r#"{{"id": "{IMAGE_A}", "created": "2019-08-12T19:43:25", "metadata": null}}"#
    ));
    assert_eq!((bare.width, bare.height), (0, 0));
    assert_eq!(bare.resized_image_uri, None);
    assert!(bare.tags.is_empty() && bare.regions.is_empty() && bare.metadata.is_empty());
}

#[test]
fn a_region_without_its_required_coordinates_is_refused() {
    for missing in ["tagId", "left", "top", "width", "height"] {
        let mut value = json!({"tagId": TAG, "left": 0.1, "top": 0.2, "width": 0.3,
                               "height": 0.4});
        value.as_object_mut().unwrap().remove(missing);
        let error = serde_json::from_value::<Region>(value).unwrap_err();
        assert!(error.to_string().contains(missing), "{missing}: {error}");
    }
}

#[test]
fn prediction_query_result_with_the_v3_3_image_uris_and_tag_types() {
    let result: PredictionQueryResult = read(&format!(
        r#"{{"token": {{"session": "1", "continuation": "2", "maxCount": 0, "orderBy": "Newest",
                       "tags": [{{"id": "{TAG}", "minThreshold": 0.1, "maxThreshold": 1.0}}],
                       "iterationId": null, "startTime": null, "endTime": null,
                       "application": ""}},
            "results": [{{"resizedImageUri": "r", "thumbnailUri": "t", "originalImageUri": "o",
                          "domain": "{DOMAIN}", "id": "{IMAGE_A}", "project": "{PROJECT}",
                          "iteration": "{ITERATION}", "created": "2019-08-12T19:43:25.8",
                          "predictions": [{{"probability": 0.934625268, "tagId": "{TAG}",
                                            "tagName": "Hemlock", "boundingBox": null,
                                            "tagType": "Regular"}}]}}]}}"#
    ));
    let token = result.token.unwrap();
    assert_eq!(token.session.as_deref(), Some("1"));
    assert_eq!(token.max_count, Some(0));
    assert_eq!(token.order_by, Some(PredictionOrderBy::Newest));
    assert_eq!(
        token.tags,
        [PredictionQueryTag {
            id: id(TAG),
            min_threshold: 0.1,
            max_threshold: 1.0
        }]
    );
    assert_eq!(token.application.as_deref(), Some(""));
    let stored = &result.results[0];
    assert_eq!(stored.original_image_uri.as_deref(), Some("o"));
    assert_eq!(stored.domain, Some(id(DOMAIN)));
    assert_eq!(stored.predictions[0].tag_type, Some(TagType::Regular));
    assert_eq!(stored.predictions[0].probability, 0.934625268);
    assert_eq!(stored.predictions[0].bounding_box, None);
}

#[test]
fn suggestions_in_camel_and_pascal_case() {
    let suggestions: Vec<SuggestedTagAndRegion> = read(&format!(
        r#"[{{"id": "{IMAGE_A}", "project": "{PROJECT}", "iteration": "{ITERATION}",
              "created": "2019-08-12T19:43:25Z",
              "predictions": [{{"probability": 0.5, "tagId": "{TAG}", "tagName": "Hemlock",
                                "boundingBox": {{"left": 0.1, "top": 0.2, "width": 0.3,
                                                 "height": 0.4}},
                                "tagType": "Regular"}}],
              "predictionUncertainty": 0.69}},
             {{"Id": "{IMAGE_B}", "Project": "{PROJECT}", "Iteration": "{ITERATION}",
               "Created": "2019-08-12T19:43:25", "Predictions": null}}]"#
    ));
    assert_eq!(suggestions[0].prediction_uncertainty, 0.69);
    assert_eq!(
        suggestions[0].predictions[0].bounding_box,
        Some(BoundingBox {
            left: 0.1,
            top: 0.2,
            width: 0.3,
            height: 0.4
        })
    );
    assert_eq!(suggestions[1].id, id(IMAGE_B));
    assert!(suggestions[1].predictions.is_empty());
    assert_eq!(suggestions[1].prediction_uncertainty, 0.0);

    let query: SuggestedTagAndRegionQuery = read(&format!(
        r#"{{"token": {{"tagIds": ["{TAG}"], "threshold": 0.5, "session": "s",
                       "continuation": "c", "maxCount": 10,
                       "sortBy": "UncertaintyDescending"}},
            "results": [{{"width": 600, "height": 400, "resizedImageUri": "r",
                          "thumbnailUri": "t", "originalImageUri": "o", "domain": "{DOMAIN}",
                          "id": "{IMAGE_A}", "project": "{PROJECT}",
                          "iteration": "{ITERATION}", "created": "2019-08-12T19:43:25",
                          "predictions": [], "predictionUncertainty": 1.5}}]}}"#
    ));
    let token = query.token.unwrap();
    assert_eq!(token.sort_by, Some(SuggestionSortBy::UncertaintyDescending));
    assert_eq!(token.continuation.as_deref(), Some("c"));
    assert_eq!(
        query.results[0],
        StoredSuggestedTagAndRegion {
            width: 600,
            height: 400,
            resized_image_uri: Some("r".to_owned()),
            thumbnail_uri: Some("t".to_owned()),
            original_image_uri: Some("o".to_owned()),
            domain: Some(id(DOMAIN)),
            id: id(IMAGE_A),
            project: id(PROJECT),
            iteration: id(ITERATION),
            created: at("2019-08-12T19:43:25"),
            predictions: vec![],
            prediction_uncertainty: 1.5,
        }
    );
}

#[test]
fn project_export_reads_its_odd_key_and_keeps_its_token_out_of_debug() {
    let export: ProjectExport = read(
        r#"{"iterationCount": 2, "imageCount": 120, "tagCount": 3, "regionCount": 0,
            "estimatedImportTimeInMS": 53000, "token": "secret-import-token"}"#,
    );
    assert_eq!(export.estimated_import_time_in_ms, 53000);
    assert_eq!(export.token.as_deref(), Some("secret-import-token"));
    let shown = format!("{export:?}");
    assert!(!shown.contains("secret-import-token"), "{shown}");
    assert!(
        shown.contains("image_count: 120") && shown.contains("<redacted>"),
        "{shown}"
    );
    assert_eq!(
        to_json(&export)["estimatedImportTimeInMS"],
        json!(53000),
        "written with the spec's spelling"
    );

    let pascal: ProjectExport = read(r#"{"EstimatedImportTimeInMS": 5, "Token": "t"}"#);
    assert_eq!(pascal.estimated_import_time_in_ms, 5);
    assert_eq!(pascal.token.as_deref(), Some("t"));
}

#[test]
fn iteration_performance_and_region_proposals() {
    let performance: IterationPerformance = read(&format!(
        r#"{{"PerTagPerformance": [{{"Id": "{TAG}", "Name": "Hemlock", "Precision": 1.0,
              "PrecisionStdDeviation": 0.0, "Recall": 0.5, "RecallStdDeviation": 0.0,
              "AveragePrecision": null}}],
            "Precision": 0.9, "PrecisionStdDeviation": 0.0, "Recall": 0.8,
            "RecallStdDeviation": 0.0}}"#
    ));
    assert_eq!(
        performance.per_tag_performance,
        [TagPerformance {
            id: id(TAG),
            name: Some("Hemlock".to_owned()),
            precision: 1.0,
            precision_std_deviation: 0.0,
            recall: 0.5,
            recall_std_deviation: 0.0,
            average_precision: None,
        }]
    );
    assert_eq!(performance.average_precision, None);

    let proposal: ImageRegionProposal = read(&format!(
        r#"{{"projectId": "{PROJECT}", "imageId": "{IMAGE_A}", "proposals": [
            {{"confidence": 0.5, "boundingBox": {{"left": 0.1, "top": 0.2, "width": 0.3,
                                                  "height": 0.4}}}},
            {{"confidence": 0.25}}]}}"#
    ));
    assert_eq!(proposal.proposals.len(), 2);
    assert_eq!(
        proposal.proposals[1],
        RegionProposal {
            confidence: 0.25,
            bounding_box: None
        }
    );
}

#[test]
fn quick_test_prediction_and_image_tag_summaries() {
    let prediction: ImagePrediction = read(&format!(
        r#"{{"id": "{IMAGE_A}", "project": "{PROJECT}", "iteration": "{ITERATION}",
            "created": "2019-08-12T19:43:25.1", "predictions": [
              {{"probability": 2.16482044E-06, "tagId": "{TAG}", "tagName": "Hemlock",
                "tagType": "GeneralProduct"}}]}}"#
    ));
    assert_eq!(prediction.predictions[0].probability, 2.16482044e-6);
    assert_eq!(
        prediction.predictions[0].tag_type,
        Some(TagType::GeneralProduct)
    );

    let summary: ImageTagCreateSummary = read(&format!(
        r#"{{"created": [{{"imageId": "{IMAGE_A}", "tagId": "{TAG}"}}], "duplicated": null}}"#
    ));
    assert_eq!(
        summary.created,
        [ImageTagCreateEntry {
            image_id: id(IMAGE_A),
            tag_id: id(TAG)
        }]
    );
    assert!(summary.duplicated.is_empty() && summary.exceeded.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Request models

#[test]
fn request_models_leave_unset_fields_and_empty_lists_out_of_the_json() {
    // Unset means absent on the wire: an empty list is never sent as `[]`, nor `None` as null.
    let empty = json!({});
    assert_eq!(to_json(&ImageFileCreateBatch::default()), empty);
    assert_eq!(to_json(&ImageFileCreateEntry::default()), empty);
    assert_eq!(to_json(&ImageUrlCreateBatch::default()), empty);
    assert_eq!(to_json(&ImageIdCreateBatch::default()), empty);
    assert_eq!(to_json(&ImageTagCreateBatch::default()), empty);
    assert_eq!(to_json(&ImageRegionCreateBatch::default()), empty);
    assert_eq!(to_json(&PredictionQueryToken::default()), empty);
    assert_eq!(to_json(&SuggestedTagAndRegionQueryToken::default()), empty);
    assert_eq!(to_json(&TagFilter::default()), empty);
    assert_eq!(to_json(&TrainingParameters::default()), empty);
    assert_eq!(to_json(&ImageProcessingSettings::default()), empty);
    assert_eq!(
        to_json(&ImageUrlCreateEntry {
            url: "u".to_owned(),
            tag_ids: vec![],
            regions: vec![]
        }),
        json!({"url": "u"})
    );
    assert_eq!(
        to_json(&ImageIdCreateEntry {
            id: id(IMAGE_A),
            tag_ids: vec![],
            regions: vec![]
        }),
        json!({"id": IMAGE_A})
    );
    assert_eq!(
        to_json(&ProjectSettings {
            domain_id: id(DOMAIN),
            classification_type: None,
            target_export_platforms: vec![],
            use_negative_set: None,
            detection_parameters: None,
            image_processing_settings: None,
        }),
        json!({"domainId": DOMAIN})
    );
    // An empty map is set, not unset: `{}` turns every augmentation off.
    assert_eq!(
        to_json(&ImageProcessingSettings {
            augmentation_methods: Some(BTreeMap::new())
        }),
        json!({"augmentationMethods": {}})
    );
    assert_eq!(
        to_json(&ImageFileCreateBatch {
            metadata: Some(ImageMetadata::new()),
            ..Default::default()
        }),
        json!({"metadata": {}})
    );
}

#[test]
fn request_models_send_exactly_the_spec_keys_when_every_field_is_set() {
    let region = Region {
        tag_id: id(TAG),
        left: 0.1,
        top: 0.2,
        width: 0.3,
        height: 0.4,
    };
    let file_entry = ImageFileCreateEntry {
        name: Some("hemlock_10.jpg".to_owned()),
        contents: Some("aGVsbG8=".to_owned()),
        tag_ids: vec![id(TAG)],
        regions: vec![region.clone()],
    };
    assert_eq!(
        to_json(&file_entry),
        json!({"name": "hemlock_10.jpg", "contents": "aGVsbG8=", "tagIds": [TAG],
               "regions": [{"tagId": TAG, "left": 0.1, "top": 0.2, "width": 0.3,
                            "height": 0.4}]})
    );
    let file_batch = ImageFileCreateBatch {
        images: vec![file_entry],
        tag_ids: vec![id(TAG)],
        metadata: Some(metadata([("camera", "x100")])),
    };
    assert_eq!(
        keys(&to_json(&file_batch)),
        ["images", "metadata", "tagIds"]
    );
    assert_eq!(to_json(&file_batch)["metadata"], json!({"camera": "x100"}));
    let url_entry = ImageUrlCreateEntry {
        url: "https://example.invalid/a.jpg".to_owned(),
        tag_ids: vec![id(TAG)],
        regions: vec![region.clone()],
    };
    assert_eq!(keys(&to_json(&url_entry)), ["regions", "tagIds", "url"]);
    let url_batch = ImageUrlCreateBatch {
        images: vec![url_entry],
        tag_ids: vec![id(TAG)],
        metadata: Some(metadata([("camera", "x100")])),
    };
    assert_eq!(keys(&to_json(&url_batch)), ["images", "metadata", "tagIds"]);
    let id_entry = ImageIdCreateEntry {
        id: id(IMAGE_A),
        tag_ids: vec![id(TAG)],
        regions: vec![region],
    };
    assert_eq!(keys(&to_json(&id_entry)), ["id", "regions", "tagIds"]);
    let id_batch = ImageIdCreateBatch {
        images: vec![id_entry],
        tag_ids: vec![id(TAG)],
        metadata: Some(metadata([("camera", "x100")])),
    };
    assert_eq!(keys(&to_json(&id_batch)), ["images", "metadata", "tagIds"]);
    assert_eq!(
        to_json(&ImageTagCreateBatch {
            tags: vec![ImageTagCreateEntry {
                image_id: id(IMAGE_A),
                tag_id: id(TAG)
            }]
        }),
        json!({"tags": [{"imageId": IMAGE_A, "tagId": TAG}]})
    );
    let token = PredictionQueryToken {
        session: Some("s".to_owned()),
        continuation: Some("c".to_owned()),
        max_count: Some(10),
        order_by: Some(PredictionOrderBy::Suggested),
        tags: vec![PredictionQueryTag {
            id: id(TAG),
            min_threshold: 0.5,
            max_threshold: 1.0,
        }],
        iteration_id: Some(id(ITERATION)),
        start_time: Some(at("2019-08-01T00:00:00Z")),
        end_time: Some(at("2019-08-02T00:00:00.5Z")),
        application: Some("kiosk".to_owned()),
    };
    assert_eq!(
        to_json(&token),
        json!({"session": "s", "continuation": "c", "maxCount": 10, "orderBy": "Suggested",
               "tags": [{"id": TAG, "minThreshold": 0.5, "maxThreshold": 1.0}],
               "iterationId": ITERATION, "startTime": "2019-08-01T00:00:00Z",
               "endTime": "2019-08-02T00:00:00.5Z", "application": "kiosk"})
    );
    assert_eq!(
        to_json(&ImageUrl {
            url: "https://example.invalid/a.jpg".to_owned()
        }),
        json!({"url": "https://example.invalid/a.jpg"})
    );
    assert_eq!(
        to_json(&SuggestedTagAndRegionQueryToken {
            tag_ids: vec![id(TAG)],
            threshold: Some(0.5),
            session: None,
            continuation: None,
            max_count: Some(20),
            sort_by: Some(SuggestionSortBy::UncertaintyAscending),
        }),
        json!({"tagIds": [TAG], "threshold": 0.5, "maxCount": 20,
               "sortBy": "UncertaintyAscending"})
    );
    assert_eq!(
        to_json(&TagFilter {
            tag_ids: vec![id(TAG)],
            threshold: Some(0.75)
        }),
        json!({"tagIds": [TAG], "threshold": 0.75})
    );
    assert_eq!(
        to_json(&TrainingParameters {
            selected_tags: vec![id(TAG)]
        }),
        json!({"selectedTags": [TAG]})
    );
}

// ---------------------------------------------------------------------------------------------
// Every model against the spec's property names

/// Reads `text`, every property of `model` set (its nested models too), and checks that writing
/// it back gives exactly the same JSON: no spec key is ignored, misspelled or added.
fn round_trips_exactly<T: Serialize + DeserializeOwned>(model: &str, text: &str) {
    let expected: Value = serde_json::from_str(text).unwrap();
    let read: T = serde_json::from_str(text).unwrap_or_else(|e| panic!("{model}: {e}"));
    assert_eq!(to_json(&read), expected, "{model} did not round-trip");
}

/// The fixtures are generated from the v3.3 spec's schemas: every property of each model set,
/// with nested models in full and arrays of one item, in the spec's own spelling.
#[test]
fn all_49_models_read_and_write_exactly_the_spec_property_names() {
    round_trips_exactly::<BoundingBox>(
        "BoundingBox",
        r#"{
                "left": 0.25,
                "top": 0.25,
                "width": 0.25,
                "height": 0.25
            }"#,
    );
    round_trips_exactly::<CustomVisionError>(
        "CustomVisionError",
        r#"{
                "code": "NotFoundIteration",
                "message": "message text"
            }"#,
    );
    round_trips_exactly::<Domain>(
        "Domain",
        r#"{
                "id": "00000001-0000-4000-8000-000000000001",
                "name": "name text",
                "type": "ObjectDetection",
                "exportable": true,
                "enabled": true
            }"#,
    );
    round_trips_exactly::<Export>(
        "Export",
        r#"{
                "platform": "VAIDK",
                "status": "Done",
                "downloadUri": "downloadUri text",
                "flavor": "TensorFlowLite",
                "newerVersionAvailable": true
            }"#,
    );
    round_trips_exactly::<Image>(
        "Image",
        r#"{
                "id": "00000002-0000-4000-8000-000000000002",
                "created": "2019-08-12T19:43:25Z",
                "width": 7,
                "height": 7,
                "resizedImageUri": "resizedImageUri text",
                "thumbnailUri": "thumbnailUri text",
                "originalImageUri": "originalImageUri text",
                "tags": [{"tagId": "00000003-0000-4000-8000-000000000003", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z"}],
                "regions": [{"regionId": "00000004-0000-4000-8000-000000000004", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z", "tagId": "00000005-0000-4000-8000-000000000005", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}],
                "metadata": {"camera": "camera text"}
            }"#,
    );
    round_trips_exactly::<ImageCreateResult>(
        "ImageCreateResult",
        r#"{
                "sourceUrl": "sourceUrl text",
                "status": "ErrorNegativeAndRegularTagOnSameImage",
                "image": {"id": "00000006-0000-4000-8000-000000000006", "created": "2019-08-12T19:43:25.1234567Z", "width": 7, "height": 7, "resizedImageUri": "resizedImageUri text", "thumbnailUri": "thumbnailUri text", "originalImageUri": "originalImageUri text", "tags": [{"tagId": "00000007-0000-4000-8000-000000000007", "tagName": "tagName text", "created": "2019-08-12T19:43:25Z"}], "regions": [{"regionId": "00000008-0000-4000-8000-000000000008", "tagName": "tagName text", "created": "2019-08-12T19:43:25Z", "tagId": "00000009-0000-4000-8000-000000000009", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}], "metadata": {"camera": "camera text"}}
            }"#,
    );
    round_trips_exactly::<ImageCreateSummary>(
        "ImageCreateSummary",
        r#"{
                "isBatchSuccessful": true,
                "images": [{"sourceUrl": "sourceUrl text", "status": "ErrorNegativeAndRegularTagOnSameImage", "image": {"id": "0000000a-0000-4000-8000-00000000000a", "created": "2019-08-12T19:43:25Z", "width": 7, "height": 7, "resizedImageUri": "resizedImageUri text", "thumbnailUri": "thumbnailUri text", "originalImageUri": "originalImageUri text", "tags": [{"tagId": "0000000b-0000-4000-8000-00000000000b", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z"}], "regions": [{"regionId": "0000000c-0000-4000-8000-00000000000c", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z", "tagId": "0000000d-0000-4000-8000-00000000000d", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}], "metadata": {"camera": "camera text"}}}]
            }"#,
    );
    round_trips_exactly::<ImageFileCreateBatch>(
        "ImageFileCreateBatch",
        r#"{
                "images": [{"name": "name text", "contents": "aGVsbG8=", "tagIds": ["0000000e-0000-4000-8000-00000000000e"], "regions": [{"tagId": "0000000f-0000-4000-8000-00000000000f", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]}],
                "tagIds": ["00000010-0000-4000-8000-000000000010"],
                "metadata": {"camera": "camera text"}
            }"#,
    );
    round_trips_exactly::<ImageFileCreateEntry>(
        "ImageFileCreateEntry",
        r#"{
                "name": "name text",
                "contents": "aGVsbG8=",
                "tagIds": ["00000011-0000-4000-8000-000000000011"],
                "regions": [{"tagId": "00000012-0000-4000-8000-000000000012", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<ImageIdCreateBatch>(
        "ImageIdCreateBatch",
        r#"{
                "images": [{"id": "00000013-0000-4000-8000-000000000013", "tagIds": ["00000014-0000-4000-8000-000000000014"], "regions": [{"tagId": "00000015-0000-4000-8000-000000000015", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]}],
                "tagIds": ["00000016-0000-4000-8000-000000000016"],
                "metadata": {"camera": "camera text"}
            }"#,
    );
    round_trips_exactly::<ImageIdCreateEntry>(
        "ImageIdCreateEntry",
        r#"{
                "id": "00000017-0000-4000-8000-000000000017",
                "tagIds": ["00000018-0000-4000-8000-000000000018"],
                "regions": [{"tagId": "00000019-0000-4000-8000-000000000019", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<ImageMetadataUpdateEntry>(
        "ImageMetadataUpdateEntry",
        r#"{
                "imageId": "0000001a-0000-4000-8000-00000000001a",
                "status": "ErrorUnknown",
                "metadata": {"camera": "camera text"}
            }"#,
    );
    round_trips_exactly::<ImageMetadataUpdateSummary>(
        "ImageMetadataUpdateSummary",
        r#"{
                "isBatchSuccessful": true,
                "images": [{"imageId": "0000001b-0000-4000-8000-00000000001b", "status": "ErrorUnknown", "metadata": {"camera": "camera text"}}]
            }"#,
    );
    round_trips_exactly::<ImagePerformance>(
        "ImagePerformance",
        r#"{
                "predictions": [{"probability": 0.25, "tagId": "0000001c-0000-4000-8000-00000000001c", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}],
                "id": "0000001d-0000-4000-8000-00000000001d",
                "created": "2019-08-12T19:43:25Z",
                "width": 7,
                "height": 7,
                "imageUri": "imageUri text",
                "thumbnailUri": "thumbnailUri text",
                "tags": [{"tagId": "0000001e-0000-4000-8000-00000000001e", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z"}],
                "regions": [{"regionId": "0000001f-0000-4000-8000-00000000001f", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z", "tagId": "00000020-0000-4000-8000-000000000020", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<ImagePrediction>(
        "ImagePrediction",
        r#"{
                "id": "00000021-0000-4000-8000-000000000021",
                "project": "00000022-0000-4000-8000-000000000022",
                "iteration": "00000023-0000-4000-8000-000000000023",
                "created": "2019-08-12T19:43:25Z",
                "predictions": [{"probability": 0.25, "tagId": "00000024-0000-4000-8000-000000000024", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}]
            }"#,
    );
    round_trips_exactly::<ImageProcessingSettings>(
        "ImageProcessingSettings",
        r#"{
                "augmentationMethods": {"camera": true}
            }"#,
    );
    round_trips_exactly::<ImageRegion>(
        "ImageRegion",
        r#"{
                "regionId": "00000025-0000-4000-8000-000000000025",
                "tagName": "tagName text",
                "created": "2019-08-12T19:43:25Z",
                "tagId": "00000026-0000-4000-8000-000000000026",
                "left": 0.25,
                "top": 0.25,
                "width": 0.25,
                "height": 0.25
            }"#,
    );
    round_trips_exactly::<ImageRegionCreateBatch>(
        "ImageRegionCreateBatch",
        r#"{
                "regions": [{"imageId": "00000027-0000-4000-8000-000000000027", "tagId": "00000028-0000-4000-8000-000000000028", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<ImageRegionCreateEntry>(
        "ImageRegionCreateEntry",
        r#"{
                "imageId": "00000029-0000-4000-8000-000000000029",
                "tagId": "0000002a-0000-4000-8000-00000000002a",
                "left": 0.25,
                "top": 0.25,
                "width": 0.25,
                "height": 0.25
            }"#,
    );
    round_trips_exactly::<ImageRegionCreateResult>(
        "ImageRegionCreateResult",
        r#"{
                "imageId": "0000002b-0000-4000-8000-00000000002b",
                "regionId": "0000002c-0000-4000-8000-00000000002c",
                "tagName": "tagName text",
                "created": "2019-08-12T19:43:25Z",
                "tagId": "0000002d-0000-4000-8000-00000000002d",
                "left": 0.25,
                "top": 0.25,
                "width": 0.25,
                "height": 0.25
            }"#,
    );
    round_trips_exactly::<ImageRegionCreateSummary>(
        "ImageRegionCreateSummary",
        r#"{
                "created": [{"imageId": "0000002e-0000-4000-8000-00000000002e", "regionId": "0000002f-0000-4000-8000-00000000002f", "tagName": "tagName text", "created": "2019-08-12T19:43:25.1234567Z", "tagId": "00000030-0000-4000-8000-000000000030", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}],
                "duplicated": [{"imageId": "00000031-0000-4000-8000-000000000031", "tagId": "00000032-0000-4000-8000-000000000032", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}],
                "exceeded": [{"imageId": "00000033-0000-4000-8000-000000000033", "tagId": "00000034-0000-4000-8000-000000000034", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<ImageRegionProposal>(
        "ImageRegionProposal",
        r#"{
                "projectId": "00000035-0000-4000-8000-000000000035",
                "imageId": "00000036-0000-4000-8000-000000000036",
                "proposals": [{"confidence": 0.25, "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}}]
            }"#,
    );
    round_trips_exactly::<ImageTag>(
        "ImageTag",
        r#"{
                "tagId": "00000037-0000-4000-8000-000000000037",
                "tagName": "tagName text",
                "created": "2019-08-12T19:43:25Z"
            }"#,
    );
    round_trips_exactly::<ImageTagCreateBatch>(
        "ImageTagCreateBatch",
        r#"{
                "tags": [{"imageId": "00000038-0000-4000-8000-000000000038", "tagId": "00000039-0000-4000-8000-000000000039"}]
            }"#,
    );
    round_trips_exactly::<ImageTagCreateEntry>(
        "ImageTagCreateEntry",
        r#"{
                "imageId": "0000003a-0000-4000-8000-00000000003a",
                "tagId": "0000003b-0000-4000-8000-00000000003b"
            }"#,
    );
    round_trips_exactly::<ImageTagCreateSummary>(
        "ImageTagCreateSummary",
        r#"{
                "created": [{"imageId": "0000003c-0000-4000-8000-00000000003c", "tagId": "0000003d-0000-4000-8000-00000000003d"}],
                "duplicated": [{"imageId": "0000003e-0000-4000-8000-00000000003e", "tagId": "0000003f-0000-4000-8000-00000000003f"}],
                "exceeded": [{"imageId": "00000040-0000-4000-8000-000000000040", "tagId": "00000041-0000-4000-8000-000000000041"}]
            }"#,
    );
    round_trips_exactly::<ImageUrl>(
        "ImageUrl",
        r#"{
                "url": "url text"
            }"#,
    );
    round_trips_exactly::<ImageUrlCreateBatch>(
        "ImageUrlCreateBatch",
        r#"{
                "images": [{"url": "url text", "tagIds": ["00000042-0000-4000-8000-000000000042"], "regions": [{"tagId": "00000043-0000-4000-8000-000000000043", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]}],
                "tagIds": ["00000044-0000-4000-8000-000000000044"],
                "metadata": {"camera": "camera text"}
            }"#,
    );
    round_trips_exactly::<ImageUrlCreateEntry>(
        "ImageUrlCreateEntry",
        r#"{
                "url": "url text",
                "tagIds": ["00000045-0000-4000-8000-000000000045"],
                "regions": [{"tagId": "00000046-0000-4000-8000-000000000046", "left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}]
            }"#,
    );
    round_trips_exactly::<Iteration>(
        "Iteration",
        r#"{
                "id": "00000047-0000-4000-8000-000000000047",
                "name": "name text",
                "status": "status text",
                "created": "2019-08-12T19:43:25Z",
                "lastModified": "2019-08-12T19:43:25Z",
                "trainedAt": "2019-08-12T19:43:25Z",
                "projectId": "00000048-0000-4000-8000-000000000048",
                "exportable": true,
                "exportableTo": ["VAIDK"],
                "domainId": "00000049-0000-4000-8000-000000000049",
                "classificationType": "Multilabel",
                "trainingType": "Advanced",
                "reservedBudgetInHours": 7,
                "trainingTimeInMinutes": 7,
                "publishName": "publishName text",
                "originalPublishResourceId": "originalPublishResourceId text"
            }"#,
    );
    round_trips_exactly::<IterationPerformance>(
        "IterationPerformance",
        r#"{
                "perTagPerformance": [{"id": "0000004a-0000-4000-8000-00000000004a", "name": "name text", "precision": 0.25, "precisionStdDeviation": 0.25, "recall": 0.25, "recallStdDeviation": 0.25, "averagePrecision": 0.25}],
                "precision": 0.25,
                "precisionStdDeviation": 0.25,
                "recall": 0.25,
                "recallStdDeviation": 0.25,
                "averagePrecision": 0.25
            }"#,
    );
    round_trips_exactly::<Prediction>(
        "Prediction",
        r#"{
                "probability": 0.25,
                "tagId": "0000004b-0000-4000-8000-00000000004b",
                "tagName": "tagName text",
                "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25},
                "tagType": "GeneralProduct"
            }"#,
    );
    round_trips_exactly::<PredictionQueryResult>(
        "PredictionQueryResult",
        r#"{
                "token": {"session": "session text", "continuation": "continuation text", "maxCount": 7, "orderBy": "Suggested", "tags": [{"id": "0000004c-0000-4000-8000-00000000004c", "minThreshold": 0.25, "maxThreshold": 0.25}], "iterationId": "0000004d-0000-4000-8000-00000000004d", "startTime": "2019-08-12T19:43:25.1234567Z", "endTime": "2019-08-12T19:43:25.1234567Z", "application": "application text"},
                "results": [{"resizedImageUri": "resizedImageUri text", "thumbnailUri": "thumbnailUri text", "originalImageUri": "originalImageUri text", "domain": "0000004e-0000-4000-8000-00000000004e", "id": "0000004f-0000-4000-8000-00000000004f", "project": "00000050-0000-4000-8000-000000000050", "iteration": "00000051-0000-4000-8000-000000000051", "created": "2019-08-12T19:43:25.1234567Z", "predictions": [{"probability": 0.25, "tagId": "00000052-0000-4000-8000-000000000052", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}]}]
            }"#,
    );
    round_trips_exactly::<PredictionQueryTag>(
        "PredictionQueryTag",
        r#"{
                "id": "00000053-0000-4000-8000-000000000053",
                "minThreshold": 0.25,
                "maxThreshold": 0.25
            }"#,
    );
    round_trips_exactly::<PredictionQueryToken>(
        "PredictionQueryToken",
        r#"{
                "session": "session text",
                "continuation": "continuation text",
                "maxCount": 7,
                "orderBy": "Suggested",
                "tags": [{"id": "00000054-0000-4000-8000-000000000054", "minThreshold": 0.25, "maxThreshold": 0.25}],
                "iterationId": "00000055-0000-4000-8000-000000000055",
                "startTime": "2019-08-12T19:43:25Z",
                "endTime": "2019-08-12T19:43:25Z",
                "application": "application text"
            }"#,
    );
    round_trips_exactly::<Project>(
        "Project",
        r#"{
                "id": "00000056-0000-4000-8000-000000000056",
                "name": "name text",
                "description": "description text",
                "settings": {"domainId": "00000057-0000-4000-8000-000000000057", "classificationType": "Multilabel", "targetExportPlatforms": ["VAIDK"], "useNegativeSet": true, "detectionParameters": "detectionParameters text", "imageProcessingSettings": {"augmentationMethods": {"camera": true}}},
                "created": "2019-08-12T19:43:25Z",
                "lastModified": "2019-08-12T19:43:25Z",
                "thumbnailUri": "thumbnailUri text",
                "drModeEnabled": true,
                "status": "Failed"
            }"#,
    );
    round_trips_exactly::<ProjectExport>(
        "ProjectExport",
        r#"{
                "iterationCount": 7,
                "imageCount": 7,
                "tagCount": 7,
                "regionCount": 7,
                "estimatedImportTimeInMS": 7,
                "token": "token text"
            }"#,
    );
    round_trips_exactly::<ProjectSettings>(
        "ProjectSettings",
        r#"{
                "domainId": "00000058-0000-4000-8000-000000000058",
                "classificationType": "Multilabel",
                "targetExportPlatforms": ["VAIDK"],
                "useNegativeSet": true,
                "detectionParameters": "detectionParameters text",
                "imageProcessingSettings": {"augmentationMethods": {"camera": true}}
            }"#,
    );
    round_trips_exactly::<Region>(
        "Region",
        r#"{
                "tagId": "00000059-0000-4000-8000-000000000059",
                "left": 0.25,
                "top": 0.25,
                "width": 0.25,
                "height": 0.25
            }"#,
    );
    round_trips_exactly::<RegionProposal>(
        "RegionProposal",
        r#"{
                "confidence": 0.25,
                "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}
            }"#,
    );
    round_trips_exactly::<StoredImagePrediction>(
        "StoredImagePrediction",
        r#"{
                "resizedImageUri": "resizedImageUri text",
                "thumbnailUri": "thumbnailUri text",
                "originalImageUri": "originalImageUri text",
                "domain": "0000005a-0000-4000-8000-00000000005a",
                "id": "0000005b-0000-4000-8000-00000000005b",
                "project": "0000005c-0000-4000-8000-00000000005c",
                "iteration": "0000005d-0000-4000-8000-00000000005d",
                "created": "2019-08-12T19:43:25Z",
                "predictions": [{"probability": 0.25, "tagId": "0000005e-0000-4000-8000-00000000005e", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}]
            }"#,
    );
    round_trips_exactly::<StoredSuggestedTagAndRegion>(
        "StoredSuggestedTagAndRegion",
        r#"{
                "width": 7,
                "height": 7,
                "resizedImageUri": "resizedImageUri text",
                "thumbnailUri": "thumbnailUri text",
                "originalImageUri": "originalImageUri text",
                "domain": "0000005f-0000-4000-8000-00000000005f",
                "id": "00000060-0000-4000-8000-000000000060",
                "project": "00000061-0000-4000-8000-000000000061",
                "iteration": "00000062-0000-4000-8000-000000000062",
                "created": "2019-08-12T19:43:25Z",
                "predictions": [{"probability": 0.25, "tagId": "00000063-0000-4000-8000-000000000063", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}],
                "predictionUncertainty": 0.25
            }"#,
    );
    round_trips_exactly::<SuggestedTagAndRegion>(
        "SuggestedTagAndRegion",
        r#"{
                "id": "00000064-0000-4000-8000-000000000064",
                "project": "00000065-0000-4000-8000-000000000065",
                "iteration": "00000066-0000-4000-8000-000000000066",
                "created": "2019-08-12T19:43:25Z",
                "predictions": [{"probability": 0.25, "tagId": "00000067-0000-4000-8000-000000000067", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}],
                "predictionUncertainty": 0.25
            }"#,
    );
    round_trips_exactly::<SuggestedTagAndRegionQuery>(
        "SuggestedTagAndRegionQuery",
        r#"{
                "token": {"tagIds": ["00000068-0000-4000-8000-000000000068"], "threshold": 0.25, "session": "session text", "continuation": "continuation text", "maxCount": 7, "sortBy": "UncertaintyDescending"},
                "results": [{"width": 7, "height": 7, "resizedImageUri": "resizedImageUri text", "thumbnailUri": "thumbnailUri text", "originalImageUri": "originalImageUri text", "domain": "00000069-0000-4000-8000-000000000069", "id": "0000006a-0000-4000-8000-00000000006a", "project": "0000006b-0000-4000-8000-00000000006b", "iteration": "0000006c-0000-4000-8000-00000000006c", "created": "2019-08-12T19:43:25.1234567Z", "predictions": [{"probability": 0.25, "tagId": "0000006d-0000-4000-8000-00000000006d", "tagName": "tagName text", "boundingBox": {"left": 0.25, "top": 0.25, "width": 0.25, "height": 0.25}, "tagType": "GeneralProduct"}], "predictionUncertainty": 0.25}]
            }"#,
    );
    round_trips_exactly::<SuggestedTagAndRegionQueryToken>(
        "SuggestedTagAndRegionQueryToken",
        r#"{
                "tagIds": ["0000006e-0000-4000-8000-00000000006e"],
                "threshold": 0.25,
                "session": "session text",
                "continuation": "continuation text",
                "maxCount": 7,
                "sortBy": "UncertaintyDescending"
            }"#,
    );
    round_trips_exactly::<Tag>(
        "Tag",
        r#"{
                "id": "0000006f-0000-4000-8000-00000000006f",
                "name": "name text",
                "description": "description text",
                "type": "GeneralProduct",
                "imageCount": 7
            }"#,
    );
    round_trips_exactly::<TagFilter>(
        "TagFilter",
        r#"{
                "tagIds": ["00000070-0000-4000-8000-000000000070"],
                "threshold": 0.25
            }"#,
    );
    round_trips_exactly::<TagPerformance>(
        "TagPerformance",
        r#"{
                "id": "00000071-0000-4000-8000-000000000071",
                "name": "name text",
                "precision": 0.25,
                "precisionStdDeviation": 0.25,
                "recall": 0.25,
                "recallStdDeviation": 0.25,
                "averagePrecision": 0.25
            }"#,
    );
    round_trips_exactly::<TrainingParameters>(
        "TrainingParameters",
        r#"{
                "selectedTags": ["00000072-0000-4000-8000-000000000072"]
            }"#,
    );
}

// ---------------------------------------------------------------------------------------------
// Read-only markers

/// The read-only fields of every model, read off the v3.3 spec's `readOnly: true` properties
/// (as snake_case field names, in the spec's property order). `Project.status` is
/// `readOnly: false` in the spec, and `PredictionQueryTag`'s fields are no longer read-only.
const SPEC_READ_ONLY: [(&str, &[&str]); 49] = [
    ("BoundingBox", &[]),
    ("CustomVisionError", &[]),
    ("Domain", &["id", "name", "type", "exportable", "enabled"]),
    (
        "Export",
        &[
            "platform",
            "status",
            "download_uri",
            "flavor",
            "newer_version_available",
        ],
    ),
    (
        "Image",
        &[
            "id",
            "created",
            "width",
            "height",
            "resized_image_uri",
            "thumbnail_uri",
            "original_image_uri",
            "tags",
            "regions",
            "metadata",
        ],
    ),
    ("ImageCreateResult", &["source_url", "status", "image"]),
    ("ImageCreateSummary", &["is_batch_successful", "images"]),
    ("ImageFileCreateBatch", &[]),
    ("ImageFileCreateEntry", &[]),
    ("ImageIdCreateBatch", &[]),
    ("ImageIdCreateEntry", &[]),
    ("ImageMetadataUpdateEntry", &[]),
    (
        "ImageMetadataUpdateSummary",
        &["is_batch_successful", "images"],
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
    (
        "ImagePrediction",
        &["id", "project", "iteration", "created", "predictions"],
    ),
    ("ImageProcessingSettings", &[]),
    ("ImageRegion", &["region_id", "tag_name", "created"]),
    ("ImageRegionCreateBatch", &[]),
    ("ImageRegionCreateEntry", &[]),
    (
        "ImageRegionCreateResult",
        &["image_id", "region_id", "tag_name", "created"],
    ),
    ("ImageRegionCreateSummary", &[]),
    (
        "ImageRegionProposal",
        &["project_id", "image_id", "proposals"],
    ),
    ("ImageTag", &["tag_id", "tag_name", "created"]),
    ("ImageTagCreateBatch", &[]),
    ("ImageTagCreateEntry", &[]),
    ("ImageTagCreateSummary", &[]),
    ("ImageUrl", &[]),
    ("ImageUrlCreateBatch", &[]),
    ("ImageUrlCreateEntry", &[]),
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
            "exportable_to",
            "domain_id",
            "classification_type",
            "training_type",
            "reserved_budget_in_hours",
            "training_time_in_minutes",
            "publish_name",
            "original_publish_resource_id",
        ],
    ),
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
        "Prediction",
        &[
            "probability",
            "tag_id",
            "tag_name",
            "bounding_box",
            "tag_type",
        ],
    ),
    ("PredictionQueryResult", &["results"]),
    ("PredictionQueryTag", &[]),
    ("PredictionQueryToken", &[]),
    (
        "Project",
        &[
            "id",
            "created",
            "last_modified",
            "thumbnail_uri",
            "dr_mode_enabled",
        ],
    ),
    (
        "ProjectExport",
        &[
            "iteration_count",
            "image_count",
            "tag_count",
            "region_count",
            "estimated_import_time_in_ms",
            "token",
        ],
    ),
    (
        "ProjectSettings",
        &["use_negative_set", "detection_parameters"],
    ),
    ("Region", &[]),
    ("RegionProposal", &["confidence", "bounding_box"]),
    (
        "StoredImagePrediction",
        &[
            "resized_image_uri",
            "thumbnail_uri",
            "original_image_uri",
            "domain",
            "id",
            "project",
            "iteration",
            "created",
            "predictions",
        ],
    ),
    (
        "StoredSuggestedTagAndRegion",
        &[
            "width",
            "height",
            "resized_image_uri",
            "thumbnail_uri",
            "original_image_uri",
            "domain",
            "id",
            "project",
            "iteration",
            "created",
            "predictions",
            "prediction_uncertainty",
        ],
    ),
    (
        "SuggestedTagAndRegion",
        &[
            "id",
            "project",
            "iteration",
            "created",
            "predictions",
            "prediction_uncertainty",
        ],
    ),
    ("SuggestedTagAndRegionQuery", &["results"]),
    ("SuggestedTagAndRegionQueryToken", &[]),
    ("Tag", &["id", "image_count"]),
    ("TagFilter", &[]),
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
    ("TrainingParameters", &[]),
];

/// What `#[derive(Model)]` recorded, model by model.
macro_rules! recorded {
    ($($model:ident),* $(,)?) => {
        [$((stringify!($model), <$model as Model>::READ_ONLY_FIELDS)),*]
    };
}

#[test]
fn read_only_fields_match_the_spec_for_all_49_models() {
    let recorded = recorded!(
        BoundingBox,
        CustomVisionError,
        Domain,
        Export,
        Image,
        ImageCreateResult,
        ImageCreateSummary,
        ImageFileCreateBatch,
        ImageFileCreateEntry,
        ImageIdCreateBatch,
        ImageIdCreateEntry,
        ImageMetadataUpdateEntry,
        ImageMetadataUpdateSummary,
        ImagePerformance,
        ImagePrediction,
        ImageProcessingSettings,
        ImageRegion,
        ImageRegionCreateBatch,
        ImageRegionCreateEntry,
        ImageRegionCreateResult,
        ImageRegionCreateSummary,
        ImageRegionProposal,
        ImageTag,
        ImageTagCreateBatch,
        ImageTagCreateEntry,
        ImageTagCreateSummary,
        ImageUrl,
        ImageUrlCreateBatch,
        ImageUrlCreateEntry,
        Iteration,
        IterationPerformance,
        Prediction,
        PredictionQueryResult,
        PredictionQueryTag,
        PredictionQueryToken,
        Project,
        ProjectExport,
        ProjectSettings,
        Region,
        RegionProposal,
        StoredImagePrediction,
        StoredSuggestedTagAndRegion,
        SuggestedTagAndRegion,
        SuggestedTagAndRegionQuery,
        SuggestedTagAndRegionQueryToken,
        Tag,
        TagFilter,
        TagPerformance,
        TrainingParameters,
    );
    let mut names: Vec<&str> = SPEC_READ_ONLY.iter().map(|(name, _)| *name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 49, "the table covers 49 distinct models");
    for ((model, fields), (spec_model, spec_fields)) in recorded.iter().zip(SPEC_READ_ONLY) {
        assert_eq!(*model, spec_model);
        assert_eq!(*fields, spec_fields, "read-only fields of {model}");
    }
}

// ---------------------------------------------------------------------------------------------
// Enums

#[test]
fn enums_read_any_casing_and_keep_values_not_in_the_spec() {
    let export: Export =
        read(r#"{"platform": "vaidk", "status": "EXPORTING", "flavor": "onnx12"}"#);
    assert_eq!(export.platform, ExportPlatform::Vaidk);
    assert_eq!(export.status, ExportStatus::Exporting);
    assert_eq!(export.flavor, Some(ExportFlavor::Onnx12));

    let future: Export = read(
        r#"{"platform": "OpenVino", "status": "Queued", "flavor": "TensorFlowJs",
            "newerVersionAvailable": true}"#,
    );
    assert_eq!(
        future.platform,
        ExportPlatform::Other("OpenVino".to_owned())
    );
    assert_eq!(future.status, ExportStatus::Other("Queued".to_owned()));
    assert_eq!(
        future.flavor,
        Some(ExportFlavor::Other("TensorFlowJs".to_owned()))
    );
    // An unknown value is written back as it came.
    assert_eq!(
        to_json(&future),
        json!({"platform": "OpenVino", "status": "Queued", "downloadUri": null,
               "flavor": "TensorFlowJs", "newerVersionAvailable": true})
    );

    let cases: [(&str, Value); 3] = [
        (
            "ImageCreateStatus",
            to_json(&read::<ImageCreateStatus>(
                r#""errornegativeandregulartagonsameimage""#,
            )),
        ),
        (
            "ImageMetadataUpdateStatus",
            to_json(&read::<ImageMetadataUpdateStatus>(
                r#""errorimagenotfound""#,
            )),
        ),
        (
            "ProjectStatus",
            to_json(&read::<ProjectStatus>(r#""importing""#)),
        ),
    ];
    assert_eq!(
        cases.map(|(_, value)| value),
        [
            json!("ErrorNegativeAndRegularTagOnSameImage"),
            json!("ErrorImageNotFound"),
            json!("Importing")
        ]
    );
    assert_eq!(
        read::<ImageCreateStatus>(r#""ErrorDuplicateName""#),
        ImageCreateStatus::Other("ErrorDuplicateName".to_owned())
    );
    assert_eq!(
        read::<ClassificationType>(r#""MultiLabel""#),
        ClassificationType::Multilabel
    );
    assert_eq!(
        read::<TrainingType>(r#""Expert""#),
        TrainingType::Other("Expert".to_owned())
    );
}

#[test]
fn enums_write_the_spec_spelling_and_convert_from_text() {
    let spelled = [
        ExportPlatform::CoreMl.as_str(),
        ExportPlatform::Onnx.as_str(),
        ExportPlatform::Vaidk.as_str(),
        ExportFlavor::Onnx10.as_str(),
        ExportFlavor::Arm.as_str(),
        ExportFlavor::TensorFlowLite.as_str(),
        ImageCreateStatus::OkDuplicate.as_str(),
        ImageMetadataUpdateStatus::Ok.as_str(),
        ClassificationType::Multiclass.as_str(),
        TrainingType::Advanced.as_str(),
        TagType::GeneralProduct.as_str(),
        ProjectStatus::Failed.as_str(),
        SuggestionSortBy::UncertaintyAscending.as_str(),
        PredictionOrderBy::Suggested.as_str(),
        ImageOrderBy::Oldest.as_str(),
        TaggingStatus::Untagged.as_str(),
        DomainType::ObjectDetection.as_str(),
        ExportStatus::Done.as_str(),
    ];
    assert_eq!(
        spelled,
        [
            "CoreML",
            "ONNX",
            "VAIDK",
            "ONNX10",
            "ARM",
            "TensorFlowLite",
            "OKDuplicate",
            "OK",
            "Multiclass",
            "Advanced",
            "GeneralProduct",
            "Failed",
            "UncertaintyAscending",
            "Suggested",
            "Oldest",
            "Untagged",
            "ObjectDetection",
            "Done",
        ]
    );
    assert_eq!("tagged".parse::<TaggingStatus>(), Ok(TaggingStatus::Tagged));
    assert_eq!(TagType::from("negative"), TagType::Negative);
    assert_eq!(
        TagType::from("Background".to_owned()),
        TagType::Other("Background".to_owned())
    );
    assert_eq!(ExportFlavor::Other("GPU".to_owned()).to_string(), "GPU");
}

#[test]
fn error_codes_are_an_open_enum_of_the_spec_codes() {
    // New in v3.3, and the codes a client most often meets.
    let codes = [
        "NoError",
        "BadRequestIterationIsPublished",
        "BadRequestInvalidArtifactUri",
        "BadRequestImageMetadataKey",
        "BadRequestTrainingNotNeeded",
        "ForbiddenDRModeEnabled",
        "NotFoundProject",
        "NotFoundIteration",
        "Conflict",
        "ErrorInvalid",
    ];
    for code in codes {
        let parsed = CustomVisionErrorCode::from(code);
        assert!(
            !matches!(parsed, CustomVisionErrorCode::Other(_)),
            "{code} is a known code"
        );
        assert_eq!(parsed.as_str(), code);
        assert_eq!(CustomVisionErrorCode::from(code.to_lowercase()), parsed);
    }
    assert_eq!(
        CustomVisionErrorCode::ForbiddenDrModeEnabled.as_str(),
        "ForbiddenDRModeEnabled"
    );
    assert_eq!(
        CustomVisionErrorCode::from("BadRequestSomethingNew"),
        CustomVisionErrorCode::Other("BadRequestSomethingNew".to_owned())
    );
}

mod query_values {
    use customvision_training::v3_3::{
        ClassificationType, ExportFlavor, ExportPlatform, TagType, TaggingStatus, TrainingType,
    };
    use declarest::http::StatusCode;
    use declarest::{Api, Request, Response, endpoint};
    use std::sync::Mutex;

    /// The enums stand as query values in an endpoint, like ExportIteration's `platform` and
    /// `flavor`, CreateProject's `targetExportPlatforms` (a comma-joined list) and
    /// `classificationType`, CreateTag's `type`, GetImages' `taggingStatus` and TrainProject's
    /// `trainingType`.
    pub trait Probe: Api {
        #[endpoint(
            POST,
            "/probe?<platform>&<flavor>&<targetExportPlatforms>&<classificationType>&<type>&<taggingStatus>&<trainingType>"
        )]
        #[allow(clippy::too_many_arguments)]
        async fn probe(
            &self,
            platform: ExportPlatform,
            flavor: Option<ExportFlavor>,
            target_export_platforms: Option<&[ExportPlatform]>,
            classification_type: Option<ClassificationType>,
            r#type: Option<TagType>,
            tagging_status: Option<TaggingStatus>,
            training_type: Option<TrainingType>,
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
            .probe(
                ExportPlatform::Vaidk,
                Some(ExportFlavor::Onnx12),
                Some(&[ExportPlatform::CoreMl, ExportPlatform::Onnx]),
                Some(ClassificationType::Multilabel),
                Some(TagType::Negative),
                Some(TaggingStatus::Untagged),
                Some(TrainingType::Advanced),
            )
            .await
            .unwrap();
        recorder
            .probe(
                ExportPlatform::from("dockerfile"),
                Some(ExportFlavor::Other("ARM v8".to_owned())),
                None,
                None,
                None,
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            *recorder.0.lock().unwrap(),
            [
                "/probe?platform=VAIDK&flavor=ONNX12&targetExportPlatforms=CoreML,ONNX\
                 &classificationType=Multilabel&type=Negative&taggingStatus=Untagged\
                 &trainingType=Advanced",
                "/probe?platform=DockerFile&flavor=ARM%20v8",
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Image metadata and limits

#[test]
fn metadata_keys_and_values_over_their_length_are_refused() {
    let mut metadata = ImageMetadata::new();
    let key = "k".repeat(ImageMetadata::MAX_KEY_LENGTH);
    let value = "v".repeat(ImageMetadata::MAX_VALUE_LENGTH);
    assert_eq!(metadata.insert(key.clone(), value.clone()), Ok(None));
    assert_eq!(metadata.get(&key), Some(value.as_str()));

    let long_key = "k".repeat(257);
    assert_eq!(
        metadata.insert(long_key.clone(), "v"),
        Err(MetadataError::KeyTooLong {
            key: long_key,
            length: 257
        })
    );
    assert_eq!(
        metadata.insert("camera", "v".repeat(513)),
        Err(MetadataError::ValueTooLong {
            key: "camera".to_owned(),
            length: 513
        })
    );
    assert_eq!(metadata.len(), 1, "a refused pair is not inserted");
    assert_eq!(metadata.insert("camera", "x100"), Ok(None));
    assert_eq!(
        metadata.insert("camera", "x200"),
        Ok(Some("x100".to_owned()))
    );
    assert_eq!(metadata.remove("camera").as_deref(), Some("x200"));
}

#[test]
fn metadata_lengths_count_utf16_code_units_as_the_service_does() {
    // `é` is one UTF-16 unit (two UTF-8 bytes); `🐦` is two units (four bytes).
    let mut metadata = ImageMetadata::new();
    assert_eq!(metadata.insert("é".repeat(256), "🐦".repeat(256)), Ok(None));
    assert_eq!(
        metadata.insert("🐦".repeat(129), ""),
        Err(MetadataError::KeyTooLong {
            key: "🐦".repeat(129),
            length: 258
        })
    );
    assert!(
        metadata
            .insert("k", format!("{}a", "🐦".repeat(256)))
            .is_err()
    );
}

#[test]
fn metadata_from_a_map_or_json_is_checked_whole() {
    let mut pairs = BTreeMap::from([("camera".to_owned(), "x100".to_owned())]);
    let metadata = ImageMetadata::try_from(pairs.clone()).unwrap();
    assert_eq!(metadata.as_map(), &pairs);
    assert_eq!(metadata.iter().collect::<Vec<_>>(), [("camera", "x100")]);

    pairs.insert("notes".to_owned(), "n".repeat(600));
    let error = ImageMetadata::try_from(pairs).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the value of metadata key `notes` is 600 long, over its limit of 512"
    );

    let error = serde_json::from_value::<ImageMetadata>(json!({"k".repeat(300): "v"})).unwrap_err();
    assert!(
        error.to_string().contains("over its limit of 256"),
        "{error}"
    );
    let read: ImageMetadata = serde_json::from_value(json!({"camera": "x100"})).unwrap();
    assert_eq!(read.into_map()["camera"], "x100");
}

fn pairs(count: usize) -> ImageMetadata {
    let mut metadata = ImageMetadata::new();
    for n in 0..count {
        metadata.insert(format!("key{n}"), "v").unwrap();
    }
    metadata
}

#[test]
fn batches_check_their_declared_limits() {
    let url = |n: usize| ImageUrlCreateEntry {
        url: format!("https://example.invalid/{n}.jpg"),
        tag_ids: vec![],
        regions: vec![],
    };
    let within = ImageUrlCreateBatch {
        images: (0..64).map(url).collect(),
        tag_ids: vec![id(TAG); 20],
        metadata: Some(pairs(ImageMetadata::MAX_PAIRS)),
    };
    assert_eq!(within.check_limits(), Ok(()));
    let over = |batch: ImageUrlCreateBatch| batch.check_limits().unwrap_err();
    assert_eq!(
        over(ImageUrlCreateBatch {
            images: (0..65).map(url).collect(),
            ..within.clone()
        }),
        "`images` has 65 items, over its limit of 64 by 1"
    );
    assert_eq!(
        over(ImageUrlCreateBatch {
            tag_ids: vec![id(TAG); 21],
            ..within.clone()
        }),
        "`tag_ids` has 21 items, over its limit of 20 by 1"
    );
    assert_eq!(
        over(ImageUrlCreateBatch {
            metadata: Some(pairs(51)),
            ..within.clone()
        }),
        "`metadata` has 51 items, over its limit of 50 by 1"
    );

    let file_batch = ImageFileCreateBatch {
        metadata: Some(pairs(52)),
        ..Default::default()
    };
    assert!(
        file_batch
            .check_limits()
            .unwrap_err()
            .contains("over its limit of 50 by 2")
    );
    let id_batch = ImageIdCreateBatch {
        tag_ids: vec![id(TAG); 22],
        ..Default::default()
    };
    assert!(
        id_batch
            .check_limits()
            .unwrap_err()
            .contains("over its limit of 20 by 2")
    );
    let tags = ImageTagCreateBatch {
        tags: vec![
            ImageTagCreateEntry {
                image_id: id(IMAGE_A),
                tag_id: id(TAG)
            };
            129
        ],
    };
    assert!(
        tags.check_limits()
            .unwrap_err()
            .contains("over its limit of 128 by 1")
    );
    let regions = ImageRegionCreateBatch {
        regions: vec![region_entry(0.1); 65],
    };
    assert!(
        regions
            .check_limits()
            .unwrap_err()
            .contains("over its limit of 64 by 1")
    );
    let query = PredictionQueryToken {
        tags: vec![
            PredictionQueryTag {
                id: id(TAG),
                min_threshold: 0.0,
                max_threshold: 1.0
            };
            3
        ],
        ..Default::default()
    };
    assert!(
        query
            .check_limits()
            .unwrap_err()
            .contains("over its limit of 2 by 1")
    );
}

// ---------------------------------------------------------------------------------------------
// Errors

#[test]
fn custom_vision_error_reads_known_and_unknown_codes() {
    let error: CustomVisionError = read(
        r#"{"code": "BadRequestIterationIsPublished",
            "message": "Cannot delete a published iteration.", "details": null}"#,
    );
    assert_eq!(
        error,
        CustomVisionError {
            code: CustomVisionErrorCode::BadRequestIterationIsPublished,
            message: "Cannot delete a published iteration.".to_owned(),
        }
    );
    assert_eq!(
        error.to_string(),
        "BadRequestIterationIsPublished: Cannot delete a published iteration."
    );

    let pascal: CustomVisionError = read(r#"{"Code": "NotFoundSomethingNew", "Message": "Gone."}"#);
    assert_eq!(
        pascal.code,
        CustomVisionErrorCode::Other("NotFoundSomethingNew".to_owned())
    );
    assert_eq!(
        to_json(&pascal),
        json!({"code": "NotFoundSomethingNew", "message": "Gone."})
    );

    // Both fields are required.
    assert!(serde_json::from_str::<CustomVisionError>(r#"{"code": "NotFound"}"#).is_err());
}

// ---------------------------------------------------------------------------------------------
// Patches: the spec requires some fields in each PATCH body

fn settings() -> ProjectSettings {
    ProjectSettings {
        domain_id: id(DOMAIN),
        classification_type: Some(ClassificationType::Multilabel),
        target_export_platforms: vec![],
        use_negative_set: None,
        detection_parameters: None,
        image_processing_settings: None,
    }
}

#[test]
fn project_patch_always_sends_name_description_and_settings() {
    let patch = ProjectPatch::new("Garden birds".to_owned(), None, settings());
    assert!(!patch.is_empty(), "required fields are always sent");
    assert_eq!(
        to_json(&patch),
        json!({"name": "Garden birds", "description": null,
               "settings": {"domainId": DOMAIN, "classificationType": "Multilabel"}})
    );
    let with_status = patch.status(ProjectStatus::Succeeded);
    assert_eq!(
        keys(&to_json(&with_status)),
        ["description", "name", "settings", "status"]
    );
    assert_eq!(to_json(&with_status)["status"], "Succeeded");

    // Between two projects: the required fields as they are after, and what else changed.
    let before: Project = read(&format!(
        r#"{{"Id": "{PROJECT}", "Name": "Birds", "Description": "d",
            "Settings": {{"DomainId": "{DOMAIN}"}}, "Created": "2019-01-01T00:00:00",
            "LastModified": "2019-01-01T00:00:00", "ThumbnailUri": "t", "Status": "Succeeded"}}"#
    ));
    let mut after = before.clone();
    after.description = None;
    after.thumbnail_uri = None; // read-only: never part of a patch
    assert_eq!(
        to_json(&ProjectPatch::between(&before, &after)),
        json!({"name": "Birds", "description": null, "settings": {"domainId": DOMAIN}})
    );
    after.status = Some(ProjectStatus::Importing);
    assert_eq!(
        to_json(&ProjectPatch::between(&before, &after))["status"],
        "Importing"
    );

    // A project's JSON read as a patch keeps the writable fields only.
    let full: ProjectPatch = serde_json::from_value(to_json(&before)).unwrap();
    assert_eq!(
        keys(&to_json(&full)),
        ["description", "name", "settings", "status"]
    );
    let mut applied = before.clone();
    ProjectPatch::new("Renamed".to_owned(), Some("new".to_owned()), settings())
        .apply_to(&mut applied);
    assert_eq!(applied.name, "Renamed");
    assert_eq!(applied.settings, settings());
    assert_eq!(
        applied.thumbnail_uri.as_deref(),
        Some("t"),
        "read-only fields untouched"
    );
}

#[test]
fn tag_patch_always_sends_name_description_and_type() {
    let patch = TagPatch::new(
        "Better Tag Name".to_owned(),
        Some("Better description".to_owned()),
        TagType::Negative,
    );
    assert_eq!(
        to_json(&patch),
        json!({"name": "Better Tag Name", "description": "Better description",
               "type": "Negative"})
    );

    let mut tag: Tag = read(&format!(
        r#"{{"Id": "{TAG}", "Name": "Tag1", "Description": null, "Type": "Regular",
            "ImageCount": 4}}"#
    ));
    let full: TagPatch = serde_json::from_value(to_json(&tag)).unwrap();
    assert_eq!(
        to_json(&full),
        json!({"name": "Tag1", "description": null, "type": "Regular"})
    );
    patch.apply_to(&mut tag);
    assert_eq!(tag.name, "Better Tag Name");
    assert_eq!(tag.r#type, TagType::Negative);
    assert_eq!(tag.image_count, 4, "read-only fields untouched");
}

#[test]
fn iteration_patch_is_the_name_alone() {
    let patch = IterationPatch::new("Best Iteration".to_owned());
    assert_eq!(to_json(&patch), json!({"name": "Best Iteration"}));

    // Nothing of v2.0's `isDefault` survives: an iteration's JSON read as a patch is its name.
    let mut iteration: Iteration = read(&format!(
        r#"{{"id": "{ITERATION}", "name": "Iteration 1", "status": "Completed",
            "created": "2019-08-12T19:43:25Z", "lastModified": "2019-08-12T19:43:25Z",
            "projectId": "{PROJECT}", "publishName": "birds", "isDefault": true}}"#
    ));
    let full: IterationPatch = serde_json::from_value(to_json(&iteration)).unwrap();
    assert_eq!(to_json(&full), json!({"name": "Iteration 1"}));
    patch.apply_to(&mut iteration);
    assert_eq!(iteration.name, "Best Iteration");
    assert_eq!(iteration.publish_name.as_deref(), Some("birds"));
}
