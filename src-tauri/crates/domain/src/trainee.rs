//! A scripted trainee: the actions file (`assets/scenarios/trainees/*.toml`, documented
//! in `docs/training-scenario.md`) that `uchastok train run` plays against a scenario
//! through the same station functions as the window. Each action has a station time and
//! a high-level step ("serve the voter at the desk", "report the turnout", "count every
//! contest"); a faulty trainee makes mistakes on purpose (`mistake = …`, or an action
//! left out) and lists, in `planted`, the deviations the debrief must find.
//!
//! Parsed in two steps like the scenario: the loose shape, then validation naming every
//! bad field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::attendance::AttendeeCategory;
use crate::error::DomainError;
use crate::incidents::IncidentDevice;
use crate::scenario::{AEUS, Fields, Problems, ScenarioVoter, StationTime};

/// A mistake made while serving a voter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ServeMistake {
    /// The document is read, then the voter is sent away: no identification, no act.
    SendAway,
}

/// A mistake made at the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CountMistake {
    /// One ballot of the first option put on the second option's pile.
    WrongPile,
    /// The AEU's preliminary figures entered as the count.
    CopyAeu,
}

/// A mistake made opening a portable box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum PortableMistake {
    /// As many ballots declared as voters served, the excess kept quiet.
    HideExcess,
}

/// One step of a scripted trainee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum TraineeAction {
    /// Simulated voters of `case` sent to the desk one after another, `every` minutes
    /// apart, each served by the book.
    Voters { count: u32, case: ScenarioVoter, every: u32 },
    /// The voter the scenario sent to the desk, served by the book (or not).
    Serve { mistake: Option<ServeMistake> },
    /// The 2-hourly turnout report that is due (§38).
    ReportTurnout,
    /// §48: the urn's failure recorded.
    RecordAeuFailure { device: String },
    SwitchToReserveAeu,
    SwitchToTransparentBox { box_id: String, seal: String },
    RecordDeviceStop { device: IncidentDevice },
    RecordDeviceResumed { device: IncidentDevice },
    /// The receipt and the ballot printed again for the voter at the desk, then listed.
    PrintAgain,
    PowerCut,
    PowerRestored,
    /// R4.4: the spoiled ballot scanned, the duplicate authorised with the chair's card.
    Duplicate { reason: String },
    /// Someone registered in the attendance register.
    Arrival {
        category: AttendeeCategory,
        name: String,
        organisation: Option<String>,
        accreditation: Option<String>,
        citizen: bool,
    },
    ClosePolls,
    /// §52: the unused ballots, as the ledger says.
    CancelUnused,
    /// §53: the list's totals, as the journal says.
    ListTotals,
    /// §54: the portable box opened and its ballots counted.
    OpenPortableBox { mistake: Option<PortableMistake> },
    /// §56: the AEU's preliminary results read from the urn in use.
    AeuResults,
    /// Every contest counted by two members, from the true piles (or not).
    Count { mistake: Option<CountMistake>, contest: Option<String> },
    /// §62: the recount an observer demands, recorded.
    DemandRecount { observer: String, contest: String },
    SignProtocol,
    Complaint { from: String, text: String },
    DecideComplaint { decision: String },
    SealPackets,
    Delivery,
}

impl TraineeAction {
    pub const NAMES: [&'static str; 26] = [
        "voters",
        "serve",
        "report-turnout",
        "record-aeu-failure",
        "switch-to-reserve-aeu",
        "switch-to-transparent-box",
        "record-device-stop",
        "record-device-resumed",
        "print-again",
        "power-cut",
        "power-restored",
        "duplicate",
        "arrival",
        "close-polls",
        "cancel-unused",
        "list-totals",
        "open-portable-box",
        "aeu-results",
        "count",
        "demand-recount",
        "sign-protocol",
        "complaint",
        "decide-complaint",
        "seal-packets",
        "delivery",
        "wait",
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimedAction {
    pub at: StationTime,
    /// `None` for `do = "wait"`: the clock only moves.
    pub action: Option<TraineeAction>,
    /// The refusal (its code) the trainee meets on purpose, e.g. a second duplicate of
    /// one spoiled ballot: the run stops if the action is not refused with it.
    pub refused: Option<String>,
}

/// A validated actions file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Trainee {
    /// The scenario it is written for.
    pub scenario: String,
    /// The name the debrief shows.
    pub trainee: String,
    /// The deviations this trainee makes on purpose (rule ids of the debrief).
    pub planted: Vec<String>,
    pub actions: Vec<TimedAction>,
}

#[derive(Debug, Default, Deserialize)]
struct RawTrainee {
    format: Option<i64>,
    scenario: Option<String>,
    trainee: Option<String>,
    #[serde(default)]
    planted: Vec<String>,
    #[serde(default)]
    actions: Vec<BTreeMap<String, toml::Value>>,
}

const INCIDENT_DEVICES: [(&str, IncidentDevice); 3] = [
    ("identification-device", IncidentDevice::IdentificationDevice),
    ("ballot-printer", IncidentDevice::BallotPrinter),
    ("document-printer", IncidentDevice::DocumentPrinter),
];

const CATEGORIES: [(&str, AttendeeCategory); 5] = [
    ("candidate-representative", AttendeeCategory::CandidateRepresentative),
    ("party-representative", AttendeeCategory::PartyRepresentative),
    ("observer", AttendeeCategory::Observer),
    ("international-observer", AttendeeCategory::InternationalObserver),
    ("media", AttendeeCategory::Media),
];

/// Parses and validates an actions file: every problem found, each naming its field.
pub fn parse_trainee(text: &str) -> Result<Trainee, Vec<DomainError>> {
    let raw: RawTrainee = crate::toml_text::parse(text, "training.syntax", "training-error-syntax")?;
    let mut problems = Problems(Vec::new());
    problems.format(raw.format);
    let scenario = problems.id(raw.scenario.as_deref(), "scenario");
    let trainee = problems.required_text(raw.trainee.as_deref(), "trainee");
    for (index, rule) in raw.planted.iter().enumerate() {
        if !crate::debrief::RULES.iter().any(|(id, _)| id == rule) {
            let allowed: Vec<&str> = crate::debrief::RULES.iter().map(|(id, _)| *id).collect();
            problems.bad_value(&format!("planted[{}]", index + 1), rule, &allowed);
        }
    }
    let mut actions = Vec::new();
    let mut previous: Option<StationTime> = None;
    for (index, table) in raw.actions.iter().enumerate() {
        let fields = Fields { table, path: format!("actions[{}]", index + 1) };
        let at = fields.text("at", &mut problems);
        let at = problems.time(at.as_deref(), &fields.field("at"));
        if let (Some(at), Some(before)) = (at, previous)
            && at < before
        {
            problems.add("training.actions-out-of-order", "training-error-actions-out-of-order", &fields.field("at"));
        }
        previous = at.or(previous);
        let action = action(&fields, &mut problems);
        let refused = fields.text("refused", &mut problems);
        if let (Some(at), Some(action)) = (at, action) {
            actions.push(TimedAction { at, action, refused });
        }
    }
    if problems.0.is_empty() {
        Ok(Trainee { scenario, trainee, planted: raw.planted, actions })
    } else {
        Err(problems.0)
    }
}

fn mistake<T: Copy>(fields: &Fields<'_>, problems: &mut Problems, table: &[(&'static str, T)]) -> Option<T> {
    let text = fields.text("mistake", problems)?;
    problems.choice(Some(&text), &fields.field("mistake"), table)
}

/// `Some(None)` is a wait; `None` a problem already reported.
fn action(fields: &Fields<'_>, problems: &mut Problems) -> Option<Option<TraineeAction>> {
    let kind = fields.text("do", problems);
    let kind = problems.required_text(kind.as_deref(), &fields.field("do"));
    if kind.is_empty() {
        return None;
    }
    let device = |problems: &mut Problems| {
        let text = fields.text("device", problems);
        problems.choice(text.as_deref(), &fields.field("device"), &INCIDENT_DEVICES)
    };
    let action = match kind.as_str() {
        "wait" => return Some(None),
        "voters" => {
            let count = fields.integer("count", problems);
            let count = problems.number(count, &fields.field("count"), 1, crate::scenario::MAX_VOTERS_BEFORE, None);
            let every = fields.integer("every", problems);
            let every = problems.number(every, &fields.field("every"), 0, 120, Some(1));
            let case = fields.text("case", problems);
            let case = match case {
                Some(case) => problems.choice(Some(&case), &fields.field("case"), &ScenarioVoter::ALL)?,
                None => ScenarioVoter::Eligible,
            };
            TraineeAction::Voters {
                count: u32::try_from(count).unwrap_or(1),
                case,
                every: u32::try_from(every).unwrap_or(1),
            }
        }
        "serve" => TraineeAction::Serve { mistake: mistake(fields, problems, &[("send-away", ServeMistake::SendAway)]) },
        "report-turnout" => TraineeAction::ReportTurnout,
        "record-aeu-failure" => TraineeAction::RecordAeuFailure { device: fields.one_of("device", &AEUS, problems) },
        "switch-to-reserve-aeu" => TraineeAction::SwitchToReserveAeu,
        "switch-to-transparent-box" => TraineeAction::SwitchToTransparentBox {
            box_id: fields.required("box", problems),
            seal: fields.required("seal", problems),
        },
        "record-device-stop" => TraineeAction::RecordDeviceStop { device: device(problems)? },
        "record-device-resumed" => TraineeAction::RecordDeviceResumed { device: device(problems)? },
        "print-again" => TraineeAction::PrintAgain,
        "power-cut" => TraineeAction::PowerCut,
        "power-restored" => TraineeAction::PowerRestored,
        "duplicate" => TraineeAction::Duplicate { reason: fields.required("reason", problems) },
        "arrival" => {
            let category = fields.text("category", problems);
            TraineeAction::Arrival {
                category: problems.choice(category.as_deref(), &fields.field("category"), &CATEGORIES)?,
                name: fields.required("name", problems),
                organisation: fields.text("organisation", problems),
                accreditation: fields.text("accreditation", problems),
                citizen: fields.boolean("citizen", problems).unwrap_or(false),
            }
        }
        "close-polls" => TraineeAction::ClosePolls,
        "cancel-unused" => TraineeAction::CancelUnused,
        "list-totals" => TraineeAction::ListTotals,
        "open-portable-box" => TraineeAction::OpenPortableBox {
            mistake: mistake(fields, problems, &[("hide-excess", PortableMistake::HideExcess)]),
        },
        "aeu-results" => TraineeAction::AeuResults,
        "count" => TraineeAction::Count {
            mistake: mistake(fields, problems, &[("wrong-pile", CountMistake::WrongPile), ("copy-aeu", CountMistake::CopyAeu)]),
            contest: fields.text("contest", problems),
        },
        "demand-recount" => TraineeAction::DemandRecount {
            observer: fields.required("observer", problems),
            contest: fields.required("contest", problems),
        },
        "sign-protocol" => TraineeAction::SignProtocol,
        "complaint" => TraineeAction::Complaint { from: fields.required("from", problems), text: fields.required("text", problems) },
        "decide-complaint" => TraineeAction::DecideComplaint { decision: fields.required("decision", problems) },
        "seal-packets" => TraineeAction::SealPackets,
        "delivery" => TraineeAction::Delivery,
        other => {
            problems.bad_value(&fields.field("do"), other, &TraineeAction::NAMES);
            return None;
        }
    };
    Some(Some(action))
}
