//! Every rule of `#[derive(Patchable)]` on the model as read: markers where they belong, fields
//! serde writes as themselves, and a patch that can change something.

use syn::ext::IdentExt;

use super::ast::{Field, Model};
use crate::errors::ErrorSink;

/// Checks the model; its writable fields, the patch's fields, if it follows every rule. `errors`
/// is the derive's sink: whether something was already found decides whether "every field is
/// read-only" is worth saying.
pub fn check<'m, 'a>(model: &'m Model<'a>, errors: &ErrorSink) -> Option<Vec<&'m Field<'a>>> {
    for marker in &model.struct_markers {
        if marker.path().is_ident("required") {
            errors.spanned(marker, "`#[required]` goes on fields, not on the struct: move it to each field every patch must send");
        } else {
            errors.spanned(marker, "`#[read_only]` goes on fields, not on the struct: move it to each field the server sets");
        }
    }
    let fields = model.fields.as_ref()?;
    for field in fields.iter().filter(|f| !f.read_only) {
        if let Some(flatten) = &field.flatten {
            errors.spanned(flatten, "`Patchable` does not support `#[serde(flatten)]` fields: mark the field `#[read_only]`, or declare its fields in this struct");
        }
    }
    required(fields, errors);
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

/// `#[required]` on fields the patch has, and no field named like the constructor it brings.
fn required(fields: &[Field], errors: &ErrorSink) {
    for field in fields {
        let Some(marker) = field.required else {
            continue;
        };
        let name = field.ident.unraw();
        if field.read_only {
            errors.spanned(marker, format!("`{name}` is `#[read_only]`, so no patch sends it and it cannot be `#[required]`: remove `#[required]`, or `#[read_only]` if clients write `{name}`"));
        } else if field.skipped {
            errors.spanned(marker, format!("serde never writes `{name}` (it is skipped), so no patch can send it: remove `#[required]`"));
        }
    }
    let has_required = fields
        .iter()
        .any(|f| f.required.is_some() && !f.read_only && !f.skipped);
    if !has_required {
        return;
    }
    for field in fields.iter().filter(|f| !f.read_only && !f.skipped) {
        if field.ident.unraw() == "new" {
            errors.spanned(field.ident, "a writable field named `new` clashes with the patch's constructor `new`, which takes the `#[required]` fields: rename the field and keep its JSON name with `#[serde(rename = \"new\")]`");
        }
    }
}
