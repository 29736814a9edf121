//! The fonts the corpus draws with, compiled in and pinned by SHA-256: a changed font
//! file changes every frame, so it must be a deliberate change of these constants.

use ab_glyph::FontRef;
use sha2::{Digest, Sha256};

/// OCR-B regular (Debian `fonts-ocr-b`, public domain): the MRZ font.
pub const OCRB: &[u8] = include_bytes!("../../../assets/fonts/OCRB.otf");
/// OCR-B alternate (the `S` cut of the same family): the font-variant set.
pub const OCRB_S: &[u8] = include_bytes!("../../../assets/fonts/OCRBS.otf");
/// Noto Sans (OFL), for the printed clutter around the MRZ: Cyrillic and Latin.
pub const NOTO: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
pub const NOTO_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf");

/// The pinned SHA-256 of each font file.
pub const PINS: [(&str, &str); 4] = [
    ("OCRB.otf", "84558d47dbc19bb5887cc7b72ed62c64534fd00f0b569d28e6dc63b71fe27707"),
    ("OCRBS.otf", "6fc670f99123dc88677c8aea548c601b5094fed35b9dd8bddba6843a1fdf966d"),
    ("NotoSans-Regular.ttf", NOTO_PIN),
    ("NotoSans-Bold.ttf", NOTO_BOLD_PIN),
];
const NOTO_PIN: &str = "89c3c497f618fdaa0b2d1e98fef93582f28c71debd2c4a8cdf41f190ced2909d";
const NOTO_BOLD_PIN: &str = "e83493c945848ecd4a9ad0f6d19164541a0d3e23a9c952304a00a46e00272ac5";

fn bytes_of(name: &str) -> &'static [u8] {
    match name {
        "OCRB.otf" => OCRB,
        "OCRBS.otf" => OCRB_S,
        "NotoSans-Regular.ttf" => NOTO,
        _ => NOTO_BOLD,
    }
}

/// SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every font whose bytes differ from its pin: `(name, found)`.
pub fn pin_mismatches() -> Vec<(&'static str, String)> {
    PINS.iter()
        .filter_map(|&(name, pin)| {
            let found = sha256_hex(bytes_of(name));
            (found != pin).then_some((name, found))
        })
        .collect()
}

/// The loaded fonts.
pub struct Fonts {
    pub ocrb: FontRef<'static>,
    pub ocrb_s: FontRef<'static>,
    pub noto: FontRef<'static>,
    pub noto_bold: FontRef<'static>,
}

impl Fonts {
    /// Parse the compiled-in fonts (they are pinned; a parse failure is a build defect).
    pub fn load() -> Fonts {
        #[allow(clippy::expect_used)]
        let f = |b: &'static [u8]| FontRef::try_from_slice(b).expect("a pinned font parses");
        Fonts { ocrb: f(OCRB), ocrb_s: f(OCRB_S), noto: f(NOTO), noto_bold: f(NOTO_BOLD) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fonts_match_their_pins() {
        assert_eq!(super::pin_mismatches(), Vec::new());
    }
}
