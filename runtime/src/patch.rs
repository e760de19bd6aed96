//! What `#[derive(Patchable)]` implements.

use serde::Serialize;

/// A write-only patch of a model: the fields a PATCH sends, each one either unset (not sent) or
/// set. `#[derive(Patchable)]` implements it; see the crate docs.
pub trait Patch: Serialize + Default + Clone {
    /// The model it patches.
    type Model;

    /// Whether no field is set: sending it would change nothing.
    fn is_empty(&self) -> bool;

    /// Sets on `model` every field this patch sets, as the service would.
    fn apply_to(&self, model: &mut Self::Model);

    /// The patch that turns `before` into `after`: only the writable fields that differ are set.
    fn between(before: &Self::Model, after: &Self::Model) -> Self;
}
