//! The conformance suite: runs a driver program and checks that it speaks the protocol
//! of docs/external-driver-protocol.md — the handshake, every method of every device
//! kind it offers (result shapes, or error codes allowed for that method with their
//! data), the error shapes for unknown methods, unknown devices and bad parameters, that
//! it survives a malformed request, that everything it writes is a well-formed line,
//! that it answers within the timeouts, and that it shuts down when asked; then, through
//! the host ([`crate::ExternalDriver`]), that its devices are offered as they were
//! announced and turn absent, with typed errors and no panic, when the process dies.
//!
//! The suite works from the raw JSON, not from this crate's own decoding, so it checks
//! the written protocol rather than agreeing with itself.
//!
//! Run it on any adapter with the `driver-conformance` program:
//! `driver-conformance [--pin PIN] [--try-wrong-pin] [--no-print] [--no-feed] -- PROGRAM ARGS...`,
//! or from Rust with [`run`] / [`run_with`]. Methods that wait for a person (a finger, a
//! document) are sent with a short timeout; a real device with nobody in front of it
//! passes by answering the documented error (`no-finger`, `no-document`, `timeout`).
//! A real smart card's PIN is tried only when given, and a wrong PIN only on request
//! (it costs an attempt).

use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use driver_api::{Device, DeviceError, DeviceKind, DeviceState, Wait};
use serde_json::{Value, json};

use crate::wire::{self, COMMON_ERROR_CODES, Incoming, MAX_LINE, PROTOCOL_VERSION, WireError};
use crate::{ExternalDriver, Options as HostOptions};

/// How to run the suite.
#[derive(Debug, Clone)]
pub struct Options {
    pub args: Vec<OsString>,
    /// The `timeout_ms` sent to methods that wait for a person or paper.
    pub wait: Duration,
    /// How much longer than its timeout (or `call_timeout`) an answer may take.
    pub grace: Duration,
    /// The time allowed to methods that do not wait.
    pub call_timeout: Duration,
    /// The smart card's PIN; without it, signing is only checked to be refused.
    pub pin: Option<String>,
    /// Also send a wrong PIN (costs the card an attempt; the right PIN follows).
    pub try_wrong_pin: bool,
    /// Print one test receipt or document on each printer.
    pub print: bool,
    /// Feed one test ballot to each AEU (simulated urns count it; real ones refuse).
    pub feed: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            args: Vec::new(),
            wait: Duration::from_secs(2),
            grace: Duration::from_secs(3),
            call_timeout: Duration::from_secs(10),
            pin: None,
            try_wrong_pin: false,
            print: true,
            feed: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed(String),
    Failed(String),
    Skipped(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub name: String,
    pub outcome: Outcome,
}

/// What the suite found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub command: String,
    /// The driver's name from `hello`, if it got that far.
    pub driver: Option<String>,
    /// The ids and kinds of the devices it offered.
    pub devices: Vec<(String, DeviceKind)>,
    pub checks: Vec<Check>,
}

impl Report {
    /// No check failed (and there was at least one).
    pub fn passed(&self) -> bool {
        !self.checks.is_empty() && self.failures().is_empty()
    }

    pub fn failures(&self) -> Vec<&Check> {
        self.checks
            .iter()
            .filter(|c| matches!(c.outcome, Outcome::Failed(_)))
            .collect()
    }

    pub fn check(&self, name: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.name == name)
    }

    fn record(&mut self, name: impl Into<String>, outcome: Outcome) {
        self.checks.push(Check {
            name: name.into(),
            outcome,
        });
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "conformance of {}", self.command)?;
        if let Some(driver) = &self.driver {
            writeln!(f, "driver: {driver}, {} devices", self.devices.len())?;
        }
        let (mut passed, mut failed, mut skipped) = (0, 0, 0);
        for check in &self.checks {
            let (tag, detail) = match &check.outcome {
                Outcome::Passed(detail) => {
                    passed += 1;
                    ("PASS", detail)
                }
                Outcome::Failed(detail) => {
                    failed += 1;
                    ("FAIL", detail)
                }
                Outcome::Skipped(detail) => {
                    skipped += 1;
                    ("SKIP", detail)
                }
            };
            writeln!(f, "{tag} {} — {detail}", check.name)?;
        }
        writeln!(f, "{passed} passed, {failed} failed, {skipped} skipped")
    }
}

/// Runs the suite with default options and `args`.
pub fn run(command: &Path, args: &[&str]) -> Report {
    run_with(
        command,
        &Options {
            args: args.iter().map(OsString::from).collect(),
            ..Options::default()
        },
    )
}

/// Runs the suite.
pub fn run_with(command: &Path, options: &Options) -> Report {
    let mut report = Report {
        command: command.display().to_string(),
        ..Report::default()
    };
    let mut raw = match Raw::spawn(command, &options.args) {
        Ok(raw) => raw,
        Err(reason) => {
            report.record("spawn", Outcome::Failed(reason));
            return report;
        }
    };
    report.record("spawn", Outcome::Passed("started".into()));
    let suite = Suite {
        options,
        patience: options.call_timeout + options.grace,
    };
    let Some(devices) = suite.handshake(&mut raw, &mut report) else {
        raw.kill();
        return report;
    };
    suite.errors(&mut raw, &mut report, &devices);
    for (id, kind) in &devices {
        if raw.dead.is_some() {
            break;
        }
        suite.status(&mut raw, &mut report, id, *kind);
        suite.device(&mut raw, &mut report, id, *kind);
    }
    if raw.dead.is_none() {
        let outcome =
            match raw.request("cancel", json!({"request": 999_999_999u64}), suite.patience) {
                Ok(Ok(result)) if result.is_object() => Outcome::Passed("accepted".into()),
                other => Outcome::Failed(format!(
                    "cancel of an unknown request must answer {{}}: {other:?}"
                )),
            };
        report.record("cancel", outcome);
    }
    match raw.dead.clone() {
        Some(reason) => report.record(
            "stays up until shutdown",
            Outcome::Failed(format!("{reason}; later checks skipped")),
        ),
        None => suite.shutdown(&mut raw, &mut report),
    }
    let outcome = if raw.violations.is_empty() {
        Outcome::Passed(format!(
            "{} lines read, {} events",
            raw.lines_read, raw.events
        ))
    } else {
        Outcome::Failed(raw.violations())
    };
    report.record("output is well-formed", outcome);
    raw.kill();
    suite.host(command, &mut report, &devices);
    report
}

struct Suite<'a> {
    options: &'a Options,
    patience: Duration,
}

type Answer = Result<Value, WireError>;

impl Suite<'_> {
    fn waiting_patience(&self) -> Duration {
        self.options.wait + self.options.grace
    }

    fn timeout_ms(&self) -> u64 {
        u64::try_from(self.options.wait.as_millis()).unwrap_or(u64::MAX)
    }

    fn handshake(&self, raw: &mut Raw, report: &mut Report) -> Option<Vec<(String, DeviceKind)>> {
        let answer = raw.request(
            "hello",
            json!({"protocol": PROTOCOL_VERSION, "host": "conformance"}),
            self.patience,
        );
        let result = match answer {
            Ok(Ok(result)) => result,
            Ok(Err(error)) => {
                report.record(
                    "handshake",
                    Outcome::Failed(format!("hello refused: {error:?}")),
                );
                return None;
            }
            Err(reason) => {
                report.record("handshake", Outcome::Failed(reason));
                return None;
            }
        };
        match hello_devices(&result) {
            Ok((driver, devices)) => {
                report.driver = Some(driver);
                report.devices.clone_from(&devices);
                raw.known = devices.iter().map(|(id, _)| id.clone()).collect();
                report.record(
                    "handshake",
                    Outcome::Passed(format!("{} devices", devices.len())),
                );
                Some(devices)
            }
            Err(reason) => {
                report.record("handshake", Outcome::Failed(reason));
                None
            }
        }
    }

    fn errors(&self, raw: &mut Raw, report: &mut Report, devices: &[(String, DeviceKind)]) {
        let some_device = devices
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default();
        let expect = |answer: Result<Answer, String>, code: &str| match answer {
            Ok(Err(error)) if error.code == code => Outcome::Passed(format!("answered {code}")),
            other => Outcome::Failed(format!("expected error {code}, got {other:?}")),
        };
        let answer = raw.request(
            "conformance.no-such-method",
            json!({"device": some_device}),
            self.patience,
        );
        report.record("errors: unknown method", expect(answer, "unknown-method"));
        let answer = raw.request(
            "status",
            json!({"device": "conformance-no-such-device"}),
            self.patience,
        );
        report.record("errors: unknown device", expect(answer, "unknown-device"));
        let answer = raw.request("status", json!({}), self.patience);
        report.record("errors: missing device", expect(answer, "invalid-params"));
        if let Some((id, kind)) = devices.first() {
            let other = DeviceKind::ALL.into_iter().find(|k| {
                wire::methods_of(*k)
                    .iter()
                    .all(|m| !wire::methods_of(*kind).contains(m))
            });
            if let Some(other) = other {
                let method = wire::methods_of(other)[0];
                let answer = raw.request(
                    method,
                    json!({"device": id, "timeout_ms": self.timeout_ms()}),
                    self.patience,
                );
                report.record(
                    "errors: method of another kind",
                    expect(answer, "unknown-device"),
                );
            }
        }
        let outcome = match raw.send_line("{this is not a request") {
            Err(reason) => Outcome::Failed(reason),
            Ok(()) => match raw.await_id(None, self.patience) {
                Ok(Err(error)) if error.code == "invalid-request" => {
                    match raw.request("status", json!({"device": some_device}), self.patience) {
                        Ok(Ok(_)) => Outcome::Passed(
                            "answered invalid-request with a null id and went on".into(),
                        ),
                        other => Outcome::Failed(format!(
                            "did not answer after a malformed line: {other:?}"
                        )),
                    }
                }
                other => Outcome::Failed(format!(
                    "expected {{\"id\":null,\"error\":{{\"code\":\"invalid-request\"}}}}, got {other:?}"
                )),
            },
        };
        report.record("errors: malformed request", outcome);
    }

    fn status(&self, raw: &mut Raw, report: &mut Report, id: &str, kind: DeviceKind) {
        let outcome = match raw.request("status", json!({"device": id}), self.patience) {
            Ok(Ok(status)) => match check_status(&status) {
                Ok((got_id, got_kind, _)) if got_id == id && got_kind == kind => {
                    Outcome::Passed("consistent".into())
                }
                Ok((got_id, got_kind, _)) => {
                    Outcome::Failed(format!("status of {got_id} ({got_kind:?})"))
                }
                Err(reason) => Outcome::Failed(reason),
            },
            other => Outcome::Failed(format!("{other:?}")),
        };
        report.record(format!("status {id}"), outcome);
    }

    /// Sends `method` to `id` and checks the answer: `result` validated by `shape`, or an
    /// error allowed for the method, with its data.
    fn method(
        &self,
        raw: &mut Raw,
        report: &mut Report,
        (method, id): (&str, &str),
        mut params: Value,
        waits: bool,
        shape: &dyn Fn(&Value) -> Result<String, String>,
    ) -> Option<Value> {
        if let Value::Object(map) = &mut params {
            map.insert("device".into(), json!(id));
            if waits {
                map.insert("timeout_ms".into(), json!(self.timeout_ms()));
            }
        }
        let patience = if waits {
            self.waiting_patience()
        } else {
            self.patience
        };
        let (outcome, result) = match raw.request(method, params, patience) {
            Ok(Ok(result)) => match shape(&result) {
                Ok(detail) => (Outcome::Passed(format!("result: {detail}")), Some(result)),
                Err(reason) => (Outcome::Failed(format!("result: {reason}")), None),
            },
            Ok(Err(error)) => match check_error(method, &error) {
                Ok(()) => (Outcome::Passed(format!("error: {}", error.code)), None),
                Err(reason) => (Outcome::Failed(reason), None),
            },
            Err(reason) => (Outcome::Failed(reason), None),
        };
        report.record(format!("{method} {id}"), outcome);
        result
    }

    /// Like `method`, for requests that must be refused with one of `codes`.
    fn refused(
        &self,
        raw: &mut Raw,
        report: &mut Report,
        name: &str,
        (method, id): (&str, &str),
        mut params: Value,
        codes: &[&str],
    ) {
        if let Value::Object(map) = &mut params {
            map.insert("device".into(), json!(id));
        }
        let outcome = match raw.request(method, params, self.waiting_patience()) {
            Ok(Err(error)) if codes.contains(&error.code.as_str()) => {
                Outcome::Passed(format!("error: {}", error.code))
            }
            other => Outcome::Failed(format!("expected one of {codes:?}, got {other:?}")),
        };
        report.record(format!("{name} {id}"), outcome);
    }

    fn device(&self, raw: &mut Raw, report: &mut Report, id: &str, kind: DeviceKind) {
        match kind {
            DeviceKind::Camera => {
                self.method(
                    raw,
                    report,
                    ("camera.frame", id),
                    json!({}),
                    true,
                    &check_frame,
                );
            }
            DeviceKind::DocumentReader => {
                self.method(
                    raw,
                    report,
                    ("document-reader.read-mrz", id),
                    json!({}),
                    true,
                    &|v| {
                        let lines = array(v, "lines")?;
                        if lines.is_empty() || !lines.iter().all(Value::is_string) {
                            return Err("`lines` must be a non-empty array of strings".into());
                        }
                        Ok(format!("{} lines", lines.len()))
                    },
                );
            }
            DeviceKind::QrReader => {
                self.method(raw, report, ("qr-reader.scan", id), json!({}), true, &|v| {
                    bytes(v, "payload").map(|b| format!("{} bytes", b.len()))
                });
            }
            DeviceKind::FingerprintScanner => self.fingerprint(raw, report, id),
            DeviceKind::FaceMatcher => {
                let frame = json!({"width": 16, "height": 16, "format": "gray8", "sequence": 1, "data": STANDARD.encode([128u8; 256])});
                let photo =
                    json!({"media_type": "image/png", "data": STANDARD.encode(b"conformance")});
                self.method(
                    raw,
                    report,
                    ("face-matcher.compare", id),
                    json!({"live": frame, "reference": photo}),
                    true,
                    &check_score,
                );
                let broken = json!({"width": 16, "height": 16, "format": "gray8", "data": STANDARD.encode([0u8; 3])});
                let params =
                    json!({"live": broken, "reference": photo, "timeout_ms": self.timeout_ms()});
                self.refused(
                    raw,
                    report,
                    "face-matcher.compare (frame of the wrong size)",
                    ("face-matcher.compare", id),
                    params,
                    &["invalid-params"],
                );
            }
            DeviceKind::BallotPrinter | DeviceKind::DocumentPrinter => {
                self.printer(raw, report, id, kind)
            }
            DeviceKind::Aeu => self.aeu(raw, report, id),
            DeviceKind::SmartCard => self.smart_card(raw, report, id),
            DeviceKind::ObserverDisplay => {
                let content = json!({"station": "conformance", "training": true, "voters_in_list": 1000, "voters_identified": 1, "photo": null, "notice": "conformance"});
                self.method(
                    raw,
                    report,
                    ("observer-display.show", id),
                    json!({"content": content}),
                    false,
                    &check_empty,
                );
                self.refused(
                    raw,
                    report,
                    "observer-display.show (no content)",
                    ("observer-display.show", id),
                    json!({}),
                    &["invalid-params"],
                );
            }
        }
    }

    fn fingerprint(&self, raw: &mut Raw, report: &mut Report, id: &str) {
        let template = self.method(
            raw,
            report,
            ("fingerprint-scanner.capture", id),
            json!({}),
            true,
            &|v| {
                let format = string(v, "format")?;
                let data = bytes(v, "data")?;
                if format.is_empty() || data.is_empty() {
                    return Err("a template needs a format and data".into());
                }
                Ok(format!("{format}, {} bytes", data.len()))
            },
        );
        let foreign = json!({"format": "conformance-unknown-format", "data": STANDARD.encode(b"conformance")});
        match template {
            Some(template) => {
                self.method(
                    raw,
                    report,
                    ("fingerprint-scanner.quality", id),
                    json!({"template": template}),
                    false,
                    &check_quality,
                );
                self.method(
                    raw,
                    report,
                    ("fingerprint-scanner.verify", id),
                    json!({"live": template, "reference": template}),
                    false,
                    &check_score,
                );
            }
            None => report.record(
                format!("fingerprint-scanner.verify {id}"),
                Outcome::Skipped("no finger captured; only refusals checked".into()),
            ),
        }
        self.refused(
            raw,
            report,
            "fingerprint-scanner.quality (foreign template)",
            ("fingerprint-scanner.quality", id),
            json!({"template": foreign}),
            &["invalid-template"],
        );
        self.refused(
            raw,
            report,
            "fingerprint-scanner.verify (foreign templates)",
            ("fingerprint-scanner.verify", id),
            json!({"live": foreign, "reference": foreign}),
            &["invalid-template"],
        );
        self.refused(
            raw,
            report,
            "fingerprint-scanner.verify (no reference)",
            ("fingerprint-scanner.verify", id),
            json!({"live": foreign}),
            &["invalid-params"],
        );
    }

    fn printer(&self, raw: &mut Raw, report: &mut Report, id: &str, kind: DeviceKind) {
        let job_kind = if kind == DeviceKind::BallotPrinter {
            "receipt"
        } else {
            "document"
        };
        let text = json!({"type": "text", "text": "uchastok: driver conformance test"});
        if self.options.print {
            self.method(
                raw,
                report,
                ("printer.print", id),
                json!({"job": {"kind": job_kind, "copies": 1, "payload": text}}),
                true,
                &|v| {
                    let copies = uint(v, "copies")?;
                    uint(v, "job")?;
                    if copies != 1 {
                        return Err(format!("1 copy asked, {copies} reported"));
                    }
                    Ok("printed".into())
                },
            );
        } else {
            report.record(
                format!("printer.print {id}"),
                Outcome::Skipped("printing not allowed (--no-print)".into()),
            );
        }
        let params = json!({"job": {"kind": job_kind, "copies": 0, "payload": text}, "timeout_ms": self.timeout_ms()});
        self.refused(
            raw,
            report,
            "printer.print (no copies)",
            ("printer.print", id),
            params,
            &["invalid-job", "invalid-params"],
        );
        let params = json!({"job": {"kind": job_kind, "copies": 1, "payload": {"type": "hologram"}}, "timeout_ms": self.timeout_ms()});
        self.refused(
            raw,
            report,
            "printer.print (unknown payload)",
            ("printer.print", id),
            params,
            &["invalid-params"],
        );
    }

    fn aeu(&self, raw: &mut Raw, report: &mut Report, id: &str) {
        let before = self.method(
            raw,
            report,
            ("aeu.ballots-processed", id),
            json!({}),
            false,
            &|v| uint(v, "count").map(|c| format!("{c} ballots")),
        );
        self.method(
            raw,
            report,
            ("aeu.preliminary-results", id),
            json!({}),
            false,
            &check_tallies,
        );
        if !self.options.feed {
            report.record(
                format!("aeu.feed {id}"),
                Outcome::Skipped("feeding not allowed (--no-feed)".into()),
            );
            return;
        }
        let ballot =
            json!({"contests": [{"contest": "conformance", "options": ["conformance-option"]}]});
        let fed = self.method(
            raw,
            report,
            ("aeu.feed", id),
            json!({"ballot": ballot}),
            false,
            &|v| uint(v, "ballot_number").map(|n| format!("ballot {n}")),
        );
        if let (Some(before), Some(fed)) = (before, fed) {
            let (before, number) = (before["count"].as_u64(), fed["ballot_number"].as_u64());
            let after = raw.request(
                "aeu.ballots-processed",
                json!({"device": id}),
                self.patience,
            );
            let outcome = match after {
                Ok(Ok(after))
                    if after["count"].as_u64() == before.map(|b| b + 1)
                        && number == before.map(|b| b + 1) =>
                {
                    Outcome::Passed("the fed ballot was counted".into())
                }
                other => Outcome::Failed(format!(
                    "count before {before:?}, ballot number {number:?}, after {other:?}"
                )),
            };
            report.record(format!("aeu.feed counts {id}"), outcome);
        }
    }

    fn smart_card(&self, raw: &mut Raw, report: &mut Report, id: &str) {
        self.method(
            raw,
            report,
            ("smart-card.present", id),
            json!({}),
            false,
            &|v| {
                v.get("present")
                    .and_then(Value::as_bool)
                    .map(|p| format!("present: {p}"))
                    .ok_or_else(|| "`present` must be a boolean".into())
            },
        );
        let key = self.method(
            raw,
            report,
            ("smart-card.public-key", id),
            json!({}),
            false,
            &|v| {
                let algorithm = string(v, "algorithm")?;
                let key = bytes(v, "key")?;
                check_algorithm(&algorithm)?;
                if algorithm == "ed25519" && key.len() != 32 {
                    return Err(format!("an Ed25519 key has 32 bytes, not {}", key.len()));
                }
                Ok(format!("{algorithm}, {} bytes", key.len()))
            },
        );
        let message = b"uchastok driver conformance";
        let sign_params = json!({"message": STANDARD.encode(message)});
        let Some(pin) = &self.options.pin else {
            report.record(
                format!("smart-card.verify-pin {id}"),
                Outcome::Skipped("no PIN given (--pin)".into()),
            );
            self.method(
                raw,
                report,
                ("smart-card.sign", id),
                sign_params,
                false,
                &check_signature_shape,
            );
            return;
        };
        if self.options.try_wrong_pin {
            let wrong = if pin == "0000" { "9999" } else { "0000" };
            self.refused(
                raw,
                report,
                "smart-card.verify-pin (wrong PIN)",
                ("smart-card.verify-pin", id),
                json!({"pin": wrong}),
                &["wrong-pin", "card-absent"],
            );
        }
        self.method(
            raw,
            report,
            ("smart-card.verify-pin", id),
            json!({"pin": pin}),
            false,
            &check_empty,
        );
        let signature = self.method(
            raw,
            report,
            ("smart-card.sign", id),
            sign_params,
            false,
            &check_signature_shape,
        );
        if let (Some(key), Some(signature)) = (key, signature) {
            let outcome = match verify_signature(&key, &signature, message) {
                Ok(detail) => Outcome::Passed(detail),
                Err(reason) => Outcome::Failed(reason),
            };
            report.record(format!("smart-card.sign verifies {id}"), outcome);
        }
    }

    fn shutdown(&self, raw: &mut Raw, report: &mut Report) {
        let outcome = match raw.request("shutdown", json!({}), self.patience) {
            Ok(Ok(result)) if result.is_object() => {
                let deadline = Instant::now() + self.options.grace + Duration::from_secs(2);
                loop {
                    match raw.child.try_wait() {
                        Ok(Some(_)) => break Outcome::Passed("exited".into()),
                        Ok(None) if Instant::now() < deadline => {
                            thread::sleep(Duration::from_millis(10))
                        }
                        Ok(None) => break Outcome::Failed("still running after shutdown".into()),
                        Err(error) => break Outcome::Failed(error.to_string()),
                    }
                }
            }
            other => Outcome::Failed(format!("shutdown must answer {{}}: {other:?}")),
        };
        report.record("shutdown", outcome);
    }

    /// Through the host: the devices as announced, then a crash.
    fn host(&self, command: &Path, report: &mut Report, devices: &[(String, DeviceKind)]) {
        let options = HostOptions {
            handshake_timeout: self.patience,
            call_timeout: self.options.call_timeout,
            grace: self.options.grace,
            ..HostOptions::default()
        };
        let driver = match ExternalDriver::spawn(command, &self.options.args, options) {
            Ok(driver) => driver,
            Err(error) => {
                report.record("host: handshake", Outcome::Failed(error.to_string()));
                return;
            }
        };
        let offered: Vec<(String, DeviceKind)> = driver
            .devices()
            .iter()
            .map(|d| (d.id().to_owned(), d.kind()))
            .collect();
        let outcome = if offered == devices {
            Outcome::Passed(format!("{} devices", offered.len()))
        } else {
            Outcome::Failed(format!("the host sees {offered:?}"))
        };
        report.record("host: handshake", outcome);

        driver.kill();
        let all = driver.dyn_devices();
        let absent = all.iter().all(|d| d.status().state == DeviceState::Absent);
        let probes: Vec<String> = all
            .iter()
            .filter_map(|d| probe_absent(d.as_ref()).err())
            .collect();
        let outcome = if absent && probes.is_empty() {
            Outcome::Passed("every device absent, every call answered Absent".into())
        } else {
            Outcome::Failed(format!("absent: {absent}; {}", probes.join("; ")))
        };
        report.record("host: a dead driver leaves absent devices", outcome);
    }
}

/// Calls each device's first method after its driver died: it must answer `Absent`.
fn probe_absent(device: &dyn Device) -> Result<(), String> {
    let wait = Wait::up_to(Duration::from_millis(100));
    let error: Option<DeviceError> = if let Some(camera) = device.as_camera() {
        camera.frame(&wait).err()
    } else if let Some(reader) = device.as_document_reader() {
        reader.read_mrz(&wait).err().map(|e| match e {
            driver_api::DocumentError::Device(e) => e,
            other => DeviceError::Protocol {
                id: String::new(),
                detail: other.to_string(),
            },
        })
    } else if let Some(reader) = device.as_qr_reader() {
        reader.scan(&wait).err().map(|e| match e {
            driver_api::QrError::Device(e) => e,
            other => DeviceError::Protocol {
                id: String::new(),
                detail: other.to_string(),
            },
        })
    } else if let Some(scanner) = device.as_fingerprint_scanner() {
        scanner.capture(&wait).err().map(|e| match e {
            driver_api::FingerprintError::Device(e) => e,
            other => DeviceError::Protocol {
                id: String::new(),
                detail: other.to_string(),
            },
        })
    } else if let Some(matcher) = device.as_face_matcher() {
        let frame = driver_api::Frame {
            width: 1,
            height: 1,
            format: driver_api::PixelFormat::Gray8,
            data: vec![0],
            sequence: 0,
        };
        let photo = driver_api::Photo {
            media_type: "image/png".into(),
            data: vec![0],
        };
        matcher
            .compare(&frame, &photo, &wait)
            .err()
            .map(|e| match e {
                driver_api::FaceError::Device(e) => e,
                other => DeviceError::Protocol {
                    id: String::new(),
                    detail: other.to_string(),
                },
            })
    } else if let Some(printer) = device.as_printer() {
        let job = driver_api::PrintJob {
            kind: driver_api::PrintKind::Document,
            payload: driver_api::PrintPayload::Text("x".into()),
            copies: 1,
        };
        printer.print(&job, &wait).err().map(|e| match e {
            driver_api::PrinterError::Device(e) => e,
            other => DeviceError::Protocol {
                id: String::new(),
                detail: other.to_string(),
            },
        })
    } else if let Some(aeu) = device.as_aeu() {
        aeu.ballots_processed().err().map(|e| match e {
            driver_api::AeuError::Device(e) => e,
            other => DeviceError::Protocol {
                id: String::new(),
                detail: other.to_string(),
            },
        })
    } else if let Some(card) = device.as_smart_card() {
        card.present().err()
    } else if let Some(display) = device.as_observer_display() {
        display.show(&driver_api::MonitorContent::default()).err()
    } else {
        return Err(format!("{} offers no trait", device.id()));
    };
    match error {
        Some(DeviceError::Absent(_)) => Ok(()),
        other => Err(format!("{}: {other:?}", device.id())),
    }
}

// ---------------------------------------------------------------------------------------
// Shapes, from the raw JSON

fn field<'a>(value: &'a Value, name: &str) -> Result<&'a Value, String> {
    value
        .get(name)
        .ok_or_else(|| format!("`{name}` is missing"))
}

fn string(value: &Value, name: &str) -> Result<String, String> {
    field(value, name)?
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("`{name}` must be a string"))
}

fn uint(value: &Value, name: &str) -> Result<u64, String> {
    field(value, name)?
        .as_u64()
        .ok_or_else(|| format!("`{name}` must be an unsigned integer"))
}

fn array<'a>(value: &'a Value, name: &str) -> Result<&'a Vec<Value>, String> {
    field(value, name)?
        .as_array()
        .ok_or_else(|| format!("`{name}` must be an array"))
}

fn bytes(value: &Value, name: &str) -> Result<Vec<u8>, String> {
    let text = string(value, name)?;
    STANDARD
        .decode(text)
        .map_err(|e| format!("`{name}` must be standard base64: {e}"))
}

fn percent(value: &Value, name: &str) -> Result<u64, String> {
    let v = uint(value, name)?;
    if v > 100 {
        return Err(format!("`{name}` {v} is above 100"));
    }
    Ok(v)
}

fn check_empty(value: &Value) -> Result<String, String> {
    if value.is_object() {
        Ok("{}".into())
    } else {
        Err("must be an object".into())
    }
}

fn check_score(value: &Value) -> Result<String, String> {
    percent(value, "score").map(|s| format!("score {s}"))
}

fn check_quality(value: &Value) -> Result<String, String> {
    percent(value, "quality").map(|q| format!("quality {q}"))
}

fn check_algorithm(algorithm: &str) -> Result<(), String> {
    if ["ed25519", "ecdsa-p256-sha256", "rsa-pkcs1-sha256"].contains(&algorithm) {
        Ok(())
    } else {
        Err(format!("unknown algorithm {algorithm}"))
    }
}

fn check_signature_shape(value: &Value) -> Result<String, String> {
    let algorithm = string(value, "algorithm")?;
    check_algorithm(&algorithm)?;
    let signature = bytes(value, "signature")?;
    Ok(format!("{algorithm}, {} bytes", signature.len()))
}

fn verify_signature(key: &Value, signature: &Value, message: &[u8]) -> Result<String, String> {
    use ring::signature::{
        ECDSA_P256_SHA256_ASN1, ED25519, RSA_PKCS1_2048_8192_SHA256, UnparsedPublicKey,
    };
    let algorithm = string(signature, "algorithm")?;
    if string(key, "algorithm")? != algorithm {
        return Err("the signature's algorithm is not the key's".into());
    }
    let (key, signature) = (bytes(key, "key")?, bytes(signature, "signature")?);
    let verifier: &dyn ring::signature::VerificationAlgorithm = match algorithm.as_str() {
        "ed25519" => &ED25519,
        "ecdsa-p256-sha256" => &ECDSA_P256_SHA256_ASN1,
        _ => &RSA_PKCS1_2048_8192_SHA256,
    };
    UnparsedPublicKey::new(verifier, &key)
        .verify(message, &signature)
        .map(|()| format!("{algorithm} signature verifies with the card's public key"))
        .map_err(|_| "the signature does not verify with the card's public key".into())
}

fn check_frame(value: &Value) -> Result<String, String> {
    let (width, height) = (uint(value, "width")?, uint(value, "height")?);
    uint(value, "sequence")?;
    let per_pixel = match string(value, "format")?.as_str() {
        "gray8" => 1,
        "rgb8" => 3,
        other => return Err(format!("unknown pixel format {other}")),
    };
    let data = bytes(value, "data")?;
    let expected = width.saturating_mul(height).saturating_mul(per_pixel);
    if width == 0 || height == 0 || u64::try_from(data.len()).ok() != Some(expected) {
        return Err(format!(
            "{}x{} needs {expected} bytes, got {}",
            width,
            height,
            data.len()
        ));
    }
    Ok(format!("{width}x{height}"))
}

fn check_tallies(value: &Value) -> Result<String, String> {
    let contests = array(value, "contests")?;
    for contest in contests {
        string(contest, "contest")?;
        uint(contest, "invalid")?;
        for count in array(contest, "counts")? {
            string(count, "option")?;
            uint(count, "count")?;
        }
    }
    Ok(format!("{} contests", contests.len()))
}

const STATES: &[&str] = &["ready", "busy", "fault", "absent"];
const FAULTS: &[&str] = &[
    "jammed",
    "out-of-paper",
    "disconnected",
    "not-responding",
    "broken",
    "blocked",
];

/// A status object; answers its id, kind and state.
fn check_status(value: &Value) -> Result<(String, DeviceKind, String), String> {
    let id = string(value, "id")?;
    let kind_code = string(value, "kind")?;
    let kind = DeviceKind::from_code(&kind_code)
        .ok_or_else(|| format!("{id}: unknown kind {kind_code}"))?;
    let state = string(value, "state")?;
    if !STATES.contains(&state.as_str()) {
        return Err(format!("{id}: unknown state {state}"));
    }
    match field(value, "fault")? {
        Value::Null if state == "fault" => {
            return Err(format!("{id}: state fault without a fault code"));
        }
        Value::Null => {}
        Value::String(fault) if FAULTS.contains(&fault.as_str()) => {}
        other => return Err(format!("{id}: bad fault {other}")),
    }
    for flag in ["simulated", "reserve"] {
        if !field(value, flag)?.is_boolean() {
            return Err(format!("{id}: `{flag}` must be a boolean"));
        }
    }
    Ok((id, kind, state))
}

fn hello_devices(result: &Value) -> Result<(String, Vec<(String, DeviceKind)>), String> {
    let protocol = uint(result, "protocol")?;
    if protocol != PROTOCOL_VERSION {
        return Err(format!("protocol {protocol}, expected {PROTOCOL_VERSION}"));
    }
    let driver = string(result, "driver")?;
    if driver.trim().is_empty() {
        return Err("`driver` must name the driver".into());
    }
    let mut devices: Vec<(String, DeviceKind)> = Vec::new();
    for status in array(result, "devices")? {
        let (id, kind, _) = check_status(status)?;
        if devices.iter().any(|(known, _)| *known == id) {
            return Err(format!("device {id} listed twice"));
        }
        devices.push((id, kind));
    }
    if devices.is_empty() {
        return Err("no devices offered".into());
    }
    Ok((driver, devices))
}

/// An error must carry a code allowed for its method, a message, and the data its code
/// promises.
fn check_error(method: &str, error: &WireError) -> Result<(), String> {
    let code = error.code.as_str();
    if !COMMON_ERROR_CODES.contains(&code) && !wire::method_error_codes(method).contains(&code) {
        return Err(format!("error code {code} is not one {method} may answer"));
    }
    let data = &error.data;
    let needs: &[&str] = match code {
        "fault" => &["fault"],
        "low-quality" => &["quality"],
        "no-match" => &["score"],
        "jammed" | "out-of-paper" => &["job", "copies_printed"],
        "unsupported-job" => &["kind"],
        "wrong-pin" => &["attempts_left"],
        _ => &[],
    };
    for name in needs {
        if data.get(name).is_none() {
            return Err(format!("error {code} without data.{name}"));
        }
    }
    if code == "fault" && !data["fault"].as_str().is_some_and(|f| FAULTS.contains(&f)) {
        return Err(format!(
            "error fault with an unknown fault {}",
            data["fault"]
        ));
    }
    for name in ["quality", "score"] {
        if needs.contains(&name) && data[name].as_u64().is_none_or(|v| v > 100) {
            return Err(format!("error {code}: data.{name} must be 0–100"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The raw session

struct Raw {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<Option<Result<String, String>>>,
    next_id: u64,
    known: HashSet<String>,
    /// Distinct problems with the driver's output, each with how often it happened.
    violations: Vec<(String, u64)>,
    lines_read: u64,
    events: u64,
    /// Why the driver can no longer be talked to.
    dead: Option<String>,
}

impl Raw {
    fn spawn(command: &Path, args: &[OsString]) -> Result<Raw, String> {
        let mut child = Command::new(command)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", command.display()))?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err("no pipes to the child".into());
        };
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut line = Vec::new();
                let limit = u64::try_from(MAX_LINE).unwrap_or(u64::MAX) + 1;
                match (&mut reader).take(limit).read_until(b'\n', &mut line) {
                    Ok(0) | Err(_) => {
                        let _ = tx.send(None);
                        return;
                    }
                    Ok(_) => {}
                }
                if line.last() != Some(&b'\n') && line.len() > MAX_LINE {
                    let _ = tx.send(Some(Err(format!("a line longer than {MAX_LINE} bytes"))));
                    let _ = tx.send(None);
                    return;
                }
                while matches!(line.last(), Some(b'\n' | b'\r')) {
                    line.pop();
                }
                let item =
                    String::from_utf8(line).map_err(|_| "a line that is not UTF-8".to_owned());
                if tx.send(Some(item)).is_err() {
                    return;
                }
            }
        });
        thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = BufReader::new(stderr).read_to_end(&mut sink);
        });
        Ok(Raw {
            child,
            stdin: Some(stdin),
            lines,
            next_id: 1,
            known: HashSet::new(),
            violations: Vec::new(),
            lines_read: 0,
            events: 0,
            dead: None,
        })
    }

    const KEPT_VIOLATIONS: usize = 12;

    fn violation(&mut self, problem: String) {
        if let Some((_, count)) = self
            .violations
            .iter_mut()
            .find(|(known, _)| *known == problem)
        {
            *count += 1;
        } else if self.violations.len() < Self::KEPT_VIOLATIONS {
            self.violations.push((problem, 1));
        }
    }

    fn violations(&self) -> String {
        let shown: Vec<String> = self
            .violations
            .iter()
            .map(|(problem, count)| {
                if *count > 1 {
                    format!("{problem} (×{count})")
                } else {
                    problem.clone()
                }
            })
            .collect();
        shown.join("; ")
    }

    fn send_line(&mut self, line: &str) -> Result<(), String> {
        if let Some(dead) = &self.dead {
            return Err(dead.clone());
        }
        let stdin = self.stdin.as_mut().ok_or("the driver's input is closed")?;
        let written = stdin
            .write_all(line.as_bytes())
            .and_then(|()| stdin.write_all(b"\n"))
            .and_then(|()| stdin.flush())
            .map_err(|e| format!("cannot write to the driver: {e}"));
        if let Err(reason) = &written {
            self.dead = Some(reason.clone());
        }
        written
    }

    fn request(
        &mut self,
        method: &str,
        params: Value,
        patience: Duration,
    ) -> Result<Answer, String> {
        let id = self.next_id;
        self.next_id += 1;
        self.send_line(&wire::request_line(id, method, &params))?;
        self.await_id(Some(id), patience)
    }

    /// Reads lines until the response with `id` (`None`: a null id), checking every
    /// other line on the way.
    fn await_id(&mut self, id: Option<u64>, patience: Duration) -> Result<Answer, String> {
        let deadline = Instant::now() + patience;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = match self.lines.recv_timeout(left) {
                Ok(Some(Ok(line))) => line,
                Ok(Some(Err(reason))) => {
                    self.violation(reason);
                    continue;
                }
                Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                    let reason = "the driver closed its output".to_owned();
                    self.dead = Some(reason.clone());
                    return Err(reason);
                }
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!("no answer within {} ms", patience.as_millis()));
                }
            };
            self.lines_read += 1;
            if line.trim().is_empty() {
                continue;
            }
            match wire::classify(&line) {
                Incoming::Response { id: got, outcome } if Some(got) == id => return Ok(outcome),
                Incoming::Complaint(error) if id.is_none() => return Ok(Err(error)),
                Incoming::Response { id: got, .. } => {
                    self.violation(format!(
                        "a response to request {got}, which was not waiting"
                    ));
                }
                Incoming::Complaint(error) => {
                    self.violation(format!(
                        "an unexpected complaint: {} ({})",
                        error.code, error.message
                    ));
                }
                Incoming::Event { event, body } => {
                    self.events += 1;
                    if event == "status" {
                        match body.get("status").map(check_status) {
                            Some(Ok((device, _, _))) if !self.known.contains(&device) => {
                                self.violation(format!(
                                    "a status event for {device}, never announced"
                                ));
                            }
                            Some(Ok(_)) => {}
                            Some(Err(reason)) => {
                                self.violation(format!("a bad status event: {reason}"))
                            }
                            None => self.violation("a status event without a status".into()),
                        }
                    }
                }
                Incoming::Malformed(reason) => {
                    let shown: String = line.chars().take(80).collect();
                    self.violation(format!("{reason}: {shown}"));
                }
            }
        }
    }

    fn kill(&mut self) {
        self.stdin.take();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        self.kill();
    }
}
