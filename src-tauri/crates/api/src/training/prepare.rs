//! Opening a scenario: a fresh station of its demo as a mock election on the demo's own
//! voting day, on a training clock, with the part of the day the scenario does not
//! train recorded by the book — out-of-premises voting the day before, the opening
//! meeting, simulated voters until the trainee takes over — and the clock left paused
//! at the scenario's start.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::attendance::Arrival;
use domain::debrief::TruePortableBox;
use domain::election::{ElectionDefinition, StationKind};
use domain::identification::TURNOUT_STEPS;
use domain::lot::{Contribution, LotPurpose};
use domain::opening::BoxKind;
use domain::scenario::{PORTABLE_BOX, Scenario, ScenarioStage};
use domain::{Command, StepId, timeline};
use i18n::Language;

use crate::clock::TrainingClock;
use crate::error::ApiError;
use crate::station::{Station, StationConfig};
use crate::training::engine::TrainingRun;
use crate::training::scenarios::demo_of;

/// The station instant `day` days from voting day at `hour:minute`.
fn at(election: &ElectionDefinition, day: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let date = election.voting_day + Duration::days(day);
    let local = date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    election.tz().from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

fn jump(clock: &TrainingClock, instant: DateTime<Utc>) {
    // Preparation only moves forward; an instant already passed leaves the clock where it is.
    let _ = clock.jump_to(instant);
}

/// Opens the scenario's station in `dir` (a new folder) and records its prepared part.
pub fn open_run(scenario: &Scenario, dir: PathBuf, language: Language) -> Result<TrainingRun, ApiError> {
    let demo = demo_of(scenario.demo);
    let mut definition = demo.definition_as_shipped()?;
    definition.training = true;
    let first = if scenario.portable_voters > 0 { at(&definition, -9, 10, 0) } else { at(&definition, 0, 6, 45) };
    let clock = Arc::new(TrainingClock::paused_at(first));
    let mut config = StationConfig::simulated(dir.clone(), clock.clone(), Some(demo), sim::DEFAULT_SEED);
    config.definition = Some(definition.clone());
    let station = Station::open(config)?;
    if station.overview().journal.events != 1 {
        return Err(ApiError::new("training.folder-in-use", "training-error-folder-in-use").with("path", dir.display().to_string()));
    }
    station.set_language(language)?;
    let portable = if scenario.portable_voters > 0 {
        Some(out_of_premises(&station, &clock, &definition, scenario.portable_voters)?)
    } else {
        None
    };
    if scenario.stage == ScenarioStage::PollsOpen {
        jump(&clock, at(&definition, 0, 6, 45));
        station.record_opening_meeting()?;
        voters_before(&station, &clock, &definition, scenario)?;
    }
    jump(&clock, scenario.starts_at(&definition));
    TrainingRun::new(scenario.clone(), Arc::new(station), clock, dir, portable)
}

/// §21–30 by the book: applications, the lot two days before, the portable box sealed,
/// the voters served the day before, the slot sealed, the closing act; the members leave.
fn out_of_premises(
    station: &Station,
    clock: &TrainingClock,
    election: &ElectionDefinition,
    voters: u32,
) -> Result<TruePortableBox, ApiError> {
    for n in 1..=voters {
        station.act(Command::RegisterApplication {
            voter_name: format!("Шайлоочу {n}"),
            address: format!("Ош көч., {n}"),
            reason: "оорулуу / болен".into(),
        })?;
    }
    jump(clock, at(election, -2, 18, 0));
    for member in &election.commission {
        station.act(Command::RegisterArrival {
            arrival: Arrival::member(&member.id),
        })?;
    }
    station.commit_lot(LotPurpose::OutOfPremises, 2)?;
    station.draw_lot(LotPurpose::OutOfPremises, vec![Contribution { by: "observer".into(), value: "2025".into() }])?;
    jump(clock, at(election, -1, 7, 45));
    station.act(Command::SealBox { box_id: PORTABLE_BOX.into(), kind: BoxKind::Portable, seals: vec!["P-001".into()] })?;
    jump(clock, at(election, -1, 10, 0));
    for application in 1..=voters {
        station.act(Command::ServeOutOfPremisesVoter {
            application,
            box_id: PORTABLE_BOX.into(),
            document: format!("ID{:07}", 1_000_000 + application),
        })?;
    }
    jump(clock, at(election, -1, 19, 30));
    station.act(Command::SealPortableBoxSlot { box_id: PORTABLE_BOX.into() })?;
    station.act(Command::CloseOutOfPremisesVoting { ballots_taken: voters, unused_returned: 0, spoiled_returned: 0 })?;
    jump(clock, at(election, -1, 19, 45));
    let present: Vec<u32> = station.journal().state().present().map(|a| a.person).collect();
    for person in present {
        station.act(Command::RegisterDeparture { person })?;
    }
    Ok(TruePortableBox { box_id: PORTABLE_BOX.into(), served: voters, found: voters })
}

/// Simulated voters served by the book from 08:00 until the trainee takes over, with the
/// turnout reports due meanwhile.
fn voters_before(station: &Station, clock: &TrainingClock, election: &ElectionDefinition, scenario: &Scenario) -> Result<(), ApiError> {
    let opens = timeline::starts_at(election, StepId::Voting);
    let starts = scenario.starts_at(election);
    let remote = election.station.kind == StationKind::RemoteVoting;
    let span = (starts - opens).num_seconds().max(60);
    let count = i64::from(scenario.voters_before.max(1));
    let mut reported = 0;
    for index in 0..scenario.voters_before {
        let when = opens + Duration::seconds(i64::from(index) * span / count + 30);
        while reported < TURNOUT_STEPS.len() && timeline::starts_at(election, TURNOUT_STEPS[reported]) + Duration::minutes(2) <= when {
            jump(clock, timeline::starts_at(election, TURNOUT_STEPS[reported]) + Duration::minutes(2));
            station.act(Command::ReportTurnout { step: TURNOUT_STEPS[reported] })?;
            reported += 1;
        }
        jump(clock, when);
        crate::demo_day::serve(station, crate::demo_day::case_of(index, remote))?;
    }
    for step in &TURNOUT_STEPS[reported..] {
        let due = timeline::starts_at(election, *step) + Duration::minutes(2);
        if due >= starts {
            break;
        }
        jump(clock, due);
        station.act(Command::ReportTurnout { step: *step })?;
    }
    Ok(())
}
