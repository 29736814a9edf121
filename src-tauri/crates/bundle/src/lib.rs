//! The signed protocol bundle a polling station hands its district commission, and its
//! verification (design.md, "The bundle"; issue 7; `docs/bundle-format.md` is the
//! format's reference).
//!
//! Owns: station and member keys as the bundle names them ([`PublicKey`], [`Signer`],
//! [`Ed25519Signer`]), DSSE envelopes ([`dsse`]), the district's key registry
//! ([`Registry`]), the manifest ([`Manifest`]), the journal as a bundle carries it
//! ([`journal`]), the message a journal checkpoint signs ([`checkpoint_message`]), making
//! a bundle ([`write_bundle`]), reading and verifying one ([`read_and_verify`]: the
//! registered key only, every file's hash, the allowlist of entries, the canonical zip,
//! the journal's chain and checkpoints, the replay through `domain` recomputing the
//! protocol, the control relations), and the signed results printed as QR codes
//! ([`paper`]); and rebuilding a journal as its key holder can ([`resign`]: training
//! exercises, tests, benchmarks).
//!
//! Must never: trust a key the bundle carries (only keys of the [`Registry`]); extract
//! anything from an untrusted zip to disk (everything is read from memory, entry sizes,
//! counts and ratios capped before reading — [`Limits`]); inflate a compressed entry
//! (bundles are stored, so a zip bomb is refused before any byte is expanded); panic or
//! `unwrap` on anything read from a bundle, a registry or a QR code; decide a rule of
//! the day (that is `domain`'s, through the replay); touch the station's database (the
//! api gathers what goes into a bundle and writes the bytes to disk).
//!
//! # API for the district commission's side
//!
//! ```text
//! let registry = Registry::open(&registry_file, Some(&dec_fingerprint), &Limits::default())?;
//! let verified = read_and_verify(&bundle_bytes, &registry, &VerifyOptions { min_sequence: Some(last_taken + 1), ..Default::default() })?;
//! verified.results        // StationResults of the signed protocol, recomputed by replay
//! verified.manifest       // election, station, sequence, created_at, files
//! verified.checkpoints    // each signed checkpoint: fingerprint for the paper minutes
//! verified.signers        // the station key and co-signers, each once
//! verified.state          // the replayed DayState (acts, AEU figures, …)
//! verified.file("documents/protocol.pdf")
//! ```
//! Every refusal is a [`BundleError`] with `code()`, `message_id()` and `args()`.

mod container;
pub mod dsse;
mod error;
pub mod journal;
mod json;
pub mod keys;
mod limits;
pub mod manifest;
pub mod paper;
pub mod registry;
pub mod resign;
mod verify;
mod write;

pub use error::BundleError;
pub use journal::JournalLine;
pub use keys::{Algorithm, Ed25519Signer, PublicKey, Signer};
pub use limits::Limits;
pub use manifest::Manifest;
pub use registry::{CoSigner, RegisteredStation, Registry};
pub use verify::{
    CheckpointInfo, SignerInfo, SignerRole, VerifiedBundle, VerifyOptions, checkpoint_body, checkpoint_message,
    claimed_station, read_and_verify, read_and_verify_for_summary,
};
pub use write::{BundleContents, write_bundle};
