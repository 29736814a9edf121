//! Tampering with a journal file is found, never repaired, and never panics: rows edited,
//! deleted or forged with plain SQLite (triggers dropped first), the file truncated or
//! overwritten with garbage. Each time `store::verify_file` names the problem and
//! `store::Journal::open` opens the journal read-only with the same problem, refusing
//! every write and leaving the file as it found it.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::election::{Contest, LocalizedText, Station};
use domain::{Command, ElectionDefinition, ElectionKind, Event, StationKind, StepId};
use store::{ChainHead, Health, Journal, Problem, StoreError};

/// Entries in the journal each test starts from: the election, then nine steps.
const ENTRIES: u64 = 10;

fn text(s: &str) -> LocalizedText {
    LocalizedText { ky: s.to_owned(), ru: s.to_owned() }
}

fn definition() -> ElectionDefinition {
    ElectionDefinition {
        id: "tamper-test".to_owned(),
        name: text("Tamper test"),
        kind: ElectionKind::JogorkuKeneshDistricts,
        training: true,
        voting_day: NaiveDate::from_ymd_opt(2025, 11, 30).unwrap(),
        timezone: "Asia/Bishkek".to_owned(),
        community_registration_days: 90,
        contests: vec![Contest {
            id: "d1".to_owned(),
            designation: "№ 1".to_owned(),
            name: text("D1"),
            options: vec![],
        }],
        station: Station {
            number: "1001".to_owned(),
            kind: StationKind::Regular,
            district: "d1".to_owned(),
            address: text("School 1"),
        },
        commission: vec![],
    }
}

/// 07:30 in Bishkek on voting day.
fn morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 30, 1, 30, 0).unwrap()
}

/// Step of entry `seq` (2..): the day's steps in order, so each payload is distinct.
fn step_of(seq: u64) -> StepId {
    StepId::ALL[(seq as usize - 2) % StepId::ALL.len()]
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    head: ChainHead,
}

/// A sound journal of `entries` entries, closed.
fn journal_with(entries: u64) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let mut journal = Journal::open(&db).unwrap();
    journal.execute(&Command::LoadElection { definition: Box::new(definition()) }, morning()).unwrap();
    let steps: Vec<Event> = (2..=entries)
        .map(|seq| Event::StepCompleted { at: morning() + Duration::seconds(seq as i64), step: step_of(seq) })
        .collect();
    journal.append(&steps).unwrap();
    journal.set_setting("language", "ru").unwrap();
    let head = journal.head();
    assert_eq!(head.count, entries);
    drop(journal);
    assert_eq!(store::verify_file(&db), Ok(head));
    Fixture { _dir: dir, db, head }
}

/// A tamperer's connection: plain SQLite, triggers dropped.
fn tamper(db: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("DROP TRIGGER IF EXISTS journal_no_update; DROP TRIGGER IF EXISTS journal_no_delete;").unwrap();
    conn.execute_batch(sql).unwrap();
}

fn row(db: &Path, seq: u64) -> (String, String, Vec<u8>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT kind, payload, prev_hash FROM journal WHERE seq = ?1", [seq as i64], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })
    .unwrap()
}

/// The file and its WAL, as bytes (an empty WAL counts as none).
fn snapshot(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    (std::fs::read(db).unwrap(), std::fs::read(wal).unwrap_or_default())
}

/// Opens the tampered journal: read-only with `expected`, every write refused, the file
/// untouched. Returns the journal for further checks.
fn assert_read_only(db: &Path, expected: &Problem) -> Journal {
    let before = snapshot(db);
    let mut journal = Journal::open(db).unwrap();
    assert_eq!(journal.health(), &Health::ReadOnly(expected.clone()));
    let refused = journal.execute(&Command::CompleteStep { step: StepId::Voting }, morning());
    assert!(matches!(&refused, Err(StoreError::ReadOnly(p)) if p == expected), "{refused:?}");
    assert_eq!(refused.unwrap_err().message_id(), "journal-error-read-only");
    let step = Event::StepCompleted { at: morning(), step: StepId::Close };
    assert!(matches!(journal.append(&[step]), Err(StoreError::ReadOnly(_))));
    assert!(matches!(journal.set_setting("language", "ky"), Err(StoreError::ReadOnly(_))));
    drop(journal);
    assert!(snapshot(db) == before, "opening a damaged journal changed the file");
    Journal::open(db).unwrap()
}

#[test]
fn an_edited_payload_breaks_the_chain_at_that_entry() {
    let f = journal_with(ENTRIES);
    let (_, payload, _) = row(&f.db, 4);
    assert!(payload.contains(step_of(4).name()));
    tamper(
        &f.db,
        &format!("UPDATE journal SET payload = replace(payload, '{}', 'close') WHERE seq = 4", step_of(4).name()),
    );

    let broken = Problem::ChainBroken { seq: 4 };
    assert_eq!(store::verify_file(&f.db), Err(broken.clone()));
    let journal = assert_read_only(&f.db, &broken);
    // What is shown is the part that verified: entries 1 to 3.
    assert_eq!(journal.head().count, 3);
    assert_eq!(journal.state().events_applied, 3);
    assert_eq!(journal.events().unwrap().len(), 3);
    assert_eq!(journal.setting("language").unwrap().as_deref(), Some("ru"));
    assert_eq!(broken.message_id(), "journal-problem-chain-broken");
    assert_eq!(broken.args().get("seq"), Some(&domain::MessageArg::Number(4)));
}

#[test]
fn an_edited_kind_or_time_breaks_the_chain_too() {
    let f = journal_with(ENTRIES);
    tamper(&f.db, "UPDATE journal SET kind = 'election-loaded' WHERE seq = 7");
    assert_eq!(store::verify_file(&f.db), Err(Problem::ChainBroken { seq: 7 }));

    // `at` is not hashed but must agree with the payload.
    let f = journal_with(ENTRIES);
    tamper(&f.db, "UPDATE journal SET at = '2025-11-29T01:00:00Z' WHERE seq = 5");
    assert_eq!(store::verify_file(&f.db), Err(Problem::ChainBroken { seq: 5 }));
    assert_read_only(&f.db, &Problem::ChainBroken { seq: 5 });
}

#[test]
fn an_edit_with_its_hash_recomputed_breaks_the_link_to_the_next_entry() {
    let f = journal_with(ENTRIES);
    let (kind, payload, prev_hash) = row(&f.db, 4);
    let forged = payload.replace(step_of(4).name(), "close");
    let hash = store::entry_hash(&prev_hash.try_into().unwrap(), 4, kind.as_bytes(), forged.as_bytes());
    tamper(&f.db, &format!("UPDATE journal SET payload = '{forged}', hash = x'{}' WHERE seq = 4", hex_of(&hash)));
    // Entry 4 is self-consistent now; entry 5 still points at the old one.
    assert_eq!(store::verify_file(&f.db), Err(Problem::ChainBroken { seq: 5 }));
    assert_read_only(&f.db, &Problem::ChainBroken { seq: 5 });
}

#[test]
fn a_rewritten_tail_does_not_match_the_head_recorded_with_the_last_commit() {
    let f = journal_with(ENTRIES);
    // Rewrite entry 4 and re-chain every entry after it: the chain verifies again, but
    // the projection, written in the same transaction as the last real append, names
    // the old head.
    let conn = rusqlite::Connection::open(&f.db).unwrap();
    conn.execute_batch("DROP TRIGGER journal_no_update").unwrap();
    let mut prev: [u8; 32] = row(&f.db, 4).2.try_into().unwrap();
    for seq in 4..=ENTRIES {
        let (kind, mut payload, _) = row(&f.db, seq);
        if seq == 4 {
            payload = payload.replace(step_of(4).name(), "close");
        }
        let hash = store::entry_hash(&prev, seq, kind.as_bytes(), payload.as_bytes());
        conn.execute(
            "UPDATE journal SET payload = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
            rusqlite::params![payload, prev.as_slice(), hash.as_slice(), seq as i64],
        )
        .unwrap();
        prev = hash;
    }
    drop(conn);
    let mismatch = Problem::HeadMismatch { recorded: ENTRIES, found: ENTRIES };
    assert_eq!(store::verify_file(&f.db), Err(mismatch.clone()));
    let journal = assert_read_only(&f.db, &mismatch);
    assert_ne!(journal.head(), f.head);
}

#[test]
fn a_deleted_row_is_a_gap() {
    let f = journal_with(ENTRIES);
    tamper(&f.db, "DELETE FROM journal WHERE seq = 6");
    assert_eq!(store::verify_file(&f.db), Err(Problem::Gap { seq: 6 }));
    let journal = assert_read_only(&f.db, &Problem::Gap { seq: 6 });
    assert_eq!(journal.head().count, 5);
    assert_eq!(journal.entries().unwrap().len() as u64, ENTRIES - 1);
}

#[test]
fn deleted_or_forged_rows_at_the_end_do_not_match_the_recorded_head() {
    let f = journal_with(ENTRIES);
    tamper(&f.db, &format!("DELETE FROM journal WHERE seq = {ENTRIES}"));
    let cut = Problem::HeadMismatch { recorded: ENTRIES, found: ENTRIES - 1 };
    assert_eq!(store::verify_file(&f.db), Err(cut.clone()));
    assert_read_only(&f.db, &cut);

    // A forged entry 11 with a correct hash, appended behind the journal's back.
    let f = journal_with(ENTRIES);
    let event = Event::StepCompleted { at: morning(), step: StepId::Delivery };
    let payload = serde_json::to_string(&event).unwrap();
    let seq = ENTRIES + 1;
    let hash = store::entry_hash(&f.head.hash, seq, event.kind().as_bytes(), payload.as_bytes());
    tamper(
        &f.db,
        &format!(
            "INSERT INTO journal VALUES ({seq}, '{}', '{}', '{payload}', x'{}', x'{}')",
            store::format_at(event.at()),
            event.kind(),
            f.head.hex(),
            hex_of(&hash)
        ),
    );
    let forged = Problem::HeadMismatch { recorded: ENTRIES, found: ENTRIES + 1 };
    assert_eq!(store::verify_file(&f.db), Err(forged.clone()));
    assert_read_only(&f.db, &forged);
}

#[test]
fn a_changed_projection_is_found() {
    let f = journal_with(ENTRIES);
    tamper(&f.db, "UPDATE projection SET state = replace(state, '\"training\":true', '\"training\":false')");
    let mismatch = Problem::ProjectionMismatch { seq: ENTRIES };
    assert_eq!(store::verify_file(&f.db), Err(mismatch.clone()));
    assert_read_only(&f.db, &mismatch);
}

/// A journal large enough to span many pages, checkpointed into the main file.
fn big_journal() -> Fixture {
    let f = journal_with(400);
    assert!(std::fs::metadata(&f.db).unwrap().len() > 20 * 4096);
    let wal = PathBuf::from(format!("{}-wal", f.db.display()));
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    f
}

fn is_damage(problem: &Problem) -> bool {
    matches!(
        problem,
        Problem::Damaged { .. }
            | Problem::NotAJournal
            | Problem::ChainBroken { .. }
            | Problem::Gap { .. }
            | Problem::HeadMismatch { .. }
            | Problem::ProjectionMismatch { .. }
    )
}

/// Opens a damaged file: no panic, read-only with the problem `verify_file` finds, no
/// write accepted, the file unchanged.
fn assert_damaged(db: &Path) -> Problem {
    let problem = store::verify_file(db).unwrap_err();
    assert!(is_damage(&problem), "{problem:?}");
    let before = snapshot(db);
    let mut journal = Journal::open(db).unwrap();
    let Health::ReadOnly(found) = journal.health().clone() else { panic!("a damaged file opened for writing") };
    assert!(is_damage(&found), "{found:?}");
    let refused = journal.execute(&Command::LoadElection { definition: Box::new(definition()) }, morning());
    assert!(matches!(refused, Err(StoreError::ReadOnly(_))), "{refused:?}");
    // Reading may fail on a damaged file, but must not panic.
    let _ = journal.events();
    let _ = journal.entries();
    let _ = journal.setting("language");
    drop(journal);
    assert!(snapshot(db) == before, "opening a damaged journal changed the file");
    problem
}

#[test]
fn a_truncated_file_is_damaged() {
    for keep in [0.5, 0.9, 0.2] {
        let f = big_journal();
        let len = std::fs::metadata(&f.db).unwrap().len();
        let file = std::fs::OpenOptions::new().write(true).open(&f.db).unwrap();
        file.set_len((len as f64 * keep) as u64 / 4096 * 4096 + 1234).unwrap();
        drop(file);
        let problem = assert_damaged(&f.db);
        assert!(matches!(problem, Problem::Damaged { .. }), "{keep}: {problem:?}");
    }
}

/// xorshift garbage, reproducible.
fn garbage(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn overwrite(db: &Path, offset: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn garbage_bytes_in_the_file_are_damage() {
    // Pages in the middle of the journal table.
    let f = big_journal();
    let len = std::fs::metadata(&f.db).unwrap().len();
    overwrite(&f.db, len / 2 / 4096 * 4096, &garbage(3 * 4096, 1));
    assert_damaged(&f.db);

    // A few bytes inside a page: SQLite's check may not see it, the chain does.
    let f = big_journal();
    let conn = rusqlite::Connection::open(&f.db).unwrap();
    let payload: String = conn.query_row("SELECT payload FROM journal WHERE seq = 200", [], |r| r.get(0)).unwrap();
    drop(conn);
    let bytes = std::fs::read(&f.db).unwrap();
    let at = bytes.windows(payload.len()).position(|w| w == payload.as_bytes()).unwrap();
    overwrite(&f.db, (at + payload.len() / 2) as u64, b"XX");
    let problem = assert_damaged(&f.db);
    assert_eq!(problem, Problem::ChainBroken { seq: 200 });

    // The header.
    let f = big_journal();
    overwrite(&f.db, 0, &garbage(100, 2));
    let problem = assert_damaged(&f.db);
    assert_eq!(problem, Problem::NotAJournal);
}

#[test]
fn a_file_of_garbage_is_not_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    std::fs::write(&db, garbage(64 * 1024, 3)).unwrap();
    assert_eq!(assert_damaged(&db), Problem::NotAJournal);
    std::fs::write(&db, "just some text, not a database\n").unwrap();
    assert_eq!(assert_damaged(&db), Problem::NotAJournal);
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
