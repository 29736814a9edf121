//! `driver-conformance`: runs the external driver conformance suite against any driver
//! program and prints the report; exits 0 when every check passed, 1 otherwise.
//!
//! `driver-conformance [--pin PIN] [--try-wrong-pin] [--no-print] [--no-feed]
//! [--wait-ms N] [--grace-ms N] -- PROGRAM [ARGS...]`

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use external::conformance::{self, Options};

const USAGE: &str = "usage: driver-conformance [--pin PIN] [--try-wrong-pin] [--no-print] [--no-feed] \
[--wait-ms N] [--grace-ms N] -- PROGRAM [ARGS...]";

fn millis(value: Option<OsString>) -> Result<Duration, String> {
    value
        .and_then(|v| v.into_string().ok())
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .ok_or_else(|| "expected milliseconds".to_owned())
}

fn parse() -> Result<(PathBuf, Options), String> {
    let mut options = Options::default();
    let mut input = std::env::args_os().skip(1);
    let program = loop {
        let Some(flag) = input.next() else {
            return Err(USAGE.into());
        };
        match flag.to_str() {
            Some("--pin") => {
                options.pin = Some(
                    input
                        .next()
                        .and_then(|p| p.into_string().ok())
                        .ok_or("--pin needs a value")?,
                );
            }
            Some("--try-wrong-pin") => options.try_wrong_pin = true,
            Some("--no-print") => options.print = false,
            Some("--no-feed") => options.feed = false,
            Some("--wait-ms") => options.wait = millis(input.next())?,
            Some("--grace-ms") => options.grace = millis(input.next())?,
            Some("--") => break input.next().ok_or(USAGE)?,
            Some("--help" | "-h") => return Err(USAGE.into()),
            _ => break flag,
        }
    };
    options.args = input.collect();
    Ok((PathBuf::from(program), options))
}

fn main() -> ExitCode {
    let (program, options) = match parse() {
        Ok(parsed) => parsed,
        Err(problem) => {
            eprintln!("{problem}");
            return ExitCode::from(2);
        }
    };
    let report = conformance::run_with(&program, &options);
    print!("{report}");
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
