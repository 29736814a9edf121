//! Rendering and reading PDFs back with poppler (`pdftotext`, `pdftoppm`, `pdfinfo`,
//! `pdffonts`; poppler-utils is installed by `scripts/setup`).

use std::path::{Path, PathBuf};
use std::process::Command;

use print::{Document, render_pdf};

pub fn render(document: &Document) -> Vec<u8> {
    render_pdf(document).unwrap_or_else(|error| panic!("render failed: {error}"))
}

/// A PDF written into its own temporary folder, kept alive with it.
pub struct PdfFile {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn write_pdf(bytes: &[u8]) -> PdfFile {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, bytes).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    PdfFile { dir, path }
}

pub fn run(program: &str, args: &[&str], file: &Path) -> std::process::Output {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .args(if program == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|error| panic!("cannot run `{program}` (poppler-utils, installed by scripts/setup): {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "`{program} {args:?}` failed: {stderr}");
    // Poppler complains on stderr about anything malformed even when it copes.
    assert!(stderr.trim().is_empty(), "`{program} {args:?}` reported problems with the PDF: {stderr}");
    output
}

/// The text of pages `first..=last` (all pages if `None`), as `pdftotext -raw` reads
/// it: in the order it was drawn, so the lines of a wrapped cell follow each other.
pub fn text(pdf: &PdfFile, pages: Option<(usize, usize)>) -> String {
    let mut args = Vec::new();
    let (first, last);
    if let Some((from, to)) = pages {
        first = from.to_string();
        last = to.to_string();
        args.extend(["-f", first.as_str(), "-l", last.as_str()]);
    }
    args.push("-raw");
    let output = run("pdftotext", &args, &pdf.path);
    String::from_utf8(output.stdout).unwrap_or_else(|error| panic!("pdftotext gave no UTF-8: {error}"))
}

/// Whitespace (line breaks inside wrapped cells, column gaps) collapsed to one space.
pub fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn page_count(pdf: &PdfFile) -> usize {
    // pdftotext ends every page with a form feed.
    text(pdf, None).matches('\u{c}').count()
}

pub fn assert_contains(haystack: &str, needle: &str, what: &str) {
    assert!(haystack.contains(needle), "{what}: `{needle}` not found in:\n{haystack}");
}

/// Page `page` (1-based) rendered by `pdftoppm` at `dpi` dots per inch, in grey.
pub fn grey_image(pdf: &PdfFile, page: usize, dpi: u32) -> image::GrayImage {
    let prefix = pdf.dir.path().join(format!("page-{page}-{dpi}"));
    let prefix = prefix.to_str().unwrap_or_else(|| panic!("temporary path is not UTF-8"));
    let (page, dpi) = (page.to_string(), dpi.to_string());
    let output = Command::new("pdftoppm")
        .args(["-r", &dpi, "-gray", "-png", "-f", &page, "-l", &page, "-singlefile"])
        .arg(&pdf.path)
        .arg(prefix)
        .output()
        .unwrap_or_else(|error| panic!("cannot run `pdftoppm` (poppler-utils, installed by scripts/setup): {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.trim().is_empty(), "pdftoppm: {stderr}");
    let path = format!("{prefix}.png");
    image::open(&path).unwrap_or_else(|error| panic!("{path}: {error}")).to_luma8()
}

/// The page size `pdfinfo` reports for page 1, in points (width, height).
pub fn page_size(pdf: &PdfFile) -> (f32, f32) {
    let info = run("pdfinfo", &[], &pdf.path);
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let line = info.lines().find(|line| line.starts_with("Page size:")).unwrap_or_else(|| panic!("no page size:\n{info}"));
    // "Page size:       1683.78 x 2383.94 pts (A1)"
    let numbers: Vec<f32> = line.split_whitespace().filter_map(|word| word.parse().ok()).collect();
    match numbers[..] {
        [width, height] => (width, height),
        _ => panic!("cannot read the page size from `{line}`"),
    }
}

/// What `pdfinfo` says about the file, one `Key: value` per line.
pub fn info(pdf: &PdfFile) -> String {
    let info = run("pdfinfo", &["-isodates"], &pdf.path);
    String::from_utf8_lossy(&info.stdout).into_owned()
}
