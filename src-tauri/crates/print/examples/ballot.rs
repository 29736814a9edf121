//! Writes sample ballots (20 options, corner codes), receipts, an A1 poster and a
//! protocol carrying QR codes as PDF for a reviewer to look at:
//! `cargo run -p print --example ballot [DIR]` (default: a folder in the system's
//! temporary directory). Prints the path of every file written.

#[path = "../tests/common/ballot.rs"]
#[allow(dead_code)]
mod ballot;
#[path = "../tests/common/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::path::PathBuf;

use print::{Block, Language, PageSize, QrCode};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::temp_dir().join("uchastok-print-ballot"),
    };
    std::fs::create_dir_all(&dir)?;
    for language in Language::ALL {
        let mut poster = sample::sample(language, false, 12);
        poster.page = PageSize::A1;
        // The protocol with its signed compact results split over three codes.
        let mut protocol = sample::sample(language, false, 4);
        let parts = (1..=3_u8).map(|part| {
            let payload: Vec<u8> = (0..400_u16).map(|i| (i as u8).wrapping_mul(part).wrapping_add(part)).collect();
            QrCode::new(payload, Some(format!("{part} / 3")), 0.5)
        });
        protocol.blocks.push(Block::QrRow(parts.collect()));
        let documents = [
            ("ballot", ballot::ballot(language, 20, Some(0.8), false)),
            ("ballot-training", ballot::ballot(language, 20, Some(0.8), true)),
            ("ballot-short", ballot::ballot(language, 5, Some(0.8), false)),
            ("receipt", ballot::receipt(language, false)),
            ("poster-a1", poster),
            ("qr-protocol", protocol),
        ];
        for (name, document) in documents {
            let path = dir.join(format!("{name}-{language}.pdf"));
            std::fs::write(&path, print::render_pdf(&document)?)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
