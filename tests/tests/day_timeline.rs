//! Whole-day scenarios through `api` with simulated devices, a temporary database and a
//! clock the test moves: the timeline's states, the refusals of out-of-order acts, and
//! what survives a restart.

use api::Demo;
use api::Language;
use domain::{Command, StepId, StepState};
use uchastok_tests::{Harness, bishkek, member_arrives, state_of};

#[test]
fn demo_voting_day_is_the_station_today() {
    let harness = Harness::new(bishkek(29, 6, 45));
    let overview = harness.open(Demo::RemoteVoting).overview();
    let election = overview.election.expect("demo loaded");
    assert_eq!(election.voting_day, "2026-11-29");
    assert_eq!(overview.clock.local, "2026-11-29T06:45:00");
    assert_eq!(overview.clock.utc_offset, "+06:00");
    assert_eq!(overview.journal.events, 1, "only the election was recorded");
}

#[test]
fn r1_7_remote_station_has_no_out_of_premises_voting() {
    let harness = Harness::new(bishkek(29, 6, 45));
    let remote = harness.open(Demo::RemoteVoting).overview();
    assert!(remote.timeline.iter().all(|s| s.step != StepId::OutOfPremisesVoting));
    assert_eq!(remote.timeline.len(), 15);

    // Opened on voting day, then the clock goes back to the day before.
    let other = Harness::new(bishkek(29, 6, 0));
    let station = other.open(Demo::CityCouncil);
    other.clock.set(bishkek(28, 9, 0));
    let regular = station.overview();
    let out_of_premises = regular.timeline.iter().find(|s| s.step == StepId::OutOfPremisesVoting).expect("s21");
    assert_eq!((out_of_premises.start_day, out_of_premises.starts.as_str()), (-1, "08:00"));
    assert_eq!(out_of_premises.state, StepState::Now, "§22: the day before, 08:00–20:00");
    assert_eq!(state_of(&regular, StepId::LotDrawing), StepState::NotYet);
}

#[test]
fn s32_lot_drawing_is_due_from_seven_and_late_after_eight() {
    let harness = Harness::new(bishkek(29, 6, 45));
    let station = harness.open(Demo::RemoteVoting);
    assert_eq!(state_of(&station.overview(), StepId::LotDrawing), StepState::NotYet);
    harness.clock.set(bishkek(29, 7, 0));
    assert_eq!(state_of(&station.overview(), StepId::LotDrawing), StepState::Now);
    harness.clock.set(bishkek(29, 8, 1));
    let overview = station.overview();
    assert_eq!(state_of(&overview, StepId::LotDrawing), StepState::Late);
    assert_eq!(state_of(&overview, StepId::Voting), StepState::Now);
}

#[test]
fn s32_lot_drawing_before_seven_is_refused_and_nothing_recorded() {
    let harness = Harness::new(bishkek(29, 6, 50));
    let station = harness.open(Demo::RemoteVoting);
    let before = station.overview().journal.events;
    let refusal = station.commit_lot(domain::lot::LotPurpose::Roles, 0).expect_err("too early");
    assert_eq!(refusal.code, "step.too-early");
    assert_eq!(refusal.args.get("time"), Some(&domain::MessageArg::Text("07:00".into())));
    assert_eq!(station.overview().journal.events, before);
}

#[test]
fn s38_a_turnout_report_is_recorded_once_with_its_station_time() {
    let harness = Harness::new(bishkek(29, 10, 12));
    let station = harness.open(Demo::RemoteVoting);
    let overview = station.act(Command::ReportTurnout { step: StepId::Turnout10 }).expect("recorded");
    let report = overview.timeline.iter().find(|s| s.step == StepId::Turnout10).expect("turnout");
    assert_eq!((report.state, report.done_at.as_deref(), report.can_complete), (StepState::Done, Some("10:12"), false));
    let again = station.act(Command::ReportTurnout { step: StepId::Turnout10 }).expect_err("only once");
    assert_eq!(again.code, "step.already-done");
    assert_eq!(
        station.complete_step(StepId::Turnout12).expect_err("reported, not ticked").code,
        "step.has-procedure"
    );
    // The election, the report, the station key journaled before the first checkpoint,
    // and the checkpoint signed after the report.
    assert_eq!(station.overview().journal.events, 4);
}

#[test]
fn s49_polls_close_at_twenty_and_the_count_follows_the_close() {
    let (harness, station) = uchastok_tests::remote_station_open();
    harness.clock.set(bishkek(29, 19, 59));
    assert_eq!(station.act(Command::ClosePolls).expect_err("before 20:00").code, "step.too-early");
    for step in [StepId::Voting, StepId::Close, StepId::Count] {
        assert_eq!(station.complete_step(step).expect_err("a procedure of its own").code, "step.has-procedure");
    }
    harness.clock.set(bishkek(29, 20, 5));
    let refusal = station
        .act(Command::RecordListTotals { pages: 1, voters_in_list: 0, signatures: 0, explanation: None })
        .expect_err("no count before the close");
    assert_eq!(refusal.code, "count.not-closed");
    let overview = station.act(Command::ClosePolls).expect("closed");
    assert_eq!(state_of(&overview, StepId::Voting), StepState::Done);
    assert_eq!(state_of(&overview, StepId::Close), StepState::Done);
    assert_eq!(state_of(&overview, StepId::Count), StepState::Now);
    assert_eq!(station.act(Command::ClosePolls).expect_err("once").code, "step.already-done");
}

#[test]
fn s67_delivery_is_late_after_six_the_next_morning() {
    let harness = Harness::new(bishkek(29, 12, 0));
    let station = harness.open(Demo::RemoteVoting);
    harness.clock.set(bishkek(30, 5, 59));
    assert_eq!(state_of(&station.overview(), StepId::Delivery), StepState::Now);
    harness.clock.set(bishkek(30, 6, 0));
    assert_eq!(state_of(&station.overview(), StepId::Delivery), StepState::Late);
}

#[test]
fn the_journal_and_the_language_survive_a_restart() {
    let harness = Harness::new(bishkek(29, 7, 20));
    {
        let station = harness.open(Demo::RemoteVoting);
        assert_eq!(station.language(), Language::Ky, "Kyrgyz by default");
        station.act(member_arrives("m1")).expect("recorded");
        station.set_language(Language::Ru).expect("remembered");
    }
    let station = harness.open(Demo::RemoteVoting);
    let overview = station.overview();
    assert_eq!(overview.language, "ru");
    assert_eq!(overview.opening.expect("opening").attendance.len(), 1);
    assert_eq!(overview.journal.events, 2, "the demo is not loaded twice");
}

#[test]
fn every_simulated_device_shows_in_the_overview() {
    let harness = Harness::new(bishkek(29, 7, 20));
    let overview = harness.open(Demo::RemoteVoting).overview();
    for kind in driver_api::DeviceKind::ALL {
        assert!(overview.devices.iter().any(|d| d.kind == kind && d.simulated), "{kind:?} missing");
    }
}

#[test]
fn an_edited_journal_opens_read_only_says_why_and_records_nothing() {
    let harness = Harness::new(bishkek(29, 7, 20));
    {
        let station = harness.open(Demo::RemoteVoting);
        station.act(member_arrives("m1")).expect("recorded");
    }
    let db = harness.dir.path().join("uchastok.db");
    let connection = rusqlite::Connection::open(&db).expect("open raw");
    connection
        .execute_batch(
            "DROP TRIGGER IF EXISTS journal_no_update;
             UPDATE journal SET payload = replace(payload, 'Сатыбалдиева', 'Сатыбалдиев') WHERE seq = 2;",
        )
        .expect("tamper");
    drop(connection);

    let station = harness.open(Demo::RemoteVoting);
    let overview = station.overview();
    assert!(overview.journal.read_only);
    let problem = overview.journal.problem.expect("a reason");
    assert_eq!(problem.message, "journal-problem-chain-broken");
    assert_eq!(problem.args.get("seq"), Some(&domain::MessageArg::Number(2)));
    let refusal = station.complete_step(StepId::OpeningSafe).expect_err("read-only");
    assert_eq!(refusal.message, "journal-error-read-only");
    assert!(station.set_language(Language::Ru).is_err(), "nothing is written to a damaged file");
}
