//! Spoiled ballots (§45, R4.4): the regular station's new ballot, and at a remote-voting
//! station the duplicate the chair prints with the smart card — the spoiled ballot's QR
//! code scanned and checked (MAC, station, serial printed here, district, no duplicate
//! yet), the card found, compared with the one registered, its PIN checked, the act's
//! content signed with a fresh nonce and the journal head, the duplicate printed for the
//! same district, the act printed.
//!
//! The spoiled ballot scanned lives in memory until the chair clears it; what matters
//! is journaled the moment it happens (the signed authorisation with its act, then the
//! duplicate printed), so a crash loses nothing acknowledged and a second duplicate for
//! the same ballot is refused after a restart too. The PIN goes straight to the card and
//! is never kept.

use chrono::{DateTime, Utc};
use domain::election::{ElectionDefinition, LocalizedText, StationKind};
use domain::spoils::{self, BallotAccount, DuplicateAuthorisation};
use domain::{Command, DayState};
use driver_api::{
    Device, DeviceKind, DeviceStatus, PrintJob, PrintKind, PrintPayload, QrError, SignatureAlgorithm, SmartCard,
    SmartCardError, Wait,
};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ballot_code::{self, BallotCode, CodeProblem};
use crate::desk::{device_error, no_device, print_on};
use crate::error::ApiError;
use crate::simulation::SpoiledBallotCase;
use crate::station::Station;

/// The spoiled ballot at the chair's table.
#[derive(Debug, Clone)]
pub(crate) struct DuplicateSession {
    code: BallotCode,
    authorised: bool,
    printed: bool,
    act: Option<u32>,
}

/// The chair's card as the journal registered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChairCardView {
    /// The first 16 hex digits of the key's SHA-256 in groups of four, as read aloud.
    pub fingerprint: String,
    /// Local `HH:MM` of the registration.
    pub registered_at: String,
}

/// The spoiled ballot scanned, as the chair sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScannedBallot {
    pub serial: String,
    pub contest: String,
    pub designation: String,
    pub contest_name: LocalizedText,
}

/// A duplicate of the day (R4.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateRow {
    pub act: u32,
    /// Local `HH:MM`.
    pub at: String,
    pub spoiled_serial: String,
    pub designation: String,
    pub reason: String,
    pub printed: bool,
    /// The card's signature passed the checks again on replay.
    pub verified: bool,
}

/// A member who received ballots (§36), who can replace a spoiled one (§45).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BallotHolder {
    pub id: String,
    pub name: String,
}

/// What the spoiled-ballots panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SpoilsView {
    pub remote: bool,
    /// Voting acts are allowed now.
    pub voting_open: bool,
    pub card: Option<ChairCardView>,
    /// The card may be registered now (remote station, before the polls open).
    pub can_register_card: bool,
    /// The smart card reader, as the device reports it.
    pub card_device: Option<DeviceStatus>,
    pub scanned: Option<ScannedBallot>,
    pub authorised: bool,
    pub printed: bool,
    /// The act drawn up for the duplicate of the scanned ballot.
    pub act: Option<u32>,
    pub duplicates: Vec<DuplicateRow>,
    /// Remote station: every ballot printed is either with a voter or spoiled and
    /// cancelled.
    pub account: BallotAccount,
    /// Regular station: spoiled ballots returned and replaced (§45).
    pub spoiled_returned: u32,
    /// Regular station: ballots the members still hold.
    pub ballots_with_members: u32,
    pub members: Vec<BallotHolder>,
    /// Acts of duplicates whose signature did not verify on replay (a tampered journal).
    pub unverified: Vec<u32>,
}

fn refuse(code: &str, message: &str) -> ApiError {
    ApiError::new(code, message)
}

fn card_error(error: SmartCardError) -> ApiError {
    match error {
        SmartCardError::Absent => refuse("card.absent", "error-card-absent"),
        SmartCardError::WrongPin { attempts_left } => {
            refuse("card.wrong-pin", "error-card-wrong-pin").with("attempts", i64::from(attempts_left))
        }
        SmartCardError::Blocked => refuse("card.blocked", "error-card-blocked"),
        SmartCardError::Unregistered => refuse("card.unusable", "error-card-unusable"),
        SmartCardError::PinRequired => refuse("card.pin-required", "error-card-pin-required"),
        SmartCardError::Device(error) => device_error(DeviceKind::SmartCard, &error),
    }
}

fn designation_of(election: &ElectionDefinition, contest: &str) -> (String, LocalizedText) {
    election
        .contests
        .iter()
        .find(|c| c.id == contest)
        .map(|c| (c.designation.clone(), c.name.clone()))
        .unwrap_or_else(|| (contest.to_owned(), LocalizedText { ky: String::new(), ru: String::new() }))
}

fn local_time(election: &ElectionDefinition, at: DateTime<Utc>) -> String {
    at.with_timezone(&election.tz()).format("%H:%M").to_string()
}

fn spoils_view(
    election: &ElectionDefinition,
    state: &DayState,
    now: DateTime<Utc>,
    session: Option<&DuplicateSession>,
    card_device: Option<DeviceStatus>,
) -> SpoilsView {
    let remote = election.station.kind == StationKind::RemoteVoting;
    let spoils = &state.spoils;
    let name_of = |id: &str| {
        election.commission.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_owned())
    };
    let mut members: Vec<BallotHolder> = Vec::new();
    for batch in &state.ballots.batches {
        if !members.iter().any(|m| m.id == batch.member_id) {
            members.push(BallotHolder { id: batch.member_id.clone(), name: name_of(&batch.member_id) });
        }
    }
    let mut duplicates: Vec<DuplicateRow> = spoils
        .duplicates
        .iter()
        .map(|(serial, record)| DuplicateRow {
            act: record.act,
            at: local_time(election, record.at),
            spoiled_serial: serial.clone(),
            designation: designation_of(election, &record.district).0,
            reason: record.authorisation.reason.clone(),
            printed: record.printed,
            verified: record.verified,
        })
        .collect();
    duplicates.sort_by_key(|row| row.act);
    SpoilsView {
        remote,
        voting_open: domain::voting::voting_open(election, state, now).is_ok(),
        card: spoils.chair_card.as_ref().map(|card| ChairCardView {
            fingerprint: spoils::fingerprint_for_reading(&card.fingerprint),
            registered_at: local_time(election, card.at),
        }),
        can_register_card: remote && spoils.chair_card.is_none() && state.polls_opened_at.is_none(),
        card_device,
        scanned: session.map(|s| {
            let (designation, contest_name) = designation_of(election, &s.code.contest);
            ScannedBallot { serial: s.code.serial.clone(), contest: s.code.contest.clone(), designation, contest_name }
        }),
        authorised: session.is_some_and(|s| s.authorised),
        printed: session.is_some_and(|s| s.printed),
        act: session.and_then(|s| s.act),
        duplicates,
        account: spoils::account(state),
        spoiled_returned: spoils.spoiled_returned,
        ballots_with_members: spoils::ballots_with_members(state),
        members,
        unverified: spoils.unverified_acts(),
    }
}

impl Station {
    /// What the spoiled-ballots panel shows now.
    pub fn spoils(&self) -> Result<SpoilsView, ApiError> {
        let card_device = self.device_of(DeviceKind::SmartCard).map(|d| d.status());
        let session = self.duplicate_session().clone();
        let now = self.now();
        let journal = self.journal();
        let state = journal.state();
        let election =
            state.election.as_ref().ok_or_else(|| refuse("election.not-loaded", "error-election-not-loaded"))?;
        Ok(spoils_view(election, state, now, session.as_ref(), card_device))
    }

    fn duplicate_session(&self) -> std::sync::MutexGuard<'_, Option<DuplicateSession>> {
        self.duplicate.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn smart_card(&self) -> Result<std::sync::Arc<dyn Device>, ApiError> {
        let card = self.device_of(DeviceKind::SmartCard).ok_or_else(|| no_device(DeviceKind::SmartCard))?;
        if card.as_smart_card().is_none() {
            return Err(no_device(DeviceKind::SmartCard));
        }
        Ok(card)
    }

    /// Registers the chair's card at the station's set-up (R4.4): its public key goes
    /// into the journal; the fingerprint is read aloud and written into the minutes. No
    /// PIN is needed to read a public key.
    pub fn register_chair_card(&self) -> Result<SpoilsView, ApiError> {
        self.register_chair_card_at(self.now())?;
        self.spoils()
    }

    pub(crate) fn register_chair_card_at(&self, at: DateTime<Utc>) -> Result<(), ApiError> {
        let device = self.smart_card()?;
        let card = device.as_smart_card().ok_or_else(|| no_device(DeviceKind::SmartCard))?;
        let key = card_key(card)?;
        self.act_at(Command::RegisterChairCard { public_key: hex::encode(key) }, at)
    }

    /// R4.4: the spoiled ballot's QR code is presented to the reader; it must be a ballot
    /// printed here (MAC with this station's key, our station, a serial in the serial
    /// set), not itself a duplicate, and without a duplicate yet.
    pub fn duplicate_scan(&self) -> Result<SpoilsView, ApiError> {
        let now = self.now();
        let election = self.election()?;
        if election.station.kind != StationKind::RemoteVoting {
            return Err(refuse("duplicate.only-remote", "error-duplicate-only-remote"));
        }
        domain::voting::voting_open(&election, self.journal().state(), now)?;
        if self.duplicate_session().as_ref().is_some_and(|s| s.authorised && !s.printed) {
            return Err(refuse("duplicate.busy", "error-duplicate-busy"));
        }
        let reader = self.device_of(DeviceKind::QrReader).ok_or_else(|| no_device(DeviceKind::QrReader))?;
        let qr = reader.as_qr_reader().ok_or_else(|| no_device(DeviceKind::QrReader))?;
        let scanned = qr.scan(&Wait::default()).map_err(|error| match error {
            QrError::NoCode => refuse("duplicate.no-code", "error-duplicate-no-code"),
            QrError::Unreadable => refuse("duplicate.code-unreadable", "error-duplicate-code-unreadable"),
            QrError::Device(error) => device_error(DeviceKind::QrReader, &error),
        })?;
        let code = ballot_code::decode(&self.keys.ballot, &election.id, &election.station.number, &scanned.payload)
            .map_err(|problem| match problem {
                CodeProblem::NotABallot => refuse("duplicate.not-a-ballot", "error-duplicate-not-a-ballot"),
                CodeProblem::OtherStation => refuse("duplicate.other-station", "error-duplicate-other-station"),
                CodeProblem::Forged => refuse("duplicate.forged", "error-duplicate-forged"),
            })?;
        if code.duplicate {
            return Err(refuse("duplicate.of-a-duplicate", "error-duplicate-of-a-duplicate"));
        }
        let serial = hex::decode(&code.serial).map_err(|_| refuse("duplicate.not-a-ballot", "error-duplicate-not-a-ballot"))?;
        if !self.serial_printed(&serial)? {
            return Err(refuse("duplicate.unknown-serial", "error-duplicate-unknown-serial"));
        }
        if let Some(record) = self.journal().state().spoils.duplicates.get(&code.serial) {
            return Err(refuse("duplicate.already-printed", "error-duplicate-already-printed")
                .with("act", i64::from(record.act)));
        }
        *self.duplicate_session() = Some(DuplicateSession { code, authorised: false, printed: false, act: None });
        self.spoils()
    }

    /// R4.4: the chair authorises the duplicate with the card: the card must be in the
    /// reader, be the registered one and take the PIN; it signs the act's content with a
    /// fresh nonce over the journal head, the authorisation and its act are journaled,
    /// the duplicate is printed for the same district and the act on the document
    /// printer. Any refusal before the journal leaves nothing recorded and nothing
    /// printed.
    pub fn duplicate_authorise(&self, reason: &str, pin: &str) -> Result<SpoilsView, ApiError> {
        let election = self.election()?;
        let code = match self.duplicate_session().as_ref() {
            None => return Err(refuse("duplicate.nothing-scanned", "error-duplicate-nothing-scanned")),
            Some(session) if session.authorised => {
                return Err(refuse("duplicate.already-printed", "error-duplicate-already-printed"));
            }
            Some(session) => session.code.clone(),
        };
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > spoils::MAX_REASON_CHARS {
            return Err(refuse("duplicate.reason-required", "error-duplicate-reason-required")
                .with("max", spoils::MAX_REASON_CHARS));
        }
        let device = self.smart_card()?;
        let card = device.as_smart_card().ok_or_else(|| no_device(DeviceKind::SmartCard))?;
        let registered = self
            .journal()
            .state()
            .spoils
            .chair_card
            .clone()
            .ok_or_else(|| refuse("duplicate.no-card", "error-duplicate-no-card"))?;
        if !card.present().map_err(|error| device_error(DeviceKind::SmartCard, &error))? {
            return Err(refuse("card.absent", "error-card-absent"));
        }
        let key = card_key(card)?;
        if spoils::fingerprint(&key) != registered.fingerprint {
            return Err(refuse("duplicate.other-card", "error-duplicate-other-card")
                .with("fingerprint", spoils::fingerprint_for_reading(&registered.fingerprint)));
        }
        card.verify_pin(pin).map_err(card_error)?;
        let mut nonce = [0u8; spoils::NONCE_BYTES];
        SystemRandom::new().fill(&mut nonce).map_err(|_| refuse("lot.no-randomness", "error-lot-no-randomness"))?;
        let act = {
            // The journal stays locked from reading its head to recording the act: no
            // other act can slip in between and make the signature stale.
            let mut journal = self.journal();
            let mut authorisation = DuplicateAuthorisation {
                spoiled_serial: code.serial.clone(),
                district: code.contest.clone(),
                reason: reason.to_owned(),
                nonce: hex::encode(nonce),
                journal_head: domain::lot::hex(&journal.state().journal_head),
                card: registered.fingerprint.clone(),
                signature: String::new(),
            };
            let message = spoils::signed_message(&election, &authorisation);
            let signature = card.sign(&message).map_err(card_error)?;
            if signature.algorithm != SignatureAlgorithm::Ed25519 {
                return Err(refuse("card.unsupported-key", "error-card-unsupported-key"));
            }
            authorisation.signature = hex::encode(&signature.bytes);
            journal.execute(&Command::AuthoriseDuplicate { authorisation }, self.now())?;
            journal.state().acts.last().map(|act| act.number)
        };
        if let Some(session) = self.duplicate_session().as_mut() {
            session.authorised = true;
            session.act = act;
        }
        // Journaled: printer trouble now is shown, and both can be printed again.
        let printed = self.print_duplicate(&code);
        let act_printed = act.map(|number| self.print_act(number)).unwrap_or(Ok(()));
        printed.and(act_printed)?;
        self.spoils()
    }

    /// Prints the duplicate again after the printer failed (it was not printed yet).
    pub fn duplicate_print_again(&self) -> Result<SpoilsView, ApiError> {
        let code = match self.duplicate_session().as_ref() {
            Some(session) if session.authorised && !session.printed => session.code.clone(),
            Some(session) if session.printed => {
                return Err(refuse("duplicate.already-printed", "error-duplicate-already-printed"));
            }
            _ => return Err(refuse("duplicate.not-authorised", "error-duplicate-not-authorised")),
        };
        self.print_duplicate(&code)?;
        self.spoils()
    }

    /// The chair is done with this spoiled ballot.
    pub fn duplicate_clear(&self) -> Result<SpoilsView, ApiError> {
        if self.duplicate_session().as_ref().is_some_and(|s| s.authorised && !s.printed) {
            return Err(refuse("duplicate.busy", "error-duplicate-busy"));
        }
        *self.duplicate_session() = None;
        if let Some(simulation) = &self.simulation {
            simulation.devices.qr_reader.remove_code();
        }
        self.spoils()
    }

    /// Draws a serial, prints the duplicate (marked as one in its codes) for the spoiled
    /// ballot's district, and journals that it was printed.
    fn print_duplicate(&self, spoiled: &BallotCode) -> Result<(), ApiError> {
        let election = self.election()?;
        {
            let journal = self.journal();
            let check = Command::RecordDuplicatePrinted { spoiled_serial: spoiled.serial.clone() };
            domain::decide(journal.state(), &check, self.now())?;
        }
        let serial = self.fresh_serial()?;
        let code = BallotCode {
            station: election.station.number.clone(),
            contest: spoiled.contest.clone(),
            serial,
            duplicate: true,
        };
        let payload = ballot_code::encode(&self.keys.ballot, &election.id, &code);
        let pdf = self.ballot_pdf(&spoiled.contest, &payload)?;
        let printer = self.device_of(DeviceKind::BallotPrinter).ok_or_else(|| no_device(DeviceKind::BallotPrinter))?;
        let job = PrintJob { kind: PrintKind::Ballot, payload: PrintPayload::Pdf(pdf.clone()), copies: 1 };
        print_on(printer.as_ref(), &job)?;
        self.keep_simulated_print(printer.as_ref(), "ballot", &pdf);
        self.remember_simulated_ballot(printer.as_ref(), &payload);
        self.act_internal(Command::RecordDuplicatePrinted { spoiled_serial: spoiled.serial.clone() })?;
        if let Some(session) = self.duplicate_session().as_mut() {
            session.printed = true;
        }
        Ok(())
    }

    /// §45 at a regular station: the member who issued the ballot gives a new one for
    /// the spoiled one; the act is printed.
    pub fn record_spoiled_ballot(&self, member_id: &str) -> Result<SpoilsView, ApiError> {
        self.act_and_print(Command::RecordSpoiledBallot { member_id: member_id.to_owned() })?;
        self.spoils()
    }

    /// The voter (or the trainer) holds a ballot's code in front of the simulated QR
    /// reader (demo and training only).
    pub fn simulate_spoiled_ballot(&self, case: SpoiledBallotCase) -> Result<(), ApiError> {
        let simulation =
            self.simulation.as_ref().ok_or_else(|| ApiError::new("simulation.off", "error-simulation-off"))?;
        simulation.bring_back_ballot(case, &self.election()?)
    }

    /// A simulated printer's ballot code is kept in memory for "the voter brings back the
    /// spoiled ballot"; a real printer's never.
    pub(crate) fn remember_simulated_ballot(&self, printer: &dyn Device, payload: &[u8]) {
        if let (true, Some(simulation)) = (printer.status().simulated, &self.simulation) {
            simulation.ballot_printed(payload);
        }
    }
}

/// The card's Ed25519 public key, 32 raw bytes.
fn card_key(card: &dyn SmartCard) -> Result<Vec<u8>, ApiError> {
    let key = card.public_key().map_err(card_error)?;
    if key.algorithm != SignatureAlgorithm::Ed25519 || key.bytes.len() != 32 {
        return Err(refuse("card.unsupported-key", "error-card-unsupported-key"));
    }
    Ok(key.bytes)
}
