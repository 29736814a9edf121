//! The demo stage `closed` (`UCHASTOK_DEMO_STAGE=closed`): a new demo station starts at
//! the count, after a simulated day recorded at the times of the law — the voters
//! identified between 08:00 and 20:00, the turnout reported every two hours, the polls
//! closed at 20:00 (§49) — with the station's own clock given back afterwards.

use api::{Demo, DemoStage};
use domain::{StepId, StepState};
use uchastok_tests::{Harness, bishkek, state_of};

#[test]
fn s49_the_closed_stage_records_a_day_of_voters_and_the_close_then_runs_on_the_stations_clock() {
    let harness = Harness::new(bishkek(29, 20, 1));
    let station = harness.open(Demo::CityCouncil);
    station.prepare_demo(DemoStage::Closed).expect("the day up to the close");
    assert_eq!(station.now(), bishkek(29, 20, 1), "the configured clock again");
    let overview = station.overview();
    let timeline_done = |step| overview.timeline.iter().find(|s| s.step == step).and_then(|s| s.done_at.clone());
    assert_eq!(timeline_done(StepId::Close).as_deref(), Some("20:00"));
    assert_eq!(timeline_done(StepId::Turnout18).as_deref(), Some("18:02"), "each report at its time");
    assert_eq!(state_of(&overview, StepId::Count), StepState::Now);
    let voting = overview.voting.as_ref().expect("voting");
    assert!(!voting.open, "no voting act after the close");
    assert!(voting.identified > 30 && voting.failures >= 1, "{} identified, {} failures", voting.identified, voting.failures);
    let count = overview.count.as_ref().expect("count");
    assert_eq!(count.closing_turnout, Some(voting.identified), "§38: the final turnout from the receipts");
    let truth = count.contests[0].truth.as_ref().expect("the simulated piles, for the trainer");
    assert_eq!(truth.cast, u64::from(voting.ballots_issued), "every ballot issued was cast");
}

#[test]
fn the_closed_stage_before_20_is_refused_and_records_nothing() {
    let harness = Harness::new(bishkek(29, 15, 0));
    let station = harness.open(Demo::RemoteVoting);
    let refused = station.prepare_demo(DemoStage::Closed).expect_err("before the close");
    assert_eq!(refused.code, "step.too-early");
    assert_eq!(station.overview().journal.events, 1, "only the election");
}
