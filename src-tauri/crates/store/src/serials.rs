//! The set of ballot serials a remote-voting station printed (R4.2 step 6, R4.4), kept
//! apart from the journal so that nothing can link a voter to a ballot (R1.4).
//!
//! The journal records *that* a ballot of a contest was printed, next to the voter's
//! identification; the serial goes here, into its own SQLite file, which holds nothing
//! but the serials: no voter, no time, no insertion order (a `WITHOUT ROWID` table is
//! stored in the order of the serial, which is random). The file uses a rollback journal
//! with `secure_delete`, not WAL: after each commit the rollback journal is deleted and
//! no trace of the order of inserts stays on disk, as it would in WAL frames.
//!
//! The serial is inserted *before* the ballot is printed: a crash in between leaves a
//! serial that no ballot carries, which is harmless (the set is "printed ⊆ set"); the
//! journal, not this set, counts ballots.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::problem::StoreError;

/// The serials printed at this station.
#[derive(Debug)]
pub struct SerialSet {
    conn: Connection,
}

impl SerialSet {
    /// Opens or creates the set's file.
    pub fn open(path: &Path) -> Result<SerialSet, StoreError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "secure_delete", true)?;
        conn.execute_batch("CREATE TABLE IF NOT EXISTS printed (serial BLOB PRIMARY KEY) WITHOUT ROWID, STRICT;")?;
        Ok(SerialSet { conn })
    }

    /// Adds a serial; `false` when it was already there (a serial is never reused).
    pub fn insert(&self, serial: &[u8]) -> Result<bool, StoreError> {
        let added = self.conn.execute("INSERT OR IGNORE INTO printed (serial) VALUES (?1)", params![serial])?;
        Ok(added == 1)
    }

    pub fn contains(&self, serial: &[u8]) -> Result<bool, StoreError> {
        let found: Option<i64> =
            self.conn.query_row("SELECT 1 FROM printed WHERE serial = ?1", params![serial], |row| row.get(0)).optional()?;
        Ok(found.is_some())
    }

    pub fn len(&self) -> Result<u64, StoreError> {
        let count: i64 = self.conn.query_row("SELECT count(*) FROM printed", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.len()? == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_kept_once_and_in_no_order_of_insertion() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ballots.db");
        let set = SerialSet::open(&path).expect("open");
        let serials: Vec<[u8; 8]> = vec![[9; 8], [1; 8], [5; 8]];
        for serial in &serials {
            assert!(set.insert(serial).expect("insert"));
        }
        assert!(!set.insert(&serials[0]).expect("again"), "a serial is kept once");
        assert!(set.contains(&[5; 8]).expect("lookup"));
        assert!(!set.contains(&[2; 8]).expect("lookup"));
        assert_eq!(set.len().expect("len"), 3);
        // The table has no rowid and no other column: reading it back gives the serials
        // sorted by value, whatever order they came in.
        let stored: Vec<Vec<u8>> = set
            .conn
            .prepare("SELECT * FROM printed")
            .and_then(|mut statement| statement.query_map([], |row| row.get(0))?.collect())
            .expect("read");
        assert_eq!(stored, vec![vec![1; 8], vec![5; 8], vec![9; 8]]);
        drop(set);
        assert!(!dir.path().join("ballots.db-journal").exists(), "no rollback journal left behind");
        assert!(!dir.path().join("ballots.db-wal").exists(), "not in WAL mode");
        assert_eq!(SerialSet::open(&path).expect("reopen").len().expect("len"), 3);
    }
}
