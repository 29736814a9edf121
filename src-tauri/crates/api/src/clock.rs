//! Where "now" comes from. The domain never reads a clock; the api asks one of these.

use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The controls of a training clock, when this is one.
    fn training(&self) -> Option<&TrainingClock> {
        None
    }
}

/// The machine's clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Starts at a chosen instant and runs at real speed from there: for demos and
/// end-to-end tests that need the station at, say, 07:30 on voting day.
#[derive(Debug)]
pub struct OffsetClock {
    start: DateTime<Utc>,
    started: Instant,
}

impl OffsetClock {
    pub fn starting_at(start: DateTime<Utc>) -> OffsetClock {
        OffsetClock { start, started: Instant::now() }
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed = Duration::from_std(self.started.elapsed()).unwrap_or(Duration::zero());
        self.start + elapsed
    }
}

/// Stands still until moved: for tests.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn at(instant: DateTime<Utc>) -> FixedClock {
        FixedClock(Mutex::new(instant))
    }

    pub fn set(&self, instant: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = instant;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The app's clock: station time = a base instant + real time elapsed since × speed. In
/// a mock election the trainer pauses it, runs it at ×1 to ×60, and jumps forward to the
/// day's named moments; it never goes back (a journal's times never do — a new scenario
/// starts a new station instead). Outside training its controls are refused by the
/// station ([`crate::Station::control_clock`]), and it runs at ×1 from where it started.
#[derive(Debug)]
pub struct TrainingClock {
    state: Mutex<TrainingClockState>,
}

#[derive(Debug, Clone, Copy)]
struct TrainingClockState {
    /// Station time at `since`.
    base: DateTime<Utc>,
    since: Instant,
    speed: u32,
    paused: bool,
}

/// The fastest a training clock runs: an hour a minute.
pub const MAX_CLOCK_SPEED: u32 = 60;

impl TrainingClockState {
    fn now(&self) -> DateTime<Utc> {
        if self.paused {
            return self.base;
        }
        let elapsed = Duration::from_std(self.since.elapsed()).unwrap_or(Duration::zero());
        self.base + elapsed * i32::try_from(self.speed).unwrap_or(1)
    }
}

/// Why a clock control was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockRefusal {
    /// The instant asked for is before station time now.
    Backwards,
    /// Not 1 to [`MAX_CLOCK_SPEED`].
    Speed,
}

impl TrainingClock {
    /// Running at ×1 from `start`.
    pub fn starting_at(start: DateTime<Utc>) -> TrainingClock {
        TrainingClock { state: Mutex::new(TrainingClockState { base: start, since: Instant::now(), speed: 1, paused: false }) }
    }

    /// Standing still at `start` until resumed or moved.
    pub fn paused_at(start: DateTime<Utc>) -> TrainingClock {
        let clock = TrainingClock::starting_at(start);
        clock.pause();
        clock
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, TrainingClockState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn pause(&self) {
        let mut state = self.lock();
        state.base = state.now();
        state.paused = true;
    }

    pub fn resume(&self) {
        let mut state = self.lock();
        state.since = Instant::now();
        state.paused = false;
    }

    pub fn set_speed(&self, speed: u32) -> Result<(), ClockRefusal> {
        if !(1..=MAX_CLOCK_SPEED).contains(&speed) {
            return Err(ClockRefusal::Speed);
        }
        let mut state = self.lock();
        state.base = state.now();
        state.since = Instant::now();
        state.speed = speed;
        Ok(())
    }

    /// Station time jumps forward to `instant`; running or paused as before.
    pub fn jump_to(&self, instant: DateTime<Utc>) -> Result<(), ClockRefusal> {
        let mut state = self.lock();
        if instant < state.now() {
            return Err(ClockRefusal::Backwards);
        }
        state.base = instant;
        state.since = Instant::now();
        Ok(())
    }

    pub fn speed(&self) -> u32 {
        self.lock().speed
    }

    pub fn paused(&self) -> bool {
        self.lock().paused
    }
}

impl Clock for TrainingClock {
    fn now(&self) -> DateTime<Utc> {
        self.lock().now()
    }

    fn training(&self) -> Option<&TrainingClock> {
        Some(self)
    }
}

/// The station's clock: the configured one, unless a demo's preparation holds it at the
/// instants of the law while it records a day that has already happened (the voters of
/// the day before the close), after which the configured clock takes over again.
pub(crate) struct HeldClock {
    configured: std::sync::Arc<dyn Clock>,
    held: Mutex<Option<DateTime<Utc>>>,
}

impl HeldClock {
    pub(crate) fn new(configured: std::sync::Arc<dyn Clock>) -> HeldClock {
        HeldClock { configured, held: Mutex::new(None) }
    }

    /// Holds the clock at `instant`, or lets the configured clock run again (`None`).
    pub(crate) fn hold(&self, instant: Option<DateTime<Utc>>) {
        *self.held.lock().unwrap_or_else(PoisonError::into_inner) = instant;
    }
}

impl Clock for HeldClock {
    fn now(&self) -> DateTime<Utc> {
        let held = *self.held.lock().unwrap_or_else(PoisonError::into_inner);
        held.unwrap_or_else(|| self.configured.now())
    }

    fn training(&self) -> Option<&TrainingClock> {
        self.configured.training()
    }
}
