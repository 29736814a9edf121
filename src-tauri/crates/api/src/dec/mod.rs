//! The district commission's side (issue 7, part B; §72–80, R5.5–R5.9): a [`Dec`] is
//! the commission's file (`dec.db`, `store::dec`), its own key (`keys/dec.key`, which
//! signs its key registry), a clock, and the use cases over them — setting up for a
//! district of an election, registering stations and their keys at the key ceremony,
//! importing bundles (every one verified by the bundle crate against the registry of
//! the keys registered here; the first valid bundle of a station wins, a different
//! later one is a conflict), resolving conflicts, marking recounts, setting results
//! aside, the summary table with every flag explained in the user's language
//! ([`view`]), the commission's protocol and summary table as PDF ([`documents`]), and
//! the exports as NIST SP 1500-100 and 1500-101 JSON ([`nist`]).
//!
//! Must never: decide a rule (`domain::dec`), verify a bundle itself (`bundle`), trust a
//! key a bundle carries, or lose a received file: every bundle taken is kept in the
//! commission's file byte for byte, every refused one is journaled with its reason.

pub mod documents;
pub mod nist;
pub mod view;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use bundle::{Algorithm, CoSigner, Ed25519Signer, Limits, PublicKey, RegisteredStation, Registry, Signer, VerifyOptions};
use chrono::{DateTime, Duration, Utc};
use domain::dec::{
    CoSignerKey, DecCommand, DecEvent, DecSetup, DecState, ReceivedBundle, Refusal, SetAsideGround, SetAsideScope,
};
use i18n::Language;
use ring::digest;
use serde::{Deserialize, Serialize};
use store::StoreError;
use store::dec::DecStore;
use ts_rs::TS;

use crate::clock::Clock;
use crate::error::ApiError;

/// The commission's file in its data directory.
pub const DEC_FILE: &str = "dec.db";
const KEY_FILE: &str = "keys/dec.key";
const LANGUAGE_SETTING: &str = "language";
/// Where the commission's documents and exports go, in its data directory.
pub const DOCUMENTS_DIR: &str = "documents";

/// How long a registered key signs valid bundles around voting day: from a month
/// before (keys are made at the stations' setup) to a month after (a recount ordered
/// by the CEC, §78, comes within the 20 days of §81).
const KEY_VALIDITY_DAYS: i64 = 30;

/// What a district commission is opened with.
pub struct DecConfig {
    pub data_dir: PathBuf,
    pub clock: Arc<dyn Clock>,
}

/// One file of an import and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportItem {
    pub file: String,
    /// The station it is (or, refused, claims to be) from.
    pub station: Option<String>,
    pub outcome: ImportOutcome,
    /// Why, for a refusal or a conflict: a message of `locales/*` and its arguments.
    pub reason: Option<ApiError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportOutcome {
    /// The station's first valid bundle: in force.
    Accepted,
    /// Valid, but differs from the station's bundle in force: a conflict to resolve.
    Conflict,
    /// The very same file was taken before.
    AlreadyImported,
    /// Not valid, or not acceptable here: journaled with the reason.
    Refused,
    /// Could not be read from the disk; nothing journaled.
    Unreadable,
}

/// An import under way or finished, for the window's progress bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportStatus {
    pub running: bool,
    pub total: u32,
    pub done: u32,
    /// The file being checked.
    pub current: Option<String>,
    pub accepted: u32,
    pub conflicts: u32,
    pub already_imported: u32,
    pub refused: u32,
    pub unreadable: u32,
    pub items: Vec<ImportItem>,
    /// The import itself could not run (the folder cannot be read…).
    pub error: Option<ApiError>,
}

impl ImportStatus {
    fn count(&mut self, item: ImportItem) {
        match item.outcome {
            ImportOutcome::Accepted => self.accepted += 1,
            ImportOutcome::Conflict => self.conflicts += 1,
            ImportOutcome::AlreadyImported => self.already_imported += 1,
            ImportOutcome::Refused => self.refused += 1,
            ImportOutcome::Unreadable => self.unreadable += 1,
        }
        self.done += 1;
        self.items.push(item);
    }
}

/// What the commission prints or exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DecDocument {
    /// Its protocol of the results in the district (§74), PDF.
    Protocol,
    /// The summary table (жыйынды таблица), PDF.
    Summary,
    /// The results, NIST SP 1500-100 JSON.
    NistResults,
    /// The journals, NIST SP 1500-101 JSON.
    NistEvents,
    /// The key registry signed by the commission's key.
    Registry,
}

impl DecDocument {
    pub const ALL: [DecDocument; 5] =
        [DecDocument::Protocol, DecDocument::Summary, DecDocument::NistResults, DecDocument::NistEvents, DecDocument::Registry];

    pub fn file_name(self) -> &'static str {
        match self {
            DecDocument::Protocol => "dec-protocol.pdf",
            DecDocument::Summary => "dec-summary.pdf",
            DecDocument::NistResults => "results-nist-1500-100.json",
            DecDocument::NistEvents => "events-nist-1500-101.json",
            DecDocument::Registry => "dec-registry.json",
        }
    }
}

/// A registration as the window shows it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Registered {
    pub station: String,
    pub fingerprint: String,
    pub co_signers: u32,
}

/// The station key file a station hands over at the key ceremony (what
/// `uchastok demo --out` writes as `station-key.json`).
#[derive(Debug, Clone, Deserialize)]
struct StationKeyFile {
    election: String,
    station: String,
    key: PublicKey,
    #[serde(default)]
    co_signers: Vec<CoSigner>,
}

pub(crate) fn internal(detail: impl ToString) -> ApiError {
    ApiError::new("internal", "error-internal").with("detail", detail.to_string())
}

fn algorithm_name(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::Ed25519 => "ed25519",
        Algorithm::EcdsaP256Sha256 => "ecdsa-p256-sha256",
    }
}

fn algorithm_of(name: &str) -> Option<Algorithm> {
    match name {
        "ed25519" => Some(Algorithm::Ed25519),
        "ecdsa-p256-sha256" => Some(Algorithm::EcdsaP256Sha256),
        _ => None,
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(digest::digest(&digest::SHA256, bytes))
}

/// Every `.zip` under `folder` (a USB drive, a folder of `uchastok demo --out` runs),
/// four levels deep at most, in path order.
pub fn bundle_files(folder: &Path) -> Result<Vec<PathBuf>, ApiError> {
    fn walk(folder: &Path, depth: u32, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(folder)? {
            let entry = entry?;
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() && depth < 4 {
                walk(&path, depth + 1, found)?;
            } else if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")) {
                found.push(path);
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(folder, 0, &mut found).map_err(|error| {
        ApiError::new("dec.folder-unreadable", "error-dec-folder-unreadable")
            .with("path", folder.display().to_string())
            .with("detail", error.to_string())
    })?;
    found.sort();
    Ok(found)
}

/// The district commission at work.
pub struct Dec {
    data_dir: PathBuf,
    store: Mutex<DecStore>,
    clock: Arc<dyn Clock>,
    key: Ed25519Signer,
    import: Mutex<Option<ImportStatus>>,
}

impl Dec {
    /// Opens the commission's file (creating it and the commission's key on first
    /// start). A damaged file opens read-only; the overview says why.
    pub fn open(config: DecConfig) -> Result<Dec, ApiError> {
        let data_error = |path: &Path, error: std::io::Error| {
            ApiError::new("data-dir", "error-data-dir").with("path", path.display().to_string()).with("detail", error.to_string())
        };
        std::fs::create_dir_all(config.data_dir.join("keys")).map_err(|e| data_error(&config.data_dir, e))?;
        let store = DecStore::open(&config.data_dir.join(DEC_FILE))?;
        let key_path = config.data_dir.join(KEY_FILE);
        let seed = store::register::load_or_create_secret(&key_path).map_err(|error| {
            ApiError::new("keys.unavailable", "error-keys-unavailable")
                .with("path", key_path.display().to_string())
                .with("detail", error.to_string())
        })?;
        let key = Ed25519Signer::from_seed(&seed)?;
        Ok(Dec { data_dir: config.data_dir, store: Mutex::new(store), clock: config.clock, key, import: Mutex::new(None) })
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, DecStore> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn import_status(&self) -> MutexGuard<'_, Option<ImportStatus>> {
        self.import.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn language(&self) -> Language {
        self.store().setting(LANGUAGE_SETTING).ok().flatten().and_then(|code| code.parse().ok()).unwrap_or_default()
    }

    pub fn set_language(&self, language: Language) -> Result<(), ApiError> {
        self.store().set_setting(LANGUAGE_SETTING, language.code())?;
        Ok(())
    }

    /// The commission's state as its journal stands.
    pub fn state(&self) -> DecState {
        self.store().state().clone()
    }

    pub(crate) fn setup(&self) -> Result<DecSetup, ApiError> {
        self.store().state().setup.clone().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))
    }

    /// The commission's own key's fingerprint (it signs the registry).
    pub fn fingerprint(&self) -> String {
        self.key.public_key().fingerprint()
    }

    fn execute(&self, command: &DecCommand) -> Result<Vec<DecEvent>, ApiError> {
        let now = self.now();
        Ok(self.store().execute(command, now)?)
    }

    /// Sets the commission up for `district` (default: the definition's station's
    /// district) of the election in `definition` (the election definition's TOML).
    pub fn set_up(&self, definition: &str, district: Option<&str>, commission: &str) -> Result<(), ApiError> {
        let election = domain::election::parse_definition(definition).map_err(|problems| ApiError::from_domain_list(&problems))?;
        self.set_up_election(election, district, commission)
    }

    /// [`Dec::set_up`] from `source`: a definition file's path, or `demo:remote` /
    /// `demo:city` for a demo election (a trainer's district exercise).
    pub fn set_up_from(&self, source: &str, district: Option<&str>, commission: &str) -> Result<(), ApiError> {
        let source = source.trim();
        if let Some(demo) = source.strip_prefix("demo:").and_then(crate::Demo::from_name) {
            return self.set_up_election(demo.definition_as_shipped()?, district, commission);
        }
        let text = std::fs::read_to_string(source).map_err(|error| {
            ApiError::new("dec.file-unreadable", "error-dec-file-unreadable").with("path", source).with("detail", error.to_string())
        })?;
        self.set_up(&text, district, commission)
    }

    fn set_up_election(&self, election: domain::ElectionDefinition, district: Option<&str>, commission: &str) -> Result<(), ApiError> {
        let district = district.map(str::trim).filter(|d| !d.is_empty()).unwrap_or(&election.station.district).to_owned();
        let setup = DecSetup {
            election,
            district,
            commission: commission.trim().to_owned(),
            dec_key: self.key.public_key().public_key,
        };
        self.execute(&DecCommand::SetUp { setup: Box::new(setup) })?;
        Ok(())
    }

    /// The key ceremony: registers a station from its key file (`station-key.json`,
    /// with the keys of its co-signers) or from the text of its key's QR code
    /// (`UCHKEY1/<election>/<station>/ed25519/<key>`).
    pub fn register(&self, text: &str) -> Result<Registered, ApiError> {
        let setup = self.setup()?;
        let text = text.trim();
        let (election, station, key, co_signers) = if text.starts_with('{') {
            let file: StationKeyFile = serde_json::from_str(text).map_err(|error| {
                ApiError::new("dec.key-unreadable", "error-dec-key-unreadable").with("detail", error.to_string())
            })?;
            (file.election, file.station, file.key, file.co_signers)
        } else {
            let (election, station, key) = bundle::keys::parse_registration_text(text)
                .ok_or_else(|| ApiError::new("dec.key-unreadable", "error-dec-key-unreadable").with("detail", ""))?;
            (election, station, key, Vec::new())
        };
        if election != setup.election.id {
            return Err(ApiError::new("dec.key-other-election", "error-dec-key-other-election")
                .with("election", election)
                .with("expected", setup.election.id));
        }
        if key.algorithm != Algorithm::Ed25519 || key.bytes().is_none() {
            return Err(ApiError::new("dec.bad-key", "error-dec-bad-key"));
        }
        let co_signers: Vec<CoSignerKey> = co_signers
            .into_iter()
            .map(|c| CoSignerKey {
                role: c.role,
                name: c.name,
                algorithm: algorithm_name(c.key.algorithm).to_owned(),
                public_key: c.key.public_key,
            })
            .collect();
        let count = u32::try_from(co_signers.len()).unwrap_or(u32::MAX);
        self.execute(&DecCommand::RegisterStation { station: station.clone(), public_key: key.public_key.clone(), co_signers })?;
        Ok(Registered { station, fingerprint: key.fingerprint(), co_signers: count })
    }

    /// The registry of the keys registered here, as the bundle crate verifies against.
    pub fn registry(&self) -> Result<Registry, ApiError> {
        let state = self.state();
        let setup = state.setup.as_ref().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))?;
        let day = domain::dec::registration_closes(&setup.election);
        let stations = state
            .stations
            .iter()
            .map(|station| RegisteredStation {
                station: station.station.clone(),
                key: PublicKey::ed25519(&hex::decode(&station.public_key).unwrap_or_default()),
                valid_from: day - Duration::days(KEY_VALIDITY_DAYS),
                valid_until: day + Duration::days(KEY_VALIDITY_DAYS + 1),
                co_signers: station
                    .co_signers
                    .iter()
                    .filter_map(|c| {
                        Some(CoSigner {
                            role: c.role.clone(),
                            name: c.name.clone(),
                            key: PublicKey { algorithm: algorithm_of(&c.algorithm)?, public_key: c.public_key.clone() },
                        })
                    })
                    .collect(),
            })
            .collect();
        Ok(Registry {
            format: bundle::registry::REGISTRY_FORMAT,
            election: setup.election.id.clone(),
            training: setup.election.training,
            commission: setup.commission.clone(),
            issued_at: state.stations.iter().map(|s| s.registered_at).max().unwrap_or(day),
            dec_key: self.key.public_key(),
            stations,
        })
    }

    /// The registry signed by the commission's key: for `uchastok verify --registry`
    /// and for anyone who checks the commission's work.
    pub fn registry_file(&self) -> Result<Vec<u8>, ApiError> {
        Ok(self.registry()?.sign(&self.key)?)
    }

    /// Checks and takes one bundle file; never fails as a whole: the item says what
    /// became of it.
    fn import_bytes(&self, file: &str, bytes: &[u8], registry: &Registry) -> ImportItem {
        let sha256 = sha256_hex(bytes);
        let item = |station: Option<String>, outcome, reason| ImportItem { file: file.to_owned(), station, outcome, reason };
        let refuse = |station: Option<String>, reason: ApiError| -> ImportItem {
            let already = self.store().state().refusals.iter().any(|(_, r)| r.sha256 == sha256 && r.code == reason.code);
            if !already {
                let refusal = Refusal {
                    file_name: file.to_owned(),
                    sha256: sha256.clone(),
                    station: station.clone(),
                    code: reason.code.clone(),
                    message: reason.message.clone(),
                    args: reason.args.clone(),
                };
                if let Err(error) = self.execute(&DecCommand::RecordRefusal { refusal }) {
                    return item(station, ImportOutcome::Unreadable, Some(error));
                }
            }
            item(station, ImportOutcome::Refused, Some(reason))
        };
        let verified = match bundle::read_and_verify_for_summary(bytes, registry, &VerifyOptions::default()) {
            Ok(verified) => verified,
            Err(error) => return refuse(bundle::claimed_station(bytes, &Limits::default()), ApiError::from(error)),
        };
        let station = verified.manifest.station.clone();
        let received = ReceivedBundle {
            sha256: verified.sha256.clone(),
            file_name: file.to_owned(),
            station: station.clone(),
            sequence: verified.manifest.sequence,
            created_at: verified.manifest.created_at,
            delivered_at: verified.state.count.delivered_at,
            results: verified.results.clone(),
            checkpoints: verified.checkpoints.iter().map(|c| c.fingerprint.clone()).collect(),
        };
        let now = self.now();
        let taken = self.store().take_bundle(received, bytes, now);
        match taken {
            Ok(events) => match events.first() {
                Some(DecEvent::ConflictReceived { bundle, .. }) => {
                    let reason = ApiError::new("dec.conflict", "dec-import-conflict")
                        .with("station", station.as_str())
                        .with("sequence", i64::try_from(bundle.sequence).unwrap_or(i64::MAX));
                    item(Some(station), ImportOutcome::Conflict, Some(reason))
                }
                _ => item(Some(station), ImportOutcome::Accepted, None),
            },
            Err(StoreError::Refused(error)) if error.code == "dec.already-imported" => {
                item(Some(station), ImportOutcome::AlreadyImported, Some(ApiError::from(error)))
            }
            Err(StoreError::Refused(error)) => refuse(Some(station), ApiError::from(error)),
            Err(error) => item(Some(station), ImportOutcome::Unreadable, Some(ApiError::from(error))),
        }
    }

    /// Imports bundle files one by one, calling `progress` after each.
    pub fn import_files(&self, paths: &[PathBuf], progress: &mut dyn FnMut(&ImportStatus)) -> ImportStatus {
        let mut status = ImportStatus {
            running: true,
            total: u32::try_from(paths.len()).unwrap_or(u32::MAX),
            ..ImportStatus::default()
        };
        let registry = match self.registry() {
            Ok(registry) => registry,
            Err(error) => {
                status.running = false;
                status.error = Some(error);
                return status;
            }
        };
        let limit = Limits::default().max_bundle;
        for path in paths {
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
            status.current = Some(file.clone());
            progress(&status);
            let read = std::fs::metadata(path).and_then(|meta| {
                if meta.len() > limit {
                    Err(std::io::Error::other(format!("{} bytes, more than {limit}", meta.len())))
                } else {
                    std::fs::read(path)
                }
            });
            let item = match read {
                Ok(bytes) => self.import_bytes(&file, &bytes, &registry),
                Err(error) => ImportItem {
                    file: file.clone(),
                    station: None,
                    outcome: ImportOutcome::Unreadable,
                    reason: Some(
                        ApiError::new("dec.file-unreadable", "error-dec-file-unreadable")
                            .with("path", path.display().to_string())
                            .with("detail", error.to_string()),
                    ),
                },
            };
            status.count(item);
        }
        status.running = false;
        status.current = None;
        progress(&status);
        status
    }

    /// Imports every `.zip` under `folder`.
    pub fn import_folder(&self, folder: &Path, progress: &mut dyn FnMut(&ImportStatus)) -> Result<ImportStatus, ApiError> {
        let paths = bundle_files(folder)?;
        Ok(self.import_files(&paths, progress))
    }

    /// Refused while another import runs; marks one as starting.
    pub fn import_may_start(&self) -> Result<(), ApiError> {
        let mut status = self.import_status();
        if status.as_ref().is_some_and(|s| s.running) {
            return Err(ApiError::new("dec.import-running", "error-dec-import-running"));
        }
        *status = Some(ImportStatus { running: true, ..ImportStatus::default() });
        Ok(())
    }

    /// Imports a folder, keeping the status for the window's progress bar (run on a
    /// thread of its own after [`Dec::import_may_start`]).
    pub fn import_folder_tracked(&self, folder: &Path) {
        let result = self.import_folder(folder, &mut |status| *self.import_status() = Some(status.clone()));
        let finished = match result {
            Ok(status) => status,
            Err(error) => ImportStatus { error: Some(error), ..ImportStatus::default() },
        };
        *self.import_status() = Some(finished);
    }

    /// The last import's status.
    pub fn import_progress(&self) -> Option<ImportStatus> {
        self.import_status().clone()
    }

    /// Keeps one of a station's conflicting bundles (`sha256`); `recount` when it is the
    /// result of a recount ordered by a higher commission (§78).
    pub fn resolve_conflict(&self, station: &str, keep: &str, recount: bool, reason: &str) -> Result<(), ApiError> {
        let command = DecCommand::ResolveConflict {
            station: station.to_owned(),
            keep: keep.to_owned(),
            recount,
            reason: reason.to_owned(),
        };
        self.execute(&command).map(drop)
    }

    /// The station's results in force are those of a recount (§78).
    pub fn mark_recount(&self, station: &str) -> Result<(), ApiError> {
        self.execute(&DecCommand::MarkRecount { station: station.to_owned() }).map(drop)
    }

    pub fn set_aside(&self, station: &str, scope: SetAsideScope, ground: SetAsideGround, decision: &str) -> Result<(), ApiError> {
        let command = DecCommand::SetAside { station: station.to_owned(), scope, ground, decision: decision.to_owned() };
        self.execute(&command).map(drop)
    }

    pub fn reinstate(&self, station: &str, reason: &str) -> Result<(), ApiError> {
        self.execute(&DecCommand::Reinstate { station: station.to_owned(), reason: reason.to_owned() }).map(drop)
    }

    /// The bytes of a bundle taken, by its SHA-256.
    pub fn bundle_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, ApiError> {
        Ok(self.store().bundle_bytes(sha256)?)
    }

    /// A document or an export's bytes.
    pub fn document(&self, kind: DecDocument) -> Result<Vec<u8>, ApiError> {
        match kind {
            DecDocument::Protocol => self.protocol_pdf(),
            DecDocument::Summary => self.summary_pdf(),
            DecDocument::NistResults => self.nist_results(),
            DecDocument::NistEvents => self.nist_events(),
            DecDocument::Registry => self.registry_file(),
        }
    }

    /// Makes a document or an export and saves it in the commission's documents folder.
    pub fn save_document(&self, kind: DecDocument) -> Result<String, ApiError> {
        self.save(None, kind.file_name(), &self.document(kind)?)
    }

    /// Writes `bytes` as `name` in the commission's documents folder (or `folder`).
    pub fn save(&self, folder: Option<&Path>, name: &str, bytes: &[u8]) -> Result<String, ApiError> {
        let folder = folder.map(Path::to_path_buf).unwrap_or_else(|| self.data_dir.join(DOCUMENTS_DIR));
        let path = crate::export::write_atomically(&folder, name, bytes)?;
        Ok(path.display().to_string())
    }
}
