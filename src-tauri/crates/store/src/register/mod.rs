//! The voter register: who may be identified at this station, keyed by the keyed hash
//! of the personal number (design.md, "Secrecy of the vote and personal data").
//!
//! Owns: the register's own SQLite file (`register.db`, path chosen by the caller), its
//! import from the CSV format of `docs/voter-register.md` ([`import`]), the lookups
//! identification needs ([`Register::find`], [`Register::count`],
//! [`Register::count_at_station`], [`Register::photo`]), the station's register key
//! ([`RegisterKey`], a file of its own) and the synthetic register generator
//! ([`generate`]) used by the demo, the tests and the benchmark.
//!
//! Must never: write a personal number in plain text anywhere (the database, a
//! temporary file, a message, a log) — only [`VoterKey`] = HMAC-SHA256(station key,
//! personal number) is stored, and the key is never in the database; judge eligibility
//! (that is the domain's: this module only gives the facts); replace a register with a
//! half-imported one (an import builds a new file and renames it into place).

mod error;
mod generate;
mod import;
mod key;
mod names;
mod png;
mod row;
mod schema;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

pub use error::RegisterError;
pub use generate::{GenerateOptions, GenerateScope, GenerateSummary, SyntheticVoter, generate, synthetic_voters};
pub use import::{DEFAULT_MAX_PHOTO_BYTES, ImportOptions, ImportProgress, ImportReport, ImportStage, RowProblem, import};
pub use key::{RegisterKey, VoterKey, load_or_create_secret};
pub use row::{Column, is_personal_number};
pub use schema::tune_for_lookups;

/// One voter of the register: the facts identification needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegisterEntry {
    /// How the journal names this voter.
    pub voter_key: VoterKey,
    pub surname: String,
    pub given_names: String,
    /// Empty when the voter has none.
    pub patronymic: String,
    pub birth_date: NaiveDate,
    /// The contest id of the voter's district.
    pub district: String,
    /// The number of the station where the voter is registered.
    pub station: String,
    /// Since when the voter is registered at that address (R3.1).
    pub registered_on: NaiveDate,
    pub has_photo: bool,
}

/// The kind of a photo's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PhotoFormat {
    Jpeg,
    Png,
}

impl PhotoFormat {
    /// By the file's signature.
    pub fn sniff(bytes: &[u8]) -> Option<PhotoFormat> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(PhotoFormat::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(PhotoFormat::Png)
        } else {
            None
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "image/jpeg",
            PhotoFormat::Png => "image/png",
        }
    }

    fn name(self) -> &'static str {
        match self {
            PhotoFormat::Jpeg => "jpeg",
            PhotoFormat::Png => "png",
        }
    }

    fn from_name(name: &str) -> Option<PhotoFormat> {
        match name {
            "jpeg" => Some(PhotoFormat::Jpeg),
            "png" => Some(PhotoFormat::Png),
            _ => None,
        }
    }
}

/// A voter's photo as imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub format: PhotoFormat,
    pub bytes: Vec<u8>,
}

/// An imported register, open for reading. A new import replaces the file; a `Register`
/// opened before keeps reading the old one until it is opened again.
#[derive(Debug)]
pub struct Register {
    conn: Connection,
    count: u64,
    key_check: Vec<u8>,
    source_sha256: String,
}

impl Register {
    /// Opens the register at `path` read-only.
    pub fn open(path: &Path) -> Result<Register, RegisterError> {
        let conn = schema::open_read_only(path)?;
        let meta = conn
            .query_row("SELECT voters, key_check, source_sha256 FROM meta WHERE id = 1", [], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, Vec<u8>>(1)?, row.get::<_, String>(2)?))
            })
            .optional()?;
        let Some((count, key_check, source_sha256)) = meta else {
            return Err(RegisterError::NotARegister { path: path.display().to_string() });
        };
        Ok(Register { conn, count: u64::try_from(count).unwrap_or(0), key_check, source_sha256 })
    }

    /// Whether the register was imported with `key`. With another key every
    /// [`Register::find`] finds nothing; the app says so once instead.
    pub fn key_matches(&self, key: &RegisterKey) -> bool {
        // Not secret-dependent timing worth guarding: the check value is no secret.
        key.check_value() == self.key_check
    }

    /// The voter with this personal number: hashed with `key`, then one B-tree descent.
    pub fn find(&self, key: &RegisterKey, personal_number: &str) -> Result<Option<RegisterEntry>, RegisterError> {
        self.entry(&key.voter_key(personal_number))
    }

    /// The voter with this voter key.
    pub fn entry(&self, voter_key: &VoterKey) -> Result<Option<RegisterEntry>, RegisterError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT surname, given_names, patronymic, birth_date, district, station, registered_on, has_photo
             FROM voters WHERE voter_key = ?1",
        )?;
        let found = statement
            .query_row([voter_key.as_bytes()], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, i64>(6)?,
                    row.get::<_, bool>(7)?,
                ))
            })
            .optional()?;
        let Some((surname, given_names, patronymic, birth, district, station, registered, has_photo)) = found else {
            return Ok(None);
        };
        let date = |value: i64, column: usize| {
            row::date_from_number(value).ok_or(RegisterError::Sqlite(rusqlite::Error::IntegralValueOutOfRange(column, value)))
        };
        Ok(Some(RegisterEntry {
            voter_key: *voter_key,
            surname,
            given_names,
            patronymic,
            birth_date: date(birth, 3)?,
            district,
            station,
            registered_on: date(registered, 6)?,
            has_photo,
        }))
    }

    /// Voters in the register.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Voters registered at station `number` (counted at import).
    pub fn count_at_station(&self, number: &str) -> Result<u64, RegisterError> {
        let mut statement = self.conn.prepare_cached("SELECT voters FROM stations WHERE station = ?1")?;
        let count: Option<i64> = statement.query_row([number], |row| row.get(0)).optional()?;
        Ok(count.and_then(|count| u64::try_from(count).ok()).unwrap_or(0))
    }

    /// The voter's photo, if the register has one.
    pub fn photo(&self, voter_key: &VoterKey) -> Result<Option<Photo>, RegisterError> {
        let mut statement = self.conn.prepare_cached("SELECT format, bytes FROM photos WHERE voter_key = ?1")?;
        let found = statement
            .query_row([voter_key.as_bytes()], |row| Ok((row.get::<_, String>(0)?, row.get::<_, Vec<u8>>(1)?)))
            .optional()?;
        Ok(found.and_then(|(format, bytes)| PhotoFormat::from_name(&format).map(|format| Photo { format, bytes })))
    }

    /// SHA-256 (hex) of the CSV file this register was imported from.
    pub fn source_sha256(&self) -> &str {
        &self.source_sha256
    }
}
