//! QR symbols as the PDF draws them: the dark modules of each row merged into runs, so
//! that a code is a few hundred rectangles in one filled path rather than thousands.

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, Version};

/// Light modules around the symbol that a reader needs to find it (ISO/IEC 18004).
pub(crate) const QUIET_ZONE: usize = 4;

/// The most bytes a QR code holds in byte mode at error correction level M (version 40).
pub(crate) const MAX_PAYLOAD: usize = 2331;

/// Dark modules `col..col + len` of row `row` (0 = top), in modules of the symbol
/// without its quiet zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Run {
    pub row: u16,
    pub col: u16,
    pub len: u16,
}

/// An encoded QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Symbol {
    /// Modules per side, without the quiet zone.
    pub width: usize,
    pub runs: Vec<Run>,
}

impl Symbol {
    /// Modules per side with the quiet zone on both sides.
    pub(crate) fn side_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }
}

/// The smallest version used. Version 1 has no alignment pattern: a reader that fits
/// the grid from the three finder patterns alone (rqrr, the camera pipeline's fallback)
/// misreads it on a page printed or scanned at 100–150 dpi, where version 2 and up,
/// anchored by their alignment pattern, read every time (see the print tests).
const SMALLEST_VERSION: i16 = 2;

/// Encodes `payload` in byte mode at error correction level M, in the smallest version
/// (from [`SMALLEST_VERSION`]) that holds it; `None` if no version does (more than
/// [`MAX_PAYLOAD`] bytes).
///
/// Byte mode always, rather than the crate's mixed-mode optimisation: readers return
/// the bytes exactly, and the same payload gives the same symbol whatever it contains.
pub(crate) fn encode(payload: &[u8]) -> Option<Symbol> {
    let code = (SMALLEST_VERSION..=40).find_map(|version| {
        let mut bits = Bits::new(Version::Normal(version));
        bits.push_byte_data(payload).ok()?;
        bits.push_terminator(EcLevel::M).ok()?;
        qrcode::QrCode::with_bits(bits, EcLevel::M).ok()
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, modules) in colors.chunks(width).enumerate() {
        let mut col = 0;
        while col < width {
            if modules[col] == Color::Dark {
                let start = col;
                while col < width && modules[col] == Color::Dark {
                    col += 1;
                }
                // A symbol is at most 177 modules wide: every index fits in u16.
                runs.push(Run { row: row as u16, col: start as u16, len: (col - start) as u16 });
            } else {
                col += 1;
            }
        }
    }
    Some(Symbol { width, runs })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dark(symbol: &Symbol, row: usize, col: usize) -> bool {
        symbol.runs.iter().any(|run| {
            usize::from(run.row) == row && (usize::from(run.col)..usize::from(run.col + run.len)).contains(&col)
        })
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules_and_never_touch() {
        let payload = b"uchastok \x00\xff binary";
        let symbol = encode(payload).expect("encodes");
        let Some(code) = (SMALLEST_VERSION..=40).find_map(|version| {
            let mut bits = Bits::new(Version::Normal(version));
            bits.push_byte_data(payload).ok()?;
            bits.push_terminator(EcLevel::M).ok()?;
            qrcode::QrCode::with_bits(bits, EcLevel::M).ok()
        }) else {
            panic!("no version")
        };
        for row in 0..symbol.width {
            for col in 0..symbol.width {
                assert_eq!(dark(&symbol, row, col), code[(col, row)] == Color::Dark, "module ({row}, {col})");
            }
        }
        // Merged: two runs of one row never touch.
        for pair in symbol.runs.windows(2) {
            if pair[0].row == pair[1].row {
                assert!(pair[0].col + pair[0].len < pair[1].col, "{pair:?}");
            }
        }
        assert!(symbol.runs.len() < symbol.width * symbol.width / 3, "runs are not merged: {}", symbol.runs.len());
    }

    /// The symbol drawn as a bitmap, `scale` pixels per module, read back by rqrr.
    fn read_back(symbol: &Symbol, scale: usize) -> Vec<u8> {
        let side = symbol.side_with_quiet_zone() * scale;
        let mut image = rqrr::PreparedImage::prepare_from_bitmap(side, side, |x, y| {
            let (col, row) = ((x / scale).wrapping_sub(QUIET_ZONE), (y / scale).wrapping_sub(QUIET_ZONE));
            row < symbol.width && col < symbol.width && dark(symbol, row, col)
        });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code, found {}", grids.len());
        let mut payload = Vec::new();
        grids[0].decode_to(&mut payload).expect("decodes");
        payload
    }

    #[test]
    fn an_independent_reader_gets_the_bytes_back() {
        for len in [0, 1, 2, 14, 15, 60, 61, 300, 1000] {
            let payload: Vec<u8> = (0..len).map(|i| (i * 97 + len) as u8).collect();
            let symbol = encode(&payload).expect("encodes");
            assert_eq!(read_back(&symbol, 3), payload, "{len} bytes");
        }
    }

    #[test]
    fn the_smallest_version_that_holds_the_payload() {
        // Byte mode, level M: version 2 holds 26 bytes, version 4 holds 62, version 40
        // holds 2331; version 1 (14 bytes) is never used.
        assert_eq!(encode(b"").map(|symbol| symbol.width), Some(25));
        assert_eq!(encode(&[b'A'; 14]).map(|symbol| symbol.width), Some(25));
        assert_eq!(encode(&[b'A'; 26]).map(|symbol| symbol.width), Some(25));
        assert_eq!(encode(&[b'A'; 27]).map(|symbol| symbol.width), Some(29));
        assert_eq!(encode(&[7; 60]).map(|symbol| symbol.width), Some(33));
        assert_eq!(encode(&[7; MAX_PAYLOAD]).map(|symbol| symbol.width), Some(177));
        assert_eq!(encode(&[7; MAX_PAYLOAD + 1]), None);
    }
}
