//! What `#[derive(Patchable)]` implements.

use serde::Serialize;

/// A wire model: `#[derive(Model)]` implements it and records which fields are read-only.
///
/// The markers never change how the model serializes: a request model may have to send fields
/// an API marks read-only. They shape derived patches ([`Patch`]) and are visible here, so a
/// test can compare them with the API's spec.
pub trait Model {
    /// The Rust names of the fields marked `#[read_only]`, in declaration order.
    const READ_ONLY_FIELDS: &'static [&'static str];

    /// Checks the limits declared on fields (`#[max_items(N)]`, `#[max(N)]`): `Err` says which
    /// and by how much. An endpoint checks a `#[body]` that is a `Model` before sending it.
    fn check_limits(&self) -> Result<(), String> {
        Ok(())
    }
}

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

/// A reference to a model is a model: a `#[body] batch: &Batch` is checked like a `Batch`.
impl<T: Model + ?Sized> Model for &T {
    const READ_ONLY_FIELDS: &'static [&'static str] = T::READ_ONLY_FIELDS;

    fn check_limits(&self) -> Result<(), String> {
        (**self).check_limits()
    }
}
