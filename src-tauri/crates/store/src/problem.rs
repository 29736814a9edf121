//! What can be wrong with a journal file ([`Problem`]), whether a journal may be written
//! ([`Health`]), and the errors of the store's operations ([`StoreError`]). Each maps to
//! a Fluent message id in `locales/{ky,ru}/journal.ftl` plus its arguments, the same way
//! as [`domain::DomainError`].

use std::collections::BTreeMap;

use domain::{DomainError, MessageArg};

/// Why a journal cannot be trusted for writing. Found by [`crate::Journal::open`] and
/// [`crate::verify_file`]; never repaired.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// SQLite's own check (`PRAGMA quick_check`) failed, or the file could not be read
    /// as a database page structure; `detail` is SQLite's text.
    #[error("the journal file is damaged: {detail}")]
    Damaged { detail: String },
    /// The file is not an uchastok journal (another SQLite database, or not a database
    /// at all; a file damaged in its first page looks the same).
    #[error("not an uchastok journal")]
    NotAJournal,
    /// Written by a newer version of the app (schema `found`, this build reads up to
    /// `supported`).
    #[error("journal schema {found} is newer than {supported}")]
    NewerSchema { found: u32, supported: u32 },
    /// Entry `seq` does not hash to what it says, or does not link to the entry before
    /// it: an entry was edited (at `seq`, or its hash at `seq - 1`).
    #[error("the hash chain is broken at entry {seq}")]
    ChainBroken { seq: u64 },
    /// Entry `seq` is missing while later ones exist: an entry was deleted.
    #[error("entry {seq} is missing")]
    Gap { seq: u64 },
    /// The chain verifies but ends at entry `found`, while the projection written with
    /// the last commit says `recorded` (or names another head hash): entries at the end
    /// were removed or replaced.
    #[error("the journal ends at entry {found} but its head was recorded at entry {recorded}")]
    HeadMismatch { recorded: u64, found: u64 },
    /// The stored state of the day differs from the replay of the journal's `seq`
    /// entries.
    #[error("the stored state differs from the replay of {seq} entries")]
    ProjectionMismatch { seq: u64 },
    /// Entry `seq` hashes correctly but this build cannot read its event.
    #[error("entry {seq} cannot be read: {detail}")]
    UnreadableEvent { seq: u64, detail: String },
    /// Another program holds the journal open (only from [`crate::verify_file`];
    /// [`crate::Journal::open`] says [`StoreError::Locked`]).
    #[error("the journal is in use by another program")]
    InUse,
    /// The file could not be opened at all (missing, no permission).
    #[error("cannot open the journal file: {detail}")]
    CannotOpen { detail: String },
}

fn number(value: u64) -> MessageArg {
    MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
}

impl Problem {
    /// Stable machine code, e.g. `journal.chain-broken`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Damaged { .. } => "journal.damaged",
            Problem::NotAJournal => "journal.not-a-journal",
            Problem::NewerSchema { .. } => "journal.newer-schema",
            Problem::ChainBroken { .. } => "journal.chain-broken",
            Problem::Gap { .. } => "journal.gap",
            Problem::HeadMismatch { .. } => "journal.head-mismatch",
            Problem::ProjectionMismatch { .. } => "journal.projection-mismatch",
            Problem::UnreadableEvent { .. } => "journal.unreadable-event",
            Problem::InUse => "journal.in-use",
            Problem::CannotOpen { .. } => "journal.cannot-open",
        }
    }

    /// Fluent message id in `locales/*/journal.ftl`.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::Damaged { .. } => "journal-problem-damaged",
            Problem::NotAJournal => "journal-problem-not-a-journal",
            Problem::NewerSchema { .. } => "journal-problem-newer-schema",
            Problem::ChainBroken { .. } => "journal-problem-chain-broken",
            Problem::Gap { .. } => "journal-problem-gap",
            Problem::HeadMismatch { .. } => "journal-problem-head-mismatch",
            Problem::ProjectionMismatch { .. } => "journal-problem-projection-mismatch",
            Problem::UnreadableEvent { .. } => "journal-problem-unreadable-event",
            Problem::InUse => "journal-problem-in-use",
            Problem::CannotOpen { .. } => "journal-problem-cannot-open",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> BTreeMap<String, MessageArg> {
        let pairs: Vec<(&str, MessageArg)> = match self {
            Problem::Damaged { detail } | Problem::CannotOpen { detail } => {
                vec![("detail", detail.clone().into())]
            }
            Problem::NotAJournal | Problem::InUse => Vec::new(),
            Problem::NewerSchema { found, supported } => {
                vec![("found", number(u64::from(*found))), ("supported", number(u64::from(*supported)))]
            }
            Problem::ChainBroken { seq } | Problem::Gap { seq } | Problem::ProjectionMismatch { seq } => {
                vec![("seq", number(*seq))]
            }
            Problem::HeadMismatch { recorded, found } => {
                vec![("recorded", number(*recorded)), ("found", number(*found))]
            }
            Problem::UnreadableEvent { seq, detail } => {
                vec![("seq", number(*seq)), ("detail", detail.clone().into())]
            }
        };
        pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
    }
}

/// Whether the journal may be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Verified on opening: commands are recorded.
    Ok,
    /// Something is wrong; nothing will be written, and this says why.
    ReadOnly(Problem),
}

impl Health {
    /// `Ok` when commands may be recorded; the problem that forbids it otherwise.
    pub fn writable(&self) -> Result<(), crate::StoreError> {
        match self {
            Health::Ok => Ok(()),
            Health::ReadOnly(problem) => Err(crate::StoreError::ReadOnly(problem.clone())),
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self, Health::Ok)
    }

    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Health::Ok => None,
            Health::ReadOnly(problem) => Some(problem),
        }
    }
}

/// An operation of the store failed; nothing was recorded by it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A rule refused the command ([`domain::decide`]).
    #[error("refused: {0}")]
    Refused(DomainError),
    /// The journal was opened read-only because of the problem; nothing is written.
    #[error("the journal is read-only: {0}")]
    ReadOnly(Problem),
    /// Found while working: the file no longer matches what this process wrote. The
    /// journal turns read-only.
    #[error("the journal is damaged: {0}")]
    Corrupt(Problem),
    /// Another process (or another `Journal` in this one) has the file open.
    #[error("the journal is open in another program")]
    Locked,
    /// The file system or SQLite cannot give what the journal needs (e.g. WAL mode).
    #[error("the journal cannot be used here: {0}")]
    Unsupported(String),
    /// An event could not be serialized (a bug, never data from the file).
    #[error("cannot serialize an event: {0}")]
    Encode(String),
    /// Any other SQLite error (disk full, I/O error, …).
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// SQLite's "busy" means another connection holds the file: [`StoreError::Locked`].
    fn from(error: rusqlite::Error) -> StoreError {
        if is_busy(&error) { StoreError::Locked } else { StoreError::Sqlite(error) }
    }
}

impl StoreError {
    /// Stable machine code; for a refusal, the rule's own code.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Refused(refusal) => refusal.code,
            StoreError::ReadOnly(_) => "journal.read-only",
            StoreError::Corrupt(problem) => problem.code(),
            StoreError::Locked => "journal.locked",
            StoreError::Unsupported(_) => "journal.unsupported",
            StoreError::Encode(_) => "journal.encode",
            StoreError::Sqlite(_) => "journal.sqlite",
        }
    }

    /// Fluent message id: the refusal's for [`StoreError::Refused`], the problem's for
    /// [`StoreError::Corrupt`], else one of `journal-error-…`.
    pub fn message_id(&self) -> &'static str {
        match self {
            StoreError::Refused(refusal) => refusal.message_id,
            StoreError::ReadOnly(_) => "journal-error-read-only",
            StoreError::Corrupt(problem) => problem.message_id(),
            StoreError::Locked => "journal-error-locked",
            StoreError::Unsupported(_) => "journal-error-unsupported",
            StoreError::Encode(_) => "journal-error-encode",
            StoreError::Sqlite(_) => "journal-error-sqlite",
        }
    }

    pub fn args(&self) -> BTreeMap<String, MessageArg> {
        match self {
            StoreError::Refused(refusal) => refusal.args.clone(),
            StoreError::ReadOnly(_) | StoreError::Locked => BTreeMap::new(),
            StoreError::Corrupt(problem) => problem.args(),
            StoreError::Unsupported(detail) | StoreError::Encode(detail) => {
                BTreeMap::from([("detail".to_owned(), detail.clone().into())])
            }
            StoreError::Sqlite(error) => BTreeMap::from([("detail".to_owned(), error.to_string().into())]),
        }
    }
}

pub(crate) fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// What an SQLite error met while reading a journal says about the file.
pub(crate) fn problem_from_sqlite(error: &rusqlite::Error) -> Problem {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => Problem::InUse,
        Some(rusqlite::ErrorCode::NotADatabase) => Problem::NotAJournal,
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied) => {
            Problem::CannotOpen { detail: error.to_string() }
        }
        _ => Problem::Damaged { detail: error.to_string() },
    }
}
