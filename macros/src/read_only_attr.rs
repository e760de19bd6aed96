//! Parsing the `#[read_only]` marker on a field, for `#[derive(Patchable)]` and `#[derive(Model)]`
//! alike.

use syn::Meta;

use crate::errors::ErrorSink;

/// Whether a field is marked `#[read_only]`; a malformed or repeated marker is reported.
pub fn is_read_only(field: &syn::Field, errors: &ErrorSink) -> bool {
    let mut read_only = false;
    for attr in field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("read_only"))
    {
        match &attr.meta {
            Meta::Path(_) if read_only => errors.spanned(
                attr,
                "`#[read_only]` is repeated: once is enough; remove this one",
            ),
            Meta::Path(_) => read_only = true,
            // On the arguments; on the whole attribute when the parentheses are empty, as an
            // empty token list has no place of its own (its span would be the derive's).
            Meta::List(list) if list.tokens.is_empty() => errors.spanned(
                attr,
                "`#[read_only]` takes no arguments: write `#[read_only]`, without parentheses",
            ),
            Meta::List(list) => errors.spanned(
                &list.tokens,
                "`#[read_only]` takes no arguments: write `#[read_only]`",
            ),
            Meta::NameValue(nv) => errors.spanned(
                &nv.value,
                "`#[read_only]` takes no value: write `#[read_only]`",
            ),
        }
    }
    read_only
}
