//! Every use case of the station as a plain function over an explicit context.
//!
//! Owns: opening a station (journal, clock, devices, demo election), training mode
//! (`training`: scenarios, the training clock's controls, scripted trainees, the
//! debrief, the swappable station the windows follow), spoiled ballots and
//! the duplicates the chair's card signs (`spoils`), incidents and their acts
//! (`incidents`), the district
//! commission's side (`dec`: its file, key registry, imports, summary table, documents
//! and NIST exports), the choice between the two (`mode`), the views that
//! cross IPC (`view`), and the one error shape the UI translates (`ApiError`). The Tauri
//! app, the CLI and the scenario tests all call this crate, so a use case behaves the
//! same from a window, a script and a test.
//!
//! Must never: depend on Tauri or on a window; read the system clock except through
//! the [`Clock`] it is given; talk to a device other than through `driver-api`.

pub mod ballot_code;
mod clock;
pub mod count;
pub mod dec;
pub mod demo;
pub mod demo_bundle;
pub mod demo_day;
pub mod desk;
pub mod documents;
mod error;
pub mod incidents;
mod protocol_documents;
pub mod mode;
pub mod export;
pub mod keys;
pub mod references;
pub mod register_import;
pub mod simulation;
pub mod spoils;
mod station;
pub mod training;
pub mod tunduk;
pub mod view;

pub use clock::{Clock, FixedClock, OffsetClock, SystemClock, TrainingClock};
pub use demo::{Demo, DemoStage};
pub use error::ApiError;
pub use i18n::Language;
pub use station::{Station, StationConfig};

/// A message in the given language, for texts the app shell shows (menus, titles).
pub fn text(language: Language, id: &str) -> String {
    i18n::Localizer::new(language).text(id)
}

/// A message with its arguments in the given language (an [`ApiError`] said in words).
pub fn text_with(language: Language, id: &str, args: &std::collections::BTreeMap<String, domain::MessageArg>) -> String {
    i18n::Localizer::new(language).message(id, args)
}
