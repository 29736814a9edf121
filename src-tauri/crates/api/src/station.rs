//! A station at work: its journal, its clock and its devices, and the use cases over
//! them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Offset, Utc};
use domain::election::ElectionDefinition;
use domain::lot::{Contribution, LotPurpose};
use domain::{Command, DayState, StepId, StepState, rules, timeline};
use ring::rand::{SecureRandom, SystemRandom};
use driver_api::Device;
use i18n::Language;
use store::{Health, Journal};

use crate::clock::Clock;
use crate::demo::Demo;
use crate::documents::{self, DocumentKind};
use crate::error::ApiError;
use crate::view::{ClockView, ElectionView, JournalView, LotView, MonitorView, OpeningView, Overview, TimelineStep};

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
    data_dir: PathBuf,
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
        Ok(Station { data_dir: config.data_dir, journal: Mutex::new(journal), clock: config.clock, devices: config.devices })
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
        self.act(Command::CompleteStep { step })
    }

    /// Records an act of the commission (attendance, safe, sealing, ballots, opening the
    /// polls…) if the rules allow it; otherwise nothing is recorded and the reason comes
    /// back. Setting up the election and the lot have their own functions.
    pub fn act(&self, command: Command) -> Result<Overview, ApiError> {
        if matches!(command, Command::LoadElection { .. } | Command::CommitLot { .. } | Command::DrawLot { .. }) {
            return Err(ApiError::new("act.not-here", "error-act-not-here"));
        }
        let now = self.clock.now();
        self.journal().execute(&command, now)?;
        Ok(self.overview())
    }

    /// Starts a lot: draws the app's secret, keeps it aside until the draw, and records
    /// the commitment everyone sees before contributing (§32, §24).
    pub fn commit_lot(&self, purpose: LotPurpose, count: u32) -> Result<Overview, ApiError> {
        let mut secret = [0u8; 32];
        SystemRandom::new()
            .fill(&mut secret)
            .map_err(|_| ApiError::new("lot.no-randomness", "error-lot-no-randomness"))?;
        let now = self.clock.now();
        let mut journal = self.journal();
        // Kept beside the journal, not in it, until the draw reveals it; a crash in
        // between loses nothing.
        journal.set_setting(&lot_secret_key(purpose), &domain::lot::hex(&secret))?;
        let commitment = domain::lot::commitment(&secret);
        journal.execute(&Command::CommitLot { purpose, commitment, count }, now)?;
        drop(journal);
        Ok(self.overview())
    }

    /// Draws a committed lot with the contributions of the people present.
    pub fn draw_lot(&self, purpose: LotPurpose, contributions: Vec<Contribution>) -> Result<Overview, ApiError> {
        let now = self.clock.now();
        let mut journal = self.journal();
        let secret = journal
            .setting(&lot_secret_key(purpose))?
            .ok_or_else(|| ApiError::new("lot.not-committed", "error-lot-not-committed"))?;
        journal.execute(&Command::DrawLot { purpose, secret, contributions }, now)?;
        drop(journal);
        Ok(self.overview())
    }

    /// A printed record of the opening meeting as PDF, in the chosen language.
    pub fn document_pdf(&self, kind: &DocumentKind) -> Result<Vec<u8>, ApiError> {
        let now = self.clock.now();
        let language = self.language();
        let journal = self.journal();
        let state = journal.state();
        let election = state.election.as_ref().ok_or_else(|| ApiError::new("election.not-loaded", "error-election-not-loaded"))?;
        let document = documents::build(kind, election, state, language, now)?;
        drop(journal);
        print::render_pdf(&document).map_err(|error| ApiError::new("print", "error-print").with("detail", error.to_string()))
    }

    /// Prints a record to `documents/` in the data directory (written whole, then
    /// renamed, so a power cut leaves the old file or the new one) and says where.
    pub fn save_document(&self, kind: &DocumentKind) -> Result<String, ApiError> {
        let pdf = self.document_pdf(kind)?;
        let folder = self.data_dir.join("documents");
        let path = folder.join(format!("{}.pdf", kind.file_stem()));
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&folder)?;
            let partial = path.with_extension("pdf.partial");
            std::fs::write(&partial, &pdf)?;
            std::fs::File::open(&partial)?.sync_all()?;
            std::fs::rename(&partial, &path)
        };
        write().map_err(|error| {
            ApiError::new("document.write", "error-document-write")
                .with("path", path.display().to_string())
                .with("detail", error.to_string())
        })?;
        Ok(path.display().to_string())
    }

    /// Writes the record of a drawn lot as JSON beside the documents, for
    /// `uchastok lot verify`, and says where.
    pub fn save_lot_record(&self, purpose: LotPurpose) -> Result<String, ApiError> {
        let record = self.lot_record(purpose).ok_or_else(|| ApiError::new("document.not-yet", "error-document-not-yet"))?;
        let folder = self.data_dir.join("documents");
        let path = folder.join(format!("{}.json", DocumentKind::LotRecord { purpose }.file_stem()));
        let text = serde_json::to_string_pretty(&record).map_err(|error| ApiError::new("internal", "error-internal").with("detail", error.to_string()))?;
        std::fs::create_dir_all(&folder)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|error| {
                ApiError::new("document.write", "error-document-write")
                    .with("path", path.display().to_string())
                    .with("detail", error.to_string())
            })?;
        Ok(path.display().to_string())
    }

    /// The record of a drawn lot, everything needed to re-run it (`uchastok lot verify`).
    pub fn lot_record(&self, purpose: LotPurpose) -> Option<domain::lot::LotRecord> {
        self.journal().state().lot_drawn(purpose).cloned()
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
                        && !rules::has_procedure(step)
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
            opening: election.map(|definition| opening_view(definition, state, now, read_only)),
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
        procedure: rules::has_procedure(step),
    }
}

fn lot_secret_key(purpose: LotPurpose) -> String {
    match purpose {
        LotPurpose::Roles => "lot-secret-roles".to_owned(),
        LotPurpose::OutOfPremises => "lot-secret-out-of-premises".to_owned(),
    }
}

fn opening_view(definition: &ElectionDefinition, state: &DayState, now: DateTime<Utc>, read_only: bool) -> OpeningView {
    let name_of = |id: &String| {
        definition.commission.iter().find(|m| &m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.clone())
    };
    let can_open_polls = !read_only
        && domain::decide(state, &Command::OpenPolls, now).is_ok();
    OpeningView {
        commission: definition.commission.clone(),
        attendance: state.attendance.clone(),
        lots: state
            .lots
            .iter()
            .map(|(purpose, lot)| LotView {
                purpose: *purpose,
                commitment: lot.commitment.clone(),
                members: lot.members.iter().map(name_of).collect(),
                count: lot.count,
                record: lot.drawn.as_ref().map(|(_, record)| record.clone()),
            })
            .collect(),
        safe: state.safe.clone(),
        boxes: state.boxes.clone(),
        sealing_finished: state.sealing_finished_at.is_some(),
        ballots_received: state.ballots.received.clone(),
        ballot_batches: state.ballots.batches.clone(),
        ballots_undistributed: state.ballots.undistributed(),
        ballot_issue_finished: state.ballots.issue_finished_at.is_some(),
        paper_stock: state.ballots.paper_stock.clone(),
        polls_open: state.polls_opened_at.is_some(),
        can_open_polls,
        applications: state.out_of_premises.applications.clone(),
        served: state.out_of_premises.served.clone(),
        slots_sealed: state.out_of_premises.slots_sealed.clone(),
        out_of_premises_closing: state.out_of_premises.closing.clone(),
    }
}
