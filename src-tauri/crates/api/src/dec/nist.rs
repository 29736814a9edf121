//! Exports in the NIST common data formats (`docs/dec.md` says which subset):
//!
//! - results as **NIST SP 1500-100 v2** Election Results Reporting JSON
//!   (`ElectionResults.ElectionReport`, precinct level): the district and every
//!   registered station as `ReportingUnit`s (a polling station `precinct`, a
//!   remote-voting station `vote-center`), the contest with a selection per ballot
//!   option and a `VoteCounts` per counted station and for the district (`Type`
//!   `total`), `SummaryCounts` with ballots cast (valid + invalid) and rejected
//!   (invalid); «against all» is a selection of a pseudo-candidate (or pseudo-party)
//!   `against-all`; stations set aside or missing carry `CountStatus` `not-processed`;
//! - the journals as **NIST SP 1500-101** Election Event Logging JSON
//!   (`EventLogging.ElectionEventLog`): the commission's own journal as one `Device`
//!   and each station's journal (from the bundle in force) as another, every entry an
//!   `Event` with its sequence, time, kind as `Id`, the exact payload as `Details` and
//!   its chain hash as `Hash` (`HashType` `sha-256`), so the chain can be recomputed from
//!   the export alone.

use chrono::{DateTime, SecondsFormat, Utc};
use domain::dec::{DecSetup, DecState, RowStatus};
use domain::election::{LocalizedText, OptionKind, StationKind};
use i18n::Localizer;
use serde_json::{Value, json};

use super::{Dec, internal};
use crate::error::ApiError;

const VENDOR: &str = concat!("uchastok ", env!("CARGO_PKG_VERSION"));

fn text(value: &LocalizedText) -> Value {
    json!({
        "@type": "ElectionResults.InternationalizedText",
        "Text": [
            { "@type": "ElectionResults.LanguageString", "Language": "ky", "Content": value.ky },
            { "@type": "ElectionResults.LanguageString", "Language": "ru", "Content": value.ru },
        ]
    })
}

fn time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn station_unit(station: &str) -> String {
    format!("gp-station-{station}")
}

/// The results of the district as a NIST SP 1500-100 v2 `ElectionReport`.
pub fn results_report(state: &DecState, generated: DateTime<Utc>) -> Result<Value, ApiError> {
    let setup: &DecSetup = state.setup.as_ref().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))?;
    let summary = domain::dec::summary(state).ok_or_else(|| internal("no summary"))?;
    let contest = setup.election.contests.iter().find(|c| c.id == setup.district).ok_or_else(|| internal("district"))?;
    let district_unit = format!("gp-district-{}", setup.district);
    let counted: Vec<_> = summary.rows.iter().filter(|row| row.status == RowStatus::Counted).collect();

    let mut units = vec![json!({
        "@type": "ElectionResults.ReportingUnit",
        "@id": district_unit,
        "Type": "other",
        "OtherType": "electoral-district",
        "Name": format!("{} {}", contest.designation, contest.name.ru),
        "Number": contest.designation,
        "ComposingGpUnitIds": summary.rows.iter().map(|row| station_unit(&row.station)).collect::<Vec<_>>(),
        "SubUnitsReported": summary.totals.counted,
        "TotalSubUnits": summary.totals.registered,
    })];
    for row in &summary.rows {
        let status = if row.status == RowStatus::Counted { "completed" } else { "not-processed" };
        units.push(json!({
            "@type": "ElectionResults.ReportingUnit",
            "@id": station_unit(&row.station),
            "Type": if row.kind == Some(StationKind::RemoteVoting) { "vote-center" } else { "precinct" },
            "Name": row.station,
            "Number": row.station,
            "CountStatus": [{ "@type": "ElectionResults.CountStatus", "Type": "total", "Status": status }],
        }));
    }

    let party_contest = contest.options.iter().any(|o| o.kind == OptionKind::Party);
    let mut candidates = Vec::new();
    let mut parties = Vec::new();
    let mut selections = Vec::new();
    for (index, option) in contest.options.iter().enumerate() {
        let mut counts: Vec<Value> = counted
            .iter()
            .map(|row| {
                let votes = row.protocol.as_ref().and_then(|p| p.votes(&option.id)).unwrap_or(0);
                json!({ "@type": "ElectionResults.VoteCounts", "GpUnitId": station_unit(&row.station), "Type": "total", "Count": votes })
            })
            .collect();
        counts.push(json!({
            "@type": "ElectionResults.VoteCounts",
            "GpUnitId": district_unit,
            "Type": "total",
            "Count": summary.totals.options.get(&option.id).copied().unwrap_or(0),
        }));
        if party_contest {
            let party = format!("party-{}", option.id);
            parties.push(json!({ "@type": "ElectionResults.Party", "@id": party, "Name": text(&option.name) }));
            selections.push(json!({
                "@type": "ElectionResults.PartySelection",
                "@id": format!("sel-{}-{}", contest.id, option.id),
                "PartyIds": [party],
                "SequenceOrder": index + 1,
                "VoteCounts": counts,
            }));
        } else {
            let candidate = format!("cand-{}-{}", contest.id, option.id);
            candidates.push(json!({ "@type": "ElectionResults.Candidate", "@id": candidate, "BallotName": text(&option.name) }));
            selections.push(json!({
                "@type": "ElectionResults.CandidateSelection",
                "@id": format!("sel-{}-{}", contest.id, option.id),
                "CandidateIds": [candidate],
                "SequenceOrder": index + 1,
                "VoteCounts": counts,
            }));
        }
    }
    let mut summary_counts: Vec<Value> = counted
        .iter()
        .map(|row| {
            let line = |id: &str| row.protocol.as_ref().and_then(|p| p.line(id)).unwrap_or(0);
            json!({
                "@type": "ElectionResults.SummaryCounts",
                "GpUnitId": station_unit(&row.station),
                "Type": "total",
                "BallotsCast": line("ballots-valid") + line("ballots-invalid"),
                "BallotsRejected": line("ballots-invalid"),
            })
        })
        .collect();
    summary_counts.push(json!({
        "@type": "ElectionResults.SummaryCounts",
        "GpUnitId": district_unit,
        "Type": "total",
        "BallotsCast": summary.totals.valid + summary.totals.invalid,
        "BallotsRejected": summary.totals.invalid,
    }));
    let contest_json = json!({
        "@type": if party_contest { "ElectionResults.PartyContest" } else { "ElectionResults.CandidateContest" },
        "@id": format!("contest-{}", contest.id),
        "Name": format!("{} {}", contest.designation, contest.name.ru),
        "ElectoralDistrictId": district_unit,
        "SubUnitsReported": summary.totals.counted,
        "TotalSubUnits": summary.totals.registered,
        "SummaryCounts": summary_counts,
        "BallotSelection": selections,
    });
    let mut contest_json = contest_json;
    if !party_contest {
        contest_json["VotesAllowed"] = json!(1);
    }
    let set_aside: Vec<String> = state
        .stations
        .iter()
        .filter_map(|s| s.set_aside.as_ref().map(|a| format!("{} ({}: {})", s.station, a.ground.clause(), a.decision)))
        .collect();
    let complete = summary.totals.missing == 0;
    let mut report = json!({
        "@type": "ElectionResults.ElectionReport",
        "Format": "precinct-level",
        "GeneratedDate": time(generated),
        "Issuer": setup.commission,
        "IssuerAbbreviation": setup.district,
        "IsTest": setup.election.training,
        "SequenceStart": 1,
        "SequenceEnd": 1,
        "Status": if complete { "unofficial-complete" } else { "unofficial-partial" },
        "VendorApplicationId": VENDOR,
        "GpUnit": units,
        "Election": [{
            "@type": "ElectionResults.Election",
            "ElectionScopeId": district_unit,
            "Name": text(&setup.election.name),
            "StartDate": setup.election.voting_day.to_string(),
            "EndDate": setup.election.voting_day.to_string(),
            "Type": "general",
            "Candidate": candidates,
            "Contest": [contest_json],
        }],
    });
    if party_contest {
        report["Party"] = json!(parties);
    }
    if !set_aside.is_empty() {
        report["Notes"] = json!(format!("Set aside (§80, R5.9): {}", set_aside.join("; ")));
    }
    Ok(report)
}

fn event(kind: &str, seq: u64, at: DateTime<Utc>, payload: &str, hash: &str, disposition: &str, description: Option<String>) -> Value {
    let mut event = json!({
        "@type": "EventLogging.Event",
        "Id": kind,
        "Sequence": seq.to_string(),
        "TimeStamp": time(at),
        "Type": kind,
        "Disposition": disposition,
        "Details": payload,
        "Hash": hash,
    });
    if let Some(description) = description {
        event["Description"] = json!(description);
    }
    event
}

impl Dec {
    /// The district's results as NIST SP 1500-100 JSON.
    pub fn nist_results(&self) -> Result<Vec<u8>, ApiError> {
        let report = results_report(&self.state(), self.now())?;
        serde_json::to_vec_pretty(&report).map_err(internal)
    }

    /// The commission's journal and the journal of every station's bundle in force, as
    /// NIST SP 1500-101 JSON.
    pub fn nist_events(&self) -> Result<Vec<u8>, ApiError> {
        let state = self.state();
        let setup = state.setup.as_ref().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))?;
        let localizer = Localizer::new(self.language());
        let entries = self.store().entries()?;
        let dec_events: Vec<Value> = entries
            .iter()
            .map(|entry| {
                let parsed: Option<domain::dec::DecEvent> = serde_json::from_str(&entry.payload).ok();
                let disposition = if entry.kind == "bundle-refused" { "failure" } else { "success" };
                let station = parsed.as_ref().and_then(|e| e.station()).unwrap_or("").to_owned();
                let description = localizer.message(
                    &format!("dec-event-{}", entry.kind),
                    &[("station".to_owned(), station.into())].into_iter().collect(),
                );
                event(&entry.kind, entry.seq, entry.at, &entry.payload, &hex::encode(entry.hash), disposition, Some(description))
            })
            .collect();
        let mut devices = vec![json!({
            "@type": "EventLogging.Device",
            "Id": format!("dec-{}", setup.district),
            "Type": "ems",
            "Manufacturer": "uchastok",
            "Model": "district commission",
            "Version": env!("CARGO_PKG_VERSION"),
            "HashType": "sha-256",
            "Details": setup.commission,
            "Event": dec_events,
        })];
        let registry = self.registry()?;
        for station in &state.stations {
            let Some(accepted) = &station.accepted else { continue };
            let Some(bytes) = self.bundle_bytes(&accepted.bundle.sha256)? else { continue };
            let verified = bundle::read_and_verify_for_summary(&bytes, &registry, &bundle::VerifyOptions::default())?;
            let journal = verified.file(bundle::manifest::JOURNAL).ok_or_else(|| internal("no journal"))?;
            let mut events = Vec::new();
            for line in journal.split(|b| *b == b'\n').filter(|line| !line.is_empty()) {
                let line: bundle::JournalLine = serde_json::from_slice(line).map_err(internal)?;
                let at = line.at.parse::<DateTime<Utc>>().map_err(internal)?;
                events.push(event(&line.kind, line.seq, at, &line.payload, &line.hash, "na", None));
            }
            devices.push(json!({
                "@type": "EventLogging.Device",
                "Id": format!("station-{}", station.station),
                "Type": "other",
                "OtherType": "polling-station",
                "Manufacturer": "uchastok",
                "Model": "polling station",
                "HashType": "sha-256",
                "Details": format!("bundle {} sequence {}", accepted.bundle.sha256, accepted.bundle.sequence),
                "Event": events,
            }));
        }
        let log = json!({
            "@type": "EventLogging.ElectionEventLog",
            "GeneratedTime": time(self.now()),
            "ElectionId": setup.election.id,
            "Details": format!("{} — {}", setup.commission, VENDOR),
            "Device": devices,
        });
        serde_json::to_vec_pretty(&log).map_err(internal)
    }
}
