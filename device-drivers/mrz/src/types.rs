//! The fields of an MRZ and their small value types.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The three ICAO 9303 MRZ form factors this crate reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// Size-1 card (ID cards, including the Kyrgyz ID card): 3 lines × 30.
    /// Doc 9303 Part 5.
    Td1,
    /// Size-2 document: 2 lines × 36. Doc 9303 Part 6.
    Td2,
    /// Passport booklet: 2 lines × 44. Doc 9303 Part 4.
    Td3,
}

impl Format {
    /// Every supported format.
    pub const ALL: [Format; 3] = [Format::Td1, Format::Td2, Format::Td3];

    /// Number of lines in the MRZ.
    pub fn line_count(self) -> usize {
        match self {
            Format::Td1 => 3,
            Format::Td2 | Format::Td3 => 2,
        }
    }

    /// Number of characters in each line.
    pub fn line_len(self) -> usize {
        match self {
            Format::Td1 => 30,
            Format::Td2 => 36,
            Format::Td3 => 44,
        }
    }

    /// Room for the name (primary and secondary identifiers together).
    pub fn name_len(self) -> usize {
        match self {
            Format::Td1 => 30,
            Format::Td2 => 31,
            Format::Td3 => 39,
        }
    }

    /// Room for [`Mrz::optional_data_1`] (the whole optional field; with a
    /// long document number the overflow takes part of it).
    pub fn optional_data_1_len(self) -> usize {
        match self {
            Format::Td1 => 15,
            Format::Td2 => 7,
            Format::Td3 => 14,
        }
    }

    /// Room for [`Mrz::optional_data_2`] (only TD1 has that field).
    pub fn optional_data_2_len(self) -> usize {
        match self {
            Format::Td1 => 11,
            Format::Td2 | Format::Td3 => 0,
        }
    }

    /// Longest document number the format can carry: 9 in place, more when
    /// TD1/TD2 overflow it into the optional data (Part 5 §4.2.4 / Part 6).
    pub fn max_document_number_len(self) -> usize {
        match self {
            // overflow + its check digit must fit in the optional field,
            // and the overflow has at least one character.
            Format::Td1 => 9 + 15 - 1,
            Format::Td2 => 9 + 7 - 1,
            Format::Td3 => 9,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Td1 => "TD1",
            Format::Td2 => "TD2",
            Format::Td3 => "TD3",
        })
    }
}

/// The holder's sex as written in the MRZ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    /// `M`
    Male,
    /// `F`
    Female,
    /// `<`: unspecified (the form Doc 9303 prescribes in the MRZ).
    Unspecified,
    /// `X`: unspecified, as some issuers write it in the MRZ too.
    X,
}

impl Sex {
    /// The MRZ character.
    pub fn as_char(self) -> char {
        match self {
            Sex::Male => 'M',
            Sex::Female => 'F',
            Sex::Unspecified => '<',
            Sex::X => 'X',
        }
    }

    /// The sex written as `c`, if `c` is one of `M`, `F`, `<`, `X`.
    pub fn from_char(c: char) -> Option<Sex> {
        match c {
            'M' => Some(Sex::Male),
            'F' => Some(Sex::Female),
            '<' => Some(Sex::Unspecified),
            'X' => Some(Sex::X),
            _ => None,
        }
    }
}

/// A date as the MRZ writes it: `YYMMDD`, the year on two digits, kept raw.
///
/// Doc 9303 Part 3 lets a date of birth that is unknown or partly unknown be
/// written with fillers (`<<`) in place of the unknown parts; each part is
/// therefore optional (`None` = written as `<<`). Use [`MrzDate::birth_year`]
/// / [`MrzDate::expiry_year`] to pick the century against a reference date
/// that the caller supplies (this crate never reads a clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MrzDate {
    /// Two-digit year 0–99.
    pub year: Option<u8>,
    /// Month 1–12.
    pub month: Option<u8>,
    /// Day 1–31 (checked against the month).
    pub day: Option<u8>,
}

/// A full calendar date, used as the reference ("today") when resolving the
/// century of a two-digit year, and as the resolved result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CalendarDate {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl CalendarDate {
    /// A date from its parts (not validated).
    pub fn new(year: u16, month: u8, day: u8) -> CalendarDate {
        CalendarDate { year, month, day }
    }
}

impl MrzDate {
    /// A fully known date; `yy` is the two-digit year.
    pub fn new(yy: u8, month: u8, day: u8) -> MrzDate {
        MrzDate {
            year: Some(yy),
            month: Some(month),
            day: Some(day),
        }
    }

    /// True when the year, month and day are all written.
    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// True when the written parts form a possible date: month 1–12, day
    /// within the month (29 February only in a year divisible by 4, since the
    /// century is unknown; any day up to 31 when the month is unknown).
    pub fn is_valid(&self) -> bool {
        if self.year.is_some_and(|y| y > 99) {
            return false;
        }
        if self.month.is_some_and(|m| !(1..=12).contains(&m)) {
            return false;
        }
        match self.day {
            None => true,
            Some(d) => d >= 1 && d <= max_day(self.year, self.month),
        }
    }

    /// The six MRZ characters (`<<` for an unknown part).
    pub fn to_mrz(&self) -> String {
        let mut s = String::with_capacity(6);
        for part in [self.year, self.month, self.day] {
            match part {
                Some(v) => {
                    s.push(char::from(b'0' + (v / 10) % 10));
                    s.push(char::from(b'0' + v % 10));
                }
                None => s.push_str("<<"),
            }
        }
        s
    }

    /// Four-digit year of a date of birth: the latest century that does not
    /// put the birth after `today`. A person cannot be told from one born a
    /// hundred years earlier; the MRZ does not say. `None` if the year is
    /// unknown.
    pub fn birth_year(&self, today: CalendarDate) -> Option<u16> {
        let yy = i32::from(self.year?);
        let ty = i32::from(today.year);
        let candidate = ty - ty.rem_euclid(100) + yy;
        let in_future = match candidate.cmp(&ty) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match self.month {
                Some(m) if m > today.month => true,
                Some(m) if m == today.month => self.day.is_some_and(|d| d > today.day),
                _ => false,
            },
        };
        u16::try_from(if in_future {
            candidate - 100
        } else {
            candidate
        })
        .ok()
    }

    /// Four-digit year of a date of expiry: the century that puts the year
    /// within 50 years before to 49 years after `today`'s year. `None` if the
    /// year is unknown.
    pub fn expiry_year(&self, today: CalendarDate) -> Option<u16> {
        let yy = i32::from(self.year?);
        let ty = i32::from(today.year);
        let base = ty - ty.rem_euclid(100);
        let mut year = base + yy;
        if year > ty + 49 {
            year -= 100;
        } else if year < ty - 50 {
            year += 100;
        }
        u16::try_from(year).ok()
    }

    /// The full date of birth (see [`MrzDate::birth_year`]); `None` unless
    /// every part is known.
    pub fn birth_date(&self, today: CalendarDate) -> Option<CalendarDate> {
        Some(CalendarDate::new(
            self.birth_year(today)?,
            self.month?,
            self.day?,
        ))
    }

    /// The full date of expiry (see [`MrzDate::expiry_year`]); `None` unless
    /// every part is known.
    pub fn expiry_date(&self, today: CalendarDate) -> Option<CalendarDate> {
        Some(CalendarDate::new(
            self.expiry_year(today)?,
            self.month?,
            self.day?,
        ))
    }
}

impl fmt::Display for MrzDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_mrz())
    }
}

fn max_day(yy: Option<u8>, month: Option<u8>) -> u8 {
    match month {
        Some(4 | 6 | 9 | 11) => 30,
        Some(2) => match yy {
            // The century is unknown: 00 may be 2000 (leap) or 1900 (not).
            // Accept the 29th whenever some century makes it a leap year.
            Some(y) if y % 4 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
        _ => 31,
    }
}

/// What kind of document the document code designates.
///
/// The first character is fixed by Doc 9303 (`P` passport; `A`, `C`, `I`
/// official travel documents such as ID cards; `V` visa). The second is at
/// the issuing State's discretion; the `PD`/`PS`/`PO` reading below is the
/// common convention, not a rule of the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentKind {
    /// `P<` or `P` with a second letter not listed below.
    Passport,
    /// `PD`
    DiplomaticPassport,
    /// `PS`
    ServicePassport,
    /// `PO`
    OfficialPassport,
    /// `I?` (e.g. `I<`, `ID` — the Kyrgyz ID card is `ID`).
    IdentityCard,
    /// `A?` or `C?`: other official travel documents.
    OtherTravelDocument,
    /// `V?` (visas; their MRZ layouts MRV-A/MRV-B are not read by this crate).
    Visa,
    /// Any other first letter.
    Other,
}

impl DocumentKind {
    /// Classify a raw document code (`"P<"`, `"ID"`, `"I"`…).
    pub fn from_code(code: &str) -> DocumentKind {
        let mut chars = code.chars();
        let first = chars.next();
        let second = chars.next();
        match (first, second) {
            (Some('P'), Some('D')) => DocumentKind::DiplomaticPassport,
            (Some('P'), Some('S')) => DocumentKind::ServicePassport,
            (Some('P'), Some('O')) => DocumentKind::OfficialPassport,
            (Some('P'), _) => DocumentKind::Passport,
            (Some('I'), _) => DocumentKind::IdentityCard,
            (Some('A' | 'C'), _) => DocumentKind::OtherTravelDocument,
            (Some('V'), _) => DocumentKind::Visa,
            _ => DocumentKind::Other,
        }
    }
}

/// A field of the MRZ, as named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// Document code (positions 1–2 of line 1).
    DocumentCode,
    /// Issuing State or organization.
    IssuingState,
    /// Name of the holder (primary and secondary identifiers).
    Name,
    /// Document number (and its check digit).
    DocumentNumber,
    /// Nationality.
    Nationality,
    /// Date of birth (and its check digit).
    DateOfBirth,
    /// Sex.
    Sex,
    /// Date of expiry (and its check digit).
    DateOfExpiry,
    /// Optional data of line 1 (TD1), of line 2 (TD2), or the personal
    /// number (TD3, with its check digit).
    OptionalData1,
    /// Optional data of line 2 (TD1 only).
    OptionalData2,
    /// The composite check digit.
    Composite,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::DocumentCode => "document code",
            Field::IssuingState => "issuing state",
            Field::Name => "name",
            Field::DocumentNumber => "document number",
            Field::Nationality => "nationality",
            Field::DateOfBirth => "date of birth",
            Field::Sex => "sex",
            Field::DateOfExpiry => "date of expiry",
            Field::OptionalData1 => "optional data 1",
            Field::OptionalData2 => "optional data 2",
            Field::Composite => "composite",
        })
    }
}

/// How the TD3 personal-number check digit (line 2, position 43) is written
/// when the personal number is all filler: Doc 9303 Part 4 allows either `<`
/// or `0`. Kept so that parsing loses nothing (`compose(parse(x)) == x`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EmptyCheck {
    /// `<` — also the only value allowed outside that one case.
    #[default]
    Filler,
    /// `0`
    Zero,
}

/// The fields of one MRZ: what [`crate::parse`] returns and what
/// [`crate::compose`] takes.
///
/// Strings hold MRZ characters: codes are raw (`"P<"`, `"D<<"`), names have
/// `<` turned into spaces, and variable-length fields (document number,
/// optional data) lose their trailing fillers. Check digits are not stored:
/// they follow from the fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mrz {
    /// Which form factor.
    pub format: Format,
    /// Raw two-character document code, e.g. `"I<"`, `"ID"`, `"P<"`, `"PD"`.
    pub document_code: String,
    /// Raw three-character issuing State or organization, e.g. `"KGZ"`, `"D<<"`.
    pub issuing_state: String,
    /// Primary identifier (surname), `<` turned into spaces.
    pub surname: String,
    /// Secondary identifiers (given names), `<` turned into spaces.
    pub given_names: String,
    /// Document number without trailing fillers; in TD1/TD2 it may be longer
    /// than 9 characters (overflow into the optional data, already joined).
    pub document_number: String,
    /// Raw three-character nationality.
    pub nationality: String,
    /// Date of birth.
    pub birth_date: MrzDate,
    /// Sex.
    pub sex: Sex,
    /// Date of expiry.
    pub expiry_date: MrzDate,
    /// TD1: line 1 positions 16–30 (after any document-number overflow) —
    /// where the Kyrgyz ID card keeps the 14-digit personal number (PIN).
    /// TD2: line 2 positions 29–35. TD3: the personal number, line 2
    /// positions 29–42. Trailing fillers removed.
    pub optional_data_1: String,
    /// TD1: line 2 positions 19–29, trailing fillers removed. Empty for TD2/TD3.
    pub optional_data_2: String,
    /// TD3 only, and only when `optional_data_1` is empty: how its check digit
    /// is written. [`EmptyCheck::Filler`] in every other case.
    pub empty_optional_check: EmptyCheck,
}

impl Mrz {
    /// The classification of [`Mrz::document_code`].
    pub fn document_kind(&self) -> DocumentKind {
        DocumentKind::from_code(&self.document_code)
    }

    /// The personal number (Kyrgyz ПИН/PIN): [`Mrz::optional_data_1`] when it
    /// is exactly 14 ASCII digits, else `None`.
    pub fn personal_number(&self) -> Option<&str> {
        let s = self.optional_data_1.as_str();
        (s.len() == 14 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
    }
}
