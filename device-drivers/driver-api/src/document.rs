//! Document readers: the machine-readable zone of an ID card or passport, as text.

use crate::{Device, DeviceError, Wait};

/// The lines of a machine-readable zone as the reader saw them (2 or 3 lines of 30, 36
/// or 44 characters for a valid document). Parsing and check digits belong to the `mrz`
/// crate, not to drivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MrzText {
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// Nothing was placed on the reader within the wait.
    #[error("no document on the reader")]
    NoDocument,
    /// A document is there but its MRZ could not be read (glare, damage, wrong side).
    #[error("the document's machine-readable zone could not be read")]
    Unreadable,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait DocumentReader: Device {
    /// Reads the MRZ of the document on the reader, waiting at most `wait.timeout` for
    /// one to be placed.
    fn read_mrz(&self, wait: &Wait) -> Result<MrzText, DocumentError>;
}
