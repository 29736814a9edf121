//! What the bundle tests share: one simulated station day exported as a signed bundle
//! (made once per test binary), the keys to sign forgeries with, and tools to take a
//! bundle apart and put hostile ones together — a zip writer that can write what our
//! writer never would (compressed, encrypted, linked or badly named entries, other
//! times and attributes), manifests re-signed with any key, journals edited and
//! re-chained.

use std::path::PathBuf;
use std::sync::OnceLock;

use api::Demo;
use api::demo_day::{self, DemoDayOptions};
use bundle::{Ed25519Signer, JournalLine, Manifest, Registry, Signer, VerifyOptions};
use domain::chain::{GENESIS_HASH, entry_hash};

/// The day, its bundle and its keys.
pub struct Kit {
    pub dir: tempfile::TempDir,
    /// The bundle as the station exported it (PDFs and all).
    pub bytes: Vec<u8>,
    /// The district's registry of the demo (station key and the chair's card).
    pub registry: Registry,
    /// The station's own key (read from its key file).
    pub station: Ed25519Signer,
    /// Every entry of the bundle by name, in archive order.
    pub entries: Vec<(String, Vec<u8>)>,
    pub manifest: Manifest,
    /// A bundle of the same day holding only the results and the journal (for the
    /// every-byte tamper test).
    pub small: Vec<u8>,
}

impl Kit {
    pub fn entry(&self, name: &str) -> &[u8] {
        self.entries.iter().find(|(entry, _)| entry == name).map(|(_, bytes)| bytes.as_slice()).expect("entry")
    }

    /// The files the manifest lists (everything but the manifest and its envelope).
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        self.entries
            .iter()
            .filter(|(name, _)| name != bundle::manifest::MANIFEST && name != bundle::manifest::ENVELOPE)
            .cloned()
            .collect()
    }

    pub fn journal(&self) -> Vec<JournalLine> {
        parse_journal(self.entry(bundle::manifest::JOURNAL))
    }

    /// A bundle of these files with a manifest made like the station's (then changed by
    /// `change`), signed by `signers`, in the canonical layout.
    pub fn assemble(
        &self,
        files: &[(String, Vec<u8>)],
        change: impl FnOnce(&mut Manifest),
        signers: &[&dyn Signer],
    ) -> Vec<u8> {
        let mut manifest = self.manifest.clone();
        let mut files = files.to_vec();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        manifest.files = files
            .iter()
            .map(|(path, bytes)| bundle::manifest::FileEntry { path: path.clone(), size: bytes.len() as u64, sha256: sha256(bytes) })
            .collect();
        // The journal's end as the station would name it; a journal too broken to say
        // keeps the station's.
        let last = files
            .iter()
            .find(|(path, _)| path == bundle::manifest::JOURNAL)
            .and_then(|(_, journal)| journal.split(|b| *b == b'\n').rfind(|line| !line.is_empty()))
            .and_then(|line| serde_json::from_slice::<JournalLine>(line).ok());
        if let Some(last) = last {
            manifest.checkpoint = bundle::manifest::ManifestCheckpoint { count: last.seq, head: last.hash };
        }
        change(&mut manifest);
        let mut manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("manifest json");
        manifest_bytes.push(b'\n');
        self.assemble_raw(&manifest_bytes, &files, signers)
    }

    /// A bundle of exactly these manifest bytes and files, signed by `signers`.
    pub fn assemble_raw(&self, manifest_bytes: &[u8], files: &[(String, Vec<u8>)], signers: &[&dyn Signer]) -> Vec<u8> {
        let envelope = bundle::dsse::sign(bundle::dsse::MANIFEST_TYPE, manifest_bytes, signers).expect("signed");
        let mut entries = vec![
            RawEntry::stored(bundle::manifest::MANIFEST, manifest_bytes),
            RawEntry::stored(bundle::manifest::ENVELOPE, &envelope),
        ];
        entries.extend(files.iter().map(|(path, bytes)| RawEntry::stored(path, bytes)));
        write_zip(&entries, b"")
    }

    /// The station's files with one replaced (or added).
    pub fn files_with(&self, path: &str, bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = self.files().into_iter().filter(|(name, _)| name != path).collect();
        files.push((path.to_owned(), bytes));
        files
    }

    /// The station's files with a journal of these lines.
    pub fn files_with_journal(&self, lines: &[JournalLine]) -> Vec<(String, Vec<u8>)> {
        self.files_with(bundle::manifest::JOURNAL, bundle::journal::encode(lines).expect("journal"))
    }

    /// The entries of the station's bundle as raw entries, in archive order.
    pub fn raw_entries(&self) -> Vec<RawEntry> {
        self.entries.iter().map(|(name, bytes)| RawEntry::stored(name, bytes)).collect()
    }
}

pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, bytes))
}

pub fn parse_journal(bytes: &[u8]) -> Vec<JournalLine> {
    bytes
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("journal line"))
        .collect()
}

/// Numbers the lines 1, 2, … and recomputes every hash, as someone who rewrites a whole
/// journal would.
pub fn rechain(lines: &[JournalLine]) -> Vec<JournalLine> {
    let mut prev = GENESIS_HASH;
    lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let seq = index as u64 + 1;
            let hash = entry_hash(&prev, seq, line.kind.as_bytes(), line.payload.as_bytes());
            let rewritten = JournalLine::new(seq, &line.at, &line.kind, &line.payload, &prev, &hash);
            prev = hash;
            rewritten
        })
        .collect()
}

/// One entry as [`write_zip`] writes it; [`RawEntry::stored`] is our canonical form and
/// each field can be set to what our writer never writes.
#[derive(Debug, Clone)]
pub struct RawEntry {
    pub name: Vec<u8>,
    /// The bytes as stored in the archive (compressed when `method` is not 0).
    pub data: Vec<u8>,
    /// The uncompressed size and CRC of the content.
    pub size: u32,
    pub crc: u32,
    pub method: u16,
    pub flags: u16,
    pub made_by: u16,
    pub external: u32,
    pub time: u16,
    pub date: u16,
    pub extra: Vec<u8>,
}

impl RawEntry {
    pub fn stored(name: &str, data: &[u8]) -> RawEntry {
        RawEntry {
            name: name.as_bytes().to_vec(),
            data: data.to_vec(),
            size: data.len() as u32,
            crc: crc32fast::hash(data),
            method: 0,
            flags: 0x0800,
            made_by: (3 << 8) | 20,
            external: 0o100_644 << 16,
            time: 0,
            date: (1 << 5) | 1,
            extra: Vec::new(),
        }
    }

    /// `content` deflated.
    pub fn deflated(name: &str, content: &[u8]) -> RawEntry {
        use std::io::Write;
        let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(content).expect("deflate");
        let data = encoder.finish().expect("deflate");
        RawEntry { method: 8, size: content.len() as u32, crc: crc32fast::hash(content), data, ..RawEntry::stored(name, b"") }
    }
}

/// A zip of these entries: local headers and data, the central directory, the end
/// record with `comment`.
pub fn write_zip(entries: &[RawEntry], comment: &[u8]) -> Vec<u8> {
    fn put16(out: &mut Vec<u8>, value: u16) {
        out.extend_from_slice(&value.to_le_bytes());
    }
    fn put32(out: &mut Vec<u8>, value: u32) {
        out.extend_from_slice(&value.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        for (target, is_central) in [(&mut out, false), (&mut central, true)] {
            put32(target, if is_central { 0x0201_4b50 } else { 0x0403_4b50 });
            if is_central {
                put16(target, entry.made_by);
            }
            put16(target, 20);
            put16(target, entry.flags);
            put16(target, entry.method);
            put16(target, entry.time);
            put16(target, entry.date);
            put32(target, entry.crc);
            put32(target, entry.data.len() as u32);
            put32(target, entry.size);
            put16(target, entry.name.len() as u16);
            put16(target, entry.extra.len() as u16);
            if is_central {
                put16(target, 0);
                put16(target, 0);
                put16(target, 0);
                put32(target, entry.external);
                put32(target, offset);
            }
            target.extend_from_slice(&entry.name);
            target.extend_from_slice(&entry.extra);
        }
        out.extend_from_slice(&entry.data);
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, entries.len() as u16);
    put16(&mut out, entries.len() as u16);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, comment.len() as u16);
    out.extend_from_slice(comment);
    out
}

/// Reads a stored-only zip's entries by name and bytes, in order (our own bundles).
fn read_stored(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    (0..archive.len())
        .map(|index| {
            let mut file = archive.by_index(index).expect("entry");
            let mut data = Vec::new();
            file.read_to_end(&mut data).expect("read");
            (file.name().to_owned(), data)
        })
        .collect()
}

/// The kit, made once per test binary: a simulated remote-voting day of a few voters
/// run headless, exported with the simulated chair's card co-signing.
pub fn kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let data_dir: PathBuf = dir.path().to_path_buf();
        let day = demo_day::run(&DemoDayOptions { demo: Demo::RemoteVoting, voters: 4, seed: 11, data_dir: data_dir.clone() })
            .expect("the demo day runs");
        let written = api::demo_bundle::write_demo_bundle(&day.station, &data_dir).expect("exported");
        drop(day);
        let bytes = std::fs::read(&written.bundle.path).expect("bundle file");
        let registry_file = std::fs::read(&written.registry).expect("registry file");
        let registry = Registry::open(&registry_file, None, &bundle::Limits::default()).expect("registry");
        let seed: [u8; 32] = std::fs::read(data_dir.join("keys/station.key"))
            .expect("station key file")
            .try_into()
            .expect("32 bytes");
        let station = Ed25519Signer::from_seed(&seed).expect("station key");
        let entries = read_stored(&bytes);
        let manifest: Manifest = serde_json::from_slice(
            &entries.iter().find(|(name, _)| name == bundle::manifest::MANIFEST).expect("manifest").1,
        )
        .expect("manifest json");
        let mut kit = Kit { dir, bytes, registry, station, entries, manifest, small: Vec::new() };
        let small_files: Vec<(String, Vec<u8>)> = kit
            .files()
            .into_iter()
            .filter(|(path, _)| path == bundle::manifest::RESULTS || path == bundle::manifest::JOURNAL)
            .collect();
        kit.small = kit.assemble(&small_files, |_| {}, &[&kit.station]);
        kit
    })
}

/// Verification against the kit's registry with default options.
pub fn verify(bytes: &[u8], registry: &Registry) -> Result<bundle::VerifiedBundle, bundle::BundleError> {
    bundle::read_and_verify(bytes, registry, &VerifyOptions::default())
}

/// A key that is nobody's.
pub fn stranger(seed: u8) -> Ed25519Signer {
    Ed25519Signer::from_seed(&[seed; 32]).expect("key")
}

/// Every refusal code `bundle::BundleError::code` can give, read from its source.
pub fn every_error_code() -> Vec<&'static str> {
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CODES
        .get_or_init(|| {
            let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../src-tauri/crates/bundle/src/error.rs");
            let text = std::fs::read_to_string(source).expect("bundle/src/error.rs");
            let mut codes: Vec<&'static str> = text
                .split("=> \"bundle.")
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .map(|code| &*Box::leak(format!("bundle.{code}").into_boxed_str()))
                .collect();
            codes.sort_unstable();
            codes.dedup();
            codes
        })
        .clone()
}
