//! The models accept what the real service sends (NOTES.md): camelCase and PascalCase keys,
//! timestamps with 0 to 7 fractional digits with or without `Z`, omitted optional fields,
//! unknown fields. These fixtures are written for this project, shaped like recorded traffic.

use customvision_training::{DateTime, Iteration};
use serde_json::json;
use uuid::Uuid;

#[test]
fn camel_case_as_documented() {
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
fn pascal_case_without_z_with_missing_and_unknown_fields() {
    // As TrainProject answered in v2.0: PascalCase, no offset, trimmed fractions, no trainedAt,
    // no domainId, and a field the spec does not list.
    let iteration: Iteration = serde_json::from_value(json!({
        "Id": "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758",
        "Name": "Iteration 3",
        "IsDefault": false,
        "Status": "Training",
        "Created": "2018-04-25T20:54:49.53",
        "LastModified": "2018-04-25T20:54:57",
        "ProjectId": "64b822c5-8082-4b36-a426-27225f4aa18c",
        "Exportable": false,
        "ClassificationType": "Multiclass"
    }))
    .unwrap();
    assert_eq!(iteration.status.as_deref(), Some("Training"));
    assert_eq!(
        iteration.created,
        DateTime::parse("2018-04-25T20:54:49.530Z").unwrap()
    );
    assert_eq!(iteration.last_modified.to_string(), "2018-04-25T20:54:57Z");
    assert_eq!((iteration.trained_at, iteration.domain_id), (None, None));
}

#[test]
fn a_model_round_trips_through_its_own_json() {
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
fn a_bad_timestamp_fails_with_the_field_and_the_value() {
    let error = serde_json::from_value::<Iteration>(json!({
        "id": "e31a14ab-5d78-4f7b-a267-3a1e4fd8a758", "isDefault": false,
        "created": "yesterday", "lastModified": "2018-04-25T20:54:57",
        "projectId": "64b822c5-8082-4b36-a426-27225f4aa18c"
    }))
    .unwrap_err();
    assert!(error.to_string().contains("`yesterday`"), "{error}");
}
