#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use domain::election::{Contest, LocalizedText, Station};
use domain::{Command, DayState, ElectionDefinition, ElectionKind, Event, StationKind, StepId};

use super::*;

/// A directory removed when dropped (no tempfile crate in this crate).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("store-unit-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn db(&self) -> PathBuf {
        self.0.join("journal.db")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(s: &str) -> LocalizedText {
    LocalizedText { ky: s.to_owned(), ru: s.to_owned() }
}

fn definition() -> ElectionDefinition {
    ElectionDefinition {
        id: "test-2025".to_owned(),
        name: text("Test election"),
        kind: ElectionKind::JogorkuKeneshDistricts,
        training: true,
        voting_day: NaiveDate::from_ymd_opt(2025, 11, 30).unwrap(),
        timezone: "Asia/Bishkek".to_owned(),
        community_registration_days: 90,
        contests: vec![Contest {
            id: "d1".to_owned(),
            designation: "№ 1".to_owned(),
            name: text("District 1"),
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

/// 07:30 in Bishkek on voting day: the morning steps may be recorded.
fn morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 30, 1, 30, 0).unwrap()
}

/// 10:30 in Bishkek, when the first turnout report is due (§38).
fn turnout_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 30, 4, 30, 0).unwrap()
}

fn load() -> Command {
    Command::LoadElection { definition: Box::new(definition()) }
}

fn step(step: StepId) -> Event {
    Event::StepCompleted { at: morning(), step }
}

/// A plain SQLite connection, as a tamperer would use; it leaves its changes in the WAL
/// (no checkpoint when closed), so that opening must also leave a WAL alone.
fn raw(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
    conn
}

/// The file and its WAL, summarised as (length, SHA-256) each; an empty WAL (SQLite
/// creates one when it opens a WAL-mode file) counts as none.
fn file_bytes(path: &Path) -> Vec<Option<(usize, String)>> {
    let summary = |p: PathBuf| {
        std::fs::read(p)
            .ok()
            .filter(|bytes| !bytes.is_empty())
            .map(|bytes| (bytes.len(), hex::encode(ring::digest::digest(&ring::digest::SHA256, &bytes))))
    };
    vec![summary(path.to_owned()), summary(PathBuf::from(format!("{}-wal", path.display())))]
}

#[test]
fn entry_hash_is_the_documented_formula() {
    // Known answers computed independently (Python hashlib) from the crate doc's formula.
    let hash = entry_hash(&GENESIS_HASH, 1, b"step-completed", br#"{"type":"step-completed"}"#);
    assert_eq!(hex::encode(hash), "a5dfc564690c516c8795798ee1b826006e05f8080156154fdd71eef967f90239");
    let prev: [u8; 32] = std::array::from_fn(|i| i as u8);
    let hash = entry_hash(&prev, 258, b"k", b"{}");
    assert_eq!(hex::encode(hash), "c2977c5c6c89716f1765b77d9ddf4d812bb9e123509f1644257122871d3b0fb8");
}

#[test]
fn a_new_journal_is_empty_healthy_and_durable() {
    let dir = TempDir::new();
    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.health(), &Health::Ok);
    assert_eq!(journal.head(), ChainHead::GENESIS);
    assert_eq!(journal.state(), &DayState::default());
    assert!(journal.events().unwrap().is_empty());
    let pragma = |name: &str| -> String {
        journal
            .conn
            .pragma_query_value(None, name, |row| row.get::<_, rusqlite::types::Value>(0))
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), r#"Text("wal")"#);
    assert_eq!(pragma("synchronous"), "Integer(2)", "synchronous=FULL");
    assert_eq!(pragma("locking_mode"), r#"Text("exclusive")"#);
    assert_eq!(pragma("user_version"), format!("Integer({})", schema::SCHEMA_VERSION));
    assert_eq!(pragma("application_id"), format!("Integer({})", schema::APPLICATION_ID));
    drop(journal);
    assert_eq!(verify_file(&dir.db()), Ok(ChainHead::GENESIS));
}

#[test]
fn appended_events_replay_to_the_same_state_after_reopening() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    let loaded = journal.execute(&load(), morning()).unwrap();
    assert_eq!(loaded.len(), 1);
    let seqs = journal.append(&[step(StepId::LotDrawing), step(StepId::OpeningSafe)]).unwrap();
    assert_eq!(seqs, vec![2, 3]);
    let seqs = journal.append(&[step(StepId::SealingBoxes)]).unwrap();
    assert_eq!(seqs, vec![4]);
    let events = journal.events().unwrap();
    assert_eq!(events.len(), 4);
    assert_eq!(events[0], loaded[0]);
    assert_eq!(journal.state(), &DayState::replay(&events));
    assert_eq!(journal.state().completed.len(), 3);
    let head = journal.head();
    assert_eq!(head.count, 4);
    let state = journal.state().clone();

    // The rows are linked and hash as documented.
    let entries = journal.entries().unwrap();
    let mut prev = GENESIS_HASH;
    for (i, entry) in entries.iter().enumerate() {
        assert_eq!(entry.seq, i as u64 + 1);
        assert_eq!(entry.prev_hash, prev);
        assert_eq!(entry.hash, entry.computed_hash());
        assert_eq!(entry.payload, serde_json::to_string(&events[i]).unwrap());
        assert_eq!(entry.kind, events[i].kind());
        assert_eq!(entry.at, events[i].at());
        prev = entry.hash;
    }
    assert_eq!(head.hash, prev);
    drop(journal);

    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.health(), &Health::Ok);
    assert_eq!(journal.head(), head);
    assert_eq!(journal.state(), &state);
    assert_eq!(journal.events().unwrap(), events);
    drop(journal);
    assert_eq!(verify_file(&dir.db()), Ok(head));
}

#[test]
fn a_refused_command_records_nothing() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    // Not loaded yet: refused.
    let refusal = journal.execute(&Command::ReportTurnout { step: StepId::Turnout10 }, turnout_time()).unwrap_err();
    assert!(matches!(&refusal, StoreError::Refused(e) if e.code == "election.not-loaded"), "{refusal:?}");
    assert_eq!(refusal.message_id(), "error-election-not-loaded");
    assert_eq!(journal.head(), ChainHead::GENESIS);

    journal.execute(&load(), morning()).unwrap();
    journal.execute(&Command::ReportTurnout { step: StepId::Turnout10 }, turnout_time()).unwrap();
    let head = journal.head();
    let state = journal.state().clone();
    // Done twice: refused, and neither the file nor the memory changes.
    let refusal = journal.execute(&Command::ReportTurnout { step: StepId::Turnout10 }, turnout_time()).unwrap_err();
    assert!(matches!(&refusal, StoreError::Refused(e) if e.code == "step.already-done"), "{refusal:?}");
    assert!(matches!(
        journal.execute(&load(), morning()),
        Err(StoreError::Refused(e)) if e.code == "election.already-loaded"
    ));
    assert_eq!(journal.head(), head);
    assert_eq!(journal.state(), &state);
    assert_eq!(journal.entries().unwrap().len(), 2);
    drop(journal);
    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.head(), head);
    assert_eq!(journal.state(), &state);
}

#[test]
fn triggers_refuse_update_and_delete() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    journal.execute(&load(), morning()).unwrap();
    let update = journal.conn.execute("UPDATE journal SET kind = 'x' WHERE seq = 1", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = journal.conn.execute("DELETE FROM journal WHERE seq = 1", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert_eq!(journal.entries().unwrap().len(), 1);
}

#[test]
fn a_corrupted_journal_opens_read_only_and_is_left_as_found() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    journal.execute(&load(), morning()).unwrap();
    journal.set_setting("language", "ru").unwrap();
    journal.append(&[step(StepId::LotDrawing), step(StepId::OpeningSafe), step(StepId::SealingBoxes)]).unwrap();
    drop(journal);
    {
        let conn = raw(&dir.db());
        conn.execute_batch(
            "DROP TRIGGER journal_no_update;
             UPDATE journal SET payload = replace(payload, 'opening-safe', 'lot-drawing') WHERE seq = 3;",
        )
        .unwrap();
    }
    let before_open = file_bytes(&dir.db());
    assert!(before_open[1].is_some(), "the tampering sits in the WAL");
    let mut journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.health(), &Health::ReadOnly(Problem::ChainBroken { seq: 3 }));
    // The state is the verified prefix: the election and the lot drawing.
    assert_eq!(journal.head().count, 2);
    assert_eq!(journal.state().events_applied, 2);
    assert_eq!(journal.events().unwrap().len(), 2);
    assert_eq!(journal.entries().unwrap().len(), 4, "entries() shows every row as stored");
    // Reading works, writing does not.
    assert_eq!(journal.setting("language").unwrap().as_deref(), Some("ru"));
    assert!(matches!(
        journal.set_setting("language", "ky"),
        Err(StoreError::ReadOnly(Problem::ChainBroken { seq: 3 }))
    ));
    let refused = journal.execute(&Command::CompleteStep { step: StepId::BallotsToMembers }, morning());
    assert!(matches!(refused, Err(StoreError::ReadOnly(_))));
    assert!(matches!(journal.append(&[step(StepId::Voting)]), Err(StoreError::ReadOnly(_))));
    // Even through the connection itself, nothing can be written.
    assert!(journal.conn.execute("INSERT INTO settings VALUES ('x', 'y')", []).is_err());
    drop(journal);
    assert_eq!(file_bytes(&dir.db()), before_open, "opening read-only must not touch the file");
    assert_eq!(verify_file(&dir.db()), Err(Problem::ChainBroken { seq: 3 }));
}

#[test]
fn a_journal_without_its_triggers_is_read_only_even_if_the_chain_verifies() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    journal.execute(&load(), morning()).unwrap();
    drop(journal);
    raw(&dir.db()).execute_batch("DROP TRIGGER journal_no_delete").unwrap();
    let journal = Journal::open(&dir.db()).unwrap();
    assert!(
        matches!(journal.health(), Health::ReadOnly(Problem::Damaged { detail }) if detail.contains("triggers")),
        "{:?}",
        journal.health()
    );
    assert_eq!(journal.head().count, 1);
}

#[test]
fn a_cut_off_end_and_a_changed_projection_are_found() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    journal.execute(&load(), morning()).unwrap();
    journal.append(&[step(StepId::LotDrawing), step(StepId::OpeningSafe)]).unwrap();
    drop(journal);

    raw(&dir.db())
        .execute_batch("UPDATE projection SET state = replace(state, 'opening-safe', 'sealing-boxes')")
        .unwrap();
    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.health(), &Health::ReadOnly(Problem::ProjectionMismatch { seq: 3 }));
    assert_eq!(journal.head().count, 3, "the chain itself verified");
    drop(journal);

    raw(&dir.db())
        .execute_batch(
            "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq = 3;
             CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'no'); END;",
        )
        .unwrap();
    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.health(), &Health::ReadOnly(Problem::HeadMismatch { recorded: 3, found: 2 }));
    drop(journal);
    assert_eq!(verify_file(&dir.db()), Err(Problem::HeadMismatch { recorded: 3, found: 2 }));
}

#[test]
fn settings_are_kept_outside_the_chain() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.setting("language").unwrap(), None);
    journal.set_setting("language", "ru").unwrap();
    assert_eq!(journal.setting("language").unwrap().as_deref(), Some("ru"));
    journal.set_setting("language", "ky").unwrap();
    assert_eq!(journal.setting("language").unwrap().as_deref(), Some("ky"));
    assert_eq!(journal.head(), ChainHead::GENESIS, "a setting is not an event");
    drop(journal);
    let journal = Journal::open(&dir.db()).unwrap();
    assert_eq!(journal.setting("language").unwrap().as_deref(), Some("ky"));
    assert_eq!(journal.setting("other").unwrap(), None);
}

#[test]
fn only_one_journal_may_hold_the_file() {
    let dir = TempDir::new();
    let mut first = Journal::open(&dir.db()).unwrap();
    first.execute(&load(), morning()).unwrap();
    let second = Journal::open(&dir.db());
    assert!(matches!(second, Err(StoreError::Locked)), "{second:?}");
    assert_eq!(StoreError::Locked.message_id(), "journal-error-locked");
    assert_eq!(verify_file(&dir.db()), Err(Problem::InUse));
    // The first one still works.
    first.append(&[step(StepId::LotDrawing)]).unwrap();
    let head = first.head();
    drop(first);
    let second = Journal::open(&dir.db()).unwrap();
    assert_eq!(second.head(), head);
}

#[test]
fn a_newer_or_foreign_file_is_read_only_and_untouched() {
    let dir = TempDir::new();
    let mut journal = Journal::open(&dir.db()).unwrap();
    journal.execute(&load(), morning()).unwrap();
    drop(journal);
    raw(&dir.db()).pragma_update(None, "user_version", schema::SCHEMA_VERSION + 1).unwrap();
    let journal = Journal::open(&dir.db()).unwrap();
    let newer = Problem::NewerSchema { found: schema::SCHEMA_VERSION + 1, supported: schema::SCHEMA_VERSION };
    assert_eq!(journal.health(), &Health::ReadOnly(newer.clone()));
    drop(journal);
    assert_eq!(verify_file(&dir.db()), Err(newer));

    let other = dir.0.join("other.db");
    raw(&other).execute_batch("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x');").unwrap();
    let before = std::fs::read(&other).unwrap();
    let journal = Journal::open(&other).unwrap();
    assert_eq!(journal.health(), &Health::ReadOnly(Problem::NotAJournal));
    assert_eq!(journal.state(), &DayState::default());
    drop(journal);
    assert_eq!(std::fs::read(&other).unwrap(), before);
    assert_eq!(verify_file(&other), Err(Problem::NotAJournal));

    let missing = dir.0.join("missing.db");
    assert!(matches!(verify_file(&missing), Err(Problem::CannotOpen { .. })));
    assert!(!missing.exists(), "verify_file never creates a file");
}

#[test]
fn migrations_run_in_order_up_to_the_schema_version() {
    let versions: Vec<u32> = schema::MIGRATIONS.iter().map(|m| m.version).collect();
    let expected: Vec<u32> = (1..=schema::SCHEMA_VERSION).collect();
    assert_eq!(versions, expected);
}

/// The message ids and arguments of every problem and error exist in both languages.
#[test]
fn every_message_is_in_both_languages_with_its_arguments() {
    let problems = [
        Problem::Damaged { detail: "d".to_owned() },
        Problem::NotAJournal,
        Problem::NewerSchema { found: 2, supported: 1 },
        Problem::ChainBroken { seq: 1 },
        Problem::Gap { seq: 1 },
        Problem::HeadMismatch { recorded: 2, found: 1 },
        Problem::ProjectionMismatch { seq: 1 },
        Problem::UnreadableEvent { seq: 1, detail: "d".to_owned() },
        Problem::InUse,
        Problem::CannotOpen { detail: "d".to_owned() },
    ];
    let errors = [
        StoreError::ReadOnly(Problem::NotAJournal),
        StoreError::Locked,
        StoreError::Unsupported("d".to_owned()),
        StoreError::Encode("d".to_owned()),
        StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows),
    ];
    let mut wanted: Vec<(&str, Vec<String>)> =
        problems.iter().map(|p| (p.message_id(), p.args().into_keys().collect())).collect();
    wanted.extend(errors.iter().map(|e| (e.message_id(), e.args().into_keys().collect())));
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../locales");
    for language in ["ky", "ru"] {
        let text = std::fs::read_to_string(locales.join(language).join("journal.ftl")).unwrap();
        for (id, args) in &wanted {
            assert!(id.starts_with("journal-"), "{id}");
            let start = text.find(&format!("\n{id} =")).unwrap_or_else(|| panic!("{language}: no {id}"));
            let body: String = text[start + 1..]
                .lines()
                .enumerate()
                .take_while(|(i, line)| *i == 0 || line.starts_with(' ') || line.is_empty())
                .map(|(_, line)| line)
                .collect();
            for arg in args {
                assert!(body.contains(&format!("${arg}")), "{language}: {id} does not use ${arg}");
            }
        }
    }
}
