//! MRZ text → [`Mrz`], collecting every problem found.

use crate::check::check_digit_bytes;
use crate::error::{Allowed, MrzError, MrzErrors};
use crate::layout::{Layout, Pos, layout};
use crate::types::{EmptyCheck, Field, Format, Mrz, MrzDate, Sex};

/// Stands in the grid for a character outside the MRZ set (already reported
/// as [`MrzError::BadCharacter`]); fields holding it are not checked further.
const BAD: u8 = b'?';

/// Parse MRZ text: lines separated by `\n`.
///
/// Trailing whitespace (including `\r`) on each line is ignored, and so are
/// blank lines before the first and after the last line. Everything else
/// counts: a line of the wrong length is an error, not something to guess
/// around. The format follows from the number of lines (3 → TD1; 2 → TD3 if
/// a line reaches 40 characters, else TD2); a single unbroken line of 90, 72
/// or 88 characters (as in an eMRTD's DG1) is read as TD1, TD2 or TD3.
///
/// On failure every problem found is returned, each naming its field and
/// position, so that a UI can mark them all.
///
/// ```
/// let m = mrz::parse(
///     "I<UTOD231458907<<<<<<<<<<<<<<<\n\
///      7408122F1204159UTO<<<<<<<<<<<6\n\
///      ERIKSSON<<ANNA<MARIA<<<<<<<<<<\n",
/// )
/// .expect("the ICAO specimen is valid");
/// assert_eq!(m.document_number, "D23145890");
/// assert_eq!(m.given_names, "ANNA MARIA");
/// ```
pub fn parse(text: &str) -> Result<Mrz, MrzErrors> {
    let lines: Vec<&str> = text.split('\n').collect();
    parse_lines(&lines)
}

/// Parse MRZ lines given one by one; same rules as [`parse`].
pub fn parse_lines<S: AsRef<str>>(lines: &[S]) -> Result<Mrz, MrzErrors> {
    let trimmed: Vec<&str> = lines.iter().map(|l| l.as_ref().trim_end()).collect();
    let body: &[&str] = match trimmed.iter().position(|l| !l.is_empty()) {
        None => &[],
        Some(first) => {
            let last = trimmed.iter().rposition(|l| !l.is_empty()).unwrap_or(first);
            trimmed.get(first..=last).unwrap_or(&[])
        }
    };
    let rows: Vec<Vec<char>> = body.iter().map(|l| l.chars().collect()).collect();

    let unknown = |lines: usize| MrzErrors {
        format: None,
        errors: vec![MrzError::UnknownFormat { lines }],
    };
    let (format, rows) = match rows.as_slice() {
        [single] => {
            let format = match single.len() {
                90 => Format::Td1,
                72 => Format::Td2,
                88 => Format::Td3,
                _ => return Err(unknown(1)),
            };
            let rows = single
                .chunks(format.line_len())
                .map(<[char]>::to_vec)
                .collect();
            (format, rows)
        }
        [a, b] => {
            let format = if a.len().max(b.len()) >= 40 {
                Format::Td3
            } else {
                Format::Td2
            };
            (format, rows)
        }
        [_, _, _] => (Format::Td1, rows),
        other => return Err(unknown(other.len())),
    };

    let mut errors = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.len() != format.line_len() {
            errors.push(MrzError::BadLength {
                line: i + 1,
                expected: format.line_len(),
                found: row.len(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(MrzErrors {
            format: Some(format),
            errors,
        });
    }

    let mut grid: Vec<Vec<u8>> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let mut bytes = Vec::with_capacity(row.len());
        for (j, &c) in row.iter().enumerate() {
            if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '<' {
                bytes.push(c as u8);
            } else {
                errors.push(MrzError::BadCharacter {
                    line: i + 1,
                    column: j + 1,
                    found: c,
                });
                bytes.push(BAD);
            }
        }
        grid.push(bytes);
    }

    let mut reader = Reader {
        layout: layout(format),
        grid,
        errors,
    };
    let mrz = reader.read();
    if reader.errors.is_empty() {
        Ok(mrz)
    } else {
        Err(MrzErrors {
            format: Some(format),
            errors: reader.errors,
        })
    }
}

struct Reader {
    layout: &'static Layout,
    grid: Vec<Vec<u8>>,
    errors: Vec<MrzError>,
}

fn text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn trim_fillers(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|&b| b != b'<').map_or(0, |i| i + 1);
    bytes.get(..end).unwrap_or(&[])
}

fn clean(bytes: &[u8]) -> bool {
    !bytes.contains(&BAD)
}

impl Reader {
    fn get(&self, pos: Pos) -> &[u8] {
        self.grid
            .get(pos.line)
            .and_then(|row| row.get(pos.start..pos.end()))
            .unwrap_or(&[])
    }

    fn byte(&self, pos: Pos) -> u8 {
        self.get(pos).first().copied().unwrap_or(BAD)
    }

    fn read(&mut self) -> Mrz {
        let l = self.layout;

        let document_code = self.read_code(l.code);
        let issuing_state = self.read_letters(Field::IssuingState, l.state);
        let (surname, given_names) = self.read_name();
        let nationality = self.read_letters(Field::Nationality, l.nationality);
        let birth_date = self.read_date(Field::DateOfBirth, l.birth, l.birth_check);
        let sex = self.read_sex();
        let expiry_date = self.read_date(Field::DateOfExpiry, l.expiry, l.expiry_check);
        let (document_number, optional_data_1, empty_optional_check) =
            self.read_number_and_optional();
        let optional_data_2 = l
            .optional_2
            .map(|pos| text(trim_fillers(self.get(pos))))
            .unwrap_or_default();
        self.read_composite();

        Mrz {
            format: l.format,
            document_code,
            issuing_state,
            surname,
            given_names,
            document_number,
            nationality,
            birth_date,
            sex,
            expiry_date,
            optional_data_1,
            optional_data_2,
            empty_optional_check,
        }
    }

    /// Report each character of `pos` that `ok` rejects (bad characters were
    /// reported already).
    fn require(
        &mut self,
        field: Field,
        pos: Pos,
        allowed: Allowed,
        ok: impl Fn(usize, u8) -> bool,
    ) {
        let bytes = self.get(pos).to_vec();
        for (i, &b) in bytes.iter().enumerate() {
            if b != BAD && !ok(i, b) {
                self.errors.push(MrzError::FieldCharacter {
                    field,
                    line: pos.line + 1,
                    column: pos.start + i + 1,
                    found: char::from(b),
                    allowed,
                });
            }
        }
    }

    fn read_code(&mut self, pos: Pos) -> String {
        // First character: a letter; second: a letter or filler.
        let first = Pos { len: 1, ..pos };
        let second = Pos {
            start: pos.start + 1,
            len: 1,
            ..pos
        };
        self.require(Field::DocumentCode, first, Allowed::Letter, |_, b| {
            b.is_ascii_uppercase()
        });
        self.require(
            Field::DocumentCode,
            second,
            Allowed::LetterOrFiller,
            |_, b| b.is_ascii_uppercase() || b == b'<',
        );
        text(self.get(pos))
    }

    fn read_letters(&mut self, field: Field, pos: Pos) -> String {
        self.require(field, pos, Allowed::LetterOrFiller, |_, b| {
            b.is_ascii_uppercase() || b == b'<'
        });
        text(self.get(pos))
    }

    /// Primary identifier up to the first `<<`, secondary identifiers after
    /// it; `<` becomes a space, trailing fillers go.
    fn read_name(&mut self) -> (String, String) {
        let pos = self.layout.name;
        self.read_letters(Field::Name, pos);
        let bytes = trim_fillers(self.get(pos));
        let to_text = |b: &[u8]| -> String {
            b.iter()
                .map(|&c| if c == b'<' { ' ' } else { char::from(c) })
                .collect()
        };
        match bytes.windows(2).position(|w| w == b"<<") {
            Some(i) => {
                let surname = bytes.get(..i).unwrap_or(&[]);
                let given = bytes.get(i + 2..).unwrap_or(&[]);
                (to_text(surname), to_text(given))
            }
            None => (to_text(bytes), String::new()),
        }
    }

    fn read_sex(&mut self) -> Sex {
        let pos = self.layout.sex;
        let b = self.byte(pos);
        match Sex::from_char(char::from(b)) {
            Some(sex) => sex,
            None => {
                if b != BAD {
                    self.errors.push(MrzError::BadSex {
                        found: char::from(b),
                        line: pos.line + 1,
                        column: pos.start + 1,
                    });
                }
                Sex::Unspecified
            }
        }
    }

    fn read_date(&mut self, field: Field, pos: Pos, check: Pos) -> MrzDate {
        let bytes = self.get(pos).to_vec();
        let unknown = MrzDate {
            year: None,
            month: None,
            day: None,
        };
        if !clean(&bytes) {
            return unknown;
        }
        self.check(field, &bytes, check);
        match decode_date(&bytes) {
            Some(date) if date.is_valid() => date,
            _ => {
                self.errors.push(MrzError::InvalidDate {
                    field,
                    found: text(&bytes),
                    line: pos.line + 1,
                    column: pos.start + 1,
                });
                unknown
            }
        }
    }

    /// Verify the check digit at `check` over `data` (skipped when `data`
    /// holds a bad character: that is reported already, and the digit could
    /// not be computed).
    fn check(&mut self, field: Field, data: &[u8], check: Pos) {
        let found = self.byte(check);
        self.check_with(field, data, check, found);
    }

    fn check_with(&mut self, field: Field, data: &[u8], check: Pos, found: u8) {
        if found == BAD {
            return;
        }
        let Some(expected) = check_digit_bytes(data) else {
            return;
        };
        if found != b'0' + expected {
            self.errors.push(MrzError::CheckDigit {
                field,
                expected,
                found: char::from(found),
                line: check.line + 1,
                column: check.start + 1,
            });
        }
    }

    /// The document number (with TD1/TD2 overflow), the first optional data
    /// field, and how an empty TD3 personal number's check digit is written.
    fn read_number_and_optional(&mut self) -> (String, String, EmptyCheck) {
        let l = self.layout;
        let first9 = self.get(l.number).to_vec();
        let optional = self.get(l.optional_1).to_vec();
        let check_char = self.byte(l.number_check);

        // Long document number (Part 5 §4.2.4, Part 6): the check digit
        // position holds a filler and the optional data begins with the
        // remaining characters of the number, then its check digit, then a
        // filler. At least one remaining character is required.
        let overflow_len = optional
            .iter()
            .position(|&b| b == b'<')
            .unwrap_or(optional.len());
        let long = l.number_overflow && check_char == b'<' && overflow_len >= 2;

        let (number, rest) = if long {
            let overflow = optional.get(..overflow_len - 1).unwrap_or(&[]);
            let mut full = first9.clone();
            full.extend_from_slice(overflow);
            let check_pos = Pos {
                line: l.optional_1.line,
                start: l.optional_1.start + overflow_len - 1,
                len: 1,
            };
            let found = optional.get(overflow_len - 1).copied().unwrap_or(BAD);
            if clean(&full) {
                self.check_with(Field::DocumentNumber, &full, check_pos, found);
            }
            (
                text(&full),
                optional.get(overflow_len..).unwrap_or(&[]).to_vec(),
            )
        } else {
            if clean(&first9) {
                self.check(Field::DocumentNumber, &first9, l.number_check);
            }
            (text(trim_fillers(&first9)), optional.clone())
        };
        let optional_data_1 = text(trim_fillers(&rest));

        let mut empty_check = EmptyCheck::Filler;
        if let Some(check) = l.optional_1_check {
            let found = self.byte(check);
            if clean(&optional) && optional.iter().all(|&b| b == b'<') && found == b'<' {
                // All filler: `<` is allowed as well as `0`.
            } else if clean(&optional) {
                self.check(Field::OptionalData1, &optional, check);
                if found == b'0' && optional.iter().all(|&b| b == b'<') {
                    empty_check = EmptyCheck::Zero;
                }
            }
        }
        (number, optional_data_1, empty_check)
    }

    fn read_composite(&mut self) {
        let l = self.layout;
        let mut data = Vec::with_capacity(64);
        for &pos in l.composite_data {
            data.extend_from_slice(self.get(pos));
        }
        if clean(&data) {
            self.check(Field::Composite, &data, l.composite);
        }
    }
}

/// `YYMMDD`, each part two digits or `<<`.
fn decode_date(bytes: &[u8]) -> Option<MrzDate> {
    let part = |i: usize| -> Option<Option<u8>> {
        match bytes.get(i..i + 2)? {
            [b'<', b'<'] => Some(None),
            [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
                Some(Some((a - b'0') * 10 + (b - b'0')))
            }
            _ => None,
        }
    };
    if bytes.len() != 6 {
        return None;
    }
    Some(MrzDate {
        year: part(0)?,
        month: part(2)?,
        day: part(4)?,
    })
}
