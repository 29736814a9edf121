//! A scenario at work: its station, its clock, and the events of its timeline applied as
//! the clock passes them — through the simulation (faults, voters by case, spoiled
//! ballots brought back, the urn's miscount) or as the truth the debrief needs (what a
//! portable box really holds), or simply as something for the trainer to play (an
//! observer's demand, a complaint). There is no background thread: the holder of the
//! station advances the run on every call from a window, and a scripted trainee before
//! every action.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Duration, Utc};
use domain::debrief::{self, Debrief, TrueCount, TruePortableBox, Truth};
use domain::election::ElectionDefinition;
use domain::scenario::{Happening, PORTABLE_BOX, Scenario, ScenarioVoter};
use driver_api::{Device, DeviceKind, DeviceState, FaultCode};

use crate::clock::TrainingClock;
use crate::error::ApiError;
use crate::simulation::{SpoiledBallotCase, VoterCase};
use crate::station::Station;

/// What happened of the scenario, for the trainer's console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Happened {
    /// The scenario event's index.
    pub event: usize,
    pub at: DateTime<Utc>,
    /// Why it could not be applied (the simulation refused), if so.
    pub problem: Option<ApiError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Event(usize),
    /// The light comes back after the power cut of this event.
    PowerBack(usize),
}

#[derive(Debug)]
struct RunState {
    /// Every step of the timeline with its instant, in time order.
    plan: Vec<(DateTime<Utc>, Step)>,
    next: usize,
    /// Voters whose time came while the desk was busy: they wait their turn.
    waiting: VecDeque<(usize, ScenarioVoter)>,
    /// The document the last scenario voter shows, for a scripted trainee's `serve`.
    at_desk: Option<domain::identification::IdentityDocument>,
    truth: Truth,
    /// The devices the power cut of an event switched off.
    powered_off: Vec<(usize, Vec<String>)>,
    happened: Vec<Happened>,
    trainee: String,
}

pub struct TrainingRun {
    pub scenario: Scenario,
    pub(crate) station: Arc<Station>,
    pub(crate) clock: Arc<TrainingClock>,
    pub(crate) election: ElectionDefinition,
    /// Where the run keeps its station (`<data>/training/<scenario>-<n>/`).
    dir: PathBuf,
    state: Mutex<RunState>,
}

/// The devices a power cut switches off; the urns run on their own batteries.
fn powered(device: &dyn Device) -> bool {
    device.kind() != DeviceKind::Aeu
}

fn fault_code(fault: &str) -> Option<FaultCode> {
    serde_json::from_value(serde_json::Value::String(fault.to_owned())).ok()
}

pub(crate) fn voter_case(case: ScenarioVoter) -> VoterCase {
    match case {
        ScenarioVoter::Eligible => VoterCase::Eligible,
        ScenarioVoter::OtherDistrict => VoterCase::OtherDistrict,
        ScenarioVoter::OwnDistrictOtherStation => VoterCase::OwnDistrictOtherStation,
        ScenarioVoter::RecentlyRegistered => VoterCase::RecentlyRegistered,
        ScenarioVoter::FingerprintsFailTen => VoterCase::FingerprintsFailTen,
        ScenarioVoter::NeverRecognised => VoterCase::NeverRecognised,
        ScenarioVoter::NotInRegister => VoterCase::NotInRegister,
        ScenarioVoter::AlreadyIdentified => VoterCase::AlreadyIdentified,
        ScenarioVoter::DigitalPassport => VoterCase::DigitalPassport,
    }
}

impl TrainingRun {
    pub(crate) fn new(
        scenario: Scenario,
        station: Arc<Station>,
        clock: Arc<TrainingClock>,
        dir: PathBuf,
        portable: Option<TruePortableBox>,
    ) -> Result<TrainingRun, ApiError> {
        let election = station.election()?;
        let mut plan: Vec<(DateTime<Utc>, Step)> = Vec::new();
        for (index, event) in scenario.events.iter().enumerate() {
            let at = event.at.instant(&election);
            plan.push((at, Step::Event(index)));
            if let Happening::PowerCut { minutes } = event.happening {
                plan.push((at + Duration::minutes(i64::from(minutes)), Step::PowerBack(index)));
            }
        }
        plan.sort_by_key(|(at, _)| *at);
        let truth = Truth { portable: portable.into_iter().collect(), ..Truth::default() };
        Ok(TrainingRun {
            scenario,
            station,
            clock,
            election,
            dir,
            state: Mutex::new(RunState {
                plan,
                next: 0,
                waiting: VecDeque::new(),
                at_desk: None,
                truth,
                powered_off: Vec::new(),
                happened: Vec::new(),
                trainee: String::new(),
            }),
        })
    }

    fn state(&self) -> MutexGuard<'_, RunState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn station(&self) -> &Arc<Station> {
        &self.station
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The mock election the scenario runs on.
    pub fn election(&self) -> &ElectionDefinition {
        &self.election
    }

    pub fn starts_at(&self) -> DateTime<Utc> {
        self.scenario.starts_at(&self.election)
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.scenario.ends_at(&self.election)
    }

    pub fn trainee(&self) -> String {
        self.state().trainee.clone()
    }

    pub fn set_trainee(&self, name: &str) {
        self.state().trainee = name.trim().to_owned();
    }

    /// When the next step of the timeline is due, if any is left.
    pub fn next_due(&self) -> Option<DateTime<Utc>> {
        let state = self.state();
        state.plan.get(state.next).map(|(at, _)| *at)
    }

    /// What happened so far, in order.
    pub fn happened(&self) -> Vec<Happened> {
        self.state().happened.clone()
    }

    /// The document of the voter the scenario sent to the desk last.
    pub fn at_desk(&self) -> Option<domain::identification::IdentityDocument> {
        self.state().at_desk
    }

    /// Ballots the portable box really holds.
    pub fn portable_truth(&self) -> Option<TruePortableBox> {
        self.state().truth.portable.iter().find(|b| b.box_id == PORTABLE_BOX).cloned()
    }

    /// Applies every step whose time the clock has passed, and seats a waiting voter
    /// when the desk is free.
    pub fn advance(&self) {
        let now = self.station.now();
        let mut state = self.state();
        while let Some((at, step)) = state.plan.get(state.next).copied() {
            if at > now {
                break;
            }
            state.next += 1;
            match step {
                Step::Event(index) => self.apply(&mut state, index, now),
                Step::PowerBack(index) => self.power_back(&mut state, index),
            }
        }
        if !state.waiting.is_empty()
            && self.station.desk_free()
            && let Some((index, case)) = state.waiting.pop_front()
        {
            let result = self.seat_voter(&mut state, index, case);
            self.record(&mut state, index, now, result.err());
        }
    }

    fn record(&self, state: &mut RunState, index: usize, at: DateTime<Utc>, problem: Option<ApiError>) {
        if let Some(problem) = &problem {
            tracing::warn!(scenario = %self.scenario.id, event = index + 1, ?problem, "a scenario event could not happen");
        } else {
            state.truth.applied.push((index, at));
        }
        state.happened.push(Happened { event: index, at, problem });
    }

    fn apply(&self, state: &mut RunState, index: usize, now: DateTime<Utc>) {
        let Some(event) = self.scenario.events.get(index) else { return };
        let result = match &event.happening {
            Happening::Voter { case } => {
                if state.waiting.is_empty() && self.station.desk_free() {
                    self.seat_voter(state, index, *case)
                } else {
                    state.waiting.push_back((index, *case));
                    return;
                }
            }
            Happening::DeviceFault { device, fault } => match fault_code(fault) {
                Some(code) => self.station.inject_fault(device, code),
                None => Err(ApiError::new("internal", "error-internal").with("detail", fault.clone())),
            },
            Happening::DeviceRepair { device } => self.station.repair_device(device),
            Happening::PowerCut { .. } => {
                let off: Vec<String> = self
                    .station
                    .devices()
                    .iter()
                    .filter(|d| powered(d.as_ref()) && d.status().state == DeviceState::Ready)
                    .map(|d| d.id().to_owned())
                    .collect();
                let result = off.iter().try_for_each(|id| self.station.inject_fault(id, FaultCode::Disconnected));
                state.powered_off.push((index, off));
                result
            }
            Happening::SpoiledBallot { again } => self.bring_back(state, index, *again),
            Happening::AeuMiscount { device, contest, from, to, ballots } => self.miscount(device, contest, from, to, *ballots),
            Happening::PortableBoxExcess { extra } => {
                if let Some(portable) = state.truth.portable.iter_mut().find(|b| b.box_id == PORTABLE_BOX) {
                    portable.found = portable.found.saturating_add(*extra);
                }
                Ok(())
            }
            // The trainer plays these; the debrief holds the journal against them.
            Happening::RecountDemand { .. } | Happening::Complaint { .. } | Happening::CitizenObserver { .. } => Ok(()),
        };
        self.record(state, index, now, result.err());
    }

    fn seat_voter(&self, state: &mut RunState, index: usize, case: ScenarioVoter) -> Result<(), ApiError> {
        let arrival = self.station.simulate_voter(voter_case(case))?;
        let simulation = self.station.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        if let Some(key) = simulation.last_voter_key() {
            state.truth.voters.push((index, key));
        }
        state.at_desk = Some(arrival.document);
        Ok(())
    }

    fn bring_back(&self, state: &mut RunState, index: usize, again: bool) -> Result<(), ApiError> {
        let case = if again { SpoiledBallotCase::SameAgain } else { SpoiledBallotCase::LastBallot };
        self.station.simulate_spoiled_ballot(case)?;
        let simulation = self.station.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        let code = simulation.last_returned_code().unwrap_or_default();
        if let Ok(code) = crate::ballot_code::decode(
            &self.station.keys.ballot,
            &self.election.id,
            &self.election.station.number,
            &code,
        ) {
            state.truth.spoiled.push((index, code.serial));
        }
        Ok(())
    }

    fn miscount(&self, device: &str, contest: &str, from: &str, to: &str, ballots: u32) -> Result<(), ApiError> {
        let simulation = self.station.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        let urn = match device {
            "aeu-reserve" => &simulation.devices.aeu_reserve,
            _ => &simulation.devices.aeu_main,
        };
        urn.miscount(sim::Miscount { contest: contest.to_owned(), from: from.to_owned(), to: to.to_owned(), ballots: u64::from(ballots) });
        Ok(())
    }

    fn power_back(&self, state: &mut RunState, index: usize) {
        let Some(position) = state.powered_off.iter().position(|(event, _)| *event == index) else { return };
        let (_, devices) = state.powered_off.remove(position);
        for device in devices {
            if let Err(error) = self.station.repair_device(&device) {
                tracing::warn!(%device, ?error, "a device did not come back after the power cut");
            }
        }
    }

    /// The truth the debrief holds the journal against: what the engine applied, and the
    /// true piles of the simulated voters.
    pub fn truth(&self) -> Truth {
        let mut truth = self.state().truth.clone();
        truth.tallies = self
            .station
            .simulated_truth()
            .into_iter()
            .map(|tally| TrueCount { contest: tally.contest, cast: tally.cast, votes: tally.votes, invalid: tally.invalid })
            .collect();
        truth
    }

    /// The debrief as of now (what is due later is not judged yet).
    pub fn debrief(&self) -> Result<Debrief, ApiError> {
        let events = self.station.events()?;
        Ok(debrief::analyse(&self.scenario, &self.trainee(), &self.election, &events, &self.truth(), self.station.now()))
    }
}
