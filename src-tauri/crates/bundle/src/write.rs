//! Making a bundle: the manifest over the files, the envelope signed by the station key
//! and any co-signers, the canonical zip. The caller (the api) gathers the files and
//! writes the bytes to disk.

use chrono::{DateTime, Utc};
use domain::results::StationResults;
use ring::digest;

use crate::container;
use crate::dsse;
use crate::error::BundleError;
use crate::journal::{self, JournalLine};
use crate::keys::Signer;
use crate::manifest::{self, FileEntry, Manifest, ManifestCheckpoint};

/// What goes into a bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleContents {
    /// 1 for the station's first export, one more for each later one.
    pub sequence: u64,
    pub created_at: DateTime<Utc>,
    /// The results of the signed protocol (`domain::results::compute`); the election,
    /// the station and the training flag of the manifest are taken from them.
    pub results: StationResults,
    /// The whole journal, entry 1 first.
    pub journal: Vec<JournalLine>,
    /// Further files by path: `documents/<name>.pdf`, `records/<name>.json`
    /// ([`manifest::path_allowed`]).
    pub files: Vec<(String, Vec<u8>)>,
}

fn write_error(detail: impl Into<String>) -> BundleError {
    BundleError::Write { detail: detail.into() }
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(digest::digest(&digest::SHA256, bytes))
}

/// The bundle's bytes: a canonical zip of `manifest.json`, its DSSE envelope signed by
/// `station` then each of `co_signers`, `results.json`, `journal.jsonl` and the files.
pub fn write_bundle(
    contents: &BundleContents,
    station: &dyn Signer,
    co_signers: &[&dyn Signer],
) -> Result<Vec<u8>, BundleError> {
    let last = contents.journal.last().ok_or_else(|| write_error("the journal is empty"))?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(contents.files.len() + 2);
    let mut results = serde_json::to_vec_pretty(&contents.results).map_err(|error| write_error(error.to_string()))?;
    results.push(b'\n');
    files.push((manifest::RESULTS.to_owned(), results));
    files.push((manifest::JOURNAL.to_owned(), journal::encode(&contents.journal)?));
    for (path, bytes) in &contents.files {
        if !manifest::path_allowed(path) || path == manifest::RESULTS || path == manifest::JOURNAL {
            return Err(write_error(format!("{path} is not a bundle path")));
        }
        files.push((path.clone(), bytes.clone()));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some(pair) = files.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(write_error(format!("{} twice", pair[0].0)));
    }
    let manifest = Manifest {
        format: manifest::FORMAT,
        election: contents.results.election.clone(),
        station: contents.results.station.clone(),
        training: contents.results.training,
        sequence: contents.sequence,
        created_at: contents.created_at,
        checkpoint: ManifestCheckpoint { count: last.seq, head: last.hash.clone() },
        files: files
            .iter()
            .map(|(path, bytes)| FileEntry { path: path.clone(), size: bytes.len() as u64, sha256: sha256_hex(bytes) })
            .collect(),
    };
    let mut manifest_bytes = serde_json::to_vec_pretty(&manifest).map_err(|error| write_error(error.to_string()))?;
    manifest_bytes.push(b'\n');
    let signers: Vec<&dyn Signer> = std::iter::once(station).chain(co_signers.iter().copied()).collect();
    let envelope = dsse::sign(dsse::MANIFEST_TYPE, &manifest_bytes, &signers)?;
    let mut entries: Vec<(&str, &[u8])> = vec![(manifest::MANIFEST, &manifest_bytes), (manifest::ENVELOPE, &envelope)];
    entries.extend(files.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())));
    container::write_canonical(&entries)
}
