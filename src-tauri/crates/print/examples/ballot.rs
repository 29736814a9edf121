//! Writes sample ballots (20 options, corner codes), receipts and an A1 poster as PDF
//! for a reviewer to look at: `cargo run -p print --example ballot [DIR]` (default: a
//! folder in the system's temporary directory). Prints the path of every file written.

#[path = "../tests/common/ballot.rs"]
#[allow(dead_code)]
mod ballot;
#[path = "../tests/common/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::path::PathBuf;

use print::{Language, PageSize};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::temp_dir().join("uchastok-print-ballot"),
    };
    std::fs::create_dir_all(&dir)?;
    for language in Language::ALL {
        let mut poster = sample::sample(language, false, 12);
        poster.page = PageSize::A1;
        let documents = [
            ("ballot", ballot::ballot(language, 20, Some(0.8), false)),
            ("ballot-training", ballot::ballot(language, 20, Some(0.8), true)),
            ("ballot-short", ballot::ballot(language, 5, Some(0.8), false)),
            ("receipt", ballot::receipt(language, false)),
            ("poster-a1", poster),
        ];
        for (name, document) in documents {
            let path = dir.join(format!("{name}-{language}.pdf"));
            std::fs::write(&path, print::render_pdf(&document)?)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
