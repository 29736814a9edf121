//! The close and the count (§49–66, R5.1–R5.4): the polls closed at 20:00 with the final
//! turnout, the unused ballots cancelled (§52), the voter list's totals (§53), the
//! portable boxes one by one (§54), the AEU's preliminary results (§56), the manual count
//! of every contest entered twice by two members (§58–61, R5.2), recounts demanded by a
//! representative or an observer (§62), the protocol checked against its control
//! relations and signed (§63, §65), complaints and dissenting opinions (§64), a
//! correction after signing (§66), the packets (§64, R5.4) and the delivery (§67).
//!
//! The figures of a contest's protocol are never typed in twice by hand where the
//! journal knows them: receipts, ballots issued outside the premises, ballots printed
//! and cancelled come from the day's events; what people count (the list's totals, the
//! boxes, the piles) is entered, and the piles twice.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::election::{Contest, ElectionDefinition, StationKind};
use crate::error::DomainError;
use crate::protocol::{self, ContestProtocol, ProtocolForm, Violation};
use crate::state::DayState;

/// The unused ballots recounted and cancelled, handed to the chair against the ledger
/// (§52). Cancelled total = unused + spoiled returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnusedBallots {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub unused: u32,
    pub spoiled_returned: u32,
}

impl UnusedBallots {
    pub fn cancelled(&self) -> u32 {
        self.unused.saturating_add(self.spoiled_returned)
    }
}

/// The voter list's totals (§53): per-page totals written by the members, the last
/// page's by the chair and the secretary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListTotals {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// Pages of the list whose totals were written and signed.
    pub pages: u32,
    /// Voters in the list at the close (a remote station: the list of remote participants).
    pub voters_in_list: u32,
    /// Voters who signed for a ballot.
    pub signatures: u32,
    /// Identification receipts, from the journal, for the cross-check.
    pub receipts: u32,
    /// Why signatures and receipts differ, when they do.
    pub explanation: Option<String>,
}

/// A portable box opened at the count (§54).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PortableBoxCount {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub box_id: String,
    pub seals_intact: bool,
    /// Voters served from this box, by their applications (announced).
    pub served: u32,
    /// Ballots found in it.
    pub found: u32,
    /// More ballots than applications served: every ballot in it is invalid (§54, §60).
    pub invalidated: bool,
    /// The members who ran out-of-premises voting with it (named in the act).
    pub members: Vec<String>,
}

/// Where the AEU's figures come from (§56).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AeuSource {
    /// Read from the urn through its driver.
    Driver,
    /// Typed from the urn's paper printout.
    Printout,
}

/// The AEU's preliminary count of one contest (§56): no legal force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AeuTally {
    pub contest: String,
    pub processed: u64,
    #[ts(type = "Record<string, number>")]
    pub votes: BTreeMap<String, u64>,
    pub invalid: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AeuResults {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub source: AeuSource,
    pub tallies: Vec<AeuTally>,
}

/// What one member counted for one contest (§58–61). Two members enter it independently;
/// the figures stand when their latest entries agree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountFigures {
    /// Ballots taken from the stationary boxes and the AEU (a remote station: of this
    /// district, after sorting by district, R5.2).
    pub in_boxes: u64,
    /// The piles: votes per option, «against all» included.
    #[ts(type = "Record<string, number>")]
    pub votes: BTreeMap<String, u64>,
    /// Invalid ballots (§58, §60): will not determinable, no security marks, …
    pub invalid: u64,
    /// Ballots of unestablished form, set aside and not counted (§55).
    pub unestablished: u64,
    /// Ballots lost (regular station's balance; usually 0).
    pub lost: u64,
    /// Ballots not accounted for at receipt (usually 0).
    pub not_accounted: u64,
}

impl CountFigures {
    pub fn valid(&self) -> u64 {
        self.votes.values().sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountEntry {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub contest: String,
    /// The member who entered it (commission member id).
    pub member: String,
    pub figures: CountFigures,
}

/// A recount demanded aloud by a representative or an observer (§62).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecountDemand {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub contest: String,
    /// Who demanded it (a person in the attendance register).
    pub by: String,
    pub reason: String,
}

/// A signed results protocol (§65): the figures of every contest as signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SignedProtocol {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    /// 1 for the first, 2 after a correction (§66), …
    pub number: u32,
    /// The commission members who signed (ids).
    pub signers: Vec<String>,
    pub contests: Vec<ContestProtocol>,
}

/// A complaint received at the final meeting (§64) and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Complaint {
    pub number: u32,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub from: String,
    pub text: String,
    pub decision: Option<ComplaintDecision>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ComplaintDecision {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub decision: String,
    /// Members who voted for the decision (ids).
    pub agreed: Vec<String>,
}

/// A member's dissenting opinion, attached to the protocol (§64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dissent {
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub member: String,
    pub text: String,
}

/// One packet of documents (§64, R5.4), labelled with the station and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Packet {
    /// Message id suffix of its label: `packet-<kind>`.
    pub kind: String,
    /// The contest, for the packets of sorted ballots.
    pub contest: Option<String>,
    /// The option, for a pile of valid ballots.
    pub option: Option<String>,
    pub count: u64,
}

/// Everything after 20:00, rebuilt from the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountState {
    pub closed_at: Option<DateTime<Utc>>,
    /// The final turnout figure from the receipts, before any box is opened (§38).
    pub closing_turnout: Option<u32>,
    pub unused: Option<UnusedBallots>,
    pub list: Option<ListTotals>,
    pub portable: Vec<PortableBoxCount>,
    pub aeu: Option<AeuResults>,
    /// Every entry, in order; a later entry of the same member for the same contest
    /// replaces the earlier one.
    pub entries: Vec<CountEntry>,
    pub recounts: Vec<RecountDemand>,
    /// For each recount demanded: its contest and how many entries there were before it
    /// (only later entries count for that contest).
    pub recount_marks: Vec<(String, usize)>,
    /// Every protocol signed, the last one in force.
    pub protocols: Vec<SignedProtocol>,
    /// A correction was decided after the last signature (§66): a new protocol is due.
    pub correcting: bool,
    /// How many entries there were when the last correction was decided.
    pub correction_mark: Option<usize>,
    pub complaints: Vec<Complaint>,
    pub dissents: Vec<Dissent>,
    pub packets: Option<(DateTime<Utc>, Vec<Packet>)>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl CountState {
    /// The entries that count for `contest` now: after its last recount demand and after
    /// the last correction, the latest per member.
    pub fn current_entries(&self, contest: &str) -> Vec<&CountEntry> {
        let recount = self.recount_marks.iter().filter(|(c, _)| c == contest).map(|(_, mark)| *mark).max();
        let since = recount.max(self.correction_mark).unwrap_or(0);
        let mut latest: BTreeMap<&str, &CountEntry> = BTreeMap::new();
        for entry in self.entries.iter().skip(since).filter(|e| e.contest == contest) {
            latest.insert(entry.member.as_str(), entry);
        }
        latest.into_values().collect()
    }

    /// The contest's figures once two members' latest entries agree, and since when.
    pub fn agreed(&self, contest: &str) -> Option<(DateTime<Utc>, &CountFigures)> {
        let entries = self.current_entries(contest);
        let mut best: Option<(DateTime<Utc>, &CountFigures)> = None;
        for (i, a) in entries.iter().enumerate() {
            for b in &entries[i + 1..] {
                if a.figures == b.figures {
                    let at = a.at.max(b.at);
                    if best.is_none_or(|(when, _)| at < when) {
                        best = Some((at, &a.figures));
                    }
                }
            }
        }
        best
    }

    /// Whether a recount was demanded for `contest` (the protocol says "Recount").
    pub fn recounted(&self, contest: &str) -> bool {
        self.recounts.iter().any(|r| r.contest == contest)
    }

    pub fn protocol(&self) -> Option<&SignedProtocol> {
        if self.correcting { None } else { self.protocols.last() }
    }

    /// Ballots found in portable boxes whose ballots were all declared invalid.
    pub fn invalidated_portable(&self) -> u64 {
        self.portable.iter().filter(|b| b.invalidated).map(|b| u64::from(b.found)).sum()
    }

    pub fn in_portable(&self) -> u64 {
        self.portable.iter().map(|b| u64::from(b.found)).sum()
    }
}

/// Where two members' entries for a contest differ: the field (`in-boxes`, `invalid`,
/// `votes:<option>`, …) and the two values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EntryDifference {
    pub field: String,
    pub first: u64,
    pub second: u64,
}

pub fn differences(first: &CountFigures, second: &CountFigures, contest: &Contest) -> Vec<EntryDifference> {
    let mut found = Vec::new();
    let mut compare = |field: String, a: u64, b: u64| {
        if a != b {
            found.push(EntryDifference { field, first: a, second: b });
        }
    };
    compare("in-boxes".into(), first.in_boxes, second.in_boxes);
    for option in &contest.options {
        let get = |f: &CountFigures| f.votes.get(&option.id).copied().unwrap_or(0);
        compare(format!("votes:{}", option.id), get(first), get(second));
    }
    compare("invalid".into(), first.invalid, second.invalid);
    compare("unestablished".into(), first.unestablished, second.unestablished);
    compare("lost".into(), first.lost, second.lost);
    compare("not-accounted".into(), first.not_accounted, second.not_accounted);
    found
}

/// One line of the AEU's preliminary figures against the manual count (§62).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AeuDifference {
    /// `processed`, `invalid`, or `votes:<option>`.
    pub field: String,
    pub aeu: u64,
    pub manual: u64,
}

/// The AEU's figures for a contest against the agreed manual count, line by line.
pub fn aeu_differences(tally: &AeuTally, manual: &CountFigures, contest: &Contest) -> Vec<AeuDifference> {
    let mut lines = vec![AeuDifference {
        field: "processed".into(),
        aeu: tally.processed,
        manual: manual.valid() + manual.invalid,
    }];
    for option in &contest.options {
        lines.push(AeuDifference {
            field: format!("votes:{}", option.id),
            aeu: tally.votes.get(&option.id).copied().unwrap_or(0),
            manual: manual.votes.get(&option.id).copied().unwrap_or(0),
        });
    }
    lines.push(AeuDifference { field: "invalid".into(), aeu: tally.invalid, manual: manual.invalid });
    lines.into_iter().filter(|line| line.aeu != line.manual).collect()
}

fn refuse(code: &'static str, message: &'static str) -> DomainError {
    DomainError::new(code, message)
}

/// The figures of one contest's protocol from the journal's state and the agreed count,
/// in the form's lines; `None` while the contest is not agreed.
pub fn contest_protocol(
    election: &ElectionDefinition,
    state: &DayState,
    form: &ProtocolForm,
    contest: &Contest,
) -> Result<Option<ContestProtocol>, Vec<DomainError>> {
    let Some((_, figures)) = state.count.agreed(&contest.id) else { return Ok(None) };
    let count = &state.count;
    let mut lines = BTreeMap::new();
    let u = u64::from;
    match election.station.kind {
        StationKind::RemoteVoting => {
            let printed = u(state.identification.printed_in(&contest.id)) + u(state.duplicates_printed_in(&contest.id));
            let cancelled = u(state.spoiled_cancelled_in(&contest.id));
            lines.insert("remote-participants".into(), u(state.identification.identified_in(&contest.id)));
            lines.insert("ballots-printed".into(), printed);
            lines.insert("ballots-issued".into(), printed.saturating_sub(cancelled));
            lines.insert("ballots-cancelled".into(), cancelled);
            lines.insert("ballots-in-aeu".into(), figures.in_boxes);
            lines.insert("ballots-valid".into(), figures.valid());
            lines.insert("ballots-invalid".into(), figures.invalid);
        }
        StationKind::Regular | StationKind::Abroad => {
            let list = count.list.as_ref();
            let received = state.ballots.received.as_ref().map(|r| u(r.recounted)).unwrap_or(0);
            let electronic = state.safe.as_ref().map(|s| u(s.voters_electronic)).unwrap_or(0);
            lines.insert("voters-in-list".into(), list.map(|l| u(l.voters_in_list)).unwrap_or(0));
            lines.insert("voters-in-electronic-list".into(), electronic);
            lines.insert("ballots-received".into(), received);
            lines.insert("ballots-issued-in-premises".into(), list.map(|l| u(l.signatures)).unwrap_or(0));
            lines.insert("ballots-issued-outside".into(), u(u32::try_from(state.out_of_premises.served.len()).unwrap_or(u32::MAX)));
            lines.insert("ballots-cancelled".into(), count.unused.as_ref().map(|c| u(c.cancelled())).unwrap_or(0));
            lines.insert("ballots-in-portable-boxes".into(), count.in_portable());
            lines.insert("ballots-in-stationary-boxes".into(), figures.in_boxes);
            lines.insert("ballots-invalid".into(), figures.invalid + count.invalidated_portable());
            lines.insert("ballots-valid".into(), figures.valid());
            lines.insert("ballots-lost".into(), figures.lost);
            lines.insert("ballots-not-accounted".into(), figures.not_accounted);
        }
    }
    let options = contest.options.iter().map(|o| (o.id.clone(), figures.votes.get(&o.id).copied().unwrap_or(0))).collect();
    ContestProtocol::new(form, contest, lines, options).map(Some)
}

/// Every contest's protocol and its violated relations, for the secretary's screen and
/// for signing.
pub fn protocols(
    election: &ElectionDefinition,
    state: &DayState,
) -> Result<Vec<(String, Option<ContestProtocol>, Vec<Violation>)>, Vec<DomainError>> {
    let form = protocol::form_for(election.station.kind)?;
    let mut all = Vec::new();
    for contest in contests_counted_here(election) {
        let figures = contest_protocol(election, state, form, contest)?;
        let violations = figures.as_ref().map(|p| protocol::check(form, contest, p)).unwrap_or_default();
        all.push((contest.id.clone(), figures, violations));
    }
    Ok(all)
}

/// The contests a station counts: a remote station every district (R5.2), a regular one
/// the contest it sits in.
pub fn contests_counted_here(election: &ElectionDefinition) -> Vec<&Contest> {
    match election.station.kind {
        StationKind::RemoteVoting => election.contests.iter().collect(),
        _ => election.contests.iter().filter(|c| c.id == election.station.district).collect(),
    }
}

/// The packets to seal (§64, R5.4), with their counts, from the signed protocol and the
/// day's records.
pub fn packets(election: &ElectionDefinition, state: &DayState) -> Vec<Packet> {
    let mut packets = Vec::new();
    let Some(protocol) = state.count.protocol() else { return packets };
    let packet = |kind: &str, contest: Option<&str>, option: Option<&str>, count: u64| Packet {
        kind: kind.to_owned(),
        contest: contest.map(str::to_owned),
        option: option.map(str::to_owned),
        count,
    };
    for figures in &protocol.contests {
        let Some(contest) = election.contests.iter().find(|c| c.id == figures.contest) else { continue };
        for option in &contest.options {
            packets.push(packet("valid", Some(&contest.id), Some(&option.id), figures.votes(&option.id).unwrap_or(0)));
        }
        let invalid = figures.line("ballots-invalid").unwrap_or(0);
        packets.push(packet("invalid", Some(&contest.id), None, invalid));
        if let Some((_, agreed)) = state.count.agreed(&contest.id) {
            if agreed.unestablished > 0 {
                packets.push(packet("unestablished", Some(&contest.id), None, agreed.unestablished));
            }
        }
    }
    let u = u64::from;
    match election.station.kind {
        StationKind::RemoteVoting => {
            packets.push(packet("remote-participants-list", None, None, u(state.identification.listed_count())));
            packets.push(packet("receipts", None, None, u(state.identification.identified_count())));
            packets.push(packet("cancelled-remote", None, None, u(state.spoiled_cancelled_total())));
            packets.push(packet("aeu-reports", None, None, u64::from(state.count.aeu.is_some())));
            packets.push(packet("identification-reports", None, None, 2));
        }
        _ => {
            packets.push(packet("cancelled", None, None, state.count.unused.as_ref().map(|c| u(c.cancelled())).unwrap_or(0)));
            packets.push(packet("voter-list", None, None, state.count.list.as_ref().map(|l| u(l.pages)).unwrap_or(0)));
            packets.push(packet("receipts", None, None, u(state.identification.identified_count())));
            for portable in state.count.portable.iter().filter(|b| b.invalidated) {
                packets.push(Packet {
                    kind: "portable-invalidated".into(),
                    contest: None,
                    option: Some(portable.box_id.clone()),
                    count: u(portable.found),
                });
            }
            packets.push(packet("aeu-reports", None, None, u64::from(state.count.aeu.is_some())));
        }
    }
    packets
}

pub(crate) fn closed(state: &DayState) -> Result<DateTime<Utc>, DomainError> {
    state.count.closed_at.ok_or_else(|| refuse("count.not-closed", "error-count-not-closed"))
}

pub(crate) fn not_signed(state: &DayState) -> Result<(), DomainError> {
    if state.count.protocol().is_some() {
        return Err(refuse("count.protocol-signed", "error-count-protocol-signed"));
    }
    Ok(())
}
