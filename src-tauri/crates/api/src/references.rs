//! Where the biometric references of the register's voters come from: the fingerprint
//! template and the face photo a live capture is compared with (R4.2 step 5).
//!
//! The CEC's biometric register is not part of the station's offline register; a real
//! deployment plugs its source in here. The demo, training and tests use the simulated
//! devices' references, keyed by the voter's key.

use driver_api::{Photo, Template};

pub trait BiometricReferences: Send + Sync {
    /// The reference fingerprint of the voter with this key (hex), if any.
    fn fingerprint(&self, voter: &str) -> Option<Template>;
    /// The reference face photo of the voter with this key (hex), if any.
    fn face(&self, voter: &str) -> Option<Photo>;
}

/// No references: biometric identification is refused with a clear message.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoReferences;

impl BiometricReferences for NoReferences {
    fn fingerprint(&self, _voter: &str) -> Option<Template> {
        None
    }
    fn face(&self, _voter: &str) -> Option<Photo> {
        None
    }
}

/// The simulated devices' references: the simulated scanner and camera recognise a
/// voter whose subject is the voter's key.
#[derive(Debug, Default, Clone, Copy)]
pub struct SimulatedReferences;

impl BiometricReferences for SimulatedReferences {
    fn fingerprint(&self, voter: &str) -> Option<Template> {
        Some(sim::fingerprint_reference(voter))
    }
    fn face(&self, voter: &str) -> Option<Photo> {
        Some(sim::face_photo(voter))
    }
}
