//! Errors of parsing and of composing.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::types::{Field, Format};

/// Which characters a field allows, beyond the MRZ character set itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Allowed {
    /// `A`–`Z` only.
    Letter,
    /// `A`–`Z` or the filler `<`.
    LetterOrFiller,
}

impl fmt::Display for Allowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Allowed::Letter => "a letter A-Z",
            Allowed::LetterOrFiller => "a letter A-Z or <",
        })
    }
}

/// Where in the MRZ a problem lies: 1-based line and column, and how many
/// characters from there (for highlighting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// Number of characters.
    pub len: usize,
}

/// One problem found in an MRZ. Lines and columns count from 1, as Doc 9303
/// numbers positions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error, Serialize, Deserialize)]
pub enum MrzError {
    /// The number of lines (or the length of a single unbroken line) fits no
    /// supported format.
    #[error("not an MRZ of a known format ({lines} line(s))")]
    UnknownFormat {
        /// Number of non-empty lines given.
        lines: usize,
    },
    /// A line has the wrong number of characters for the format.
    #[error("line {line}: expected {expected} characters, found {found}")]
    BadLength {
        /// Line, from 1.
        line: usize,
        /// Characters the format needs.
        expected: usize,
        /// Characters found (after removing trailing whitespace).
        found: usize,
    },
    /// A character outside `A`–`Z`, `0`–`9`, `<` (lower case, space, Cyrillic
    /// look-alike, punctuation…).
    #[error("line {line}, column {column}: {found:?} is not an MRZ character")]
    BadCharacter {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The character.
        found: char,
    },
    /// An MRZ character where the field does not allow it (a digit in a
    /// name or a country code; a filler as the first letter of the document
    /// code).
    #[error("{field}: line {line}, column {column}: {found:?} found, expected {allowed}")]
    FieldCharacter {
        /// The field.
        field: Field,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// The character.
        found: char,
        /// What the field allows.
        allowed: Allowed,
    },
    /// A check digit does not match its data.
    #[error(
        "{field}: check digit at line {line}, column {column} is {found:?}, expected {expected}"
    )]
    CheckDigit {
        /// The field the check digit protects ([`Field::Composite`] for the
        /// composite check digit).
        field: Field,
        /// The check digit the data calls for.
        expected: u8,
        /// The character written.
        found: char,
        /// Line of the check digit, from 1.
        line: usize,
        /// Column of the check digit, from 1.
        column: usize,
    },
    /// A date field that is not `YYMMDD` with a real month and day (parts
    /// may be `<<` when unknown).
    #[error("{field}: {found:?} at line {line}, column {column} is not a valid date")]
    InvalidDate {
        /// [`Field::DateOfBirth`] or [`Field::DateOfExpiry`].
        field: Field,
        /// The six characters.
        found: String,
        /// Line, from 1.
        line: usize,
        /// Column of the first character, from 1.
        column: usize,
    },
    /// The sex is not `M`, `F`, `X` or `<`.
    #[error("sex: {found:?} at line {line}, column {column} is not M, F, X or <")]
    BadSex {
        /// The character.
        found: char,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
}

impl MrzError {
    /// The field concerned, when the problem belongs to one.
    pub fn field(&self) -> Option<Field> {
        match self {
            MrzError::UnknownFormat { .. }
            | MrzError::BadLength { .. }
            | MrzError::BadCharacter { .. } => None,
            MrzError::FieldCharacter { field, .. }
            | MrzError::CheckDigit { field, .. }
            | MrzError::InvalidDate { field, .. } => Some(*field),
            MrzError::BadSex { .. } => Some(Field::Sex),
        }
    }

    /// The characters to highlight, when the problem has a place.
    pub fn span(&self) -> Option<Span> {
        match self {
            MrzError::UnknownFormat { .. } | MrzError::BadLength { .. } => None,
            MrzError::BadCharacter { line, column, .. }
            | MrzError::FieldCharacter { line, column, .. }
            | MrzError::CheckDigit { line, column, .. }
            | MrzError::BadSex { line, column, .. } => Some(Span {
                line: *line,
                column: *column,
                len: 1,
            }),
            MrzError::InvalidDate { line, column, .. } => Some(Span {
                line: *line,
                column: *column,
                len: 6,
            }),
        }
    }
}

/// Every problem found in one MRZ (never empty when returned by
/// [`crate::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MrzErrors {
    /// The format the text was read as, when one could be chosen.
    pub format: Option<Format>,
    /// The problems, in reading order.
    pub errors: Vec<MrzError>,
}

impl MrzErrors {
    /// True if some error concerns `field`.
    pub fn has_field(&self, field: Field) -> bool {
        self.errors.iter().any(|e| e.field() == Some(field))
    }
}

impl fmt::Display for MrzErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid MRZ")?;
        if let Some(format) = self.format {
            write!(f, " ({format})")?;
        }
        for (i, e) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for MrzErrors {}

/// Why [`crate::compose`] cannot write the given fields.
///
/// Composition is strict: it accepts only fields that [`crate::parse`] could
/// have produced, so that `parse(compose(m)) == m` always holds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    /// The value does not fit in the format.
    #[error("{field}: {found} characters do not fit in {max}")]
    TooLong {
        /// The field.
        field: Field,
        /// Room available.
        max: usize,
        /// Characters given.
        found: usize,
    },
    /// A fixed-width code of the wrong length.
    #[error("{field}: must be exactly {expected} characters, found {found}")]
    BadLength {
        /// The field.
        field: Field,
        /// Characters required.
        expected: usize,
        /// Characters given.
        found: usize,
    },
    /// A character the field cannot hold.
    #[error("{field}: {found:?} cannot be written there")]
    BadCharacter {
        /// The field.
        field: Field,
        /// The character.
        found: char,
    },
    /// A value that parsing would give back differently (e.g. a trailing
    /// filler, two spaces in a surname).
    #[error("{field}: {reason}")]
    NotCanonical {
        /// The field.
        field: Field,
        /// What is wrong.
        reason: &'static str,
    },
    /// A date with an impossible month or day.
    #[error("{field}: not a valid date")]
    InvalidDate {
        /// The field.
        field: Field,
    },
    /// A value for a field the format does not have.
    #[error("{field}: {format} has no such field (must be empty/default)")]
    NotApplicable {
        /// The field.
        field: Field,
        /// The format.
        format: Format,
    },
}
