//! QR readers: the "Түндүк" digital passport, and the QR codes of a spoiled ballot (R4.4).

use crate::{Device, DeviceError, Wait};

/// The payload of a QR code, as bytes (its meaning is the caller's business).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    pub payload: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// No code was presented within the wait.
    #[error("no QR code presented")]
    NoCode,
    /// A code is in view but cannot be decoded.
    #[error("the QR code could not be read")]
    Unreadable,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait QrReader: Device {
    /// Decodes the code in view, waiting at most `wait.timeout` for one.
    fn scan(&self, wait: &Wait) -> Result<QrCode, QrError>;
}
