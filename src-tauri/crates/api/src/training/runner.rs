//! A scripted trainee played against a scenario, headless: each action at its station
//! time, through the same `Station` functions the window calls, the scenario's events
//! applied at their own times in between; then the debrief at the scenario's end.

use chrono::{DateTime, Duration, Utc};
use domain::count::CountFigures;
use domain::debrief::Debrief;
use domain::election::{Role, StationKind};
use domain::identification::TURNOUT_STEPS;
use domain::scenario::PORTABLE_BOX;
use domain::trainee::{CountMistake, PortableMistake, ServeMistake, TimedAction, Trainee, TraineeAction};
use domain::{Command, timeline};

use crate::error::ApiError;
use crate::station::Station;
use crate::training::engine::{TrainingRun, voter_case};

/// A scripted action that did not go as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("action {action}: {error}")]
pub struct RunError {
    /// 1-based, as in the actions file.
    pub action: usize,
    pub error: ApiError,
}

impl TrainingRun {
    /// Moves the clock to `instant`, applying every scenario step due on the way at its
    /// own time.
    pub fn advance_to(&self, instant: DateTime<Utc>) {
        while let Some(due) = self.next_due().filter(|due| *due <= instant) {
            let _ = self.clock.jump_to(due);
            self.advance();
        }
        let _ = self.clock.jump_to(instant);
        self.advance();
    }

    /// Plays `trainee`'s actions, then judges at the scenario's end.
    pub fn play(&self, trainee: &Trainee) -> Result<Debrief, RunError> {
        self.set_trainee(&trainee.trainee);
        for (index, timed) in trainee.actions.iter().enumerate() {
            self.advance_to(timed.at.instant(&self.election));
            let outcome = match &timed.action {
                Some(action) => self.perform(action),
                None => Ok(()),
            };
            check_outcome(timed, outcome).map_err(|error| RunError { action: index + 1, error })?;
            self.advance();
        }
        self.advance_to(self.ends_at());
        self.debrief().map_err(|error| RunError { action: trainee.actions.len() + 1, error })
    }

    fn perform(&self, action: &TraineeAction) -> Result<(), ApiError> {
        let station = self.station.as_ref();
        match action {
            TraineeAction::Voters { count, case, every } => {
                for index in 0..*count {
                    if index > 0 && *every > 0 {
                        let _ = self.clock.jump_to(station.now() + Duration::minutes(i64::from(*every)));
                    }
                    crate::demo_day::serve(station, voter_case(*case))?;
                }
            }
            TraineeAction::Serve { mistake } => {
                let document = self.at_desk().ok_or_else(|| ApiError::new("desk.idle", "error-desk-idle"))?;
                match mistake {
                    None => crate::demo_day::serve_arrival(station, document)?,
                    Some(ServeMistake::SendAway) => {
                        let _ = station.desk_read_document(document);
                        station.desk_clear();
                    }
                }
            }
            TraineeAction::ReportTurnout => {
                let now = station.now();
                let election = &self.election;
                let state_done: Vec<bool> = {
                    let journal = station.journal();
                    TURNOUT_STEPS.iter().map(|step| journal.state().done_at(*step).is_some()).collect()
                };
                let due = TURNOUT_STEPS
                    .iter()
                    .zip(state_done)
                    .filter(|(step, done)| !done && timeline::starts_at(election, **step) <= now)
                    .map(|(step, _)| *step)
                    .next_back()
                    .ok_or_else(|| ApiError::new("turnout.not-a-report", "error-turnout-not-a-report"))?;
                station.act(Command::ReportTurnout { step: due })?;
            }
            TraineeAction::RecordAeuFailure { device } => drop(station.act(Command::RecordAeuFailure { aeu: device.clone() })?),
            TraineeAction::SwitchToReserveAeu => drop(station.act_and_print(Command::SwitchToReserveAeu)?),
            TraineeAction::SwitchToTransparentBox { box_id, seal } => drop(station.act_and_print(
                Command::SwitchToTransparentBox { box_id: box_id.clone(), seals: vec![seal.clone()] },
            )?),
            TraineeAction::RecordDeviceStop { device } => drop(station.act(Command::RecordDeviceStop { device: *device })?),
            TraineeAction::RecordDeviceResumed { device } => {
                drop(station.act(Command::RecordDeviceResumed { device: *device })?)
            }
            TraineeAction::PrintAgain => print_again(station, &self.election)?,
            TraineeAction::PowerCut => drop(station.act(Command::RecordPowerCut)?),
            TraineeAction::PowerRestored => drop(station.act(Command::RecordPowerRestored)?),
            TraineeAction::Duplicate { reason } => {
                station.duplicate_scan()?;
                station.duplicate_authorise(reason, sim::DEFAULT_PIN)?;
                station.duplicate_clear()?;
            }
            TraineeAction::Arrival { category, name, organisation, accreditation, citizen } => {
                station.act(Command::RegisterArrival {
                    arrival: domain::attendance::Arrival {
                        category: *category,
                        name: name.clone(),
                        member_id: None,
                        organisation: organisation.clone(),
                        accreditation: accreditation.clone(),
                        kyrgyz_citizen: *citizen,
                    },
                })?;
            }
            TraineeAction::ClosePolls => drop(station.act(Command::ClosePolls)?),
            TraineeAction::CancelUnused => {
                let (unused, spoiled_returned) = {
                    let journal = station.journal();
                    let state = journal.state();
                    let received = state.ballots.received.as_ref().map(|r| r.recounted).unwrap_or(0);
                    let outside = u32::try_from(state.out_of_premises.served.len()).unwrap_or(u32::MAX);
                    let spoiled = state.spoils.spoiled_returned;
                    let unused = received
                        .saturating_sub(state.identification.identified_count())
                        .saturating_sub(outside)
                        .saturating_sub(spoiled);
                    (unused, spoiled)
                };
                station.act_and_print(Command::CancelUnusedBallots { unused, spoiled_returned })?;
            }
            TraineeAction::ListTotals => {
                let command = {
                    let journal = station.journal();
                    let state = journal.state();
                    let receipts = state.identification.identified_count();
                    let voters_in_list = match self.election.station.kind {
                        StationKind::RemoteVoting => state.identification.listed_count(),
                        _ => state.safe.as_ref().map(|s| s.voters_electronic).unwrap_or(0),
                    };
                    Command::RecordListTotals {
                        pages: voters_in_list.div_ceil(20).max(1),
                        voters_in_list,
                        signatures: receipts,
                        explanation: None,
                    }
                };
                station.act_and_print(command)?;
            }
            TraineeAction::OpenPortableBox { mistake } => {
                let truth = self.portable_truth().ok_or_else(|| {
                    ApiError::new("oop.not-a-portable-box", "error-oop-not-a-portable-box").with("box", PORTABLE_BOX)
                })?;
                let found = match mistake {
                    Some(PortableMistake::HideExcess) => truth.served,
                    None => truth.found,
                };
                station.act_and_print(Command::OpenPortableBox { box_id: PORTABLE_BOX.into(), seals_intact: true, found })?;
            }
            TraineeAction::AeuResults => drop(station.aeu_results_from_driver()?),
            TraineeAction::Count { mistake, contest } => self.count(*mistake, contest.as_deref())?,
            TraineeAction::DemandRecount { observer, contest } => {
                let person = {
                    let journal = station.journal();
                    journal.state().present().find(|a| same_name(&a.name, observer)).map(|a| a.person)
                };
                let person = person.ok_or_else(|| ApiError::new("attendance.not-present", "error-attendance-not-present").with("person", observer.clone()))?;
                station.act(Command::DemandRecount { contest: contest.clone(), by: person, reason: "§62".into() })?;
            }
            TraineeAction::SignProtocol => {
                let signers = members_present(station);
                station.act(Command::SignProtocol { signers })?;
            }
            TraineeAction::Complaint { from, text } => {
                station.act(Command::ReceiveComplaint { from: from.clone(), text: text.clone() })?;
            }
            TraineeAction::DecideComplaint { decision } => {
                let number = {
                    let journal = station.journal();
                    journal.state().count.complaints.iter().find(|c| c.decision.is_none()).map(|c| c.number)
                };
                let number = number.ok_or_else(|| ApiError::new("count.unknown-complaint", "error-count-unknown-complaint").with("number", 0i64))?;
                station.act(Command::DecideComplaint { number, decision: decision.clone(), agreed: members_present(station) })?;
            }
            TraineeAction::SealPackets => drop(station.act(Command::SealPackets)?),
            TraineeAction::Delivery => drop(station.act(Command::RecordDelivery)?),
        }
        Ok(())
    }

    /// Every contest counted here entered by two members, from the true piles; a mistake
    /// on one contest if asked.
    fn count(&self, mistake: Option<CountMistake>, contest: Option<&str>) -> Result<(), ApiError> {
        let station = self.station.as_ref();
        let truth = station.simulated_truth();
        let counted = domain::count::contests_counted_here(&self.election);
        let wrong = mistake.and_then(|_| {
            contest.map(str::to_owned).or_else(|| {
                counted.iter().find(|c| truth.iter().any(|t| t.contest == c.id && t.cast > 0)).map(|c| c.id.clone())
            })
        });
        let counters: Vec<String> = {
            let journal = station.journal();
            let state = journal.state();
            self.election
                .commission
                .iter()
                .filter(|m| m.role == Role::Member && state.present().any(|a| a.member_id.as_deref() == Some(m.id.as_str())))
                .take(2)
                .map(|m| m.id.clone())
                .collect()
        };
        for contest in counted {
            let tally = truth.iter().find(|t| t.contest == contest.id).cloned().unwrap_or_default();
            let mut figures = CountFigures {
                in_boxes: tally.cast,
                votes: contest.options.iter().map(|o| (o.id.clone(), tally.votes.get(&o.id).copied().unwrap_or(0))).collect(),
                invalid: tally.invalid,
                ..CountFigures::default()
            };
            if wrong.as_deref() == Some(contest.id.as_str()) {
                match mistake {
                    Some(CountMistake::WrongPile) => {
                        let options: Vec<String> = contest.options.iter().map(|o| o.id.clone()).collect();
                        if let Some(from) = options.iter().find(|o| figures.votes.get(*o).copied().unwrap_or(0) > 0).cloned() {
                            let to = options.iter().find(|o| **o != from).cloned().unwrap_or_default();
                            *figures.votes.entry(from).or_insert(0) -= 1;
                            *figures.votes.entry(to).or_insert(0) += 1;
                        }
                    }
                    Some(CountMistake::CopyAeu) => {
                        let journal = station.journal();
                        if let Some(tally) =
                            journal.state().count.aeu.as_ref().and_then(|r| r.tallies.iter().find(|t| t.contest == contest.id))
                        {
                            figures.in_boxes = tally.processed;
                            figures.votes = contest.options.iter().map(|o| (o.id.clone(), tally.votes.get(&o.id).copied().unwrap_or(0))).collect();
                            figures.invalid = tally.invalid;
                        }
                    }
                    None => {}
                }
            }
            for member in &counters {
                station.act(Command::EnterCount { contest: contest.id.clone(), member: member.clone(), figures: figures.clone() })?;
            }
        }
        Ok(())
    }
}

fn check_outcome(timed: &TimedAction, outcome: Result<(), ApiError>) -> Result<(), ApiError> {
    match (&timed.refused, outcome) {
        (None, outcome) => outcome,
        (Some(expected), Err(error)) if &error.code == expected => Ok(()),
        (Some(_), Err(error)) => Err(error),
        (Some(expected), Ok(())) => {
            Err(ApiError::new("training.not-refused", "training-error-not-refused").with("code", expected.clone()))
        }
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    normal(a) == normal(b)
}

fn members_present(station: &Station) -> Vec<String> {
    let journal = station.journal();
    journal.state().present().filter_map(|a| a.member_id.clone()).collect()
}

/// After a printer stop: the receipt and the ballot printed again, the voter listed.
fn print_again(station: &Station, election: &domain::ElectionDefinition) -> Result<(), ApiError> {
    let desk = station.desk();
    if !desk.receipt_printed {
        station.desk_print_receipt()?;
    }
    if election.station.kind == StationKind::RemoteVoting && !desk.ballot_printed {
        station.desk_print_ballot()?;
    }
    if !desk.listed {
        station.desk_list()?;
    }
    if election.station.kind != StationKind::RemoteVoting && !desk.ballot_issued {
        station.desk_issue_ballot()?;
    }
    station.desk_clear();
    Ok(())
}
