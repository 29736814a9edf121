//! Helpers shared by the integration tests; each test file uses some of them.

#[allow(dead_code)]
pub mod ballot;
#[allow(dead_code)]
pub mod poppler;
#[allow(dead_code)]
pub mod sample;
