//! Code generation: a small body of calls into the runtime's private module (see
//! `crate::private_path`).

use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{
    GenericArgument, PathArguments, ReturnType, TraitItemFn, Type, TypeImplTrait, TypeParamBound,
    parse_quote,
};

use super::attr::{BodyFormat, EndpointAttr, Role};
use super::bind::{Binding, Bound};
use super::template::{PathComponent, QueryComponent, Template};
use super::valid::{Output, Returned};
use crate::private_path::private;
use crate::types::option_inner;

/// Room for a UUID in each path segment, so the target is allocated once in the usual case.
const SEGMENT_GUESS: usize = 36;

pub fn generate(
    item: &TraitItemFn,
    attr: &EndpointAttr,
    template: &Template,
    returned: &Returned,
    bound: &Bound,
) -> TokenStream {
    let attrs = &item.attrs;
    let mut sig = item.sig.clone();
    sig.asyncness = None;
    let return_type = &returned.whole;
    // In a trait, the returned future captures every lifetime of the signature, so it may
    // borrow `self`; it is `Send` because `Api: Send + Sync`. The type keeps the call-site span,
    // like the call in `send`: a missing `Api` supertrait then surfaces in both at one span, so
    // as one error, with no rustc suggestion spliced into the user's tokens.
    sig.output = returns_future_of(return_type);

    let const_ident = endpoint_const_ident(&item.sig.ident);
    let description = description(item, attr, template, bound);
    let capacity = capacity(template);
    let limits = add_limits(bound);
    let path = add_path(template, bound);
    let query = add_query(template, bound);
    let headers = add_headers(bound);
    let body = add_body(bound);
    let send = send(&returned.output);
    let private = private(Span::call_site());

    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const #const_ident: &'static ::declarest::Endpoint = &#description;

        #(#attrs)*
        #sig {
            let mut __request = #private::RequestBuilder::new(Self::#const_ident, #capacity);
            #limits
            #path
            #query
            #headers
            #body
            #send
        }
    }
}

/// `-> impl ::core::future::Future<Output = #return_type> + ::core::marker::Send`, built as syntax
/// rather than parsed from tokens: the user's type is put in place, never re-parsed, so no input
/// can make this fail.
fn returns_future_of(return_type: &Type) -> ReturnType {
    // Fixed tokens: they parse, or every expansion would fail.
    let mut future: TypeImplTrait =
        parse_quote!(impl ::core::future::Future<Output = ()> + ::core::marker::Send);
    if let Some(TypeParamBound::Trait(bound)) = future.bounds.first_mut()
        && let Some(segment) = bound.path.segments.last_mut()
        && let PathArguments::AngleBracketed(args) = &mut segment.arguments
        && let Some(GenericArgument::AssocType(output)) = args.args.first_mut()
    {
        output.ty = return_type.clone();
    }
    ReturnType::Type(Default::default(), Box::new(Type::ImplTrait(future)))
}

/// The associated const that holds a method's description: the method reads it, and
/// `#[declarest::api]` lists it in the trait's `ENDPOINTS`.
pub fn endpoint_const_ident(method: &syn::Ident) -> syn::Ident {
    quote::format_ident!("__declarest_endpoint_{}", method.unraw())
}

/// The run-time description, a `declarest::Endpoint` built in a const context.
fn description(
    item: &TraitItemFn,
    attr: &EndpointAttr,
    template: &Template,
    bound: &Bound,
) -> TokenStream {
    // Names as the API and tools know them: `type` for `r#type`.
    let name = item.sig.ident.unraw().to_string();
    let method = attr.method_variant();
    let template_text = attr.template.value();
    let openapi = template.openapi_path();
    let params = bound.args.iter().map(|(arg, binding)| {
        let argument = arg.ident.unraw().to_string();
        let (wire, kind) = match binding {
            Binding::Path(wire) => (wire.clone(), quote!(Path)),
            Binding::Query(wire) => (wire.clone(), quote!(Query)),
            Binding::Header { name, .. } => (name.clone(), quote!(Header)),
            Binding::Body(_) => (String::new(), quote!(Body)),
            Binding::Multipart(field) => (field.clone(), quote!(Multipart)),
        };
        // A secret value's description says so, which keeps the request's target out of logs.
        let secret = matches!(arg.role, Role::Param(_, true)).then(|| quote!(.__secret()));
        quote!(::declarest::Param::__new(#wire, #argument, ::declarest::ParamKind::#kind)#secret)
    });
    let body_kind = bound
        .args
        .iter()
        .find_map(|(_, binding)| match binding {
            Binding::Body(BodyFormat::Json) => Some(quote!(Json)),
            Binding::Body(BodyFormat::Bytes) => Some(quote!(Bytes)),
            Binding::Multipart(_) => Some(quote!(Multipart)),
            _ => None,
        })
        .unwrap_or(quote!(None));
    let idempotent = attr.idempotent.map(|_| quote!(.__idempotent()));
    quote! {
        ::declarest::Endpoint::__new(
            #name,
            ::declarest::Method::#method,
            #template_text,
            #openapi,
            &[#(#params),*],
            ::declarest::BodyKind::#body_kind,
        )#idempotent
    }
}

fn capacity(template: &Template) -> Literal {
    let path: usize = template
        .path
        .iter()
        .map(|c| match c {
            PathComponent::Literal(text) => text.len(),
            PathComponent::Parameter(_) => SEGMENT_GUESS,
        })
        .sum();
    let query: usize = template
        .query
        .iter()
        .map(|c| match c {
            QueryComponent::Literal(text) => text.len() + 1,
            QueryComponent::Parameter(p) => p.name.len() + 2 + SEGMENT_GUESS,
        })
        .sum();
    Literal::usize_unsuffixed(path + query)
}

/// Literal text and encoded segments, in template order. A value's trait bound is checked at
/// the argument's type, so a type that cannot be a path value is reported there.
fn add_path(template: &Template, bound: &Bound) -> TokenStream {
    template
        .path
        .iter()
        .map(|component| match component {
            PathComponent::Literal(text) => quote!(__request.literal(#text);),
            PathComponent::Parameter(p) => {
                // `bind` gave every placeholder an argument.
                let Some(arg) = bound.arg_of(&p.name) else {
                    return TokenStream::new();
                };
                let (ident, wire) = (&arg.ident, &p.name);
                let types = turbofish(&arg.ty);
                quote_spanned!(arg.ty.span()=> __request.path #types (#wire, #ident);)
            }
        })
        .collect()
}

fn add_query(template: &Template, bound: &Bound) -> TokenStream {
    template
        .query
        .iter()
        .map(|component| match component {
            QueryComponent::Literal(text) => quote!(__request.query_literal(#text);),
            QueryComponent::Parameter(p) => {
                // `bind` gave every placeholder an argument.
                let Some(arg) = bound.arg_of(&p.name) else {
                    return TokenStream::new();
                };
                let (ident, wire) = (&arg.ident, &p.name);
                let types = turbofish(&arg.ty);
                quote_spanned!(arg.ty.span()=> __request.query #types (#wire, #ident);)
            }
        })
        .collect()
}

fn add_headers(bound: &Bound) -> TokenStream {
    bound
        .args
        .iter()
        .filter_map(|(arg, binding)| match binding {
            Binding::Header { name, secret } => {
                // `HeaderName::from_static` takes lower case; the name was checked to be a token.
                let lower = name.to_ascii_lowercase();
                let ident = &arg.ident;
                let types = turbofish(&arg.ty);
                let call = quote_spanned!(arg.ty.span()=> __request.header #types (&NAME, #ident, #secret););
                let private = private(Span::call_site());
                Some(quote! {{
                    static NAME: #private::HeaderName = #private::HeaderName::from_static(#lower);
                    #call
                }})
            }
            _ => None,
        })
        .collect()
}

/// The body: JSON (its `Model` limits checked first, when it is one), raw bytes, or multipart
/// parts. A body declared `Option<T>` is sent only when it is `Some`.
fn add_body(bound: &Bound) -> TokenStream {
    bound
        .args
        .iter()
        .filter_map(|(arg, binding)| {
            let ident = &arg.ident;
            if let Binding::Multipart(field) = binding {
                // `Parts` is implemented for `Option`: no part when `None`.
                let types = turbofish(&arg.ty);
                let span = arg.ty.span();
                return Some(quote_spanned!(span=> __request.parts #types (#field, #ident);));
            }
            let optional = option_inner(&arg.ty);
            // The value the body is made of: the argument, or what its `Some` holds.
            let (value, ty) = match optional {
                Some(inner) => (quote!(__body), inner),
                None => (quote!(#ident), &arg.ty),
            };
            let types = turbofish(ty);
            let span = ty.span();
            let add = match binding {
                Binding::Body(BodyFormat::Json) => {
                    let value = match optional {
                        Some(_) => value,
                        None => quote!(&#value),
                    };
                    let json = quote_spanned!(span=> __request.json #types (#value););
                    let private = private(Span::call_site());
                    // Only one of the two traits is used, depending on the body's type.
                    quote! {
                        {
                            #[allow(unused_imports)]
                            use #private::{CheckModelLimits as _, CheckNoLimits as _};
                            __request.limit((&#private::BodyLimits(#value)).check_limits());
                        }
                        #json
                    }
                }
                Binding::Body(BodyFormat::Bytes) => {
                    quote_spanned!(span=> __request.bytes #types (#value);)
                }
                _ => return None,
            };
            Some(match (optional, binding) {
                (None, _) => add,
                // Borrowed, so that the JSON of `Option<T>` is written from `&T`.
                (Some(_), Binding::Body(BodyFormat::Json)) => quote! {
                    if let ::core::option::Option::Some(__body) = &#ident { #add }
                },
                (Some(_), _) => quote! {
                    if let ::core::option::Option::Some(__body) = #ident { #add }
                },
            })
        })
        .collect()
}

/// `#[max_items(N)]` and `#[max(N)]`, checked on borrowed arguments before any is moved into
/// the request.
fn add_limits(bound: &Bound) -> TokenStream {
    bound
        .args
        .iter()
        .flat_map(|(arg, binding)| {
            let what = match binding {
                Binding::Path(wire) | Binding::Query(wire) | Binding::Multipart(wire) => {
                    format!("`{wire}`")
                }
                Binding::Header { name, .. } => format!("header `{name}`"),
                Binding::Body(_) => format!("`{}`", arg.ident.unraw()),
            };
            arg.limits.iter().map(move |limit| {
                let ident = &arg.ident;
                let check = limit.check(&what, quote!(#ident));
                quote!(__request.limit(#check);)
            })
        })
        .collect()
}

/// The call that sends and decodes. The response type's bound is checked by the decoder, spanned
/// at the response type; the `Api` bound by the call, at the attribute (see `generate`). An
/// endpoint that returns bytes asks for them (`Accept`) and, for a stream, is sent without
/// reading its body.
fn send(output: &Output) -> TokenStream {
    let decoder = match output {
        Output::Unit => {
            let private = private(Span::call_site());
            quote!(#private::decode_unit)
        }
        Output::Json(ty) => {
            let private = private(ty.span());
            quote_spanned!(ty.span()=> #private::decode_json::<#ty>)
        }
        Output::WithStatus(ty) => {
            let private = private(ty.span());
            quote_spanned!(ty.span()=> #private::decode_with_status::<#ty>)
        }
        Output::Binary(ty) => {
            let private = private(ty.span());
            quote_spanned!(ty.span()=> #private::decode_binary)
        }
        Output::Stream => {
            let private = private(Span::call_site());
            return quote! {
                __request.accept_binary();
                #private::call_stream(self, __request.finish())
            };
        }
    };
    let private = private(Span::call_site());
    let accept = matches!(output, Output::Binary(_)).then(|| quote!(__request.accept_binary();));
    quote! {
        #accept
        #private::call(self, __request.finish(), #decoder)
    }
}

/// `::<Type>` for a value's builder call, so that a missing trait impl is reported at the
/// argument's type. Left out for `impl Trait` types, which cannot be named there.
fn turbofish(ty: &Type) -> Option<TokenStream> {
    fn has_impl(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|t| match t {
            TokenTree::Ident(ident) => ident == "impl",
            TokenTree::Group(group) => has_impl(group.stream()),
            _ => false,
        })
    }
    (!has_impl(ty.to_token_stream())).then(|| quote_spanned!(ty.span()=> ::<#ty>))
}

/// What is emitted when the input has errors: the method as the user wrote it, helper attributes
/// removed, with a body that type-checks whatever the signature, so that the only errors are
/// the ones reported and implementations of the trait still compile.
pub fn fallback(mut item: TraitItemFn) -> TokenStream {
    if item.default.is_none() {
        // Never runs: the crate does not compile while errors are reported.
        item.default = Some(parse_quote!({ loop {} }));
        item.semi_token = None;
    }
    item.attrs.push(parse_quote!(#[allow(unused_variables, async_fn_in_trait, clippy::diverging_sub_expression)]));
    // A placeholder description, so that a trait-level `ENDPOINTS` list does not add errors.
    let const_ident = endpoint_const_ident(&item.sig.ident);
    let name = item.sig.ident.unraw().to_string();
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals)]
        const #const_ident: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
            #name, ::declarest::Method::Get, "", "", &[], ::declarest::BodyKind::None,
        );
        #item
    }
}
