//! Lays a [`Document`] out on A4 pages: positions of every piece of text, rule and
//! shaded box, in points from the top-left corner of the page. The PDF writer
//! (`pdf.rs`) only draws what this module placed.

use std::collections::BTreeMap;

use domain::MessageArg;
use i18n::Localizer;

use crate::PrintError;
use crate::fonts::{Fonts, Weight};
use crate::model::{Align, Block, Document, Signatory, Table};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;
/// Wider on the left, where the sheets are stapled or bound.
const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 15.0 * MM;
const MARGIN_TOP: f32 = 12.0 * MM;
const MARGIN_BOTTOM: f32 = 12.0 * MM;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;

const TITLE_SIZE: f32 = 14.0;
const HEADING_SIZE: f32 = 12.0;
const BODY_SIZE: f32 = 10.5;
const TABLE_SIZE: f32 = 9.5;
const FURNITURE_SIZE: f32 = 8.0;
const CAPTION_SIZE: f32 = 7.0;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const RULE: f32 = 0.5;
const HEADER_FILL: f32 = 0.88;
const FURNITURE_GREY: f32 = 0.3;

/// Fluent message ids of the fixed words on the page (`locales/*/print.ftl`).
pub(crate) mod ids {
    pub const HEADER_STATION: &str = "print-header-station";
    pub const PAGE_OF: &str = "print-page-of";
    pub const GENERATED_AT: &str = "print-generated-at";
    pub const SIGNATURE_CAPTION: &str = "print-signature-caption";
    pub const DATE_CAPTION: &str = "print-date-caption";
    pub const TRAINING_WATERMARK: &str = "print-training-watermark";
    pub const TRAINING_NOTICE: &str = "print-training-notice";
    pub const COPIES: &str = "print-copies";
    #[cfg(test)]
    pub const ALL: [&str; 8] = [
        HEADER_STATION,
        PAGE_OF,
        GENERATED_AT,
        SIGNATURE_CAPTION,
        DATE_CAPTION,
        TRAINING_WATERMARK,
        TRAINING_NOTICE,
        COPIES,
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
}

/// The laid-out pages of a document, header and footer included.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Pages {
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

/// The header and footer of one document: fixed words and their vertical extent.
struct Furniture {
    station: String,
    title: String,
    notice: Option<String>,
    generated: String,
    watermark: Option<String>,
    /// Where the body begins and ends on every page.
    body_top: f32,
    body_bottom: f32,
}

impl Furniture {
    fn new(document: &Document, localizer: &Localizer) -> Furniture {
        let station =
            localizer.message(ids::HEADER_STATION, &args(&[("number", document.station_number.clone().into())]));
        let generated =
            localizer.message(ids::GENERATED_AT, &args(&[("datetime", document.generated_at_local.clone().into())]));
        let (notice, watermark) = if document.training {
            (Some(localizer.text(ids::TRAINING_NOTICE)), Some(localizer.text(ids::TRAINING_WATERMARK)))
        } else {
            (None, None)
        };
        let header_lines = if notice.is_some() { 3.0 } else { 2.0 };
        let header_rule = MARGIN_TOP + header_lines * line_height(FURNITURE_SIZE) + 3.0;
        let footer_rule = PAGE_HEIGHT - MARGIN_BOTTOM - line_height(FURNITURE_SIZE) - 3.0;
        Furniture {
            station,
            title: document.title.clone(),
            notice,
            generated,
            watermark,
            body_top: header_rule + 12.0,
            body_bottom: footer_rule - 10.0,
        }
    }

    /// The header, footer and watermark of page `page` (1-based) of `total`.
    fn items(&self, fonts: &Fonts, localizer: &Localizer, page: usize, total: usize) -> Vec<Item> {
        let mut items = Vec::new();
        let lh = line_height(FURNITURE_SIZE);
        let mut top = MARGIN_TOP;
        let mut header_line = |text: &str, weight: Weight, grey: f32, items: &mut Vec<Item>| {
            let text = fonts.truncate(text, weight, FURNITURE_SIZE, CONTENT_WIDTH);
            let baseline = top + baseline_offset(FURNITURE_SIZE);
            items.push(Item::Text { x: MARGIN_LEFT, baseline, size: FURNITURE_SIZE, weight, grey, text });
            top += lh;
        };
        header_line(&self.station, Weight::Bold, 0.0, &mut items);
        header_line(&self.title, Weight::Regular, FURNITURE_GREY, &mut items);
        if let Some(notice) = &self.notice {
            header_line(notice, Weight::Bold, 0.0, &mut items);
        }
        let header_rule = top + 3.0;
        items.push(Item::Rule {
            x1: MARGIN_LEFT,
            y1: header_rule,
            x2: PAGE_WIDTH - MARGIN_RIGHT,
            y2: header_rule,
            width: RULE,
            grey: 0.0,
        });

        let footer_rule = PAGE_HEIGHT - MARGIN_BOTTOM - lh - 3.0;
        items.push(Item::Rule {
            x1: MARGIN_LEFT,
            y1: footer_rule,
            x2: PAGE_WIDTH - MARGIN_RIGHT,
            y2: footer_rule,
            width: RULE,
            grey: 0.0,
        });
        let baseline = PAGE_HEIGHT - MARGIN_BOTTOM - lh + baseline_offset(FURNITURE_SIZE);
        let page_of =
            localizer.message(ids::PAGE_OF, &args(&[("page", (page as i64).into()), ("total", (total as i64).into())]));
        let page_of = fonts.truncate(&page_of, Weight::Regular, FURNITURE_SIZE, CONTENT_WIDTH / 2.0);
        let page_of_width = fonts.width(&page_of, Weight::Regular, FURNITURE_SIZE);
        let generated =
            fonts.truncate(&self.generated, Weight::Regular, FURNITURE_SIZE, CONTENT_WIDTH - page_of_width - 12.0);
        items.push(Item::Text {
            x: MARGIN_LEFT,
            baseline,
            size: FURNITURE_SIZE,
            weight: Weight::Regular,
            grey: FURNITURE_GREY,
            text: generated,
        });
        items.push(Item::Text {
            x: PAGE_WIDTH - MARGIN_RIGHT - page_of_width,
            baseline,
            size: FURNITURE_SIZE,
            weight: Weight::Regular,
            grey: 0.0,
            text: page_of,
        });

        if let Some(word) = &self.watermark {
            items.push(watermark(fonts, word));
        }
        items
    }
}

/// The training watermark: `word` in large outlined capitals along the page's diagonal,
/// centred on the page.
fn watermark(fonts: &Fonts, word: &str) -> Item {
    let word = fonts.clean(word).replace('\n', " ");
    // The diagonal from the bottom-left to the top-right corner.
    let angle = PAGE_HEIGHT.atan2(PAGE_WIDTH);
    let diagonal = PAGE_WIDTH.hypot(PAGE_HEIGHT);
    let unit_width = fonts.width(&word, Weight::Bold, 1.0).max(0.1);
    let size = (0.7 * diagonal / unit_width).min(180.0);
    let width = unit_width * size;
    // Cap height of Noto Sans: 0.714 em. Start point so that the word's box is centred.
    let cap = 0.714 * size;
    let (sin, cos) = angle.sin_cos();
    // In page coordinates with y growing upwards.
    let centre_x = PAGE_WIDTH / 2.0;
    let centre_y_up = PAGE_HEIGHT / 2.0;
    let x = centre_x - width / 2.0 * cos + cap / 2.0 * sin;
    let y_up = centre_y_up - width / 2.0 * sin - cap / 2.0 * cos;
    Item::Watermark { x, baseline: PAGE_HEIGHT - y_up, size, angle: angle.to_degrees(), text: word }
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
        for line in self.fonts.wrap(text, weight, size, CONTENT_WIDTH) {
            self.make_room(lh);
            let width = self.fonts.width(&line, weight, size);
            let x = MARGIN_LEFT + aligned_offset(align, CONTENT_WIDTH, width);
            self.text(x, self.y, size, weight, line);
            self.y += lh;
        }
    }

    fn title(&mut self, title: &str) {
        self.lines(title, TITLE_SIZE, Weight::Bold, Align::Center);
        self.gap(10.0);
    }

    fn heading(&mut self, text: &str) {
        self.gap(8.0);
        let lines = self.fonts.wrap(text, Weight::Bold, HEADING_SIZE, CONTENT_WIDTH).len() as f32;
        // Keep the heading with at least two lines of what follows.
        self.make_room(lines * line_height(HEADING_SIZE) + 2.0 * line_height(BODY_SIZE) + 4.0);
        self.lines(text, HEADING_SIZE, Weight::Bold, Align::Left);
        self.gap(4.0);
    }

    fn paragraph(&mut self, text: &str) {
        self.lines(text, BODY_SIZE, Weight::Regular, Align::Left);
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
                self.fonts.wrap(text, weight, TABLE_SIZE, (width - 2.0 * CELL_PAD_X).max(1.0))
            })
            .collect()
    }

    /// Draws lines `from..to` of a wrapped row at the cursor, with its cell borders.
    fn row_segment(&mut self, grid: &Grid<'_>, cells: &[Vec<String>], from: usize, to: usize, header: bool) {
        let lh = line_height(TABLE_SIZE);
        let count = (to - from).max(1) as f32;
        let height = count * lh + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let total_width: f32 = grid.widths.iter().sum();
        if header {
            self.page().push(Item::Fill { x: MARGIN_LEFT, y: top, width: total_width, height, grey: HEADER_FILL });
        }
        let mut x = MARGIN_LEFT;
        for (column, lines) in cells.iter().enumerate() {
            let width = grid.widths[column];
            let (weight, align) =
                if header { (Weight::Bold, Align::Center) } else { (grid.weights[column], grid.aligns[column]) };
            for (index, line) in lines.iter().enumerate().take(to).skip(from) {
                let line_width = self.fonts.width(line, weight, TABLE_SIZE);
                let offset = CELL_PAD_X + aligned_offset(align, width - 2.0 * CELL_PAD_X, line_width);
                let line_top = top + CELL_PAD_Y + (index - from) as f32 * lh;
                self.text(x + offset, line_top, TABLE_SIZE, weight, line.clone());
            }
            self.rule(x, top, x, top + height);
            x += width;
        }
        self.rule(x, top, x, top + height);
        self.rule(MARGIN_LEFT, top, x, top);
        self.rule(MARGIN_LEFT, top + height, x, top + height);
        self.y = top + height;
    }

    fn grid(&mut self, grid: &Grid<'_>) {
        if grid.widths.is_empty() {
            return;
        }
        let lh = line_height(TABLE_SIZE);
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
            weights.iter().map(|weight| CONTENT_WIDTH * weight / sum).collect()
        } else {
            vec![CONTENT_WIDTH / table.columns.len().max(1) as f32; table.columns.len()]
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
            widths: vec![CONTENT_WIDTH * 0.45, CONTENT_WIDTH * 0.55],
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
        let lh = line_height(BODY_SIZE);
        let pen_room = 16.0;
        let caption_height = line_height(CAPTION_SIZE) + 4.0;
        let role_width = CONTENT_WIDTH * 0.30;
        let name_width = CONTENT_WIDTH * 0.30;
        let gutter = 8.0;
        let sign_x = MARGIN_LEFT + role_width + name_width + gutter;
        let sign_width = CONTENT_WIDTH * 0.24 - gutter;
        let date_x = sign_x + sign_width + gutter;
        let date_width = MARGIN_LEFT + CONTENT_WIDTH - date_x;
        let signature = self.localizer.text(ids::SIGNATURE_CAPTION);
        let date = self.localizer.text(ids::DATE_CAPTION);
        let rows: Vec<(Vec<String>, Vec<String>)> = signatories
            .iter()
            .map(|signatory| {
                (
                    self.fonts.wrap(&signatory.role, Weight::Regular, BODY_SIZE, role_width - gutter),
                    self.fonts.wrap(&signatory.name, Weight::Bold, BODY_SIZE, name_width - gutter),
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
                self.text(MARGIN_LEFT, first_line + index as f32 * lh, BODY_SIZE, Weight::Regular, line);
            }
            for (index, line) in name.into_iter().enumerate() {
                self.text(MARGIN_LEFT + role_width, first_line + index as f32 * lh, BODY_SIZE, Weight::Bold, line);
            }
            // The lines sit on the first line's baseline, as on a paper form.
            let line_y = first_line + baseline_offset(BODY_SIZE) + 1.5;
            for (x, width, caption) in [(sign_x, sign_width, &signature), (date_x, date_width, &date)] {
                self.rule(x, line_y, x + width, line_y);
                let caption = format!("({caption})");
                let caption = self.fonts.truncate(&caption, Weight::Regular, CAPTION_SIZE, width);
                let caption_width = self.fonts.width(&caption, Weight::Regular, CAPTION_SIZE);
                let baseline = line_y + 1.5 + baseline_offset(CAPTION_SIZE);
                self.page().push(Item::Text {
                    x: x + (width - caption_width) / 2.0,
                    baseline,
                    size: CAPTION_SIZE,
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
    for (block_index, block) in document.blocks.iter().enumerate() {
        if let Block::Table(table) = block {
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
    }
    Ok(())
}

/// Lays out `document` on as many pages as it needs (at least one), with the header,
/// footer and (in training) the watermark on every page.
pub(crate) fn lay_out(document: &Document, fonts: &Fonts, localizer: &Localizer) -> Result<Pages, PrintError> {
    validate(document)?;
    let furniture = Furniture::new(document, localizer);
    let mut layouter = Layouter {
        fonts,
        localizer,
        body_top: furniture.body_top,
        body_bottom: furniture.body_bottom,
        pages: vec![Vec::new()],
        y: furniture.body_top,
    };
    layouter.title(&document.title);
    for block in &document.blocks {
        match block {
            Block::Heading(text) => layouter.heading(text),
            Block::Paragraph(text) => layouter.paragraph(text),
            Block::KeyValue(pairs) => layouter.key_value(pairs),
            Block::Table(table) => layouter.table(table),
            Block::Signatures(signatories) => layouter.signatures(signatories),
            Block::Copies(count) => layouter.copies(*count),
        }
    }
    let mut pages = layouter.pages;
    let total = pages.len();
    for (index, items) in pages.iter_mut().enumerate() {
        items.extend(furniture.items(fonts, localizer, index + 1, total));
    }
    Ok(Pages { pages })
}
