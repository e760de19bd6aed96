//! The annotated method, as data: its arguments with their roles and limits, and its return type.
//!
//! Nothing here decides whether the method is a valid endpoint (`valid` does); the only errors
//! are for what cannot be read at all: a malformed attribute, or an argument that is a pattern
//! rather than a name.

use proc_macro2::Span;
use syn::{Attribute, FnArg, GenericArgument, Ident, Pat, PathArguments, TraitItemFn, Type};

use super::attr::{Role, is_role, parse_role};
use crate::errors::ErrorSink;
use crate::limit_attr::{Limit, is_limit};

/// An argument, after its attributes are read.
pub struct Arg {
    pub ident: Ident,
    pub ty: Type,
    /// What its first role attribute says; `Role::Implicit` without one.
    pub role: Role,
    /// Role attributes after the first, which `valid` reports: an argument has one role.
    pub extra_roles: Vec<Attribute>,
    /// `#[max_items(N)]` and `#[max(N)]`, checked before the request is sent.
    pub limits: Vec<Limit>,
}

impl Arg {
    /// The name of the first role attribute, `param` for `#[param("x")]`.
    pub fn role_name(&self) -> &'static str {
        match self.role {
            Role::Implicit => "",
            Role::Param(..) => "param",
            Role::Body(..) => "body",
            Role::Multipart(_) => "multipart",
            Role::Header { .. } => "header",
        }
    }
}

/// The declared return type, as written.
pub enum Returns {
    /// No `-> ..`; the span is the closing parenthesis of the arguments.
    Missing(Span),
    /// A path whose last segment is `Result` with angle-bracketed arguments: the whole type and
    /// those arguments.
    Result {
        whole: Type,
        args: Vec<GenericArgument>,
    },
    /// Any other type.
    Other(Type),
}

pub struct EndpointFn {
    /// The arguments after `self`, in declaration order.
    pub args: Vec<Arg>,
    pub returns: Returns,
}

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

impl EndpointFn {
    /// Reads the method. An argument that cannot be read is reported and left out.
    pub fn parse(item: &TraitItemFn, errors: &ErrorSink) -> EndpointFn {
        let args: Vec<Arg> = item
            .sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                FnArg::Typed(arg) => parse_arg(arg, errors),
                FnArg::Receiver(_) => None,
            })
            .collect();
        let returns = parse_returns(item);
        EndpointFn { args, returns }
    }
}

fn parse_arg(arg: &syn::PatType, errors: &ErrorSink) -> Option<Arg> {
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
    let limits = arg
        .attrs
        .iter()
        .filter(|a| is_limit(a))
        .filter_map(|attr| errors.ok(Limit::parse(attr)))
        .collect();
    let mut roles = arg.attrs.iter().filter(|a| is_role(a));
    let role = match roles.next() {
        Some(attr) => errors.ok(parse_role(attr))?,
        None => Role::Implicit,
    };
    Some(Arg {
        ident,
        ty: (*arg.ty).clone(),
        role,
        extra_roles: roles.cloned().collect(),
        limits,
    })
}

fn parse_returns(item: &TraitItemFn) -> Returns {
    let ty = match &item.sig.output {
        syn::ReturnType::Default => return Returns::Missing(item.sig.paren_token.span.close()),
        syn::ReturnType::Type(_, ty) => ty,
    };
    match result_args(ty) {
        Some(args) => Returns::Result {
            whole: (**ty).clone(),
            args,
        },
        None => Returns::Other((**ty).clone()),
    }
}

/// The generic arguments of `…::Result<..>`.
fn result_args(ty: &Type) -> Option<Vec<GenericArgument>> {
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
    Some(args.args.iter().cloned().collect())
}
