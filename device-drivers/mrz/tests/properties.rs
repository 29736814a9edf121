//! Property tests: composition and parsing are inverse, and no single-character
//! change to a valid MRZ goes unnoticed.

use mrz::{EmptyCheck, Format, Mrz, MrzDate, Sex, compose, compose_text, parse};
use proptest::prelude::*;

const MRZ_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

fn arb_format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Td1), Just(Format::Td2), Just(Format::Td3)]
}

fn arb_part(range: std::ops::RangeInclusive<u8>) -> impl Strategy<Value = Option<u8>> {
    // Mostly known; sometimes `<<` (unknown part of a date).
    prop_oneof![9 => range.prop_map(Some), 1 => Just(None)]
}

fn arb_date() -> impl Strategy<Value = MrzDate> {
    (arb_part(0..=99), arb_part(1..=12), arb_part(1..=31))
        .prop_map(|(year, month, day)| MrzDate { year, month, day })
        .prop_filter("a possible date", MrzDate::is_valid)
}

fn arb_sex() -> impl Strategy<Value = Sex> {
    prop_oneof![
        Just(Sex::Male),
        Just(Sex::Female),
        Just(Sex::Unspecified),
        Just(Sex::X)
    ]
}

fn trim_fillers(s: &str) -> String {
    s.trim_end_matches('<').to_owned()
}

/// Name parts: surname words joined by single spaces; given names joined by
/// one or (rarely) two spaces — both are canonical after the first `<<`.
fn encoded_name_len(surname: &str, given: &str) -> usize {
    surname.len() + if given.is_empty() { 0 } else { 2 + given.len() }
}

#[derive(Debug, Clone)]
struct Raw {
    format: Format,
    code: String,
    state: String,
    nationality: String,
    surname_words: Vec<String>,
    given_words: Vec<String>,
    given_sep: &'static str,
    number_short: String,
    number_head: String,
    overflow: String,
    long: bool,
    birth: MrzDate,
    sex: Sex,
    expiry: MrzDate,
    optional_1: String,
    optional_2: String,
    zero: bool,
}

fn arb_raw() -> impl Strategy<Value = Raw> {
    let codes = (
        arb_format(),
        "[A-Z][A-Z<]",
        "[A-Z<]{3}",
        "[A-Z<]{3}",
        prop::collection::vec("[A-Z]{1,10}", 0..4),
        prop::collection::vec("[A-Z]{1,10}", 0..5),
        prop_oneof![9 => Just(" "), 1 => Just("  ")],
    );
    let number = (
        "[A-Z0-9<]{0,9}",
        "[A-Z0-9<]{9}",
        "[A-Z0-9]{1,14}",
        any::<bool>(),
    );
    let rest = (
        arb_date(),
        arb_sex(),
        arb_date(),
        "[A-Z0-9<]{0,15}",
        "[A-Z0-9<]{0,11}",
        any::<bool>(),
    );
    (codes, number, rest).prop_map(
        |(
            (format, code, state, nationality, surname_words, given_words, given_sep),
            (number_short, number_head, overflow, long),
            (birth, sex, expiry, optional_1, optional_2, zero),
        )| Raw {
            format,
            code,
            state,
            nationality,
            surname_words,
            given_words,
            given_sep,
            number_short,
            number_head,
            overflow,
            long,
            birth,
            sex,
            expiry,
            optional_1,
            optional_2,
            zero,
        },
    )
}

/// Fit raw random parts to the rules of their format: the result is a valid
/// set of fields of any shape the format allows.
fn fit(raw: Raw) -> Mrz {
    let f = raw.format;
    let mut surname_words = raw.surname_words;
    let mut given_words = raw.given_words;
    let (surname, given_names) = loop {
        let surname = surname_words.join(" ");
        let given = given_words.join(raw.given_sep);
        if encoded_name_len(&surname, &given) <= f.name_len() {
            break (surname, given);
        }
        if given_words.pop().is_none() {
            surname_words.pop();
        }
    };

    let room = f.optional_data_1_len();
    let (document_number, optional_data_1) = if raw.long && f != Format::Td3 {
        let overflow: String = raw.overflow.chars().take(room - 1).collect();
        let left = room - overflow.len() - 1;
        let mut optional = raw.optional_1;
        if !optional.is_empty() && !optional.starts_with('<') {
            optional.insert(0, '<');
        }
        let optional: String = optional.chars().take(left).collect();
        (
            format!("{}{overflow}", raw.number_head),
            trim_fillers(&optional),
        )
    } else {
        let optional: String = raw.optional_1.chars().take(room).collect();
        (trim_fillers(&raw.number_short), trim_fillers(&optional))
    };
    let optional_data_2 = if f == Format::Td1 {
        trim_fillers(&raw.optional_2)
    } else {
        String::new()
    };
    let empty_optional_check = if f == Format::Td3 && optional_data_1.is_empty() && raw.zero {
        EmptyCheck::Zero
    } else {
        EmptyCheck::Filler
    };
    Mrz {
        format: f,
        document_code: raw.code,
        issuing_state: raw.state,
        surname,
        given_names,
        document_number,
        nationality: raw.nationality,
        birth_date: raw.birth,
        sex: raw.sex,
        expiry_date: raw.expiry,
        optional_data_1,
        optional_data_2,
        empty_optional_check,
    }
}

fn arb_mrz() -> impl Strategy<Value = Mrz> {
    arb_raw().prop_map(fit)
}

fn replace_at(lines: &[String], line: usize, col: usize, c: char) -> String {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == line {
                l.chars()
                    .enumerate()
                    .map(|(j, old)| if j == col { c } else { old })
                    .collect()
            } else {
                l.clone()
            }
        })
        .collect::<Vec<String>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// parse(compose(fields)) == fields, and the text is well formed.
    #[test]
    fn compose_then_parse_round_trips(m in arb_mrz()) {
        let lines = compose(&m).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(lines.len(), m.format.line_count());
        for l in &lines {
            prop_assert_eq!(l.len(), m.format.line_len());
            prop_assert!(l.bytes().all(|b| MRZ_CHARS.contains(&b)));
        }
        let text = lines.join("\n");
        let back = parse(&text);
        prop_assert_eq!(back.as_ref(), Ok(&m), "{}", text);
        // And the other way round: the text is what composing gives back.
        prop_assert_eq!(compose_text(&m).ok(), Some(text));
    }

    /// Compose is strict: on arbitrary (often invalid) fields it either
    /// refuses or writes something that parses back to the very same fields.
    #[test]
    fn compose_accepts_only_what_round_trips(
        raw in arb_raw(),
        code in "[A-Za-z<1 ]{0,3}",
        surname in "[A-Z< a]{0,12}",
        given in "[A-Z< ]{0,12}",
        number in "[A-Z0-9<a]{0,25}",
        optional_1 in "[A-Z0-9< ]{0,16}",
        optional_2 in "[A-Z0-9<]{0,12}",
        which in 0u8..8,
    ) {
        let mut m = fit(raw);
        match which {
            0 => m.document_code = code,
            1 => m.surname = surname,
            2 => m.given_names = given,
            3 => m.document_number = number,
            4 => m.optional_data_1 = optional_1,
            5 => m.optional_data_2 = optional_2,
            6 => m.empty_optional_check = EmptyCheck::Zero,
            _ => m.issuing_state = code,
        }
        if let Ok(text) = compose_text(&m) {
            prop_assert_eq!(parse(&text), Ok(m), "{}", text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Every single-character change of a valid MRZ — at every position, to
    /// every MRZ character and to a few others — is either reported as an
    /// error or changes a parsed field; never the same fields silently.
    /// When it parses, composing the new fields gives the changed text back.
    #[test]
    fn single_character_changes_never_go_unnoticed(m in arb_mrz()) {
        let lines = compose(&m).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let others = ['a', ' ', '0', '«', 'О'];
        for (li, line) in lines.iter().enumerate() {
            for (col, old) in line.chars().enumerate() {
                for c in MRZ_CHARS.iter().map(|&b| char::from(b)).chain(others) {
                    if c == old {
                        continue;
                    }
                    let changed = replace_at(&lines, li, col, c);
                    match parse(&changed) {
                        Err(e) => prop_assert!(!e.errors.is_empty()),
                        Ok(m2) => {
                            prop_assert_ne!(&m2, &m, "unnoticed change at {}:{} to {:?}", li + 1, col + 1, c);
                            prop_assert_eq!(compose_text(&m2).ok(), Some(changed));
                        }
                    }
                }
            }
        }
    }

    /// Digit-for-digit substitutions inside a date are always caught by its
    /// check digit (7, 3 and 1 are prime to 10).
    #[test]
    fn digit_changes_in_dates_are_always_caught(m in arb_mrz(), delta in 1u8..10) {
        let lines = compose(&m).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let (line, starts) = match m.format {
            Format::Td1 => (1, [0usize, 8]),
            Format::Td2 | Format::Td3 => (1, [13, 21]),
        };
        for start in starts {
            for col in start..start + 6 {
                let old = lines[line].as_bytes()[col];
                if !old.is_ascii_digit() {
                    continue;
                }
                let new = char::from(b'0' + (old - b'0' + delta) % 10);
                prop_assert!(parse(&replace_at(&lines, line, col, new)).is_err());
            }
        }
    }
}
