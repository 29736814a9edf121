//! The driver layer's contract: the kinds of device a station uses, their states, their
//! errors, and the traits every driver implements — simulated, native or external.
//!
//! Owns: device identities, status reporting, typed device errors.
//! Must never: depend on a project crate, know about elections or the journal, or link
//! a vendor SDK. Drivers depend on this crate only; the app sees devices only through it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

/// What every device driver answers.
pub trait Device: Send + Sync {
    fn id(&self) -> &str;
    fn kind(&self) -> DeviceKind;
    fn status(&self) -> DeviceStatus;
}
