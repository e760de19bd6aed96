use proc_macro2::TokenStream;
use quote::quote;

use crate::snapshot::{assert_snapshot, pretty};

/// The input of the expansion snapshot; it also seeds the fuzz corpus.
pub fn snapshot_input() -> TokenStream {
    quote! {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        pub struct Iteration {
            #[read_only] pub id: Uuid,
            /// The name.
            #[serde(alias = "Name")]
            pub name: Option<String>,
            #[serde(rename = "isDefault", default)]
            pub is_default: bool,
            #[read_only] pub status: Option<String>,
            #[serde(skip)]
            pub local_note: String,
        }
    }
}

#[test]
fn iteration_patch_expansion() {
    let expanded = super::expand(snapshot_input());
    assert_snapshot("patchable_iteration", &pretty(expanded));
}

#[test]
fn custom_patch_name() {
    let expanded = super::expand(quote! {
        #[patchable(name = "TagUpdate")]
        pub(crate) struct Tag { #[read_only] pub id: Uuid, pub name: String }
    })
    .to_string();
    assert!(
        expanded.contains("pub (crate) struct TagUpdate"),
        "{expanded}"
    );
}

#[test]
fn raw_struct_names_make_plain_patch_names() {
    let expanded = super::expand(quote! {
        pub struct r#Match { #[read_only] pub r#ref: u32, pub r#type: String }
    })
    .to_string();
    assert!(!expanded.contains("compile_error"), "{expanded}");
    assert!(expanded.contains("pub struct MatchPatch"), "{expanded}");
    assert!(expanded.contains("type Model = r#Match"), "{expanded}");
    assert!(expanded.contains("pub fn r#type (mut self"), "{expanded}");
    assert!(expanded.contains("Sets `type`."), "{expanded}");
}

#[test]
fn read_only_with_parentheses_or_a_value_is_reported_by_both_derives() {
    for field in [
        quote!(#[read_only()] pub id: u32),
        quote!(#[read_only(always)] pub id: u32),
        quote!(#[read_only = true] pub id: u32),
    ] {
        let input = quote!(pub struct Tag { #field, pub name: String });
        for (derive, expanded) in [
            ("Patchable", super::expand(input.clone())),
            ("Model", crate::model::expand(input.clone())),
        ] {
            let found = crate::testing::compile_errors(expanded);
            assert_eq!(found.len(), 1, "{derive} of {input}: {found:?}");
            assert!(
                found[0].starts_with("`#[read_only]` takes no"),
                "{derive}: {found:?}"
            );
        }
    }
}

#[test]
fn an_unnamed_field_is_reported_by_both_derives() {
    let input = quote!(pub struct Record { pub id: u32, _: String });
    for (derive, expanded) in [
        ("Patchable", super::expand(input.clone())),
        ("Model", crate::model::expand(input.clone())),
    ] {
        let found = crate::testing::compile_errors(expanded);
        assert_eq!(
            found,
            [format!(
                "`{derive}` needs every field named: a model is a JSON object, one key per field; name this field"
            )]
        );
    }
}

#[test]
fn shape_and_name_errors_say_what_to_write() {
    let found = crate::testing::compile_errors(super::expand(quote!(
        pub struct Empty;
    )));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].ends_with("as in `struct Empty { id: u32 }`"),
        "{found:?}"
    );

    let found = crate::testing::compile_errors(super::expand(quote! {
        #[patchable(name = "Tag Update")]
        pub struct Tag { pub name: String }
    }));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("write a Rust identifier"), "{found:?}");
}

/// The input of the snapshot of a patch with required fields.
pub fn required_snapshot_input() -> TokenStream {
    quote! {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Patchable)]
        #[serde(rename_all = "camelCase")]
        pub struct Iteration {
            #[read_only] pub id: Uuid,
            #[required] pub name: String,
            #[required] pub publish_name: Option<String>,
            pub is_default: bool,
        }
    }
}

#[test]
fn required_fields_expansion() {
    let expanded = super::expand(required_snapshot_input());
    assert_snapshot("patchable_required", &pretty(expanded));
}

#[test]
fn required_mistakes_are_reported_on_the_marker() {
    for (fields, expected) in [
        (
            quote!(#[read_only] #[required] pub id: u32, pub name: String),
            "`id` is `#[read_only]`, so no patch sends it and it cannot be `#[required]`: remove `#[required]`, or `#[read_only]` if clients write `id`",
        ),
        (
            quote!(#[serde(skip)] #[required] pub cache: u32, pub name: String),
            "serde never writes `cache` (it is skipped), so no patch can send it: remove `#[required]`",
        ),
        (
            quote!(#[required(always)] pub name: String),
            "`#[required]` takes no arguments: write `#[required]`",
        ),
        (
            quote!(#[required = true] pub name: String),
            "`#[required]` takes no value: write `#[required]`",
        ),
        (
            quote!(#[required] #[required] pub name: String),
            "`#[required]` is repeated: once is enough; remove this one",
        ),
        (
            quote!(#[required] pub name: String, pub new: bool),
            "a writable field named `new` clashes with the patch's constructor `new`, which takes the `#[required]` fields: rename the field and keep its JSON name with `#[serde(rename = \"new\")]`",
        ),
    ] {
        let found =
            crate::testing::compile_errors(super::expand(quote!(pub struct Tag { #fields })));
        assert_eq!(found, [expected], "{fields}");
    }
    let found = crate::testing::compile_errors(super::expand(quote! {
        #[required]
        pub struct Tag { pub name: String }
    }));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("`#[required]` goes on fields, not on the struct"),
        "{found:?}"
    );
    // Without a required field, a field named `new` is a setter like any other.
    let found = crate::testing::compile_errors(super::expand(quote!(
        pub struct Tag {
            pub new: bool,
            #[required]
            #[read_only]
            pub id: u32,
        }
    )));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("`id` is `#[read_only]`"), "{found:?}");
}
