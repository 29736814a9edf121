//! The simulated observers' display: remembers what it shows.

use std::sync::{Mutex, PoisonError};

use driver_api::{DeviceError, DeviceKind, MonitorContent, ObserverDisplay};

use super::engine::{SimCore, SimOptions, no_wait};

/// An observers' display. Showing is a step; a natural failure is a timeout.
#[derive(Debug)]
pub struct SimObserverDisplay {
    pub(crate) core: SimCore,
    showing: Mutex<Option<MonitorContent>>,
}

impl SimObserverDisplay {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimObserverDisplay {
        SimObserverDisplay {
            core: SimCore::new(id, DeviceKind::ObserverDisplay, reserve, seed, options),
            showing: Mutex::new(None),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// What the display shows now.
    pub fn showing(&self) -> Option<MonitorContent> {
        self.showing
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl ObserverDisplay for SimObserverDisplay {
    fn show(&self, content: &MonitorContent) -> Result<(), DeviceError> {
        let step = self
            .core
            .begin_step(&no_wait())
            .map_err(|i| i.into_device_error(self.core.id()))?;
        if step.fail {
            return Err(DeviceError::Timeout(self.core.id().to_owned()));
        }
        *self.showing.lock().unwrap_or_else(PoisonError::into_inner) = Some(content.clone());
        Ok(())
    }
}
