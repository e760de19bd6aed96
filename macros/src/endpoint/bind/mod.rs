//! Binding each argument to its place in the request, in three steps:
//!
//! 1. `explicit`: `#[param("name")]` arguments take their placeholder;
//! 2. `by_name`: each placeholder still free binds the argument named like it;
//! 3. `place`: every argument ends up in exactly one place (its placeholder in the path or the
//!    query, the body, a header or a multipart part), and the rules on bodies are checked.

mod by_name;
mod explicit;
mod place;

use std::collections::BTreeMap;

use super::ast::Arg;
use super::attr::{BodyFormat, EndpointAttr};
use super::template::Template;
use crate::errors::ErrorSink;

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
    /// Placeholder name → its argument.
    by_placeholder: BTreeMap<String, &'a Arg>,
}

impl<'a> Bound<'a> {
    /// The argument bound to a placeholder of the template. Binding succeeds only when every
    /// placeholder has one.
    pub fn arg_of(&self, placeholder: &str) -> Option<&'a Arg> {
        self.by_placeholder.get(placeholder).copied()
    }
}

/// Placeholder name → index of the argument bound to it, as the steps fill it in.
type Placeholders = BTreeMap<String, usize>;

/// Binds every argument exactly once; `None` if one cannot be (the errors are in `errors`).
pub fn bind<'a>(
    attr: &EndpointAttr,
    template: &Template,
    args: &'a [Arg],
    errors: &ErrorSink,
) -> Option<Bound<'a>> {
    let errors = errors.child();
    let mut placeholders = Placeholders::new();
    explicit::bind_params(template, args, &mut placeholders, &errors);
    let suggested = by_name::bind_by_name(template, args, &mut placeholders, &errors);
    let bound = place::place(attr, template, args, &placeholders, &suggested, &errors);
    if errors.has_errors() {
        return None;
    }
    let by_placeholder = placeholders
        .into_iter()
        .filter_map(|(name, i)| Some((name, args.get(i)?)))
        .collect();
    Some(Bound {
        args: bound,
        by_placeholder,
    })
}

/// `` `<a>`, `<b>` `` for a message.
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`<{n}>`"))
        .collect::<Vec<_>>()
        .join(", ")
}
