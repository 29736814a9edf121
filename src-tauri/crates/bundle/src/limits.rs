//! The caps a reader holds an untrusted bundle, registry or paper protocol to, checked
//! before the bytes are parsed. The defaults are far above what a station writes (a
//! national remote-voting station's day of some 10 000 voters makes a journal of a few
//! MiB) and far below what could exhaust the district commission's computer.

const MIB: u64 = 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The whole zip file.
    pub max_bundle: u64,
    /// Entries in the zip.
    pub max_entries: u64,
    /// The sum of the entries' sizes.
    pub max_total: u64,
    /// `manifest.json` and `manifest.dsse.json` each; also a registry file.
    pub max_manifest: u64,
    /// `results.json`.
    pub max_results: u64,
    /// `journal.jsonl`.
    pub max_journal: u64,
    /// One line of the journal (an entry: the election's definition is the largest).
    pub max_journal_line: u64,
    /// Each document or record.
    pub max_document: u64,
    /// Size over compressed size, for any entry.
    pub max_ratio: u64,
    /// Nesting of arrays and objects in any JSON.
    pub max_json_depth: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bundle: 512 * MIB,
            max_entries: 2000,
            max_total: 512 * MIB,
            max_manifest: 4 * MIB,
            max_results: 8 * MIB,
            max_journal: 256 * MIB,
            max_journal_line: 16 * MIB,
            max_document: 64 * MIB,
            max_ratio: 100,
            max_json_depth: 64,
        }
    }
}
