//! Embeds every `locales/<lang>/*.ftl` file at compile time.
//!
//! Generates `$OUT_DIR/locales.rs` with one `include_str!` per file, so a new `.ftl`
//! file dropped into `locales/ky` or `locales/ru` is picked up without touching code.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

const LANGUAGES: [(&str, &str); 2] = [("ky", "KY"), ("ru", "RU")];

fn ftl_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ftl"))
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.to_owned();
            let absolute = fs::canonicalize(&path).ok()?;
            Some((name, absolute))
        })
        .collect();
    files.sort();
    files
}

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    // src-tauri/crates/i18n -> the repository root.
    let locales = manifest_dir.join("../../../locales");
    println!("cargo:rerun-if-changed={}", locales.display());

    let mut generated = String::new();
    for (code, constant) in LANGUAGES {
        let dir = locales.join(code);
        // A directory path makes cargo rescan every file in it for changes.
        println!("cargo:rerun-if-changed={}", dir.display());
        let _ = writeln!(generated, "pub(crate) static {constant}: &[(&str, &str)] = &[");
        for (name, path) in ftl_files(&dir) {
            println!("cargo:rerun-if-changed={}", path.display());
            let _ = writeln!(generated, "    ({name:?}, include_str!({:?})),", path.display().to_string());
        }
        let _ = writeln!(generated, "];");
    }

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(error) = fs::write(out_dir.join("locales.rs"), generated) {
        panic!("cannot write the embedded locale table: {error}");
    }
}
