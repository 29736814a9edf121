//! The district commission's verification of a station's bundle (§72–80: the higher
//! commission takes and checks the protocols; issue 7) against hostile bundles: every
//! single-byte change of a small signed bundle, and well over a hundred crafted bundles —
//! unsafe names, links, directories, duplicates, missing and extra entries, zip bombs,
//! deep and huge JSON, bad, foreign, unregistered and doubled signatures, the wrong
//! election, training, replays, edited files, journals with deleted, reordered or edited
//! events, broken checkpoints, results that disagree with the replay, violated control
//! relations. Each must be refused with its own error, and nothing may panic.
//!
//! Forged bundles that must get past the signature are signed with the station's real
//! key (read from its key file), as a thief of the key would: the checks behind the
//! signature must hold on their own.

use std::panic::{AssertUnwindSafe, catch_unwind};

use bundle::{JournalLine, Limits, Manifest, Registry, Signer, VerifyOptions};
use chrono::Duration;
use domain::Event;
use uchastok_tests::bundle_kit::{Kit, RawEntry, kit, rechain, stranger, verify, write_zip};

struct Case {
    name: String,
    bytes: Vec<u8>,
    registry: Registry,
    options: VerifyOptions,
    expected: &'static str,
}

struct Cases<'k> {
    kit: &'k Kit,
    all: Vec<Case>,
}

impl<'k> Cases<'k> {
    fn add(&mut self, name: impl Into<String>, bytes: Vec<u8>, expected: &'static str) {
        let registry = self.kit.registry.clone();
        self.all.push(Case { name: name.into(), bytes, registry, options: VerifyOptions::default(), expected });
    }

    fn add_with(&mut self, name: impl Into<String>, bytes: Vec<u8>, registry: Registry, options: VerifyOptions, expected: &'static str) {
        self.all.push(Case { name: name.into(), bytes, registry, options, expected });
    }

    /// The station's entries with `extra` appended.
    fn with_entry(&self, extra: RawEntry) -> Vec<u8> {
        let mut entries = self.kit.raw_entries();
        entries.push(extra);
        write_zip(&entries, b"")
    }

    /// The station's entries, the one named `name` changed by `change`.
    fn changed_entry(&self, name: &str, change: impl FnOnce(&mut RawEntry)) -> Vec<u8> {
        let mut entries = self.kit.raw_entries();
        let entry = entries.iter_mut().find(|entry| entry.name == name.as_bytes()).expect("entry");
        change(entry);
        write_zip(&entries, b"")
    }

    fn without_entry(&self, name: &str) -> Vec<u8> {
        let entries: Vec<RawEntry> = self.kit.raw_entries().into_iter().filter(|entry| entry.name != name.as_bytes()).collect();
        write_zip(&entries, b"")
    }

    /// The original manifest with this envelope.
    fn with_envelope(&self, envelope: Vec<u8>) -> Vec<u8> {
        let mut entries = self.kit.raw_entries();
        entries[1] = RawEntry::stored(bundle::manifest::ENVELOPE, &envelope);
        write_zip(&entries, b"")
    }

    /// Re-signed by the station with the journal's lines replaced.
    fn with_journal(&self, lines: &[JournalLine]) -> Vec<u8> {
        self.kit.assemble(&self.kit.files_with_journal(lines), |_| {}, &[&self.kit.station])
    }

    /// Re-signed by the station with one file replaced.
    fn with_file(&self, path: &str, bytes: Vec<u8>) -> Vec<u8> {
        self.kit.assemble(&self.kit.files_with(path, bytes), |_| {}, &[&self.kit.station])
    }

    /// Re-signed by the station with the manifest changed.
    fn with_manifest(&self, change: impl FnOnce(&mut Manifest)) -> Vec<u8> {
        self.kit.assemble(&self.kit.files(), change, &[&self.kit.station])
    }

    /// Re-signed by the station with these exact manifest bytes.
    fn with_manifest_bytes(&self, manifest: &[u8]) -> Vec<u8> {
        self.kit.assemble_raw(manifest, &sorted(self.kit.files()), &[&self.kit.station])
    }
}

fn sorted(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn envelope_json(kit: &Kit) -> serde_json::Value {
    serde_json::from_slice(kit.entry(bundle::manifest::ENVELOPE)).expect("envelope")
}

fn deep(depth: usize) -> Vec<u8> {
    let mut text = "[".repeat(depth);
    text.push_str(&"]".repeat(depth));
    text.into_bytes()
}

/// A journal line's event as JSON, changed by `change`, put back.
fn edit_payload(line: &JournalLine, change: impl FnOnce(&mut serde_json::Value)) -> JournalLine {
    let mut value: serde_json::Value = serde_json::from_str(&line.payload).expect("payload");
    change(&mut value);
    JournalLine { payload: serde_json::to_string(&value).expect("json"), ..line.clone() }
}

fn index_of(lines: &[JournalLine], kind: &str) -> usize {
    lines.iter().position(|line| line.kind == kind).unwrap_or_else(|| panic!("no {kind} in the journal"))
}

fn container_cases(cases: &mut Cases<'_>) {
    let names = [
        "../results.json",
        "../../etc/passwd",
        "documents/../../x.pdf",
        "/etc/passwd",
        "/results.json",
        "C:/x.pdf",
        "C:\\x.pdf",
        "documents\\..\\x.pdf",
        "./results.json",
        "documents//x.pdf",
        "documents/./x.pdf",
        "bad\u{0}name",
        "line\nbreak",
        "",
    ];
    for name in names {
        cases.add(format!("unsafe name {name:?}"), cases.with_entry(RawEntry::stored(name, b"x")), "bundle.unsafe-name");
    }
    cases.add("a 300-byte name", cases.with_entry(RawEntry::stored(&"x".repeat(300), b"x")), "bundle.unsafe-name");
    let mut not_utf8 = RawEntry::stored("x", b"x");
    not_utf8.name = vec![b'd', 0xff, 0xfe, b'x'];
    cases.add("a name that is not UTF-8", cases.with_entry(not_utf8), "bundle.unsafe-name");

    let link = |name: &str, target: &str| RawEntry { external: 0o120_777 << 16, ..RawEntry::stored(name, target.as_bytes()) };
    cases.add("a symbolic link to /etc/passwd", cases.with_entry(link("passwd", "/etc/passwd")), "bundle.symlink");
    cases.add(
        "results.json as a symbolic link",
        cases.changed_entry("results.json", |entry| entry.external = 0o120_777 << 16),
        "bundle.symlink",
    );
    cases.add("a linked document", cases.with_entry(link("documents/x.pdf", "../../../home")), "bundle.symlink");

    cases.add(
        "a directory entry",
        cases.with_entry(RawEntry { external: 0o040_755 << 16, ..RawEntry::stored("documents/", b"") }),
        "bundle.directory",
    );
    cases.add(
        "an MS-DOS directory attribute",
        cases.with_entry(RawEntry { made_by: 20, external: 0x10, ..RawEntry::stored("docs", b"") }),
        "bundle.directory",
    );
    cases.add("an encrypted entry", cases.changed_entry("results.json", |entry| entry.flags |= 1), "bundle.encrypted");

    for (name, data) in [("results.json", b"{}".to_vec()), ("manifest.json", b"{}".to_vec()), ("journal.jsonl", Vec::new())] {
        cases.add(format!("{name} twice"), cases.with_entry(RawEntry::stored(name, &data)), "bundle.duplicate-entry");
    }
    let original_results = cases.kit.entry("results.json").to_vec();
    cases.add(
        "results.json twice, same bytes",
        cases.with_entry(RawEntry::stored("results.json", &original_results)),
        "bundle.duplicate-entry",
    );

    // Zip bombs and compression: judged before any byte is inflated.
    cases.add("a zip bomb (4 MiB of zeros)", cases.with_entry(RawEntry::deflated("bomb.bin", &vec![0u8; 4 << 20])), "bundle.compression-ratio");
    let mut lying = RawEntry::deflated("documents/lie.pdf", &vec![0u8; 4 << 20]);
    lying.size = lying.data.len() as u32 * 2;
    cases.add("a zip bomb declaring a small size", cases.with_entry(lying), "bundle.compressed");
    cases.add(
        "a deflated results.json",
        cases.changed_entry("results.json", |entry| *entry = RawEntry::deflated("results.json", &original_results)),
        "bundle.compressed",
    );
    cases.add(
        "a 3 GiB entry declared",
        cases.with_entry(RawEntry { size: 3 << 30, ..RawEntry::stored("documents/huge.pdf", b"x") }),
        "bundle.entry-too-large",
    );
    cases.add(
        "an empty entry declaring a size",
        cases.with_entry(RawEntry { size: 1000, data: Vec::new(), ..RawEntry::stored("documents/empty.pdf", b"") }),
        "bundle.compression-ratio",
    );
    let huge_manifest = vec![b' '; (5 << 20) as usize];
    cases.add(
        "a 5 MiB manifest",
        cases.changed_entry("manifest.json", |entry| *entry = RawEntry::stored("manifest.json", &huge_manifest)),
        "bundle.entry-too-large",
    );
    let huge_results = vec![b' '; (9 << 20) as usize];
    cases.add(
        "a 9 MiB results.json",
        cases.changed_entry("results.json", |entry| *entry = RawEntry::stored("results.json", &huge_results)),
        "bundle.entry-too-large",
    );
    let many: Vec<RawEntry> = (0..2001).map(|index| RawEntry::stored(&format!("documents/e{index}.pdf"), b"")).collect();
    cases.add("2001 entries", write_zip(&many, b""), "bundle.too-many-entries");
    let small = Limits { max_bundle: 1000, ..Limits::default() };
    cases.add_with(
        "a bundle over the size cap",
        cases.kit.bytes.clone(),
        cases.kit.registry.clone(),
        VerifyOptions { limits: small, ..VerifyOptions::default() },
        "bundle.too-large",
    );
    let total = Limits { max_total: 10_000, ..Limits::default() };
    cases.add_with(
        "entries over the total cap",
        cases.kit.bytes.clone(),
        cases.kit.registry.clone(),
        VerifyOptions { limits: total, ..VerifyOptions::default() },
        "bundle.too-large",
    );

    let bytes = &cases.kit.bytes;
    cases.add("no bytes at all", Vec::new(), "bundle.not-a-zip");
    cases.add("random bytes", (0..400u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(), "bundle.not-a-zip");
    cases.add("the first half", bytes[..bytes.len() / 2].to_vec(), "bundle.not-a-zip");
    cases.add("the last byte cut", bytes[..bytes.len() - 1].to_vec(), "bundle.not-a-zip");
    cases.add("the end record cut", bytes[..bytes.len() - 22].to_vec(), "bundle.not-a-zip");
    cases.add("the end record alone", bytes[bytes.len() - 22..].to_vec(), "bundle.not-a-zip");
    let mut outside = bytes.clone();
    let at = outside.len() - 6;
    outside[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    cases.add("a central directory outside the file", outside, "bundle.not-a-zip");
    let mut miscounted = bytes.clone();
    let at = miscounted.len() - 12;
    miscounted[at] = miscounted[at].wrapping_add(1);
    miscounted[at - 2] = miscounted[at - 2].wrapping_add(1);
    cases.add("the end record counting one entry more", miscounted, "bundle.not-a-zip");

    for name in ["manifest.json", "manifest.dsse.json", "results.json", "journal.jsonl", "documents/safe-record.pdf"] {
        cases.add(format!("{name} missing"), cases.without_entry(name), "bundle.missing-entry");
    }
    let without_results: Vec<(String, Vec<u8>)> = cases.kit.files().into_iter().filter(|(path, _)| path != "results.json").collect();
    cases.add(
        "results.json neither listed nor there",
        cases.kit.assemble(&without_results, |_| {}, &[&cases.kit.station]),
        "bundle.missing-entry",
    );
    for name in ["evil.sh", "documents/extra.pdf", "records/extra.json"] {
        cases.add(format!("{name} not in the manifest"), cases.with_entry(RawEntry::stored(name, b"x")), "bundle.extra-entry");
    }
    cases.add(
        "results.json changed, its CRC not",
        cases.changed_entry("results.json", |entry| entry.data[10] ^= 1),
        "bundle.entry-damaged",
    );

    // The layout: everything signed is right, the zip's own fields are not ours.
    let mut swapped = cases.kit.raw_entries();
    swapped.swap(2, 3);
    cases.add("two entries swapped", write_zip(&swapped, b""), "bundle.not-canonical");
    cases.add("another time", cases.changed_entry("results.json", |entry| entry.time = 0x6000), "bundle.not-canonical");
    cases.add("another date", cases.changed_entry("results.json", |entry| entry.date = 0x5021), "bundle.not-canonical");
    cases.add(
        "an extra field",
        cases.changed_entry("results.json", |entry| entry.extra = vec![0x55, 0x54, 1, 0, 0]),
        "bundle.not-canonical",
    );
    cases.add("an archive comment", write_zip(&cases.kit.raw_entries(), b"hello"), "bundle.not-canonical");
    cases.add("another mode", cases.changed_entry("results.json", |entry| entry.external = 0o100_600 << 16), "bundle.not-canonical");
    cases.add("no UTF-8 flag", cases.changed_entry("results.json", |entry| entry.flags = 0), "bundle.not-canonical");
    cases.add(
        "made by MS-DOS",
        cases.changed_entry("results.json", |entry| {
            entry.made_by = 20;
            entry.external = 0;
        }),
        "bundle.not-canonical",
    );
}

fn signature_cases(cases: &mut Cases<'_>) {
    let kit = cases.kit;
    let manifest_bytes = kit.entry("manifest.json").to_vec();
    let envelope = envelope_json(kit);
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = envelope.clone();
        change(&mut value);
        serde_json::to_vec(&value).expect("json")
    };

    let spaced = String::from_utf8(kit.entry(bundle::manifest::ENVELOPE).to_vec()).expect("utf-8").replacen(':', ": ", 1);
    cases.add("an envelope with a space", cases.with_envelope(spaced.into_bytes()), "bundle.envelope-invalid");
    cases.add("an envelope with a field more", cases.with_envelope(with(&|v| v["x"] = 1.into())), "bundle.envelope-invalid");
    cases.add("a payload that is not base64", cases.with_envelope(with(&|v| v["payload"] = "@@@".into())), "bundle.envelope-invalid");
    cases.add("an envelope that is not JSON", cases.with_envelope(b"not json".to_vec()), "bundle.envelope-invalid");
    cases.add("an envelope 10 000 deep", cases.with_envelope(deep(10_000)), "bundle.json-too-deep");
    cases.add(
        "a signature that is not base64",
        cases.with_envelope(with(&|v| v["signatures"][0]["sig"] = "!!".into())),
        "bundle.envelope-invalid",
    );

    let registry_type = bundle::dsse::sign(bundle::dsse::REGISTRY_TYPE, &manifest_bytes, &[&kit.station]).expect("signed");
    cases.add("the manifest signed as a registry", cases.with_envelope(registry_type), "bundle.payload-type");
    let mut other_manifest = manifest_bytes.clone();
    other_manifest.insert(1, b' ');
    let mut entries = kit.raw_entries();
    entries[0] = RawEntry::stored("manifest.json", &other_manifest);
    cases.add("manifest.json not the signed one", write_zip(&entries, b""), "bundle.manifest-mismatch");
    cases.add("no signature", cases.with_envelope(with(&|v| v["signatures"] = serde_json::json!([]))), "bundle.no-signature");

    let mut flipped = envelope.clone();
    let sig = flipped["signatures"][0]["sig"].as_str().expect("sig").to_owned();
    let replaced = if sig.starts_with('A') { sig.replacen('A', "B", 1) } else { format!("A{}", &sig[1..]) };
    flipped["signatures"][0]["sig"] = replaced.into();
    cases.add("a signature changed", cases.with_envelope(serde_json::to_vec(&flipped).expect("json")), "bundle.bad-signature");
    let thief = stranger(40);
    let forged = bundle::dsse::sign(bundle::dsse::MANIFEST_TYPE, &manifest_bytes, &[&thief]).expect("signed");
    let mut forged: serde_json::Value = serde_json::from_slice(&forged).expect("json");
    forged["signatures"][0]["keyid"] = envelope["signatures"][0]["keyid"].clone();
    cases.add("another key under the station's key id", cases.with_envelope(serde_json::to_vec(&forged).expect("json")), "bundle.bad-signature");
    let moved = bundle::dsse::sign(bundle::dsse::MANIFEST_TYPE, b"{}", &[&kit.station]).expect("signed");
    let moved: serde_json::Value = serde_json::from_slice(&moved).expect("json");
    cases.add(
        "the station's signature of another manifest",
        cases.with_envelope(with(&|v| v["signatures"][0]["sig"] = moved["signatures"][0]["sig"].clone())),
        "bundle.bad-signature",
    );

    cases.add("an unregistered key", kit.assemble(&kit.files(), |_| {}, &[&stranger(41)]), "bundle.unregistered-key");
    cases.add("a key id that is no key", cases.with_envelope(with(&|v| v["signatures"][0]["keyid"] = "nonsense".into())), "bundle.unregistered-key");

    let neighbour = stranger(42);
    let mut registry = kit.registry.clone();
    let mut other = registry.stations[0].clone();
    other.station = "9999".into();
    other.key = neighbour.public_key();
    other.co_signers.clear();
    registry.stations.push(other);
    cases.add_with(
        "another station's key",
        kit.assemble(&kit.files(), |_| {}, &[&neighbour]),
        registry.clone(),
        VerifyOptions::default(),
        "bundle.other-station-key",
    );
    cases.add_with(
        "the station's key and another station's",
        kit.assemble(&kit.files(), |_| {}, &[&kit.station, &neighbour]),
        registry,
        VerifyOptions::default(),
        "bundle.other-station-key",
    );

    let chair = envelope["signatures"][1].clone();
    assert!(chair.is_object(), "the demo bundle is co-signed by the chair's card");
    cases.add(
        "the chair's signature counted twice",
        cases.with_envelope(with(&|v| v["signatures"].as_array_mut().expect("array").push(chair.clone()))),
        "bundle.duplicate-signature",
    );
    let station_signature = envelope["signatures"][0].clone();
    cases.add(
        "the station's signature twice",
        cases.with_envelope(with(&|v| v["signatures"].as_array_mut().expect("array").push(station_signature.clone()))),
        "bundle.duplicate-signature",
    );
    cases.add(
        "signed by the chair's card alone",
        cases.with_envelope(with(&|v| v["signatures"] = serde_json::json!([chair.clone()]))),
        "bundle.not-signed-by-station",
    );

    let created = kit.manifest.created_at;
    let mut expired = kit.registry.clone();
    expired.stations[0].valid_until = created - Duration::seconds(1);
    cases.add_with("a key expired before the bundle", kit.bytes.clone(), expired, VerifyOptions::default(), "bundle.key-not-valid");
    let mut early = kit.registry.clone();
    early.stations[0].valid_from = created + Duration::seconds(1);
    cases.add_with("a key valid only after the bundle", kit.bytes.clone(), early, VerifyOptions::default(), "bundle.key-not-valid");
}

fn manifest_cases(cases: &mut Cases<'_>) {
    let kit = cases.kit;
    let text = String::from_utf8(kit.entry("manifest.json").to_vec()).expect("utf-8");
    cases.add("a manifest that is not JSON", cases.with_manifest_bytes(b"{ nope"), "bundle.manifest-invalid");
    cases.add(
        "a manifest with a field more",
        cases.with_manifest_bytes(text.replacen('{', "{\n  \"extra\": 1,", 1).as_bytes()),
        "bundle.manifest-invalid",
    );
    cases.add(
        "a manifest without its sequence",
        cases.with_manifest_bytes(text.replace("\"sequence\"", "\"sequencE\"").as_bytes()),
        "bundle.manifest-invalid",
    );
    cases.add("a manifest 10 000 deep", cases.with_manifest_bytes(&deep(10_000)), "bundle.json-too-deep");
    cases.add("format 2", cases.with_manifest(|m| m.format = 2), "bundle.unsupported-format");

    let mut other_election = kit.registry.clone();
    other_election.election = "jk-2030".into();
    cases.add_with("another election's registry", kit.bytes.clone(), other_election, VerifyOptions::default(), "bundle.wrong-election");
    cases.add("a bundle of another election", cases.with_manifest(|m| m.election = "jk-2030".into()), "bundle.wrong-election");
    let mut real = kit.registry.clone();
    real.training = false;
    cases.add_with("a training bundle at a real district", kit.bytes.clone(), real.clone(), VerifyOptions::default(), "bundle.training-refused");
    cases.add("a real bundle at a district in training", cases.with_manifest(|m| m.training = false), "bundle.real-in-training");
    cases.add_with(
        "an old bundle replayed",
        kit.bytes.clone(),
        kit.registry.clone(),
        VerifyOptions { min_sequence: Some(2), ..VerifyOptions::default() },
        "bundle.replayed",
    );
    cases.add_with(
        "bundle number 0",
        cases.with_manifest(|m| m.sequence = 0),
        kit.registry.clone(),
        VerifyOptions { min_sequence: Some(1), ..VerifyOptions::default() },
        "bundle.replayed",
    );

    for path in ["evil.sh", "manifest.json", "documents/UPPER.pdf", "records/x.pdf"] {
        let files = kit.files_with(path, b"x".to_vec());
        let mut bytes = kit.assemble(&files, |_| {}, &[&kit.station]);
        if path == "manifest.json" {
            // The listed manifest.json is the manifest itself; only the listing is wrong.
            let manifest_files: Vec<(String, Vec<u8>)> = kit.files();
            bytes = kit.assemble(
                &manifest_files,
                |m| {
                    m.files.push(bundle::manifest::FileEntry { path: path.into(), size: 1, sha256: String::new() });
                    m.files.sort_by(|a, b| a.path.cmp(&b.path));
                },
                &[&kit.station],
            );
        }
        cases.add(format!("{path} listed"), bytes, "bundle.path-not-allowed");
    }
    cases.add(
        "results.json listed twice",
        cases.with_manifest(|m| {
            let first = m.files.iter().find(|f| f.path == "results.json").cloned().expect("results");
            m.files.push(first);
            m.files.sort_by(|a, b| a.path.cmp(&b.path));
        }),
        "bundle.manifest-duplicate-path",
    );
    cases.add("files out of order", cases.with_manifest(|m| m.files.reverse()), "bundle.manifest-order");
    cases.add(
        "a size that is not the file's",
        cases.with_manifest(|m| m.files.iter_mut().filter(|f| f.path == "results.json").for_each(|f| f.size += 1)),
        "bundle.size-mismatch",
    );

    // A file changed after signing: the original manifest and envelope, a new zip.
    for path in ["results.json", "journal.jsonl", "documents/safe-record.pdf", "records/lot-record.json"] {
        let bytes = cases.changed_entry(path, |entry| {
            let last = entry.data.len() - 2;
            entry.data[last] ^= 0x20;
            entry.crc = crc32fast::hash(&entry.data);
        });
        cases.add(format!("{path} changed after signing"), bytes, "bundle.hash-mismatch");
    }
}

fn journal_cases(cases: &mut Cases<'_>) {
    let kit = cases.kit;
    let lines = kit.journal();
    let results = kit.entry("results.json").to_vec();

    cases.add("results.json that is not JSON", cases.with_file("results.json", b"{ nope".to_vec()), "bundle.results-invalid");
    cases.add("results.json 10 000 deep", cases.with_file("results.json", deep(10_000)), "bundle.json-too-deep");
    cases.add("results.json of another shape", cases.with_file("results.json", b"{\"format\": 1}".to_vec()), "bundle.results-invalid");

    let mut deleted = lines.clone();
    deleted.remove(lines.len() / 2);
    cases.add("an event deleted", cases.with_journal(&deleted), "bundle.journal-gap");
    cases.add("the first event deleted", cases.with_journal(&lines[1..]), "bundle.journal-gap");
    let mut swapped = lines.clone();
    swapped.swap(5, 6);
    cases.add("two events swapped", cases.with_journal(&swapped), "bundle.journal-reordered");
    let mut moved = lines.clone();
    let event = moved.remove(3);
    moved.push(event);
    cases.add("an event moved to the end", cases.with_journal(&moved), "bundle.journal-reordered");

    let mut edited = lines.clone();
    edited[4] = edit_payload(&edited[4], |value| value["at"] = "2020-01-01T00:00:00Z".into());
    cases.add("an event edited", cases.with_journal(&edited), "bundle.chain-broken");
    let mut prev = lines.clone();
    prev[7].prev_hash = "00".repeat(32);
    cases.add("a link edited", cases.with_journal(&prev), "bundle.chain-broken");
    let mut hash = lines.clone();
    hash[7].hash = "ff".repeat(32);
    cases.add("a hash edited", cases.with_journal(&hash), "bundle.chain-broken");
    let mut not_hex = lines.clone();
    not_hex[2].hash = "zz".repeat(32);
    cases.add("a hash that is not hex", cases.with_journal(&not_hex), "bundle.chain-broken");

    let mut kind = lines.clone();
    kind[4].kind = "delivered".into();
    cases.add("a kind that is not the event's, re-chained", cases.with_journal(&rechain(&kind)), "bundle.event-mismatch");
    let mut at = lines.clone();
    at[4].at = "2020-01-01T00:00:00Z".into();
    cases.add("a time that is not the event's, re-chained", cases.with_journal(&rechain(&at)), "bundle.event-mismatch");
    let mut unknown = lines.clone();
    unknown[4] = edit_payload(&unknown[4], |value| value["type"] = "ballot-stuffed".into());
    cases.add("an event this build does not know, re-chained", cases.with_journal(&rechain(&unknown)), "bundle.event-unreadable");

    let journal = bundle::journal::encode(&lines).expect("journal");
    let mut with_field = String::from_utf8(journal.clone()).expect("utf-8");
    with_field = with_field.replacen("{\"seq\"", "{\"extra\":1,\"seq\"", 1);
    cases.add("a journal line with a field more", cases.with_file("journal.jsonl", with_field.into_bytes()), "bundle.journal-invalid");
    cases.add("a journal without its last line feed", cases.with_file("journal.jsonl", journal[..journal.len() - 1].to_vec()), "bundle.journal-invalid");
    let mut not_json = journal.clone();
    not_json.splice(0..0, b"nope\n".iter().copied());
    cases.add("a journal line that is not JSON", cases.with_file("journal.jsonl", not_json), "bundle.journal-invalid");
    let mut deep_line = deep(10_000);
    deep_line.push(b'\n');
    deep_line.extend_from_slice(&journal);
    cases.add("a journal line 10 000 deep", cases.with_file("journal.jsonl", deep_line), "bundle.journal-invalid");
    cases.add("an empty journal", cases.with_file("journal.jsonl", Vec::new()), "bundle.journal-empty");
    let mut blank = journal.clone();
    blank.extend_from_slice(b"\n");
    cases.add("a blank line at the end", cases.with_file("journal.jsonl", blank), "bundle.journal-invalid");

    // Keys and checkpoints.
    let first_checkpoint = index_of(&lines, "checkpoint-signed");
    let mut early_gap = lines.clone();
    early_gap.remove(first_checkpoint - 3);
    cases.add("an event deleted before a checkpoint, re-chained", cases.with_journal(&rechain(&early_gap)), "bundle.checkpoint-invalid");
    let thief = stranger(43);
    let mut stolen = lines.clone();
    stolen[first_checkpoint] = edit_payload(&stolen[first_checkpoint], |value| {
        let count = value["checkpoint"]["count"].as_u64().expect("count");
        let head: [u8; 32] = hex::decode(value["checkpoint"]["head"].as_str().expect("head")).expect("hex").try_into().expect("32");
        let message = bundle::checkpoint_message(&kit.manifest.election, &kit.manifest.station, count, &head);
        value["checkpoint"]["signature"] = hex::encode(thief.sign(&message).expect("signed")).into();
    });
    cases.add("a checkpoint signed by another key, re-chained", cases.with_journal(&rechain(&stolen)), "bundle.checkpoint-invalid");
    let mut wrong_count = lines.clone();
    wrong_count[first_checkpoint] = edit_payload(&wrong_count[first_checkpoint], |value| {
        value["checkpoint"]["count"] = (value["checkpoint"]["count"].as_u64().expect("count") - 1).into();
    });
    cases.add("a checkpoint naming another size, re-chained", cases.with_journal(&rechain(&wrong_count)), "bundle.checkpoint-invalid");

    let key_line = index_of(&lines, "station-key-registered");
    let mut other_key = lines.clone();
    other_key[key_line] = edit_payload(&other_key[key_line], |value| {
        value["key"]["public_key"] = thief.public_key().public_key.into();
    });
    cases.add("the journal naming another station key, re-chained", cases.with_journal(&rechain(&other_key)), "bundle.station-key-mismatch");
    let keyless: Vec<JournalLine> =
        lines.iter().filter(|line| line.kind != "station-key-registered" && line.kind != "checkpoint-signed").cloned().collect();
    cases.add("a journal without the station key, re-chained", cases.with_journal(&rechain(&keyless)), "bundle.journal-no-station-key");
    let mut before_key = lines.clone();
    let key = before_key.remove(key_line);
    before_key.insert(first_checkpoint, key);
    cases.add("a checkpoint before the key, re-chained", cases.with_journal(&rechain(&before_key)), "bundle.checkpoint-invalid");

    cases.add(
        "a manifest naming another journal size",
        cases.with_manifest(|m| m.checkpoint.count -= 1),
        "bundle.checkpoint-mismatch",
    );
    cases.add(
        "a manifest naming another journal head",
        cases.with_manifest(|m| m.checkpoint.head = "00".repeat(32)),
        "bundle.checkpoint-mismatch",
    );
    cases.add("a journal without its election, re-chained", cases.with_journal(&rechain(&lines[1..])), "bundle.journal-other-station");
    let mut other_station = lines.clone();
    other_station[0] = edit_payload(&other_station[0], |value| value["definition"]["station"]["number"] = "0001".into());
    cases.add("the journal of another station, re-chained", cases.with_journal(&rechain(&other_station)), "bundle.journal-other-station");

    // The replay.
    let signed = index_of(&lines, "signed-protocol");
    cases.add("a journal cut before the protocol was signed", cases.with_journal(&lines[..signed]), "bundle.no-results");
    let mut recounted = lines.clone();
    let count_entry = index_of(&lines, "count-entered");
    recounted[count_entry] = edit_payload(&recounted[count_entry], |value| {
        let invalid = value["entry"]["figures"]["invalid"].as_u64().unwrap_or(0);
        value["entry"]["figures"]["invalid"] = (invalid + 1).into();
    });
    cases.add("a count entry edited after the close, re-chained", cases.with_journal(&rechain(&recounted)), "bundle.no-results");

    let mut claimed: serde_json::Value = serde_json::from_slice(&results).expect("results");
    let votes = claimed["contests"][0]["protocol"]["options"].as_object_mut().expect("options");
    let option = votes.keys().next().expect("an option").clone();
    votes[&option] = (votes[&option].as_u64().expect("votes") + 1).into();
    cases.add("results.json with a vote more", cases.with_file("results.json", serde_json::to_vec_pretty(&claimed).expect("json")), "bundle.results-differ");
    let mut renumbered: serde_json::Value = serde_json::from_slice(&results).expect("results");
    renumbered["protocol_number"] = 2.into();
    cases.add("results.json of protocol 2", cases.with_file("results.json", serde_json::to_vec_pretty(&renumbered).expect("json")), "bundle.results-differ");
    let mut dropped: serde_json::Value = serde_json::from_slice(&results).expect("results");
    dropped["contests"].as_array_mut().expect("contests").pop();
    cases.add("results.json without a contest", cases.with_file("results.json", serde_json::to_vec_pretty(&dropped).expect("json")), "bundle.results-differ");
    let mut real = kit.registry.clone();
    real.training = false;
    cases.add_with(
        "a manifest saying real, results saying training",
        cases.with_manifest(|m| m.training = false),
        real,
        VerifyOptions::default(),
        "bundle.training-mismatch",
    );
    cases.add("a protocol breaking its control relations", violated_relations(kit, &lines), "bundle.relations-violated");
}

/// A journal whose count and signed protocol agree with each other and with
/// results.json, but whose figures break a control relation (one more invalid ballot
/// than the boxes held): what a station would need to forge past every other check.
fn violated_relations(kit: &Kit, lines: &[JournalLine]) -> Vec<u8> {
    let signed = index_of(lines, "signed-protocol");
    let mut edited: Vec<JournalLine> = lines.to_vec();
    let contest = edit_count(&mut edited, signed);
    let events: Vec<Event> = edited[..signed].iter().map(|line| serde_json::from_str(&line.payload).expect("event")).collect();
    let state = domain::DayState::replay(&events);
    let election = state.election.clone().expect("election");
    let form = domain::protocol::form_for(election.station.kind).expect("form");
    let figures: Vec<domain::protocol::ContestProtocol> = domain::count::contests_counted_here(&election)
        .into_iter()
        .map(|c| domain::count::contest_protocol(&election, &state, form, c).expect("form").expect("agreed"))
        .collect();
    assert!(figures.iter().any(|f| f.contest == contest));
    edited[signed] = edit_payload(&edited[signed], |value| {
        value["protocol"]["contests"] = serde_json::to_value(&figures).expect("json");
    });
    let rechained = rechain(&edited);
    let events: Vec<Event> = rechained.iter().map(|line| serde_json::from_str(&line.payload).expect("event")).collect();
    let results = domain::results::compute(&domain::DayState::replay(&events)).expect("results");
    let mut files = kit.files_with_journal(&rechained);
    files.retain(|(path, _)| path != "results.json");
    let mut json = serde_json::to_vec_pretty(&results).expect("json");
    json.push(b'\n');
    files.push(("results.json".into(), json));
    kit.assemble(&files, |_| {}, &[&kit.station])
}

/// Adds one invalid ballot to every count entry of the first contest (before `until`);
/// returns the contest.
fn edit_count(lines: &mut [JournalLine], until: usize) -> String {
    let first = index_of(lines, "count-entered");
    let contest: serde_json::Value = serde_json::from_str(&lines[first].payload).expect("payload");
    let contest = contest["entry"]["contest"].as_str().expect("contest").to_owned();
    for line in lines[..until].iter_mut().filter(|line| line.kind == "count-entered") {
        let value: serde_json::Value = serde_json::from_str(&line.payload).expect("payload");
        if value["entry"]["contest"] == contest.as_str() {
            *line = edit_payload(line, |value| {
                let invalid = value["entry"]["figures"]["invalid"].as_u64().unwrap_or(0);
                value["entry"]["figures"]["invalid"] = (invalid + 1).into();
            });
        }
    }
    contest
}

fn all_cases(kit: &Kit) -> Vec<Case> {
    let mut cases = Cases { kit, all: Vec::new() };
    container_cases(&mut cases);
    signature_cases(&mut cases);
    manifest_cases(&mut cases);
    journal_cases(&mut cases);
    cases.all
}

#[test]
fn s72_the_stations_own_bundle_verifies() {
    let kit = kit();
    let verified = verify(&kit.bytes, &kit.registry).expect("the station's bundle verifies");
    assert_eq!(verified.manifest.sequence, 1);
    assert_eq!(verified.signers.len(), 2, "the station and the chair's card");
    assert!(!verified.checkpoints.is_empty());
    assert_eq!(verified.results.station, kit.manifest.station);
    let small = verify(&kit.small, &kit.registry).expect("the small bundle verifies");
    assert_eq!(small.results, verified.results);
    // The test's own zip writer writes the station's layout: the cases below differ from
    // a real bundle only where they say.
    assert_eq!(write_zip(&kit.raw_entries(), b""), kit.bytes);
}

#[test]
fn s72_every_hostile_bundle_is_refused_with_its_own_error() {
    let kit = kit();
    let cases = all_cases(kit);
    assert!(cases.len() >= 100, "only {} hostile bundles", cases.len());
    let mut wrong = Vec::new();
    for case in &cases {
        let outcome = catch_unwind(AssertUnwindSafe(|| bundle::read_and_verify(&case.bytes, &case.registry, &case.options)));
        match outcome {
            Err(_) => wrong.push(format!("{}: PANICKED", case.name)),
            Ok(Ok(_)) => wrong.push(format!("{}: accepted", case.name)),
            Ok(Err(error)) if error.code() != case.expected => {
                wrong.push(format!("{}: {} ({error}), expected {}", case.name, error.code(), case.expected));
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(wrong.is_empty(), "{} of {} hostile bundles:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}

#[test]
fn s72_hostile_bundles_cover_every_refusal_of_a_bundle() {
    let cases = all_cases(kit());
    let covered: std::collections::BTreeSet<&str> = cases.iter().map(|case| case.expected).collect();
    // Refusals that cannot come from a bundle alone: the registry's, the paper's, the
    // writer's, and a station missing from a registry that registered its key.
    let elsewhere = [
        "bundle.registry-invalid",
        "bundle.registry-bad-signature",
        "bundle.registry-other-signer",
        "bundle.registry-duplicate-station",
        "bundle.registry-key-reused",
        "bundle.paper-invalid",
        "bundle.paper-incomplete",
        "bundle.paper-mixed",
        "bundle.write",
        "bundle.sign",
        "bundle.station-not-registered",
    ];
    let all = uchastok_tests::bundle_kit::every_error_code();
    let missing: Vec<&&str> = all.iter().filter(|code| !covered.contains(**code) && !elsewhere.contains(*code)).collect();
    assert!(missing.is_empty(), "no hostile bundle for {missing:?}");
}

#[test]
fn s72_every_single_byte_change_of_a_small_signed_bundle_is_refused() {
    let kit = kit();
    let original = &kit.small;
    assert!(original.len() < 200_000, "a small bundle: {} bytes", original.len());
    let mut accepted = Vec::new();
    let mut bytes = original.clone();
    for at in 0..bytes.len() {
        bytes[at] ^= 0xff;
        match catch_unwind(AssertUnwindSafe(|| verify(&bytes, &kit.registry))) {
            Ok(Ok(_)) => accepted.push(format!("byte {at} accepted")),
            Err(_) => accepted.push(format!("byte {at} PANICKED")),
            Ok(Err(_)) => {}
        }
        bytes[at] ^= 0xff;
    }
    assert_eq!(&bytes, original);
    assert!(accepted.is_empty(), "{} of {} changes not refused: {:?}", accepted.len(), bytes.len(), &accepted[..accepted.len().min(20)]);
}

#[test]
fn s72_the_refusals_are_said_in_both_languages() {
    let kit = kit();
    let cases = all_cases(kit);
    for language in [i18n::Language::Ky, i18n::Language::Ru] {
        let localizer = i18n::Localizer::new(language);
        for case in cases.iter().take(200) {
            let Err(error) = bundle::read_and_verify(&case.bytes, &case.registry, &case.options) else { continue };
            let said = localizer.message(error.message_id(), &error.args());
            assert!(!said.contains(error.message_id()), "{}: {said}", case.name);
            assert!(!said.contains("{$") && !said.contains("{ $"), "{}: {said}", case.name);
        }
    }
}
