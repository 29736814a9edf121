//! The driver layer's contract: the kinds of device a station uses, their states, their
//! errors, and the traits every driver implements — simulated, native or external.
//!
//! Owns: device identities, status reporting (the [`StatusBoard`]), one trait per kind
//! of device with its data types and typed errors, and the timeout/cancel convention
//! for long operations ([`Wait`]).
//! Must never: depend on a project crate, know about elections or the journal, parse
//! what devices read (MRZ parsing lives in `mrz`), do IO itself, or link a vendor SDK.
//! Drivers depend on this crate only; the app sees devices only through it.
//!
//! # Shape of a driver
//!
//! Every device implements [`Device`] (identity and status) and the one trait of its
//! kind: [`Camera`], [`DocumentReader`], [`QrReader`], [`FingerprintScanner`],
//! [`FaceMatcher`], [`Printer`] (ballot/receipt printer and document printer), [`Aeu`],
//! [`SmartCard`], [`ObserverDisplay`]. The app holds devices as `Arc<dyn Device>` and
//! reaches the kind-specific trait through [`Device::as_camera`] and its siblings, which
//! answer `Some` only for the device's own kind.
//!
//! Traits are synchronous: the app calls them from worker threads, never from the UI
//! thread. Operations that wait for a person or for paper take a [`Wait`] (a timeout and
//! a [`Cancel`] token) and give up with [`DeviceError::Timeout`] or
//! [`DeviceError::Cancelled`]. Everything else must answer promptly; in particular
//! [`Device::status`] must never block on the hardware (drivers answer it from what they
//! last learnt).
//!
//! # Errors
//!
//! [`DeviceError`] is what any device can answer (absent, faulty, busy, timed out,
//! cancelled, unsupported, a broken protocol). Each kind that can fail in its own way
//! has its own error enum wrapping it: [`DocumentError`], [`QrError`],
//! [`FingerprintError`], [`FaceError`], [`PrinterError`], [`AeuError`],
//! [`SmartCardError`]. A person not presenting anything (no finger, no document) is an
//! error of the kind, not of the device.
//!
//! # Status stream
//!
//! See [`StatusBoard`]: a shared snapshot of every device's status with a change
//! counter. Drivers that learn of changes on their own push them into the board they
//! were [attached](Device::attach) to; the app may also [refresh](StatusBoard::refresh)
//! the board by asking every device (cheap, because `status` never blocks). The UI polls
//! the board's snapshot once a second; a thread that wants to react at once waits on
//! [`StatusBoard::wait_for_change`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod aeu;
mod camera;
mod display;
mod document;
mod face;
mod fingerprint;
mod printer;
mod qr;
mod smart_card;
mod status;

pub use aeu::{Aeu, AeuError, BallotMarks, ContestMarks, ContestTally, Fed, OptionCount};
pub use camera::{Camera, Frame, PixelFormat};
pub use display::{MonitorContent, ObserverDisplay};
pub use document::{DocumentError, DocumentReader, MrzText};
pub use face::{FaceError, FaceMatcher, Photo};
pub use fingerprint::{FingerprintError, FingerprintScanner, MatchScore, Quality, Template};
pub use printer::{
    JobId, PrintJob, PrintKind, PrintPayload, Printed, Printer, PrinterError, Raster,
};
pub use qr::{QrCode, QrError, QrReader};
pub use smart_card::{PublicKey, Signature, SignatureAlgorithm, SmartCard, SmartCardError};
pub use status::{StatusBoard, StatusSnapshot};

/// Every kind of device the law and the design mention (design.md, "Devices").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceKind {
    Camera,
    DocumentReader,
    QrReader,
    FingerprintScanner,
    FaceMatcher,
    /// The identification terminal's printer: receipts, and ballots at a remote station.
    BallotPrinter,
    DocumentPrinter,
    /// Automatic counting urn (АЭУ / АСУ).
    Aeu,
    SmartCard,
    ObserverDisplay,
}

impl DeviceKind {
    pub const ALL: [DeviceKind; 10] = [
        DeviceKind::Camera,
        DeviceKind::DocumentReader,
        DeviceKind::QrReader,
        DeviceKind::FingerprintScanner,
        DeviceKind::FaceMatcher,
        DeviceKind::BallotPrinter,
        DeviceKind::DocumentPrinter,
        DeviceKind::Aeu,
        DeviceKind::SmartCard,
        DeviceKind::ObserverDisplay,
    ];

    /// The kebab-case name used in ids, Fluent message ids and the external protocol.
    pub fn code(self) -> &'static str {
        match self {
            DeviceKind::Camera => "camera",
            DeviceKind::DocumentReader => "document-reader",
            DeviceKind::QrReader => "qr-reader",
            DeviceKind::FingerprintScanner => "fingerprint-scanner",
            DeviceKind::FaceMatcher => "face-matcher",
            DeviceKind::BallotPrinter => "ballot-printer",
            DeviceKind::DocumentPrinter => "document-printer",
            DeviceKind::Aeu => "aeu",
            DeviceKind::SmartCard => "smart-card",
            DeviceKind::ObserverDisplay => "observer-display",
        }
    }

    /// The inverse of [`DeviceKind::code`].
    pub fn from_code(code: &str) -> Option<DeviceKind> {
        DeviceKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

/// What a device can do right now. The UI shows it at all times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceState {
    Ready,
    Busy,
    /// Present but failing; `DeviceStatus::fault` says how.
    Fault,
    /// Not connected or not found.
    Absent,
}

/// Why a device is failing, as a Fluent message id suffix (`device-fault-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum FaultCode {
    Jammed,
    OutOfPaper,
    Disconnected,
    NotResponding,
    Broken,
    /// A smart card whose PIN was entered wrongly too many times.
    Blocked,
}

impl FaultCode {
    /// The state a device with this fault is in: a disconnected device is absent, every
    /// other fault leaves it present but failing.
    pub fn state(self) -> DeviceState {
        if self == FaultCode::Disconnected {
            DeviceState::Absent
        } else {
            DeviceState::Fault
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviceStatus {
    /// Stable id within the station, e.g. `aeu-reserve`.
    pub id: String,
    pub kind: DeviceKind,
    pub state: DeviceState,
    pub fault: Option<FaultCode>,
    /// A simulated twin (demo, training, tests), never to be mistaken for the real one.
    pub simulated: bool,
    /// The role among devices of the same kind, e.g. main and reserve AEU.
    pub reserve: bool,
}

/// Errors every driver can give; device-specific ones extend this in their traits.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeviceError {
    #[error("device {0} is absent")]
    Absent(String),
    #[error("device {id} failed: {fault:?}")]
    Fault { id: String, fault: FaultCode },
    #[error("device {0} is busy")]
    Busy(String),
    /// The device did not finish within the [`Wait`] it was given.
    #[error("device {0} did not answer in time")]
    Timeout(String),
    /// The caller cancelled the operation through its [`Cancel`] token.
    #[error("operation on device {0} was cancelled")]
    Cancelled(String),
    /// The driver does not offer this operation (e.g. feeding a ballot to a real AEU).
    #[error("device {id} does not support {what}")]
    Unsupported { id: String, what: String },
    /// The driver answered something that breaks its contract (an external driver's
    /// malformed answer, an unknown error code).
    #[error("device {id} broke the driver protocol: {detail}")]
    Protocol { id: String, detail: String },
}

/// A token by which the caller of a long operation gives up on it from another thread.
/// Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// How long a long operation may wait (for a finger, a document, paper), and the token
/// that cancels it early.
#[derive(Debug, Clone)]
pub struct Wait {
    pub timeout: Duration,
    pub cancel: Cancel,
}

impl Wait {
    /// The timeout when the caller does not say: long enough for a person to present a
    /// document or a finger.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

    /// Waits at most `timeout`, with a fresh cancel token.
    pub fn up_to(timeout: Duration) -> Wait {
        Wait {
            timeout,
            cancel: Cancel::new(),
        }
    }

    /// The same wait, cancelled by `cancel`.
    pub fn cancelled_by(self, cancel: &Cancel) -> Wait {
        Wait {
            cancel: cancel.clone(),
            ..self
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }
}

impl Default for Wait {
    fn default() -> Wait {
        Wait::up_to(Wait::DEFAULT_TIMEOUT)
    }
}

/// What every device driver answers.
///
/// The `as_*` methods reach the trait of the device's kind from an `Arc<dyn Device>`;
/// a driver overrides the one of its kind to return `Some(self)`.
pub trait Device: Send + Sync {
    fn id(&self) -> &str;
    fn kind(&self) -> DeviceKind;
    /// The device's status as the driver last learnt it. Never blocks on the hardware.
    fn status(&self) -> DeviceStatus;

    /// Registers the board the driver reports its status changes to. The default
    /// reports the current status once; drivers that notice changes on their own (a
    /// jam, a removed card, a dead child process) override it to keep the board and
    /// report every change. Devices left with the default are kept current by
    /// [`StatusBoard::refresh`].
    fn attach(&self, board: &StatusBoard) {
        board.report(self.status());
    }

    fn as_camera(&self) -> Option<&dyn Camera> {
        None
    }
    fn as_document_reader(&self) -> Option<&dyn DocumentReader> {
        None
    }
    fn as_qr_reader(&self) -> Option<&dyn QrReader> {
        None
    }
    fn as_fingerprint_scanner(&self) -> Option<&dyn FingerprintScanner> {
        None
    }
    fn as_face_matcher(&self) -> Option<&dyn FaceMatcher> {
        None
    }
    /// Both the ballot/receipt printer and the document printer.
    fn as_printer(&self) -> Option<&dyn Printer> {
        None
    }
    fn as_aeu(&self) -> Option<&dyn Aeu> {
        None
    }
    fn as_smart_card(&self) -> Option<&dyn SmartCard> {
        None
    }
    fn as_observer_display(&self) -> Option<&dyn ObserverDisplay> {
        None
    }
}

/// A 0–100 value (quality, match score), clamped.
fn percent(value: u8) -> u8 {
    value.min(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_codes_round_trip_and_match_serde() {
        for kind in DeviceKind::ALL {
            assert_eq!(DeviceKind::from_code(kind.code()), Some(kind));
            assert_eq!(serde_json::to_value(kind).expect("serialize"), kind.code());
        }
        assert_eq!(DeviceKind::from_code("toaster"), None);
    }

    #[test]
    fn disconnected_means_absent_other_faults_mean_fault() {
        assert_eq!(FaultCode::Disconnected.state(), DeviceState::Absent);
        assert_eq!(FaultCode::Jammed.state(), DeviceState::Fault);
        assert_eq!(FaultCode::Blocked.state(), DeviceState::Fault);
    }

    #[test]
    fn cancel_is_shared_by_clones_and_waits() {
        let cancel = Cancel::new();
        let wait = Wait::up_to(Duration::from_secs(1)).cancelled_by(&cancel);
        assert!(!wait.is_cancelled());
        cancel.clone().cancel();
        assert!(wait.is_cancelled());
        assert!(!Wait::default().is_cancelled());
    }

    #[test]
    fn percentages_are_clamped() {
        assert_eq!(Quality::new(250).value(), 100);
        assert_eq!(MatchScore::new(42).value(), 42);
    }
}
