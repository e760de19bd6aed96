//! The model struct as data: its fields, which are read-only or skipped, and the serde names to
//! carry over. The rules on them are in `valid`.

use syn::ext::IdentExt;
use syn::punctuated::Punctuated;
use syn::{Attribute, DeriveInput, Ident, LitStr, Meta, Token, Type, Visibility};

use crate::errors::ErrorSink;
use crate::read_only_attr::{is_read_only, marker};
use crate::types::option_inner;

pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// `None` when `#[patchable(name = ..)]` could not be read.
    pub patch_ident: Option<Ident>,
    /// Container `#[serde(..)]` items to repeat on the patch (`rename_all`).
    pub serde: Vec<Meta>,
    /// `#[read_only]` or `#[required]` written on the struct instead of a field.
    pub struct_markers: Vec<&'a Attribute>,
    /// The named fields, in order; `None` when the input is not a struct with named fields.
    pub fields: Option<Vec<Field<'a>>>,
}

pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// `T` when the model's field is `Option<T>`: the patch holds `Option<Option<T>>`.
    pub nullable: Option<&'a Type>,
    pub docs: Vec<&'a Attribute>,
    /// Field `#[serde(..)]` items to repeat on the patch (`rename`, `alias`); read only for the
    /// fields the patch has.
    pub serde: Vec<Meta>,
    /// Marked `#[read_only]`.
    pub read_only: bool,
    /// The `#[required]` marker: the patch always sends the field, which its constructor takes.
    pub required: Option<&'a Attribute>,
    /// `#[serde(skip)]` or `#[serde(skip_serializing)]`: serde never writes it.
    pub skipped: bool,
    /// A `#[serde(flatten)]` item.
    pub flatten: Option<Meta>,
}

const CONTAINER_SERDE: [&str; 1] = ["rename_all"];
const FIELD_SERDE: [&str; 2] = ["rename", "alias"];

impl<'a> Model<'a> {
    pub fn parse(input: &'a DeriveInput, errors: &ErrorSink) -> Model<'a> {
        let named = crate::shape::named_fields(input, "Patchable", errors);
        let fields = named.map(|named| {
            named
                .named
                .iter()
                .filter_map(|field| {
                    let ident = field.ident.as_ref()?;
                    let read_only = is_read_only(field, errors);
                    let required = marker(&field.attrs, "required", errors);
                    let (skipped, flatten) = serde_flags(&field.attrs);
                    // Only the fields the patch has: their serde items are repeated on it.
                    let serde = if read_only || skipped {
                        Vec::new()
                    } else {
                        serde_items(&field.attrs, &FIELD_SERDE, errors)
                    };
                    Some(Field {
                        ident,
                        ty: &field.ty,
                        nullable: option_inner(&field.ty),
                        docs: field
                            .attrs
                            .iter()
                            .filter(|a| a.path().is_ident("doc"))
                            .collect(),
                        serde,
                        read_only,
                        required,
                        skipped,
                        flatten,
                    })
                })
                .collect()
        });
        Model {
            ident: &input.ident,
            vis: &input.vis,
            patch_ident: patch_name(input, errors),
            serde: serde_items(&input.attrs, &CONTAINER_SERDE, errors),
            struct_markers: input
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("read_only") || a.path().is_ident("required"))
                .collect(),
            fields,
        }
    }
}

/// `#[patchable(name = "IterationUpdate")]`, or `<Model>Patch` (`MatchPatch` for `r#Match`).
fn patch_name(input: &DeriveInput, errors: &ErrorSink) -> Option<Ident> {
    let mut name = Ident::new(&format!("{}Patch", input.ident.unraw()), input.ident.span());
    for attr in input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("patchable"))
    {
        let parsed = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                let lit: LitStr = meta.value()?.parse()?;
                name = lit.parse::<Ident>().map_err(|_| {
                    syn::Error::new(
                        lit.span(),
                        format!(
                            "`{}` is not a valid type name: write a Rust identifier, as in `#[patchable(name = \"TagUpdate\")]`",
                            lit.value()
                        ),
                    )
                })?;
                Ok(())
            } else {
                Err(meta.error("unknown `patchable` option: the only one is `name = \"TypeName\"`"))
            }
        });
        errors.ok(parsed)?;
    }
    Some(name)
}

/// The `#[serde(..)]` items of one of the given names. Others are left where they are.
fn serde_items(attrs: &[Attribute], wanted: &[&str], errors: &ErrorSink) -> Vec<Meta> {
    let mut items = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let Some(list) =
            errors.ok(attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated))
        else {
            continue;
        };
        items.extend(
            list.into_iter()
                .filter(|m| wanted.iter().any(|w| m.path().is_ident(w))),
        );
    }
    items
}

/// Whether serde skips the field, and its `flatten` item if it has one. (An unreadable
/// `#[serde(..)]` is reported by `serde_items`.)
fn serde_flags(attrs: &[Attribute]) -> (bool, Option<Meta>) {
    let mut skipped = false;
    let mut flatten = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let Ok(list) = attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) else {
            continue;
        };
        for meta in list {
            if meta.path().is_ident("skip") || meta.path().is_ident("skip_serializing") {
                skipped = true;
            } else if meta.path().is_ident("flatten") {
                flatten.get_or_insert(meta);
            }
        }
    }
    (skipped, flatten)
}
