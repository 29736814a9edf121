//! The demo elections shipped in `assets/elections/`, so the app is usable at once.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use domain::attendance::Arrival;
use domain::lot::{Contribution, LotPurpose};
use domain::opening::BoxKind;
use domain::{Command, ElectionDefinition, StationKind, StepId, timeline};

use crate::error::ApiError;
use crate::station::Station;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demo {
    /// Jogorku Kenesh 2025 style, a remote-voting station serving every district.
    RemoteVoting,
    /// A city council by party lists, a regular station.
    CityCouncil,
}

impl Demo {
    pub fn from_name(name: &str) -> Option<Demo> {
        match name {
            "remote" | "remote-voting" | "jk" => Some(Demo::RemoteVoting),
            "city" | "city-council" | "regular" => Some(Demo::CityCouncil),
            _ => None,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Demo::RemoteVoting => include_str!("../../../../assets/elections/demo-jk-2025-remote.toml"),
            Demo::CityCouncil => include_str!("../../../../assets/elections/demo-city-council-regular.toml"),
        }
    }

    /// The demo's definition as shipped, voting day included.
    pub fn definition_as_shipped(self) -> Result<ElectionDefinition, ApiError> {
        domain::election::parse_definition(self.source()).map_err(|problems| ApiError::from_domain_list(&problems))
    }

    /// The demo's definition with its voting day moved to the station's today at
    /// `now`, so that a newcomer who opens the app sees today's procedures.
    pub fn definition(self, now: DateTime<Utc>) -> Result<ElectionDefinition, ApiError> {
        let mut definition = domain::election::parse_definition(self.source())
            .map_err(|problems| ApiError::from_domain_list(&problems))?;
        definition.voting_day = now.with_timezone(&definition.tz()).date_naive();
        Ok(definition)
    }
}

/// How far the demo's day is already done when the app opens on a new database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoStage {
    /// Nothing recorded yet: the chair starts with the opening meeting.
    Start,
    /// The opening meeting of 07:00 recorded and the polls open at 08:00: voters can be
    /// identified at once (for trainers who start at the desk, and for the tests).
    PollsOpen,
    /// The whole voting day recorded up to the close: the morning, simulated voters
    /// identified and casting their ballots from 08:00 to 20:00, the turnout reports and
    /// the polls closed at 20:00. The app opens at the count (for trainers and the tests
    /// of the count); the station's clock must already be past 20:00.
    Closed,
}

/// How many simulated voters come to the desk in the day of [`DemoStage::Closed`].
pub const CLOSED_STAGE_VOTERS: u32 = 40;

impl DemoStage {
    pub fn from_name(name: &str) -> Option<DemoStage> {
        match name {
            "start" => Some(DemoStage::Start),
            "polls-open" | "voting" => Some(DemoStage::PollsOpen),
            "closed" | "count" => Some(DemoStage::Closed),
            _ => None,
        }
    }
}

impl Station {
    /// Records the demo's morning up to `stage`, at the times of the law, when the
    /// journal holds nothing but the election. Refused otherwise: a day under way is
    /// never rewritten.
    pub fn prepare_demo(&self, stage: DemoStage) -> Result<(), ApiError> {
        match stage {
            DemoStage::Start => return Ok(()),
            DemoStage::PollsOpen => {}
            DemoStage::Closed => return self.prepare_closed_day(),
        }
        if self.overview().journal.events != 1 {
            return Err(ApiError::new("demo.day-under-way", "error-demo-day-under-way"));
        }
        self.record_opening_meeting()
    }

    /// The opening meeting by the book at the law's times on voting day (members arrive
    /// at 06:50, the lot at 07:00, the safe, the boxes, the ballots or the paper) and the
    /// polls open at 08:00. A member still registered as present is not registered twice.
    pub(crate) fn record_opening_meeting(&self) -> Result<(), ApiError> {
        let election = self.election()?;
        let at = |hour: u32, minute: u32| -> DateTime<Utc> {
            let local = election.voting_day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
            election.tz().from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc)).unwrap_or_default()
        };
        let present: Vec<String> = self.journal().state().present().filter_map(|a| a.member_id.clone()).collect();
        for member in election.commission.iter().filter(|m| !present.contains(&m.id)) {
            let arrival = Arrival::member(&member.id);
            self.act_at(Command::RegisterArrival { arrival }, at(6, 50))?;
        }
        self.commit_lot_at(LotPurpose::Roles, 0, at(7, 0))?;
        let contributions = vec![Contribution { by: "observer".into(), value: "2025".into() }];
        self.draw_lot_at(LotPurpose::Roles, contributions, at(7, 5))?;
        let voters = self.register_counts(&election.station.number).map(|(all, here)| {
            u32::try_from(if election.station.kind == StationKind::RemoteVoting { all } else { here }).unwrap_or(0)
        });
        let voters = voters.unwrap_or(0);
        self.act_at(Command::OpenSafe { voters_paper: voters, voters_electronic: voters, explanation: None }, at(7, 10))?;
        let boxes: &[(&str, BoxKind)] = if election.station.kind == StationKind::RemoteVoting {
            &[("aeu-main", BoxKind::Aeu), ("aeu-reserve", BoxKind::Aeu)]
        } else {
            &[("box-1", BoxKind::Stationary), ("aeu-main", BoxKind::Aeu)]
        };
        for (number, (box_id, kind)) in boxes.iter().enumerate() {
            let seals = vec![format!("DEMO-{:03}", number + 1)];
            self.act_at(Command::SealBox { box_id: (*box_id).to_owned(), kind: *kind, seals }, at(7, 15))?;
        }
        self.act_at(Command::FinishSealing, at(7, 20))?;
        if election.station.kind == StationKind::RemoteVoting {
            self.act_at(Command::RecordPaperStock { sheets: 3000, printer_counter: 0 }, at(7, 25))?;
            self.register_chair_card_at(at(7, 28))?;
        } else {
            let ballots = voters.div_ceil(100) * 100;
            self.act_at(
                Command::ReceiveBallots { announced: ballots, recounted: ballots, for_out_of_premises: 0, explanation: None },
                at(7, 25),
            )?;
            let members: Vec<String> = election
                .commission
                .iter()
                .filter(|m| m.role == domain::election::Role::Member)
                .map(|m| m.id.clone())
                .collect();
            let mut left = ballots;
            for member in members.iter().cycle().take(usize::try_from(ballots / 100).unwrap_or(0)) {
                let count = left.min(domain::opening::BALLOT_BATCH);
                self.act_at(Command::IssueBallotsToMember { member_id: member.clone(), count }, at(7, 30))?;
                left -= count;
            }
            self.act_at(Command::FinishBallotIssue, at(7, 40))?;
        }
        self.act_at(Command::OpenPolls, at(8, 0))?;
        Ok(())
    }

    /// The morning, the voters and the close, each at its time of the law (the clock is
    /// held there meanwhile), then the configured clock again, past 20:00.
    fn prepare_closed_day(&self) -> Result<(), ApiError> {
        let election = self.election()?;
        let closes = timeline::starts_at(&election, StepId::Close);
        if self.now() < closes {
            let time = closes.with_timezone(&election.tz()).format("%H:%M").to_string();
            return Err(ApiError::new("step.too-early", "error-step-too-early").with("step", StepId::Close.name()).with("time", time));
        }
        self.prepare_demo(DemoStage::PollsOpen)?;
        let hold = |instant: DateTime<Utc>| self.hold_clock(Some(instant));
        let voted = crate::demo_day::vote_and_close(self, &hold, CLOSED_STAGE_VOTERS);
        self.hold_clock(None);
        voted
    }
}
