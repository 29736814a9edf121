//! The identification desk (§37–42, R4.2–R4.3): one voter at a time, from the document
//! to the receipt, the ballot and the list signature, through the devices.
//!
//! The session of the voter at the desk lives in memory only: what matters is journaled
//! the moment it happens (the identification, the act of a failure, the ballot printed,
//! the signature), so a crash in the middle loses no acknowledged act — the voter simply
//! starts again, and a voter already identified is refused (R3.2).
//!
//! Nothing here writes a personal number or a ballot serial to the journal: the voter is
//! the register's keyed hash, the serial goes to the serial set.

use base64::Engine;
use base64::prelude::BASE64_STANDARD;
use domain::election::{LocalizedText, StationKind};
use domain::identification::{
    BiometricMethod, Identification, IdentityDocument, MAX_FINGERPRINT_ATTEMPTS, VoterFacts,
};
use domain::Command;
use driver_api::{
    Device, DeviceError, DeviceKind, DocumentError, FaceError, FingerprintError, PrintJob, PrintKind, PrintPayload,
    PrinterError, QrError, Wait,
};
use serde::{Deserialize, Serialize};
use store::register::RegisterEntry;
use ts_rs::TS;

use crate::ballot_code::{self, BallotCode};
use crate::error::ApiError;
use crate::station::Station;
use crate::tunduk;

/// The outcome of the last biometric attempt, for the member to tell the voter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AttemptOutcome {
    Match,
    NoMatch,
    LowQuality,
    NoFinger,
    NoFace,
}

/// The voter at the desk as the member sees them. No personal number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeskVoter {
    pub name: String,
    /// `DD.MM.YYYY`.
    pub birth_date: String,
    /// The contest (district) whose ballot the voter gets here.
    pub contest: String,
    pub designation: String,
    pub contest_name: LocalizedText,
    /// The station of the voter's registered address.
    pub station: String,
    /// A `data:` URL of the register's photo, if it has one.
    pub photo: Option<String>,
    /// The document's number as read, for the paper list (§39); never stored.
    pub document_number: String,
}

/// One of the nine steps of R4.2 (a regular station shows §37–42's steps the same way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DeskStepState {
    Done,
    Current,
    Todo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeskStep {
    /// Message id suffix: `desk-step-<id>`.
    pub id: String,
    pub state: DeskStepState,
}

/// What the identification panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeskView {
    pub active: bool,
    pub document: Option<IdentityDocument>,
    pub voter: Option<DeskVoter>,
    /// The member compared the document's photo with the person (R4.2 step 2).
    pub photo_confirmed: bool,
    pub fingerprint_attempts: u8,
    pub max_fingerprint_attempts: u8,
    /// Face geometry may be tried now (remote station, ten fingerprints failed).
    pub face_allowed: bool,
    pub face_tried: bool,
    /// The act of §37 may be drawn up now.
    pub can_give_up: bool,
    pub last_attempt: Option<AttemptOutcome>,
    pub identified: bool,
    pub method: Option<BiometricMethod>,
    pub receipt_printed: bool,
    /// Remote station: the ballot of the voter's district came out of the printer.
    pub ballot_printed: bool,
    /// The voter signed the list (remote participants, or the paper list).
    pub listed: bool,
    /// Regular station: the ballot was handed over against the receipt.
    pub ballot_issued: bool,
    /// The number of the act drawn up for a voter the devices could not identify.
    pub failure_act: Option<u32>,
    pub steps: Vec<DeskStep>,
}

impl DeskView {
    fn idle(station: StationKind) -> DeskView {
        DeskView {
            active: false,
            document: None,
            voter: None,
            photo_confirmed: false,
            fingerprint_attempts: 0,
            max_fingerprint_attempts: max_attempts(station),
            face_allowed: false,
            face_tried: false,
            can_give_up: false,
            last_attempt: None,
            identified: false,
            method: None,
            receipt_printed: false,
            ballot_printed: false,
            listed: false,
            ballot_issued: false,
            failure_act: None,
            steps: steps(station, None),
        }
    }
}

/// Ten fingerprint attempts at most (R4.2 step 5); a regular station may give up after
/// three (§37) but not try more than ten either.
fn max_attempts(_station: StationKind) -> u8 {
    MAX_FINGERPRINT_ATTEMPTS
}

/// The voter at the desk, between the document and the end of their identification.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub(crate) entry: RegisterEntry,
    document_number: String,
    facts: VoterFacts,
    document: IdentityDocument,
    contest: String,
    photo_confirmed: bool,
    fingerprint_attempts: u8,
    face_tried: bool,
    last_attempt: Option<AttemptOutcome>,
    method: Option<BiometricMethod>,
    receipt_printed: bool,
    ballot_printed: bool,
    listed: bool,
    ballot_issued: bool,
    failure_act: Option<u32>,
}

impl Session {
    fn identified(&self) -> bool {
        self.method.is_some()
    }

    fn finished(&self, station: StationKind) -> bool {
        self.failure_act.is_some()
            || match station {
                StationKind::RemoteVoting => self.identified() && self.ballot_printed && self.listed,
                _ => self.identified() && self.listed && self.ballot_issued,
            }
    }
}

/// The steps as the panel lists them: R4.2's nine at a remote station; at a regular
/// station the document, the photo, the list, the fingerprint, the receipt, the paper
/// list and the ballot (§37–42).
fn steps(station: StationKind, session: Option<&Session>) -> Vec<DeskStep> {
    let remote = station == StationKind::RemoteVoting;
    let ids: &[&str] = if remote {
        &["document", "photo", "register", "eligibility", "biometrics", "ballot", "list", "booth", "urn"]
    } else {
        &["document", "photo", "register", "biometrics", "receipt", "paper-list", "ballot-issued"]
    };
    let done = |id: &str| -> bool {
        let Some(s) = session else { return false };
        match id {
            "document" | "register" | "eligibility" => true,
            "photo" => s.photo_confirmed,
            "biometrics" => s.identified(),
            "ballot" => s.ballot_printed,
            "receipt" => s.receipt_printed,
            "list" | "paper-list" => s.listed,
            "ballot-issued" => s.ballot_issued,
            // The booth and the urn are the voter's own, past the desk.
            "booth" | "urn" => s.finished(station),
            _ => false,
        }
    };
    let mut current_given = false;
    ids.iter()
        .map(|id| {
            let state = if done(id) {
                DeskStepState::Done
            } else if !current_given && session.is_some_and(|s| s.failure_act.is_none()) {
                current_given = true;
                DeskStepState::Current
            } else if !current_given && session.is_none() && *id == "document" {
                current_given = true;
                DeskStepState::Current
            } else {
                DeskStepState::Todo
            };
            DeskStep { id: (*id).to_owned(), state }
        })
        .collect()
}

pub(crate) fn device_error(kind: DeviceKind, error: &DeviceError) -> ApiError {
    let (code, message) = match error {
        DeviceError::Absent(_) => ("device.absent", "error-device-absent"),
        DeviceError::Fault { .. } => ("device.fault", "error-device-fault"),
        DeviceError::Busy(_) => ("device.busy", "error-device-busy"),
        DeviceError::Timeout(_) => ("device.timeout", "error-device-timeout"),
        DeviceError::Cancelled(_) => ("device.cancelled", "error-device-cancelled"),
        DeviceError::Unsupported { .. } | DeviceError::Protocol { .. } => ("device.protocol", "error-device-protocol"),
    };
    ApiError::new(code, message).with("device", kind.code())
}

pub(crate) fn no_device(kind: DeviceKind) -> ApiError {
    ApiError::new("device.absent", "error-device-absent").with("device", kind.code())
}

fn refuse(code: &str, message: &str) -> ApiError {
    ApiError::new(code, message)
}

/// The personal number and the document's own checks, from what the reader gave.
struct ReadDocument {
    personal_number: String,
    /// The document's number, for the member who writes it into the paper list (§39).
    number: String,
    expires: Option<chrono::NaiveDate>,
}

fn read_mrz(lines: &[String], document: IdentityDocument, today: chrono::NaiveDate) -> Result<ReadDocument, ApiError> {
    let mrz = mrz::parse_lines(lines).map_err(|errors| {
        let field = errors.errors.first().and_then(|e| e.field()).map(|f| f.to_string()).unwrap_or_default();
        refuse("desk.mrz-invalid", "error-desk-mrz-invalid").with("field", field)
    })?;
    use mrz::DocumentKind as Kind;
    let matches = match document {
        IdentityDocument::IdCard => mrz.document_kind() == Kind::IdentityCard,
        IdentityDocument::Passport => matches!(mrz.document_kind(), Kind::Passport | Kind::OfficialPassport),
        IdentityDocument::DiplomaticPassport => mrz.document_kind() == Kind::DiplomaticPassport,
        IdentityDocument::ServicePassport => mrz.document_kind() == Kind::ServicePassport,
        IdentityDocument::TundukDigitalPassport => false,
    };
    if !matches {
        return Err(refuse("desk.wrong-document", "error-desk-wrong-document").with("document", document.code()));
    }
    if mrz.nationality != "KGZ" {
        return Err(refuse("desk.not-a-citizen", "error-desk-not-a-citizen").with("nationality", mrz.nationality.clone()));
    }
    let personal_number = mrz
        .personal_number()
        .ok_or_else(|| refuse("desk.no-personal-number", "error-desk-no-personal-number"))?
        .to_owned();
    let today = mrz::CalendarDate::new(
        u16::try_from(chrono::Datelike::year(&today)).unwrap_or(2000),
        u8::try_from(chrono::Datelike::month(&today)).unwrap_or(1),
        u8::try_from(chrono::Datelike::day(&today)).unwrap_or(1),
    );
    let expires = mrz
        .expiry_date
        .expiry_date(today)
        .and_then(|d| chrono::NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)));
    Ok(ReadDocument { personal_number, number: mrz.document_number.clone(), expires })
}

pub(crate) fn photo_url(photo: &store::register::Photo) -> String {
    format!("data:{};base64,{}", photo.format.mime_type(), BASE64_STANDARD.encode(&photo.bytes))
}

/// The photo a `data:` URL made by [`photo_url`] holds, for the display device.
pub(crate) fn photo_from_url(url: &str) -> Option<driver_api::Photo> {
    let rest = url.strip_prefix("data:")?;
    let (media_type, data) = rest.split_once(";base64,")?;
    Some(driver_api::Photo { media_type: media_type.to_owned(), data: BASE64_STANDARD.decode(data).ok()? })
}

pub(crate) fn voter_name(entry: &RegisterEntry) -> String {
    [entry.surname.as_str(), entry.given_names.as_str(), entry.patronymic.as_str()]
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn facts_of(entry: &RegisterEntry) -> VoterFacts {
    VoterFacts {
        voter: entry.voter_key.to_hex(),
        birth_date: entry.birth_date,
        district: entry.district.clone(),
        station: entry.station.clone(),
        registered_on: entry.registered_on,
    }
}

impl Station {
    /// What the identification panel shows now.
    pub fn desk(&self) -> DeskView {
        let journal = self.journal();
        let Some(election) = journal.state().election.as_ref() else {
            return DeskView::idle(StationKind::Regular);
        };
        let kind = election.station.kind;
        let session = self.session();
        let Some(session) = session.as_ref() else { return DeskView::idle(kind) };
        let contest = election.contests.iter().find(|c| c.id == session.contest);
        let photo = self.register_photo(&session.entry.voter_key);
        let give_up = domain::identification::may_give_up(kind, session.fingerprint_attempts, session.face_tried).is_ok();
        DeskView {
            active: true,
            document: Some(session.document),
            voter: Some(DeskVoter {
                name: voter_name(&session.entry),
                birth_date: session.entry.birth_date.format("%d.%m.%Y").to_string(),
                contest: session.contest.clone(),
                designation: contest.map(|c| c.designation.clone()).unwrap_or_default(),
                contest_name: contest.map(|c| c.name.clone()).unwrap_or(LocalizedText { ky: String::new(), ru: String::new() }),
                station: session.entry.station.clone(),
                photo,
                document_number: session.document_number.clone(),
            }),
            photo_confirmed: session.photo_confirmed,
            fingerprint_attempts: session.fingerprint_attempts,
            max_fingerprint_attempts: max_attempts(kind),
            face_allowed: kind == StationKind::RemoteVoting
                && !session.identified()
                && session.fingerprint_attempts >= MAX_FINGERPRINT_ATTEMPTS,
            face_tried: session.face_tried,
            can_give_up: give_up && !session.identified() && session.failure_act.is_none(),
            last_attempt: session.last_attempt,
            identified: session.identified(),
            method: session.method,
            receipt_printed: session.receipt_printed,
            ballot_printed: session.ballot_printed,
            listed: session.listed,
            ballot_issued: session.ballot_issued,
            failure_act: session.failure_act,
            steps: steps(kind, Some(session)),
        }
    }

    /// R4.2 steps 1, 3, 4 and the MRZ of step 5: the document is read (its MRZ by the
    /// document reader, or the «Түндүк» QR code by the QR reader), the voter looked up in
    /// the register, and the rules say whether they may vote here. A refusal says why in
    /// the user's language (R4.3's advice included) and leaves the desk free.
    pub fn desk_read_document(&self, document: IdentityDocument) -> Result<DeskView, ApiError> {
        let now = self.now();
        let election = self.election()?;
        if let Some(session) = self.session().as_ref() {
            if !session.finished(election.station.kind) {
                return Err(refuse("desk.busy", "error-desk-busy"));
            }
        }
        {
            let journal = self.journal();
            domain::voting::voting_open(&election, journal.state(), now)?;
        }
        let today = now.with_timezone(&election.tz()).date_naive();
        let read = match document {
            IdentityDocument::TundukDigitalPassport => {
                let reader = self.device_of(DeviceKind::QrReader).ok_or_else(|| no_device(DeviceKind::QrReader))?;
                let qr = reader.as_qr_reader().ok_or_else(|| no_device(DeviceKind::QrReader))?;
                let code = qr.scan(&Wait::default()).map_err(|error| match error {
                    QrError::NoCode => refuse("desk.no-code", "error-desk-no-code"),
                    QrError::Unreadable => refuse("desk.code-unreadable", "error-desk-code-unreadable"),
                    QrError::Device(error) => device_error(DeviceKind::QrReader, &error),
                })?;
                let passport = tunduk::parse(&code.payload).map_err(|problem| match problem {
                    tunduk::TundukProblem::NotAPassport => refuse("desk.not-a-digital-passport", "error-desk-not-a-digital-passport"),
                    tunduk::TundukProblem::Damaged => refuse("desk.digital-passport-damaged", "error-desk-digital-passport-damaged"),
                })?;
                ReadDocument {
                    personal_number: passport.personal_number,
                    number: passport.document_number,
                    expires: Some(passport.valid_until),
                }
            }
            _ => {
                let reader =
                    self.device_of(DeviceKind::DocumentReader).ok_or_else(|| no_device(DeviceKind::DocumentReader))?;
                let documents = reader.as_document_reader().ok_or_else(|| no_device(DeviceKind::DocumentReader))?;
                let text = documents.read_mrz(&Wait::default()).map_err(|error| match error {
                    DocumentError::NoDocument => refuse("desk.no-document", "error-desk-no-document"),
                    DocumentError::Unreadable => refuse("desk.document-unreadable", "error-desk-document-unreadable"),
                    DocumentError::Device(error) => device_error(DeviceKind::DocumentReader, &error),
                })?;
                read_mrz(&text.lines, document, today)?
            }
        };
        if read.expires.is_some_and(|expires| expires < today) {
            return Err(refuse("desk.document-expired", "error-desk-document-expired"));
        }
        let entry = self
            .register_find(&read.personal_number)?
            .ok_or_else(|| refuse("identification.not-in-register", "error-identification-not-in-register"))?;
        let facts = facts_of(&entry);
        let contest = {
            let journal = self.journal();
            domain::voting::admissible(&election, journal.state(), &facts, now)?
        };
        *self.session() = Some(Session {
            entry,
            document_number: read.number,
            facts,
            document,
            contest,
            photo_confirmed: false,
            fingerprint_attempts: 0,
            face_tried: false,
            last_attempt: None,
            method: None,
            receipt_printed: false,
            ballot_printed: false,
            listed: false,
            ballot_issued: false,
            failure_act: None,
        });
        self.show_on_monitor();
        Ok(self.desk())
    }

    /// R4.2 step 2: the member compared the photo in the document with the person.
    pub fn desk_confirm_photo(&self) -> Result<DeskView, ApiError> {
        {
            let mut session = self.session();
            let session = session.as_mut().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            session.photo_confirmed = true;
        }
        Ok(self.desk())
    }

    /// One fingerprint attempt (at most ten, R4.2 step 5); on a match the voter is
    /// identified, the receipt printed and, at a remote station, the ballot.
    pub fn desk_fingerprint(&self) -> Result<DeskView, ApiError> {
        let election = self.election()?;
        let (facts, attempts) = self.pending_biometrics()?;
        if attempts >= max_attempts(election.station.kind) {
            return Err(refuse("identification.too-many-attempts", "error-identification-too-many-attempts")
                .with("max", i64::from(MAX_FINGERPRINT_ATTEMPTS)));
        }
        let reference = self
            .references
            .fingerprint(&facts.voter)
            .ok_or_else(|| refuse("desk.no-reference", "error-desk-no-reference"))?;
        let scanner =
            self.device_of(DeviceKind::FingerprintScanner).ok_or_else(|| no_device(DeviceKind::FingerprintScanner))?;
        let scanner = scanner.as_fingerprint_scanner().ok_or_else(|| no_device(DeviceKind::FingerprintScanner))?;
        let outcome = match scanner.capture(&Wait::default()) {
            Ok(live) => match scanner.verify(&live, &reference) {
                Ok(_) => AttemptOutcome::Match,
                Err(FingerprintError::NoMatch { .. }) => AttemptOutcome::NoMatch,
                Err(FingerprintError::LowQuality { .. }) => AttemptOutcome::LowQuality,
                Err(FingerprintError::NoFinger) => AttemptOutcome::NoFinger,
                Err(FingerprintError::InvalidTemplate) => return Err(refuse("desk.no-reference", "error-desk-no-reference")),
                Err(FingerprintError::Device(error)) => return Err(device_error(DeviceKind::FingerprintScanner, &error)),
            },
            Err(FingerprintError::LowQuality { .. }) => AttemptOutcome::LowQuality,
            Err(FingerprintError::NoFinger) => AttemptOutcome::NoFinger,
            Err(FingerprintError::NoMatch { .. }) => AttemptOutcome::NoMatch,
            Err(FingerprintError::InvalidTemplate) => return Err(refuse("desk.no-reference", "error-desk-no-reference")),
            Err(FingerprintError::Device(error)) => return Err(device_error(DeviceKind::FingerprintScanner, &error)),
        };
        // A finger that never reached the scanner is not an attempt.
        let counted = outcome != AttemptOutcome::NoFinger;
        let attempts = if counted { attempts + 1 } else { attempts };
        self.update_session(|s| {
            s.fingerprint_attempts = attempts;
            s.last_attempt = Some(outcome);
        });
        if outcome == AttemptOutcome::Match {
            self.complete_identification(BiometricMethod::Fingerprint)?;
        }
        Ok(self.desk())
    }

    /// Face geometry through the camera, after ten failed fingerprints (R4.2 step 5).
    pub fn desk_face(&self) -> Result<DeskView, ApiError> {
        let election = self.election()?;
        let (facts, attempts) = self.pending_biometrics()?;
        domain::identification::check_biometrics(
            election.station.kind,
            &Identification { facts: facts.clone(), document: IdentityDocument::IdCard, method: BiometricMethod::Face, fingerprint_attempts: attempts },
        )?;
        let reference =
            self.references.face(&facts.voter).ok_or_else(|| refuse("desk.no-reference", "error-desk-no-reference"))?;
        let camera = self.device_of(DeviceKind::Camera).ok_or_else(|| no_device(DeviceKind::Camera))?;
        let frame = camera
            .as_camera()
            .ok_or_else(|| no_device(DeviceKind::Camera))?
            .frame(&Wait::default())
            .map_err(|error| device_error(DeviceKind::Camera, &error))?;
        let matcher = self.device_of(DeviceKind::FaceMatcher).ok_or_else(|| no_device(DeviceKind::FaceMatcher))?;
        let matcher = matcher.as_face_matcher().ok_or_else(|| no_device(DeviceKind::FaceMatcher))?;
        let outcome = match matcher.compare(&frame, &reference, &Wait::default()) {
            Ok(_) => AttemptOutcome::Match,
            Err(FaceError::NoMatch { .. }) => AttemptOutcome::NoMatch,
            Err(FaceError::NoFace) => AttemptOutcome::NoFace,
            Err(FaceError::InvalidReference) => return Err(refuse("desk.no-reference", "error-desk-no-reference")),
            Err(FaceError::Device(error)) => return Err(device_error(DeviceKind::FaceMatcher, &error)),
        };
        self.update_session(|s| {
            s.last_attempt = Some(outcome);
            if outcome != AttemptOutcome::NoFace {
                s.face_tried = true;
            }
        });
        if outcome == AttemptOutcome::Match {
            self.complete_identification(BiometricMethod::Face)?;
        }
        Ok(self.desk())
    }

    /// The devices could not identify the voter: the act of §37 in two copies, and the
    /// voter does not vote.
    pub fn desk_give_up(&self) -> Result<DeskView, ApiError> {
        let (facts, attempts, face_tried) = {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            if s.identified() || s.failure_act.is_some() {
                return Err(refuse("desk.already-decided", "error-desk-already-decided"));
            }
            (s.facts.clone(), s.fingerprint_attempts, s.face_tried)
        };
        self.act_internal(Command::RecordIdentificationFailure { facts, fingerprint_attempts: attempts, face_tried })?;
        let number = self.journal().state().acts.last().map(|act| act.number);
        self.update_session(|s| s.failure_act = number);
        if let Some(number) = number {
            // The act is journaled; a printer problem is shown, the act can be printed again.
            self.print_act(number)?;
        }
        Ok(self.desk())
    }

    /// Prints the ballot again after the printer failed (remote station).
    pub fn desk_print_ballot(&self) -> Result<DeskView, ApiError> {
        let contest = {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            if !s.identified() {
                return Err(refuse("desk.not-identified", "error-desk-not-identified"));
            }
            if s.ballot_printed {
                return Err(refuse("desk.ballot-already-printed", "error-desk-ballot-already-printed"));
            }
            s.contest.clone()
        };
        self.print_ballot(&contest)?;
        Ok(self.desk())
    }

    /// Prints the receipt again after the printer failed.
    pub fn desk_print_receipt(&self) -> Result<DeskView, ApiError> {
        let contest = {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            if !s.identified() {
                return Err(refuse("desk.not-identified", "error-desk-not-identified"));
            }
            s.contest.clone()
        };
        self.print_receipt(&contest)?;
        Ok(self.desk())
    }

    /// The voter checked the entry and signed the list (R4.2 step 7; §39, §42).
    pub fn desk_list(&self) -> Result<DeskView, ApiError> {
        let voter = {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            if !s.identified() {
                return Err(refuse("desk.not-identified", "error-desk-not-identified"));
            }
            s.facts.voter.clone()
        };
        self.act_internal(Command::ListVoter { voter })?;
        self.update_session(|s| s.listed = true);
        // At a remote station the voter now goes to the booth and feeds the ballot to
        // the AEU (R4.2 steps 8–9); a simulated voter does so at once.
        if self.election()?.station.kind == StationKind::RemoteVoting {
            self.simulated_vote();
        }
        Ok(self.desk())
    }

    /// A regular station's member hands over a ballot against the receipt (§41).
    pub fn desk_issue_ballot(&self) -> Result<DeskView, ApiError> {
        {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            if !s.listed {
                return Err(refuse("ballot.no-receipt", "error-ballot-no-receipt"));
            }
            if s.ballot_issued {
                return Err(refuse("desk.ballot-already-issued", "error-desk-ballot-already-issued"));
            }
        }
        self.act_internal(Command::IssueBallotToVoter)?;
        self.update_session(|s| s.ballot_issued = true);
        self.simulated_vote();
        Ok(self.desk())
    }

    /// No voter at the desk, or the one there is through every step: the next may come.
    pub(crate) fn desk_free(&self) -> bool {
        let Ok(election) = self.election() else { return true };
        self.session().as_ref().is_none_or(|session| session.finished(election.station.kind))
    }

    /// The next voter: the desk is cleared. A voter identified but not yet through every
    /// step keeps their journaled acts; only the screen forgets them.
    pub fn desk_clear(&self) -> DeskView {
        *self.session() = None;
        self.show_on_monitor();
        self.desk()
    }

    /// A simulated voter marks the ballot in the booth and casts it (nothing of it is
    /// journaled: the simulation keeps the true piles as counts).
    fn simulated_vote(&self) {
        let Some(simulation) = self.simulation.as_ref() else { return };
        let Some(contest_id) = self.session().as_ref().map(|s| s.contest.clone()) else { return };
        let Ok(election) = self.election() else { return };
        let Some(contest) = election.contests.iter().find(|c| c.id == contest_id) else { return };
        let urn = self.device_of(DeviceKind::Aeu);
        simulation.cast(contest, urn.as_deref().and_then(|device| device.as_aeu()));
    }

    fn pending_biometrics(&self) -> Result<(VoterFacts, u8), ApiError> {
        let session = self.session();
        let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
        if s.identified() || s.failure_act.is_some() {
            return Err(refuse("desk.already-decided", "error-desk-already-decided"));
        }
        if !s.photo_confirmed {
            return Err(refuse("desk.photo-first", "error-desk-photo-first"));
        }
        Ok((s.facts.clone(), s.fingerprint_attempts))
    }

    fn update_session(&self, change: impl FnOnce(&mut Session)) {
        if let Some(session) = self.session().as_mut() {
            change(session);
        }
    }

    /// Journals the identification, then prints the receipt and, at a remote station,
    /// the ballot. A printer failure after the journal leaves the voter identified, with
    /// "print again" offered.
    fn complete_identification(&self, method: BiometricMethod) -> Result<(), ApiError> {
        let (identification, contest) = {
            let session = self.session();
            let s = session.as_ref().ok_or_else(|| refuse("desk.idle", "error-desk-idle"))?;
            (
                Identification {
                    facts: s.facts.clone(),
                    document: s.document,
                    method,
                    fingerprint_attempts: s.fingerprint_attempts,
                },
                s.contest.clone(),
            )
        };
        self.act_internal(Command::IdentifyVoter { identification })?;
        self.update_session(|s| s.method = Some(method));
        self.show_on_monitor();
        let election = self.election()?;
        self.print_receipt(&contest)?;
        if election.station.kind == StationKind::RemoteVoting {
            self.print_ballot(&contest)?;
        }
        Ok(())
    }

    fn printer(&self) -> Result<std::sync::Arc<dyn Device>, ApiError> {
        self.device_of(DeviceKind::BallotPrinter).ok_or_else(|| no_device(DeviceKind::BallotPrinter))
    }

    fn print_receipt(&self, contest: &str) -> Result<(), ApiError> {
        let pdf = self.receipt_pdf(contest)?;
        let printer = self.printer()?;
        let job = PrintJob { kind: PrintKind::Receipt, payload: PrintPayload::Pdf(pdf.clone()), copies: 1 };
        print_on(printer.as_ref(), &job)?;
        self.keep_simulated_print(printer.as_ref(), "receipt", &pdf);
        self.update_session(|s| s.receipt_printed = true);
        Ok(())
    }

    /// Draws a serial, keeps it in the serial set, prints the ballot with its two codes,
    /// and journals that a ballot of this contest was printed (the serial is not).
    fn print_ballot(&self, contest: &str) -> Result<(), ApiError> {
        let election = self.election()?;
        {
            let journal = self.journal();
            // Would the journal take it? Refuse before a serial is drawn or paper used.
            domain::decide(journal.state(), &Command::RecordBallotPrinted { district: contest.to_owned() }, self.now())?;
        }
        let serial = self.fresh_serial()?;
        let code =
            BallotCode { station: election.station.number.clone(), contest: contest.to_owned(), serial, duplicate: false };
        let payload = ballot_code::encode(&self.keys.ballot, &election.id, &code);
        let pdf = self.ballot_pdf(contest, &payload)?;
        let printer = self.printer()?;
        let job = PrintJob { kind: PrintKind::Ballot, payload: PrintPayload::Pdf(pdf.clone()), copies: 1 };
        print_on(printer.as_ref(), &job)?;
        self.keep_simulated_print(printer.as_ref(), "ballot", &pdf);
        self.remember_simulated_ballot(printer.as_ref(), &payload);
        self.act_internal(Command::RecordBallotPrinted { district: contest.to_owned() })?;
        self.update_session(|s| s.ballot_printed = true);
        Ok(())
    }

    /// Prints an act on the document printer in as many copies as its clause says.
    pub(crate) fn print_act(&self, number: u32) -> Result<(), ApiError> {
        let kind = crate::documents::DocumentKind::Act { number };
        let pdf = self.document_pdf(&kind)?;
        let copies = {
            let journal = self.journal();
            journal.state().acts.iter().find(|a| a.number == number).map(|a| a.kind.copies()).unwrap_or(1)
        };
        let printer = self.device_of(DeviceKind::DocumentPrinter).ok_or_else(|| no_device(DeviceKind::DocumentPrinter))?;
        let job = PrintJob { kind: PrintKind::Document, payload: PrintPayload::Pdf(pdf.clone()), copies };
        print_on(printer.as_ref(), &job)?;
        self.keep_simulated_print(printer.as_ref(), &kind.file_stem(), &pdf);
        self.save_document(&kind)?;
        Ok(())
    }
}

pub(crate) fn print_on(printer: &dyn Device, job: &PrintJob) -> Result<(), ApiError> {
    let kind = printer.kind();
    let device = printer.as_printer().ok_or_else(|| no_device(kind))?;
    device.print(job, &Wait::default()).map(|_| ()).map_err(|error| match error {
        PrinterError::Jammed { .. } => ApiError::new("printer.jammed", "error-printer-jammed").with("device", kind.code()),
        PrinterError::OutOfPaper { .. } => {
            ApiError::new("printer.out-of-paper", "error-printer-out-of-paper").with("device", kind.code())
        }
        PrinterError::UnsupportedJob(_) | PrinterError::InvalidJob(_) => {
            ApiError::new("device.protocol", "error-device-protocol").with("device", kind.code())
        }
        PrinterError::Device(error) => device_error(kind, &error),
    })
}
