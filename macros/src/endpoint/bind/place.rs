//! Step 3: every argument gets exactly one place in the request: the placeholder it is bound to
//! (in the path or the query), the body, a header, or a multipart part. An argument with none is
//! reported, and so are a second body, a body next to multipart parts, and a body on a method
//! that has none.

use syn::ext::IdentExt;

use super::{Binding, Placeholders};
use crate::case::{closest, lower_camel, snake_case};
use crate::endpoint::ast::Arg;
use crate::endpoint::attr::{EndpointAttr, Role};
use crate::endpoint::template::Template;
use crate::errors::ErrorSink;
use crate::types::option_inner;

pub fn place<'a>(
    attr: &EndpointAttr,
    template: &Template,
    args: &'a [Arg],
    placeholders: &Placeholders,
    suggested: &[String],
    errors: &ErrorSink,
) -> Vec<(&'a Arg, Binding)> {
    let path_names: Vec<&str> = template
        .path_placeholders()
        .map(|p| p.name.as_str())
        .collect();
    let all_names: Vec<&str> = template.placeholders().map(|p| p.name.as_str()).collect();
    let mut body: Option<&Arg> = None;
    let mut multipart: Option<&Arg> = None;
    let mut bound = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        let placeholder = placeholders
            .iter()
            .find(|&(_, &j)| j == i)
            .map(|(name, _)| name.clone());
        let binding = match (&arg.role, placeholder) {
            (Role::Body(span, format), _) => {
                if let Some(first) = body {
                    errors.at(*span, format!("only one argument can be the body, and `{}` already is: remove one `#[body]`", first.ident));
                } else if let Some(part) = multipart {
                    errors.at(*span, format!("a request has either a `#[body]` or `#[multipart]` parts, and `{}` is already a part: remove one", part.ident));
                } else if attr.forbids_body() {
                    let optional = if option_inner(&arg.ty).is_some() {
                        ", not even an optional one"
                    } else {
                        ""
                    };
                    errors.at(*span, format!("a {} request has no body{optional}: remove `#[body]` and send `{}` another way (a placeholder or a header)", attr.method, arg.ident));
                }
                body = Some(arg);
                Binding::Body(*format)
            }
            (Role::Multipart(field), _) => {
                if let Some(first) = body {
                    errors.at(field.span(), format!("a request has either a `#[body]` or `#[multipart]` parts, and `{}` is already the body: remove one", first.ident));
                } else if attr.forbids_body() {
                    errors.at(
                        field.span(),
                        format!(
                            "a {} request has no body, so no multipart parts: remove `#[multipart]`",
                            attr.method
                        ),
                    );
                }
                multipart.get_or_insert(arg);
                Binding::Multipart(field.value())
            }
            (Role::Header { name, secret }, _) => Binding::Header {
                name: name.value(),
                secret: *secret,
            },
            (_, Some(name)) if path_names.contains(&name.as_str()) => Binding::Path(name),
            (_, Some(name)) => Binding::Query(name),
            (Role::Param(..), None) => continue, // reported by `explicit`
            (Role::Implicit, None) if suggested.iter().any(|s| arg.ident.unraw() == s) => {
                continue; // reported by `by_name`, as a typo
            }
            (Role::Implicit, None) => {
                unbound(arg, &all_names, errors);
                continue;
            }
        };
        bound.push((arg, binding));
    }
    bound
}

fn unbound(arg: &Arg, placeholders: &[&str], errors: &ErrorSink) {
    let name = arg.ident.unraw().to_string();
    let hint = match closest(&name, placeholders.iter().copied()) {
        Some(p) => format!(
            "; did you mean the placeholder `<{p}>`? It binds an argument named `{}`, or use `#[param(\"{p}\")]`",
            snake_case(p)
        ),
        None => format!(
            "; add `<{}>` to the template, or mark it `#[body]` or `#[header(\"Name\")]`",
            lower_camel(&name)
        ),
    };
    errors.at(
        arg.ident.span(),
        format!(
            "argument `{}` is not bound to anything in the request{hint}",
            arg.ident
        ),
    );
}
