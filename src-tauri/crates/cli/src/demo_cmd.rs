//! `uchastok demo --station-kind remote|regular --voters N --seed S [--out DIR]`: a whole
//! simulated election day run headless through `api` (the opening meeting, voters at the
//! desk, the count entered twice, the protocol signed), then the protocol of every
//! contest and the check of its control relations printed in the chosen language; then
//! the day's signed bundle is exported (`api::demo_bundle`: with `--out`, into
//! `DIR/bundles/`, beside `DIR/station-key.json` and `DIR/demo-registry.json`). For a
//! district commission's exercise: `--station N` runs the day as another station of the
//! district, `--plant aeu-differs|late-delivery` plants a discrepancy, `--correct`
//! corrects the protocol after the day (§66) and exports a second bundle (a conflict).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use api::Demo;
use api::demo_day::{self, DemoDayOptions, DemoPlant, DemoVariant};
use domain::protocol::{self, LineKind};
use i18n::Localizer;

use crate::args;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StationKindArg {
    /// The Jogorku Kenesh demo at a remote-voting station.
    Remote,
    /// The city-council demo at a regular station.
    Regular,
}

/// What `uchastok demo` was asked for.
pub struct DemoRequest<'a> {
    pub kind: StationKindArg,
    pub voters: u32,
    pub seed: u64,
    pub out: Option<&'a PathBuf>,
    /// Run the day as this station of the district.
    pub station: Option<&'a str>,
    /// A discrepancy to plant (`aeu-differs`, `late-delivery`).
    pub plant: Option<&'a str>,
    /// Correct the protocol after the day (§66) and export a second bundle.
    pub correct: bool,
}

/// `Ok(true)` when the day ran and every control relation holds.
pub fn run(request: &DemoRequest<'_>, localizer: &Localizer, stdout: &mut impl Write) -> Result<bool> {
    let temporary = tempfile::tempdir()?;
    let data_dir = request.out.cloned().unwrap_or_else(|| temporary.path().to_path_buf());
    let out = request.out;
    let demo = match request.kind {
        StationKindArg::Remote => Demo::RemoteVoting,
        StationKindArg::Regular => Demo::CityCouncil,
    };
    let plant = match request.plant {
        None => None,
        Some(name) => match DemoPlant::from_name(name) {
            Some(plant) => Some(plant),
            None => {
                writeln!(stdout, "{}", localizer.message("cli-demo-unknown-plant", &args([("plant", name.into())])))?;
                return Ok(false);
            }
        },
    };
    let options = DemoDayOptions { demo, voters: request.voters, seed: request.seed, data_dir: data_dir.clone() };
    let variant = DemoVariant { station: request.station.map(str::to_owned), plant };
    let day = match demo_day::run_as(&options, &variant) {
        Ok(day) => day,
        Err(error) => {
            writeln!(stdout, "{}", localizer.message(&error.message, &error.args))?;
            return Ok(false);
        }
    };
    let language = localizer.language().code();
    let election = day.station.election().map_err(|e| anyhow::anyhow!("{e}"))?;
    writeln!(
        stdout,
        "{}",
        localizer.message(
            "cli-demo-summary",
            &args([
                ("station", election.station.number.clone().into()),
                ("identified", i64::from(day.identified).into()),
                ("failures", i64::from(day.failures).into()),
            ])
        )
    )?;
    let form = protocol::form_for(election.station.kind).map_err(|_| anyhow::anyhow!("protocol form"))?;
    let mut holds = true;
    for result in &day.results.contests {
        let Some(contest) = election.contests.iter().find(|c| c.id == result.protocol.contest) else { continue };
        writeln!(stdout)?;
        writeln!(stdout, "{} — {}", contest.designation, contest.name.get(language))?;
        for line in form.lines_for(contest) {
            let value = match line.kind {
                LineKind::Line => result.protocol.line(&line.id),
                LineKind::Option => result.protocol.votes(&line.id),
            };
            writeln!(stdout, "{:>4}. {:>7}  {}", line.number, value.unwrap_or(0), line.label.get(language))?;
        }
        let violations = protocol::check(form, contest, &result.protocol);
        if violations.is_empty() {
            let count = i64::try_from(form.relations.len()).unwrap_or(0);
            writeln!(stdout, "{}", localizer.message("cli-demo-relations-hold", &args([("count", count.into())])))?;
        } else {
            holds = false;
            for violation in &violations {
                let (message, said) = violation.explain(form, language);
                let said = said.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
                writeln!(stdout, "  ✗ {}", localizer.message(message, &said))?;
            }
        }
    }
    // The signed bundle, the station's key and a demo registry, beside the station's
    // folder (in the temporary one without --out: the export is checked either way).
    let written = match api::demo_bundle::write_demo_bundle(&day.station, &data_dir) {
        Ok(written) => written,
        Err(error) => {
            writeln!(stdout, "{}", localizer.message(&error.message, &error.args))?;
            return Ok(false);
        }
    };
    let second = if request.correct {
        match demo_day::correct(&day).and_then(|_| api::demo_bundle::write_demo_bundle(&day.station, &data_dir)) {
            Ok(second) => Some(second),
            Err(error) => {
                writeln!(stdout, "{}", localizer.message(&error.message, &error.args))?;
                return Ok(false);
            }
        }
    } else {
        None
    };
    if let Some(out) = out {
        writeln!(stdout)?;
        writeln!(stdout, "{}", localizer.message("cli-demo-kept", &args([("path", out.display().to_string().into())])))?;
        let path = |p: &std::path::Path| p.display().to_string().into();
        writeln!(stdout, "{}", localizer.message("cli-demo-bundle", &args([("path", written.bundle.path.clone().into())])))?;
        if let Some(second) = &second {
            writeln!(stdout, "{}", localizer.message("cli-demo-bundle", &args([("path", second.bundle.path.clone().into())])))?;
        }
        writeln!(
            stdout,
            "{}",
            localizer.message(
                "cli-demo-station-key",
                &args([("path", path(&written.station_key)), ("fingerprint", written.fingerprint.clone().into())])
            )
        )?;
        writeln!(stdout, "{}", localizer.message("cli-demo-registry", &args([("path", path(&written.registry))])))?;
    }
    Ok(holds)
}
