//! Snapshot testing of expansions: pretty-printed, checked in, compared on every test run.
//! Run with `DECLAREST_BLESS=1` to write the files after a deliberate change, then review the diff.

use std::path::PathBuf;

use proc_macro2::TokenStream;

/// Pretty-prints items (any token stream that parses as a file). An expansion that does not
/// parse comes back as an explanation, which then fails the snapshot comparison visibly.
pub fn pretty(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => format!("// expansion does not parse as Rust: {e}\n{tokens}\n"),
    }
}

pub fn assert_snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.rs"));
    if std::env::var_os("DECLAREST_BLESS").is_some() {
        let written = std::fs::write(&path, actual);
        assert!(
            written.is_ok(),
            "could not write {}: {written:?}",
            path.display()
        );
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "expansion `{name}` differs from {}; if the change is intended, rerun with DECLAREST_BLESS=1 and review the diff.\n--- actual ---\n{actual}",
        path.display()
    );
}
