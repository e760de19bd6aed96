//! Domains (the spec's `DomainsApi`): [`Domain`].

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::DomainType;

/// A domain: the kind of images a project's model is optimized for (General, Food, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct Domain {
    /// The id of the domain.
    #[read_only]
    #[serde(alias = "Id")]
    pub id: Uuid,
    /// The name of the domain (`General`, `Food`, `General (compact)`, ...).
    #[read_only]
    #[serde(alias = "Name")]
    pub name: Option<String>,
    /// Whether the domain classifies images or detects objects.
    #[read_only]
    #[serde(alias = "Type")]
    pub r#type: Option<DomainType>,
    /// Whether iterations trained on the domain can be exported.
    #[read_only]
    #[serde(alias = "Exportable", default)]
    pub exportable: bool,
    /// Whether the domain is enabled.
    #[read_only]
    #[serde(alias = "Enabled", default)]
    pub enabled: bool,
}
