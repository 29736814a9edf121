//! The observers' display (§37, R4.3): a screen facing the observers.

use crate::{Device, DeviceError, Photo};

/// What the observers see: the list count, identified voters, the photo of the voter
/// being (or just) identified, and an optional line of already translated text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MonitorContent {
    pub station: Option<String>,
    /// Training mode: the display says so.
    pub training: bool,
    pub voters_in_list: u32,
    pub voters_identified: u32,
    pub photo: Option<Photo>,
    pub notice: Option<String>,
}

pub trait ObserverDisplay: Device {
    fn show(&self, content: &MonitorContent) -> Result<(), DeviceError>;
}
