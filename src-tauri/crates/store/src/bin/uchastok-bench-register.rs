//! `uchastok-bench-register`: measures the voter register at national scale and prints
//! a table beside an anchor measured in the same run on the same disk.
//!
//! Owns: the benchmark only — generate a synthetic national register (default 4.3
//! million voters) into a temporary folder, import it, time `Register::find` (HMAC +
//! B-tree lookup + the entry's facts) over random personal numbers, half present and
//! half absent; then the anchor: a plain `INSERT INTO t VALUES (?, …)` of the same number
//! of rows with the same columns in one transaction (no parsing, no hashing, no sorting)
//! and primary-key lookups on it. Never: asserts anything (tests do) or keeps its files
//! (unless `--keep`).
//!
//! ```text
//! cargo run --release -p store --bin uchastok-bench-register -- --voters 4300000
//! options: --voters N (4300000)  --lookups N (100000)  --seed S (20251130)
//!          --dir PATH (a new folder under the system's temp dir)  --keep
//! ```

use std::collections::HashSet;
use std::io::BufWriter;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use domain::election::parse_definition;
use rusqlite::{Connection, OpenFlags, params};
use store::register::{self, GenerateOptions, ImportOptions, ImportStage, Register, RegisterKey};

/// A measuring tool's errors are said once on stderr, then it exits with 1.
type Fail = Box<dyn std::error::Error>;

fn fail(message: &str) -> Fail {
    message.into()
}

struct Options {
    voters: u64,
    lookups: usize,
    seed: u64,
    dir: Option<PathBuf>,
    keep: bool,
}

fn parse_options() -> Result<Options, Fail> {
    let mut options = Options { voters: 4_300_000, lookups: 100_000, seed: 20_251_130, dir: None, keep: false };
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        let mut value = || arguments.next().ok_or_else(|| fail(&format!("{argument} needs a value")));
        match argument.as_str() {
            "--voters" => options.voters = value()?.parse()?,
            "--lookups" => options.lookups = value()?.parse()?,
            "--seed" => options.seed = value()?.parse()?,
            "--dir" => options.dir = Some(PathBuf::from(value()?)),
            "--keep" => options.keep = true,
            other => return Err(fail(&format!("unknown option {other}; see the doc at the top of this file"))),
        }
    }
    Ok(options)
}

/// SplitMix64, for choosing which voters to look up.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(bound)) >> 64) as u64
    }
}

struct Timings {
    count: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    mean: Duration,
}

fn timings(mut samples: Vec<Duration>) -> Timings {
    samples.sort_unstable();
    let count = samples.len().max(1);
    let at = |per_cent: usize| samples.get((samples.len() * per_cent / 100).min(samples.len().saturating_sub(1))).copied().unwrap_or_default();
    let total: Duration = samples.iter().sum();
    Timings {
        count: samples.len(),
        p50: at(50),
        p99: at(99),
        max: samples.last().copied().unwrap_or_default(),
        mean: total / u32::try_from(count).unwrap_or(u32::MAX),
    }
}

fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

fn megabytes(path: &Path) -> f64 {
    std::fs::metadata(path).map(|metadata| metadata.len() as f64 / 1_048_576.0).unwrap_or(0.0)
}

fn main() {
    if let Err(error) = run() {
        eprintln!("uchastok-bench-register: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Fail> {
    let options = parse_options()?;
    let dir = options
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("uchastok-bench-register-{}", std::process::id())));
    std::fs::create_dir_all(&dir)?;
    let outcome = measure(&options, &dir);
    if options.keep {
        eprintln!("files kept in {}", dir.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    outcome
}

fn measure(options: &Options, dir: &Path) -> Result<(), Fail> {
    let definition = parse_definition(include_str!("../../../../../assets/elections/demo-jk-2025-remote.toml"))
        .map_err(|problems| fail(&format!("demo election: {problems:?}")))?;
    let csv_path = dir.join("register.csv");
    let db_path = dir.join("register.db");
    let key = RegisterKey::from_bytes([0x5A; 32]);
    eprintln!("load average at start: {}", std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim());

    // 1. The national register.
    let started = Instant::now();
    let generate_options = GenerateOptions::new(&definition, options.voters, options.seed);
    let mut csv = BufWriter::with_capacity(1 << 20, std::fs::File::create(&csv_path)?);
    register::generate(&definition, &generate_options, &mut csv, &mut |_, _| Ok(()))?;
    drop(csv);
    let generate_time = started.elapsed();
    eprintln!("generated {} voters ({:.0} MiB) in {:.1} s", options.voters, megabytes(&csv_path), generate_time.as_secs_f64());

    // 2. Import.
    let import_options = ImportOptions { progress_every: 100_000, ..ImportOptions::for_election(&definition) };
    let started = Instant::now();
    let mut reading_time = Duration::ZERO;
    let mut last_tenth = None;
    let report = register::import(&db_path, &key, &csv_path, &import_options, &mut |progress| {
        if progress.stage == ImportStage::Reading && progress.bytes_done == progress.bytes_total {
            reading_time = started.elapsed();
        }
        let tenth = match progress.stage {
            ImportStage::Reading => (progress.bytes_done * 10).checked_div(progress.bytes_total).unwrap_or(10),
            ImportStage::Writing => 10 + (progress.rows_done * 10).checked_div(progress.rows_total.unwrap_or(1)).unwrap_or(10),
        };
        if last_tenth != Some(tenth) {
            last_tenth = Some(tenth);
            eprintln!("  import {:?} {} rows, {:.1} s", progress.stage, progress.rows_done, started.elapsed().as_secs_f64());
        }
        ControlFlow::Continue(())
    })?;
    let import_time = started.elapsed();
    if report.imported != options.voters {
        return Err(fail(&format!("imported {} of {} voters: {:?}", report.imported, options.voters, report.problems)));
    }

    // 3. Lookups: half present (random rows of the file), half absent (born in 1850).
    let half = options.lookups / 2;
    let mut rng = Rng(options.seed ^ 0xB0B);
    let mut wanted: HashSet<u64> = HashSet::with_capacity(half);
    while wanted.len() < half.min(usize::try_from(options.voters).unwrap_or(usize::MAX)) {
        wanted.insert(rng.below(options.voters));
    }
    let mut personal_numbers: Vec<(String, bool)> = Vec::with_capacity(options.lookups);
    let mut reader = csv::Reader::from_path(&csv_path)?;
    for (index, record) in reader.records().enumerate() {
        if wanted.contains(&(index as u64)) {
            personal_numbers.push((record?.get(0).unwrap_or_default().to_owned(), true));
        }
    }
    for _ in 0..half {
        let (day, month, serial) = (1 + rng.below(28), 1 + rng.below(12), rng.below(100_000));
        personal_numbers.push((format!("{}{day:02}{month:02}1850{serial:05}", 1 + rng.below(2)), false));
    }
    for index in (1..personal_numbers.len()).rev() {
        personal_numbers.swap(index, rng.below(index as u64 + 1) as usize);
    }
    let opened = Register::open(&db_path)?;
    let mut find_samples = Vec::with_capacity(personal_numbers.len());
    let (mut present_found, mut absent_found) = (0usize, 0usize);
    for (number, present) in &personal_numbers {
        let started = Instant::now();
        let found = opened.find(&key, number)?;
        find_samples.push(started.elapsed());
        match (found.is_some(), present) {
            (true, true) => present_found += 1,
            (true, false) => absent_found += 1,
            _ => {}
        }
    }
    if present_found != half || absent_found != 0 {
        return Err(fail(&format!("lookups wrong: {present_found} of {half} present found, {absent_found} absent found")));
    }
    // The eligibility decision the desk makes: the lookup, then the domain's rules (R3.1,
    // R1.6, R4.3) on the facts found.
    let mut decision_samples = Vec::with_capacity(personal_numbers.len());
    let mut eligible = 0usize;
    for (number, _) in &personal_numbers {
        let started = Instant::now();
        let decided = opened.find(&key, number)?.map(|entry| {
            let facts = domain::identification::VoterFacts {
                voter: entry.voter_key.to_hex(),
                birth_date: entry.birth_date,
                district: entry.district,
                station: entry.station,
                registered_on: entry.registered_on,
            };
            domain::identification::eligibility(&definition, &facts).is_ok()
        });
        decision_samples.push(started.elapsed());
        eligible += usize::from(decided == Some(true));
    }
    let voter_keys: Vec<register::VoterKey> = personal_numbers.iter().map(|(number, _)| key.voter_key(number)).collect();
    let mut entry_samples = Vec::with_capacity(voter_keys.len());
    for voter_key in &voter_keys {
        let started = Instant::now();
        let _ = opened.entry(voter_key)?;
        entry_samples.push(started.elapsed());
    }
    drop(opened);
    let find = timings(find_samples);
    let entry = timings(entry_samples);
    let decision = timings(decision_samples);

    // 4. The anchor: the same rows' shape, plain SQLite.
    let pool = sample_rows(&csv_path, 4096)?;
    let anchor_path = dir.join("anchor.db");
    let conn = Connection::open(&anchor_path)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.execute_batch(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, voter_key BLOB, surname TEXT, given_names TEXT, patronymic TEXT,
                         birth_date INTEGER, district TEXT, station TEXT, registered_on INTEGER, has_photo INTEGER)",
    )?;
    let started = Instant::now();
    conn.execute_batch("BEGIN")?;
    {
        let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")?;
        for id in 0..options.voters {
            let row = &pool[(id % pool.len() as u64) as usize];
            insert.execute(params![
                id as i64,
                row.voter_key,
                row.surname,
                row.given_names,
                row.patronymic,
                row.birth_date,
                row.district,
                row.station,
                row.registered_on,
                false
            ])?;
        }
    }
    conn.execute_batch("COMMIT")?;
    let anchor_insert_time = started.elapsed();
    drop(conn);
    // Looked up through a new read-only connection set up like `Register::open`'s.
    let conn = Connection::open_with_flags(&anchor_path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    register::tune_for_lookups(&conn)?;
    let mut anchor_samples = Vec::with_capacity(options.lookups);
    {
        let mut select = conn.prepare(
            "SELECT surname, given_names, patronymic, birth_date, district, station, registered_on, has_photo FROM t WHERE id = ?1",
        )?;
        for index in 0..options.lookups {
            // Half the ids exist, half lie beyond the table, like the register's lookups.
            let id = if index % 2 == 0 { rng.below(options.voters) } else { options.voters + rng.below(options.voters) };
            let started = Instant::now();
            let mut rows = select.query([id as i64])?;
            if let Some(row) = rows.next()? {
                let _facts: (String, String, String, i64, String, String, i64, bool) =
                    (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?);
            }
            anchor_samples.push(started.elapsed());
        }
    }
    let anchor = timings(anchor_samples);
    drop(conn);

    // 5. The road not taken: the same plain INSERT straight into a table clustered on
    //    the voter key, in file (random key) order, as a one-pass import would do.
    let direct_path = dir.join("direct.db");
    let conn = Connection::open(&direct_path)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.execute_batch(
        "CREATE TABLE t (voter_key BLOB PRIMARY KEY, surname TEXT, given_names TEXT, patronymic TEXT,
                         birth_date INTEGER, district TEXT, station TEXT, registered_on INTEGER, has_photo INTEGER) WITHOUT ROWID",
    )?;
    let started = Instant::now();
    conn.execute_batch("BEGIN")?;
    {
        let mut insert = conn.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
        for id in 0..options.voters {
            let row = &pool[(id % pool.len() as u64) as usize];
            let voter_key = key.voter_key(&id.to_string());
            insert.execute(params![
                voter_key.as_bytes(),
                row.surname,
                row.given_names,
                row.patronymic,
                row.birth_date,
                row.district,
                row.station,
                row.registered_on,
                false
            ])?;
        }
    }
    conn.execute_batch("COMMIT")?;
    let direct_insert_time = started.elapsed();
    drop(conn);

    // 6. The table.
    let rate = |rows: u64, time: Duration| rows as f64 / time.as_secs_f64().max(1e-9);
    println!();
    println!("voter register, {} voters, seed {}, {} lookups", options.voters, options.seed, find.count);
    println!(
        "CSV {:.0} MiB, register.db {:.0} MiB, anchor.db {:.0} MiB, key-order table {:.0} MiB",
        megabytes(&csv_path),
        megabytes(&db_path),
        megabytes(&anchor_path),
        megabytes(&direct_path)
    );
    println!("load average at end: {}", std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim());
    println!();
    println!("{:<52} {:>10} {:>12}", "bulk", "time s", "rows/s");
    println!("{:<52} {:>10.1} {:>12.0}", "generate CSV (not part of the import)", generate_time.as_secs_f64(), rate(options.voters, generate_time));
    println!("{:<52} {:>10.1} {:>12.0}", "import: read, check, hash, stage", reading_time.as_secs_f64(), rate(options.voters, reading_time));
    let writing_time = import_time.saturating_sub(reading_time);
    println!("{:<52} {:>10.1} {:>12.0}", "import: sort, write in key order, sync, rename", writing_time.as_secs_f64(), rate(options.voters, writing_time));
    println!("{:<52} {:>10.1} {:>12.0}", "import, whole", import_time.as_secs_f64(), rate(options.voters, import_time));
    println!("{:<52} {:>10.1} {:>12.0}", "ANCHOR plain INSERT, rowid order, one transaction", anchor_insert_time.as_secs_f64(), rate(options.voters, anchor_insert_time));
    println!("{:<52} {:>10.1} {:>12.0}", "(not chosen) plain INSERT in random key order", direct_insert_time.as_secs_f64(), rate(options.voters, direct_insert_time));
    println!("import / anchor: {:.2}×", import_time.as_secs_f64() / anchor_insert_time.as_secs_f64().max(1e-9));
    println!();
    println!("{:<52} {:>9} {:>9} {:>9} {:>9}", "lookup (µs)", "p50", "p99", "max", "mean");
    for (name, timing) in [
        ("eligibility decision: find + domain rules", &decision),
        ("find: HMAC + key lookup + facts", &find),
        ("entry: key lookup + facts (no HMAC)", &entry),
        ("ANCHOR plain SELECT by INTEGER PRIMARY KEY", &anchor),
    ] {
        println!(
            "{name:<52} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
            micros(timing.p50),
            micros(timing.p99),
            micros(timing.max),
            micros(timing.mean)
        );
    }
    println!("found {present_found} of {half} present, {absent_found} of {half} absent; {eligible} may vote at the remote station");
    Ok(())
}

/// Rows shaped like the register's, for the anchor: the first `count` of the file.
struct PoolRow {
    voter_key: [u8; 32],
    surname: String,
    given_names: String,
    patronymic: String,
    birth_date: i64,
    district: String,
    station: String,
    registered_on: i64,
}

fn sample_rows(csv_path: &Path, count: usize) -> Result<Vec<PoolRow>, Fail> {
    let key = RegisterKey::from_bytes([0x11; 32]);
    let number = |text: &str| text.replace('-', "").parse::<i64>().unwrap_or(0);
    let mut pool = Vec::with_capacity(count);
    let mut reader = csv::Reader::from_path(csv_path)?;
    for record in reader.records().take(count) {
        let record = record?;
        let field = |index: usize| record.get(index).unwrap_or_default().to_owned();
        pool.push(PoolRow {
            voter_key: *key.voter_key(&field(0)).as_bytes(),
            surname: field(1),
            given_names: field(2),
            patronymic: field(3),
            birth_date: number(&field(4)),
            district: field(5),
            station: field(6),
            registered_on: number(&field(7)),
        });
    }
    if pool.is_empty() {
        return Err(fail("the generated file has no rows"));
    }
    Ok(pool)
}
