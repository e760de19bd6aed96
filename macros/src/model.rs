//! `#[derive(Model)]`: marks a struct as a wire model and records which fields are read-only.
//!
//! Read-only markers never change how the model itself serializes (a request model may need to
//! send fields the spec marks read-only); they only shape derived patches and are visible at run
//! time, so tests can compare them with an API's spec.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{Data, DeriveInput, Fields};

use crate::errors::Errors;
use crate::patchable::is_read_only;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Errors::default();
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(named),
            _ => {
                errors.spanned(
                    &input.ident,
                    format!(
                        "`Model` needs a struct with named fields; `{}` has none",
                        input.ident
                    ),
                );
                None
            }
        },
        Data::Enum(data) => {
            errors.at(
                data.enum_token.span,
                "`Model` is derived for structs with named fields, not enums",
            );
            None
        }
        Data::Union(data) => {
            errors.at(
                data.union_token.span,
                "`Model` is derived for structs with named fields, not unions",
            );
            None
        }
    };
    if let Some(param) = input.generics.params.first() {
        errors.spanned(param, "`Model` does not support generic parameters");
    }
    let all: Vec<&syn::Field> = fields
        .map(|f| f.named.iter())
        .into_iter()
        .flatten()
        .collect();
    let checks: Vec<TokenStream> = all
        .iter()
        .flat_map(|field| limit_checks(field, &mut errors))
        .collect();
    let read_only: Vec<String> = all
        .iter()
        .filter(|field| is_read_only(field, &mut errors))
        .filter_map(|field| field.ident.as_ref())
        .map(|ident| ident.to_string().trim_start_matches("r#").to_owned())
        .collect();
    if !errors.is_empty() {
        return errors.into_compile_errors();
    }
    let ident = &input.ident;
    quote! {
        impl ::declarest::Model for #ident {
            const READ_ONLY_FIELDS: &'static [&'static str] = &[#(#read_only),*];

            fn check_limits(&self) -> ::core::result::Result<(), ::std::string::String> {
                #(#checks)*
                ::core::result::Result::Ok(())
            }
        }
    }
}

/// `#[max_items(N)]` and `#[max(N)]` on a field, as checks in `check_limits`.
fn limit_checks(field: &syn::Field, errors: &mut Errors) -> Vec<TokenStream> {
    let Some(ident) = &field.ident else {
        return Vec::new();
    };
    let what = format!("`{}`", ident.to_string().trim_start_matches("r#"));
    let mut checks = Vec::new();
    for attr in &field.attrs {
        if attr.path().is_ident("max_items") {
            match attr
                .parse_args::<syn::LitInt>()
                .and_then(|n| n.base10_parse::<usize>().map(|_| n))
            {
                Ok(n) => checks.push(quote_spanned! {n.span()=>
                    ::declarest::__private::check_items(#what, &self.#ident, #n)?;
                }),
                Err(e) => errors.push(syn::Error::new(
                    e.span(),
                    "expected a count: `#[max_items(64)]`",
                )),
            }
        } else if attr.path().is_ident("max") {
            let max = attr
                .parse_args::<syn::Lit>()
                .and_then(|n| crate::limit::max_literal(&n));
            match max {
                Ok(max) => checks.push(quote_spanned! {max.span()=>
                    ::declarest::__private::check_max(#what, &self.#ident, #max)?;
                }),
                Err(e) => errors.push(syn::Error::new(
                    e.span(),
                    "expected a finite number: `#[max(256)]`",
                )),
            }
        }
    }
    checks
}
