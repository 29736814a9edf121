//! Writes sample documents as PDF for a reviewer to look at:
//! `cargo run -p print --example sample [DIR]` (default: a new folder in the system's
//! temporary directory). Prints the path of every file written.

#[path = "../tests/common/sample.rs"]
#[allow(dead_code)]
mod sample;

use std::path::PathBuf;

use print::Language;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args_os().nth(1) {
        Some(dir) => PathBuf::from(dir),
        None => std::env::temp_dir().join("uchastok-print-sample"),
    };
    std::fs::create_dir_all(&dir)?;
    for language in Language::ALL {
        for (training, rows, name) in [(false, 4, "protocol"), (true, 60, "training-long")] {
            let pdf = print::render_pdf(&sample::sample(language, training, rows))?;
            let path = dir.join(format!("{name}-{language}.pdf"));
            std::fs::write(&path, pdf)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
