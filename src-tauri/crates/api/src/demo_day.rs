//! A whole simulated election day at a station, headless and seeded: the opening
//! meeting, simulated voters identified at the desk through the devices and casting
//! their ballots into the simulated AEU, the 2-hourly turnout, the close, the count
//! entered twice, the protocol signed, the packets and the delivery — through the same
//! `Station` functions the window uses. `uchastok demo` prints its protocol; the tests
//! hold its figures against what the simulation put in.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::count::CountFigures;
use domain::election::{Role, StationKind};
use domain::identification::TURNOUT_STEPS;
use domain::results::StationResults;
use domain::{Command, timeline};

use crate::clock::FixedClock;
use crate::demo::{Demo, DemoStage};
use crate::error::ApiError;
use crate::simulation::{TrueTally, VoterCase};
use crate::station::{Station, StationConfig};

/// What day to run.
#[derive(Debug, Clone)]
pub struct DemoDayOptions {
    pub demo: Demo,
    /// Voters who come to the desk during the day.
    pub voters: u32,
    pub seed: u64,
    /// Where the station keeps its database, keys and documents.
    pub data_dir: PathBuf,
}

/// The day's end.
pub struct DemoDay {
    pub station: Station,
    pub clock: Arc<FixedClock>,
    /// The results of the signed protocol.
    pub results: StationResults,
    /// What the simulated voters really marked.
    pub truth: Vec<TrueTally>,
    /// Voters identified, and voters the devices could not identify.
    pub identified: u32,
    pub failures: u32,
}

/// Which voter comes `index`-th: mostly voters who may vote here, now and then one the
/// rules or the devices stop.
pub(crate) fn case_of(index: u32, remote: bool) -> VoterCase {
    match index % 50 {
        17 => VoterCase::FingerprintsFailTen,
        33 => VoterCase::NeverRecognised,
        41 => VoterCase::NotInRegister,
        9 if remote => VoterCase::OwnDistrictOtherStation,
        5 | 25 if remote => VoterCase::DigitalPassport,
        _ if remote && index % 3 == 0 => VoterCase::OtherDistrict,
        _ => VoterCase::Eligible,
    }
}

/// One voter at the desk, by the book: identified and casting, or refused, or the act.
pub(crate) fn serve(station: &Station, case: VoterCase) -> Result<(), ApiError> {
    let arrival = station.simulate_voter(case)?;
    serve_arrival(station, arrival.document)
}

/// The voter already at the devices, showing `document`, served by the book.
pub(crate) fn serve_arrival(station: &Station, document: domain::identification::IdentityDocument) -> Result<(), ApiError> {
    if station.desk_read_document(document).is_err() {
        // Refused by the rules (not in the register, own district, …): nothing recorded.
        station.desk_clear();
        return Ok(());
    }
    station.desk_confirm_photo()?;
    let remote = station.election()?.station.kind == StationKind::RemoteVoting;
    loop {
        let view = station.desk();
        if view.identified || view.failure_act.is_some() {
            break;
        }
        if view.fingerprint_attempts < view.max_fingerprint_attempts && !view.can_give_up {
            station.desk_fingerprint()?;
        } else if view.face_allowed && !view.face_tried {
            station.desk_face()?;
        } else if view.can_give_up {
            station.desk_give_up()?;
        } else {
            station.desk_fingerprint()?;
        }
    }
    if station.desk().identified {
        station.desk_list()?;
        if !remote {
            station.desk_issue_ballot()?;
        }
    }
    station.desk_clear();
    Ok(())
}

/// Runs the day and returns the station at its end.
pub fn run(options: &DemoDayOptions) -> Result<DemoDay, ApiError> {
    let definition = options.demo.definition_as_shipped()?;
    let zone = definition.tz();
    let at = |day_offset: i64, hour: u32, minute: u32| -> DateTime<Utc> {
        let day = definition.voting_day + Duration::days(day_offset);
        let local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
        zone.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
    };
    let clock = Arc::new(FixedClock::at(at(0, 6, 45)));
    let station = Station::open(StationConfig::simulated(
        options.data_dir.clone(),
        clock.clone(),
        Some(options.demo),
        options.seed,
    ))?;
    station.prepare_demo(DemoStage::PollsOpen)?;
    let election = station.election()?;
    let remote = election.station.kind == StationKind::RemoteVoting;

    // 08:00–20:00: the voters, spread over the twelve hours; the turnout every two hours.
    let opens = timeline::starts_at(&election, domain::StepId::Voting);
    let minutes = 12 * 60;
    let mut reported = 0;
    for index in 0..options.voters {
        let when = opens + Duration::seconds(i64::from(index) * minutes * 60 / i64::from(options.voters.max(1)) + 30);
        while reported < TURNOUT_STEPS.len() && timeline::starts_at(&election, TURNOUT_STEPS[reported]) <= when {
            clock.set(timeline::starts_at(&election, TURNOUT_STEPS[reported]) + Duration::minutes(2));
            station.act(Command::ReportTurnout { step: TURNOUT_STEPS[reported] })?;
            reported += 1;
        }
        clock.set(when);
        serve(&station, case_of(index, remote))?;
    }
    for step in &TURNOUT_STEPS[reported..] {
        clock.set(timeline::starts_at(&election, *step) + Duration::minutes(2));
        station.act(Command::ReportTurnout { step: *step })?;
    }

    // 20:00: the close, then the count (§49–63).
    clock.set(at(0, 20, 0));
    station.act(Command::ClosePolls)?;
    let overview = station.overview();
    let voting = overview.voting.clone().ok_or_else(|| ApiError::new("internal", "error-internal"))?;
    if !remote {
        clock.set(at(0, 20, 5));
        let state_received = overview.opening.as_ref().and_then(|o| o.ballots_received.as_ref()).map(|r| r.recounted).unwrap_or(0);
        let unused = state_received.saturating_sub(voting.ballots_issued);
        station.act(Command::CancelUnusedBallots { unused, spoiled_returned: 0 })?;
    }
    clock.set(at(0, 20, 10));
    let voters_in_list = if remote {
        voting.listed
    } else {
        overview.opening.as_ref().and_then(|o| o.safe.as_ref()).map(|s| s.voters_electronic).unwrap_or(0)
    };
    station.act(Command::RecordListTotals {
        pages: voters_in_list.div_ceil(20).max(1),
        voters_in_list,
        signatures: voting.identified,
        explanation: None,
    })?;
    clock.set(at(0, 20, 20));
    station.aeu_results_from_driver()?;

    let truth = station.simulated_truth();
    let counters: Vec<String> =
        election.commission.iter().filter(|m| m.role == Role::Member).take(2).map(|m| m.id.clone()).collect();
    clock.set(at(0, 20, 40));
    for contest in domain::count::contests_counted_here(&election) {
        let tally = truth.iter().find(|t| t.contest == contest.id).cloned().unwrap_or_default();
        let figures = CountFigures {
            in_boxes: tally.cast,
            votes: contest.options.iter().map(|o| (o.id.clone(), tally.votes.get(&o.id).copied().unwrap_or(0))).collect(),
            invalid: tally.invalid,
            ..CountFigures::default()
        };
        for member in &counters {
            station.act(Command::EnterCount { contest: contest.id.clone(), member: member.clone(), figures: figures.clone() })?;
        }
    }
    clock.set(at(0, 22, 30));
    let signers: Vec<String> = station.overview().count.map(|c| c.members_present).unwrap_or_default();
    station.act(Command::SignProtocol { signers })?;
    clock.set(at(0, 23, 0));
    station.act(Command::SealPackets)?;
    clock.set(at(1, 1, 30));
    station.act(Command::RecordDelivery)?;

    let results = {
        let journal = station.journal();
        domain::results::compute(journal.state()).map_err(|problem| {
            ApiError::new("internal", "error-internal").with("detail", format!("{problem:?}"))
        })?
    };
    let voting = station.overview().voting.ok_or_else(|| ApiError::new("internal", "error-internal"))?;
    Ok(DemoDay { station, clock, results, truth, identified: voting.identified, failures: voting.failures })
}
