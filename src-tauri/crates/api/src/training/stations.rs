//! The station the app shows, swappable: the one it opened at start, or a training
//! scenario's. Loading a scenario opens a fresh station in `<data>/training/<scenario>-<n>/`
//! and the main window, the observers' monitor and the trainer's console all follow it,
//! because every command asks [`Stations::current`] — which also advances the scenario,
//! so its events happen as the clock passes them.

use std::path::PathBuf;
use std::sync::{Arc, PoisonError, RwLock};

use domain::election::LocalizedText;
use domain::scenario::ScenarioDemo;
use driver_api::DeviceStatus;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;
use crate::station::Station;
use crate::training::engine::TrainingRun;
use crate::training::report::{self, DebriefView};
use crate::training::words::Words;
use crate::training::{prepare, scenarios};
use crate::view::ClockView;

#[derive(Clone)]
struct Current {
    station: Arc<Station>,
    run: Option<Arc<TrainingRun>>,
}

pub struct Stations {
    home: Arc<Station>,
    current: RwLock<Current>,
    /// `<data>/training`: a folder per scenario run, and the class summary.
    root: PathBuf,
}

/// A shipped scenario in the console's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScenarioSummary {
    pub id: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub demo: ScenarioDemo,
    pub starts: String,
    pub ends: String,
}

/// One event of the running scenario's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineItem {
    /// When the scenario has it happen.
    pub at: String,
    pub text: String,
    /// When it happened (the clock may have jumped past its time).
    pub happened_at: Option<String>,
    /// Why the simulation could not make it happen.
    pub problem: Option<String>,
}

/// One action of the trainee, from the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedItem {
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RunView {
    pub scenario: String,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub trainee: String,
    /// The run's folder.
    pub folder: String,
    pub starts: String,
    pub ends: String,
    /// The clock passed the scenario's end: the debrief judges everything.
    pub over: bool,
    pub timeline: Vec<TimelineItem>,
    /// The trainee's actions since the scenario started, newest first.
    pub feed: Vec<FeedItem>,
}

/// The trainer's console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsoleView {
    pub language: String,
    pub scenarios: Vec<ScenarioSummary>,
    pub run: Option<RunView>,
    pub clock: ClockView,
    pub devices: Vec<DeviceStatus>,
    pub simulated: bool,
}

/// How many of the trainee's latest actions the console lists.
const FEED_LENGTH: usize = 200;

impl Stations {
    pub fn new(station: Station) -> Stations {
        let home = Arc::new(station);
        let root = home.data_dir().join("training");
        Stations { current: RwLock::new(Current { station: Arc::clone(&home), run: None }), home, root }
    }

    fn read(&self) -> Current {
        self.current.read().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// The station the windows show now; a running scenario is advanced first.
    pub fn current(&self) -> Arc<Station> {
        let current = self.read();
        if let Some(run) = &current.run {
            run.advance();
        }
        current.station
    }

    /// The scenario running, if any.
    pub fn run(&self) -> Option<Arc<TrainingRun>> {
        self.read().run
    }

    fn folder_for(&self, scenario: &str) -> PathBuf {
        let mut n = 1;
        loop {
            let folder = self.root.join(format!("{scenario}-{n}"));
            if !folder.exists() {
                return folder;
            }
            n += 1;
        }
    }

    /// Loads a shipped scenario: a fresh station with its prepared part recorded and the
    /// clock paused at its start. The windows follow it at once.
    /// Refused unless the app runs a mock election: a real station never becomes a
    /// training one.
    pub fn load_scenario(&self, id: &str) -> Result<(), ApiError> {
        if !self.home.election()?.training {
            return Err(ApiError::new("training.not-a-mock-election", "training-error-not-a-mock-election"));
        }
        let scenario = scenarios::shipped(id)?;
        let language = self.current().language();
        let run = prepare::open_run(&scenario, self.folder_for(&scenario.id), language)?;
        let run = Arc::new(run);
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        *current = Current { station: Arc::clone(run.station()), run: Some(run) };
        Ok(())
    }

    /// Back to the station the app opened at start.
    pub fn leave_training(&self) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        *current = Current { station: Arc::clone(&self.home), run: None };
    }

    pub fn set_trainee(&self, name: &str) -> Result<(), ApiError> {
        self.running()?.set_trainee(name);
        Ok(())
    }

    fn running(&self) -> Result<Arc<TrainingRun>, ApiError> {
        self.run().ok_or_else(|| ApiError::new("training.no-scenario", "training-error-no-scenario"))
    }

    pub fn console(&self) -> ConsoleView {
        let station = self.current();
        let language = station.language();
        let words = Words::new(language);
        let scenarios = scenarios::all_shipped()
            .unwrap_or_default()
            .into_iter()
            .map(|s| ScenarioSummary {
                id: s.id.clone(),
                title: s.title.clone(),
                description: s.description.clone(),
                demo: s.demo,
                starts: s.starts.label(),
                ends: s.ends.label(),
            })
            .collect();
        let overview = station.overview();
        ConsoleView {
            language: language.code().to_owned(),
            scenarios,
            run: self.run().map(|run| run_view(&run, &words)),
            clock: overview.clock,
            devices: overview.devices,
            simulated: overview.simulated,
        }
    }

    /// The running scenario's debrief as of now, in the chosen language.
    pub fn debrief(&self) -> Result<DebriefView, ApiError> {
        let run = self.running()?;
        let debrief = run.debrief()?;
        Ok(report::render(&debrief, &run.scenario, &run.election, run.station().language()))
    }

    /// Saves the debrief as PDF in the run's `documents/` and appends its row to the class
    /// summary `<data>/training/class-summary.csv`; says where the PDF is.
    pub fn save_debrief(&self) -> Result<String, ApiError> {
        let run = self.running()?;
        let view = self.debrief()?;
        let station = run.station();
        let pdf = report::pdf(&view, &run.election, station.language(), station.now())?;
        let folder = run.dir().join("documents");
        let path = folder.join("debrief.pdf");
        std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, pdf)).map_err(|error| {
            ApiError::new("document.write", "error-document-write")
                .with("path", path.display().to_string())
                .with("detail", error.to_string())
        })?;
        report::append_summary(&self.root.join("class-summary.csv"), &view)?;
        Ok(path.display().to_string())
    }
}

fn run_view(run: &TrainingRun, words: &Words) -> RunView {
    let election = &run.election;
    let label = |at| domain::debrief::label(election, at);
    let happened = run.happened();
    let timeline = run
        .scenario
        .events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let args = domain::scenario::happening_args(&event.happening, election, words.language().code());
            let done = happened.iter().rev().find(|h| h.event == index);
            TimelineItem {
                at: event.at.label(),
                text: words.say(&format!("training-happening-{}", event.happening.name()), &args),
                happened_at: done.filter(|h| h.problem.is_none()).map(|h| label(h.at)),
                problem: done.and_then(|h| h.problem.as_ref()).map(|problem| words.error(problem)),
            }
        })
        .collect();
    let starts = run.starts_at();
    let feed = run
        .station()
        .events()
        .unwrap_or_default()
        .iter()
        .rev()
        .filter(|event| event.at() >= starts)
        .take(FEED_LENGTH)
        .map(|event| FeedItem { at: label(event.at()), text: words.event(event, election) })
        .collect();
    RunView {
        scenario: run.scenario.id.clone(),
        title: run.scenario.title.clone(),
        description: run.scenario.description.clone(),
        trainee: run.trainee(),
        folder: run.dir().display().to_string(),
        starts: run.scenario.starts.label(),
        ends: run.scenario.ends.label(),
        over: run.station().now() >= run.ends_at(),
        timeline,
        feed,
    }
}
