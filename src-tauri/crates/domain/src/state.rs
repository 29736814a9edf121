//! The state of the day, derived from the journal, and the two pure functions over it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::acts::Act;
use crate::attendance::Attendee;
use crate::checkpoint::{self, KeysState};
use crate::count::CountState;
use crate::election::ElectionDefinition;
use crate::error::DomainError;
use crate::identification::{IdentificationState, IdentifiedVoter, TurnoutReport};
use crate::incidents::{self, IncidentsState};
use crate::chain;
use crate::event::{Command, Event};
use crate::lot::{LotPurpose, LotRecord};
use crate::opening::{BallotLedger, SafeOpening, SealedBox};
use crate::out_of_premises::OutOfPremisesState;
use crate::rules;
use crate::spoils::{self, ChairCard, SpoilsState};
use crate::timeline::{self, StepId, StepState};

/// A lot between its commitment and its draw, or drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotState {
    pub committed_at: DateTime<Utc>,
    pub commitment: String,
    pub members: Vec<String>,
    pub count: u32,
    pub drawn: Option<(DateTime<Utc>, LotRecord)>,
}

/// Everything the rules need to know, rebuilt by replaying the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayState {
    pub election: Option<ElectionDefinition>,
    pub completed: BTreeMap<StepId, DateTime<Utc>>,
    pub attendance: Vec<Attendee>,
    pub lots: BTreeMap<LotPurpose, LotState>,
    pub safe: Option<SafeOpening>,
    pub boxes: Vec<SealedBox>,
    pub sealing_finished_at: Option<DateTime<Utc>>,
    pub ballots: BallotLedger,
    pub polls_opened_at: Option<DateTime<Utc>>,
    pub out_of_premises: OutOfPremisesState,
    pub identification: IdentificationState,
    /// Every act drawn up, in order of their numbers.
    pub acts: Vec<Act>,
    /// The close and the count.
    pub count: CountState,
    pub events_applied: u64,
    /// Spoiled ballots, duplicates and the chair's card (§45, R4.4).
    #[serde(default)]
    pub spoils: SpoilsState,
    /// Failed urns, stopped devices, power cuts, help given (§48, §6, §46).
    #[serde(default)]
    pub incidents: IncidentsState,
    /// The hash of the journal's last entry, by the store's formula
    /// (`chain::event_hash`): what a signed act is bound to.
    #[serde(default = "genesis")]
    pub journal_head: [u8; 32],
    /// The station key and the signed checkpoints (`checkpoint`).
    #[serde(default)]
    pub keys: KeysState,
}

fn genesis() -> [u8; 32] {
    chain::GENESIS_HASH
}

impl DayState {
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> DayState {
        events.into_iter().fold(DayState::default(), |state, event| apply(state, event))
    }

    pub fn lot_drawn(&self, purpose: LotPurpose) -> Option<&LotRecord> {
        self.lots.get(&purpose).and_then(|lot| lot.drawn.as_ref()).map(|(_, record)| record)
    }

    /// When a step was done: by its own procedure's events, or as recorded by the chair
    /// for the steps that have no guided procedure yet.
    pub fn done_at(&self, step: StepId) -> Option<DateTime<Utc>> {
        match step {
            StepId::LotDrawing => self
                .lots
                .get(&LotPurpose::Roles)
                .and_then(|lot| lot.drawn.as_ref())
                .map(|(at, _)| *at),
            StepId::OpeningSafe => self.safe.as_ref().map(|safe| safe.at),
            StepId::OutOfPremisesVoting => self.out_of_premises.closing.as_ref().map(|closing| closing.at),
            StepId::SealingBoxes => self.sealing_finished_at,
            StepId::BallotsToMembers => self
                .ballots
                .issue_finished_at
                .or_else(|| self.ballots.paper_stock.as_ref().map(|stock| stock.at)),
            StepId::Turnout10 | StepId::Turnout12 | StepId::Turnout14 | StepId::Turnout16 | StepId::Turnout18 => {
                self.identification.turnout.get(&step).map(|report| report.at)
            }
            StepId::Voting | StepId::Close => self.count.closed_at,
            StepId::Count => {
                let agreed: Option<Vec<DateTime<Utc>>> = self
                    .election
                    .as_ref()
                    .map(|election| {
                        crate::count::contests_counted_here(election)
                            .iter()
                            .map(|contest| self.count.agreed(&contest.id).map(|(at, _)| at))
                            .collect()
                    })
                    .unwrap_or(None);
                agreed.and_then(|times| times.into_iter().max())
            }
            StepId::Protocol => self.count.protocol().map(|p| p.at),
            StepId::Packets => self.count.packets.as_ref().map(|(at, _)| *at),
            StepId::Delivery => self.count.delivered_at,
        }
    }

    /// The state of every step that applies to this station, in the order of the day.
    pub fn timeline(&self, now: DateTime<Utc>) -> Vec<(StepId, StepState)> {
        let Some(election) = &self.election else { return Vec::new() };
        StepId::ALL
            .into_iter()
            .filter(|step| step.applies_to(election.station.kind))
            .map(|step| (step, timeline::step_state(election, step, self.done_at(step), now)))
            .collect()
    }

    /// Both the main and the reserve AEU failed (§48): no AEU preliminary protocol.
    pub fn both_aeus_failed(&self) -> bool {
        incidents::all_aeus_failed(self)
    }

    /// Duplicates printed at a remote station for spoiled ballots of this contest (R4.4).
    pub fn duplicates_printed_in(&self, contest: &str) -> u32 {
        self.spoils.duplicates_printed_in(contest)
    }

    /// Spoiled ballots of this contest cancelled at a remote station (R4.4): one for each
    /// duplicate authorised, cut on the spot.
    pub fn spoiled_cancelled_in(&self, contest: &str) -> u32 {
        self.spoils.duplicates_in(contest)
    }

    pub fn spoiled_cancelled_total(&self) -> u32 {
        self.spoils.spoiled_cancelled()
    }

    /// People present now.
    pub fn present(&self) -> impl Iterator<Item = &Attendee> {
        self.attendance.iter().filter(|a| a.present())
    }
}

/// Checks a command against the rules and the state; returns the events to append, or
/// the rule that refuses it (and then nothing is recorded).
pub fn decide(state: &DayState, command: &Command, now: DateTime<Utc>) -> Result<Vec<Event>, DomainError> {
    if let Command::LoadElection { definition } = command {
        if state.election.is_some() {
            return Err(DomainError::new("election.already-loaded", "error-election-already-loaded"));
        }
        return Ok(vec![Event::ElectionLoaded { at: now, definition: definition.clone() }]);
    }
    let Some(election) = &state.election else {
        return Err(DomainError::new("election.not-loaded", "error-election-not-loaded"));
    };
    rules::decide(election, state, command, now)
}

/// Folds one event into the state. Total: an event the journal holds is a fact, so
/// `apply` never refuses it.
pub fn apply(mut state: DayState, event: &Event) -> DayState {
    match event {
        Event::ElectionLoaded { definition, .. } => {
            state.election = Some((**definition).clone());
        }
        Event::StepCompleted { at, step } => {
            state.completed.entry(*step).or_insert(*at);
        }
        Event::PersonArrived { attendee } => state.attendance.push(attendee.clone()),
        Event::PersonLeft { at, person } => {
            if let Some(attendee) = state.attendance.iter_mut().find(|a| a.person == *person) {
                attendee.left_at = Some(*at);
            }
        }
        Event::LotCommitted { at, purpose, commitment, members, count } => {
            state.lots.insert(
                *purpose,
                LotState {
                    committed_at: *at,
                    commitment: commitment.clone(),
                    members: members.clone(),
                    count: *count,
                    drawn: None,
                },
            );
        }
        Event::LotDrawn { at, record } => {
            if let Some(lot) = state.lots.get_mut(&record.purpose) {
                lot.drawn = Some((*at, record.clone()));
            }
        }
        Event::SafeOpened { opening } => state.safe = Some(opening.clone()),
        Event::BoxSealed { sealed } => state.boxes.push(sealed.clone()),
        Event::SealingFinished { at } => state.sealing_finished_at = Some(*at),
        Event::BallotsReceived { received } => state.ballots.received = Some(received.clone()),
        Event::BallotsIssuedToMember { batch } => state.ballots.batches.push(batch.clone()),
        Event::BallotIssueFinished { at } => state.ballots.issue_finished_at = Some(*at),
        Event::PaperStockRecorded { stock } => state.ballots.paper_stock = Some(stock.clone()),
        Event::PollsOpened { at } => state.polls_opened_at = Some(*at),
        Event::ApplicationRegistered { application, .. } => state.out_of_premises.applications.push(application.clone()),
        Event::OutOfPremisesVoterServed { served } => state.out_of_premises.served.push(served.clone()),
        Event::PortableBoxSlotSealed { box_id, .. } => state.out_of_premises.slots_sealed.push(box_id.clone()),
        Event::OutOfPremisesClosed { closing } => state.out_of_premises.closing = Some(closing.clone()),
        Event::ActDrawnUp { act } => state.acts.push(act.clone()),
        Event::VoterIdentified { voter, district, .. } => {
            state
                .identification
                .identified
                .insert(voter.clone(), IdentifiedVoter { district: district.clone(), listed: false });
        }
        Event::IdentificationFailed { .. } => state.identification.failures += 1,
        Event::BallotPrinted { district, .. } => {
            *state.identification.ballots_printed.entry(district.clone()).or_insert(0) += 1;
        }
        Event::VoterListed { voter, .. } => {
            if let Some(identified) = state.identification.identified.get_mut(voter) {
                identified.listed = true;
            }
        }
        Event::BallotIssuedToVoter { .. } => state.identification.ballots_issued += 1,
        Event::TurnoutReported { at, step, figure } => {
            state.identification.turnout.insert(*step, TurnoutReport { at: *at, figure: *figure });
        }
        Event::PollsClosed { at, turnout } => {
            state.count.closed_at = Some(*at);
            state.count.closing_turnout = Some(*turnout);
        }
        Event::UnusedBallotsCancelled { unused } => state.count.unused = Some(unused.clone()),
        Event::ListTotalsRecorded { totals } => state.count.list = Some(totals.clone()),
        Event::PortableBoxOpened { opened } => state.count.portable.push(opened.clone()),
        Event::AeuResultsRecorded { results } => state.count.aeu = Some(results.clone()),
        Event::CountEntered { entry } => state.count.entries.push(entry.clone()),
        Event::RecountDemanded { demand } => {
            state.count.recount_marks.push((demand.contest.clone(), state.count.entries.len()));
            state.count.recounts.push(demand.clone());
        }
        Event::ProtocolSigned { protocol } => {
            state.count.protocols.push(protocol.clone());
            state.count.correcting = false;
        }
        Event::ProtocolCorrectionStarted { .. } => {
            state.count.correcting = true;
            state.count.correction_mark = Some(state.count.entries.len());
        }
        Event::ComplaintReceived { complaint } => state.count.complaints.push(complaint.clone()),
        Event::ComplaintDecided { number, decision } => {
            if let Some(complaint) = state.count.complaints.iter_mut().find(|c| c.number == *number) {
                complaint.decision = Some(decision.clone());
            }
        }
        Event::DissentAttached { dissent } => state.count.dissents.push(dissent.clone()),
        Event::PacketsSealed { at, packets } => state.count.packets = Some((*at, packets.clone())),
        Event::Delivered { at } => state.count.delivered_at = Some(*at),
        Event::ChairCardRegistered { at, public_key, fingerprint } => {
            state.spoils.chair_card =
                Some(ChairCard { at: *at, public_key: public_key.clone(), fingerprint: fingerprint.clone() });
        }
        Event::DuplicateAuthorised { at, authorisation } => spoils::on_duplicate_authorised(&mut state, *at, authorisation),
        Event::DuplicatePrinted { spoiled_serial, .. } => {
            if let Some(record) = state.spoils.duplicates.get_mut(spoiled_serial) {
                record.printed = true;
            }
        }
        Event::BallotSpoiled { .. } => state.spoils.spoiled_returned += 1,
        Event::AeuFailed { .. }
        | Event::SwitchedToReserveAeu { .. }
        | Event::SwitchedToTransparentBox { .. }
        | Event::DeviceStopped { .. }
        | Event::DeviceResumed { .. }
        | Event::PowerCut { .. }
        | Event::PowerRestored { .. }
        | Event::AssistanceGiven { .. } => incidents::apply(&mut state, event),
        Event::StationKeyRegistered { .. } | Event::CheckpointSigned { .. } => checkpoint::apply(&mut state, event),
    }
    state.journal_head = chain::event_hash(&state.journal_head, state.events_applied + 1, event);
    state.events_applied += 1;
    state
}
