//! The automatic counting urn (АЭУ / АСУ): ballots processed, preliminary results, and
//! failure (§48: the main urn, a reserve, then the transparent box).

use crate::{Device, DeviceError};

/// The marks on one ballot, contest by contest. The urn counts a contest's mark as
/// valid when exactly one option is marked; none or several make it invalid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BallotMarks {
    pub contests: Vec<ContestMarks>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContestMarks {
    pub contest: String,
    pub options: Vec<String>,
}

/// One contest's preliminary count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContestTally {
    pub contest: String,
    /// Options in the urn's order, each with its count.
    pub counts: Vec<OptionCount>,
    pub invalid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionCount {
    pub option: String,
    pub count: u64,
}

/// A ballot the urn took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fed {
    /// How many ballots the urn has processed, this one included.
    pub ballot_number: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AeuError {
    /// The urn has failed (§48): switch to the reserve or to the transparent box. A
    /// failed urn gives no counts.
    #[error("the counting urn has failed")]
    Failed,
    /// The urn returned the ballot without counting it (misfed, unreadable); the voter
    /// feeds it again.
    #[error("the counting urn returned the ballot")]
    Rejected,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait Aeu: Device {
    /// How many ballots the urn has processed since it was shown empty.
    fn ballots_processed(&self) -> Result<u64, AeuError>;

    /// The urn's preliminary count, per contest.
    fn preliminary_results(&self) -> Result<Vec<ContestTally>, AeuError>;

    /// Feeds one ballot. Real urns read paper, so their drivers answer
    /// `DeviceError::Unsupported`; simulated urns (demo, training, tests) count it.
    fn feed(&self, ballot: &BallotMarks) -> Result<Fed, AeuError>;
}
