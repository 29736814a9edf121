//! The document model: what a printed document says, as plain data.
//!
//! Callers (the `api` crate) build a [`Document`] from the journal; [`crate::render_pdf`]
//! lays it out. Everything that varies from one document to another is here; the fixed
//! words of the page (header, footer, captions, watermark) come from `locales/*/print.ftl`.

use i18n::Language;

/// One printed document: a protocol, an act, a list, a receipt.
///
/// The renderer prints `title` in large bold type at the top of the first page, then
/// the `blocks` in order. Every page carries a header (the station and the title) and a
/// footer (page X of Y, `generated_at_local`); when `training` is set, every page also
/// carries a large diagonal watermark and a notice that the document has no legal force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document's name, e.g. "Акт о погашении неиспользованных бюллетеней".
    pub title: String,
    /// The station number as the election definition spells it, e.g. "1234".
    pub station_number: String,
    /// Station time when the document was generated, already formatted as
    /// `YYYY-MM-DD HH:MM`. Printed in the footer and used as the PDF creation date; the
    /// renderer never reads a clock.
    pub generated_at_local: String,
    /// The language of the fixed words of the page.
    pub language: Language,
    /// A document of a mock election (training mode): watermarked on every page.
    pub training: bool,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// A piece of a document's content. Text may contain `\n` for a forced line break;
/// everything else wraps to the width available.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading in bold; never left alone at the bottom of a page.
    Heading(String),
    /// Running text.
    Paragraph(String),
    /// Labelled values in a two-column ruled table: the label on the left, the value
    /// in bold on the right (e.g. "Number of voters on the list" — "1 234").
    KeyValue(Vec<(String, String)>),
    /// A ruled table whose header row is repeated at the top of every page it spans.
    Table(Table),
    /// Who signs the document: one row per person with their role, name, a line to
    /// sign on and a line for the date.
    Signatures(Vec<Signatory>),
    /// "Made in N copies", in the document's language, with the right plural form.
    Copies(u32),
}

/// A table: columns with headers and relative widths, and rows of cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Each row has at most one cell per column; missing cells at the end are empty.
    /// A row with more cells than columns is refused ([`crate::PrintError::RowTooWide`]).
    pub rows: Vec<Vec<String>>,
}

/// A column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header cell text (bold, on a grey background).
    pub header: String,
    /// The column's share of the table width, relative to the other columns' weights
    /// (e.g. 1, 4, 2). If every weight is 0, the columns share the width equally.
    pub weight: u16,
    /// How the body cells of this column are aligned (headers are centred).
    pub align: Align,
}

impl Column {
    /// A left-aligned column.
    pub fn new(header: impl Into<String>, weight: u16) -> Column {
        Column { header: header.into(), weight, align: Align::Left }
    }

    /// The same column with its body cells aligned as `align` (numbers: [`Align::Right`]).
    pub fn aligned(self, align: Align) -> Column {
        Column { align, ..self }
    }
}

/// Horizontal alignment of text in a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A person who signs a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    /// The role in the commission, e.g. "Председатель", "Член комиссии".
    pub role: String,
    /// Surname and initials, e.g. "Асанова Г. Т.".
    pub name: String,
}

impl Signatory {
    pub fn new(role: impl Into<String>, name: impl Into<String>) -> Signatory {
        Signatory { role: role.into(), name: name.into() }
    }
}
