//! The embedded Noto Sans faces and their metrics, for measuring text exactly as the
//! PDF will draw it (glyph advances from `hmtx`; the PDF carries the same widths).

use crate::PrintError;

/// Noto Sans Regular (OFL), full Kyrgyz Cyrillic (ң ө ү).
pub(crate) static REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold (OFL).
pub(crate) static BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");

/// Which of the two embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// The two faces, parsed.
pub(crate) struct Fonts {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, PrintError> {
        let parse = |name: &'static str, bytes: &'static [u8]| {
            ttf_parser::Face::parse(bytes, 0).map_err(|error| PrintError::Font(format!("{name}: {error}")))
        };
        Ok(Fonts { regular: parse("NotoSans-Regular", REGULAR)?, bold: parse("NotoSans-Bold", BOLD)? })
    }

    fn face(&self, weight: Weight) -> &ttf_parser::Face<'static> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Whether both faces can draw `ch`.
    pub(crate) fn has_glyph(&self, ch: char) -> bool {
        self.regular.glyph_index(ch).is_some_and(|id| id.0 != 0)
            && self.bold.glyph_index(ch).is_some_and(|id| id.0 != 0)
    }

    /// The width of `text` in points at `size` points, as the PDF draws it: the sum of
    /// the glyph advances (no kerning: the PDF applies none either). Characters without
    /// a glyph are skipped, as the PDF writer skips them; [`Fonts::clean`] replaces them
    /// beforehand so that nothing vanishes.
    pub(crate) fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = self.face(weight);
        let units: u32 = text
            .chars()
            .filter_map(|ch| face.glyph_index(ch))
            .map(|glyph| u32::from(face.glyph_hor_advance(glyph).unwrap_or(0)))
            .sum();
        units as f32 * size / f32::from(face.units_per_em().max(1))
    }

    /// `text` made printable: tabs and other control characters (except `\n`) become
    /// spaces, `\r\n` becomes `\n`, the minus sign (U+2212, which the embedded subset
    /// lacks) becomes the en dash that looks like it, and any other character the font
    /// lacks becomes `?`.
    pub(crate) fn clean(&self, text: &str) -> String {
        text.replace("\r\n", "\n")
            .chars()
            .map(|ch| match ch {
                '\n' => '\n',
                ch if ch.is_control() => ' ',
                ch if ch.is_whitespace() => ' ',
                ch if self.has_glyph(ch) => ch,
                '\u{2212}' if self.has_glyph('\u{2013}') => '\u{2013}',
                _ => '?',
            })
            .collect()
    }

    /// Breaks `text` into lines no wider than `max_width` points: greedily at spaces, at
    /// every `\n`, and inside a word that alone is wider than a line. Every line holds
    /// at least one character, so the caller always makes progress. Text that is empty
    /// or only spaces gives no line.
    pub(crate) fn wrap(&self, text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<String> {
        let text = self.clean(text);
        let space = self.width(" ", weight, size);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut line_width = 0.0_f32;
            for word in paragraph.split(' ').filter(|word| !word.is_empty()) {
                let word_width = self.width(word, weight, size);
                if !line.is_empty() && line_width + space + word_width <= max_width {
                    line.push(' ');
                    line.push_str(word);
                    line_width += space + word_width;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if word_width <= max_width {
                    line.push_str(word);
                    line_width = word_width;
                    continue;
                }
                // A word wider than the line: cut it where it overflows.
                line_width = 0.0;
                for ch in word.chars() {
                    let mut buffer = [0_u8; 4];
                    let ch_width = self.width(ch.encode_utf8(&mut buffer), weight, size);
                    if !line.is_empty() && line_width + ch_width > max_width {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(ch);
                    line_width += ch_width;
                }
            }
            if !line.is_empty() {
                lines.push(line);
            }
        }
        lines
    }

    /// `text` on one line, cut with "…" to fit `max_width` if it is wider.
    pub(crate) fn truncate(&self, text: &str, weight: Weight, size: f32, max_width: f32) -> String {
        let text = self.clean(text).replace('\n', " ");
        if self.width(&text, weight, size) <= max_width {
            return text;
        }
        let ellipsis = "…";
        let budget = max_width - self.width(ellipsis, weight, size);
        let mut cut = String::new();
        for ch in text.chars() {
            cut.push(ch);
            if self.width(&cut, weight, size) > budget {
                cut.pop();
                break;
            }
        }
        format!("{}{ellipsis}", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        match Fonts::load() {
            Ok(fonts) => fonts,
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn kyrgyz_letters_have_glyphs_in_both_faces() {
        let fonts = fonts();
        for ch in "ңөүҢӨҮ№«»—…".chars() {
            assert!(fonts.has_glyph(ch), "no glyph for {ch:?}");
        }
    }

    #[test]
    fn width_grows_with_text_and_size_and_weight() {
        let fonts = fonts();
        let narrow = fonts.width("Шайлоо", Weight::Regular, 10.0);
        assert!(narrow > 20.0 && narrow < 60.0, "{narrow}");
        assert!((fonts.width("Шайлоо", Weight::Regular, 20.0) - 2.0 * narrow).abs() < 0.01);
        assert!(fonts.width("Шайлоо", Weight::Bold, 10.0) > narrow);
        assert_eq!(fonts.width("", Weight::Regular, 10.0), 0.0);
    }

    #[test]
    fn wrap_keeps_every_word_and_respects_the_width() {
        let fonts = fonts();
        let text = "Бюллетендерди эсептөө үчүн участкалык шайлоо комиссиясынын мүчөлөрү чогулат";
        let lines = fonts.wrap(text, Weight::Regular, 11.0, 120.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(line, Weight::Regular, 11.0) <= 120.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut_and_nothing_is_lost() {
        let fonts = fonts();
        let word = "ө".repeat(200);
        let lines = fonts.wrap(&word, Weight::Bold, 11.0, 50.0);
        assert!(lines.len() > 5);
        assert_eq!(lines.concat(), word);
        // Even a line narrower than one letter makes progress, one letter per line.
        let lines = fonts.wrap("ңөү", Weight::Regular, 11.0, 0.1);
        assert_eq!(lines, ["ң", "ө", "ү"]);
    }

    #[test]
    fn forced_breaks_control_characters_and_missing_glyphs() {
        let fonts = fonts();
        assert_eq!(fonts.wrap("а\r\nб\n\nв\tг", Weight::Regular, 11.0, 500.0), ["а", "б", "в г"]);
        assert!(fonts.wrap("   ", Weight::Regular, 11.0, 500.0).is_empty());
        assert_eq!(fonts.clean("a\u{E000}b"), "a?b");
    }

    #[test]
    fn the_minus_of_a_control_relation_prints_as_a_dash_not_a_question_mark() {
        let fonts = fonts();
        assert_eq!(fonts.clean("4 + 5 \u{2212} 12"), "4 + 5 \u{2013} 12");
    }

    #[test]
    fn truncate_fits_and_marks_the_cut() {
        let fonts = fonts();
        let long = "Участковая избирательная комиссия ".repeat(10);
        let cut = fonts.truncate(&long, Weight::Regular, 9.0, 200.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(fonts.width(&cut, Weight::Regular, 9.0) <= 200.0);
        assert_eq!(fonts.truncate("короткий", Weight::Regular, 9.0, 200.0), "короткий");
    }
}
