//! Face matchers: the live face from a camera frame against the reference photo.

use crate::{Device, DeviceError, Frame, MatchScore, Wait};

/// A still image: the reference photo from the register or the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// e.g. `image/jpeg`, `image/png`.
    pub media_type: String,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FaceError {
    /// No face found in the live frame.
    #[error("no face in the frame")]
    NoFace,
    #[error("the face does not match the reference (score {})", .score.value())]
    NoMatch { score: MatchScore },
    /// The reference photo cannot be used (format, no face in it).
    #[error("the reference photo cannot be used")]
    InvalidReference,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait FaceMatcher: Device {
    /// Compares the face in `live` with the one in `reference`: `Ok` with the score on a
    /// match, `NoMatch` with the score otherwise.
    fn compare(
        &self,
        live: &Frame,
        reference: &Photo,
        wait: &Wait,
    ) -> Result<MatchScore, FaceError>;
}
