//! Patches: absent, null and value serialize differently and round-trip exactly; serde names
//! carry over; `is_empty`, `apply_to` and `between` behave.

use customvision_training::{DateTime, Iteration, IterationPatch};
use declarest::{Patch, Patchable};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

fn iteration() -> Iteration {
    Iteration {
        id: Uuid::from_u128(1),
        name: Some("Iteration 1".to_owned()),
        is_default: false,
        status: Some("Completed".to_owned()),
        created: DateTime::parse("2017-12-18T22:40:36.9066667Z").unwrap(),
        last_modified: DateTime::parse("2017-12-19T15:53:07.8782881Z").unwrap(),
        trained_at: None,
        project_id: Uuid::from_u128(2),
        exportable: false,
        domain_id: None,
    }
}

#[test]
fn absent_null_and_value_serialize_differently() {
    assert_eq!(
        serde_json::to_value(IterationPatch::default()).unwrap(),
        json!({})
    );
    assert_eq!(
        serde_json::to_value(IterationPatch::default().name(None)).unwrap(),
        json!({"name": null})
    );
    assert_eq!(
        serde_json::to_value(
            IterationPatch::default()
                .name("x".to_owned())
                .is_default(false)
        )
        .unwrap(),
        json!({"name": "x", "isDefault": false})
    );
    assert_eq!(
        serde_json::to_string(&IterationPatch::default().is_default(true)).unwrap(),
        r#"{"isDefault":true}"#
    );
}

#[test]
fn absent_null_and_value_round_trip_exactly() {
    let cases = [
        IterationPatch::default(),
        IterationPatch::default().name(None),
        IterationPatch::default().name("Best".to_owned()),
        IterationPatch::default().is_default(false),
        IterationPatch::default().name(None).is_default(true),
    ];
    for patch in cases {
        let json = serde_json::to_string(&patch).unwrap();
        let back: IterationPatch = serde_json::from_str(&json).unwrap();
        assert_eq!(back, patch, "{json}");
    }
    let null: IterationPatch = serde_json::from_str(r#"{"name": null}"#).unwrap();
    assert_eq!(null.name, Some(None), "null is kept apart from absent");
    let absent: IterationPatch = serde_json::from_str("{}").unwrap();
    assert_eq!(absent.name, None);
}

#[test]
fn a_patch_has_no_read_only_field() {
    // The read-only keys of the model are not on the patch, so they cannot be set; an update
    // from a full model's JSON keeps only the writable ones.
    let full = serde_json::to_value(iteration()).unwrap();
    let patch: IterationPatch = serde_json::from_value(full).unwrap();
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"name": "Iteration 1", "isDefault": false})
    );
}

#[test]
fn is_empty_apply_to_and_between() {
    assert!(IterationPatch::default().is_empty());
    assert!(!IterationPatch::default().name(None).is_empty());

    let before = iteration();
    let mut after = before.clone();
    IterationPatch::default()
        .name("Best".to_owned())
        .is_default(true)
        .apply_to(&mut after);
    assert_eq!(after.name.as_deref(), Some("Best"));
    assert!(after.is_default);
    assert_eq!(
        (after.id, after.status.clone()),
        (before.id, before.status.clone()),
        "read-only fields untouched"
    );

    let diff = IterationPatch::between(&before, &after);
    assert_eq!(
        diff,
        IterationPatch::default()
            .name("Best".to_owned())
            .is_default(true)
    );
    assert!(IterationPatch::between(&before, &before).is_empty());

    let mut cleared = before.clone();
    cleared.name = None;
    cleared.status = Some("Training".to_owned()); // read-only: never part of a patch
    assert_eq!(
        IterationPatch::between(&before, &cleared),
        IterationPatch::default().name(None)
    );
}

/// A model of the test's own: `rename_all`, `rename` and `alias` carry over; other serde
/// attributes and read-only fields do not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
#[serde(rename_all = "PascalCase")]
struct Project {
    #[read_only]
    id: u32,
    display_name: String,
    #[serde(rename = "desc", alias = "Summary")]
    description: Option<String>,
    #[serde(skip)]
    cached: bool,
}

#[test]
fn serde_names_carry_over() {
    let patch = ProjectPatch::default()
        .display_name("Birds".to_owned())
        .description(None);
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"DisplayName": "Birds", "desc": null})
    );
    let aliased: ProjectPatch = serde_json::from_value(json!({"Summary": "All birds"})).unwrap();
    assert_eq!(aliased.description, Some(Some("All birds".to_owned())));
}

#[test]
fn read_only_markers_are_visible_at_run_time_and_never_strip_serialization() {
    use declarest::Model;
    assert_eq!(
        <Iteration as Model>::READ_ONLY_FIELDS,
        [
            "id",
            "status",
            "created",
            "last_modified",
            "trained_at",
            "project_id",
            "exportable",
            "domain_id"
        ]
    );
    // The model itself still serializes its read-only fields: only patches leave them out.
    let json = serde_json::to_value(iteration()).unwrap();
    assert_eq!(json["id"], json!("00000000-0000-0000-0000-000000000001"));
    assert_eq!(json["status"], json!("Completed"));
}

/// A model whose PATCH body requires some fields (as the v3.3 `Iteration` requires `name`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    #[read_only]
    pub id: Uuid,
    #[required]
    pub name: String,
    pub description: Option<String>,
    #[required]
    #[serde(rename = "settingsV2")]
    pub settings: Option<Vec<String>>,
    pub domain_id: Option<Uuid>,
    pub export_count: u32,
}

fn catalog() -> Catalog {
    Catalog {
        id: Uuid::from_u128(1),
        name: "Birds".to_owned(),
        description: Some("Wild birds".to_owned()),
        settings: None,
        domain_id: None,
        export_count: 0,
    }
}

#[test]
fn required_fields_are_always_sent_and_the_others_only_when_set() {
    let patch = CatalogPatch::new("Birds".to_owned(), None);
    assert_eq!(
        serde_json::to_string(&patch).unwrap(),
        r#"{"name":"Birds","settingsV2":null}"#
    );
    let patch = patch
        .description(None)
        .export_count(2)
        .name("Fish".to_owned())
        .settings(vec!["a".to_owned()]);
    assert_eq!(
        serde_json::to_string(&patch).unwrap(),
        r#"{"name":"Fish","description":null,"settingsV2":["a"],"exportCount":2}"#
    );
    // The fields are the model's types: a required field is not an `Option` of one.
    let CatalogPatch {
        name,
        settings,
        description,
        ..
    } = patch.clone();
    let _: (String, Option<Vec<String>>, Option<Option<String>>) = (name, settings, description);

    // It round-trips, and a document without a required field is not a patch.
    let json = serde_json::to_string(&patch).unwrap();
    assert_eq!(serde_json::from_str::<CatalogPatch>(&json).unwrap(), patch);
    let missing = serde_json::from_str::<CatalogPatch>(r#"{"settingsV2":null}"#).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `name`"),
        "{missing}"
    );
}

#[test]
fn required_fields_in_is_empty_apply_to_and_between() {
    let before = catalog();
    // Never empty: the required fields are always set.
    assert!(!CatalogPatch::new("Birds".to_owned(), None).is_empty());

    // Nothing changed: only the required fields, as they are.
    let same = CatalogPatch::between(&before, &before);
    assert!(!same.is_empty());
    assert_eq!(same, CatalogPatch::new("Birds".to_owned(), None));
    assert_eq!(
        serde_json::to_value(&same).unwrap(),
        json!({"name": "Birds", "settingsV2": null})
    );

    let after = Catalog {
        description: None,
        export_count: 4,
        ..before.clone()
    };
    let patch = CatalogPatch::between(&before, &after);
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"name": "Birds", "description": null, "settingsV2": null, "exportCount": 4})
    );
    let mut model = before.clone();
    patch.apply_to(&mut model);
    assert_eq!(model, after);

    // Applying sets the required fields too.
    let mut model = before.clone();
    CatalogPatch::new("Fish".to_owned(), Some(vec!["s".to_owned()])).apply_to(&mut model);
    assert_eq!(model.name, "Fish");
    assert_eq!(model.settings, Some(vec!["s".to_owned()]));
    assert_eq!(model.description, before.description);
}
