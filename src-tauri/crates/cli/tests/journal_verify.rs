//! Runs the real `uchastok journal verify` on journals written by the store crate, intact
//! and tampered with, and on files that are no journal.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{TimeZone, Utc};
use domain::election::parse_definition;

fn run(db: &Path, language: &str) -> Output {
    let path = db.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"));
    Command::new(env!("CARGO_BIN_EXE_uchastok"))
        .args(["journal", "verify", path, "--lang", language])
        .env_remove("UCHASTOK_LANG")
        .output()
        .unwrap_or_else(|error| panic!("cannot run uchastok: {error}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A journal holding the demo election and the 10:00 turnout report; returns its path and
/// the head hash as hex.
fn journal(dir: &Path) -> (PathBuf, String) {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/elections/demo-city-council-regular.toml");
    let text = std::fs::read_to_string(&source).unwrap_or_else(|error| panic!("{error}"));
    let definition = parse_definition(&text).unwrap_or_else(|problems| panic!("{problems:?}"));
    // 10:30 in Bishkek (UTC+6) on the demo's voting day.
    let at = Utc.with_ymd_and_hms(2024, 11, 17, 4, 30, 0).single().unwrap_or_else(|| unreachable!());
    let path = dir.join("station.db");
    let mut journal = store::Journal::open(&path).unwrap_or_else(|error| panic!("{error}"));
    for command in [
        domain::Command::LoadElection { definition: Box::new(definition) },
        domain::Command::ReportTurnout { step: domain::StepId::Turnout10 },
    ] {
        journal.execute(&command, at).unwrap_or_else(|error| panic!("{error}"));
    }
    let head = journal.head();
    assert_eq!(head.count, 2);
    let hash: String = head.hash.iter().map(|byte| format!("{byte:02x}")).collect();
    drop(journal);
    (path, hash)
}

#[test]
fn an_intact_journal_verifies_with_its_count_and_head() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let (db, hash) = journal(dir.path());
    let output = run(&db, "ru");
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains("журнал цел, 2 записи"), "{text}");
    assert!(text.contains(&hash), "{text} lacks {hash}");
    let output = run(&db, "ky");
    assert!(output.status.success());
    assert!(stdout(&output).contains("журнал бүтүн, 2 жазуу"), "{}", stdout(&output));
}

#[test]
fn an_edited_entry_fails_naming_the_entry() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let (db, _) = journal(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap_or_else(|error| panic!("{error}"));
    conn.execute_batch(
        "DROP TRIGGER journal_no_update;
         UPDATE journal SET payload = replace(payload, 'turnout10', 'turnout12') WHERE seq = 2;",
    )
    .unwrap_or_else(|error| panic!("tampering failed (did the store schema change?): {error}"));
    drop(conn);

    let output = run(&db, "ru");
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("журнал не прошёл проверку"), "{text}");
    assert!(text.contains("№ 2"), "the broken entry is named: {text}");
    assert!(!text.contains("journal-problem-"), "untranslated: {text}");
    let output = run(&db, "ky");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("журнал текшерүүдөн өткөн жок"), "{}", stdout(&output));
}

#[test]
fn a_file_that_is_no_journal_fails_in_both_languages() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let text_file = dir.path().join("notes.db");
    std::fs::write(&text_file, "Бул журнал эмес, жөн эле текст.\n".repeat(200)).unwrap_or_else(|error| panic!("{error}"));
    let missing = dir.path().join("missing.db");
    for file in [&text_file, &missing] {
        for (language, words) in [("ru", "журнал не прошёл проверку"), ("ky", "журнал текшерүүдөн өткөн жок")] {
            let output = run(file, language);
            let text = stdout(&output);
            assert_eq!(output.status.code(), Some(1), "{}: {text}", file.display());
            assert!(text.contains(words), "{}: {text}", file.display());
            assert!(!text.contains("journal-problem-"), "untranslated: {text}");
        }
    }
    assert!(!missing.exists(), "verify must not create a database");
}
