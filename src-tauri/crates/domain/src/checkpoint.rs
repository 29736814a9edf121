//! The station's signing key and the journal's signed checkpoints, as facts of the
//! journal (design.md, "The journal is the truth": checkpoints at the opening of the
//! polls, after every 2-hourly turnout report and at the close).
//!
//! The station key is an Ed25519 key the station made at setup; its public half is
//! journaled once ([`crate::Event::StationKeyRegistered`]) so that anyone replaying the
//! journal — the district commission verifying a bundle — can check every checkpoint
//! with the key the district registered, and sees at once if the journal names another.
//! A checkpoint ([`crate::Event::CheckpointSigned`]) is the journal's size and head
//! hash *before* the checkpoint entry, signed by that key; its short fingerprint (four
//! groups of four hex digits of the head) goes into the commission's paper minutes.
//!
//! What is signed, and the check of the signature, are the bundle crate's (it owns the
//! signature formats); the domain keeps only what can be checked without cryptography:
//! the key's shape, that it is never replaced, and that a checkpoint names the journal's
//! current size.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::DomainError;
use crate::event::Event;
use crate::state::DayState;

/// The only algorithm of station keys.
pub const STATION_KEY_ALGORITHM: &str = "ed25519";

/// The station's public key as journaled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StationKey {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// `ed25519`.
    pub algorithm: String,
    /// The 32 raw bytes, as 64 lowercase hex digits.
    pub public_key: String,
}

impl StationKey {
    /// SHA-256 of the raw public key, 64 hex digits: the key's id in signatures and in
    /// the district's registry.
    pub fn key_id(&self) -> String {
        key_id(&crate::lot::unhex(&self.public_key).unwrap_or_default())
    }

    /// The first 16 hex digits of [`StationKey::key_id`] in four groups, read aloud at
    /// the key ceremony.
    pub fn fingerprint(&self) -> String {
        key_fingerprint(&crate::lot::unhex(&self.public_key).unwrap_or_default())
    }
}

/// SHA-256 of a raw public key, as 64 lowercase hex digits.
pub fn key_id(public_key: &[u8]) -> String {
    crate::lot::hex(&Sha256::digest(public_key))
}

/// The first 16 hex digits of the key's SHA-256 in four groups of four.
pub fn key_fingerprint(public_key: &[u8]) -> String {
    crate::chain::short_fingerprint(&Sha256::digest(public_key))
}

/// A signed checkpoint as journaled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Checkpoint {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Entries in the journal before this checkpoint.
    #[ts(type = "number")]
    pub count: u64,
    /// The hash of entry `count` (64 hex digits; zeros for an empty journal).
    pub head: String,
    /// The station key's Ed25519 signature (128 hex digits) over the checkpoint message
    /// (`bundle::checkpoint_message`).
    pub signature: String,
}

impl Checkpoint {
    /// The short form for the paper minutes (`chain::short_fingerprint` of the head).
    pub fn fingerprint(&self) -> String {
        crate::chain::short_fingerprint(&crate::lot::unhex(&self.head).unwrap_or_default())
    }
}

/// The key and the checkpoints, in the state of the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysState {
    pub station_key: Option<StationKey>,
    pub checkpoints: Vec<Checkpoint>,
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

fn is_hex(text: &str, bytes: usize) -> bool {
    text.len() == bytes * 2 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The station's public key, journaled once; a different key later is refused (the
/// district registered the first one).
pub(crate) fn register_station_key(state: &DayState, public_key: &str, now: DateTime<Utc>) -> Result<Vec<Event>, DomainError> {
    if !is_hex(public_key, 32) {
        return Err(refuse("checkpoint.bad-key", "error-checkpoint-bad-key"));
    }
    if let Some(registered) = &state.keys.station_key {
        let code = if registered.public_key == public_key { "checkpoint.key-registered" } else { "checkpoint.key-changed" };
        let message = if registered.public_key == public_key {
            "error-checkpoint-key-registered"
        } else {
            "error-checkpoint-key-changed"
        };
        return Err(refuse(code, message).with("fingerprint", registered.fingerprint()));
    }
    Ok(vec![Event::StationKeyRegistered {
        key: StationKey { at: now, algorithm: STATION_KEY_ALGORITHM.to_owned(), public_key: public_key.to_owned() },
    }])
}

/// A checkpoint of the journal as it is now: it must name the journal's current size
/// (a checkpoint made for another moment is refused) and come after the key.
pub(crate) fn sign_checkpoint(
    state: &DayState,
    count: u64,
    head: &str,
    signature: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Event>, DomainError> {
    if state.keys.station_key.is_none() {
        return Err(refuse("checkpoint.no-key", "error-checkpoint-no-key"));
    }
    if count != state.events_applied {
        return Err(refuse("checkpoint.stale", "error-checkpoint-stale")
            .with("claimed", i64::try_from(count).unwrap_or(i64::MAX))
            .with("events", i64::try_from(state.events_applied).unwrap_or(i64::MAX)));
    }
    if !is_hex(head, 32) || !is_hex(signature, 64) {
        return Err(refuse("checkpoint.malformed", "error-checkpoint-malformed"));
    }
    Ok(vec![Event::CheckpointSigned {
        checkpoint: Checkpoint { at: now, count, head: head.to_owned(), signature: signature.to_owned() },
    }])
}

pub(crate) fn apply(state: &mut DayState, event: &Event) {
    match event {
        Event::StationKeyRegistered { key } => state.keys.station_key = Some(key.clone()),
        Event::CheckpointSigned { checkpoint } => state.keys.checkpoints.push(checkpoint.clone()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        "2025-11-30T02:00:00Z".parse().expect("time")
    }

    fn with_key() -> DayState {
        let events = register_station_key(&DayState::default(), &"ab".repeat(32), at()).expect("registered");
        DayState::replay(&events)
    }

    #[test]
    fn the_station_key_is_journaled_once_and_never_replaced() {
        let state = with_key();
        let key = state.keys.station_key.as_ref().expect("key");
        assert_eq!(key.key_id().len(), 64);
        assert_eq!(key.fingerprint().len(), 19);
        assert_eq!(register_station_key(&state, &"ab".repeat(32), at()).expect_err("again").code, "checkpoint.key-registered");
        assert_eq!(register_station_key(&state, &"cd".repeat(32), at()).expect_err("other").code, "checkpoint.key-changed");
        assert_eq!(register_station_key(&DayState::default(), "abc", at()).expect_err("short").code, "checkpoint.bad-key");
        assert_eq!(
            register_station_key(&DayState::default(), &"AB".repeat(32), at()).expect_err("upper case").code,
            "checkpoint.bad-key"
        );
    }

    #[test]
    fn a_checkpoint_names_the_journal_size_now() {
        let state = with_key();
        let head = "00".repeat(32);
        let signature = "11".repeat(64);
        assert_eq!(
            sign_checkpoint(&DayState::default(), 0, &head, &signature, at()).expect_err("no key").code,
            "checkpoint.no-key"
        );
        assert_eq!(sign_checkpoint(&state, 0, &head, &signature, at()).expect_err("stale").code, "checkpoint.stale");
        assert_eq!(sign_checkpoint(&state, 1, "zz", &signature, at()).expect_err("head").code, "checkpoint.malformed");
        let events = sign_checkpoint(&state, 1, &head, &signature, at()).expect("signed");
        let state = events.iter().fold(state, |state, event| crate::apply(state, event));
        assert_eq!(state.keys.checkpoints.len(), 1);
        assert_eq!(state.keys.checkpoints[0].fingerprint(), "0000 0000 0000 0000");
    }
}
