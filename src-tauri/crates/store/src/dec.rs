//! The district commission's file ([`DecStore`]): its own journal of acts
//! ([`domain::dec::DecEvent`]), hash-chained exactly like a station's journal (the same
//! [`entry_hash`], so the same tools read it), and the bytes of every bundle it took, kept
//! as received so that anyone can verify them again later.
//!
//! A file of its own rather than the station's [`crate::Journal`]: the commission's
//! model is another state machine ([`domain::dec`]), its file holds the bundles
//! themselves (megabytes each) next to the journal, and a computer is either a station or
//! a commission — one file kind per role keeps a station's journal free of anything but
//! its day. The guarantees are the journal's: `PRAGMA application_id` `UCHD`, WAL with
//! `synchronous=FULL`, one exclusive writer for the file's lifetime, every write in one
//! immediate transaction, SQL triggers that refuse UPDATE and DELETE on the journal and
//! the bundles, and at every opening `quick_check`, the whole chain and the recorded
//! head (a chain cut at its end is seen). A problem opens the file read-only and
//! [`DecStore::health`] says why. The state is the replay of the events; it is not
//! stored (a commission's journal is a few thousand entries at most).
//!
//! Tables: `journal(seq, at, kind, payload, prev_hash, hash)` as the station's,
//! `head(id = 1, seq, head_hash)`, `bundles(sha256, bytes)`, `settings(key, value)`.
//!
//! Must never: decide a rule ([`domain::dec::decide`] does), verify a bundle (the bundle
//! crate does), read the clock, update or delete an entry or a bundle.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use domain::dec::{DecCommand, DecEvent, DecState, ReceivedBundle};
use rusqlite::config::DbConfig;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, TransactionBehavior, params};

use crate::chain::{ChainHead, GENESIS_HASH, JournalEntry, entry_hash, format_at};
use crate::problem::{Health, Problem, StoreError, is_busy, problem_from_sqlite};

/// `PRAGMA application_id` of a commission's file: ASCII `UCHD`.
pub const DEC_APPLICATION_ID: i32 = 0x5543_4844;
/// The schema this build writes and reads.
pub const DEC_SCHEMA_VERSION: u32 = 1;

const SCHEMA: &str = "
CREATE TABLE head (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seq       INTEGER NOT NULL,
    head_hash BLOB NOT NULL
) STRICT;
CREATE TABLE bundles (
    sha256 TEXT PRIMARY KEY,
    bytes  BLOB NOT NULL
) STRICT;
CREATE TRIGGER bundles_no_update BEFORE UPDATE ON bundles
BEGIN SELECT RAISE(ABORT, 'a bundle is kept as received: never updated'); END;
CREATE TRIGGER bundles_no_delete BEFORE DELETE ON bundles
BEGIN SELECT RAISE(ABORT, 'a bundle is kept as received: never deleted'); END;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
";

const TABLES: [&str; 4] = ["journal", "head", "bundles", "settings"];
const TRIGGERS: [&str; 4] = ["journal_no_update", "journal_no_delete", "bundles_no_update", "bundles_no_delete"];

/// The district commission's journal and bundles: the only writer of its file.
#[derive(Debug)]
pub struct DecStore {
    path: PathBuf,
    conn: Connection,
    health: Health,
    state: DecState,
    head: ChainHead,
}

enum FileKind {
    Empty,
    Dec,
    Newer(u32),
    Foreign,
}

fn classify(conn: &Connection) -> rusqlite::Result<FileKind> {
    let application_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let version = u32::try_from(version).ok();
    Ok(match (application_id, version) {
        (0, Some(0)) if objects == 0 => FileKind::Empty,
        (DEC_APPLICATION_ID, Some(DEC_SCHEMA_VERSION)) => FileKind::Dec,
        (DEC_APPLICATION_ID, Some(version)) if version > DEC_SCHEMA_VERSION => FileKind::Newer(version),
        _ => FileKind::Foreign,
    })
}

fn text(value: ValueRef<'_>) -> Option<Vec<u8>> {
    match value {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => Some(bytes.to_vec()),
        _ => None,
    }
}

fn count_objects(conn: &Connection, kind: &str, names: &[&str]) -> rusqlite::Result<usize> {
    let mut statement = conn.prepare("SELECT count(*) FROM sqlite_schema WHERE type = ?1 AND name = ?2")?;
    let mut found = 0;
    for name in names {
        let n: i64 = statement.query_row(params![kind, name], |row| row.get(0))?;
        found += usize::from(n == 1);
    }
    Ok(found)
}

/// The longest verified prefix of the chain, its state, and the first problem.
struct Verified {
    head: ChainHead,
    state: DecState,
    problem: Option<Problem>,
}

fn verify(conn: &Connection) -> rusqlite::Result<Verified> {
    let failed = |problem| Ok(Verified { head: ChainHead::GENESIS, state: DecState::default(), problem: Some(problem) });
    let check: Vec<String> = {
        let mut statement = conn.prepare("PRAGMA quick_check(20)")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if check != ["ok"] {
        return failed(Problem::Damaged { detail: check.join("; ").chars().take(300).collect() });
    }
    if count_objects(conn, "table", &TABLES)? != TABLES.len() {
        return failed(Problem::Damaged { detail: "a table of the commission's file is missing".into() });
    }
    let mut head = ChainHead::GENESIS;
    let mut state = DecState::default();
    let mut statement = conn.prepare("SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let expected = head.count + 1;
        let broken = Problem::ChainBroken { seq: expected };
        let ValueRef::Integer(seq) = row.get_ref(0)? else {
            return Ok(Verified { head, state, problem: Some(broken) });
        };
        let fields = (text(row.get_ref(1)?), text(row.get_ref(2)?), text(row.get_ref(3)?), text(row.get_ref(4)?), text(row.get_ref(5)?));
        let (Some(at), Some(kind), Some(payload), Some(prev_hash), Some(hash)) = fields else {
            return Ok(Verified { head, state, problem: Some(broken) });
        };
        let seq = u64::try_from(seq).unwrap_or(0);
        if seq > expected {
            return Ok(Verified { head, state, problem: Some(Problem::Gap { seq: expected }) });
        }
        if seq != expected || prev_hash != head.hash || entry_hash(&head.hash, seq, &kind, &payload).as_slice() != hash {
            return Ok(Verified { head, state, problem: Some(broken) });
        }
        let event: DecEvent = match serde_json::from_slice(&payload) {
            Ok(event) => event,
            Err(error) => {
                let problem = Problem::UnreadableEvent { seq, detail: error.to_string() };
                return Ok(Verified { head, state, problem: Some(problem) });
            }
        };
        if kind != event.kind().as_bytes() || at != format_at(event.at()).as_bytes() {
            return Ok(Verified { head, state, problem: Some(broken) });
        }
        state = domain::dec::apply(state, &event);
        head = ChainHead { count: seq, hash: entry_hash(&head.hash, seq, &kind, &payload) };
    }
    drop(rows);
    drop(statement);
    let recorded = conn.query_row("SELECT seq, head_hash FROM head WHERE id = 1", [], |row| {
        Ok((row.get_ref(0)?.as_i64().ok(), text(row.get_ref(1)?)))
    });
    let problem = match recorded {
        Ok((Some(seq), Some(hash))) if u64::try_from(seq).ok() == Some(head.count) && hash == head.hash => None,
        Ok((seq, _)) => Some(Problem::HeadMismatch { recorded: seq.and_then(|s| u64::try_from(s).ok()).unwrap_or(0), found: head.count }),
        Err(rusqlite::Error::QueryReturnedNoRows) => Some(Problem::HeadMismatch { recorded: 0, found: head.count }),
        Err(error) => return Err(error),
    };
    let problem = match problem {
        Some(problem) => Some(problem),
        None if count_objects(conn, "trigger", &TRIGGERS)? != TRIGGERS.len() => {
            Some(Problem::Damaged { detail: "the triggers that keep the file append-only are missing".into() })
        }
        None => None,
    };
    Ok(Verified { head, state, problem })
}

fn encode(error: serde_json::Error) -> StoreError {
    StoreError::Encode(error.to_string())
}

fn to_sql(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Unsupported(format!("entry number {seq} is too large")))
}

impl DecStore {
    /// Opens or creates the commission's file. Never repairs: a damaged file or broken
    /// chain opens READ-ONLY and [`DecStore::health`] says why. Errors only when the
    /// file cannot be opened at all, is held by another program
    /// ([`StoreError::Locked`]), or a new file cannot be set up.
    pub fn open(path: &Path) -> Result<DecStore, StoreError> {
        let mut conn = crate::open_exclusive(path)?;
        let read_only = |conn, problem, verified: Option<Verified>| {
            let (head, state) = verified.map(|v| (v.head, v.state)).unwrap_or_default();
            let mut store = DecStore { path: path.to_owned(), conn, health: Health::Ok, state, head };
            store.turn_read_only(problem);
            Ok(store)
        };
        let kind = match conn.pragma_update(None, "trusted_schema", false).and_then(|()| classify(&conn)) {
            Ok(kind) => kind,
            Err(error) if is_busy(&error) => return Err(StoreError::Locked),
            Err(error) => return read_only(conn, problem_from_sqlite(&error), None),
        };
        let verified = match kind {
            FileKind::Foreign => return read_only(conn, Problem::NotAJournal, None),
            FileKind::Newer(found) => {
                return read_only(conn, Problem::NewerSchema { found, supported: DEC_SCHEMA_VERSION }, None);
            }
            FileKind::Empty => None,
            FileKind::Dec => match verify(&conn) {
                Err(error) if is_busy(&error) => return Err(StoreError::Locked),
                Err(error) => return read_only(conn, problem_from_sqlite(&error), None),
                Ok(mut verified) => match verified.problem.take() {
                    Some(problem) => return read_only(conn, problem, Some(verified)),
                    None => Some(verified),
                },
            },
        };
        conn.pragma_update(None, "synchronous", "FULL")?;
        let journal_mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !journal_mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Unsupported(format!("journal_mode={journal_mode}")));
        }
        if verified.is_none() {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.pragma_update(None, "application_id", DEC_APPLICATION_ID)?;
            tx.execute_batch(crate::schema::JOURNAL_TABLE)?;
            tx.execute_batch(SCHEMA)?;
            tx.execute("INSERT INTO head (id, seq, head_hash) VALUES (1, 0, ?1)", [GENESIS_HASH.as_slice()])?;
            tx.pragma_update(None, "user_version", DEC_SCHEMA_VERSION)?;
            tx.commit()?;
        }
        let (head, state) = verified.map(|v| (v.head, v.state)).unwrap_or_default();
        Ok(DecStore { path: path.to_owned(), conn, health: Health::Ok, state, head })
    }

    fn turn_read_only(&mut self, problem: Problem) {
        let _ = self.conn.pragma_update(None, "query_only", true);
        let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        self.health = Health::ReadOnly(problem);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn health(&self) -> &Health {
        &self.health
    }

    /// The commission's state: the replay of its journal.
    pub fn state(&self) -> &DecState {
        &self.state
    }

    pub fn head(&self) -> ChainHead {
        self.head
    }

    fn writable(&self) -> Result<(), StoreError> {
        self.health.writable()
    }

    /// [`domain::dec::decide`] + append in one immediate transaction; a refused command
    /// records nothing. A bundle is taken with [`DecStore::take_bundle`].
    pub fn execute(&mut self, command: &DecCommand, now: DateTime<Utc>) -> Result<Vec<DecEvent>, StoreError> {
        if matches!(command, DecCommand::TakeBundle { .. }) {
            return Err(StoreError::Unsupported("a bundle is taken with its bytes".into()));
        }
        self.record(command, None, now)
    }

    /// Takes a verified bundle: its event and its bytes in one transaction (the same
    /// bytes are stored once even if another station's entry named them).
    pub fn take_bundle(&mut self, bundle: ReceivedBundle, bytes: &[u8], now: DateTime<Utc>) -> Result<Vec<DecEvent>, StoreError> {
        let sha256 = bundle.sha256.clone();
        self.record(&DecCommand::TakeBundle { bundle: Box::new(bundle) }, Some((&sha256, bytes)), now)
    }

    fn record(&mut self, command: &DecCommand, bytes: Option<(&str, &[u8])>, now: DateTime<Utc>) -> Result<Vec<DecEvent>, StoreError> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let events = domain::dec::decide(&self.state, command, now).map_err(StoreError::Refused)?;
        let written = write(&tx, &self.head, &self.state, &events, bytes).and_then(|written| {
            tx.commit()?;
            Ok(written)
        });
        match written {
            Ok((head, state)) => {
                self.head = head;
                self.state = state;
                Ok(events)
            }
            Err(StoreError::Corrupt(problem)) => {
                self.turn_read_only(problem.clone());
                Err(StoreError::Corrupt(problem))
            }
            Err(error) => Err(error),
        }
    }

    /// The bytes of a bundle taken, by its SHA-256.
    pub fn bundle_bytes(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self.conn.query_row("SELECT bytes FROM bundles WHERE sha256 = ?1", [sha256], |row| Ok(text(row.get_ref(0)?))) {
            Ok(bytes) => Ok(bytes),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// The verified entries of the journal, in order (for exports).
    pub fn entries(&self) -> Result<Vec<JournalEntry>, StoreError> {
        let mut statement = self.conn.prepare("SELECT seq, at, kind, payload, prev_hash, hash FROM journal WHERE seq <= ?1 ORDER BY seq")?;
        let mut rows = statement.query([to_sql(self.head.count)?])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            let seq = row.get_ref(0)?.as_i64().ok().and_then(|seq| u64::try_from(seq).ok()).unwrap_or(0);
            let corrupt = || StoreError::Corrupt(Problem::ChainBroken { seq });
            let field = |index| -> Result<Vec<u8>, StoreError> { row.get_ref(index).ok().and_then(text).ok_or_else(corrupt) };
            let (at, kind, payload, prev_hash, hash) = (field(1)?, field(2)?, field(3)?, field(4)?, field(5)?);
            entries.push(JournalEntry {
                seq,
                at: std::str::from_utf8(&at).ok().and_then(|at| at.parse().ok()).ok_or_else(corrupt)?,
                kind: String::from_utf8(kind).map_err(|_| corrupt())?,
                payload: String::from_utf8(payload).map_err(|_| corrupt())?,
                prev_hash: prev_hash.try_into().map_err(|_| corrupt())?,
                hash: hash.try_into().map_err(|_| corrupt())?,
            });
        }
        Ok(entries)
    }

    /// A setting outside the journal (e.g. the UI language).
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| Ok(row.get_ref(0)?.as_str().ok().map(str::to_owned))) {
            Ok(value) => Ok(value),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

/// Inside an open immediate transaction: the file still ends where this process left it,
/// then the entries, the bundle's bytes and the head.
fn write(
    tx: &Transaction<'_>,
    head: &ChainHead,
    state: &DecState,
    events: &[DecEvent],
    bytes: Option<(&str, &[u8])>,
) -> Result<(ChainHead, DecState), StoreError> {
    let recorded = tx.query_row("SELECT seq, head_hash FROM head WHERE id = 1", [], |row| {
        Ok((row.get_ref(0)?.as_i64().ok(), text(row.get_ref(1)?)))
    })?;
    let last = tx.query_row("SELECT coalesce(max(seq), 0) FROM journal", [], |row| row.get::<_, i64>(0))?;
    let ends_here = recorded.0.and_then(|seq| u64::try_from(seq).ok()) == Some(head.count)
        && recorded.1.as_deref() == Some(head.hash.as_slice())
        && u64::try_from(last).ok() == Some(head.count);
    if !ends_here {
        return Err(StoreError::Corrupt(Problem::HeadMismatch { recorded: head.count, found: u64::try_from(last).unwrap_or(0) }));
    }
    let mut head = *head;
    let mut state = state.clone();
    let mut insert = tx.prepare_cached("INSERT INTO journal (seq, at, kind, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for event in events {
        let seq = head.count + 1;
        let kind = event.kind();
        let payload = serde_json::to_string(event).map_err(encode)?;
        let hash = entry_hash(&head.hash, seq, kind.as_bytes(), payload.as_bytes());
        insert.execute(params![to_sql(seq)?, format_at(event.at()), kind, payload, head.hash.as_slice(), hash.as_slice()])?;
        state = domain::dec::apply(state, event);
        head = ChainHead { count: seq, hash };
    }
    if let Some((sha256, bytes)) = bytes {
        tx.execute("INSERT OR IGNORE INTO bundles (sha256, bytes) VALUES (?1, ?2)", params![sha256, bytes])?;
    }
    tx.execute("UPDATE head SET seq = ?1, head_hash = ?2 WHERE id = 1", params![to_sql(head.count)?, head.hash.as_slice()])?;
    Ok((head, state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::dec::DecSetup;

    fn setup() -> DecCommand {
        let text = include_str!("../../../../assets/elections/demo-jk-2025-remote.toml");
        let election = domain::election::parse_definition(text).expect("demo");
        DecCommand::SetUp {
            setup: Box::new(DecSetup { election, district: "d3".into(), commission: "ОШК".into(), dec_key: "dd".repeat(32) }),
        }
    }

    fn now() -> DateTime<Utc> {
        "2025-11-28T04:00:00Z".parse().expect("time")
    }

    #[test]
    fn the_commission_journal_survives_a_reopening_and_refuses_a_second_writer() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("dec.db");
        {
            let mut store = DecStore::open(&path).expect("new");
            store.execute(&setup(), now()).expect("set up");
            store
                .execute(&DecCommand::RegisterStation { station: "9021".into(), public_key: "01".repeat(32), co_signers: Vec::new() }, now())
                .expect("registered");
            let refused = store.execute(&DecCommand::RegisterStation { station: "9021".into(), public_key: "02".repeat(32), co_signers: Vec::new() }, now());
            assert_eq!(refused.expect_err("twice").code(), "dec.station-registered");
            assert!(matches!(DecStore::open(&path), Err(StoreError::Locked)));
        }
        let store = DecStore::open(&path).expect("reopened");
        assert_eq!(store.health(), &Health::Ok);
        assert_eq!(store.head().count, 2);
        assert_eq!(store.state().stations.len(), 1);
        let entries = store.entries().expect("entries");
        assert_eq!(entries.iter().map(|e| e.kind.as_str()).collect::<Vec<_>>(), ["commission-set-up", "station-registered"]);
        assert_eq!(entries[1].computed_hash(), entries[1].hash);
    }

    #[test]
    fn an_edited_entry_or_a_cut_tail_opens_the_file_read_only() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("dec.db");
        {
            let mut store = DecStore::open(&path).expect("new");
            store.execute(&setup(), now()).expect("set up");
            for n in 1..=3u8 {
                let command = DecCommand::RegisterStation { station: format!("90{n}"), public_key: format!("{n:02x}").repeat(32), co_signers: Vec::new() };
                store.execute(&command, now()).expect("registered");
            }
        }
        let tamper = |sql: &str| {
            let conn = Connection::open(&path).expect("raw");
            conn.execute_batch(sql).expect("tampered");
        };
        tamper("DROP TRIGGER journal_no_update; UPDATE journal SET payload = replace(payload, '902', '999') WHERE seq = 3;");
        let store = DecStore::open(&path).expect("opens");
        assert_eq!(store.health(), &Health::ReadOnly(Problem::ChainBroken { seq: 3 }));
        assert_eq!(store.head().count, 2, "the verified prefix");
        drop(store);

        let dir = tempfile::tempdir().expect("dir");
        let path2 = dir.path().join("dec.db");
        {
            let mut store = DecStore::open(&path2).expect("new");
            store.execute(&setup(), now()).expect("set up");
            store.execute(&DecCommand::RegisterStation { station: "1".into(), public_key: "01".repeat(32), co_signers: Vec::new() }, now()).expect("ok");
        }
        let conn = Connection::open(&path2).expect("raw");
        conn.execute_batch("DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq = 2;").expect("cut");
        drop(conn);
        let mut store = DecStore::open(&path2).expect("opens");
        assert_eq!(store.health(), &Health::ReadOnly(Problem::HeadMismatch { recorded: 2, found: 1 }));
        let refused = store.execute(&DecCommand::RegisterStation { station: "2".into(), public_key: "02".repeat(32), co_signers: Vec::new() }, now());
        assert!(matches!(refused, Err(StoreError::ReadOnly(_))));
    }

    #[test]
    fn a_station_journal_is_not_a_commission_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("uchastok.db");
        drop(crate::Journal::open(&path).expect("station journal"));
        let store = DecStore::open(&path).expect("opens");
        assert_eq!(store.health(), &Health::ReadOnly(Problem::NotAJournal));
    }
}
