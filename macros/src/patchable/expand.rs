//! The patch struct, its setters and its `declarest::Patch` impl.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use super::ast::{Field, Model};
use crate::private_path::{private, private_str};

/// The patch of `model`, named `patch_ident`, with the `writable` fields.
pub fn generate(model: &Model, patch_ident: &Ident, writable: &[&Field]) -> TokenStream {
    let (model_ident, vis) = (model.ident, model.vis);
    let container_serde = &model.serde;
    let required: Vec<&Field> = writable
        .iter()
        .copied()
        .filter(|f| f.required.is_some())
        .collect();
    let doc = if required.is_empty() {
        format!(
            "The writable fields of [`{model_ident}`], for a PATCH: a field left `None` is not sent, \
             so the request changes exactly the fields that are set. Derived by `Patchable`."
        )
    } else {
        format!(
            "The writable fields of [`{model_ident}`], for a PATCH: the required ones ({}) are always \
             sent, so a patch is built with [`new`](Self::new); any other field left `None` is not \
             sent. Derived by `Patchable`.",
            names(&required)
        )
    };
    let fields = writable.iter().map(|f| field(f));
    let constructor = (!required.is_empty()).then(|| constructor(writable, &required));
    let setters = writable.iter().map(|f| setter(f));
    let patch_impl = patch_impl(model_ident, patch_ident, writable);
    let private = private(Span::call_site());
    let serde_crate = private_str("serde");
    // Without the required fields there is nothing to send: no `Default` to build one without.
    let default = required
        .is_empty()
        .then(|| quote!(::core::default::Default,));

    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #default
                 #private::serde::Serialize, #private::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #(#[serde(#container_serde)])*
        #vis struct #patch_ident {
            #(#fields,)*
        }

        impl #patch_ident {
            #constructor
            #(#setters)*
        }

        #patch_impl
    }
}

/// `` `a`, `b` `` for a doc.
fn names(fields: &[&Field]) -> String {
    fields
        .iter()
        .map(|f| format!("`{}`", f.ident.unraw()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `new(required fields in declaration order)`: every other field unset.
fn constructor(writable: &[&Field], required: &[&Field]) -> TokenStream {
    let params = required.iter().map(|f| {
        let (ident, ty) = (f.ident, f.ty);
        quote!(#ident: #ty)
    });
    let inits = writable.iter().map(|f| {
        let ident = f.ident;
        if f.required.is_some() {
            quote!(#ident)
        } else {
            quote!(#ident: ::core::option::Option::None)
        }
    });
    let doc = format!(
        "A patch that sends {}, and no other field until one is set.",
        names(required)
    );
    quote! {
        #[doc = #doc]
        #[must_use]
        pub fn new(#(#params),*) -> Self {
            Self { #(#inits,)* }
        }
    }
}

/// `Option<T>`, or `Option<Option<T>>` for a nullable field, never serialized when `None`; a
/// required field as the model has it, always serialized.
fn field(field: &Field) -> TokenStream {
    let Field {
        ident,
        ty,
        nullable,
        docs,
        serde,
        required,
        ..
    } = field;
    if required.is_some() {
        return quote_spanned! {ty.span()=>
            #(#docs)*
            #(#[serde(#serde)])*
            pub #ident: #ty
        };
    }
    let null_aware = nullable.map(|_| {
        // Present-but-null must come back as `Some(None)`, not collapse into "absent".
        let deserialize = private_str("deserialize_double_option");
        quote!(#[serde(deserialize_with = #deserialize)])
    });
    quote_spanned! {ty.span()=>
        #(#docs)*
        #(#[serde(#serde)])*
        #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
        #null_aware
        pub #ident: ::core::option::Option<#ty>
    }
}

fn setter(field: &Field) -> TokenStream {
    let Field {
        ident,
        ty,
        nullable,
        required,
        ..
    } = field;
    let name = ident.unraw();
    let set = |value: TokenStream| match required {
        Some(_) => quote!(self.#ident = #value;),
        None => quote!(self.#ident = ::core::option::Option::Some(#value);),
    };
    match nullable {
        Some(inner) => {
            let doc = format!("Sets `{name}`: a value, or `None` to send `null` and clear it.");
            let set = set(quote!(value.into()));
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #ident(mut self, value: impl ::core::convert::Into<::core::option::Option<#inner>>) -> Self {
                    #set
                    self
                }
            }
        }
        None => {
            let doc = format!("Sets `{name}`.");
            let set = set(quote!(value));
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #ident(mut self, value: #ty) -> Self {
                    #set
                    self
                }
            }
        }
    }
}

fn patch_impl(model_ident: &Ident, patch_ident: &Ident, writable: &[&Field]) -> TokenStream {
    let (required, optional): (Vec<&Field>, Vec<&Field>) =
        writable.iter().partition(|f| f.required.is_some());
    let idents: Vec<_> = optional.iter().map(|f| f.ident).collect();
    let required: Vec<_> = required.iter().map(|f| f.ident).collect();
    let value = format_ident!("value");
    // The required fields are always set: a patch with any is never empty.
    let is_empty = if required.is_empty() {
        quote!(true #(&& self.#idents.is_none())*)
    } else {
        quote!(false)
    };
    // In declaration order, as the struct declares them.
    let between = writable.iter().map(|f| {
        let ident = f.ident;
        if f.required.is_some() {
            quote!(#ident: ::core::clone::Clone::clone(&after.#ident))
        } else {
            quote! {
                #ident: (before.#ident != after.#ident)
                    .then(|| ::core::clone::Clone::clone(&after.#ident))
            }
        }
    });
    quote! {
        impl ::declarest::Patch for #patch_ident {
            type Model = #model_ident;

            fn is_empty(&self) -> bool {
                #is_empty
            }

            fn apply_to(&self, model: &mut #model_ident) {
                #(
                    model.#required = ::core::clone::Clone::clone(&self.#required);
                )*
                #(
                    if let ::core::option::Option::Some(#value) = &self.#idents {
                        model.#idents = ::core::clone::Clone::clone(#value);
                    }
                )*
            }

            fn between(before: &#model_ident, after: &#model_ident) -> Self {
                Self {
                    #(#between,)*
                }
            }
        }
    }
}
