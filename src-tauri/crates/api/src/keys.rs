//! The station's signing key and the journal's signed checkpoints (issue 7, items 1–2).
//!
//! The key is an Ed25519 key made from a 32-byte secret the station draws once, at
//! setup, into `keys/station.key` (0600, never in a database, never replaced:
//! `store::register::load_or_create_secret`). The window shows its fingerprint as text
//! and as a QR code for the district's key ceremony ([`Station::station_key`]). Its
//! public half is journaled before the first checkpoint, so that a replay can check
//! every checkpoint with it.
//!
//! A checkpoint is signed after the polls open, after each 2-hourly turnout report and
//! after the close ([`Station::checkpoint_after`]): the journal's size and head hash,
//! signed with the station key over `bundle::checkpoint_message`, journaled as
//! `CheckpointSigned`. Its short fingerprint (four groups of four hex digits of the head)
//! is what the commission writes into the paper minutes.

use chrono::{DateTime, Utc};
use domain::Command;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use bundle::{Ed25519Signer, Signer};

use crate::error::ApiError;
use crate::station::Station;

/// The station key as the window shows it for the key ceremony.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StationKeyView {
    /// Four groups of four hex digits, read aloud.
    pub fingerprint: String,
    /// The key's id (SHA-256 of the public key, 64 hex digits).
    pub key_id: String,
    /// The raw public key, 64 hex digits.
    pub public_key: String,
    /// What the QR code carries (`bundle::keys::registration_text`).
    pub registration: String,
    /// The QR code as an SVG image (black modules on white, 4-module quiet zone).
    pub qr_svg: String,
    /// Whether the key is in the journal yet (it is from the first checkpoint on).
    pub journaled: bool,
}

/// The last signed checkpoint, for the status bar and the paper minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckpointView {
    /// The journal entry holding the checkpoint.
    pub seq: u32,
    /// Entries it covers.
    pub count: u32,
    /// Station time, `HH:MM`.
    pub at: String,
    /// Four groups of four hex digits of the head.
    pub fingerprint: String,
}

/// The last checkpoint of a state, as the window shows it.
pub(crate) fn checkpoint_view(state: &domain::DayState) -> Option<CheckpointView> {
    let zone = state.election.as_ref()?.tz();
    let checkpoint = state.keys.checkpoints.last()?;
    Some(CheckpointView {
        seq: u32::try_from(checkpoint.count + 1).unwrap_or(u32::MAX),
        count: u32::try_from(checkpoint.count).unwrap_or(u32::MAX),
        at: checkpoint.at.with_timezone(&zone).format("%H:%M").to_string(),
        fingerprint: checkpoint.fingerprint(),
    })
}

/// An SVG of a QR code: one path, a unit square per dark module.
pub(crate) fn qr_svg(payload: &[u8]) -> Result<String, ApiError> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .map_err(|error| ApiError::new("internal", "error-internal").with("detail", error.to_string()))?;
    let width = code.width();
    let quiet = 4;
    let side = width + 2 * quiet;
    let mut path = String::new();
    for (index, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (x, y) = (index % width + quiet, index / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

impl Station {
    /// The station's signing key (from `keys/station.key`).
    pub(crate) fn station_signer(&self) -> Result<Ed25519Signer, ApiError> {
        Ed25519Signer::from_seed(&self.keys.station).map_err(ApiError::from)
    }

    /// The station key for the key ceremony: fingerprint, QR code, whether journaled.
    pub fn station_key(&self) -> Result<StationKeyView, ApiError> {
        let election = self.election()?;
        let key = self.station_signer()?.public_key();
        let registration = bundle::keys::registration_text(&election.id, &election.station.number, &key);
        let journaled = self.journal().state().keys.station_key.is_some();
        Ok(StationKeyView {
            fingerprint: key.fingerprint(),
            key_id: key.key_id(),
            public_key: key.public_key.clone(),
            qr_svg: qr_svg(registration.as_bytes())?,
            registration,
            journaled,
        })
    }

    /// The last signed checkpoint, if any.
    pub fn last_checkpoint(&self) -> Option<CheckpointView> {
        checkpoint_view(self.journal().state())
    }

    /// Journals the station's public key if it is not yet (once; a different key in the
    /// journal is refused by the domain).
    pub(crate) fn journal_station_key(&self, at: DateTime<Utc>) -> Result<(), ApiError> {
        let public_key = self.station_signer()?.public_key().public_key;
        let mut journal = self.journal();
        if journal.state().keys.station_key.is_some() {
            return Ok(());
        }
        journal.execute(&Command::RegisterStationKey { public_key }, at)?;
        Ok(())
    }

    /// Signs and journals a checkpoint of the journal as it is now.
    pub fn sign_checkpoint_at(&self, at: DateTime<Utc>) -> Result<(), ApiError> {
        self.journal_station_key(at)?;
        let election = self.election()?;
        let signer = self.station_signer()?;
        // One lock from reading the head to appending, so that the checkpoint names the
        // entry just before it.
        let mut journal = self.journal();
        let head = journal.head();
        let message = bundle::checkpoint_message(&election.id, &election.station.number, head.count, &head.hash);
        let signature = hex::encode(signer.sign(&message)?);
        journal.execute(&Command::SignCheckpoint { count: head.count, head: head.hex(), signature }, at)?;
        Ok(())
    }

    /// After the acts that call for one — the polls opened, a turnout report, the polls
    /// closed — signs a checkpoint at the same instant.
    pub(crate) fn checkpoint_after(&self, command: &Command, at: DateTime<Utc>) -> Result<(), ApiError> {
        if matches!(command, Command::OpenPolls | Command::ReportTurnout { .. } | Command::ClosePolls) {
            self.sign_checkpoint_at(at)?;
        }
        Ok(())
    }
}

impl From<bundle::BundleError> for ApiError {
    fn from(error: bundle::BundleError) -> ApiError {
        ApiError { code: error.code().to_owned(), message: error.message_id().to_owned(), args: error.args() }
    }
}
