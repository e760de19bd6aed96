//! What `#[derive(Patchable)]` implements.

use serde::Serialize;

/// A write-only patch of a model: the fields a PATCH sends, each one either unset (not sent) or
/// set, and the `#[required]` ones, always sent. `#[derive(Patchable)]` implements it; see the
/// crate docs.
///
/// A patch without required fields also implements `Default` (every field unset); one with
/// required fields is built by its `new`, which takes them.
pub trait Patch: Serialize + Clone {
    /// The model it patches.
    type Model;

    /// Whether no field is set: sending it would change nothing. A patch with `#[required]`
    /// fields always sets them, so it is never empty (whether it changes anything depends on
    /// the model it is sent for: compare the models).
    fn is_empty(&self) -> bool;

    /// Sets on `model` every field this patch sets, as the service would.
    fn apply_to(&self, model: &mut Self::Model);

    /// The patch that turns `before` into `after`: only the writable fields that differ are set,
    /// and the required ones, to their value in `after`.
    fn between(before: &Self::Model, after: &Self::Model) -> Self;
}
