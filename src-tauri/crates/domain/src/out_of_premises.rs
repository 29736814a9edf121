//! Out-of-premises voting (§21–30): the registry of written applications, the voters
//! served from the portable boxes on the day before voting day, the slots sealed at the
//! end, and the closing act's figures.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Applications are accepted until this many calendar days before voting day (§22).
pub const APPLICATION_DEADLINE_DAYS: i64 = 3;

/// A written application to vote outside the premises (§22).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Application {
    /// Number in the registry, from 1.
    pub number: u32,
    pub voter_name: String,
    pub address: String,
    /// Why the voter cannot come (illness, disability, …), as written.
    pub reason: String,
    #[ts(type = "string")]
    pub received_on: NaiveDate,
}

/// A voter served from a portable box (§26, §28): tied to an application; in the paper
/// list with the document's series and number and the mark "voted outside the premises".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServedVoter {
    pub application: u32,
    pub box_id: String,
    /// Series and number of the identity document, as written in the paper list.
    pub document: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// The closing act's figures (§29).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutOfPremisesClosing {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Ballots the members took out.
    pub ballots_taken: u32,
    /// Ballots issued to voters (one per voter served).
    pub ballots_issued: u32,
    /// Identification receipts printed (one per voter served).
    pub receipts_issued: u32,
    pub unused_returned: u32,
    pub spoiled_returned: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutOfPremisesState {
    pub applications: Vec<Application>,
    pub served: Vec<ServedVoter>,
    /// Portable boxes whose slots are sealed with the signed A4 sheet (§29).
    pub slots_sealed: Vec<String>,
    pub closing: Option<OutOfPremisesClosing>,
}
