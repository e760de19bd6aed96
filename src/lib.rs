//! `declarest-suite` is the workspace's root package. It publishes nothing: it exists to hold
//! the workspace-level tests (`tests/`), examples (`examples/`) and benchmarks (`benches/`) of
//! `declarest` and `customvision-training`.
