//! Where each field sits in each format (Doc 9303 Parts 4, 5 and 6), shared by
//! the parser and the composer. Positions here count from 0.

use crate::types::Format;

/// A run of characters: line, first column, length (all from 0).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pos {
    pub line: usize,
    pub start: usize,
    pub len: usize,
}

impl Pos {
    pub fn end(self) -> usize {
        self.start + self.len
    }
}

const fn p(line: usize, start: usize, len: usize) -> Pos {
    Pos { line, start, len }
}

pub(crate) struct Layout {
    pub format: Format,
    pub code: Pos,
    pub state: Pos,
    pub name: Pos,
    pub number: Pos,
    pub number_check: Pos,
    pub nationality: Pos,
    pub birth: Pos,
    pub birth_check: Pos,
    pub sex: Pos,
    pub expiry: Pos,
    pub expiry_check: Pos,
    pub optional_1: Pos,
    /// TD3: check digit of the personal number.
    pub optional_1_check: Option<Pos>,
    /// TD1: the second optional data field.
    pub optional_2: Option<Pos>,
    pub composite: Pos,
    /// The runs the composite check digit covers, in order.
    pub composite_data: &'static [Pos],
    /// Whether a document number longer than 9 may overflow into
    /// `optional_1` (TD1, TD2).
    pub number_overflow: bool,
}

static TD1: Layout = Layout {
    format: Format::Td1,
    code: p(0, 0, 2),
    state: p(0, 2, 3),
    number: p(0, 5, 9),
    number_check: p(0, 14, 1),
    optional_1: p(0, 15, 15),
    birth: p(1, 0, 6),
    birth_check: p(1, 6, 1),
    sex: p(1, 7, 1),
    expiry: p(1, 8, 6),
    expiry_check: p(1, 14, 1),
    nationality: p(1, 15, 3),
    optional_2: Some(p(1, 18, 11)),
    composite: p(1, 29, 1),
    name: p(2, 0, 30),
    optional_1_check: None,
    // Part 5: line 1 positions 6–30, line 2 positions 1–7, 9–15, 19–29.
    composite_data: &[p(0, 5, 25), p(1, 0, 7), p(1, 8, 7), p(1, 18, 11)],
    number_overflow: true,
};

static TD2: Layout = Layout {
    format: Format::Td2,
    code: p(0, 0, 2),
    state: p(0, 2, 3),
    name: p(0, 5, 31),
    number: p(1, 0, 9),
    number_check: p(1, 9, 1),
    nationality: p(1, 10, 3),
    birth: p(1, 13, 6),
    birth_check: p(1, 19, 1),
    sex: p(1, 20, 1),
    expiry: p(1, 21, 6),
    expiry_check: p(1, 27, 1),
    optional_1: p(1, 28, 7),
    optional_1_check: None,
    optional_2: None,
    composite: p(1, 35, 1),
    // Part 6: line 2 positions 1–10, 14–20, 22–35.
    composite_data: &[p(1, 0, 10), p(1, 13, 7), p(1, 21, 14)],
    number_overflow: true,
};

static TD3: Layout = Layout {
    format: Format::Td3,
    code: p(0, 0, 2),
    state: p(0, 2, 3),
    name: p(0, 5, 39),
    number: p(1, 0, 9),
    number_check: p(1, 9, 1),
    nationality: p(1, 10, 3),
    birth: p(1, 13, 6),
    birth_check: p(1, 19, 1),
    sex: p(1, 20, 1),
    expiry: p(1, 21, 6),
    expiry_check: p(1, 27, 1),
    optional_1: p(1, 28, 14),
    optional_1_check: Some(p(1, 42, 1)),
    optional_2: None,
    composite: p(1, 43, 1),
    // Part 4: line 2 positions 1–10, 14–20, 22–43.
    composite_data: &[p(1, 0, 10), p(1, 13, 7), p(1, 21, 22)],
    number_overflow: false,
};

pub(crate) fn layout(format: Format) -> &'static Layout {
    match format {
        Format::Td1 => &TD1,
        Format::Td2 => &TD2,
        Format::Td3 => &TD3,
    }
}
