//! Development aid: write frames of a set as PNG and print what the recognisers make of
//! them. `cargo run --release -p corpus --example peek -- SET FIRST COUNT [OUT_DIR]`

use corpus::{Truth, fonts::Fonts, generate, standard_sets};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let set_name = args.get(1).map_or("mrz-nominal-8px", String::as_str);
    let first: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let count: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let out = args.get(4);
    let fonts = Fonts::load();
    let sets = standard_sets(1.0);
    let Some(set) = sets.iter().find(|s| s.name == set_name) else {
        eprintln!("no set {set_name}");
        return;
    };
    for i in first..first + count {
        let s = generate(set, corpus::DEFAULT_SEED, i, &fonts);
        if let Some(dir) = out {
            let img = image::GrayImage::from_raw(s.image.width() as u32, s.image.height() as u32, s.image.pixels().to_vec());
            if let Some(img) = img {
                let _ = img.save(format!("{dir}/{set_name}-{i}.png"));
            }
        }
        match &s.truth {
            Truth::Mrz { .. } | Truth::NoMrz(_) => {
                let t = std::time::Instant::now();
                let outcome = vision::read_mrz(&s.image);
                if std::env::var("TIMES").is_ok() {
                    println!("time {:.2} ms {:?}", t.elapsed().as_secs_f64() * 1000.0, s.truth);
                    continue;
                }
                let truth = match &s.truth { Truth::Mrz { lines, .. } => lines.join("|"), Truth::NoMrz(k) => k.to_string(), Truth::Qr(_) => String::new() };
                match &outcome {
                    vision::MrzOutcome::NotFound => println!("{i}: NOT FOUND   truth {truth}"),
                    vision::MrzOutcome::Rejected { read, why } => { println!("{i}: REJECTED {why:?} s={:.3} m={:.3}\n   read  {}\n   truth {truth}", read.min_score, read.min_margin, read.lines.join("|")) ; if let vision::MrzOutcome::Rejected { read, .. } = &outcome { for d in &read.doubtful { println!("     doubt {}:{} {}={:.3} {}={:.3}", d.line, d.column, d.best, d.score, d.second, d.second_score); } } }
                    vision::MrzOutcome::Accepted { read, .. } => {
                        let ok = read.lines.join("|") == truth;
                        println!("{i}: ACCEPTED {} repaired={} s={:.3} m={:.3}", if ok { "exact" } else { "WRONG" }, read.repaired, read.min_score, read.min_margin);
                        if !ok { println!("   read  {}\n   truth {truth}", read.lines.join("|")); }
                    }
                }
            }
            Truth::Qr(p) if std::env::var("QRONLY").is_ok() => {
                let d = vision::qr::decode_qr(&s.image);
                if d.as_ref() != Some(p) {
                    println!("{i}: chosen false regions {:?}", vision::qr::code_regions(&s.image));
                }
            }
            Truth::Qr(p) => {
                let a = vision::qr::decode_rqrr(&s.image);
                let b = vision::qr::decode_rqrr_prepared(&s.image);
                let c = vision::qr::decode_rxing(&s.image);
                let d = vision::qr::decode_qr(&s.image);
                println!("{i}: rqrr {} prepared {} rxing {} chosen {} regions {:?}", a.as_ref() == Some(p), b.as_ref() == Some(p), c.as_ref() == Some(p), d.as_ref() == Some(p), vision::qr::code_regions(&s.image));
            }
        }
    }
}
