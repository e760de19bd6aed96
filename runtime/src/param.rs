//! Formatting of path, query and header values.
//!
//! A value is written as text through a [`ParamWriter`], which percent-encodes as it goes, so a
//! value is always exactly one path segment or one query value whatever characters it holds, and
//! nothing is formatted twice.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is encoded: `/`, `?`, `#`, `&`, `=`, `+`, `%`,
/// `,` and spaces included, so a value can never end a segment or start another parameter.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// Percent-encode everything but unreserved characters.
    Component,
    /// Copy as is; the caller validates it as a header value.
    Verbatim,
}

/// Receives the text of one value. Implementors of [`ParamValue`] write through it.
pub struct ParamWriter<'a> {
    out: &'a mut String,
    encoding: Encoding,
}

impl<'a> ParamWriter<'a> {
    pub(crate) fn new(out: &'a mut String, encoding: Encoding) -> Self {
        ParamWriter { out, encoding }
    }

    /// Appends text to the value; it is encoded as the value's place requires.
    pub fn push_str(&mut self, text: &str) {
        match self.encoding {
            Encoding::Component => self
                .out
                .extend(percent_encoding::utf8_percent_encode(text, COMPONENT)),
            Encoding::Verbatim => self.out.push_str(text),
        }
    }

    /// Appends a value's `Display` text, without an intermediate `String`.
    pub fn push_display(&mut self, value: &dyn fmt::Display) {
        // Writing to a String cannot fail, and `write_str` below never does either.
        let _ = fmt::write(self, format_args!("{value}"));
    }

    /// Separates the items of a list (`a,b,c`); the comma itself is not encoded.
    fn push_separator(&mut self) {
        self.out.push(',');
    }
}

impl fmt::Write for ParamWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// A value that can stand in a path segment, a query value or a header.
///
/// Implemented for strings, integers, floats, `bool`, [`uuid::Uuid`] and references to them.
/// Opt a type of your own in by writing its text:
///
/// ```
/// use declarest::{ParamValue, ParamWriter};
///
/// enum Platform { CoreMl, TensorFlow }
///
/// impl ParamValue for Platform {
///     fn write_param(&self, out: &mut ParamWriter<'_>) {
///         out.push_str(match self {
///             Platform::CoreMl => "CoreML",
///             Platform::TensorFlow => "TensorFlow",
///         })
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a path, query or header value",
    label = "this type does not implement `declarest::ParamValue`",
    note = "strings, integers, floats, bool and uuid::Uuid work out of the box; implement `declarest::ParamValue` for your own type to opt it in"
)]
pub trait ParamValue {
    /// Writes the value's text, unencoded: the writer encodes it.
    fn write_param(&self, out: &mut ParamWriter<'_>);
}

impl<T: ParamValue + ?Sized> ParamValue for &T {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        (**self).write_param(out)
    }
}

impl ParamValue for str {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        out.push_str(self)
    }
}

impl ParamValue for String {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        out.push_str(self)
    }
}

impl ParamValue for bool {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        out.push_str(if *self { "true" } else { "false" })
    }
}

impl ParamValue for uuid::Uuid {
    fn write_param(&self, out: &mut ParamWriter<'_>) {
        // Lower-case with hyphens, as the services this was built for expect.
        let mut buf = uuid::Uuid::encode_buffer();
        out.push_str(self.hyphenated().encode_lower(&mut buf))
    }
}

macro_rules! display_param {
    ($($ty:ty),*) => {$(
        impl ParamValue for $ty {
            fn write_param(&self, out: &mut ParamWriter<'_>) {
                out.push_display(self)
            }
        }
    )*};
}

// Rust's `Display` of floats is the shortest text that round-trips (`0.9`, not `0.900000`).
display_param!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

/// The value of a query or header argument, which may be left out: a [`ParamValue`] (always
/// sent), an `Option` of one (left out when `None`), or a slice or `Vec` of them (joined with
/// commas, the `csv` format; left out when empty, like `None`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a query or header value",
    label = "expected a `declarest::ParamValue`, an `Option` of one, or a slice or `Vec` of them",
    note = "implement `declarest::ParamValue` for your own type to opt it in"
)]
pub trait OptionalValue {
    /// Whether the query parameter or header is sent at all: `None` and empty lists are not.
    fn is_present(&self) -> bool {
        true
    }

    /// Writes the value: one item, or the items joined with `,`.
    fn write_query(&self, out: &mut ParamWriter<'_>);
}

impl<T: ParamValue> OptionalValue for T {
    fn write_query(&self, out: &mut ParamWriter<'_>) {
        self.write_param(out)
    }
}

impl<T: OptionalValue> OptionalValue for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(OptionalValue::is_present)
    }

    fn write_query(&self, out: &mut ParamWriter<'_>) {
        if let Some(value) = self {
            value.write_query(out)
        }
    }
}

fn write_list<T: ParamValue>(items: &[T], out: &mut ParamWriter<'_>) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_separator();
        }
        item.write_param(out);
    }
}

/// Lists are joined with commas, and left out when empty.
macro_rules! list_optional_value {
    ($([$($param:tt)*] $ty:ty;)*) => {$(
        impl<$($param)*> OptionalValue for $ty {
            fn is_present(&self) -> bool {
                !self[..].is_empty()
            }

            fn write_query(&self, out: &mut ParamWriter<'_>) {
                write_list(&self[..], out)
            }
        }
    )*};
}

list_optional_value! {
    [T: ParamValue] &[T];
    [T: ParamValue] Vec<T>;
    [T: ParamValue] &Vec<T>;
    [T: ParamValue, const N: usize] [T; N];
    [T: ParamValue, const N: usize] &[T; N];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(value: impl OptionalValue) -> String {
        let mut out = String::new();
        value.write_query(&mut ParamWriter::new(&mut out, Encoding::Component));
        out
    }

    #[test]
    fn reserved_characters_are_encoded() {
        assert_eq!(
            component("a/b ?x=1&y#%2F+é"),
            "a%2Fb%20%3Fx%3D1%26y%23%252F%2B%C3%A9"
        );
        assert_eq!(component(".."), "..");
        assert_eq!(component("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn scalars_format_as_their_wire_text() {
        assert_eq!(component(0.9f64), "0.9");
        assert_eq!(component(-3i32), "-3");
        assert_eq!(component(true), "true");
        let id = uuid::Uuid::from_u128(0x64B822C5_8082_4B36_A426_27225F4AA18C);
        assert_eq!(component(id), "64b822c5-8082-4b36-a426-27225f4aa18c");
    }

    #[test]
    fn lists_join_with_literal_commas_and_encode_commas_inside_items() {
        let items: &[&str] = &["a", "b,c", "d e"];
        assert_eq!(component(items), "a,b%2Cc,d%20e");
        assert_eq!(component(vec![1, 2, 3]), "1,2,3");
        let empty: &[u8] = &[];
        assert!(!empty.is_present(), "an empty list is left out, like None");
        assert!(!Some(Vec::<u8>::new()).is_present());
    }

    #[test]
    fn none_is_absent_and_some_is_its_value() {
        assert!(!None::<&str>.is_present());
        assert!(Some("x").is_present());
        assert_eq!(component(Some(&[1u8, 2][..])), "1,2");
    }
}
