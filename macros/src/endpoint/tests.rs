use proc_macro2::TokenStream;
use quote::quote;

use crate::snapshot::{assert_snapshot, pretty};

/// The expansion of one method, wrapped in a trait so that it prints as a file.
fn expand_in_trait(attr: TokenStream, item: TokenStream) -> String {
    let method = super::expand(attr, item);
    pretty(quote!(pub trait Api: declarest::Api { #method }))
}

/// The inputs of the expansion snapshots (`attr`, `item`), by snapshot name. They also seed the
/// fuzz corpus.
pub fn snapshot_inputs() -> Vec<(&'static str, TokenStream, TokenStream)> {
    vec![
        (
            "endpoint_update_iteration",
            quote!(PATCH, "/projects/<projectId>/iterations/<iterationId>"),
            quote! {
                /// Update a specific iteration.
                async fn update_iteration(&self, project_id: Uuid, iteration_id: Uuid,
                                          #[body] updated: &IterationPatch) -> declarest::Result<Iteration>;
            },
        ),
        (
            "endpoint_query_csv_header",
            quote!(
                GET,
                "/projects/<projectId>/images/tagged?<iterationId>&<tagIds>&<take>&<skip>"
            ),
            quote! {
                async fn get_tagged_images(&self, project_id: Uuid, iteration_id: Option<Uuid>,
                                           tag_ids: Option<&[Uuid]>, take: Option<u32>, skip: Option<u32>,
                                           #[header("Training-Key", secret)] key: &str)
                    -> declarest::Result<Vec<Image>>;
            },
        ),
        (
            "endpoint_delete_no_content",
            quote!(
                DELETE,
                "/projects/<projectId>/images?<imageIds>&api-version=2.0"
            ),
            quote! {
                async fn delete_images(&self, #[param("projectId")] project: Uuid, image_ids: &[Uuid]) -> declarest::Result<()>;
            },
        ),
        (
            "endpoint_multipart_limits",
            quote!(POST, "/projects/<projectId>/images?<tagIds>"),
            quote! {
                /// Add the provided images to the set of training images.
                async fn create_images_from_data(&self, project_id: Uuid,
                                                 #[multipart("imageData")] #[max_items(64)] image_data: &[declarest::File],
                                                 #[max_items(20)] tag_ids: Option<&[Uuid]>)
                    -> declarest::Result<ImageCreateSummary>;
            },
        ),
        (
            "endpoint_optional_body_with_status",
            quote!(POST, "/projects/<projectId>/train?<$filter>"),
            quote! {
                async fn train_project(&self, project_id: Uuid,
                                       #[param("$filter")] filter: Option<&str>,
                                       #[body] parameters: Option<&TrainingParameters>)
                    -> declarest::Result<declarest::WithStatus<Iteration>>;
            },
        ),
        (
            "endpoint_binary",
            quote!(GET, "/projects/<projectId>/artifacts?<path>"),
            quote! {
                async fn get_artifact(&self, project_id: Uuid, path: &str)
                    -> declarest::Result<declarest::Binary>;
            },
        ),
        (
            "endpoint_byte_stream",
            quote!(GET, "/projects/<projectId>/artifacts?<path>"),
            quote! {
                async fn download_artifact(&self, project_id: Uuid, path: &str)
                    -> declarest::Result<ByteStream>;
            },
        ),
    ]
}

/// Expands the snapshot input `name` and compares it with its snapshot.
fn check_snapshot(name: &str) {
    let (_, attr, item) = snapshot_inputs()
        .into_iter()
        .find(|(n, ..)| *n == name)
        .expect("a snapshot input of that name");
    assert_snapshot(name, &expand_in_trait(attr, item));
}

#[test]
fn update_iteration_expansion() {
    check_snapshot("endpoint_update_iteration");
}

#[test]
fn query_csv_optional_and_header_expansion() {
    check_snapshot("endpoint_query_csv_header");
}

#[test]
fn no_content_and_explicit_param_expansion() {
    check_snapshot("endpoint_delete_no_content");
}

#[test]
fn multipart_and_limits_expansion() {
    check_snapshot("endpoint_multipart_limits");
}

#[test]
fn optional_body_and_with_status_expansion() {
    check_snapshot("endpoint_optional_body_with_status");
}

#[test]
fn binary_expansion() {
    check_snapshot("endpoint_binary");
}

#[test]
fn byte_stream_expansion() {
    check_snapshot("endpoint_byte_stream");
}

/// The response types are declarest's written alone or under `declarest::`; under another path
/// a type of the same name is a JSON document.
#[test]
fn response_types_are_recognized_by_their_path() {
    for (ty, decoder) in [
        (quote!(Binary), "decode_binary"),
        (quote!(declarest::Binary), "decode_binary"),
        (quote!(::declarest::Binary), "decode_binary"),
        (quote!(WithStatus<u8>), "decode_with_status :: < u8 >"),
        (quote!(ByteStream), "call_stream (self"),
        (quote!(my::Binary), "decode_json :: < my :: Binary >"),
        (quote!(::Binary), "decode_json :: < :: Binary >"),
        (
            quote!(a::declarest::Binary),
            "decode_json :: < a :: declarest :: Binary >",
        ),
        (
            quote!(declarest::Result),
            "decode_json :: < declarest :: Result >",
        ),
    ] {
        let text = super::expand(
            quote!(GET, "/x"),
            quote!(async fn get(&self) -> declarest::Result<#ty>;),
        )
        .to_string();
        assert!(!text.contains("compile_error"), "{ty}: {text}");
        assert!(text.contains(decoder), "{ty}: {text}");
        let binary = decoder == "decode_binary" || decoder.starts_with("call_stream");
        assert_eq!(
            text.contains("__request . accept_binary ()"),
            binary,
            "{ty}: {text}"
        );
    }
}

#[test]
fn response_type_mistakes_say_what_to_write() {
    for (ty, expected) in [
        (
            quote!(declarest::WithStatus<()>),
            "`WithStatus<()>` has no body to decode",
        ),
        (
            quote!(WithStatus),
            "`declarest::WithStatus` takes the type decoded from the JSON body",
        ),
        (
            quote!(WithStatus<u8, u8>),
            "`declarest::WithStatus` takes the type decoded from the JSON body",
        ),
        (
            quote!(WithStatus<'a>),
            "`declarest::WithStatus` takes the type decoded from the JSON body",
        ),
        (
            quote!(WithStatus<Binary>),
            "`Binary` keeps its status already",
        ),
        (
            quote!(WithStatus<declarest::ByteStream>),
            "`ByteStream` keeps its status already",
        ),
        (
            quote!(WithStatus<WithStatus<u8>>),
            "`WithStatus` inside `WithStatus`",
        ),
        (
            quote!(Binary<u8>),
            "`declarest::Binary` takes no type arguments",
        ),
        (
            quote!(declarest::ByteStream<'a>),
            "`declarest::ByteStream` takes no type arguments",
        ),
    ] {
        let found = errors(
            quote!(GET, "/x"),
            quote!(async fn get(&self) -> declarest::Result<#ty>;),
        );
        assert_eq!(found.len(), 1, "{ty}: {found:?}");
        assert!(found[0].starts_with(expected), "{ty}: {found:?}");
    }
}

#[test]
fn an_optional_body_on_a_method_without_one_says_so() {
    let found = errors(
        quote!(DELETE, "/x"),
        quote!(
            async fn delete(&self, #[body] body: Option<&Filter>) -> declarest::Result<()>;
        ),
    );
    assert_eq!(
        found,
        [
            "a DELETE request has no body, not even an optional one: remove `#[body]` and send `body` another way (a placeholder or a header)"
        ]
    );
}

#[test]
fn errors_keep_the_item_without_helper_attributes() {
    let expanded = super::expand(
        quote!(GET, "/projects/<projectId>"),
        quote!(
            async fn get_project(&self, #[body] project: Uuid) -> declarest::Result<Project>;
        ),
    );
    let text = expanded.to_string();
    assert!(text.contains("compile_error"), "{text}");
    assert!(
        text.contains("fn get_project"),
        "the item must be re-emitted: {text}"
    );
    assert!(
        !text.contains("# [body]"),
        "helper attributes must be stripped: {text}"
    );
}

#[test]
fn a_non_method_item_gets_an_error_and_is_kept() {
    let expanded = super::expand(
        quote!(GET, "/x"),
        quote!(
            struct NotAMethod;
        ),
    )
    .to_string();
    assert!(expanded.contains("compile_error"), "{expanded}");
    assert!(expanded.contains("struct NotAMethod"), "{expanded}");
}

/// Every error of one input is reported in one run, not only the first.
#[test]
fn errors_are_collected_not_stopped_at_the_first() {
    let expanded = super::expand(
        quote!(GET, "/projects/<projectId>/<>"),
        quote!(
            fn get_project(project_id: Uuid) -> Project;
        ),
    )
    .to_string();
    for expected in [
        "async fn",
        "&self",
        "empty placeholder",
        "declarest::Result",
    ] {
        assert!(
            expanded.contains(expected),
            "missing `{expected}` in {expanded}"
        );
    }
}

/// The errors of one `#[endpoint]`.
fn errors(attr: TokenStream, item: TokenStream) -> Vec<String> {
    crate::testing::compile_errors(super::expand(attr, item))
}

/// The errors for a `GET` of `template` by a method taking `project_id`.
fn template_errors(template: &str) -> Vec<String> {
    errors(
        quote!(GET, #template),
        quote!(
            async fn get(&self, project_id: u32) -> declarest::Result<()>;
        ),
    )
}

#[test]
fn raw_identifiers_bind_placeholders_and_are_described_without_r_hash() {
    let expanded = super::expand(
        quote!(GET, "/kinds/<type>?<match>"),
        quote!(
            async fn r#type(&self, r#type: &str, #[max(9)] r#match: u32) -> declarest::Result<()>;
        ),
    );
    let text = expanded.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    assert!(text.contains("const __declarest_endpoint_type"), "{text}");
    assert!(text.contains("Endpoint :: __new (\"type\""), "{text}");
    assert!(
        text.contains("Param :: __new (\"type\" , \"type\" , :: declarest :: ParamKind :: Path)"),
        "{text}"
    );
    assert!(
        text.contains(
            "Param :: __new (\"match\" , \"match\" , :: declarest :: ParamKind :: Query)"
        ),
        "{text}"
    );
    assert!(
        text.contains("__request . path :: < & str > (\"type\" , r#type)"),
        "{text}"
    );
    // The method keeps its raw name in Rust.
    assert!(text.contains("fn r#type (& self"), "{text}");
}

#[test]
fn raw_identifiers_in_suggestions_are_plain_names() {
    let found = errors(
        quote!(GET, "/kinds"),
        quote!(
            async fn get(&self, r#type_id: u32) -> declarest::Result<()>;
        ),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("add `<typeId>` to the template"),
        "{found:?}"
    );
}

#[test]
fn an_argument_bound_to_two_placeholders_is_reported_once_on_the_second() {
    let found = template_errors("/projects/<projectId>/copies/<project_id>");
    assert_eq!(
        found,
        [
            "placeholders `<projectId>` and `<project_id>` both bind the argument `project_id`, but an argument fills one placeholder: bind `<project_id>` to another argument with `#[param(\"project_id\")]`, or remove one of the placeholders"
        ]
    );
    // Across the path and the query too.
    let found = template_errors("/projects/<project_id>?<projectId>");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("placeholders `<project_id>` and `<projectId>`"),
        "{found:?}"
    );
}

#[test]
fn an_explicit_param_leaves_the_other_placeholder_to_the_named_argument() {
    let found = errors(
        quote!(GET, "/projects/<projectId>/copies/<project_id>"),
        quote!(
            async fn get(
                &self,
                project_id: u32,
                #[param("projectId")] original: u32,
            ) -> declarest::Result<()>;
        ),
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn dot_segments_are_reported_with_the_path_they_resolve_to() {
    for (template, dots, resolved) in [
        ("/projects/../images", "parent", "/images"),
        (
            "/projects/./<projectId>",
            "current",
            "/projects/<projectId>",
        ),
        ("/a/b/%2e%2E/c", "parent", "/a/c"),
        ("/a/b/.%2e", "parent", "/a/"),
        ("/a/%2E/b", "current", "/a/b"),
        ("/a/.", "current", "/a/"),
        ("/..", "parent", "/"),
    ] {
        let found = template_errors(template);
        assert_eq!(found.len(), 1, "{template}: {found:?}");
        let message = &found[0];
        assert!(
            message.contains(&format!("means the {dots} directory")),
            "{template}: {message}"
        );
        assert!(
            message.contains(&format!("the request would go to `{resolved}`")),
            "{template}: {message}"
        );
    }
}

#[test]
fn empty_segments_are_reported_and_edges_are_not() {
    for template in ["/projects//<projectId>", "//<projectId>", "/<projectId>//"] {
        let found = template_errors(template);
        assert_eq!(found.len(), 1, "{template}: {found:?}");
        assert!(found[0].starts_with("empty path segment `//`"), "{found:?}");
        assert!(found[0].contains("remove one `/`"), "{found:?}");
    }
    // A trailing `/`, dots inside a segment, and dots next to a placeholder are sent as written.
    for template in [
        "/projects/<projectId>/",
        "/a.b/<projectId>",
        "/.well-known/<projectId>",
        "/a/.../<projectId>",
        "/<projectId>.json",
    ] {
        assert_eq!(
            template_errors(template),
            Vec::<String>::new(),
            "{template}"
        );
    }
}

#[test]
fn a_fragment_is_one_error() {
    let found = template_errors("/projects/<projectId>#a b");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("a template cannot have a fragment"),
        "{found:?}"
    );
}

#[test]
fn an_unknown_role_attribute_names_the_roles() {
    let attr: syn::Attribute = syn::parse_quote!(#[bogus("x")]);
    let Err(error) = super::attr::parse_role(&attr) else {
        panic!("`#[bogus]` is not a role");
    };
    let message = error.to_string();
    assert!(
        message.starts_with("unknown argument role `#[bogus]`"),
        "{message}"
    );
    for role in ["#[param(", "#[body]", "#[header(", "#[multipart("] {
        assert!(message.contains(role), "{message}");
    }
}

#[test]
fn attribute_syntax_errors_say_what_to_write() {
    let method = quote!(
        async fn get(&self, #[header("Api-Key", "secret")] key: &str) -> declarest::Result<()>;
    );
    let found = errors(quote!(GET, "/projects"), method);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("the only one is `secret`"), "{found:?}");

    let method = quote!(
        async fn get(&self) -> declarest::Result<()>;
    );
    let found = errors(quote!(GET "/projects"), method);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("expected `,` between the method and the path template"),
        "{found:?}"
    );
}

#[test]
fn a_query_placeholder_that_is_not_an_identifier_binds_through_param() {
    let expanded = super::expand(
        quote!(
            GET,
            "/projects/<projectId>/images?<$filter>&<api-version>&<take>"
        ),
        quote!(
            async fn get_images(
                &self,
                project_id: Uuid,
                #[param("$filter")] filter: Option<&str>,
                #[param("api-version")] version: &str,
                take: u32,
            ) -> declarest::Result<()>;
        ),
    );
    let text = expanded.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    assert!(
        text.contains("__request . query :: < Option < & str > > (\"$filter\" , filter)"),
        "{text}"
    );
    assert!(
        text.contains("__request . query :: < & str > (\"api-version\" , version)"),
        "{text}"
    );
}

#[test]
fn a_query_placeholder_that_is_not_an_identifier_never_binds_by_name() {
    // An argument named like it: suggested, and not reported again as unbound.
    let found = errors(
        quote!(GET, "/images?<$filter>"),
        quote!(
            async fn get(&self, filter: Option<&str>) -> declarest::Result<()>;
        ),
    );
    assert_eq!(
        found,
        [
            "placeholder `<$filter>` is not a Rust name, so no argument binds it by name: mark `filter` with `#[param(\"$filter\")]`"
        ]
    );
    let found = errors(
        quote!(GET, "/images?<$top>"),
        quote!(
            async fn get(&self) -> declarest::Result<()>;
        ),
    );
    assert_eq!(
        found,
        [
            "placeholder `<$top>` is not a Rust name, so no argument binds it by name: add an argument marked `#[param(\"$top\")]`, as in `#[param(\"$top\")] top: Option<&str>`"
        ]
    );
}

#[test]
fn query_placeholders_hold_what_a_query_carries_as_written_and_path_ones_are_identifiers() {
    for template in [
        "/images?<a b>",
        "/images?<a+b>",
        "/images?<1a>",
        "/images?<a=b>",
        "/images?<é>",
    ] {
        let found = template_errors(template);
        assert_eq!(found.len(), 1, "{template}: {found:?}");
        assert!(
            found[0].starts_with("query placeholder `<")
                && found[0].contains("use letters, digits, `-`, `.`, `_`, `~` and `$`"),
            "{template}: {found:?}"
        );
    }
    let found = template_errors("/images/<$filter>");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("placeholder `<$filter>` is not an identifier"),
        "{found:?}"
    );
}
