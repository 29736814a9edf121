//! The app's side: start a vendor driver as a child process, shake hands, and offer its
//! devices as `driver-api` devices.
//!
//! Threads: one writes request lines to the child's stdin (so a child that stops reading
//! can never block a caller), one reads its stdout and routes responses to the waiting
//! callers and status events to the devices, one drains its stderr (kept as a short tail
//! for diagnostics). Callers wait on a channel with a timeout. When the child's output
//! ends — it exited, crashed or was killed — every device turns absent and every waiting
//! and later call answers `DeviceError::Absent`; nothing panics.

use std::collections::{HashMap, VecDeque};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use driver_api::{
    Aeu, AeuError, BallotMarks, Camera, ContestTally, Device, DeviceError, DeviceKind, DeviceState,
    DeviceStatus, DocumentError, DocumentReader, FaceError, FaceMatcher, FaultCode, Fed,
    FingerprintError, FingerprintScanner, Frame, MatchScore, MonitorContent, MrzText,
    ObserverDisplay, Photo, PrintJob, Printed, Printer, PrinterError, PublicKey, QrCode, QrError,
    QrReader, Quality, Signature, SmartCard, SmartCardError, StatusBoard, Template, Wait,
};
use serde_json::{Value, json};

use crate::wire::{self, Incoming, MAX_LINE, PROTOCOL_VERSION, WireError, WireErrorCodec};

/// How the host treats a driver.
#[derive(Debug, Clone)]
pub struct Options {
    /// How long the child may take to answer `hello`.
    pub handshake_timeout: Duration,
    /// How long a method that does not wait for a person may take.
    pub call_timeout: Duration,
    /// Added to a waiting method's own timeout before the host gives up on the child.
    pub grace: Duration,
    /// The longest line accepted from the child; longer ones are dropped as malformed.
    pub max_line: usize,
    /// Named in `hello`.
    pub host: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            handshake_timeout: Duration::from_secs(10),
            call_timeout: Duration::from_secs(10),
            grace: Duration::from_secs(2),
            max_line: MAX_LINE,
            host: format!("uchastok {}", env!("CARGO_PKG_VERSION")),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SpawnError {
    #[error("cannot start {program}: {reason}")]
    Spawn { program: String, reason: String },
    #[error("{program} did not answer hello in time")]
    Timeout { program: String },
    #[error("{program} speaks protocol {offered}, not {PROTOCOL_VERSION}")]
    Protocol { program: String, offered: u64 },
    #[error("{program} failed the handshake: {reason}")]
    Handshake { program: String, reason: String },
}

/// Why a call to the child did not give a result.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError {
    /// The child is gone.
    Dead,
    /// No answer within the time allowed.
    Timeout,
    Cancelled,
    /// The child answered with an error.
    Remote(WireError),
}

/// What the child said in `hello`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverInfo {
    pub protocol: u64,
    pub driver: String,
    pub devices: Vec<DeviceStatus>,
}

/// Things the child did wrong that the host survived (malformed lines, unknown ids).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anomalies {
    pub count: u64,
    /// The most recent few, newest last.
    pub recent: Vec<String>,
}

enum Outcome {
    Reply(Result<Value, WireError>),
    Dead,
}

struct Tracked {
    reported: DeviceStatus,
    not_responding: bool,
}

struct Waiters {
    alive: bool,
    waiting: HashMap<u64, Sender<Outcome>>,
}

/// The connection to one child process, shared by its devices and threads.
struct Link {
    program: String,
    options: Options,
    next_id: AtomicU64,
    writer: Mutex<Option<Sender<String>>>,
    waiters: Mutex<Waiters>,
    devices: Mutex<HashMap<String, Tracked>>,
    board: Mutex<Option<StatusBoard>>,
    child: Mutex<Option<Child>>,
    anomalies: Mutex<Anomalies>,
    stderr: Mutex<VecDeque<String>>,
}

const KEPT_ANOMALIES: usize = 20;
const KEPT_STDERR_LINES: usize = 50;
const CANCEL_POLL: Duration = Duration::from_millis(25);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Link {
    fn alive(&self) -> bool {
        lock(&self.waiters).alive
    }

    fn note(&self, anomaly: String) {
        let mut anomalies = lock(&self.anomalies);
        anomalies.count += 1;
        anomalies.recent.push(anomaly);
        if anomalies.recent.len() > KEPT_ANOMALIES {
            anomalies.recent.remove(0);
        }
    }

    /// Sends a request and waits for its answer at most `patience`, giving up early when
    /// `cancel` says so.
    fn call(
        &self,
        method: &str,
        params: Value,
        patience: Duration,
        cancel: Option<&driver_api::Cancel>,
    ) -> Result<Value, CallError> {
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let (tx, rx) = mpsc::channel();
        {
            let mut waiters = lock(&self.waiters);
            if !waiters.alive {
                return Err(CallError::Dead);
            }
            waiters.waiting.insert(id, tx);
        }
        let sent = lock(&self.writer)
            .as_ref()
            .is_some_and(|w| w.send(wire::request_line(id, method, &params)).is_ok());
        if !sent {
            lock(&self.waiters).waiting.remove(&id);
            return Err(CallError::Dead);
        }
        let outcome = self.await_reply(id, &rx, patience, cancel);
        if outcome.is_err() {
            lock(&self.waiters).waiting.remove(&id);
        }
        outcome
    }

    fn await_reply(
        &self,
        id: u64,
        rx: &Receiver<Outcome>,
        patience: Duration,
        cancel: Option<&driver_api::Cancel>,
    ) -> Result<Value, CallError> {
        let deadline = Instant::now().checked_add(patience);
        loop {
            let left = deadline.map_or(Duration::from_secs(3600), |d| {
                d.saturating_duration_since(Instant::now())
            });
            if left.is_zero() {
                return Err(CallError::Timeout);
            }
            let slice = if cancel.is_some() {
                left.min(CANCEL_POLL)
            } else {
                left
            };
            match rx.recv_timeout(slice) {
                Ok(Outcome::Reply(outcome)) => return outcome.map_err(CallError::Remote),
                Ok(Outcome::Dead) | Err(RecvTimeoutError::Disconnected) => {
                    return Err(CallError::Dead);
                }
                Err(RecvTimeoutError::Timeout) => {
                    if cancel.is_some_and(driver_api::Cancel::is_cancelled) {
                        // Best effort: the child may stop early; its late answer is dropped.
                        let line = wire::request_line(
                            self.next_id.fetch_add(1, Ordering::SeqCst),
                            "cancel",
                            &json!({"request": id}),
                        );
                        if let Some(writer) = lock(&self.writer).as_ref() {
                            let _ = writer.send(line);
                        }
                        return Err(CallError::Cancelled);
                    }
                }
            }
        }
    }

    fn status(&self, id: &str, fallback: &DeviceStatus) -> DeviceStatus {
        let alive = self.alive();
        let devices = lock(&self.devices);
        let Some(tracked) = devices.get(id) else {
            return fallback.clone();
        };
        let mut status = tracked.reported.clone();
        if !alive {
            status.state = DeviceState::Absent;
            status.fault = Some(FaultCode::Disconnected);
        } else if tracked.not_responding {
            status.state = DeviceState::Fault;
            status.fault = Some(FaultCode::NotResponding);
        }
        status
    }

    fn publish(&self, id: &str) {
        let board = lock(&self.board).clone();
        if let Some(board) = board {
            let fallback = lock(&self.devices).get(id).map(|t| t.reported.clone());
            if let Some(fallback) = fallback {
                board.report(self.status(id, &fallback));
            }
        }
    }

    fn publish_all(&self) {
        let ids: Vec<String> = lock(&self.devices).keys().cloned().collect();
        for id in ids {
            self.publish(&id);
        }
    }

    fn set_not_responding(&self, id: &str, not_responding: bool) {
        let changed = match lock(&self.devices).get_mut(id) {
            Some(tracked) if tracked.not_responding != not_responding => {
                tracked.not_responding = not_responding;
                true
            }
            _ => false,
        };
        if changed {
            self.publish(id);
        }
    }

    fn on_line(&self, line: &str) {
        match wire::classify(line) {
            Incoming::Response { id, outcome } => {
                let waiter = lock(&self.waiters).waiting.remove(&id);
                match waiter {
                    Some(waiter) => {
                        let _ = waiter.send(Outcome::Reply(outcome));
                    }
                    // A late answer to a request that timed out or was cancelled.
                    None if id < self.next_id.load(Ordering::SeqCst) => {}
                    None => self.note(format!("a response to request {id}, never sent")),
                }
            }
            Incoming::Complaint(error) => {
                self.note(format!(
                    "the driver could not read a request: {} ({})",
                    error.code, error.message
                ));
            }
            Incoming::Event { event, body } if event == "status" => {
                match body.get("status").map(wire::status_from) {
                    Some(Ok(status)) => self.on_status(status),
                    Some(Err(reason)) => {
                        self.note(format!("a status event with a bad status: {reason}"))
                    }
                    None => self.note("a status event without a status".into()),
                }
            }
            // Other events (`log`, future ones) are for diagnostics only.
            Incoming::Event { .. } => {}
            Incoming::Malformed(reason) => self.note(format!("{reason}: {}", truncate(line, 200))),
        }
    }

    fn on_status(&self, status: DeviceStatus) {
        let id = status.id.clone();
        let known = match lock(&self.devices).get_mut(&id) {
            Some(tracked) => {
                // The kind, the role and the simulated mark were fixed at hello.
                tracked.reported.state = status.state;
                tracked.reported.fault = status.fault;
                true
            }
            None => false,
        };
        if known {
            self.publish(&id);
        } else {
            self.note(format!("a status event for an unknown device {id}"));
        }
    }

    /// The child is gone: fail every waiting call, turn every device absent, reap it.
    fn die(&self) {
        let waiting = {
            let mut waiters = lock(&self.waiters);
            if !waiters.alive {
                return;
            }
            waiters.alive = false;
            std::mem::take(&mut waiters.waiting)
        };
        // The board first, so that a caller woken below already finds its device absent.
        self.publish_all();
        for (_, waiter) in waiting {
            let _ = waiter.send(Outcome::Dead);
        }
        lock(&self.writer).take();
        if let Some(mut child) = lock(&self.child).take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn kill(&self) {
        if let Some(child) = lock(&self.child).as_mut() {
            let _ = child.kill();
        }
        self.die();
    }

    /// Asks the child to stop, waits a little, then kills it.
    fn shut_down(&self) {
        if self.alive() {
            let _ = self.call("shutdown", json!({}), self.options.grace, None);
            let deadline = Instant::now() + self.options.grace;
            loop {
                let exited = match lock(&self.child).as_mut() {
                    Some(child) => !matches!(child.try_wait(), Ok(None)),
                    None => true,
                };
                if exited || Instant::now() >= deadline {
                    break;
                }
                thread::sleep(Duration::from_millis(10));
            }
        }
        self.kill();
    }
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Reads lines of at most `max` bytes; longer ones are skipped whole and reported.
fn read_lines(link: &Link, stdout: impl Read) {
    let mut reader = BufReader::new(stdout);
    let mut line = Vec::new();
    loop {
        line.clear();
        let limit = u64::try_from(link.options.max_line)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        match (&mut reader).take(limit).read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        if line.last() != Some(&b'\n') && line.len() > link.options.max_line {
            link.note(format!(
                "a line longer than {} bytes, dropped",
                link.options.max_line
            ));
            let mut rest = Vec::new();
            loop {
                rest.clear();
                match (&mut reader).take(64 * 1024).read_until(b'\n', &mut rest) {
                    Ok(0) | Err(_) => return,
                    Ok(_) if rest.last() == Some(&b'\n') => break,
                    Ok(_) => {}
                }
            }
            continue;
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match std::str::from_utf8(&line) {
            Ok(text) => link.on_line(text),
            Err(_) => link.note("a line that is not UTF-8".into()),
        }
    }
}

fn write_lines(link: &Link, mut stdin: ChildStdin, lines: Receiver<String>) {
    for line in lines {
        let written = stdin
            .write_all(line.as_bytes())
            .and_then(|()| stdin.write_all(b"\n"))
            .and_then(|()| stdin.flush());
        if let Err(error) = written {
            link.note(format!("cannot write to the driver: {error}"));
            link.die();
            return;
        }
    }
}

fn keep_stderr(link: &Link, stderr: impl Read) {
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { return };
        let mut tail = lock(&link.stderr);
        tail.push_back(truncate(&line, 500));
        if tail.len() > KEPT_STDERR_LINES {
            tail.pop_front();
        }
    }
}

/// A running vendor driver and the devices it offers. Dropping it shuts the child down;
/// its devices then report absent, so keep it as long as they are used.
pub struct ExternalDriver {
    link: Arc<Link>,
    info: DriverInfo,
    devices: Vec<Arc<ExternalDevice>>,
}

impl std::fmt::Debug for ExternalDriver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalDriver")
            .field("program", &self.link.program)
            .field("info", &self.info)
            .finish()
    }
}

impl ExternalDriver {
    /// Starts `program` with `args`, says hello and learns its devices.
    pub fn spawn<I, S>(
        program: &Path,
        args: I,
        options: Options,
    ) -> Result<ExternalDriver, SpawnError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let name = program.display().to_string();
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| SpawnError::Spawn {
                program: name.clone(),
                reason: error.to_string(),
            })?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(SpawnError::Spawn {
                program: name,
                reason: "no pipes to the child".into(),
            });
        };
        let (writer, lines) = mpsc::channel();
        let link = Arc::new(Link {
            program: name.clone(),
            options: options.clone(),
            next_id: AtomicU64::new(0),
            writer: Mutex::new(Some(writer)),
            waiters: Mutex::new(Waiters {
                alive: true,
                waiting: HashMap::new(),
            }),
            devices: Mutex::new(HashMap::new()),
            board: Mutex::new(None),
            child: Mutex::new(Some(child)),
            anomalies: Mutex::new(Anomalies::default()),
            stderr: Mutex::new(VecDeque::new()),
        });
        let reader = Arc::clone(&link);
        thread::spawn(move || {
            read_lines(&reader, stdout);
            reader.die();
        });
        let writing = Arc::clone(&link);
        thread::spawn(move || write_lines(&writing, stdin, lines));
        let draining = Arc::clone(&link);
        thread::spawn(move || keep_stderr(&draining, stderr));

        let hello = link.call(
            "hello",
            json!({"protocol": PROTOCOL_VERSION, "host": options.host}),
            options.handshake_timeout,
            None,
        );
        let result = match hello {
            Ok(result) => result,
            Err(error) => {
                let tail = if matches!(error, CallError::Dead) {
                    // Give the stderr thread a moment to collect why.
                    thread::sleep(Duration::from_millis(50));
                    lock(&link.stderr)
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" | ")
                } else {
                    String::new()
                };
                link.kill();
                return Err(match error {
                    CallError::Timeout => SpawnError::Timeout { program: name },
                    CallError::Remote(error) if error.code == "unsupported-protocol" => {
                        SpawnError::Protocol {
                            program: name,
                            offered: error
                                .data
                                .get("protocol")
                                .and_then(Value::as_u64)
                                .unwrap_or(0),
                        }
                    }
                    CallError::Remote(error) => SpawnError::Handshake {
                        program: name,
                        reason: format!("{} ({})", error.code, error.message),
                    },
                    CallError::Dead | CallError::Cancelled => SpawnError::Handshake {
                        program: name,
                        reason: format!("it exited: {tail}"),
                    },
                });
            }
        };
        let info = match parse_hello(&result) {
            Ok(Ok(info)) => info,
            Ok(Err(offered)) => {
                link.kill();
                return Err(SpawnError::Protocol {
                    program: name,
                    offered,
                });
            }
            Err(reason) => {
                link.kill();
                return Err(SpawnError::Handshake {
                    program: name,
                    reason,
                });
            }
        };
        {
            let mut devices = lock(&link.devices);
            for status in &info.devices {
                devices.insert(
                    status.id.clone(),
                    Tracked {
                        reported: status.clone(),
                        not_responding: false,
                    },
                );
            }
        }
        let devices = info
            .devices
            .iter()
            .map(|status| {
                Arc::new(ExternalDevice {
                    link: Arc::clone(&link),
                    initial: status.clone(),
                })
            })
            .collect();
        Ok(ExternalDriver {
            link,
            info,
            devices,
        })
    }

    pub fn info(&self) -> &DriverInfo {
        &self.info
    }

    pub fn devices(&self) -> Vec<Arc<ExternalDevice>> {
        self.devices.clone()
    }

    /// The devices as the app holds them.
    pub fn dyn_devices(&self) -> Vec<Arc<dyn Device>> {
        self.devices
            .iter()
            .map(|d| Arc::clone(d) as Arc<dyn Device>)
            .collect()
    }

    pub fn is_alive(&self) -> bool {
        self.link.alive()
    }

    /// Kills the child at once (a hung driver); its devices turn absent.
    pub fn kill(&self) {
        self.link.kill();
    }

    /// What the child did wrong so far and the host survived.
    pub fn anomalies(&self) -> Anomalies {
        lock(&self.link.anomalies).clone()
    }

    /// The last lines the child wrote to stderr.
    pub fn stderr_tail(&self) -> Vec<String> {
        lock(&self.link.stderr).iter().cloned().collect()
    }

    /// Calls any method (an adapter's own, like the simulator's `sim.*` controls).
    pub fn call(&self, method: &str, params: Value, timeout: Duration) -> Result<Value, CallError> {
        self.link.call(method, params, timeout, None)
    }

    /// Asks the child to stop and waits for it (killing it after the grace period).
    pub fn shutdown(self) {
        // Drop does it.
    }
}

impl Drop for ExternalDriver {
    fn drop(&mut self) {
        self.link.shut_down();
    }
}

/// `Ok(Ok(info))`, `Ok(Err(offered version))` for a version mismatch, `Err(reason)`.
fn parse_hello(result: &Value) -> Result<Result<DriverInfo, u64>, String> {
    let protocol = result
        .get("protocol")
        .and_then(Value::as_u64)
        .ok_or("hello without a protocol version")?;
    if protocol != PROTOCOL_VERSION {
        return Ok(Err(protocol));
    }
    let driver = result
        .get("driver")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let listed = result
        .get("devices")
        .and_then(Value::as_array)
        .ok_or("hello without a device list")?;
    let mut devices: Vec<DeviceStatus> = Vec::new();
    for entry in listed {
        let status = wire::status_from(entry)?;
        if devices.iter().any(|d| d.id == status.id) {
            return Err(format!("device {} listed twice", status.id));
        }
        devices.push(status);
    }
    Ok(Ok(DriverInfo {
        protocol,
        driver,
        devices,
    }))
}

/// One device of a child process, implementing the trait of its kind over the protocol.
/// Its other traits answer `DeviceError::Unsupported`.
pub struct ExternalDevice {
    link: Arc<Link>,
    initial: DeviceStatus,
}

impl std::fmt::Debug for ExternalDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalDevice")
            .field("id", &self.initial.id)
            .field("kind", &self.initial.kind)
            .finish()
    }
}

impl ExternalDevice {
    fn unsupported(&self, method: &str) -> DeviceError {
        DeviceError::Unsupported {
            id: self.initial.id.clone(),
            what: method.to_owned(),
        }
    }

    fn offers(&self, method: &str) -> bool {
        wire::kinds_of(method).contains(&self.initial.kind)
    }

    /// Calls a method of this device, mapping transport failures to device errors and
    /// decoding the result.
    fn request<T, E: WireErrorCodec + From<DeviceError>>(
        &self,
        method: &str,
        mut params: Value,
        wait: Option<&Wait>,
        decode: fn(&Value) -> Result<T, String>,
    ) -> Result<T, E> {
        let id = &self.initial.id;
        if !self.offers(method) {
            return Err(E::from(self.unsupported(method)));
        }
        if let Value::Object(map) = &mut params {
            map.insert("device".into(), json!(id));
            if let Some(wait) = wait {
                map.insert(
                    "timeout_ms".into(),
                    json!(u64::try_from(wait.timeout.as_millis()).unwrap_or(u64::MAX)),
                );
            }
        }
        let options = &self.link.options;
        let patience = match wait {
            Some(wait) => wait.timeout.saturating_add(options.grace),
            None => options.call_timeout,
        };
        if wait.is_some_and(Wait::is_cancelled) {
            return Err(E::from(DeviceError::Cancelled(id.clone())));
        }
        match self
            .link
            .call(method, params, patience, wait.map(|w| &w.cancel))
        {
            Ok(result) => {
                self.link.set_not_responding(id, false);
                decode(&result).map_err(|detail| {
                    E::from(DeviceError::Protocol {
                        id: id.clone(),
                        detail,
                    })
                })
            }
            Err(CallError::Remote(error)) => {
                self.link.set_not_responding(id, false);
                Err(E::from_wire(id, error))
            }
            Err(CallError::Timeout) => {
                self.link.set_not_responding(id, true);
                Err(E::from(DeviceError::Timeout(id.clone())))
            }
            Err(CallError::Cancelled) => Err(E::from(DeviceError::Cancelled(id.clone()))),
            Err(CallError::Dead) => Err(E::from(DeviceError::Absent(id.clone()))),
        }
    }
}

fn nothing(_: &Value) -> Result<(), String> {
    Ok(())
}

fn present(value: &Value) -> Result<bool, String> {
    value
        .get("present")
        .and_then(Value::as_bool)
        .ok_or_else(|| "`present` must be a boolean".into())
}

impl Device for ExternalDevice {
    fn id(&self) -> &str {
        &self.initial.id
    }

    fn kind(&self) -> DeviceKind {
        self.initial.kind
    }

    fn status(&self) -> DeviceStatus {
        self.link.status(&self.initial.id, &self.initial)
    }

    fn attach(&self, board: &StatusBoard) {
        *lock(&self.link.board) = Some(board.clone());
        board.report(self.status());
    }

    fn as_camera(&self) -> Option<&dyn Camera> {
        (self.initial.kind == DeviceKind::Camera).then_some(self)
    }
    fn as_document_reader(&self) -> Option<&dyn DocumentReader> {
        (self.initial.kind == DeviceKind::DocumentReader).then_some(self)
    }
    fn as_qr_reader(&self) -> Option<&dyn QrReader> {
        (self.initial.kind == DeviceKind::QrReader).then_some(self)
    }
    fn as_fingerprint_scanner(&self) -> Option<&dyn FingerprintScanner> {
        (self.initial.kind == DeviceKind::FingerprintScanner).then_some(self)
    }
    fn as_face_matcher(&self) -> Option<&dyn FaceMatcher> {
        (self.initial.kind == DeviceKind::FaceMatcher).then_some(self)
    }
    fn as_printer(&self) -> Option<&dyn Printer> {
        matches!(
            self.initial.kind,
            DeviceKind::BallotPrinter | DeviceKind::DocumentPrinter
        )
        .then_some(self)
    }
    fn as_aeu(&self) -> Option<&dyn Aeu> {
        (self.initial.kind == DeviceKind::Aeu).then_some(self)
    }
    fn as_smart_card(&self) -> Option<&dyn SmartCard> {
        (self.initial.kind == DeviceKind::SmartCard).then_some(self)
    }
    fn as_observer_display(&self) -> Option<&dyn ObserverDisplay> {
        (self.initial.kind == DeviceKind::ObserverDisplay).then_some(self)
    }
}

impl Camera for ExternalDevice {
    fn frame(&self, wait: &Wait) -> Result<Frame, DeviceError> {
        self.request("camera.frame", json!({}), Some(wait), wire::frame_from)
    }
}

impl DocumentReader for ExternalDevice {
    fn read_mrz(&self, wait: &Wait) -> Result<MrzText, DocumentError> {
        self.request(
            "document-reader.read-mrz",
            json!({}),
            Some(wait),
            wire::mrz_from,
        )
    }
}

impl QrReader for ExternalDevice {
    fn scan(&self, wait: &Wait) -> Result<QrCode, QrError> {
        self.request("qr-reader.scan", json!({}), Some(wait), wire::qr_from)
    }
}

impl FingerprintScanner for ExternalDevice {
    fn capture(&self, wait: &Wait) -> Result<Template, FingerprintError> {
        self.request(
            "fingerprint-scanner.capture",
            json!({}),
            Some(wait),
            wire::template_from,
        )
    }

    fn verify(
        &self,
        live: &Template,
        reference: &Template,
    ) -> Result<MatchScore, FingerprintError> {
        let params =
            json!({"live": wire::template_to(live), "reference": wire::template_to(reference)});
        self.request("fingerprint-scanner.verify", params, None, wire::score_from)
    }

    fn quality(&self, template: &Template) -> Result<Quality, FingerprintError> {
        self.request(
            "fingerprint-scanner.quality",
            json!({"template": wire::template_to(template)}),
            None,
            wire::quality_from,
        )
    }
}

impl FaceMatcher for ExternalDevice {
    fn compare(
        &self,
        live: &Frame,
        reference: &Photo,
        wait: &Wait,
    ) -> Result<MatchScore, FaceError> {
        let params = json!({"live": wire::frame_to(live), "reference": wire::photo_to(reference)});
        self.request("face-matcher.compare", params, Some(wait), wire::score_from)
    }
}

impl Printer for ExternalDevice {
    fn print(&self, job: &PrintJob, wait: &Wait) -> Result<Printed, PrinterError> {
        self.request(
            "printer.print",
            json!({"job": wire::print_job_to(job)}),
            Some(wait),
            wire::printed_from,
        )
    }
}

impl Aeu for ExternalDevice {
    fn ballots_processed(&self) -> Result<u64, AeuError> {
        self.request("aeu.ballots-processed", json!({}), None, wire::count_from)
    }

    fn preliminary_results(&self) -> Result<Vec<ContestTally>, AeuError> {
        self.request(
            "aeu.preliminary-results",
            json!({}),
            None,
            wire::tallies_from,
        )
    }

    fn feed(&self, ballot: &BallotMarks) -> Result<Fed, AeuError> {
        self.request(
            "aeu.feed",
            json!({"ballot": wire::ballot_to(ballot)}),
            None,
            wire::fed_from,
        )
    }
}

impl SmartCard for ExternalDevice {
    fn present(&self) -> Result<bool, DeviceError> {
        self.request("smart-card.present", json!({}), None, present)
    }

    fn verify_pin(&self, pin: &str) -> Result<(), SmartCardError> {
        self.request("smart-card.verify-pin", json!({"pin": pin}), None, nothing)
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SmartCardError> {
        self.request(
            "smart-card.sign",
            json!({"message": wire::encode_bytes(message)}),
            None,
            wire::signature_from,
        )
    }

    fn public_key(&self) -> Result<PublicKey, SmartCardError> {
        self.request(
            "smart-card.public-key",
            json!({}),
            None,
            wire::public_key_from,
        )
    }
}

impl ObserverDisplay for ExternalDevice {
    fn show(&self, content: &MonitorContent) -> Result<(), DeviceError> {
        self.request(
            "observer-display.show",
            json!({"content": wire::monitor_to(content)}),
            None,
            nothing,
        )
    }
}
