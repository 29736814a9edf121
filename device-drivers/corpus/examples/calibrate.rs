//! Development aid: how the gate's two numbers (score, relative margin) separate right
//! characters from wrong ones on a set. `... --example calibrate -- SET COUNT`

use corpus::{Truth, fonts::Fonts, generate, standard_sets};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let set_name = args.get(1).map_or("mrz-hard", String::as_str);
    let count: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100);
    let fonts = Fonts::load();
    let sets = standard_sets(1.0);
    let Some(set) = sets.iter().find(|s| s.name == set_name) else { return };
    // every cell doubtful, so that every cell is listed with its numbers
    let config = vision::MrzConfig { min_score: 2.0, min_margin: 100.0, unchecked_min_score: 2.0, unchecked_min_margin: 100.0, ..vision::MrzConfig::default() };
    let mut wrong: Vec<(f32, f32, String)> = Vec::new();
    let mut right: Vec<(f32, f32)> = Vec::new();
    for i in 0..count {
        let s = generate(set, corpus::DEFAULT_SEED, i, &fonts);
        let Truth::Mrz { lines, .. } = &s.truth else { continue };
        let outcome = vision::read_mrz_with(&s.image, &config);
        let Some(band) = outcome.band() else { continue };
        if band.lines.len() != lines.len() || band.lines[0].len() != lines[0].len() {
            continue;
        }
        for d in &band.doubtful {
            let t = lines[d.line].as_bytes()[d.column] as char;
            let rel = d.rel;
            if vision::layout::checked(band.format, d.line, d.column) != (std::env::var("CHECKED").is_ok()) {
                continue;
            }
            if d.best == t {
                right.push((d.score, rel));
            } else {
                wrong.push((d.score, rel, format!("#{i} {}:{} {t}->{} ({:.3} vs {}={:.3})", d.line, d.column, d.best, d.score, d.second, d.second_score)));
            }
        }
    }
    wrong.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!("{} right cells, {} wrong cells", right.len(), wrong.len());
    if let Some(idx) = args.get(3).and_then(|s| s.parse::<usize>().ok()) {
        let s = generate(set, corpus::DEFAULT_SEED, idx, &fonts);
        let outcome = vision::read_mrz_with(&s.image, &config);
        if let (Some(band), Truth::Mrz { lines, .. }) = (outcome.band(), &s.truth) {
            for d in &band.doubtful {
                let t = lines[d.line].as_bytes()[d.column] as char;
                if d.best != t || d.rel < 0.6 || d.score < 0.85 {
                    println!("  #{idx} {}:{} truth {t} best {} {:.3} second {} {:.3} rel {:.3}", d.line, d.column, d.best, d.score, d.second, d.second_score, d.rel);
                }
            }
        }
    }
    for w in wrong.iter().take(25) {
        println!("  wrong rel {:.3} score {:.3}  {}", w.1, w.0, w.2);
    }
    for sc in [0.6f32, 0.7, 0.75, 0.8] {
        for t in [0.2f32, 0.25, 0.3, 0.35, 0.4, 0.5] {
            let r = right.iter().filter(|x| x.1 < t || x.0 < sc).count();
            let w = wrong.iter().filter(|x| x.1 >= t && x.0 >= sc).count();
            println!("  score {sc} margin {t}: right cells doubted {r}, wrong cells passing {w}");
        }
    }
}
