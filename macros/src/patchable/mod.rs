//! `#[derive(Patchable)]`: `ast` reads the model, `expand` writes its patch.

mod ast;
mod expand;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::errors::Errors;

pub use ast::is_read_only;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let mut errors = Errors::default();
    match ast::Model::parse(&input, &mut errors) {
        Some(model) if errors.is_empty() => expand::generate(&model),
        _ => errors.into_compile_errors(),
    }
}

#[cfg(test)]
mod tests;
