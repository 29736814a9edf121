//! The document model: what a printed document says, as plain data.
//!
//! Callers (the `api` crate) build a [`Document`] from the journal; [`crate::render_pdf`]
//! lays it out. Everything that varies from one document to another is here; the fixed
//! words of the page (header, footer, captions, watermark) come from `locales/*/print.ftl`.

use i18n::Language;

/// One printed document: a protocol, an act, a list, a ballot, a receipt, a poster.
///
/// The renderer prints `title` in large bold type at the top of the first page, then
/// the `blocks` in order. Every page carries a header (the station and the title) and a
/// footer (page X of Y, `generated_at_local`); when `training` is set, every page also
/// carries a large diagonal watermark and a notice that the document has no legal force.
///
/// Two kinds of document never print the time, because a time on them could link a
/// voter to a ballot: a ballot sheet (a document holding a [`Block::Ballot`]) has no
/// footer and no creation date, and a receipt ([`PageSize::Receipt80`]) prints only the
/// date part of `generated_at_local` (what precedes its first space).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The document's name, e.g. "Акт о погашении неиспользованных бюллетеней".
    pub title: String,
    /// The station number as the election definition spells it, e.g. "1234"; empty
    /// for a document that is not a station's (a district commission's), whose header
    /// then carries the title alone.
    pub station_number: String,
    /// Station time when the document was generated, already formatted as
    /// `YYYY-MM-DD HH:MM`. Printed in the footer and used as the PDF creation date; the
    /// renderer never reads a clock.
    pub generated_at_local: String,
    /// The language of the fixed words of the page.
    pub language: Language,
    /// A document of a mock election (training mode): watermarked on every page.
    pub training: bool,
    /// The paper: A4 portrait unless said otherwise.
    pub page: PageSize,
    /// QR codes in the top-left and bottom-right corners of every page (a ballot's):
    /// nothing else is printed in those corners, so cutting them off cancels the sheet
    /// (R4.4). Not on receipts.
    pub corner_codes: Option<CornerCodes>,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// The paper a document is printed on.
///
/// The A-series sizes are all the shape of A4: a document on A3, A2 or A1 is laid out
/// exactly as on A4 and enlarged as a whole, type, rules, header, footer and watermark
/// alike (the enlarged wall form of the protocol, §69). QR codes keep the module size
/// their block asks for, on any paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageSize {
    /// 210 × 297 mm, portrait.
    #[default]
    A4,
    /// 297 × 210 mm: for wide tables.
    A4Landscape,
    /// 297 × 420 mm, A4 enlarged 1.41 times.
    A3,
    /// 420 × 594 mm, A4 enlarged twice.
    A2,
    /// 594 × 841 mm, A4 enlarged 2.83 times.
    A1,
    /// 80 mm thermal paper of the identification terminal's receipt printer: one page as
    /// long as its content, every line centred in large type, no page numbers.
    Receipt80,
}

impl PageSize {
    /// Width and height of the paper in millimetres; the height of a receipt depends on
    /// its content, so it is `None`.
    pub fn size_mm(self) -> (f32, Option<f32>) {
        match self {
            PageSize::A4 => (210.0, Some(297.0)),
            PageSize::A4Landscape => (297.0, Some(210.0)),
            PageSize::A3 => (297.0, Some(420.0)),
            PageSize::A2 => (420.0, Some(594.0)),
            PageSize::A1 => (594.0, Some(841.0)),
            PageSize::Receipt80 => (80.0, None),
        }
    }
}

/// The two QR codes of a ballot's corners.
#[derive(Debug, Clone, PartialEq)]
pub struct CornerCodes {
    /// Printed in the top-left corner. At most a few dozen bytes keep the code small.
    pub top_left: Vec<u8>,
    /// Printed in the bottom-right corner.
    pub bottom_right: Vec<u8>,
    /// The side of one module on paper, at least 0.8 mm (a cut ballot, a worn printer
    /// head and a cheap camera must still read it) and at most 3 mm.
    pub module_mm: f32,
}

/// One QR code of a [`Block::QrRow`].
#[derive(Debug, Clone, PartialEq)]
pub struct QrCode {
    /// The bytes encoded (byte mode, error correction level M).
    pub payload: Vec<u8>,
    /// Printed centred under the code.
    pub caption: Option<String>,
    /// The side of one module on paper, from 0.25 mm to 5 mm.
    pub module_mm: f32,
}

impl QrCode {
    pub fn new(payload: impl Into<Vec<u8>>, caption: Option<String>, module_mm: f32) -> QrCode {
        QrCode { payload: payload.into(), caption, module_mm }
    }
}

/// A ballot: one contest's sheet, the options each on its own ruled row with a box to
/// mark on the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    /// Which ballot this is, printed large, e.g. "№ 3 шайлоо округу" (a remote station
    /// issues the ballots of many districts, R4.2).
    pub designation: String,
    /// The contest, e.g. "Жогорку Кеңештин депутаттарын шайлоо".
    pub contest_name: String,
    /// How to fill the ballot in, printed in a frame above the options.
    pub instruction: String,
    /// The options in ballot order, "against all" included.
    pub options: Vec<BallotOptionLine>,
}

/// One option of a [`Ballot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotOptionLine {
    /// Its number on the ballot, e.g. "1"; may be empty ("against all").
    pub number: String,
    /// The candidate, the party or "Against all", in bold.
    pub name: String,
    /// Smaller text under the name: year of birth, occupation, nominated by…
    pub note: Option<String>,
}

impl BallotOptionLine {
    pub fn new(number: impl Into<String>, name: impl Into<String>, note: Option<String>) -> BallotOptionLine {
        BallotOptionLine { number: number.into(), name: name.into(), note }
    }
}

/// A piece of a document's content. Text may contain `\n` for a forced line break;
/// everything else wraps to the width available.
#[derive(Debug, Clone, PartialEq)]
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
    /// One QR code, centred, drawn as vector squares (crisp at any zoom), with its quiet
    /// zone of 4 modules and an optional caption underneath. Never split across pages.
    Qr { payload: Vec<u8>, caption: Option<String>, module_mm: f32 },
    /// QR codes side by side, as many per line as the width takes, lines centred (the
    /// signed compact results of a protocol, when they need more than one code).
    QrRow(Vec<QrCode>),
    /// The next block starts on a new page (nothing happens at the top of a page): one
    /// certified copy per person, labels two to a sheet.
    PageBreak,
    /// A ballot. A document holding one is a ballot sheet: it must fit one page, the
    /// type shrinking and the rows tightening as far as legibility allows, or the
    /// render is refused ([`crate::PrintError::BallotTooLong`]).
    Ballot(Ballot),
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
