//! Step 2: each placeholder not bound by `#[param]` binds the argument named like it: `<projectId>`
//! binds `project_id` (or `projectId`), and `<type>` binds `r#type`. An argument fills one
//! placeholder. A query placeholder that is not a Rust identifier (`<$filter>`) binds no argument
//! by name: only `#[param("$filter")]` binds it.

use syn::ext::IdentExt;

use super::Placeholders;
use crate::case::{closest, lower_camel, snake_case};
use crate::endpoint::ast::Arg;
use crate::endpoint::attr::Role;
use crate::endpoint::template::{Placeholder, Template, is_identifier};
use crate::errors::ErrorSink;

/// Binds the free placeholders. Returns the arguments suggested as typo fixes, which `place` does
/// not report again as unbound: one mistake, one error.
pub fn bind_by_name(
    template: &Template,
    args: &[Arg],
    placeholders: &mut Placeholders,
    errors: &ErrorSink,
) -> Vec<String> {
    let mut suggested = Vec::new();
    for placeholder in template.placeholders() {
        if placeholders.contains_key(&placeholder.name) {
            continue;
        }
        if !is_identifier(&placeholder.name) {
            not_a_name(placeholder, args, placeholders, &mut suggested, errors);
            continue;
        }
        let expected = snake_case(&placeholder.name);
        let found = args.iter().position(|a| {
            let name = a.ident.unraw();
            matches!(a.role, Role::Implicit) && (name == expected || name == placeholder.name)
        });
        if let Some(i) = found {
            let first = placeholders.iter().find(|&(_, &j)| j == i);
            match (first, args.get(i)) {
                (Some((first, _)), Some(arg)) => errors.at(
                    placeholder.span,
                    format!(
                        "placeholders `<{first}>` and `<{name}>` both bind the argument `{arg}`, but an argument fills one placeholder: bind `<{name}>` to another argument with `#[param(\"{name}\")]`, or remove one of the placeholders",
                        name = placeholder.name,
                        arg = arg.ident,
                    ),
                ),
                _ => {
                    placeholders.insert(placeholder.name.clone(), i);
                }
            }
            continue;
        }
        let unbound = args.iter().enumerate().filter(|(i, a)| {
            matches!(a.role, Role::Implicit) && !placeholders.values().any(|b| b == i)
        });
        let names: Vec<String> = unbound.map(|(_, a)| a.ident.unraw().to_string()).collect();
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
    suggested
}

/// `<$filter>` has no argument named like it: say how to bind one.
fn not_a_name(
    placeholder: &Placeholder,
    args: &[Arg],
    placeholders: &Placeholders,
    suggested: &mut Vec<String>,
    errors: &ErrorSink,
) {
    let name = &placeholder.name;
    // `$filter` → `filter`, `api-version` → `api_version`: the argument one would write.
    let expected = Some(snake_case(&lower_camel(name)))
        .filter(|e| is_identifier(e))
        .unwrap_or_else(|| "value".to_owned());
    let unbound: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| matches!(a.role, Role::Implicit) && !placeholders.values().any(|b| b == i))
        .map(|(_, a)| a.ident.unraw().to_string())
        .collect();
    let hint = match closest(&expected, unbound.iter().map(String::as_str)) {
        Some(c) => {
            suggested.push(c.to_owned());
            format!("mark `{c}` with `#[param(\"{name}\")]`")
        }
        None => format!(
            "add an argument marked `#[param(\"{name}\")]`, as in `#[param(\"{name}\")] {expected}: Option<&str>`"
        ),
    };
    errors.at(
        placeholder.span,
        format!(
            "placeholder `<{name}>` is not a Rust name, so no argument binds it by name: {hint}"
        ),
    );
}
