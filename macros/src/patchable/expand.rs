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
    let doc = format!(
        "The writable fields of [`{model_ident}`], for a PATCH: a field left `None` is not sent, \
         so the request changes exactly the fields that are set. Derived by `Patchable`."
    );
    let fields = writable.iter().map(|f| field(f));
    let setters = writable.iter().map(|f| setter(f));
    let patch_impl = patch_impl(model_ident, patch_ident, writable);
    let private = private(Span::call_site());
    let serde_crate = private_str("serde");

    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::default::Default,
                 #private::serde::Serialize, #private::serde::Deserialize)]
        #[serde(crate = #serde_crate)]
        #(#[serde(#container_serde)])*
        #vis struct #patch_ident {
            #(#fields,)*
        }

        impl #patch_ident {
            #(#setters)*
        }

        #patch_impl
    }
}

/// `Option<T>`, or `Option<Option<T>>` for a nullable field, never serialized when `None`.
fn field(field: &Field) -> TokenStream {
    let Field {
        ident,
        ty,
        nullable,
        docs,
        serde,
        ..
    } = field;
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
        ..
    } = field;
    let name = ident.unraw();
    match nullable {
        Some(inner) => {
            let doc = format!("Sets `{name}`: a value, or `None` to send `null` and clear it.");
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #ident(mut self, value: impl ::core::convert::Into<::core::option::Option<#inner>>) -> Self {
                    self.#ident = ::core::option::Option::Some(value.into());
                    self
                }
            }
        }
        None => {
            let doc = format!("Sets `{name}`.");
            quote! {
                #[doc = #doc]
                #[must_use]
                pub fn #ident(mut self, value: #ty) -> Self {
                    self.#ident = ::core::option::Option::Some(value);
                    self
                }
            }
        }
    }
}

fn patch_impl(model_ident: &Ident, patch_ident: &Ident, writable: &[&Field]) -> TokenStream {
    let idents: Vec<_> = writable.iter().map(|f| f.ident).collect();
    let value = format_ident!("value");
    quote! {
        impl ::declarest::Patch for #patch_ident {
            type Model = #model_ident;

            fn is_empty(&self) -> bool {
                true #(&& self.#idents.is_none())*
            }

            fn apply_to(&self, model: &mut #model_ident) {
                #(
                    if let ::core::option::Option::Some(#value) = &self.#idents {
                        model.#idents = ::core::clone::Clone::clone(#value);
                    }
                )*
            }

            fn between(before: &#model_ident, after: &#model_ident) -> Self {
                Self {
                    #(
                        #idents: (before.#idents != after.#idents)
                            .then(|| ::core::clone::Clone::clone(&after.#idents)),
                    )*
                }
            }
        }
    }
}
