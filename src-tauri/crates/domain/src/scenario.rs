//! Training scenarios: a mock election day as data (`assets/scenarios/*.toml`,
//! documented in `docs/training-scenario.md`). A scenario names the demo it runs on, how
//! far the day is prepared before the trainee takes over, the station time the trainee
//! starts at and the time the debrief looks to, its title and description in Kyrgyz and
//! Russian, and a timeline of what happens: devices fail, the power goes out, voters of
//! particular kinds come to the desk, a spoiled ballot is brought back, the AEU miscounts,
//! a portable box holds a ballot too many, an observer demands a recount, a complaint is
//! filed, a citizen asks to be registered as an international observer.
//!
//! Parsing goes in two steps, like the election definition: serde reads the loose shape,
//! then validation names every bad field with its own translated message.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{ElectionDefinition, LocalizedText, StationKind};
use crate::error::{DomainError, MessageArg};

/// The version of the scenario format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The simulated devices a scenario may name: the ids of the simulated station's devices.
pub const DEVICES: [&str; 11] = [
    "camera",
    "document-reader",
    "qr-reader",
    "fingerprint-scanner",
    "face-matcher",
    "ballot-printer",
    "document-printer",
    "aeu-main",
    "aeu-reserve",
    "smart-card",
    "observer-display",
];

/// How a device may be made to fail: the drivers' fault codes.
pub const FAULTS: [&str; 6] = ["jammed", "out-of-paper", "disconnected", "not-responding", "broken", "blocked"];

/// The urns among [`DEVICES`].
pub const AEUS: [&str; 2] = ["aeu-main", "aeu-reserve"];

/// The longest power cut, the most voters prepared, the most ballots miscounted.
pub const MAX_POWER_CUT_MINUTES: i64 = 600;
pub const MAX_VOTERS_BEFORE: i64 = 2000;
pub const MAX_PORTABLE_VOTERS: i64 = 50;
pub const MAX_MISCOUNTED: i64 = 1000;

/// Which demo election the scenario runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioDemo {
    /// The Jogorku Kenesh demo at a remote-voting station.
    Remote,
    /// The city-council demo at a regular station.
    City,
}

impl ScenarioDemo {
    pub const ALL: [(&'static str, ScenarioDemo); 2] = [("remote", ScenarioDemo::Remote), ("city", ScenarioDemo::City)];

    pub fn station_kind(self) -> StationKind {
        match self {
            ScenarioDemo::Remote => StationKind::RemoteVoting,
            ScenarioDemo::City => StationKind::Regular,
        }
    }
}

/// How far the day is recorded before the trainee takes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioStage {
    /// Nothing: the trainee runs the opening meeting.
    Start,
    /// The opening meeting recorded and the polls open at 08:00.
    PollsOpen,
}

impl ScenarioStage {
    pub const ALL: [(&'static str, ScenarioStage); 2] = [("start", ScenarioStage::Start), ("polls-open", ScenarioStage::PollsOpen)];
}

/// A moment in station time: a day relative to voting day (−1, 0, +1) and a time of day.
/// Written `"10:30"` (voting day), `"-1 09:00"` (the day before), `"+1 05:30"` (the next
/// day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct StationTime {
    pub day: i8,
    /// Minutes after midnight.
    pub minutes: u16,
}

impl StationTime {
    pub fn new(day: i8, hour: u16, minute: u16) -> StationTime {
        StationTime { day, minutes: hour * 60 + minute }
    }

    pub fn parse(text: &str) -> Option<StationTime> {
        let text = text.trim();
        let (day, clock) = match text.split_once(' ') {
            Some((day, clock)) => (
                match day {
                    "-1" => -1,
                    "+1" => 1,
                    "0" | "+0" => 0,
                    _ => return None,
                },
                clock.trim(),
            ),
            None => (0, text),
        };
        let (hour, minute) = clock.split_once(':')?;
        if hour.len() != 2 || minute.len() != 2 {
            return None;
        }
        let hour: u16 = hour.parse().ok()?;
        let minute: u16 = minute.parse().ok()?;
        (hour < 24 && minute < 60).then_some(StationTime::new(day, hour, minute))
    }

    /// The instant in UTC, in the election's time zone.
    pub fn instant(self, election: &ElectionDefinition) -> DateTime<Utc> {
        let zone = election.tz();
        let midnight = election.voting_day.and_time(NaiveTime::MIN);
        let start = zone
            .from_local_datetime(&midnight)
            .earliest()
            .map(|local| local.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&midnight));
        start + Duration::days(i64::from(self.day)) + Duration::minutes(i64::from(self.minutes))
    }

    pub fn plus_minutes(self, minutes: i64) -> StationTime {
        let total = i64::from(self.day) * 1440 + i64::from(self.minutes) + minutes;
        StationTime {
            day: i8::try_from(total.div_euclid(1440)).unwrap_or(i8::MAX),
            minutes: u16::try_from(total.rem_euclid(1440)).unwrap_or(0),
        }
    }

    /// As written in a scenario file.
    pub fn label(self) -> String {
        let clock = format!("{:02}:{:02}", self.minutes / 60, self.minutes % 60);
        match self.day {
            0 => clock,
            day if day > 0 => format!("+{day} {clock}"),
            day => format!("{day} {clock}"),
        }
    }
}

/// A kind of voter the scenario sends to the desk (the simulation's voter cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioVoter {
    Eligible,
    OtherDistrict,
    OwnDistrictOtherStation,
    RecentlyRegistered,
    FingerprintsFailTen,
    NeverRecognised,
    NotInRegister,
    AlreadyIdentified,
    DigitalPassport,
}

impl ScenarioVoter {
    pub const ALL: [(&'static str, ScenarioVoter); 9] = [
        ("eligible", ScenarioVoter::Eligible),
        ("other-district", ScenarioVoter::OtherDistrict),
        ("own-district-other-station", ScenarioVoter::OwnDistrictOtherStation),
        ("recently-registered", ScenarioVoter::RecentlyRegistered),
        ("fingerprints-fail-ten", ScenarioVoter::FingerprintsFailTen),
        ("never-recognised", ScenarioVoter::NeverRecognised),
        ("not-in-register", ScenarioVoter::NotInRegister),
        ("already-identified", ScenarioVoter::AlreadyIdentified),
        ("digital-passport", ScenarioVoter::DigitalPassport),
    ];

    pub fn name(self) -> &'static str {
        ScenarioVoter::ALL.iter().find(|(_, v)| *v == self).map(|(name, _)| *name).unwrap_or("eligible")
    }

    /// Only a remote-voting station serves voters of other districts and digital passports.
    pub fn remote_only(self) -> bool {
        matches!(self, ScenarioVoter::OtherDistrict | ScenarioVoter::OwnDistrictOtherStation | ScenarioVoter::DigitalPassport)
    }

    /// Whether this voter may be identified at a station of this kind (and must be, by
    /// the book). A voter registered at the address too recently is no member of the
    /// district's community for remote voting (R3.1) but votes at the station whose list
    /// holds them.
    pub fn may_vote(self, station: StationKind) -> bool {
        match self {
            ScenarioVoter::Eligible
            | ScenarioVoter::OtherDistrict
            | ScenarioVoter::FingerprintsFailTen
            | ScenarioVoter::DigitalPassport => true,
            ScenarioVoter::RecentlyRegistered => station != StationKind::RemoteVoting,
            _ => false,
        }
    }
}

/// What happens at a moment of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "do", rename_all = "kebab-case")]
pub enum Happening {
    /// A simulated device breaks.
    DeviceFault { device: String, fault: String },
    /// A simulated device is repaired (a jam cleared, paper loaded).
    DeviceRepair { device: String },
    /// The light goes out for `minutes` (§6).
    PowerCut { minutes: u32 },
    /// A simulated voter of this kind comes to the desk.
    Voter { case: ScenarioVoter },
    /// A voter brings back a spoiled ballot and asks for a duplicate (R4.4): the last
    /// ballot printed, or (`again`) the ballot that already had its duplicate.
    SpoiledBallot { again: bool },
    /// The urn counts `ballots` ballots of option `from` as `to` in `contest`.
    AeuMiscount { device: String, contest: String, from: String, to: String, ballots: u32 },
    /// The portable box holds `extra` ballots more than voters it served (§54).
    PortableBoxExcess { extra: u32 },
    /// An observer demands a recount of a contest (§62).
    RecountDemand { observer: String, contest: String },
    /// A complaint filed at the final meeting (§64).
    Complaint { from: String, text: LocalizedText },
    /// A citizen of the Kyrgyz Republic asks to be registered as an international
    /// observer (seed 003: never a citizen).
    CitizenObserver { name: String, accreditation: String },
}

impl Happening {
    /// The kebab-case name, as written after `do =`.
    pub fn name(&self) -> &'static str {
        match self {
            Happening::DeviceFault { .. } => "device-fault",
            Happening::DeviceRepair { .. } => "device-repair",
            Happening::PowerCut { .. } => "power-cut",
            Happening::Voter { .. } => "voter",
            Happening::SpoiledBallot { .. } => "spoiled-ballot",
            Happening::AeuMiscount { .. } => "aeu-miscount",
            Happening::PortableBoxExcess { .. } => "portable-box-excess",
            Happening::RecountDemand { .. } => "recount-demand",
            Happening::Complaint { .. } => "complaint",
            Happening::CitizenObserver { .. } => "citizen-observer",
        }
    }

    pub const NAMES: [&'static str; 10] = [
        "device-fault",
        "device-repair",
        "power-cut",
        "voter",
        "spoiled-ballot",
        "aeu-miscount",
        "portable-box-excess",
        "recount-demand",
        "complaint",
        "citizen-observer",
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScenarioEvent {
    pub at: StationTime,
    pub happening: Happening,
}

/// A validated scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Scenario {
    pub id: String,
    pub demo: ScenarioDemo,
    pub stage: ScenarioStage,
    /// When the trainee takes over.
    pub starts: StationTime,
    /// The debrief's horizon: what is due by then is judged.
    pub ends: StationTime,
    /// Simulated voters served by the book between 08:00 and `starts`, with the turnout
    /// reports of that time, so that the count has ballots to count.
    pub voters_before: u32,
    /// Voters served outside the premises the day before with the portable box
    /// `portable-1` (regular station only).
    pub portable_voters: u32,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// In time order.
    pub events: Vec<ScenarioEvent>,
}

/// The portable box a scenario's out-of-premises voting uses.
pub const PORTABLE_BOX: &str = "portable-1";

// ---------------------------------------------------------------------------------------
// The loose shape of the file.

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawText {
    Same(String),
    Both { ky: Option<String>, ru: Option<String> },
}

#[derive(Debug, Default, Deserialize)]
struct RawScenario {
    format: Option<i64>,
    id: Option<String>,
    demo: Option<String>,
    stage: Option<String>,
    starts: Option<String>,
    ends: Option<String>,
    voters_before: Option<i64>,
    portable_voters: Option<i64>,
    title: Option<RawText>,
    description: Option<RawText>,
    #[serde(default)]
    events: Vec<BTreeMap<String, toml::Value>>,
}

/// Every problem of a training file, each naming its field.
pub(crate) struct Problems(pub Vec<DomainError>);

impl Problems {
    pub fn add(&mut self, code: &'static str, message_id: &'static str, field: &str) -> &mut DomainError {
        self.0.push(DomainError::new(code, message_id).with("field", field));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    pub fn missing(&mut self, field: &str) {
        self.add("training.missing-field", "training-error-missing-field", field);
    }

    pub fn bad_value(&mut self, field: &str, value: &str, allowed: &[&str]) {
        let problem = self.add("training.bad-value", "training-error-bad-value", field);
        problem.args.insert("value".into(), value.to_owned().into());
        problem.args.insert("allowed".into(), allowed.join(", ").into());
    }

    pub fn required_text(&mut self, value: Option<&str>, field: &str) -> String {
        match value.map(str::trim) {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => {
                self.missing(field);
                String::new()
            }
        }
    }

    pub fn localized(&mut self, value: &Option<RawText>, field: &str) -> LocalizedText {
        match value {
            Some(RawText::Same(text)) if !text.trim().is_empty() => {
                LocalizedText { ky: text.trim().to_owned(), ru: text.trim().to_owned() }
            }
            Some(RawText::Both { ky, ru }) => LocalizedText {
                ky: self.required_text(ky.as_deref(), &format!("{field}.ky")),
                ru: self.required_text(ru.as_deref(), &format!("{field}.ru")),
            },
            _ => {
                self.missing(field);
                LocalizedText { ky: String::new(), ru: String::new() }
            }
        }
    }

    pub fn choice<T: Copy>(&mut self, value: Option<&str>, field: &str, table: &[(&'static str, T)]) -> Option<T> {
        let Some(given) = value else {
            self.missing(field);
            return None;
        };
        match table.iter().find(|(name, _)| *name == given.trim()) {
            Some((_, value)) => Some(*value),
            None => {
                let allowed: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
                self.bad_value(field, given, &allowed);
                None
            }
        }
    }

    pub fn time(&mut self, value: Option<&str>, field: &str) -> Option<StationTime> {
        let Some(text) = value else {
            self.missing(field);
            return None;
        };
        let parsed = StationTime::parse(text);
        if parsed.is_none() {
            self.add("training.bad-time", "training-error-bad-time", field).args.insert("value".into(), text.to_owned().into());
        }
        parsed
    }

    pub fn number(&mut self, value: Option<i64>, field: &str, min: i64, max: i64, default: Option<i64>) -> i64 {
        match value.or(default) {
            None => {
                self.missing(field);
                min
            }
            Some(number) if (min..=max).contains(&number) => number,
            Some(number) => {
                let problem = self.add("training.out-of-range", "training-error-out-of-range", field);
                problem.args.insert("value".into(), number.into());
                problem.args.insert("min".into(), min.into());
                problem.args.insert("max".into(), max.into());
                min
            }
        }
    }

    pub fn format(&mut self, format: Option<i64>) {
        match format {
            None => self.missing("format"),
            Some(version) if version == i64::from(FORMAT_VERSION) => {}
            Some(version) => {
                let problem = self.add("training.format-version", "training-error-format-version", "format");
                problem.args.insert("value".into(), version.into());
                problem.args.insert("supported".into(), i64::from(FORMAT_VERSION).into());
            }
        }
    }

    pub fn id(&mut self, value: Option<&str>, field: &str) -> String {
        let id = self.required_text(value, field);
        if !id.is_empty() && !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            self.add("training.bad-id", "training-error-bad-id", field).args.insert("value".into(), id.clone().into());
        }
        id
    }
}

/// A field of a loose table: its text, its integer, its boolean.
pub(crate) struct Fields<'a> {
    pub table: &'a BTreeMap<String, toml::Value>,
    pub path: String,
}

impl Fields<'_> {
    pub fn field(&self, name: &str) -> String {
        format!("{}.{name}", self.path)
    }

    pub fn text(&self, name: &str, problems: &mut Problems) -> Option<String> {
        match self.table.get(name) {
            None => None,
            Some(toml::Value::String(text)) => Some(text.clone()),
            Some(other) => {
                problems.bad_value(&self.field(name), &other.to_string(), &["\"…\""]);
                Some(String::new())
            }
        }
    }

    pub fn integer(&self, name: &str, problems: &mut Problems) -> Option<i64> {
        match self.table.get(name) {
            None => None,
            Some(toml::Value::Integer(number)) => Some(*number),
            Some(other) => {
                problems.bad_value(&self.field(name), &other.to_string(), &["0, 1, 2, …"]);
                Some(-1)
            }
        }
    }

    pub fn boolean(&self, name: &str, problems: &mut Problems) -> Option<bool> {
        match self.table.get(name) {
            None => None,
            Some(toml::Value::Boolean(value)) => Some(*value),
            Some(other) => {
                problems.bad_value(&self.field(name), &other.to_string(), &["true", "false"]);
                None
            }
        }
    }

    pub fn localized(&self, name: &str, problems: &mut Problems) -> LocalizedText {
        let raw = self.table.get(name).and_then(|value| value.clone().try_into::<RawText>().ok());
        problems.localized(&raw, &self.field(name))
    }

    pub fn required(&self, name: &str, problems: &mut Problems) -> String {
        let text = self.text(name, problems);
        problems.required_text(text.as_deref(), &self.field(name))
    }

    pub fn one_of(&self, name: &str, allowed: &[&str], problems: &mut Problems) -> String {
        let text = self.required(name, problems);
        if !text.is_empty() && !allowed.contains(&text.as_str()) {
            problems.bad_value(&self.field(name), &text, allowed);
        }
        text
    }
}

/// Parses and validates a scenario; on failure, every problem found, each naming its
/// field. Ids of contests and options are checked against the demo's election by
/// [`check_against`].
pub fn parse_scenario(text: &str) -> Result<Scenario, Vec<DomainError>> {
    let raw: RawScenario = crate::toml_text::parse(text, "training.syntax", "training-error-syntax")?;
    let mut problems = Problems(Vec::new());
    problems.format(raw.format);
    let id = problems.id(raw.id.as_deref(), "id");
    let demo = problems.choice(raw.demo.as_deref(), "demo", &ScenarioDemo::ALL);
    let stage = problems.choice(raw.stage.as_deref(), "stage", &ScenarioStage::ALL);
    let starts = problems.time(raw.starts.as_deref(), "starts");
    let ends = problems.time(raw.ends.as_deref(), "ends");
    let voters_before = problems.number(raw.voters_before, "voters_before", 0, MAX_VOTERS_BEFORE, Some(0));
    let portable_voters = problems.number(raw.portable_voters, "portable_voters", 0, MAX_PORTABLE_VOTERS, Some(0));
    let title = problems.localized(&raw.title, "title");
    let description = problems.localized(&raw.description, "description");

    let window_start = StationTime::new(-1, 0, 0);
    let window_end = StationTime::new(1, 8, 0);
    let in_window = |problems: &mut Problems, time: Option<StationTime>, field: &str| {
        if let Some(time) = time
            && (time < window_start || time > window_end)
        {
            problems
                .add("training.outside-day", "training-error-outside-day", field)
                .args
                .insert("value".into(), time.label().into());
        }
    };
    in_window(&mut problems, starts, "starts");
    in_window(&mut problems, ends, "ends");
    if let (Some(starts), Some(ends)) = (starts, ends)
        && ends <= starts
    {
        problems.add("training.ends-before-start", "training-error-ends-before-start", "ends");
    }
    let polls_open = StationTime::new(0, 8, 0);
    if let (Some(ScenarioStage::PollsOpen), Some(starts)) = (stage, starts)
        && starts < polls_open
    {
        problems.add("training.starts-before-polls", "training-error-starts-before-polls", "starts");
    }
    if voters_before > 0 && stage == Some(ScenarioStage::Start) {
        problems.add("training.voters-before-at-start", "training-error-voters-before-at-start", "voters_before");
    }
    if portable_voters > 0 && demo == Some(ScenarioDemo::Remote) {
        problems.add("training.portable-at-remote", "training-error-portable-at-remote", "portable_voters");
    }
    if portable_voters > 0 && stage == Some(ScenarioStage::Start) {
        problems.add("training.portable-at-start", "training-error-portable-at-start", "portable_voters");
    }

    let mut events = Vec::new();
    let mut previous: Option<StationTime> = None;
    for (index, table) in raw.events.iter().enumerate() {
        let fields = Fields { table, path: format!("events[{}]", index + 1) };
        let at = fields.text("at", &mut problems);
        let at = problems.time(at.as_deref(), &fields.field("at"));
        if let Some(at) = at {
            if starts.is_some_and(|starts| at < starts) || ends.is_some_and(|ends| at > ends) {
                problems
                    .add("training.event-outside-scenario", "training-error-event-outside-scenario", &fields.field("at"))
                    .args
                    .insert("value".into(), at.label().into());
            }
            if previous.is_some_and(|previous| at < previous) {
                problems.add("training.events-out-of-order", "training-error-events-out-of-order", &fields.field("at"));
            }
            previous = Some(at);
        }
        let happening = happening(&fields, &mut problems, demo, portable_voters);
        if let (Some(at), Some(happening)) = (at, happening) {
            events.push(ScenarioEvent { at, happening });
        }
    }

    match (demo, stage, starts, ends) {
        (Some(demo), Some(stage), Some(starts), Some(ends)) if problems.0.is_empty() => Ok(Scenario {
            id,
            demo,
            stage,
            starts,
            ends,
            voters_before: u32::try_from(voters_before).unwrap_or(0),
            portable_voters: u32::try_from(portable_voters).unwrap_or(0),
            title,
            description,
            events,
        }),
        _ => Err(problems.0),
    }
}

fn happening(
    fields: &Fields<'_>,
    problems: &mut Problems,
    demo: Option<ScenarioDemo>,
    portable_voters: i64,
) -> Option<Happening> {
    let kind = fields.text("do", problems);
    let kind = problems.required_text(kind.as_deref(), &fields.field("do"));
    if kind.is_empty() {
        return None;
    }
    let remote_only = |problems: &mut Problems, field: &str| {
        if demo == Some(ScenarioDemo::City) {
            problems.add("training.remote-only", "training-error-remote-only", field);
        }
    };
    let happening = match kind.as_str() {
        "device-fault" => Happening::DeviceFault {
            device: fields.one_of("device", &DEVICES, problems),
            fault: fields.one_of("fault", &FAULTS, problems),
        },
        "device-repair" => Happening::DeviceRepair { device: fields.one_of("device", &DEVICES, problems) },
        "power-cut" => {
            let minutes = fields.integer("minutes", problems);
            Happening::PowerCut {
                minutes: u32::try_from(problems.number(minutes, &fields.field("minutes"), 1, MAX_POWER_CUT_MINUTES, None))
                    .unwrap_or(1),
            }
        }
        "voter" => {
            let case = fields.text("case", problems);
            let case = problems.choice(case.as_deref(), &fields.field("case"), &ScenarioVoter::ALL)?;
            if case.remote_only() {
                remote_only(problems, &fields.field("case"));
            }
            Happening::Voter { case }
        }
        "spoiled-ballot" => {
            remote_only(problems, &fields.field("do"));
            Happening::SpoiledBallot { again: fields.boolean("again", problems).unwrap_or(false) }
        }
        "aeu-miscount" => {
            let ballots = fields.integer("ballots", problems);
            Happening::AeuMiscount {
                device: fields.one_of("device", &AEUS, problems),
                contest: fields.required("contest", problems),
                from: fields.required("from", problems),
                to: fields.required("to", problems),
                ballots: u32::try_from(problems.number(ballots, &fields.field("ballots"), 1, MAX_MISCOUNTED, None)).unwrap_or(1),
            }
        }
        "portable-box-excess" => {
            if portable_voters == 0 {
                problems.add("training.no-portable-box", "training-error-no-portable-box", &fields.field("do"));
            }
            let extra = fields.integer("extra", problems);
            Happening::PortableBoxExcess {
                extra: u32::try_from(problems.number(extra, &fields.field("extra"), 1, MAX_MISCOUNTED, Some(1))).unwrap_or(1),
            }
        }
        "recount-demand" => Happening::RecountDemand {
            observer: fields.required("observer", problems),
            contest: fields.required("contest", problems),
        },
        "complaint" => Happening::Complaint { from: fields.required("from", problems), text: fields.localized("text", problems) },
        "citizen-observer" => Happening::CitizenObserver {
            name: fields.required("name", problems),
            accreditation: fields.required("accreditation", problems),
        },
        other => {
            problems.bad_value(&fields.field("do"), other, &Happening::NAMES);
            return None;
        }
    };
    Some(happening)
}

/// The scenario's contests and options against its demo's election: every problem found.
pub fn check_against(scenario: &Scenario, election: &ElectionDefinition) -> Vec<DomainError> {
    let mut problems = Problems(Vec::new());
    if election.station.kind != scenario.demo.station_kind() {
        problems.add("training.wrong-demo", "training-error-wrong-demo", "demo");
    }
    let counted = crate::count::contests_counted_here(election);
    let contest = |problems: &mut Problems, id: &str, field: String| {
        let found = counted.iter().find(|c| c.id == id).copied();
        if found.is_none() {
            problems.add("training.unknown-contest", "training-error-unknown-contest", &field).args.insert("value".into(), id.to_owned().into());
        }
        found
    };
    for (index, event) in scenario.events.iter().enumerate() {
        let path = format!("events[{}]", index + 1);
        match &event.happening {
            Happening::AeuMiscount { contest: id, from, to, .. } => {
                if let Some(found) = contest(&mut problems, id, format!("{path}.contest")) {
                    for (name, option) in [("from", from), ("to", to)] {
                        if !found.options.iter().any(|o| &o.id == option) {
                            problems
                                .add("training.unknown-option", "training-error-unknown-option", &format!("{path}.{name}"))
                                .args
                                .insert("value".into(), option.clone().into());
                        }
                    }
                }
            }
            Happening::RecountDemand { contest: id, .. } => {
                contest(&mut problems, id, format!("{path}.contest"));
            }
            _ => {}
        }
    }
    problems.0
}

impl Scenario {
    pub fn starts_at(&self, election: &ElectionDefinition) -> DateTime<Utc> {
        self.starts.instant(election)
    }

    pub fn ends_at(&self, election: &ElectionDefinition) -> DateTime<Utc> {
        self.ends.instant(election)
    }
}

/// A happening's arguments for its description in words (`training-happening-<do>`).
pub fn happening_args(happening: &Happening, election: &ElectionDefinition, language: &str) -> BTreeMap<String, MessageArg> {
    let designation = |contest: &str| {
        election.contests.iter().find(|c| c.id == contest).map(|c| c.designation.clone()).unwrap_or_else(|| contest.to_owned())
    };
    let option_name = |contest: &str, option: &str| {
        election
            .contests
            .iter()
            .find(|c| c.id == contest)
            .and_then(|c| c.options.iter().find(|o| o.id == option))
            .map(|o| o.name.get(language).to_owned())
            .unwrap_or_else(|| option.to_owned())
    };
    let mut args: BTreeMap<String, MessageArg> = BTreeMap::new();
    let mut put = |name: &str, value: MessageArg| {
        args.insert(name.to_owned(), value);
    };
    match happening {
        Happening::DeviceFault { device, fault } => {
            put("device", device.clone().into());
            put("fault", fault.clone().into());
        }
        Happening::DeviceRepair { device } => put("device", device.clone().into()),
        Happening::PowerCut { minutes } => put("minutes", i64::from(*minutes).into()),
        Happening::Voter { case } => put("case", case.name().into()),
        Happening::SpoiledBallot { again } => put("again", if *again { "yes" } else { "no" }.into()),
        Happening::AeuMiscount { device, contest, from, to, ballots } => {
            put("device", device.clone().into());
            put("contest", designation(contest).into());
            put("from", option_name(contest, from).into());
            put("to", option_name(contest, to).into());
            put("ballots", i64::from(*ballots).into());
        }
        Happening::PortableBoxExcess { extra } => {
            put("box", PORTABLE_BOX.into());
            put("extra", i64::from(*extra).into());
        }
        Happening::RecountDemand { observer, contest } => {
            put("observer", observer.clone().into());
            put("contest", designation(contest).into());
        }
        Happening::Complaint { from, text } => {
            put("from", from.clone().into());
            put("text", text.get(language).to_owned().into());
        }
        Happening::CitizenObserver { name, accreditation } => {
            put("name", name.clone().into());
            put("accreditation", accreditation.clone().into());
        }
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn station_times_parse_and_print_back() {
        for text in ["10:30", "-1 08:00", "+1 06:00", "00:00", "23:59"] {
            let time = StationTime::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(time.label(), text);
        }
        for bad in ["24:00", "9:30", "10:60", "+2 06:00", "tomorrow", "", "10-30"] {
            assert_eq!(StationTime::parse(bad), None, "{bad}");
        }
        assert_eq!(StationTime::new(0, 23, 50).plus_minutes(20), StationTime::new(1, 0, 10));
        assert!(StationTime::new(-1, 23, 0) < StationTime::new(0, 1, 0));
    }
}
