//! Where "now" comes from. The domain never reads a clock; the api asks one of these.

use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
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
}
