//! The opening meeting through `api` (§21–36): attendance, the verifiable lot, the safe,
//! sealing, ballots, and the polls opening only when all of it is done. One test per
//! rule; each name cites its clause.

use api::{Demo, Station};
use domain::attendance::{Arrival, AttendeeCategory};
use domain::lot::{Contribution, Duty, LotPurpose};
use domain::opening::BoxKind;
use domain::{Command, MessageArg, StepId, StepState};
use uchastok_tests::{Harness, arrival, commission_arrives, draw_roles_lot, member_arrives, prepare_regular_after_lot, state_of};

fn observer_says(value: &str) -> Vec<Contribution> {
    vec![Contribution { by: "observer".into(), value: value.into() }]
}

fn seal(box_id: &str, kind: BoxKind, seals: &[&str]) -> Command {
    Command::SealBox { box_id: box_id.into(), kind, seals: seals.iter().map(|s| s.to_string()).collect() }
}

fn events(station: &Station) -> u32 {
    station.overview().journal.events
}

/// A regular station at 07:05 with the whole commission present and the lot drawn.
fn regular_after_lot() -> (Harness, Station) {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 5));
    let station = harness.open(Demo::CityCouncil);
    commission_arrives(&station, 9);
    draw_roles_lot(&station);
    (harness, station)
}

#[test]
fn o_international_observer_who_is_a_kyrgyz_citizen_is_refused() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 6, 40));
    let station = harness.open(Demo::CityCouncil);
    let citizen = Arrival {
        accreditation: Some("INT-0042".into()),
        kyrgyz_citizen: true,
        ..arrival(AttendeeCategory::InternationalObserver, "John Smith")
    };
    let refusal = station.act(Command::RegisterArrival { arrival: citizen.clone() }).expect_err("citizen");
    assert_eq!(refusal.code, "attendance.international-observer-citizen");
    let unaccredited = Arrival { accreditation: None, kyrgyz_citizen: false, ..citizen.clone() };
    assert_eq!(
        station.act(Command::RegisterArrival { arrival: unaccredited }).expect_err("no certificate").code,
        "attendance.accreditation-required"
    );
    let foreigner = Arrival { kyrgyz_citizen: false, ..citizen };
    let overview = station.act(Command::RegisterArrival { arrival: foreigner }).expect("accredited foreigner");
    let register = overview.opening.expect("opening").attendance;
    assert_eq!(register.len(), 1);
    assert_eq!(register[0].accreditation.as_deref(), Some("INT-0042"));
}

#[test]
fn s34_a_member_is_registered_once_and_takes_the_name_of_the_definition() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 6, 40));
    let station = harness.open(Demo::CityCouncil);
    let overview = station.act(member_arrives("m1")).expect("chair");
    let chair = &overview.opening.expect("opening").attendance[0];
    assert!(!chair.name.is_empty());
    assert_eq!(station.act(member_arrives("m1")).expect_err("twice").code, "attendance.already-present");
    assert_eq!(station.act(member_arrives("m99")).expect_err("unknown").code, "attendance.unknown-member");
    station.act(Command::RegisterDeparture { person: 1 }).expect("left");
    station.act(member_arrives("m1")).expect("came back");
}

#[test]
fn s32_chair_and_secretary_never_drawn_and_every_duty_covered() {
    let (_harness, station) = regular_after_lot();
    let record = station.lot_record(LotPurpose::Roles).expect("record");
    assert!(!record.members.contains(&"m1".to_string()) && !record.members.contains(&"m3".to_string()));
    assert_eq!(record.members.len(), 7, "deputy chair and six members");
    for duty in domain::lot::ROLE_DUTIES {
        assert!(record.assignment.iter().any(|a| a.duty == duty), "{duty:?} not assigned");
    }
    assert_eq!(domain::lot::verify(&record), Ok(()), "the record re-runs to the same assignment");
    let overview = station.overview();
    assert_eq!(state_of(&overview, StepId::LotDrawing), StepState::Done);
}

#[test]
fn s32_too_few_members_says_how_many_are_missing() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 1));
    let station = harness.open(Demo::CityCouncil);
    for member in ["m1", "m3", "m4", "m5"] {
        station.act(member_arrives(member)).expect("present");
    }
    let before = events(&station);
    let refusal = station.commit_lot(LotPurpose::Roles, 0).expect_err("two drawable members");
    assert_eq!(refusal.code, "lot.too-few-members");
    assert_eq!(refusal.args.get("missing"), Some(&MessageArg::Number(2)));
    assert_eq!(events(&station), before, "nothing recorded");
}

#[test]
fn s32_members_who_left_are_not_drawn() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 1));
    let station = harness.open(Demo::CityCouncil);
    commission_arrives(&station, 9);
    // m9 is the ninth person registered; they leave before the lot.
    station.act(Command::RegisterDeparture { person: 9 }).expect("left");
    station.commit_lot(LotPurpose::Roles, 0).expect("committed");
    let overview = station.draw_lot(LotPurpose::Roles, observer_says("3")).expect("drawn");
    let record = station.lot_record(LotPurpose::Roles).expect("record");
    assert!(!record.members.contains(&"m9".to_string()));
    assert_eq!(overview.opening.expect("opening").lots[0].members.len(), 6);
}

#[test]
fn s32_the_draw_needs_a_commitment_first_and_a_contribution() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 1));
    let station = harness.open(Demo::CityCouncil);
    commission_arrives(&station, 9);
    assert_eq!(station.draw_lot(LotPurpose::Roles, observer_says("5")).expect_err("no commitment").code, "lot.not-committed");
    let committed = station.commit_lot(LotPurpose::Roles, 0).expect("committed");
    let commitment = &committed.opening.expect("opening").lots[0].commitment;
    assert_eq!(commitment.len(), 64, "the commitment is shown before the draw");
    assert_eq!(station.draw_lot(LotPurpose::Roles, vec![]).expect_err("nobody contributed").code, "lot.no-contribution");
    station.draw_lot(LotPurpose::Roles, observer_says("5")).expect("drawn");
    assert_eq!(station.draw_lot(LotPurpose::Roles, observer_says("6")).expect_err("once").code, "lot.already-drawn");
    assert_eq!(&station.lot_record(LotPurpose::Roles).expect("record").commitment, commitment);
}

#[test]
fn s33_the_safe_is_opened_after_the_lot_and_a_difference_is_explained() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 1));
    let station = harness.open(Demo::CityCouncil);
    let early = station
        .act(Command::OpenSafe { voters_paper: 10, voters_electronic: 10, explanation: None })
        .expect_err("before the lot");
    assert_eq!(early.code, "step.out-of-order");
    let (_harness, station) = regular_after_lot();
    let unexplained = station
        .act(Command::OpenSafe { voters_paper: 1520, voters_electronic: 1519, explanation: Some("  ".into()) })
        .expect_err("difference without explanation");
    assert_eq!(unexplained.code, "safe.explanation-required");
    let overview = station
        .act(Command::OpenSafe {
            voters_paper: 1520,
            voters_electronic: 1519,
            explanation: Some("one voter added by court decision on paper only".into()),
        })
        .expect("explained");
    let safe = overview.opening.expect("opening").safe.expect("opened");
    assert_eq!((safe.voters_paper, safe.voters_electronic), (1520, 1519));
}

#[test]
fn s34_control_sheet_names_chair_station_time_and_those_present() {
    let (harness, station) = regular_after_lot();
    let observer = arrival(AttendeeCategory::Observer, "Токтосунова Гүлнара");
    station.act(Command::RegisterArrival { arrival: observer }).expect("observer");
    station.act(Command::OpenSafe { voters_paper: 1, voters_electronic: 1, explanation: None }).expect("safe");
    harness.at(29, 7, 31);
    let overview = station.act(seal("box-1", BoxKind::Stationary, &["A-001"])).expect("sealed");
    let sealed = &overview.opening.expect("opening").boxes[0];
    let sheet = &sealed.control_sheet;
    assert_eq!(sheet.time, "07:31");
    assert!(!sheet.station_number.is_empty() && !sheet.chair.is_empty());
    assert_eq!(sheet.present.len(), 10, "nine members and the observer");
    assert_eq!(sheet.present[0].role, Some(domain::election::Role::Chair), "the chair first");
    assert!(sheet.present.iter().any(|p| p.name == "Токтосунова Гүлнара"));
}

#[test]
fn s34_seals_are_unique_and_sealing_ends_with_at_least_one_box() {
    let (_harness, station) = regular_after_lot();
    assert_eq!(station.act(seal("box-1", BoxKind::Stationary, &["A-1"])).expect_err("safe first").code, "step.out-of-order");
    station.act(Command::OpenSafe { voters_paper: 1, voters_electronic: 1, explanation: None }).expect("safe");
    assert_eq!(station.act(Command::FinishSealing).expect_err("no box").code, "sealing.nothing-sealed");
    station.act(seal("box-1", BoxKind::Stationary, &["A-1"])).expect("sealed");
    assert_eq!(station.act(seal("box-2", BoxKind::Stationary, &["A-1"])).expect_err("seal reused").code, "sealing.duplicate-seal");
    assert_eq!(station.act(seal("box-1", BoxKind::Aeu, &["A-2"])).expect_err("same box").code, "sealing.duplicate-box");
    assert_eq!(station.act(seal("box-2", BoxKind::Stationary, &[" "])).expect_err("no seal").code, "sealing.seal-required");
    station.act(Command::FinishSealing).expect("finished");
    assert_eq!(station.act(seal("box-3", BoxKind::Stationary, &["A-3"])).expect_err("after").code, "sealing.finished");
}

#[test]
fn s35_a_recount_that_differs_is_explained_and_s36_batches_are_at_most_100() {
    let (_harness, station) = regular_after_lot();
    station.act(Command::OpenSafe { voters_paper: 1, voters_electronic: 1, explanation: None }).expect("safe");
    station.act(seal("box-1", BoxKind::Stationary, &["A-1"])).expect("sealed");
    station.act(Command::FinishSealing).expect("finished");
    let unexplained = station
        .act(Command::ReceiveBallots { announced: 500, recounted: 499, for_out_of_premises: 0, explanation: None })
        .expect_err("difference");
    assert_eq!(unexplained.code, "ballots.explanation-required");
    station
        .act(Command::ReceiveBallots {
            announced: 500,
            recounted: 499,
            for_out_of_premises: 20,
            explanation: Some("one ballot missing from pack 5".into()),
        })
        .expect("received");
    let too_many = station.act(Command::IssueBallotsToMember { member_id: "m4".into(), count: 101 }).expect_err("batch");
    assert_eq!(too_many.code, "ballots.batch-size");
    for _ in 0..4 {
        station.act(Command::IssueBallotsToMember { member_id: "m4".into(), count: 100 }).expect("batch");
    }
    let overview = station.overview();
    assert_eq!(overview.opening.as_ref().expect("opening").ballots_undistributed, 79);
    let short = station.act(Command::IssueBallotsToMember { member_id: "m5".into(), count: 80 }).expect_err("only 79");
    assert_eq!(short.args.get("available"), Some(&MessageArg::Number(79)));
    station.act(Command::FinishBallotIssue).expect("finished");
    assert_eq!(state_of(&station.overview(), StepId::BallotsToMembers), StepState::Done);
}

#[test]
fn s36_remote_station_records_paper_stock_instead_of_ballots() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 5));
    let station = harness.open(Demo::RemoteVoting);
    commission_arrives(&station, 11);
    station.commit_lot(LotPurpose::Roles, 0).expect("committed");
    station.draw_lot(LotPurpose::Roles, observer_says("99")).expect("drawn");
    station.act(Command::OpenSafe { voters_paper: 0, voters_electronic: 0, explanation: None }).expect("safe");
    station.act(seal("aeu-main", BoxKind::Aeu, &["R-1"])).expect("aeu");
    station.act(seal("aeu-reserve", BoxKind::Aeu, &["R-2"])).expect("reserve aeu");
    station.act(Command::FinishSealing).expect("sealing");
    let refusal = station
        .act(Command::ReceiveBallots { announced: 1, recounted: 1, for_out_of_premises: 0, explanation: None })
        .expect_err("prints on demand");
    assert_eq!(refusal.code, "ballots.remote-prints-on-demand");
    station.act(Command::RecordPaperStock { sheets: 2000, printer_counter: 10452 }).expect("stock");
    harness.at(29, 8, 0);
    let overview = station.act(Command::OpenPolls).expect("polls open");
    assert!(overview.opening.expect("opening").polls_open);
}

#[test]
fn s31_polls_open_at_eight_only_after_every_preparation() {
    let (harness, station) = regular_after_lot();
    let before = events(&station);
    let refusal = station.act(Command::OpenPolls).expect_err("07:05");
    assert_eq!(refusal.code, "polls.too-early");
    assert_eq!(refusal.args.get("time"), Some(&MessageArg::Text("08:00".into())));
    harness.at(29, 8, 0);
    let not_ready = station.act(Command::OpenPolls).expect_err("safe not opened");
    assert_eq!((not_ready.code.as_str(), not_ready.args.get("missing")), ("step.out-of-order", Some(&MessageArg::Text("opening-safe".into()))));
    assert_eq!(events(&station), before, "refusals record nothing");
    harness.at(29, 7, 40);
    prepare_regular_after_lot(&station);
    let ready = station.overview();
    for step in [StepId::LotDrawing, StepId::OpeningSafe, StepId::SealingBoxes, StepId::BallotsToMembers] {
        assert_eq!(state_of(&ready, step), StepState::Done, "{step:?}");
    }
    assert!(!ready.opening.as_ref().expect("opening").can_open_polls, "not before 08:00");
    harness.at(29, 8, 0);
    assert!(station.overview().opening.expect("opening").can_open_polls);
    station.act(Command::OpenPolls).expect("open");
    assert_eq!(station.act(Command::OpenPolls).expect_err("twice").code, "polls.already-open");
}

#[test]
fn s24_out_of_premises_lot_two_days_before_and_s23_at_most_three_portable_boxes() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 6, 0));
    let station = harness.open(Demo::CityCouncil);
    harness.at(26, 18, 0);
    commission_arrives(&station, 9);
    assert_eq!(station.commit_lot(LotPurpose::OutOfPremises, 2).expect_err("three days before").code, "lot.wrong-day");
    harness.at(27, 18, 0);
    assert_eq!(station.commit_lot(LotPurpose::OutOfPremises, 1).expect_err("one member").code, "lot.count-too-small");
    station.commit_lot(LotPurpose::OutOfPremises, 2).expect("committed");
    station.draw_lot(LotPurpose::OutOfPremises, observer_says("8")).expect("drawn");
    let record = station.lot_record(LotPurpose::OutOfPremises).expect("record");
    assert_eq!(record.assignment.len(), 2);
    assert!(record.assignment.iter().all(|a| a.duty == Duty::OutOfPremises && a.member_id != "m1" && a.member_id != "m3"));
    assert_eq!(
        station.act(seal("portable-1", BoxKind::Portable, &["P-1"])).expect_err("the day before only").code,
        "sealing.portable-outside-hours"
    );
    harness.at(28, 7, 30);
    for n in 1..=3 {
        station.act(seal(&format!("portable-{n}"), BoxKind::Portable, &[&format!("P-{n}")])).expect("portable box");
    }
    assert_eq!(
        station.act(seal("portable-4", BoxKind::Portable, &["P-4"])).expect_err("a fourth").code,
        "sealing.too-many-portable"
    );
}
