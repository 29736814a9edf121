//! Spoiled ballots: the new ballot of a regular station (§45) and the duplicate printed
//! at a remote-voting station under the chair's smart card (R4.4), with the registration
//! of that card at the station's set-up.
//!
//! A duplicate is the one privileged act of the day. The api scans the spoiled ballot's
//! QR code (its MAC, station and serial are the api's to check: the ballot key never
//! reaches the domain), the chair enters the PIN and the card signs
//! [`signed_message`]: the action, the spoiled ballot's serial, its district, the
//! reason, the station, the election, a fresh nonce and the journal head at that
//! moment. [`check_authorisation`] is run by `decide` and again by `apply` on every
//! replay: the signature must verify with the registered key, the nonce must be new, the
//! head must be the head at the time, and the spoiled ballot must not have had a
//! duplicate before — so at most one duplicate per spoiled ballot, and a signature is
//! good for one act at one moment only.
//!
//! Secrecy (R1.4): the spoiled ballot's serial is journaled (the ballot is cancelled on
//! the spot, its corners cut) but never beside a voter: the list of remote participants
//! gets its mark by the member's hand, the journal does not say whose ballot it was. The
//! duplicate's own serial goes only to the serial set, like every printed ballot's.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::acts::{self, Act, ActKind};
use crate::election::{ElectionDefinition, StationKind};
use crate::error::DomainError;
use crate::event::Event;
use crate::lot::{hex, unhex};
use crate::state::DayState;
use crate::voting;

type Decision = Result<Vec<Event>, DomainError>;

/// What the chair's card signs for a duplicate; part of the signed bytes.
pub const DUPLICATE_ACTION: &str = "print-duplicate-ballot";
/// Prefixes the signed bytes, so that a signature for anything else never verifies here.
pub const SIGNING_CONTEXT: &str = "uchastok-act-signature-1";
/// Bytes of the nonce the api draws for each signature.
pub const NONCE_BYTES: usize = 32;
/// The longest reason an act records.
pub const MAX_REASON_CHARS: usize = 200;

/// The chair's card as registered at the station's set-up (R4.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChairCard {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// The raw 32-byte Ed25519 public key, hex.
    pub public_key: String,
    /// SHA-256 of the raw key, hex (64 digits); the first 16, grouped by four, are read
    /// aloud and written into the minutes.
    pub fingerprint: String,
}

/// A duplicate's authorisation as signed by the chair's card and journaled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateAuthorisation {
    /// The spoiled ballot's serial (16 hex digits), from its QR code.
    pub spoiled_serial: String,
    /// The contest (district) of the spoiled ballot: the duplicate is of the same one.
    pub district: String,
    /// Why the voter asked, as the act records it.
    pub reason: String,
    /// Drawn by the api for this signature only (hex, [`NONCE_BYTES`] bytes).
    pub nonce: String,
    /// The journal head when the chair signed (hex).
    pub journal_head: String,
    /// The fingerprint of the key that signed (hex).
    pub card: String,
    /// The Ed25519 signature over [`signed_message`] (hex, 64 bytes).
    pub signature: String,
}

/// A spoiled ballot with its duplicate, by the spoiled ballot's serial.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateRecord {
    pub district: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// The number of the act drawn up with it.
    pub act: u32,
    pub printed: bool,
    /// The signature, nonce and head passed the checks when the journal was replayed.
    /// False only for a journal written around the rules: shown as a discrepancy.
    pub verified: bool,
    pub authorisation: DuplicateAuthorisation,
}

/// Spoiled ballots of the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoilsState {
    pub chair_card: Option<ChairCard>,
    /// Remote station: duplicates by the spoiled ballot's serial.
    pub duplicates: BTreeMap<String, DuplicateRecord>,
    /// Every nonce a journaled signature carried.
    pub nonces: BTreeSet<String>,
    /// Regular station: spoiled ballots returned and replaced (§45); they go to the
    /// cancelled ballots at the count (§52).
    pub spoiled_returned: u32,
}

impl SpoilsState {
    pub fn duplicates_in(&self, district: &str) -> u32 {
        u32::try_from(self.duplicates.values().filter(|d| d.district == district).count()).unwrap_or(u32::MAX)
    }

    pub fn duplicates_printed_in(&self, district: &str) -> u32 {
        let count = self.duplicates.values().filter(|d| d.district == district && d.printed).count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Spoiled ballots cancelled at a remote station: one per duplicate authorised.
    pub fn spoiled_cancelled(&self) -> u32 {
        u32::try_from(self.duplicates.len()).unwrap_or(u32::MAX)
    }

    /// Acts of duplicates whose signature did not pass on replay.
    pub fn unverified_acts(&self) -> Vec<u32> {
        self.duplicates.values().filter(|d| !d.verified).map(|d| d.act).collect()
    }
}

/// Where every ballot printed at a remote station went: a printed ballot is either with
/// a voter (to be cast) or spoiled and cancelled; nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BallotAccount {
    /// Ballots printed for voters and duplicates printed.
    pub printed: u32,
    /// Printed and not spoiled: may end in the urn.
    pub cast_eligible: u32,
    /// Spoiled and brought back (each one got its duplicate).
    pub spoiled: u32,
    /// Cancelled on the spot: the spoiled ones (R4.4).
    pub cancelled: u32,
}

/// The account of a remote station's printed ballots, all districts together.
pub fn account(state: &DayState) -> BallotAccount {
    let originals: u32 = state.identification.ballots_printed.values().sum();
    let duplicates = state.spoils.duplicates.values().filter(|d| d.printed).count();
    let printed = originals.saturating_add(u32::try_from(duplicates).unwrap_or(u32::MAX));
    let spoiled = state.spoils.spoiled_cancelled();
    BallotAccount { printed, cast_eligible: printed.saturating_sub(spoiled), spoiled, cancelled: spoiled }
}

/// Regular station: ballots the members received (§36) and still hold, after those
/// handed to voters (§41) and those given in place of a spoiled one (§45).
pub fn ballots_with_members(state: &DayState) -> u32 {
    state
        .ballots
        .issued()
        .saturating_sub(state.identification.ballots_issued)
        .saturating_sub(state.spoils.spoiled_returned)
}

/// SHA-256 of a raw public key, hex: the registration fingerprint (the same as the
/// smart card driver's).
pub fn fingerprint(public_key: &[u8]) -> String {
    hex(&Sha256::digest(public_key))
}

/// The first 16 hex digits of a fingerprint in groups of four, to read aloud.
pub fn fingerprint_for_reading(fingerprint: &str) -> String {
    let digits: Vec<char> = fingerprint.chars().take(16).collect();
    digits.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// The exact bytes the chair's card signs for a duplicate: the context, then each field
/// as a 4-byte big-endian length and its UTF-8 bytes (no separator can be forged inside
/// a field): action, spoiled ballot's serial, district, reason, station, election, nonce,
/// journal head.
pub fn signed_message(election: &ElectionDefinition, authorisation: &DuplicateAuthorisation) -> Vec<u8> {
    let fields = [
        DUPLICATE_ACTION,
        authorisation.spoiled_serial.as_str(),
        authorisation.district.as_str(),
        authorisation.reason.as_str(),
        election.station.number.as_str(),
        election.id.as_str(),
        authorisation.nonce.as_str(),
        authorisation.journal_head.as_str(),
    ];
    let mut message = SIGNING_CONTEXT.as_bytes().to_vec();
    for field in fields {
        message.extend_from_slice(&u32::try_from(field.len()).unwrap_or(u32::MAX).to_be_bytes());
        message.extend_from_slice(field.as_bytes());
    }
    message
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

fn bytes<const N: usize>(text: &str) -> Option<[u8; N]> {
    unhex(text).and_then(|bytes| <[u8; N]>::try_from(bytes).ok())
}

/// A valid Ed25519 public key from its hex.
fn verifying_key(public_key: &str) -> Option<VerifyingKey> {
    bytes::<32>(public_key).and_then(|raw| VerifyingKey::from_bytes(&raw).ok())
}

/// R4.4: registering the chair's card is part of setting up a remote-voting station;
/// once, before the polls open.
pub(crate) fn register_card(
    election: &ElectionDefinition,
    state: &DayState,
    public_key: &str,
    now: DateTime<Utc>,
) -> Decision {
    if election.station.kind != StationKind::RemoteVoting {
        return Err(refuse("card.not-needed", "error-card-not-needed"));
    }
    if state.spoils.chair_card.is_some() {
        return Err(refuse("card.already-registered", "error-card-already-registered"));
    }
    if state.polls_opened_at.is_some() {
        return Err(refuse("card.too-late", "error-card-too-late"));
    }
    let public_key = public_key.trim().to_ascii_lowercase();
    if verifying_key(&public_key).is_none() {
        return Err(refuse("card.bad-key", "error-card-bad-key"));
    }
    let raw = unhex(&public_key).unwrap_or_default();
    Ok(vec![Event::ChairCardRegistered { at: now, fingerprint: fingerprint(&raw), public_key }])
}

/// Everything the signature and the journal decide about a duplicate, checked by
/// `decide` and again on every replay (`apply`), in this order: a registered card, its
/// key, a new nonce, the head at the time, the signature over the message, a spoiled
/// ballot of a district that had ballots printed and no duplicate yet.
pub fn check_authorisation(
    election: &ElectionDefinition,
    state: &DayState,
    authorisation: &DuplicateAuthorisation,
) -> Result<(), DomainError> {
    let card = state.spoils.chair_card.as_ref().ok_or_else(|| refuse("duplicate.no-card", "error-duplicate-no-card"))?;
    if authorisation.card != card.fingerprint {
        return Err(refuse("duplicate.other-card", "error-duplicate-other-card")
            .with("fingerprint", fingerprint_for_reading(&card.fingerprint)));
    }
    if state.spoils.nonces.contains(&authorisation.nonce) {
        return Err(refuse("duplicate.replayed", "error-duplicate-replayed"));
    }
    if bytes::<NONCE_BYTES>(&authorisation.nonce).is_none() {
        return Err(refuse("duplicate.bad-signature", "error-duplicate-bad-signature"));
    }
    if authorisation.journal_head != crate::lot::hex(&state.journal_head) {
        return Err(refuse("duplicate.stale-signature", "error-duplicate-stale-signature"));
    }
    let key = verifying_key(&card.public_key).ok_or_else(|| refuse("card.bad-key", "error-card-bad-key"))?;
    let signature = bytes::<64>(&authorisation.signature).map(|raw| Signature::from_bytes(&raw));
    let signed = signature
        .is_some_and(|signature| key.verify_strict(&signed_message(election, authorisation), &signature).is_ok());
    if !signed {
        return Err(refuse("duplicate.bad-signature", "error-duplicate-bad-signature"));
    }
    if state.spoils.duplicates.contains_key(&authorisation.spoiled_serial) {
        return Err(refuse("duplicate.already-printed", "error-duplicate-already-printed"));
    }
    let district = &authorisation.district;
    let printed = state.identification.printed_in(district);
    if !election.contests.iter().any(|c| &c.id == district) || state.spoils.duplicates_in(district) >= printed {
        return Err(refuse("duplicate.no-such-ballot", "error-duplicate-no-such-ballot").with("district", district.clone()));
    }
    let reason = authorisation.reason.trim();
    if reason.is_empty() || reason != authorisation.reason || reason.chars().count() > MAX_REASON_CHARS {
        return Err(refuse("duplicate.reason-required", "error-duplicate-reason-required")
            .with("max", MAX_REASON_CHARS));
    }
    Ok(())
}

/// R4.4: the chair authorises a duplicate with the card; the act is drawn up with it.
pub(crate) fn authorise_duplicate(
    election: &ElectionDefinition,
    state: &DayState,
    authorisation: &DuplicateAuthorisation,
    now: DateTime<Utc>,
) -> Decision {
    if election.station.kind != StationKind::RemoteVoting {
        return Err(refuse("duplicate.only-remote", "error-duplicate-only-remote"));
    }
    voting::voting_open(election, state, now)?;
    check_authorisation(election, state, authorisation)?;
    let act = Act {
        number: acts::next_number(&state.acts),
        at: now,
        kind: ActKind::DuplicateBallot {
            spoiled_serial: authorisation.spoiled_serial.clone(),
            district: authorisation.district.clone(),
            reason: authorisation.reason.clone(),
        },
    };
    // The authorisation first: on replay it must meet the head it was signed over.
    Ok(vec![Event::DuplicateAuthorised { at: now, authorisation: authorisation.clone() }, Event::ActDrawnUp { act }])
}

/// The duplicate of an authorised spoiled ballot came out of the printer (once).
pub(crate) fn duplicate_printed(state: &DayState, spoiled_serial: &str, now: DateTime<Utc>) -> Decision {
    match state.spoils.duplicates.get(spoiled_serial) {
        None => Err(refuse("duplicate.not-authorised", "error-duplicate-not-authorised")),
        Some(record) if record.printed => Err(refuse("duplicate.already-printed", "error-duplicate-already-printed")),
        Some(record) => {
            Ok(vec![Event::DuplicatePrinted { at: now, spoiled_serial: spoiled_serial.to_owned(), district: record.district.clone() }])
        }
    }
}

/// §45: the member who issued the ballot takes the spoiled one back, marks the list and
/// gives a new ballot from their batch; the spoiled one is cancelled and an act drawn up.
pub(crate) fn spoil_regular(
    election: &ElectionDefinition,
    state: &DayState,
    member_id: &str,
    now: DateTime<Utc>,
) -> Decision {
    if election.station.kind == StationKind::RemoteVoting {
        return Err(refuse("spoiled.remote-duplicates", "error-spoiled-remote-duplicates"));
    }
    voting::voting_open(election, state, now)?;
    if !state.ballots.batches.iter().any(|b| b.member_id == member_id) {
        return Err(refuse("spoiled.member-has-no-ballots", "error-spoiled-member-has-no-ballots").with("member", member_id));
    }
    if state.identification.ballots_issued == 0 {
        return Err(refuse("spoiled.no-ballot-issued", "error-spoiled-no-ballot-issued"));
    }
    if ballots_with_members(state) == 0 {
        return Err(refuse("ballot.members-have-none", "error-ballot-members-have-none")
            .with("issued", i64::from(state.ballots.issued())));
    }
    let act = Act {
        number: acts::next_number(&state.acts),
        at: now,
        kind: ActKind::SpoiledBallot { member_id: member_id.to_owned() },
    };
    Ok(vec![Event::BallotSpoiled { at: now, member_id: member_id.to_owned() }, Event::ActDrawnUp { act }])
}

/// Folds a duplicate's authorisation, checking it again: a journal written around the
/// rules keeps its fact, marked unverified.
pub(crate) fn on_duplicate_authorised(
    state: &mut DayState,
    at: DateTime<Utc>,
    authorisation: &DuplicateAuthorisation,
) {
    let verified = state
        .election
        .as_ref()
        .is_some_and(|election| check_authorisation(election, state, authorisation).is_ok());
    state.spoils.nonces.insert(authorisation.nonce.clone());
    let act = acts::next_number(&state.acts);
    state.spoils.duplicates.entry(authorisation.spoiled_serial.clone()).or_insert(DuplicateRecord {
        district: authorisation.district.clone(),
        at,
        act,
        printed: false,
        verified,
        authorisation: authorisation.clone(),
    });
}
