//! The model struct as data: its fields, which are read-only, and the serde names to carry over.

use syn::punctuated::Punctuated;
use syn::{
    Attribute, DeriveInput, GenericArgument, Ident, LitStr, Meta, PathArguments, Token, Type,
    Visibility,
};

use crate::errors::Errors;

pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub patch_ident: Ident,
    /// Container `#[serde(..)]` items to repeat on the patch (`rename_all`).
    pub serde: Vec<Meta>,
    /// The writable fields, in order.
    pub fields: Vec<PatchField<'a>>,
}

pub struct PatchField<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// `T` when the model's field is `Option<T>`: the patch holds `Option<Option<T>>`.
    pub nullable: Option<&'a Type>,
    pub docs: Vec<&'a Attribute>,
    /// Field `#[serde(..)]` items to repeat on the patch (`rename`, `alias`).
    pub serde: Vec<Meta>,
}

const CONTAINER_SERDE: [&str; 1] = ["rename_all"];
const FIELD_SERDE: [&str; 2] = ["rename", "alias"];

impl<'a> Model<'a> {
    pub fn parse(input: &'a DeriveInput, errors: &mut Errors) -> Option<Model<'a>> {
        let start = errors.count();
        let named = crate::shape::named_fields(input, "Patchable", errors);
        for attr in input
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("read_only"))
        {
            errors.spanned(attr, "`#[read_only]` goes on fields, not on the struct");
        }
        let patch_ident = patch_name(input, errors);
        let serde = serde_items(&input.attrs, &CONTAINER_SERDE, errors);

        let mut fields = Vec::new();
        let mut all = 0;
        for field in named.map(|n| n.named.iter()).into_iter().flatten() {
            all += 1;
            let Some(ident) = field.ident.as_ref() else {
                continue;
            };
            if is_read_only(field, errors) || skipped_by_serde(&field.attrs, errors) {
                continue;
            }
            fields.push(PatchField {
                ident,
                ty: &field.ty,
                nullable: option_inner(&field.ty),
                docs: field
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("doc"))
                    .collect(),
                serde: serde_items(&field.attrs, &FIELD_SERDE, errors),
            });
        }
        if named.is_some() && all > 0 && fields.is_empty() && errors.count() == start {
            errors.spanned(&input.ident, format!("every field of `{}` is `#[read_only]`, so its patch could never change anything: make a field writable or remove `#[derive(Patchable)]`", input.ident));
        }
        if named.is_some() && all == 0 {
            errors.spanned(
                &input.ident,
                format!(
                    "`{}` has no fields, so its patch could never change anything",
                    input.ident
                ),
            );
        }
        (errors.count() == start).then_some(Model {
            ident: &input.ident,
            vis: &input.vis,
            patch_ident: patch_ident?,
            serde,
            fields,
        })
    }
}

/// `#[patchable(name = "IterationUpdate")]`, or `<Model>Patch`.
fn patch_name(input: &DeriveInput, errors: &mut Errors) -> Option<Ident> {
    let mut name = Ident::new(&format!("{}Patch", input.ident), input.ident.span());
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
                        format!("`{}` is not a valid type name", lit.value()),
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

/// Whether a field is marked `#[read_only]`; a malformed marker is reported.
pub fn is_read_only(field: &syn::Field, errors: &mut Errors) -> bool {
    let mut read_only = false;
    for attr in field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("read_only"))
    {
        match &attr.meta {
            Meta::Path(_) if read_only => {
                errors.spanned(attr, "`#[read_only]` is repeated: once is enough")
            }
            Meta::Path(_) => read_only = true,
            Meta::List(list) => errors.spanned(
                &list.tokens,
                "`#[read_only]` takes no arguments: write `#[read_only]`",
            ),
            Meta::NameValue(nv) => errors.spanned(
                &nv.value,
                "`#[read_only]` takes no value: write `#[read_only]`",
            ),
        }
    }
    read_only
}

/// The `#[serde(..)]` items of one of the given names. Others are left where they are.
fn serde_items(attrs: &[Attribute], wanted: &[&str], errors: &mut Errors) -> Vec<Meta> {
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

/// A field serde never writes can't be patched; `flatten` would need a patch of its own.
fn skipped_by_serde(attrs: &[Attribute], errors: &mut Errors) -> bool {
    let mut skipped = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let Ok(list) = attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) else {
            continue;
        };
        for meta in list {
            if meta.path().is_ident("skip") || meta.path().is_ident("skip_serializing") {
                skipped = true;
            } else if meta.path().is_ident("flatten") {
                errors.spanned(meta, "`Patchable` does not support `#[serde(flatten)]` fields: mark the field `#[read_only]`, or declare its fields in this struct");
            }
        }
    }
    skipped
}

/// `T` of `Option<T>` (also `std::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
