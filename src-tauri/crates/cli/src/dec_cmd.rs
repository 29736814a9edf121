//! `uchastok dec …`: the district commission's side on the command line, over the same
//! `api::dec::Dec` as the window, on the commission's data folder (`--dir`):
//!
//! - `dec init --election FILE [--district ID] --commission NAME`: set up for a district
//!   of an election (the folder then opens as a commission in the app);
//! - `dec register KEY…`: the key ceremony, from station key files (`station-key.json`)
//!   or the text of a key's QR code (`UCHKEY1/…`);
//! - `dec import PATH…`: bundle files or folders of them, each verified and taken,
//!   refused (journaled with its reason) or held as a conflict;
//! - `dec summary`: the summary table and every flag with its reason;
//! - `dec resolve --station N --keep SHA256 [--recount] --reason TEXT`,
//!   `dec recount --station N`, `dec set-aside --station N --ground G [--remote]
//!   --decision TEXT`: the commission's decisions;
//! - `dec export --out FOLDER`: its protocol and summary table (PDF), the results
//!   (NIST SP 1500-100 JSON), the journals (NIST SP 1500-101 JSON) and its signed key
//!   registry (for `uchastok verify --registry`).
//!
//! The clock is the system's, or `UCHASTOK_CLOCK_START` (RFC 3339) as in the app.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use api::dec::{Dec, DecConfig, DecDocument, ImportOutcome};
use api::{ApiError, Clock, OffsetClock, SystemClock};
use domain::dec::{SetAsideGround, SetAsideScope};
use i18n::Localizer;

use crate::args;

fn clock() -> Result<Arc<dyn Clock>> {
    match std::env::var("UCHASTOK_CLOCK_START") {
        Ok(start) => {
            let start = chrono::DateTime::parse_from_rfc3339(&start)
                .with_context(|| format!("UCHASTOK_CLOCK_START={start} is not an RFC 3339 time"))?;
            Ok(Arc::new(OffsetClock::starting_at(start.to_utc())))
        }
        Err(_) => Ok(Arc::new(SystemClock)),
    }
}

fn said(localizer: &Localizer, error: &ApiError) -> String {
    format!("{} [{}]", localizer.message(&error.message, &error.args), error.code)
}

/// Opens the commission's folder, or says why not.
fn open(dir: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<Option<Dec>> {
    match Dec::open(DecConfig { data_dir: dir.to_path_buf(), clock: clock()? }) {
        Ok(dec) => Ok(Some(dec)),
        Err(error) => {
            writeln!(out, "{}", said(localizer, &error))?;
            Ok(None)
        }
    }
}

fn outcome<T>(result: Result<T, ApiError>, localizer: &Localizer, out: &mut impl Write) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(error) => {
            writeln!(out, "{}", said(localizer, &error))?;
            Ok(None)
        }
    }
}

pub fn init(dir: &Path, election: &Path, district: Option<&str>, commission: &str, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let text = match std::fs::read_to_string(election) {
        Ok(text) => text,
        Err(error) => {
            let args = args([("path", election.display().to_string().into()), ("detail", error.to_string().into())]);
            writeln!(out, "{}", localizer.message("error-dec-file-unreadable", &args))?;
            return Ok(false);
        }
    };
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    if outcome(dec.set_up(&text, district, commission), localizer, out)?.is_none() {
        return Ok(false);
    }
    if outcome(api::mode::remember(dir, api::mode::AppMode::Dec), localizer, out)?.is_none() {
        return Ok(false);
    }
    let overview = dec.overview();
    if let Some(setup) = overview.set_up {
        let args = args([
            ("commission", setup.commission.into()),
            ("district", setup.district_designation.into()),
            ("election", setup.election_id.into()),
            ("fingerprint", overview.dec_fingerprint.into()),
        ]);
        writeln!(out, "{}", localizer.message("cli-dec-set-up", &args))?;
    }
    Ok(true)
}

pub fn register(dir: &Path, keys: &[String], localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    let mut all = true;
    for key in keys {
        let path = Path::new(key);
        let text = if path.is_file() {
            match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => {
                    let args = args([("path", key.clone().into()), ("detail", error.to_string().into())]);
                    writeln!(out, "{}", localizer.message("error-dec-file-unreadable", &args))?;
                    all = false;
                    continue;
                }
            }
        } else {
            key.clone()
        };
        match dec.register(&text) {
            Ok(registered) => {
                let args = args([("station", registered.station.into()), ("fingerprint", registered.fingerprint.into())]);
                writeln!(out, "{}", localizer.message("dec-ui-registered", &args))?;
            }
            Err(error) => {
                writeln!(out, "{key}: {}", said(localizer, &error))?;
                all = false;
            }
        }
    }
    Ok(all)
}

pub fn import(dir: &Path, paths: &[PathBuf], localizer: &Localizer, out: &mut impl Write, err: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            match api::dec::bundle_files(path) {
                Ok(found) => files.extend(found),
                Err(error) => {
                    writeln!(out, "{}", said(localizer, &error))?;
                    return Ok(false);
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let status = dec.import_files(&files, &mut |status| {
        if let Some(current) = &status.current {
            let args = args([("done", i64::from(status.done).into()), ("total", i64::from(status.total).into())]);
            let _ = writeln!(err, "{} {current}", localizer.message("dec-ui-import-progress", &args));
        }
    });
    if let Some(error) = &status.error {
        writeln!(out, "{}", said(localizer, error))?;
        return Ok(false);
    }
    for item in &status.items {
        let kind = match item.outcome {
            ImportOutcome::Accepted => "accepted",
            ImportOutcome::Conflict => "conflict",
            ImportOutcome::AlreadyImported => "already-imported",
            ImportOutcome::Refused => "refused",
            ImportOutcome::Unreadable => "unreadable",
        };
        let station = item.station.clone().unwrap_or_else(|| "—".into());
        write!(out, "{}  {station}  {}", item.file, localizer.text(&format!("dec-ui-outcome-{kind}")))?;
        match &item.reason {
            Some(reason) if item.outcome != ImportOutcome::AlreadyImported => writeln!(out, ": {}", said(localizer, reason))?,
            _ => writeln!(out)?,
        }
    }
    let args = args([
        ("accepted", i64::from(status.accepted).into()),
        ("conflicts", i64::from(status.conflicts).into()),
        ("already", i64::from(status.already_imported).into()),
        ("refused", i64::from(status.refused).into()),
        ("unreadable", i64::from(status.unreadable).into()),
    ]);
    writeln!(out, "{}", localizer.message("dec-ui-import-done", &args))?;
    Ok(status.unreadable == 0)
}

pub fn summary(dir: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    let overview = dec.overview();
    let language = localizer.language().code();
    let Some(summary) = overview.summary else {
        writeln!(out, "{}", localizer.text("error-dec-not-set-up"))?;
        return Ok(false);
    };
    writeln!(out, "{}", localizer.message("dec-ui-summary-title", &args([("designation", summary.designation.clone().into())])))?;
    for section in &summary.sections {
        writeln!(out)?;
        writeln!(out, "{}", section.title.get(language))?;
        write!(out, "{:>8}", localizer.text("dec-ui-col-station"))?;
        for column in &section.columns {
            write!(out, " {:>6}", column.number)?;
        }
        writeln!(out)?;
        for row in &section.rows {
            write!(out, "{:>8}", row.station)?;
            for value in &row.values {
                write!(out, " {value:>6}")?;
            }
            let mut marks = Vec::new();
            if row.status == domain::dec::RowStatus::SetAside {
                marks.push(localizer.text("dec-ui-status-set-aside"));
            }
            match row.recount {
                Some(domain::dec::RecountMark::AtStation) => marks.push(localizer.text("dec-ui-recount-at-station")),
                Some(domain::dec::RecountMark::Ordered) => marks.push(localizer.text("dec-ui-recount-ordered")),
                None => {}
            }
            marks.extend(row.flags.iter().map(|kind| format!("⚑ {}", localizer.text(&format!("dec-flag-kind-{kind}")))));
            writeln!(out, "  {}", marks.join("; "))?;
        }
        write!(out, "{:>8}", localizer.text("dec-ui-total"))?;
        for value in &section.totals {
            write!(out, " {value:>6}")?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    let t = &summary.totals;
    let count = |n: u32| -> domain::MessageArg { i64::from(n).into() };
    let totals = args([
        ("registered", count(t.registered)),
        ("received", count(t.received)),
        ("counted", count(t.counted)),
        ("set_aside", count(t.set_aside)),
        ("missing", count(t.missing)),
        ("flagged", count(t.flagged)),
    ]);
    writeln!(out, "{}", localizer.message("dec-ui-totals", &totals))?;
    for option in &summary.options {
        writeln!(out, "  {:>8}  {}", option.votes, option.name.get(language))?;
    }
    for station in overview.stations.iter().filter(|s| !s.flags.is_empty()) {
        writeln!(out)?;
        writeln!(out, "{}", localizer.message("dec-ui-station-title", &args([("station", station.station.clone().into())])))?;
        for flag in &station.flags {
            let kind = localizer.text(&format!("dec-flag-kind-{}", flag.kind));
            writeln!(out, "  ⚑ {kind}: {}", localizer.message(&flag.reason.message, &flag.reason.args))?;
        }
        for conflict in &station.conflicts {
            writeln!(out, "    № {} {}", conflict.sequence, conflict.sha256)?;
        }
    }
    Ok(true)
}

pub fn resolve(dir: &Path, station: &str, keep: &str, recount: bool, reason: &str, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    Ok(outcome(dec.resolve_conflict(station, keep, recount, reason), localizer, out)?.is_some())
}

pub fn recount(dir: &Path, station: &str, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    Ok(outcome(dec.mark_recount(station), localizer, out)?.is_some())
}

pub fn set_aside(dir: &Path, station: &str, ground: &str, remote: bool, decision: &str, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(ground) = SetAsideGround::from_name(ground) else {
        let names: Vec<&str> = SetAsideGround::ALL.iter().map(|g| g.name()).collect();
        writeln!(out, "{}", localizer.message("cli-dec-grounds", &args([("grounds", names.join(", ").into())])))?;
        return Ok(false);
    };
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    let scope = if remote { SetAsideScope::RemoteVoting } else { SetAsideScope::Station };
    Ok(outcome(dec.set_aside(station, scope, ground, decision), localizer, out)?.is_some())
}

pub fn export(dir: &Path, folder: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(dec) = open(dir, localizer, out)? else { return Ok(false) };
    let mut all = true;
    for kind in DecDocument::ALL {
        let bytes = dec.document(kind);
        match bytes.and_then(|bytes| dec.save(Some(folder), kind.file_name(), &bytes)) {
            Ok(path) => writeln!(out, "{}", localizer.message("dec-ui-saved", &args([("path", path.into())])))?,
            Err(error) => {
                writeln!(out, "{}: {}", kind.file_name(), said(localizer, &error))?;
                all = false;
            }
        }
    }
    Ok(all)
}
