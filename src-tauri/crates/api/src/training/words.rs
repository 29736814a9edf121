//! Training's messages said in the trainer's language: the journal's events as the
//! trainee's actions, the scenario's happenings, the debrief. Arguments that name a
//! procedure, a device, a kind of voter, an act or a fault arrive as their ids and are
//! said here with the app's own words for them.

use std::collections::BTreeMap;

use domain::election::ElectionDefinition;
use domain::event::Event;
use domain::MessageArg;
use i18n::{Language, Localizer};

pub(crate) struct Words {
    localizer: Localizer,
    language: Language,
}

impl Words {
    pub fn new(language: Language) -> Words {
        Words { localizer: Localizer::new(language), language }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn text(&self, id: &str) -> String {
        self.localizer.text(id)
    }

    /// A message whose id-like arguments are said in words first.
    pub fn say(&self, id: &str, args: &BTreeMap<String, MessageArg>) -> String {
        let args: BTreeMap<String, MessageArg> =
            args.iter().map(|(name, value)| (name.clone(), self.argument(name, value))).collect();
        self.localizer.message(id, &args)
    }

    pub fn error(&self, error: &crate::ApiError) -> String {
        self.localizer.message(&error.message, &error.args)
    }

    fn argument(&self, name: &str, value: &MessageArg) -> MessageArg {
        let MessageArg::Text(text) = value else { return value.clone() };
        let id = match name {
            "step" => format!("step-{text}"),
            "case" => format!("voter-case-{text}"),
            "kind" => format!("act-kind-{text}"),
            "fault" => format!("device-fault-{text}"),
            "category" => format!("category-{text}"),
            "device" => device_message(text),
            "box" if text.starts_with("aeu-") => device_message(text),
            _ => return value.clone(),
        };
        let said = self.text(&id);
        if said == id { value.clone() } else { MessageArg::Text(said) }
    }
}

/// The message naming a device, by its simulated id or as a recorded incident device.
fn device_message(device: &str) -> String {
    match device {
        "aeu-main" => "device-aeu".to_owned(),
        "aeu-reserve" => "device-aeu-reserve".to_owned(),
        "identification-device" => format!("incident-device-{device}"),
        other => format!("device-{other}"),
    }
}

/// A journal event as an action of the trainee: its message id and arguments.
pub(crate) fn event_message(event: &Event, election: &ElectionDefinition) -> (String, BTreeMap<String, MessageArg>) {
    let designation = |contest: &str| {
        election.contests.iter().find(|c| c.id == contest).map(|c| c.designation.clone()).unwrap_or_else(|| contest.to_owned())
    };
    let member = |id: &str| election.commission.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_owned());
    let mut args: BTreeMap<String, MessageArg> = BTreeMap::new();
    let mut put = |name: &str, value: MessageArg| {
        args.insert(name.to_owned(), value);
    };
    let number = |value: u32| MessageArg::Number(i64::from(value));
    let big = |value: u64| MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX));
    match event {
        Event::StepCompleted { step, .. } => put("step", step.name().into()),
        Event::PersonArrived { attendee } => {
            put("name", attendee.name.clone().into());
            put("category", serde_json::to_value(attendee.category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default().into());
        }
        Event::PersonLeft { person, .. } => put("person", number(*person)),
        Event::SafeOpened { opening } => put("voters", number(opening.voters_electronic)),
        Event::BoxSealed { sealed } => put("box", sealed.box_id.clone().into()),
        Event::BallotsReceived { received } => put("count", number(received.recounted)),
        Event::BallotsIssuedToMember { batch } => {
            put("count", number(batch.count));
            put("member", member(&batch.member_id).into());
        }
        Event::PaperStockRecorded { stock } => put("count", number(stock.sheets)),
        Event::OutOfPremisesVoterServed { served } => put("box", served.box_id.clone().into()),
        Event::PortableBoxSlotSealed { box_id, .. } => put("box", box_id.clone().into()),
        Event::ActDrawnUp { act } => {
            put("number", number(act.number));
            put("kind", act.kind.name().into());
        }
        Event::VoterIdentified { district, method, .. } => {
            put("contest", designation(district).into());
            put("method", serde_json::to_value(method).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default().into());
        }
        Event::BallotPrinted { district, .. } | Event::DuplicatePrinted { district, .. } => put("contest", designation(district).into()),
        Event::TurnoutReported { step, figure, .. } => {
            put("step", step.name().into());
            put("count", number(*figure));
        }
        Event::PollsClosed { turnout, .. } => put("count", number(*turnout)),
        Event::UnusedBallotsCancelled { unused } => put("count", number(unused.unused)),
        Event::ListTotalsRecorded { totals } => put("count", number(totals.signatures)),
        Event::PortableBoxOpened { opened } => {
            put("box", opened.box_id.clone().into());
            put("count", number(opened.found));
        }
        Event::AeuResultsRecorded { results } => put("count", big(results.tallies.iter().map(|t| t.processed).sum())),
        Event::CountEntered { entry } => {
            put("contest", designation(&entry.contest).into());
            put("member", member(&entry.member).into());
        }
        Event::RecountDemanded { demand } => {
            put("contest", designation(&demand.contest).into());
            put("name", demand.by.clone().into());
        }
        Event::ProtocolSigned { protocol } => put("number", number(protocol.number)),
        Event::ComplaintReceived { complaint } => put("name", complaint.from.clone().into()),
        Event::ComplaintDecided { number: n, .. } => put("number", number(*n)),
        Event::DuplicateAuthorised { authorisation, .. } => put("contest", designation(&authorisation.district).into()),
        Event::AeuFailed { aeu, .. } => put("box", aeu.clone().into()),
        Event::SwitchedToReserveAeu { reserve, .. } => put("box", reserve.clone().into()),
        Event::SwitchedToTransparentBox { box_id, .. } => put("box", box_id.clone().into()),
        Event::DeviceStopped { device, .. } | Event::DeviceResumed { device, .. } => put("device", device.name().into()),
        _ => {}
    }
    (format!("training-event-{}", event.kind()), args)
}

impl Words {
    /// A journal event in words; an event this build has no words for says its kind.
    pub fn event(&self, event: &Event, election: &ElectionDefinition) -> String {
        let (id, args) = event_message(event, election);
        let said = self.say(&id, &args);
        if said == id {
            let mut other = BTreeMap::new();
            other.insert("kind".to_owned(), MessageArg::Text(event.kind().to_owned()));
            return self.localizer.message("training-event-other", &other);
        }
        said
    }
}
