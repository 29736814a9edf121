//! Training mode: mock elections on simulated devices, run from data.
//!
//! - `clock`: the trainer's controls of the station clock (pause, ×1–×60, jumps forward
//!   to the day's named moments), refused outside a mock election;
//! - `scenarios`: the scenarios shipped in `assets/scenarios/` (format in
//!   `docs/training-scenario.md`, parsed and validated by `domain::scenario`);
//! - `prepare` and `engine`: a scenario's fresh station with the untrained part of the
//!   day recorded by the book, and the run that applies the scenario's events as the
//!   clock passes them and keeps the truth the debrief needs;
//! - `runner`: a scripted trainee (`domain::trainee`) played headless
//!   (`uchastok train run`, the tests);
//! - `stations`: the swappable station the app's windows follow, and the trainer's
//!   console;
//! - `report` and `words`: the debrief (`domain::debrief`) and the trainee's actions said
//!   in the trainer's language, on screen, in a watermarked PDF, and as a class summary
//!   row (CSV).

mod clock;
mod engine;
mod prepare;
pub mod report;
mod runner;
pub mod scenarios;
mod stations;
mod words;

pub use clock::{ClockControl, ClockMoment};
pub use engine::{Happened, TrainingRun};
pub use prepare::open_run;
pub use runner::RunError;
pub use stations::{ConsoleView, FeedItem, RunView, ScenarioSummary, Stations, TimelineItem};
