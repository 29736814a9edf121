//! Shared helpers for the cross-crate tests: a station on a temporary database with
//! simulated devices and a clock the test moves, and the commission's usual acts.

pub mod bundle_kit;

use std::sync::Arc;

use api::view::Overview;
use api::{Demo, FixedClock, Station, StationConfig};
use chrono::{DateTime, TimeZone, Utc};
use domain::attendance::{Arrival, AttendeeCategory};
use domain::{Command, StepId, StepState};

/// Station time in Bishkek (UTC+6), November 2026; the demos' voting day is the 29th
/// when the station is first opened on that day.
pub fn bishkek(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(6 * 3600)
        .and_then(|zone| zone.with_ymd_and_hms(2026, 11, day, hour, minute, 0).single())
        .map(|local| local.to_utc())
        .expect("valid time")
}

pub struct Harness {
    pub dir: tempfile::TempDir,
    pub clock: Arc<FixedClock>,
}

impl Harness {
    pub fn new(start: DateTime<Utc>) -> Harness {
        Harness { dir: tempfile::tempdir().expect("tempdir"), clock: Arc::new(FixedClock::at(start)) }
    }

    pub fn open(&self, demo: Demo) -> Station {
        Station::open(StationConfig::simulated(self.dir.path().to_path_buf(), self.clock.clone(), Some(demo), sim::DEFAULT_SEED))
            .expect("station opens")
    }

    /// The station and its simulated devices, for a test that handles a device itself
    /// (breaks the urn, takes the card out).
    pub fn open_with_devices(&self, demo: Demo) -> (Station, Arc<sim::SimStation>) {
        self.open_adjusted(demo, |_| {})
    }

    /// Like [`Harness::open_with_devices`], with the configuration adjusted first (a
    /// real driver in place of a simulated device).
    pub fn open_adjusted(&self, demo: Demo, adjust: impl FnOnce(&mut StationConfig)) -> (Station, Arc<sim::SimStation>) {
        let mut config =
            StationConfig::simulated(self.dir.path().to_path_buf(), self.clock.clone(), Some(demo), sim::DEFAULT_SEED);
        let devices = config.simulation.clone().expect("simulated devices");
        adjust(&mut config);
        (Station::open(config).expect("station opens"), devices)
    }

    pub fn at(&self, day: u32, hour: u32, minute: u32) {
        self.clock.set(bishkek(day, hour, minute));
    }
}

pub fn state_of(overview: &Overview, step: StepId) -> StepState {
    overview.timeline.iter().find(|s| s.step == step).map(|s| s.state).expect("step on the timeline")
}

pub fn arrival(category: AttendeeCategory, name: &str) -> Arrival {
    Arrival {
        category,
        name: name.to_owned(),
        member_id: None,
        organisation: None,
        accreditation: None,
        kyrgyz_citizen: false,
    }
}

/// A commission member of the demos (`m1` chair, `m2` deputy, `m3` secretary, `m4`… members)
/// comes in.
pub fn member_arrives(member_id: &str) -> Command {
    Command::RegisterArrival {
        arrival: Arrival::member(member_id),
    }
}

/// Everyone of the commission `m1`..=`m{count}` comes in.
pub fn commission_arrives(station: &Station, count: usize) {
    for i in 1..=count {
        station.act(member_arrives(&format!("m{i}"))).expect("member registered");
    }
}

/// The 07:00 lot with one observer's contribution.
pub fn draw_roles_lot(station: &Station) {
    station.commit_lot(domain::lot::LotPurpose::Roles, 0).expect("committed");
    let contributions = vec![domain::lot::Contribution { by: "observer".into(), value: "17".into() }];
    station.draw_lot(domain::lot::LotPurpose::Roles, contributions).expect("drawn");
}

/// After the lot, at a regular station: the safe, two boxes and an AEU sealed, 1500
/// ballots received (50 for out-of-premises voting), two batches of 100 issued.
pub fn prepare_regular_after_lot(station: &Station) {
    use domain::opening::BoxKind;
    station
        .act(Command::OpenSafe { voters_paper: 1520, voters_electronic: 1520, explanation: None })
        .expect("safe");
    for (box_id, kind, seal) in [("box-1", BoxKind::Stationary, "A-001"), ("box-2", BoxKind::Stationary, "A-002"), ("aeu-main", BoxKind::Aeu, "A-003")] {
        station
            .act(Command::SealBox { box_id: box_id.into(), kind, seals: vec![seal.into()] })
            .expect("sealed");
    }
    station.act(Command::FinishSealing).expect("sealing finished");
    station
        .act(Command::ReceiveBallots { announced: 1500, recounted: 1500, for_out_of_premises: 50, explanation: None })
        .expect("received");
    for member in ["m4", "m5"] {
        station.act(Command::IssueBallotsToMember { member_id: member.into(), count: 100 }).expect("batch");
    }
    station.act(Command::FinishBallotIssue).expect("issue finished");
}

/// The text of a PDF as poppler's `pdftotext -layout` reads it.
pub fn pdf_text(pdf: &[u8]) -> String {
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils, installed by scripts/setup)");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), pdf).expect("write pdf");
    let output = child.wait_with_output().expect("pdftotext output");
    assert!(output.status.success());
    String::from_utf8(output.stdout).expect("utf-8 text")
}


/// A remote-voting station of the JK demo, its opening meeting done (the chair's card
/// registered), the polls open at 08:00 on the 29th.
pub fn remote_station_open() -> (Harness, Station) {
    let (harness, station, _) = remote_station_prepared(true);
    (harness, station)
}

/// A remote-voting station of the JK demo with its simulated devices, the polls open at
/// 08:00 on the 29th; the chair's card registered at the opening or not (R4.4).
pub fn remote_station_prepared(register_card: bool) -> (Harness, Station, Arc<sim::SimStation>) {
    remote_station_prepared_with(register_card, |_| {})
}

/// [`remote_station_prepared`] with the station's configuration adjusted first.
pub fn remote_station_prepared_with(
    register_card: bool,
    adjust: impl FnOnce(&mut StationConfig),
) -> (Harness, Station, Arc<sim::SimStation>) {
    use domain::opening::BoxKind;
    let harness = Harness::new(bishkek(29, 7, 5));
    let (station, devices) = harness.open_adjusted(Demo::RemoteVoting, adjust);
    commission_arrives(&station, 11);
    draw_roles_lot(&station);
    station.act(Command::OpenSafe { voters_paper: 0, voters_electronic: 0, explanation: None }).expect("safe");
    for (box_id, seal) in [("aeu-main", "R-1"), ("aeu-reserve", "R-2")] {
        station
            .act(Command::SealBox { box_id: box_id.into(), kind: BoxKind::Aeu, seals: vec![seal.into()] })
            .expect("sealed");
    }
    station.act(Command::FinishSealing).expect("sealing finished");
    station.act(Command::RecordPaperStock { sheets: 2000, printer_counter: 10452 }).expect("stock");
    if register_card {
        station.register_chair_card().expect("the chair's card registered");
    }
    harness.at(29, 8, 0);
    station.act(Command::OpenPolls).expect("polls open");
    (harness, station, devices)
}

/// A regular station of the city-council demo, its opening meeting done, the polls open
/// at 08:00 on the 29th.
pub fn regular_station_open() -> (Harness, Station) {
    let (harness, station, _) = regular_station_prepared();
    (harness, station)
}

/// A regular station of the city-council demo with its simulated devices, the polls
/// open at 08:00 on the 29th.
pub fn regular_station_prepared() -> (Harness, Station, Arc<sim::SimStation>) {
    let harness = Harness::new(bishkek(29, 7, 5));
    let (station, devices) = harness.open_with_devices(Demo::CityCouncil);
    commission_arrives(&station, 9);
    draw_roles_lot(&station);
    prepare_regular_after_lot(&station);
    harness.at(29, 8, 0);
    station.act(Command::OpenPolls).expect("polls open");
    (harness, station, devices)
}

/// The files the app wrote under `folder` whose names end with `suffix`, sorted.
pub fn files_ending(folder: &std::path::Path, suffix: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(suffix)).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The command that registers someone of `category` arriving.
pub fn arrival_command(category: AttendeeCategory, name: &str) -> Command {
    Command::RegisterArrival { arrival: arrival(category, name) }
}

/// A regular station of the city-council demo whose portable box `p-1` served `served`
/// voters outside the premises the day before (§21–30), then opened its polls at 08:00
/// on the 29th.
pub fn regular_station_with_portable_box(served: u32) -> (Harness, Station) {
    use domain::lot::{Contribution, LotPurpose};
    use domain::opening::BoxKind;
    let harness = Harness::new(bishkek(29, 6, 0));
    let station = harness.open(Demo::CityCouncil);
    harness.at(20, 10, 0);
    for n in 0..served {
        station
            .act(Command::RegisterApplication {
                voter_name: format!("Сайра Маматова {n}"),
                address: "Ош ш., Ленин көч., 5".into(),
                reason: "оорулуу".into(),
            })
            .expect("application");
    }
    harness.at(27, 18, 0);
    commission_arrives(&station, 9);
    station.commit_lot(LotPurpose::OutOfPremises, 2).expect("committed");
    station
        .draw_lot(LotPurpose::OutOfPremises, vec![Contribution { by: "observer".into(), value: "7".into() }])
        .expect("drawn");
    harness.at(28, 7, 45);
    station
        .act(Command::SealBox { box_id: "p-1".into(), kind: BoxKind::Portable, seals: vec!["P-1".into()] })
        .expect("portable box sealed");
    harness.at(28, 10, 0);
    for application in 1..=served {
        station
            .act(Command::ServeOutOfPremisesVoter { application, box_id: "p-1".into(), document: "ID 1234567".into() })
            .expect("served");
    }
    harness.at(28, 19, 30);
    station.act(Command::SealPortableBoxSlot { box_id: "p-1".into() }).expect("slot sealed");
    station
        .act(Command::CloseOutOfPremisesVoting { ballots_taken: served, unused_returned: 0, spoiled_returned: 0 })
        .expect("closing act");
    harness.at(29, 7, 5);
    draw_roles_lot(&station);
    prepare_regular_after_lot(&station);
    harness.at(29, 8, 0);
    station.act(Command::OpenPolls).expect("polls open");
    (harness, station)
}
