//! Limits written in attributes (`#[max(256)]`), as the `f64` the runtime compares with.

use proc_macro2::Literal;
use syn::Lit;

/// The limit as an `f64` literal, spanned at the user's literal, so the emitted code has no cast.
pub fn max_literal(lit: &Lit) -> syn::Result<Literal> {
    let value = match lit {
        Lit::Int(n) => n.base10_parse::<f64>()?,
        Lit::Float(n) => n.base10_parse::<f64>()?,
        other => {
            return Err(syn::Error::new_spanned(
                other,
                "expected a number: `#[max(256)]`",
            ));
        }
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
