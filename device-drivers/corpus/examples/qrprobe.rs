//! Development aid: which attempt of `decode_qr` decodes each QR frame, how the codes
//! that rxing misses on the whole frame lie, and what decoding costs (least of three
//! runs, so that a loaded machine blurs the picture less).
//! `cargo run --release -p corpus --example qrprobe -- FIRST COUNT [OUT_DIR]`

use std::collections::BTreeMap;

use corpus::{Truth, fonts::Fonts, generate_qr_laid_out, standard_sets};
use vision::qr;

/// The result and the least wall time of three runs, ms.
fn timed<T>(f: impl Fn() -> T) -> (T, f64) {
    let mut best = f64::MAX;
    let mut r = None;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        r = Some(f());
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    (r.unwrap_or_else(f), best)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let first: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let count: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = args.get(3);
    let seed: u64 = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(corpus::DEFAULT_SEED);
    let fonts = Fonts::load();
    let sets = standard_sets(1.0);
    let Some(set) = sets.iter().find(|s| s.name == "qr") else { return };
    let (mut fast, mut chosen) = (Vec::new(), Vec::new());
    let mut by_attempt: BTreeMap<String, usize> = BTreeMap::new();
    for i in first..first + count {
        let Some((s, lay)) = generate_qr_laid_out(set, seed, i, &fonts) else { continue };
        let Truth::Qr(p) = &s.truth else { continue };
        let (_, t_rx) = timed(|| qr::decode_rxing(&s.image));
        let (got, t_all) = timed(|| qr::decode_qr_traced(&s.image));
        fast.push(t_rx);
        chosen.push(t_all);
        let what = match &got {
            Some((payload, a)) if payload == p => format!("{a:?}"),
            Some(_) => "WRONG".to_owned(),
            None => "none".to_owned(),
        };
        *by_attempt.entry(what.clone()).or_default() += 1;
        if what == "Frame" {
            continue;
        }
        let regions = qr::code_regions(&s.image);
        let angles: Vec<String> = regions.iter().take(2).map(|r| format!("{:.1}", qr::grid_angle(&s.image, *r).unwrap_or(f32::NAN).to_degrees())).collect();
        println!(
            "{i:4}: {what:16} mod {:.2}px n{} ang {:5.1} (mod90 {:4.1}) est {angles:?} rx {t_rx:.1}ms all {t_all:.1}ms regions {regions:?}",
            lay.module_px, lay.modules, lay.angle, lay.angle % 90.0
        );
        if let Some(dir) = out
            && let Some(img) = image::GrayImage::from_raw(s.image.width() as u32, s.image.height() as u32, s.image.pixels().to_vec())
        {
            let _ = img.save(format!("{dir}/qr-{i}.png"));
        }
    }
    let q = |v: &mut Vec<f64>, p: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() as f64 - 1.0) * p).round() as usize]
    };
    println!("{by_attempt:?}");
    println!("ms (least of 3): rxing p50 {:.2} p95 {:.2}; decode_qr p50 {:.2} p95 {:.2} max {:.2}", q(&mut fast, 0.5), q(&mut fast, 0.95), q(&mut chosen, 0.5), q(&mut chosen, 0.95), q(&mut chosen, 1.0));
}
