//! Every printed document of the station, rendered to PDF.
//!
//! Owns: the document model ([`Document`], [`Block`], [`Table`], [`Signatory`],
//! [`Ballot`], [`QrCode`], [`CornerCodes`], [`PageSize`]) — plain data that says what a
//! protocol, an act, a list, a ballot, a receipt or a poster contains — and its
//! rendering to PDF ([`render_pdf`]): a header (station, title) and a footer (page X of
//! Y, generation time) on every page, page breaks, text wrapped with the real glyph
//! advances of the embedded Noto Sans Regular and Bold (subset into the file, so Kyrgyz
//! ң ө ү print and can be extracted and searched), table header rows repeated on every
//! page, signature lines, and in training a watermark on every page that no one can
//! take for a real document. The fixed words of the page come from
//! `locales/{ky,ru}/print.ftl` through [`i18n::Localizer`].
//!
//! Paper: A4 portrait by default; A4 landscape; A3, A2 and A1, which are the A4 layout
//! enlarged as a whole (the wall form of the protocol, §69); 80 mm receipt paper, one
//! page as long as its content, centred large type. QR codes ([`Block::Qr`],
//! [`Block::QrRow`], corner codes) are vector paths — byte mode, level M, a quiet zone
//! of 4 modules, each row's dark modules merged into rectangles — crisp at any zoom.
//! A ballot ([`Block::Ballot`]) is one sheet: its type shrinks to fit, or the render is
//! refused. Its corner codes sit in the top-left and bottom-right corners, framed by
//! dashed cut lines, and nothing else is printed in those corners, so cutting them off
//! cancels the ballot (R4.4).
//!
//! Secrecy: a ballot sheet carries no time at all (no footer, no creation date in the
//! file) and a receipt only the day, because a printed minute could be matched with the
//! journal's identification times. What a corner code encodes is the caller's.
//!
//! The output is reproducible: the same [`Document`] gives the same bytes (the creation
//! date is the document's own `generated_at_local`, the file id a digest of the file),
//! so bundles and tests can hash PDFs.
//!
//! Never: reads the journal, reads the clock, or decides what a document says — callers
//! (`api`) build the [`Document`] from the journal and pass the station time in. It does
//! no IO: the bytes are returned to the caller.

mod fonts;
mod layout;
mod model;
mod pdf;
mod qr;

pub use i18n::Language;
pub use model::{
    Align, Ballot, BallotOptionLine, Block, Column, CornerCodes, Document, PageSize, QrCode, Signatory, Table,
};

/// Which QR code of a document an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrPlace {
    /// The [`Block::Qr`] at this index of [`Document::blocks`].
    Block(usize),
    /// Code `code` of the [`Block::QrRow`] at index `block`.
    InRow { block: usize, code: usize },
    TopLeftCorner,
    BottomRightCorner,
}

impl std::fmt::Display for QrPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QrPlace::Block(block) => write!(f, "the QR code of block {block}"),
            QrPlace::InRow { block, code } => write!(f, "QR code {code} of block {block}"),
            QrPlace::TopLeftCorner => f.write_str("the top-left corner code"),
            QrPlace::BottomRightCorner => f.write_str("the bottom-right corner code"),
        }
    }
}

/// Why a document could not be rendered. These are mistakes of the caller or of the
/// build (a font that does not parse), not of the commission: they are not translated.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrintError {
    /// A table row has more cells than the table has columns; nothing is dropped silently.
    #[error("block {block}: table row {row} has {cells} cells but the table has {columns} columns")]
    RowTooWide { block: usize, row: usize, cells: usize, columns: usize },
    /// More bytes than a QR code holds.
    #[error("{place}: {bytes} bytes do not fit in a QR code (at most {max} in byte mode at level M)")]
    QrTooLong { place: QrPlace, bytes: usize, max: usize },
    /// A module size too small to print and read, too large to be sensible, or not a number.
    #[error("{place}: a module of {module_mm} mm is outside {min_mm}–{max_mm} mm")]
    QrModuleSize { place: QrPlace, module_mm: f32, min_mm: f32, max_mm: f32 },
    /// A code (with its quiet zone and caption) larger than the page leaves room for.
    #[error("{place}: the code needs {needed_mm:.1} mm but the page leaves {room_mm:.1} mm")]
    QrTooLarge { place: QrPlace, needed_mm: f32, room_mm: f32 },
    /// Corner codes belong on a ballot sheet; a receipt carries no code.
    #[error("a receipt cannot carry corner codes")]
    CornerCodesOnReceipt,
    /// A ballot that does not fit its sheet even in the smallest type allowed.
    #[error("block {block}: a ballot of {options} options does not fit on one sheet")]
    BallotTooLong { block: usize, options: usize },
    /// A ballot is one sheet: the document holding it must not need a second page.
    #[error("a ballot sheet must be one page, this one needs {pages}")]
    BallotSheetTooLong { pages: usize },
    /// A receipt longer than a receipt can be.
    #[error("the receipt is longer than {max_mm} mm")]
    ReceiptTooLong { max_mm: f32 },
    /// The embedded font could not be read.
    #[error("the embedded font cannot be read: {0}")]
    Font(String),
    /// The PDF writer failed.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// Renders `document` as a PDF on its paper ([`Document::page`]) in the document's
/// language.
///
/// The same document always gives the same bytes. Text is wrapped to the page and
/// flows onto as many pages as it needs; a document without blocks is one page with
/// its title, header and footer. A ballot sheet is one page or an error.
pub fn render_pdf(document: &Document) -> Result<Vec<u8>, PrintError> {
    let fonts = fonts::Fonts::load()?;
    let localizer = i18n::Localizer::new(document.language);
    let pages = layout::lay_out(document, &fonts, &localizer)?;
    // The file's creation date says no more than the page: nothing on a ballot sheet,
    // the day on a receipt.
    let created = if document.blocks.iter().any(|block| matches!(block, Block::Ballot(_))) {
        pdf::Created::Nothing
    } else if document.page == PageSize::Receipt80 {
        pdf::Created::Day(&document.generated_at_local)
    } else {
        pdf::Created::Minute(&document.generated_at_local)
    };
    pdf::write(&pages, &pdf::Metadata { title: &document.title, created })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_word_exists_in_both_languages() {
        for language in Language::ALL {
            let localizer = i18n::Localizer::new(language);
            for id in layout::ids::ALL {
                assert!(localizer.has_message(id), "{language}: `{id}` is missing from locales/{language}/print.ftl");
            }
        }
    }

    #[test]
    fn a_row_wider_than_its_table_is_refused() {
        let document = Document {
            title: "T".into(),
            station_number: "1".into(),
            generated_at_local: "2025-11-30 20:05".into(),
            language: Language::Ru,
            training: false,
            page: PageSize::A4,
            corner_codes: None,
            blocks: vec![
                Block::Paragraph("p".into()),
                Block::Table(Table {
                    columns: vec![Column::new("a", 1)],
                    rows: vec![vec!["1".into()], vec!["1".into(), "2".into()]],
                }),
            ],
        };
        assert_eq!(render_pdf(&document), Err(PrintError::RowTooWide { block: 1, row: 1, cells: 2, columns: 1 }));
    }

    fn with(blocks: Vec<Block>, corner_codes: Option<CornerCodes>) -> Document {
        Document {
            title: "Протокол".into(),
            station_number: "1".into(),
            generated_at_local: "2025-11-30 20:05".into(),
            language: Language::Ky,
            training: false,
            page: PageSize::A4,
            corner_codes,
            blocks,
        }
    }

    fn qr(payload: Vec<u8>, module_mm: f32) -> Block {
        Block::Qr { payload, caption: None, module_mm }
    }

    #[test]
    fn qr_codes_that_cannot_be_printed_are_refused_with_their_place() {
        let too_long = with(vec![Block::Paragraph("p".into()), qr(vec![0; 2332], 0.3)], None);
        assert_eq!(render_pdf(&too_long), Err(PrintError::QrTooLong { place: QrPlace::Block(1), bytes: 2332, max: 2331 }));

        for module_mm in [0.1, 0.0, -1.0, 5.5, f32::NAN, f32::INFINITY] {
            let row = Block::QrRow(vec![QrCode::new(vec![1], None, 0.5), QrCode::new(vec![2], None, module_mm)]);
            let result = render_pdf(&with(vec![row], None));
            let Err(PrintError::QrModuleSize { place, min_mm, max_mm, .. }) = result else {
                panic!("a module of {module_mm} mm: {result:?}")
            };
            assert_eq!((place, min_mm, max_mm), (QrPlace::InRow { block: 0, code: 1 }, 0.25, 5.0));
        }

        // 177 modules and the quiet zone, of 2 mm each, are wider than the page.
        let result = render_pdf(&with(vec![qr(vec![0; 2331], 2.0)], None));
        let Err(PrintError::QrTooLarge { place: QrPlace::Block(0), needed_mm, room_mm }) = result else {
            panic!("{result:?}")
        };
        assert!((needed_mm - 185.0 * 2.0).abs() < 0.1 && (room_mm - 170.0).abs() < 0.1, "{needed_mm} {room_mm}");
    }

    #[test]
    fn r4_4_corner_codes_need_large_modules_and_room() {
        let corners = |module_mm: f32| Some(CornerCodes { top_left: vec![1; 60], bottom_right: vec![2; 60], module_mm });
        let result = render_pdf(&with(vec![], corners(0.5)));
        assert!(
            matches!(result, Err(PrintError::QrModuleSize { place: QrPlace::TopLeftCorner, min_mm: 0.8, .. })),
            "{result:?}"
        );
        // 41 modules of 3 mm in each corner leave no body between them.
        let result = render_pdf(&with(vec![], corners(3.0)));
        assert!(matches!(result, Err(PrintError::QrTooLarge { place: QrPlace::TopLeftCorner, .. })), "{result:?}");
        let result = render_pdf(&with(vec![], corners(1.5)));
        assert!(result.is_ok(), "{result:?}");
        let mut long = with(vec![], corners(0.8));
        if let Some(codes) = &mut long.corner_codes {
            codes.bottom_right = vec![3; 2400];
        }
        assert_eq!(
            render_pdf(&long),
            Err(PrintError::QrTooLong { place: QrPlace::BottomRightCorner, bytes: 2400, max: 2331 })
        );
    }
}
