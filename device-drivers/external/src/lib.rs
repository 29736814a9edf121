//! Vendor drivers as child processes: the app never links vendor code. A vendor's
//! adapter is a program that speaks JSON lines over its stdin and stdout
//! (docs/external-driver-protocol.md); this crate runs it and offers its devices as
//! `driver-api` devices.
//!
//! Owns: the protocol's wire format ([`wire`]), the host side that spawns and supervises
//! a child ([`ExternalDriver`], [`ExternalDevice`]), a server side for adapters written
//! in Rust over `driver-api` devices ([`server`]), the simulated external driver
//! (`sim-external-driver`, the `sim` devices behind the protocol) and the conformance
//! suite any adapter can be run against ([`conformance`], `driver-conformance`).
//! Must never: link a vendor SDK, panic or hang because of what a child does (malformed
//! lines, silence, a crash all become typed errors and an absent device), or depend on a
//! project crate other than `driver-api`.

pub mod conformance;
mod host;
pub mod server;
pub mod wire;

pub use host::{
    Anomalies, CallError, DriverInfo, ExternalDevice, ExternalDriver, Options, SpawnError,
};
