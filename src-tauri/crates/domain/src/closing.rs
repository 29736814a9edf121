//! The rules of the close and the count (§49–67, R5.1–R5.4): each command checked
//! against the state and the time, turned into events or refused with the reason.

use chrono::{DateTime, Utc};

use crate::acts::{self, Act, ActKind};
use crate::attendance::AttendeeCategory;
use crate::count::{
    self, AeuResults, AeuSource, AeuTally, Complaint, ComplaintDecision, CountEntry, CountFigures, Dissent, ListTotals,
    PortableBoxCount, RecountDemand, SignedProtocol, UnusedBallots,
};
use crate::election::{ElectionDefinition, StationKind};
use crate::error::DomainError;
use crate::event::Event;
use crate::lot::LotPurpose;
use crate::opening::BoxKind;
use crate::state::DayState;
use crate::timeline::{self, StepId};

type Decision = Result<Vec<Event>, DomainError>;

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

fn act(state: &DayState, at: DateTime<Utc>, kind: ActKind) -> Event {
    Event::ActDrawnUp { act: Act { number: acts::next_number(&state.acts), at, kind } }
}

fn local(election: &ElectionDefinition, at: DateTime<Utc>) -> String {
    at.with_timezone(&election.tz()).format("%H:%M").to_string()
}

fn out_of_order(step: &'static str, missing: &'static str) -> DomainError {
    refuse("count.out-of-order", "error-count-out-of-order").with("step", step).with("missing", missing)
}

fn regular_only(election: &ElectionDefinition) -> Result<(), DomainError> {
    if election.station.kind == StationKind::RemoteVoting {
        return Err(refuse("count.not-at-remote", "error-count-not-at-remote"));
    }
    Ok(())
}

fn commission_member<'a>(election: &'a ElectionDefinition, id: &str) -> Result<&'a crate::election::CommissionMember, DomainError> {
    election
        .commission
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| refuse("count.unknown-member", "error-count-unknown-member").with("member", id))
}

fn present_member(election: &ElectionDefinition, state: &DayState, id: &str) -> Result<(), DomainError> {
    let member = commission_member(election, id)?;
    if !state.present().any(|a| a.member_id.as_deref() == Some(id)) {
        return Err(refuse("count.member-absent", "error-count-member-absent").with("member", member.name.clone()));
    }
    Ok(())
}

/// §49: the polls close at 20:00; the final turnout figure comes from the receipts.
pub(crate) fn close_polls(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.count.closed_at.is_some() {
        return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", StepId::Close.name()));
    }
    let closes = timeline::starts_at(election, StepId::Close);
    if now < closes {
        return Err(DomainError::new("step.too-early", "error-step-too-early")
            .with("step", StepId::Close.name())
            .with("time", local(election, closes)));
    }
    if state.polls_opened_at.is_none() {
        return Err(refuse("voting.not-open", "error-voting-not-open").with("time", "08:00"));
    }
    Ok(vec![Event::PollsClosed { at: now, turnout: crate::voting::turnout_figure(state) }])
}

/// §52: the unused ballots recounted and cancelled (regular stations).
pub(crate) fn cancel_unused(
    election: &ElectionDefinition,
    state: &DayState,
    unused: u32,
    spoiled_returned: u32,
    now: DateTime<Utc>,
) -> Decision {
    regular_only(election)?;
    count::closed(state)?;
    count::not_signed(state)?;
    if state.count.unused.is_some() {
        return Err(refuse("count.unused-done", "error-count-unused-done"));
    }
    let unused = UnusedBallots { at: now, unused, spoiled_returned };
    let kind = ActKind::UnusedBallotsCancelled { unused: unused.unused, spoiled_returned, cancelled: unused.cancelled() };
    Ok(vec![Event::UnusedBallotsCancelled { unused }, act(state, now, kind)])
}

/// §53: the list's totals; participants = signatures, cross-checked with the receipts.
pub(crate) fn record_list_totals(
    election: &ElectionDefinition,
    state: &DayState,
    pages: u32,
    voters_in_list: u32,
    signatures: u32,
    explanation: &Option<String>,
    now: DateTime<Utc>,
) -> Decision {
    count::closed(state)?;
    count::not_signed(state)?;
    if state.count.list.is_some() {
        return Err(refuse("count.list-done", "error-count-list-done"));
    }
    if election.station.kind != StationKind::RemoteVoting && state.count.unused.is_none() {
        return Err(out_of_order("list", "unused"));
    }
    let receipts = state.identification.identified_count();
    let explanation = explanation.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned);
    if signatures != receipts && explanation.is_none() {
        return Err(refuse("count.signatures-differ", "error-count-signatures-differ")
            .with("signatures", i64::from(signatures))
            .with("receipts", i64::from(receipts)));
    }
    let totals = ListTotals { at: now, pages, voters_in_list, signatures, receipts, explanation };
    let kind = ActKind::BallotsIssued { signatures, receipts };
    Ok(vec![Event::ListTotalsRecorded { totals }, act(state, now, kind)])
}

/// §54: a portable box opened; more ballots than voters served makes all of them invalid.
pub(crate) fn open_portable_box(
    election: &ElectionDefinition,
    state: &DayState,
    box_id: &str,
    seals_intact: bool,
    found: u32,
    now: DateTime<Utc>,
) -> Decision {
    regular_only(election)?;
    count::closed(state)?;
    count::not_signed(state)?;
    if state.count.list.is_none() {
        return Err(out_of_order("portable", "list"));
    }
    let box_id = box_id.trim();
    if !state.boxes.iter().any(|b| b.box_id == box_id && b.kind == BoxKind::Portable) {
        return Err(refuse("oop.not-a-portable-box", "error-oop-not-a-portable-box").with("box", box_id));
    }
    if state.count.portable.iter().any(|b| b.box_id == box_id) {
        return Err(refuse("count.box-opened", "error-count-box-opened").with("box", box_id));
    }
    let served = u32::try_from(state.out_of_premises.served.iter().filter(|s| s.box_id == box_id).count()).unwrap_or(u32::MAX);
    let invalidated = found > served;
    let members: Vec<String> = state
        .lot_drawn(LotPurpose::OutOfPremises)
        .map(|record| record.assignment.iter().map(|a| a.member_id.clone()).collect())
        .unwrap_or_default();
    let opened =
        PortableBoxCount { at: now, box_id: box_id.to_owned(), seals_intact, served, found, invalidated, members: members.clone() };
    let mut events = vec![Event::PortableBoxOpened { opened }];
    if invalidated {
        events.push(act(state, now, ActKind::PortableBoxInvalidated { box_id: box_id.to_owned(), served, found, members }));
    }
    Ok(events)
}

/// §56: the AEU's preliminary results, between 20:00 and 21:00; an act is attached.
pub(crate) fn record_aeu_results(
    election: &ElectionDefinition,
    state: &DayState,
    source: AeuSource,
    tallies: &[AeuTally],
    now: DateTime<Utc>,
) -> Decision {
    count::closed(state)?;
    count::not_signed(state)?;
    if state.count.aeu.is_some() {
        return Err(refuse("count.aeu-done", "error-count-aeu-done"));
    }
    if state.both_aeus_failed() {
        return Err(refuse("count.no-aeu", "error-count-no-aeu"));
    }
    let deadline = timeline::deadline(election, StepId::Close);
    if now >= deadline {
        return Err(refuse("count.aeu-too-late", "error-count-aeu-too-late").with("time", local(election, deadline)));
    }
    let counted = count::contests_counted_here(election);
    for tally in tallies {
        let Some(contest) = counted.iter().find(|c| c.id == tally.contest) else {
            return Err(refuse("count.unknown-contest", "error-count-unknown-contest").with("contest", tally.contest.clone()));
        };
        if let Some(option) = tally.votes.keys().find(|o| !contest.options.iter().any(|c| &c.id == *o)) {
            return Err(refuse("count.unknown-option", "error-count-unknown-option").with("option", option.clone()));
        }
    }
    let processed = tallies.iter().map(|t| t.processed).sum();
    let results = AeuResults { at: now, source, tallies: tallies.to_vec() };
    Ok(vec![Event::AeuResultsRecorded { results }, act(state, now, ActKind::AeuPreliminary { processed })])
}

/// §58–61, R5.2: one member's count of one contest.
pub(crate) fn enter_count(
    election: &ElectionDefinition,
    state: &DayState,
    contest: &str,
    member: &str,
    figures: &CountFigures,
    now: DateTime<Utc>,
) -> Decision {
    count::closed(state)?;
    count::not_signed(state)?;
    let counted = count::contests_counted_here(election);
    let Some(contest) = counted.iter().find(|c| c.id == contest) else {
        return Err(refuse("count.unknown-contest", "error-count-unknown-contest").with("contest", contest));
    };
    if let Some(option) = figures.votes.keys().find(|o| !contest.options.iter().any(|c| &c.id == *o)) {
        return Err(refuse("count.unknown-option", "error-count-unknown-option").with("option", option.clone()));
    }
    present_member(election, state, member)?;
    if state.count.list.is_none() {
        return Err(out_of_order("count", "list"));
    }
    if election.station.kind != StationKind::RemoteVoting {
        let portable: Vec<&str> = state.boxes.iter().filter(|b| b.kind == BoxKind::Portable).map(|b| b.box_id.as_str()).collect();
        if portable.iter().any(|id| !state.count.portable.iter().any(|b| b.box_id == *id)) {
            return Err(out_of_order("count", "portable"));
        }
    }
    let mut figures = figures.clone();
    for option in &contest.options {
        figures.votes.entry(option.id.clone()).or_insert(0);
    }
    Ok(vec![Event::CountEntered {
        entry: CountEntry { at: now, contest: contest.id.clone(), member: member.to_owned(), figures },
    }])
}

/// §62: a recount demanded aloud by a representative or an observer present.
pub(crate) fn demand_recount(
    election: &ElectionDefinition,
    state: &DayState,
    contest: &str,
    by: u32,
    reason: &str,
    now: DateTime<Utc>,
) -> Decision {
    count::closed(state)?;
    count::not_signed(state)?;
    if !count::contests_counted_here(election).iter().any(|c| c.id == contest) {
        return Err(refuse("count.unknown-contest", "error-count-unknown-contest").with("contest", contest));
    }
    let person = state
        .present()
        .find(|a| a.person == by)
        .ok_or_else(|| refuse("attendance.not-present", "error-attendance-not-present").with("person", i64::from(by)))?;
    let may_demand = matches!(
        person.category,
        AttendeeCategory::Observer
            | AttendeeCategory::InternationalObserver
            | AttendeeCategory::CandidateRepresentative
            | AttendeeCategory::PartyRepresentative
    );
    if !may_demand {
        return Err(refuse("count.recount-not-entitled", "error-count-recount-not-entitled").with("name", person.name.clone()));
    }
    if state.count.agreed(contest).is_none() {
        return Err(refuse("count.nothing-to-recount", "error-count-nothing-to-recount"));
    }
    let reason = reason.trim();
    Ok(vec![Event::RecountDemanded {
        demand: RecountDemand { at: now, contest: contest.to_owned(), by: person.name.clone(), reason: reason.to_owned() },
    }])
}

/// §63, §65: every contest agreed, every control relation holding, signed by a majority
/// of the commission's members present.
pub(crate) fn sign_protocol(election: &ElectionDefinition, state: &DayState, signers: &[String], now: DateTime<Utc>) -> Decision {
    count::closed(state)?;
    count::not_signed(state)?;
    let protocols = count::protocols(election, state).map_err(|problems| {
        problems.into_iter().next().unwrap_or_else(|| refuse("internal", "error-internal"))
    })?;
    if let Some((contest, _, _)) = protocols.iter().find(|(_, figures, _)| figures.is_none()) {
        let designation = election.contests.iter().find(|c| &c.id == contest).map(|c| c.designation.clone()).unwrap_or_default();
        return Err(refuse("count.not-agreed", "error-count-not-agreed").with("contest", designation));
    }
    let violated: usize = protocols.iter().map(|(_, _, violations)| violations.len()).sum();
    if violated > 0 {
        return Err(refuse("count.relations-violated", "error-count-relations-violated").with("count", violated));
    }
    let mut unique: Vec<String> = Vec::new();
    for signer in signers {
        present_member(election, state, signer)?;
        if !unique.contains(signer) {
            unique.push(signer.clone());
        }
    }
    let needed = election.commission.len() / 2 + 1;
    if unique.len() < needed {
        return Err(refuse("count.no-majority", "error-count-no-majority")
            .with("signed", unique.len())
            .with("needed", needed)
            .with("members", election.commission.len()));
    }
    let number = u32::try_from(state.count.protocols.len()).unwrap_or(u32::MAX - 1) + 1;
    let contests = protocols.into_iter().filter_map(|(_, figures, _)| figures).collect();
    Ok(vec![Event::ProtocolSigned { protocol: SignedProtocol { at: now, number, signers: unique, contests } }])
}

/// §66: an error found after signing: an act, and a new protocol is counted and signed.
pub(crate) fn correct_protocol(state: &DayState, reason: &str, now: DateTime<Utc>) -> Decision {
    let signed = state.count.protocol().ok_or_else(|| refuse("count.nothing-signed", "error-count-nothing-signed"))?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(refuse("count.reason-required", "error-count-reason-required"));
    }
    Ok(vec![
        Event::ProtocolCorrectionStarted { at: now, reason: reason.to_owned() },
        act(state, now, ActKind::ProtocolCorrection { protocol: signed.number, reason: reason.to_owned() }),
    ])
}

/// §64: a complaint received (at any time of the day) and decided at the final meeting.
pub(crate) fn receive_complaint(state: &DayState, from: &str, text: &str, now: DateTime<Utc>) -> Decision {
    let (from, text) = (from.trim(), text.trim());
    if from.is_empty() || text.is_empty() {
        return Err(refuse("count.complaint-incomplete", "error-count-complaint-incomplete"));
    }
    let number = u32::try_from(state.count.complaints.len()).unwrap_or(u32::MAX - 1) + 1;
    Ok(vec![Event::ComplaintReceived {
        complaint: Complaint { number, at: now, from: from.to_owned(), text: text.to_owned(), decision: None },
    }])
}

pub(crate) fn decide_complaint(
    election: &ElectionDefinition,
    state: &DayState,
    number: u32,
    decision: &str,
    agreed: &[String],
    now: DateTime<Utc>,
) -> Decision {
    let complaint = state
        .count
        .complaints
        .iter()
        .find(|c| c.number == number)
        .ok_or_else(|| refuse("count.unknown-complaint", "error-count-unknown-complaint").with("number", i64::from(number)))?;
    if complaint.decision.is_some() {
        return Err(refuse("count.complaint-decided", "error-count-complaint-decided").with("number", i64::from(number)));
    }
    let decision = decision.trim();
    if decision.is_empty() {
        return Err(refuse("count.reason-required", "error-count-reason-required"));
    }
    for member in agreed {
        commission_member(election, member)?;
    }
    Ok(vec![Event::ComplaintDecided {
        number,
        decision: ComplaintDecision { at: now, decision: decision.to_owned(), agreed: agreed.to_vec() },
    }])
}

pub(crate) fn attach_dissent(election: &ElectionDefinition, member: &str, text: &str, now: DateTime<Utc>) -> Decision {
    commission_member(election, member)?;
    let text = text.trim();
    if text.is_empty() {
        return Err(refuse("count.reason-required", "error-count-reason-required"));
    }
    Ok(vec![Event::DissentAttached { dissent: Dissent { at: now, member: member.to_owned(), text: text.to_owned() } }])
}

/// §64, R5.4: the packets, after the protocol is signed and every complaint decided.
pub(crate) fn seal_packets(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.count.protocol().is_none() {
        return Err(refuse("count.nothing-signed", "error-count-nothing-signed"));
    }
    if state.count.packets.is_some() {
        return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", StepId::Packets.name()));
    }
    if let Some(open) = state.count.complaints.iter().find(|c| c.decision.is_none()) {
        return Err(refuse("count.complaint-open", "error-count-complaint-open").with("number", i64::from(open.number)));
    }
    Ok(vec![Event::PacketsSealed { at: now, packets: count::packets(election, state) }])
}

/// §67: the chair delivered copy 1 and the packets to the higher commission.
pub(crate) fn record_delivery(state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.count.packets.is_none() {
        return Err(out_of_order("delivery", "packets"));
    }
    if state.count.delivered_at.is_some() {
        return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", StepId::Delivery.name()));
    }
    Ok(vec![Event::Delivered { at: now }])
}
