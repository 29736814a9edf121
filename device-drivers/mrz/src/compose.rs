//! [`Mrz`] → MRZ lines, computing every check digit.

use crate::check::{check_digit_bytes, digit_char};
use crate::error::ComposeError;
use crate::layout::{Pos, layout};
use crate::types::{EmptyCheck, Field, Mrz, MrzDate};

/// Write the MRZ lines for `mrz`, computing all check digits.
///
/// Strict: only fields that [`crate::parse`] could have returned are
/// accepted (upper-case MRZ characters, names with single spaces between
/// parts, no trailing fillers…), so `parse(compose(m)) == m` for every `m`
/// this accepts. Names are not truncated: one that does not fit is an error.
///
/// A document number longer than 9 characters is written the TD1/TD2 way
/// (Part 5 §4.2.4): 9 characters in place, a filler for the check digit, and
/// the rest followed by the check digit at the start of the optional data,
/// whose own content must then be empty or begin with a filler.
///
/// ```
/// let m = mrz::parse(
///     "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
///      L898902C36UTO7408122F1204159ZE184226B<<<<<10",
/// )
/// .expect("the ICAO specimen is valid");
/// let lines = mrz::compose(&m).expect("parsed fields compose");
/// assert_eq!(lines[1], "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
/// ```
pub fn compose(mrz: &Mrz) -> Result<Vec<String>, ComposeError> {
    let l = layout(mrz.format);
    let format = mrz.format;
    let mut grid = vec![vec![b'<'; format.line_len()]; format.line_count()];

    // Codes.
    let code = fixed(Field::DocumentCode, &mrz.document_code, 2)?;
    if !code.first().is_some_and(u8::is_ascii_uppercase) {
        return Err(bad_char(Field::DocumentCode, &mrz.document_code));
    }
    letters_or_filler(Field::DocumentCode, &mrz.document_code)?;
    put(&mut grid, l.code, code);
    let state = fixed(Field::IssuingState, &mrz.issuing_state, 3)?;
    letters_or_filler(Field::IssuingState, &mrz.issuing_state)?;
    put(&mut grid, l.state, state);
    let nationality = fixed(Field::Nationality, &mrz.nationality, 3)?;
    letters_or_filler(Field::Nationality, &mrz.nationality)?;
    put(&mut grid, l.nationality, nationality);

    // Name.
    let name = encode_name(&mrz.surname, &mrz.given_names)?;
    if name.len() > l.name.len {
        return Err(ComposeError::TooLong {
            field: Field::Name,
            max: l.name.len,
            found: name.len(),
        });
    }
    put(&mut grid, l.name, &name);

    // Dates and sex.
    let birth = encode_date(Field::DateOfBirth, mrz.birth_date)?;
    put(&mut grid, l.birth, &birth);
    put_check(&mut grid, l.birth_check, &birth);
    let expiry = encode_date(Field::DateOfExpiry, mrz.expiry_date)?;
    put(&mut grid, l.expiry, &expiry);
    put_check(&mut grid, l.expiry_check, &expiry);
    put(&mut grid, l.sex, &[mrz.sex.as_char() as u8]);

    // Document number and the first optional data field.
    let number = mrz.document_number.as_bytes();
    mrz_chars(Field::DocumentNumber, &mrz.document_number)?;
    if number.last() == Some(&b'<') {
        return Err(ComposeError::NotCanonical {
            field: Field::DocumentNumber,
            reason: "ends with a filler",
        });
    }
    let optional = mrz.optional_data_1.as_bytes();
    mrz_chars(Field::OptionalData1, &mrz.optional_data_1)?;
    if optional.last() == Some(&b'<') {
        return Err(ComposeError::NotCanonical {
            field: Field::OptionalData1,
            reason: "ends with a filler",
        });
    }
    let room = l.optional_1.len;
    if number.len() <= l.number.len {
        put(&mut grid, l.number, number);
        put_check(
            &mut grid,
            l.number_check,
            number_field(number, l.number.len).as_slice(),
        );
        if optional.len() > room {
            return Err(ComposeError::TooLong {
                field: Field::OptionalData1,
                max: room,
                found: optional.len(),
            });
        }
        put(&mut grid, l.optional_1, optional);
    } else {
        let max = format.max_document_number_len();
        if !l.number_overflow || number.len() > max {
            return Err(ComposeError::TooLong {
                field: Field::DocumentNumber,
                max: if l.number_overflow { max } else { l.number.len },
                found: number.len(),
            });
        }
        let (head, overflow) = number.split_at(l.number.len);
        if overflow.contains(&b'<') {
            return Err(ComposeError::NotCanonical {
                field: Field::DocumentNumber,
                reason: "a filler after the 9th character of a long document number",
            });
        }
        if optional.first().is_some_and(|&b| b != b'<') {
            return Err(ComposeError::NotCanonical {
                field: Field::OptionalData1,
                reason: "after a long document number the optional data must be empty or begin with a filler",
            });
        }
        let used = overflow.len() + 1;
        if used + optional.len() > room {
            return Err(ComposeError::TooLong {
                field: Field::OptionalData1,
                max: room - used,
                found: optional.len(),
            });
        }
        put(&mut grid, l.number, head);
        // The check digit position holds a filler already.
        let mut tail = overflow.to_vec();
        tail.push(digit_char(check_digit_bytes(number).unwrap_or(0)));
        tail.extend_from_slice(optional);
        put(&mut grid, l.optional_1, &tail);
    }
    match (l.optional_1_check, mrz.empty_optional_check) {
        (Some(check), EmptyCheck::Zero) if optional.is_empty() => put(&mut grid, check, b"0"),
        (Some(check), _) if optional.is_empty() => put(&mut grid, check, b"<"),
        (Some(check), EmptyCheck::Filler) => {
            let field = number_field(optional, l.optional_1.len);
            put_check(&mut grid, check, &field);
        }
        (_, EmptyCheck::Zero) => {
            return Err(ComposeError::NotApplicable {
                field: Field::OptionalData1,
                format,
            });
        }
        (None, EmptyCheck::Filler) => {}
    }

    // Second optional data field (TD1).
    match l.optional_2 {
        Some(pos) => {
            mrz_chars(Field::OptionalData2, &mrz.optional_data_2)?;
            let bytes = mrz.optional_data_2.as_bytes();
            if bytes.last() == Some(&b'<') {
                return Err(ComposeError::NotCanonical {
                    field: Field::OptionalData2,
                    reason: "ends with a filler",
                });
            }
            if bytes.len() > pos.len {
                return Err(ComposeError::TooLong {
                    field: Field::OptionalData2,
                    max: pos.len,
                    found: bytes.len(),
                });
            }
            put(&mut grid, pos, bytes);
        }
        None if !mrz.optional_data_2.is_empty() => {
            return Err(ComposeError::NotApplicable {
                field: Field::OptionalData2,
                format,
            });
        }
        None => {}
    }

    // Composite.
    let mut data = Vec::with_capacity(64);
    for &pos in l.composite_data {
        data.extend_from_slice(get(&grid, pos));
    }
    put_check(&mut grid, l.composite, &data);

    Ok(grid
        .into_iter()
        .map(|row| row.into_iter().map(char::from).collect())
        .collect())
}

/// [`compose`], the lines joined with `\n` (no trailing newline).
pub fn compose_text(mrz: &Mrz) -> Result<String, ComposeError> {
    Ok(compose(mrz)?.join("\n"))
}

fn bad_char(field: Field, value: &str) -> ComposeError {
    let found = value
        .chars()
        .find(|c| !c.is_ascii_uppercase())
        .unwrap_or('<');
    ComposeError::BadCharacter { field, found }
}

fn fixed(field: Field, value: &str, len: usize) -> Result<&[u8], ComposeError> {
    let found = value.chars().count();
    if found == len && value.len() == len {
        Ok(value.as_bytes())
    } else {
        Err(ComposeError::BadLength {
            field,
            expected: len,
            found,
        })
    }
}

fn letters_or_filler(field: Field, value: &str) -> Result<(), ComposeError> {
    match value
        .chars()
        .find(|&c| !(c.is_ascii_uppercase() || c == '<'))
    {
        Some(found) => Err(ComposeError::BadCharacter { field, found }),
        None => Ok(()),
    }
}

fn mrz_chars(field: Field, value: &str) -> Result<(), ComposeError> {
    match value
        .chars()
        .find(|&c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '<'))
    {
        Some(found) => Err(ComposeError::BadCharacter { field, found }),
        None => Ok(()),
    }
}

/// `value` padded with fillers to `len` (the data a check digit covers).
fn number_field(value: &[u8], len: usize) -> Vec<u8> {
    let mut v = value.to_vec();
    v.resize(len.max(value.len()), b'<');
    v
}

fn encode_name(surname: &str, given: &str) -> Result<Vec<u8>, ComposeError> {
    for c in surname.chars().chain(given.chars()) {
        if !(c.is_ascii_uppercase() || c == ' ') {
            return Err(ComposeError::BadCharacter {
                field: Field::Name,
                found: c,
            });
        }
    }
    if surname.contains("  ") {
        return Err(ComposeError::NotCanonical {
            field: Field::Name,
            reason: "two spaces in a row in the surname (that is the surname/given-names separator)",
        });
    }
    if surname.ends_with(' ') || given.ends_with(' ') {
        return Err(ComposeError::NotCanonical {
            field: Field::Name,
            reason: "ends with a space",
        });
    }
    let mut out: Vec<u8> = surname
        .bytes()
        .map(|b| if b == b' ' { b'<' } else { b })
        .collect();
    if !given.is_empty() {
        out.extend_from_slice(b"<<");
        out.extend(given.bytes().map(|b| if b == b' ' { b'<' } else { b }));
    }
    Ok(out)
}

fn encode_date(field: Field, date: MrzDate) -> Result<Vec<u8>, ComposeError> {
    if !date.is_valid() {
        return Err(ComposeError::InvalidDate { field });
    }
    Ok(date.to_mrz().into_bytes())
}

fn get(grid: &[Vec<u8>], pos: Pos) -> &[u8] {
    grid.get(pos.line)
        .and_then(|row| row.get(pos.start..pos.end()))
        .unwrap_or(&[])
}

/// Write `bytes` at `pos` (callers have checked the length).
fn put(grid: &mut [Vec<u8>], pos: Pos, bytes: &[u8]) {
    if let Some(row) = grid.get_mut(pos.line) {
        for (i, &b) in bytes.iter().take(pos.len).enumerate() {
            if let Some(cell) = row.get_mut(pos.start + i) {
                *cell = b;
            }
        }
    }
}

fn put_check(grid: &mut [Vec<u8>], pos: Pos, data: &[u8]) {
    let digit = check_digit_bytes(data).unwrap_or(0);
    put(grid, pos, &[digit_char(digit)]);
}
