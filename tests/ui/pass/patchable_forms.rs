// Everything `#[derive(Patchable)]` accepts compiles, with no warnings.
#![deny(warnings)]

use declarest::{Patch, Patchable};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
#[serde(rename_all = "PascalCase")]
pub struct Project {
    #[read_only]
    pub id: u32,
    pub name: String,
    pub description: Option<String>,
    #[serde(rename = "settings_v2")]
    pub settings: Vec<String>,
    #[serde(skip)]
    pub cache: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
#[patchable(name = "TagUpdate")]
pub(crate) struct Tag {
    #[read_only]
    pub id: u32,
    pub r#type: String,
}

fn main() {
    let patch = ProjectPatch::default().name("n".to_owned()).description(None);
    assert!(!patch.is_empty());
    let update = TagUpdate::default().r#type("Regular".to_owned());
    assert!(!update.is_empty());
}
