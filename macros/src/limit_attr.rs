//! Parsing the limit attributes, `#[max_items(N)]` and `#[max(N)]`: documented limits on
//! endpoint arguments and on `Model` fields alike, parsed here and checked by the runtime (whose
//! `limits` module holds the checks).

use proc_macro2::{Literal, TokenStream};
use quote::quote_spanned;
use syn::{Attribute, Lit, LitInt};

use crate::private_path::private;

/// A limit on a value.
pub enum Limit {
    /// `#[max_items(N)]`: at most N items in a list.
    MaxItems(LitInt),
    /// `#[max(N)]`: a number at most N, as an `f64` literal.
    Max(Literal),
}

/// Whether the attribute is a limit.
pub fn is_limit(attr: &Attribute) -> bool {
    attr.path().is_ident("max_items") || attr.path().is_ident("max")
}

impl Limit {
    /// Reads a limit attribute (see [`is_limit`]).
    pub fn parse(attr: &Attribute) -> syn::Result<Limit> {
        if attr.path().is_ident("max_items") {
            let count =
                |e: syn::Error| syn::Error::new(e.span(), "expected a count: `#[max_items(256)]`");
            let n: LitInt = attr.parse_args().map_err(count)?;
            n.base10_parse::<usize>().map_err(count)?;
            Ok(Limit::MaxItems(n))
        } else {
            let number = |e: syn::Error| {
                syn::Error::new(e.span(), "expected a finite number: `#[max(256)]`")
            };
            let n: Lit = attr.parse_args().map_err(number)?;
            max_literal(&n).map(Limit::Max).map_err(number)
        }
    }

    /// A call of the runtime's check on `value` (an expression of the checked value's type),
    /// spanned at the limit so that a type it cannot apply to is reported there. `what` names
    /// the value in the error message.
    pub fn check(&self, what: &str, value: TokenStream) -> TokenStream {
        match self {
            Limit::MaxItems(n) => {
                let private = private(n.span());
                quote_spanned!(n.span()=> #private::check_items(#what, &#value, #n))
            }
            Limit::Max(n) => {
                let private = private(n.span());
                quote_spanned!(n.span()=> #private::check_max(#what, &#value, #n))
            }
        }
    }
}

/// The limit as an `f64` literal, spanned at the user's literal, so the emitted code has no cast.
fn max_literal(lit: &Lit) -> syn::Result<Literal> {
    let value = match lit {
        Lit::Int(n) => n.base10_parse::<f64>()?,
        Lit::Float(n) => n.base10_parse::<f64>()?,
        other => return Err(syn::Error::new_spanned(other, "expected a number")),
    };
    if !value.is_finite() {
        return Err(syn::Error::new_spanned(
            lit,
            "the limit must be a finite number",
        ));
    }
    let mut literal = Literal::f64_suffixed(value);
    literal.set_span(lit.span());
    Ok(literal)
}
