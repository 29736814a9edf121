//! The district commission's side through `api` (issue 7, part B; §72–80, R5.5–R5.9):
//! thirty stations of one district run their simulated day (`api::demo_day`, as
//! `uchastok demo --out` does) and hand over their signed bundles; the commission
//! registers their keys, imports the folder, and sees exactly the discrepancies that were
//! planted, each with its reason.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use api::dec::{Dec, DecConfig, ImportOutcome, ImportStatus};
use api::demo_day::{self, DemoDayOptions, DemoPlant, DemoVariant};
use api::{Demo, FixedClock};
use bundle::{Ed25519Signer, JournalLine, Limits, Registry, VerifyOptions};
use chrono::{DateTime, Utc};
use domain::Event;
use domain::dec::{RowStatus, SetAsideGround, SetAsideScope};

const STATIONS: usize = 30;
/// The stations with something planted (by their index).
const AEU_PLANTED: usize = 4;
const RELATION_PLANTED: usize = 11;
const CORRECTED: usize = 19;

fn station_number(index: usize) -> String {
    format!("{}", 5101 + index)
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("time").to_utc()
}

/// A station's folder as `uchastok demo --out` leaves it.
struct StationRun {
    folder: PathBuf,
}

fn demo_definition_text(training: bool) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/elections/demo-city-council-regular.toml");
    let text = std::fs::read_to_string(path).expect("demo definition");
    if training { text } else { text.replace("training = true", "training = false") }
}

/// The station key of a station's folder, as its holder has it.
fn station_signer(folder: &Path) -> Ed25519Signer {
    let seed = store::register::load_or_create_secret(&folder.join("keys/station.key")).expect("station key");
    Ed25519Signer::from_seed(&seed).expect("key")
}

fn bundles_in(folder: &Path) -> Vec<PathBuf> {
    api::dec::bundle_files(&folder.join("bundles")).expect("bundles")
}

/// The journal inside a station's bundle, read through its demo registry.
fn journal_of(folder: &Path, bundle: &Path) -> Vec<JournalLine> {
    let registry_bytes = std::fs::read(folder.join("demo-registry.json")).expect("registry");
    let registry = Registry::open(&registry_bytes, None, &Limits::default()).expect("demo registry");
    let bytes = std::fs::read(bundle).expect("bundle");
    let verified = bundle::read_and_verify(&bytes, &registry, &VerifyOptions::default()).expect("the station's bundle verifies");
    let journal = verified.file(bundle::manifest::JOURNAL).expect("journal");
    journal
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("line"))
        .collect()
}

/// One station's day and its bundles; the planted ones as the index says.
fn run_station(root: &Path, index: usize) -> StationRun {
    let folder = root.join(station_number(index));
    let plant = match index {
        AEU_PLANTED => Some(DemoPlant::AeuDiffers),
        _ => None,
    };
    let options = DemoDayOptions { demo: Demo::CityCouncil, voters: 8, seed: 100 + index as u64, data_dir: folder.clone() };
    let variant = DemoVariant { station: Some(station_number(index)), plant };
    let day = demo_day::run_as(&options, &variant).expect("the day runs");
    api::demo_bundle::write_demo_bundle(&day.station, &folder).expect("bundle written");
    if index == CORRECTED {
        // §66: an error found after signing, a new protocol, a second bundle.
        demo_day::correct(&day).expect("corrected");
        api::demo_bundle::write_demo_bundle(&day.station, &folder).expect("second bundle written");
    }
    if index == RELATION_PLANTED {
        // The station's key holder re-signs a journal whose count says three more
        // ballots were in the stationary boxes than were sorted (§63).
        let [genuine] = bundles_in(&folder).try_into().expect("one bundle");
        let lines = journal_of(&folder, &genuine);
        let signer = station_signer(&folder);
        let forged = bundle::resign::bundle_from(&lines, &signer, &[], 1, at("2024-11-17T23:10:00+06:00"), |event| match event {
            Event::CountEntered { entry } => entry.figures.in_boxes += 3,
            Event::ProtocolSigned { protocol } => {
                for contest in &mut protocol.contests {
                    let mut value = serde_json::to_value(&*contest).expect("json");
                    let line = &mut value["lines"]["ballots-in-stationary-boxes"];
                    *line = serde_json::json!(line.as_u64().expect("figure") + 3);
                    *contest = serde_json::from_value(value).expect("protocol");
                }
            }
            _ => {}
        })
        .expect("forged");
        std::fs::remove_file(&genuine).expect("genuine removed");
        std::fs::write(&genuine, forged).expect("forged written");
    }
    drop(day);
    StationRun { folder }
}

fn run_stations(root: &Path) -> Vec<StationRun> {
    let mut runs: Vec<(usize, StationRun)> = Vec::new();
    // The days are mostly waiting for the disk: a few at a time.
    for chunk in (0..STATIONS).collect::<Vec<_>>().chunks(4) {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunk.iter().map(|&index| (index, scope.spawn(move || run_station(root, index)))).collect();
            for (index, handle) in handles {
                runs.push((index, handle.join().expect("station thread")));
            }
        });
    }
    runs.sort_by_key(|(index, _)| *index);
    runs.into_iter().map(|(_, run)| run).collect()
}

fn dec_at(dir: &Path, now: &str) -> Dec {
    Dec::open(DecConfig { data_dir: dir.to_path_buf(), clock: Arc::new(FixedClock::at(at(now))) }).expect("dec opens")
}

fn register_all(dec: &Dec, runs: &[StationRun]) {
    for run in runs {
        let key = std::fs::read_to_string(run.folder.join("station-key.json")).expect("key file");
        let registered = dec.register(&key).expect("registered");
        assert_eq!(registered.co_signers, 1, "the chair's card");
    }
}

fn flags_of(dec: &Dec) -> Vec<(String, Vec<String>)> {
    let summary = domain::dec::summary(&dec.state()).expect("summary");
    summary
        .rows
        .iter()
        .filter(|row| !row.flags.is_empty())
        .map(|row| {
            let mut kinds: Vec<String> = row.flags.iter().map(|f| f.kind().to_owned()).collect();
            kinds.dedup();
            (row.station.clone(), kinds)
        })
        .collect()
}

#[test]
fn s73_a_district_import_of_thirty_stations_flags_exactly_the_planted_discrepancies() {
    let stations = tempfile::tempdir().expect("dir");
    let runs = run_stations(stations.path());
    let dec_dir = tempfile::tempdir().expect("dir");
    let dec = dec_at(dec_dir.path(), "2024-11-18T03:00:00+06:00");
    dec.set_up(&demo_definition_text(true), None, "Ош шаардык шайлоо комиссиясы").expect("set up");
    register_all(&dec, &runs);

    let mut seen: Vec<u32> = Vec::new();
    let status = dec.import_folder(stations.path(), &mut |status| seen.push(status.done)).expect("import");
    assert_eq!(status.total, 31, "{:#?}", status.items);
    assert_eq!((status.accepted, status.conflicts, status.refused, status.unreadable), (30, 1, 0, 0), "{:#?}", status.items);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]) && seen.last() == Some(&31), "progress only grows: {seen:?}");

    let expected = vec![
        (station_number(AEU_PLANTED), vec!["aeu".to_owned()]),
        (station_number(RELATION_PLANTED), vec!["relation".to_owned()]),
        (station_number(CORRECTED), vec!["conflict".to_owned()]),
    ];
    assert_eq!(flags_of(&dec), expected);

    // Each reason in words, in both languages, with the figures that differ.
    let overview = dec.overview();
    let relation = overview.stations.iter().find(|s| s.station == station_number(RELATION_PLANTED)).expect("row");
    assert!(relation.flags.iter().all(|f| f.kind == "relation"));
    // "in the boxes = valid + invalid" is off by the three ballots, and the boxes now hold
    // more than were issued.
    let balance = relation.flags.iter().find(|f| f.reason.message == "protocol-violation-eq").expect("the balance");
    assert_eq!(balance.reason.args["difference"], domain::MessageArg::Number(3));
    assert!(relation.flags.iter().any(|f| f.reason.message == "protocol-violation-le"));
    let aeu = overview.stations.iter().find(|s| s.station == station_number(AEU_PLANTED)).expect("row");
    assert_eq!(aeu.flags[0].reason.message, "dec-flag-aeu");
    for language in [api::Language::Ky, api::Language::Ru] {
        let said = api::text_with(language, &aeu.flags[0].reason.message, &aeu.flags[0].reason.args);
        assert!(said.contains("/ ") && !said.contains("{"), "{said}");
    }

    // The totals are the sum of the thirty protocols in force (the first bundle wins).
    let summary = domain::dec::summary(&dec.state()).expect("summary");
    let valid: u64 = summary.rows.iter().filter_map(|r| r.protocol.as_ref()).filter_map(|p| p.line("ballots-valid")).sum();
    assert_eq!(summary.totals.valid, valid);
    assert_eq!(summary.totals.counted, 30);

    // The same folder again: nothing new.
    let again = dec.import_folder(stations.path(), &mut |_| {}).expect("again");
    assert_eq!(again.already_imported, 31, "{:#?}", again.items);

    // The conflict resolved for the corrected protocol (§66), a station set aside (§80).
    let corrected = dec.state().station(&station_number(CORRECTED)).expect("station").conflicts[0].sha256.clone();
    dec.resolve_conflict(&station_number(CORRECTED), &corrected, false, "§66: исправленный протокол № 2").expect("resolved");
    dec.set_aside(&station_number(RELATION_PLANTED), SetAsideScope::Station, SetAsideGround::S80Unreliable, "Решение № 4")
        .expect("set aside");
    let summary = domain::dec::summary(&dec.state()).expect("summary");
    assert_eq!(summary.row(&station_number(CORRECTED)).expect("row").protocol_number, Some(2));
    assert_eq!(summary.row(&station_number(RELATION_PLANTED)).expect("row").status, RowStatus::SetAside);
    assert_eq!(summary.totals.counted, 29);
    // The conflict is gone; the corrected protocol moved a vote the AEU had counted
    // where the first one said, so its AEU figures now differ with no recount made (§62).
    let expected = vec![
        (station_number(AEU_PLANTED), vec!["aeu".to_owned()]),
        (station_number(RELATION_PLANTED), vec!["relation".to_owned()]),
        (station_number(CORRECTED), vec!["aeu".to_owned()]),
    ];
    assert_eq!(flags_of(&dec), expected);

    // The documents and the exports.
    let protocol = dec.protocol_pdf().expect("protocol");
    let table = dec.summary_pdf().expect("summary table");
    assert!(protocol.starts_with(b"%PDF") && table.starts_with(b"%PDF"));
    let results: serde_json::Value = serde_json::from_slice(&dec.nist_results().expect("1500-100")).expect("json");
    assert_eq!(results["@type"], "ElectionResults.ElectionReport");
    let contest = &results["Election"][0]["Contest"][0];
    assert_eq!(contest["SubUnitsReported"], 29);
    let district_total: u64 = contest["BallotSelection"]
        .as_array()
        .expect("selections")
        .iter()
        .map(|s| s["VoteCounts"].as_array().expect("counts").last().expect("district")["Count"].as_u64().expect("count"))
        .sum();
    assert_eq!(district_total, summary.totals.valid);
    let events: serde_json::Value = serde_json::from_slice(&dec.nist_events().expect("1500-101")).expect("json");
    let devices = events["Device"].as_array().expect("devices");
    assert_eq!(devices.len(), 31, "the commission and every station in force");
    let station_events = devices[1]["Event"].as_array().expect("events");
    // The chain can be recomputed from the export alone.
    let mut prev = domain::chain::GENESIS_HASH;
    for event in station_events {
        let seq: u64 = event["Sequence"].as_str().expect("seq").parse().expect("number");
        let hash = domain::chain::entry_hash(&prev, seq, event["Id"].as_str().expect("kind").as_bytes(), event["Details"].as_str().expect("payload").as_bytes());
        assert_eq!(hex::encode(hash), event["Hash"].as_str().expect("hash"));
        prev = hash;
    }

    // Reopened, the commission's file tells the same.
    drop(dec);
    let reopened = dec_at(dec_dir.path(), "2024-11-18T09:00:00+06:00");
    assert_eq!(domain::dec::summary(&reopened.state()).expect("summary").totals.counted, 29);
}

fn one_station(root: &Path) -> StationRun {
    let folder = root.join("5201");
    let options = DemoDayOptions { demo: Demo::CityCouncil, voters: 6, seed: 3, data_dir: folder.clone() };
    let day = demo_day::run_as(&options, &DemoVariant { station: Some("5201".into()), plant: None }).expect("day");
    api::demo_bundle::write_demo_bundle(&day.station, &folder).expect("bundle");
    StationRun { folder }
}

fn import(dec: &Dec, folder: &Path) -> ImportStatus {
    dec.import_folder(folder, &mut |_| {}).expect("import runs")
}

#[test]
fn a_training_bundle_is_refused_by_a_real_district_commission_with_its_own_error() {
    let stations = tempfile::tempdir().expect("dir");
    let run = one_station(stations.path());
    let dec_dir = tempfile::tempdir().expect("dir");
    // A real commission registers keys before the day.
    let dec = dec_at(dec_dir.path(), "2024-11-14T10:00:00+06:00");
    dec.set_up(&demo_definition_text(false), None, "ОИК").expect("set up");
    register_all(&dec, std::slice::from_ref(&run));
    let status = import(&dec, &run.folder);
    assert_eq!(status.refused, 1);
    let reason = status.items[0].reason.as_ref().expect("reason");
    assert_eq!(reason.code, "bundle.training-refused");
    assert_eq!(reason.message, "bundle-error-training-refused");
    assert_eq!(status.items[0].station.as_deref(), Some("5201"));
    let state = dec.state();
    assert_eq!(state.refusals.len(), 1, "journaled");
    let summary = domain::dec::summary(&state).expect("summary");
    assert_eq!(summary.rows[0].flags, vec![domain::dec::Flag::Missing { refused: 1 }]);
    // The same file again is not journaled twice.
    import(&dec, &run.folder);
    assert_eq!(dec.state().refusals.len(), 1);
}

#[test]
fn a_damaged_or_unregistered_bundle_is_refused_and_journaled_and_nothing_is_counted() {
    let stations = tempfile::tempdir().expect("dir");
    let run = one_station(stations.path());
    let dec_dir = tempfile::tempdir().expect("dir");
    let dec = dec_at(dec_dir.path(), "2024-11-18T02:00:00+06:00");
    dec.set_up(&demo_definition_text(true), None, "ОИК").expect("set up");

    // Not registered yet: its key is nobody's here.
    let status = import(&dec, &run.folder);
    assert_eq!(status.items[0].outcome, ImportOutcome::Refused);
    assert_eq!(status.items[0].reason.as_ref().expect("reason").code, "bundle.unregistered-key");

    register_all(&dec, std::slice::from_ref(&run));
    // One byte changed in the middle of the file.
    let damaged_dir = tempfile::tempdir().expect("dir");
    let [bundle] = bundles_in(&run.folder).try_into().expect("one bundle");
    let mut bytes = std::fs::read(&bundle).expect("bytes");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(damaged_dir.path().join("damaged.zip"), &bytes).expect("write");
    std::fs::write(damaged_dir.path().join("not-a-bundle.zip"), b"hello").expect("write");
    let status = import(&dec, damaged_dir.path());
    assert_eq!(status.refused, 2, "{:#?}", status.items);
    assert!(dec.state().station("5201").expect("station").accepted.is_none());

    // The genuine one is then taken.
    let status = import(&dec, &run.folder);
    assert_eq!(status.accepted, 1, "{:#?}", status.items);
    let summary = domain::dec::summary(&dec.state()).expect("summary");
    assert_eq!(summary.totals.counted, 1);
    assert!(summary.rows[0].flags.is_empty(), "{:#?}", summary.rows[0].flags);
    assert_eq!(dec.state().refusals.len(), 3);
}
