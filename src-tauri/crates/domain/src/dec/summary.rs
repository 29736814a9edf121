//! The summary table (жыйынды таблица, §73–74) of the commission's district: a row per
//! registered station with its protocol's figures for the district's contest, a section
//! per protocol form (polling stations; remote voting, R5.5) with its totals, the
//! district's totals, and every discrepancy flagged with its reason ([`Flag`]):
//!
//! - a control relation of the form that the station's figures break (§63);
//! - the AEU's preliminary figures differing from the manual count where no recount
//!   explains it (§56, §62);
//! - a station with no valid bundle (missing, perhaps after refused ones);
//! - a delivery after 06:00 the day after voting day (§67; abroad 7 days, A9.1), by the
//!   station journal's delivery, else by the import;
//! - a later valid bundle that differs from the one in force (a conflict to resolve);
//! - results without the district's contest, or with other options than the election's.
//!
//! Rows set aside (§80, R5.9) stay in the table, marked, and are left out of the totals;
//! a flagged row is counted until the commission decides otherwise. A recount made at
//! the station (§62) or ordered by a higher commission (§78) marks the row "Recount".

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DecSetup, DecState, DecStation, SetAside};
use crate::count::{self, AeuDifference, CountFigures};
use crate::election::{Contest, ElectionDefinition, StationKind};
use crate::error::MessageArg;
use crate::protocol::{self, ContestProtocol, ProtocolForm, Violation};

type Args = BTreeMap<String, MessageArg>;

/// Why a row needs the commission's attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Flag {
    /// A control relation of the form is broken (§63).
    Relation { violation: Violation },
    /// The AEU's preliminary figures differ from the manual count and no recount was
    /// made (§56, §62): every line that differs.
    AeuDiffers { differences: Vec<AeuDifference> },
    /// Registered, but no valid bundle: `refused` bundles of it were refused.
    Missing { refused: u32 },
    /// Delivered after the deadline (§67).
    Late {
        #[ts(type = "string")]
        delivered_at: DateTime<Utc>,
        #[ts(type = "string")]
        deadline: DateTime<Utc>,
        /// The time is the journal's delivery (§67), else the import's.
        from_journal: bool,
    },
    /// Later valid bundles that differ from the one in force, by their export numbers.
    Conflict {
        #[ts(type = "number[]")]
        sequences: Vec<u64>,
    },
    /// The station's results have no figures for the district's contest.
    NoContest,
    /// The station's figures follow another form or other options than the election's.
    FormDiffers,
}

impl Flag {
    /// A stable code, e.g. `dec.flag.relation`.
    pub fn code(&self) -> &'static str {
        match self {
            Flag::Relation { .. } => "dec.flag.relation",
            Flag::AeuDiffers { .. } => "dec.flag.aeu",
            Flag::Missing { .. } => "dec.flag.missing",
            Flag::Late { .. } => "dec.flag.late",
            Flag::Conflict { .. } => "dec.flag.conflict",
            Flag::NoContest => "dec.flag.no-contest",
            Flag::FormDiffers => "dec.flag.form-differs",
        }
    }

    /// The short name of the flag's kind (message `dec-flag-kind-<name>`).
    pub fn kind(&self) -> &'static str {
        self.code().trim_start_matches("dec.flag.")
    }

    /// The reason in words: a message of `locales/*/dec.ftl` (or, for a control
    /// relation, `protocol.ftl`) and its arguments, lines and options named in
    /// `language` (`ky` or `ru`).
    pub fn explain(&self, election: &ElectionDefinition, contest: &str, form: Option<&ProtocolForm>, language: &str) -> (&'static str, Args) {
        let mut args = Args::new();
        let zone = election.tz();
        let local = |at: DateTime<Utc>| at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string();
        let message = match self {
            Flag::Relation { violation } => match form {
                Some(form) => return violation.explain(form, language),
                None => {
                    args.insert("relation".into(), violation.relation.as_str().into());
                    "dec-flag-relation"
                }
            },
            Flag::AeuDiffers { differences } => {
                let contest = election.contests.iter().find(|c| c.id == contest);
                let invalid_label = form
                    .and_then(|f| f.line("ballots-invalid"))
                    .map_or_else(|| "ballots-invalid".to_owned(), |line| line.label.get(language).to_owned());
                let mut details = Vec::new();
                let (mut aeu_processed, mut manual_processed) = (None, None);
                for difference in differences {
                    match difference.field.as_str() {
                        "processed" => {
                            aeu_processed = Some(difference.aeu);
                            manual_processed = Some(difference.manual);
                        }
                        "invalid" => details.push(format!("«{invalid_label}» {} / {}", difference.aeu, difference.manual)),
                        field => {
                            let id = field.trim_start_matches("votes:");
                            let name = contest
                                .and_then(|c| c.options.iter().find(|o| o.id == id))
                                .map_or(id, |o| o.name.get(language));
                            details.push(format!("«{name}» {} / {}", difference.aeu, difference.manual));
                        }
                    }
                }
                args.insert("details".into(), details.join("; ").into());
                args.insert("processed".into(), if aeu_processed.is_some() { "differs" } else { "same" }.into());
                args.insert("aeu_processed".into(), number(aeu_processed.unwrap_or(0)));
                args.insert("manual_processed".into(), number(manual_processed.unwrap_or(0)));
                "dec-flag-aeu"
            }
            Flag::Missing { refused } => {
                args.insert("count".into(), MessageArg::Number(i64::from(*refused)));
                "dec-flag-missing"
            }
            Flag::Late { delivered_at, deadline, from_journal } => {
                args.insert("delivered".into(), local(*delivered_at).into());
                args.insert("deadline".into(), local(*deadline).into());
                args.insert("source".into(), if *from_journal { "journal" } else { "import" }.into());
                "dec-flag-late"
            }
            Flag::Conflict { sequences } => {
                args.insert("count".into(), sequences.len().into());
                let numbers: Vec<String> = sequences.iter().map(u64::to_string).collect();
                args.insert("sequences".into(), numbers.join(", ").into());
                "dec-flag-conflict"
            }
            Flag::NoContest => {
                let designation = election.contests.iter().find(|c| c.id == contest).map_or(contest, |c| c.designation.as_str());
                args.insert("contest".into(), designation.into());
                "dec-flag-no-contest"
            }
            Flag::FormDiffers => "dec-flag-form-differs",
        };
        (message, args)
    }
}

fn number(value: u64) -> MessageArg {
    MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

/// A row marked "Recount".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RecountMark {
    /// Demanded at the station's count (§62).
    AtStation,
    /// Ordered by a higher commission (§78).
    Ordered,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RowStatus {
    /// In the totals.
    Counted,
    /// Set aside (§80, R5.9): shown, not in the totals.
    SetAside,
    /// No valid bundle yet.
    Missing,
    /// A bundle, but no figures for this contest that can be summed.
    NotSummed,
}

/// One station in the summary table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StationRow {
    pub station: String,
    pub kind: Option<StationKind>,
    pub status: RowStatus,
    /// The form its figures follow.
    pub form: Option<String>,
    pub protocol: Option<ContestProtocol>,
    pub protocol_number: Option<u32>,
    #[ts(type = "number | null")]
    pub sequence: Option<u64>,
    #[ts(type = "string | null")]
    pub signed_at: Option<DateTime<Utc>>,
    #[ts(type = "string | null")]
    pub delivered_at: Option<DateTime<Utc>>,
    pub recount: Option<RecountMark>,
    pub set_aside: Option<SetAside>,
    pub flags: Vec<Flag>,
}

/// The rows of one protocol form and their totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Section {
    pub form: String,
    /// Remote-voting results (R5.5), summed apart from the polling stations'.
    pub remote: bool,
    /// The stations whose rows belong here, in the table's order.
    pub stations: Vec<String>,
    /// Rows in the totals.
    pub counted: u32,
    /// Line id → total of the counted rows.
    #[ts(type = "Record<string, number>")]
    pub lines: BTreeMap<String, u64>,
    /// Option id → total of the counted rows.
    #[ts(type = "Record<string, number>")]
    pub options: BTreeMap<String, u64>,
}

/// The district's totals over every counted row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Totals {
    pub registered: u32,
    pub received: u32,
    pub counted: u32,
    pub set_aside: u32,
    pub missing: u32,
    pub flagged: u32,
    #[ts(type = "number")]
    pub valid: u64,
    #[ts(type = "number")]
    pub invalid: u64,
    #[ts(type = "Record<string, number>")]
    pub options: BTreeMap<String, u64>,
}

/// The summary table of the district's contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Summary {
    pub contest: String,
    /// 06:00 the day after voting day (§67).
    #[ts(type = "string")]
    pub deadline: DateTime<Utc>,
    pub rows: Vec<StationRow>,
    pub sections: Vec<Section>,
    pub totals: Totals,
}

impl Summary {
    pub fn row(&self, station: &str) -> Option<&StationRow> {
        self.rows.iter().find(|row| row.station == station)
    }
}

/// Station numbers in the order people expect: by number when they are numbers.
fn station_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        _ => a.cmp(b),
    }
}

/// The AEU's lines against the protocol's figures (§56, §62).
fn aeu_differences(result: &crate::results::ContestResult, contest: &Contest) -> Vec<AeuDifference> {
    let Some(tally) = &result.aeu else { return Vec::new() };
    let manual = CountFigures {
        votes: result.protocol.options().clone(),
        invalid: result.protocol.line("ballots-invalid").unwrap_or(0),
        ..CountFigures::default()
    };
    count::aeu_differences(tally, &manual, contest)
}

fn row_of(setup: &DecSetup, contest: &Contest, known: &DecStation, refused: u32) -> StationRow {
    let mut row = StationRow {
        station: known.station.clone(),
        kind: None,
        status: RowStatus::Missing,
        form: None,
        protocol: None,
        protocol_number: None,
        sequence: None,
        signed_at: None,
        delivered_at: None,
        recount: None,
        set_aside: known.set_aside.clone(),
        flags: Vec::new(),
    };
    let Some(accepted) = &known.accepted else {
        row.flags.push(Flag::Missing { refused });
        return row;
    };
    let bundle = &accepted.bundle;
    let results = &bundle.results;
    row.kind = Some(results.station_kind);
    row.protocol_number = Some(results.protocol_number);
    row.sequence = Some(bundle.sequence);
    row.signed_at = Some(results.signed_at);
    row.form = Some(results.form.clone());
    if !known.conflicts.is_empty() {
        row.flags.push(Flag::Conflict { sequences: known.conflicts.iter().map(|b| b.sequence).collect() });
    }
    let deadline = super::delivery_deadline(&setup.election, results.station_kind);
    let (delivered, from_journal) = match bundle.delivered_at {
        Some(at) => (at, true),
        None => (accepted.accepted_at, false),
    };
    row.delivered_at = Some(delivered);
    if delivered > deadline {
        row.flags.push(Flag::Late { delivered_at: delivered, deadline, from_journal });
    }
    let Some(result) = results.contests.iter().find(|c| c.protocol.contest == contest.id) else {
        row.status = RowStatus::NotSummed;
        row.flags.push(Flag::NoContest);
        return row;
    };
    let form = protocol::form_for(results.station_kind).ok().filter(|form| form.id == results.form);
    let fits = form.is_some_and(|form| {
        ContestProtocol::new(form, contest, result.protocol.lines().clone(), result.protocol.options().clone()).is_ok()
    });
    row.protocol = Some(result.protocol.clone());
    if accepted.recount {
        row.recount = Some(RecountMark::Ordered);
    } else if result.recounted {
        row.recount = Some(RecountMark::AtStation);
    }
    let (Some(form), true) = (form, fits) else {
        row.status = RowStatus::NotSummed;
        row.flags.push(Flag::FormDiffers);
        return row;
    };
    for violation in protocol::check(form, contest, &result.protocol) {
        row.flags.push(Flag::Relation { violation });
    }
    if row.recount.is_none() {
        let differences = aeu_differences(result, contest);
        if !differences.is_empty() {
            row.flags.push(Flag::AeuDiffers { differences });
        }
    }
    row.status = if known.set_aside.is_some() { RowStatus::SetAside } else { RowStatus::Counted };
    row
}

/// The summary table of the commission's district as its journal stands. Empty (no
/// rows) before the commission is set up.
pub fn summary(state: &DecState) -> Option<Summary> {
    let setup = state.setup.as_ref()?;
    let contest = setup.election.contests.iter().find(|c| c.id == setup.district)?;
    let mut rows: Vec<StationRow> = state
        .stations
        .iter()
        .map(|known| {
            let refused = state.refusals.iter().filter(|(_, r)| r.station.as_deref() == Some(known.station.as_str())).count();
            row_of(setup, contest, known, u32::try_from(refused).unwrap_or(u32::MAX))
        })
        .collect();
    rows.sort_by(|a, b| station_order(&a.station, &b.station));

    let mut sections: Vec<Section> = Vec::new();
    let mut totals = Totals { registered: u32::try_from(rows.len()).unwrap_or(u32::MAX), ..Totals::default() };
    for option in &contest.options {
        totals.options.insert(option.id.clone(), 0);
    }
    for row in &rows {
        match row.status {
            RowStatus::Missing => totals.missing += 1,
            RowStatus::SetAside => totals.set_aside += 1,
            RowStatus::Counted | RowStatus::NotSummed => {}
        }
        if row.status != RowStatus::Missing {
            totals.received += 1;
        }
        if !row.flags.is_empty() {
            totals.flagged += 1;
        }
        let (Some(form), Some(figures)) = (&row.form, &row.protocol) else { continue };
        if row.status == RowStatus::NotSummed {
            continue;
        }
        let index = match sections.iter().position(|s| &s.form == form) {
            Some(index) => index,
            None => {
                sections.push(Section {
                    form: form.clone(),
                    remote: row.kind == Some(StationKind::RemoteVoting),
                    stations: Vec::new(),
                    counted: 0,
                    lines: figures.lines().keys().map(|line| (line.clone(), 0)).collect(),
                    options: contest.options.iter().map(|o| (o.id.clone(), 0)).collect(),
                });
                sections.len() - 1
            }
        };
        let section = &mut sections[index];
        section.stations.push(row.station.clone());
        if row.status != RowStatus::Counted {
            continue;
        }
        section.counted += 1;
        totals.counted += 1;
        for (line, value) in figures.lines() {
            *section.lines.entry(line.clone()).or_default() += value;
        }
        for (option, votes) in figures.options() {
            *section.options.entry(option.clone()).or_default() += votes;
            *totals.options.entry(option.clone()).or_default() += votes;
        }
        totals.valid += figures.line("ballots-valid").unwrap_or(0);
        totals.invalid += figures.line("ballots-invalid").unwrap_or(0);
    }
    sections.sort_by_key(|section| section.remote);
    Some(Summary {
        contest: contest.id.clone(),
        deadline: super::delivery_deadline(&setup.election, StationKind::Regular),
        rows,
        sections,
        totals,
    })
}
