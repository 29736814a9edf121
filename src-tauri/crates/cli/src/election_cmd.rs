//! `uchastok election check FILE`: validates an election definition and prints either
//! its summary or every problem found, in the chosen language.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use domain::election::{Role, parse_definition};
use domain::{ElectionDefinition, ElectionKind, StationKind};
use i18n::Localizer;

use crate::args;

/// Checks `path`; `Ok(true)` when the definition is valid, `Ok(false)` when it has
/// problems (each printed), `Err` when the file cannot be read.
pub fn check(path: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let file = path.display().to_string();
    match load(path, localizer, out)? {
        Some(definition) => {
            summary(&file, &definition, localizer, out).context("writing the summary")?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Reads and validates the definition at `path` for a command that needs one:
/// `Ok(None)` when it has problems (each printed), `Err` when the file cannot be read.
pub fn load(path: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<Option<ElectionDefinition>> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| {
        anyhow!(localizer.message(
            "cli-error-read-file",
            &args([("file", file.clone().into()), ("detail", error.to_string().into())]),
        ))
    })?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(anyhow!(localizer.message("cli-error-not-utf8", &args([("file", file.into())]))));
    };
    // Editors on Windows like to start a UTF-8 file with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);

    match parse_definition(text) {
        Ok(definition) => Ok(Some(definition)),
        Err(problems) => {
            let count = problems.len();
            writeln!(out, "{}", localizer.message("cli-check-invalid", &args([("file", file.into()), ("count", count.into())])))?;
            for problem in &problems {
                writeln!(out, "  - {}", localizer.error(problem))?;
            }
            Ok(None)
        }
    }
}

fn kind_name(kind: ElectionKind) -> &'static str {
    ElectionKind::ALL.iter().find(|(_, k)| *k == kind).map_or("", |(name, _)| name)
}

fn station_kind_name(kind: StationKind) -> &'static str {
    StationKind::ALL.iter().find(|(_, k)| *k == kind).map_or("", |(name, _)| name)
}

fn summary(
    file: &str,
    definition: &ElectionDefinition,
    localizer: &Localizer,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let language = localizer.language().code();
    let say = |id: &str, pairs: &[(&str, domain::MessageArg)]| {
        let map = pairs.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect();
        localizer.message(id, &map)
    };

    writeln!(out, "{}", say("cli-check-valid", &[("file", file.into())]))?;
    writeln!(
        out,
        "{}",
        say(
            "cli-summary-election",
            &[("name", definition.name.get(language).into()), ("id", definition.id.as_str().into())]
        )
    )?;
    writeln!(out, "{}", say("cli-summary-kind", &[("kind", kind_name(definition.kind).into())]))?;
    if definition.training {
        writeln!(out, "{}", say("cli-summary-training", &[]))?;
    }
    writeln!(out, "{}", say("cli-summary-voting-day", &[("date", definition.voting_day.to_string().into())]))?;
    writeln!(out, "{}", say("cli-summary-timezone", &[("timezone", definition.timezone.as_str().into())]))?;
    writeln!(
        out,
        "{}",
        say("cli-summary-registration", &[("days", i64::from(definition.community_registration_days).into())])
    )?;

    let station = &definition.station;
    let district = definition
        .contests
        .iter()
        .find(|contest| contest.id == station.district)
        .map_or(station.district.clone(), |contest| contest.name.get(language).to_owned());
    writeln!(
        out,
        "{}",
        say(
            "cli-summary-station",
            &[
                ("number", station.number.as_str().into()),
                ("kind", station_kind_name(station.kind).into()),
                ("district", district.into()),
            ]
        )
    )?;
    writeln!(out, "{}", say("cli-summary-address", &[("address", station.address.get(language).into())]))?;

    writeln!(out, "{}", say("cli-summary-contests", &[("count", definition.contests.len().into())]))?;
    for contest in &definition.contests {
        writeln!(
            out,
            "  {}",
            say(
                "cli-summary-contest",
                &[
                    ("designation", contest.designation.as_str().into()),
                    ("name", contest.name.get(language).into()),
                    ("options", contest.options.len().into()),
                ]
            )
        )?;
    }
    let name_of = |role| definition.member(role).map_or("", |member| member.name.as_str());
    writeln!(
        out,
        "{}",
        say(
            "cli-summary-commission",
            &[
                ("count", definition.commission.len().into()),
                ("chair", name_of(Role::Chair).into()),
                ("secretary", name_of(Role::Secretary).into()),
            ]
        )
    )?;
    Ok(())
}
