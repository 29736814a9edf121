//! The journal's head as the domain folds it: after each event, the hash of the entry
//! the store writes for it, by the store's own formula
//! `SHA-256(prev_hash ‖ seq as 8 bytes big-endian ‖ kind ‖ payload)` (store's crate doc,
//! "The hash chain"), with the payload as `serde_json` writes the event.
//!
//! Why the domain keeps it: a privileged act (a duplicate ballot, R4.4) is signed by the
//! chair's card over the head at the moment it is decided, so that a signature made for
//! another moment — or another journal — is refused. `decide` and `apply` are pure and
//! see only the state, so the state must carry the head; a replay (at every start, and
//! by the district commission) recomputes it from the events alone.

use sha2::{Digest, Sha256};

use crate::event::Event;

/// The head of an empty journal.
pub const GENESIS: [u8; 32] = [0; 32];

/// The hash of entry `seq` holding `event`, after `previous`.
pub fn next(previous: &[u8; 32], seq: u64, event: &Event) -> [u8; 32] {
    // Serializing an event of our own types cannot fail (no maps with non-string keys,
    // no floats); an empty payload would only make the head differ from the store's.
    let payload = serde_json::to_string(event).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(seq.to_be_bytes());
    hasher.update(event.kind().as_bytes());
    hasher.update(payload.as_bytes());
    hasher.finalize().into()
}

/// Lowercase hex of 32 bytes.
pub fn hex(bytes: &[u8; 32]) -> String {
    crate::lot::hex(bytes)
}
