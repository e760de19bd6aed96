//! The compile-time contract of the macros: what they reject, with which message and where
//! (`ui/fail`, one mistake per file), and what they accept (`ui/pass`).
//!
//! After a deliberate change to a message, regenerate with `TRYBUILD=overwrite cargo test --test
//! compile` and read every changed `.stderr` before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
