//! Exporting the signed protocol bundle for the district commission (issue 7, item 3)
//! and the signed results printed as QR codes (item 4).
//!
//! A bundle holds the results of the signed protocol, the complete journal, every
//! printed record of the day as PDF (lot records, control sheets of the sealed boxes,
//! the ballot ledger, the safe record, the attendance register — which holds no personal
//! number —, out-of-premises voting, every act and the register of acts, the sheet of
//! signed results), and the lot records as JSON. It is signed by the station key and,
//! when the chair enters the card's PIN, co-signed by the chair's smart card. Before a
//! byte reaches the disk the bundle is verified by the same code the district runs
//! (against a registry of this station's own keys); then it is written to a temporary
//! file, synced and renamed, so that a folder or a USB drive holds the old bundle or the
//! new one, never half of one. Each export takes the next sequence number (kept in the
//! journal's settings), so a bundle exported again after a correction (§66) is told from
//! the first.

use std::io::Write;
use std::path::{Path, PathBuf};

use bundle::{BundleContents, CoSigner, JournalLine, RegisteredStation, Registry, Signer, VerifyOptions};
use chrono::{DateTime, Utc};
use domain::DayState;
use domain::election::ElectionDefinition;
use domain::lot::LotPurpose;
use domain::results::StationResults;
use driver_api::{DeviceKind, SmartCard, SmartCardError};
use i18n::Localizer;
use print::{Block, Document, PageSize, QrCode};
use serde::{Deserialize, Serialize};
use store::Health;
use ts_rs::TS;

use crate::documents::{self, DocumentKind};
use crate::error::ApiError;
use crate::station::Station;

const SEQUENCE_SETTING: &str = "export-sequence";
/// The default folder of exported bundles, in the data directory.
pub const BUNDLES_DIR: &str = "bundles";

/// What the window asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportRequest {
    /// A folder or a USB drive; `<data>/bundles/` when empty.
    pub folder: Option<String>,
    /// The chair's PIN: the chair's smart card co-signs when given.
    pub chair_pin: Option<String>,
}

/// Where the bundle went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportReport {
    pub path: String,
    pub sequence: u32,
    pub size: u32,
    /// SHA-256 of the file, 64 hex digits.
    pub sha256: String,
    /// The station key's fingerprint.
    pub fingerprint: String,
    /// Co-signatures besides the station's.
    pub co_signed: u32,
}

fn write_error(path: &Path, error: &std::io::Error) -> ApiError {
    ApiError::new("bundle.export-write", "bundle-export-write")
        .with("path", path.display().to_string())
        .with("detail", error.to_string())
}

/// Writes `bytes` as `folder/name` through a synced temporary file and a rename: the
/// folder holds the old file or the new one, never half of one.
pub fn write_file_atomically(folder: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let path = folder.join(name);
    let partial = folder.join(format!(".{name}.partial"));
    let written = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&partial, &path)?;
        // The rename itself reaches the disk with the folder's entry.
        if let Ok(directory) = std::fs::File::open(folder) {
            let _ = directory.sync_all();
        }
        Ok(())
    })();
    if let Err(error) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    Ok(path)
}

/// [`write_file_atomically`] for a bundle and the files beside it; the refusal names
/// the place.
pub fn write_atomically(folder: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, ApiError> {
    write_file_atomically(folder, name, bytes).map_err(|error| write_error(&folder.join(name), &error))
}

/// A member's smart card as a co-signer of the bundle.
pub struct CardSigner<'a> {
    card: &'a dyn SmartCard,
    key: bundle::PublicKey,
}

impl<'a> CardSigner<'a> {
    pub fn new(card: &'a dyn SmartCard) -> Result<CardSigner<'a>, ApiError> {
        let key = card.public_key().map_err(|error| card_error(&error))?;
        let algorithm = match key.algorithm {
            driver_api::SignatureAlgorithm::Ed25519 => bundle::Algorithm::Ed25519,
            driver_api::SignatureAlgorithm::EcdsaP256Sha256 => bundle::Algorithm::EcdsaP256Sha256,
            driver_api::SignatureAlgorithm::RsaPkcs1Sha256 => {
                return Err(ApiError::new("bundle.card-unusable", "bundle-card-unusable"));
            }
        };
        Ok(CardSigner { card, key: bundle::PublicKey::new(algorithm, &key.bytes) })
    }
}

impl Signer for CardSigner<'_> {
    fn public_key(&self) -> bundle::PublicKey {
        self.key.clone()
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, bundle::BundleError> {
        self.card.sign(message).map(|signature| signature.bytes).map_err(|error| bundle::BundleError::Sign { detail: error.to_string() })
    }
}

fn card_error(error: &SmartCardError) -> ApiError {
    match error {
        SmartCardError::Absent | SmartCardError::Device(_) => ApiError::new("bundle.card-absent", "bundle-card-absent"),
        SmartCardError::WrongPin { attempts_left } => {
            ApiError::new("bundle.card-wrong-pin", "bundle-card-wrong-pin").with("attempts", i64::from(*attempts_left))
        }
        SmartCardError::Blocked => ApiError::new("bundle.card-blocked", "bundle-card-blocked"),
        SmartCardError::Unregistered => ApiError::new("bundle.card-unusable", "bundle-card-unusable"),
        SmartCardError::PinRequired => ApiError::new("bundle.card-pin-required", "bundle-card-pin-required"),
    }
}

/// The printed records a bundle carries, as far as the day has made them.
pub fn bundle_documents(state: &DayState) -> Vec<DocumentKind> {
    let mut kinds = Vec::new();
    for purpose in [LotPurpose::Roles, LotPurpose::OutOfPremises] {
        if state.lot_drawn(purpose).is_some() {
            kinds.push(DocumentKind::LotRecord { purpose });
        }
    }
    if state.safe.is_some() {
        kinds.push(DocumentKind::SafeRecord);
    }
    kinds.extend(state.boxes.iter().map(|sealed| DocumentKind::ControlSheet { box_id: sealed.box_id.clone() }));
    if state.ballots.received.is_some() || !state.ballots.batches.is_empty() {
        kinds.push(DocumentKind::BallotLedger);
    }
    if !state.attendance.is_empty() {
        kinds.push(DocumentKind::AttendanceRegister);
    }
    if !state.out_of_premises.applications.is_empty() {
        kinds.push(DocumentKind::OutOfPremisesRegistry);
    }
    if state.out_of_premises.closing.is_some() {
        kinds.push(DocumentKind::OutOfPremisesAct);
    }
    kinds.extend(state.acts.iter().map(|act| DocumentKind::Act { number: act.number }));
    if !state.acts.is_empty() {
        kinds.push(DocumentKind::ActRegister);
    }
    // Every protocol signed (a superseded one says so on its face, §66), then what the
    // count attaches to it; a record of what has not happened is left out by the export.
    kinds.extend(state.count.protocols.iter().map(|signed| DocumentKind::Protocol { number: signed.number, copy: 1 }));
    kinds.extend([DocumentKind::AeuPreliminary, DocumentKind::FinalMeeting, DocumentKind::PacketInventory]);
    kinds
}

/// The sheet of signed results: the protocol's heading facts and its QR codes.
pub fn signed_results_document(
    election: &ElectionDefinition,
    results: &StationResults,
    codes: &[String],
    fingerprint: &str,
    localizer: &Localizer,
    now: DateTime<Utc>,
) -> Document {
    let zone = election.tz();
    let facts = vec![
        (localizer.text("bundle-doc-election"), election.name.get(localizer.language().code()).to_owned()),
        (localizer.text("bundle-doc-station"), election.station.number.clone()),
        (localizer.text("bundle-doc-protocol-number"), results.protocol_number.to_string()),
        (localizer.text("bundle-doc-signed-at"), results.signed_at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string()),
        (localizer.text("bundle-station-key"), fingerprint.to_owned()),
    ];
    Document {
        title: localizer.text("bundle-signed-results-title"),
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
        language: localizer.language(),
        training: election.training,
        page: PageSize::A4,
        corner_codes: None,
        blocks: std::iter::once(Block::KeyValue(facts)).chain(paper_code_blocks(codes, localizer)).collect(),
    }
}

/// The signed results as QR codes with the hint that says what they are for (R5.5): on
/// the sheet of signed results and at the end of the printed protocol in force.
fn paper_code_blocks(codes: &[String], localizer: &Localizer) -> Vec<Block> {
    let parts = codes.len();
    let qr_codes = codes
        .iter()
        .enumerate()
        .map(|(index, code)| {
            let pairs = [("part".to_owned(), (index + 1).into()), ("parts".to_owned(), parts.into())];
            let caption = localizer.message("bundle-signed-results-part", &pairs.into_iter().collect());
            QrCode::new(code.as_bytes().to_vec(), Some(caption), 0.5)
        })
        .collect();
    vec![Block::Paragraph(localizer.text("bundle-signed-results-hint")), Block::QrRow(qr_codes)]
}

fn render(document: &Document) -> Result<Vec<u8>, ApiError> {
    print::render_pdf(document).map_err(|error| ApiError::new("print", "error-print").with("detail", error.to_string()))
}

fn internal(detail: impl ToString) -> ApiError {
    ApiError::new("internal", "error-internal").with("detail", detail.to_string())
}

/// A file name from an election id and a station number: letters, digits, hyphens.
fn bundle_file_name(results: &StationResults, sequence: u64) -> String {
    let election = bundle::manifest::plain_file_name(&results.election);
    let station = bundle::manifest::plain_file_name(&results.station);
    format!("uchastok-{election}-{station}-{sequence:03}.zip")
}

impl Station {
    /// The folder bundles go to unless another is chosen.
    pub fn default_bundle_folder(&self) -> PathBuf {
        self.data_dir.join(BUNDLES_DIR)
    }

    /// The results of the signed protocol, or why there are none yet.
    fn signed_results(&self) -> Result<StationResults, ApiError> {
        let journal = self.journal();
        if !matches!(journal.health(), Health::Ok) {
            return Err(ApiError::new("bundle.export-read-only", "bundle-export-read-only"));
        }
        domain::results::compute(journal.state())
            .map_err(|_| ApiError::new("bundle.export-not-ready", "bundle-export-not-ready"))
    }

    /// The protocol in force, once signed, carries its signed results as QR codes before
    /// "made in N copies" (R5.5: the district can take the results from the paper alone);
    /// every other document, and a superseded protocol, is left as it is.
    pub(crate) fn with_paper_codes(&self, kind: &DocumentKind, mut document: Document) -> Result<Document, ApiError> {
        let DocumentKind::Protocol { number, .. } = kind else { return Ok(document) };
        let Ok(results) = self.signed_results() else { return Ok(document) };
        if results.protocol_number != *number {
            return Ok(document);
        }
        let codes = bundle::paper::encode(&results, &self.station_signer()?, bundle::paper::DEFAULT_PART_CHARS)?;
        let blocks = paper_code_blocks(&codes, &Localizer::new(document.language));
        let at = match document.blocks.last() {
            Some(Block::Copies(_)) => document.blocks.len() - 1,
            _ => document.blocks.len(),
        };
        document.blocks.splice(at..at, blocks);
        Ok(document)
    }

    /// The texts of the QR codes of the signed results (`bundle::paper`).
    pub fn paper_codes(&self) -> Result<Vec<String>, ApiError> {
        let results = self.signed_results()?;
        Ok(bundle::paper::encode(&results, &self.station_signer()?, bundle::paper::DEFAULT_PART_CHARS)?)
    }

    /// The sheet of signed results as PDF, in the chosen language.
    pub fn signed_results_pdf(&self) -> Result<Vec<u8>, ApiError> {
        let results = self.signed_results()?;
        let codes = bundle::paper::encode(&results, &self.station_signer()?, bundle::paper::DEFAULT_PART_CHARS)?;
        let election = self.election()?;
        let fingerprint = self.station_signer()?.public_key().fingerprint();
        let localizer = Localizer::new(self.language());
        render(&signed_results_document(&election, &results, &codes, &fingerprint, &localizer, self.now()))
    }

    /// Prints the sheet of signed results to `documents/signed-results.pdf` (written
    /// whole, then renamed) and says where.
    pub fn save_signed_results(&self) -> Result<String, ApiError> {
        let pdf = self.signed_results_pdf()?;
        let folder = self.data_dir.join("documents");
        let path = write_file_atomically(&folder, "signed-results.pdf", &pdf).map_err(|error| {
            ApiError::new("document.write", "error-document-write")
                .with("path", folder.join("signed-results.pdf").display().to_string())
                .with("detail", error.to_string())
        })?;
        Ok(path.display().to_string())
    }

    /// Exports the bundle as the window asks: to the folder given (else
    /// `<data>/bundles/`), co-signed by the chair's smart card when a PIN is given.
    pub fn export_bundle(&self, request: &ExportRequest) -> Result<ExportReport, ApiError> {
        let folder = match request.folder.as_deref().map(str::trim).filter(|folder| !folder.is_empty()) {
            Some(folder) => PathBuf::from(folder),
            None => self.default_bundle_folder(),
        };
        let Some(pin) = request.chair_pin.as_deref().filter(|pin| !pin.is_empty()) else {
            return self.export_bundle_to(&folder, &[]);
        };
        let device = self
            .device_of(DeviceKind::SmartCard)
            .ok_or_else(|| ApiError::new("bundle.card-absent", "bundle-card-absent"))?;
        let card = device.as_smart_card().ok_or_else(|| ApiError::new("bundle.card-absent", "bundle-card-absent"))?;
        card.verify_pin(pin).map_err(|error| card_error(&error))?;
        let signer = CardSigner::new(card)?;
        self.export_bundle_to(&folder, &[&signer])
    }

    /// Makes, checks and writes the bundle into `folder`, signed by the station key and
    /// then by each co-signer.
    pub fn export_bundle_to(&self, folder: &Path, co_signers: &[&dyn Signer]) -> Result<ExportReport, ApiError> {
        let now = self.now();
        let results = self.signed_results()?;
        self.journal_station_key(now)?;
        let station = self.station_signer()?;
        let (state, entries, stored_sequence) = {
            let journal = self.journal();
            let sequence = journal.setting(SEQUENCE_SETTING)?.and_then(|text| text.parse::<u64>().ok()).unwrap_or(0);
            (journal.state().clone(), journal.entries()?, sequence)
        };
        let election = state.election.clone().ok_or_else(|| ApiError::new("election.not-loaded", "error-election-not-loaded"))?;
        let journal: Vec<JournalLine> = entries
            .iter()
            .map(|entry| {
                JournalLine::new(entry.seq, &store::format_at(entry.at), &entry.kind, &entry.payload, &entry.prev_hash, &entry.hash)
            })
            .collect();

        let language = self.language();
        let localizer = Localizer::new(language);
        let voter_name = |voter: &str| self.voter_name(voter);
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        for kind in bundle_documents(&state) {
            let document = match documents::build(&kind, &election, &state, language, now, &voter_name) {
                Ok(document) => self.with_paper_codes(&kind, document)?,
                Err(error) if error.code == "document.not-yet" => continue,
                Err(error) => return Err(error),
            };
            let name = bundle::manifest::plain_file_name(&kind.file_stem());
            files.push((format!("{}{name}.pdf", bundle::manifest::DOCUMENTS), render(&document)?));
        }
        let codes = bundle::paper::encode(&results, &station, bundle::paper::DEFAULT_PART_CHARS)?;
        let fingerprint = station.public_key().fingerprint();
        let sheet = signed_results_document(&election, &results, &codes, &fingerprint, &localizer, now);
        files.push((format!("{}signed-results.pdf", bundle::manifest::DOCUMENTS), render(&sheet)?));
        for purpose in [LotPurpose::Roles, LotPurpose::OutOfPremises] {
            if let Some(record) = state.lot_drawn(purpose) {
                let name = bundle::manifest::plain_file_name(&DocumentKind::LotRecord { purpose }.file_stem());
                let json = serde_json::to_vec_pretty(record).map_err(internal)?;
                files.push((format!("{}{name}.json", bundle::manifest::RECORDS), json));
            }
        }

        // The next number, and never a file name that is already in the folder.
        let mut sequence = stored_sequence + 1;
        while folder.join(bundle_file_name(&results, sequence)).exists() {
            sequence += 1;
        }
        let contents = BundleContents { sequence, created_at: now, results: results.clone(), journal, files };
        let bytes = bundle::write_bundle(&contents, &station, co_signers)?;

        // The district's own check, against this station's keys, before anything is written.
        let registry = Registry {
            format: bundle::registry::REGISTRY_FORMAT,
            election: results.election.clone(),
            training: results.training,
            commission: String::new(),
            issued_at: now,
            dec_key: station.public_key(),
            stations: vec![RegisteredStation {
                station: results.station.clone(),
                key: station.public_key(),
                valid_from: DateTime::<Utc>::MIN_UTC,
                valid_until: DateTime::<Utc>::MAX_UTC,
                co_signers: co_signers
                    .iter()
                    .map(|signer| CoSigner { role: "co-signer".into(), name: String::new(), key: signer.public_key() })
                    .collect(),
            }],
        };
        let verified = bundle::read_and_verify(&bytes, &registry, &VerifyOptions::default()).map_err(|error| {
            ApiError::new("bundle.export-self-check", "bundle-export-self-check").with("detail", error.to_string())
        })?;

        let path = write_atomically(folder, &bundle_file_name(&results, sequence), &bytes)?;
        self.journal_settings_set(SEQUENCE_SETTING, &sequence.to_string())?;
        Ok(ExportReport {
            path: path.display().to_string(),
            sequence: u32::try_from(sequence).unwrap_or(u32::MAX),
            size: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
            sha256: verified.sha256,
            fingerprint,
            co_signed: u32::try_from(co_signers.len()).unwrap_or(u32::MAX),
        })
    }

    fn journal_settings_set(&self, key: &str, value: &str) -> Result<(), ApiError> {
        self.journal().set_setting(key, value)?;
        Ok(())
    }
}
