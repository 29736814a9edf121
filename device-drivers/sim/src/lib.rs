//! Simulated twins of every device, for the demo, training and tests.
//!
//! Owns: in-memory devices implementing the `driver-api` traits, seeded so that the same
//! seed and the same script give the same behaviour; their knobs (simulated delays,
//! failure rates) and scripted faults; a station's set of them ([`SimStation`]).
//! Must never: touch real hardware, read the clock or draw unseeded randomness — a
//! simulation must replay the same way from the same seed and script. Time is simulated
//! and set from outside ([`SimClock`]); delays are only simulated unless the demo asks
//! for real sleeping ([`Knobs::real_delays`]).
//!
//! # Steps, scripts and natural failures
//!
//! Each device counts the calls of its main operation as *steps* (refused calls
//! included): a camera's frames, a reader's reads and scans, a fingerprint scanner's
//! captures, a face matcher's comparisons, a printer's jobs, an AEU's fed ballots, a smart
//! card's signatures, a display's updates. Queries (an AEU's counts, a PIN check, a
//! template's quality) are not steps. A [`Script`] fires [`Action`]s at a step number or
//! at a simulated time: "the printer jams at job 5" is `AtStep(5)` →
//! `Fault(Jammed)`; "the AEU fails after 120 ballots" is `AtStep(121)` →
//! `Fault(Broken)`; "the smart card is removed at 14:00" is `AtTime(..)` →
//! `Fault(Disconnected)`.
//!
//! With probability [`Knobs::failure_rate`], or when scripted with
//! [`Action::FailNext`], a step fails the way its kind of device naturally fails: the
//! camera, the smart card and the display time out; the readers cannot read; the
//! fingerprint scanner reads a low-quality finger; the face matcher rejects falsely; the
//! printer jams (and stays jammed until repaired); the AEU returns the ballot uncounted.
//!
//! Biometric outcomes follow the subjects: whose finger is on the scanner
//! ([`SimFingerprintScanner::present_finger`]), whose face the camera sees
//! ([`SimCamera::show_subject`]), whose reference is compared ([`fingerprint_reference`],
//! [`face_photo`]), plus a per-subject [`SubjectScript`] ("voter X fails the next 10
//! attempts", "voter Y always fails"). Scores come from the device's seeded generator.

use std::sync::Arc;

use driver_api::{
    Aeu, Camera, Device, DeviceKind, DeviceStatus, DocumentReader, FaceMatcher, FaultCode,
    FingerprintScanner, ObserverDisplay, Printer, QrReader, SmartCard, StatusBoard,
};

/// Implements `Device` for a simulated device with a `core` field, answering `as_*` for
/// its own trait.
macro_rules! sim_device {
    ($type:ty, $as:ident, $trait:ident) => {
        impl driver_api::Device for $type {
            fn id(&self) -> &str {
                self.core.id()
            }
            fn kind(&self) -> driver_api::DeviceKind {
                self.core.kind()
            }
            fn status(&self) -> driver_api::DeviceStatus {
                self.core.status()
            }
            fn attach(&self, board: &driver_api::StatusBoard) {
                self.core.attach(board);
            }
            fn $as(&self) -> Option<&dyn driver_api::$trait> {
                Some(self)
            }
        }
    };
}

mod aeu;
mod biometrics;
mod camera;
mod display;
mod engine;
mod printer;
mod readers;
mod rng;
mod smart_card;

pub use aeu::{Miscount, SimAeu};
pub use biometrics::{
    FINGERPRINT_FORMAT, MIN_QUALITY, SimFaceMatcher, SimFingerprintScanner, SubjectScript,
    fingerprint_reference,
};
pub use camera::{
    FACE_MARKER, FACE_PHOTO_TYPE, SimCamera, face_frame, face_in, face_of, face_photo,
};
pub use display::SimObserverDisplay;
pub use engine::{Action, Delay, Interrupt, Knobs, Script, SimClock, SimCore, SimOptions, Trigger};
pub use printer::{MAX_COPIES, PrintedJob, SimPrinter};
pub use readers::{SimDocumentReader, SimQrReader};
pub use rng::{SplitMix64, device_seed};
pub use smart_card::{DEFAULT_PIN, PIN_ATTEMPTS, SimSmartCard};

sim_device!(SimCamera, as_camera, Camera);
sim_device!(SimDocumentReader, as_document_reader, DocumentReader);
sim_device!(SimQrReader, as_qr_reader, QrReader);
sim_device!(
    SimFingerprintScanner,
    as_fingerprint_scanner,
    FingerprintScanner
);
sim_device!(SimFaceMatcher, as_face_matcher, FaceMatcher);
sim_device!(SimPrinter, as_printer, Printer);
sim_device!(SimAeu, as_aeu, Aeu);
sim_device!(SimSmartCard, as_smart_card, SmartCard);
sim_device!(SimObserverDisplay, as_observer_display, ObserverDisplay);

/// The seed of [`station_set`].
pub const DEFAULT_SEED: u64 = 2025;

/// A simulated device of any kind, sharing the typed device it wraps.
#[derive(Debug, Clone)]
pub enum SimDevice {
    Camera(Arc<SimCamera>),
    DocumentReader(Arc<SimDocumentReader>),
    QrReader(Arc<SimQrReader>),
    FingerprintScanner(Arc<SimFingerprintScanner>),
    FaceMatcher(Arc<SimFaceMatcher>),
    /// A ballot printer or a document printer.
    Printer(Arc<SimPrinter>),
    Aeu(Arc<SimAeu>),
    SmartCard(Arc<SimSmartCard>),
    ObserverDisplay(Arc<SimObserverDisplay>),
}

impl SimDevice {
    /// A simulated device of `kind`, seeded from its id, with default knobs and its own
    /// clock.
    pub fn new(id: &str, kind: DeviceKind, reserve: bool) -> SimDevice {
        SimDevice::with_options(id, kind, reserve, &SimOptions::default())
    }

    /// A simulated device seeded from `options.seed` and its id, on `options.clock`.
    pub fn with_options(
        id: &str,
        kind: DeviceKind,
        reserve: bool,
        options: &SimOptions,
    ) -> SimDevice {
        let seed = device_seed(options.seed, id);
        match kind {
            DeviceKind::Camera => {
                SimDevice::Camera(Arc::new(SimCamera::new(id, reserve, seed, options)))
            }
            DeviceKind::DocumentReader => SimDevice::DocumentReader(Arc::new(
                SimDocumentReader::new(id, reserve, seed, options),
            )),
            DeviceKind::QrReader => {
                SimDevice::QrReader(Arc::new(SimQrReader::new(id, reserve, seed, options)))
            }
            DeviceKind::FingerprintScanner => SimDevice::FingerprintScanner(Arc::new(
                SimFingerprintScanner::new(id, reserve, seed, options),
            )),
            DeviceKind::FaceMatcher => {
                SimDevice::FaceMatcher(Arc::new(SimFaceMatcher::new(id, reserve, seed, options)))
            }
            DeviceKind::BallotPrinter | DeviceKind::DocumentPrinter => {
                SimDevice::Printer(Arc::new(SimPrinter::new(id, kind, reserve, seed, options)))
            }
            DeviceKind::Aeu => SimDevice::Aeu(Arc::new(SimAeu::new(id, reserve, seed, options))),
            DeviceKind::SmartCard => {
                SimDevice::SmartCard(Arc::new(SimSmartCard::new(id, reserve, seed, options)))
            }
            DeviceKind::ObserverDisplay => SimDevice::ObserverDisplay(Arc::new(
                SimObserverDisplay::new(id, reserve, seed, options),
            )),
        }
    }

    /// The typed device as a trait object.
    pub fn device(&self) -> Arc<dyn Device> {
        match self {
            SimDevice::Camera(d) => d.clone(),
            SimDevice::DocumentReader(d) => d.clone(),
            SimDevice::QrReader(d) => d.clone(),
            SimDevice::FingerprintScanner(d) => d.clone(),
            SimDevice::FaceMatcher(d) => d.clone(),
            SimDevice::Printer(d) => d.clone(),
            SimDevice::Aeu(d) => d.clone(),
            SimDevice::SmartCard(d) => d.clone(),
            SimDevice::ObserverDisplay(d) => d.clone(),
        }
    }

    /// The seed, knobs, script and condition every simulated device has.
    pub fn core(&self) -> &SimCore {
        match self {
            SimDevice::Camera(d) => &d.core,
            SimDevice::DocumentReader(d) => &d.core,
            SimDevice::QrReader(d) => &d.core,
            SimDevice::FingerprintScanner(d) => &d.core,
            SimDevice::FaceMatcher(d) => &d.core,
            SimDevice::Printer(d) => &d.core,
            SimDevice::Aeu(d) => &d.core,
            SimDevice::SmartCard(d) => &d.core,
            SimDevice::ObserverDisplay(d) => &d.core,
        }
    }

    /// Breaks the device the way a trainer asks.
    pub fn inject_fault(&self, fault: FaultCode) {
        self.core().inject_fault(fault);
    }

    pub fn repair(&self) {
        self.core().repair();
    }

    fn inner(&self) -> &dyn Device {
        match self {
            SimDevice::Camera(d) => d.as_ref(),
            SimDevice::DocumentReader(d) => d.as_ref(),
            SimDevice::QrReader(d) => d.as_ref(),
            SimDevice::FingerprintScanner(d) => d.as_ref(),
            SimDevice::FaceMatcher(d) => d.as_ref(),
            SimDevice::Printer(d) => d.as_ref(),
            SimDevice::Aeu(d) => d.as_ref(),
            SimDevice::SmartCard(d) => d.as_ref(),
            SimDevice::ObserverDisplay(d) => d.as_ref(),
        }
    }
}

impl Device for SimDevice {
    fn id(&self) -> &str {
        self.inner().id()
    }
    fn kind(&self) -> DeviceKind {
        self.inner().kind()
    }
    fn status(&self) -> DeviceStatus {
        self.inner().status()
    }
    fn attach(&self, board: &StatusBoard) {
        self.inner().attach(board);
    }
    fn as_camera(&self) -> Option<&dyn Camera> {
        self.inner().as_camera()
    }
    fn as_document_reader(&self) -> Option<&dyn DocumentReader> {
        self.inner().as_document_reader()
    }
    fn as_qr_reader(&self) -> Option<&dyn QrReader> {
        self.inner().as_qr_reader()
    }
    fn as_fingerprint_scanner(&self) -> Option<&dyn FingerprintScanner> {
        self.inner().as_fingerprint_scanner()
    }
    fn as_face_matcher(&self) -> Option<&dyn FaceMatcher> {
        self.inner().as_face_matcher()
    }
    fn as_printer(&self) -> Option<&dyn Printer> {
        self.inner().as_printer()
    }
    fn as_aeu(&self) -> Option<&dyn Aeu> {
        self.inner().as_aeu()
    }
    fn as_smart_card(&self) -> Option<&dyn SmartCard> {
        self.inner().as_smart_card()
    }
    fn as_observer_display(&self) -> Option<&dyn ObserverDisplay> {
        self.inner().as_observer_display()
    }
}

/// A station's simulated devices, typed, on one clock: one of each kind, and a main and
/// a reserve AEU (§48).
#[derive(Debug, Clone)]
pub struct SimStation {
    pub clock: SimClock,
    pub camera: Arc<SimCamera>,
    pub document_reader: Arc<SimDocumentReader>,
    pub qr_reader: Arc<SimQrReader>,
    pub fingerprint_scanner: Arc<SimFingerprintScanner>,
    pub face_matcher: Arc<SimFaceMatcher>,
    pub ballot_printer: Arc<SimPrinter>,
    pub document_printer: Arc<SimPrinter>,
    pub aeu_main: Arc<SimAeu>,
    pub aeu_reserve: Arc<SimAeu>,
    pub smart_card: Arc<SimSmartCard>,
    pub observer_display: Arc<SimObserverDisplay>,
}

impl SimStation {
    pub fn new(seed: u64) -> SimStation {
        SimStation::with_options(&SimOptions {
            seed,
            ..SimOptions::default()
        })
    }

    pub fn with_options(options: &SimOptions) -> SimStation {
        let seed = |id: &str| device_seed(options.seed, id);
        SimStation {
            clock: options.clock.clone(),
            camera: Arc::new(SimCamera::new("camera", false, seed("camera"), options)),
            document_reader: Arc::new(SimDocumentReader::new(
                "document-reader",
                false,
                seed("document-reader"),
                options,
            )),
            qr_reader: Arc::new(SimQrReader::new(
                "qr-reader",
                false,
                seed("qr-reader"),
                options,
            )),
            fingerprint_scanner: Arc::new(SimFingerprintScanner::new(
                "fingerprint-scanner",
                false,
                seed("fingerprint-scanner"),
                options,
            )),
            face_matcher: Arc::new(SimFaceMatcher::new(
                "face-matcher",
                false,
                seed("face-matcher"),
                options,
            )),
            ballot_printer: Arc::new(SimPrinter::new(
                "ballot-printer",
                DeviceKind::BallotPrinter,
                false,
                seed("ballot-printer"),
                options,
            )),
            document_printer: Arc::new(SimPrinter::new(
                "document-printer",
                DeviceKind::DocumentPrinter,
                false,
                seed("document-printer"),
                options,
            )),
            aeu_main: Arc::new(SimAeu::new("aeu-main", false, seed("aeu-main"), options)),
            aeu_reserve: Arc::new(SimAeu::new(
                "aeu-reserve",
                true,
                seed("aeu-reserve"),
                options,
            )),
            smart_card: Arc::new(SimSmartCard::new(
                "smart-card",
                false,
                seed("smart-card"),
                options,
            )),
            observer_display: Arc::new(SimObserverDisplay::new(
                "observer-display",
                false,
                seed("observer-display"),
                options,
            )),
        }
    }

    /// Every device, in `DeviceKind::ALL` order (main AEU before reserve).
    pub fn devices(&self) -> Vec<SimDevice> {
        vec![
            SimDevice::Camera(self.camera.clone()),
            SimDevice::DocumentReader(self.document_reader.clone()),
            SimDevice::QrReader(self.qr_reader.clone()),
            SimDevice::FingerprintScanner(self.fingerprint_scanner.clone()),
            SimDevice::FaceMatcher(self.face_matcher.clone()),
            SimDevice::Printer(self.ballot_printer.clone()),
            SimDevice::Printer(self.document_printer.clone()),
            SimDevice::Aeu(self.aeu_main.clone()),
            SimDevice::Aeu(self.aeu_reserve.clone()),
            SimDevice::SmartCard(self.smart_card.clone()),
            SimDevice::ObserverDisplay(self.observer_display.clone()),
        ]
    }

    /// Every device as the app holds them.
    pub fn dyn_devices(&self) -> Vec<Arc<dyn Device>> {
        self.devices().iter().map(SimDevice::device).collect()
    }

    pub fn device(&self, id: &str) -> Option<SimDevice> {
        self.devices().into_iter().find(|device| device.id() == id)
    }

    /// Attaches every device to the board.
    pub fn attach(&self, board: &StatusBoard) {
        for device in self.devices() {
            device.attach(board);
        }
    }

    /// Sets the simulated time and fires what every device's script has reached.
    pub fn set_time_ms(&self, ms: u64) {
        self.clock.set_ms(ms);
        for device in self.devices() {
            device.core().tick();
        }
    }
}

/// The devices of a station, all simulated with [`DEFAULT_SEED`]: one of each kind, and
/// a main and a reserve AEU (§48).
pub fn station_set() -> Vec<Arc<SimDevice>> {
    SimStation::new(DEFAULT_SEED)
        .devices()
        .into_iter()
        .map(Arc::new)
        .collect()
}

#[cfg(test)]
mod tests;
