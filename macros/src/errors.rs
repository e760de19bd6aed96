//! Collecting every error of an input, so one run reports them all.
//!
//! An [`ErrorStore`] holds every error of one macro call, merged with `syn::Error::combine`.
//! Each phase reports into a [`ErrorSink`], a child of the phase that runs it, and asks its own
//! sink whether *it* found anything: a sink's `has_errors()` answers for the errors pushed into it
//! and into its children, not for the errors of other phases. (The design follows dropshot's
//! `error_store.rs`.)

use std::cell::Cell;
use std::fmt::Display;

use proc_macro2::{Span, TokenStream};

/// Every error of one macro call.
#[derive(Default)]
pub struct ErrorStore {
    all: Cell<Option<syn::Error>>,
}

impl ErrorStore {
    pub fn new() -> Self {
        ErrorStore::default()
    }

    /// The top-level sink; phases take children of it.
    pub fn sink(&self) -> ErrorSink<'_> {
        ErrorSink {
            store: self,
            parent: None,
            found: Cell::new(false),
        }
    }

    fn push(&self, error: syn::Error) {
        let mut all = self.all.take();
        match &mut all {
            Some(all) => all.combine(error),
            None => all = Some(error),
        }
        self.all.set(all);
    }

    /// Every error, as `compile_error!` invocations at their spans; nothing if there were none.
    pub fn into_compile_errors(self) -> TokenStream {
        self.all
            .into_inner()
            .map(|e| e.to_compile_error())
            .unwrap_or_default()
    }
}

/// Where one phase reports its errors. They go straight to the store; the sink and its
/// ancestors remember that something was found.
pub struct ErrorSink<'a> {
    store: &'a ErrorStore,
    parent: Option<&'a ErrorSink<'a>>,
    found: Cell<bool>,
}

impl ErrorSink<'_> {
    /// A sink for a sub-phase: its errors also count for this sink.
    pub fn child(&self) -> ErrorSink<'_> {
        ErrorSink {
            store: self.store,
            parent: Some(self),
            found: Cell::new(false),
        }
    }

    /// Whether this sink or one of its children received an error.
    pub fn has_errors(&self) -> bool {
        self.found.get()
    }

    pub fn push(&self, error: syn::Error) {
        self.store.push(error);
        let mut sink = Some(self);
        while let Some(s) = sink {
            s.found.set(true);
            sink = s.parent;
        }
    }

    pub fn at(&self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    pub fn spanned(&self, tokens: impl quote::ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Keeps the value, or records the error.
    pub fn ok<T>(&self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|e| self.push(e)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sink_answers_for_its_own_subtree_and_the_store_collects_all() {
        let store = ErrorStore::new();
        let root = store.sink();
        let first = root.child();
        let second = root.child();
        let grandchild = second.child();

        assert!(!root.has_errors());
        grandchild.at(Span::call_site(), "one");
        assert!(grandchild.has_errors());
        assert!(second.has_errors(), "a parent sees its child's errors");
        assert!(root.has_errors());
        assert!(!first.has_errors(), "a sibling does not");

        first.at(Span::call_site(), "two");
        assert!(first.has_errors());

        let errors = store.into_compile_errors().to_string();
        assert!(
            errors.contains("\"one\"") && errors.contains("\"two\""),
            "{errors}"
        );
    }

    #[test]
    fn an_empty_store_emits_nothing() {
        let store = ErrorStore::new();
        let sink = store.sink();
        assert!(!sink.child().has_errors());
        assert!(store.into_compile_errors().is_empty());
    }
}
