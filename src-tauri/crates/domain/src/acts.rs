//! Acts: the signed records of events of the day (a voter the device could not
//! identify, a spoiled ballot, a duplicate, a failed AEU, …). Every act is numbered per
//! station in the order it was drawn up and listed in the register of acts that the
//! protocol and the bundle carry. What each act says is in its [`ActKind`]; who signs it
//! follows from the clause and the attendance register, when it is printed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One act, as the journal records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Act {
    /// Number within the station, from 1, without gaps.
    pub number: u32,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub kind: ActKind,
}

/// What an act records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ActKind {
    /// The device could not identify a listed voter; the voter does not vote (§37). Two
    /// copies: the member, the operator and the voter sign; one copy to the voter.
    IdentificationFailure {
        /// The voter's key (keyed hash), never the personal number.
        voter: String,
        fingerprint_attempts: u8,
        face_tried: bool,
    },
    /// The unused ballots recounted, cancelled and handed to the chair (§52).
    UnusedBallotsCancelled { unused: u32, spoiled_returned: u32, cancelled: u32 },
    /// The ballots issued: signatures in the list against the receipts (§53).
    BallotsIssued { signatures: u32, receipts: u32 },
    /// A portable box held more ballots than voters served: all of them invalid (§54).
    PortableBoxInvalidated { box_id: String, served: u32, found: u32, members: Vec<String> },
    /// The AEU's preliminary protocol taken and announced (§56).
    AeuPreliminary { processed: u64 },
    /// An error found after the protocol was signed; a new protocol follows (§66).
    ProtocolCorrection { protocol: u32, reason: String },
    /// A regular station's voter spoiled a ballot: the member who issued it marked the
    /// list and gave a new one; the spoiled one is cancelled (§45).
    SpoiledBallot { member_id: String },
    /// A remote station's duplicate, printed under the chair's card, and the
    /// cancellation of the spoiled ballot by cutting off its two corner codes (R4.4).
    /// The voter is not named: nothing links them to the spoiled ballot.
    DuplicateBallot { spoiled_serial: String, district: String, reason: String },
    /// The urn in use failed; voting goes on with the reserve one (§48).
    ReserveAeu { failed: String, reserve: String },
    /// No urn works; voting goes on with the stationary transparent box (§48).
    TransparentBox { failed: Vec<String>, box_id: String },
    /// The commission's written decision to remove a person who obstructs the work
    /// (§17), by their number in the attendance register.
    Removal { person: u32, reason: String },
}

impl ActKind {
    /// The kebab-case name used in message ids (`act-kind-<name>`).
    pub fn name(&self) -> &'static str {
        match self {
            ActKind::IdentificationFailure { .. } => "identification-failure",
            ActKind::UnusedBallotsCancelled { .. } => "unused-ballots-cancelled",
            ActKind::BallotsIssued { .. } => "ballots-issued",
            ActKind::PortableBoxInvalidated { .. } => "portable-box-invalidated",
            ActKind::AeuPreliminary { .. } => "aeu-preliminary",
            ActKind::ProtocolCorrection { .. } => "correction-of-protocol",
            ActKind::SpoiledBallot { .. } => "spoiled-ballot",
            ActKind::DuplicateBallot { .. } => "duplicate-ballot",
            ActKind::ReserveAeu { .. } => "reserve-aeu",
            ActKind::TransparentBox { .. } => "transparent-box",
            ActKind::Removal { .. } => "removal",
        }
    }

    /// The clause the act is drawn up under.
    pub fn clause(&self) -> &'static str {
        match self {
            ActKind::IdentificationFailure { .. } => "§37",
            ActKind::UnusedBallotsCancelled { .. } => "§52",
            ActKind::BallotsIssued { .. } => "§53",
            ActKind::PortableBoxInvalidated { .. } => "§54",
            ActKind::AeuPreliminary { .. } => "§56",
            ActKind::ProtocolCorrection { .. } => "§66",
            ActKind::SpoiledBallot { .. } => "§45",
            ActKind::DuplicateBallot { .. } => "R4.4",
            ActKind::ReserveAeu { .. } | ActKind::TransparentBox { .. } => "§48",
            ActKind::Removal { .. } => "§17",
        }
    }

    /// How many copies are printed.
    pub fn copies(&self) -> u16 {
        match self {
            ActKind::IdentificationFailure { .. } => 2,
            _ => 1,
        }
    }
}

/// The number the next act gets.
pub fn next_number(acts: &[Act]) -> u32 {
    u32::try_from(acts.len()).unwrap_or(u32::MAX - 1) + 1
}
