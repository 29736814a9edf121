//! The state of the day, derived from the journal, and the two pure functions over it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::election::ElectionDefinition;
use crate::error::DomainError;
use crate::event::{Command, Event};
use crate::timeline::{self, StepId, StepState};

/// Everything the rules need to know, rebuilt by replaying the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayState {
    pub election: Option<ElectionDefinition>,
    pub completed: BTreeMap<StepId, DateTime<Utc>>,
    pub events_applied: u64,
}

impl DayState {
    pub fn replay<'a>(events: impl IntoIterator<Item = &'a Event>) -> DayState {
        events.into_iter().fold(DayState::default(), |state, event| apply(state, event))
    }

    pub fn done_at(&self, step: StepId) -> Option<DateTime<Utc>> {
        self.completed.get(&step.completed_by()).copied()
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
}

/// Checks a command against the rules and the state; returns the events to append, or
/// the rule that refuses it (and then nothing is recorded).
pub fn decide(state: &DayState, command: &Command, now: DateTime<Utc>) -> Result<Vec<Event>, DomainError> {
    match command {
        Command::LoadElection { definition } => {
            if state.election.is_some() {
                return Err(DomainError::new("election.already-loaded", "error-election-already-loaded"));
            }
            Ok(vec![Event::ElectionLoaded { at: now, definition: definition.clone() }])
        }
        Command::CompleteStep { step } => {
            let Some(election) = &state.election else {
                return Err(DomainError::new("election.not-loaded", "error-election-not-loaded"));
            };
            let step = *step;
            let step_arg = step.name();
            if !step.applies_to(election.station.kind) {
                return Err(DomainError::new("step.not-applicable", "error-step-not-applicable")
                    .with("step", step_arg));
            }
            if step.completed_by() != step {
                return Err(DomainError::new("step.ends-with-another", "error-step-ends-with-another")
                    .with("step", step_arg)
                    .with("other", step.completed_by().name()));
            }
            if state.completed.contains_key(&step) {
                return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", step_arg));
            }
            let starts = timeline::starts_at(election, step);
            if now < starts {
                let local = starts.with_timezone(&election.tz());
                return Err(DomainError::new("step.too-early", "error-step-too-early")
                    .with("step", step_arg)
                    .with("time", local.format("%H:%M").to_string()));
            }
            if let Some(missing) = step.prerequisites().iter().find(|p| !state.completed.contains_key(p)) {
                return Err(DomainError::new("step.out-of-order", "error-step-out-of-order")
                    .with("step", step_arg)
                    .with("missing", missing.name()));
            }
            Ok(vec![Event::StepCompleted { at: now, step }])
        }
    }
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
    }
    state.events_applied += 1;
    state
}
