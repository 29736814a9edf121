//! What can go wrong with the register as a whole ([`RegisterError`]); problems of a
//! single CSV row are [`super::RowProblem`]s in the import report instead. Each error
//! maps to a stable code, a Fluent message id in `locales/{ky,ru}/register.ftl` and its
//! arguments, like [`domain::DomainError`]. No message ever carries a personal number.

use std::collections::BTreeMap;
use std::path::Path;

use domain::MessageArg;

use super::import::ImportReport;

/// The register could not be imported, opened or read. An import that fails leaves the
/// register that was there before untouched.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// A file could not be read (the CSV, the key, the register).
    #[error("cannot read {path}: {detail}")]
    Read { path: String, detail: String },
    /// A file could not be written (the new register, the key).
    #[error("cannot write {path}: {detail}")]
    Write { path: String, detail: String },
    /// The key file exists but is not a key (wrong length); it is never replaced.
    #[error("the register key file {path} is damaged")]
    KeyDamaged { path: String },
    /// The CSV file has no header row (it is empty).
    #[error("the register file has no header row")]
    NoHeader,
    /// The header row is not valid UTF-8 or has an empty column name.
    #[error("the header row cannot be read: column {column}")]
    BadHeader { column: usize },
    /// Required columns are absent from the header (comma-separated names).
    #[error("missing columns: {columns}")]
    MissingColumns { columns: String },
    /// The header names columns the format does not have (comma-separated names).
    #[error("unknown columns: {columns}")]
    UnknownColumns { columns: String },
    /// A column is named twice in the header.
    #[error("column {column} appears twice")]
    DuplicateColumn { column: String },
    /// Every row was rejected (or there were none): the old register stays.
    #[error("no voter could be imported ({} rows read)", report.rows_read)]
    NothingImported { report: Box<ImportReport> },
    /// The progress callback asked to stop: the old register stays.
    #[error("the import was cancelled")]
    Cancelled,
    /// No register at this path.
    #[error("there is no register at {path}")]
    Missing { path: String },
    /// The file is not an uchastok register (or is damaged in its first page).
    #[error("{path} is not an uchastok register")]
    NotARegister { path: String },
    /// Written by a newer version of the app.
    #[error("register schema {found} is newer than {supported}")]
    NewerSchema { found: i64, supported: i64 },
    /// Any other SQLite error (disk full, I/O error, damaged page, …).
    #[error("register database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl RegisterError {
    pub(crate) fn read(path: &Path, error: &std::io::Error) -> RegisterError {
        RegisterError::Read { path: path.display().to_string(), detail: error.to_string() }
    }

    pub(crate) fn write(path: &Path, error: &std::io::Error) -> RegisterError {
        RegisterError::Write { path: path.display().to_string(), detail: error.to_string() }
    }

    /// Stable machine code, e.g. `register.missing-columns`.
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::Read { .. } => "register.read",
            RegisterError::Write { .. } => "register.write",
            RegisterError::KeyDamaged { .. } => "register.key-damaged",
            RegisterError::NoHeader => "register.no-header",
            RegisterError::BadHeader { .. } => "register.bad-header",
            RegisterError::MissingColumns { .. } => "register.missing-columns",
            RegisterError::UnknownColumns { .. } => "register.unknown-columns",
            RegisterError::DuplicateColumn { .. } => "register.duplicate-column",
            RegisterError::NothingImported { .. } => "register.nothing-imported",
            RegisterError::Cancelled => "register.cancelled",
            RegisterError::Missing { .. } => "register.missing",
            RegisterError::NotARegister { .. } => "register.not-a-register",
            RegisterError::NewerSchema { .. } => "register.newer-schema",
            RegisterError::Sqlite(_) => "register.sqlite",
        }
    }

    /// Fluent message id in `locales/*/register.ftl`.
    pub fn message_id(&self) -> &'static str {
        match self {
            RegisterError::Read { .. } => "register-error-read",
            RegisterError::Write { .. } => "register-error-write",
            RegisterError::KeyDamaged { .. } => "register-error-key-damaged",
            RegisterError::NoHeader => "register-error-no-header",
            RegisterError::BadHeader { .. } => "register-error-bad-header",
            RegisterError::MissingColumns { .. } => "register-error-missing-columns",
            RegisterError::UnknownColumns { .. } => "register-error-unknown-columns",
            RegisterError::DuplicateColumn { .. } => "register-error-duplicate-column",
            RegisterError::NothingImported { .. } => "register-error-nothing-imported",
            RegisterError::Cancelled => "register-error-cancelled",
            RegisterError::Missing { .. } => "register-error-missing",
            RegisterError::NotARegister { .. } => "register-error-not-a-register",
            RegisterError::NewerSchema { .. } => "register-error-newer-schema",
            RegisterError::Sqlite(_) => "register-error-sqlite",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> BTreeMap<String, MessageArg> {
        let pairs: Vec<(&str, MessageArg)> = match self {
            RegisterError::Read { path, detail } | RegisterError::Write { path, detail } => {
                vec![("file", path.clone().into()), ("detail", detail.clone().into())]
            }
            RegisterError::KeyDamaged { path }
            | RegisterError::Missing { path }
            | RegisterError::NotARegister { path } => vec![("file", path.clone().into())],
            RegisterError::NoHeader | RegisterError::Cancelled => Vec::new(),
            RegisterError::BadHeader { column } => vec![("column", (*column).into())],
            RegisterError::MissingColumns { columns } | RegisterError::UnknownColumns { columns } => {
                vec![("columns", columns.clone().into())]
            }
            RegisterError::DuplicateColumn { column } => vec![("column", column.clone().into())],
            RegisterError::NothingImported { report } => vec![
                ("count", MessageArg::Number(i64::try_from(report.rows_read).unwrap_or(i64::MAX))),
            ],
            RegisterError::NewerSchema { found, supported } => {
                vec![("found", (*found).into()), ("supported", (*supported).into())]
            }
            RegisterError::Sqlite(error) => vec![("detail", error.to_string().into())],
        };
        pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
    }
}
