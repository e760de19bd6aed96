//! The tolerant string enum that every spec version's enums are declared with.
//!
//! The service's enums drift (`MultiLabel` vs `Multilabel`) and grow, so each enum is tolerant:
//! a known value is matched whatever its casing, anything else is kept as `Other(value)`, and
//! reading one never fails on its value. The machinery is the same for every version; the value
//! sets are each version's own.

/// Declares a tolerant string enum: the known variants with their wire spelling, plus
/// `Other(String)`; `as_str`, `Display`, `FromStr` / `From<&str>` / `From<String>` (never
/// failing), serde as the wire string (read case-insensitively), and `declarest::ParamValue`
/// so it can be a query value.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this client does not know, kept as the service sent it.
            Other(String),
        }

        impl $name {
            /// The value as the spec spells it (an `Other` value as it was given).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }

            /// The known value spelled like `value` in any casing, or `Other(value)`.
            fn parse_lenient(value: &str) -> Self {
                $(
                    if value.eq_ignore_ascii_case($wire) {
                        return Self::$variant;
                    }
                )+
                Self::Other(value.to_owned())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::parse_lenient(value))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::parse_lenient(value)
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                Self::parse_lenient(&value)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::parse_lenient(&value))
            }
        }

        impl ::declarest::ParamValue for $name {
            fn write_param(&self, out: &mut ::declarest::ParamWriter<'_>) {
                out.push_str(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;
