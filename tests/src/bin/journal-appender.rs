//! The child process of the journal crash test (`tests/tests/journal_crash.rs`): opens a
//! journal and appends events to it in a loop, one transaction at a time, until it is
//! killed.
//!
//! Usage: `journal-appender DB SEED [MAX_COMMITS]`.
//!
//! After every commit it prints one line per event appended, `ACK <seq> <hash hex>`, and
//! flushes stdout: a line the parent has read is an event the journal promised to keep.
//! The hashes are computed here with [`store::entry_hash`] from the event's JSON, and
//! checked against the journal's head after the commit.
//! It starts with `READY <count> <hash hex>` once the journal is open. If the journal is
//! not healthy on opening it prints `PROBLEM <code> <detail>` and exits with status 2;
//! any other failure exits with status 1. Events are synthetic (`append` does not run
//! `decide`): an `ElectionLoaded` first, then `StepCompleted` events over and over, in
//! transactions of 1 to 4 events chosen by a small PRNG seeded with SEED.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use domain::election::{BallotOption, CommissionMember, Contest, LocalizedText, OptionKind, Role, Station};
use domain::{ElectionDefinition, ElectionKind, Event, StationKind, StepId};
use store::{Health, Journal};

fn text(ky: &str, ru: &str) -> LocalizedText {
    LocalizedText { ky: ky.to_owned(), ru: ru.to_owned() }
}

fn definition() -> ElectionDefinition {
    ElectionDefinition {
        id: "crash-test".to_owned(),
        name: text("Сыноо шайлоосу", "Тестовые выборы"),
        kind: ElectionKind::JogorkuKeneshDistricts,
        training: true,
        voting_day: NaiveDate::from_ymd_opt(2025, 11, 30).unwrap_or_default(),
        timezone: "Asia/Bishkek".to_owned(),
        community_registration_days: 90,
        contests: vec![Contest {
            id: "d1".to_owned(),
            designation: "№ 1".to_owned(),
            name: text("№ 1 округ", "Округ № 1"),
            options: (1..=8)
                .map(|n| BallotOption {
                    id: format!("c{n}"),
                    kind: OptionKind::Candidate,
                    name: text(&format!("Талапкер {n}"), &format!("Кандидат {n}")),
                })
                .collect(),
        }],
        station: Station {
            number: "1001".to_owned(),
            kind: StationKind::Regular,
            district: "d1".to_owned(),
            address: text("№ 1 мектеп", "Школа № 1"),
        },
        commission: vec![CommissionMember { id: "m1".to_owned(), name: "Төрага".to_owned(), role: Role::Chair }],
    }
}

/// SplitMix64: enough randomness for batch sizes, no crate needed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 11, 30, 1, 0, 0).single().unwrap_or_default()
}

fn run(db: PathBuf, seed: u64, max_commits: u64) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    let mut journal = Journal::open(&db).map_err(|error| format!("open: {error}"))?;
    if let Health::ReadOnly(problem) = journal.health() {
        writeln!(out, "PROBLEM {} {problem}", problem.code()).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        return Ok(ExitCode::from(2));
    }
    let head = journal.head();
    writeln!(out, "READY {} {}", head.count, head.hex()).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;

    let mut rng = SplitMix64(seed);
    for _ in 0..max_commits {
        let count = journal.head().count;
        let batch: Vec<Event> = if journal.state().election.is_none() {
            vec![Event::ElectionLoaded { at: base_time(), definition: Box::new(definition()) }]
        } else {
            let size = 1 + rng.next() % 4;
            (0..size)
                .map(|i| {
                    let n = count + i;
                    let step = StepId::ALL[(n % StepId::ALL.len() as u64) as usize];
                    let seconds = i64::try_from(n).unwrap_or(i64::MAX);
                    Event::StepCompleted { at: base_time() + Duration::seconds(seconds), step }
                })
                .collect()
        };
        // Each entry's hash, computed here from the crate doc's formula, not asked from
        // the store: the parent then checks the file against an independent computation.
        let mut prev = journal.head().hash;
        let mut lines = String::new();
        let mut expected = Vec::with_capacity(batch.len());
        for (i, event) in batch.iter().enumerate() {
            let seq = count + 1 + i as u64;
            let payload = serde_json::to_string(event).map_err(|e| e.to_string())?;
            prev = store::entry_hash(&prev, seq, event.kind().as_bytes(), payload.as_bytes());
            expected.push(seq);
            lines.push_str(&format!("ACK {seq} {}\n", hex(&prev)));
        }
        let seqs = journal.append(&batch).map_err(|error| format!("append: {error}"))?;
        if seqs != expected || journal.head().hash != prev {
            return Err(format!(
                "append gave {seqs:?} / {}, expected {expected:?} / {}",
                journal.head().hex(),
                hex(&prev)
            ));
        }
        // The commit has returned: the entries are durable. Acknowledge them in one write.
        out.write_all(lines.as_bytes()).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(db), Some(seed)) = (args.next(), args.next().and_then(|s| s.parse().ok())) else {
        eprintln!("usage: journal-appender DB SEED [MAX_COMMITS]");
        return ExitCode::FAILURE;
    };
    let max_commits = args.next().and_then(|s| s.parse().ok()).unwrap_or(u64::MAX);
    match run(PathBuf::from(db), seed, max_commits) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("journal-appender: {message}");
            ExitCode::FAILURE
        }
    }
}
