//! Procedural macros of declarest. Use them through the `declarest` crate, which documents them.
//!
//! Each macro is a thin shim: the work is done on `proc_macro2` types in its module, so unit
//! tests call it directly.
#![warn(missing_docs)]

mod api;
mod case;
mod endpoint;
mod errors;
#[cfg(test)]
mod fuzz;
mod limit_attr;
mod model;
mod patchable;
mod private_path;
mod read_only_attr;
mod shape;
#[cfg(test)]
mod snapshot;
#[cfg(test)]
mod testing;
mod types;

use proc_macro::TokenStream;

/// On an endpoint trait: adds `const ENDPOINTS: &'static [&'static declarest::Endpoint]`, every
/// `#[endpoint]` method's description in declaration order.
#[proc_macro_attribute]
pub fn api(attr: TokenStream, item: TokenStream) -> TokenStream {
    api::expand(attr.into(), item.into()).into()
}

/// Turns an `async fn` of a `declarest::Api` trait into a request function.
///
/// See the `declarest` crate for the syntax.
#[proc_macro_attribute]
pub fn endpoint(attr: TokenStream, item: TokenStream) -> TokenStream {
    endpoint::expand(attr.into(), item.into()).into()
}

/// Marks a struct as a wire model: accepts `#[read_only]`, `#[max_items(N)]` and `#[max(N)]` on
/// fields and implements `declarest::Model` (`READ_ONLY_FIELDS`, `check_limits`).
#[proc_macro_derive(Model, attributes(read_only, max_items, max))]
pub fn derive_model(input: TokenStream) -> TokenStream {
    model::expand(input.into()).into()
}

/// Derives `<Model>Patch`, the write-only patch of a model.
///
/// See the `declarest` crate for the syntax.
#[proc_macro_derive(Patchable, attributes(read_only, required, patchable))]
pub fn derive_patchable(input: TokenStream) -> TokenStream {
    patchable::expand(input.into()).into()
}
