//! What the windows show, shaped for them. These types cross IPC; their TypeScript
//! twins in `ui/src/lib/bindings.ts` are generated (see `tests/bindings.rs`).

use domain::election::{ElectionKind, LocalizedText, StationKind};
use domain::{StepId, StepState};
use driver_api::DeviceStatus;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;

/// Everything the main window shows, in one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Overview {
    #[ts(type = "\"ky\" | \"ru\"")]
    pub language: String,
    pub election: Option<ElectionView>,
    pub clock: ClockView,
    pub timeline: Vec<TimelineStep>,
    pub devices: Vec<DeviceStatus>,
    pub journal: JournalView,
    pub opening: Option<OpeningView>,
    pub voting: Option<VotingView>,
    pub count: Option<crate::count::CountView>,
    pub register: RegisterView,
    /// The station runs on simulated devices: voters can be sent to the desk.
    pub simulated: bool,
    /// The box in use, failed urns, stopped devices, power cuts (§48, §6).
    pub incidents: Option<crate::incidents::IncidentsView>,
}

/// Voting hours in figures (§37–42, §38, R4.2): counted, never listed voter by voter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct VotingView {
    /// Voting acts are allowed now (the polls open, the close not yet recorded).
    pub open: bool,
    /// Voters identified: receipts printed.
    pub identified: u32,
    /// Voters the devices could not identify (each with an act).
    pub failures: u32,
    /// Voters who signed the list.
    pub listed: u32,
    /// Regular station: ballots handed over against receipts.
    pub ballots_issued: u32,
    /// Remote station: per contest, voters identified and ballots printed.
    pub districts: Vec<DistrictCount>,
    /// The figure a turnout report would give now (§38).
    pub turnout_now: u32,
    pub turnout: Vec<TurnoutView>,
    /// Acts drawn up so far.
    pub acts: Vec<domain::acts::Act>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DistrictCount {
    pub contest: String,
    pub designation: String,
    pub identified: u32,
    pub printed: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TurnoutView {
    pub step: StepId,
    /// Local `HH:MM` of the report.
    pub at: String,
    pub figure: u32,
}

/// The voter register loaded at the station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterView {
    pub loaded: bool,
    /// Voters in it.
    pub voters: u64,
    /// Of them, voters of this station's list.
    pub at_station: u64,
    /// The import started from the window, if any.
    pub import: Option<crate::register_import::ImportStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ElectionView {
    pub id: String,
    pub name: LocalizedText,
    pub kind: ElectionKind,
    pub training: bool,
    /// ISO date, e.g. `2026-11-22`.
    pub voting_day: String,
    pub timezone: String,
    pub station_number: String,
    pub station_kind: StationKind,
    pub station_address: LocalizedText,
    /// The district the station sits in, as printed (e.g. «№ 3»).
    pub district: String,
    pub contests: u32,
}

/// The station's local time, which every deadline is measured in (§31).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClockView {
    /// Local date and time, `YYYY-MM-DDTHH:MM:SS`, in the station's zone.
    pub local: String,
    /// e.g. `+06:00`.
    pub utc_offset: String,
    pub timezone: String,
    /// How many station seconds pass in a real one (a training clock; otherwise 1).
    pub speed: u32,
    /// A trainer paused the clock.
    pub paused: bool,
    /// The clock can be paused, sped up and moved forward: a training clock in a mock
    /// election.
    pub controls: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TimelineStep {
    pub step: StepId,
    pub state: StepState,
    /// Local `HH:MM` the step may start.
    pub starts: String,
    /// Local `HH:MM` by which it must be done.
    pub deadline: String,
    /// Days from voting day of the start (−1: the day before) and of the deadline.
    pub start_day: i32,
    pub deadline_day: i32,
    /// The clause it comes from, e.g. `§32`.
    pub clause: String,
    /// Local `HH:MM` it was recorded as done.
    pub done_at: Option<String>,
    /// Whether the chair may record it as done now (a rule would otherwise refuse).
    pub can_complete: bool,
    /// Done through its own guided procedure rather than by a single act.
    pub procedure: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct JournalView {
    pub events: u32,
    /// The first 16 hex digits of the head hash, for the paper minutes.
    pub head: String,
    /// The journal failed its checks at start: nothing can be recorded.
    pub read_only: bool,
    pub problem: Option<ApiError>,
    /// The last signed checkpoint (`keys`), for the status bar and the paper minutes.
    pub checkpoint: Option<crate::keys::CheckpointView>,
}

/// The observers' monitor (§37, R4.3): large type, no personal data but the photo of
/// the voter being identified.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MonitorView {
    #[ts(type = "\"ky\" | \"ru\"")]
    pub language: String,
    pub station_number: Option<String>,
    pub training: bool,
    /// A remote-voting station keeps no list of its own: the monitor shows no list count.
    pub remote: bool,
    /// Voters in this station's list (a regular station with its register imported).
    pub voters_in_list: Option<u32>,
    /// Voters identified so far: receipts printed (§37, R4.3).
    pub voters_identified: u32,
    /// A voter is at the identification desk.
    pub voter_at_desk: bool,
    /// The register's photo of that voter, as a `data:` URL; a placeholder is drawn
    /// when the register has none.
    pub photo: Option<String>,
}

/// The opening meeting as the chair sees it: the register, the lots, the safe, the boxes
/// and the ballots (§32–36).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OpeningView {
    pub commission: Vec<domain::election::CommissionMember>,
    pub attendance: Vec<domain::attendance::Attendee>,
    pub lots: Vec<LotView>,
    pub safe: Option<domain::opening::SafeOpening>,
    pub boxes: Vec<domain::opening::SealedBox>,
    pub sealing_finished: bool,
    pub ballots_received: Option<domain::opening::BallotsReceived>,
    pub ballot_batches: Vec<domain::opening::BallotBatch>,
    pub ballots_undistributed: u32,
    pub ballot_issue_finished: bool,
    pub paper_stock: Option<domain::opening::PaperStock>,
    pub polls_open: bool,
    /// Whether the polls may be opened now (§31–36 done, 08:00–20:00).
    pub can_open_polls: bool,
    /// Out-of-premises voting (§21–30).
    pub applications: Vec<domain::out_of_premises::Application>,
    pub served: Vec<domain::out_of_premises::ServedVoter>,
    pub slots_sealed: Vec<String>,
    pub out_of_premises_closing: Option<domain::out_of_premises::OutOfPremisesClosing>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LotView {
    pub purpose: domain::lot::LotPurpose,
    /// Shown to everyone before the contributions are taken.
    pub commitment: String,
    /// Names of the members who can be drawn, in the order the draw uses.
    pub members: Vec<String>,
    pub count: u32,
    /// Once drawn: the full record, to print and to re-run.
    pub record: Option<domain::lot::LotRecord>,
}
