//! The station's side of the bundle (issue 7) through `api`: the station key and its
//! fingerprint for the key ceremony, the journal's signed checkpoints (at the opening of
//! the polls, after each 2-hourly turnout report §38, at the close §49), exporting the
//! signed bundle (written whole or not at all, a new number for each export, §66), and
//! the signed results taken back from the paper's QR codes alone.

use api::Demo;
use api::demo_day::{self, DemoDayOptions};
use api::export::ExportRequest;
use bundle::{Limits, PublicKey, RegisteredStation, Registry, Signer, VerifyOptions};
use chrono::{DateTime, Utc};
use domain::{Command, StepId};
use uchastok_tests::{Harness, bishkek, remote_station_open};

/// A registry of this station's key alone, valid always.
fn registry_of(key: &PublicKey, election: &str, station: &str, training: bool) -> Registry {
    Registry {
        format: bundle::registry::REGISTRY_FORMAT,
        election: election.to_owned(),
        training,
        commission: "test".to_owned(),
        issued_at: DateTime::<Utc>::MIN_UTC,
        dec_key: bundle::Ed25519Signer::from_seed(&[99; 32]).expect("key").public_key(),
        stations: vec![RegisteredStation {
            station: station.to_owned(),
            key: key.clone(),
            valid_from: DateTime::<Utc>::MIN_UTC,
            valid_until: DateTime::<Utc>::MAX_UTC,
            co_signers: Vec::new(),
        }],
    }
}

fn station_public_key(station: &api::Station) -> PublicKey {
    let view = station.station_key().expect("station key");
    PublicKey::ed25519(&hex::decode(view.public_key).expect("hex"))
}

#[test]
fn the_station_key_is_made_once_and_shown_for_the_key_ceremony() {
    let harness = Harness::new(bishkek(29, 6, 45));
    let first = {
        let station = harness.open(Demo::RemoteVoting);
        let view = station.station_key().expect("station key");
        assert!(!view.journaled, "journaled with the first checkpoint, not before");
        assert_eq!(station.overview().journal.events, 1, "making the key records nothing");
        view
    };
    let fingerprint = &first.fingerprint;
    assert_eq!(fingerprint.len(), 19, "{fingerprint}");
    assert!(fingerprint.split(' ').all(|group| group.len() == 4 && group.bytes().all(|b| b.is_ascii_hexdigit())));
    assert!(first.key_id.starts_with(&fingerprint.replace(' ', "")));
    assert!(first.qr_svg.starts_with("<svg") && first.qr_svg.contains("<path"));
    let (election, station_number, key) = bundle::keys::parse_registration_text(&first.registration).expect("registration");
    assert_eq!((election.as_str(), station_number.as_str()), ("demo-jk-2025", "9021"));
    assert_eq!(key.key_id(), first.key_id);

    let again = harness.open(Demo::RemoteVoting).station_key().expect("station key");
    assert_eq!(again, first, "the key file is kept, never replaced");
    let file = std::fs::metadata(harness.dir.path().join("keys/station.key")).expect("key file");
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&file.permissions()) & 0o777, 0o600);
    assert_eq!(file.len(), 32);
}

#[test]
fn s38_checkpoints_are_signed_at_the_opening_after_each_turnout_report_and_at_the_close() {
    let (harness, station) = remote_station_open();
    let key = station_public_key(&station);
    let election = station.election().expect("election");
    let after_opening = station.overview().journal.checkpoint.expect("a checkpoint at the opening");
    assert!(station.station_key().expect("key").journaled);

    harness.at(29, 10, 2);
    station.act(Command::ReportTurnout { step: StepId::Turnout10 }).expect("reported");
    let after_report = station.overview().journal.checkpoint.expect("a checkpoint after the report");
    assert_eq!(after_report.at, "10:02");
    assert!(after_report.seq > after_opening.seq);
    assert_eq!(after_report.seq, station.overview().journal.events, "the checkpoint is the last entry");

    harness.at(29, 20, 0);
    station.act(Command::ClosePolls).expect("closed");
    let at_close = station.overview().journal.checkpoint.expect("a checkpoint at the close");
    assert_eq!(at_close.at, "20:00");

    // Each checkpoint is the station key's signature of the journal's size and head
    // before it, and its fingerprint is that head's.
    drop(station);
    let journal = store::Journal::open(&harness.dir.path().join("uchastok.db")).expect("journal");
    let entries = journal.entries().expect("entries");
    let checkpoints: Vec<(u64, domain::checkpoint::Checkpoint)> = entries
        .iter()
        .filter_map(|entry| match entry.event().expect("event") {
            domain::Event::CheckpointSigned { checkpoint } => Some((entry.seq, checkpoint)),
            _ => None,
        })
        .collect();
    assert_eq!(checkpoints.len(), 3, "opening, the 10:00 report, the close");
    for (seq, checkpoint) in &checkpoints {
        let before = &entries[usize::try_from(seq - 2).expect("index")];
        assert_eq!(checkpoint.count, before.seq);
        assert_eq!(checkpoint.head, hex::encode(before.hash));
        let message = bundle::checkpoint_message(&election.id, &election.station.number, checkpoint.count, &before.hash);
        assert!(key.verifies(&message, &hex::decode(&checkpoint.signature).expect("hex")), "checkpoint at {seq}");
    }
    assert_eq!(checkpoints[2].1.fingerprint(), at_close.fingerprint);
    assert_eq!(domain::chain::short_fingerprint(&entries[usize::try_from(at_close.count - 1).expect("index")].hash), at_close.fingerprint);
}

#[test]
fn a_checkpoint_or_a_key_cannot_be_recorded_from_the_window() {
    let (_harness, station) = remote_station_open();
    let before = station.overview().journal.events;
    let head = "00".repeat(32);
    let forged = Command::SignCheckpoint { count: u64::from(before), head, signature: "11".repeat(64) };
    assert_eq!(station.act(forged).expect_err("not from the window").code, "act.not-here");
    let key = Command::RegisterStationKey { public_key: "ab".repeat(32) };
    assert_eq!(station.act(key).expect_err("not from the window").code, "act.not-here");
    assert_eq!(station.overview().journal.events, before);
}

#[test]
fn s65_no_bundle_before_the_protocol_is_signed() {
    let (harness, station) = remote_station_open();
    let folder = harness.dir.path().join("usb");
    let request = ExportRequest { folder: Some(folder.display().to_string()), chair_pin: None };
    assert_eq!(station.export_bundle(&request).expect_err("not signed yet").code, "bundle.export-not-ready");
    assert!(!folder.exists() || std::fs::read_dir(&folder).expect("folder").next().is_none(), "nothing written");
    assert_eq!(station.paper_codes().expect_err("not signed yet").code, "bundle.export-not-ready");
}

#[test]
fn s66_each_export_is_a_new_number_written_whole_and_verified() {
    let dir = tempfile::tempdir().expect("tempdir");
    let day = demo_day::run(&DemoDayOptions { demo: Demo::CityCouncil, voters: 6, seed: 5, data_dir: dir.path().to_path_buf() })
        .expect("the day runs");
    let station = &day.station;
    let election = station.election().expect("election");
    let registry = registry_of(&station_public_key(station), &election.id, &election.station.number, election.training);

    // A folder that cannot be made: refused, and the number is not used up.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file").expect("file");
    let refused = station
        .export_bundle(&ExportRequest { folder: Some(blocker.join("usb").display().to_string()), chair_pin: None })
        .expect_err("cannot write there");
    assert_eq!(refused.code, "bundle.export-write");

    let first = station.export_bundle(&ExportRequest::default()).expect("exported");
    assert_eq!(first.sequence, 1);
    assert!(first.path.starts_with(&station.default_bundle_folder().display().to_string()), "{}", first.path);
    let usb = dir.path().join("usb");
    let second = station
        .export_bundle(&ExportRequest { folder: Some(usb.display().to_string()), chair_pin: None })
        .expect("exported again");
    assert_eq!(second.sequence, 2);
    for report in [&first, &second] {
        let bytes = std::fs::read(&report.path).expect("bundle");
        assert_eq!(bytes.len() as u32, report.size);
        let verified = bundle::read_and_verify(&bytes, &registry, &VerifyOptions::default()).expect("verifies");
        assert_eq!(verified.manifest.sequence, u64::from(report.sequence));
        assert_eq!(verified.sha256, report.sha256);
        assert_eq!(verified.results, day.results);
        assert!(verified.file("documents/signed-results.pdf").is_some());
        assert!(verified.file("documents/attendance-register.pdf").is_some());
        assert!(verified.file("records/lot-record.json").is_some());
        for document in ["protocol-1-copy-1", "aeu-preliminary-protocol", "packet-inventory", "final-meeting"] {
            assert!(verified.file(&format!("documents/{document}.pdf")).is_some(), "{document} in the bundle");
        }
    }
    let second_bytes = std::fs::read(&second.path).expect("bundle");
    let replay = VerifyOptions { min_sequence: Some(3), ..VerifyOptions::default() };
    assert_eq!(bundle::read_and_verify(&second_bytes, &registry, &replay).expect_err("older").code(), "bundle.replayed");
    let leftovers: Vec<_> = std::fs::read_dir(&usb)
        .expect("usb")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, vec![std::path::Path::new(&second.path).file_name().expect("name").to_string_lossy().into_owned()]);
}

#[test]
fn s66_the_chairs_card_co_signs_with_its_pin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let day = demo_day::run(&DemoDayOptions { demo: Demo::RemoteVoting, voters: 3, seed: 9, data_dir: dir.path().to_path_buf() })
        .expect("the day runs");
    let wrong = day.station.export_bundle(&ExportRequest { folder: None, chair_pin: Some("0000".into()) });
    assert_eq!(wrong.expect_err("wrong PIN").code, "bundle.card-wrong-pin");
    let report = day
        .station
        .export_bundle(&ExportRequest { folder: None, chair_pin: Some(sim::DEFAULT_PIN.into()) })
        .expect("co-signed");
    assert_eq!(report.co_signed, 1);
    assert_eq!(report.sequence, 1, "a refused export takes no number");
}

#[test]
fn r5_5_the_signed_results_are_taken_from_paper_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let day = demo_day::run(&DemoDayOptions { demo: Demo::RemoteVoting, voters: 5, seed: 3, data_dir: dir.path().to_path_buf() })
        .expect("the day runs");
    let station = &day.station;
    let election = station.election().expect("election");
    let key = station_public_key(station);
    let registry = registry_of(&key, &election.id, &election.station.number, election.training);
    let limits = Limits::default();
    let seed: [u8; 32] = std::fs::read(dir.path().join("keys/station.key")).expect("key").try_into().expect("32 bytes");
    let signer = bundle::Ed25519Signer::from_seed(&seed).expect("key");

    let mut codes = bundle::paper::encode(&day.results, &signer, 200).expect("codes");
    assert!(codes.len() > 1, "several QR codes");
    codes.reverse();
    let paper = bundle::paper::read(&codes, &registry, Some(&election), &limits).expect("read from paper");
    assert_eq!(paper.results, day.results);
    assert_eq!(paper.signed_by, key.fingerprint());
    let default_codes = station.paper_codes().expect("codes");
    assert!(default_codes.iter().all(|code| code.len() <= bundle::paper::DEFAULT_PART_CHARS + 40));
    assert_eq!(bundle::paper::read(&default_codes, &registry, Some(&election), &limits).expect("read").results, day.results);

    let missing = bundle::paper::read(&codes[1..], &registry, None, &limits).expect_err("a part missing");
    assert_eq!(missing.code(), "bundle.paper-incomplete");
    let other = bundle::paper::encode(&day.results, &signer, 150).expect("codes");
    let mixed: Vec<String> = vec![codes[0].clone(), other[1].clone()];
    assert_eq!(bundle::paper::read(&mixed, &registry, None, &limits).expect_err("mixed").code(), "bundle.paper-mixed");
    let thief = bundle::paper::encode(&day.results, &bundle::Ed25519Signer::from_seed(&[5; 32]).expect("key"), 200).expect("codes");
    assert_eq!(bundle::paper::read(&thief, &registry, None, &limits).expect_err("another key").code(), "bundle.bad-signature");
    let mut elsewhere = registry.clone();
    elsewhere.stations[0].station = "0001".into();
    assert_eq!(bundle::paper::read(&codes, &elsewhere, None, &limits).expect_err("unknown").code(), "bundle.station-not-registered");
    let mut real = registry.clone();
    real.training = false;
    assert_eq!(bundle::paper::read(&codes, &real, None, &limits).expect_err("training").code(), "bundle.training-refused");
    let mut damaged = codes.clone();
    let last = damaged[0].pop().expect("a character");
    damaged[0].push(if last == 'A' { 'B' } else { 'A' });
    assert!(bundle::paper::read(&damaged, &registry, None, &limits).is_err());

    let pdf = station.signed_results_pdf().expect("sheet");
    let text = uchastok_tests::pdf_text(&pdf);
    assert!(text.contains(&key.fingerprint()), "the sheet names the key: {text}");
}

/// Every QR code on the pages of `pdf`, rendered by poppler at 150 dpi in grey.
fn qr_codes_in(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("document.pdf");
    std::fs::write(&input, pdf).expect("write pdf");
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "150", "-gray", "-png"])
        .arg(&input)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils, installed by scripts/setup)");
    assert!(status.success());
    let mut codes = Vec::new();
    for page in uchastok_tests::files_ending(dir.path(), ".png") {
        let image = image::open(&page).expect("a page image").to_luma8();
        let (width, height) = image.dimensions();
        if let Ok(found) = rxing::helpers::detect_multiple_in_luma(image.into_raw(), width, height) {
            codes.extend(found.into_iter().map(|result| result.getText().to_owned()));
        }
    }
    codes
}

#[test]
fn r5_5_the_printed_protocol_in_force_carries_its_signed_results_and_a_superseded_one_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let day = demo_day::run(&DemoDayOptions { demo: Demo::CityCouncil, voters: 6, seed: 5, data_dir: dir.path().to_path_buf() })
        .expect("the day runs");
    let station = &day.station;
    let election = station.election().expect("election");
    let key = station_public_key(station);
    let registry = registry_of(&key, &election.id, &election.station.number, election.training);

    let first = api::documents::DocumentKind::Protocol { number: 1, copy: 1 };
    let pdf = station.document_pdf(&first).expect("the protocol");
    let codes = qr_codes_in(&pdf);
    assert!(!codes.is_empty(), "the protocol carries QR codes");
    let paper = bundle::paper::read(&codes, &registry, Some(&election), &Limits::default()).expect("results from the protocol's paper");
    assert_eq!(paper.results, day.results);
    assert_eq!(paper.results.protocol_number, 1);

    // After a §66 correction the first protocol is superseded: its paper carries no
    // results to be taken, the second carries the corrected ones.
    let corrected = demo_day::correct(&day).expect("corrected");
    assert!(qr_codes_in(&station.document_pdf(&first).expect("the first protocol")).is_empty());
    let second = station.document_pdf(&api::documents::DocumentKind::Protocol { number: 2, copy: 2 }).expect("the second");
    let paper = bundle::paper::read(&qr_codes_in(&second), &registry, Some(&election), &Limits::default()).expect("read");
    assert_eq!(paper.results, corrected);
}
