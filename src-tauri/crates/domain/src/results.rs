//! A station's results as the signed bundle carries them and the district commission
//! aggregates them (§72–80, R5.5–R5.6): the signed protocol's figures of every contest,
//! the AEU's preliminary figures beside them, and whether a recount was demanded.
//!
//! [`compute`] derives them from the journal's state, recomputing each contest's figures
//! from the count itself (not copying the signed event), so that a district commission
//! replaying a station's journal gets the same results only if every step adds up.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::count::{self, AeuTally};
use crate::election::StationKind;
use crate::protocol::{self, ContestProtocol};
use crate::state::DayState;

/// The version of [`StationResults`]' shape.
pub const RESULTS_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StationResults {
    pub format: u32,
    pub election: String,
    pub station: String,
    pub station_kind: StationKind,
    /// The district the station sits in.
    pub district: String,
    /// A mock election: never to be aggregated with real results.
    pub training: bool,
    /// The protocol form the figures follow.
    pub form: String,
    /// 1, or more after corrections (§66).
    pub protocol_number: u32,
    #[ts(type = "string")]
    pub signed_at: DateTime<Utc>,
    pub contests: Vec<ContestResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContestResult {
    pub protocol: ContestProtocol,
    /// The AEU's preliminary figures of this contest, when they were taken (§56).
    pub aeu: Option<AeuTally>,
    /// A recount was demanded and made (§62): the protocol says "Recount".
    pub recounted: bool,
}

/// Why the results of a journal are not there, or not what it signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultsProblem {
    /// No protocol in force: not signed yet, or a correction under way.
    NotSigned,
    /// The count does not give a contest's figures any more.
    NotAgreed { contest: String },
    /// The signed figures of a contest differ from what the count gives.
    SignedDiffers { contest: String },
    /// The protocol form cannot be read.
    Form,
}

/// The results of the protocol in force, recomputed from the count and checked against
/// what was signed.
pub fn compute(state: &DayState) -> Result<StationResults, ResultsProblem> {
    let election = state.election.as_ref().ok_or(ResultsProblem::NotSigned)?;
    let signed = state.count.protocol().ok_or(ResultsProblem::NotSigned)?;
    let form = protocol::form_for(election.station.kind).map_err(|_| ResultsProblem::Form)?;
    let mut contests = Vec::new();
    for contest in count::contests_counted_here(election) {
        let figures = count::contest_protocol(election, state, form, contest)
            .map_err(|_| ResultsProblem::Form)?
            .ok_or_else(|| ResultsProblem::NotAgreed { contest: contest.id.clone() })?;
        if !signed.contests.contains(&figures) {
            return Err(ResultsProblem::SignedDiffers { contest: contest.id.clone() });
        }
        contests.push(ContestResult {
            aeu: state.count.aeu.as_ref().and_then(|aeu| aeu.tallies.iter().find(|t| t.contest == contest.id).cloned()),
            recounted: state.count.recounted(&contest.id),
            protocol: figures,
        });
    }
    Ok(StationResults {
        format: RESULTS_FORMAT,
        election: election.id.clone(),
        station: election.station.number.clone(),
        station_kind: election.station.kind,
        district: election.station.district.clone(),
        training: election.training,
        form: form.id.clone(),
        protocol_number: signed.number,
        signed_at: signed.at,
        contests,
    })
}
