//! The path template: `/projects/<projectId>/images?<tagIds>&<take>`.

use proc_macro2::Span;
use syn::LitStr;

use crate::errors::ErrorSink;

/// One piece of the path part.
#[derive(Debug, PartialEq)]
pub enum PathComponent {
    /// Literal text, valid in a URL as is.
    Literal(String),
    /// A `<placeholder>`: one path segment's value.
    Parameter(Placeholder),
}

/// One item of the query part.
#[derive(Debug, PartialEq)]
pub enum QueryComponent {
    /// `key=value`, sent as is.
    Literal(String),
    /// A `<placeholder>`: the query parameter of that name.
    Parameter(Placeholder),
}

#[derive(Debug)]
pub struct Placeholder {
    /// The wire name, e.g. `projectId`; in the query it may also be a name that is not a Rust
    /// identifier, such as `$filter` (see [`is_query_name`]).
    pub name: String,
    /// The placeholder inside the template literal where the compiler can say so, else the literal.
    pub span: Span,
}

impl PartialEq for Placeholder {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// A template's pieces, with its text and where each byte of it is in the source.
pub struct Template {
    pub path: Vec<PathComponent>,
    pub query: Vec<QueryComponent>,
    /// The template as written, e.g. `/projects/<projectId>?<take>`.
    pub text: String,
    locate: Locator,
}

impl Template {
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        let path = self.path.iter().filter_map(|c| match c {
            PathComponent::Parameter(p) => Some(p),
            PathComponent::Literal(_) => None,
        });
        let query = self.query.iter().filter_map(|c| match c {
            QueryComponent::Parameter(p) => Some(p),
            QueryComponent::Literal(_) => None,
        });
        path.chain(query)
    }

    /// The names of the placeholders of the path part, in order.
    pub fn path_placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.path.iter().filter_map(|c| match c {
            PathComponent::Parameter(p) => Some(p),
            PathComponent::Literal(_) => None,
        })
    }

    /// The path in OpenAPI style: `/projects/{projectId}`.
    pub fn openapi_path(&self) -> String {
        self.path
            .iter()
            .map(|c| match c {
                PathComponent::Literal(text) => text.clone(),
                PathComponent::Parameter(p) => format!("{{{}}}", p.name),
            })
            .collect()
    }

    /// The path part of the text, before any `?` or `#`.
    pub fn path_text(&self) -> &str {
        self.text.split(['?', '#']).next().unwrap_or_default()
    }

    /// The segments of the path part, each with the offset of its first byte in the text:
    /// `/a/<b>` gives `(0, "")`, `(1, "a")`, `(3, "<b>")`.
    pub fn path_segments(&self) -> impl Iterator<Item = (usize, &str)> {
        let mut offset = 0;
        self.path_text().split('/').map(move |segment| {
            let start = offset;
            offset += segment.len() + 1;
            (start, segment)
        })
    }

    /// The span of `text[start..end]`: exact on compilers that support it, else the literal.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.locate.span(start, end)
    }

    /// The span of the whole template literal.
    pub fn literal_span(&self) -> Span {
        self.locate.literal.span()
    }

    /// Reads the template, reporting every piece that cannot be read (an unclosed `<`, a
    /// character a URL cannot hold, ..) and leaving it out. The rules on the whole (a leading
    /// `/`, no `..` segments, each placeholder once) are checked in `valid`.
    pub fn parse(literal: &LitStr, errors: &ErrorSink) -> Template {
        let text = literal.value();
        let locate = Locator::new(literal, &text);

        // A fragment is never sent: one error for it, and the text after `#` is not read further.
        let readable = match text.split_once('#') {
            Some((before, _)) => {
                let at = before.len();
                errors.at(
                    locate.span(at, at + 1),
                    "a template cannot have a fragment (`#`), which is never sent to the server; percent-encode a literal `#` as `%23`",
                );
                before
            }
            None => text.as_str(),
        };
        let (path_text, query_text) = match readable.split_once('?') {
            Some((path, query)) => (path, Some((path.len() + 1, query))),
            None => (readable, None),
        };

        let path = parse_path(path_text, &locate, errors);
        let query = query_text.map_or_else(Vec::new, |(offset, _)| {
            parse_query(readable, offset, &locate, errors)
        });
        Template {
            path,
            query,
            text,
            locate,
        }
    }
}

/// Maps byte ranges of the template's value to spans inside the literal, where possible.
struct Locator {
    literal: LitStr,
    /// Whether the literal's source text is exactly `"value"`, so offsets line up.
    plain: bool,
}

impl Locator {
    fn new(literal: &LitStr, value: &str) -> Self {
        let source = literal.token().to_string();
        let plain = source.len() == value.len() + 2
            && source.starts_with('"')
            && source.get(1..source.len() - 1) == Some(value);
        Locator {
            literal: literal.clone(),
            plain,
        }
    }

    /// The span of `value[start..end]`: exact on compilers that support it, else the literal.
    fn span(&self, start: usize, end: usize) -> Span {
        if self.plain
            && let Some(span) = self.literal.token().subspan(start + 1..end + 1)
        {
            return span;
        }
        self.literal.span()
    }
}

/// RFC 3986 `pchar` minus `%` (checked separately): what a path may hold literally.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)
}

fn parse_path(text: &str, locate: &Locator, errors: &ErrorSink) -> Vec<PathComponent> {
    let mut components = Vec::new();
    let mut literal = String::new();
    let mut rest = text.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        match c {
            '<' => {
                let Some(end) = text[at..].find('>').map(|i| at + i) else {
                    errors.at(locate.span(at, text.len()), format!("unclosed `<` in the template: close the placeholder with `>`, as in `{}>`", &text[at..]));
                    return components;
                };
                if let Some(nested) = text[at + 1..end].find('<') {
                    errors.at(locate.span(at, end + 1), format!("unclosed `<` at `{}`: close each placeholder with `>` before the next `<`", &text[at..at + 1 + nested]));
                }
                let placeholder = parse_placeholder(text, at, end, Part::Path, locate, errors);
                if !literal.is_empty() {
                    components.push(PathComponent::Literal(std::mem::take(&mut literal)));
                }
                if let Some(p) = placeholder {
                    components.push(PathComponent::Parameter(p));
                }
                while rest.peek().is_some_and(|&(i, _)| i <= end) {
                    rest.next();
                }
            }
            '>' => errors.at(
                locate.span(at, at + 1),
                "unmatched `>` in the template: placeholders are written `<name>`",
            ),
            '{' => {
                let name = text[at + 1..].split('}').next().unwrap_or_default();
                errors.at(
                    locate.span(at, at + 1),
                    format!(
                        "placeholders are written with angle brackets: `<{name}>`, not `{{{name}}}`"
                    ),
                );
                // The whole `{name}` is one mistake: skip to its `}`.
                let close = at + 1 + name.len();
                while rest.peek().is_some_and(|&(i, _)| i <= close) {
                    rest.next();
                }
            }
            '%' => {
                let hex = text
                    .get(at + 1..at + 3)
                    .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
                match hex {
                    Some(_) => literal.push('%'),
                    None => errors.at(locate.span(at, at + 1), "`%` must start a percent-encoded byte such as `%20`; write a literal `%` as `%25`"),
                }
            }
            c if c == '/' || is_path_char(c) => literal.push(c),
            c => errors.at(
                locate.span(at, at + c.len_utf8()),
                format!(
                    "`{c}` cannot appear in a URL path: percent-encode it ({})",
                    percent_hint(c)
                ),
            ),
        }
    }
    if !literal.is_empty() {
        components.push(PathComponent::Literal(literal));
    }
    components
}

fn percent_hint(c: char) -> String {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect::<Vec<_>>()
        .join("")
}

/// Which part of the template a placeholder is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Path,
    Query,
}

/// Whether a name is a Rust identifier (raw identifiers aside): what a path placeholder is, and
/// what binds an argument by name.
pub fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether a name can be a query placeholder: it is sent as the parameter's name exactly as
/// written, so it holds only characters a query carries without encoding and that mean nothing
/// in `key=value&..`: letters, digits, the unreserved `-`, `.`, `_`, `~`, and `$` (OData's
/// `$filter`, `$top`). It starts with a letter, `_` or `$`.
pub fn is_query_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~$".contains(c))
}

fn parse_placeholder(
    text: &str,
    start: usize,
    end: usize,
    part: Part,
    locate: &Locator,
    errors: &ErrorSink,
) -> Option<Placeholder> {
    let name = &text[start + 1..end];
    let span = locate.span(start, end + 1);
    if name.is_empty() {
        errors.at(
            span,
            "empty placeholder `<>`: name the parameter, as in `<projectId>`",
        );
        return None;
    }
    let valid = match part {
        Part::Path => is_identifier(name),
        Part::Query => is_query_name(name),
    };
    if !valid {
        if name.contains('<') {
            // Reported as an unclosed `<` already.
            return None;
        }
        let suggestion = crate::case::lower_camel(name);
        // Only a suggestion that is itself a valid placeholder.
        let hint = if suggestion
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && suggestion.chars().all(|c| c.is_ascii_alphanumeric())
        {
            format!(", such as `<{suggestion}>`")
        } else {
            String::new()
        };
        let message = match part {
            Part::Path => format!(
                "placeholder `<{name}>` is not an identifier: use letters, digits and `_`, starting with a letter{hint}"
            ),
            Part::Query => format!(
                "query placeholder `<{name}>` has a character a query cannot carry as written, and its name is sent as written: use letters, digits, `-`, `.`, `_`, `~` and `$`, starting with a letter, `_` or `$`{hint}"
            ),
        };
        errors.at(span, message);
        return None;
    }
    Some(Placeholder {
        name: name.to_owned(),
        span,
    })
}

/// `template[offset..]` is the query part, after the `?`.
fn parse_query(
    template: &str,
    offset: usize,
    locate: &Locator,
    errors: &ErrorSink,
) -> Vec<QueryComponent> {
    let mut components = Vec::new();
    let mut start = 0;
    for item in template[offset..].split('&') {
        let (from, to) = (offset + start, offset + start + item.len());
        start += item.len() + 1;
        if item.is_empty() {
            errors.at(
                locate.span(from.saturating_sub(1), to + 1),
                "empty query item: write `?<a>&<b>`, with no leading, trailing or doubled `&`",
            );
        } else if let Some(inner) = item.strip_prefix('<') {
            if !item.ends_with('>') || inner.contains('<') {
                errors.at(locate.span(from, to), format!("unclosed `<` in the query part: each item is a whole placeholder such as `<{}>`", item.trim_start_matches('<').trim_end_matches('>')));
            } else if let Some(p) =
                parse_placeholder(template, from, to - 1, Part::Query, locate, errors)
            {
                components.push(QueryComponent::Parameter(p));
            }
        } else if item.contains('<') || item.contains('>') {
            errors.at(locate.span(from, to), format!("query item `{item}` mixes text and a placeholder: write a placeholder on its own, as in `?<name>`; it is sent as `name=value`"));
        } else if item
            .split_once('=')
            .is_some_and(|(k, v)| !k.is_empty() && is_query_literal(k) && is_query_literal(v))
        {
            components.push(QueryComponent::Literal(item.to_owned()));
        } else {
            errors.at(locate.span(from, to), format!("query item `{item}` is neither a placeholder `<name>` nor a literal `key=value` of URL-safe characters"));
        }
    }
    components
}

fn is_query_literal(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~!$'()*+,;:@/?".contains(c))
}
