//! Binding arguments to placeholders, the body and headers: every argument exactly once.

use std::collections::HashMap;

use super::ast::{Arg, BodyFormat, Role};
use super::attr::EndpointAttr;
use super::template::{PathComponent, Template};
use crate::case::{closest, snake_case};
use crate::errors::Errors;

/// Where one argument goes.
#[derive(Debug, PartialEq)]
pub enum Binding {
    Path(String),
    Query(String),
    Header { name: String, secret: bool },
    Body(BodyFormat),
    Multipart(String),
}

/// Arguments of the method, each with its binding, in declaration order.
pub struct Bound<'a> {
    pub args: Vec<(&'a Arg, Binding)>,
    /// Placeholder name → index into `args`.
    pub by_placeholder: HashMap<String, usize>,
}

pub fn bind<'a>(
    attr: &EndpointAttr,
    template: &Template,
    args: &'a [Arg],
    errors: &mut Errors,
) -> Option<Bound<'a>> {
    let start = errors.count();
    let path_names: Vec<&str> = template
        .path
        .iter()
        .filter_map(|c| match c {
            PathComponent::Parameter(p) => Some(p.name.as_str()),
            PathComponent::Literal(_) => None,
        })
        .collect();
    let placeholder_names: Vec<&str> = template.placeholders().map(|p| p.name.as_str()).collect();

    // Explicit bindings first: they take their placeholder even from a same-named argument.
    let mut by_placeholder: HashMap<String, usize> = HashMap::new();
    for (i, arg) in args.iter().enumerate() {
        if let Role::Param(wire) = &arg.role {
            let name = wire.value();
            if !placeholder_names.contains(&name.as_str()) {
                let hint = match closest(&name, placeholder_names.iter().copied()) {
                    Some(c) => {
                        // Taken as meant, so `<c>` is not reported again as unbound.
                        by_placeholder.entry(c.to_owned()).or_insert(i);
                        format!("; did you mean `<{c}>`?")
                    }
                    None if placeholder_names.is_empty() => {
                        "; the template has no placeholders".to_owned()
                    }
                    None => format!("; the placeholders are {}", list(&placeholder_names)),
                };
                errors.at(
                    wire.span(),
                    format!("`{name}` is not a placeholder of the template{hint}"),
                );
            } else if let Some(&other) = by_placeholder.get(&name) {
                errors.at(wire.span(), format!("placeholder `<{name}>` is already bound to `{}`: a placeholder binds one argument", args[other].ident));
            } else {
                by_placeholder.insert(name, i);
            }
        }
    }

    // Then each remaining placeholder binds the argument named like it. An argument suggested as
    // a typo fix is not reported again as unbound: one mistake, one error.
    let mut suggested: Vec<String> = Vec::new();
    for placeholder in template.placeholders() {
        if by_placeholder.contains_key(&placeholder.name) {
            continue;
        }
        let expected = snake_case(&placeholder.name);
        let found = args.iter().position(|a| {
            matches!(a.role, Role::Implicit) && (a.ident == expected || a.ident == placeholder.name)
        });
        match found {
            Some(i) => {
                by_placeholder.insert(placeholder.name.clone(), i);
            }
            None => {
                let unbound = args.iter().enumerate().filter(|(i, a)| {
                    matches!(a.role, Role::Implicit) && !by_placeholder.values().any(|b| b == i)
                });
                let names: Vec<String> = unbound.map(|(_, a)| a.ident.to_string()).collect();
                let hint = match closest(&expected, names.iter().map(String::as_str)) {
                    Some(c) => {
                        suggested.push(c.to_owned());
                        format!(
                            "; did you mean `{c}`? Rename it to `{expected}`, or mark it `#[param(\"{}\")]`",
                            placeholder.name
                        )
                    }
                    None => format!(
                        "; add an argument `{expected}`, or mark an argument `#[param(\"{}\")]`",
                        placeholder.name
                    ),
                };
                errors.at(
                    placeholder.span,
                    format!("placeholder `<{}>` has no argument{hint}", placeholder.name),
                );
            }
        }
    }

    // Every argument must now have exactly one place.
    let mut body: Option<&Arg> = None;
    let mut multipart: Option<&Arg> = None;
    let mut bound = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        let placeholder = by_placeholder
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
                    errors.at(*span, format!("a {} request has no body: remove `#[body]` and send `{}` another way (a placeholder or a header)", attr.method, arg.ident));
                }
                body = Some(arg);
                Binding::Body(*format)
            }
            (Role::Multipart(field), _) => {
                if let Some(first) = body {
                    errors.at(field.span(), format!("a request has either a `#[body]` or `#[multipart]` parts, and `{}` is already the body: remove one", first.ident));
                } else if attr.forbids_body() {
                    errors.at(field.span(), format!("a {} request has no body, so no multipart parts: remove `#[multipart]`", attr.method));
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
            (Role::Param(_), None) => continue, // reported above
            (Role::Implicit, None) if suggested.iter().any(|s| arg.ident == s) => continue,
            (Role::Implicit, None) => {
                let wire_guess = closest(&arg.ident.to_string(), placeholder_names.iter().copied());
                let hint = match wire_guess {
                    Some(p) => format!(
                        "; did you mean the placeholder `<{p}>`? It binds an argument named `{}`, or use `#[param(\"{p}\")]`",
                        snake_case(p)
                    ),
                    None => format!(
                        "; add `<{}>` to the template, or mark it `#[body]` or `#[header(\"Name\")]`",
                        lower_camel(&arg.ident.to_string())
                    ),
                };
                errors.at(
                    arg.ident.span(),
                    format!(
                        "argument `{}` is not bound to anything in the request{hint}",
                        arg.ident
                    ),
                );
                continue;
            }
        };
        bound.push((arg, binding));
    }

    (errors.count() == start).then_some(Bound {
        args: bound,
        by_placeholder,
    })
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`<{n}>`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `project_id` → `projectId`: the usual wire name for a snake_case argument.
fn lower_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
