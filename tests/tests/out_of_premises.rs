//! Out-of-premises voting through `api` (§21–30): applications until three days before,
//! the lot two days before, portable boxes and voters on the day before from 08:00 to
//! 20:00, slots sealed, and a closing act whose ballots add up.

use api::documents::DocumentKind;
use api::{Demo, Station};
use domain::lot::{Contribution, LotPurpose};
use domain::opening::BoxKind;
use domain::{Command, MessageArg, StepId, StepState};
use uchastok_tests::{Harness, bishkek, commission_arrives, pdf_text, state_of};

fn apply(name: &str) -> Command {
    Command::RegisterApplication { voter_name: name.into(), address: "Ош ш., Ленин көч., 5".into(), reason: "оорулуу".into() }
}

fn serve(application: u32, box_id: &str) -> Command {
    Command::ServeOutOfPremisesVoter { application, box_id: box_id.into(), document: "ID 1234567".into() }
}

/// The city demo opened on voting day (the 29th), then the clock sent back to the 20th.
fn station() -> (Harness, Station) {
    let harness = Harness::new(bishkek(29, 6, 0));
    let station = harness.open(Demo::CityCouncil);
    harness.at(20, 10, 0);
    (harness, station)
}

fn lot_and_boxes(harness: &Harness, station: &Station) {
    harness.at(27, 18, 0);
    commission_arrives(station, 9);
    station.commit_lot(LotPurpose::OutOfPremises, 2).expect("committed");
    station
        .draw_lot(LotPurpose::OutOfPremises, vec![Contribution { by: "observer".into(), value: "7".into() }])
        .expect("drawn");
    harness.at(28, 7, 45);
    for (box_id, seal) in [("portable-1", "P-1"), ("portable-2", "P-2")] {
        station
            .act(Command::SealBox { box_id: box_id.into(), kind: BoxKind::Portable, seals: vec![seal.into()] })
            .expect("portable box sealed");
    }
}

#[test]
fn s22_applications_are_accepted_until_three_days_before() {
    let (harness, station) = station();
    let overview = station.act(apply("Сыдыкова Гүлүмкан")).expect("on the 20th");
    assert_eq!(overview.opening.expect("opening").applications[0].number, 1);
    harness.at(26, 23, 59);
    station.act(apply("Бакиев Өмүр")).expect("the 26th is the last day");
    harness.at(27, 0, 1);
    let late = station.act(apply("Асанов Нурлан")).expect_err("the 27th is too late");
    assert_eq!(late.code, "oop.application-late");
    assert_eq!(late.args.get("date"), Some(&MessageArg::Text("26.11.2026".into())));
    let incomplete = Command::RegisterApplication { voter_name: "X".into(), address: " ".into(), reason: "r".into() };
    harness.at(25, 9, 0);
    assert_eq!(station.act(incomplete).expect_err("no address").code, "oop.application-incomplete");
}

#[test]
fn r1_7_no_out_of_premises_voting_at_a_remote_station() {
    let harness = Harness::new(bishkek(29, 6, 0));
    let station = harness.open(Demo::RemoteVoting);
    harness.at(20, 10, 0);
    assert_eq!(station.act(apply("Сыдыкова Гүлүмкан")).expect_err("remote").code, "oop.not-here");
}

#[test]
fn s26_a_voter_is_served_once_against_an_application_during_the_hours() {
    let (harness, station) = station();
    station.act(apply("Сыдыкова Гүлүмкан")).expect("applied");
    lot_and_boxes(&harness, &station);
    assert_eq!(station.act(serve(1, "portable-1")).expect_err("07:45").code, "oop.outside-hours");
    harness.at(28, 9, 30);
    assert_eq!(station.act(serve(2, "portable-1")).expect_err("no such").code, "oop.unknown-application");
    assert_eq!(station.act(serve(1, "box-1")).expect_err("not portable").code, "oop.not-a-portable-box");
    let no_document = Command::ServeOutOfPremisesVoter { application: 1, box_id: "portable-1".into(), document: " ".into() };
    assert_eq!(station.act(no_document).expect_err("§28").code, "oop.document-required");
    let overview = station.act(serve(1, "portable-1")).expect("served");
    assert_eq!(overview.opening.expect("opening").served[0].document, "ID 1234567");
    assert_eq!(station.act(serve(1, "portable-2")).expect_err("twice").code, "oop.already-served");
    harness.at(28, 20, 0);
    station.act(apply("late")).expect_err("applications long closed");
}

#[test]
fn s29_the_closing_act_needs_sealed_slots_and_ballots_that_add_up() {
    let (harness, station) = station();
    for name in ["Сыдыкова Гүлүмкан", "Бакиев Өмүр", "Токтогулова Айжан"] {
        station.act(apply(name)).expect("applied");
    }
    lot_and_boxes(&harness, &station);
    harness.at(28, 11, 0);
    station.act(serve(1, "portable-1")).expect("served");
    station.act(serve(2, "portable-2")).expect("served");
    harness.at(28, 19, 40);
    let close = |taken, unused, spoiled| Command::CloseOutOfPremisesVoting { ballots_taken: taken, unused_returned: unused, spoiled_returned: spoiled };
    let open = station.act(close(10, 8, 0)).expect_err("slots open");
    assert_eq!((open.code.as_str(), open.args.get("boxes")), ("oop.slots-open", Some(&MessageArg::Text("portable-1, portable-2".into()))));
    station.act(Command::SealPortableBoxSlot { box_id: "portable-1".into() }).expect("slot sealed");
    station.act(Command::SealPortableBoxSlot { box_id: "portable-2".into() }).expect("slot sealed");
    assert_eq!(station.act(serve(3, "portable-1")).expect_err("sealed").code, "oop.slot-sealed");
    let wrong = station.act(close(10, 7, 0)).expect_err("2 + 7 + 0 ≠ 10");
    assert_eq!(wrong.code, "oop.ballots-do-not-add-up");
    let overview = station.act(close(10, 7, 1)).expect("closed");
    let closing = overview.opening.as_ref().expect("opening").out_of_premises_closing.clone().expect("act");
    assert_eq!((closing.ballots_issued, closing.receipts_issued), (2, 2));
    assert_eq!(state_of(&overview, StepId::OutOfPremisesVoting), StepState::Done);
    assert_eq!(station.complete_step(StepId::OutOfPremisesVoting).expect_err("own procedure").code, "step.has-procedure");

    station.set_language(api::Language::Ru).expect("ru");
    let act = pdf_text(&station.document_pdf(&DocumentKind::OutOfPremisesAct).expect("act"));
    assert!(act.contains("Акт о голосовании вне помещения"), "{act}");
    assert!(act.contains("Составлен в 9 экземплярах"), "a certified copy for each of the nine present: {act}");
    station.set_language(api::Language::Ky).expect("ky");
    let act = pdf_text(&station.document_pdf(&DocumentKind::OutOfPremisesAct).expect("act"));
    assert!(act.contains("Жайдан тышкары добуш берүү жөнүндө акт"), "{act}");
    let registry = station.save_document(&DocumentKind::OutOfPremisesRegistry).expect("registry saved");
    assert!(registry.ends_with("out-of-premises-registry.pdf"));
}
