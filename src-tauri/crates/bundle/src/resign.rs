//! Rebuilding a station's journal after its events were edited, and signing it again,
//! as the holder of the station key can: for training exercises (a district
//! commission's folder of bundles with planted discrepancies), tests and benchmarks
//! (thousands of stations from one simulated day).
//!
//! A district cannot tell such a journal from a genuine one: the chain, the checkpoints
//! and the signature are all the key holder's. What tells is outside the bundle — the
//! checkpoint fingerprints written into the commission's paper minutes during the day,
//! which a rebuilt journal no longer matches. That is why the minutes carry them.

use chrono::{DateTime, Utc};
use domain::chain::{entry_hash, format_at};
use domain::{DayState, Event};

use crate::error::BundleError;
use crate::journal::JournalLine;
use crate::keys::Signer;
use crate::verify::checkpoint_message;
use crate::write::{BundleContents, write_bundle};

fn invalid(detail: impl Into<String>) -> BundleError {
    BundleError::Write { detail: detail.into() }
}

/// The journal `lines` with `edit` applied to every event, the station key journaled as
/// `station`'s, every checkpoint signed again with it, and every hash recomputed. The
/// election and the station a checkpoint names are those of the (edited) first event.
pub fn rechain(
    lines: &[JournalLine],
    station: &dyn Signer,
    mut edit: impl FnMut(&mut Event),
) -> Result<Vec<JournalLine>, BundleError> {
    let key = station.public_key();
    let mut names: Option<(String, String)> = None;
    let mut prev_hash = domain::chain::GENESIS_HASH;
    let mut rebuilt = Vec::with_capacity(lines.len());
    for (index, line) in lines.iter().enumerate() {
        let seq = index as u64 + 1;
        let mut event: Event = serde_json::from_str(&line.payload).map_err(|error| invalid(error.to_string()))?;
        edit(&mut event);
        match &mut event {
            Event::ElectionLoaded { definition, .. } => {
                names = Some((definition.id.clone(), definition.station.number.clone()));
            }
            Event::StationKeyRegistered { key: journaled } => {
                journaled.algorithm = domain::checkpoint::STATION_KEY_ALGORITHM.to_owned();
                journaled.public_key = key.public_key.clone();
            }
            Event::CheckpointSigned { checkpoint } => {
                let (election, number) = names.as_ref().ok_or_else(|| invalid("a checkpoint before the election"))?;
                checkpoint.count = seq - 1;
                checkpoint.head = hex::encode(prev_hash);
                let message = checkpoint_message(election, number, checkpoint.count, &prev_hash);
                checkpoint.signature = hex::encode(station.sign(&message)?);
            }
            _ => {}
        }
        let kind = event.kind();
        let payload = serde_json::to_string(&event).map_err(|error| invalid(error.to_string()))?;
        let hash = entry_hash(&prev_hash, seq, kind.as_bytes(), payload.as_bytes());
        rebuilt.push(JournalLine::new(seq, &format_at(event.at()), kind, &payload, &prev_hash, &hash));
        prev_hash = hash;
    }
    Ok(rebuilt)
}

/// A bundle of the rebuilt journal ([`rechain`]) with its results recomputed by the
/// replay, signed by `station` and `co_signers`; no documents.
pub fn bundle_from(
    lines: &[JournalLine],
    station: &dyn Signer,
    co_signers: &[&dyn Signer],
    sequence: u64,
    created_at: DateTime<Utc>,
    edit: impl FnMut(&mut Event),
) -> Result<Vec<u8>, BundleError> {
    let journal = rechain(lines, station, edit)?;
    let mut state = DayState::default();
    for line in &journal {
        let event: Event = serde_json::from_str(&line.payload).map_err(|error| invalid(error.to_string()))?;
        state = domain::apply(state, &event);
    }
    let results = domain::results::compute(&state).map_err(|problem| BundleError::NoResults { reason: format!("{problem:?}") })?;
    write_bundle(&BundleContents { sequence, created_at, results, journal, files: Vec::new() }, station, co_signers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Ed25519Signer;
    use domain::checkpoint::{Checkpoint, StationKey};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("time")
    }

    /// Three entries as a station writes them: the election, its key, a checkpoint.
    fn journal(station: &Ed25519Signer) -> Vec<JournalLine> {
        let definition = domain::election::parse_definition(include_str!("../../../../assets/elections/demo-jk-2025-remote.toml"))
            .expect("demo");
        let events = vec![
            Event::ElectionLoaded { at: at("2025-11-30T00:45:00Z"), definition: Box::new(definition) },
            Event::StationKeyRegistered {
                key: StationKey { at: at("2025-11-30T02:00:00Z"), algorithm: "ed25519".into(), public_key: station.public_key().public_key },
            },
            Event::CheckpointSigned {
                checkpoint: Checkpoint { at: at("2025-11-30T02:00:00Z"), count: 2, head: "00".repeat(32), signature: "00".repeat(64) },
            },
        ];
        let mut prev = domain::chain::GENESIS_HASH;
        events
            .iter()
            .enumerate()
            .map(|(index, event)| {
                let payload = serde_json::to_string(event).expect("json");
                let hash = entry_hash(&prev, index as u64 + 1, event.kind().as_bytes(), payload.as_bytes());
                let line = JournalLine::new(index as u64 + 1, &format_at(event.at()), event.kind(), &payload, &prev, &hash);
                prev = hash;
                line
            })
            .collect()
    }

    #[test]
    fn a_rechained_journal_verifies_and_its_checkpoints_carry_the_new_key() {
        let old = Ed25519Signer::from_seed(&[1; 32]).expect("key");
        let new = Ed25519Signer::from_seed(&[2; 32]).expect("key");
        let lines = rechain(&journal(&old), &new, |event| {
            if let Event::ElectionLoaded { definition, .. } = event {
                definition.station.number = "1001".into();
            }
        })
        .expect("rechained");
        let bytes = crate::journal::encode(&lines).expect("encoded");
        let (events, head) = crate::journal::verify_chain(&bytes, 1 << 20, 64).expect("the chain holds");
        assert_eq!(head.count, 3);
        let Event::StationKeyRegistered { key } = &events[1].event else { panic!("key") };
        assert_eq!(key.public_key, new.public_key().public_key);
        let Event::CheckpointSigned { checkpoint } = &events[2].event else { panic!("checkpoint") };
        assert_eq!(checkpoint.count, 2);
        assert_eq!(checkpoint.head, hex::encode(events[2].prev_hash));
        let message = checkpoint_message("demo-jk-2025", "1001", 2, &events[2].prev_hash);
        let signature = hex::decode(&checkpoint.signature).expect("hex");
        assert!(new.public_key().verifies(&message, &signature));
        assert!(!old.public_key().verifies(&message, &signature));
    }
}
