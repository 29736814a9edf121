//! Development aid: time of `read_mrz` per frame of a set (least of three runs), by kind of scene,
//! and the slowest frames. `cargo run --release -p corpus --example mrzprobe -- SET [COUNT]`

use std::collections::BTreeMap;

use corpus::{Truth, fonts::Fonts, generate, standard_sets};


fn main() {
    let args: Vec<String> = std::env::args().collect();
    let set_name = args.get(1).map_or("no-mrz", String::as_str);
    let fonts = Fonts::load();
    let _ = vision::glyphs::templates();
    let sets = standard_sets(1.0);
    let Some(set) = sets.iter().find(|s| s.name == set_name) else { return };
    let count: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(set.count);
    let mut all = Vec::new();
    let mut by_kind: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut outcomes = String::new();
    for i in 0..count {
        let s = generate(set, corpus::DEFAULT_SEED, i, &fonts);
        // the least of three runs: on a shared machine the closest to what it costs
        let mut ms = f64::MAX;
        let mut outcome = vision::MrzOutcome::NotFound;
        let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
        let only: Option<String> = std::env::var("KIND").ok();
        if only.as_ref().is_some_and(|k| !matches!(&s.truth, Truth::NoMrz(n) if n == k)) {
            continue;
        }
        for _ in 0..runs {
            let t = std::time::Instant::now();
            outcome = vision::read_mrz(&s.image);
            ms = ms.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        let kind = match &s.truth {
            Truth::NoMrz(k) => (*k).to_owned(),
            Truth::Mrz { lines, .. } => {
                let ok = outcome.accepted().is_some();
                let exact = matches!(&outcome, vision::MrzOutcome::Accepted { read, .. } if &read.lines == lines);
                outcomes.push(if exact { 'E' } else if ok { 'W' } else if outcome.band().is_some() { 'r' } else { '.' });
                format!("lines{}", lines.len())
            }
            Truth::Qr(_) => "qr".to_owned(),
        };
        if std::env::var("ALL").is_ok() {
            println!("{i} {kind} {ms:.2} {}", match &outcome { vision::MrzOutcome::NotFound => "notfound", vision::MrzOutcome::Rejected { .. } => "rejected", vision::MrzOutcome::Accepted { .. } => "accepted" });
        }
        all.push((ms, i, kind.clone()));
        by_kind.entry(kind).or_default().push(ms);
    }
    let q = |v: &[f64], p: f64| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[((v.len() as f64 - 1.0) * p).round() as usize]
    };
    for (k, v) in &by_kind {
        println!("{k:12} n {:4} mean {:.2} p50 {:.2} p95 {:.2} max {:.2}", v.len(), v.iter().sum::<f64>() / v.len() as f64, q(v, 0.5), q(v, 0.95), q(v, 1.0));
    }
    let t: Vec<f64> = all.iter().map(|a| a.0).collect();
    println!("all          n {:4} mean {:.2} p50 {:.2} p95 {:.2} max {:.2}", t.len(), t.iter().sum::<f64>() / t.len() as f64, q(&t, 0.5), q(&t, 0.95), q(&t, 1.0));
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, i, k) in all.iter().take(12) {
        println!("slow #{i} {k} {ms:.2}");
    }
    if !outcomes.is_empty() {
        // E exact, W wrong accept, r rejected band, . not found: a fingerprint to compare before/after
        let fp: u64 = outcomes.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3));
        println!("exact {} wrong {} rejected {} notfound {} fingerprint {fp:016x}", outcomes.matches('E').count(), outcomes.matches('W').count(), outcomes.matches('r').count(), outcomes.matches('.').count());
        if let Ok(path) = std::env::var("OUTCOMES") {
            let _ = std::fs::write(path, &outcomes);
        }
    }
}
