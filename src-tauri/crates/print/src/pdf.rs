//! Draws laid-out pages into a PDF with printpdf (fonts embedded as subsets, text as
//! glyph ids with a ToUnicode map so it can be searched and extracted), then makes the
//! file reproducible: printpdf stamps the clock and a counter-based id into every
//! file, so the document information and the trailer id are rewritten from the
//! document itself and the streams compressed the same way in debug and release builds.

use printpdf::lopdf::content::Operation;
use printpdf::lopdf::{self, Object, StringFormat};
use printpdf::{CustomPdfConformance, IndirectFontRef, Mm, PdfConformance, PdfDocument, PdfLayerReference};
use sha2::{Digest, Sha256};

use crate::PrintError;
use crate::fonts::{self, Weight};
use crate::layout::{Item, Pages};

/// Who made the file, in the document information.
const PRODUCER: &str = "uchastok";

fn round(value: f32) -> Object {
    Object::Real((value * 100.0).round() / 100.0)
}

fn pdf_error(error: impl std::fmt::Display) -> PrintError {
    PrintError::Pdf(error.to_string())
}

struct Faces {
    regular: IndirectFontRef,
    bold: IndirectFontRef,
}

impl Faces {
    fn get(&self, weight: Weight) -> &IndirectFontRef {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

fn op(operator: &str, operands: Vec<Object>) -> Operation {
    Operation::new(operator, operands)
}

/// Draws `item` on a page `page_height` layout points high (PDF's y grows upwards).
fn draw(layer: &PdfLayerReference, faces: &Faces, item: &Item, page_height: f32) {
    match item {
        Item::Text { x, baseline, size, weight, grey, text } => {
            layer.begin_text_section();
            layer.set_font(faces.get(*weight), *size);
            layer.add_operation(op("g", vec![round(*grey)]));
            let matrix = [1.0, 0.0, 0.0, 1.0, *x, page_height - baseline];
            layer.add_operation(op("Tm", matrix.into_iter().map(round).collect()));
            layer.write_text(text.clone(), faces.get(*weight));
            layer.end_text_section();
        }
        Item::Rule { x1, y1, x2, y2, width, grey } => {
            layer.add_operation(op("q", vec![]));
            layer.add_operation(op("w", vec![round(*width)]));
            layer.add_operation(op("G", vec![round(*grey)]));
            layer.add_operation(op("m", vec![round(*x1), round(page_height - y1)]));
            layer.add_operation(op("l", vec![round(*x2), round(page_height - y2)]));
            layer.add_operation(op("S", vec![]));
            layer.add_operation(op("Q", vec![]));
        }
        Item::Fill { x, y, width, height, grey } => {
            layer.add_operation(op("q", vec![]));
            layer.add_operation(op("g", vec![round(*grey)]));
            let bottom = page_height - y - height;
            layer.add_operation(op("re", vec![round(*x), round(bottom), round(*width), round(*height)]));
            layer.add_operation(op("f", vec![]));
            layer.add_operation(op("Q", vec![]));
        }
        Item::Watermark { x, baseline, size, angle, text } => {
            let (sin, cos) = angle.to_radians().sin_cos();
            layer.add_operation(op("q", vec![]));
            layer.begin_text_section();
            layer.set_font(faces.get(Weight::Bold), *size);
            // Outlined letters over the content: everything underneath stays legible.
            layer.add_operation(op("Tr", vec![Object::Integer(1)]));
            layer.add_operation(op("w", vec![round(1.6)]));
            layer.add_operation(op("G", vec![round(0.55)]));
            let matrix = [cos, sin, -sin, cos, *x, page_height - baseline];
            layer.add_operation(op("Tm", matrix.into_iter().map(Object::Real).collect()));
            layer.write_text(text.clone(), faces.get(Weight::Bold));
            layer.end_text_section();
            layer.add_operation(op("Q", vec![]));
        }
        Item::Qr { x, y, module, symbol } => {
            // In module units, y growing downwards from the code's top-left corner: every
            // run is a rectangle of small integers, and the whole code one filled path.
            layer.add_operation(op("q", vec![]));
            layer.add_operation(op("g", vec![Object::Integer(0)]));
            let matrix = [*module, 0.0, 0.0, -*module, *x, page_height - y];
            layer.add_operation(op("cm", matrix.into_iter().map(Object::Real).collect()));
            for run in &symbol.runs {
                let rect = [run.col, run.row, run.len, 1].map(|value| Object::Integer(i64::from(value)));
                layer.add_operation(op("re", rect.to_vec()));
            }
            layer.add_operation(op("f", vec![]));
            layer.add_operation(op("Q", vec![]));
        }
        Item::Frame { x, y, width, height, line } => {
            layer.add_operation(op("q", vec![]));
            layer.add_operation(op("w", vec![round(*line)]));
            layer.add_operation(op("G", vec![Object::Integer(0)]));
            let bottom = page_height - y - height;
            layer.add_operation(op("re", vec![round(*x), round(bottom), round(*width), round(*height)]));
            layer.add_operation(op("S", vec![]));
            layer.add_operation(op("Q", vec![]));
        }
        Item::Dashed { points, width, dash } => {
            let Some(((x0, y0), rest)) = points.split_first() else { return };
            layer.add_operation(op("q", vec![]));
            layer.add_operation(op("w", vec![round(*width)]));
            layer.add_operation(op("G", vec![Object::Integer(0)]));
            layer.add_operation(op("d", vec![Object::Array(vec![round(*dash), round(*dash)]), Object::Integer(0)]));
            layer.add_operation(op("m", vec![round(*x0), round(page_height - y0)]));
            for (x, y) in rest {
                layer.add_operation(op("l", vec![round(*x), round(page_height - y)]));
            }
            layer.add_operation(op("S", vec![]));
            layer.add_operation(op("Q", vec![]));
        }
    }
}

/// A PDF text string: UTF-16BE with a byte order mark, so Cyrillic titles survive.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// `YYYY-MM-DD HH:MM` as a PDF date without a time zone (`D:YYYYMMDDHHmm`), or `None`
/// if the text is not in that shape.
fn pdf_date(local: &str) -> Option<String> {
    let bytes = local.trim().as_bytes();
    let shape = b"dddd-dd-dd dd:dd";
    if bytes.len() != shape.len() {
        return None;
    }
    let mut digits = String::from("D:");
    for (byte, expected) in bytes.iter().zip(shape) {
        match expected {
            b'd' if byte.is_ascii_digit() => digits.push(char::from(*byte)),
            b'd' => return None,
            separator if byte == separator => {}
            _ => return None,
        }
    }
    Some(digits)
}

/// `YYYY-MM-DD` (and whatever follows) as a PDF date of that day (`D:YYYYMMDD`), or
/// `None` if the text does not start with a date.
fn pdf_day(local: &str) -> Option<String> {
    let day = local.trim().get(..10)?;
    pdf_date(&format!("{day} 00:00")).map(|minute| minute[..10].to_owned())
}

/// The creation date the file may carry.
pub(crate) enum Created<'a> {
    /// Station time `YYYY-MM-DD HH:MM`, to the minute.
    Minute(&'a str),
    /// Only the day of station time `YYYY-MM-DD…`.
    Day(&'a str),
    /// No date at all.
    Nothing,
}

/// What the file says about itself, besides its pages.
pub(crate) struct Metadata<'a> {
    pub title: &'a str,
    pub created: Created<'a>,
}

/// Draws `pages` and returns the finished, reproducible file.
pub(crate) fn write(pages: &Pages, metadata: &Metadata<'_>) -> Result<Vec<u8>, PrintError> {
    let conformance = PdfConformance::Custom(CustomPdfConformance {
        requires_icc_profile: false,
        requires_xmp_metadata: false,
        ..CustomPdfConformance::default()
    });
    let document = PdfDocument::empty(metadata.title).with_conformance(conformance);
    let faces = Faces {
        regular: document.add_external_font(fonts::REGULAR).map_err(pdf_error)?,
        bold: document.add_external_font(fonts::BOLD).map_err(pdf_error)?,
    };
    let sheet = &pages.sheet;
    for items in &pages.pages {
        let (page, layer) = document.add_page(Mm(sheet.paper_mm.0), Mm(sheet.paper_mm.1), "content");
        let layer = document.get_page(page).get_layer(layer);
        // A3, A2 and A1 are the A4 layout enlarged as a whole.
        let enlarged = sheet.scale != 1.0;
        if enlarged {
            layer.add_operation(op("q", vec![]));
            let matrix = [sheet.scale, 0.0, 0.0, sheet.scale, 0.0, 0.0];
            layer.add_operation(op("cm", matrix.into_iter().map(Object::Real).collect()));
        }
        for item in items {
            draw(&layer, &faces, item, sheet.height);
        }
        if enlarged {
            layer.add_operation(op("Q", vec![]));
        }
    }
    let bytes = document.save_to_bytes().map_err(pdf_error)?;
    reproducible(&bytes, metadata)
}

/// Rewrites the document information and the trailer id from the document alone, drops
/// unused objects and compresses every stream.
fn reproducible(bytes: &[u8], metadata: &Metadata<'_>) -> Result<Vec<u8>, PrintError> {
    let mut pdf = lopdf::Document::load_mem(bytes).map_err(pdf_error)?;
    let mut info = lopdf::Dictionary::new();
    info.set("Title", text_string(metadata.title));
    info.set("Producer", text_string(PRODUCER));
    info.set("Creator", text_string(PRODUCER));
    let date = match metadata.created {
        Created::Minute(local) => pdf_date(local),
        Created::Day(local) => pdf_day(local),
        Created::Nothing => None,
    };
    if let Some(date) = date {
        info.set("CreationDate", Object::string_literal(date.clone()));
        info.set("ModDate", Object::string_literal(date));
    }
    let info_id = pdf.add_object(info);
    // The trailer printpdf wrote may be a cross-reference stream's dictionary (Type,
    // W, Index, Length...): keep only what a trailer of a table holds.
    let root = pdf.trailer.get(b"Root").map_err(pdf_error)?.clone();
    pdf.trailer = lopdf::Dictionary::new();
    pdf.trailer.set("Root", root);
    pdf.trailer.set("Info", Object::Reference(info_id));
    pdf.prune_objects();
    pdf.delete_zero_length_streams();
    pdf.renumber_objects();
    pdf.compress();
    // A classic cross-reference table, as a PDF 1.3 file should have (lopdf would
    // otherwise write a PDF 1.5 cross-reference stream).
    pdf.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;

    // The file id is a digest of the file without it: the same document, the same id.
    let mut without_id = Vec::new();
    pdf.save_to(&mut without_id).map_err(pdf_error)?;
    let digest = Sha256::digest(&without_id);
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    pdf.save_to(&mut out).map_err(pdf_error)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_come_from_station_time_only() {
        assert_eq!(pdf_date("2025-11-30 20:05").as_deref(), Some("D:202511302005"));
        assert_eq!(pdf_date(" 2025-11-30 20:05 ").as_deref(), Some("D:202511302005"));
        assert_eq!(pdf_date("2025-11-30T20:05"), None);
        assert_eq!(pdf_date("30.11.2025 20:05"), None);
        assert_eq!(pdf_date(""), None);
    }

    #[test]
    fn a_day_keeps_no_hour() {
        assert_eq!(pdf_day("2025-11-30 20:05").as_deref(), Some("D:20251130"));
        assert_eq!(pdf_day("2025-11-30").as_deref(), Some("D:20251130"));
        assert_eq!(pdf_day("30.11.2025"), None);
        assert_eq!(pdf_day("2025-11-3"), None);
        assert_eq!(pdf_day("ңөү ңөү ңөү"), None);
    }

    #[test]
    fn text_strings_are_utf16_with_a_byte_order_mark() {
        match text_string("Өң") {
            Object::String(bytes, _) => assert_eq!(bytes, [0xFE, 0xFF, 0x04, 0xE8, 0x04, 0xA3]),
            other => panic!("{other:?}"),
        }
    }
}
