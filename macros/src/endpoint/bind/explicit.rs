//! Step 1: an argument marked `#[param("name")]` is bound to the placeholder `<name>`, even if
//! another argument is named like it.

use super::{Placeholders, list};
use crate::case::closest;
use crate::endpoint::ast::Arg;
use crate::endpoint::attr::Role;
use crate::endpoint::template::Template;
use crate::errors::ErrorSink;

pub fn bind_params(
    template: &Template,
    args: &[Arg],
    placeholders: &mut Placeholders,
    errors: &ErrorSink,
) {
    let names: Vec<&str> = template.placeholders().map(|p| p.name.as_str()).collect();
    for (i, arg) in args.iter().enumerate() {
        let Role::Param(wire, _) = &arg.role else {
            continue;
        };
        let name = wire.value();
        if !names.contains(&name.as_str()) {
            let hint = match closest(&name, names.iter().copied()) {
                Some(c) => {
                    // Taken as meant, so `<c>` is not reported again as unbound.
                    placeholders.entry(c.to_owned()).or_insert(i);
                    format!("; did you mean `<{c}>`?")
                }
                None if names.is_empty() => "; the template has no placeholders".to_owned(),
                None => format!("; the placeholders are {}", list(&names)),
            };
            errors.at(
                wire.span(),
                format!("`{name}` is not a placeholder of the template{hint}"),
            );
        } else if let Some(other) = placeholders.get(&name).and_then(|&j| args.get(j)) {
            errors.at(
                wire.span(),
                format!(
                    "placeholder `<{name}>` is already bound to `{}`: a placeholder binds one argument; remove one of the `#[param(\"{name}\")]`",
                    other.ident
                ),
            );
        } else {
            placeholders.insert(name, i);
        }
    }
}
