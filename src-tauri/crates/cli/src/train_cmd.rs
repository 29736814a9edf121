//! `uchastok train run SCENARIO --actions FILE [--pdf OUT] [--csv CLASS] [--keep DIR]`:
//! a scripted trainee (`docs/training-scenario.md`) played headless against a scenario —
//! a shipped one by its id, or a scenario file — through `api::training`, then the
//! debrief printed in the chosen language; on request the debrief as a watermarked PDF
//! and its row appended to a class summary (CSV). `uchastok train list`: the shipped
//! scenarios.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow};
use api::training::{open_run, report, scenarios};
use domain::scenario::Scenario;
use domain::trainee::{Trainee, parse_trainee};
use i18n::{Language, Localizer};

use crate::args;

/// What `uchastok train run` was asked for.
pub struct TrainRequest<'a> {
    pub scenario: &'a str,
    pub actions: &'a Path,
    pub pdf: Option<&'a PathBuf>,
    pub csv: Option<&'a PathBuf>,
    pub keep: Option<&'a PathBuf>,
}

/// Reads a text file, or says why not in the chosen language.
fn read_text(path: &Path, localizer: &Localizer) -> Result<String> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| {
        anyhow!(localizer.message("cli-error-read-file", &args([("file", file.clone().into()), ("detail", error.to_string().into())])))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| anyhow!(localizer.message("cli-error-not-utf8", &args([("file", file.into())]))))?;
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

fn print_problems(file: &str, problems: &[domain::DomainError], localizer: &Localizer, out: &mut impl Write) -> Result<()> {
    writeln!(out, "{}", localizer.message("cli-train-invalid", &args([("file", file.into()), ("count", problems.len().into())])))?;
    for problem in problems {
        writeln!(out, "  - {}", localizer.error(problem))?;
    }
    Ok(())
}

/// A shipped scenario by id, else a scenario file; `None` when it has problems (printed).
fn load_scenario(name: &str, localizer: &Localizer, out: &mut impl Write) -> Result<Option<Scenario>> {
    let path = Path::new(name);
    if !path.exists() && scenarios::SHIPPED.iter().any(|(id, _)| *id == name) {
        return scenarios::shipped(name).map(Some).map_err(|error| anyhow!(localizer.message(&error.message, &error.args)));
    }
    if !path.exists() {
        let known: Vec<&str> = scenarios::SHIPPED.iter().map(|(id, _)| *id).collect();
        writeln!(out, "{}", localizer.message("cli-train-unknown-scenario", &args([("scenario", name.into()), ("known", known.join(", ").into())])))?;
        return Ok(None);
    }
    match scenarios::parse(&read_text(path, localizer)?) {
        Ok(scenario) => Ok(Some(scenario)),
        Err(problems) => {
            print_problems(name, &problems, localizer, out)?;
            Ok(None)
        }
    }
}

fn load_trainee(path: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<Option<Trainee>> {
    match parse_trainee(&read_text(path, localizer)?) {
        Ok(trainee) => Ok(Some(trainee)),
        Err(problems) => {
            print_problems(&path.display().to_string(), &problems, localizer, out)?;
            Ok(None)
        }
    }
}

/// `Ok(true)` when the trainee was played to the scenario's end and the debrief printed
/// (whatever deviations it lists); `Ok(false)` when a file has problems or an action could
/// not be played as written (said why).
pub fn run(request: &TrainRequest<'_>, language: Language, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let Some(scenario) = load_scenario(request.scenario, localizer, out)? else { return Ok(false) };
    let Some(trainee) = load_trainee(request.actions, localizer, out)? else { return Ok(false) };
    if trainee.scenario != scenario.id {
        writeln!(
            out,
            "{}",
            localizer.message(
                "cli-train-other-scenario",
                &args([("actions", trainee.scenario.clone().into()), ("scenario", scenario.id.clone().into())]),
            )
        )?;
        return Ok(false);
    }
    let temporary = tempfile::tempdir()?;
    let folder = match request.keep {
        Some(dir) => dir.clone(),
        None => temporary.path().join("run"),
    };
    let run = open_run(&scenario, folder, language).map_err(|error| anyhow!(localizer.message(&error.message, &error.args)))?;
    let debrief = match run.play(&trainee) {
        Ok(debrief) => debrief,
        Err(failure) => {
            let because = localizer.message(&failure.error.message, &failure.error.args);
            writeln!(
                out,
                "{}",
                localizer.message("cli-train-action-failed", &args([("action", failure.action.into()), ("detail", because.into())]))
            )?;
            return Ok(false);
        }
    };
    let view = report::render(&debrief, &scenario, run.election(), language);
    write!(out, "{}", report::text(&view, language))?;
    if let Some(path) = request.pdf {
        let pdf = report::pdf(&view, run.election(), language, run.station().now())
            .map_err(|error| anyhow!(localizer.message(&error.message, &error.args)))?;
        std::fs::write(path, pdf).map_err(|error| {
            anyhow!(localizer.message(
                "cli-train-write-failed",
                &args([("file", path.display().to_string().into()), ("detail", error.to_string().into())])
            ))
        })?;
        writeln!(out, "{}", localizer.message("cli-train-pdf", &args([("path", path.display().to_string().into())])))?;
    }
    if let Some(path) = request.csv {
        report::append_summary(path, &view).map_err(|error| anyhow!(localizer.message(&error.message, &error.args)))?;
        writeln!(out, "{}", localizer.message("cli-train-csv", &args([("path", path.display().to_string().into())])))?;
    }
    Ok(true)
}

/// The shipped scenarios: id, demo, times and title in the chosen language.
pub fn list(language: Language, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let all = scenarios::all_shipped().map_err(|error| anyhow!(localizer.message(&error.message, &error.args)))?;
    for scenario in all {
        writeln!(
            out,
            "{:<24} {:<6} {:>8} – {:<8} {}",
            scenario.id,
            domain::scenario::ScenarioDemo::ALL.iter().find(|(_, d)| *d == scenario.demo).map_or("", |(name, _)| *name),
            scenario.starts.label(),
            scenario.ends.label(),
            scenario.title.get(language.code())
        )?;
    }
    Ok(true)
}
