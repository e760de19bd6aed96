//! `#[endpoint(METHOD, "template")]` on an `async fn` of a trait.
//!
//! The phases, in order, each reporting into its own child of the call's error sink:
//! - `attr` reads the attributes: `#[endpoint(..)]` and the arguments' roles;
//! - `template` reads the path template into placeholders and literal text;
//! - `ast` reads the method into data: its arguments and its return type;
//! - `valid` checks every rule on what was read;
//! - `bind` binds each argument to its place in the request (`bind/` has one file per step);
//! - `expand` writes the method's body.

mod ast;
mod attr;
mod bind;
mod expand;
mod template;
mod valid;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::TraitItemFn;

use crate::errors::{ErrorSink, ErrorStore};

pub use expand::endpoint_const_ident;

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut item: TraitItemFn = match syn::parse2(item.clone()) {
        Ok(item) => item,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "`#[endpoint]` goes on an `async fn` declared in a trait: `async fn get_project(&self, project_id: Uuid) -> declarest::Result<Project>;`",
            );
            let error = error.to_compile_error();
            return quote!(#error #item);
        }
    };
    let store = ErrorStore::new();
    let generated = generate(attr, &mut item, &store.sink());
    if let Some(generated) = generated {
        return generated;
    }
    let errors = store.into_compile_errors();
    let item = expand::fallback(item);
    quote!(#errors #item)
}

/// Runs the phases; the method's code if every phase succeeded. The helper attributes are
/// stripped from `item` either way.
fn generate(attr: TokenStream, item: &mut TraitItemFn, errors: &ErrorSink) -> Option<TokenStream> {
    let attr = errors.child().ok(attr::EndpointAttr::parse(attr));
    let template = attr
        .as_ref()
        .map(|a| template::Template::parse(&a.template, &errors.child()));
    let method = ast::EndpointFn::parse(item, &errors.child());
    ast::strip_helper_attrs(item);

    let valid = errors.child();
    if let Some(attr) = &attr {
        valid::options(attr, &valid);
    }
    if let Some(template) = &template {
        valid::template(template, &valid);
    }
    let returned = valid::method(item, &method, &valid);
    // Binding needs everything read and valid: any error so far stops here.
    if errors.has_errors() {
        return None;
    }
    let (attr, template, returned) = (attr?, template?, returned?);
    let bound = bind::bind(&attr, &template, &method.args, errors)?;
    Some(expand::generate(item, &attr, &template, &returned, &bound))
}

#[cfg(test)]
pub mod tests;
