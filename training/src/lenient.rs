//! Reading what the service sends rather than what its spec promises: helpers the models of
//! every version use.

use serde::{Deserialize, Deserializer};

/// Reads a list or map the spec declares nullable: `null` reads as empty, like an omitted one
/// (with `#[serde(default)]`). The service sends both (`"duplicated": null`, no `regions` at all).
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}
