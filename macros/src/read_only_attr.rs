//! Parsing marker attributes on a field, which take no arguments: `#[read_only]` (for
//! `#[derive(Patchable)]` and `#[derive(Model)]` alike) and `#[required]` (for
//! `#[derive(Patchable)]`).

use syn::{Attribute, Meta};

use crate::errors::ErrorSink;

/// Whether a field is marked `#[read_only]`; a malformed or repeated marker is reported.
pub fn is_read_only(field: &syn::Field, errors: &ErrorSink) -> bool {
    marker(&field.attrs, "read_only", errors).is_some()
}

/// The first well-formed `#[name]` among `attrs`; a malformed or repeated one is reported.
pub fn marker<'a>(attrs: &'a [Attribute], name: &str, errors: &ErrorSink) -> Option<&'a Attribute> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident(name)) {
        match &attr.meta {
            Meta::Path(_) if found.is_some() => errors.spanned(
                attr,
                format!("`#[{name}]` is repeated: once is enough; remove this one"),
            ),
            Meta::Path(_) => found = Some(attr),
            // On the arguments; on the whole attribute when the parentheses are empty, as an
            // empty token list has no place of its own (its span would be the derive's).
            Meta::List(list) if list.tokens.is_empty() => errors.spanned(
                attr,
                format!("`#[{name}]` takes no arguments: write `#[{name}]`, without parentheses"),
            ),
            Meta::List(list) => errors.spanned(
                &list.tokens,
                format!("`#[{name}]` takes no arguments: write `#[{name}]`"),
            ),
            Meta::NameValue(nv) => errors.spanned(
                &nv.value,
                format!("`#[{name}]` takes no value: write `#[{name}]`"),
            ),
        }
    }
    found
}
