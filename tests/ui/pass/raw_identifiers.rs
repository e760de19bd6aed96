// Raw identifiers work everywhere: an argument `r#type` binds `<type>`, a method `r#match` is named
// `match` in its description, and `#[derive(Patchable, Model)]` on `r#Match` makes `MatchPatch`.
#![deny(warnings)]

use declarest::{Model, Patch, Patchable, ParamKind, endpoint};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable, Model)]
pub struct r#Match {
    #[read_only]
    pub r#ref: u32,
    #[max_items(2)]
    pub r#type: Vec<String>,
}

#[declarest::api]
pub trait Raw: declarest::Api {
    #[endpoint(GET, "/matches/<type>?<match>&<loop>")]
    async fn r#match(&self, r#type: &str, r#match: Option<u32>, #[param("loop")] r#async: bool) -> declarest::Result<r#Match>;

    #[endpoint(PATCH, "/matches/<ref>")]
    async fn update(&self, r#ref: u32, #[body] r#type: &MatchPatch) -> declarest::Result<()>;
}

impl Raw for declarest::Client {}

fn main() {
    let endpoint = <declarest::Client as Raw>::ENDPOINTS[0];
    assert_eq!(endpoint.name(), "match");
    let params: Vec<(&str, &str, ParamKind)> = endpoint
        .params()
        .iter()
        .map(|p| (p.wire_name(), p.argument(), p.kind()))
        .collect();
    assert_eq!(
        params,
        [
            ("type", "type", ParamKind::Path),
            ("match", "match", ParamKind::Query),
            ("loop", "async", ParamKind::Query),
        ]
    );
    let update = <declarest::Client as Raw>::ENDPOINTS[1];
    assert_eq!(update.params()[1].argument(), "type");

    let patch = MatchPatch::default().r#type(vec!["a".to_owned()]);
    assert!(!patch.is_empty());
    assert_eq!(<r#Match as Model>::READ_ONLY_FIELDS, ["ref"]);
    let too_many = r#Match { r#ref: 1, r#type: vec![String::new(); 3] };
    let error = too_many.check_limits().expect_err("three items where two are allowed");
    assert!(error.contains("`type`") && !error.contains("r#"), "{error}");
}
