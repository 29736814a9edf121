//! The simulated document reader and QR reader: they read what was placed on them.

use std::sync::{Mutex, PoisonError};

use driver_api::{
    DeviceKind, DocumentError, DocumentReader, MrzText, QrCode, QrError, QrReader, Wait,
};

use super::engine::{Interrupt, SimCore, SimOptions};

/// A document reader; a test or trainer places a document's MRZ lines on it.
#[derive(Debug)]
pub struct SimDocumentReader {
    pub(crate) core: SimCore,
    document: Mutex<Option<Vec<String>>>,
}

impl SimDocumentReader {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimDocumentReader {
        SimDocumentReader {
            core: SimCore::new(id, DeviceKind::DocumentReader, reserve, seed, options),
            document: Mutex::new(None),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// Places a document whose MRZ reads as `lines` (compose them with the `mrz` crate).
    pub fn place_document(&self, lines: Vec<String>) {
        *self.document.lock().unwrap_or_else(PoisonError::into_inner) = Some(lines);
    }

    pub fn remove_document(&self) {
        *self.document.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

impl DocumentReader for SimDocumentReader {
    fn read_mrz(&self, wait: &Wait) -> Result<MrzText, DocumentError> {
        let step = self
            .core
            .begin_step(wait)
            .map_err(|i| DocumentError::Device(i.into_device_error(self.core.id())))?;
        let document = self
            .document
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match document {
            None => Err(DocumentError::NoDocument),
            Some(_) if step.fail => Err(DocumentError::Unreadable),
            Some(lines) => Ok(MrzText { lines }),
        }
    }
}

/// A QR reader; a test or trainer holds a code in front of it.
#[derive(Debug)]
pub struct SimQrReader {
    pub(crate) core: SimCore,
    code: Mutex<Option<Vec<u8>>>,
}

impl SimQrReader {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimQrReader {
        SimQrReader {
            core: SimCore::new(id, DeviceKind::QrReader, reserve, seed, options),
            code: Mutex::new(None),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    pub fn present_code(&self, payload: Vec<u8>) {
        *self.code.lock().unwrap_or_else(PoisonError::into_inner) = Some(payload);
    }

    pub fn remove_code(&self) {
        *self.code.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

impl QrReader for SimQrReader {
    fn scan(&self, wait: &Wait) -> Result<QrCode, QrError> {
        let step = self
            .core
            .begin_step(wait)
            .map_err(|i: Interrupt| QrError::Device(i.into_device_error(self.core.id())))?;
        let code = self
            .code
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        match code {
            None => Err(QrError::NoCode),
            Some(_) if step.fail => Err(QrError::Unreadable),
            Some(payload) => Ok(QrCode { payload }),
        }
    }
}
