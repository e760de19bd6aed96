//! Test support shared by the workspace-level test files, each of which includes it with
//! `mod support;`. Each file uses only part of it, hence the `dead_code` and `unused_imports` allowances.
#![allow(dead_code, unused_imports)]

pub mod fault_server;
pub mod recording_server;

pub use recording_server::{CannedResponse, RecordedRequest, RecordingServer};
