//! The register file's schema, how a new one is set up for an import, and how an
//! existing one is recognised when opened.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, params};

use super::error::RegisterError;
use super::import::ImportReport;
use super::key::RegisterKey;

/// `PRAGMA application_id` of a register: `UCHR`.
pub const APPLICATION_ID: i64 = 0x5543_4852;
/// `PRAGMA user_version` this build writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

/// Dates are `yyyymmdd` integers; the voter key is the 32-byte HMAC. `voters` is a
/// clustered B-tree on the key (`WITHOUT ROWID`): a lookup is one descent.
const SCHEMA: &str = "
CREATE TABLE meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key_check BLOB NOT NULL,
    voters INTEGER NOT NULL,
    rows_read INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    source_sha256 TEXT NOT NULL
) STRICT;
CREATE TABLE voters (
    voter_key BLOB PRIMARY KEY NOT NULL,
    surname TEXT NOT NULL,
    given_names TEXT NOT NULL,
    patronymic TEXT NOT NULL,
    birth_date INTEGER NOT NULL,
    district TEXT NOT NULL,
    station TEXT NOT NULL,
    registered_on INTEGER NOT NULL,
    has_photo INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE stations (
    station TEXT PRIMARY KEY NOT NULL,
    voters INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    voter_key BLOB NOT NULL UNIQUE,
    format TEXT NOT NULL,
    bytes BLOB NOT NULL
) STRICT;
CREATE TEMP TABLE staging (
    line INTEGER PRIMARY KEY,
    voter_key BLOB NOT NULL,
    surname TEXT NOT NULL,
    given_names TEXT NOT NULL,
    patronymic TEXT NOT NULL,
    birth_date INTEGER NOT NULL,
    district TEXT NOT NULL,
    station TEXT NOT NULL,
    registered_on INTEGER NOT NULL,
    has_photo INTEGER NOT NULL
);
CREATE TEMP TABLE staging_photos (
    line INTEGER PRIMARY KEY,
    format TEXT NOT NULL,
    bytes BLOB NOT NULL
);
";

/// A new file for an import: no rollback journal and no syncing while it is built (it
/// is private until renamed into place, and deleted on any failure), one exclusive
/// connection, 64 MiB of page cache (also the sorter's memory before it spills to
/// temporary files).
pub fn create_for_import(path: &Path) -> Result<Connection, RegisterError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    conn.execute_batch("BEGIN;")?;
    conn.execute_batch(SCHEMA)?;
    Ok(conn)
}

/// The end of an import: staging dropped, voters per station and `meta` written, commit.
pub fn finish_import(
    conn: &Connection,
    key: &RegisterKey,
    report: &ImportReport,
    stations: &BTreeMap<String, u64>,
) -> Result<(), RegisterError> {
    conn.execute_batch("DROP TABLE temp.staging; DROP TABLE temp.staging_photos;")?;
    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    {
        let mut insert = conn.prepare("INSERT INTO stations (station, voters) VALUES (?1, ?2)")?;
        for (station, voters) in stations {
            insert.execute(params![station, count(*voters)])?;
        }
    }
    conn.execute(
        "INSERT INTO meta (id, key_check, voters, rows_read, rejected, source_sha256) VALUES (1, ?1, ?2, ?3, ?4, ?5)",
        params![key.check_value(), count(report.imported), count(report.rows_read), count(report.rejected), report.source_sha256],
    )?;
    conn.execute_batch("COMMIT;")?;
    Ok(())
}

/// Opens an existing register for reading and checks that it is one.
pub fn open_read_only(path: &Path) -> Result<Connection, RegisterError> {
    let shown = || path.display().to_string();
    if !path.exists() {
        return Err(RegisterError::Missing { path: shown() });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    let not_a_register = |error: rusqlite::Error| match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => RegisterError::NotARegister { path: shown() },
        _ => RegisterError::Sqlite(error),
    };
    conn.pragma_update(None, "query_only", true).map_err(not_a_register)?;
    tune_for_lookups(&conn).map_err(not_a_register)?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(not_a_register)?;
    if application_id != APPLICATION_ID {
        return Err(RegisterError::NotARegister { path: shown() });
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(not_a_register)?;
    if version > SCHEMA_VERSION {
        return Err(RegisterError::NewerSchema { found: version, supported: SCHEMA_VERSION });
    }
    if version < 1 {
        return Err(RegisterError::NotARegister { path: shown() });
    }
    Ok(conn)
}

/// Settings of a connection that only looks voters up: 32 MiB of page cache, enough to
/// keep every interior page of a national register's B-tree (about 16 MiB for 4.3
/// million voters: a `WITHOUT ROWID` table keeps whole rows in its interior pages too),
/// so that a lookup reads at most its leaf page.
pub fn tune_for_lookups(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "cache_size", -32_768)
}
