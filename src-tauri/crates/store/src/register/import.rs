//! Importing a register CSV into a new `register.db`, replacing the old one atomically.
//!
//! 1. The header is checked before any row is read.
//! 2. Rows stream through the CSV reader (never the whole file in memory); each good row
//!    goes, with the keyed hash of its personal number, into a staging table in SQLite's
//!    temporary database (appended in file order), its photo into a staging photo table.
//! 3. The staging rows are read back sorted by voter key then line (SQLite's external
//!    sorter) and appended to the `voters` table in key order: a B-tree filled in order,
//!    and a repeated key is a duplicate whose first line stays.
//! 4. The new file, built beside the old one as `<name>.importing` without a rollback
//!    journal (it is thrown away on any failure), is synced and renamed over the old one.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use domain::{DomainError, ElectionDefinition};
use ring::digest;
use rusqlite::types::ToSqlOutput;
use rusqlite::params;

use super::error::RegisterError;
use super::key::{RegisterKey, sync_parent};
use super::row::{Column, Layout, RowRules, check_row, number, problem, shown};
use super::schema;

/// How an import behaves; [`ImportOptions::default`] suits a real register.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The contest ids the `district` column may hold; `None` accepts any well-formed id.
    pub districts: Option<Vec<String>>,
    /// A photo file larger than this is refused (its row is rejected).
    pub max_photo_bytes: u64,
    /// How many problems the report keeps (the first by line); the total is always
    /// counted.
    pub max_problems: usize,
    /// The progress callback is called after every this many rows.
    pub progress_every: u64,
}

/// Photos larger than this are refused by default: a passport-style photo is 10–60 KiB.
pub const DEFAULT_MAX_PHOTO_BYTES: u64 = 512 * 1024;

impl Default for ImportOptions {
    fn default() -> ImportOptions {
        ImportOptions { districts: None, max_photo_bytes: DEFAULT_MAX_PHOTO_BYTES, max_problems: 100, progress_every: 10_000 }
    }
}

impl ImportOptions {
    /// The defaults, with the districts limited to the election's contests.
    pub fn for_election(definition: &ElectionDefinition) -> ImportOptions {
        let districts = definition.contests.iter().map(|contest| contest.id.clone()).collect();
        ImportOptions { districts: Some(districts), ..ImportOptions::default() }
    }
}

/// Which part of the import a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportStage {
    /// Reading and checking rows: `rows_done` rows read, `bytes_done` of the file.
    Reading,
    /// Writing the sorted register: `rows_done` of the good rows written; the file has
    /// been read (`bytes_done == bytes_total`).
    Writing,
}

/// Where an import stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub rows_done: u64,
    /// Known while writing: the good rows to write.
    pub rows_total: Option<u64>,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// One bad field of one row (or a row of the wrong width, `field: None`). The error's
/// arguments include `line` and `field`, so its message stands alone; no argument is
/// ever a personal number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The line of the CSV file where the row starts (the header is line 1).
    pub line: u64,
    /// The column's header name.
    pub field: Option<&'static str>,
    pub error: DomainError,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows in the file (the header not counted).
    pub rows_read: u64,
    /// Voters now in the register.
    pub imported: u64,
    /// Rows left out: with a bad field, or repeating an earlier personal number.
    pub rejected: u64,
    /// Of the rejected rows, those repeating an earlier personal number.
    pub duplicates: u64,
    /// Voters imported with a photo.
    pub with_photo: u64,
    /// The first problems, by line (at most [`ImportOptions::max_problems`]).
    pub problems: Vec<RowProblem>,
    /// How many problems there were in all.
    pub problems_total: u64,
    /// SHA-256 of the CSV file's bytes, hex: which file this register came from.
    pub source_sha256: String,
}

/// The problems to report: the first `limit` by line, and the count of all.
struct Problems {
    kept: BTreeMap<(u64, u64), RowProblem>,
    limit: usize,
    total: u64,
}

impl Problems {
    fn add(&mut self, problem: RowProblem) {
        self.total += 1;
        self.kept.insert((problem.line, self.total), problem);
        if self.kept.len() > self.limit {
            self.kept.pop_last();
        }
    }
}

/// Passes the file through while hashing it.
struct Hashing<R> {
    inner: R,
    digest: digest::Context,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.digest.update(&buf[..read]);
        Ok(read)
    }
}

/// Removes the file being built unless the import reached the end.
struct Building {
    path: PathBuf,
    done: bool,
}

impl Drop for Building {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Imports the register CSV at `csv` into a new register at `db`, replacing the one
/// there only when the import succeeds (a failure or a cancellation leaves it as it
/// was). `progress` is called every [`ImportOptions::progress_every`] rows and at the
/// end of each stage; returning `ControlFlow::Break` cancels the import.
///
/// Errors before any row is read: the file cannot be opened, no header, unknown, missing
/// or repeated columns. A bad row is not an error: it is left out and reported. An import
/// in which no row is good is refused ([`RegisterError::NothingImported`]).
pub fn import(
    db: &Path,
    key: &RegisterKey,
    csv_path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress) -> ControlFlow<()>,
) -> Result<ImportReport, RegisterError> {
    let file = File::open(csv_path).map_err(|error| RegisterError::read(csv_path, &error))?;
    let bytes_total = file.metadata().map_err(|error| RegisterError::read(csv_path, &error))?.len();
    let source = Hashing { inner: file, digest: digest::Context::new(&digest::SHA256) };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 20)
        .from_reader(source);
    let read_error = |error: csv::Error| RegisterError::Read { path: csv_path.display().to_string(), detail: error.to_string() };

    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record).map_err(read_error)? {
        return Err(RegisterError::NoHeader);
    }
    let layout = Layout::from_header(&record)?;
    let photo_folder = csv_path.parent().map(Path::to_path_buf).unwrap_or_default();

    let building = Building { path: sibling(db, "importing"), done: false };
    remove_if_present(&building.path)?;
    // Names and birth dates are personal data: the file is the owner's alone.
    create_private(&building.path).map_err(|error| RegisterError::write(&building.path, &error))?;
    let conn = schema::create_for_import(&building.path)?;

    let mut problems = Problems { kept: BTreeMap::new(), limit: options.max_problems, total: 0 };
    let mut rows_read = 0u64;
    let mut rejected = 0u64;
    let mut staged = 0u64;
    let every = options.progress_every.max(1);
    let mut since_progress = 0u64;
    let rules = RowRules { districts: options.districts.as_deref() };
    {
        let mut stage_row = conn.prepare(
            "INSERT INTO temp.staging (line, voter_key, surname, given_names, patronymic, birth_date, district, station, registered_on, has_photo)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let mut stage_photo = conn.prepare("INSERT INTO temp.staging_photos (line, format, bytes) VALUES (?1, ?2, ?3)")?;
        while reader.read_byte_record(&mut record).map_err(read_error)? {
            rows_read += 1;
            let line = record.position().map_or(rows_read + 1, csv::Position::line);
            let checked = check_row(&record, line, &layout, rules, key).and_then(|row| {
                let photo = match row.photo {
                    Some(name) => Some(read_photo(&photo_folder, name, line, options.max_photo_bytes).map_err(|p| vec![p])?),
                    None => None,
                };
                Ok((row, photo))
            });
            match checked {
                Ok((row, photo)) => {
                    let line_sql = number(line);
                    stage_row.execute(params![
                        line_sql,
                        row.voter_key.as_bytes(),
                        row.surname,
                        row.given_names,
                        row.patronymic,
                        row.birth_date,
                        row.district,
                        row.station,
                        row.registered_on,
                        photo.is_some()
                    ])?;
                    if let Some((format, bytes)) = photo {
                        stage_photo.execute(params![line_sql, format, bytes])?;
                    }
                    staged += 1;
                }
                Err(found) => {
                    rejected += 1;
                    for problem in found {
                        problems.add(problem);
                    }
                }
            }
            since_progress += 1;
            if since_progress == every {
                since_progress = 0;
                let bytes_done = reader.position().byte().min(bytes_total);
                let report = ImportProgress { stage: ImportStage::Reading, rows_done: rows_read, rows_total: None, bytes_done, bytes_total };
                if progress(report).is_break() {
                    return Err(RegisterError::Cancelled);
                }
            }
        }
    }
    let reading_done = ImportProgress { stage: ImportStage::Reading, rows_done: rows_read, rows_total: None, bytes_done: bytes_total, bytes_total };
    if progress(reading_done).is_break() {
        return Err(RegisterError::Cancelled);
    }
    let source_sha256 = hex::encode(reader.into_inner().digest.finish());

    since_progress = 0;
    // The sort happens before the first sorted row comes back: the UI shows the stage.
    let writing_starts =
        ImportProgress { stage: ImportStage::Writing, rows_done: 0, rows_total: Some(staged), bytes_done: bytes_total, bytes_total };
    if progress(writing_starts).is_break() {
        return Err(RegisterError::Cancelled);
    }
    // Sorted by key, the first line of a repeated key comes first and is the one kept.
    let mut imported = 0u64;
    let mut duplicates = 0u64;
    let mut with_photo = 0u64;
    let mut written = 0u64;
    let mut stations: BTreeMap<String, u64> = BTreeMap::new();
    {
        let mut sorted = conn.prepare(
            "SELECT voter_key, line, surname, given_names, patronymic, birth_date, district, station, registered_on, has_photo
             FROM temp.staging ORDER BY voter_key, line",
        )?;
        let mut insert = conn.prepare(
            "INSERT INTO voters (voter_key, surname, given_names, patronymic, birth_date, district, station, registered_on, has_photo)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut copy_photo = conn.prepare(
            "INSERT INTO photos (voter_key, format, bytes) SELECT ?1, format, bytes FROM temp.staging_photos WHERE line = ?2",
        )?;
        let mut rows = sorted.query([])?;
        // The key and line of the last row kept.
        let mut kept_key: Vec<u8> = Vec::with_capacity(32);
        let mut kept_line: Option<i64> = None;
        while let Some(row) = rows.next()? {
            let voter_key = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
            let line: i64 = row.get(1)?;
            match kept_line {
                Some(first_line) if kept_key.as_slice() == voter_key => {
                    duplicates += 1;
                    rejected += 1;
                    let line = u64::try_from(line).unwrap_or(0);
                    problems.add(
                        problem(line, Column::PersonalNumber, "register.row-duplicate", "register-row-duplicate")
                            .with("first_line", first_line),
                    );
                }
                _ => {
                    let value = |index: usize| row.get_ref(index).map(ToSqlOutput::Borrowed);
                    insert.execute(params![value(0)?, value(2)?, value(3)?, value(4)?, value(5)?, value(6)?, value(7)?, value(8)?, value(9)?])?;
                    let station = row.get_ref(7)?.as_str().map_err(rusqlite::Error::from)?;
                    match stations.get_mut(station) {
                        Some(voters) => *voters += 1,
                        None => {
                            stations.insert(station.to_owned(), 1);
                        }
                    }
                    if row.get::<_, bool>(9)? {
                        copy_photo.execute(params![voter_key, line])?;
                        with_photo += 1;
                    }
                    imported += 1;
                    kept_key.clear();
                    kept_key.extend_from_slice(voter_key);
                    kept_line = Some(line);
                }
            }
            written += 1;
            since_progress += 1;
            if since_progress == every {
                since_progress = 0;
                let report = ImportProgress { stage: ImportStage::Writing, rows_done: written, rows_total: Some(staged), bytes_done: bytes_total, bytes_total };
                if progress(report).is_break() {
                    return Err(RegisterError::Cancelled);
                }
            }
        }
    }
    let writing_done = ImportProgress { stage: ImportStage::Writing, rows_done: staged, rows_total: Some(staged), bytes_done: bytes_total, bytes_total };
    if progress(writing_done).is_break() {
        return Err(RegisterError::Cancelled);
    }

    let report = ImportReport {
        rows_read,
        imported,
        rejected,
        duplicates,
        with_photo,
        problems: problems.kept.into_values().collect(),
        problems_total: problems.total,
        source_sha256,
    };
    if imported == 0 {
        return Err(RegisterError::NothingImported { report: Box::new(report) });
    }
    schema::finish_import(&conn, key, &report, &stations)?;
    conn.close().map_err(|(_, error)| RegisterError::Sqlite(error))?;
    let built = File::open(&building.path).and_then(|file| file.sync_all());
    built.map_err(|error| RegisterError::write(&building.path, &error))?;

    // A journal or WAL left beside the old file must never be applied to the new one.
    for suffix in ["-journal", "-wal", "-shm"] {
        remove_if_present(&with_suffix(db, suffix))?;
    }
    std::fs::rename(&building.path, db).map_err(|error| RegisterError::write(db, &error))?;
    let mut building = building;
    building.done = true;
    sync_parent(db);
    Ok(report)
}

/// Reads and checks a row's photo: a regular file inside the CSV's folder, not larger
/// than `max_bytes`, starting with the JPEG or PNG signature.
fn read_photo(folder: &Path, name: &str, line: u64, max_bytes: u64) -> Result<(&'static str, Vec<u8>), RowProblem> {
    let path = folder.join(name.replace('\\', "/"));
    let missing = || {
        problem(line, Column::Photo, "register.row-photo-missing", "register-row-photo-missing").with("value", shown(name))
    };
    let metadata = std::fs::metadata(&path).map_err(|_| missing())?;
    if !metadata.is_file() {
        return Err(missing());
    }
    if metadata.len() > max_bytes {
        return Err(problem(line, Column::Photo, "register.row-photo-too-big", "register-row-photo-too-big")
            .with("value", shown(name))
            .with("size", i64::try_from(metadata.len()).unwrap_or(i64::MAX))
            .with("max", i64::try_from(max_bytes).unwrap_or(i64::MAX)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    File::open(&path)
        .and_then(|file| file.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|_| missing())?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
        return Err(problem(line, Column::Photo, "register.row-photo-too-big", "register-row-photo-too-big")
            .with("value", shown(name))
            .with("size", i64::try_from(bytes.len()).unwrap_or(i64::MAX))
            .with("max", i64::try_from(max_bytes).unwrap_or(i64::MAX)));
    }
    match super::PhotoFormat::sniff(&bytes) {
        Some(format) => Ok((format.name(), bytes)),
        None => Err(problem(line, Column::Photo, "register.row-photo-format", "register-row-photo-format")
            .with("value", shown(name))),
    }
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map(drop)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new().write(true).create_new(true).open(path).map(drop)
}

fn remove_if_present(path: &Path) -> Result<(), RegisterError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(RegisterError::write(path, &error)),
    }
}

/// `register.db` → `register.db.<extension>`.
fn sibling(db: &Path, extension: &str) -> PathBuf {
    with_suffix(db, &format!(".{extension}"))
}

fn with_suffix(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
