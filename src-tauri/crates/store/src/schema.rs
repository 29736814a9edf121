//! The file's schema: how a journal file is recognised (`PRAGMA application_id`), its
//! version (`PRAGMA user_version`) and the migrations that bring an older file up to
//! [`SCHEMA_VERSION`].
//!
//! To change the schema: add a [`Migration`] with the next version to [`MIGRATIONS`] and
//! raise [`SCHEMA_VERSION`]. A migration may add tables, columns, indexes; it never
//! rewrites, reorders or deletes journal rows, and never changes what is hashed.

use domain::DayState;
use rusqlite::{Connection, Transaction, params};

use crate::chain::GENESIS_HASH;
use crate::problem::{Problem, StoreError, problem_from_sqlite};

/// `PRAGMA application_id` of a journal file: ASCII `UCHJ`.
pub const APPLICATION_ID: i32 = 0x5543_484A;

/// The schema this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The triggers that keep the journal table append-only.
pub(crate) const TRIGGERS: [&str; 2] = ["journal_no_update", "journal_no_delete"];

/// One step of the schema's history: brings a file at `version - 1` to `version`.
pub struct Migration {
    pub version: u32,
    pub apply: fn(&Transaction<'_>) -> Result<(), StoreError>,
}

/// Every migration, in order. A new file runs them all.
pub const MIGRATIONS: &[Migration] = &[Migration { version: 1, apply: create_v1 }];

/// The hash-chained, append-only journal table: the same in a station's file and a
/// district commission's, so that both are verified by the same chain arithmetic.
pub(crate) const JOURNAL_TABLE: &str = "
CREATE TABLE journal (
    seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    payload   TEXT NOT NULL,
    prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash      BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: an entry is never updated'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only: an entry is never deleted'); END;
";

const SCHEMA_V1: &str = "
CREATE TABLE projection (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    seq       INTEGER NOT NULL,
    head_hash BLOB NOT NULL,
    state     TEXT NOT NULL
) STRICT;
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
";

fn create_v1(tx: &Transaction<'_>) -> Result<(), StoreError> {
    tx.execute_batch(JOURNAL_TABLE)?;
    tx.execute_batch(SCHEMA_V1)?;
    let state = serde_json::to_string(&DayState::default()).map_err(|e| StoreError::Encode(e.to_string()))?;
    tx.execute(
        "INSERT INTO projection (id, seq, head_hash, state) VALUES (1, 0, ?1, ?2)",
        params![GENESIS_HASH.as_slice(), state],
    )?;
    Ok(())
}

/// What a file is, from its header and schema, before any check of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// An empty database (a new or zero-length file): becomes a journal.
    Empty,
    /// An uchastok journal at this schema version (it may be older than ours).
    Journal { version: u32 },
    /// An uchastok journal written by a newer build.
    Newer { version: u32 },
    /// Anything else SQLite can read.
    Foreign,
}

/// Reads the header. The first read of the file: it takes SQLite's lock.
pub(crate) fn classify(conn: &Connection) -> rusqlite::Result<FileKind> {
    let application_id: i32 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let version = u32::try_from(version).ok();
    Ok(match (application_id, version) {
        (0, Some(0)) if objects == 0 => FileKind::Empty,
        (APPLICATION_ID, Some(version)) if (1..=SCHEMA_VERSION).contains(&version) => FileKind::Journal { version },
        (APPLICATION_ID, Some(version)) if version > SCHEMA_VERSION => FileKind::Newer { version },
        _ => FileKind::Foreign,
    })
}

fn count_objects(conn: &Connection, kind: &str, names: &[&str]) -> Result<usize, Problem> {
    let run = || -> rusqlite::Result<usize> {
        let mut statement = conn.prepare("SELECT count(*) FROM sqlite_schema WHERE type = ?1 AND name = ?2")?;
        let mut found = 0;
        for name in names {
            let n: i64 = statement.query_row(params![kind, name], |row| row.get(0))?;
            found += usize::from(n == 1);
        }
        Ok(found)
    };
    run().map_err(|error| problem_from_sqlite(&error))
}

/// The journal's tables are there.
pub(crate) fn check_tables(conn: &Connection) -> Result<(), Problem> {
    let tables = ["journal", "projection", "settings"];
    if count_objects(conn, "table", &tables)? == tables.len() {
        Ok(())
    } else {
        Err(Problem::Damaged { detail: "a table of the journal is missing".to_owned() })
    }
}

/// The append-only triggers are there: their absence means someone removed them to
/// edit the journal. Checked after the chain, so that an edit is reported as such.
pub(crate) fn check_triggers(conn: &Connection) -> Result<(), Problem> {
    if count_objects(conn, "trigger", &TRIGGERS)? == TRIGGERS.len() {
        Ok(())
    } else {
        Err(Problem::Damaged { detail: "the triggers that keep the journal append-only are missing".to_owned() })
    }
}

/// Runs the migrations after `from`, in one immediate transaction, and records the new
/// version. On a new file also sets the application id.
pub(crate) fn migrate(conn: &mut Connection, from: u32) -> Result<(), StoreError> {
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > from) {
        (migration.apply)(&tx)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
