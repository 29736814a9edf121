//! `uchastok-bench-dec`: how long a district commission takes to verify and aggregate
//! the bundles of many stations, beside the anchors measured in the same run on the same
//! machine — `ring`'s raw Ed25519 verifications per second and SHA-256 throughput —
//! which bound from below what any verifier of these bundles can do.
//!
//! One simulated day of the city-council demo is run (`api::demo_day`), its bundle's
//! journal is rebuilt for each station with a key of its own and the station's number
//! (`bundle::resign`, as the key holder could; not timed), then each bundle is verified
//! as an import does (`bundle::read_and_verify_for_summary`: every signature, hash,
//! the chain, the checkpoints, the replay) and taken into the district's state
//! (`domain::dec::decide` + `apply`), and the summary table of all of them is built
//! (`domain::dec::summary`). The commission's file (SQLite, fsync per bundle) is not in
//! the figures: it is the journal's cost, measured by the journal's own benchmark.
//!
//! Options: `--stations N` (default 2500), `--voters N` per day (default 40).

use std::time::{Duration, Instant};

use api::demo_day::{self, DemoDayOptions};
use api::Demo;
use bundle::{Ed25519Signer, JournalLine, Limits, RegisteredStation, Registry, Signer, VerifyOptions};
use chrono::{DateTime, Utc};
use domain::Event;
use domain::dec::{DecCommand, DecSetup, DecState, ReceivedBundle};
use ring::digest;

fn option(args: &[String], name: &str, default: usize) -> usize {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn signer(index: usize) -> Ed25519Signer {
    let seed = digest::digest(&digest::SHA256, format!("uchastok bench station {index}").as_bytes());
    let mut bytes = [0u8; 32];
    bytes.copy_from_slice(seed.as_ref());
    Ed25519Signer::from_seed(&bytes).expect("a 32-byte seed is a key")
}

fn station_number(index: usize) -> String {
    format!("{}", 10_000 + index)
}

fn decide(state: DecState, command: &DecCommand, now: DateTime<Utc>) -> DecState {
    let events = domain::dec::decide(&state, command, now).expect("the district takes it");
    events.iter().fold(state, domain::dec::apply)
}

/// Ed25519 verifications per second by `ring` alone.
fn ed25519_anchor() -> f64 {
    let key = signer(usize::MAX);
    let message = [7u8; 400];
    let signature = key.sign(&message).expect("signed");
    let public = key.public_key();
    let rounds = 20_000;
    let start = Instant::now();
    for _ in 0..rounds {
        assert!(public.verifies(&message, &signature));
    }
    f64::from(rounds) / start.elapsed().as_secs_f64()
}

/// SHA-256 throughput of `ring`, MB/s.
fn sha256_anchor() -> f64 {
    let buffer = vec![0x5au8; 64 << 20];
    let rounds = 4;
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(digest::digest(&digest::SHA256, &buffer));
    }
    (rounds * buffer.len()) as f64 / 1e6 / start.elapsed().as_secs_f64()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stations = option(&args, "--stations", 2500);
    let voters = u32::try_from(option(&args, "--voters", 40)).unwrap_or(40);

    // One day, its bundle and its journal.
    let dir = std::env::temp_dir().join(format!("uchastok-bench-dec-{}", std::process::id()));
    let day = demo_day::run(&DemoDayOptions { demo: Demo::CityCouncil, voters, seed: 1, data_dir: dir.clone() })
        .expect("the day runs");
    let written = api::demo_bundle::write_demo_bundle(&day.station, &dir).expect("bundle");
    let registry_bytes = std::fs::read(&written.registry).expect("registry");
    let demo_registry = Registry::open(&registry_bytes, None, &Limits::default()).expect("demo registry");
    let genuine = std::fs::read(&written.bundle.path).expect("bundle bytes");
    let verified = bundle::read_and_verify(&genuine, &demo_registry, &VerifyOptions::default()).expect("genuine bundle");
    let lines: Vec<JournalLine> = verified
        .file(bundle::manifest::JOURNAL)
        .expect("journal")
        .split(|b| *b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("journal line"))
        .collect();
    let election = day.station.election().expect("election");
    let created_at = verified.manifest.created_at;
    let now = created_at + chrono::Duration::hours(1);
    drop(day);
    let _ = std::fs::remove_dir_all(&dir);

    // The district: set up, every station registered.
    let dec_key = signer(usize::MAX - 1).public_key();
    let setup = DecSetup {
        election: election.clone(),
        district: election.station.district.clone(),
        commission: "bench".into(),
        dec_key: dec_key.public_key.clone(),
    };
    let mut state = decide(DecState::default(), &DecCommand::SetUp { setup: Box::new(setup) }, now);
    let mut registry = Registry {
        format: bundle::registry::REGISTRY_FORMAT,
        election: election.id.clone(),
        training: election.training,
        commission: "bench".into(),
        issued_at: now,
        dec_key,
        stations: Vec::with_capacity(stations),
    };
    let keys: Vec<Ed25519Signer> = (0..stations).map(signer).collect();
    for (index, key) in keys.iter().enumerate() {
        let public = key.public_key();
        let command = DecCommand::RegisterStation {
            station: station_number(index),
            public_key: public.public_key.clone(),
            co_signers: Vec::new(),
        };
        state = decide(state, &command, now);
        registry.stations.push(RegisteredStation {
            station: station_number(index),
            key: public,
            valid_from: DateTime::<Utc>::MIN_UTC,
            valid_until: DateTime::<Utc>::MAX_UTC,
            co_signers: Vec::new(),
        });
    }

    let (mut generate, mut verify, mut take) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut bytes_total, mut signatures_total, mut entries_total) = (0usize, 0usize, 0usize);
    for (index, key) in keys.iter().enumerate() {
        let started = Instant::now();
        let number = station_number(index);
        let bytes = bundle::resign::bundle_from(&lines, key, &[], 1, created_at, |event| {
            if let Event::ElectionLoaded { definition, .. } = event {
                definition.station.number = number.clone();
            }
        })
        .expect("bundle");
        generate += started.elapsed();

        let started = Instant::now();
        let checked = bundle::read_and_verify_for_summary(&bytes, &registry, &VerifyOptions::default()).expect("verifies");
        verify += started.elapsed();
        bytes_total += bytes.len();
        signatures_total += checked.signers.len() + checked.checkpoints.len();
        entries_total += usize::try_from(checked.head.count).unwrap_or(0);

        let started = Instant::now();
        let received = ReceivedBundle {
            sha256: checked.sha256.clone(),
            file_name: format!("{number}.zip"),
            station: number.clone(),
            sequence: checked.manifest.sequence,
            created_at: checked.manifest.created_at,
            delivered_at: checked.state.count.delivered_at,
            results: checked.results,
            checkpoints: checked.checkpoints.iter().map(|c| c.fingerprint.clone()).collect(),
        };
        state = decide(state, &DecCommand::TakeBundle { bundle: Box::new(received) }, now);
        take += started.elapsed();
    }
    let started = Instant::now();
    let summary = domain::dec::summary(&state).expect("summary");
    let summarise = started.elapsed();
    assert_eq!(summary.totals.counted as usize, stations);
    assert_eq!(summary.totals.flagged, 0);

    let ed25519 = ed25519_anchor();
    let sha256 = sha256_anchor();
    let n = stations as f64;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let per = |d: Duration| ms(d) / n;
    let aggregate = take + summarise;
    let total = verify + aggregate;
    let mean_bytes = bytes_total as f64 / n;
    // What the cryptography alone costs per bundle: every signature once, every byte
    // hashed about twice (the file's hash in the manifest, the whole bundle's hash) and
    // the journal's entries hashed for the chain.
    let floor_ms = (signatures_total as f64 / n) / ed25519 * 1e3 + (2.0 * mean_bytes) / (sha256 * 1e6) * 1e3;

    println!("uchastok-bench-dec: {stations} stations, one day of {voters} voters each (city-council demo), one core");
    println!(
        "bundle: {:.1} KiB mean, {:.1} journal entries, {:.1} signatures (manifest + checkpoints)",
        mean_bytes / 1024.0,
        entries_total as f64 / n,
        signatures_total as f64 / n
    );
    println!();
    println!("{:<44} {:>12} {:>14} {:>14}", "stage", "total s", "ms per bundle", "bundles per s");
    let row = |name: &str, d: Duration| {
        println!("{:<44} {:>12.3} {:>14.3} {:>14.1}", name, d.as_secs_f64(), per(d), n / d.as_secs_f64().max(1e-9));
    };
    row("verify (read_and_verify_for_summary)", verify);
    row("aggregate (take each bundle + summary table)", aggregate);
    println!("{:<44} {:>12.3}", "  of which the summary table of all", summarise.as_secs_f64());
    row("verify + aggregate", total);
    row("(not timed above: rebuilding the bundles)", generate);
    println!();
    println!("anchor, same run                                   value");
    println!("{:<44} {:>12.0}", "ring Ed25519 verifications per s", ed25519);
    println!("{:<44} {:>12.0}", "ring SHA-256 MB/s", sha256);
    println!("{:<44} {:>12.3}", "crypto floor, ms per bundle", floor_ms);
    println!("{:<44} {:>12.1}", "verify / crypto floor", per(verify) / floor_ms);
}
