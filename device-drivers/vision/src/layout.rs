//! What each MRZ position may hold and whether a check digit other than the composite
//! protects it (ICAO Doc 9303 Parts 4–6). The recogniser restricts each position's
//! classes to what the field allows, and repairs only positions under a field check digit.

use mrz::Format;

use crate::glyphs::FILLER;

/// The classes a position may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `A`–`Z`
    Letter,
    /// `A`–`Z`, `<`
    LetterOrFiller,
    /// `0`–`9`
    Digit,
    /// `0`–`9`, `<` (dates with unknown parts, a check digit that may be `<`)
    DigitOrFiller,
    /// `0`–`9`, `A`–`Z`, `<`
    Any,
    /// `M`, `F`, `X`, `<`
    Sex,
}

impl Kind {
    /// How many of the 37 classes are allowed.
    pub fn allowed_count(self) -> usize {
        (0..=FILLER).filter(|&c| self.allows(c)).count()
    }

    /// Whether class `c` (0–9 digits, 10–35 letters, 36 filler) is allowed.
    pub fn allows(self, c: usize) -> bool {
        match self {
            Kind::Letter => (10..36).contains(&c),
            Kind::LetterOrFiller => (10..=FILLER).contains(&c),
            Kind::Digit => c < 10,
            Kind::DigitOrFiller => c < 10 || c == FILLER,
            Kind::Any => c <= FILLER,
            // M = 22, F = 15, X = 33
            Kind::Sex => matches!(c, 15 | 22 | 33 | FILLER),
        }
    }
}

/// One MRZ field for per-field accuracy: a name and its runs `(line, start, len)`.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpan {
    pub name: &'static str,
    pub runs: &'static [(usize, usize, usize)],
}

/// The kind of character at each position of `format`, line by line.
pub fn kinds(format: Format) -> Vec<Vec<Kind>> {
    use Kind::*;
    let fill = |line: &mut Vec<Kind>, range: std::ops::Range<usize>, k: Kind| {
        for i in range {
            line[i] = k;
        }
    };
    match format {
        Format::Td1 => {
            let mut l0 = vec![Any; 30];
            fill(&mut l0, 0..1, Letter);
            fill(&mut l0, 1..5, LetterOrFiller);
            fill(&mut l0, 14..15, DigitOrFiller);
            let mut l1 = vec![Any; 30];
            fill(&mut l1, 0..7, DigitOrFiller);
            fill(&mut l1, 6..7, Digit);
            fill(&mut l1, 7..8, Sex);
            fill(&mut l1, 8..15, Digit);
            fill(&mut l1, 15..18, LetterOrFiller);
            fill(&mut l1, 29..30, Digit);
            let l2 = vec![LetterOrFiller; 30];
            vec![l0, l1, l2]
        }
        Format::Td2 | Format::Td3 => {
            let n = format.line_len();
            let mut l0 = vec![LetterOrFiller; n];
            fill(&mut l0, 0..1, Letter);
            let mut l1 = vec![Any; n];
            fill(&mut l1, 9..10, DigitOrFiller);
            fill(&mut l1, 10..13, LetterOrFiller);
            fill(&mut l1, 13..19, DigitOrFiller);
            fill(&mut l1, 19..20, Digit);
            fill(&mut l1, 20..21, Sex);
            fill(&mut l1, 21..27, Digit);
            fill(&mut l1, 27..28, Digit);
            if format == Format::Td3 {
                fill(&mut l1, 42..43, DigitOrFiller);
            }
            fill(&mut l1, n - 1..n, Digit);
            vec![l0, l1]
        }
    }
}

/// Whether a check digit other than the composite covers the position (document
/// number, dates, TD3 personal number, and those check digits themselves), so that a
/// doubtful character there may be chosen by the check digits.
pub fn repairable(format: Format, line: usize, col: usize) -> bool {
    match (format, line) {
        (Format::Td1, 0) => (5..15).contains(&col),
        (Format::Td1, 1) => (0..7).contains(&col) || (8..15).contains(&col),
        (Format::Td2 | Format::Td3, 1) => {
            (0..10).contains(&col)
                || (13..20).contains(&col)
                || (21..28).contains(&col)
                || (format == Format::Td3 && (28..43).contains(&col))
        }
        _ => false,
    }
}

/// Whether any check digit, the composite included, covers the position (or is it).
/// Names, nationality, sex, document code and issuing State are covered by none.
pub fn checked(format: Format, line: usize, col: usize) -> bool {
    match (format, line) {
        (Format::Td1, 0) => col >= 5,
        (Format::Td1, 1) => col < 7 || (8..15).contains(&col) || col >= 18,
        (Format::Td2 | Format::Td3, 1) => col < 10 || (13..20).contains(&col) || col >= 21,
        _ => false,
    }
}

/// Whether the name field of `lines` is shaped as Doc 9303 writes names: after the
/// first `<<`, a second `<<` ends the name, and only fillers may follow. A letter after
/// that is a misread (an ink blot read as `B`), which no check digit would catch.
pub fn names_well_formed(format: Format, lines: &[String]) -> bool {
    let (line, start) = match format {
        Format::Td1 => (2, 0),
        Format::Td2 | Format::Td3 => (0, 5),
    };
    let Some(name) = lines.get(line).and_then(|l| l.get(start..)) else { return false };
    let bytes = name.as_bytes();
    let Some(first) = bytes.windows(2).position(|w| w == b"<<") else { return true };
    let rest = &bytes[first + 2..];
    match rest.windows(2).position(|w| w == b"<<") {
        Some(end) => rest[end..].iter().all(|&b| b == b'<'),
        None => true,
    }
}

/// The fields of `format` for per-field accuracy.
pub fn field_spans(format: Format) -> &'static [FieldSpan] {
    const TD1: &[FieldSpan] = &[
        FieldSpan { name: "code+state", runs: &[(0, 0, 5)] },
        FieldSpan { name: "number", runs: &[(0, 5, 10)] },
        FieldSpan { name: "optional", runs: &[(0, 15, 15), (1, 18, 11)] },
        FieldSpan { name: "birth", runs: &[(1, 0, 7)] },
        FieldSpan { name: "sex", runs: &[(1, 7, 1)] },
        FieldSpan { name: "expiry", runs: &[(1, 8, 7)] },
        FieldSpan { name: "nationality", runs: &[(1, 15, 3)] },
        FieldSpan { name: "name", runs: &[(2, 0, 30)] },
    ];
    const TD3: &[FieldSpan] = &[
        FieldSpan { name: "code+state", runs: &[(0, 0, 5)] },
        FieldSpan { name: "number", runs: &[(1, 0, 10)] },
        FieldSpan { name: "optional", runs: &[(1, 28, 15)] },
        FieldSpan { name: "birth", runs: &[(1, 13, 7)] },
        FieldSpan { name: "sex", runs: &[(1, 20, 1)] },
        FieldSpan { name: "expiry", runs: &[(1, 21, 7)] },
        FieldSpan { name: "nationality", runs: &[(1, 10, 3)] },
        FieldSpan { name: "name", runs: &[(0, 5, 39)] },
    ];
    const TD2: &[FieldSpan] = &[
        FieldSpan { name: "code+state", runs: &[(0, 0, 5)] },
        FieldSpan { name: "number", runs: &[(1, 0, 10)] },
        FieldSpan { name: "optional", runs: &[(1, 28, 7)] },
        FieldSpan { name: "birth", runs: &[(1, 13, 7)] },
        FieldSpan { name: "sex", runs: &[(1, 20, 1)] },
        FieldSpan { name: "expiry", runs: &[(1, 21, 7)] },
        FieldSpan { name: "nationality", runs: &[(1, 10, 3)] },
        FieldSpan { name: "name", runs: &[(0, 5, 31)] },
    ];
    match format {
        Format::Td1 => TD1,
        Format::Td2 => TD2,
        Format::Td3 => TD3,
    }
}

/// The names of the fields [`field_spans`] reports, in order (the same for every format).
pub const FIELD_NAMES: [&str; 8] = ["code+state", "number", "optional", "birth", "sex", "expiry", "nationality", "name"];

#[cfg(test)]
mod tests {
    use super::*;

    fn td1(name: &str) -> Vec<String> {
        vec!["I".repeat(30), "1".repeat(30), name.to_owned()]
    }

    #[test]
    fn names_end_at_the_second_double_filler() {
        assert!(names_well_formed(Format::Td1, &td1("ASANOV<<AZAMAT<BAKYT<<<<<<<<<<")));
        assert!(names_well_formed(Format::Td1, &td1("ASANOV<<<<<<<<<<<<<<<<<<<<<<<<")));
        assert!(names_well_formed(Format::Td1, &td1("VAN<DER<BERG<<ASEL<<<<<<<<<<<<")));
        assert!(!names_well_formed(Format::Td1, &td1("ASANOV<<AZAMAT<<<<<B<<<<<<<<<<")));
        assert!(!names_well_formed(Format::Td1, &td1("ASANOV<<AZAMAT<<KUBAT<<<<<<<<<")));
    }

    #[test]
    fn every_repairable_position_is_checked() {
        for format in Format::ALL {
            for line in 0..format.line_count() {
                for col in 0..format.line_len() {
                    assert!(!repairable(format, line, col) || checked(format, line, col), "{format} {line}:{col}");
                }
            }
        }
    }
}
