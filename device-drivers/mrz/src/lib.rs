//! # mrz — the machine-readable zone of travel and identity documents
//!
//! A pure library for the MRZ of ICAO Doc 9303 (8th edition), the two or
//! three lines of `A`–`Z`, `0`–`9` and `<` at the foot of an ID card or a
//! passport's data page. uchastok reads it to identify a voter from the
//! document they present.
//!
//! ## What it owns
//!
//! * **MRZ text → fields**: [`parse`] / [`parse_lines`] read the three
//!   formats — **TD1** (3 × 30, ID cards; the Kyrgyz ID card is TD1 with
//!   document code `ID`), **TD2** (2 × 36) and **TD3** (2 × 44, passports) —
//!   into an [`Mrz`]: document code (raw, plus a [`DocumentKind`]), issuing
//!   State, surname and given names, document number, nationality, dates of
//!   birth and expiry ([`MrzDate`], two-digit year kept raw, century resolved
//!   only against a reference date the caller passes in), [`Sex`], and the
//!   optional data fields. [`Mrz::personal_number`] gives the 14-digit
//!   personal number (ПИН) that Kyrgyz ID cards carry in TD1 line 1,
//!   positions 16–30.
//! * **Check digits**: every one Doc 9303 defines ([`check_digit`]: weights
//!   7-3-1, `<` = 0, `A`–`Z` = 10–35) — document number (including the TD1 and
//!   TD2 long document number that overflows into the optional data), date of
//!   birth, date of expiry, the TD3 personal number (which may be `<` or `0`
//!   when the number is all filler), and the composite.
//! * **Precise errors**: a failed parse returns *every* problem found
//!   ([`MrzErrors`]), each an [`MrzError`] naming its [`Field`] and position,
//!   so a UI can highlight each character or field at fault.
//! * **Composition**: [`compose`] writes the lines of any format from an
//!   [`Mrz`], computing the check digits — for tests and for generating a
//!   synthetic corpus. `parse(compose(m)) == m` for every `m` it accepts, and
//!   `compose(parse(t)) == t` for every valid text `t`: nothing is lost, so
//!   any one-character change to a valid MRZ is either rejected or changes a
//!   field.
//!
//! ## What it must never do
//!
//! No IO, no clock, no randomness, no global state, no panics on any input
//! (a fuzz target and a seeded stress test check that), and no dependency on
//! other uchastok crates. It does not read images or drive a camera or a
//! document reader — getting the text off the document is another module's
//! job; this one starts from the text. It does not decide whether a document
//! is acceptable (expired, wrong issuer…): it reports what is written.
//!
//! ## Choices worth knowing
//!
//! * Input: lines split on `\n`; trailing whitespace/`\r` and surrounding
//!   blank lines are tolerated, nothing else is repaired (no case folding, no
//!   `O`/`0` guessing: that is OCR's business, and check digits then catch
//!   it). A single 90/72/88-character line is read as TD1/TD2/TD3.
//! * Names: the primary identifier is what precedes the first `<<`; `<`
//!   becomes a space. Truncated names are returned as written.
//! * Strings are MRZ characters. Codes stay raw (`"I<"`, `"D<<"`);
//!   variable-length fields lose their trailing fillers.
//! * Unknown parts of a date written as `<<` (allowed by Doc 9303 Part 3 for
//!   an unknown date of birth) are accepted and read as `None`.
//! * Visas (MRV-A/MRV-B, code `V`) are not read; their second line has no
//!   composite check digit, so they fail as TD3/TD2.
//!
//! ```
//! // A Kyrgyz-style ID card (TD1, code `ID`, PIN in optional data 1).
//! let m = mrz::parse(
//!     "IDKGZID1234567321505199012345<\n\
//!      9005156M3106143KGZ<<<<<<<<<<<1\n\
//!      ASANOV<<AZAMAT<<<<<<<<<<<<<<<<",
//! )
//! .expect("valid");
//! assert_eq!(m.format, mrz::Format::Td1);
//! assert_eq!(m.document_kind(), mrz::DocumentKind::IdentityCard);
//! assert_eq!(m.document_number, "ID1234567");
//! assert_eq!(m.personal_number(), Some("21505199012345"));
//! let today = mrz::CalendarDate::new(2026, 3, 1);
//! assert_eq!(m.birth_date.birth_date(today), Some(mrz::CalendarDate::new(1990, 5, 15)));
//! assert_eq!(m.expiry_date.expiry_date(today), Some(mrz::CalendarDate::new(2031, 6, 14)));
//!
//! // A bad check digit and a digit in the name are both reported.
//! let err = mrz::parse(
//!     "IDKGZID1234567321505199012345<\n\
//!      9005157M3106143KGZ<<<<<<<<<<<1\n\
//!      ASAN0V<<AZAMAT<<<<<<<<<<<<<<<<",
//! )
//! .unwrap_err();
//! assert!(err.errors.contains(&mrz::MrzError::CheckDigit {
//!     field: mrz::Field::DateOfBirth, expected: 6, found: '7', line: 2, column: 7,
//! }));
//! assert!(err.has_field(mrz::Field::Name));
//! assert!(err.has_field(mrz::Field::Composite));
//! ```

mod check;
mod compose;
mod error;
mod layout;
mod parse;
mod types;

pub use check::{char_value, check_digit};
pub use compose::{compose, compose_text};
pub use error::{Allowed, ComposeError, MrzError, MrzErrors, Span};
pub use parse::{parse, parse_lines};
pub use types::{CalendarDate, DocumentKind, EmptyCheck, Field, Format, Mrz, MrzDate, Sex};
