//! `#[derive(Model)]`: marks a struct as a wire model and records which fields are read-only.
//!
//! Read-only markers never change how the model itself serializes (a request model may need to
//! send fields the spec marks read-only); they only shape derived patches and are visible at run
//! time, so tests can compare them with an API's spec.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;
use syn::ext::IdentExt;

use crate::errors::{ErrorSink, ErrorStore};
use crate::limit_attr::{Limit, is_limit};
use crate::read_only_attr::is_read_only;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let store = ErrorStore::new();
    let errors = store.sink();
    let fields = crate::shape::named_fields(&input, "Model", &errors);
    let all: Vec<&syn::Field> = fields
        .map(|f| f.named.iter())
        .into_iter()
        .flatten()
        .collect();
    let checks: Vec<TokenStream> = all
        .iter()
        .flat_map(|field| limit_checks(field, &errors))
        .collect();
    let read_only: Vec<String> = all
        .iter()
        .filter(|field| is_read_only(field, &errors))
        .filter_map(|field| field.ident.as_ref())
        .map(|ident| ident.unraw().to_string())
        .collect();
    if errors.has_errors() {
        return store.into_compile_errors();
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
fn limit_checks(field: &syn::Field, errors: &ErrorSink) -> Vec<TokenStream> {
    let Some(ident) = &field.ident else {
        return Vec::new();
    };
    let what = format!("`{}`", ident.unraw());
    field
        .attrs
        .iter()
        .filter(|attr| is_limit(attr))
        .filter_map(|attr| errors.ok(Limit::parse(attr)))
        .map(|limit| {
            let check = limit.check(&what, quote!(self.#ident));
            quote!(#check?;)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn raw_field_names_are_listed_and_checked_without_r_hash() {
        let expanded = super::expand(quote! {
            pub struct r#Match { #[read_only] pub r#ref: u32, #[max_items(2)] pub r#type: Vec<u8> }
        })
        .to_string();
        assert!(!expanded.contains("compile_error"), "{expanded}");
        assert!(
            expanded.contains("impl :: declarest :: Model for r#Match"),
            "{expanded}"
        );
        assert!(expanded.contains("& [\"ref\"]"), "{expanded}");
        assert!(
            expanded.contains("check_items (\"`type`\" , & self . r#type , 2)"),
            "{expanded}"
        );
    }
}
