//! Incidents of voting hours through the devices and the journal (§48, §6, §46, §17):
//! which box is in use and what §48 asks next, devices that report a fault the journal
//! does not record yet (the app notices and guides), and acts printed the moment they are
//! drawn up.
//!
//! The box in use is the journal's word: [`Station::aeu_in_use`] gives the urn the
//! journal names, never one that failed today, even once it reports ready again.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use domain::incidents::{self, AeuGuidance, BoxInUse, IncidentDevice};
use domain::{Command, DayState, ElectionDefinition};
use driver_api::{Device, DeviceKind, DeviceState, DeviceStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;
use crate::station::Station;
use crate::view::Overview;

/// An automatic counting urn sealed at the opening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AeuView {
    pub box_id: String,
    /// The first urn sealed is the main one; the others are reserves (§48).
    pub main: bool,
    pub in_use: bool,
    /// Local `HH:MM` the journal recorded its failure: out for the rest of the day.
    pub failed_at: Option<String>,
    /// The device's own report.
    pub device: Option<DeviceStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StopView {
    pub device: IncidentDevice,
    pub from: String,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PeriodView {
    pub from: String,
    pub to: Option<String>,
}

/// Incidents as the chair sees them, with what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IncidentsView {
    pub box_in_use: BoxInUse,
    pub aeus: Vec<AeuView>,
    /// What §48 asks now, after a failure was recorded.
    pub guidance: Option<AeuGuidance>,
    /// The urn in use reports a fault the journal does not record yet.
    pub aeu_fault_unrecorded: Option<String>,
    /// Every urn failed: the count will have no AEU preliminary protocol (§48).
    pub all_aeus_failed: bool,
    /// Stationary boxes sealed, for the switch to a transparent box.
    pub stationary_boxes: Vec<String>,
    pub device_stops: Vec<StopView>,
    /// Devices reporting a fault while the journal records no stop.
    pub devices_faulty: Vec<IncidentDevice>,
    pub power_cut_since: Option<String>,
    pub power_cuts: Vec<PeriodView>,
    /// Voters helped by another voter (§46).
    pub assisted: u32,
}

/// The device kinds a recorded device stop stands for.
fn kinds_of(device: IncidentDevice) -> &'static [DeviceKind] {
    match device {
        IncidentDevice::IdentificationDevice => {
            &[DeviceKind::DocumentReader, DeviceKind::FingerprintScanner, DeviceKind::Camera, DeviceKind::FaceMatcher]
        }
        IncidentDevice::BallotPrinter => &[DeviceKind::BallotPrinter],
        IncidentDevice::DocumentPrinter => &[DeviceKind::DocumentPrinter],
    }
}

fn failing(status: &DeviceStatus) -> bool {
    matches!(status.state, DeviceState::Fault | DeviceState::Absent)
}

/// The urn device for a sealed urn box: the device with the box's id, else the main
/// device for the first urn sealed and a reserve device for the others.
fn aeu_device<'a>(devices: &'a [Arc<dyn Device>], box_id: &str, main: bool) -> Option<&'a Arc<dyn Device>> {
    let urns: Vec<&Arc<dyn Device>> = devices.iter().filter(|d| d.kind() == DeviceKind::Aeu).collect();
    urns.iter()
        .find(|d| d.id() == box_id)
        .or_else(|| urns.iter().find(|d| d.status().reserve != main))
        .copied()
}

pub(crate) fn view(
    election: &ElectionDefinition,
    state: &DayState,
    devices: &[Arc<dyn Device>],
) -> IncidentsView {
    let local = |at: DateTime<Utc>| at.with_timezone(&election.tz()).format("%H:%M").to_string();
    let in_use = incidents::box_in_use(state);
    let aeus: Vec<AeuView> = incidents::sealed_aeus(state)
        .iter()
        .enumerate()
        .map(|(index, sealed)| AeuView {
            box_id: sealed.box_id.clone(),
            main: index == 0,
            in_use: matches!(&in_use, BoxInUse::Aeu { box_id, .. } if *box_id == sealed.box_id),
            failed_at: state.incidents.failed_aeus.iter().find(|(id, _)| *id == sealed.box_id).map(|(_, at)| local(*at)),
            device: aeu_device(devices, &sealed.box_id, index == 0).map(|d| d.status()),
        })
        .collect();
    let aeu_fault_unrecorded = aeus
        .iter()
        .find(|aeu| aeu.in_use && aeu.failed_at.is_none() && aeu.device.as_ref().is_some_and(failing))
        .map(|aeu| aeu.box_id.clone());
    let devices_faulty = IncidentDevice::ALL
        .into_iter()
        .filter(|device| state.incidents.device_stopped(*device).is_none())
        .filter(|device| devices.iter().any(|d| kinds_of(*device).contains(&d.kind()) && failing(&d.status())))
        .collect();
    IncidentsView {
        box_in_use: in_use,
        aeus,
        guidance: incidents::aeu_guidance(state),
        aeu_fault_unrecorded,
        all_aeus_failed: incidents::all_aeus_failed(state),
        stationary_boxes: state
            .boxes
            .iter()
            .filter(|b| b.kind == domain::opening::BoxKind::Stationary)
            .map(|b| b.box_id.clone())
            .collect(),
        device_stops: state
            .incidents
            .device_stops
            .iter()
            .map(|stop| StopView { device: stop.device, from: local(stop.period.from), to: stop.period.to.map(local) })
            .collect(),
        devices_faulty,
        power_cut_since: state.incidents.power_cut_since().map(local),
        power_cuts: state
            .incidents
            .power_cuts
            .iter()
            .map(|cut| PeriodView { from: local(cut.from), to: cut.to.map(local) })
            .collect(),
        assisted: state.incidents.assisted,
    }
}

impl Station {
    /// The urn the ballots go into now, by the journal: `None` once voting goes on with
    /// the transparent box. A urn the journal records as failed is never given back.
    pub fn aeu_in_use(&self) -> Option<Arc<dyn Device>> {
        let box_id = match incidents::box_in_use(self.journal().state()) {
            BoxInUse::Aeu { box_id, .. } => box_id,
            BoxInUse::TransparentBox { .. } | BoxInUse::None => return None,
        };
        let main = {
            let journal = self.journal();
            incidents::sealed_aeus(journal.state()).first().is_some_and(|b| b.box_id == box_id)
        };
        aeu_device(self.devices(), &box_id, main).cloned()
    }

    /// Records an act of the commission and prints every act it drew up (§45, §48, §17)
    /// on the document printer. A printer problem comes back as the error, with the act
    /// recorded: it can be printed again.
    pub fn act_and_print(&self, command: Command) -> Result<Overview, ApiError> {
        let before = self.journal().state().acts.len();
        self.act(command)?;
        let numbers: Vec<u32> = self.journal().state().acts.iter().skip(before).map(|act| act.number).collect();
        for number in numbers {
            self.print_act(number)?;
        }
        Ok(self.overview())
    }

    /// Prints an act again (after a printer problem, or a copy asked for).
    pub fn reprint_act(&self, number: u32) -> Result<Overview, ApiError> {
        self.print_act(number)?;
        Ok(self.overview())
    }
}
