//! The journal's hash chain as pure arithmetic: the formula of an entry's hash, the text
//! of its `at`, the head (count + last hash) and the short fingerprint of a head that the
//! commission writes into its paper minutes.
//!
//! Shared by the station's store (which writes and checks the SQLite journal) and the
//! bundle (whose verifier recomputes the chain of a journal carried in a zip), so that
//! both hash the same bytes the same way. The formula is documented in `store`'s crate
//! doc ("The hash chain"):
//! `hash = SHA-256(prev_hash ‖ seq as 8 bytes big-endian ‖ kind ‖ payload)`.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use crate::event::Event;

/// The `prev_hash` of entry 1.
pub const GENESIS_HASH: [u8; 32] = [0; 32];

/// The hash of one entry:
/// `SHA-256(prev_hash ‖ seq as 8 bytes big-endian ‖ kind ‖ payload)`, plain byte
/// concatenation without separators or lengths (a kind is `[a-z0-9-]+`, a payload
/// starts with `{`, so the split is unambiguous).
pub fn entry_hash(prev_hash: &[u8; 32], seq: u64, kind: &[u8], payload: &[u8]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(seq.to_be_bytes());
    hasher.update(kind);
    hasher.update(payload);
    hasher.finalize().into()
}

/// The hash of entry `seq` holding `event`, after `previous`, with the payload as
/// `serde_json` writes the event — what the store computes when it appends it.
///
/// Why the domain folds the head itself: a privileged act (a duplicate ballot, R4.4) is
/// signed by the chair's card over the head at the moment it is decided, so that a
/// signature made for another moment — or another journal — is refused. `decide` and
/// `apply` are pure and see only the state, so the state carries the head; a replay (at
/// every start, and by the district commission) recomputes it from the events alone.
pub fn event_hash(previous: &[u8; 32], seq: u64, event: &Event) -> [u8; 32] {
    // Serializing an event of our own types cannot fail (no maps with non-string keys,
    // no floats); an empty payload would only make the head differ from the store's.
    let payload = serde_json::to_string(event).unwrap_or_default();
    entry_hash(previous, seq, event.kind().as_bytes(), payload.as_bytes())
}

/// The text of an entry's `at`: RFC 3339, UTC, `Z`, as many fractional digits as needed.
pub fn format_at(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Where the chain ends: how many entries it has and the hash of the last one
/// ([`GENESIS_HASH`] for an empty journal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChainHead {
    pub count: u64,
    pub hash: [u8; 32],
}

impl ChainHead {
    pub const GENESIS: ChainHead = ChainHead { count: 0, hash: GENESIS_HASH };

    /// The head hash as 64 lowercase hex digits.
    pub fn hex(&self) -> String {
        crate::lot::hex(&self.hash)
    }

    /// The short form for the paper minutes: the first 16 hex digits of the hash in
    /// four groups of four (`3f2a 91c0 77de 0b14`), see [`short_fingerprint`].
    pub fn fingerprint(&self) -> String {
        short_fingerprint(&self.hash)
    }

    /// The next head after appending an entry of `kind` and `payload`.
    pub fn next(&self, kind: &[u8], payload: &[u8]) -> ChainHead {
        let count = self.count + 1;
        ChainHead { count, hash: entry_hash(&self.hash, count, kind, payload) }
    }
}

impl Default for ChainHead {
    fn default() -> ChainHead {
        ChainHead::GENESIS
    }
}

impl fmt::Display for ChainHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.count, self.hex())
    }
}

/// The first 8 bytes of a hash as 16 lowercase hex digits in four groups of four: short
/// enough to read aloud and write by hand, long enough (64 bits) that nobody can make a
/// second journal with the same fingerprint.
pub fn short_fingerprint(hash: &[u8]) -> String {
    let digits = crate::lot::hex(&hash[..hash.len().min(8)]);
    let groups: Vec<&str> = digits.as_bytes().chunks(4).filter_map(|chunk| std::str::from_utf8(chunk).ok()).collect();
    groups.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formula_is_prev_seq_kind_payload() {
        let mut hasher = Sha256::new();
        hasher.update([0u8; 32]);
        hasher.update(1u64.to_be_bytes());
        hasher.update(b"step-completed{}");
        let expected: [u8; 32] = hasher.finalize().into();
        assert_eq!(entry_hash(&GENESIS_HASH, 1, b"step-completed", b"{}"), expected);
        assert_eq!(ChainHead::GENESIS.next(b"step-completed", b"{}"), ChainHead { count: 1, hash: expected });
    }

    #[test]
    fn the_short_fingerprint_is_four_groups_of_four() {
        let hash: Vec<u8> = (0u8..32).collect();
        assert_eq!(short_fingerprint(&hash), "0001 0203 0405 0607");
        assert_eq!(ChainHead::GENESIS.fingerprint(), "0000 0000 0000 0000");
    }

    #[test]
    fn at_is_rfc3339_utc_with_z() {
        let at: DateTime<Utc> = "2025-11-30T02:00:00Z".parse().expect("time");
        assert_eq!(format_at(at), "2025-11-30T02:00:00Z");
    }
}
