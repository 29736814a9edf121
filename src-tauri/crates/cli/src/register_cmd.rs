//! `uchastok register generate` (a synthetic register for demos and training) and
//! `uchastok register import` (a register CSV into a station's `register.db`). The work
//! is `store::register`'s; this module reads the arguments, shows progress on stderr
//! and prints the report in the chosen language.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use domain::ElectionDefinition;
use i18n::Localizer;
use store::register::{self, GenerateOptions, GenerateScope, ImportOptions, ImportProgress, ImportStage, RegisterKey};

use crate::{args, election_cmd};

/// What `register generate` was asked for.
pub struct GenerateArgs<'a> {
    pub voters: u64,
    pub seed: u64,
    pub election: &'a Path,
    pub out: &'a Path,
    pub photos: bool,
    pub scope: Option<GenerateScope>,
    pub stations_per_district: Option<u32>,
    pub recent_per_mille: Option<u32>,
}

/// Writes `OUT/register.csv` (and `OUT/photos/*.png` with `--photos`). `Ok(false)` when
/// the election definition is not valid (its problems are printed).
pub fn generate(request: &GenerateArgs<'_>, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(definition) = election_cmd::load(request.election, localizer, out)? else {
        return Ok(false);
    };
    let mut options = GenerateOptions::new(&definition, request.voters, request.seed);
    options.photos = request.photos;
    if let Some(scope) = request.scope {
        options.scope = scope;
    }
    if let Some(count) = request.stations_per_district {
        options.stations_per_district = count;
    }
    if let Some(share) = request.recent_per_mille {
        options.recent_per_mille = share;
    }

    let write_failed = |path: &Path, error: std::io::Error| {
        anyhow!(localizer.message(
            "register-error-write",
            &args([("file", path.display().to_string().into()), ("detail", error.to_string().into())]),
        ))
    };
    std::fs::create_dir_all(request.out).map_err(|error| write_failed(request.out, error))?;
    let csv_path = request.out.join("register.csv");
    let file = File::create(&csv_path).map_err(|error| write_failed(&csv_path, error))?;
    let mut csv = BufWriter::with_capacity(1 << 20, file);
    let folder = request.out.to_path_buf();
    let mut photo_failed: Option<PathBuf> = None;
    let mut write_photo = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let path = folder.join(name);
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, bytes));
        if written.is_err() {
            photo_failed = Some(path);
        }
        written
    };
    let summary = register::generate(&definition, &options, &mut csv, &mut write_photo)
        .and_then(|summary| csv.flush().map(|()| summary))
        .map_err(|error| write_failed(photo_failed.as_deref().unwrap_or(&csv_path), error))?;

    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    let said = localizer.message(
        "cli-register-generated",
        &args([
            ("file", csv_path.display().to_string().into()),
            ("count", count(summary.rows).into()),
            ("photos", count(summary.photos).into()),
            ("recent", count(summary.recent).into()),
            ("days", i64::from(definition.community_registration_days).into()),
            ("station", definition.station.number.as_str().into()),
            ("at_station", count(summary.at_station).into()),
        ]),
    );
    writeln!(out, "{said}")?;
    Ok(true)
}

/// Imports `csv` into the register at `db`, hashing with the key at `key` (created when
/// missing). With `election`, districts must be its contests. Progress goes to
/// `progress_out` (stderr), the report to `out`. `Ok(true)` when the register was
/// imported (even if some rows were rejected: they are listed), `Ok(false)` when it was
/// not (the old register stays).
pub fn import(
    csv: &Path,
    db: &Path,
    key: &Path,
    election: Option<&Path>,
    localizer: &Localizer,
    out: &mut impl Write,
    progress_out: &mut impl Write,
) -> Result<bool> {
    let definition: Option<ElectionDefinition> = match election {
        Some(path) => match election_cmd::load(path, localizer, out)? {
            Some(definition) => Some(definition),
            None => return Ok(false),
        },
        None => None,
    };
    let file = csv.display().to_string();
    let failed = |error: &register::RegisterError, out: &mut dyn Write| -> Result<bool> {
        let problem = localizer.message(error.message_id(), &error.args());
        let said = localizer.message("cli-register-failed", &args([("file", file.clone().into()), ("problem", problem.into())]));
        writeln!(out, "{said}")?;
        if let register::RegisterError::NothingImported { report } = error {
            print_problems(report, localizer, out)?;
        }
        Ok(false)
    };
    for parent in [db, key].into_iter().filter_map(Path::parent).filter(|parent| !parent.as_os_str().is_empty()) {
        if let Err(error) = std::fs::create_dir_all(parent) {
            return failed(&register::RegisterError::Write { path: parent.display().to_string(), detail: error.to_string() }, out);
        }
    }
    let key_file = match RegisterKey::load_or_create(key) {
        Ok(key_file) => key_file,
        Err(error) => return failed(&error, out),
    };
    let options = definition.as_ref().map_or_else(ImportOptions::default, ImportOptions::for_election);

    let mut last_shown: Option<(ImportStage, u64)> = None;
    let mut show = |progress: ImportProgress| {
        // A line per 5 % read, and per 5 % written: enough for a terminal or a log.
        let (step, said) = match progress.stage {
            ImportStage::Reading => {
                let percent = (progress.bytes_done * 100).checked_div(progress.bytes_total).unwrap_or(100);
                let rows = i64::try_from(progress.rows_done).unwrap_or(i64::MAX);
                let text = localizer.message(
                    "cli-register-progress-reading",
                    &args([("rows", rows.into()), ("percent", i64::try_from(percent).unwrap_or(100).into())]),
                );
                (percent / 5, text)
            }
            ImportStage::Writing => {
                let total = progress.rows_total.unwrap_or(progress.rows_done);
                let percent = (progress.rows_done * 100).checked_div(total).unwrap_or(100);
                let text = localizer.message(
                    "cli-register-progress-writing",
                    &args([
                        ("rows", i64::try_from(progress.rows_done).unwrap_or(i64::MAX).into()),
                        ("total", i64::try_from(total).unwrap_or(i64::MAX).into()),
                    ]),
                );
                (percent / 5, text)
            }
        };
        if last_shown != Some((progress.stage, step)) {
            last_shown = Some((progress.stage, step));
            let _ = writeln!(progress_out, "{said}");
        }
        ControlFlow::Continue(())
    };
    let report = match register::import(db, &key_file, csv, &options, &mut show) {
        Ok(report) => report,
        Err(error) => return failed(&error, out),
    };

    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    let db_name = db.display().to_string();
    writeln!(out, "{}", localizer.message("cli-register-imported", &args([("db", db_name.into()), ("file", file.clone().into())])))?;
    let said = localizer.message(
        "cli-register-report",
        &args([
            ("read", count(report.rows_read).into()),
            ("imported", count(report.imported).into()),
            ("rejected", count(report.rejected).into()),
            ("duplicates", count(report.duplicates).into()),
            ("photos", count(report.with_photo).into()),
        ]),
    );
    writeln!(out, "{said}")?;
    writeln!(out, "{}", localizer.message("cli-register-source", &args([("hash", report.source_sha256.clone().into())])))?;
    writeln!(out, "{}", localizer.message("cli-register-key", &args([("file", key.display().to_string().into())])))?;
    print_problems(&report, localizer, out)?;
    Ok(true)
}

fn print_problems(report: &register::ImportReport, localizer: &Localizer, out: &mut dyn Write) -> Result<()> {
    if report.problems.is_empty() {
        return Ok(());
    }
    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    let said = localizer.message(
        "cli-register-problems",
        &args([("total", count(report.problems_total).into()), ("shown", report.problems.len().into())]),
    );
    writeln!(out, "{said}")?;
    for problem in &report.problems {
        writeln!(out, "  - {}", localizer.error(&problem.error))?;
    }
    Ok(())
}
