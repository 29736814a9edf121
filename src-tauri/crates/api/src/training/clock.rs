//! The trainer's controls of the station clock: pause, resume, ×1 to ×60, and jumps
//! forward to the named moments of the day. Refused outside a mock election.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use domain::scenario::StationTime;

use crate::clock::{ClockRefusal, MAX_CLOCK_SPEED, TrainingClock};
use crate::error::ApiError;
use crate::station::Station;
use crate::view::Overview;

/// The moments of the day a trainer jumps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ClockMoment {
    /// 08:00 the day before: out-of-premises voting (§22).
    DayBefore,
    /// 07:00: the opening meeting (§32).
    Opening,
    /// 08:00: the polls open.
    PollsOpen,
    /// 20:00: the polls close (§49).
    PollsClose,
    /// 21:00: the AEU's data is taken by then (§56).
    AeuDeadline,
    /// 06:00 the next day: delivery to the higher commission (§67).
    Delivery,
}

impl ClockMoment {
    pub const ALL: [ClockMoment; 6] = [
        ClockMoment::DayBefore,
        ClockMoment::Opening,
        ClockMoment::PollsOpen,
        ClockMoment::PollsClose,
        ClockMoment::AeuDeadline,
        ClockMoment::Delivery,
    ];

    pub fn time(self) -> StationTime {
        match self {
            ClockMoment::DayBefore => StationTime::new(-1, 8, 0),
            ClockMoment::Opening => StationTime::new(0, 7, 0),
            ClockMoment::PollsOpen => StationTime::new(0, 8, 0),
            ClockMoment::PollsClose => StationTime::new(0, 20, 0),
            ClockMoment::AeuDeadline => StationTime::new(0, 21, 0),
            ClockMoment::Delivery => StationTime::new(1, 6, 0),
        }
    }
}

/// What the trainer does with the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ClockControl {
    Pause,
    Resume,
    Speed { speed: u32 },
    JumpTo { moment: ClockMoment },
}

impl Station {
    /// A trainer's control of the clock; refused unless the election is a mock one and
    /// the station runs on a training clock. Jumping back is refused: a journal's times
    /// never go back.
    pub fn control_clock(&self, control: ClockControl) -> Result<Overview, ApiError> {
        let clock = self.training_clock()?;
        let election = self.election()?;
        let refused = |refusal: ClockRefusal| match refusal {
            ClockRefusal::Backwards => ApiError::new("clock.backwards", "training-error-clock-backwards"),
            ClockRefusal::Speed => {
                ApiError::new("clock.speed", "training-error-clock-speed").with("max", i64::from(MAX_CLOCK_SPEED))
            }
        };
        match control {
            ClockControl::Pause => clock.pause(),
            ClockControl::Resume => clock.resume(),
            ClockControl::Speed { speed } => clock.set_speed(speed).map_err(refused)?,
            ClockControl::JumpTo { moment } => clock
                .jump_to(moment.time().instant(&election))
                .map_err(|refusal| refused(refusal).with("time", moment.time().label()))?,
        }
        Ok(self.overview())
    }

    /// The clock's training controls, in a mock election only.
    pub(crate) fn training_clock(&self) -> Result<&TrainingClock, ApiError> {
        if !self.election()?.training {
            return Err(ApiError::new("clock.not-training", "training-error-clock-not-training"));
        }
        self.clock().training().ok_or_else(|| ApiError::new("clock.fixed", "training-error-clock-fixed"))
    }
}
