//! Simulated twins of every device, for the demo, training and tests.
//!
//! Owns: in-memory devices whose state a trainer or a test can set (fault injection).
//! Must never: touch real hardware, read the clock or draw unseeded randomness — a
//! simulation must replay the same way from the same seed and script.

use std::sync::{Arc, Mutex, PoisonError};

use driver_api::{Device, DeviceKind, DeviceState, DeviceStatus, FaultCode};

/// A simulated device whose state is set from outside.
#[derive(Debug)]
pub struct SimDevice {
    id: String,
    kind: DeviceKind,
    reserve: bool,
    condition: Mutex<(DeviceState, Option<FaultCode>)>,
}

impl SimDevice {
    pub fn new(id: &str, kind: DeviceKind, reserve: bool) -> SimDevice {
        SimDevice {
            id: id.to_owned(),
            kind,
            reserve,
            condition: Mutex::new((DeviceState::Ready, None)),
        }
    }

    /// Breaks the device the way a trainer asks.
    pub fn inject_fault(&self, fault: FaultCode) {
        let state = if fault == FaultCode::Disconnected { DeviceState::Absent } else { DeviceState::Fault };
        *self.condition.lock().unwrap_or_else(PoisonError::into_inner) = (state, Some(fault));
    }

    pub fn repair(&self) {
        *self.condition.lock().unwrap_or_else(PoisonError::into_inner) = (DeviceState::Ready, None);
    }
}

impl Device for SimDevice {
    fn id(&self) -> &str {
        &self.id
    }

    fn kind(&self) -> DeviceKind {
        self.kind
    }

    fn status(&self) -> DeviceStatus {
        let (state, fault) = *self.condition.lock().unwrap_or_else(PoisonError::into_inner);
        DeviceStatus {
            id: self.id.clone(),
            kind: self.kind,
            state,
            fault,
            simulated: true,
            reserve: self.reserve,
        }
    }
}

/// The devices of a station, all simulated: one of each kind, and a main and a reserve
/// AEU (§48).
pub fn station_set() -> Vec<Arc<SimDevice>> {
    DeviceKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let name = kind_name(kind);
            if kind == DeviceKind::Aeu {
                vec![
                    Arc::new(SimDevice::new("aeu-main", kind, false)),
                    Arc::new(SimDevice::new("aeu-reserve", kind, true)),
                ]
            } else {
                vec![Arc::new(SimDevice::new(name, kind, false))]
            }
        })
        .collect()
}

fn kind_name(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Camera => "camera",
        DeviceKind::DocumentReader => "document-reader",
        DeviceKind::QrReader => "qr-reader",
        DeviceKind::FingerprintScanner => "fingerprint-scanner",
        DeviceKind::FaceMatcher => "face-matcher",
        DeviceKind::BallotPrinter => "ballot-printer",
        DeviceKind::DocumentPrinter => "document-printer",
        DeviceKind::Aeu => "aeu",
        DeviceKind::SmartCard => "smart-card",
        DeviceKind::ObserverDisplay => "observer-display",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_twin_and_two_aeus_exist() {
        let devices = station_set();
        for kind in DeviceKind::ALL {
            assert!(devices.iter().any(|d| d.kind() == kind), "{kind:?} has no simulated twin");
        }
        let aeus: Vec<_> = devices.iter().filter(|d| d.kind() == DeviceKind::Aeu).collect();
        assert_eq!(aeus.len(), 2);
        assert_eq!(aeus.iter().filter(|d| d.status().reserve).count(), 1);
    }

    #[test]
    fn injected_fault_shows_in_status_until_repaired() {
        let printer = SimDevice::new("ballot-printer", DeviceKind::BallotPrinter, false);
        printer.inject_fault(FaultCode::Jammed);
        assert_eq!(printer.status().state, DeviceState::Fault);
        assert_eq!(printer.status().fault, Some(FaultCode::Jammed));
        printer.inject_fault(FaultCode::Disconnected);
        assert_eq!(printer.status().state, DeviceState::Absent);
        printer.repair();
        assert_eq!(printer.status().state, DeviceState::Ready);
        assert_eq!(printer.status().fault, None);
    }
}
