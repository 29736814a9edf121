//! `uchastok lot verify RECORD` re-runs a lot from the record the app saves (§32).

use std::path::Path;
use std::process::Command;

use domain::lot::{Assignment, Contribution, Duty, LotPurpose, LotRecord};

fn record() -> LotRecord {
    let secret = [42u8; 32];
    let contributions = vec![Contribution { by: "байкоочу Түгөлбаева".into(), value: "4187".into() }];
    let members: Vec<String> = (4..=9).map(|i| format!("m{i}")).collect();
    let seed = domain::lot::seed(&secret, &contributions);
    LotRecord {
        purpose: LotPurpose::Roles,
        election_id: "demo".into(),
        station_number: "5214".into(),
        assignment: domain::lot::assign(LotPurpose::Roles, &seed, &members, 0),
        members,
        count: 0,
        commitment: domain::lot::commitment(&secret),
        secret: domain::lot::hex(&secret),
        contributions,
        seed: domain::lot::hex(&seed),
    }
}

fn run(file: &Path, language: &str) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_uchastok"))
        .args(["--lang", language, "lot", "verify"])
        .arg(file)
        .output()
        .unwrap_or_else(|error| panic!("{error}"));
    (output.status.success(), String::from_utf8_lossy(&output.stdout).into_owned())
}

fn write(dir: &Path, record: &LotRecord) -> std::path::PathBuf {
    let path = dir.join("lot.json");
    std::fs::write(&path, serde_json::to_string(record).unwrap_or_else(|error| panic!("{error}")))
        .unwrap_or_else(|error| panic!("{error}"));
    path
}

#[test]
fn s32_a_true_record_verifies_in_both_languages() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let path = write(dir.path(), &record());
    let (ok, text) = run(&path, "ru");
    assert!(ok, "{text}");
    assert!(text.contains("результат совпадает (6 членов комиссии)"), "{text}");
    let (ok, text) = run(&path, "ky");
    assert!(ok && text.contains("натыйжасы дал келет"), "{text}");
}

#[test]
fn s32_a_changed_contribution_or_a_swapped_duty_is_caught() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let mut changed = record();
    changed.contributions[0].value = "4188".into();
    let (ok, text) = run(&write(dir.path(), &changed), "ru");
    assert!(!ok && text.contains("зерно не следует"), "{text}");

    let mut swapped = record();
    swapped.assignment[0] = Assignment { duty: Duty::PaperList, ..swapped.assignment[0].clone() };
    swapped.assignment[1] = Assignment { duty: Duty::ElectronicList, ..swapped.assignment[1].clone() };
    let (ok, text) = run(&write(dir.path(), &swapped), "ky");
    assert!(!ok && text.contains("бөлүштүрүү"), "{text}");
}

#[test]
fn a_file_that_is_no_lot_record_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let path = dir.path().join("notes.json");
    std::fs::write(&path, "{\"hello\": 1}").unwrap_or_else(|error| panic!("{error}"));
    let (ok, text) = run(&path, "ru");
    assert!(!ok && text.contains("не запись жеребьёвки"), "{text}");
}
