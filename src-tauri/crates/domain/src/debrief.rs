//! The debrief of a training scenario: the trainee's journal held against the rules of
//! the day and against the scenario's truth (what was injected when, what the simulated
//! voters really marked, what a portable box really held). Pure analysis: the journal's
//! events, the scenario, the truth the training engine kept and the horizon come in;
//! deviations (each with its rule, clause, message id and arguments, and time), the time
//! taken by each procedure, the count held against the true piles and a summary row a
//! trainer gathers across a class come out.
//!
//! What is due after the horizon is not judged yet: a debrief asked for at 10:05 does not
//! blame a turnout report due by 11:00.

use std::collections::BTreeMap;

use chrono::{DateTime, Timelike, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::ActKind;
use crate::attendance::AttendeeCategory;
use crate::count::{self, AeuTally, CountFigures};
use crate::election::{ElectionDefinition, StationKind};
use crate::error::MessageArg;
use crate::event::Event;
use crate::identification::TURNOUT_STEPS;
use crate::incidents::{self, BoxInUse, IncidentDevice};
use crate::scenario::{Happening, PORTABLE_BOX, Scenario, ScenarioVoter, StationTime};
use crate::state::DayState;
use crate::timeline::{self, StepId};

/// Every rule of the debrief, with the clause it is judged by (where a rule's clause
/// depends on the case, the usual one; each deviation carries its own).
pub const RULES: [(&str, &str); 18] = [
    ("turnout-missed", "§38"),
    ("step-late", "§32–67"),
    ("aeu-results-late", "§56"),
    ("aeu-failure-not-recorded", "§48"),
    ("act-missing", "§37, §48, R4.4"),
    ("device-stop-not-recorded", "§37, R4.2"),
    ("power-cut-not-recorded", "§6"),
    ("voter-not-identified", "§37, R4.2"),
    ("voter-wrongly-identified", "R3.1, R3.2, R4.3"),
    ("duplicate-twice", "R4.4"),
    ("portable-excess-not-declared", "§54"),
    ("recount-not-held", "§62"),
    ("complaint-not-recorded", "§64"),
    ("citizen-as-international-observer", "O"),
    ("count-copied-from-aeu", "§62"),
    ("count-wrong-pile", "§59"),
    ("count-total-differs", "§57–58"),
    ("count-missing", "§58–61"),
];

/// What the training engine knows and the journal does not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Truth {
    /// When each event of the scenario happened (its index, the station instant).
    #[ts(type = "Array<[number, string]>")]
    pub applied: Vec<(usize, DateTime<Utc>)>,
    /// The voter each `voter` event sent to the desk, by the register's keyed hash.
    pub voters: Vec<(usize, String)>,
    /// The serial of the spoiled ballot each `spoiled-ballot` event brought back.
    pub spoiled: Vec<(usize, String)>,
    /// What the simulated voters really marked, contest by contest.
    pub tallies: Vec<TrueCount>,
    /// What each portable box really held.
    pub portable: Vec<TruePortableBox>,
}

/// A contest's true piles: ballots cast, votes per option, ballots marked for none or
/// several options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TrueCount {
    pub contest: String,
    pub cast: u64,
    #[ts(type = "Record<string, number>")]
    pub votes: BTreeMap<String, u64>,
    pub invalid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TruePortableBox {
    pub box_id: String,
    pub served: u32,
    pub found: u32,
}

/// One deviation from the rules or from the truth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Deviation {
    /// One of [`RULES`].
    pub rule: String,
    pub clause: String,
    /// Fluent message id: `training-rule-<rule>`.
    pub message: String,
    pub args: BTreeMap<String, MessageArg>,
    /// Station time, as a scenario writes it (`10:30`, `+1 05:30`).
    pub at: String,
    #[ts(skip)]
    #[serde(skip)]
    instant: Option<DateTime<Utc>>,
}

/// How long a procedure took: from when it was due (or happened) to when it was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProcedureTime {
    /// A stable key for the class summary: the step's name, or `event-<n>`.
    pub key: String,
    /// Fluent message id naming the procedure, and its arguments.
    pub message: String,
    pub args: BTreeMap<String, MessageArg>,
    pub from: String,
    pub done: Option<String>,
    pub minutes: Option<i64>,
}

/// One line of a contest's count against the truth.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountLine {
    /// `in-boxes`, `invalid`, or `votes:<option>`.
    pub line: String,
    pub counted: u64,
    pub truth: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountCheck {
    pub contest: String,
    pub designation: String,
    pub lines: Vec<CountLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Debrief {
    pub scenario: String,
    pub trainee: String,
    /// Up to when it judged.
    pub horizon: String,
    pub deviations: Vec<Deviation>,
    pub times: Vec<ProcedureTime>,
    pub counts: Vec<CountCheck>,
    /// The sum, over every contest counted, of how far each counted figure is from the
    /// truth.
    pub protocol_error: u64,
}

impl Debrief {
    /// The rule ids of the deviations, sorted (for comparing with what a scripted trainee
    /// planted).
    pub fn rules(&self) -> Vec<String> {
        let mut rules: Vec<String> = self.deviations.iter().map(|d| d.rule.clone()).collect();
        rules.sort();
        rules
    }

    /// The columns of the class summary: scenario, trainee, deviations, protocol error,
    /// then the minutes of each procedure.
    pub fn summary_header(&self) -> Vec<String> {
        let mut header: Vec<String> =
            ["scenario", "trainee", "deviations", "protocol_error"].into_iter().map(str::to_owned).collect();
        header.extend(self.times.iter().map(|t| format!("minutes:{}", t.key)));
        header
    }

    pub fn summary_row(&self) -> Vec<String> {
        let mut row = vec![
            self.scenario.clone(),
            self.trainee.clone(),
            self.deviations.len().to_string(),
            self.protocol_error.to_string(),
        ];
        row.extend(self.times.iter().map(|t| t.minutes.map(|m| m.to_string()).unwrap_or_default()));
        row
    }
}

/// A station time as a scenario writes it.
pub fn label(election: &ElectionDefinition, instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&election.tz());
    let day = (local.date_naive() - election.voting_day).num_days();
    StationTime {
        day: i8::try_from(day).unwrap_or(if day < 0 { i8::MIN } else { i8::MAX }),
        minutes: u16::try_from(local.hour() * 60 + local.minute()).unwrap_or(0),
    }
    .label()
}

struct Judge<'a> {
    election: &'a ElectionDefinition,
    events: &'a [Event],
    state: DayState,
    horizon: DateTime<Utc>,
    deviations: Vec<Deviation>,
    times: Vec<ProcedureTime>,
}

type Args = BTreeMap<String, MessageArg>;

fn args<const N: usize>(pairs: [(&str, MessageArg); N]) -> Args {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

impl Judge<'_> {
    fn deviate(&mut self, rule: &str, clause: &str, args: Args, at: DateTime<Utc>) {
        self.deviations.push(Deviation {
            rule: rule.to_owned(),
            clause: clause.to_owned(),
            message: format!("training-rule-{rule}"),
            args,
            at: label(self.election, at),
            instant: Some(at),
        });
    }

    fn time(&mut self, key: String, message: &str, args: Args, from: DateTime<Utc>, done: Option<DateTime<Utc>>) {
        self.times.push(ProcedureTime {
            key,
            message: message.to_owned(),
            args,
            from: label(self.election, from),
            done: done.map(|at| label(self.election, at)),
            minutes: done.map(|at| (at - from).num_minutes().max(0)),
        });
    }

    /// The state of the day as it stood at `at`.
    fn state_at(&self, at: DateTime<Utc>) -> DayState {
        DayState::replay(self.events.iter().take_while(|event| event.at() <= at))
    }

    /// The first event at or after `from` that `matches`.
    fn first_after(&self, from: DateTime<Utc>, matches: impl Fn(&Event) -> bool) -> Option<DateTime<Utc>> {
        self.events.iter().filter(|e| e.at() >= from && matches(e)).map(Event::at).min()
    }

    fn local(&self, at: DateTime<Utc>) -> MessageArg {
        label(self.election, at).into()
    }
}

fn device_of(device: &str) -> Option<IncidentDevice> {
    match device {
        "document-reader" | "qr-reader" | "fingerprint-scanner" | "camera" | "face-matcher" => {
            Some(IncidentDevice::IdentificationDevice)
        }
        "ballot-printer" => Some(IncidentDevice::BallotPrinter),
        "document-printer" => Some(IncidentDevice::DocumentPrinter),
        _ => None,
    }
}

fn device_clause(device: IncidentDevice, station: StationKind) -> &'static str {
    match (device, station) {
        (IncidentDevice::BallotPrinter, StationKind::RemoteVoting) => "R4.2",
        (IncidentDevice::IdentificationDevice, StationKind::RemoteVoting) => "§37, R4.2",
        _ => "§37",
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    normal(a) == normal(b)
}

/// Judges the trainee's journal (`events`, in journal order) against the scenario and
/// its truth, up to `horizon` (capped at the scenario's end).
pub fn analyse(
    scenario: &Scenario,
    trainee: &str,
    election: &ElectionDefinition,
    events: &[Event],
    truth: &Truth,
    horizon: DateTime<Utc>,
) -> Debrief {
    let start = scenario.starts_at(election);
    let end = scenario.ends_at(election);
    let horizon = horizon.min(end);
    let mut judge = Judge {
        election,
        events,
        state: DayState::replay(events),
        horizon,
        deviations: Vec::new(),
        times: Vec::new(),
    };
    judge_timeline(&mut judge, start);
    judge_aeu_results(&mut judge, start);
    for (index, event) in scenario.events.iter().enumerate() {
        let Some(at) = truth.applied.iter().find(|(i, _)| *i == index).map(|(_, at)| *at) else { continue };
        judge_happening(&mut judge, index, &event.happening, at, truth, end);
    }
    let (counts, protocol_error) = judge_counts(&mut judge, truth, end);
    let mut deviations = judge.deviations;
    deviations.sort_by_key(|d| d.instant);
    Debrief {
        scenario: scenario.id.clone(),
        trainee: trainee.to_owned(),
        horizon: label(election, horizon),
        deviations,
        times: judge.times,
        counts,
        protocol_error,
    }
}

/// §38's reports and every procedure of the timeline whose window lies in the scenario.
fn judge_timeline(judge: &mut Judge<'_>, start: DateTime<Utc>) {
    let election = judge.election;
    for step in StepId::ALL {
        if !step.applies_to(election.station.kind) || step == StepId::Voting {
            continue;
        }
        let starts = timeline::starts_at(election, step);
        let deadline = timeline::deadline(election, step);
        if starts < start || starts > judge.horizon {
            continue;
        }
        let done = judge.state.done_at(step);
        judge.time(step.name().to_owned(), "training-time-step", args([("step", step.name().into())]), starts, done);
        if deadline > judge.horizon || done.is_some_and(|done| done <= deadline) {
            continue;
        }
        if TURNOUT_STEPS.contains(&step) {
            let hour = judge.local(starts);
            let by = judge.local(deadline);
            judge.deviate("turnout-missed", "§38", args([("hour", hour), ("deadline", by)]), deadline);
        } else {
            let by = judge.local(deadline);
            judge.deviate(
                "step-late",
                step.clause(election.station.kind),
                args([("step", step.name().into()), ("deadline", by)]),
                deadline,
            );
        }
    }
}

/// §56: after the close, the AEU's figures are taken no later than 21:00.
fn judge_aeu_results(judge: &mut Judge<'_>, start: DateTime<Utc>) {
    let deadline = timeline::deadline(judge.election, StepId::Close);
    if start >= deadline || judge.horizon < deadline {
        return;
    }
    let Some(closed) = judge.state.count.closed_at else { return };
    if closed >= deadline || incidents::all_aeus_failed(&judge.state) || incidents::sealed_aeus(&judge.state).is_empty() {
        return;
    }
    let taken = judge.state.count.aeu.as_ref().map(|aeu| aeu.at);
    judge.time("aeu-results".into(), "training-time-aeu-results", Args::new(), closed, taken);
    if taken.is_none_or(|at| at > deadline) {
        let by = judge.local(deadline);
        judge.deviate("aeu-results-late", "§56", args([("deadline", by)]), deadline);
    }
}

fn judge_happening(
    judge: &mut Judge<'_>,
    index: usize,
    happening: &Happening,
    at: DateTime<Utc>,
    truth: &Truth,
    end: DateTime<Utc>,
) {
    let election = judge.election;
    let kind = election.station.kind;
    let key = format!("event-{}", index + 1);
    // Only the arguments that read the same in both languages: the complaint's text and the
    // options' names are left out of a procedure's name.
    let mut happening_args = crate::scenario::happening_args(happening, election, "ky");
    happening_args.remove("text");
    if matches!(happening, Happening::AeuMiscount { .. }) {
        happening_args.remove("from");
        happening_args.remove("to");
    }
    let time_message = format!("training-time-{}", happening.name());
    // Incidents of voting hours are answered before the polls close.
    let voting_end = timeline::deadline(election, StepId::Voting).min(end);
    let judged_by = |judge: &Judge<'_>, boundary: DateTime<Utc>| judge.horizon >= boundary;
    let at_arg = judge.local(at);
    match happening {
        Happening::DeviceFault { device, .. } if crate::scenario::AEUS.contains(&device.as_str()) => {
            let before = judge.state_at(at);
            if before.polls_opened_at.is_none() || before.count.closed_at.is_some() {
                return;
            }
            let recorded = judge.first_after(at, |e| matches!(e, Event::AeuFailed { aeu, .. } if aeu == device));
            let in_use = matches!(incidents::box_in_use(&before), BoxInUse::Aeu { box_id, .. } if box_id == *device);
            let act = judge.first_after(at, |e| match e {
                Event::ActDrawnUp { act } => match &act.kind {
                    ActKind::ReserveAeu { failed, .. } => failed == device,
                    ActKind::TransparentBox { failed, .. } => failed.contains(device),
                    _ => false,
                },
                _ => false,
            });
            let answered = if in_use { act } else { recorded };
            judge.time(key, &time_message, happening_args, at, answered);
            if !judged_by(judge, voting_end) {
                return;
            }
            let device_arg: MessageArg = device.clone().into();
            if recorded.is_none_or(|when| when > voting_end) {
                judge.deviate("aeu-failure-not-recorded", "§48", args([("device", device_arg), ("time", at_arg)]), at);
            } else if in_use && act.is_none_or(|when| when > voting_end) {
                let reserve_left = incidents::sealed_aeus(&before)
                    .iter()
                    .skip(1)
                    .any(|b| b.box_id != *device && !before.incidents.aeu_failed(&b.box_id))
                    && before.incidents.reserve_aeu.is_none();
                let act_kind = if reserve_left { "reserve-aeu" } else { "transparent-box" };
                judge.deviate("act-missing", "§48", args([("kind", act_kind.into()), ("time", at_arg)]), at);
            }
        }
        Happening::DeviceFault { device, .. } => {
            let Some(incident) = device_of(device) else { return };
            let before = judge.state_at(at);
            if before.polls_opened_at.is_none() || before.count.closed_at.is_some() {
                return;
            }
            let stopped = judge.first_after(at, |e| matches!(e, Event::DeviceStopped { device, .. } if *device == incident))
                .or_else(|| before.incidents.device_stopped(incident));
            judge.time(key, &time_message, happening_args, at, stopped);
            if judged_by(judge, voting_end) && stopped.is_none_or(|when| when > voting_end) {
                judge.deviate(
                    "device-stop-not-recorded",
                    device_clause(incident, kind),
                    args([("device", incident.name().into()), ("time", at_arg)]),
                    at,
                );
            }
        }
        Happening::DeviceRepair { .. } | Happening::AeuMiscount { .. } => {}
        Happening::PowerCut { minutes } => {
            let before = judge.state_at(at);
            if before.polls_opened_at.is_none() || before.count.closed_at.is_some() {
                return;
            }
            let back = at + chrono::Duration::minutes(i64::from(*minutes));
            let cut = judge.first_after(at, |e| matches!(e, Event::PowerCut { .. }));
            let restored = cut.and_then(|cut| judge.first_after(cut, |e| matches!(e, Event::PowerRestored { .. })));
            judge.time(key, &time_message, happening_args, at, cut);
            let boundary = voting_end.max(back.min(end));
            if judged_by(judge, boundary) && (cut.is_none() || restored.is_none()) {
                judge.deviate(
                    "power-cut-not-recorded",
                    "§6",
                    args([("time", at_arg), ("minutes", i64::from(*minutes).into())]),
                    at,
                );
            }
        }
        Happening::Voter { case } => {
            let Some(voter) = truth.voters.iter().find(|(i, _)| *i == index).map(|(_, v)| v.clone()) else { return };
            let identified =
                judge.first_after(at, |e| matches!(e, Event::VoterIdentified { voter: v, .. } if *v == voter));
            let failure_act = judge.first_after(at, |e| {
                matches!(e, Event::ActDrawnUp { act } if matches!(&act.kind, ActKind::IdentificationFailure { voter: v, .. } if *v == voter))
            });
            let case_arg: MessageArg = case.name().into();
            match case {
                ScenarioVoter::NeverRecognised => {
                    judge.time(key, &time_message, happening_args, at, failure_act);
                    if judged_by(judge, voting_end) && failure_act.is_none_or(|when| when > voting_end) {
                        judge.deviate("act-missing", "§37", args([("kind", "identification-failure".into()), ("time", at_arg)]), at);
                    }
                }
                case if case.may_vote(kind) => {
                    judge.time(key, &time_message, happening_args, at, identified);
                    if judged_by(judge, voting_end) && identified.is_none_or(|when| when > voting_end) {
                        let clause = if kind == StationKind::RemoteVoting { "R4.2" } else { "§37" };
                        judge.deviate("voter-not-identified", clause, args([("case", case_arg), ("time", at_arg)]), at);
                    }
                }
                case => {
                    if let Some(when) = identified {
                        let clause = match case {
                            ScenarioVoter::OwnDistrictOtherStation => "R4.3",
                            ScenarioVoter::RecentlyRegistered => "R3.1",
                            ScenarioVoter::AlreadyIdentified => "R3.2",
                            _ => "R4.2",
                        };
                        judge.deviate("voter-wrongly-identified", clause, args([("case", case_arg), ("time", at_arg)]), when);
                    }
                }
            }
        }
        Happening::SpoiledBallot { again } => {
            let Some(serial) = truth.spoiled.iter().find(|(i, _)| *i == index).map(|(_, s)| s.clone()) else { return };
            if *again {
                let duplicates = judge
                    .events
                    .iter()
                    .filter(|e| matches!(e, Event::DuplicateAuthorised { authorisation, .. } if authorisation.spoiled_serial == serial))
                    .count();
                if duplicates > 1 {
                    judge.deviate("duplicate-twice", "R4.4", args([("time", at_arg)]), at);
                }
                return;
            }
            let act = judge.first_after(at, |e| {
                matches!(e, Event::ActDrawnUp { act } if matches!(&act.kind, ActKind::DuplicateBallot { spoiled_serial, .. } if *spoiled_serial == serial))
            });
            judge.time(key, &time_message, happening_args, at, act);
            if judged_by(judge, voting_end) && act.is_none_or(|when| when > voting_end) {
                judge.deviate("act-missing", "R4.4", args([("kind", "duplicate-ballot".into()), ("time", at_arg)]), at);
            }
        }
        Happening::PortableBoxExcess { .. } => {
            let Some(real) = truth.portable.iter().find(|b| b.box_id == PORTABLE_BOX) else { return };
            let opened = judge.state.count.portable.iter().find(|b| b.box_id == PORTABLE_BOX).cloned();
            judge.time(key, &time_message, happening_args, at, opened.as_ref().map(|b| b.at));
            let declared = opened.as_ref().map(|b| b.found);
            if declared == Some(real.found) || (declared.is_none() && !judged_by(judge, end)) {
                return;
            }
            let when = opened.as_ref().map(|b| b.at).unwrap_or(end);
            judge.deviate(
                "portable-excess-not-declared",
                "§54",
                args([
                    ("box", PORTABLE_BOX.into()),
                    ("served", i64::from(real.served).into()),
                    ("found", i64::from(real.found).into()),
                    ("declared", declared.map(i64::from).unwrap_or(0).into()),
                ]),
                when,
            );
        }
        Happening::RecountDemand { observer, contest } => {
            let demanded = judge.first_after(at, |e| matches!(e, Event::RecountDemanded { demand } if demand.contest == *contest));
            let recounted = demanded.and(judge.state.count.agreed(contest).map(|(when, _)| when));
            judge.time(key, &time_message, happening_args.clone(), at, recounted);
            if judged_by(judge, end) && recounted.is_none() {
                let designation = happening_args.get("contest").cloned().unwrap_or_else(|| contest.clone().into());
                judge.deviate(
                    "recount-not-held",
                    "§62",
                    args([("observer", observer.clone().into()), ("contest", designation), ("time", at_arg)]),
                    at,
                );
            }
        }
        Happening::Complaint { from, .. } => {
            let received = judge.state.count.complaints.iter().find(|c| c.at >= at);
            let decided = received.and_then(|c| c.decision.as_ref().map(|d| d.at));
            judge.time(key, &time_message, happening_args, at, decided);
            if judged_by(judge, end) && decided.is_none() {
                judge.deviate("complaint-not-recorded", "§64", args([("from", from.clone().into()), ("time", at_arg)]), at);
            }
        }
        Happening::CitizenObserver { name, .. } => {
            let registered = judge
                .state
                .attendance
                .iter()
                .find(|a| a.category == AttendeeCategory::InternationalObserver && same_name(&a.name, name))
                .map(|a| a.arrived_at);
            if let Some(when) = registered {
                judge.deviate("citizen-as-international-observer", "O", args([("name", name.clone().into())]), when);
            }
        }
    }
}

fn figures_equal_aeu(figures: &CountFigures, tally: &AeuTally, options: &[String]) -> bool {
    figures.invalid == tally.invalid
        && options.iter().all(|o| figures.votes.get(o).copied().unwrap_or(0) == tally.votes.get(o).copied().unwrap_or(0))
}

/// The count of every contest against the true piles (§57–62).
fn judge_counts(judge: &mut Judge<'_>, truth: &Truth, end: DateTime<Utc>) -> (Vec<CountCheck>, u64) {
    let election = judge.election;
    let mut checks = Vec::new();
    let mut error = 0;
    for contest in count::contests_counted_here(election) {
        let real = truth.tallies.iter().find(|t| t.contest == contest.id).cloned().unwrap_or_default();
        let options: Vec<String> = contest.options.iter().map(|o| o.id.clone()).collect();
        let Some((when, figures)) = judge.state.count.agreed(&contest.id).map(|(at, f)| (at, f.clone())) else {
            // The polls closed and the scenario is over, but this contest was never counted
            // (a recount demanded and not held is said by its own rule).
            let closed = judge.state.count.closed_at.is_some();
            if closed && judge.horizon >= end && !judge.state.count.recounted(&contest.id) {
                judge.deviate("count-missing", "§58–61", args([("contest", contest.designation.clone().into())]), end);
            }
            continue;
        };
        let mut lines = vec![CountLine { line: "in-boxes".into(), counted: figures.in_boxes, truth: real.cast }];
        for option in &options {
            lines.push(CountLine {
                line: format!("votes:{option}"),
                counted: figures.votes.get(option).copied().unwrap_or(0),
                truth: real.votes.get(option).copied().unwrap_or(0),
            });
        }
        lines.push(CountLine { line: "invalid".into(), counted: figures.invalid, truth: real.invalid });
        let off: u64 = lines.iter().map(|l| l.counted.abs_diff(l.truth)).sum();
        error += off;
        checks.push(CountCheck { contest: contest.id.clone(), designation: contest.designation.clone(), lines });
        if off == 0 {
            continue;
        }
        let designation: MessageArg = contest.designation.clone().into();
        let aeu = judge.state.count.aeu.as_ref().and_then(|r| r.tallies.iter().find(|t| t.contest == contest.id));
        if aeu.is_some_and(|tally| figures_equal_aeu(&figures, tally, &options)) {
            judge.deviate("count-copied-from-aeu", "§62", args([("contest", designation)]), when);
        } else if figures.in_boxes == real.cast && figures.valid() + figures.invalid == real.cast {
            judge.deviate("count-wrong-pile", "§59", args([("contest", designation), ("off", i64::try_from(off).unwrap_or(i64::MAX).into())]), when);
        } else {
            judge.deviate(
                "count-total-differs",
                "§57–58",
                args([
                    ("contest", designation),
                    ("counted", i64::try_from(figures.in_boxes).unwrap_or(i64::MAX).into()),
                    ("cast", i64::try_from(real.cast).unwrap_or(i64::MAX).into()),
                ]),
                when,
            );
        }
    }
    (checks, error)
}
