//! QR codes, ballots, receipts and posters, read back the way a person or a machine
//! reads them: pages rendered to pixels by poppler and every QR code decoded with
//! `rqrr`; text extracted with `pdftotext`; page sizes from `pdfinfo`.

mod common;

use common::ballot::{ballot, corner_payloads, designation, option_names, receipt, receipt_texts};
use common::poppler::{assert_contains, grey_image, info, page_count, page_size, render, run, text, words, write_pdf};
use common::sample::sample;
use print::{Ballot, Block, Document, Language, PageSize, PrintError, QrCode, render_pdf};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

/// A QR code found on a page: its bytes and its centre as a fraction of the page's
/// width and height (0, 0 = top left).
#[derive(Debug)]
struct Found {
    payload: Vec<u8>,
    centre: (f32, f32),
}

/// Every QR code rqrr finds and decodes on `image`; a code found but not decoded fails.
fn decode_all(image: &image::GrayImage) -> Vec<Found> {
    let (width, height) = (image.width() as f32, image.height() as f32);
    let mut prepared = rqrr::PreparedImage::prepare(image.clone());
    prepared
        .detect_grids()
        .into_iter()
        .map(|grid| {
            let mut payload = Vec::new();
            grid.decode_to(&mut payload)
                .unwrap_or_else(|error| panic!("a QR code at {:?} does not decode: {error:?}", grid.bounds));
            let x = grid.bounds.iter().map(|point| point.x as f32).sum::<f32>() / 4.0;
            let y = grid.bounds.iter().map(|point| point.y as f32).sum::<f32>() / 4.0;
            Found { payload, centre: (x / width, y / height) }
        })
        .collect()
}

/// Deterministic bytes of every value (a linear congruential sequence).
fn bytes(seed: u32, len: usize) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect()
}

fn document(title: &str, page: PageSize, blocks: Vec<Block>) -> Document {
    Document {
        title: title.into(),
        station_number: "7003".into(),
        generated_at_local: "2025-11-30 21:10".into(),
        language: Language::Ky,
        training: false,
        page,
        corner_codes: None,
        blocks,
    }
}

/// A protocol page with one QR code and a row of five.
fn qr_document() -> (Document, Vec<Vec<u8>>) {
    let single = bytes(1, 300);
    let row: Vec<Vec<u8>> = (2..7).map(|seed| bytes(seed, 200)).collect();
    let blocks = vec![
        Block::Paragraph("Жыйынтыктардын кол коюлган кыскача жазуусу:".into()),
        Block::Qr { payload: single.clone(), caption: Some("Бардык жыйынтыктар".into()), module_mm: 0.5 },
        Block::QrRow(
            row.iter()
                .enumerate()
                .map(|(index, payload)| QrCode::new(payload.clone(), Some(format!("{} / 5-бөлүк", index + 1)), 0.5))
                .collect(),
        ),
    ];
    let mut payloads = vec![single];
    payloads.extend(row);
    (document("Протокол", PageSize::A4, blocks), payloads)
}

#[test]
fn qr_blocks_decode_to_exactly_their_payloads() {
    let (document, mut expected) = qr_document();
    let pdf = write_pdf(&render(&document));
    assert_eq!(page_count(&pdf), 1, "one code and a row of five fit one page");
    let mut found: Vec<Vec<u8>> = decode_all(&grey_image(&pdf, 1, 150)).into_iter().map(|code| code.payload).collect();
    found.sort();
    expected.sort();
    assert_eq!(found.len(), 6, "six codes on the page");
    assert!(found == expected, "the decoded payloads differ from the input");
    let extracted = words(&text(&pdf, None));
    for caption in ["Бардык жыйынтыктар", "1 / 5-бөлүк", "5 / 5-бөлүк"] {
        assert_contains(&extracted, caption, "QR caption");
    }
}

#[test]
fn qr_codes_are_vector_paths_not_images() {
    let (document, _) = qr_document();
    let bytes = render(&document);
    let pdf = write_pdf(&bytes);
    let images = run("pdfimages", &["-list"], &pdf.path);
    let listing = String::from_utf8_lossy(&images.stdout);
    // A header of two lines, then one line per image.
    assert_eq!(listing.lines().count(), 2, "the page holds raster images:\n{listing}");
    // Runs merged into rectangles keep six codes light.
    assert!(bytes.len() < 60_000, "{} bytes for six QR codes", bytes.len());
}

#[test]
fn r4_4_corner_codes_decode_in_their_corners() {
    let (top_left, bottom_right) = corner_payloads();
    for language in Language::ALL {
        for training in [false, true] {
            let pdf = write_pdf(&render(&ballot(language, 20, Some(0.8), training)));
            let found = decode_all(&grey_image(&pdf, 1, 150));
            assert_eq!(found.len(), 2, "{language}: two corner codes, found {found:?}");
            let at = |payload: &[u8]| {
                let Some(code) = found.iter().find(|code| code.payload == payload) else {
                    panic!("{language}: payload {payload:?} not decoded; found {found:?}")
                };
                code.centre
            };
            let (x, y) = at(&top_left);
            assert!(x < 0.5 && y < 0.5, "{language}: the top-left code is at ({x}, {y})");
            let (x, y) = at(&bottom_right);
            assert!(x > 0.5 && y > 0.5, "{language}: the bottom-right code is at ({x}, {y})");
        }
    }
}

#[test]
fn r4_4_cutting_the_corners_off_leaves_no_code() {
    // What the members do to a spoiled ballot: cut both corners off along the dashed
    // lines. Here: paint the two corner squares white (the lines are at most 45 mm
    // from the edges) and look for codes on what is left.
    let pdf = write_pdf(&render(&ballot(Language::Ky, 20, Some(0.8), false)));
    let mut image = grey_image(&pdf, 1, 150);
    let corner = (45.0 / 25.4 * 150.0) as u32;
    let (width, height) = image.dimensions();
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        if (x < corner && y < corner) || (x >= width - corner && y >= height - corner) {
            pixel.0 = [255];
        }
    }
    let left = decode_all(&image);
    assert!(left.is_empty(), "a code survives the cut: {left:?}");
}

#[test]
fn ballot_text_holds_the_designation_and_every_option() {
    for language in Language::ALL {
        let pdf = write_pdf(&render(&ballot(language, 20, Some(0.8), false)));
        let extracted = words(&text(&pdf, None));
        assert_contains(&extracted, designation(language), &format!("{language} designation"));
        for name in option_names(language, 20) {
            assert_contains(&extracted, &name, &format!("{language} option"));
        }
        for letter in ['ң', 'ө', 'ү', 'Ө', 'Ү'] {
            assert!(extracted.contains(letter), "{language}: no {letter} on the ballot:\n{extracted}");
        }
        let (mark, against_all) = match language {
            Language::Ky => ("Белги коюу орду", "Баарына каршы"),
            Language::Ru => ("Место для отметки", "Против всех"),
        };
        assert_contains(&extracted, mark, "the caption over the boxes");
        assert_contains(&extracted, against_all, "against all");
        assert!(!extracted.contains("print-"), "{language}: a message id leaked onto the ballot");
    }
}

#[test]
fn secrecy_a_ballot_sheet_carries_no_time() {
    // Even if a caller passes the minute, a ballot prints no time and the file has no
    // creation date: a time on a ballot could be matched with an identification.
    let mut document = ballot(Language::Ru, 12, Some(0.8), false);
    document.generated_at_local = "2025-11-30 14:37".into();
    let pdf = write_pdf(&render(&document));
    let extracted = text(&pdf, None);
    assert!(!extracted.contains("14:37") && !extracted.contains("2025-11-30"), "a time on the ballot:\n{extracted}");
    assert!(!extracted.contains("Страница"), "page numbers on a one-sheet ballot:\n{extracted}");
    let info = info(&pdf);
    assert!(!info.contains("CreationDate") && !info.contains("ModDate"), "a date in the file:\n{info}");
}

#[test]
fn r4_4_a_ballot_of_twenty_options_is_one_sheet() {
    for language in Language::ALL {
        for module_mm in [None, Some(0.8), Some(1.0)] {
            let result = render_pdf(&ballot(language, 20, module_mm, false));
            let Ok(bytes) = result else { panic!("{language}, corner modules {module_mm:?}: {result:?}") };
            assert_eq!(page_count(&write_pdf(&bytes)), 1);
        }
    }
}

#[test]
fn a_ballot_with_too_many_options_is_refused() {
    let result = render_pdf(&ballot(Language::Ky, 60, Some(0.8), false));
    assert_eq!(result, Err(PrintError::BallotTooLong { block: 0, options: 60 }));
    // A ballot that fits, followed by more than the sheet holds: a ballot is one sheet.
    let mut spilling = ballot(Language::Ky, 5, Some(0.8), false);
    spilling.blocks.push(Block::Paragraph("Түшүндүрмө. ".repeat(600)));
    let result = render_pdf(&spilling);
    assert!(matches!(result, Err(PrintError::BallotSheetTooLong { pages }) if pages >= 2), "{result:?}");
}

#[test]
fn s69_posters_and_landscape_pages_have_their_paper_size() {
    for (page, width_mm, height_mm) in [
        (PageSize::A1, 594.0, 841.0),
        (PageSize::A2, 420.0, 594.0),
        (PageSize::A3, 297.0, 420.0),
        (PageSize::A4Landscape, 297.0, 210.0),
        (PageSize::A4, 210.0, 297.0),
    ] {
        let mut poster = sample(Language::Ru, true, 12);
        poster.page = page;
        let pdf = write_pdf(&render(&poster));
        let (width, height) = page_size(&pdf);
        assert!(
            (width - width_mm * MM).abs() < 0.5 && (height - height_mm * MM).abs() < 0.5,
            "{page:?}: pdfinfo reports {width} × {height} pt"
        );
        let extracted = words(&text(&pdf, None));
        for expected in ["Участковая избирательная комиссия № 1234", "Протокол об итогах голосования", "Против всех"] {
            assert_contains(&extracted, expected, &format!("{page:?}"));
        }
    }
    // A poster is the A4 page enlarged: the same number of pages.
    let a4 = page_count(&write_pdf(&render(&sample(Language::Ky, false, 60))));
    let mut a1 = sample(Language::Ky, false, 60);
    a1.page = PageSize::A1;
    assert_eq!(page_count(&write_pdf(&render(&a1))), a4);
}

#[test]
fn a_receipt_is_80_mm_wide_and_says_only_the_day() {
    for language in Language::ALL {
        let pdf = write_pdf(&render(&receipt(language, false)));
        let (width, height) = page_size(&pdf);
        assert!((width - 80.0 * MM).abs() < 0.5, "{language}: a receipt {} mm wide", width / MM);
        assert!(height > 30.0 * MM && height < 100.0 * MM, "{language}: a receipt {} mm long", height / MM);
        assert_eq!(page_count(&pdf), 1);
        let extracted = words(&text(&pdf, None));
        let (title, election, identified) = receipt_texts(language);
        let station = match language {
            Language::Ky => "№ 7003 участкалык шайлоо комиссиясы",
            Language::Ru => "Участковая избирательная комиссия № 7003",
        };
        for expected in [title, election, identified, station, "2025-11-30"] {
            assert_contains(&extracted, expected, &format!("{language} receipt"));
        }
        assert!(!extracted.contains("14:37"), "{language}: the receipt prints the time:\n{extracted}");
        assert_contains(&words(&info(&pdf)), "CreationDate: 2025-11-30T00:00:00", "the receipt's file keeps the day only");

        // In training it says so, and grows to hold the notice.
        let training = write_pdf(&render(&receipt(language, true)));
        let (_, training_height) = page_size(&training);
        assert!(training_height > height, "{language}: the training notice did not lengthen the receipt");
    }
    let mut coded = receipt(Language::Ru, false);
    coded.corner_codes = Some(print::CornerCodes { top_left: vec![1], bottom_right: vec![2], module_mm: 1.0 });
    assert_eq!(render_pdf(&coded), Err(PrintError::CornerCodesOnReceipt));
}

#[test]
fn new_blocks_give_the_same_bytes_twice() {
    let mut poster = sample(Language::Ky, true, 30);
    poster.page = PageSize::A2;
    let documents = vec![
        ballot(Language::Ky, 20, Some(0.8), true),
        ballot(Language::Ru, 3, None, false),
        qr_document().0,
        receipt(Language::Ky, true),
        poster,
    ];
    for document in documents {
        let first = render(&document);
        let copy = document.clone();
        let second = std::thread::spawn(move || render(&copy)).join().unwrap_or_else(|_| panic!("render panicked"));
        assert!(first == second, "{}: two renders differ", document.title);
    }
    // A different corner payload is a different file.
    let one = ballot(Language::Ky, 5, Some(0.8), false);
    let mut other = one.clone();
    if let Some(codes) = &mut other.corner_codes {
        codes.bottom_right[0] ^= 1;
    }
    assert!(render(&one) != render(&other), "the corner payload is not in the file");
}

#[test]
fn an_empty_ballot_and_empty_codes_still_render() {
    let empty = Ballot { designation: String::new(), contest_name: String::new(), instruction: String::new(), options: vec![] };
    let mut document = document("", PageSize::A4, vec![Block::Ballot(empty)]);
    document.corner_codes = Some(print::CornerCodes { top_left: vec![], bottom_right: vec![], module_mm: 0.8 });
    let pdf = write_pdf(&render(&document));
    assert_eq!(page_count(&pdf), 1);
    let found = decode_all(&grey_image(&pdf, 1, 150));
    assert_eq!(found.len(), 2, "two empty corner codes");
    assert!(found.iter().all(|code| code.payload.is_empty()));
    let row = document_with_row(vec![]);
    assert_eq!(page_count(&write_pdf(&render(&row))), 1);
}

fn document_with_row(codes: Vec<QrCode>) -> Document {
    document("Протокол", PageSize::A4, vec![Block::QrRow(codes)])
}
