//! The election definition: what changes from one election to the next, kept as data.
//!
//! The file format is TOML, documented in `docs/election-definition.md`. Parsing goes in
//! two steps: serde reads the text into loose `Raw*` structs (every field optional, enums
//! as strings), then [`validate`] turns them into the typed [`ElectionDefinition`] and
//! names every bad field with its own message, so a commission member sees all the
//! problems of a file at once, in their language.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::DomainError;

/// The version of the definition format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A text in both languages of the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LocalizedText {
    pub ky: String,
    pub ru: String,
}

impl LocalizedText {
    pub fn get(&self, language: &str) -> &str {
        if language == "ru" { &self.ru } else { &self.ky }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ElectionKind {
    /// Jogorku Kenesh, candidates in multi-mandate districts (2025 rules).
    JogorkuKeneshDistricts,
    /// Jogorku Kenesh, party lists (2020 rules, §44, §58).
    JogorkuKeneshPartyLists,
    /// Local council: city councils by party lists, aiyl councils by candidates.
    LocalCouncil,
    Presidential,
    Referendum,
}

impl ElectionKind {
    pub const ALL: [(&'static str, ElectionKind); 5] = [
        ("jogorku-kenesh-districts", ElectionKind::JogorkuKeneshDistricts),
        ("jogorku-kenesh-party-lists", ElectionKind::JogorkuKeneshPartyLists),
        ("local-council", ElectionKind::LocalCouncil),
        ("presidential", ElectionKind::Presidential),
        ("referendum", ElectionKind::Referendum),
    ];

    /// Days of registration in a community that make a voter its member (R3.1; local
    /// elections: 60, L).
    pub fn default_community_registration_days(self) -> u32 {
        match self {
            ElectionKind::LocalCouncil => 60,
            _ => 90,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum StationKind {
    Regular,
    RemoteVoting,
    Abroad,
}

impl StationKind {
    pub const ALL: [(&'static str, StationKind); 3] = [
        ("regular", StationKind::Regular),
        ("remote-voting", StationKind::RemoteVoting),
        ("abroad", StationKind::Abroad),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum OptionKind {
    Candidate,
    Party,
    /// An answer to a referendum question.
    Answer,
    /// «Баарына каршы» / «Против всех».
    AgainstAll,
}

impl OptionKind {
    pub const ALL: [(&'static str, OptionKind); 4] = [
        ("candidate", OptionKind::Candidate),
        ("party", OptionKind::Party),
        ("answer", OptionKind::Answer),
        ("against-all", OptionKind::AgainstAll),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Chair,
    DeputyChair,
    Secretary,
    Member,
}

impl Role {
    pub const ALL: [(&'static str, Role); 4] = [
        ("chair", Role::Chair),
        ("deputy-chair", Role::DeputyChair),
        ("secretary", Role::Secretary),
        ("member", Role::Member),
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BallotOption {
    pub id: String,
    pub kind: OptionKind,
    pub name: LocalizedText,
}

/// A contest: one ballot. For Jogorku Kenesh 2025 a multi-mandate district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Contest {
    pub id: String,
    /// The district's designation printed on its ballot, e.g. «№ 3».
    pub designation: String,
    pub name: LocalizedText,
    pub options: Vec<BallotOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Station {
    pub number: String,
    pub kind: StationKind,
    /// The contest (district) the station belongs to; a remote-voting station serves
    /// every district but still sits in one.
    pub district: String,
    pub address: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CommissionMember {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// A validated election definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ElectionDefinition {
    pub id: String,
    pub name: LocalizedText,
    pub kind: ElectionKind,
    /// A mock election for training: every screen and page says so (issue 9).
    pub training: bool,
    #[ts(type = "string")]
    pub voting_day: NaiveDate,
    /// IANA time zone of the station, e.g. `Asia/Bishkek` (abroad: the host country's).
    pub timezone: String,
    pub community_registration_days: u32,
    pub contests: Vec<Contest>,
    pub station: Station,
    pub commission: Vec<CommissionMember>,
}

impl ElectionDefinition {
    pub fn tz(&self) -> chrono_tz::Tz {
        // validate() proved the zone parses; UTC is only a fallback for hand-built values.
        self.timezone.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn member(&self, role: Role) -> Option<&CommissionMember> {
        self.commission.iter().find(|m| m.role == role)
    }
}

// ---------------------------------------------------------------------------------------
// The loose shape of the file.

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawText {
    Same(String),
    Both { ky: Option<String>, ru: Option<String> },
}

#[derive(Debug, Default, Deserialize)]
struct RawDefinition {
    format: Option<i64>,
    id: Option<String>,
    name: Option<RawText>,
    kind: Option<String>,
    training: Option<bool>,
    /// A string `"2025-11-30"` or a bare TOML date `2025-11-30`.
    voting_day: Option<toml::Value>,
    timezone: Option<String>,
    community_registration_days: Option<i64>,
    #[serde(default)]
    contests: Vec<RawContest>,
    station: Option<RawStation>,
    #[serde(default)]
    commission: Vec<RawMember>,
}

#[derive(Debug, Default, Deserialize)]
struct RawContest {
    id: Option<String>,
    designation: Option<String>,
    name: Option<RawText>,
    #[serde(default)]
    options: Vec<RawOption>,
}

#[derive(Debug, Default, Deserialize)]
struct RawOption {
    id: Option<String>,
    kind: Option<String>,
    name: Option<RawText>,
}

#[derive(Debug, Default, Deserialize)]
struct RawStation {
    number: Option<String>,
    kind: Option<String>,
    district: Option<String>,
    address: Option<RawText>,
}

#[derive(Debug, Default, Deserialize)]
struct RawMember {
    id: Option<String>,
    name: Option<String>,
    role: Option<String>,
}

/// Parses and validates a definition; on failure, every problem found, each naming its
/// field.
pub fn parse_definition(text: &str) -> Result<ElectionDefinition, Vec<DomainError>> {
    let raw: RawDefinition = crate::toml_text::parse(text, "election.syntax", "election-error-syntax")?;
    validate(raw)
}

struct Problems(Vec<DomainError>);

impl Problems {
    fn add(&mut self, code: &'static str, message_id: &'static str, field: &str) -> &mut DomainError {
        self.0.push(DomainError::new(code, message_id).with("field", field));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    fn missing(&mut self, field: &str) {
        self.add("election.missing-field", "election-error-missing-field", field);
    }

    fn required_text(&mut self, value: &Option<String>, field: &str) -> String {
        match value.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => {
                self.missing(field);
                String::new()
            }
        }
    }

    fn localized(&mut self, value: &Option<RawText>, field: &str) -> LocalizedText {
        match value {
            Some(RawText::Same(text)) if !text.trim().is_empty() => {
                LocalizedText { ky: text.trim().to_owned(), ru: text.trim().to_owned() }
            }
            Some(RawText::Both { ky, ru }) => LocalizedText {
                ky: self.required_text(ky, &format!("{field}.ky")),
                ru: self.required_text(ru, &format!("{field}.ru")),
            },
            _ => {
                self.missing(field);
                LocalizedText { ky: String::new(), ru: String::new() }
            }
        }
    }

    fn choice<T: Copy>(
        &mut self,
        value: &Option<String>,
        field: &str,
        table: &[(&'static str, T)],
        code: &'static str,
        message_id: &'static str,
    ) -> Option<T> {
        let Some(given) = value.as_deref() else {
            self.missing(field);
            return None;
        };
        match table.iter().find(|(name, _)| *name == given.trim()) {
            Some((_, value)) => Some(*value),
            None => {
                let allowed: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
                self.add(code, message_id, field)
                    .args
                    .extend([
                        ("value".to_owned(), given.to_owned().into()),
                        ("allowed".to_owned(), allowed.join(", ").into()),
                    ]);
                None
            }
        }
    }
}

fn validate(raw: RawDefinition) -> Result<ElectionDefinition, Vec<DomainError>> {
    let mut problems = Problems(Vec::new());

    match raw.format {
        None => problems.missing("format"),
        Some(version) if version == i64::from(FORMAT_VERSION) => {}
        Some(version) => {
            problems
                .add("election.format-version", "election-error-format-version", "format")
                .args
                .extend([
                    ("value".to_owned(), version.into()),
                    ("supported".to_owned(), i64::from(FORMAT_VERSION).into()),
                ]);
        }
    }

    let id = problems.required_text(&raw.id, "id");
    let name = problems.localized(&raw.name, "name");
    let kind = problems.choice(
        &raw.kind,
        "kind",
        &ElectionKind::ALL,
        "election.unknown-kind",
        "election-error-unknown-kind",
    );

    let voting_day = match &raw.voting_day {
        None => {
            problems.missing("voting_day");
            None
        }
        Some(value) => match parse_date(value) {
            Ok(date) => Some(date),
            Err(text) => {
                problems
                    .add("election.bad-date", "election-error-bad-date", "voting_day")
                    .args
                    .insert("value".to_owned(), text.into());
                None
            }
        },
    };

    let timezone = match raw.timezone.as_deref() {
        None => {
            problems.missing("timezone");
            String::new()
        }
        Some(text) => match text.trim().parse::<chrono_tz::Tz>() {
            Ok(zone) => zone.name().to_owned(),
            Err(_) => {
                problems
                    .add("election.bad-timezone", "election-error-bad-timezone", "timezone")
                    .args
                    .insert("value".to_owned(), text.to_owned().into());
                String::new()
            }
        },
    };

    let community_registration_days = match raw.community_registration_days {
        None => kind.map(ElectionKind::default_community_registration_days).unwrap_or(90),
        Some(days) if (1..=3650).contains(&days) => u32::try_from(days).unwrap_or(90),
        Some(days) => {
            problems
                .add(
                    "election.bad-registration-days",
                    "election-error-bad-registration-days",
                    "community_registration_days",
                )
                .args
                .insert("value".to_owned(), days.into());
            90
        }
    };

    if raw.contests.is_empty() {
        problems.add("election.no-contests", "election-error-no-contests", "contests");
    }
    let mut contest_ids = BTreeSet::new();
    let mut contests = Vec::with_capacity(raw.contests.len());
    for (index, raw_contest) in raw.contests.iter().enumerate() {
        let field = format!("contests[{}]", index + 1);
        let contest_id = problems.required_text(&raw_contest.id, &format!("{field}.id"));
        if !contest_id.is_empty() && !contest_ids.insert(contest_id.clone()) {
            problems
                .add("election.duplicate-contest", "election-error-duplicate-contest", &format!("{field}.id"))
                .args
                .insert("id".to_owned(), contest_id.clone().into());
        }
        let designation =
            problems.required_text(&raw_contest.designation, &format!("{field}.designation"));
        let contest_name = problems.localized(&raw_contest.name, &format!("{field}.name"));
        let options = validate_options(&mut problems, raw_contest, &field, kind);
        contests.push(Contest { id: contest_id, designation, name: contest_name, options });
    }

    let station = match &raw.station {
        None => {
            problems.missing("station");
            None
        }
        Some(raw_station) => {
            let number = problems.required_text(&raw_station.number, "station.number");
            let station_kind = problems.choice(
                &raw_station.kind,
                "station.kind",
                &StationKind::ALL,
                "election.unknown-station-kind",
                "election-error-unknown-station-kind",
            );
            let district = match raw_station.district.as_deref().map(str::trim) {
                Some(district) if !district.is_empty() => {
                    if !contest_ids.contains(district) {
                        problems
                            .add(
                                "election.unknown-district",
                                "election-error-unknown-district",
                                "station.district",
                            )
                            .args
                            .insert("value".to_owned(), district.to_owned().into());
                    }
                    district.to_owned()
                }
                _ => {
                    problems.add(
                        "election.missing-district",
                        "election-error-missing-district",
                        "station.district",
                    );
                    String::new()
                }
            };
            let address = problems.localized(&raw_station.address, "station.address");
            station_kind.map(|kind| Station { number, kind, district, address })
        }
    };

    let commission = validate_commission(&mut problems, &raw.commission);

    match (problems.0.is_empty(), kind, voting_day, station) {
        (true, Some(kind), Some(voting_day), Some(station)) => Ok(ElectionDefinition {
            id,
            name,
            kind,
            training: raw.training.unwrap_or(false),
            voting_day,
            timezone,
            community_registration_days,
            contests,
            station,
            commission,
        }),
        _ => Err(problems.0),
    }
}

/// A voting day written as a string or as a bare TOML local date (no time, no offset);
/// on failure, the value as written, for the message.
fn parse_date(value: &toml::Value) -> Result<NaiveDate, String> {
    match value {
        toml::Value::String(text) => {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| text.clone())
        }
        toml::Value::Datetime(toml::value::Datetime { date: Some(date), time: None, offset: None }) => {
            NaiveDate::from_ymd_opt(i32::from(date.year), u32::from(date.month), u32::from(date.day))
                .ok_or_else(|| value.to_string())
        }
        other => Err(other.to_string()),
    }
}

fn validate_options(
    problems: &mut Problems,
    raw_contest: &RawContest,
    field: &str,
    kind: Option<ElectionKind>,
) -> Vec<BallotOption> {
    let mut option_ids = BTreeSet::new();
    let mut option_names = BTreeSet::new();
    let mut options = Vec::with_capacity(raw_contest.options.len());
    for (index, raw_option) in raw_contest.options.iter().enumerate() {
        let option_field = format!("{field}.options[{}]", index + 1);
        let id = problems.required_text(&raw_option.id, &format!("{option_field}.id"));
        let option_kind = problems.choice(
            &raw_option.kind,
            &format!("{option_field}.kind"),
            &OptionKind::ALL,
            "election.unknown-option-kind",
            "election-error-unknown-option-kind",
        );
        let name = problems.localized(&raw_option.name, &format!("{option_field}.name"));
        let duplicate_id = !id.is_empty() && !option_ids.insert(id.clone());
        let duplicate_name = !name.ru.is_empty() && !option_names.insert(name.ru.to_lowercase());
        if duplicate_id || duplicate_name {
            problems
                .add("election.duplicate-option", "election-error-duplicate-option", &option_field)
                .args
                .insert("value".to_owned(), if duplicate_id { id.clone() } else { name.ru.clone() }.into());
        }
        if let Some(option_kind) = option_kind {
            options.push(BallotOption { id, kind: option_kind, name });
        }
    }

    let against_all = options.iter().filter(|o| o.kind == OptionKind::AgainstAll).count();
    let referendum = kind == Some(ElectionKind::Referendum);
    if referendum && against_all > 0 {
        problems.add(
            "election.against-all-in-referendum",
            "election-error-against-all-in-referendum",
            &format!("{field}.options"),
        );
    } else if !referendum && kind.is_some() && against_all != 1 {
        problems
            .add("election.against-all-count", "election-error-against-all-count", &format!("{field}.options"))
            .args
            .insert("count".to_owned(), against_all.into());
    }
    let choices = options.iter().filter(|o| o.kind != OptionKind::AgainstAll).count();
    let needed = if referendum { 2 } else { 1 };
    if choices < needed {
        problems
            .add("election.too-few-options", "election-error-too-few-options", &format!("{field}.options"))
            .args
            .insert("needed".to_owned(), needed.into());
    }
    options
}

fn validate_commission(problems: &mut Problems, raw: &[RawMember]) -> Vec<CommissionMember> {
    let mut ids = BTreeSet::new();
    let mut commission = Vec::with_capacity(raw.len());
    for (index, raw_member) in raw.iter().enumerate() {
        let field = format!("commission[{}]", index + 1);
        let id = problems.required_text(&raw_member.id, &format!("{field}.id"));
        if !id.is_empty() && !ids.insert(id.clone()) {
            problems
                .add("election.duplicate-member", "election-error-duplicate-member", &format!("{field}.id"))
                .args
                .insert("value".to_owned(), id.clone().into());
        }
        let name = problems.required_text(&raw_member.name, &format!("{field}.name"));
        let role = problems.choice(
            &raw_member.role,
            &format!("{field}.role"),
            &Role::ALL,
            "election.unknown-role",
            "election-error-unknown-role",
        );
        if let Some(role) = role {
            commission.push(CommissionMember { id, name, role });
        }
    }
    for (role, label) in [(Role::Chair, "chair"), (Role::Secretary, "secretary")] {
        let count = commission.iter().filter(|m| m.role == role).count();
        if count != 1 {
            problems
                .add("election.role-count", "election-error-role-count", "commission")
                .args
                .extend([("role".to_owned(), label.into()), ("count".to_owned(), count.into())]);
        }
    }
    commission
}
