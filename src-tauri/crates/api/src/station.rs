//! A station at work: its journal, its clock and its devices, and the use cases over
//! them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Offset, Utc};
use domain::election::ElectionDefinition;
use domain::{Command, StepId, StepState, timeline};
use driver_api::Device;
use i18n::Language;
use store::{Health, Journal};

use crate::clock::Clock;
use crate::demo::Demo;
use crate::error::ApiError;
use crate::view::{ClockView, ElectionView, JournalView, MonitorView, Overview, TimelineStep};

const LANGUAGE_SETTING: &str = "language";
const DATABASE_FILE: &str = "uchastok.db";

pub struct StationConfig {
    /// Where the station's database lives (the user's data directory in the app).
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    pub devices: Vec<Arc<dyn Device>>,
    /// The demo to load when the journal holds no election yet.
    pub demo: Option<Demo>,
}

pub struct Station {
    journal: Mutex<Journal>,
    clock: Arc<dyn Clock>,
    devices: Vec<Arc<dyn Device>>,
}

impl Station {
    /// Opens the station's journal (creating it on first start) and, on a new journal,
    /// loads the demo election with its voting day set to today. A damaged journal
    /// opens read-only; the overview says why.
    pub fn open(config: StationConfig) -> Result<Station, ApiError> {
        std::fs::create_dir_all(&config.data_dir).map_err(|error| {
            ApiError::new("data-dir", "error-data-dir")
                .with("path", config.data_dir.display().to_string())
                .with("detail", error.to_string())
        })?;
        let mut journal = Journal::open(&config.data_dir.join(DATABASE_FILE))?;
        if let (Some(demo), None, Health::Ok) = (config.demo, &journal.state().election, journal.health()) {
            let now = config.clock.now();
            let definition = demo.definition(now)?;
            journal.execute(&Command::LoadElection { definition: Box::new(definition) }, now)?;
        }
        Ok(Station { journal: Mutex::new(journal), clock: config.clock, devices: config.devices })
    }

    fn journal(&self) -> MutexGuard<'_, Journal> {
        // A panic while holding the lock cannot leave the journal half-written: every
        // append is one SQLite transaction.
        self.journal.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn language(&self) -> Language {
        self.journal()
            .setting(LANGUAGE_SETTING)
            .ok()
            .flatten()
            .and_then(|code| code.parse().ok())
            .unwrap_or_default()
    }

    /// Remembers the language chosen in the window.
    pub fn set_language(&self, language: Language) -> Result<(), ApiError> {
        self.journal().set_setting(LANGUAGE_SETTING, language.code())?;
        Ok(())
    }

    /// The chair records a procedure of the day as carried out.
    pub fn complete_step(&self, step: StepId) -> Result<Overview, ApiError> {
        let now = self.clock.now();
        self.journal().execute(&Command::CompleteStep { step }, now)?;
        Ok(self.overview())
    }

    pub fn overview(&self) -> Overview {
        let now = self.clock.now();
        let language = self.language();
        let journal = self.journal();
        let state = journal.state();
        let election = state.election.as_ref();
        let read_only = !matches!(journal.health(), Health::Ok);
        let timeline = match election {
            Some(definition) => state
                .timeline(now)
                .into_iter()
                .map(|(step, step_state)| {
                    let can_complete = !read_only
                        && step_state != StepState::Done
                        && step_state != StepState::NotYet
                        && step.completed_by() == step
                        && step.prerequisites().iter().all(|p| state.completed.contains_key(p));
                    timeline_step(definition, step, step_state, state.done_at(step), can_complete)
                })
                .collect(),
            None => Vec::new(),
        };
        let head = journal.head();
        let journal_view = JournalView {
            events: u32::try_from(head.count).unwrap_or(u32::MAX),
            head: head.hex().chars().take(16).collect(),
            read_only,
            problem: match journal.health() {
                Health::Ok => None,
                Health::ReadOnly(problem) => Some(ApiError {
                    code: "journal.read-only".to_owned(),
                    message: problem.message_id().to_owned(),
                    args: problem.args(),
                }),
            },
        };
        Overview {
            language: language.code().to_owned(),
            election: election.map(election_view),
            clock: clock_view(election, now),
            timeline,
            devices: self.devices.iter().map(|device| device.status()).collect(),
            journal: journal_view,
        }
    }

    pub fn monitor(&self) -> MonitorView {
        let language = self.language();
        let journal = self.journal();
        let election = journal.state().election.as_ref();
        MonitorView {
            language: language.code().to_owned(),
            station_number: election.map(|e| e.station.number.clone()),
            training: election.is_some_and(|e| e.training),
            // The voter register and identification arrive with the identification
            // procedures; until then the monitor shows zeroes, not made-up figures.
            voters_in_list: 0,
            voters_identified: 0,
        }
    }
}

fn election_view(definition: &ElectionDefinition) -> ElectionView {
    let district = definition
        .contests
        .iter()
        .find(|contest| contest.id == definition.station.district)
        .map(|contest| contest.designation.clone())
        .unwrap_or_default();
    ElectionView {
        id: definition.id.clone(),
        name: definition.name.clone(),
        kind: definition.kind,
        training: definition.training,
        voting_day: definition.voting_day.format("%Y-%m-%d").to_string(),
        timezone: definition.timezone.clone(),
        station_number: definition.station.number.clone(),
        station_kind: definition.station.kind,
        station_address: definition.station.address.clone(),
        district,
        contests: u32::try_from(definition.contests.len()).unwrap_or(u32::MAX),
    }
}

fn clock_view(election: Option<&ElectionDefinition>, now: DateTime<Utc>) -> ClockView {
    let zone = election.map(ElectionDefinition::tz).unwrap_or(chrono_tz::Asia::Bishkek);
    let local = now.with_timezone(&zone);
    ClockView {
        local: local.format("%Y-%m-%dT%H:%M:%S").to_string(),
        utc_offset: local.offset().fix().to_string(),
        timezone: zone.name().to_owned(),
    }
}

fn timeline_step(
    definition: &ElectionDefinition,
    step: StepId,
    state: StepState,
    done_at: Option<DateTime<Utc>>,
    can_complete: bool,
) -> TimelineStep {
    let zone = definition.tz();
    let day_of = |instant: DateTime<Utc>| {
        let local = instant.with_timezone(&zone).date_naive();
        i32::try_from((local - definition.voting_day).num_days()).unwrap_or(0)
    };
    let hh_mm = |instant: DateTime<Utc>| instant.with_timezone(&zone).format("%H:%M").to_string();
    let starts = timeline::starts_at(definition, step);
    let deadline = timeline::deadline(definition, step);
    TimelineStep {
        step,
        state,
        starts: hh_mm(starts),
        deadline: hh_mm(deadline),
        start_day: day_of(starts),
        deadline_day: day_of(deadline),
        clause: step.clause(definition.station.kind).to_owned(),
        done_at: done_at.map(hh_mm),
        can_complete,
    }
}
