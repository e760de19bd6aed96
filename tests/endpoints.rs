//! The declared Training endpoints match the operation tables derived from the specs
//! (`fixtures/training-v2.0-operations.json`, `fixtures/training-v3.3-operations.json`): for each
//! version, the same operations, methods, paths, query parameters in order, headers and body
//! kinds. The listing is the one `cargo run --example endpoints` prints, built from the
//! endpoints' run-time descriptions.

use std::collections::BTreeMap;

use declarest::Endpoint;
use serde_json::Value;

fn by_name(listing: Value) -> BTreeMap<String, Value> {
    let Value::Array(items) = listing else {
        panic!("a listing is an array")
    };
    let count = items.len();
    let map: BTreeMap<String, Value> = items
        .into_iter()
        .map(|item| (item["name"].as_str().expect("a name").to_owned(), item))
        .collect();
    assert_eq!(map.len(), count, "operation names are unique");
    map
}

/// Every operation of `spec` is declared exactly as the spec has it, and nothing else is.
fn matches_the_spec(declared: &[&Endpoint], spec: &str, count: usize) {
    let declared = by_name(serde_json::to_value(declared).unwrap());
    let spec = by_name(serde_json::from_str(spec).unwrap());
    assert_eq!(spec.len(), count);
    assert_eq!(
        declared.len(),
        count,
        "declared: {:?}",
        declared.keys().collect::<Vec<_>>()
    );
    for (name, expected) in &spec {
        let actual = declared
            .get(name)
            .unwrap_or_else(|| panic!("`{name}` is not declared"));
        assert_eq!(actual, expected, "`{name}` differs from the spec");
    }
}

#[test]
fn declared_v2_0_endpoints_match_the_spec() {
    matches_the_spec(
        customvision_training::endpoints(),
        include_str!("fixtures/training-v2.0-operations.json"),
        41,
    );
}

#[test]
fn declared_v3_3_endpoints_match_the_spec() {
    matches_the_spec(
        customvision_training::v3_3::endpoints(),
        include_str!("fixtures/training-v3.3-operations.json"),
        52,
    );
}

fn find<'a>(listing: &'a [&'static Endpoint], name: &str) -> &'a Endpoint {
    listing
        .iter()
        .find(|e| e.name() == name)
        .unwrap_or_else(|| panic!("`{name}` is declared"))
}

#[test]
fn the_listing_has_the_documented_shape() {
    let listing = customvision_training::endpoints();
    assert_eq!(
        serde_json::to_value(find(listing, "update_iteration")).unwrap(),
        serde_json::json!({
            "name": "update_iteration", "method": "PATCH",
            "path": "/projects/{projectId}/iterations/{iterationId}",
            "query": [], "headers": [], "body": "json"
        })
    );
    let upload = serde_json::to_value(find(listing, "create_images_from_data")).unwrap();
    assert_eq!(upload["body"], "multipart");
    assert_eq!(upload["query"], serde_json::json!(["tagIds"]));
}

#[test]
fn v3_3_declares_the_new_shapes_of_its_operations() {
    let listing = customvision_training::v3_3::endpoints();
    let json = |name| serde_json::to_value(find(listing, name)).unwrap();
    assert_eq!(
        json("get_images")["query"],
        serde_json::json!([
            "iterationId",
            "tagIds",
            "taggingStatus",
            "$filter",
            "orderBy",
            "take",
            "skip"
        ])
    );
    assert_eq!(json("train_project")["body"], "json");
    assert_eq!(
        json("get_image_region_proposals")["path"],
        "/projects/{projectId}/images/{imageId}/regionproposals",
        "v3.3 fixed v2.0's path without `/projects`"
    );
    // The export token is a secret: a request carrying it never shows its target.
    assert!(find(listing, "import_project").has_secret_target());
    assert!(!find(listing, "get_project").has_secret_target());
    // The POSTs that only read are retried like GETs; those that write are not.
    for name in [
        "query_predictions",
        "query_suggested_images",
        "query_suggested_image_count",
        "get_image_region_proposals",
    ] {
        assert!(find(listing, name).is_idempotent(), "{name}");
    }
    for name in [
        "create_images_from_urls",
        "quick_test_image_url",
        "train_project",
        "publish_iteration",
        "update_image_metadata",
        "suggest_tags_and_regions",
    ] {
        assert!(!find(listing, name).is_idempotent(), "{name}");
    }
}
