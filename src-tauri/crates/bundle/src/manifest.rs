//! `manifest.json`: what a bundle is (format, election, station, training, sequence
//! number, when it was made), the journal's head it carries, and every file with its
//! size and SHA-256. The signed envelope covers its exact bytes; the files are trusted
//! only through it.
//!
//! The entries a bundle may hold are fixed ([`path_allowed`]): `results.json`,
//! `journal.jsonl`, PDFs under `documents/` and JSON records under `records/`, with
//! names of lowercase letters, digits and hyphens. Anything else is refused, whatever the
//! manifest says.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The version of the bundle format this build writes and reads.
pub const FORMAT: u32 = 1;
/// The manifest's own entry (not listed in itself).
pub const MANIFEST: &str = "manifest.json";
/// The DSSE envelope over the manifest's bytes (not listed in the manifest).
pub const ENVELOPE: &str = "manifest.dsse.json";
/// The results of the signed protocol ([`domain::results::StationResults`] as JSON).
pub const RESULTS: &str = "results.json";
/// The complete journal, one entry a line ([`crate::journal`]).
pub const JOURNAL: &str = "journal.jsonl";
/// Folder of the printed records (PDF).
pub const DOCUMENTS: &str = "documents/";
/// Folder of machine-readable records (JSON), e.g. the lot record.
pub const RECORDS: &str = "records/";

/// The journal's head the bundle carries: its number of entries and the hash of the
/// last one (64 hex digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestCheckpoint {
    pub count: u64,
    pub head: String,
}

/// One file of the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    /// SHA-256 of the file's bytes, 64 lowercase hex digits.
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: u32,
    /// The election's id (the definition's `id`).
    pub election: String,
    /// The station's number.
    pub station: String,
    /// A mock election: refused by a district commission that is not in training.
    pub training: bool,
    /// 1 for the first export, one more for each export after it (a corrected protocol
    /// is exported again with a higher number).
    pub sequence: u64,
    /// When the station made the bundle (its clock).
    pub created_at: DateTime<Utc>,
    /// The journal's head at export.
    pub checkpoint: ManifestCheckpoint,
    /// Every file, sorted by path, each once.
    pub files: Vec<FileEntry>,
}

/// A name made of `[a-z0-9-]`, starting with a letter or digit, at most 80 bytes.
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 80
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
}

/// Whether a bundle may hold a file at `path` (listed in the manifest).
pub fn path_allowed(path: &str) -> bool {
    if path == RESULTS || path == JOURNAL {
        return true;
    }
    if let Some(name) = path.strip_prefix(DOCUMENTS).and_then(|rest| rest.strip_suffix(".pdf")) {
        return plain_name(name);
    }
    if let Some(name) = path.strip_prefix(RECORDS).and_then(|rest| rest.strip_suffix(".json")) {
        return plain_name(name);
    }
    false
}

/// A file name for `documents/` or `records/` made from any text: lowercase letters,
/// digits and hyphens (others become hyphens), at most 80 bytes.
pub fn plain_file_name(stem: &str) -> String {
    let mut name: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    while name.starts_with('-') {
        name.remove(0);
    }
    name.truncate(80);
    if name.is_empty() { "file".to_owned() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fixed_entries_and_plain_names_are_allowed() {
        for good in ["results.json", "journal.jsonl", "documents/act-001.pdf", "records/lot-record.json"] {
            assert!(path_allowed(good), "{good}");
        }
        for bad in [
            "manifest.json",
            "manifest.dsse.json",
            "../results.json",
            "/results.json",
            "documents/../x.pdf",
            "documents/a/b.pdf",
            "documents/.pdf",
            "documents/-x.pdf",
            "documents/A.pdf",
            "documents/x.exe",
            "records/x.pdf",
            "documents\\x.pdf",
            "other.json",
            "",
        ] {
            assert!(!path_allowed(bad), "{bad}");
        }
        assert!(path_allowed(&format!("documents/{}.pdf", plain_file_name("Control sheet: box/1"))));
    }
}
