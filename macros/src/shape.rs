//! What the derives apply to: a struct with named fields (none of them `_`) and no generic
//! parameters.

use syn::{Data, DeriveInput, Fields, FieldsNamed};

use crate::errors::ErrorSink;

/// The named fields of the struct `derive` is applied to. Anything else is reported on the token
/// that makes it so (`enum`, `union`, the tuple fields, a `_` field, the generic parameter).
pub fn named_fields<'a>(
    input: &'a DeriveInput,
    derive: &str,
    errors: &ErrorSink,
) -> Option<&'a FieldsNamed> {
    let ident = &input.ident;
    if let Some(param) = input.generics.params.first() {
        errors.spanned(param, format!("`{derive}` does not support generic parameters: derive it on a struct with concrete field types"));
    }
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                // `_: T` (unnamed fields, unstable) parses, but has no name to write or patch.
                for field in &named.named {
                    if let Some(unnamed) = field.ident.as_ref().filter(|i| *i == "_") {
                        errors.spanned(unnamed, format!("`{derive}` needs every field named: a model is a JSON object, one key per field; name this field"));
                    }
                }
                Some(named)
            }
            Fields::Unnamed(fields) => {
                errors.spanned(fields, format!("`{derive}` needs named fields, but `{ident}` is a tuple struct: a model is a JSON object, one key per field"));
                None
            }
            Fields::Unit => {
                errors.spanned(
                    ident,
                    format!("`{derive}` needs named fields, but `{ident}` has none: declare the fields of the JSON object, as in `struct {ident} {{ id: u32 }}`"),
                );
                None
            }
        },
        Data::Enum(data) => {
            errors.at(data.enum_token.span, format!("`{derive}` is derived from a struct's named fields: it cannot be derived for an enum"));
            None
        }
        Data::Union(data) => {
            errors.at(data.union_token.span, format!("`{derive}` is derived from a struct's named fields: it cannot be derived for a union"));
            None
        }
    }
}
