//! The arguments of `#[endpoint(METHOD, "template")]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

/// The HTTP methods an endpoint can use, by their name in the attribute.
pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

pub struct EndpointAttr {
    /// Upper case, one of [`METHODS`].
    pub method: String,
    pub method_span: Span,
    pub template: LitStr,
}

const USAGE: &str = "expected `#[endpoint(METHOD, \"/path/<param>\")]`, e.g. `#[endpoint(GET, \"/projects/<projectId>\")]`";

impl EndpointAttr {
    pub fn parse(tokens: TokenStream) -> syn::Result<Self> {
        if tokens.is_empty() {
            return Err(syn::Error::new(Span::call_site(), USAGE));
        }
        Parser::parse2(parse_args, tokens)
    }

    /// Whether the method is one that must not carry a body.
    pub fn forbids_body(&self) -> bool {
        matches!(self.method.as_str(), "GET" | "HEAD" | "DELETE")
    }

    /// The variant of `declarest::Method`.
    pub fn method_variant(&self) -> Ident {
        let mut name = self.method.to_ascii_lowercase();
        name[..1].make_ascii_uppercase();
        Ident::new(&name, self.method_span)
    }
}

fn parse_args(input: ParseStream) -> syn::Result<EndpointAttr> {
    let method = parse_method(input)?;
    if input.is_empty() {
        return Err(syn::Error::new(
            method.1,
            format!(
                "missing the path template after `{}`: write `#[endpoint({}, \"/path\")]`",
                method.0, method.0
            ),
        ));
    }
    input.parse::<Token![,]>()?;
    let template: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the path template as a string literal, e.g. `\"/projects/<projectId>\"`",
        )
    })?;
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the path template: `#[endpoint]` takes a method and a template"));
    }
    Ok(EndpointAttr {
        method: method.0,
        method_span: method.1,
        template,
    })
}

fn parse_method(input: ParseStream) -> syn::Result<(String, Span)> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "the HTTP method comes first, as a bare word: `#[endpoint(GET, {:?})]`",
                lit.value()
            ),
        ));
    }
    let ident: Ident = input
        .parse()
        .map_err(|e| syn::Error::new(e.span(), USAGE))?;
    let name = ident.to_string();
    if METHODS.contains(&name.as_str()) {
        return Ok((name, ident.span()));
    }
    let upper = name.to_ascii_uppercase();
    let hint = if METHODS.contains(&upper.as_str()) {
        format!("; methods are written in upper case: `{upper}`")
    } else {
        String::new()
    };
    Err(syn::Error::new(
        ident.span(),
        format!(
            "unknown HTTP method `{name}`: use one of {}{hint}",
            METHODS.join(", ")
        ),
    ))
}
