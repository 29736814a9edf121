//! What the commission does (commands) and what the journal records (events).
//!
//! Events are facts: once appended they are never changed, and replaying them through
//! [`crate::apply`] gives back the state. Each carries the time it happened, passed in
//! by the caller, so that a replay needs no clock.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::ElectionDefinition;
use crate::timeline::StepId;

/// A journal event. The serialized form (internally tagged JSON) is what the journal
/// hashes and what the district commission replays: change it only with a new variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Event {
    /// The station was set up for this election. Always the first event.
    ElectionLoaded {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        definition: Box<ElectionDefinition>,
    },
    /// The chair recorded a procedure of the day as carried out.
    StepCompleted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        step: StepId,
    },
}

impl Event {
    /// The short name stored beside the payload, for reading a journal by eye.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::ElectionLoaded { .. } => "election-loaded",
            Event::StepCompleted { .. } => "step-completed",
        }
    }

    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Event::ElectionLoaded { at, .. } | Event::StepCompleted { at, .. } => *at,
        }
    }
}

/// A request to act; [`crate::decide`] turns it into events or refuses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Command {
    LoadElection { definition: Box<ElectionDefinition> },
    CompleteStep { step: StepId },
}
