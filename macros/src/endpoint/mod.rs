//! `#[endpoint(METHOD, "template")]` on an `async fn` of a trait.
//!
//! `attr` reads the attribute, `template` the path template, `ast` the method; `bind` checks that
//! every placeholder and argument meet exactly once; `expand` writes the body.

mod ast;
mod attr;
mod bind;
mod expand;
mod template;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::TraitItemFn;

use crate::errors::Errors;

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
    let mut errors = Errors::default();
    let attr = errors.ok(attr::EndpointAttr::parse(attr));
    let method = ast::EndpointFn::parse(&item, &mut errors);
    let template = attr
        .as_ref()
        .and_then(|a| template::Template::parse(&a.template, &mut errors));
    ast::strip_helper_attrs(&mut item);

    if let (Some(attr), Some(template), Some(method)) = (&attr, &template, &method)
        && let Some(bound) = bind::bind(attr, template, &method.args, &mut errors)
        && errors.is_empty()
    {
        return expand::generate(&item, attr, template, method, &bound);
    }
    let errors = errors.into_compile_errors();
    let item = expand::fallback(item);
    quote!(#errors #item)
}

#[cfg(test)]
mod tests;
