//! Helpers for the unit tests: reading what an expansion reports.

use proc_macro2::{TokenStream, TokenTree};

/// The messages of the `compile_error!`s in an expansion, in order.
pub fn compile_errors(tokens: TokenStream) -> Vec<String> {
    let mut messages = Vec::new();
    let mut previous: Vec<TokenTree> = Vec::new();
    for tree in tokens {
        if let TokenTree::Group(group) = &tree {
            let is_call = matches!(
                previous.as_slice(),
                [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
                    if name == "compile_error" && bang.as_char() == '!'
            );
            if is_call && let Ok(message) = syn::parse2::<syn::LitStr>(group.stream()) {
                messages.push(message.value());
            } else {
                messages.extend(compile_errors(group.stream()));
            }
        }
        previous.push(tree);
    }
    messages
}
