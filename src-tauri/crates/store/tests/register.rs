//! The voter register through its public API: import (good and bad rows, header
//! refusals, photos, progress, cancellation, atomic replacement), lookups, the key file,
//! secrecy of the personal numbers on disk, and the synthetic generator.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use domain::ElectionDefinition;
use domain::election::parse_definition;
use store::register::{
    self, GenerateOptions, GenerateScope, ImportOptions, ImportProgress, ImportReport, ImportStage, PhotoFormat,
    Register, RegisterError, RegisterKey,
};

const HEADER: &str = "personal_number,surname,given_names,patronymic,birth_date,district,station,registered_on,photo";

fn remote_definition() -> ElectionDefinition {
    let text = include_str!("../../../../assets/elections/demo-jk-2025-remote.toml");
    parse_definition(text).unwrap_or_else(|problems| panic!("{problems:?}"))
}

fn regular_definition() -> ElectionDefinition {
    let text = include_str!("../../../../assets/elections/demo-city-council-regular.toml");
    parse_definition(text).unwrap_or_else(|problems| panic!("{problems:?}"))
}

fn key(byte: u8) -> RegisterKey {
    RegisterKey::from_bytes([byte; 32])
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn import_quietly(db: &Path, key: &RegisterKey, csv: &Path, options: &ImportOptions) -> Result<ImportReport, RegisterError> {
    register::import(db, key, csv, options, &mut |_| ControlFlow::Continue(()))
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// Two folders: `source/` for the CSV and its photos, `station/` for the register.
struct Folders {
    _root: tempfile::TempDir,
    source: PathBuf,
    station: PathBuf,
}

fn folders() -> Folders {
    let root = tempfile::tempdir().expect("temp dir");
    let source = root.path().join("source");
    let station = root.path().join("station");
    std::fs::create_dir_all(&source).expect("source folder");
    std::fs::create_dir_all(&station).expect("station folder");
    Folders { _root: root, source, station }
}

fn problem_at(report: &ImportReport, line: u64) -> Vec<(Option<&'static str>, &'static str)> {
    report.problems.iter().filter(|problem| problem.line == line).map(|problem| (problem.field, problem.error.code)).collect()
}

#[test]
fn import_reports_each_bad_row_by_line_and_field_and_keeps_every_good_row() {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    std::fs::create_dir_all(dirs.source.join("photos")).expect("photos");
    std::fs::write(dirs.source.join("photos/a.png"), b"\x89PNG\r\n\x1a\nrest of a png").expect("png");
    std::fs::write(dirs.source.join("photos/b.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).expect("jpeg");
    std::fs::write(dirs.source.join("photos/big.jpg"), vec![0xFF; 2048]).expect("big");
    std::fs::write(dirs.source.join("photos/text.png"), b"not an image").expect("text");
    let rows = [
        /* 2 */ "12005199012345,Асанова,Айгүл,Төлөгөновна,1990-05-20,d1,1001,2010-01-01,photos/a.png",
        /* 3 */ "21203198512345,Үсөнов,Кеңеш,,1985-03-12,d2,2001,2024-10-01,photos/b.jpg",
        /* 4 */ "1200519901234,Бейшенова,Нургүл,,1990-05-20,d1,1001,2010-01-01,",
        /* 5 */ "12005199012346,Бейшенова,Нургүл,,1990-02-30,d1,1001,2010-01-01,",
        /* 6 */ "12005199012345,Дубликатова,Второй,,1990-05-20,d3,3001,2010-01-01,",
        /* 7 */ "12005199012347,Осмонова,Гүлнара,,1990-05-20,d9,1001,2010-01-01,",
        /* 8 */ "12005199012348,Осмонова,Гүлнара,,1990-05-20,d1,1001,2010-01-01,photos/missing.png",
        /* 9 */ "12005199012349,Осмонова,Гүлнара,,1990-05-20,d1,1001,2010-01-01,photos/big.jpg",
        /* 10 */ "12005199012350,Осмонова,Гүлнара,,1990-05-20,d1,1001,2010-01-01,photos/text.png",
        /* 11 */ "12005199012351,,Гүлнара,,1990-05-20,d1,1001,1980-01-01,",
        /* 12 */ "12005199012352,Осмонова,Гүлнара",
        /* 13 */ "21203198512346,Жумабеков,Азамат,Үсөнович,1985-03-12,d2,2001,1999-12-31,",
    ];
    write(&csv, &format!("{HEADER}\n{}\n", rows.join("\n")));
    let db = dirs.station.join("register.db");
    let key = key(7);
    let options = ImportOptions { max_photo_bytes: 1024, ..ImportOptions::for_election(&remote_definition()) };
    let report = import_quietly(&db, &key, &csv, &options).expect("import");

    assert_eq!(report.rows_read, 12);
    assert_eq!(report.imported, 3, "{:#?}", report.problems);
    assert_eq!(report.rejected, 9);
    assert_eq!(report.duplicates, 1);
    assert_eq!(report.with_photo, 2);
    assert_eq!(problem_at(&report, 4), [(Some("personal_number"), "register.row-personal-number")]);
    assert_eq!(problem_at(&report, 5), [(Some("birth_date"), "register.row-bad-date")]);
    assert_eq!(problem_at(&report, 6), [(Some("personal_number"), "register.row-duplicate")]);
    assert_eq!(problem_at(&report, 7), [(Some("district"), "register.row-unknown-district")]);
    assert_eq!(problem_at(&report, 8), [(Some("photo"), "register.row-photo-missing")]);
    assert_eq!(problem_at(&report, 9), [(Some("photo"), "register.row-photo-too-big")]);
    assert_eq!(problem_at(&report, 10), [(Some("photo"), "register.row-photo-format")]);
    assert_eq!(
        problem_at(&report, 11),
        [(Some("surname"), "register.row-empty"), (Some("registered_on"), "register.row-registered-before-birth")]
    );
    assert_eq!(problem_at(&report, 12), [(None, "register.row-width")]);
    assert_eq!(report.problems_total, 10);
    let lines: Vec<u64> = report.problems.iter().map(|problem| problem.line).collect();
    assert!(lines.windows(2).all(|pair| pair[0] <= pair[1]), "problems by line: {lines:?}");
    let duplicate = &report.problems.iter().find(|problem| problem.line == 6).expect("duplicate").error;
    assert_eq!(duplicate.args.get("first_line"), Some(&domain::MessageArg::Number(2)));
    for problem in &report.problems {
        assert_eq!(problem.error.args.get("line"), Some(&domain::MessageArg::Number(problem.line as i64)));
        assert!(problem.error.message_id.starts_with("register-row-"), "{problem:?}");
    }

    let register = Register::open(&db).expect("open");
    assert_eq!(register.count(), 3);
    let first = register.find(&key, "12005199012345").expect("find").expect("line 2 is in the register");
    assert_eq!(
        (first.surname.as_str(), first.given_names.as_str(), first.patronymic.as_str()),
        ("Асанова", "Айгүл", "Төлөгөновна"),
        "the first of two rows with one personal number stays"
    );
    assert_eq!((first.birth_date, first.registered_on), (date("1990-05-20"), date("2010-01-01")));
    assert_eq!((first.district.as_str(), first.station.as_str(), first.has_photo), ("d1", "1001", true));
    assert_eq!(first.voter_key, key.voter_key("12005199012345"));
    let photo = register.photo(&first.voter_key).expect("photo").expect("has a photo");
    assert_eq!(photo.format, PhotoFormat::Png);
    assert_eq!(photo.bytes, b"\x89PNG\r\n\x1a\nrest of a png");

    let second = register.find(&key, " 21203198512345 ").expect("find").expect("line 3");
    assert_eq!((second.patronymic.as_str(), second.has_photo), ("", true));
    assert_eq!(register.photo(&second.voter_key).expect("photo").map(|photo| photo.format), Some(PhotoFormat::Jpeg));
    let third = register.find(&key, "21203198512346").expect("find").expect("line 13");
    assert!(!third.has_photo);
    assert_eq!(register.photo(&third.voter_key).expect("photo"), None);
    for absent in ["1200519901234", "12005199012346", "12005199012399"] {
        assert_eq!(register.find(&key, absent).expect("find"), None, "{absent}");
    }
    assert_eq!(register.count_at_station("1001").expect("count"), 1);
    assert_eq!(register.count_at_station("2001").expect("count"), 2);
    assert_eq!(register.count_at_station("3001").expect("count"), 0);
}

#[test]
fn columns_may_come_in_any_order_and_optional_ones_may_be_absent() {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    write(
        &csv,
        "\u{feff} Station ,district,registered_on,birth_date,given_names,surname,personal_number\r\n\
         1001,d1,2001-02-03,1970-01-01,Бакыт,Сыдыков,21001197000001\r\n\
         \r\n\
         \"1002\",d1,2001-02-03,1970-01-01,\"Айбек, кичүүсү\",\"Сыдыков \"\"Кичи\"\"\",21001197000002\r\n\
         1003,d1,2001-02-03,1970-01-01,Бакыт,Сыдыков,21001197000003\r\n",
    );
    let db = dirs.station.join("register.db");
    let report = import_quietly(&db, &key(1), &csv, &ImportOptions::default()).expect("import");
    assert_eq!((report.rows_read, report.imported, report.rejected), (3, 3, 0), "the blank line is skipped");
    let register = Register::open(&db).expect("open");
    let entry = register.find(&key(1), "21001197000001").expect("find").expect("found");
    assert_eq!((entry.surname.as_str(), entry.patronymic.as_str(), entry.station.as_str()), ("Сыдыков", "", "1001"));
    let quoted = register.find(&key(1), "21001197000002").expect("find").expect("found");
    assert_eq!((quoted.surname.as_str(), quoted.given_names.as_str()), ("Сыдыков \"Кичи\"", "Айбек, кичүүсү"));
}

#[test]
fn a_quoted_field_over_two_lines_keeps_the_line_numbers_of_the_file() {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    write(
        &csv,
        &format!(
            "{HEADER}\n21001197000001,\"Сыдыков\nэкинчи сап\",Бакыт,,1970-01-01,d1,1001,2001-02-03,\n\
             21001197000002,Сыдыков,Бакыт,,1970-13-01,d1,1001,2001-02-03,\n\
             21001197000003,Сыдыков,Бакыт,,1970-12-01,d1,1001,2001-02-03,\n"
        ),
    );
    let db = dirs.station.join("register.db");
    let report = import_quietly(&db, &key(1), &csv, &ImportOptions::default()).expect("import");
    assert_eq!(problem_at(&report, 2), [(Some("surname"), "register.row-control-character")]);
    assert_eq!(problem_at(&report, 4), [(Some("birth_date"), "register.row-bad-date")]);
    assert_eq!((report.imported, report.problems_total), (1, 2));

    let few = ImportOptions { max_problems: 1, ..ImportOptions::default() };
    let report = import_quietly(&db, &key(1), &csv, &few).expect("import");
    assert_eq!(report.problems_total, 2, "every problem is counted");
    assert_eq!(report.problems.iter().map(|problem| problem.line).collect::<Vec<_>>(), [2], "the first are kept");
}

fn refusal(header: &str) -> (RegisterError, usize) {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    write(&csv, &format!("{header}\n21001197000001,Сыдыков,Бакыт,,1970-01-01,d1,1001,2001-02-03,\n"));
    let db = dirs.station.join("register.db");
    let mut calls = 0;
    let result = register::import(&db, &key(1), &csv, &ImportOptions { progress_every: 1, ..ImportOptions::default() }, &mut |_| {
        calls += 1;
        ControlFlow::Continue(())
    });
    let error = result.expect_err("refused");
    assert!(!db.exists(), "nothing written");
    assert_eq!(std::fs::read_dir(&dirs.station).expect("list").count(), 0, "no file left behind");
    (error, calls)
}

#[test]
fn a_missing_column_is_refused_before_any_row() {
    let (error, calls) = refusal("personal_number,surname,given_names,patronymic,birth_date,district,photo,extra_is_missing_too");
    assert_eq!(calls, 0);
    assert_eq!(error.code(), "register.unknown-columns", "unknown names are reported first: {error}");
    let (error, calls) = refusal("personal_number,surname,given_names,patronymic,birth_date,district,photo");
    assert_eq!(calls, 0);
    assert_eq!(error.code(), "register.missing-columns");
    assert_eq!(error.message_id(), "register-error-missing-columns");
    assert_eq!(error.args().get("columns"), Some(&domain::MessageArg::Text("station, registered_on".into())));
}

#[test]
fn an_unknown_or_repeated_column_is_refused_before_any_row() {
    let (error, calls) = refusal(&format!("{HEADER},phone"));
    assert_eq!((error.code(), calls), ("register.unknown-columns", 0));
    assert_eq!(error.args().get("columns"), Some(&domain::MessageArg::Text("phone".into())));
    let (error, calls) = refusal(&format!("{HEADER},Surname"));
    assert_eq!((error.code(), calls), ("register.duplicate-column", 0));
}

#[test]
fn an_empty_file_is_refused_as_having_no_header() {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    write(&csv, "");
    let error = import_quietly(&dirs.station.join("register.db"), &key(1), &csv, &ImportOptions::default()).expect_err("empty");
    assert_eq!(error.code(), "register.no-header");
}

#[test]
fn the_key_file_is_created_once_with_mode_0600_and_then_reused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("register.key");
    let created = RegisterKey::load_or_create(&path).expect("create");
    let bytes = std::fs::read(&path).expect("read key");
    assert_eq!(bytes.len(), RegisterKey::LEN);
    assert_ne!(bytes, vec![0u8; 32]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let reused = RegisterKey::load_or_create(&path).expect("reuse");
    assert_eq!(std::fs::read(&path).expect("read key"), bytes, "never rewritten");
    assert_eq!(created.voter_key("21001197000001"), reused.voter_key("21001197000001"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "no temporary file left");

    let other = dir.path().join("other.key");
    let different = RegisterKey::load_or_create(&other).expect("create another");
    assert_ne!(created.voter_key("21001197000001"), different.voter_key("21001197000001"));

    std::fs::write(&path, b"short").expect("damage");
    let error = RegisterKey::load_or_create(&path).expect_err("a damaged key is refused");
    assert_eq!(error.code(), "register.key-damaged");
    assert_eq!(std::fs::read(&path).expect("read"), b"short", "and never replaced");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[test]
fn secrecy_register_files_hold_no_personal_number_in_plain_text_and_no_key() {
    let dirs = folders();
    let definition = remote_definition();
    let csv = dirs.source.join("register.csv");
    let options = GenerateOptions { photos: true, ..GenerateOptions::new(&definition, 300, 42) };
    let mut text = Vec::new();
    let source = dirs.source.clone();
    register::generate(&definition, &options, &mut text, &mut |name, bytes| {
        let path = source.join(name);
        std::fs::create_dir_all(path.parent().expect("photo folder")).expect("mkdir");
        std::fs::write(path, bytes)
    })
    .expect("generate");
    std::fs::write(&csv, &text).expect("write csv");
    let numbers: Vec<String> = String::from_utf8(text)
        .expect("utf-8")
        .lines()
        .skip(1)
        .map(|line| line.split(',').next().expect("first field").to_owned())
        .collect();
    assert_eq!(numbers.len(), 300);

    let key_path = dirs.station.join("register.key");
    let key = RegisterKey::load_or_create(&key_path).expect("key");
    let key_bytes = std::fs::read(&key_path).expect("key bytes");
    let db = dirs.station.join("register.db");
    let report = import_quietly(&db, &key, &csv, &ImportOptions::for_election(&definition)).expect("import");
    assert_eq!(report.imported, 300);
    // A second import over the first, as on a re-import.
    import_quietly(&db, &key, &csv, &ImportOptions::for_election(&definition)).expect("re-import");

    let register = Register::open(&db).expect("open");
    let found = register.find(&key, &numbers[0]).expect("find").expect("present");
    drop(register);
    let mut scanned = 0;
    for entry in std::fs::read_dir(&dirs.station).expect("list") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        if path == key_path {
            continue;
        }
        scanned += 1;
        let windows: std::collections::HashSet<&[u8]> = bytes.windows(14).collect();
        for number in &numbers {
            assert!(!windows.contains(number.as_bytes()), "{} holds a personal number", path.display());
        }
        assert!(!contains(&bytes, &key_bytes), "{} holds the key", path.display());
        assert!(!contains(&bytes, hex::encode(&key_bytes).as_bytes()), "{} holds the key in hex", path.display());
        assert!(contains(&bytes, found.surname.as_bytes()) || path != db, "the scan reads the real file");
    }
    assert!(scanned >= 1);

    let register = Register::open(&db).expect("open");
    let stranger = RegisterKey::from_bytes([0x55; 32]);
    assert!(register.key_matches(&key));
    assert!(!register.key_matches(&stranger));
    for number in numbers.iter().take(50) {
        assert!(register.find(&key, number).expect("find").is_some());
        assert_eq!(register.find(&stranger, number).expect("find"), None, "another key finds nothing");
    }
}

#[test]
fn problems_never_show_a_personal_number() {
    let dirs = folders();
    let csv = dirs.source.join("register.csv");
    write(
        &csv,
        &format!(
            "{HEADER}\n\
             2100119700000,Сыдыков,Бакыт,,21001197000001,d1,1001,2001-02-03,\n\
             21001197000001,Сыдыков,Бакыт,,1970-01-01,21001197000001,1001,2001-02-03,\n\
             21001197000002,Сыдыков,Бакыт,,1970-01-01,d1,1001,2001-02-03,photos/21001197000002.jpg\n\
             21001197000003,Сыдыков,Бакыт,,1970-01-01,d1,1001,2001-02-03,\n"
        ),
    );
    let db = dirs.station.join("register.db");
    let options = ImportOptions::for_election(&remote_definition());
    let report = import_quietly(&db, &key(1), &csv, &options).expect("import");
    let codes: Vec<&str> = report.problems.iter().map(|problem| problem.error.code).collect();
    assert_eq!(
        codes,
        ["register.row-personal-number", "register.row-bad-date", "register.row-unknown-district", "register.row-photo-missing"]
    );
    for problem in &report.problems {
        let said = format!("{:?}", problem.error);
        assert!(!said.contains("2100119700000"), "{said}");
    }
}

#[test]
fn a_failed_or_cancelled_reimport_leaves_the_old_register() {
    let dirs = folders();
    let old_csv = dirs.source.join("old.csv");
    write(&old_csv, &format!("{HEADER}\n21001197000001,Сыдыков,Бакыт,,1970-01-01,d1,1001,2001-02-03,\n"));
    let db = dirs.station.join("register.db");
    import_quietly(&db, &key(1), &old_csv, &ImportOptions::default()).expect("first import");
    let before = std::fs::read(&db).expect("old bytes");

    let new_csv = dirs.source.join("new.csv");
    let rows: String = (0..50).map(|n| format!("1100119800{n:04},Жаңы,Адам,,1970-01-01,d1,1001,2001-02-03,\n")).collect();
    write(&new_csv, &format!("{HEADER}\n{rows}"));
    let options = ImportOptions { progress_every: 10, ..ImportOptions::default() };
    for stop_at in [ImportStage::Reading, ImportStage::Writing] {
        let result = register::import(&db, &key(1), &new_csv, &options, &mut |progress| {
            if progress.stage == stop_at && progress.rows_done >= 20 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert!(matches!(result, Err(RegisterError::Cancelled)), "{result:?}");
        assert_eq!(std::fs::read(&db).expect("bytes"), before, "cancelled while {stop_at:?}");
    }

    let all_bad = dirs.source.join("bad.csv");
    write(&all_bad, &format!("{HEADER}\n1,Жаңы,Адам,,1970-01-01,d1,1001,2001-02-03,\n"));
    let result = import_quietly(&db, &key(1), &all_bad, &ImportOptions::default());
    assert!(matches!(&result, Err(RegisterError::NothingImported { report }) if report.rejected == 1), "{result:?}");
    let wrong_header = dirs.source.join("header.csv");
    write(&wrong_header, "personal_number,surname\n21001197000009,Жаңы\n");
    assert!(import_quietly(&db, &key(1), &wrong_header, &ImportOptions::default()).is_err());
    assert!(import_quietly(&db, &key(1), &dirs.source.join("absent.csv"), &ImportOptions::default()).is_err());

    assert_eq!(std::fs::read(&db).expect("bytes"), before);
    let names: Vec<String> = std::fs::read_dir(&dirs.station)
        .expect("list")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["register.db"], "no half-built file left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).expect("metadata").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "personal data: the owner's alone");
    }
    let register = Register::open(&db).expect("open");
    assert_eq!(register.count(), 1);
    assert!(register.find(&key(1), "21001197000001").expect("find").is_some());

    import_quietly(&db, &key(1), &new_csv, &ImportOptions::default()).expect("a good re-import");
    let fresh = Register::open(&db).expect("open");
    assert_eq!(fresh.count(), 50);
    assert_eq!(fresh.find(&key(1), "21001197000001").expect("find"), None, "the old register is replaced whole");
    assert!(
        register.find(&key(1), "21001197000001").expect("find").is_some(),
        "a register opened before keeps reading the file it opened"
    );
}

#[test]
fn progress_is_reported_every_n_rows_and_ends_at_the_total() {
    let dirs = folders();
    let definition = remote_definition();
    let csv = dirs.source.join("register.csv");
    let mut text = Vec::new();
    register::generate(&definition, &GenerateOptions::new(&definition, 1000, 7), &mut text, &mut |_, _| Ok(()))
        .expect("generate");
    std::fs::write(&csv, &text).expect("write");
    let mut calls: Vec<ImportProgress> = Vec::new();
    let options = ImportOptions { progress_every: 100, ..ImportOptions::default() };
    let report = register::import(&dirs.station.join("register.db"), &key(3), &csv, &options, &mut |progress| {
        calls.push(progress);
        ControlFlow::Continue(())
    })
    .expect("import");
    assert_eq!(report.imported, 1000);
    let reading: Vec<&ImportProgress> = calls.iter().filter(|call| call.stage == ImportStage::Reading).collect();
    let writing: Vec<&ImportProgress> = calls.iter().filter(|call| call.stage == ImportStage::Writing).collect();
    assert_eq!(reading.len(), 11, "every 100 rows, then the end");
    assert_eq!(writing.len(), 12, "at the start, every 100 rows, then the end");
    assert_eq!((writing[0].rows_done, writing[0].rows_total), (0, Some(1000)));
    assert!(calls.iter().all(|call| call.bytes_total == text.len() as u64));
    assert!(reading.windows(2).all(|pair| pair[0].rows_done <= pair[1].rows_done && pair[0].bytes_done <= pair[1].bytes_done));
    assert!(reading[0].bytes_done > 0 && reading[0].bytes_done < text.len() as u64);
    let last_reading = reading.last().expect("reading");
    assert_eq!((last_reading.rows_done, last_reading.bytes_done), (1000, text.len() as u64));
    let last = calls.last().expect("calls");
    assert_eq!((last.stage, last.rows_done, last.bytes_done), (ImportStage::Writing, 1000, text.len() as u64));
    assert!(calls.iter().position(|call| call.stage == ImportStage::Writing) > calls.iter().rposition(|call| call.stage == ImportStage::Reading));
}

/// The CSV bytes, the photos (name, bytes) and the summary.
type Generated = (Vec<u8>, Vec<(String, Vec<u8>)>, register::GenerateSummary);

fn generated(definition: &ElectionDefinition, options: &GenerateOptions) -> Generated {
    let mut csv = Vec::new();
    let mut photos = Vec::new();
    let summary = register::generate(definition, options, &mut csv, &mut |name, bytes| {
        photos.push((name.to_owned(), bytes.to_vec()));
        Ok(())
    })
    .expect("generate");
    (csv, photos, summary)
}

#[test]
fn the_generator_gives_the_same_bytes_for_the_same_seed_and_others_for_another() {
    let definition = remote_definition();
    let options = GenerateOptions { photos: true, ..GenerateOptions::new(&definition, 500, 2025) };
    let (csv, photos, summary) = generated(&definition, &options);
    let (again, photos_again, _) = generated(&definition, &options);
    assert_eq!(csv, again);
    assert_eq!(photos, photos_again);
    assert!(summary.photos > 400 && summary.photos < 500, "about 95 %: {}", summary.photos);
    assert!(photos.iter().all(|(_, bytes)| PhotoFormat::sniff(bytes) == Some(PhotoFormat::Png)));
    let (other, other_photos, _) = generated(&definition, &GenerateOptions { seed: 2026, ..options.clone() });
    assert_ne!(csv, other);
    assert_ne!(photos, other_photos);
}

#[test]
fn generated_personal_numbers_are_valid_unique_and_carry_the_birth_date() {
    let definition = remote_definition();
    let (csv, _, summary) = generated(&definition, &GenerateOptions::new(&definition, 20_000, 11));
    let text = String::from_utf8(csv).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER));
    let mut seen = std::collections::HashSet::new();
    let districts: Vec<&str> = definition.contests.iter().map(|contest| contest.id.as_str()).collect();
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 9, "{line}");
        let number = fields[0];
        assert!(register::is_personal_number(number), "{number}");
        assert!(seen.insert(number.to_owned()), "unique");
        let birth = date(fields[4]);
        assert_eq!(&number[1..9], birth.format("%d%m%Y").to_string(), "{line}");
        assert!(definition.voting_day.years_since(birth).is_some_and(|age| (18..=96).contains(&age)), "{line}");
        assert!(districts.contains(&fields[5]), "{line}");
        let female = number.starts_with('1');
        let surname = fields[1];
        assert_eq!(surname.ends_with('а'), female, "{line}");
    }
    assert_eq!(seen.len(), 20_000);
    assert_eq!(summary.rows, 20_000);
    assert_eq!(summary.at_station, 0, "a remote-voting station keeps no list of its own");
}

#[test]
fn r3_1_the_generator_registers_a_known_share_within_the_community_period() {
    let definition = remote_definition();
    let days = i64::from(definition.community_registration_days);
    let options = GenerateOptions { recent_per_mille: 100, ..GenerateOptions::new(&definition, 10_000, 5) };
    let (csv, _, summary) = generated(&definition, &options);
    let text = String::from_utf8(csv).expect("utf-8");
    let recent = text
        .lines()
        .skip(1)
        .filter(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            let registered = date(fields[7]);
            assert!(registered >= date(fields[4]) && registered < definition.voting_day, "{line}");
            (definition.voting_day - registered).num_days() < days
        })
        .count() as u64;
    assert_eq!(recent, summary.recent);
    assert!((900..=1100).contains(&recent), "about 10 %: {recent}");
}

#[test]
fn generated_rows_import_without_a_problem_and_count_per_station() {
    let dirs = folders();
    for (definition, scope) in [(regular_definition(), GenerateScope::Station), (remote_definition(), GenerateScope::National)] {
        let options = GenerateOptions { photos: true, ..GenerateOptions::new(&definition, 2000, 99) };
        assert_eq!(options.scope, scope);
        let (csv, photos, summary) = generated(&definition, &options);
        let source = dirs.source.join(format!("{scope:?}"));
        std::fs::create_dir_all(source.join("photos")).expect("photos folder");
        for (name, bytes) in &photos {
            std::fs::write(source.join(name), bytes).expect("photo");
        }
        std::fs::write(source.join("register.csv"), &csv).expect("csv");
        let db = dirs.station.join(format!("{scope:?}.db"));
        let report = import_quietly(&db, &key(9), &source.join("register.csv"), &ImportOptions::for_election(&definition))
            .expect("import");
        assert_eq!((report.rows_read, report.imported, report.problems_total), (2000, 2000, 0), "{:?}", report.problems);
        assert_eq!(report.with_photo, summary.photos);
        let register = Register::open(&db).expect("open");
        assert_eq!(register.count_at_station(&definition.station.number).expect("count"), summary.at_station);
        if scope == GenerateScope::Station {
            assert_eq!(summary.at_station, 2000);
        }
    }
}

#[test]
fn opening_something_else_is_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = Register::open(&dir.path().join("absent.db")).expect_err("missing");
    assert_eq!(missing.code(), "register.missing");
    let text = dir.path().join("text.db");
    std::fs::write(&text, "this is no database, just some text that is long enough to be read as a header").expect("write");
    assert_eq!(Register::open(&text).expect_err("text").code(), "register.not-a-register");
    let journal = dir.path().join("journal.db");
    drop(store::Journal::open(&journal).expect("journal"));
    assert_eq!(Register::open(&journal).expect_err("journal").code(), "register.not-a-register");
}
