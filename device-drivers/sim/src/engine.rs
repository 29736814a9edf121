//! What every simulated device shares: simulated time, knobs, the fault script, the
//! step counter, the device's condition and its report to the status board.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use driver_api::{
    DeviceError, DeviceKind, DeviceState, DeviceStatus, FaultCode, StatusBoard, Wait,
};

use super::rng::SplitMix64;

/// Simulated time in milliseconds, set from outside (the demo's station clock, a test).
/// The simulation never reads a wall clock; clones share the time.
#[derive(Debug, Clone, Default)]
pub struct SimClock(Arc<AtomicU64>);

impl SimClock {
    pub fn new() -> SimClock {
        SimClock::default()
    }

    pub fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    pub fn set_ms(&self, ms: u64) {
        self.0.store(ms, Ordering::SeqCst);
    }

    pub fn advance(&self, by: Duration) {
        let by = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        let _ = self
            .0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |now| {
                Some(now.saturating_add(by))
            });
    }
}

/// How long a simulated operation takes: drawn uniformly from `min_ms..=max_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delay {
    pub min_ms: u64,
    pub max_ms: u64,
}

impl Delay {
    pub const NONE: Delay = Delay {
        min_ms: 0,
        max_ms: 0,
    };

    pub fn fixed(ms: u64) -> Delay {
        Delay {
            min_ms: ms,
            max_ms: ms,
        }
    }
}

/// The knobs of a simulated device.
#[derive(Debug, Clone, PartialEq)]
pub struct Knobs {
    /// How long each step takes. A step whose delay exceeds the caller's `Wait` times
    /// out.
    pub delay: Delay,
    /// The probability (0–1) that a step fails the way this kind of device naturally
    /// fails (see the crate doc).
    pub failure_rate: f64,
    /// Really sleep for the delay (the demo, to look alive). Off by default: tests and
    /// training run at full speed, with the delay only simulated.
    pub real_delays: bool,
}

impl Default for Knobs {
    fn default() -> Knobs {
        Knobs {
            delay: Delay {
                min_ms: 50,
                max_ms: 400,
            },
            failure_rate: 0.0,
            real_delays: false,
        }
    }
}

/// When a scripted event fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Just before the device's `n`th step (1-based): "the printer jams at job 5" is
    /// `AtStep(5)`, "the AEU fails after 120 ballots" is `AtStep(121)`. A step already
    /// past when the script is set fires at the next step.
    AtStep(u64),
    /// As soon as the simulated clock reaches this many milliseconds (checked at every
    /// step, status query and `tick`).
    AtTime(u64),
}

/// What a scripted event does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The device breaks and stays broken until repaired. `Disconnected` makes it
    /// absent (for the smart card: the card is removed).
    Fault(FaultCode),
    /// The next step fails the way this kind of device naturally fails; the device stays
    /// ready.
    FailNext,
    /// The device is repaired (for the smart card: a card is inserted).
    Repair,
}

/// A list of scripted events, each firing once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    pub events: Vec<(Trigger, Action)>,
}

impl Script {
    pub fn new() -> Script {
        Script::default()
    }

    pub fn at_step(mut self, step: u64, action: Action) -> Script {
        self.events.push((Trigger::AtStep(step), action));
        self
    }

    pub fn at_time(mut self, ms: u64, action: Action) -> Script {
        self.events.push((Trigger::AtTime(ms), action));
        self
    }
}

/// Seed, knobs and clock for one device or a whole station.
#[derive(Debug, Clone, Default)]
pub struct SimOptions {
    pub seed: u64,
    pub knobs: Knobs,
    pub clock: SimClock,
}

/// Why a step did not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interrupt {
    Absent,
    Fault(FaultCode),
    Timeout,
    Cancelled,
}

impl Interrupt {
    pub fn into_device_error(self, id: &str) -> DeviceError {
        match self {
            Interrupt::Absent => DeviceError::Absent(id.to_owned()),
            Interrupt::Fault(fault) => DeviceError::Fault {
                id: id.to_owned(),
                fault,
            },
            Interrupt::Timeout => DeviceError::Timeout(id.to_owned()),
            Interrupt::Cancelled => DeviceError::Cancelled(id.to_owned()),
        }
    }
}

/// A step that may run: its number, whether it must fail naturally, and its own draws.
#[derive(Debug)]
pub struct Step {
    pub number: u64,
    pub fail: bool,
    pub rng: SplitMix64,
}

#[derive(Debug)]
struct Inner {
    rng: SplitMix64,
    knobs: Knobs,
    script: Vec<(Trigger, Action, bool)>,
    steps: u64,
    state: DeviceState,
    fault: Option<FaultCode>,
    fail_next: u32,
    repairs: u64,
    removals: u64,
}

/// The common part of every simulated device.
#[derive(Debug)]
pub struct SimCore {
    id: String,
    kind: DeviceKind,
    reserve: bool,
    clock: SimClock,
    inner: Mutex<Inner>,
    board: Mutex<Option<StatusBoard>>,
}

const SLEEP_SLICE: Duration = Duration::from_millis(20);

impl SimCore {
    pub fn new(
        id: &str,
        kind: DeviceKind,
        reserve: bool,
        seed: u64,
        options: &SimOptions,
    ) -> SimCore {
        SimCore {
            id: id.to_owned(),
            kind,
            reserve,
            clock: options.clock.clone(),
            inner: Mutex::new(Inner {
                rng: SplitMix64::new(seed),
                knobs: options.knobs.clone(),
                script: Vec::new(),
                steps: 0,
                state: DeviceState::Ready,
                fault: None,
                fail_next: 0,
                repairs: 0,
                removals: 0,
            }),
            board: Mutex::new(None),
        }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn kind(&self) -> DeviceKind {
        self.kind
    }

    pub fn clock(&self) -> &SimClock {
        &self.clock
    }

    /// The status after firing what the clock has reached.
    pub fn status(&self) -> DeviceStatus {
        self.tick();
        let inner = self.inner();
        self.status_of(&inner)
    }

    fn status_of(&self, inner: &Inner) -> DeviceStatus {
        DeviceStatus {
            id: self.id.clone(),
            kind: self.kind,
            state: inner.state,
            fault: inner.fault,
            simulated: true,
            reserve: self.reserve,
        }
    }

    pub fn attach(&self, board: &StatusBoard) {
        *self.board.lock().unwrap_or_else(PoisonError::into_inner) = Some(board.clone());
        board.report(self.status());
    }

    /// Reports the current status to the board, if attached.
    fn publish(&self) {
        let board = self
            .board
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(board) = board {
            let status = self.status_of(&self.inner());
            board.report(status);
        }
    }

    pub fn knobs(&self) -> Knobs {
        self.inner().knobs.clone()
    }

    pub fn set_knobs(&self, knobs: Knobs) {
        self.inner().knobs = knobs;
    }

    /// Replaces the script (events already fired by the old one are forgotten).
    pub fn set_script(&self, script: Script) {
        self.inner().script = script
            .events
            .into_iter()
            .map(|(when, what)| (when, what, false))
            .collect();
    }

    pub fn steps(&self) -> u64 {
        self.inner().steps
    }

    /// Breaks the device (a trainer's button, a scripted event).
    pub fn inject_fault(&self, fault: FaultCode) {
        Self::break_with(&mut self.inner(), fault);
        self.publish();
    }

    pub fn repair(&self) {
        Self::mend(&mut self.inner());
        self.publish();
    }

    /// Makes the next step fail naturally.
    pub fn fail_next(&self) {
        self.inner().fail_next += 1;
    }

    /// Sets the condition directly (used by devices whose state follows their contents,
    /// like a smart card blocked by its PIN counter).
    pub fn set_condition(&self, state: DeviceState, fault: Option<FaultCode>) {
        {
            let mut inner = self.inner();
            if state == DeviceState::Absent && inner.state != DeviceState::Absent {
                inner.removals += 1;
            }
            inner.state = state;
            inner.fault = fault;
        }
        self.publish();
    }

    /// How often the device was repaired and went absent: devices with contents (a smart
    /// card's PIN state) compare these to forget what a repair or a removal resets.
    pub fn generations(&self) -> (u64, u64) {
        let inner = self.inner();
        (inner.repairs, inner.removals)
    }

    fn break_with(inner: &mut Inner, fault: FaultCode) {
        let state = fault.state();
        if state == DeviceState::Absent && inner.state != DeviceState::Absent {
            inner.removals += 1;
        }
        inner.state = state;
        inner.fault = Some(fault);
    }

    fn mend(inner: &mut Inner) {
        inner.state = DeviceState::Ready;
        inner.fault = None;
        inner.repairs += 1;
    }

    fn run(inner: &mut Inner, action: Action) {
        match action {
            Action::Fault(fault) => Self::break_with(inner, fault),
            Action::FailNext => inner.fail_next += 1,
            Action::Repair => Self::mend(inner),
        }
    }

    /// Fires the events whose time has come (and, with `step`, those of that step).
    /// Returns whether anything fired.
    fn fire(&self, inner: &mut Inner, step: Option<u64>) -> bool {
        let now = self.clock.now_ms();
        let mut due = Vec::new();
        for (when, what, fired) in &mut inner.script {
            let now_due = match *when {
                Trigger::AtTime(at) => now >= at,
                Trigger::AtStep(at) => step.is_some_and(|step| step >= at),
            };
            if now_due && !*fired {
                *fired = true;
                due.push(*what);
            }
        }
        for action in &due {
            Self::run(inner, *action);
        }
        !due.is_empty()
    }

    /// Fires the time-triggered events the clock has reached, reporting any change.
    pub fn tick(&self) {
        let fired = {
            let mut inner = self.inner();
            self.fire(&mut inner, None)
        };
        if fired {
            self.publish();
        }
    }

    /// The condition check of an operation that is not a step (a query): fires due
    /// events and refuses if the device is absent or broken.
    pub fn check(&self) -> Result<(), Interrupt> {
        self.tick();
        let inner = self.inner();
        Self::condition(&inner)
    }

    fn condition(inner: &Inner) -> Result<(), Interrupt> {
        match (inner.state, inner.fault) {
            (DeviceState::Absent, _) => Err(Interrupt::Absent),
            (DeviceState::Fault, Some(fault)) => Err(Interrupt::Fault(fault)),
            (DeviceState::Fault, None) => Err(Interrupt::Fault(FaultCode::Broken)),
            (DeviceState::Ready | DeviceState::Busy, _) => Ok(()),
        }
    }

    /// A draw from the device's generator outside a step (e.g. a match score).
    pub fn draw<T>(&self, f: impl FnOnce(&mut SplitMix64) -> T) -> T {
        f(&mut self.inner().rng)
    }

    /// Starts one step of the device's main operation: counts it, fires the script,
    /// checks the condition and the cancel token, draws the delay and whether the step
    /// fails naturally. Every call is a step, refused ones included.
    pub fn begin_step(&self, wait: &Wait) -> Result<Step, Interrupt> {
        let (step, delay_ms, real) = {
            let mut inner = self.inner();
            inner.steps += 1;
            let number = inner.steps;
            let fired = self.fire(&mut inner, Some(number));
            let refused = if wait.is_cancelled() {
                Err(Interrupt::Cancelled)
            } else {
                Self::condition(&inner)
            };
            if let Err(interrupt) = refused {
                drop(inner);
                if fired {
                    self.publish();
                }
                return Err(interrupt);
            }
            let knobs = inner.knobs.clone();
            let delay_ms = inner.rng.between(knobs.delay.min_ms, knobs.delay.max_ms);
            let scripted = inner.fail_next > 0;
            if scripted {
                inner.fail_next -= 1;
            }
            let fail = inner.rng.chance(knobs.failure_rate) || scripted;
            let rng = SplitMix64::new(inner.rng.next_u64());
            (Step { number, fail, rng }, delay_ms, knobs.real_delays)
        };
        self.publish();
        let delay = Duration::from_millis(delay_ms);
        if delay > wait.timeout {
            if real {
                Self::sleep(wait.timeout, wait)?;
            }
            return Err(Interrupt::Timeout);
        }
        if real {
            Self::sleep(delay, wait)?;
        }
        Ok(step)
    }

    /// Sleeps in slices, giving up when cancelled.
    fn sleep(total: Duration, wait: &Wait) -> Result<(), Interrupt> {
        let mut left = total;
        while !left.is_zero() {
            if wait.is_cancelled() {
                return Err(Interrupt::Cancelled);
            }
            let slice = left.min(SLEEP_SLICE);
            thread::sleep(slice);
            left -= slice;
        }
        if wait.is_cancelled() {
            Err(Interrupt::Cancelled)
        } else {
            Ok(())
        }
    }
}

/// A `Wait` for operations whose trait method takes none (an AEU feed, a signature).
pub fn no_wait() -> Wait {
    Wait::default()
}
