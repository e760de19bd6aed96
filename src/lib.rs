//! Support for the workspace-level tests and examples.
