//! Every rule of `#[derive(Patchable)]` on the model as read: markers where they belong, fields
//! serde writes as themselves, and a patch that can change something.

use super::ast::{Field, Model};
use crate::errors::ErrorSink;

/// Checks the model; its writable fields, the patch's fields, if it follows every rule. `errors`
/// is the derive's sink: whether something was already found decides whether "every field is
/// read-only" is worth saying.
pub fn check<'m, 'a>(model: &'m Model<'a>, errors: &ErrorSink) -> Option<Vec<&'m Field<'a>>> {
    for marker in &model.struct_markers {
        errors.spanned(marker, "`#[read_only]` goes on fields, not on the struct: move it to each field the server sets");
    }
    let fields = model.fields.as_ref()?;
    for field in fields.iter().filter(|f| !f.read_only) {
        if let Some(flatten) = &field.flatten {
            errors.spanned(flatten, "`Patchable` does not support `#[serde(flatten)]` fields: mark the field `#[read_only]`, or declare its fields in this struct");
        }
    }
    let writable: Vec<&Field> = fields
        .iter()
        .filter(|f| !f.read_only && !f.skipped)
        .collect();
    if fields.is_empty() {
        errors.spanned(
            model.ident,
            format!(
                "`{}` has no fields, so its patch could never change anything: add the fields a client can change, or remove `#[derive(Patchable)]`",
                model.ident
            ),
        );
    } else if writable.is_empty() && !errors.has_errors() {
        errors.spanned(model.ident, format!("every field of `{}` is `#[read_only]`, so its patch could never change anything: make a field writable or remove `#[derive(Patchable)]`", model.ident));
    }
    (!errors.has_errors()).then_some(writable)
}
