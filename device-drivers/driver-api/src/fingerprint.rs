//! Fingerprint scanners: capture a template, compare it with a reference, judge quality.

use crate::{Device, DeviceError, Wait, percent};

/// The quality of a captured fingerprint, 0 (unusable) to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quality(u8);

impl Quality {
    /// Values above 100 are taken as 100.
    pub fn new(value: u8) -> Quality {
        Quality(percent(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// How alike two biometric samples are, 0 (unrelated) to 100 (identical). Whether a
/// score is a match is the matcher's decision (its threshold), given by `Ok` vs.
/// `NoMatch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchScore(u8);

impl MatchScore {
    /// Values above 100 are taken as 100.
    pub fn new(value: u8) -> MatchScore {
        MatchScore(percent(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// A fingerprint template in the scanner's format (e.g. ISO/IEC 19794-2), opaque to the
/// app. References come from the voter register in the same format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The template format, e.g. `iso-19794-2`; a scanner refuses formats it cannot
    /// compare with [`FingerprintError::InvalidTemplate`].
    pub format: String,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FingerprintError {
    /// No finger was placed within the wait.
    #[error("no finger on the scanner")]
    NoFinger,
    /// A finger was read, too poorly to use; the voter should try again.
    #[error("fingerprint quality {} is too low", .quality.value())]
    LowQuality { quality: Quality },
    /// The live template does not match the reference.
    #[error("fingerprint does not match (score {})", .score.value())]
    NoMatch { score: MatchScore },
    /// A template the scanner cannot read (wrong format, corrupt).
    #[error("the fingerprint template cannot be used")]
    InvalidTemplate,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait FingerprintScanner: Device {
    /// Captures one finger, waiting at most `wait.timeout` for it to be placed. Refuses
    /// a capture below the scanner's quality threshold with `LowQuality`.
    fn capture(&self, wait: &Wait) -> Result<Template, FingerprintError>;

    /// Compares a live template with a reference: `Ok` with the score on a match,
    /// `NoMatch` with the score otherwise.
    fn verify(&self, live: &Template, reference: &Template)
    -> Result<MatchScore, FingerprintError>;

    /// The quality of a template, 0–100.
    fn quality(&self, template: &Template) -> Result<Quality, FingerprintError>;
}
