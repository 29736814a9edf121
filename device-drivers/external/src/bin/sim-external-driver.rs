//! `sim-external-driver`: the simulated station devices behind the external driver
//! protocol (docs/external-driver-protocol.md). It is what a vendor adapter looks like
//! from the app's side, for the demo, for training on the external path, and as the
//! reference the conformance suite is tested against. Its `--misbehave` switches make it
//! a bad driver on purpose, to test that the host survives one.
//!
//! The `sim` crate's source is compiled in rather than depended on: `external` may
//! depend on `driver-api` alone (tests/tests/tidy.rs), so that the host linked into the
//! app can never pull the simulator in, and a binary cannot use dev-dependencies.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;

use driver_api::{Device, DeviceKind, FaultCode};
use external::server::{Extension, Server};
use external::wire::{self, WireError};
use serde_json::{Map, Value, json};

#[allow(dead_code, unused_imports, clippy::all)]
#[path = "../../../sim/src/lib.rs"]
mod sim;

use sim::{Knobs, SimOptions, SimStation, SubjectScript};

const USAGE: &str = "\
usage: sim-external-driver [options]
  --seed N              seed of the simulation (default 2025)
  --kinds K,K,...       offer only devices of these kinds (default: a whole station)
  --failure-rate P      probability 0-1 that a step fails naturally (default 0)
  --real-delays         sleep for the simulated delays
  --finger SUBJECT      someone's finger is on the fingerprint scanner
  --face SUBJECT        someone stands in front of the camera
  --document L1/L2/L3   a document with these MRZ lines is on the reader
  --qr TEXT             a QR code with this text is held to the QR reader
  --protocol N          announce protocol N in hello (to test hosts)
  --misbehave MODE      garbage | mute | exit-at-start | hang:METHOD | hang-once:METHOD
                        | crash:METHOD (repeatable)
Controls (methods): sim.present-finger, sim.show-subject, sim.place-document,
sim.present-code, sim.inject-fault, sim.repair, sim.set-time, sim.script-subject.";

#[derive(Debug, Default)]
struct Args {
    seed: Option<u64>,
    kinds: Option<Vec<String>>,
    failure_rate: f64,
    real_delays: bool,
    finger: Option<String>,
    face: Option<String>,
    document: Option<Vec<String>>,
    qr: Option<String>,
    protocol: Option<u64>,
    misbehave: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut input = std::env::args().skip(1);
    while let Some(flag) = input.next() {
        let mut value = || input.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--seed" => args.seed = Some(value()?.parse().map_err(|_| "--seed takes a number")?),
            "--kinds" => {
                let kinds: Vec<String> = value()?.split(',').map(str::to_owned).collect();
                if let Some(unknown) = kinds.iter().find(|k| DeviceKind::from_code(k).is_none()) {
                    return Err(format!("unknown device kind {unknown}"));
                }
                args.kinds = Some(kinds);
            }
            "--failure-rate" => {
                args.failure_rate = value()?.parse().map_err(|_| "--failure-rate takes 0-1")?
            }
            "--real-delays" => args.real_delays = true,
            "--finger" => args.finger = Some(value()?),
            "--face" => args.face = Some(value()?),
            "--document" => args.document = Some(value()?.split('/').map(str::to_owned).collect()),
            "--qr" => args.qr = Some(value()?),
            "--protocol" => {
                args.protocol = Some(value()?.parse().map_err(|_| "--protocol takes a number")?)
            }
            "--misbehave" => args.misbehave.push(value()?),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(args)
}

/// The `sim.*` control methods.
struct Controls {
    station: SimStation,
}

impl Controls {
    fn device(&self, params: &Map<String, Value>) -> Result<sim::SimDevice, WireError> {
        let id = params
            .get("device")
            .and_then(Value::as_str)
            .ok_or_else(|| WireError::invalid_params("`device`"))?;
        self.station
            .device(id)
            .ok_or_else(|| WireError::new("unknown-device", format!("no device {id}")))
    }

    fn subject(params: &Map<String, Value>) -> Option<String> {
        params
            .get("subject")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    fn control(&mut self, method: &str, params: &Map<String, Value>) -> Result<Value, WireError> {
        let wrong = || {
            WireError::new(
                "unknown-device",
                format!("{method} does not apply to this device"),
            )
        };
        match method {
            "sim.set-time" => {
                let ms = params
                    .get("ms")
                    .and_then(Value::as_u64)
                    .ok_or_else(|| WireError::invalid_params("`ms`"))?;
                self.station.set_time_ms(ms);
            }
            "sim.inject-fault" => {
                let fault = params
                    .get("fault")
                    .and_then(Value::as_str)
                    .and_then(wire::code_from::<FaultCode>)
                    .ok_or_else(|| WireError::invalid_params("`fault` must be a fault code"))?;
                self.device(params)?.inject_fault(fault);
            }
            "sim.repair" => self.device(params)?.repair(),
            "sim.present-finger" => match self.device(params)? {
                sim::SimDevice::FingerprintScanner(d) => {
                    d.present_finger(Self::subject(params).as_deref())
                }
                _ => return Err(wrong()),
            },
            "sim.show-subject" => match self.device(params)? {
                sim::SimDevice::Camera(d) => d.show_subject(Self::subject(params).as_deref()),
                _ => return Err(wrong()),
            },
            "sim.place-document" => match self.device(params)? {
                sim::SimDevice::DocumentReader(d) => match params.get("lines") {
                    Some(Value::Array(lines)) => {
                        d.place_document(
                            lines
                                .iter()
                                .filter_map(Value::as_str)
                                .map(str::to_owned)
                                .collect(),
                        );
                    }
                    _ => d.remove_document(),
                },
                _ => return Err(wrong()),
            },
            "sim.present-code" => match self.device(params)? {
                sim::SimDevice::QrReader(d) => {
                    match params.get("payload").and_then(Value::as_str) {
                        Some(text) => d.present_code(
                            wire::decode_bytes(text).map_err(WireError::invalid_params)?,
                        ),
                        None => d.remove_code(),
                    }
                }
                _ => return Err(wrong()),
            },
            "sim.script-subject" => {
                let subject =
                    Self::subject(params).ok_or_else(|| WireError::invalid_params("`subject`"))?;
                let script = match params.get("fail_next") {
                    Some(Value::String(always)) if always == "always" => {
                        Some(SubjectScript::AlwaysFail)
                    }
                    Some(n) => n
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .map(SubjectScript::FailNext),
                    None => None,
                };
                match self.device(params)? {
                    sim::SimDevice::FingerprintScanner(d) => d.script_subject(&subject, script),
                    sim::SimDevice::FaceMatcher(d) => d.script_subject(&subject, script),
                    _ => return Err(wrong()),
                }
            }
            _ => {
                return Err(WireError::new(
                    "unknown-method",
                    format!("no method {method}"),
                ));
            }
        }
        Ok(json!({}))
    }
}

impl Extension for Controls {
    fn handle(
        &mut self,
        method: &str,
        params: &Map<String, Value>,
    ) -> Option<Result<Value, WireError>> {
        method
            .starts_with("sim.")
            .then(|| self.control(method, params))
    }
}

/// Lines a bad driver writes before each answer.
fn garbage() -> Vec<String> {
    vec![
        "this is not JSON".into(),
        "[1, 2, 3]".into(),
        r#"{"id": "seven", "result": {}}"#.into(),
        r#"{"id": 4000000000, "result": {}}"#.into(),
        r#"{"id": 1, "result": {}, "error": {"code": "x"}}"#.into(),
        r#"{"event": "status", "status": {"id": 3}}"#.into(),
        r#"{"event": "status", "status": {"id": "nobody", "kind": "camera", "state": "ready", "fault": null, "simulated": true, "reserve": false}}"#.into(),
        r#"{"event": "log", "level": "info", "message": "unknown events are fine"}"#.into(),
        r#"{"id": null, "error": {"code": "invalid-request", "message": "complaint"}}"#.into(),
        "x".repeat(10_000),
        String::new(),
    ]
}

fn method_of(line: &str) -> Option<String> {
    serde_json::from_str::<Value>(line)
        .ok()?
        .get("method")?
        .as_str()
        .map(str::to_owned)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(problem) => {
            eprintln!(
                "{problem}{}{USAGE}",
                if problem.is_empty() { "" } else { "\n" }
            );
            return if problem.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let misbehaves = |mode: &str| args.misbehave.iter().any(|m| m == mode);
    if misbehaves("exit-at-start") {
        eprintln!("sim-external-driver: exiting at start, as asked");
        return ExitCode::from(3);
    }

    let knobs = Knobs {
        failure_rate: args.failure_rate,
        real_delays: args.real_delays,
        ..Knobs::default()
    };
    let station = SimStation::with_options(&SimOptions {
        seed: args.seed.unwrap_or(sim::DEFAULT_SEED),
        knobs,
        ..SimOptions::default()
    });
    if let Some(subject) = &args.finger {
        station.fingerprint_scanner.present_finger(Some(subject));
    }
    if let Some(subject) = &args.face {
        station.camera.show_subject(Some(subject));
    }
    if let Some(lines) = &args.document {
        station.document_reader.place_document(lines.clone());
    }
    if let Some(text) = &args.qr {
        station.qr_reader.present_code(text.as_bytes().to_vec());
    }
    let devices: Vec<Arc<dyn Device>> = station
        .dyn_devices()
        .into_iter()
        .filter(|d| {
            args.kinds
                .as_ref()
                .is_none_or(|kinds| kinds.iter().any(|k| k == d.kind().code()))
        })
        .collect();
    let mut server = Server::new(
        &format!("sim-external-driver {}", env!("CARGO_PKG_VERSION")),
        devices,
    )
    .with_extension(Box::new(Controls { station }));
    if let Some(protocol) = args.protocol {
        server = server.announcing_protocol(protocol);
    }

    let mut hung_once: Vec<String> = Vec::new();
    let stdin = io::stdin();
    let mut stdout = io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if line.trim().is_empty() || misbehaves("mute") {
            continue;
        }
        let method = method_of(&line).unwrap_or_default();
        if misbehaves(&format!("crash:{method}")) {
            eprintln!("sim-external-driver: crashing on {method}, as asked");
            return ExitCode::from(101);
        }
        if misbehaves(&format!("hang:{method}")) {
            continue;
        }
        if misbehaves(&format!("hang-once:{method}")) && !hung_once.contains(&method) {
            hung_once.push(method);
            continue;
        }
        let reply = server.handle_line(&line);
        let mut lines = if misbehaves("garbage") {
            garbage()
        } else {
            Vec::new()
        };
        lines.extend(reply.lines);
        let written = lines
            .iter()
            .try_for_each(|l| writeln!(stdout, "{l}"))
            .and_then(|()| stdout.flush());
        if written.is_err() || reply.shutdown {
            break;
        }
    }
    ExitCode::SUCCESS
}
