//! Lays a [`Document`] out on its pages: positions of every piece of text, rule, shaded
//! box and QR module, in points from the top-left corner of the page. The PDF writer
//! (`pdf.rs`) only draws what this module placed.
//!
//! An A3, A2 or A1 page is laid out as an A4 page and enlarged as a whole by the
//! writer ([`Sheet::scale`]); only sizes fixed on paper (QR modules, the corner codes'
//! distance from the edge) are divided by the scale here.

use std::collections::BTreeMap;

use domain::MessageArg;
use i18n::Localizer;

use crate::fonts::{Fonts, Weight};
use crate::model::{Align, Ballot, Block, Document, PageSize, Signatory, Table};
use crate::qr::{self, Symbol};
use crate::{PrintError, QrPlace};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
/// Wider on the left, where the sheets are stapled or bound.
const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 15.0 * MM;
const MARGIN_TOP: f32 = 12.0 * MM;
const MARGIN_BOTTOM: f32 = 12.0 * MM;
/// A receipt printer prints almost to the paper's edges.
const RECEIPT_MARGIN: f32 = 4.0 * MM;
/// Past this a receipt is not a receipt (and PDF pages end at 5 m).
const RECEIPT_MAX_HEIGHT: f32 = 2000.0 * MM;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;

const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const RULE: f32 = 0.5;
const HEADER_FILL: f32 = 0.88;
const INSTRUCTION_FILL: f32 = 0.95;
/// The boxes to mark on a ballot.
const BOX_RULE: f32 = 1.2;
/// A ballot option's note, under its name.
const NOTE_GREY: f32 = 0.2;
/// How far a ballot's type may shrink to fit one sheet, and in how many steps.
const BALLOT_SMALLEST: f32 = 0.6;
const BALLOT_SHRINK_STEPS: usize = 16;
const FURNITURE_GREY: f32 = 0.3;

/// What printers leave blank along the paper's edges: a corner code's quiet zone
/// begins this far in, its dark modules 4 modules further.
const CORNER_EDGE_MM: f32 = 5.0;
/// From the inner edge of a corner code's quiet zone to its cut line.
const CUT_LINE_GAP_MM: f32 = 1.0;
/// From the cut line to the nearest text.
const CORNER_CLEARANCE_MM: f32 = 3.0;
/// Module sizes allowed on paper, in millimetres.
const QR_MODULE_MM: (f32, f32) = (0.25, 5.0);
const CORNER_MODULE_MM: (f32, f32) = (0.8, 3.0);
/// Space between the codes of a row, and the narrowest a code's caption wraps to.
const QR_GAP: f32 = 4.0 * MM;
const QR_CAPTION_MIN_WIDTH: f32 = 40.0 * MM;

/// The type sizes of a page, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Type {
    title: f32,
    heading: f32,
    body: f32,
    table: f32,
    furniture: f32,
    caption: f32,
}

const SHEET_TYPE: Type = Type { title: 14.0, heading: 12.0, body: 10.5, table: 9.5, furniture: 8.0, caption: 7.0 };
/// Receipts are read at arm's length off a narrow strip: large type, everything centred.
const RECEIPT_TYPE: Type = Type { title: 16.0, heading: 14.0, body: 12.0, table: 10.0, furniture: 9.0, caption: 8.0 };

/// The paper a document's pages are drawn on, as the PDF writer needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sheet {
    /// Width and height of the paper in millimetres.
    pub paper_mm: (f32, f32),
    /// Height of the page in layout points (before `scale`), for turning the layout's
    /// top-down coordinates into PDF's bottom-up ones.
    pub height: f32,
    /// Paper points per layout point: 1 except for A3, A2 and A1, which are A4 enlarged.
    pub scale: f32,
}

/// The page as the layouter sees it, in layout points.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Geometry {
    /// The paper, exactly as [`PageSize::size_mm`] gives it (a receipt's height is set
    /// once its content is laid out).
    paper_mm: (f32, f32),
    width: f32,
    height: f32,
    scale: f32,
    margin_left: f32,
    margin_right: f32,
    margin_top: f32,
    margin_bottom: f32,
    content_width: f32,
    ty: Type,
    receipt: bool,
}

impl Geometry {
    fn new(page: PageSize) -> Geometry {
        let sheet = |width_mm: f32, height_mm: f32, scale: f32| {
            let width = width_mm * MM / scale;
            let height = height_mm * MM / scale;
            Geometry {
                paper_mm: (width_mm, height_mm),
                width,
                height,
                scale,
                margin_left: MARGIN_LEFT,
                margin_right: MARGIN_RIGHT,
                margin_top: MARGIN_TOP,
                margin_bottom: MARGIN_BOTTOM,
                content_width: width - MARGIN_LEFT - MARGIN_RIGHT,
                ty: SHEET_TYPE,
                receipt: false,
            }
        };
        match page {
            PageSize::A4 => sheet(210.0, 297.0, 1.0),
            PageSize::A4Landscape => sheet(297.0, 210.0, 1.0),
            // The shape of A4, enlarged: exactly A4's width in layout points.
            PageSize::A3 => sheet(297.0, 420.0, 297.0 / 210.0),
            PageSize::A2 => sheet(420.0, 594.0, 420.0 / 210.0),
            PageSize::A1 => sheet(594.0, 841.0, 594.0 / 210.0),
            PageSize::Receipt80 => {
                let width = 80.0 * MM;
                Geometry {
                    paper_mm: (80.0, RECEIPT_MAX_HEIGHT / MM),
                    width,
                    // Set once the content is laid out.
                    height: RECEIPT_MAX_HEIGHT,
                    scale: 1.0,
                    margin_left: RECEIPT_MARGIN,
                    margin_right: RECEIPT_MARGIN,
                    margin_top: RECEIPT_MARGIN,
                    margin_bottom: RECEIPT_MARGIN,
                    content_width: width - 2.0 * RECEIPT_MARGIN,
                    ty: RECEIPT_TYPE,
                    receipt: true,
                }
            }
        }
    }

    /// A length fixed on paper, in layout points.
    fn paper_mm(&self, mm: f32) -> f32 {
        mm * MM / self.scale
    }

    fn sheet(&self) -> Sheet {
        Sheet { paper_mm: self.paper_mm, height: self.height, scale: self.scale }
    }

    /// A receipt cut to `height` layout points.
    fn cut_receipt(&mut self, height: f32) {
        self.height = height;
        self.paper_mm.1 = height / MM;
    }

    /// How running text is aligned: centred on receipts.
    fn text_align(&self) -> Align {
        if self.receipt { Align::Center } else { Align::Left }
    }
}

/// Fluent message ids of the fixed words on the page (`locales/*/print.ftl`).
pub(crate) mod ids {
    pub const HEADER_STATION: &str = "print-header-station";
    pub const PAGE_OF: &str = "print-page-of";
    pub const GENERATED_AT: &str = "print-generated-at";
    pub const RECEIPT_DATE: &str = "print-receipt-date";
    pub const SIGNATURE_CAPTION: &str = "print-signature-caption";
    pub const DATE_CAPTION: &str = "print-date-caption";
    pub const TRAINING_WATERMARK: &str = "print-training-watermark";
    pub const TRAINING_NOTICE: &str = "print-training-notice";
    pub const COPIES: &str = "print-copies";
    pub const BALLOT_MARK_COLUMN: &str = "print-ballot-mark-column";
    pub const CUT_LINE: &str = "print-cut-line";
    #[cfg(test)]
    pub const ALL: [&str; 11] = [
        HEADER_STATION,
        PAGE_OF,
        GENERATED_AT,
        RECEIPT_DATE,
        SIGNATURE_CAPTION,
        DATE_CAPTION,
        TRAINING_WATERMARK,
        TRAINING_NOTICE,
        COPIES,
        BALLOT_MARK_COLUMN,
        CUT_LINE,
    ];
}

/// One thing drawn on a page. Coordinates are points from the page's top-left corner;
/// `grey` is 0 for black, 1 for white.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// One line of text starting at `x` with its baseline at `baseline`.
    Text { x: f32, baseline: f32, size: f32, weight: Weight, grey: f32, text: String },
    /// A straight rule.
    Rule { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: f32 },
    /// A filled rectangle (table header shading), `y` its top edge.
    Fill { x: f32, y: f32, width: f32, height: f32, grey: f32 },
    /// Outlined text rotated by `angle` degrees (counter-clockwise) around its start
    /// point (`x`, `baseline`): the training watermark.
    Watermark { x: f32, baseline: f32, size: f32, angle: f32, text: String },
    /// A QR symbol whose dark modules start at (`x`, `y`), its top-left corner without
    /// the quiet zone; `module` is the side of one module.
    Qr { x: f32, y: f32, module: f32, symbol: Symbol },
    /// A black rectangle outline, `y` its top edge, closed at its corners.
    Frame { x: f32, y: f32, width: f32, height: f32, line: f32 },
    /// A dashed line through `points`: where to cut a corner code off.
    Dashed { points: Vec<(f32, f32)>, width: f32, dash: f32 },
}

/// The laid-out pages of a document, header and footer included.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pages {
    pub sheet: Sheet,
    pub pages: Vec<Vec<Item>>,
}

fn line_height(size: f32) -> f32 {
    size * LEADING
}

/// Where the baseline sits below the top of a line of `size` points: the font's
/// ascender (1.069 em) minus half of what the line height leaves out of the font's
/// full height (1.362 em), so the text sits centred in its line.
fn baseline_offset(size: f32) -> f32 {
    let full = 1.362 * size;
    (line_height(size) - full) / 2.0 + 1.069 * size
}

fn args(pairs: &[(&str, MessageArg)]) -> BTreeMap<String, MessageArg> {
    pairs.iter().map(|(name, value)| ((*name).to_owned(), value.clone())).collect()
}

/// What the bottom of every page says.
enum Footer {
    /// "Page X of Y" on the right, the generation time on the left.
    PageAndTime { generated: String },
    /// A receipt's date, centred.
    Date(String),
    /// Nothing: a ballot sheet carries no time and has one page.
    Nothing,
}

/// A QR code in a corner of the page, with the square around it kept clear.
struct Corner {
    symbol: Symbol,
    /// The side of one module, in layout points.
    module: f32,
    /// From the paper's edge to the code's first dark module.
    offset: f32,
    /// From the two nearest edges to the dashed cut line.
    cut: f32,
    /// From the two nearest edges to where text may begin.
    keep: f32,
}

impl Corner {
    fn new(payload: &[u8], module_mm: f32, place: QrPlace, g: &Geometry) -> Result<Corner, PrintError> {
        let symbol = encode(payload, place)?;
        let module = g.paper_mm(module_mm);
        let offset = g.paper_mm(CORNER_EDGE_MM) + qr::QUIET_ZONE as f32 * module;
        let quiet_square = g.paper_mm(CORNER_EDGE_MM) + symbol.side_with_quiet_zone() as f32 * module;
        let cut = quiet_square + g.paper_mm(CUT_LINE_GAP_MM);
        Ok(Corner { symbol, module, offset, cut, keep: cut + g.paper_mm(CORNER_CLEARANCE_MM) })
    }

    /// Side of the dark square.
    fn side(&self) -> f32 {
        self.symbol.width as f32 * self.module
    }
}

/// The strip of the first page beside the top-left corner code, between the header and
/// the body: the title (and a ballot's designation) may use it, nothing else.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Band {
    top: f32,
    /// Where the body proper begins.
    until: f32,
    /// Where lines in the band begin.
    left: f32,
}

/// The ballot's two corner codes and the caption of their cut lines.
struct Corners {
    top_left: Corner,
    bottom_right: Corner,
    caption: String,
}

impl Corners {
    fn new(document: &Document, g: &Geometry, localizer: &Localizer) -> Result<Option<Corners>, PrintError> {
        let Some(codes) = &document.corner_codes else { return Ok(None) };
        let top_left = Corner::new(&codes.top_left, codes.module_mm, QrPlace::TopLeftCorner, g)?;
        let bottom_right = Corner::new(&codes.bottom_right, codes.module_mm, QrPlace::BottomRightCorner, g)?;
        // Some body must remain between the two corners, and the header beside the
        // top-left one: each corner takes at most half the width.
        let place = if top_left.keep >= bottom_right.keep {
            QrPlace::TopLeftCorner
        } else {
            QrPlace::BottomRightCorner
        };
        let to_mm = |points: f32| points * g.scale / MM;
        let (needed, room) = (top_left.keep + bottom_right.keep, g.height - g.paper_mm(40.0));
        if needed > room {
            return Err(PrintError::QrTooLarge { place, needed_mm: to_mm(needed), room_mm: to_mm(room) });
        }
        let (needed, room) = (top_left.keep.max(bottom_right.keep), g.width / 2.0);
        if needed > room {
            return Err(PrintError::QrTooLarge { place, needed_mm: to_mm(needed), room_mm: to_mm(room) });
        }
        Ok(Some(Corners { top_left, bottom_right, caption: localizer.text(ids::CUT_LINE) }))
    }

    /// The two codes, their dashed cut lines, and the caption saying what the lines are
    /// for beside the bottom-right one.
    fn items(&self, g: &Geometry, fonts: &Fonts) -> Vec<Item> {
        let (w, h) = (g.width, g.height);
        let size = g.ty.caption;
        let dash = 3.0;
        let mut items = Vec::new();

        let tl = &self.top_left;
        items.push(Item::Qr { x: tl.offset, y: tl.offset, module: tl.module, symbol: tl.symbol.clone() });
        items.push(Item::Dashed { points: vec![(tl.cut, 0.0), (tl.cut, tl.cut), (0.0, tl.cut)], width: RULE, dash });

        let br = &self.bottom_right;
        let (x, y) = (w - br.offset - br.side(), h - br.offset - br.side());
        items.push(Item::Qr { x, y, module: br.module, symbol: br.symbol.clone() });
        items.push(Item::Dashed {
            points: vec![(w - br.cut, h), (w - br.cut, h - br.cut), (w, h - br.cut)],
            width: RULE,
            dash,
        });
        // One caption for both corners, under the end of the cut line, outside the corner.
        let caption = fonts.truncate(&self.caption, Weight::Regular, size, w - br.cut - 4.0 - g.margin_left);
        let caption_width = fonts.width(&caption, Weight::Regular, size);
        items.push(Item::Text {
            x: w - br.cut - 4.0 - caption_width,
            baseline: h - br.cut + 2.0 + baseline_offset(size),
            size,
            weight: Weight::Regular,
            grey: FURNITURE_GREY,
            text: caption,
        });
        items
    }
}

/// The header and footer of one document: fixed words and their vertical extent.
struct Furniture {
    g: Geometry,
    /// The lines of the header: the station, the title again (not on a receipt, whose
    /// title follows at once), in training the notice. One line each, cut to fit, on a
    /// sheet; wrapped and centred on a receipt, where nothing may be cut off.
    header: Vec<(String, Weight, f32)>,
    /// Where header lines begin, and their width.
    header_left: f32,
    header_width: f32,
    footer: Footer,
    watermark: Option<String>,
    corners: Option<Corners>,
    /// Beside the top-left corner code, above the body.
    band: Option<Band>,
    /// Where the body begins and ends on every page.
    body_top: f32,
    body_bottom: f32,
}

impl Furniture {
    fn new(document: &Document, g: Geometry, fonts: &Fonts, localizer: &Localizer) -> Result<Furniture, PrintError> {
        // A district commission's document names no station: its header is the title alone.
        let station = if document.station_number.is_empty() {
            String::new()
        } else {
            localizer.message(ids::HEADER_STATION, &args(&[("number", document.station_number.clone().into())]))
        };
        let footer = if g.receipt {
            let date = document.generated_at_local.split_whitespace().next().unwrap_or_default().to_owned();
            Footer::Date(localizer.message(ids::RECEIPT_DATE, &args(&[("date", date.into())])))
        } else if is_ballot_sheet(document) {
            Footer::Nothing
        } else {
            let generated = localizer
                .message(ids::GENERATED_AT, &args(&[("datetime", document.generated_at_local.clone().into())]));
            Footer::PageAndTime { generated }
        };
        let (notice, watermark) = if document.training {
            (Some(localizer.text(ids::TRAINING_NOTICE)), Some(localizer.text(ids::TRAINING_WATERMARK)))
        } else {
            (None, None)
        };
        let corners = Corners::new(document, &g, localizer)?;
        // Beside the top-left code, not over it.
        let (header_left, header_width) = match &corners {
            Some(corners) if corners.top_left.keep > g.margin_left => {
                (corners.top_left.keep, g.width - g.margin_right - corners.top_left.keep)
            }
            _ => (g.margin_left, g.content_width),
        };
        let size = g.ty.furniture;
        let mut header = Vec::new();
        let mut header_line = |text: &str, weight: Weight, grey: f32| {
            if g.receipt {
                header.extend(fonts.wrap(text, weight, size, header_width).into_iter().map(|line| (line, weight, grey)));
            } else {
                header.push((fonts.truncate(text, weight, size, header_width), weight, grey));
            }
        };
        if !station.is_empty() {
            header_line(&station, Weight::Bold, 0.0);
        }
        if !g.receipt {
            header_line(&document.title, Weight::Regular, FURNITURE_GREY);
        }
        if let Some(notice) = &notice {
            header_line(notice, Weight::Bold, 0.0);
        }
        let header_lines = header.len() as f32;
        let header_rule = g.margin_top + header_lines * line_height(g.ty.furniture) + 3.0;
        let footer_rule = g.height - g.margin_bottom - line_height(g.ty.furniture) - 3.0;
        let mut body_top = header_rule + if g.receipt { 8.0 } else { 12.0 };
        let mut body_bottom = match footer {
            Footer::Nothing => g.height - g.margin_bottom,
            _ => footer_rule - 10.0,
        };
        let mut band = None;
        if let Some(corners) = &corners {
            let keep = corners.top_left.keep;
            if keep > body_top {
                band = Some(Band { top: body_top, until: keep, left: keep });
                body_top = keep;
            }
            body_bottom = body_bottom.min(g.height - corners.bottom_right.keep);
        }
        Ok(Furniture {
            g,
            header,
            header_left,
            header_width,
            footer,
            watermark,
            corners,
            band,
            body_top,
            body_bottom,
        })
    }

    /// The height a receipt needs for a body ending at `body_end`, so that its footer
    /// sits where it would under a body ending at `body_bottom`.
    fn receipt_height(&self, body_end: f32) -> f32 {
        body_end + (self.g.height - self.body_bottom)
    }

    /// The header, footer, corner codes and watermark of page `page` (1-based) of `total`.
    fn items(&self, fonts: &Fonts, localizer: &Localizer, page: usize, total: usize) -> Vec<Item> {
        let g = &self.g;
        let mut items = Vec::new();
        let size = g.ty.furniture;
        let lh = line_height(size);
        let left = self.header_left;
        let mut top = g.margin_top;
        for (text, weight, grey) in &self.header {
            let x = if g.receipt {
                left + aligned_offset(Align::Center, self.header_width, fonts.width(text, *weight, size))
            } else {
                left
            };
            let baseline = top + baseline_offset(size);
            items.push(Item::Text { x, baseline, size, weight: *weight, grey: *grey, text: text.clone() });
            top += lh;
        }
        let header_rule = top + 3.0;
        items.push(Item::Rule { x1: left, y1: header_rule, x2: g.width - g.margin_right, y2: header_rule, width: RULE, grey: 0.0 });

        // Left of the bottom-right code, not over it.
        let (right, span) = match &self.corners {
            Some(corners) if corners.bottom_right.keep > g.margin_right => {
                let right = g.width - corners.bottom_right.keep;
                (right, right - g.margin_left)
            }
            _ => (g.width - g.margin_right, g.content_width),
        };
        let footer_rule = g.height - g.margin_bottom - lh - 3.0;
        let baseline = g.height - g.margin_bottom - lh + baseline_offset(size);
        match &self.footer {
            Footer::Nothing => {}
            Footer::Date(date) => {
                items.push(Item::Rule { x1: g.margin_left, y1: footer_rule, x2: right, y2: footer_rule, width: RULE, grey: 0.0 });
                let date = fonts.truncate(date, Weight::Regular, size, span);
                let x = g.margin_left + aligned_offset(Align::Center, span, fonts.width(&date, Weight::Regular, size));
                items.push(Item::Text { x, baseline, size, weight: Weight::Regular, grey: 0.0, text: date });
            }
            Footer::PageAndTime { generated } => {
                items.push(Item::Rule { x1: g.margin_left, y1: footer_rule, x2: right, y2: footer_rule, width: RULE, grey: 0.0 });
                let page_of = localizer
                    .message(ids::PAGE_OF, &args(&[("page", (page as i64).into()), ("total", (total as i64).into())]));
                let page_of = fonts.truncate(&page_of, Weight::Regular, size, span / 2.0);
                let page_of_width = fonts.width(&page_of, Weight::Regular, size);
                let generated = fonts.truncate(generated, Weight::Regular, size, span - page_of_width - 12.0);
                items.push(Item::Text {
                    x: g.margin_left,
                    baseline,
                    size,
                    weight: Weight::Regular,
                    grey: FURNITURE_GREY,
                    text: generated,
                });
                items.push(Item::Text {
                    x: right - page_of_width,
                    baseline,
                    size,
                    weight: Weight::Regular,
                    grey: 0.0,
                    text: page_of,
                });
            }
        }

        if let Some(corners) = &self.corners {
            items.extend(corners.items(g, fonts));
        }
        if let Some(word) = &self.watermark {
            items.push(watermark(g, fonts, word));
        }
        items
    }
}

/// The training watermark: `word` in large outlined capitals along the page's diagonal,
/// centred on the page. The diagonal runs from the bottom-left to the top-right corner,
/// well away from a ballot's corner codes.
fn watermark(g: &Geometry, fonts: &Fonts, word: &str) -> Item {
    let word = fonts.clean(word).replace('\n', " ");
    let angle = g.height.atan2(g.width);
    let diagonal = g.width.hypot(g.height);
    let unit_width = fonts.width(&word, Weight::Bold, 1.0).max(0.1);
    let size = (0.7 * diagonal / unit_width).min(180.0);
    let width = unit_width * size;
    // Cap height of Noto Sans: 0.714 em. Start point so that the word's box is centred.
    let cap = 0.714 * size;
    let (sin, cos) = angle.sin_cos();
    // In page coordinates with y growing upwards.
    let centre_x = g.width / 2.0;
    let centre_y_up = g.height / 2.0;
    let x = centre_x - width / 2.0 * cos + cap / 2.0 * sin;
    let y_up = centre_y_up - width / 2.0 * sin - cap / 2.0 * cos;
    Item::Watermark { x, baseline: g.height - y_up, size, angle: angle.to_degrees(), text: word }
}

/// A document holding a ballot: one page, no time on it.
fn is_ballot_sheet(document: &Document) -> bool {
    document.blocks.iter().any(|block| matches!(block, Block::Ballot(_)))
}

/// Encodes a payload, or says where it was too long.
fn encode(payload: &[u8], place: QrPlace) -> Result<Symbol, PrintError> {
    qr::encode(payload).ok_or(PrintError::QrTooLong { place, bytes: payload.len(), max: qr::MAX_PAYLOAD })
}

/// A table as the layouter sees it: absolute column widths, per-column weight and
/// alignment, an optional header row.
struct Grid<'a> {
    widths: Vec<f32>,
    aligns: Vec<Align>,
    weights: Vec<Weight>,
    header: Option<Vec<&'a str>>,
    rows: Vec<Vec<&'a str>>,
}

/// The cursor over the pages being filled.
struct Layouter<'a> {
    g: Geometry,
    /// The strip beside the top-left corner code, while the cursor is in it.
    band: Option<Band>,
    fonts: &'a Fonts,
    localizer: &'a Localizer,
    body_top: f32,
    body_bottom: f32,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl<'a> Layouter<'a> {
    fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.body_top;
    }

    fn remaining(&self) -> f32 {
        self.body_bottom - self.y
    }

    fn at_top(&self) -> bool {
        self.y <= self.body_top + 0.01
    }

    /// Starts a new page unless `height` fits below the cursor or the page is still empty.
    fn make_room(&mut self, height: f32) {
        if height > self.remaining() && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.at_top() {
            self.y = (self.y + height).min(self.body_bottom);
        }
    }

    fn text(&mut self, x: f32, line_top: f32, size: f32, weight: Weight, text: String) {
        let baseline = line_top + baseline_offset(size);
        self.page().push(Item::Text { x, baseline, size, weight, grey: 0.0, text });
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.page().push(Item::Rule { x1, y1, x2, y2, width: RULE, grey: 0.0 });
    }

    /// Wrapped lines across the content width, breaking pages between lines.
    fn lines(&mut self, text: &str, size: f32, weight: Weight, align: Align) {
        let lh = line_height(size);
        for line in self.fonts.wrap(text, weight, size, self.g.content_width) {
            self.make_room(lh);
            let width = self.fonts.width(&line, weight, size);
            let x = self.g.margin_left + aligned_offset(align, self.g.content_width, width);
            self.text(x, self.y, size, weight, line);
            self.y += lh;
        }
    }

    fn title(&mut self, title: &str) {
        if let Some(band) = self.band {
            // Beside the top-left corner code, centred in what the code leaves.
            self.y = band.top;
            let (size, weight) = (self.g.ty.title, Weight::Bold);
            let width = self.g.margin_left + self.g.content_width - band.left;
            for line in self.fonts.wrap(title, weight, size, width) {
                let x = band.left + aligned_offset(Align::Center, width, self.fonts.width(&line, weight, size));
                self.text(x, self.y, size, weight, line);
                self.y += line_height(size);
            }
            self.y += 10.0;
            return;
        }
        self.lines(title, self.g.ty.title, Weight::Bold, Align::Center);
        self.gap(10.0);
    }

    /// Moves the cursor out of the strip beside the top-left corner code, for a block
    /// that cannot flow around the code.
    fn leave_band(&mut self) {
        if let Some(band) = self.band.take() {
            self.y = self.y.max(band.until);
        }
    }

    fn heading(&mut self, text: &str) {
        self.gap(8.0);
        let lines = self.fonts.wrap(text, Weight::Bold, self.g.ty.heading, self.g.content_width).len() as f32;
        // Keep the heading with at least two lines of what follows.
        self.make_room(lines * line_height(self.g.ty.heading) + 2.0 * line_height(self.g.ty.body) + 4.0);
        self.lines(text, self.g.ty.heading, Weight::Bold, self.g.text_align());
        self.gap(4.0);
    }

    fn paragraph(&mut self, text: &str) {
        self.lines(text, self.g.ty.body, Weight::Regular, self.g.text_align());
        self.gap(6.0);
    }

    /// Wraps every cell of a row to its column.
    fn wrap_row(&self, grid: &Grid<'_>, cells: &[&str], bold: bool) -> Vec<Vec<String>> {
        grid.widths
            .iter()
            .enumerate()
            .map(|(column, width)| {
                let text = cells.get(column).copied().unwrap_or("");
                let weight = if bold { Weight::Bold } else { grid.weights[column] };
                self.fonts.wrap(text, weight, self.g.ty.table, (width - 2.0 * CELL_PAD_X).max(1.0))
            })
            .collect()
    }

    /// Draws lines `from..to` of a wrapped row at the cursor, with its cell borders.
    fn row_segment(&mut self, grid: &Grid<'_>, cells: &[Vec<String>], from: usize, to: usize, header: bool) {
        let lh = line_height(self.g.ty.table);
        let count = (to - from).max(1) as f32;
        let height = count * lh + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let total_width: f32 = grid.widths.iter().sum();
        if header {
            let x = self.g.margin_left;
            self.page().push(Item::Fill { x, y: top, width: total_width, height, grey: HEADER_FILL });
        }
        let mut x = self.g.margin_left;
        for (column, lines) in cells.iter().enumerate() {
            let width = grid.widths[column];
            let (weight, align) =
                if header { (Weight::Bold, Align::Center) } else { (grid.weights[column], grid.aligns[column]) };
            for (index, line) in lines.iter().enumerate().take(to).skip(from) {
                let line_width = self.fonts.width(line, weight, self.g.ty.table);
                let offset = CELL_PAD_X + aligned_offset(align, width - 2.0 * CELL_PAD_X, line_width);
                let line_top = top + CELL_PAD_Y + (index - from) as f32 * lh;
                self.text(x + offset, line_top, self.g.ty.table, weight, line.clone());
            }
            self.rule(x, top, x, top + height);
            x += width;
        }
        self.rule(x, top, x, top + height);
        self.rule(self.g.margin_left, top, x, top);
        self.rule(self.g.margin_left, top + height, x, top + height);
        self.y = top + height;
    }

    fn grid(&mut self, grid: &Grid<'_>) {
        if grid.widths.is_empty() {
            return;
        }
        let lh = line_height(self.g.ty.table);
        let min_row = lh + 2.0 * CELL_PAD_Y;
        let body_height = self.body_bottom - self.body_top;
        let header = grid.header.as_ref().map(|cells| self.wrap_row(grid, cells, true));
        let header_height = header.as_ref().map_or(0.0, |cells| row_lines(cells).max(1) as f32 * lh + 2.0 * CELL_PAD_Y);
        // A header taller than half a page is drawn once, not repeated.
        let repeat = header.is_some() && header_height <= body_height / 2.0;
        let fresh = body_height - if repeat { header_height } else { 0.0 };

        // Never a header alone at the bottom of a page: it goes with the first row.
        let first_row = grid.rows.first().map_or(0.0, |row| {
            let lines = row_lines(&self.wrap_row(grid, row, false)).max(1) as f32;
            (lines * lh + 2.0 * CELL_PAD_Y).min(fresh)
        });
        self.make_room(header_height + first_row.max(min_row));
        if let Some(cells) = &header {
            self.row_segment(grid, cells, 0, row_lines(cells), true);
        }
        let continue_on_new_page = |layouter: &mut Layouter<'_>| {
            layouter.new_page();
            if let (true, Some(cells)) = (repeat, &header) {
                layouter.row_segment(grid, cells, 0, row_lines(cells), true);
            }
        };
        for row in &grid.rows {
            let cells = self.wrap_row(grid, row, false);
            let total = row_lines(&cells);
            let mut from = 0;
            loop {
                let rest = (total - from).max(1) as f32 * lh + 2.0 * CELL_PAD_Y;
                if rest <= self.remaining() {
                    self.row_segment(grid, &cells, from, total, false);
                    break;
                }
                if rest <= fresh && from == 0 {
                    continue_on_new_page(self);
                    continue;
                }
                // A row taller than what is left: fill this page, continue on the next.
                let fit = ((self.remaining() - 2.0 * CELL_PAD_Y) / lh).floor();
                if fit >= 1.0 {
                    let to = (from + fit as usize).min(total);
                    self.row_segment(grid, &cells, from, to, false);
                    from = to;
                    if from >= total {
                        break;
                    }
                }
                continue_on_new_page(self);
            }
        }
        self.gap(8.0);
    }

    fn table(&mut self, table: &Table) {
        let weights: Vec<f32> = table.columns.iter().map(|column| f32::from(column.weight)).collect();
        let sum: f32 = weights.iter().sum();
        let widths = if sum > 0.0 {
            weights.iter().map(|weight| self.g.content_width * weight / sum).collect()
        } else {
            vec![self.g.content_width / table.columns.len().max(1) as f32; table.columns.len()]
        };
        let grid = Grid {
            widths,
            aligns: table.columns.iter().map(|column| column.align).collect(),
            weights: vec![Weight::Regular; table.columns.len()],
            header: Some(table.columns.iter().map(|column| column.header.as_str()).collect()),
            rows: table.rows.iter().map(|row| row.iter().map(String::as_str).collect()).collect(),
        };
        self.grid(&grid);
    }

    fn key_value(&mut self, pairs: &[(String, String)]) {
        let grid = Grid {
            widths: vec![self.g.content_width * 0.45, self.g.content_width * 0.55],
            aligns: vec![Align::Left, Align::Left],
            weights: vec![Weight::Regular, Weight::Bold],
            header: None,
            rows: pairs.iter().map(|(key, value)| vec![key.as_str(), value.as_str()]).collect(),
        };
        self.grid(&grid);
    }

    /// One row per signatory: role, name, a line to sign on and a line for the date,
    /// each line captioned underneath. A row is never split across pages.
    fn signatures(&mut self, signatories: &[Signatory]) {
        let lh = line_height(self.g.ty.body);
        let pen_room = 16.0;
        let caption_height = line_height(self.g.ty.caption) + 4.0;
        let role_width = self.g.content_width * 0.30;
        let name_width = self.g.content_width * 0.30;
        let gutter = 8.0;
        let sign_x = self.g.margin_left + role_width + name_width + gutter;
        let sign_width = self.g.content_width * 0.24 - gutter;
        let date_x = sign_x + sign_width + gutter;
        let date_width = self.g.margin_left + self.g.content_width - date_x;
        let signature = self.localizer.text(ids::SIGNATURE_CAPTION);
        let date = self.localizer.text(ids::DATE_CAPTION);
        let rows: Vec<(Vec<String>, Vec<String>)> = signatories
            .iter()
            .map(|signatory| {
                (
                    self.fonts.wrap(&signatory.role, Weight::Regular, self.g.ty.body, role_width - gutter),
                    self.fonts.wrap(&signatory.name, Weight::Bold, self.g.ty.body, name_width - gutter),
                )
            })
            .collect();
        let height_of = |role: &[String], name: &[String]| {
            pen_room + role.len().max(name.len()).max(1) as f32 * lh + caption_height
        };
        // The whole block moves to the next page if it fits there and not here.
        let total: f32 = rows.iter().map(|(role, name)| height_of(role, name)).sum();
        if total <= self.body_bottom - self.body_top {
            self.make_room(total + 4.0);
        }
        self.gap(4.0);
        for (role, name) in rows {
            let height = height_of(&role, &name);
            self.make_room(height);
            let first_line = self.y + pen_room;
            for (index, line) in role.into_iter().enumerate() {
                self.text(self.g.margin_left, first_line + index as f32 * lh, self.g.ty.body, Weight::Regular, line);
            }
            for (index, line) in name.into_iter().enumerate() {
                self.text(self.g.margin_left + role_width, first_line + index as f32 * lh, self.g.ty.body, Weight::Bold, line);
            }
            // The lines sit on the first line's baseline, as on a paper form.
            let line_y = first_line + baseline_offset(self.g.ty.body) + 1.5;
            for (x, width, caption) in [(sign_x, sign_width, &signature), (date_x, date_width, &date)] {
                self.rule(x, line_y, x + width, line_y);
                let caption = format!("({caption})");
                let caption = self.fonts.truncate(&caption, Weight::Regular, self.g.ty.caption, width);
                let caption_width = self.fonts.width(&caption, Weight::Regular, self.g.ty.caption);
                let baseline = line_y + 1.5 + baseline_offset(self.g.ty.caption);
                let size = self.g.ty.caption;
                self.page().push(Item::Text {
                    x: x + (width - caption_width) / 2.0,
                    baseline,
                    size,
                    weight: Weight::Regular,
                    grey: FURNITURE_GREY,
                    text: caption,
                });
            }
            self.y += height;
        }
        self.gap(6.0);
    }

    fn copies(&mut self, count: u32) {
        let text = self.localizer.message(ids::COPIES, &args(&[("count", i64::from(count).into())]));
        self.gap(4.0);
        self.paragraph(&text);
    }

    /// QR codes side by side, each with its quiet zone and its caption underneath, as
    /// many per line as the width takes; lines centred, never split across pages.
    fn qr_codes(&mut self, codes: &[CodeRequest<'_>]) -> Result<(), PrintError> {
        let size = self.g.ty.furniture;
        let lh = line_height(size);
        let body_height = self.body_bottom - self.body_top;
        let to_mm = |points: f32| points * self.g.scale / MM;
        let mut prepared = Vec::with_capacity(codes.len());
        for request in codes {
            let symbol = encode(request.payload, request.place)?;
            let module = self.g.paper_mm(request.module_mm);
            let side = symbol.side_with_quiet_zone() as f32 * module;
            let caption = request.caption.filter(|caption| !caption.trim().is_empty());
            let slot = match caption {
                Some(_) => side.max(QR_CAPTION_MIN_WIDTH.min(self.g.content_width)),
                None => side,
            };
            let caption = caption.map_or_else(Vec::new, |caption| self.fonts.wrap(caption, Weight::Regular, size, slot));
            let height = side + caption.len() as f32 * lh;
            if side > self.g.content_width {
                return Err(PrintError::QrTooLarge {
                    place: request.place,
                    needed_mm: to_mm(side),
                    room_mm: to_mm(self.g.content_width),
                });
            }
            if height > body_height {
                return Err(PrintError::QrTooLarge {
                    place: request.place,
                    needed_mm: to_mm(height),
                    room_mm: to_mm(body_height),
                });
            }
            prepared.push(PreparedCode { symbol, module, side, slot, caption, height });
        }
        let mut rest = &prepared[..];
        while !rest.is_empty() {
            // As many as fit the width; at least one (each fits alone, checked above).
            let mut count = 0;
            let mut width = 0.0;
            for code in rest {
                let added = if count == 0 { code.slot } else { width + QR_GAP + code.slot };
                if count > 0 && added > self.g.content_width {
                    break;
                }
                width = added;
                count += 1;
            }
            let (line, after) = rest.split_at(count);
            rest = after;
            let height = line.iter().map(|code| code.height).fold(0.0, f32::max);
            self.make_room(height);
            let mut x = self.g.margin_left + (self.g.content_width - width) / 2.0;
            let top = self.y;
            for code in line {
                let quiet = qr::QUIET_ZONE as f32 * code.module;
                let code_x = x + (code.slot - code.side) / 2.0 + quiet;
                self.page().push(Item::Qr { x: code_x, y: top + quiet, module: code.module, symbol: code.symbol.clone() });
                for (index, text) in code.caption.iter().enumerate() {
                    let text_width = self.fonts.width(text, Weight::Regular, size);
                    let text_x = x + aligned_offset(Align::Center, code.slot, text_width);
                    self.text(text_x, top + code.side + index as f32 * lh, size, Weight::Regular, text.clone());
                }
                x += code.slot + QR_GAP;
            }
            self.y = top + height;
            if !rest.is_empty() {
                self.gap(6.0);
            }
        }
        self.gap(8.0);
        Ok(())
    }

    /// A ballot on what is left of the page, in the largest type that lets it fit.
    fn ballot(&mut self, ballot: &Ballot, block: usize) -> Result<(), PrintError> {
        let band = self.band.take();
        for step in 0..=BALLOT_SHRINK_STEPS {
            let shrink = 1.0 - (1.0 - BALLOT_SMALLEST) * step as f32 / BALLOT_SHRINK_STEPS as f32;
            let (items, height) = self.ballot_items(ballot, shrink, self.y, band);
            if height <= self.remaining() {
                self.page().extend(items);
                self.y += height;
                self.gap(8.0);
                return Ok(());
            }
        }
        Err(PrintError::BallotTooLong { block, options: ballot.options.len() })
    }

    /// The ballot drawn from `top` with its type and spacing multiplied by `shrink` (the
    /// designation, the instruction and the notes no smaller than they stay legible), and its
    /// height: the designation large, the contest, the instruction in a frame, then one
    /// ruled row per option with its number, name, note and a box on the right.
    /// The designation and the contest may start in `band`, beside the top-left code.
    fn ballot_items(&self, ballot: &Ballot, shrink: f32, top: f32, band: Option<Band>) -> (Vec<Item>, f32) {
        let fonts = self.fonts;
        let left = self.g.margin_left;
        let width = self.g.content_width;
        let mut items = Vec::new();
        let mut y = top;
        let text = |items: &mut Vec<Item>, x: f32, line_top: f32, size: f32, weight: Weight, grey: f32, text: String| {
            items.push(Item::Text { x, baseline: line_top + baseline_offset(size), size, weight, grey, text });
        };
        let centred = |items: &mut Vec<Item>, y: &mut f32, content: &str, size: f32, weight: Weight| {
            let (left, width) = match band {
                Some(band) if *y < band.until => (band.left, left + width - band.left),
                _ => (left, width),
            };
            for line in fonts.wrap(content, weight, size, width) {
                let x = left + aligned_offset(Align::Center, width, fonts.width(&line, weight, size));
                text(items, x, *y, size, weight, 0.0, line);
                *y += line_height(size);
            }
        };
        let space = shrink;
        // The designation says which ballot this is: it stays large.
        centred(&mut items, &mut y, &ballot.designation, (20.0 * shrink).max(16.0), Weight::Bold);
        y += 2.0 * space;
        centred(&mut items, &mut y, &ballot.contest_name, (13.0 * shrink).max(10.0), Weight::Bold);
        y += 8.0 * space;

        if let Some(band) = band {
            y = y.max(band.until);
        }
        let size = (9.5 * shrink).max(8.0);
        let pad_x = 8.0;
        let pad_y = 5.0 * space;
        let lines = fonts.wrap(&ballot.instruction, Weight::Regular, size, width - 2.0 * pad_x);
        if !lines.is_empty() {
            let height = lines.len() as f32 * line_height(size) + 2.0 * pad_y;
            items.push(Item::Fill { x: left, y, width, height, grey: INSTRUCTION_FILL });
            items.push(Item::Frame { x: left, y, width, height, line: RULE });
            for (index, line) in lines.into_iter().enumerate() {
                text(&mut items, left + pad_x, y + pad_y + index as f32 * line_height(size), size, Weight::Regular, 0.0, line);
            }
            y += height + 8.0 * space;
        }

        let name_size = 12.0 * shrink;
        let note_size = (9.0 * shrink).max(6.5);
        let pad_x = CELL_PAD_X + 2.0;
        let pad_y = 5.0 * space;
        let box_side = (8.0 * MM * shrink).max(6.0 * MM);
        let box_column = (22.0 * MM * shrink).max(16.0 * MM);
        let widest_number = ballot
            .options
            .iter()
            .map(|option| fonts.width(&fonts.clean(&option.number), Weight::Bold, name_size))
            .fold(0.0, f32::max);
        let number_column = (widest_number + 2.0 * pad_x).max(10.0 * MM).min(width / 4.0);
        let name_x = left + number_column + pad_x;
        let name_width = (width - number_column - box_column - 2.0 * pad_x).max(1.0);
        let right = left + width;
        let box_left = right - box_column;

        // Over the column of boxes, what the boxes are for: centred on the column when it
        // fits there, else ending at the table's right edge.
        let caption_size = self.g.ty.caption;
        let caption =
            fonts.truncate(&self.localizer.text(ids::BALLOT_MARK_COLUMN), Weight::Regular, caption_size, width / 2.0);
        let caption_width = fonts.width(&caption, Weight::Regular, caption_size);
        let caption_x = if caption_width <= box_column {
            box_left + aligned_offset(Align::Center, box_column, caption_width)
        } else {
            right - caption_width
        };
        text(&mut items, caption_x, y, caption_size, Weight::Regular, FURNITURE_GREY, caption);
        y += line_height(caption_size) + 1.0;

        items.push(Item::Rule { x1: left, y1: y, x2: right, y2: y, width: RULE, grey: 0.0 });
        for option in &ballot.options {
            let number = fonts.truncate(&option.number, Weight::Bold, name_size, number_column - 2.0 * pad_x);
            let name = fonts.wrap(&option.name, Weight::Bold, name_size, name_width);
            let note = option.note.as_deref().map_or_else(Vec::new, |note| fonts.wrap(note, Weight::Regular, note_size, name_width));
            let note_gap = if note.is_empty() { 0.0 } else { 1.5 * space };
            let text_height = name.len().max(1) as f32 * line_height(name_size) + note_gap + note.len() as f32 * line_height(note_size);
            let row = text_height.max(box_side) + 2.0 * pad_y;
            let text_top = y + (row - text_height) / 2.0;
            let number_width = fonts.width(&number, Weight::Bold, name_size);
            let number_x = left + aligned_offset(Align::Center, number_column, number_width);
            text(&mut items, number_x, text_top, name_size, Weight::Bold, 0.0, number);
            let mut line_top = text_top;
            for line in name {
                text(&mut items, name_x, line_top, name_size, Weight::Bold, 0.0, line);
                line_top += line_height(name_size);
            }
            line_top += note_gap;
            for line in note {
                text(&mut items, name_x, line_top, note_size, Weight::Regular, NOTE_GREY, line);
                line_top += line_height(note_size);
            }
            // The box to mark, centred in its column, drawn heavier than the rules.
            let box_x = box_left + (box_column - box_side) / 2.0;
            let box_y = y + (row - box_side) / 2.0;
            items.push(Item::Frame { x: box_x, y: box_y, width: box_side, height: box_side, line: BOX_RULE });
            for x in [left, left + number_column, box_left, right] {
                items.push(Item::Rule { x1: x, y1: y, x2: x, y2: y + row, width: RULE, grey: 0.0 });
            }
            y += row;
            items.push(Item::Rule { x1: left, y1: y, x2: right, y2: y, width: RULE, grey: 0.0 });
        }
        (items, y - top)
    }
}

/// One QR code a block asks for.
struct CodeRequest<'a> {
    payload: &'a [u8],
    caption: Option<&'a str>,
    module_mm: f32,
    place: QrPlace,
}

/// A QR code encoded and measured, ready to be placed on a line.
struct PreparedCode {
    symbol: Symbol,
    module: f32,
    /// Side of the code with its quiet zone.
    side: f32,
    /// The width it takes on its line: its side, or the caption's width if wider.
    slot: f32,
    caption: Vec<String>,
    height: f32,
}

fn row_lines(cells: &[Vec<String>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0)
}

fn aligned_offset(align: Align, available: f32, width: f32) -> f32 {
    match align {
        Align::Left => 0.0,
        Align::Center => ((available - width) / 2.0).max(0.0),
        Align::Right => (available - width).max(0.0),
    }
}

/// Checks the document's shape before anything is laid out.
fn validate(document: &Document) -> Result<(), PrintError> {
    let module = |place: QrPlace, module_mm: f32, (min_mm, max_mm): (f32, f32)| {
        // Written so that NaN fails too.
        if (min_mm..=max_mm).contains(&module_mm) {
            Ok(())
        } else {
            Err(PrintError::QrModuleSize { place, module_mm, min_mm, max_mm })
        }
    };
    if let Some(codes) = &document.corner_codes {
        if document.page == PageSize::Receipt80 {
            return Err(PrintError::CornerCodesOnReceipt);
        }
        module(QrPlace::TopLeftCorner, codes.module_mm, CORNER_MODULE_MM)?;
        module(QrPlace::BottomRightCorner, codes.module_mm, CORNER_MODULE_MM)?;
    }
    for (block_index, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Table(table) => {
                for (row_index, row) in table.rows.iter().enumerate() {
                    if row.len() > table.columns.len() {
                        return Err(PrintError::RowTooWide {
                            block: block_index,
                            row: row_index,
                            cells: row.len(),
                            columns: table.columns.len(),
                        });
                    }
                }
            }
            Block::Qr { module_mm, .. } => module(QrPlace::Block(block_index), *module_mm, QR_MODULE_MM)?,
            Block::QrRow(codes) => {
                for (code, qr) in codes.iter().enumerate() {
                    module(QrPlace::InRow { block: block_index, code }, qr.module_mm, QR_MODULE_MM)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Lays out `document` on as many pages as it needs (at least one), with the header,
/// footer, corner codes and (in training) the watermark on every page.
pub(crate) fn lay_out(document: &Document, fonts: &Fonts, localizer: &Localizer) -> Result<Pages, PrintError> {
    validate(document)?;
    let g = Geometry::new(document.page);
    let mut furniture = Furniture::new(document, g, fonts, localizer)?;
    let mut layouter = Layouter {
        g,
        band: furniture.band,
        fonts,
        localizer,
        body_top: furniture.body_top,
        body_bottom: furniture.body_bottom,
        pages: vec![Vec::new()],
        y: furniture.body_top,
    };
    layouter.title(&document.title);
    for (index, block) in document.blocks.iter().enumerate() {
        if !matches!(block, Block::Ballot(_)) {
            layouter.leave_band();
        }
        match block {
            Block::Heading(text) => layouter.heading(text),
            Block::Paragraph(text) => layouter.paragraph(text),
            Block::KeyValue(pairs) => layouter.key_value(pairs),
            Block::Table(table) => layouter.table(table),
            Block::Signatures(signatories) => layouter.signatures(signatories),
            Block::Copies(count) => layouter.copies(*count),
            Block::Qr { payload, caption, module_mm } => layouter.qr_codes(&[CodeRequest {
                payload,
                caption: caption.as_deref(),
                module_mm: *module_mm,
                place: QrPlace::Block(index),
            }])?,
            Block::QrRow(codes) => {
                let requests: Vec<CodeRequest<'_>> = codes
                    .iter()
                    .enumerate()
                    .map(|(code, qr)| CodeRequest {
                        payload: &qr.payload,
                        caption: qr.caption.as_deref(),
                        module_mm: qr.module_mm,
                        place: QrPlace::InRow { block: index, code },
                    })
                    .collect();
                layouter.qr_codes(&requests)?;
            }
            Block::Ballot(ballot) => layouter.ballot(ballot, index)?,
            Block::PageBreak => {
                if !layouter.at_top() {
                    layouter.new_page();
                }
            }
        }
    }
    let body_end = layouter.y;
    let mut pages = layouter.pages;
    if is_ballot_sheet(document) && pages.len() > 1 {
        return Err(PrintError::BallotSheetTooLong { pages: pages.len() });
    }
    if g.receipt {
        if pages.len() > 1 {
            return Err(PrintError::ReceiptTooLong { max_mm: RECEIPT_MAX_HEIGHT / MM });
        }
        let height = furniture.receipt_height(body_end);
        furniture.g.cut_receipt(height);
    }
    let total = pages.len();
    for (index, items) in pages.iter_mut().enumerate() {
        items.extend(furniture.items(fonts, localizer, index + 1, total));
    }
    Ok(Pages { sheet: furniture.g.sheet(), pages })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BallotOptionLine, CornerCodes};

    fn fonts() -> Fonts {
        Fonts::load().expect("the embedded fonts parse")
    }

    /// The smallest rectangle (left, top, right, bottom) holding what `item` draws.
    fn bounds(item: &Item, fonts: &Fonts) -> (f32, f32, f32, f32) {
        match item {
            Item::Text { x, baseline, size, weight, text, .. } => {
                let width = fonts.width(text, *weight, *size);
                (*x, baseline - 1.069 * size, x + width, baseline + 0.293 * size)
            }
            Item::Rule { x1, y1, x2, y2, width, .. } => {
                let half = width / 2.0;
                (x1.min(*x2) - half, y1.min(*y2) - half, x1.max(*x2) + half, y1.max(*y2) + half)
            }
            Item::Fill { x, y, width, height, .. } => (*x, *y, x + width, y + height),
            Item::Frame { x, y, width, height, line } => (x - line / 2.0, y - line / 2.0, x + width + line / 2.0, y + height + line / 2.0),
            Item::Qr { x, y, module, symbol } => {
                let quiet = qr::QUIET_ZONE as f32 * module;
                let side = symbol.width as f32 * module;
                (x - quiet, y - quiet, x + side + quiet, y + side + quiet)
            }
            Item::Dashed { points, .. } => points.iter().fold(
                (f32::MAX, f32::MAX, f32::MIN, f32::MIN),
                |(left, top, right, bottom), (x, y)| (left.min(*x), top.min(*y), right.max(*x), bottom.max(*y)),
            ),
            Item::Watermark { x, baseline, .. } => (*x, *baseline, *x, *baseline),
        }
    }

    fn overlaps(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    fn ballot_document(options: usize, module_mm: f32, training: bool, extra: Vec<Block>) -> Document {
        let options = (0..options)
            .map(|index| {
                BallotOptionLine::new(
                    (index + 1).to_string(),
                    format!("Өмүрбеков Нурлан Үсөнович {index} ").repeat(1 + index % 3),
                    (index % 2 == 0).then(|| "1975-ж. туулган; Бишкек ш.; өзүн-өзү көрсөткөн".to_owned()),
                )
            })
            .collect();
        let mut blocks = vec![Block::Ballot(Ballot {
            designation: "№ 3 шайлоо округу ".repeat(6),
            contest_name: "Жогорку Кеңештин депутаттарын шайлоо ".repeat(4),
            instruction: "Бир гана төрт бурчтукка белги коюңуз. ".repeat(8),
            options,
        })];
        blocks.extend(extra);
        Document {
            title: "ШАЙЛОО БЮЛЛЕТЕНИ ".repeat(5),
            station_number: "7003".into(),
            generated_at_local: "2025-11-30".into(),
            language: i18n::Language::Ky,
            training,
            page: PageSize::A4,
            corner_codes: Some(CornerCodes { top_left: vec![0xA5; 60], bottom_right: vec![0x5A; 40], module_mm }),
            blocks,
        }
    }

    #[test]
    fn r4_4_nothing_but_their_codes_in_the_corners() {
        let fonts = fonts();
        let mut documents = Vec::new();
        for (options, module_mm, training) in [(3, 0.8, false), (12, 0.8, true), (10, 1.2, false), (8, 2.0, true)] {
            documents.push(ballot_document(options, module_mm, training, vec![]));
        }
        // Not a ballot: many pages, tables, QR codes, signatures, all around the corners.
        let mut long = ballot_document(0, 1.0, true, vec![]);
        long.blocks = vec![
            Block::Paragraph("Бюллетендерди эсептөө ".repeat(200)),
            Block::Table(Table {
                columns: vec![crate::Column::new("№", 1), crate::Column::new("Талапкер", 6)],
                rows: (0..90).map(|row| vec![row.to_string(), "Төлөгөнов Өмүрбек".into()]).collect(),
            }),
            Block::QrRow((0..7).map(|seed| crate::QrCode::new(vec![seed; 300], Some("бөлүк".into()), 0.5)).collect()),
            Block::Signatures(vec![Signatory::new("Төрага", "Асанова Г. Т."); 12]),
        ];
        documents.push(long);
        for document in documents {
            let localizer = Localizer::new(document.language);
            let g = Geometry::new(document.page);
            let codes = document.corner_codes.as_ref().expect("corner codes");
            let top_left = Corner::new(&codes.top_left, codes.module_mm, QrPlace::TopLeftCorner, &g).expect("encodes");
            let bottom_right = Corner::new(&codes.bottom_right, codes.module_mm, QrPlace::BottomRightCorner, &g).expect("encodes");
            let corners = [(0.0, 0.0, top_left.cut, top_left.cut), (g.width - bottom_right.cut, g.height - bottom_right.cut, g.width, g.height)];
            let pages = lay_out(&document, &fonts, &localizer).expect("lays out");
            for (page, items) in pages.pages.iter().enumerate() {
                let mut codes_in_corners = 0;
                for item in items {
                    let inside = corners.iter().any(|corner| {
                        let (left, top, right, bottom) = bounds(item, &fonts);
                        left >= corner.0 - 0.01 && top >= corner.1 - 0.01 && right <= corner.2 + 0.01 && bottom <= corner.3 + 0.01
                    });
                    match item {
                        // The training word runs from the bottom-left to the top-right corner.
                        Item::Watermark { .. } => {}
                        // The cut lines are the corners' edges.
                        Item::Dashed { .. } => assert!(inside, "page {page}: a dashed line that is not a cut line"),
                        Item::Qr { .. } if inside => codes_in_corners += 1,
                        _ => {
                            let hit = corners.iter().any(|corner| overlaps(bounds(item, &fonts), *corner));
                            assert!(!hit, "page {page}: {item:?} is printed in a corner");
                        }
                    }
                }
                assert_eq!(codes_in_corners, 2, "page {page}: a code in each corner");
            }
        }
    }

    #[test]
    fn a_ballot_shrinks_only_as_far_as_it_must() {
        let fonts = fonts();
        let localizer = Localizer::new(i18n::Language::Ru);
        let name_size = |document: &Document| {
            let pages = lay_out(document, &fonts, &localizer).expect("lays out");
            // The option names are the bold text drawn right of the number column.
            pages.pages[0]
                .iter()
                .filter_map(|item| match item {
                    Item::Text { size, weight: Weight::Bold, text, .. } if text.starts_with("Өмүрбеков") => Some(*size),
                    _ => None,
                })
                .fold(f32::MAX, f32::min)
        };
        let short = name_size(&ballot_document(3, 0.8, false, vec![]));
        let long = name_size(&ballot_document(14, 0.8, false, vec![]));
        assert_eq!(short, 12.0, "three options need no shrinking");
        assert!(long < short && long >= 12.0 * BALLOT_SMALLEST, "{long}");
    }

    #[test]
    fn a4_geometry_is_the_one_documents_were_always_laid_out_on() {
        // Byte-for-byte stability of every A4 document rests on these exact values.
        let g = Geometry::new(PageSize::A4);
        assert_eq!((g.width, g.height, g.scale), (210.0 * MM, 297.0 * MM, 1.0));
        assert_eq!(g.content_width, 210.0 * MM - MARGIN_LEFT - MARGIN_RIGHT);
        assert_eq!(g.sheet().paper_mm, (210.0, 297.0));
        // Enlarged pages keep A4's layout width.
        for page in [PageSize::A3, PageSize::A2, PageSize::A1] {
            let g = Geometry::new(page);
            assert!((g.width - 210.0 * MM).abs() < 0.01, "{page:?}: {}", g.width);
            // The A sizes are rounded to whole millimetres: A1 is a third of a millimetre longer.
            assert!((g.height - 297.0 * MM).abs() < 1.0, "{page:?}: {}", g.height);
        }
    }

    #[test]
    fn a_page_break_starts_a_new_page_except_at_the_top_of_one() {
        let fonts = fonts();
        let localizer = Localizer::new(i18n::Language::Ru);
        let mut document = ballot_document(0, 1.0, false, vec![]);
        document.corner_codes = None;
        document.blocks = vec![
            Block::Paragraph("Заверенная копия для Асановой Г. Т.".into()),
            Block::PageBreak,
            Block::PageBreak,
            Block::Paragraph("Заверенная копия для Түгөлбаевой А.".into()),
        ];
        let pages = lay_out(&document, &fonts, &localizer).expect("laid out");
        assert_eq!(pages.pages.len(), 2, "a second break at the top of the new page adds no page");
    }
}
