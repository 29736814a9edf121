//! The CSV format of the register (documented in `docs/voter-register.md`): the columns,
//! the header check, and the check of one row's fields. Pure: no file is touched here
//! (the photo's file is checked by the importer).

use chrono::{Datelike, NaiveDate};
use csv::ByteRecord;
use domain::DomainError;

use super::import::RowProblem;
use super::key::{RegisterKey, VoterKey};
use super::error::RegisterError;

/// A column of the register file, by its header name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    PersonalNumber,
    Surname,
    GivenNames,
    Patronymic,
    BirthDate,
    District,
    Station,
    RegisteredOn,
    Photo,
}

impl Column {
    /// Every column, in the order the generator writes them.
    pub const ALL: [Column; 9] = [
        Column::PersonalNumber,
        Column::Surname,
        Column::GivenNames,
        Column::Patronymic,
        Column::BirthDate,
        Column::District,
        Column::Station,
        Column::RegisteredOn,
        Column::Photo,
    ];

    /// The header name.
    pub fn name(self) -> &'static str {
        match self {
            Column::PersonalNumber => "personal_number",
            Column::Surname => "surname",
            Column::GivenNames => "given_names",
            Column::Patronymic => "patronymic",
            Column::BirthDate => "birth_date",
            Column::District => "district",
            Column::Station => "station",
            Column::RegisteredOn => "registered_on",
            Column::Photo => "photo",
        }
    }

    /// A file without `patronymic` or `photo` has them empty on every row.
    pub fn required(self) -> bool {
        !matches!(self, Column::Patronymic | Column::Photo)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Longest name part accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest district or station identifier accepted, in characters.
pub const MAX_CODE_CHARS: usize = 32;
/// Earliest birth date accepted.
const EARLIEST_BIRTH: i32 = 1900;

/// Where each column sits in the file's rows.
#[derive(Debug, Clone)]
pub struct Layout {
    positions: [Option<usize>; Column::ALL.len()],
    width: usize,
}

impl Layout {
    /// Reads the header row: names are compared after trimming spaces, in any case; a
    /// UTF-8 byte order mark before the first is ignored. Every unknown name is listed,
    /// then every missing required one; a name given twice is refused.
    pub fn from_header(header: &ByteRecord) -> Result<Layout, RegisterError> {
        if header.is_empty() || (header.len() == 1 && header[0].is_empty()) {
            return Err(RegisterError::NoHeader);
        }
        let mut positions = [None; Column::ALL.len()];
        let mut unknown = Vec::new();
        for (index, raw) in header.iter().enumerate() {
            let raw = if index == 0 { raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw) } else { raw };
            let name = std::str::from_utf8(raw).map_err(|_| RegisterError::BadHeader { column: index + 1 })?;
            let name = name.trim().to_ascii_lowercase();
            if name.is_empty() {
                return Err(RegisterError::BadHeader { column: index + 1 });
            }
            match Column::ALL.iter().find(|column| column.name() == name) {
                Some(column) if positions[column.index()].is_some() => {
                    return Err(RegisterError::DuplicateColumn { column: column.name().to_owned() });
                }
                Some(column) => positions[column.index()] = Some(index),
                None => unknown.push(shown(&name)),
            }
        }
        if !unknown.is_empty() {
            return Err(RegisterError::UnknownColumns { columns: unknown.join(", ") });
        }
        let missing: Vec<&str> = Column::ALL
            .iter()
            .filter(|column| column.required() && positions[column.index()].is_none())
            .map(|column| column.name())
            .collect();
        if !missing.is_empty() {
            return Err(RegisterError::MissingColumns { columns: missing.join(", ") });
        }
        Ok(Layout { positions, width: header.len() })
    }
}

/// What the format allows beyond itself: the election's districts.
#[derive(Debug, Clone, Copy)]
pub struct RowRules<'a> {
    /// `None`: any well-formed identifier.
    pub districts: Option<&'a [String]>,
}

/// A row whose every field is good, borrowing the record's text. Dates are `yyyymmdd`
/// numbers, as stored.
#[derive(Debug)]
pub struct VoterRow<'a> {
    pub voter_key: VoterKey,
    pub surname: &'a str,
    pub given_names: &'a str,
    pub patronymic: &'a str,
    pub birth_date: u32,
    pub district: &'a str,
    pub station: &'a str,
    pub registered_on: u32,
    /// The photo's file name as written, relative to the CSV's folder.
    pub photo: Option<&'a str>,
}

/// Checks one record; on success the keyed hash of its personal number has been made
/// (the plain number is not kept). On failure, every bad field is reported, each naming
/// the line and the column, never the personal number.
pub fn check_row<'a>(
    record: &'a ByteRecord,
    line: u64,
    layout: &Layout,
    rules: RowRules<'_>,
    key: &RegisterKey,
) -> Result<VoterRow<'a>, Vec<RowProblem>> {
    if record.len() != layout.width {
        let problem = DomainError::new("register.row-width", "register-row-width")
            .with("line", number(line))
            .with("expected", layout.width)
            .with("found", record.len());
        return Err(vec![RowProblem { line, field: None, error: problem }]);
    }
    let mut problems = Vec::new();
    let mut text = |column: Column| -> Option<&'a str> {
        let Some(position) = layout.positions[column.index()] else { return Some("") };
        match std::str::from_utf8(&record[position]) {
            Ok(value) => Some(value.trim()),
            Err(_) => {
                problems.push(problem(line, column, "register.row-not-utf8", "register-row-not-utf8"));
                None
            }
        }
    };
    let personal_number = text(Column::PersonalNumber);
    let surname = text(Column::Surname);
    let given_names = text(Column::GivenNames);
    let patronymic = text(Column::Patronymic);
    let birth_date = text(Column::BirthDate);
    let district = text(Column::District);
    let station = text(Column::Station);
    let registered_on = text(Column::RegisteredOn);
    let photo = text(Column::Photo);

    let voter_key = personal_number.and_then(|value| {
        if is_personal_number(value) {
            Some(key.voter_key(value))
        } else {
            problems.push(problem(line, Column::PersonalNumber, "register.row-personal-number", "register-row-personal-number"));
            None
        }
    });
    let surname = surname.and_then(|value| check_name(value, line, Column::Surname, false, &mut problems));
    let given_names = given_names.and_then(|value| check_name(value, line, Column::GivenNames, false, &mut problems));
    let patronymic = patronymic.and_then(|value| check_name(value, line, Column::Patronymic, true, &mut problems));
    let birth = birth_date.and_then(|value| check_date(value, line, Column::BirthDate, &mut problems));
    let birth = birth.and_then(|date| {
        if date.year() < EARLIEST_BIRTH {
            problems.push(
                problem(line, Column::BirthDate, "register.row-date-range", "register-row-date-range")
                    .with("value", date.to_string()),
            );
            None
        } else {
            Some(date)
        }
    });
    let registered = registered_on.and_then(|value| check_date(value, line, Column::RegisteredOn, &mut problems));
    let registered = match (birth, registered) {
        (Some(birth), Some(registered)) if registered < birth => {
            problems.push(problem(
                line,
                Column::RegisteredOn,
                "register.row-registered-before-birth",
                "register-row-registered-before-birth",
            ));
            None
        }
        (_, registered) => registered,
    };
    let district = district.and_then(|value| check_code(value, line, Column::District, &mut problems));
    let district = district.and_then(|value| match rules.districts {
        Some(known) if !known.iter().any(|id| id == value) => {
            problems.push(
                problem(line, Column::District, "register.row-unknown-district", "register-row-unknown-district")
                    .with("value", shown(value)),
            );
            None
        }
        _ => Some(value),
    });
    let station = station.and_then(|value| check_code(value, line, Column::Station, &mut problems));
    let photo = photo.and_then(|value| {
        if value.is_empty() {
            return Some(None);
        }
        if is_safe_relative_path(value) {
            Some(Some(value))
        } else {
            problems.push(
                problem(line, Column::Photo, "register.row-photo-path", "register-row-photo-path")
                    .with("value", shown(value)),
            );
            None
        }
    });

    match (voter_key, surname, given_names, patronymic, birth, district, station, registered, photo) {
        (
            Some(voter_key),
            Some(surname),
            Some(given_names),
            Some(patronymic),
            Some(birth),
            Some(district),
            Some(station),
            Some(registered),
            Some(photo),
        ) if problems.is_empty() => Ok(VoterRow {
            voter_key,
            surname,
            given_names,
            patronymic,
            birth_date: date_number(birth),
            district,
            station,
            registered_on: date_number(registered),
            photo,
        }),
        _ => Err(problems),
    }
}

/// A problem at `line` in `column`; the message's `line` and `field` arguments are set.
pub(crate) fn problem(line: u64, column: Column, code: &'static str, message_id: &'static str) -> RowProblem {
    RowProblem {
        line,
        field: Some(column.name()),
        error: DomainError::new(code, message_id).with("line", number(line)).with("field", column.name()),
    }
}

impl RowProblem {
    /// Adds an argument to the problem's message.
    pub(crate) fn with(mut self, name: &str, value: impl Into<domain::MessageArg>) -> RowProblem {
        self.error = self.error.with(name, value);
        self
    }
}

pub(crate) fn number(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// 14 ASCII digits, the first 1 or 2 (the sex digit of the Kyrgyz ПИН).
pub fn is_personal_number(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 14 && matches!(bytes[0], b'1' | b'2') && bytes.iter().all(u8::is_ascii_digit)
}

fn check_name<'a>(
    value: &'a str,
    line: u64,
    column: Column,
    may_be_empty: bool,
    problems: &mut Vec<RowProblem>,
) -> Option<&'a str> {
    if value.is_empty() && !may_be_empty {
        problems.push(problem(line, column, "register.row-empty", "register-row-empty"));
        return None;
    }
    if value.chars().count() > MAX_NAME_CHARS {
        problems.push(problem(line, column, "register.row-too-long", "register-row-too-long").with("max", MAX_NAME_CHARS));
        return None;
    }
    if value.chars().any(char::is_control) {
        problems.push(problem(line, column, "register.row-control-character", "register-row-control-character"));
        return None;
    }
    Some(value)
}

/// District and station identifiers: letters, digits, `-`, `_`, `.`, `/`.
fn check_code<'a>(value: &'a str, line: u64, column: Column, problems: &mut Vec<RowProblem>) -> Option<&'a str> {
    if value.is_empty() {
        problems.push(problem(line, column, "register.row-empty", "register-row-empty"));
        return None;
    }
    let well_formed = value.chars().count() <= MAX_CODE_CHARS
        && value.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if !well_formed {
        problems.push(problem(line, column, "register.row-bad-code", "register-row-bad-code").with("value", shown(value)));
        return None;
    }
    Some(value)
}

/// `YYYY-MM-DD`, a real calendar date.
fn check_date(value: &str, line: u64, column: Column, problems: &mut Vec<RowProblem>) -> Option<NaiveDate> {
    let date = parse_date(value);
    if date.is_none() {
        problems.push(problem(line, column, "register.row-bad-date", "register-row-bad-date").with("value", shown(value)));
    }
    date
}

/// `YYYY-MM-DD` only (no other separators, no time).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes[range].iter().try_fold(0u32, |acc, byte| byte.is_ascii_digit().then(|| acc * 10 + u32::from(byte - b'0')))
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// A date as stored: `yyyymmdd`.
pub fn date_number(date: NaiveDate) -> u32 {
    // Years here are 1900..=9999 (four digits, checked), so the sign cannot be lost.
    u32::try_from(date.year()).unwrap_or(0) * 10_000 + date.month() * 100 + date.day()
}

/// The date a stored `yyyymmdd` stands for.
pub fn date_from_number(value: i64) -> Option<NaiveDate> {
    let year = i32::try_from(value / 10_000).ok()?;
    let month = u32::try_from(value / 100 % 100).ok()?;
    let day = u32::try_from(value % 100).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Relative to the CSV's folder and staying inside it: no root, no drive, no `..`.
fn is_safe_relative_path(value: &str) -> bool {
    let normalised = value.replace('\\', "/");
    !normalised.starts_with('/')
        && !normalised.contains(':')
        && normalised.split('/').all(|part| !part.is_empty() && part != ".." && part != ".")
        && !value.chars().any(char::is_control)
}

/// A value as it may appear in a message: at most 40 characters, and any run of 8 or
/// more digits masked with `*`, so that a personal number in the wrong column (or in a
/// photo's file name) never reaches a message, a log or a screen.
pub fn shown(value: &str) -> String {
    const LONGEST_DIGIT_RUN: usize = 7;
    let chars: Vec<char> = value.chars().take(40).collect();
    let mut out = String::with_capacity(chars.len());
    let mut index = 0;
    while index < chars.len() {
        let run = chars[index..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run > LONGEST_DIGIT_RUN {
            out.extend(std::iter::repeat_n('*', run));
            index += run;
        } else if run > 0 {
            out.extend(&chars[index..index + run]);
            index += run;
        } else {
            out.push(chars[index]);
            index += 1;
        }
    }
    if value.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_masks_long_digit_runs_and_keeps_the_rest() {
        assert_eq!(shown("2025-13-01"), "2025-13-01");
        assert_eq!(shown("21203199012345"), "**************");
        assert_eq!(shown("photos/21203199012345.jpg"), "photos/**************.jpg");
        assert_eq!(shown("1234567"), "1234567");
        assert!(shown(&"x".repeat(50)).ends_with('…'));
    }

    #[test]
    fn dates_are_strict_iso() {
        assert_eq!(parse_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in ["2023-02-29", "2024-2-29", "29.02.2024", "2024-02-29T00:00", "", "abcd-ef-gh", "+024-01-01"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        let date = NaiveDate::from_ymd_opt(1987, 6, 5).unwrap_or_default();
        assert_eq!(date_number(date), 19_870_605);
        assert_eq!(date_from_number(19_870_605), Some(date));
    }

    #[test]
    fn personal_numbers_are_14_digits_starting_with_the_sex_digit() {
        assert!(is_personal_number("12005199012345"));
        assert!(is_personal_number("21203199012345"));
        assert!(!is_personal_number("32005199012345"));
        assert!(!is_personal_number("1200519901234"));
        assert!(!is_personal_number("1200519901234x"));
        assert!(!is_personal_number("120051990123456"));
    }

    #[test]
    fn photo_paths_stay_inside_the_folder() {
        assert!(is_safe_relative_path("photos/0001.jpg"));
        assert!(is_safe_relative_path("photos\\0001.jpg"));
        for bad in ["/etc/passwd", "../secret.png", "photos/../../x.png", "C:\\x.png", "photos//x.png", "./x.png"] {
            assert!(!is_safe_relative_path(bad), "{bad}");
        }
    }
}
