//! Development aid: what `decode_qr` costs on frames without a code (the camera's
//! scanner tries it on every frame without an MRZ band), by attempt reached.
//! `cargo run --release -p corpus --example qrnocode -- [COUNT]`

use corpus::{fonts::Fonts, generate, standard_sets};
use vision::qr;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(500);
    let fonts = Fonts::load();
    let sets = standard_sets(1.0);
    let Some(set) = sets.iter().find(|s| s.name == "no-mrz") else { return };
    let mut times = Vec::new();
    let mut found = 0;
    for i in 0..count {
        let s = generate(set, corpus::DEFAULT_SEED, i, &fonts);
        let mut best = f64::MAX;
        for _ in 0..2 {
            let t = std::time::Instant::now();
            if qr::decode_qr(&s.image).is_some() {
                found += 1;
            }
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.push(best);
    }
    times.sort_by(f64::total_cmp);
    let q = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    println!("no code: {} frames, decoded {found}, ms mean {:.2} p50 {:.2} p95 {:.2} max {:.2}", times.len(), times.iter().sum::<f64>() / times.len() as f64, q(0.5), q(0.95), q(1.0));
}
