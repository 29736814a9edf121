//! The opening meeting's records: the safe (§33), the sealed boxes with their control
//! sheets (§34, §25), the ballots received, recounted and issued to members (§35–36), and
//! at a remote-voting station the paper stock and printer counter instead.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::attendance::PresentPerson;

/// At most this many portable boxes (§23).
pub const MAX_PORTABLE_BOXES: usize = 3;

/// Ballots go to members in batches of at most this many, against signatures (§36).
pub const BALLOT_BATCH: u32 = 100;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SafeOpening {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Voters in the paper list, as counted.
    pub voters_paper: u32,
    /// Voters in the electronic list, as the device shows.
    pub voters_electronic: u32,
    /// Why the two differ; required when they do.
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum BoxKind {
    Stationary,
    /// An automatic counting urn (АЭУ).
    Aeu,
    /// For out-of-premises voting (§23, §25).
    Portable,
}

/// What the control sheet put inside a box says (§34, §25).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ControlSheet {
    pub station_number: String,
    pub chair: String,
    /// Local time the sheet was put in, `HH:MM`.
    pub time: String,
    pub present: Vec<PresentPerson>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SealedBox {
    pub box_id: String,
    pub kind: BoxKind,
    pub seals: Vec<String>,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub control_sheet: ControlSheet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BallotsReceived {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// As announced by the chair from the higher commission's papers (§35).
    pub announced: u32,
    /// As recounted aloud by the members; this figure goes to the protocol.
    pub recounted: u32,
    /// Of those, given for out-of-premises voting.
    pub for_out_of_premises: u32,
    /// Why the recount differs from the announcement; required when it does.
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BallotBatch {
    pub member_id: String,
    pub count: u32,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// A remote-voting station prints ballots on demand: it records its paper and the
/// printer's counter instead of a stock of ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaperStock {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub sheets: u32,
    pub printer_counter: u64,
}

/// The ballot ledger of the opening meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotLedger {
    pub received: Option<BallotsReceived>,
    pub batches: Vec<BallotBatch>,
    pub issue_finished_at: Option<DateTime<Utc>>,
    pub paper_stock: Option<PaperStock>,
}

impl BallotLedger {
    pub fn issued(&self) -> u32 {
        self.batches.iter().map(|b| b.count).sum()
    }

    /// Ballots still with the chair, for the voting room.
    pub fn undistributed(&self) -> u32 {
        self.received
            .as_ref()
            .map(|r| r.recounted.saturating_sub(r.for_out_of_premises).saturating_sub(self.issued()))
            .unwrap_or(0)
    }
}
