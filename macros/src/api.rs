//! `#[declarest::api]` on an endpoint trait: adds `ENDPOINTS`, the run-time description of every
//! `#[endpoint]` method in declaration order, for tools, listings and tests against a spec.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{ItemTrait, TraitItem, parse_quote};

use crate::endpoint::endpoint_const_ident;

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let store = crate::errors::ErrorStore::new();
    let errors = store.sink();
    if !attr.is_empty() {
        errors.spanned(&attr, "`#[declarest::api]` takes no arguments");
    }
    let mut trait_item: ItemTrait = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(_) => {
            errors.at(
                Span::call_site(),
                "`#[declarest::api]` goes on a trait whose methods are `#[endpoint]`s",
            );
            let errors = store.into_compile_errors();
            return quote!(#errors #item);
        }
    };
    let consts: Vec<_> = trait_item
        .items
        .iter()
        .filter_map(|item| match item {
            TraitItem::Fn(method) if method.attrs.iter().any(is_endpoint) => {
                Some(endpoint_const_ident(&method.sig.ident))
            }
            _ => None,
        })
        .collect();
    trait_item.items.push(parse_quote! {
        /// The run-time description of every endpoint of this trait, in declaration order.
        const ENDPOINTS: &'static [&'static ::declarest::Endpoint] = &[#(Self::#consts),*];
    });
    let errors = store.into_compile_errors();
    quote!(#errors #trait_item)
}

/// `#[endpoint(..)]` or `#[declarest::endpoint(..)]`.
fn is_endpoint(attr: &syn::Attribute) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|s| s.ident == "endpoint")
}
