//! A station at work: its journal, its clock and its devices, and the use cases over
//! them.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Offset, Utc};
use domain::election::{ElectionDefinition, StationKind};
use domain::lot::{Contribution, LotPurpose};
use domain::{Command, DayState, StepId, StepState, rules, timeline};
use ring::rand::{SecureRandom, SystemRandom};
use driver_api::{Device, DeviceKind, DeviceState};
use i18n::Language;
use store::register::{Register, RegisterKey, VoterKey};
use store::{Health, Journal, SerialSet};

use crate::clock::{Clock, HeldClock};
use crate::demo::Demo;
use crate::desk::Session;
use crate::documents::{self, DocumentKind};
use crate::error::ApiError;
use crate::references::{BiometricReferences, NoReferences};
use crate::simulation::{SimulatedArrival, Simulation, VoterCase};
use crate::view::{
    ClockView, DistrictCount, ElectionView, JournalView, LotView, MonitorView, OpeningView, Overview, RegisterView,
    TimelineStep, TurnoutView, VotingView,
};

const LANGUAGE_SETTING: &str = "language";
pub(crate) const DATABASE_FILE: &str = "uchastok.db";
const REGISTER_FILE: &str = "register.db";
const SERIALS_FILE: &str = "ballots.db";
const KEYS_DIR: &str = "keys";

pub struct StationConfig {
    /// Where the station's database lives (the user's data directory in the app).
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
    pub devices: Vec<Arc<dyn Device>>,
    /// The demo to load when the journal holds no election yet.
    pub demo: Option<Demo>,
    /// Where the biometric references of the register's voters come from.
    pub references: Arc<dyn BiometricReferences>,
    /// The simulated devices, when the station runs on them (demo, training, tests):
    /// voters can then be sent to the desk, and a demo gets a synthetic register.
    pub simulation: Option<Arc<sim::SimStation>>,
    /// The definition a new journal loads, in place of the demo's with today's date (a
    /// training scenario's mock election on the demo's own voting day).
    pub definition: Option<ElectionDefinition>,
}

impl StationConfig {
    /// A station on `data_dir` with the given clock and devices, no demo and no
    /// biometric references.
    pub fn new(data_dir: PathBuf, clock: Arc<dyn Clock>, devices: Vec<Arc<dyn Device>>) -> StationConfig {
        StationConfig {
            data_dir,
            clock,
            devices,
            demo: None,
            references: Arc::new(NoReferences),
            simulation: None,
            definition: None,
        }
    }

    /// A station whose devices are all simulated, with their biometric references.
    pub fn simulated(data_dir: PathBuf, clock: Arc<dyn Clock>, demo: Option<Demo>, seed: u64) -> StationConfig {
        let simulation = Arc::new(sim::SimStation::new(seed));
        StationConfig {
            data_dir,
            clock,
            devices: simulation.dyn_devices(),
            demo,
            references: Arc::new(crate::references::SimulatedReferences),
            simulation: Some(simulation),
            definition: None,
        }
    }
}

/// The station's secrets, each in a file of its own in `keys/`, never in a database.
pub(crate) struct StationKeys {
    /// Turns personal numbers into voter keys (the register, the journal).
    pub register: RegisterKey,
    /// Authenticates the QR codes of the ballots printed here.
    pub ballot: [u8; 32],
    /// The seed of the station's Ed25519 signing key (bundles, checkpoints: `keys.rs`).
    pub station: [u8; 32],
}

pub struct Station {
    pub(crate) data_dir: PathBuf,
    journal: Mutex<Journal>,
    clock: HeldClock,
    devices: Vec<Arc<dyn Device>>,
    pub(crate) keys: StationKeys,
    register: Mutex<Option<Register>>,
    serials: Mutex<SerialSet>,
    pub(crate) references: Arc<dyn BiometricReferences>,
    desk: Mutex<Option<Session>>,
    pub(crate) simulation: Option<Simulation>,
    pub(crate) import: Mutex<Option<crate::register_import::ImportStatus>>,
    /// The spoiled ballot scanned for a duplicate, until the chair clears it (R4.4).
    pub(crate) duplicate: Mutex<Option<crate::spoils::DuplicateSession>>,
}

/// A demo's synthetic register, imported once: generated into a private folder, imported,
/// and the folder removed — the CSV holds personal numbers in plain text.
fn demo_register(
    data_dir: &Path,
    election: &ElectionDefinition,
    options: &store::register::GenerateOptions,
    key: &RegisterKey,
) -> Result<(), ApiError> {
    let folder = data_dir.join(".demo-register");
    let io = |error: std::io::Error| {
        ApiError::new("data-dir", "error-data-dir").with("path", folder.display().to_string()).with("detail", error.to_string())
    };
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("photos")).map_err(io)?;
    let csv_path = folder.join("register.csv");
    let result = (|| {
        let mut csv = std::io::BufWriter::new(std::fs::File::create(&csv_path).map_err(io)?);
        store::register::generate(election, options, &mut csv, &mut |name, bytes| std::fs::write(folder.join(name), bytes))
            .map_err(io)?;
        std::io::Write::flush(&mut csv).map_err(io)?;
        drop(csv);
        let import_options = store::register::ImportOptions::for_election(election);
        store::register::import(&data_dir.join(REGISTER_FILE), key, &csv_path, &import_options, &mut |_| {
            std::ops::ControlFlow::Continue(())
        })?;
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&folder);
    result
}

fn key_error(path: &Path, error: &store::register::RegisterError) -> ApiError {
    ApiError::new("keys.unavailable", "error-keys-unavailable")
        .with("path", path.display().to_string())
        .with("detail", error.to_string())
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
            let definition = match config.definition.clone() {
                Some(definition) => definition,
                None => demo.definition(now)?,
            };
            journal.execute(&Command::LoadElection { definition: Box::new(definition) }, now)?;
        }
        let keys_dir = config.data_dir.join(KEYS_DIR);
        std::fs::create_dir_all(&keys_dir).map_err(|error| {
            ApiError::new("data-dir", "error-data-dir")
                .with("path", keys_dir.display().to_string())
                .with("detail", error.to_string())
        })?;
        let register_key_path = keys_dir.join("register.key");
        let ballot_key_path = keys_dir.join("ballot.key");
        let station_key_path = keys_dir.join("station.key");
        let keys = StationKeys {
            register: RegisterKey::load_or_create(&register_key_path).map_err(|e| key_error(&register_key_path, &e))?,
            ballot: store::register::load_or_create_secret(&ballot_key_path).map_err(|e| key_error(&ballot_key_path, &e))?,
            station: store::register::load_or_create_secret(&station_key_path)
                .map_err(|e| key_error(&station_key_path, &e))?,
        };
        let serials = SerialSet::open(&config.data_dir.join(SERIALS_FILE))?;
        let election = journal.state().election.clone();
        let simulation = match (&config.simulation, &election) {
            (Some(devices), Some(election)) => {
                let options = crate::simulation::register_options(election);
                if config.demo.is_some() && !config.data_dir.join(REGISTER_FILE).exists() {
                    demo_register(&config.data_dir, election, &options, &keys.register)?;
                }
                let voters = store::register::synthetic_voters(election, &options).map_err(|error| {
                    ApiError::new("internal", "error-internal").with("detail", error.to_string())
                })?;
                Some(Simulation::new(Arc::clone(devices), voters))
            }
            _ => None,
        };
        // No register yet is a state the app shows, not an error: identification says so.
        let register = Register::open(&config.data_dir.join(REGISTER_FILE)).ok();
        Ok(Station {
            data_dir: config.data_dir,
            journal: Mutex::new(journal),
            clock: HeldClock::new(config.clock),
            devices: config.devices,
            keys,
            register: Mutex::new(register),
            serials: Mutex::new(serials),
            references: config.references,
            desk: Mutex::new(None),
            simulation,
            import: Mutex::new(None),
            duplicate: Mutex::new(None),
        })
    }

    /// Copies the journal into `folder` (a USB drive, a backup folder) as
    /// `uchastok-<events>-<head>.db` and says where. The keys and the register are not
    /// copied: a backup in the wrong hands reveals no personal number.
    pub fn backup(&self, folder: &Path) -> Result<String, ApiError> {
        std::fs::create_dir_all(folder).map_err(|error| {
            ApiError::new("document.write", "error-document-write")
                .with("path", folder.display().to_string())
                .with("detail", error.to_string())
        })?;
        let journal = self.journal();
        let head = journal.head();
        let path = folder.join(format!("uchastok-{:05}-{}.db", head.count, &head.hex()[..12]));
        journal.backup_to(&path)?;
        Ok(path.display().to_string())
    }

    /// The folder of the station's database, documents and keys.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Breaks a simulated device the way a trainer asks (demo and training only).
    pub fn inject_fault(&self, device: &str, fault: driver_api::FaultCode) -> Result<(), ApiError> {
        self.simulated_device(device)?.inject_fault(fault);
        Ok(())
    }

    /// Repairs a simulated device (demo and training only).
    pub fn repair_device(&self, device: &str) -> Result<(), ApiError> {
        self.simulated_device(device)?.repair();
        Ok(())
    }

    fn simulated_device(&self, device: &str) -> Result<sim::SimDevice, ApiError> {
        let simulation =
            self.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        simulation
            .devices
            .device(device)
            .ok_or_else(|| ApiError::new("device.absent", "error-device-absent").with("device", device))
    }

    /// Sends a simulated voter of `case` to the desk (demo and training only).
    pub fn simulate_voter(&self, case: VoterCase) -> Result<SimulatedArrival, ApiError> {
        let simulation =
            self.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        let journal = self.journal();
        let state = journal.state();
        let election =
            state.election.as_ref().ok_or_else(|| ApiError::new("election.not-loaded", "error-election-not-loaded"))?;
        simulation.arrive(case, election, state, &self.keys.register)
    }

    /// Imports a register file (CSV, `docs/voter-register.md`) in place of the current
    /// one, reporting progress; a failure leaves the old register.
    pub fn import_register(
        &self,
        csv: &Path,
        progress: &mut dyn FnMut(store::register::ImportProgress),
    ) -> Result<store::register::ImportReport, ApiError> {
        let election = self.election()?;
        let options = store::register::ImportOptions::for_election(&election);
        let report = store::register::import(&self.register_path(), &self.keys.register, csv, &options, &mut |p| {
            progress(p);
            std::ops::ControlFlow::Continue(())
        })?;
        self.reopen_register()?;
        Ok(report)
    }

    pub(crate) fn journal(&self) -> MutexGuard<'_, Journal> {
        // A panic while holding the lock cannot leave the journal half-written: every
        // append is one SQLite transaction.
        self.journal.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn session(&self) -> MutexGuard<'_, Option<Session>> {
        self.desk.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The election loaded at this station.
    pub fn election(&self) -> Result<ElectionDefinition, ApiError> {
        self.journal()
            .state()
            .election
            .clone()
            .ok_or_else(|| ApiError::new("election.not-loaded", "error-election-not-loaded"))
    }

    /// Every device of the station.
    pub(crate) fn devices(&self) -> &[Arc<dyn Device>] {
        &self.devices
    }

    /// The device of this kind to use now: the main one unless it failed and a reserve
    /// is ready; for the urn, the one the journal says is in use (§48).
    pub(crate) fn device_of(&self, kind: DeviceKind) -> Option<Arc<dyn Device>> {
        if kind == DeviceKind::Aeu {
            return self.aeu_in_use();
        }
        let of_kind: Vec<&Arc<dyn Device>> = self.devices.iter().filter(|d| d.kind() == kind).collect();
        let usable = |d: &&Arc<dyn Device>| d.status().state == DeviceState::Ready;
        of_kind
            .iter()
            .find(|d| !d.status().reserve && usable(d))
            .or_else(|| of_kind.iter().find(|d| usable(d)))
            .or_else(|| of_kind.iter().find(|d| !d.status().reserve))
            .map(|d| Arc::clone(d))
    }

    /// Records a command the api itself composed (identification, ballots printed…):
    /// unlike [`Station::act`], any command.
    pub(crate) fn act_internal(&self, command: Command) -> Result<(), ApiError> {
        let now = self.clock.now();
        self.journal().execute(&command, now)?;
        self.checkpoint_after(&command, now)
    }

    /// The register's entry for a personal number; refused when no register is imported.
    pub(crate) fn register_find(&self, personal_number: &str) -> Result<Option<store::register::RegisterEntry>, ApiError> {
        let register = self.register.lock().unwrap_or_else(PoisonError::into_inner);
        let register =
            register.as_ref().ok_or_else(|| ApiError::new("register.missing", "error-register-missing"))?;
        if !register.key_matches(&self.keys.register) {
            return Err(ApiError::new("register.other-key", "error-register-other-key"));
        }
        register.find(&self.keys.register, personal_number).map_err(ApiError::from)
    }

    /// The register's photo of a voter, as a `data:` URL.
    pub(crate) fn register_photo(&self, voter: &VoterKey) -> Option<String> {
        let register = self.register.lock().unwrap_or_else(PoisonError::into_inner);
        let photo = register.as_ref()?.photo(voter).ok()??;
        Some(crate::desk::photo_url(&photo))
    }

    /// Voters in the register: all of them, and those of this station's list.
    pub(crate) fn register_counts(&self, station: &str) -> Option<(u64, u64)> {
        let register = self.register.lock().unwrap_or_else(PoisonError::into_inner);
        let register = register.as_ref()?;
        Some((register.count(), register.count_at_station(station).unwrap_or(0)))
    }

    fn register_view(&self, election: Option<&ElectionDefinition>) -> RegisterView {
        let counts = election.and_then(|e| self.register_counts(&e.station.number));
        RegisterView {
            loaded: counts.is_some(),
            voters: counts.map(|(all, _)| all).unwrap_or(0),
            at_station: counts.map(|(_, here)| here).unwrap_or(0),
            import: self.import_status(),
        }
    }

    /// Replaces the open register with the file now at its place (after an import).
    pub(crate) fn reopen_register(&self) -> Result<(), ApiError> {
        let opened = Register::open(&self.data_dir.join(REGISTER_FILE)).map_err(ApiError::from)?;
        *self.register.lock().unwrap_or_else(PoisonError::into_inner) = Some(opened);
        Ok(())
    }

    pub(crate) fn register_path(&self) -> PathBuf {
        self.data_dir.join(REGISTER_FILE)
    }

    /// A serial never used at this station, kept in the serial set before it is printed.
    pub(crate) fn fresh_serial(&self) -> Result<String, ApiError> {
        let random = SystemRandom::new();
        let serials = self.serials.lock().unwrap_or_else(PoisonError::into_inner);
        for _ in 0..8 {
            let mut bytes = [0u8; 8];
            random.fill(&mut bytes).map_err(|_| ApiError::new("lot.no-randomness", "error-lot-no-randomness"))?;
            if serials.insert(&bytes)? {
                return Ok(crate::ballot_code::serial_from(bytes));
            }
        }
        Err(ApiError::new("lot.no-randomness", "error-lot-no-randomness"))
    }

    /// Whether a serial was printed here (a spoiled ballot brought back, R4.4).
    pub(crate) fn serial_printed(&self, serial: &[u8]) -> Result<bool, ApiError> {
        Ok(self.serials.lock().unwrap_or_else(PoisonError::into_inner).contains(serial)?)
    }

    /// A simulated printer's output is kept in `simulated-prints/` so that a trainer and
    /// the tests can look at what came out. Real printers keep nothing: a copy of a
    /// ballot on disk beside the time it was printed could link it to a voter.
    pub(crate) fn keep_simulated_print(&self, printer: &dyn Device, name: &str, pdf: &[u8]) {
        if !printer.status().simulated {
            return;
        }
        let folder = self.data_dir.join("simulated-prints");
        let count = std::fs::read_dir(&folder).map(|entries| entries.count()).unwrap_or(0);
        let path = folder.join(format!("{:05}-{name}.pdf", count + 1));
        if let Err(error) = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(&path, pdf)) {
            tracing::warn!(path = %path.display(), %error, "could not keep a simulated print");
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        &self.clock
    }

    /// The journal's events, in order (the debrief and the trainer's feed read them).
    pub(crate) fn events(&self) -> Result<Vec<domain::Event>, ApiError> {
        Ok(self.journal().events()?)
    }

    /// Holds the station's clock at `instant` while a demo's day is recorded at the times
    /// of the law; `None` gives it back to the configured clock.
    pub(crate) fn hold_clock(&self, instant: Option<DateTime<Utc>>) {
        self.clock.hold(instant);
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
        if matches!(
            command,
            Command::LoadElection { .. }
                | Command::CommitLot { .. }
                | Command::DrawLot { .. }
                | Command::RegisterStationKey { .. }
                | Command::SignCheckpoint { .. }
        ) {
            return Err(ApiError::new("act.not-here", "error-act-not-here"));
        }
        let now = self.clock.now();
        self.journal().execute(&command, now)?;
        self.checkpoint_after(&command, now)?;
        Ok(self.overview())
    }

    /// Starts a lot: draws the app's secret, keeps it aside until the draw, and records
    /// the commitment everyone sees before contributing (§32, §24).
    pub fn commit_lot(&self, purpose: LotPurpose, count: u32) -> Result<Overview, ApiError> {
        self.commit_lot_at(purpose, count, self.clock.now())?;
        Ok(self.overview())
    }

    pub(crate) fn commit_lot_at(&self, purpose: LotPurpose, count: u32, now: DateTime<Utc>) -> Result<(), ApiError> {
        let mut secret = [0u8; 32];
        SystemRandom::new()
            .fill(&mut secret)
            .map_err(|_| ApiError::new("lot.no-randomness", "error-lot-no-randomness"))?;
        let mut journal = self.journal();
        // Kept beside the journal, not in it, until the draw reveals it; a crash in
        // between loses nothing.
        journal.set_setting(&lot_secret_key(purpose), &domain::lot::hex(&secret))?;
        let commitment = domain::lot::commitment(&secret);
        journal.execute(&Command::CommitLot { purpose, commitment, count }, now)?;
        Ok(())
    }

    /// Draws a committed lot with the contributions of the people present.
    pub fn draw_lot(&self, purpose: LotPurpose, contributions: Vec<Contribution>) -> Result<Overview, ApiError> {
        self.draw_lot_at(purpose, contributions, self.clock.now())?;
        Ok(self.overview())
    }

    pub(crate) fn draw_lot_at(
        &self,
        purpose: LotPurpose,
        contributions: Vec<Contribution>,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        let mut journal = self.journal();
        let secret = journal
            .setting(&lot_secret_key(purpose))?
            .ok_or_else(|| ApiError::new("lot.not-committed", "error-lot-not-committed"))?;
        journal.execute(&Command::DrawLot { purpose, secret, contributions }, now)?;
        Ok(())
    }

    /// Records a command at a given instant (the demo's prepared morning).
    pub(crate) fn act_at(&self, command: Command, at: DateTime<Utc>) -> Result<(), ApiError> {
        self.journal().execute(&command, at)?;
        self.checkpoint_after(&command, at)
    }

    /// A printed record as PDF, in the chosen language.
    pub fn document_pdf(&self, kind: &DocumentKind) -> Result<Vec<u8>, ApiError> {
        let now = self.clock.now();
        let language = self.language();
        let voter_name = |voter: &str| self.voter_name(voter);
        let document = {
            let journal = self.journal();
            let state = journal.state();
            let election =
                state.election.as_ref().ok_or_else(|| ApiError::new("election.not-loaded", "error-election-not-loaded"))?;
            documents::build(kind, election, state, language, now, &voter_name)?
        };
        render(&self.with_paper_codes(kind, document)?)
    }

    /// The identification receipt for a voter who gets the ballot of `contest`.
    pub(crate) fn receipt_pdf(&self, contest: &str) -> Result<Vec<u8>, ApiError> {
        let election = self.election()?;
        render(&documents::receipt(&election, contest, self.language(), self.clock.now()))
    }

    /// A ballot of `contest` carrying `code` in two corners.
    pub(crate) fn ballot_pdf(&self, contest: &str, code: &[u8]) -> Result<Vec<u8>, ApiError> {
        let election = self.election()?;
        render(&documents::ballot(&election, contest, code, self.language(), self.clock.now())?)
    }

    /// A voter's name from the register, for the acts that name them.
    pub(crate) fn voter_name(&self, voter: &str) -> Option<String> {
        let key = VoterKey::from_hex(voter)?;
        let register = self.register.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = register.as_ref()?.entry(&key).ok()??;
        Some(crate::desk::voter_name(&entry))
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
        let checkpoint = crate::keys::checkpoint_view(state);
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
            checkpoint,
        };
        Overview {
            language: language.code().to_owned(),
            election: election.map(election_view),
            clock: clock_view(election, now, &self.clock),
            timeline,
            devices: self.devices.iter().map(|device| device.status()).collect(),
            journal: journal_view,
            opening: election.map(|definition| opening_view(definition, state, now, read_only)),
            voting: election.map(|definition| voting_view(definition, state, now)),
            count: election.map(|definition| {
                crate::count::count_view(definition, state, language.code(), &self.simulated_truth())
            }),
            register: self.register_view(election),
            simulated: self.simulation.is_some(),
            incidents: election.map(|definition| crate::incidents::view(definition, state, &self.devices)),
        }
    }

    /// The observers' monitor (§37, R4.3): voters in the list, voters identified so far,
    /// and the photo of the voter being identified or just identified.
    pub fn monitor(&self) -> MonitorView {
        let language = self.language();
        let (election, identified) = {
            let journal = self.journal();
            let state = journal.state();
            (state.election.clone(), state.identification.identified_count())
        };
        let remote = election.as_ref().is_some_and(|e| e.station.kind == StationKind::RemoteVoting);
        let voters_in_list = match &election {
            Some(election) if !remote => self
                .register_counts(&election.station.number)
                .map(|(_, at_station)| u32::try_from(at_station).unwrap_or(u32::MAX)),
            _ => None,
        };
        let photo = self.session().as_ref().and_then(|session| {
            self.register_photo(&session.entry.voter_key).or_else(|| Some(String::new()))
        });
        MonitorView {
            language: language.code().to_owned(),
            station_number: election.as_ref().map(|e| e.station.number.clone()),
            training: election.as_ref().is_some_and(|e| e.training),
            remote,
            voters_in_list,
            voters_identified: identified,
            voter_at_desk: photo.is_some(),
            photo: photo.filter(|url| !url.is_empty()),
        }
    }

    /// Sends what the monitor shows to the observers' display device, if there is one.
    pub(crate) fn show_on_monitor(&self) {
        let view = self.monitor();
        let Some(display) = self.device_of(DeviceKind::ObserverDisplay) else { return };
        let Some(display) = display.as_observer_display() else { return };
        let photo = view.photo.as_deref().and_then(crate::desk::photo_from_url);
        let content = driver_api::MonitorContent {
            station: view.station_number.clone(),
            training: view.training,
            voters_in_list: view.voters_in_list.unwrap_or(0),
            voters_identified: view.voters_identified,
            photo,
            notice: None,
        };
        if let Err(error) = display.show(&content) {
            tracing::warn!(%error, "the observers' display did not take the update");
        }
    }
}

fn voting_view(definition: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> VotingView {
    let identification = &state.identification;
    let zone = definition.tz();
    VotingView {
        open: domain::voting::voting_open(definition, state, now).is_ok(),
        identified: identification.identified_count(),
        failures: identification.failures,
        listed: identification.listed_count(),
        ballots_issued: identification.ballots_issued,
        districts: definition
            .contests
            .iter()
            .map(|contest| DistrictCount {
                contest: contest.id.clone(),
                designation: contest.designation.clone(),
                identified: identification.identified_in(&contest.id),
                printed: identification.printed_in(&contest.id),
            })
            .collect(),
        turnout_now: domain::voting::turnout_figure(state),
        turnout: identification
            .turnout
            .iter()
            .map(|(step, report)| TurnoutView {
                step: *step,
                at: report.at.with_timezone(&zone).format("%H:%M").to_string(),
                figure: report.figure,
            })
            .collect(),
        acts: state.acts.clone(),
    }
}

fn render(document: &print::Document) -> Result<Vec<u8>, ApiError> {
    print::render_pdf(document).map_err(|error| ApiError::new("print", "error-print").with("detail", error.to_string()))
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

fn clock_view(election: Option<&ElectionDefinition>, now: DateTime<Utc>, clock: &dyn Clock) -> ClockView {
    let zone = election.map(ElectionDefinition::tz).unwrap_or(chrono_tz::Asia::Bishkek);
    let local = now.with_timezone(&zone);
    let training = clock.training();
    ClockView {
        local: local.format("%Y-%m-%dT%H:%M:%S").to_string(),
        utc_offset: local.offset().fix().to_string(),
        timezone: zone.name().to_owned(),
        speed: training.map_or(1, crate::clock::TrainingClock::speed),
        paused: training.is_some_and(crate::clock::TrainingClock::paused),
        controls: training.is_some() && election.is_some_and(|e| e.training),
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
