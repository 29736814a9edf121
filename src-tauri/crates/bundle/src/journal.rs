//! `journal.jsonl`: the station's complete journal, one entry a line, in `seq` order:
//!
//! ```text
//! {"seq":1,"at":"2025-11-30T00:45:00Z","kind":"election-loaded","payload":"{\"type\":…}","prev_hash":"00…00","hash":"5e…"}
//! ```
//!
//! `payload` is the exact JSON text the station's journal stored and hashed, carried as a
//! JSON string so that not a byte of it changes; `prev_hash` and `hash` are 64 lowercase
//! hex digits; every line ends with `\n`. The chain is the store's
//! ([`domain::chain::entry_hash`]); [`verify_chain`] recomputes every hash, checks the
//! numbering and that each entry's `kind` and `at` agree with its event, and returns the
//! events to replay.

use domain::Event;
use domain::chain::{ChainHead, entry_hash, format_at};
use serde::{Deserialize, Serialize};

use crate::error::BundleError;

/// One entry of the journal as the bundle carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalLine {
    pub seq: u64,
    pub at: String,
    pub kind: String,
    /// The stored event JSON, byte for byte.
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

impl JournalLine {
    /// A line for a stored entry, as the store holds it.
    pub fn new(seq: u64, at: &str, kind: &str, payload: &str, prev_hash: &[u8; 32], hash: &[u8; 32]) -> JournalLine {
        JournalLine {
            seq,
            at: at.to_owned(),
            kind: kind.to_owned(),
            payload: payload.to_owned(),
            prev_hash: hex::encode(prev_hash),
            hash: hex::encode(hash),
        }
    }
}

/// The file's bytes for these lines.
pub fn encode(lines: &[JournalLine]) -> Result<Vec<u8>, BundleError> {
    let mut out = Vec::new();
    for line in lines {
        serde_json::to_writer(&mut out, line).map_err(|error| BundleError::Write { detail: error.to_string() })?;
        out.push(b'\n');
    }
    Ok(out)
}

/// An entry whose hash verified, with its event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEvent {
    pub seq: u64,
    /// The hash of the entry before (the genesis hash for entry 1).
    pub prev_hash: [u8; 32],
    pub hash: [u8; 32],
    pub event: Event,
}

fn hash_of(text: &str) -> Option<[u8; 32]> {
    let canonical = text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    hex::decode(text).ok().filter(|_| canonical)?.try_into().ok()
}

/// Checks the journal's lines (each at most `max_line` bytes, JSON no deeper than
/// `max_depth`) and its chain; returns the events in order and the head.
pub fn verify_chain(bytes: &[u8], max_line: u64, max_depth: u64) -> Result<(Vec<ChainedEvent>, ChainHead), BundleError> {
    if bytes.is_empty() {
        return Err(BundleError::JournalEmpty);
    }
    let Some(body) = bytes.strip_suffix(b"\n") else {
        let line = bytes.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        return Err(BundleError::JournalInvalid { line, detail: "the last line does not end with a line feed".into() });
    };
    let mut lines = Vec::new();
    for (index, raw) in body.split(|b| *b == b'\n').enumerate() {
        let number = index as u64 + 1;
        if raw.len() as u64 > max_line {
            return Err(BundleError::JournalInvalid { line: number, detail: format!("longer than {max_line} bytes") });
        }
        if !crate::json::depth_within(raw, max_depth) {
            return Err(BundleError::JournalInvalid { line: number, detail: format!("nested deeper than {max_depth}") });
        }
        let line: JournalLine = serde_json::from_slice(raw)
            .map_err(|error| BundleError::JournalInvalid { line: number, detail: error.to_string() })?;
        lines.push(line);
    }
    let mut head = ChainHead::GENESIS;
    let mut events = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let expected = head.count + 1;
        if line.seq != expected {
            // A later line holds the entry that should be here: moved; nowhere: deleted.
            let moved = lines[index + 1..].iter().any(|later| later.seq == expected);
            return Err(if moved { BundleError::JournalReordered { seq: expected } } else { BundleError::JournalGap { seq: expected } });
        }
        let broken = BundleError::ChainBroken { seq: expected };
        let prev_hash = hash_of(&line.prev_hash).ok_or_else(|| broken.clone())?;
        let hash = hash_of(&line.hash).ok_or_else(|| broken.clone())?;
        if prev_hash != head.hash || hash != entry_hash(&head.hash, expected, line.kind.as_bytes(), line.payload.as_bytes()) {
            return Err(broken);
        }
        // The hash is right: the entry is what the station wrote, unless its build knew
        // events this one does not.
        let event: Event = serde_json::from_str(&line.payload)
            .map_err(|error| BundleError::EventUnreadable { seq: expected, detail: error.to_string() })?;
        if line.kind != event.kind() || line.at != format_at(event.at()) {
            return Err(BundleError::EventMismatch { seq: expected });
        }
        events.push(ChainedEvent { seq: expected, prev_hash: head.hash, hash, event });
        head = ChainHead { count: expected, hash };
    }
    Ok((events, head))
}
