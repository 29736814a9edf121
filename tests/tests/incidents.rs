//! Incidents of voting hours through `api` with simulated devices: a failed urn, the
//! reserve, the transparent box (§48); a power cut (§6); help for a voter (§46); the
//! removal of a person (§17); devices that stop; every act numbered and in the register.
//! Each test's name cites its clause.

use api::simulation::VoterCase;
use api::documents::DocumentKind;
use domain::Command;
use domain::attendance::AttendeeCategory;
use domain::incidents::{AeuGuidance, AssistanceReason, BoxInUse, IncidentDevice};
use driver_api::FaultCode;
use uchastok_tests::{arrival, pdf_text, regular_station_prepared, remote_station_prepared};

fn act_text(station: &api::Station, number: u32) -> String {
    let path = station.data_dir().join(format!("documents/act-{number:03}.pdf"));
    let text = pdf_text(&std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display())));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn incidents(station: &api::Station) -> api::incidents::IncidentsView {
    station.overview().incidents.expect("an election is loaded")
}

#[test]
fn s48_the_failed_urn_is_replaced_by_the_reserve_then_the_transparent_box_and_stays_out() {
    let (harness, station, devices) = remote_station_prepared(true);
    harness.at(29, 11, 20);
    assert_eq!(incidents(&station).box_in_use, BoxInUse::Aeu { box_id: "aeu-main".into(), reserve: false });
    assert_eq!(station.aeu_in_use().map(|d| d.id().to_owned()).as_deref(), Some("aeu-main"));

    // The trainer breaks the urn: the app notices before anyone records anything.
    station.inject_fault("aeu-main", FaultCode::Broken).expect("broken");
    let view = incidents(&station);
    assert_eq!(view.aeu_fault_unrecorded.as_deref(), Some("aeu-main"));
    assert_eq!(view.guidance, None);
    assert_eq!(station.act(Command::SwitchToReserveAeu).expect_err("not recorded yet").code, "aeu.in-use-works");
    station.act(Command::RecordAeuFailure { aeu: "aeu-main".into() }).expect("failure recorded");
    let view = incidents(&station);
    assert_eq!(view.aeu_fault_unrecorded, None);
    assert_eq!(view.guidance, Some(AeuGuidance::SwitchToReserve { failed: "aeu-main".into(), reserve: "aeu-reserve".into() }));
    let refusal = station
        .act(Command::SwitchToTransparentBox { box_id: "box-t".into(), seals: vec!["T-1".into()] })
        .expect_err("the reserve first");
    assert_eq!(refusal.code, "aeu.reserve-available");

    let overview = station.act_and_print(Command::SwitchToReserveAeu).expect("switched, act printed");
    let act = overview.voting.expect("voting").acts.last().cloned().expect("act");
    assert_eq!((act.kind.name(), act.kind.clause()), ("reserve-aeu", "§48"));
    let text = act_text(&station, act.number);
    for expected in ["aeu-main", "aeu-reserve", "§48", "11:20"] {
        assert!(text.contains(expected), "no {expected}:\n{text}");
    }
    assert!(text.contains("техникалык колдоо") || text.contains("технической поддержки"), "{text}");
    assert!(text.contains("Түзүлүштүн оператору") || text.contains("Оператор устройства"), "operators sign: {text}");
    assert_eq!(incidents(&station).box_in_use, BoxInUse::Aeu { box_id: "aeu-reserve".into(), reserve: true });
    assert_eq!(station.aeu_in_use().map(|d| d.id().to_owned()).as_deref(), Some("aeu-reserve"));

    // Repaired, the main urn still stays out for the day.
    station.repair_device("aeu-main").expect("repaired");
    let view = incidents(&station);
    assert!(view.aeus.iter().any(|a| a.box_id == "aeu-main" && a.failed_at.as_deref() == Some("11:20") && !a.in_use));
    assert_eq!(station.aeu_in_use().map(|d| d.id().to_owned()).as_deref(), Some("aeu-reserve"));
    assert_eq!(
        station.act(Command::RecordAeuFailure { aeu: "aeu-main".into() }).expect_err("once").code,
        "aeu.already-failed"
    );
    assert_eq!(station.act(Command::SwitchToReserveAeu).expect_err("no going back").code, "aeu.in-use-works");

    // The reserve fails too: the stationary transparent box, shown empty and sealed now.
    harness.at(29, 13, 5);
    devices.aeu_reserve.fail();
    assert_eq!(incidents(&station).aeu_fault_unrecorded.as_deref(), Some("aeu-reserve"));
    station.act(Command::RecordAeuFailure { aeu: "aeu-reserve".into() }).expect("recorded");
    assert_eq!(incidents(&station).guidance, Some(AeuGuidance::SwitchToTransparentBox));
    assert_eq!(station.act(Command::SwitchToReserveAeu).expect_err("none left").code, "aeu.no-reserve");
    let refusal = station
        .act(Command::SwitchToTransparentBox { box_id: "box-t".into(), seals: vec![] })
        .expect_err("a new box is sealed");
    assert_eq!(refusal.code, "sealing.seal-required");
    let overview = station
        .act_and_print(Command::SwitchToTransparentBox { box_id: "box-t".into(), seals: vec!["T-1".into()] })
        .expect("transparent box");
    let opening = overview.opening.expect("opening");
    assert!(opening.boxes.iter().any(|b| b.box_id == "box-t" && b.seals == ["T-1"]), "sealed with its control sheet");
    let view = incidents(&station);
    assert_eq!(view.box_in_use, BoxInUse::TransparentBox { box_id: "box-t".into() });
    assert!(view.all_aeus_failed);
    assert!(station.aeu_in_use().is_none());
    let act = overview.voting.expect("voting").acts.last().cloned().expect("act");
    assert_eq!(act.kind.name(), "transparent-box");
    let text = act_text(&station, act.number);
    assert!(text.contains("box-t") && text.contains("13:05"), "{text}");
    assert!(text.contains("алдын ала протоколу болбойт") || text.contains("предварительного протокола АСУ не будет"), "{text}");

    // The count (§56) knows from the journal that there is no AEU preliminary protocol.
    harness.at(29, 20, 5);
    station.act(Command::ClosePolls).expect("polls closed");
    let refusal = station
        .act(Command::RecordAeuResults { source: domain::count::AeuSource::Printout, tallies: Vec::new() })
        .expect_err("no urn worked");
    assert_eq!(refusal.code, "count.no-aeu");
}

#[test]
fn s48_a_regular_station_without_a_reserve_goes_to_its_stationary_box() {
    let (_harness, station, _devices) = regular_station_prepared();
    station.act(Command::RecordAeuFailure { aeu: "aeu-main".into() }).expect("recorded");
    assert_eq!(incidents(&station).guidance, Some(AeuGuidance::SwitchToTransparentBox));
    assert_eq!(station.act(Command::SwitchToReserveAeu).expect_err("no reserve").code, "aeu.no-reserve");
    let refusal = station
        .act(Command::SwitchToTransparentBox { box_id: "aeu-main".into(), seals: vec![] })
        .expect_err("an urn is no transparent box");
    assert_eq!(refusal.code, "aeu.not-a-transparent-box");
    station
        .act_and_print(Command::SwitchToTransparentBox { box_id: "box-1".into(), seals: vec![] })
        .expect("the box sealed at the opening");
    assert_eq!(incidents(&station).box_in_use, BoxInUse::TransparentBox { box_id: "box-1".into() });
    assert_eq!(
        station.act(Command::RecordAeuFailure { aeu: "aeu-reserve".into() }).expect_err("not sealed here").code,
        "aeu.unknown"
    );
}

#[test]
fn s6_a_power_cut_stops_voting_until_the_light_returns_and_the_app_resumes_there() {
    let (harness, station, _devices) = remote_station_prepared(true);
    harness.at(29, 12, 10);
    station.act(Command::RecordPowerCut).expect("recorded");
    assert_eq!(station.act(Command::RecordPowerCut).expect_err("once").code, "power.already-cut");
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    let refusal = station.desk_read_document(arrival.document).expect_err("voting stopped");
    assert_eq!(refusal.code, "voting.power-cut");
    assert_eq!(refusal.args.get("time"), Some(&domain::MessageArg::Text("12:10".into())));
    assert_eq!(incidents(&station).power_cut_since.as_deref(), Some("12:10"));
    assert!(!station.overview().voting.expect("voting").open);

    // The computer restarts: the journal says voting is stopped.
    drop(station);
    let station = harness.open(api::Demo::RemoteVoting);
    assert_eq!(incidents(&station).power_cut_since.as_deref(), Some("12:10"));
    harness.at(29, 12, 40);
    station.act(Command::RecordPowerRestored).expect("light returned");
    let view = incidents(&station);
    assert_eq!(view.power_cut_since, None);
    assert_eq!((view.power_cuts[0].from.as_str(), view.power_cuts[0].to.as_deref()), ("12:10", Some("12:40")));
    let arrival = station.simulate_voter(VoterCase::Eligible).expect("a voter comes");
    station.desk_read_document(arrival.document).expect("voting goes on");
}

#[test]
fn s46_help_comes_from_another_voter_never_a_member_representative_or_observer_and_nothing_else_is_recorded() {
    let (_harness, station, _devices) = remote_station_prepared(true);
    let observer = domain::attendance::Arrival {
        organisation: Some("Таза шайлоо".into()),
        ..arrival(AttendeeCategory::Observer, "Жолдошева Айпери")
    };
    station.act(Command::RegisterArrival { arrival: observer }).expect("observer");
    let chair = station.election().expect("election").commission[0].name.clone();
    let help = |helper: &str, voter: bool| Command::RecordAssistance {
        reason: AssistanceReason::CannotFillIn,
        helper_name: helper.into(),
        helper_is_voter: voter,
    };
    for helper in ["жолдошева  айпери", chair.as_str()] {
        let refusal = station.act(help(helper, true)).expect_err("not allowed");
        assert_eq!(refusal.code, "assistance.helper-not-allowed", "{helper}");
    }
    assert_eq!(station.act(help("Эсенгулова Чолпонай", false)).expect_err("a voter").code, "assistance.helper-not-a-voter");
    assert_eq!(station.act(help(" ", true)).expect_err("named").code, "assistance.helper-required");
    station.act(help("Эсенгулова Чолпонай", true)).expect("help recorded");
    assert_eq!(incidents(&station).assisted, 1);
    let copy = tempfile::tempdir().expect("tempdir");
    let backup = station.backup(copy.path()).expect("backup");
    let bytes = std::fs::read(&backup).expect("journal copy");
    assert!(memchr::memmem::find(&bytes, "Эсенгулова".as_bytes()).is_none(), "the helper's name is not kept");
}

#[test]
fn s17_a_person_who_obstructs_the_work_is_removed_by_a_written_decision() {
    let (harness, station, _devices) = remote_station_prepared(true);
    harness.at(29, 15, 0);
    let observer = arrival(AttendeeCategory::Observer, "Асанов Нурлан");
    let overview = station.act(Command::RegisterArrival { arrival: observer }).expect("observer");
    let person = overview.opening.expect("opening").attendance.last().expect("observer").person;
    let refusal = station.act(Command::RemovePerson { person, reason: " ".into() }).expect_err("a reason");
    assert_eq!(refusal.code, "removal.reason-required");
    let overview = station
        .act_and_print(Command::RemovePerson { person, reason: "Мешал выдаче бюллетеней".into() })
        .expect("removed");
    let attendee = overview.opening.expect("opening").attendance.into_iter().find(|a| a.person == person).expect("in the register");
    assert!(attendee.left_at.is_some(), "out of the room");
    let act = overview.voting.expect("voting").acts.last().cloned().expect("act");
    assert_eq!((act.kind.name(), act.kind.clause()), ("removal", "§17"));
    let text = act_text(&station, act.number);
    let chair = station.election().expect("election").commission[0].name.clone();
    for expected in ["Асанов Нурлан", "Мешал выдаче бюллетеней", "§17", "15:00", chair.as_str()] {
        assert!(text.contains(expected), "no {expected}:\n{text}");
    }
    assert_eq!(station.act(Command::RemovePerson { person, reason: "again".into() }).expect_err("gone").code, "attendance.not-present");
}

#[test]
fn a_stopped_device_is_noticed_journaled_with_its_times_and_resumed() {
    let (harness, station, devices) = remote_station_prepared(true);
    harness.at(29, 9, 30);
    devices.ballot_printer.core().inject_fault(FaultCode::Jammed);
    assert_eq!(incidents(&station).devices_faulty, vec![IncidentDevice::BallotPrinter]);
    station.act(Command::RecordDeviceStop { device: IncidentDevice::BallotPrinter }).expect("stop");
    assert!(incidents(&station).devices_faulty.is_empty(), "recorded: no longer flagged");
    harness.at(29, 9, 45);
    devices.ballot_printer.core().repair();
    station.act(Command::RecordDeviceResumed { device: IncidentDevice::BallotPrinter }).expect("resumed");
    let stops = incidents(&station).device_stops;
    assert_eq!(stops.len(), 1);
    assert_eq!((stops[0].from.as_str(), stops[0].to.as_deref()), ("09:30", Some("09:45")));
    assert_eq!(
        station.act(Command::RecordDeviceResumed { device: IncidentDevice::BallotPrinter }).expect_err("not stopped").code,
        "incident.device-not-stopped"
    );
}

#[test]
fn acts_are_numbered_per_station_and_listed_in_the_register_of_acts() {
    let (_harness, station, _devices) = remote_station_prepared(true);
    station.act(Command::RecordAeuFailure { aeu: "aeu-main".into() }).expect("failed");
    station.act_and_print(Command::SwitchToReserveAeu).expect("reserve");
    let observer = arrival(AttendeeCategory::Observer, "Асанов Нурлан");
    let overview = station.act(Command::RegisterArrival { arrival: observer }).expect("observer");
    let person = overview.opening.expect("opening").attendance.last().expect("observer").person;
    let overview = station.act_and_print(Command::RemovePerson { person, reason: "Шумел".into() }).expect("removed");
    let numbers: Vec<u32> = overview.voting.expect("voting").acts.iter().map(|a| a.number).collect();
    assert_eq!(numbers, [1, 2]);
    let register = pdf_text(&station.document_pdf(&DocumentKind::ActRegister).expect("register"));
    for expected in ["§48", "§17"] {
        assert!(register.contains(expected), "no {expected}:\n{register}");
    }
    assert!(register.contains("Запастык АЭУга өтүү") || register.contains("переходе на резервную"), "{register}");
    // Printed again on demand.
    station.reprint_act(1).expect("printed again");
}
