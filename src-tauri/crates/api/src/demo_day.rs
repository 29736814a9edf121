//! A whole simulated election day at a station, headless and seeded: the opening
//! meeting, simulated voters identified at the desk through the devices and casting
//! their ballots into the simulated AEU, the 2-hourly turnout, the close, the count
//! entered twice, the protocol signed, the packets and the delivery — through the same
//! `Station` functions the window uses. `uchastok demo` prints its protocol; the tests
//! hold its figures against what the simulation put in. The day up to the close alone
//! ([`vote_and_close`]) is the demo stage `closed`, where the app opens at the count.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use domain::count::{AeuSource, AeuTally, CountFigures};
use domain::election::{ElectionDefinition, Role, StationKind};
use domain::identification::TURNOUT_STEPS;
use domain::results::StationResults;
use domain::{Command, timeline};

use crate::clock::{Clock, FixedClock};
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

/// How a demo day differs from the shipped one: for a district commission's exercise,
/// the day can be run as another station of the same district, and something can go
/// wrong on purpose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoVariant {
    /// The station's number instead of the definition's (same district, same election).
    pub station: Option<String>,
    pub plant: Option<DemoPlant>,
}

/// A discrepancy a district commission should find in the day's bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoPlant {
    /// The AEU's figures are typed from its printout with votes of the leading option
    /// given to another, and nobody demands a recount (§56, §62).
    AeuDiffers,
    /// The documents are delivered at 07:10 the next morning, after 06:00 (§67).
    LateDelivery,
}

impl DemoPlant {
    pub fn from_name(name: &str) -> Option<DemoPlant> {
        match name {
            "aeu-differs" => Some(DemoPlant::AeuDiffers),
            "late-delivery" | "late" => Some(DemoPlant::LateDelivery),
            _ => None,
        }
    }
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
        _ if remote && index.is_multiple_of(3) => VoterCase::OtherDistrict,
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

/// An instant of the demo's day in the station's zone: `day_offset` days from voting
/// day, at `hour:minute` local time.
fn local(election: &ElectionDefinition, day_offset: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let day = election.voting_day + Duration::days(day_offset);
    let local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    election.tz().from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// The voting hours and the close, on a station whose morning is recorded up to the
/// open polls ([`DemoStage::PollsOpen`]): `voters` simulated voters at the desk spread
/// over 08:00–20:00, the turnout reported every two hours, the polls closed at 20:00.
/// `set_time` moves the station's clock to each instant before it acts.
pub fn vote_and_close(station: &Station, set_time: &dyn Fn(DateTime<Utc>), voters: u32) -> Result<(), ApiError> {
    let election = station.election()?;
    let remote = election.station.kind == StationKind::RemoteVoting;
    let opens = timeline::starts_at(&election, domain::StepId::Voting);
    let minutes = 12 * 60;
    let mut reported = 0;
    for index in 0..voters {
        let when = opens + Duration::seconds(i64::from(index) * minutes * 60 / i64::from(voters.max(1)) + 30);
        while reported < TURNOUT_STEPS.len() && timeline::starts_at(&election, TURNOUT_STEPS[reported]) <= when {
            set_time(timeline::starts_at(&election, TURNOUT_STEPS[reported]) + Duration::minutes(2));
            station.act(Command::ReportTurnout { step: TURNOUT_STEPS[reported] })?;
            reported += 1;
        }
        set_time(when);
        serve(station, case_of(index, remote))?;
    }
    for step in &TURNOUT_STEPS[reported..] {
        set_time(timeline::starts_at(&election, *step) + Duration::minutes(2));
        station.act(Command::ReportTurnout { step: *step })?;
    }
    set_time(timeline::starts_at(&election, domain::StepId::Close));
    station.act(Command::ClosePolls)?;
    Ok(())
}

/// The count by the book after the close (§52–67): unused ballots, the list's totals,
/// the AEU's preliminary results, every contest entered by two members from the true
/// piles, the protocol signed by everyone present, the packets and the delivery.
fn count_by_the_book(station: &Station, set_time: &dyn Fn(DateTime<Utc>), variant: &DemoVariant) -> Result<(), ApiError> {
    let election = station.election()?;
    let remote = election.station.kind == StationKind::RemoteVoting;
    let at = |day_offset: i64, hour: u32, minute: u32| local(&election, day_offset, hour, minute);
    let overview = station.overview();
    let voting = overview.voting.clone().ok_or_else(|| ApiError::new("internal", "error-internal"))?;
    if !remote {
        set_time(at(0, 20, 5));
        let state_received = overview.opening.as_ref().and_then(|o| o.ballots_received.as_ref()).map(|r| r.recounted).unwrap_or(0);
        let unused = state_received.saturating_sub(voting.ballots_issued);
        station.act(Command::CancelUnusedBallots { unused, spoiled_returned: 0 })?;
    }
    set_time(at(0, 20, 10));
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
    set_time(at(0, 20, 20));
    let truth = station.simulated_truth();
    if variant.plant == Some(DemoPlant::AeuDiffers) {
        let tallies = domain::count::contests_counted_here(&election)
            .into_iter()
            .map(|contest| {
                let tally = truth.iter().find(|t| t.contest == contest.id).cloned().unwrap_or_default();
                let votes = shifted(&tally.votes, contest, 5);
                AeuTally { contest: contest.id.clone(), processed: tally.cast, votes, invalid: tally.invalid }
            })
            .collect();
        station.act(Command::RecordAeuResults { source: AeuSource::Printout, tallies })?;
    } else {
        station.aeu_results_from_driver()?;
    }

    let counters: Vec<String> =
        election.commission.iter().filter(|m| m.role == Role::Member).take(2).map(|m| m.id.clone()).collect();
    set_time(at(0, 20, 40));
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
    set_time(at(0, 22, 30));
    let signers: Vec<String> = station.overview().count.map(|c| c.members_present).unwrap_or_default();
    station.act(Command::SignProtocol { signers })?;
    set_time(at(0, 23, 0));
    station.act(Command::SealPackets)?;
    set_time(if variant.plant == Some(DemoPlant::LateDelivery) { at(1, 7, 10) } else { at(1, 1, 30) });
    station.act(Command::RecordDelivery)?;
    Ok(())
}

/// Runs the day and returns the station at its end.
pub fn run(options: &DemoDayOptions) -> Result<DemoDay, ApiError> {
    run_as(options, &DemoVariant::default())
}

/// Votes moved from the option with the most votes to another one (at most `moved`):
/// a discrepancy whatever the simulated voters chose.
fn shifted(votes: &std::collections::BTreeMap<String, u64>, contest: &domain::election::Contest, moved: u64) -> std::collections::BTreeMap<String, u64> {
    let mut votes = votes.clone();
    let count = |id: &str| votes.get(id).copied().unwrap_or(0);
    let Some(from) = contest.options.iter().max_by_key(|option| count(&option.id)).map(|o| o.id.clone()) else {
        return votes;
    };
    let Some(to) = contest.options.iter().find(|option| option.id != from).map(|o| o.id.clone()) else {
        return votes;
    };
    let taken = count(&from).min(moved);
    *votes.entry(from).or_default() -= taken;
    *votes.entry(to).or_default() += taken;
    votes
}

/// Runs the day as `variant` says and returns the station at its end.
pub fn run_as(options: &DemoDayOptions, variant: &DemoVariant) -> Result<DemoDay, ApiError> {
    let mut definition = options.demo.definition_as_shipped()?;
    if let Some(number) = &variant.station {
        definition.station.number = number.clone();
    }
    let clock = Arc::new(FixedClock::at(local(&definition, 0, 6, 45)));
    if variant.station.is_some() {
        // The definition goes into the journal first, so that the demo's register and
        // simulated voters are made for this station when it opens as a demo.
        std::fs::create_dir_all(&options.data_dir).map_err(|error| {
            ApiError::new("data-dir", "error-data-dir")
                .with("path", options.data_dir.display().to_string())
                .with("detail", error.to_string())
        })?;
        let mut journal = store::Journal::open(&options.data_dir.join(crate::station::DATABASE_FILE))?;
        if journal.state().election.is_none() {
            journal.execute(&Command::LoadElection { definition: Box::new(definition.clone()) }, clock.now())?;
        }
    }
    let station = Station::open(StationConfig::simulated(
        options.data_dir.clone(),
        clock.clone(),
        Some(options.demo),
        options.seed,
    ))?;
    station.prepare_demo(DemoStage::PollsOpen)?;
    let set_time = |instant: DateTime<Utc>| clock.set(instant);
    vote_and_close(&station, &set_time, options.voters)?;
    count_by_the_book(&station, &set_time, variant)?;

    let results = {
        let journal = station.journal();
        domain::results::compute(journal.state()).map_err(|problem| {
            ApiError::new("internal", "error-internal").with("detail", format!("{problem:?}"))
        })?
    };
    let truth = station.simulated_truth();
    let voting = station.overview().voting.ok_or_else(|| ApiError::new("internal", "error-internal"))?;
    Ok(DemoDay { station, clock, results, truth, identified: voting.identified, failures: voting.failures })
}

/// An error found after signing (§66): the protocol is corrected — one vote of the
/// leading option of every contest recounted for another — and signed again, half an
/// hour after the day's last act. The station then exports a second bundle.
pub fn correct(day: &DemoDay) -> Result<StationResults, ApiError> {
    let station = &day.station;
    let election = station.election()?;
    let agreed: Vec<(String, CountFigures)> = {
        let journal = station.journal();
        domain::count::contests_counted_here(&election)
            .into_iter()
            .filter_map(|contest| journal.state().count.agreed(&contest.id).map(|(_, f)| (contest.id.clone(), f.clone())))
            .collect()
    };
    day.clock.set(station.now() + Duration::minutes(30));
    station.act(Command::CorrectProtocol { reason: "§66: one ballot sorted into the wrong pile".to_owned() })?;
    let counters: Vec<String> =
        election.commission.iter().filter(|m| m.role == Role::Member).take(2).map(|m| m.id.clone()).collect();
    for (contest_id, mut figures) in agreed {
        let Some(contest) = election.contests.iter().find(|c| c.id == contest_id) else { continue };
        figures.votes = shifted(&figures.votes, contest, 1);
        for member in &counters {
            station.act(Command::EnterCount { contest: contest_id.clone(), member: member.clone(), figures: figures.clone() })?;
        }
    }
    let signers: Vec<String> = station.overview().count.map(|c| c.members_present).unwrap_or_default();
    station.act(Command::SignProtocol { signers })?;
    let journal = station.journal();
    domain::results::compute(journal.state())
        .map_err(|problem| ApiError::new("internal", "error-internal").with("detail", format!("{problem:?}")))
}
