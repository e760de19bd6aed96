//! What `#[derive(Model)]` implements.

/// A wire model: `#[derive(Model)]` implements it and records which fields are read-only.
///
/// The markers never change how the model serializes: a request model may have to send fields
/// an API marks read-only. They shape derived patches ([`Patch`](crate::Patch)) and are visible here, so a
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

/// A reference to a model is a model: a `#[body] batch: &Batch` is checked like a `Batch`.
impl<T: Model + ?Sized> Model for &T {
    const READ_ONLY_FIELDS: &'static [&'static str] = T::READ_ONLY_FIELDS;

    fn check_limits(&self) -> Result<(), String> {
        (**self).check_limits()
    }
}
