//! Incidents of voting hours, each journaled with its time: a failed automatic counting
//! urn and the switch to the reserve one, then to the stationary transparent box (§48);
//! the identification device or a printer stopping; a power cut, during which voting
//! stops (§6); help for a voter who cannot fill in the ballot (§46); the removal of a
//! person who obstructs the work, by a written decision of the commission (§17).
//!
//! Which box is in use is the journal's word, not a device's status: a failed urn stays
//! out for the rest of the day even once repaired (§48), and a replay knows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::{self, Act, ActKind};
use crate::attendance::AttendeeCategory;
use crate::election::ElectionDefinition;
use crate::error::DomainError;
use crate::event::Event;
use crate::opening::{BoxKind, SealedBox};
use crate::state::DayState;
use crate::voting;

type Decision = Result<Vec<Event>, DomainError>;

/// The longest free text (a reason) an incident records.
pub const MAX_TEXT_CHARS: usize = 300;

/// A device whose stop is recorded (what the law's procedures name; the AEU has §48).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum IncidentDevice {
    /// The identification device (ПИТ) with its readers and scanner.
    IdentificationDevice,
    /// The receipt and ballot printer.
    BallotPrinter,
    /// The printer of acts and records.
    DocumentPrinter,
}

impl IncidentDevice {
    pub const ALL: [IncidentDevice; 3] =
        [IncidentDevice::IdentificationDevice, IncidentDevice::BallotPrinter, IncidentDevice::DocumentPrinter];

    /// The kebab-case name used in message ids.
    pub fn name(self) -> &'static str {
        match self {
            IncidentDevice::IdentificationDevice => "identification-device",
            IncidentDevice::BallotPrinter => "ballot-printer",
            IncidentDevice::DocumentPrinter => "document-printer",
        }
    }
}

/// Why a voter needs help (§46).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AssistanceReason {
    CannotSign,
    CannotFillIn,
}

/// A period with a start and, once over, an end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Period {
    #[ts(type = "string")]
    pub from: DateTime<Utc>,
    #[ts(type = "string | null")]
    pub to: Option<DateTime<Utc>>,
}

/// A device stop and its resumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviceStop {
    pub device: IncidentDevice,
    pub period: Period,
}

/// What box the ballots go into now (§48).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BoxInUse {
    /// An automatic counting urn, by its box id; `reserve` once switched to it.
    Aeu { box_id: String, reserve: bool },
    /// The stationary transparent box, after every urn failed.
    TransparentBox { box_id: String },
    /// Nothing sealed yet.
    None,
}

/// The incidents of the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentsState {
    /// Urns that failed, by box id, with the time; never back in use the same day.
    pub failed_aeus: Vec<(String, DateTime<Utc>)>,
    /// The reserve urn switched to.
    pub reserve_aeu: Option<String>,
    /// The transparent box switched to.
    pub transparent_box: Option<String>,
    pub device_stops: Vec<DeviceStop>,
    pub power_cuts: Vec<Period>,
    /// Voters helped (§46): counted, nothing else.
    pub assisted: u32,
}

impl IncidentsState {
    pub fn aeu_failed(&self, box_id: &str) -> bool {
        self.failed_aeus.iter().any(|(id, _)| id == box_id)
    }

    /// Since when voting is stopped for a power cut (§6).
    pub fn power_cut_since(&self) -> Option<DateTime<Utc>> {
        self.power_cuts.iter().find(|p| p.to.is_none()).map(|p| p.from)
    }

    pub fn device_stopped(&self, device: IncidentDevice) -> Option<DateTime<Utc>> {
        self.device_stops.iter().find(|s| s.device == device && s.period.to.is_none()).map(|s| s.period.from)
    }
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

/// The urns sealed at the opening, in the order they were sealed: the first is the
/// main one, the others reserves (§48).
pub fn sealed_aeus(state: &DayState) -> Vec<&SealedBox> {
    state.boxes.iter().filter(|b| b.kind == BoxKind::Aeu).collect()
}

/// The box the ballots go into now, by the journal.
pub fn box_in_use(state: &DayState) -> BoxInUse {
    if let Some(box_id) = &state.incidents.transparent_box {
        return BoxInUse::TransparentBox { box_id: box_id.clone() };
    }
    if let Some(box_id) = &state.incidents.reserve_aeu {
        return BoxInUse::Aeu { box_id: box_id.clone(), reserve: true };
    }
    match sealed_aeus(state).first() {
        Some(main) => BoxInUse::Aeu { box_id: main.box_id.clone(), reserve: false },
        None => match state.boxes.iter().find(|b| b.kind == BoxKind::Stationary) {
            Some(stationary) => BoxInUse::TransparentBox { box_id: stationary.box_id.clone() },
            None => BoxInUse::None,
        },
    }
}

/// Every urn of the station failed: the count has no AEU preliminary protocol (§48, §56).
pub fn all_aeus_failed(state: &DayState) -> bool {
    let aeus = sealed_aeus(state);
    !aeus.is_empty() && aeus.iter().all(|b| state.incidents.aeu_failed(&b.box_id))
}

/// The next step §48 asks for, if any: the urn in use failed and a reserve is there, or
/// no urn works any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum AeuGuidance {
    SwitchToReserve { failed: String, reserve: String },
    SwitchToTransparentBox,
}

pub fn aeu_guidance(state: &DayState) -> Option<AeuGuidance> {
    let BoxInUse::Aeu { box_id, .. } = box_in_use(state) else { return None };
    if !state.incidents.aeu_failed(&box_id) {
        return None;
    }
    match working_reserve(state) {
        Some(reserve) => Some(AeuGuidance::SwitchToReserve { failed: box_id, reserve }),
        None => Some(AeuGuidance::SwitchToTransparentBox),
    }
}

fn working_reserve(state: &DayState) -> Option<String> {
    if state.incidents.reserve_aeu.is_some() {
        return None;
    }
    sealed_aeus(state).iter().skip(1).find(|b| !state.incidents.aeu_failed(&b.box_id)).map(|b| b.box_id.clone())
}

fn clean_text(text: &str, code: &'static str, message: &'static str) -> Result<String, DomainError> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_TEXT_CHARS {
        return Err(refuse(code, message).with("max", MAX_TEXT_CHARS));
    }
    Ok(text.to_owned())
}

fn day_started(state: &DayState) -> Result<(), DomainError> {
    if state.sealing_finished_at.is_none() {
        return Err(refuse("aeu.not-sealed", "error-aeu-not-sealed"));
    }
    Ok(())
}

/// §48: an urn failed. Any sealed urn, once.
pub(crate) fn aeu_failed(state: &DayState, aeu: &str, now: DateTime<Utc>) -> Decision {
    day_started(state)?;
    let aeu = aeu.trim();
    if !sealed_aeus(state).iter().any(|b| b.box_id == aeu) {
        return Err(refuse("aeu.unknown", "error-aeu-unknown").with("aeu", aeu));
    }
    if state.incidents.aeu_failed(aeu) {
        return Err(refuse("aeu.already-failed", "error-aeu-already-failed").with("aeu", aeu));
    }
    Ok(vec![Event::AeuFailed { at: now, aeu: aeu.to_owned() }])
}

/// §48: the urn in use failed; voting goes on with the reserve urn; an act signed by the
/// members present and the operators.
pub(crate) fn switch_to_reserve(state: &DayState, now: DateTime<Utc>) -> Decision {
    day_started(state)?;
    match aeu_guidance(state) {
        Some(AeuGuidance::SwitchToReserve { failed, reserve }) => {
            let act = Act {
                number: acts::next_number(&state.acts),
                at: now,
                kind: ActKind::ReserveAeu { failed, reserve: reserve.clone() },
            };
            Ok(vec![Event::SwitchedToReserveAeu { at: now, reserve }, Event::ActDrawnUp { act }])
        }
        Some(AeuGuidance::SwitchToTransparentBox) => Err(refuse("aeu.no-reserve", "error-aeu-no-reserve")),
        None => Err(refuse("aeu.in-use-works", "error-aeu-in-use-works")),
    }
}

/// §48: no urn works: voting goes on with the stationary transparent box — one sealed at
/// the opening, or one shown empty and sealed now with its control sheet — and an act.
pub(crate) fn switch_to_transparent_box(
    election: &ElectionDefinition,
    state: &DayState,
    box_id: &str,
    seals: &[String],
    now: DateTime<Utc>,
) -> Decision {
    day_started(state)?;
    match aeu_guidance(state) {
        Some(AeuGuidance::SwitchToTransparentBox) => {}
        Some(AeuGuidance::SwitchToReserve { .. }) => return Err(refuse("aeu.reserve-available", "error-aeu-reserve-available")),
        None => return Err(refuse("aeu.in-use-works", "error-aeu-in-use-works")),
    }
    let box_id = box_id.trim();
    if box_id.is_empty() {
        return Err(refuse("sealing.box-id-required", "error-sealing-box-id-required"));
    }
    let mut events = Vec::new();
    match state.boxes.iter().find(|b| b.box_id == box_id) {
        Some(sealed) if sealed.kind == BoxKind::Stationary => {}
        Some(_) => return Err(refuse("aeu.not-a-transparent-box", "error-aeu-not-a-transparent-box").with("box", box_id)),
        None => {
            let seals: Vec<String> = seals.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
            if seals.is_empty() {
                return Err(refuse("sealing.seal-required", "error-sealing-seal-required"));
            }
            if let Some(used) = seals.iter().find(|s| state.boxes.iter().any(|b| b.seals.contains(s))) {
                return Err(refuse("sealing.duplicate-seal", "error-sealing-duplicate-seal").with("seal", used.clone()));
            }
            events.push(Event::BoxSealed {
                sealed: SealedBox {
                    box_id: box_id.to_owned(),
                    kind: BoxKind::Stationary,
                    seals,
                    at: now,
                    control_sheet: crate::rules::control_sheet(election, state, now),
                },
            });
        }
    }
    let failed: Vec<String> = state.incidents.failed_aeus.iter().map(|(id, _)| id.clone()).collect();
    let act = Act {
        number: acts::next_number(&state.acts),
        at: now,
        kind: ActKind::TransparentBox { failed, box_id: box_id.to_owned() },
    };
    events.push(Event::SwitchedToTransparentBox { at: now, box_id: box_id.to_owned() });
    events.push(Event::ActDrawnUp { act });
    Ok(events)
}

pub(crate) fn device_stopped(state: &DayState, device: IncidentDevice, now: DateTime<Utc>) -> Decision {
    if state.polls_opened_at.is_none() {
        return Err(refuse("incident.before-voting", "error-incident-before-voting"));
    }
    if state.incidents.device_stopped(device).is_some() {
        return Err(refuse("incident.device-already-stopped", "error-incident-device-already-stopped")
            .with("device", device.name()));
    }
    Ok(vec![Event::DeviceStopped { at: now, device }])
}

pub(crate) fn device_resumed(state: &DayState, device: IncidentDevice, now: DateTime<Utc>) -> Decision {
    if state.incidents.device_stopped(device).is_none() {
        return Err(refuse("incident.device-not-stopped", "error-incident-device-not-stopped").with("device", device.name()));
    }
    Ok(vec![Event::DeviceResumed { at: now, device }])
}

/// §6: the light went out; voting stops until it returns.
pub(crate) fn power_cut(state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.polls_opened_at.is_none() {
        return Err(refuse("incident.before-voting", "error-incident-before-voting"));
    }
    if state.incidents.power_cut_since().is_some() {
        return Err(refuse("power.already-cut", "error-power-already-cut"));
    }
    Ok(vec![Event::PowerCut { at: now }])
}

pub(crate) fn power_restored(state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.incidents.power_cut_since().is_none() {
        return Err(refuse("power.not-cut", "error-power-not-cut"));
    }
    Ok(vec![Event::PowerRestored { at: now }])
}

fn same_person(a: &str, b: &str) -> bool {
    let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    normal(a) == normal(b)
}

/// §46: a voter who cannot sign or fill in the ballot is helped by another voter who is
/// not a member, a representative or an observer. Only that help was given is recorded:
/// neither the voter, nor the helper, nor anything about the choice.
pub(crate) fn assistance(
    election: &ElectionDefinition,
    state: &DayState,
    reason: AssistanceReason,
    helper_name: &str,
    helper_is_voter: bool,
    now: DateTime<Utc>,
) -> Decision {
    voting::voting_open(election, state, now)?;
    let helper = clean_text(helper_name, "assistance.helper-required", "error-assistance-helper-required")?;
    if !helper_is_voter {
        return Err(refuse("assistance.helper-not-a-voter", "error-assistance-helper-not-a-voter"));
    }
    let member = election.commission.iter().any(|m| same_person(&m.name, &helper));
    let registered = state.attendance.iter().find(|a| {
        same_person(&a.name, &helper)
            && matches!(
                a.category,
                AttendeeCategory::Member
                    | AttendeeCategory::CandidateRepresentative
                    | AttendeeCategory::PartyRepresentative
                    | AttendeeCategory::Observer
                    | AttendeeCategory::InternationalObserver
            )
    });
    if member || registered.is_some() {
        let category = registered.map(|a| a.category).unwrap_or(AttendeeCategory::Member);
        let category = serde_json::to_value(category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        return Err(refuse("assistance.helper-not-allowed", "error-assistance-helper-not-allowed").with("category", category));
    }
    Ok(vec![Event::AssistanceGiven { at: now, reason }])
}

/// §17: a person who obstructs the work is removed — a member from the work, anyone
/// else from the room — by a written decision of the commission: the act.
pub(crate) fn removal(state: &DayState, person: u32, reason: &str, now: DateTime<Utc>) -> Decision {
    if !state.present().any(|a| a.person == person) {
        return Err(DomainError::new("attendance.not-present", "error-attendance-not-present").with("person", i64::from(person)));
    }
    let reason = clean_text(reason, "removal.reason-required", "error-removal-reason-required")?;
    let act = Act { number: acts::next_number(&state.acts), at: now, kind: ActKind::Removal { person, reason } };
    Ok(vec![Event::PersonLeft { at: now, person }, Event::ActDrawnUp { act }])
}

/// Folds an incident event into the state.
pub(crate) fn apply(state: &mut DayState, event: &Event) {
    let incidents = &mut state.incidents;
    match event {
        Event::AeuFailed { at, aeu } => incidents.failed_aeus.push((aeu.clone(), *at)),
        Event::SwitchedToReserveAeu { reserve, .. } => incidents.reserve_aeu = Some(reserve.clone()),
        Event::SwitchedToTransparentBox { box_id, .. } => incidents.transparent_box = Some(box_id.clone()),
        Event::DeviceStopped { at, device } => {
            incidents.device_stops.push(DeviceStop { device: *device, period: Period { from: *at, to: None } });
        }
        Event::DeviceResumed { at, device } => {
            if let Some(stop) = incidents.device_stops.iter_mut().find(|s| s.device == *device && s.period.to.is_none()) {
                stop.period.to = Some(*at);
            }
        }
        Event::PowerCut { at } => incidents.power_cuts.push(Period { from: *at, to: None }),
        Event::PowerRestored { at } => {
            if let Some(cut) = incidents.power_cuts.iter_mut().find(|p| p.to.is_none()) {
                cut.to = Some(*at);
            }
        }
        Event::AssistanceGiven { .. } => incidents.assisted += 1,
        _ => {}
    }
}
