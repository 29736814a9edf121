//! Renders real documents and reads them back with poppler (`pdftotext`, `pdftoppm`,
//! installed by `scripts/setup`): the text that comes out is the text that went in,
//! Kyrgyz ң ө ү included; tables flow onto further pages with their header row; the
//! training watermark is on every page; output is byte-for-byte reproducible.

mod common;

use std::process::Command;

use common::poppler::{assert_contains, page_count, render, run, text, words, write_pdf};
use common::sample::{row_name, sample, signatories, texts};
use print::{Align, Block, Column, Document, Language, PageSize, Signatory, Table};

#[test]
fn kyrgyz_and_russian_text_comes_back_exactly() {
    for language in Language::ALL {
        let pdf = write_pdf(&render(&sample(language, false, 4)));
        let extracted = words(&text(&pdf, None));
        for expected in texts(language) {
            assert_contains(&extracted, &words(expected), &format!("{language} content"));
        }
        let (header, footer, generated, copies) = match language {
            Language::Ky => (
                "№ 1234 участкалык шайлоо комиссиясы",
                "1-бет, бардыгы 1",
                "Түзүлдү: 2025-11-30 21:45 (участоктун убактысы)",
                "2 нускада түзүлдү.",
            ),
            Language::Ru => (
                "Участковая избирательная комиссия № 1234",
                "Страница 1 из 1",
                "Сформировано: 2025-11-30 21:45 (время участка)",
                "Составлен в 2 экземплярах.",
            ),
        };
        for fixed in [header, footer, generated, copies] {
            assert_contains(&extracted, fixed, &format!("{language} fixed words"));
        }
        assert!(!extracted.contains("print-"), "{language}: a message id leaked onto the page:\n{extracted}");
    }
    // The letters that make Kyrgyz Kyrgyz, spelled out so that no font fallback or
    // ToUnicode slip can pass for them.
    let ky = words(&text(&write_pdf(&render(&sample(Language::Ky, false, 4))), None));
    for kyrgyz in ["Жаңыл", "Өмүрбеков", "Үсөнович", "Түгөлбаева Айгүл", "Төлөгөнов Ө. Ж.", "бүтүрүштү", "(колу)"]
    {
        assert_contains(&ky, kyrgyz, "Kyrgyz letters ң ө ү");
    }
    assert!(ky.contains('ң') && ky.contains('ө') && ky.contains('ү') && ky.contains('Ө') && ky.contains('Ү'));
}

#[test]
fn a_long_table_flows_onto_further_pages_and_repeats_its_header() {
    for language in Language::ALL {
        let rows = 80;
        let pdf = write_pdf(&render(&sample(language, false, rows)));
        let pages = page_count(&pdf);
        assert!(pages >= 2, "{language}: {rows} rows fit on {pages} page(s)");
        let headers = &texts(language)[8..11];
        let first = words(&text(&pdf, Some((1, 1))));
        let second = words(&text(&pdf, Some((2, 2))));
        for header in headers {
            assert_contains(&first, header, &format!("{language} page 1 table header"));
            assert_contains(&second, header, &format!("{language} page 2 repeated table header"));
        }
        // Row 1 is on page 1 only; the row after the last one of page 1 opens page 2.
        assert_contains(&first, &row_name(language, rows, 0), "page 1, row 1");
        assert!(!second.contains(&row_name(language, rows, 0)), "{language}: row 1 printed again on page 2");
        let last_on_first = (0..rows).rev().find(|index| first.contains(&row_name(language, rows, *index)));
        let Some(last_on_first) = last_on_first else { panic!("{language}: no row on page 1:\n{first}") };
        assert!(last_on_first + 1 < rows, "{language}: every row is on page 1");
        assert_contains(&second, &row_name(language, rows, last_on_first + 1), "page 2 continues the table");
        // Every row is somewhere.
        let all = words(&text(&pdf, None));
        for index in 0..rows {
            assert_contains(&all, &row_name(language, rows, index), "every row");
        }
        let footer = match language {
            Language::Ky => format!("2-бет, бардыгы {pages}"),
            Language::Ru => format!("Страница 2 из {pages}"),
        };
        assert_contains(&second, &footer, "page 2 footer");
    }
}

#[test]
fn training_documents_are_watermarked_on_every_page() {
    for language in Language::ALL {
        let (watermark, notice) = match language {
            Language::Ky => ("ОКУУ", "Окуу документи: юридикалык күчү жок"),
            Language::Ru => ("УЧЕБНЫЙ", "Учебный документ: юридической силы не имеет"),
        };
        let pdf = write_pdf(&render(&sample(language, true, 80)));
        let pages = page_count(&pdf);
        assert!(pages >= 2, "{language}: the training sample should span pages");
        for page in 1..=pages {
            // The diagonal word comes out letter by letter, one per line, in order.
            let raw: String = text(&pdf, Some((page, page))).split_whitespace().collect();
            assert_contains(&raw, watermark, &format!("{language} page {page} watermark"));
            let plain = words(&text(&pdf, Some((page, page))));
            assert_contains(&plain, notice, &format!("{language} page {page} notice"));
        }
        // A real document carries neither.
        let real = write_pdf(&render(&sample(language, false, 80)));
        let raw: String = text(&real, None).split_whitespace().collect();
        assert!(!raw.contains(watermark), "{language}: a real document carries the training watermark");
        assert!(!words(&text(&real, None)).contains(notice), "{language}: a real document says it is training");
    }
}

#[test]
fn signature_lines_list_every_name_with_captions() {
    for language in Language::ALL {
        let pdf = write_pdf(&render(&sample(language, false, 4)));
        let extracted = words(&text(&pdf, None));
        for (role, name) in signatories(language) {
            assert_contains(&extracted, role, &format!("{language} role"));
            assert_contains(&extracted, name, &format!("{language} name"));
        }
        let (signature, date) = match language {
            Language::Ky => ("(колу)", "(датасы)"),
            Language::Ru => ("(подпись)", "(дата)"),
        };
        let count = signatories(language).len();
        assert_eq!(extracted.matches(signature).count(), count, "{language}: one signature line each:\n{extracted}");
        assert_eq!(extracted.matches(date).count(), count, "{language}: one date line each:\n{extracted}");
    }
}

#[test]
fn the_signature_block_is_not_split_when_it_fits_on_one_page() {
    // Enough rows to push the signatures near the bottom of a page, whatever the count.
    for rows in 20..40 {
        let document = sample(Language::Ru, false, rows);
        let pdf = write_pdf(&render(&document));
        let pages = page_count(&pdf);
        let last = words(&text(&pdf, Some((pages, pages))));
        for (_, name) in signatories(Language::Ru) {
            assert_contains(&last, name, &format!("{rows} rows: signatures together on the last page"));
        }
    }
}

#[test]
fn page_one_renders_to_an_image() {
    let pdf = write_pdf(&render(&sample(Language::Ky, true, 4)));
    let prefix = pdf.dir.path().join("page");
    let prefix = prefix.to_str().unwrap_or_else(|| panic!("temporary path is not UTF-8"));
    let output = Command::new("pdftoppm")
        .args(["-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf.path)
        .arg(prefix)
        .output()
        .unwrap_or_else(|error| panic!("cannot run `pdftoppm` (poppler-utils, installed by scripts/setup): {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.trim().is_empty(), "pdftoppm: {stderr}");
    let png = std::fs::read(format!("{prefix}.png")).unwrap_or_else(|error| panic!("no PNG written: {error}"));
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // A4 at 50 dpi: 413 × 585 pixels, in the IHDR chunk.
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    // Rounding differs between poppler versions by a pixel.
    assert!(width.abs_diff(413) <= 1 && height.abs_diff(585) <= 1, "{width} × {height} is not A4 at 50 dpi");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let document = sample(Language::Ky, true, 50);
    let first = render(&document);
    // Let the wall clock move on: nothing of it may reach the file.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = render(&document);
    assert!(first == second, "two renders of one document differ");
    let third = std::thread::spawn(move || render(&document)).join().unwrap_or_else(|_| panic!("render panicked"));
    assert!(first == third, "a render on another thread differs");

    // The creation date is the document's own, and a different document differs.
    let pdf = write_pdf(&first);
    let info = run("pdfinfo", &["-isodates"], &pdf.path);
    let info = String::from_utf8_lossy(&info.stdout);
    assert_contains(&info, "2025-11-30T21:45:00", "creation date from generated_at_local");
    let mut later = sample(Language::Ky, true, 50);
    later.generated_at_local = "2025-11-30 21:46".into();
    assert!(render(&later) != first, "the generation time is not in the file");
}

fn bare(blocks: Vec<Block>) -> Document {
    Document {
        title: "Акт".into(),
        station_number: "7001".into(),
        generated_at_local: "2025-11-30 08:00".into(),
        language: Language::Ru,
        training: false,
        page: PageSize::A4,
        corner_codes: None,
        blocks,
    }
}

#[test]
fn an_empty_document_is_one_page_with_header_and_footer() {
    let pdf = write_pdf(&render(&bare(vec![])));
    assert_eq!(page_count(&pdf), 1);
    let extracted = words(&text(&pdf, None));
    for expected in ["Акт", "Участковая избирательная комиссия № 7001", "Страница 1 из 1"]
    {
        assert_contains(&extracted, expected, "empty document");
    }
    // Empty pieces too: no text at all, no rows, no signatories, a table without columns.
    let empty_pieces = bare(vec![
        Block::Heading(String::new()),
        Block::Paragraph("   ".into()),
        Block::KeyValue(vec![]),
        Block::KeyValue(vec![(String::new(), String::new())]),
        Block::Table(Table { columns: vec![], rows: vec![vec![]] }),
        Block::Table(Table { columns: vec![Column::new("", 0), Column::new("", 0)], rows: vec![vec![], vec![]] }),
        Block::Signatures(vec![]),
        Block::Signatures(vec![Signatory::new("", "")]),
        Block::Copies(0),
    ]);
    let pdf = write_pdf(&render(&Document { title: String::new(), station_number: String::new(), ..empty_pieces }));
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn very_long_words_and_cells_wrap_without_losing_a_letter() {
    // A word far wider than the page wraps letter-wise; nothing is lost.
    let word = "Өңүө".repeat(300);
    let pdf = write_pdf(&render(&bare(vec![Block::Paragraph(format!("Начало {word} конец"))])));
    let all: String = text(&pdf, None).split_whitespace().collect();
    assert!(all.contains(&format!("Начало{word}конец")), "the long word came back altered");

    // Long words everywhere, and a cell taller than a page: no panic, every word kept.
    let cell = "бюллетень ".repeat(900);
    let document = Document {
        title: word.clone(),
        station_number: word.clone(),
        blocks: vec![
            Block::Heading(word.clone()),
            Block::KeyValue(vec![(word.clone(), word.clone())]),
            Block::Table(Table {
                columns: vec![Column::new(&word, 1), Column::new("Б", 1).aligned(Align::Right)],
                rows: vec![vec![word.clone(), cell.clone()], vec!["после".into(), "1".into()]],
            }),
            Block::Signatures(vec![Signatory::new(&word, &word)]),
        ],
        ..bare(vec![])
    };
    let pdf = write_pdf(&render(&document));
    let pages = page_count(&pdf);
    assert!(pages >= 3, "a cell of 900 words should span pages, got {pages}");
    let all = text(&pdf, None);
    assert_eq!(all.matches("бюллетень").count(), 900, "the tall cell lost or repeated words");
    assert!(all.contains("после"), "the row after the tall one is missing");
}

#[test]
fn russian_copies_take_the_right_plural_form() {
    for (count, expected) in [
        (1, "Составлен в 1 экземпляре."),
        (2, "Составлен в 2 экземплярах."),
        (5, "Составлен в 5 экземплярах."),
        (21, "Составлен в 21 экземпляре."),
    ] {
        let pdf = write_pdf(&render(&bare(vec![Block::Copies(count)])));
        assert_contains(&words(&text(&pdf, None)), expected, "copies");
    }
}

#[test]
fn fonts_are_embedded_and_the_file_is_plain_pdf_1_3() {
    let bytes = render(&sample(Language::Ky, true, 4));
    assert!(bytes.starts_with(b"%PDF-1.3\n"), "not a PDF 1.3 header");
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(400)..]).into_owned();
    assert!(tail.contains("\ntrailer\n") && tail.ends_with("%%EOF"), "no classic trailer: {tail}");
    assert!(!tail.contains("/XRef"), "a cross-reference stream in a PDF 1.3 file: {tail}");
    let body = String::from_utf8_lossy(&bytes);
    assert!(body.contains("\nxref\n"), "no cross-reference table");

    let pdf = write_pdf(&bytes);
    let fonts = run("pdffonts", &[], &pdf.path);
    let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
    // name, type (2 words), encoding, emb, sub, uni, object id (2)
    let rows: Vec<Vec<&str>> = fonts.lines().skip(2).map(|line| line.split_whitespace().collect()).collect();
    assert_eq!(rows.len(), 2, "two faces, regular and bold:\n{fonts}");
    for row in rows {
        assert_eq!(row.get(1..4), Some(&["CID", "TrueType", "Identity-H"][..]), "{fonts}");
        assert_eq!(row.get(4), Some(&"yes"), "a font is not embedded:\n{fonts}");
        assert_eq!(row.get(6), Some(&"yes"), "a font has no ToUnicode map:\n{fonts}");
    }
    // Subsets: the two faces together weigh about 1 MB; the document far less.
    assert!(bytes.len() < 100_000, "{} bytes: are the fonts embedded whole?", bytes.len());
}
