//! The pure election-day model of a polling station.
//!
//! Owns: the election definition (`election`), the day's procedures and their schedule
//! (`timeline`), the attendance register (`attendance`), the verifiable lot (`lot`), the
//! opening meeting's records (`opening`), out-of-premises voting (`out_of_premises`),
//! identifying voters and turnout (`identification`, `voting`), numbered acts (`acts`),
//! spoiled ballots and the duplicates signed by the chair's card (`spoils`), incidents
//! of voting hours (`incidents`), the journal's hash-chain arithmetic shared by the
//! store, the bundle and the head signed acts are bound to (`chain`),
//! the station key and the signed checkpoints of the journal (`checkpoint`),
//! the results protocol form and its control relations (`protocol`), the rules
//! the close and the count (`count`, `closing`), the results a bundle carries (`results`),
//! the district commission's journal, rules and summary table (`dec`),
//! the rules (`rules`), training scenarios, scripted trainees and the debrief of a mock
//! election (`scenario`, `trainee`, `debrief`), the journal's events and
//! commands (`event`), and the two pure functions the journal is replayed through:
//! [`decide`] and [`apply`].
//!
//! Must never: touch a file, a database, the network or a device; read the clock or draw
//! randomness. Time and randomness come in as arguments. This keeps every rule testable
//! and lets the district commission replay a station's journal to the same result.

pub mod acts;
pub mod chain;
pub mod checkpoint;
pub mod attendance;
mod closing;
pub mod count;
pub mod debrief;
pub mod dec;
pub mod election;
pub mod error;
pub mod event;
pub mod identification;
pub mod incidents;
pub mod lot;
pub mod opening;
pub mod out_of_premises;
pub mod protocol;
pub mod results;
pub mod rules;
pub mod scenario;
pub mod spoils;
pub mod state;
pub mod timeline;
pub mod trainee;
pub mod toml_text;
pub mod voting;

pub use election::{ElectionDefinition, ElectionKind, StationKind};
pub use error::{DomainError, MessageArg};
pub use event::{Command, Event};
pub use state::{DayState, apply, decide};
pub use timeline::{StepId, StepState};
