//! The attributes `#[endpoint]` reads: its own arguments, `#[endpoint(METHOD, "template")]`, and
//! the role attributes of the method's arguments (`#[param]`, `#[body]`, `#[header]`,
//! `#[multipart]`). Syntax only: the rules on their values are in `valid`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitStr, Token};

/// The HTTP methods an endpoint can use, by their name in the attribute.
pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

pub struct EndpointAttr {
    /// Upper case, one of [`METHODS`].
    pub method: String,
    pub method_span: Span,
    pub template: LitStr,
    /// `idempotent` after the template: the operation is safe to repeat, so it may be retried.
    pub idempotent: Option<Span>,
}

const USAGE: &str = "expected `#[endpoint(METHOD, \"/path/<param>\")]`, e.g. `#[endpoint(GET, \"/projects/<projectId>\")]`";

impl EndpointAttr {
    pub fn parse(tokens: TokenStream) -> syn::Result<Self> {
        if tokens.is_empty() {
            return Err(syn::Error::new(Span::call_site(), USAGE));
        }
        Parser::parse2(parse_args, tokens)
    }

    /// Whether HTTP defines the method as idempotent (so `idempotent` would say nothing).
    pub fn method_is_idempotent(&self) -> bool {
        !matches!(self.method.as_str(), "POST" | "PATCH")
    }

    /// Whether the method is one that must not carry a body.
    pub fn forbids_body(&self) -> bool {
        matches!(self.method.as_str(), "GET" | "HEAD" | "DELETE")
    }

    /// The variant of `declarest::Method`.
    pub fn method_variant(&self) -> Ident {
        // `PATCH` → `Patch`. The method is one of `METHODS`, so this is an identifier.
        let name: String = self
            .method
            .chars()
            .enumerate()
            .map(|(i, c)| if i == 0 { c } else { c.to_ascii_lowercase() })
            .collect();
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
    input.parse::<Token![,]>().map_err(|e| {
        syn::Error::new(
            e.span(),
            format!("expected `,` between the method and the path template: {USAGE}"),
        )
    })?;
    let template: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the path template as a string literal, e.g. `\"/projects/<projectId>\"`",
        )
    })?;
    let mut idempotent = None;
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        if input.peek(Ident) {
            let option: Ident = input.parse()?;
            if option != "idempotent" {
                return Err(syn::Error::new(
                    option.span(),
                    format!(
                        "unknown endpoint option `{option}`: the only option is `idempotent`, for an operation that is safe to repeat"
                    ),
                ));
            }
            idempotent = Some(option.span());
            if input.peek(Token![,]) {
                input.parse::<Token![,]>()?;
            }
        }
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the path template: `#[endpoint]` takes a method, a template and optionally `idempotent`"));
    }
    Ok(EndpointAttr {
        method: method.0,
        method_span: method.1,
        template,
        idempotent,
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

/// The attributes that give an argument its role.
const ROLE_ATTRS: [&str; 4] = ["body", "header", "param", "multipart"];

/// How a `#[body]` is encoded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BodyFormat {
    /// `#[body]` or `#[body(json)]`.
    Json,
    /// `#[body(bytes)]`: `application/octet-stream`.
    Bytes,
}

/// What an argument's attribute says it is.
pub enum Role {
    /// No attribute: bound to the placeholder named like it.
    Implicit,
    /// `#[param("wireName")]`: bound to that placeholder; `#[param("wireName", secret)]` also
    /// keeps its value out of logs, spans and errors.
    Param(LitStr, bool),
    /// `#[body]`, `#[body(json)]` or `#[body(bytes)]`.
    Body(Span, BodyFormat),
    /// `#[multipart("field")]`: one part per file, under the field's name.
    Multipart(LitStr),
    /// `#[header("Name")]` or `#[header("Name", secret)]`.
    Header { name: LitStr, secret: bool },
}

/// Whether the attribute gives an argument its role (`#[body]`, `#[param(..)]`, ..).
pub fn is_role(attr: &Attribute) -> bool {
    ROLE_ATTRS.iter().any(|name| attr.path().is_ident(name))
}

/// The attribute's name, `body` for `#[body(..)]`.
pub fn attr_name(attr: &Attribute) -> String {
    attr.path()
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default()
}

const BODY_FORMATS: &str =
    "write `#[body]` for a JSON body or `#[body(bytes)]` for raw `application/octet-stream` bytes";

/// Reads a role attribute (see [`is_role`]). Only its syntax is checked here; what its values may
/// be (a header name's characters, ..) is checked in `valid`.
pub fn parse_role(attr: &Attribute) -> syn::Result<Role> {
    match attr_name(attr).as_str() {
        "body" => parse_body(attr),
        "multipart" => {
            let field: LitStr = attr.parse_args().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected the form field's name: `#[multipart(\"imageData\")]`",
                )
            })?;
            Ok(Role::Multipart(field))
        }
        "param" => attr.parse_args_with(parse_param),
        "header" => attr.parse_args_with(parse_header),
        other => Err(syn::Error::new_spanned(
            attr,
            format!(
                "unknown argument role `#[{other}]`: the roles are `#[param(\"name\")]`, `#[body]`, `#[header(\"Name\")]` and `#[multipart(\"field\")]`"
            ),
        )),
    }
}

/// `"wireName"`, then optionally `, secret`.
fn parse_param(input: ParseStream) -> syn::Result<Role> {
    let wire: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the placeholder's name: `#[param(\"projectId\")]` or `#[param(\"sig\", secret)]`",
        )
    })?;
    let mut secret = false;
    if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
        let flag: Ident = input.parse()?;
        if flag != "secret" {
            return Err(syn::Error::new(
                flag.span(),
                format!(
                    "unknown parameter option `{flag}`: the only option is `secret`, as in `#[param(\"sig\", secret)]`"
                ),
            ));
        }
        secret = true;
        input.parse::<Option<Token![,]>>()?;
    }
    if !input.is_empty() {
        return Err(input.error(
            "unexpected tokens: write `#[param(\"name\")]` or `#[param(\"name\", secret)]`",
        ));
    }
    Ok(Role::Param(wire, secret))
}

fn parse_body(attr: &Attribute) -> syn::Result<Role> {
    match &attr.meta {
        syn::Meta::Path(path) => Ok(Role::Body(path.span(), BodyFormat::Json)),
        syn::Meta::List(list) => {
            let format: Ident = list
                .parse_args()
                .map_err(|e| syn::Error::new(e.span(), BODY_FORMATS))?;
            match format.to_string().as_str() {
                "json" => Ok(Role::Body(format.span(), BodyFormat::Json)),
                "bytes" => Ok(Role::Body(format.span(), BodyFormat::Bytes)),
                other => Err(syn::Error::new(
                    format.span(),
                    format!("unknown body format `{other}`: {BODY_FORMATS}"),
                )),
            }
        }
        syn::Meta::NameValue(nv) => Err(syn::Error::new_spanned(&nv.value, BODY_FORMATS)),
    }
}

fn parse_header(input: ParseStream) -> syn::Result<Role> {
    let header: LitStr = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the header's name: `#[header(\"If-Match\")]` or `#[header(\"Api-Key\", secret)]`",
        )
    })?;
    let mut secret = false;
    if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
        let flag: Ident = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a header option: the only one is `secret`, as in `#[header(\"Api-Key\", secret)]`",
            )
        })?;
        if flag != "secret" {
            return Err(syn::Error::new(
                flag.span(),
                format!("unknown header option `{flag}`: the only option is `secret`"),
            ));
        }
        secret = true;
        input.parse::<Option<Token![,]>>()?;
    }
    if !input.is_empty() {
        return Err(input.error(
            "unexpected tokens: write `#[header(\"Name\")]` or `#[header(\"Name\", secret)]`",
        ));
    }
    Ok(Role::Header {
        name: header,
        secret,
    })
}
