//! The hash chain: the formula, the head, and the verification of a file's rows, shared
//! by [`crate::Journal::open`] and [`crate::verify_file`].

use chrono::{DateTime, Utc};
use domain::{DayState, Event};
use rusqlite::Connection;
use rusqlite::types::ValueRef;

use crate::problem::{Problem, problem_from_sqlite};
use crate::schema;

// The chain's arithmetic is `domain::chain`, shared with the bundle's verifier.
pub use domain::chain::{ChainHead, GENESIS_HASH, entry_hash, format_at};

/// One row of the journal table, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    pub seq: u64,
    pub at: DateTime<Utc>,
    pub kind: String,
    /// The exact JSON text that was hashed.
    pub payload: String,
    pub prev_hash: [u8; 32],
    pub hash: [u8; 32],
}

impl JournalEntry {
    pub fn event(&self) -> Result<Event, serde_json::Error> {
        serde_json::from_str(&self.payload)
    }

    /// The hash this entry should carry, recomputed from its fields.
    pub fn computed_hash(&self) -> [u8; 32] {
        entry_hash(&self.prev_hash, self.seq, self.kind.as_bytes(), self.payload.as_bytes())
    }
}

/// One row read without trusting it: every column as raw bytes, types checked.
pub(crate) struct RawRow {
    pub seq: i64,
    pub at: Vec<u8>,
    pub kind: Vec<u8>,
    pub payload: Vec<u8>,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

pub(crate) const SELECT_ROWS: &str = "SELECT seq, at, kind, payload, prev_hash, hash FROM journal";

fn bytes(value: ValueRef<'_>) -> Option<Vec<u8>> {
    match value {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => Some(bytes.to_vec()),
        _ => None,
    }
}

impl RawRow {
    /// `Ok(None)`: the row's columns have types the journal never writes.
    pub(crate) fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Option<RawRow>> {
        let ValueRef::Integer(seq) = row.get_ref(0)? else { return Ok(None) };
        let fields = (
            bytes(row.get_ref(1)?),
            bytes(row.get_ref(2)?),
            bytes(row.get_ref(3)?),
            bytes(row.get_ref(4)?),
            bytes(row.get_ref(5)?),
        );
        let (Some(at), Some(kind), Some(payload), Some(prev_hash), Some(hash)) = fields else {
            return Ok(None);
        };
        Ok(Some(RawRow { seq, at, kind, payload, prev_hash, hash }))
    }

    /// The entry as the API shows it; `None` if a column is not what the journal writes.
    pub(crate) fn entry(self) -> Option<JournalEntry> {
        Some(JournalEntry {
            seq: u64::try_from(self.seq).ok()?,
            at: std::str::from_utf8(&self.at).ok()?.parse().ok()?,
            kind: String::from_utf8(self.kind).ok()?,
            payload: String::from_utf8(self.payload).ok()?,
            prev_hash: self.prev_hash.try_into().ok()?,
            hash: self.hash.try_into().ok()?,
        })
    }
}

/// The result of checking a journal file's rows: the longest prefix that verified, its
/// state, and the first problem after it (if any).
#[derive(Debug, Clone)]
pub(crate) struct Verified {
    pub head: ChainHead,
    pub state: DayState,
    pub problem: Option<Problem>,
}

impl Verified {
    fn failed(problem: Problem) -> Verified {
        Verified { head: ChainHead::GENESIS, state: DayState::default(), problem: Some(problem) }
    }
}

/// How thoroughly SQLite checks the file: `quick_check` at every opening,
/// `integrity_check` (also compares indexes with their tables) when verifying a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Check {
    Quick,
    Full,
}

/// Checks an existing journal of our schema: SQLite's own check, the tables, every
/// entry of the chain, the recorded head and the projection, the append-only triggers;
/// the first problem wins. Reads only.
pub(crate) fn verify(conn: &Connection, check: Check) -> Verified {
    if let Err(problem) = sqlite_check(conn, check) {
        return Verified::failed(problem);
    }
    if let Err(problem) = schema::check_tables(conn) {
        return Verified::failed(problem);
    }
    let mut verified = match verify_rows(conn) {
        Ok(verified) => verified,
        Err(error) => return Verified::failed(problem_from_sqlite(&error)),
    };
    if verified.problem.is_none() {
        verified.problem = match check_projection(conn, &verified) {
            Ok(problem) => problem,
            Err(error) => Some(problem_from_sqlite(&error)),
        };
    }
    if verified.problem.is_none() {
        verified.problem = schema::check_triggers(conn).err();
    }
    verified
}

fn sqlite_check(conn: &Connection, check: Check) -> Result<(), Problem> {
    let sql = match check {
        Check::Quick => "PRAGMA quick_check(20)",
        Check::Full => "PRAGMA integrity_check(20)",
    };
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut statement = conn.prepare(sql)?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(()),
        Ok(lines) => {
            let mut detail = lines.join("; ");
            if detail.len() > 300 {
                let mut cut = 300;
                while !detail.is_char_boundary(cut) {
                    cut -= 1;
                }
                detail.truncate(cut);
                detail.push('…');
            }
            Err(Problem::Damaged { detail })
        }
        Err(error) => Err(problem_from_sqlite(&error)),
    }
}

/// Walks the chain from entry 1. SQLite errors are returned as such (the caller turns
/// them into a problem); a bad row ends the walk with the problem set.
fn verify_rows(conn: &Connection) -> rusqlite::Result<Verified> {
    let mut statement = conn.prepare(&format!("{SELECT_ROWS} ORDER BY seq"))?;
    let mut rows = statement.query([])?;
    let mut head = ChainHead::GENESIS;
    let mut state = DayState::default();
    while let Some(row) = rows.next()? {
        let expected = head.count + 1;
        match check_row(RawRow::read(row)?, &head, expected) {
            Ok((hash, event)) => {
                state = domain::apply(state, &event);
                head = ChainHead { count: expected, hash };
            }
            Err(problem) => return Ok(Verified { head, state, problem: Some(problem) }),
        }
    }
    Ok(Verified { head, state, problem: None })
}

/// Checks that a row is entry `expected`, links to `head` and hashes right; returns its
/// hash and event.
fn check_row(row: Option<RawRow>, head: &ChainHead, expected: u64) -> Result<([u8; 32], Event), Problem> {
    let broken = Problem::ChainBroken { seq: expected };
    let row = row.ok_or_else(|| broken.clone())?;
    let seq = u64::try_from(row.seq).map_err(|_| broken.clone())?;
    if seq > expected {
        return Err(Problem::Gap { seq: expected });
    }
    if seq != expected {
        return Err(broken);
    }
    if row.prev_hash.as_slice() != head.hash.as_slice() {
        return Err(broken);
    }
    let hash = entry_hash(&head.hash, seq, &row.kind, &row.payload);
    if row.hash.as_slice() != hash.as_slice() {
        return Err(broken);
    }
    // The hash is right: from here on the row is what was written, unless written by
    // a build that knows events this one does not.
    let event: Event = serde_json::from_slice(&row.payload)
        .map_err(|error| Problem::UnreadableEvent { seq, detail: error.to_string() })?;
    // `kind` is hashed, `at` is not: both must agree with the payload.
    if row.kind != event.kind().as_bytes() || row.at != format_at(event.at()).as_bytes() {
        return Err(broken);
    }
    Ok((hash, event))
}

/// The projection row must name the chain's head and hold the replayed state.
fn check_projection(conn: &Connection, verified: &Verified) -> rusqlite::Result<Option<Problem>> {
    let found = verified.head.count;
    let recorded = conn.query_row("SELECT seq, head_hash, state FROM projection WHERE id = 1", [], |row| {
        Ok((row.get_ref(0)?.as_i64().ok(), bytes(row.get_ref(1)?), bytes(row.get_ref(2)?)))
    });
    let (seq, head_hash, state) = match recorded {
        Ok(columns) => columns,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(Some(Problem::ProjectionMismatch { seq: found })),
        Err(error) => return Err(error),
    };
    let Some(recorded) = seq.and_then(|seq| u64::try_from(seq).ok()) else {
        return Ok(Some(Problem::ProjectionMismatch { seq: found }));
    };
    if recorded != found || head_hash.as_deref() != Some(verified.head.hash.as_slice()) {
        return Ok(Some(Problem::HeadMismatch { recorded, found }));
    }
    let stored: Option<DayState> = state.and_then(|json| serde_json::from_slice(&json).ok());
    if stored.as_ref() != Some(&verified.state) {
        return Ok(Some(Problem::ProjectionMismatch { seq: found }));
    }
    Ok(None)
}
