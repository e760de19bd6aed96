//! GetImages' and GetImageCount's `$filter` over image metadata.
//!
//! What the fake supports, a subset of the OData-like expressions the spec describes:
//! comparisons `key eq 'value'` and `key ne 'value'`, combined with `and` (binding tighter) and
//! `or`, and parentheses. Keywords are case-insensitive; a key is a run of letters, digits and
//! `_ - . /` (matched exactly against the metadata's keys), a value is single-quoted with `''`
//! for a quote. `ne` is true for an image without the key. Anything else is refused with
//! `BadRequest`.

use std::collections::BTreeMap;

use crate::errors::ServiceError;

/// A parsed `$filter`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataFilter {
    /// `key eq 'value'`.
    Eq(String, String),
    /// `key ne 'value'`.
    Ne(String, String),
    /// Both.
    And(Box<MetadataFilter>, Box<MetadataFilter>),
    /// Either.
    Or(Box<MetadataFilter>, Box<MetadataFilter>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
}

fn invalid(message: impl Into<String>) -> ServiceError {
    ServiceError::bad_request(format!("`$filter`: {}", message.into()))
}

fn tokens(text: &str) -> Result<Vec<Token>, ServiceError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' => {
                chars.next();
                out.push(Token::Open);
            }
            ')' => {
                chars.next();
                out.push(Token::Close);
            }
            '\'' => {
                chars.next();
                let mut value = String::new();
                loop {
                    match chars.next() {
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                            value.push('\'');
                        }
                        Some('\'') => break,
                        Some(c) => value.push(c),
                        None => return Err(invalid("a quoted value is not closed")),
                    }
                }
                out.push(Token::Text(value));
            }
            c if c.is_alphanumeric() || "_-./".contains(c) => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || "_-./".contains(c) {
                        word.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Token::Word(word));
            }
            other => return Err(invalid(format!("unexpected {other:?}"))),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek_word(&self, keyword: &str) -> bool {
        matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w.eq_ignore_ascii_case(keyword))
    }

    fn or(&mut self) -> Result<MetadataFilter, ServiceError> {
        let mut left = self.and()?;
        while self.peek_word("or") {
            self.at += 1;
            left = MetadataFilter::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<MetadataFilter, ServiceError> {
        let mut left = self.comparison()?;
        while self.peek_word("and") {
            self.at += 1;
            left = MetadataFilter::And(Box::new(left), Box::new(self.comparison()?));
        }
        Ok(left)
    }

    fn comparison(&mut self) -> Result<MetadataFilter, ServiceError> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        match token {
            Some(Token::Open) => {
                let inner = self.or()?;
                if self.tokens.get(self.at) != Some(&Token::Close) {
                    return Err(invalid("a parenthesis is not closed"));
                }
                self.at += 1;
                Ok(inner)
            }
            Some(Token::Word(key)) => {
                let op = match self.tokens.get(self.at) {
                    Some(Token::Word(op)) if op.eq_ignore_ascii_case("eq") => true,
                    Some(Token::Word(op)) if op.eq_ignore_ascii_case("ne") => false,
                    _ => return Err(invalid(format!("`{key}` is not followed by eq or ne"))),
                };
                self.at += 1;
                let Some(Token::Text(value)) = self.tokens.get(self.at).cloned() else {
                    return Err(invalid(format!(
                        "`{key}` is not compared to a quoted value"
                    )));
                };
                self.at += 1;
                Ok(if op {
                    MetadataFilter::Eq(key, value)
                } else {
                    MetadataFilter::Ne(key, value)
                })
            }
            _ => Err(invalid("expected a comparison such as key eq 'value'")),
        }
    }
}

impl MetadataFilter {
    /// Parses a `$filter` expression.
    pub fn parse(text: &str) -> Result<Self, ServiceError> {
        let mut parser = Parser {
            tokens: tokens(text)?,
            at: 0,
        };
        let filter = parser.or()?;
        if parser.at != parser.tokens.len() {
            return Err(invalid("unexpected text after the expression"));
        }
        Ok(filter)
    }

    /// Whether an image with this metadata passes.
    pub fn matches(&self, metadata: &BTreeMap<String, String>) -> bool {
        match self {
            MetadataFilter::Eq(key, value) => metadata.get(key) == Some(value),
            MetadataFilter::Ne(key, value) => metadata.get(key) != Some(value),
            MetadataFilter::And(a, b) => a.matches(metadata) && b.matches(metadata),
            MetadataFilter::Or(a, b) => a.matches(metadata) || b.matches(metadata),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn eq_ne_and_or_with_precedence() {
        let f = MetadataFilter::parse("camera eq 'a' or camera eq 'b' and site ne 'x'").unwrap();
        assert!(f.matches(&meta(&[("camera", "a"), ("site", "x")])));
        assert!(f.matches(&meta(&[("camera", "b")])));
        assert!(!f.matches(&meta(&[("camera", "b"), ("site", "x")])));
        let f = MetadataFilter::parse("(camera EQ 'a' OR camera eq 'b') and site ne 'x'").unwrap();
        assert!(!f.matches(&meta(&[("camera", "a"), ("site", "x")])));
        let f = MetadataFilter::parse("note eq 'it''s'").unwrap();
        assert!(f.matches(&meta(&[("note", "it's")])));
    }

    #[test]
    fn malformed_filters_are_refused() {
        for bad in [
            "",
            "camera",
            "camera eq",
            "camera gt 'a'",
            "camera eq 'a",
            "(camera eq 'a'",
            "camera eq 'a' b",
        ] {
            let error = MetadataFilter::parse(bad).unwrap_err();
            assert_eq!(error.code, "BadRequest", "{bad}");
        }
    }
}
