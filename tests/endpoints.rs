//! The declared Training endpoints match the operation table derived from the v2.0 spec
//! (`fixtures/training-v2.0-operations.json`): same 41 operations, methods, paths, query
//! parameters in order, headers and body kinds. The listing is the one
//! `cargo run --example endpoints` prints, built from the endpoints' run-time descriptions.

use std::collections::BTreeMap;

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

#[test]
fn declared_endpoints_match_the_spec() {
    let declared = by_name(serde_json::to_value(customvision_training::endpoints()).unwrap());
    let spec = by_name(
        serde_json::from_str(include_str!("fixtures/training-v2.0-operations.json")).unwrap(),
    );
    assert_eq!(spec.len(), 41);
    assert_eq!(
        declared.len(),
        41,
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
fn the_listing_has_the_documented_shape() {
    let listing = serde_json::to_value(customvision_training::endpoints()).unwrap();
    let update = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "update_iteration")
        .unwrap();
    assert_eq!(
        update,
        &serde_json::json!({
            "name": "update_iteration", "method": "PATCH",
            "path": "/projects/{projectId}/iterations/{iterationId}",
            "query": [], "headers": [], "body": "json"
        })
    );
    let upload = listing
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "create_images_from_data")
        .unwrap();
    assert_eq!(upload["body"], "multipart");
    assert_eq!(upload["query"], serde_json::json!(["tagIds"]));
}
