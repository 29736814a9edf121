//! The close and the count as the secretary and the chair see them (§49–67): what is
//! recorded, each contest's two entries and their differences, the AEU's figures against
//! the manual count, the protocol with every violated control relation explained in the
//! user's language, and the AEU's preliminary results read from its driver.

use domain::count::{self, AeuDifference, AeuSource, AeuTally, CountEntry, CountFigures, EntryDifference};
use domain::election::{ElectionDefinition, LocalizedText};
use domain::protocol::{self, ContestProtocol};
use domain::{Command, DayState};
use driver_api::{AeuError, DeviceKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;
use crate::station::Station;
use crate::view::Overview;

/// One contest at the count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContestCountView {
    pub contest: String,
    pub designation: String,
    /// The latest entry of each member who entered this contest (after a recount, only
    /// the entries made since).
    pub entries: Vec<CountEntry>,
    /// Where the two latest entries of different members differ.
    pub differences: Vec<EntryDifference>,
    /// The figures once two entries agree.
    pub agreed: Option<CountFigures>,
    /// The AEU's preliminary figures for this contest, if taken.
    pub aeu: Option<AeuTally>,
    /// The AEU's figures against the agreed manual count, line by line (§62).
    pub aeu_differences: Vec<AeuDifference>,
    pub recounted: bool,
    /// The protocol's figures (once agreed).
    pub protocol: Option<ContestProtocol>,
    /// Every violated control relation, said in words (message id and arguments).
    pub violations: Vec<ApiError>,
    /// What the simulated voters really marked (demo and training only).
    pub truth: Option<crate::simulation::TrueTally>,
    /// The protocol's lines of this contest in printed order, its options included.
    pub lines: Vec<protocol::FormLine>,
    /// What a member enters for this contest, in the form's order.
    pub entry_fields: Vec<EntryField>,
}

/// One figure a member enters for a contest: its field as the differences name it
/// (`in-boxes`, `votes:<option>`, `invalid`, `unestablished`, `lost`, `not-accounted`),
/// and the protocol line it goes to, when it goes to one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryField {
    pub field: String,
    /// The line's printed number.
    pub number: Option<String>,
    /// The line's label or the option's name; `None` for a figure no line holds
    /// (ballots of unestablished form are set aside, §55).
    pub label: Option<LocalizedText>,
}

/// The figure of [`CountFigures`] a protocol line is entered as, if it is entered at all
/// (the other lines come from the journal).
fn entered_as(line: &protocol::FormLine) -> Option<String> {
    match (line.kind, line.id.as_str()) {
        (protocol::LineKind::Option, option) => Some(format!("votes:{option}")),
        (_, "ballots-in-stationary-boxes" | "ballots-in-aeu") => Some("in-boxes".into()),
        (_, "ballots-invalid") => Some("invalid".into()),
        (_, "ballots-lost") => Some("lost".into()),
        (_, "ballots-not-accounted") => Some("not-accounted".into()),
        _ => None,
    }
}

/// The figures a member enters for a contest, in the order of the form's lines, then
/// those no line holds.
pub fn entry_fields(lines: &[protocol::FormLine]) -> Vec<EntryField> {
    let mut fields: Vec<EntryField> = lines
        .iter()
        .filter_map(|line| {
            entered_as(line).map(|field| EntryField { field, number: Some(line.number.clone()), label: Some(line.label.clone()) })
        })
        .collect();
    for needed in ["in-boxes", "invalid", "unestablished"] {
        if !fields.iter().any(|f| f.field == needed) {
            fields.push(EntryField { field: needed.into(), number: None, label: None });
        }
    }
    fields
}

/// Everything after 20:00.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CountView {
    pub closed: bool,
    pub closing_turnout: Option<u32>,
    pub unused: Option<count::UnusedBallots>,
    pub list: Option<count::ListTotals>,
    /// Portable boxes sealed the day before, and those opened at the count.
    pub portable_boxes: Vec<String>,
    pub portable: Vec<count::PortableBoxCount>,
    pub aeu: Option<count::AeuResults>,
    /// Both AEUs failed (§48): no AEU preliminary protocol exists.
    pub no_aeu: bool,
    pub contests: Vec<ContestCountView>,
    pub recounts: Vec<count::RecountDemand>,
    /// Every protocol signed; the last one is in force unless `correcting`.
    pub protocols: Vec<count::SignedProtocol>,
    pub correcting: bool,
    pub complaints: Vec<count::Complaint>,
    pub dissents: Vec<count::Dissent>,
    pub packets: Vec<count::Packet>,
    pub packets_sealed: bool,
    pub delivered: bool,
    /// The form's lines of a contest (labels in both languages, numbers), for the screen.
    pub form_lines: Vec<protocol::FormLine>,
    /// The commission, to pick who enters and who signs.
    pub members_present: Vec<String>,
}

fn explain(form: &protocol::ProtocolForm, violation: &protocol::Violation, language: &str) -> ApiError {
    let (message, args) = violation.explain(form, language);
    ApiError {
        code: "protocol.violated".into(),
        message: message.to_owned(),
        args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
    }
}

pub(crate) fn count_view(
    election: &ElectionDefinition,
    state: &DayState,
    language: &str,
    truth: &[crate::simulation::TrueTally],
) -> CountView {
    let form = protocol::form_for(election.station.kind).ok();
    let protocols = count::protocols(election, state).unwrap_or_default();
    let contests = count::contests_counted_here(election)
        .into_iter()
        .map(|contest| {
            let lines = form.map(|f| f.lines_for(contest)).unwrap_or_default();
            let entries: Vec<CountEntry> = state.count.current_entries(&contest.id).into_iter().cloned().collect();
            let differences = match entries.as_slice() {
                [.., a, b] => count::differences(&a.figures, &b.figures, contest),
                _ => Vec::new(),
            };
            let agreed = state.count.agreed(&contest.id).map(|(_, figures)| figures.clone());
            let aeu = state.count.aeu.as_ref().and_then(|r| r.tallies.iter().find(|t| t.contest == contest.id).cloned());
            let aeu_differences = match (&aeu, &agreed) {
                (Some(tally), Some(manual)) => count::aeu_differences(tally, manual, contest),
                _ => Vec::new(),
            };
            let (figures, violations) = protocols
                .iter()
                .find(|(id, _, _)| id == &contest.id)
                .map(|(_, figures, violations)| (figures.clone(), violations.clone()))
                .unwrap_or_default();
            ContestCountView {
                contest: contest.id.clone(),
                designation: contest.designation.clone(),
                entries,
                differences: if agreed.is_some() { Vec::new() } else { differences },
                agreed,
                aeu,
                aeu_differences,
                recounted: state.count.recounted(&contest.id),
                protocol: figures,
                violations: form.map(|f| violations.iter().map(|v| explain(f, v, language)).collect()).unwrap_or_default(),
                truth: truth.iter().find(|t| t.contest == contest.id).cloned(),
                entry_fields: entry_fields(&lines),
                lines,
            }
        })
        .collect();
    CountView {
        closed: state.count.closed_at.is_some(),
        closing_turnout: state.count.closing_turnout,
        unused: state.count.unused.clone(),
        list: state.count.list.clone(),
        portable_boxes: state
            .boxes
            .iter()
            .filter(|b| b.kind == domain::opening::BoxKind::Portable)
            .map(|b| b.box_id.clone())
            .collect(),
        portable: state.count.portable.clone(),
        aeu: state.count.aeu.clone(),
        no_aeu: state.both_aeus_failed(),
        contests,
        recounts: state.count.recounts.clone(),
        protocols: state.count.protocols.clone(),
        correcting: state.count.correcting,
        complaints: state.count.complaints.clone(),
        dissents: state.count.dissents.clone(),
        packets: state.count.packets.as_ref().map(|(_, p)| p.clone()).unwrap_or_else(|| count::packets(election, state)),
        packets_sealed: state.count.packets.is_some(),
        delivered: state.count.delivered_at.is_some(),
        form_lines: form
            .and_then(|f| count::contests_counted_here(election).first().map(|c| f.lines_for(c)))
            .unwrap_or_default(),
        members_present: state.present().filter_map(|a| a.member_id.clone()).collect(),
    }
}

impl Station {
    /// §56: takes the AEU's preliminary results through its driver and records them.
    pub fn aeu_results_from_driver(&self) -> Result<Overview, ApiError> {
        let urn = self.device_of(DeviceKind::Aeu).ok_or_else(|| {
            ApiError::new("device.absent", "error-device-absent").with("device", DeviceKind::Aeu.code())
        })?;
        let aeu = urn
            .as_aeu()
            .ok_or_else(|| ApiError::new("device.absent", "error-device-absent").with("device", DeviceKind::Aeu.code()))?;
        let tallies = aeu.preliminary_results().map_err(|error| match error {
            AeuError::Failed => ApiError::new("count.aeu-failed", "error-count-aeu-failed"),
            AeuError::Rejected => ApiError::new("device.protocol", "error-device-protocol").with("device", "aeu"),
            AeuError::Device(_) => ApiError::new("device.fault", "error-device-fault").with("device", "aeu"),
        })?;
        // A contest no ballot was cast for has no tally in the urn: its figures are zero.
        let election = self.election()?;
        let mut tallies = tallies;
        for contest in count::contests_counted_here(&election) {
            if !tallies.iter().any(|t| t.contest == contest.id) {
                tallies.push(driver_api::ContestTally { contest: contest.id.clone(), counts: Vec::new(), invalid: 0 });
            }
        }
        let tallies = tallies
            .into_iter()
            .map(|tally| {
                let votes: std::collections::BTreeMap<String, u64> =
                    tally.counts.iter().map(|c| (c.option.clone(), c.count)).collect();
                AeuTally {
                    processed: votes.values().sum::<u64>() + tally.invalid,
                    contest: tally.contest,
                    votes,
                    invalid: tally.invalid,
                }
            })
            .collect();
        self.act(Command::RecordAeuResults { source: AeuSource::Driver, tallies })
    }

    /// The true piles of the simulated voters (demo and training), else nothing.
    pub fn simulated_truth(&self) -> Vec<crate::simulation::TrueTally> {
        self.simulation.as_ref().map(|s| s.truth()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Demo;

    fn fields_of(demo: Demo) -> Vec<(String, Option<String>)> {
        let election = demo.definition_as_shipped().expect("demo");
        let form = protocol::form_for(election.station.kind).expect("form");
        let contest = &election.contests[0];
        entry_fields(&form.lines_for(contest)).into_iter().map(|f| (f.field, f.number)).collect()
    }

    fn line(field: &str, number: &str) -> (String, Option<String>) {
        (field.to_owned(), Some(number.to_owned()))
    }

    #[test]
    fn a_regular_station_enters_its_piles_in_the_order_of_the_form() {
        let mut expected = vec![line("in-boxes", "8"), line("invalid", "9"), line("lost", "11"), line("not-accounted", "12")];
        for (number, option) in (13..).zip(["p1", "p2", "p3", "p4", "p5", "against-all"]) {
            expected.push(line(&format!("votes:{option}"), &number.to_string()));
        }
        expected.push(("unestablished".to_owned(), None));
        assert_eq!(fields_of(Demo::CityCouncil), expected);
    }

    #[test]
    fn r5_2_a_remote_station_enters_a_districts_ballots_from_the_aeu_and_its_piles() {
        let fields = fields_of(Demo::RemoteVoting);
        assert_eq!(fields[..2], [line("in-boxes", "5"), line("invalid", "7")]);
        assert_eq!(fields[2], line("votes:c1", "8"));
        assert!(!fields.iter().any(|(f, _)| f == "lost" || f == "not-accounted"), "no such lines on the remote form");
        assert_eq!(fields.last(), Some(&("unestablished".to_owned(), None)));
    }
}
