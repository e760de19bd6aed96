//! Procedural macros of declarest. Use them through the `declarest` crate, which documents them.
//!
//! Each macro is a thin shim: the work is done on `proc_macro2` types in its module, so unit
//! tests call it directly.

mod case;
mod endpoint;
mod errors;
mod patchable;
#[cfg(test)]
mod snapshot;

use proc_macro::TokenStream;

/// Turns an `async fn` of a `declarest::Api` trait into a request function.
///
/// See the `declarest` crate for the syntax.
#[proc_macro_attribute]
pub fn endpoint(attr: TokenStream, item: TokenStream) -> TokenStream {
    endpoint::expand(attr.into(), item.into()).into()
}

/// Derives `<Model>Patch`, the write-only patch of a model.
///
/// See the `declarest` crate for the syntax.
#[proc_macro_derive(Patchable, attributes(read_only, patchable))]
pub fn derive_patchable(input: TokenStream) -> TokenStream {
    patchable::expand(input.into()).into()
}
