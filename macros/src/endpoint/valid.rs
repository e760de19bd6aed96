//! Every rule an endpoint declaration must follow, checked on what `attr`, `ast` and `template`
//! read: the method's signature, its arguments' roles, its return type and the template's shape.
//! Where each argument goes, and the rules of that, is `bind`.

use syn::spanned::Spanned;
use syn::{FnArg, GenericArgument, LitStr, PathArguments, ReceiverKind, TraitItemFn, Type};

use super::ast::{EndpointFn, Returns};
use super::attr::{EndpointAttr, Role, attr_name};
use super::template::Template;
use crate::errors::ErrorSink;
use crate::types::declarest_response;

/// What the method returns inside `declarest::Result<..>`.
pub enum Output {
    /// `()`: any 2xx response, body ignored.
    Unit,
    /// A type decoded from the JSON body.
    Json(Box<Type>),
    /// `declarest::WithStatus<T>`: `T` decoded from the JSON body, the status kept. Holds `T`.
    WithStatus(Box<Type>),
    /// `declarest::Binary`: the body as bytes. Holds the type as written.
    Binary(Box<Type>),
    /// `declarest::ByteStream`: the body unread, handed back as a stream.
    Stream,
}

/// The return type of a method that follows the rules.
pub struct Returned {
    /// The whole declared return type, `declarest::Result<T>`.
    pub whole: Type,
    pub output: Output,
}

/// Checks the attribute's options: `idempotent` only where the method is not idempotent already.
pub fn options(attr: &EndpointAttr, errors: &ErrorSink) {
    if let Some(span) = attr.idempotent
        && attr.method_is_idempotent()
    {
        errors.at(
            span,
            format!(
                "`{}` is idempotent already, so it is retried without being marked: remove `idempotent` (it is for POST and PATCH operations that are safe to repeat)",
                attr.method
            ),
        );
    }
}

/// Checks the method: its signature, its arguments and its return type. The return type comes
/// back when it is one an endpoint can have.
pub fn method(item: &TraitItemFn, method: &EndpointFn, errors: &ErrorSink) -> Option<Returned> {
    signature(item, errors);
    receiver(item, errors);
    arguments(method, errors);
    returns(&method.returns, errors)
}

fn signature(item: &TraitItemFn, errors: &ErrorSink) {
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
        errors.at(
            constness.span,
            "an endpoint method cannot be `const`: remove `const`",
        );
    }
    if let syn::Safety::Unsafe(token) = &sig.safety {
        errors.at(
            token.span,
            "an endpoint method cannot be `unsafe`: remove `unsafe`",
        );
    }
    if let Some(abi) = &sig.abi {
        errors.spanned(
            abi,
            "an endpoint method cannot have an `extern` ABI: remove it",
        );
    }
    if let Some(variadic) = &sig.variadic {
        errors.spanned(
            variadic,
            "an endpoint method cannot be variadic: declare each argument with its type",
        );
    }
    for param in sig.generics.type_params() {
        errors.spanned(param, "endpoint methods cannot be generic over types: use a concrete type (lifetimes are fine)");
    }
    for param in sig.generics.const_params() {
        errors.spanned(
            param,
            "endpoint methods cannot be generic over constants: use a concrete type or value",
        );
    }
}

/// `&self`, first.
fn receiver(item: &TraitItemFn, errors: &ErrorSink) {
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

/// One role per argument; header names and form field names that can be sent.
fn arguments(method: &EndpointFn, errors: &ErrorSink) {
    for arg in &method.args {
        for extra in &arg.extra_roles {
            errors.spanned(
                extra,
                format!(
                    "`{}` has two roles: `#[{}]` and `#[{}]`; keep one",
                    arg.ident,
                    arg.role_name(),
                    attr_name(extra)
                ),
            );
        }
        match &arg.role {
            Role::Header { name, .. } => header_name(name, errors),
            Role::Multipart(field) => form_field_name(field, errors),
            Role::Implicit | Role::Param(..) | Role::Body(..) => {}
        }
    }
}

/// An HTTP token (RFC 9110): what `HeaderName` accepts.
fn header_name(name: &LitStr, errors: &ErrorSink) {
    let value = name.value();
    let is_token_char = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if value.is_empty() {
        errors.at(
            name.span(),
            "a header name cannot be empty: name the header, as in `#[header(\"If-Match\")]`",
        );
    } else if let Some(bad) = value.chars().find(|&c| !is_token_char(c)) {
        errors.at(
            name.span(),
            format!(
                "`{value}` is not a valid header name: `{}` is not allowed (use letters, digits and `-`)",
                bad.escape_default()
            ),
        );
    }
}

/// A form field's name goes into a quoted `Content-Disposition` parameter.
fn form_field_name(field: &LitStr, errors: &ErrorSink) {
    let value = field.value();
    if value.is_empty() || value.chars().any(|c| c.is_control() || c == '"') {
        errors.at(
            field.span(),
            "a form field's name must be non-empty, without quotes or control characters: name the field as the API does, as in `#[multipart(\"imageData\")]`",
        );
    }
}

const RETURN_HELP: &str = "an endpoint method returns `declarest::Result<T>`, where `T` is decoded from the JSON body, or `declarest::Result<()>`";

/// `declarest::Result<T>`: one type argument, the error type being always `declarest::Error`.
fn returns(returns: &Returns, errors: &ErrorSink) -> Option<Returned> {
    let not_result = |ty: &Type| {
        errors.spanned(
            ty,
            format!("{RETURN_HELP}; the type's last segment must be `Result` (a renamed alias is not recognized)"),
        );
    };
    match returns {
        Returns::Missing(span) => {
            errors.at(
                *span,
                format!("missing return type: {RETURN_HELP}; add `-> declarest::Result<()>`"),
            );
            None
        }
        Returns::Other(ty) => {
            not_result(ty);
            None
        }
        Returns::Result { whole, args } => match args.as_slice() {
            [GenericArgument::Type(ok)] => Some(Returned {
                whole: whole.clone(),
                output: output(ok, errors)?,
            }),
            [_, extra, ..] => {
                errors.spanned(
                    extra,
                    "`declarest::Result` takes one type: the error is always `declarest::Error`",
                );
                None
            }
            _ => {
                not_result(whole);
                None
            }
        },
    }
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(t) if t.elems.is_empty())
}

/// What `T` of `declarest::Result<T>` asks for: nothing, JSON, or one of declarest's response
/// types (see `types::declarest_response`).
fn output(ok: &Type, errors: &ErrorSink) -> Option<Output> {
    if is_unit(ok) {
        return Some(Output::Unit);
    }
    let Some(segment) = declarest_response(ok) else {
        return Some(Output::Json(Box::new(ok.clone())));
    };
    let name = segment.ident.to_string();
    if name == "WithStatus" {
        return with_status(segment, errors)
            .map(|inner| Output::WithStatus(Box::new(inner.clone())));
    }
    if !segment.arguments.is_none() {
        errors.spanned(
            &segment.arguments,
            format!("`declarest::{name}` takes no type arguments: write `declarest::{name}`"),
        );
        return None;
    }
    Some(if name == "Binary" {
        Output::Binary(Box::new(ok.clone()))
    } else {
        Output::Stream
    })
}

/// `T` of `WithStatus<T>`, when it is a type a JSON body decodes to.
fn with_status<'a>(segment: &'a syn::PathSegment, errors: &ErrorSink) -> Option<&'a Type> {
    let inner = match &segment.arguments {
        PathArguments::AngleBracketed(args) => match args.args.iter().collect::<Vec<_>>()[..] {
            [GenericArgument::Type(inner)] => Some(inner),
            _ => None,
        },
        _ => None,
    };
    let Some(inner) = inner else {
        errors.spanned(
            segment,
            "`declarest::WithStatus` takes the type decoded from the JSON body: write `declarest::WithStatus<Summary>`",
        );
        return None;
    };
    if is_unit(inner) {
        errors.spanned(
            inner,
            "`WithStatus<()>` has no body to decode: `WithStatus` keeps the status of a JSON body; return `declarest::Result<()>`, which accepts any 2xx response, or name the body's type",
        );
        return None;
    }
    if let Some(nested) = declarest_response(inner) {
        let message = if nested.ident == "WithStatus" {
            "`WithStatus` inside `WithStatus` keeps the status twice: write one, as in `declarest::WithStatus<Summary>`".to_owned()
        } else {
            format!(
                "`{0}` keeps its status already (`{0}::status`): return `declarest::Result<declarest::{0}>`, without `WithStatus`",
                nested.ident
            )
        };
        errors.spanned(inner, message);
        return None;
    }
    Some(inner)
}

/// Checks the template's shape: a path that starts with `/`, whose segments are sent as written
/// (no `//`, `.` or `..`), with each placeholder once.
pub fn template(template: &Template, errors: &ErrorSink) {
    let text = &template.text;
    if !text.starts_with('/') {
        let hint = if text.is_empty() {
            "\"/\"".to_owned()
        } else {
            format!("\"/{text}\"")
        };
        errors.at(
            template.literal_span(),
            format!("the path template must start with `/`: write {hint}"),
        );
    }
    segments(template, errors);
    duplicates(template, errors);
}

/// Segments that URL handling would not send as written.
fn segments(template: &Template, errors: &ErrorSink) {
    let segments: Vec<(usize, &str)> = template.path_segments().collect();
    let last = segments.len().saturating_sub(1);
    for (i, &(start, segment)) in segments.iter().enumerate() {
        // The empty text before the leading `/`, and after a trailing `/`, are not segments.
        if segment.is_empty() && i != 0 && i != last {
            errors.at(
                template.span(start.saturating_sub(1), start + 1),
                "empty path segment `//` in the template: it names no resource, and servers and proxies often merge `//` into `/`, so the request could reach another route; remove one `/`",
            );
        } else if let Some(dots) = dot_segment(segment) {
            let meaning = match dots {
                Dots::Current => "the current directory (`.`)",
                Dots::Parent => "the parent directory (`..`)",
            };
            errors.at(
                template.span(start, start + segment.len()),
                format!(
                    "path segment `{segment}` in the template means {meaning}: URLs resolve `.` and `..` segments (percent-encoded ones too), so the request would go to `{}`, not to the path written; write that path instead",
                    resolved_path(template)
                ),
            );
        }
    }
}

enum Dots {
    Current,
    Parent,
}

/// `.`, `..` and their percent-encoded forms (`%2e`), as the URL standard reads them.
fn dot_segment(segment: &str) -> Option<Dots> {
    match segment.to_ascii_lowercase().replace("%2e", ".").as_str() {
        "." => Some(Dots::Current),
        ".." => Some(Dots::Parent),
        _ => None,
    }
}

/// The path part as a URL parser resolves its dot segments (RFC 3986, 5.2.4).
fn resolved_path(template: &Template) -> String {
    let segments: Vec<&str> = template.path_text().split('/').skip(1).collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let Some(dots) = dot_segment(segment) else {
            out.push(segment);
            continue;
        };
        if let Dots::Parent = dots {
            out.pop();
        }
        // A trailing dot segment leaves a directory: `/a/..` is `/`, `/a/b/.` is `/a/b/`.
        if i + 1 == segments.len() {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

/// Each placeholder once, in the path and the query together.
fn duplicates(template: &Template, errors: &ErrorSink) {
    let mut seen: Vec<&str> = Vec::new();
    for p in template.placeholders() {
        if seen.contains(&p.name.as_str()) {
            errors.at(
                p.span,
                format!(
                    "placeholder `<{}>` appears twice: a parameter can be bound only once",
                    p.name
                ),
            );
        } else {
            seen.push(&p.name);
        }
    }
}
