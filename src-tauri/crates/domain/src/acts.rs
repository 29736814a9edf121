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
}

impl ActKind {
    /// The kebab-case name used in message ids (`act-kind-<name>`).
    pub fn name(&self) -> &'static str {
        match self {
            ActKind::IdentificationFailure { .. } => "identification-failure",
        }
    }

    /// The clause the act is drawn up under.
    pub fn clause(&self) -> &'static str {
        match self {
            ActKind::IdentificationFailure { .. } => "§37",
        }
    }

    /// How many copies are printed.
    pub fn copies(&self) -> u16 {
        match self {
            ActKind::IdentificationFailure { .. } => 2,
        }
    }
}

/// The number the next act gets.
pub fn next_number(acts: &[Act]) -> u32 {
    u32::try_from(acts.len()).unwrap_or(u32::MAX - 1) + 1
}
