//! Collecting every error of an input, so one run reports them all.

use proc_macro2::{Span, TokenStream};
use std::fmt::Display;

/// Errors found so far, merged with `syn::Error::combine`.
#[derive(Default)]
pub struct Errors(Option<syn::Error>, usize);

impl Errors {
    pub fn push(&mut self, error: syn::Error) {
        self.1 += 1;
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    pub fn spanned(&mut self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Keeps the value, or records the error.
    pub fn ok<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|e| self.push(e)).ok()
    }

    /// How many errors were pushed: compare before and after a step to see if it failed.
    pub fn count(&self) -> usize {
        self.1
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    pub fn into_error(self) -> Option<syn::Error> {
        self.0
    }

    pub fn into_compile_errors(self) -> TokenStream {
        self.0.map(|e| e.to_compile_error()).unwrap_or_default()
    }
}
