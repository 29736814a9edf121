//! The day's procedures in the order of the law, when each is due, and its state
//! (not yet / now / done / late) as a pure function of the journal's state and the time.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{ElectionDefinition, StationKind};

/// One procedure of the day. The order of the variants is the order of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StepId {
    OutOfPremisesVoting,
    LotDrawing,
    OpeningSafe,
    SealingBoxes,
    BallotsToMembers,
    Voting,
    Turnout10,
    Turnout12,
    Turnout14,
    Turnout16,
    Turnout18,
    Close,
    Count,
    Protocol,
    Packets,
    Delivery,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StepState {
    NotYet,
    Now,
    Done,
    Late,
}

/// When a step may start and by when it must be done, as offsets from midnight of
/// voting day in the station's time zone (negative: the day before).
struct Window {
    start_minutes: i64,
    deadline_minutes: i64,
}

const fn hours(from: i64, to: i64) -> Window {
    Window { start_minutes: from * 60, deadline_minutes: to * 60 }
}

impl StepId {
    pub const ALL: [StepId; 16] = [
        StepId::OutOfPremisesVoting,
        StepId::LotDrawing,
        StepId::OpeningSafe,
        StepId::SealingBoxes,
        StepId::BallotsToMembers,
        StepId::Voting,
        StepId::Turnout10,
        StepId::Turnout12,
        StepId::Turnout14,
        StepId::Turnout16,
        StepId::Turnout18,
        StepId::Close,
        StepId::Count,
        StepId::Protocol,
        StepId::Packets,
        StepId::Delivery,
    ];

    /// The kebab-case name used in message ids (`step-<name>`) and on the wire.
    pub fn name(self) -> &'static str {
        match self {
            StepId::OutOfPremisesVoting => "out-of-premises-voting",
            StepId::LotDrawing => "lot-drawing",
            StepId::OpeningSafe => "opening-safe",
            StepId::SealingBoxes => "sealing-boxes",
            StepId::BallotsToMembers => "ballots-to-members",
            StepId::Voting => "voting",
            StepId::Turnout10 => "turnout10",
            StepId::Turnout12 => "turnout12",
            StepId::Turnout14 => "turnout14",
            StepId::Turnout16 => "turnout16",
            StepId::Turnout18 => "turnout18",
            StepId::Close => "close",
            StepId::Count => "count",
            StepId::Protocol => "protocol",
            StepId::Packets => "packets",
            StepId::Delivery => "delivery",
        }
    }

    fn window(self) -> Window {
        match self {
            // The day before voting day, 08:00–20:00 (§22).
            StepId::OutOfPremisesVoting => hours(-16, -4),
            StepId::LotDrawing
            | StepId::OpeningSafe
            | StepId::SealingBoxes
            | StepId::BallotsToMembers => hours(7, 8),
            StepId::Voting => hours(8, 20),
            StepId::Turnout10 => hours(10, 11),
            StepId::Turnout12 => hours(12, 13),
            StepId::Turnout14 => hours(14, 15),
            StepId::Turnout16 => hours(16, 17),
            StepId::Turnout18 => hours(18, 19),
            StepId::Close => hours(20, 21),
            // Everything after the close must be with the higher commission by 06:00 (§67).
            StepId::Count | StepId::Protocol | StepId::Packets | StepId::Delivery => hours(20, 30),
        }
    }

    /// The clause of the regulations the step comes from (seeds, see domain.md).
    pub fn clause(self, station: StationKind) -> &'static str {
        match self {
            StepId::OutOfPremisesVoting => "§21–30",
            StepId::LotDrawing => "§32",
            StepId::OpeningSafe => "§33",
            StepId::SealingBoxes => "§34",
            StepId::BallotsToMembers => "§35–36",
            StepId::Voting if station == StationKind::RemoteVoting => "R4.1–R4.4",
            StepId::Voting => "§37–48",
            StepId::Turnout10
            | StepId::Turnout12
            | StepId::Turnout14
            | StepId::Turnout16
            | StepId::Turnout18 => "§38",
            StepId::Close => "§49",
            StepId::Count if station == StationKind::RemoteVoting => "§50–63, R5.1–R5.3",
            StepId::Count => "§50–63",
            StepId::Protocol if station == StationKind::RemoteVoting => "§64–71, R5.5–R5.6",
            StepId::Protocol => "§64–71",
            StepId::Packets => "§64, R5.4",
            StepId::Delivery => "§67",
        }
    }

    /// Whether the step happens at this kind of station. Remote voting is never used
    /// for out-of-premises voting (R1.7).
    pub fn applies_to(self, station: StationKind) -> bool {
        !(self == StepId::OutOfPremisesVoting && station == StationKind::RemoteVoting)
    }

    /// Steps that must be done before this one may be recorded.
    pub fn prerequisites(self) -> &'static [StepId] {
        match self {
            StepId::Count => &[StepId::Close],
            StepId::Protocol => &[StepId::Count],
            StepId::Packets => &[StepId::Protocol],
            StepId::Delivery => &[StepId::Packets],
            _ => &[],
        }
    }

    /// Voting is a period, not an act: it is over when the polls are closed.
    pub fn completed_by(self) -> StepId {
        if self == StepId::Voting { StepId::Close } else { self }
    }
}

/// Midnight of voting day in the station's zone, as UTC.
fn day_start(voting_day: NaiveDate, zone: chrono_tz::Tz) -> DateTime<Utc> {
    let midnight = voting_day.and_time(NaiveTime::MIN);
    zone.from_local_datetime(&midnight)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        // A zone that skips midnight on that day: fall back to reading it as UTC.
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

/// When `step` may start, in UTC.
pub fn starts_at(definition: &ElectionDefinition, step: StepId) -> DateTime<Utc> {
    day_start(definition.voting_day, definition.tz()) + Duration::minutes(step.window().start_minutes)
}

/// By when `step` must be done, in UTC.
pub fn deadline(definition: &ElectionDefinition, step: StepId) -> DateTime<Utc> {
    day_start(definition.voting_day, definition.tz())
        + Duration::minutes(step.window().deadline_minutes)
}

/// The state of a step at `now`, given when (if ever) it was done.
pub fn step_state(
    definition: &ElectionDefinition,
    step: StepId,
    done_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> StepState {
    if done_at.is_some() {
        StepState::Done
    } else if now < starts_at(definition, step) {
        StepState::NotYet
    } else if now < deadline(definition, step) {
        StepState::Now
    } else {
        StepState::Late
    }
}
