//! Reading types as written: the macros see syntax, not types, so a type is recognized by its
//! path (`Option<T>`, `declarest::WithStatus<T>`).

use syn::{GenericArgument, PathArguments, Type};

/// `T` of `Option<T>` (also `std::option::Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
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

/// The names of declarest's response types, which the macro reads from the return type.
pub const RESPONSE_TYPES: [&str; 3] = ["WithStatus", "Binary", "ByteStream"];

/// The last segment of `ty` when it names one of declarest's response types: `WithStatus<T>`,
/// `Binary` or `ByteStream`, written alone (imported) or as `declarest::..` (`::declarest::..`).
/// A type of the same name under another path (`my::Binary`) is not one.
pub fn declarest_response(ty: &Type) -> Option<&syn::PathSegment> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segments = &path.path.segments;
    let last = segments.last()?;
    if !RESPONSE_TYPES.iter().any(|name| last.ident == name) {
        return None;
    }
    let in_declarest = match segments.len() {
        1 => path.path.leading_colon.is_none(),
        2 => segments
            .first()
            .is_some_and(|first| first.ident == "declarest" && first.arguments.is_none()),
        _ => false,
    };
    in_declarest.then_some(last)
}
