//! The journal survives being killed: a child process (`journal-appender`) appends to one
//! database in a loop and acknowledges every commit on stdout; it is killed with SIGKILL
//! at pseudo-random moments, hundreds of times, reusing the same file. After each kill:
//! every acknowledged event is in the file with the hash the child computed, SQLite's
//! `PRAGMA integrity_check` says `ok`, and the chain verifies. Some kills land while the
//! child is still starting (opening, recovering the WAL, verifying), most while it
//! appends.
//!
//! The delays come from a seeded SplitMix64; set `JOURNAL_CRASH_SEED` to replay a run.
//! Nothing here measures time: the delays only spread the kills.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use store::{Health, Journal, Problem, StoreError};

const APPENDER: &str = env!("CARGO_BIN_EXE_journal-appender");

/// How many times the appender is killed.
const KILLS: u32 = 240;

/// SplitMix64: a small seeded PRNG, so a failing run can be replayed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

fn seed() -> u64 {
    std::env::var("JOURNAL_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5EED_2025)
}

/// A running appender: its stdout lines arrive on `lines` as they are printed.
struct Appender {
    child: Child,
    lines: Receiver<String>,
    reader: JoinHandle<()>,
    stderr: JoinHandle<String>,
}

impl Appender {
    fn spawn(db: &Path, seed: u64) -> Appender {
        let mut child = Command::new(APPENDER)
            .arg(db)
            .arg(seed.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn journal-appender");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stderr = child.stderr.take().expect("piped stderr");
        let (sender, lines) = mpsc::channel();
        let reader = thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = String::new();
            // Only whole lines count: a line cut by the kill was never acknowledged.
            while stdout.read_line(&mut line).unwrap_or(0) > 0 && line.ends_with('\n') {
                if sender.send(line.trim_end().to_owned()).is_err() {
                    break;
                }
                line.clear();
            }
        });
        let stderr = thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Appender { child, lines, reader, stderr }
    }

    /// Waits for the next line (the child prints READY within a few milliseconds; the
    /// long timeout only turns a hung child into a failure instead of a hung test).
    fn next_line(&self) -> Option<String> {
        self.lines.recv_timeout(Duration::from_secs(30)).ok()
    }

    /// SIGKILL (what `Child::kill` sends on Unix), then every line printed before it.
    fn kill(mut self) -> (ExitStatus, Vec<String>, String) {
        self.child.kill().expect("kill journal-appender");
        let status = self.child.wait().expect("wait for journal-appender");
        self.reader.join().expect("stdout reader");
        let lines = self.lines.try_iter().collect();
        let stderr = self.stderr.join().unwrap_or_default();
        (status, lines, stderr)
    }
}

/// Parses `ACK <seq> <hash>` and `READY <count> <hash>`.
fn parse(line: &str) -> (&str, u64, String) {
    let mut parts = line.split(' ');
    let (Some(tag), Some(seq), Some(hash), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        panic!("unexpected line from journal-appender: {line:?}");
    };
    let seq = seq.parse().unwrap_or_else(|_| panic!("bad number in {line:?}"));
    assert_eq!(hash.len(), 64, "bad hash in {line:?}");
    (tag, seq, hash.to_owned())
}

/// Every check after a kill; returns the number of entries in the file.
fn check_after_kill(db: &Path, acked: &BTreeMap<u64, String>, context: &str) -> u64 {
    let head = match store::verify_file(db) {
        Ok(head) => head,
        // Killed before the journal was ever created: the file is missing, or an empty
        // database (its creation is one transaction, never half done).
        Err(Problem::NotAJournal | Problem::CannotOpen { .. }) if acked.is_empty() => {
            if db.exists() {
                let conn =
                    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
                let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0)).unwrap();
                assert_eq!(objects, 0, "{context}: a half-created journal");
            }
            return 0;
        }
        Err(problem) => panic!("{context}: chain does not verify: {problem:?}"),
    };

    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(integrity, vec!["ok".to_owned()], "{context}: integrity_check");
    let stored: BTreeMap<u64, String> = conn
        .prepare("SELECT seq, hash FROM journal")
        .unwrap()
        .query_map([], |row| Ok((row.get::<_, i64>(0)? as u64, hex_of(&row.get::<_, Vec<u8>>(1)?))))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop(conn);

    assert_eq!(stored.len() as u64, head.count, "{context}: rows vs verified head");
    for (seq, hash) in acked {
        match stored.get(seq) {
            Some(found) => assert_eq!(found, hash, "{context}: acknowledged entry {seq} changed"),
            None => panic!("{context}: acknowledged entry {seq} is lost (file has {} entries)", head.count),
        }
    }
    if let Some((&last, hash)) = stored.iter().next_back() {
        assert_eq!(hash, &head.hex(), "{context}: head hash");
        assert_eq!(last, head.count);
    }
    head.count
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn acknowledged_events_survive_sigkill_at_random_moments() {
    let seed = seed();
    let mut rng = SplitMix64(seed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let started = std::time::Instant::now();

    let mut acked: BTreeMap<u64, String> = BTreeMap::new();
    let mut entries = 0u64;
    let (mut killed_starting, mut rounds_without_ack, mut reopened) = (0u32, 0u32, 0u32);
    let mut guaranteed_acks = 0u64;
    for round in 0..KILLS {
        let context = format!("seed {seed}, kill {round}");
        let appender = Appender::spawn(&db, rng.next());
        // One round in five is killed while the child is still starting; the others
        // after it is ready and has acknowledged 0 to 2 commits (so that a run always
        // acknowledges events, however slow the disk), somewhere in its stream of commits.
        let during_start = rng.below(5) == 0;
        let mut lines = Vec::new();
        if during_start {
            thread::sleep(Duration::from_micros(rng.below(4_000)));
        } else {
            let wait_for = 1 + rng.below(3);
            while (lines.len() as u64) < wait_for {
                let Some(line) = appender.next_line() else {
                    let (status, _, stderr) = appender.kill();
                    panic!("{context}: the appender stopped talking: {lines:?}; {status}; stderr: {stderr}");
                };
                lines.push(line);
            }
            guaranteed_acks += wait_for - 1;
            thread::sleep(Duration::from_micros(rng.below(20_000)));
        }
        let (status, rest, stderr) = appender.kill();
        lines.extend(rest);
        assert_eq!(
            status.signal(),
            Some(libc::SIGKILL),
            "{context}: the appender was not killed but ended on its own: {status}; stderr: {stderr}; lines: {lines:?}"
        );
        if let Some(first) = lines.first() {
            let (tag, count, hash) = parse(first);
            assert_eq!(tag, "READY", "{context}: {first}");
            assert_eq!(count, entries, "{context}: the child opened a journal of another length");
            if let Some(acked_hash) = acked.get(&count) {
                assert_eq!(&hash, acked_hash, "{context}: READY head");
            }
        }

        let mut acks_this_round = 0;
        for line in &lines {
            let (tag, seq, hash) = parse(line);
            match tag {
                "READY" => {}
                "ACK" => {
                    assert!(seq > entries, "{context}: ACK {seq} for an entry that existed before this child");
                    assert!(acked.insert(seq, hash).is_none(), "{context}: entry {seq} acknowledged twice");
                    acks_this_round += 1;
                }
                _ => panic!("{context}: unexpected line {line:?}"),
            }
        }
        if during_start && lines.is_empty() {
            killed_starting += 1;
        }
        if acks_this_round == 0 {
            rounds_without_ack += 1;
        }

        entries = check_after_kill(&db, &acked, &context);
        // (Not every entry is acknowledged: a kill between a commit and its ACK line
        // leaves an entry in the file that no one was promised. The reverse never
        // happens, which is what check_after_kill asserts.)

        // Now and then the parent opens the journal for writing itself: healthy, same
        // head, and on close SQLite checkpoints the WAL into the file.
        if round % 10 == 9 {
            let journal = Journal::open(&db).unwrap_or_else(|error| panic!("{context}: open: {error:?}"));
            assert_eq!(journal.health(), &Health::Ok, "{context}");
            assert_eq!(journal.head().count, entries, "{context}");
            assert_eq!(journal.state().events_applied, entries, "{context}");
            reopened += 1;
        }
    }

    let journal = Journal::open(&db).unwrap();
    assert_eq!(journal.health(), &Health::Ok);
    assert_eq!(journal.events().unwrap().len() as u64, entries);
    assert!(acked.len() as u64 >= guaranteed_acks, "{} acknowledged, {guaranteed_acks} waited for", acked.len());
    assert!(guaranteed_acks > u64::from(KILLS) / 2);
    println!(
        "journal crash test: seed {seed}: {KILLS} kills ({killed_starting} before the child printed anything, \
         {rounds_without_ack} rounds without an ACK), {} events acknowledged, {entries} entries in the file, \
         {reopened} reopenings by the parent, {:.1} s",
        acked.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn a_second_process_cannot_open_a_journal_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let appender = Appender::spawn(&db, 7);
    assert!(appender.next_line().is_some_and(|line| line.starts_with("READY ")));
    assert!(appender.next_line().is_some_and(|line| line.starts_with("ACK ")));

    // The child holds SQLite's exclusive lock: no second writer, not even a reader.
    assert!(matches!(Journal::open(&db), Err(StoreError::Locked)));
    assert_eq!(store::verify_file(&db), Err(Problem::InUse));

    let (status, _, _) = appender.kill();
    assert_eq!(status.signal(), Some(libc::SIGKILL));
    // The lock died with the process.
    let journal = Journal::open(&db).unwrap();
    assert_eq!(journal.health(), &Health::Ok);
    assert!(journal.head().count >= 1);
}
