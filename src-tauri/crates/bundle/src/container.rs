//! The zip container: the one canonical layout the station writes, and the careful
//! reading of an untrusted zip from memory.
//!
//! # The canonical layout
//!
//! Every entry is *stored* (method 0, never compressed), with the general-purpose flag
//! 0x0800 (UTF-8 name), version 2.0, time 00:00 on 1980-01-01, no extra field, no
//! comment, Unix mode 0644; the entries are followed by the central directory in the same
//! order and the end record without a comment (no zip64: a bundle is far below 4 GiB).
//! The order is `manifest.json`, `manifest.dsse.json`, then the manifest's files in its
//! order. Given the entries' names and bytes, the archive is therefore fixed to the byte,
//! and a reader that has verified every entry rebuilds it and compares: no byte of a
//! bundle can change — not a timestamp, not an attribute — without the bundle being
//! refused. Storing also means that reading never inflates anything.
//!
//! # Reading
//!
//! The central directory is read first by hand, and every entry is judged before any
//! data is touched: count, name (no absolute path, no `..`, no backslash, drive letter or
//! control character), kind (no directory, no symbolic link), encryption, duplicates,
//! declared size against the entry's cap, declared compression ratio, method. Only then
//! does the `zip` crate read the stored entries from memory, each through a reader that
//! stops one byte past its cap. Nothing is ever written to disk.

use std::io::{Cursor, Read};

use crate::error::BundleError;
use crate::limits::Limits;
use crate::manifest;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_RECORD: u32 = 0x0605_4b50;
const VERSION: u16 = 20;
/// Unix (3) in the high byte of "version made by", so that the mode below means Unix.
const MADE_BY: u16 = (3 << 8) | VERSION;
const UTF8_NAMES: u16 = 0x0800;
/// 1980-01-01 in MS-DOS date format (the earliest date a zip can say).
const DOS_DATE: u16 = (1 << 5) | 1;
/// A regular file, mode 0644.
const EXTERNAL_ATTRIBUTES: u32 = 0o100_644 << 16;

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn small(value: usize, what: &str) -> Result<u32, BundleError> {
    u32::try_from(value).map_err(|_| BundleError::Write { detail: format!("{what} is too large for a zip") })
}

/// The canonical archive of these entries, in this order.
pub fn write_canonical(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, BundleError> {
    let total: usize = entries.iter().map(|(name, data)| 30 + 46 + 2 * name.len() + data.len()).sum();
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = small(out.len(), "the bundle")?;
        let crc = crc32fast::hash(data);
        let size = small(data.len(), name)?;
        let name_len = u16::try_from(name.len()).map_err(|_| BundleError::Write { detail: format!("name {name}") })?;
        put32(&mut out, LOCAL_HEADER);
        put16(&mut out, VERSION);
        put16(&mut out, UTF8_NAMES);
        put16(&mut out, 0); // stored
        put16(&mut out, 0); // 00:00
        put16(&mut out, DOS_DATE);
        put32(&mut out, crc);
        put32(&mut out, size);
        put32(&mut out, size);
        put16(&mut out, name_len);
        put16(&mut out, 0); // no extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, MADE_BY);
        put16(&mut central, VERSION);
        put16(&mut central, UTF8_NAMES);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, DOS_DATE);
        put32(&mut central, crc);
        put32(&mut central, size);
        put32(&mut central, size);
        put16(&mut central, name_len);
        put16(&mut central, 0); // extra
        put16(&mut central, 0); // comment
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, EXTERNAL_ATTRIBUTES);
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(entries.len()).map_err(|_| BundleError::Write { detail: "too many entries".into() })?;
    let central_offset = small(out.len(), "the bundle")?;
    let central_size = small(central.len(), "the central directory")?;
    out.extend_from_slice(&central);
    put32(&mut out, END_RECORD);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    Ok(out)
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn not_a_zip(detail: &str) -> BundleError {
    BundleError::NotAZip { detail: detail.to_owned() }
}

/// What the central directory says of one entry.
#[derive(Debug, Clone)]
struct Listed {
    name: String,
    method: u16,
    compressed: u64,
    size: u64,
}

/// Where the end record is: the last one whose comment runs exactly to the end.
fn end_record(bytes: &[u8]) -> Option<usize> {
    let earliest = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let mut at = bytes.len().checked_sub(22)?;
    loop {
        if u32_at(bytes, at) == Some(END_RECORD) && u16_at(bytes, at + 20).map(usize::from) == Some(bytes.len() - at - 22) {
            return Some(at);
        }
        if at == earliest {
            return None;
        }
        at -= 1;
    }
}

/// Why a name may not be in a bundle; `None` when it may.
fn unsafe_name(raw: &[u8]) -> Option<String> {
    let shown = String::from_utf8_lossy(raw).chars().take(120).collect::<String>();
    let Ok(name) = std::str::from_utf8(raw) else { return Some(shown) };
    let bad = name.is_empty()
        || name.len() > 255
        || name.starts_with('/')
        || name.chars().any(|c| c.is_control() || c == '\\' || c == ':')
        || name.trim_end_matches('/').split('/').any(|part| part.is_empty() || part == "." || part == "..");
    bad.then_some(shown)
}

/// The cap of an entry's size, by its name.
fn cap_of(name: &str, limits: &Limits) -> u64 {
    match name {
        manifest::MANIFEST | manifest::ENVELOPE => limits.max_manifest,
        manifest::RESULTS => limits.max_results,
        manifest::JOURNAL => limits.max_journal,
        _ => limits.max_document,
    }
}

/// Judges every entry of the central directory, before any data is read.
fn list(bytes: &[u8], limits: &Limits) -> Result<Vec<Listed>, BundleError> {
    let end = end_record(bytes).ok_or_else(|| not_a_zip("no end of central directory record"))?;
    let field = |at: usize| u16_at(bytes, end + at).map(u64::from).ok_or_else(|| not_a_zip("truncated end record"));
    let (disk, central_disk, on_disk, count) = (field(4)?, field(6)?, field(8)?, field(10)?);
    if count > limits.max_entries {
        return Err(BundleError::TooManyEntries { count, limit: limits.max_entries });
    }
    if disk != 0 || central_disk != 0 || on_disk != count {
        return Err(not_a_zip("a multi-part archive"));
    }
    let central_size = u32_at(bytes, end + 12).ok_or_else(|| not_a_zip("truncated end record"))? as usize;
    let central_offset = u32_at(bytes, end + 16).ok_or_else(|| not_a_zip("truncated end record"))? as usize;
    if central_offset.checked_add(central_size).is_none_or(|stop| stop > end) {
        return Err(not_a_zip("the central directory lies outside the file"));
    }
    let mut listed: Vec<Listed> = Vec::new();
    let mut at = central_offset;
    let mut total: u64 = 0;
    for _ in 0..count {
        let truncated = || not_a_zip("truncated central directory");
        if u32_at(bytes, at) != Some(CENTRAL_HEADER) {
            return Err(not_a_zip("bad central directory record"));
        }
        let made_by = u16_at(bytes, at + 4).ok_or_else(truncated)?;
        let flags = u16_at(bytes, at + 8).ok_or_else(truncated)?;
        let method = u16_at(bytes, at + 10).ok_or_else(truncated)?;
        let compressed = u64::from(u32_at(bytes, at + 20).ok_or_else(truncated)?);
        let size = u64::from(u32_at(bytes, at + 24).ok_or_else(truncated)?);
        let name_len = usize::from(u16_at(bytes, at + 28).ok_or_else(truncated)?);
        let extra_len = usize::from(u16_at(bytes, at + 30).ok_or_else(truncated)?);
        let comment_len = usize::from(u16_at(bytes, at + 32).ok_or_else(truncated)?);
        let external = u32_at(bytes, at + 38).ok_or_else(truncated)?;
        let raw_name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(truncated)?;
        at += 46 + name_len + extra_len + comment_len;
        if at > end {
            return Err(truncated());
        }

        if let Some(name) = unsafe_name(raw_name) {
            return Err(BundleError::UnsafeName { name });
        }
        let name = String::from_utf8_lossy(raw_name).into_owned();
        let unix_mode = (made_by >> 8 == 3).then_some(external >> 16);
        if unix_mode.is_some_and(|mode| mode & 0o170_000 == 0o120_000) {
            return Err(BundleError::Symlink { name });
        }
        if name.ends_with('/') || external & 0x10 != 0 || unix_mode.is_some_and(|mode| mode & 0o170_000 == 0o040_000) {
            return Err(BundleError::Directory { name });
        }
        if flags & 1 != 0 {
            return Err(BundleError::Encrypted { name });
        }
        if listed.iter().any(|earlier| earlier.name == name) {
            return Err(BundleError::DuplicateEntry { name });
        }
        let cap = cap_of(&name, limits);
        if size > cap {
            return Err(BundleError::EntryTooLarge { name, size, limit: cap });
        }
        if size > compressed.saturating_mul(limits.max_ratio) {
            let ratio = size.checked_div(compressed).unwrap_or(u64::MAX);
            return Err(BundleError::CompressionRatio { name, ratio, limit: limits.max_ratio });
        }
        if method != 0 {
            return Err(BundleError::Compressed { name });
        }
        total = total.saturating_add(size);
        if total > limits.max_total {
            return Err(BundleError::TooLarge { size: total, limit: limits.max_total });
        }
        listed.push(Listed { name, method, compressed, size });
    }
    Ok(listed)
}

/// Every entry's name and bytes, in the archive's order, read from memory after each was
/// judged by its central directory record.
pub fn read_entries(bytes: &[u8], limits: &Limits) -> Result<Vec<(String, Vec<u8>)>, BundleError> {
    if bytes.len() as u64 > limits.max_bundle {
        return Err(BundleError::TooLarge { size: bytes.len() as u64, limit: limits.max_bundle });
    }
    let listed = list(bytes, limits)?;
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| BundleError::NotAZip { detail: error.to_string() })?;
    if archive.len() != listed.len() {
        return Err(not_a_zip("the central directory does not add up"));
    }
    let mut entries = Vec::with_capacity(listed.len());
    for (index, entry) in listed.into_iter().enumerate() {
        let damaged = |detail: String| BundleError::EntryDamaged { name: entry.name.clone(), detail };
        let cap = cap_of(&entry.name, limits);
        let mut file = archive.by_index(index).map_err(|error| damaged(error.to_string()))?;
        if file.name() != entry.name || file.compression() != zip::CompressionMethod::Stored || file.encrypted() {
            return Err(damaged("the central directory disagrees with itself".into()));
        }
        let mut data = Vec::with_capacity(usize::try_from(entry.size).unwrap_or(0));
        (&mut file).take(cap + 1).read_to_end(&mut data).map_err(|error| damaged(error.to_string()))?;
        let read = data.len() as u64;
        if read > cap {
            return Err(BundleError::EntryTooLarge { name: entry.name, size: read, limit: cap });
        }
        if read != entry.size || entry.compressed != entry.size || entry.method != 0 {
            return Err(damaged(format!("{read} bytes read, {} declared", entry.size)));
        }
        drop(file);
        entries.push((entry.name, data));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_archive_reads_back_with_the_zip_crate_and_ours() {
        let entries: [(&str, &[u8]); 2] = [("manifest.json", b"{}"), ("documents/a.pdf", b"%PDF-1.7 hello")];
        let bytes = write_canonical(&entries).expect("written");
        let read = read_entries(&bytes, &Limits::default()).expect("read");
        assert_eq!(read, vec![("manifest.json".to_owned(), b"{}".to_vec()), ("documents/a.pdf".to_owned(), b"%PDF-1.7 hello".to_vec())]);
        let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).expect("zip");
        let mut text = String::new();
        archive.by_name("documents/a.pdf").expect("entry").read_to_string(&mut text).expect("read");
        assert_eq!(text, "%PDF-1.7 hello");
        assert_eq!(write_canonical(&entries).expect("again"), bytes, "reproducible");
    }

    #[test]
    fn names_that_escape_or_hide_are_unsafe() {
        for bad in ["/etc/passwd", "../x", "a/../b", "a//b", "./a", "a\\b", "C:x", "a\u{0}b", "", "a/./b"] {
            assert!(unsafe_name(bad.as_bytes()).is_some(), "{bad:?}");
        }
        assert!(unsafe_name(&[0xff, 0xfe]).is_some());
        for good in ["manifest.json", "documents/act-001.pdf", "anything-else.txt"] {
            assert!(unsafe_name(good.as_bytes()).is_none(), "{good:?}");
        }
    }
}
