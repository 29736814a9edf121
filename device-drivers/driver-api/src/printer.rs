//! Printers: the identification terminal's receipt and ballot printer, and the document
//! printer (acts, protocols).

use serde::{Deserialize, Serialize};

use crate::{Device, DeviceError, Wait};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrintKind {
    /// The identification receipt the voter exchanges for a ballot (§37, §41).
    Receipt,
    /// A ballot printed at a remote station (R4.2–R4.4).
    Ballot,
    /// An act, a protocol, a list.
    Document,
}

/// A one-byte-per-pixel image, rows top to bottom: 0 black (ink), 255 white.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raster {
    pub width: u32,
    pub height: u32,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintPayload {
    Pdf(Vec<u8>),
    Raster(Raster),
    /// Plain text, for receipt printers that print it themselves.
    Text(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    pub kind: PrintKind,
    pub payload: PrintPayload,
    /// At least 1.
    pub copies: u16,
}

/// The printer's number for a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JobId(pub u64);

/// A job that printed completely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    pub job: JobId,
    pub copies: u16,
}

/// How a print failed. Jams and empty trays say how many copies came out complete: a
/// receipt or a ballot that did print matters to the count.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrinterError {
    #[error("paper jammed during job {} after {copies_printed} copies", .job.0)]
    Jammed { job: JobId, copies_printed: u16 },
    #[error("out of paper during job {} after {copies_printed} copies", .job.0)]
    OutOfPaper { job: JobId, copies_printed: u16 },
    /// This printer does not print this kind of job.
    #[error("this printer does not print {0:?}")]
    UnsupportedJob(PrintKind),
    /// The job itself is wrong (no copies, empty or undecodable payload).
    #[error("invalid print job: {0}")]
    InvalidJob(String),
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait Printer: Device {
    /// Prints the job and returns once it is out, waiting at most `wait.timeout`.
    fn print(&self, job: &PrintJob, wait: &Wait) -> Result<Printed, PrinterError>;
}
