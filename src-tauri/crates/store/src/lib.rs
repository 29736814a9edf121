//! The station's SQLite files: the journal, the append-only, hash-chained file that is
//! the truth of the polling station's day (design.md, "The journal is the truth"), and
//! the voter register ([`register`], a file of its own).
//!
//! Owns: the journal file and its schema (`journal`, `projection`, `settings` tables,
//! migrations), appending [`domain::Event`]s in one transaction with the projection,
//! the hash chain and its verification ([`Journal::open`], [`verify_file`]), the lock
//! that makes a [`Journal`] the only writer, and the non-journal settings (UI language);
//! the voter register's file, import, lookups and key ([`register`] says more).
//! The district commission's file ([`dec`]): its journal of acts and the bundles it took.
//!
//! Must never: update, delete or reorder a journal entry; repair or "fix" a file it
//! found damaged (it opens it read-only and says why in [`Journal::health`]); decide a
//! rule itself (that is [`domain::decide`]); read the clock (time comes in as an
//! argument); panic or `unwrap` on anything read from the file; let a second writer in;
//! write a personal number in plain text anywhere.
//!
//! # The hash chain
//!
//! Entries are numbered `seq` = 1, 2, 3, … without gaps. Entry `seq` stores
//!
//! - `payload`: the event as JSON, exactly the text `serde_json::to_string(&event)` gave
//!   when it was appended (UTF-8). This text is what is hashed; readers must hash the
//!   stored bytes, never a re-serialization;
//! - `kind`: [`domain::Event::kind`], ASCII, e.g. `step-completed`;
//! - `at`: the event's time as RFC 3339 UTC (`2025-11-30T02:00:00Z`), for reading by eye;
//!   not hashed, but must equal the payload's `at` (see [`format_at`]);
//! - `prev_hash`: the `hash` of entry `seq - 1`, or 32 zero bytes for entry 1;
//! - `hash` = SHA-256( `prev_hash` ‖ `seq` as 8 bytes big-endian ‖ `kind` ‖ `payload` ),
//!   where ‖ is plain byte concatenation, no separators or lengths ([`entry_hash`]). The
//!   split between `kind` and `payload` is unambiguous: a kind is `[a-z0-9-]+` and a
//!   payload starts with `{`.
//!
//! The chain's head ([`ChainHead`]) is the number of entries and the last `hash`.
//! Verification walks the entries in `seq` order and reports the first one that is
//! missing ([`Problem::Gap`]), does not link to the one before or does not hash to its
//! `hash`, or whose `kind`/`at` disagree with its payload ([`Problem::ChainBroken`]).
//! The `projection` row, written in the same transaction as every append, records the
//! head (`seq`, `head_hash`) and the state; a chain that ends elsewhere means entries
//! were cut off the end ([`Problem::HeadMismatch`]), a state that differs from the
//! replay through [`domain::apply`] gives [`Problem::ProjectionMismatch`]. Someone who
//! rewrites the whole chain and the projection is caught only by the head fingerprints
//! written into the paper minutes: that is what they are for.
//!
//! # Durability and locking
//!
//! WAL journal mode with `synchronous=FULL` (a commit is on disk when `append` or
//! `execute` returns), every write in a `BEGIN IMMEDIATE` transaction. The write
//! connection sets `PRAGMA locking_mode=EXCLUSIVE` before its first read: in WAL mode
//! that makes SQLite take an exclusive lock on the database file at the first read and
//! hold it until the [`Journal`] is dropped (the WAL index then lives in heap memory, no
//! `-shm` is used). A second process, or a second `Journal` in the same process, gets
//! [`StoreError::Locked`] at [`Journal::open`] (after a short busy timeout), and
//! [`verify_file`] gets [`Problem::InUse`]; nobody can write behind the journal's back.
//! The lock is an OS file lock, so it dies with the process: a crash never leaves the
//! file locked. No lock file is needed.
//!
//! # Opening
//!
//! [`Journal::open`] creates a journal in a missing or empty file (0 bytes, or a database
//! without any table: SQLite cannot tell a file cut to nothing from a new one, the paper
//! fingerprints can), or checks an existing one: the header
//! (`PRAGMA application_id` = `UCHJ`, `PRAGMA user_version` = schema version), `PRAGMA
//! quick_check`, the tables, the whole chain, the projection, the append-only triggers
//! (the first problem found is the one reported, so an edit made after dropping the
//! triggers is reported as the edit).
//! Any problem opens the journal read-only: the connection is switched to `query_only`,
//! checkpoint-on-close is turned off so the file and its WAL are left as found, every
//! write is refused with [`StoreError::ReadOnly`], and [`Journal::state`] /
//! [`Journal::events`] / [`Journal::head`] show the longest prefix of the chain that
//! verified.
//!
//! # Tables
//!
//! `journal(seq, at, kind, payload, prev_hash, hash)` (STRICT; triggers refuse UPDATE
//! and DELETE), `projection(id = 1, seq, head_hash, state)` with the [`domain::DayState`]
//! as JSON, `settings(key, value)` outside the chain.

mod chain;
pub mod dec;
mod problem;
pub mod register;
pub mod schema;
pub mod serials;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::{Command, DayState, Event};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior, params};

pub use chain::{ChainHead, GENESIS_HASH, JournalEntry, entry_hash, format_at};
pub use problem::{Health, Problem, StoreError};
pub use serials::SerialSet;

use chain::{RawRow, SELECT_ROWS};
use problem::{is_busy, problem_from_sqlite};
use schema::FileKind;

/// How long opening waits for another holder of the file to let go before
/// [`StoreError::Locked`].
const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

/// The journal of one polling station: the only writer of its file.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    conn: Connection,
    health: Health,
    state: DayState,
    head: ChainHead,
}

/// Opens (or creates) a journal file for its one writer: exclusive locking set before
/// any read of the file (see "Durability and locking" above), defensive mode on. Shared
/// by the station's journal and the district commission's file.
pub(crate) fn open_exclusive(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.pragma_update_and_check(None, "locking_mode", "EXCLUSIVE", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("exclusive") {
        return Err(StoreError::Unsupported(format!("locking_mode={mode}")));
    }
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    Ok(conn)
}

impl Journal {
    /// Opens or creates. Runs `PRAGMA quick_check` and verifies the chain. Never panics
    /// and never repairs: on a damaged file or broken chain it opens READ-ONLY and
    /// [`Journal::health`] says why. Errors only when the file cannot be opened at all,
    /// is locked by another program ([`StoreError::Locked`]), or a new file cannot be
    /// set up.
    pub fn open(path: &Path) -> Result<Journal, StoreError> {
        let mut conn = open_exclusive(path)?;

        let read_only = |conn, problem, verified: Option<chain::Verified>| {
            let (head, state) = verified.map(|v| (v.head, v.state)).unwrap_or_default();
            Ok(Journal::read_only(path, conn, problem, head, state))
        };
        // From here on an error from SQLite may come from the file's content: it makes
        // the journal read-only rather than failing the opening.
        let kind = match conn.pragma_update(None, "trusted_schema", false).and_then(|()| schema::classify(&conn)) {
            Ok(kind) => kind,
            Err(error) if is_busy(&error) => return Err(StoreError::Locked),
            Err(error) => return read_only(conn, problem_from_sqlite(&error), None),
        };
        let (version, verified) = match kind {
            FileKind::Empty => (0, None),
            FileKind::Foreign => return read_only(conn, Problem::NotAJournal, None),
            FileKind::Newer { version } => {
                let problem = Problem::NewerSchema { found: version, supported: schema::SCHEMA_VERSION };
                return read_only(conn, problem, None);
            }
            FileKind::Journal { version } => {
                let mut verified = chain::verify(&conn, chain::Check::Quick);
                match verified.problem.take() {
                    Some(Problem::InUse) => return Err(StoreError::Locked),
                    Some(problem) => return read_only(conn, problem, Some(verified)),
                    None => (version, Some(verified)),
                }
            }
        };
        conn.pragma_update(None, "synchronous", "FULL")?;
        let journal_mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
        if !journal_mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Unsupported(format!("journal_mode={journal_mode}")));
        }
        schema::migrate(&mut conn, version)?;
        let (head, state) = verified.map(|v| (v.head, v.state)).unwrap_or_default();
        Ok(Journal { path: path.to_owned(), conn, health: Health::Ok, state, head })
    }

    fn read_only(path: &Path, conn: Connection, problem: Problem, head: ChainHead, state: DayState) -> Journal {
        let mut journal = Journal { path: path.to_owned(), conn, health: Health::Ok, state, head };
        journal.turn_read_only(problem);
        journal
    }

    /// From now on nothing is written, not even a checkpoint when the file is closed.
    fn turn_read_only(&mut self, problem: Problem) {
        // Best effort: the journal's own checks refuse every write anyway.
        let _ = self.conn.pragma_update(None, "query_only", true);
        let _ = self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true);
        self.health = Health::ReadOnly(problem);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// [`Health::Ok`], or [`Health::ReadOnly`] with the problem found.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// The state of the day: the replay of [`Journal::events`], kept in memory and
    /// updated after each commit.
    pub fn state(&self) -> &DayState {
        &self.state
    }

    /// The number of entries and the hash of the last one (of the verified prefix when
    /// read-only).
    pub fn head(&self) -> ChainHead {
        self.head
    }

    fn writable(&self) -> Result<(), StoreError> {
        self.health.writable()
    }

    /// [`domain::decide`] + append in ONE immediate transaction; a refused command
    /// records nothing. Returns the events recorded.
    pub fn execute(&mut self, command: &Command, now: DateTime<Utc>) -> Result<Vec<Event>, StoreError> {
        self.writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // A refusal drops `tx`, which rolls it back.
        let events = domain::decide(&self.state, command, now).map_err(StoreError::Refused)?;
        let written = write(&tx, &self.head, &self.state, &events).and_then(|written| {
            tx.commit()?;
            Ok(written)
        });
        let (head, state, _) = self.after_write(written)?;
        self.head = head;
        self.state = state;
        Ok(events)
    }

    /// Appends events as they are, without [`domain::decide`], in one immediate
    /// transaction with the projection. Returns their `seq`s. For tests and tools; the
    /// app records acts through [`Journal::execute`].
    pub fn append(&mut self, events: &[Event]) -> Result<Vec<u64>, StoreError> {
        self.writable()?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let written = write(&tx, &self.head, &self.state, events).and_then(|written| {
            tx.commit()?;
            Ok(written)
        });
        let (head, state, seqs) = self.after_write(written)?;
        self.head = head;
        self.state = state;
        Ok(seqs)
    }

    /// A write that found the file changed behind our back makes the journal read-only.
    fn after_write<T>(&mut self, result: Result<T, StoreError>) -> Result<T, StoreError> {
        if let Err(StoreError::Corrupt(problem)) = &result {
            self.turn_read_only(problem.clone());
        }
        result
    }

    /// The events [`Journal::state`] reflects, in order (the verified prefix when
    /// read-only).
    pub fn events(&self) -> Result<Vec<Event>, StoreError> {
        let count = to_sql_seq(self.head.count)?;
        let mut statement = self.conn.prepare("SELECT seq, payload FROM journal WHERE seq <= ?1 ORDER BY seq")?;
        let mut rows = statement.query([count])?;
        let mut events = Vec::new();
        while let Some(row) = rows.next()? {
            let seq = row.get_ref(0)?.as_i64().ok().and_then(|seq| u64::try_from(seq).ok()).unwrap_or(0);
            let payload = match row.get_ref(1)? {
                rusqlite::types::ValueRef::Text(bytes) => bytes,
                _ => return Err(StoreError::Corrupt(Problem::ChainBroken { seq })),
            };
            let event = serde_json::from_slice(payload)
                .map_err(|error| StoreError::Corrupt(Problem::UnreadableEvent { seq, detail: error.to_string() }))?;
            events.push(event);
        }
        Ok(events)
    }

    /// Every row of the journal table as stored, in `seq` order, verified or not.
    pub fn entries(&self) -> Result<Vec<JournalEntry>, StoreError> {
        let mut statement = self.conn.prepare(&format!("{SELECT_ROWS} ORDER BY seq"))?;
        let mut rows = statement.query([])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            let seq = row.get_ref(0)?.as_i64().ok().and_then(|seq| u64::try_from(seq).ok()).unwrap_or(0);
            let entry =
                RawRow::read(row)?.and_then(RawRow::entry).ok_or(StoreError::Corrupt(Problem::ChainBroken { seq }))?;
            entries.push(entry);
        }
        Ok(entries)
    }

    /// Writes a consistent copy of the journal file to `path` (which must not exist yet),
    /// e.g. on a USB drive after a power cut or at a checkpoint, and says which head it
    /// holds. The copy is a journal like the original: `verify_file` checks it.
    pub fn backup_to(&self, path: &Path) -> Result<ChainHead, StoreError> {
        if path.exists() {
            return Err(StoreError::Unsupported(format!("{} exists already", path.display())));
        }
        let target = path.to_str().ok_or_else(|| StoreError::Unsupported("a path that is not UTF-8".into()))?;
        self.conn.execute("VACUUM INTO ?1", [target])?;
        Ok(self.head())
    }

    /// A setting outside the journal (e.g. the UI language).
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            Ok(row.get_ref(0)?.as_str().ok().map(str::to_owned))
        });
        match value {
            Ok(value) => Ok(value),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Stores a setting; refused when the journal is read-only (nothing is written to a
    /// damaged file).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

fn to_sql_seq(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Unsupported(format!("entry number {seq} is too large")))
}

fn encode(error: serde_json::Error) -> StoreError {
    StoreError::Encode(error.to_string())
}

/// Inside an open immediate transaction: checks the file still ends where this process
/// left it, inserts the entries and updates the projection. Returns the new head, the
/// new state and the entries' `seq`s; the caller commits.
fn write(
    tx: &Transaction<'_>,
    head: &ChainHead,
    state: &DayState,
    events: &[Event],
) -> Result<(ChainHead, DayState, Vec<u64>), StoreError> {
    let last = tx.query_row("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1", [], |row| {
        Ok((row.get_ref(0)?.as_i64().ok(), row.get_ref(1)?.as_blob().ok().map(<[u8]>::to_vec)))
    });
    let (found_seq, found_hash) = match last {
        Ok((seq, hash)) => (seq.and_then(|seq| u64::try_from(seq).ok()), hash),
        Err(rusqlite::Error::QueryReturnedNoRows) => (Some(0), Some(GENESIS_HASH.to_vec())),
        Err(error) => return Err(error.into()),
    };
    if found_seq != Some(head.count) || found_hash.as_deref() != Some(head.hash.as_slice()) {
        let found = found_seq.unwrap_or(0);
        return Err(StoreError::Corrupt(Problem::HeadMismatch { recorded: head.count, found }));
    }

    let mut head = *head;
    let mut state = state.clone();
    let mut seqs = Vec::with_capacity(events.len());
    let mut insert = tx.prepare_cached(
        "INSERT INTO journal (seq, at, kind, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for event in events {
        let seq = head.count + 1;
        let kind = event.kind();
        let payload = serde_json::to_string(event).map_err(encode)?;
        let hash = entry_hash(&head.hash, seq, kind.as_bytes(), payload.as_bytes());
        insert.execute(params![
            to_sql_seq(seq)?,
            format_at(event.at()),
            kind,
            payload,
            head.hash.as_slice(),
            hash.as_slice()
        ])?;
        state = domain::apply(state, event);
        head = ChainHead { count: seq, hash };
        seqs.push(seq);
    }
    let state_json = serde_json::to_string(&state).map_err(encode)?;
    let changed = tx.execute(
        "UPDATE projection SET seq = ?1, head_hash = ?2, state = ?3 WHERE id = 1",
        params![to_sql_seq(head.count)?, head.hash.as_slice(), state_json],
    )?;
    if changed != 1 {
        return Err(StoreError::Corrupt(Problem::ProjectionMismatch { seq: head.count }));
    }
    Ok((head, state, seqs))
}

/// Verifies a journal file without opening it for writing (for `uchastok journal verify
/// DB`): the same checks as [`Journal::open`] but with the full `PRAGMA
/// integrity_check`, through a read-only connection (SQLite may create the `-shm` file
/// beside a WAL-mode database; the database and its WAL are not written). Returns
/// the head of a sound journal, or the first problem. A journal held open by the app
/// gives [`Problem::InUse`].
pub fn verify_file(path: &Path) -> Result<ChainHead, Problem> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|error| problem_from_sqlite(&error))?;
    let setup = || -> rusqlite::Result<()> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "trusted_schema", false)?;
        conn.pragma_update(None, "query_only", true)
    };
    setup().map_err(|error| problem_from_sqlite(&error))?;
    match schema::classify(&conn).map_err(|error| problem_from_sqlite(&error))? {
        FileKind::Empty | FileKind::Foreign => Err(Problem::NotAJournal),
        FileKind::Newer { version } => Err(Problem::NewerSchema { found: version, supported: schema::SCHEMA_VERSION }),
        FileKind::Journal { .. } => {
            let verified = chain::verify(&conn, chain::Check::Full);
            match verified.problem {
                Some(problem) => Err(problem),
                None => Ok(verified.head),
            }
        }
    }
}

#[cfg(test)]
mod tests;
