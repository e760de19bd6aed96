//! The annotated method, as data: its arguments with their roles, and its output.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    Attribute, FnArg, GenericArgument, Ident, LitStr, Pat, PathArguments, ReceiverKind, Token,
    TraitItemFn, Type,
};

use crate::errors::Errors;
use crate::limit::{Limit, is_limit};

/// An argument, after its attributes are read.
pub struct Arg {
    pub ident: Ident,
    pub ty: Type,
    pub role: Role,
    /// `#[max_items(N)]` and `#[max(N)]`, checked before the request is sent.
    pub limits: Vec<Limit>,
}

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
    /// `#[param("wireName")]`: bound to that placeholder.
    Param(LitStr),
    /// `#[body]`, `#[body(json)]` or `#[body(bytes)]`.
    Body(Span, BodyFormat),
    /// `#[multipart("field")]`: one part per file, under the field's name.
    Multipart(LitStr),
    /// `#[header("Name")]` or `#[header("Name", secret)]`.
    Header { name: LitStr, secret: bool },
}

/// What the method returns inside `declarest::Result<..>`.
pub enum Output {
    /// `()`: any 2xx response, body ignored.
    Unit,
    /// A type decoded from the JSON body.
    Json(Box<Type>),
}

pub struct EndpointFn {
    pub args: Vec<Arg>,
    /// The whole declared return type, `declarest::Result<T>`.
    pub return_type: Type,
    pub output: Output,
}

const ROLE_ATTRS: [&str; 4] = ["body", "header", "param", "multipart"];

/// Removes the attributes `#[endpoint]` reads from the arguments, so the method compiles as plain
/// Rust whether or not expansion succeeds.
pub fn strip_helper_attrs(item: &mut TraitItemFn) {
    for input in &mut item.sig.inputs {
        if let FnArg::Typed(arg) = input {
            arg.attrs.retain(|a| !is_helper(a));
        }
    }
}

fn is_helper(attr: &Attribute) -> bool {
    is_role(attr) || is_limit(attr)
}

fn is_role(attr: &Attribute) -> bool {
    ROLE_ATTRS.iter().any(|name| attr.path().is_ident(name))
}

impl EndpointFn {
    /// Reads the method, reporting every problem.
    pub fn parse(item: &TraitItemFn, errors: &mut Errors) -> Option<EndpointFn> {
        let before = errors.count();
        let sig = &item.sig;
        if sig.asyncness.is_none() {
            errors.at(
                sig.fn_token.span,
                format!(
                    "an endpoint method must be `async fn`: write `async fn {}(..)`",
                    sig.ident
                ),
            );
        }
        if let Some(body) = &item.default {
            errors.at(body.brace_token.span.join(), "an endpoint method has no body of its own: `#[endpoint]` writes it; replace the body with `;`");
        }
        if let Some(constness) = &sig.constness {
            errors.at(constness.span, "an endpoint method cannot be `const`");
        }
        if let syn::Safety::Unsafe(token) = &sig.safety {
            errors.at(token.span, "an endpoint method cannot be `unsafe`");
        }
        if let Some(abi) = &sig.abi {
            errors.spanned(abi, "an endpoint method cannot have an `extern` ABI");
        }
        if let Some(variadic) = &sig.variadic {
            errors.spanned(variadic, "an endpoint method cannot be variadic");
        }
        for param in sig.generics.type_params() {
            errors.spanned(param, "endpoint methods cannot be generic over types: use a concrete type (lifetimes are fine)");
        }
        for param in sig.generics.const_params() {
            errors.spanned(param, "endpoint methods cannot be generic over constants");
        }

        check_receiver(item, errors);
        let args = sig.inputs.iter().filter_map(|input| match input {
            FnArg::Typed(arg) => parse_arg(arg, errors),
            FnArg::Receiver(_) => None,
        });
        let args: Vec<Arg> = args.collect();
        let output = parse_output(item, errors);

        if errors.count() != before {
            return None;
        }
        let (return_type, output) = output?;
        Some(EndpointFn {
            args,
            return_type,
            output,
        })
    }
}

fn check_receiver(item: &TraitItemFn, errors: &mut Errors) {
    let sig = &item.sig;
    match sig.inputs.first() {
        Some(FnArg::Receiver(receiver)) => {
            let by_shared_ref = matches!(receiver.kind, ReceiverKind::Reference(_, _, None))
                && receiver.mutability.is_none();
            if !by_shared_ref {
                errors.spanned(receiver, "an endpoint method takes `&self`: the client is shared, so it is borrowed, not moved or borrowed mutably");
            }
        }
        _ => {
            let span = sig
                .inputs
                .first()
                .map_or(sig.paren_token.span.join(), Spanned::span);
            errors.at(
                span,
                format!(
                    "an endpoint method takes `&self` first: write `async fn {}(&self, ..)`",
                    sig.ident
                ),
            );
        }
    }
}

fn parse_arg(arg: &syn::PatType, errors: &mut Errors) -> Option<Arg> {
    let ident = match &*arg.pat {
        Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => p.ident.clone(),
        other => {
            errors.spanned(
                other,
                "endpoint arguments must be plain names such as `project_id: Uuid`, not patterns",
            );
            return None;
        }
    };
    let mut role = Role::Implicit;
    let mut role_attr: Option<&Attribute> = None;
    let mut limits = Vec::new();
    for attr in arg.attrs.iter().filter(|a| is_limit(a)) {
        if let Some(limit) = errors.ok(Limit::parse(attr)) {
            limits.push(limit);
        }
    }
    for attr in arg.attrs.iter().filter(|a| is_role(a)) {
        if let Some(first) = role_attr {
            errors.spanned(
                attr,
                format!(
                    "`{}` has two roles: `#[{}]` and `#[{}]`; keep one",
                    ident,
                    path_name(first),
                    path_name(attr)
                ),
            );
            continue;
        }
        role_attr = Some(attr);
        if let Some(parsed) = errors.ok(parse_role(attr)) {
            role = parsed;
        } else {
            return None;
        }
    }
    Some(Arg {
        ident,
        ty: (*arg.ty).clone(),
        role,
        limits,
    })
}

fn path_name(attr: &Attribute) -> String {
    attr.path()
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn parse_role(attr: &Attribute) -> syn::Result<Role> {
    let name = path_name(attr);
    match name.as_str() {
        "body" => match &attr.meta {
            syn::Meta::Path(path) => Ok(Role::Body(path.span(), BodyFormat::Json)),
            syn::Meta::List(list) => {
                let format: Ident = list.parse_args().map_err(|e| syn::Error::new(e.span(), BODY_FORMATS))?;
                match format.to_string().as_str() {
                    "json" => Ok(Role::Body(format.span(), BodyFormat::Json)),
                    "bytes" => Ok(Role::Body(format.span(), BodyFormat::Bytes)),
                    other => Err(syn::Error::new(format.span(), format!("unknown body format `{other}`: {BODY_FORMATS}"))),
                }
            }
            syn::Meta::NameValue(nv) => Err(syn::Error::new_spanned(&nv.value, BODY_FORMATS)),
        },
        "multipart" => {
            let field: LitStr = attr.parse_args().map_err(|e| {
                syn::Error::new(e.span(), "expected the form field's name: `#[multipart(\"imageData\")]`")
            })?;
            if field.value().is_empty() || field.value().chars().any(|c| c.is_control() || c == '"') {
                return Err(syn::Error::new(field.span(), "a form field's name must be non-empty, without quotes or control characters"));
            }
            Ok(Role::Multipart(field))
        }
        "param" => {
            let wire: LitStr = attr.parse_args().map_err(|e| {
                syn::Error::new(e.span(), "expected the placeholder's name: `#[param(\"projectId\")]`")
            })?;
            Ok(Role::Param(wire))
        }
        _ => attr.parse_args_with(|input: syn::parse::ParseStream| {
            let header: LitStr = input.parse().map_err(|e| syn::Error::new(e.span(), "expected the header's name: `#[header(\"If-Match\")]` or `#[header(\"Api-Key\", secret)]`"))?;
            check_header_name(&header)?;
            let mut secret = false;
            if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
                let flag: Ident = input.parse()?;
                if flag != "secret" {
                    return Err(syn::Error::new(flag.span(), format!("unknown header option `{flag}`: the only option is `secret`")));
                }
                secret = true;
                input.parse::<Option<Token![,]>>()?;
            }
            if !input.is_empty() {
                return Err(input.error("unexpected tokens: write `#[header(\"Name\")]` or `#[header(\"Name\", secret)]`"));
            }
            Ok(Role::Header { name: header, secret })
        }),
    }
}

const BODY_FORMATS: &str =
    "write `#[body]` for a JSON body or `#[body(bytes)]` for raw `application/octet-stream` bytes";

fn check_header_name(name: &LitStr) -> syn::Result<()> {
    let value = name.value();
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if value.is_empty() {
        return Err(syn::Error::new(
            name.span(),
            "a header name cannot be empty",
        ));
    }
    if let Some(bad) = value.chars().find(|&c| !is_token_char(c)) {
        return Err(syn::Error::new(
            name.span(),
            format!(
                "`{value}` is not a valid header name: `{}` is not allowed (use letters, digits and `-`)",
                bad.escape_default()
            ),
        ));
    }
    Ok(())
}

const RETURN_HELP: &str = "an endpoint method returns `declarest::Result<T>`, where `T` is decoded from the JSON body, or `declarest::Result<()>`";

fn parse_output(item: &TraitItemFn, errors: &mut Errors) -> Option<(Type, Output)> {
    let ty = match &item.sig.output {
        syn::ReturnType::Default => {
            errors.at(
                item.sig.paren_token.span.close(),
                format!("missing return type: {RETURN_HELP}; add `-> declarest::Result<()>`"),
            );
            return None;
        }
        syn::ReturnType::Type(_, ty) => ty,
    };
    let inner = result_inner(ty);
    match inner {
        Some(Ok(inner)) => {
            let output = match inner {
                Type::Tuple(t) if t.elems.is_empty() => Output::Unit,
                other => Output::Json(Box::new(other.clone())),
            };
            Some(((**ty).clone(), output))
        }
        Some(Err(extra)) => {
            errors.spanned(
                extra,
                "`declarest::Result` takes one type: the error is always `declarest::Error`",
            );
            None
        }
        None => {
            errors.spanned(
                ty,
                format!("{RETURN_HELP}; the type's last segment must be `Result` (a renamed alias is not recognized)"),
            );
            None
        }
    }
}

/// `T` of `…::Result<T>`; `Err` with the offending argument for `Result<T, E>`.
fn result_inner(ty: &Type) -> Option<Result<&Type, &GenericArgument>> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    let mut args = args.args.iter();
    let first = args.next()?;
    if let Some(extra) = args.next() {
        return Some(Err(extra));
    }
    match first {
        GenericArgument::Type(t) => Some(Ok(t)),
        _ => None,
    }
}
