//! Identifying voters through `api` with simulated devices and a temporary database
//! (§37–42, §38, R3.1–R3.2, R4.2–R4.3). A simulated voter "comes to the desk"; the member
//! drives the same steps as in the window. Each test's name cites its clause.

use api::simulation::VoterCase;
use api::{Demo, Station};
use domain::identification::{BiometricMethod, IdentityDocument};
use domain::{Command, MessageArg, StepId};
use uchastok_tests::{Harness, files_ending, pdf_text, regular_station_open, remote_station_open};

fn events(station: &Station) -> u32 {
    station.overview().journal.events
}

/// The member reads the document the voter shows and compares the photo.
fn read(station: &Station, document: IdentityDocument) -> api::desk::DeskView {
    station.desk_read_document(document).expect("document read");
    station.desk_confirm_photo().expect("photo compared")
}

/// A voter of `case` comes, is read, and puts a finger on the scanner until it matches.
fn identify(station: &Station, case: VoterCase) -> api::desk::DeskView {
    let arrival = station.simulate_voter(case).expect("a voter comes");
    read(station, arrival.document);
    station.desk_fingerprint().expect("fingerprint")
}

#[test]
fn r4_2_a_voter_of_another_district_gets_that_districts_ballot_and_signs_the_list() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::OtherDistrict).expect("a voter comes");
    assert_ne!(arrival.district, "d3", "the station sits in d3");
    let before = events(&station);
    let view = read(&station, arrival.document);
    assert_eq!(view.voter.as_ref().map(|v| v.contest.as_str()), Some(arrival.district.as_str()));
    assert_eq!(events(&station), before, "reading a document records nothing");
    let view = station.desk_fingerprint().expect("fingerprint");
    assert!(view.identified && view.receipt_printed && view.ballot_printed, "{view:?}");
    assert_eq!(view.method, Some(BiometricMethod::Fingerprint));
    let voting = station.overview().voting.expect("voting");
    let district = voting.districts.iter().find(|d| d.contest == arrival.district).expect("district");
    assert_eq!((voting.identified, district.identified, district.printed), (1, 1, 1));
    let view = station.desk_list().expect("signed the list of remote participants");
    assert!(view.listed);
    assert!(view.steps.iter().all(|s| s.state == api::desk::DeskStepState::Done), "{:?}", view.steps);
    // The ballot that came out: the district's designation, and its code in both corners.
    let prints = files_ending(&station_dir(&station).join("simulated-prints"), "-ballot.pdf");
    assert_eq!(prints.len(), 1);
    let text = pdf_text(&std::fs::read(&prints[0]).expect("ballot pdf"));
    let designation = &district.designation;
    assert!(text.contains(designation.as_str()), "no {designation} in:\n{text}");
}

fn station_dir(station: &Station) -> std::path::PathBuf {
    station.data_dir().to_path_buf()
}

#[test]
fn r4_3_same_district_other_station_refused_with_the_advice() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::OwnDistrictOtherStation).expect("a voter comes");
    let before = events(&station);
    let refusal = station.desk_read_document(arrival.document).expect_err("own district, other station");
    assert_eq!(refusal.code, "identification.own-district-other-station");
    assert_eq!(refusal.message, "error-identification-own-district-other-station");
    assert_eq!(refusal.args.get("station"), Some(&MessageArg::Text(arrival.station.clone())));
    assert_eq!(refusal.args.get("district"), Some(&MessageArg::Text("№ 3".into())));
    assert_eq!(events(&station), before, "a refusal records nothing");
    assert!(!station.desk().active, "the desk stays free");
    let text = api::text_with(api::Language::Ru, &refusal.message, &refusal.args);
    assert!(text.contains("другого округа") && text.contains(&arrival.station), "{text}");
}

#[test]
fn r3_1_a_voter_registered_less_than_90_days_before_is_refused() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::RecentlyRegistered).expect("a voter comes");
    let refusal = station.desk_read_document(arrival.document).expect_err("too recent");
    assert_eq!(refusal.code, "identification.community-too-recent");
    assert_eq!(refusal.args.get("days"), Some(&MessageArg::Number(90)));
}

#[test]
fn r4_2_face_after_ten_fingerprint_failures() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::FingerprintsFailTen).expect("a voter comes");
    read(&station, arrival.document);
    let refusal = station.desk_face().expect_err("not before ten fingerprints");
    assert_eq!(refusal.code, "identification.face-too-early");
    for attempt in 1..=10u8 {
        let view = station.desk_fingerprint().expect("attempt");
        assert_eq!(view.fingerprint_attempts, attempt);
        assert!(!view.identified);
        assert_eq!(view.face_allowed, attempt == 10);
    }
    let eleventh = station.desk_fingerprint().expect_err("at most ten");
    assert_eq!(eleventh.code, "identification.too-many-attempts");
    let view = station.desk_face().expect("face");
    assert!(view.identified && view.ballot_printed);
    assert_eq!(view.method, Some(BiometricMethod::Face));
    assert_eq!(station.overview().voting.expect("voting").identified, 1);
}

#[test]
fn s37_a_voter_the_devices_cannot_identify_gets_an_act_in_two_copies_and_does_not_vote() {
    let (harness, station) = remote_station_open();
    harness.at(29, 9, 15);
    let arrival = station.simulate_voter(VoterCase::NeverRecognised).expect("a voter comes");
    read(&station, arrival.document);
    assert_eq!(station.desk_give_up().expect_err("too early").code, "identification.give-up-too-early");
    for _ in 0..10 {
        station.desk_fingerprint().expect("attempt");
    }
    assert_eq!(station.desk_give_up().expect_err("face first").code, "identification.give-up-too-early");
    let view = station.desk_face().expect("face tried");
    assert!(view.face_tried && !view.identified && view.can_give_up);
    let view = station.desk_give_up().expect("the act");
    assert_eq!(view.failure_act, Some(1));
    let voting = station.overview().voting.expect("voting");
    assert_eq!((voting.identified, voting.failures, voting.acts.len()), (0, 1, 1));
    // Printed in two copies on the document printer, and saved.
    let act = std::fs::read(station_dir(&station).join("documents/act-001.pdf")).expect("act saved");
    let text = pdf_text(&act);
    assert!(text.contains("невозможности идентификации") || text.contains("идентификациялоо мүмкүн эмес"), "{text}");
    assert!(text.contains(&arrival.name.split(' ').next().unwrap_or_default().to_string()), "the voter is named:\n{text}");
    assert!(text.contains("09:15"));
    assert!(!station.desk_fingerprint().is_ok(), "no more attempts after the act");
}

#[test]
fn r3_2_a_voter_is_identified_only_once() {
    let (_harness, station) = remote_station_open();
    identify(&station, VoterCase::Eligible);
    station.desk_list().expect("listed");
    station.desk_clear();
    let again = station.simulate_voter(VoterCase::AlreadyIdentified).expect("comes back");
    let refusal = station.desk_read_document(again.document).expect_err("once only");
    assert_eq!(refusal.code, "identification.already-identified");
}

#[test]
fn r4_2_a_voter_not_in_the_register_is_refused() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::NotInRegister).expect("a voter comes");
    assert_eq!(station.desk_read_document(arrival.document).expect_err("unknown").code, "identification.not-in-register");
}

#[test]
fn r4_2_the_tunduk_digital_passport_identifies_by_its_qr_code() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::DigitalPassport).expect("a voter comes");
    assert_eq!(arrival.document, IdentityDocument::TundukDigitalPassport);
    let wrong = station.desk_read_document(IdentityDocument::Passport).expect_err("no passport on the reader");
    assert_eq!(wrong.code, "desk.no-document");
    read(&station, IdentityDocument::TundukDigitalPassport);
    assert!(station.desk_fingerprint().expect("fingerprint").identified);
}

#[test]
fn r4_2_the_photo_is_compared_before_the_fingerprints() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("read");
    assert_eq!(station.desk_fingerprint().expect_err("photo first").code, "desk.photo-first");
}

#[test]
fn r4_1_no_identification_before_the_polls_open_or_after_the_close() {
    let harness = Harness::new(uchastok_tests::bishkek(29, 7, 30));
    let station = harness.open(Demo::RemoteVoting);
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    assert_eq!(station.desk_read_document(arrival.document).expect_err("closed").code, "voting.not-open");
    let (harness, station) = remote_station_open();
    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    assert_eq!(station.desk_read_document(arrival.document).expect_err("closed").code, "voting.closed");
}

#[test]
fn s37_a_regular_station_identifies_only_its_own_voters() {
    let (_harness, station) = regular_station_open();
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    let view = read(&station, arrival.document);
    assert_eq!(view.voter.as_ref().map(|v| v.station.as_str()), Some("5214"));
    let view = station.desk_fingerprint().expect("fingerprint");
    assert!(view.identified && view.receipt_printed && !view.ballot_printed, "a regular station prints no ballot");
}

#[test]
fn s41_a_ballot_only_against_a_receipt_after_the_paper_list() {
    let (_harness, station) = regular_station_open();
    let before = events(&station);
    assert_eq!(station.act(Command::IssueBallotToVoter).expect_err("no receipt").code, "ballot.no-receipt");
    assert_eq!(events(&station), before);
    identify(&station, VoterCase::Eligible);
    assert_eq!(station.desk_issue_ballot().expect_err("list first").code, "ballot.no-receipt");
    station.desk_list().expect("document series and number written, signed");
    let view = station.desk_issue_ballot().expect("ballot against the receipt");
    assert!(view.ballot_issued);
    assert_eq!(station.desk_issue_ballot().expect_err("once").code, "desk.ballot-already-issued");
    assert_eq!(station.act(Command::IssueBallotToVoter).expect_err("no second receipt").code, "ballot.no-receipt");
    let voting = station.overview().voting.expect("voting");
    assert_eq!((voting.identified, voting.listed, voting.ballots_issued), (1, 1, 1));
}

#[test]
fn s37_a_regular_station_gives_up_after_three_failed_fingerprints() {
    let (_harness, station) = regular_station_open();
    let arrival = station.simulate_voter(VoterCase::NeverRecognised).expect("a voter comes");
    read(&station, arrival.document);
    for _ in 0..3 {
        station.desk_fingerprint().expect("attempt");
    }
    assert_eq!(station.desk_face().expect_err("no face at a regular station").code, "identification.face-not-here");
    assert_eq!(station.desk_give_up().expect("act").failure_act, Some(1));
}

#[test]
fn s38_turnout_reports_the_receipts_so_far() {
    let (harness, station) = remote_station_open();
    identify(&station, VoterCase::Eligible);
    station.desk_clear();
    identify(&station, VoterCase::OtherDistrict);
    station.desk_clear();
    harness.at(29, 10, 5);
    let overview = station.act(Command::ReportTurnout { step: StepId::Turnout10 }).expect("reported");
    let voting = overview.voting.expect("voting");
    assert_eq!(voting.turnout.len(), 1);
    assert_eq!((voting.turnout[0].at.as_str(), voting.turnout[0].figure), ("10:05", 2));
    assert_eq!(
        station.act(Command::ReportTurnout { step: StepId::Turnout12 }).expect_err("not before 12:00").code,
        "step.too-early"
    );
}

#[test]
fn r4_3_the_monitor_shows_the_count_and_the_photo_of_the_voter_at_the_desk() {
    let (_harness, station) = remote_station_open();
    assert!(station.monitor().photo.is_none());
    // About one voter in twenty of the demo register has no photo: the monitor then draws
    // a placeholder. Find one of each.
    let (mut with_photo, mut without) = (false, false);
    for _ in 0..60 {
        let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
        let view = read(&station, arrival.document);
        let has_photo = view.voter.as_ref().is_some_and(|v| v.photo.is_some());
        let monitor = station.monitor();
        assert!(monitor.voter_at_desk);
        assert_eq!(monitor.photo.is_some(), has_photo);
        if has_photo {
            assert!(monitor.photo.as_deref().is_some_and(|p| p.starts_with("data:image/png;base64,")));
            with_photo = true;
        } else {
            without = true;
        }
        station.desk_clear();
        assert!(!station.monitor().voter_at_desk);
        if with_photo && without {
            break;
        }
    }
    assert!(with_photo && without, "the demo register has voters with and without a photo");
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    read(&station, arrival.document);
    assert_eq!(station.monitor().voters_identified, 0);
    station.desk_fingerprint().expect("identified");
    assert_eq!(station.monitor().voters_identified, 1);
}

#[test]
fn a_printer_jam_leaves_the_voter_identified_and_the_ballot_printable_again() {
    let (_harness, station) = remote_station_open();
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    read(&station, arrival.document);
    station.inject_fault("ballot-printer", driver_api::FaultCode::Jammed).expect("a simulated printer");
    let refusal = station.desk_fingerprint().expect_err("the receipt does not print");
    assert_eq!(refusal.code, "printer.jammed");
    let view = station.desk();
    assert!(view.identified && !view.receipt_printed && !view.ballot_printed, "{view:?}");
    assert_eq!(station.overview().voting.expect("voting").identified, 1, "the identification is journaled");
    station.repair_device("ballot-printer").expect("repaired");
    station.desk_print_receipt().expect("receipt");
    let view = station.desk_print_ballot().expect("ballot");
    assert!(view.receipt_printed && view.ballot_printed);
    assert_eq!(station.desk_print_ballot().expect_err("once").code, "desk.ballot-already-printed");
}
