//! `#[derive(Patchable)]`: `ast` reads the model, `valid` checks its rules, `expand` writes its
//! patch.

mod ast;
mod expand;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::errors::ErrorStore;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let store = ErrorStore::new();
    let errors = store.sink();
    let model = ast::Model::parse(&input, &errors.child());
    let generated = valid::check(&model, &errors).and_then(|writable| {
        let patch_ident = model.patch_ident.as_ref()?;
        Some(expand::generate(&model, patch_ident, &writable))
    });
    generated.unwrap_or_else(|| store.into_compile_errors())
}

#[cfg(test)]
pub mod tests;
