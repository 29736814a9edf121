//! Known MRZs — the ICAO Doc 9303 specimens (check digits re-verified by hand
//! against the 7-3-1 rule, not taken on trust) and a Kyrgyz-style ID card —
//! and every error the parser can report.

use mrz::{
    Allowed, CalendarDate, ComposeError, DocumentKind, EmptyCheck, Field, Format, Mrz, MrzDate,
    MrzError, Sex, check_digit, compose, compose_text, parse, parse_lines,
};

fn ok(text: &str) -> Mrz {
    match parse(text) {
        Ok(m) => m,
        Err(e) => panic!("expected a valid MRZ, got {e}"),
    }
}

fn errors(text: &str) -> Vec<MrzError> {
    match parse(text) {
        Ok(m) => panic!("expected errors, parsed {m:?}"),
        Err(e) => {
            assert!(!e.errors.is_empty());
            e.errors
        }
    }
}

/// The text `compose` writes for `m` must be exactly `text`.
fn assert_recomposes(m: &Mrz, text: &str) {
    let lines = compose(m).expect("parsed fields compose");
    let expected: Vec<&str> = text.lines().collect();
    assert_eq!(lines, expected);
}

// ---------------------------------------------------------------- specimens

/// Doc 9303 Part 4, Appendix A: the TD3 specimen passport.
const TD3_SPECIMEN: &str = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
                            L898902C36UTO7408122F1204159ZE184226B<<<<<10";

/// Doc 9303 Part 5, Appendix A: the TD1 specimen card.
const TD1_SPECIMEN: &str = "I<UTOD231458907<<<<<<<<<<<<<<<\n\
                            7408122F1204159UTO<<<<<<<<<<<6\n\
                            ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

/// Doc 9303 Part 6, Appendix A: the TD2 specimen.
const TD2_SPECIMEN: &str = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n\
                            D231458907UTO7408122F1204159<<<<<<<6";

/// Doc 9303 Part 11, Appendix D.2: TD1 with a 12-character document number.
const TD1_LONG_NUMBER: &str = "I<UTOD23145890<7349<<<<<<<<<<<\n\
                               3407127M9507122UTO<<<<<<<<<<<2\n\
                               STEVENSON<<PETER<JOHN<<<<<<<<<";

/// Doc 9303 Part 11, Appendix D.2: the same holder on a TD2.
const TD2_LONG_NUMBER: &str = "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\n\
                               D23145890<UTO3407127M95071227349<<<8";

/// A Kyrgyz-style ID card (fictitious data, layout of the 2017 card: code
/// `ID`, number `ID` + 7 digits, 14-digit PIN in optional data 1). Check
/// digits computed independently of this crate.
const KG_ID_CARD: &str = "IDKGZID1234567321505199012345<\n\
                          9005156M3106143KGZ<<<<<<<<<<<1\n\
                          ASANOV<<AZAMAT<<<<<<<<<<<<<<<<";

#[test]
fn check_digits_of_the_specimens() {
    assert_eq!(check_digit("L898902C3"), Some(6));
    assert_eq!(check_digit("740812"), Some(2));
    assert_eq!(check_digit("120415"), Some(9));
    assert_eq!(check_digit("ZE184226B<<<<<"), Some(1));
    assert_eq!(
        check_digit("L898902C3674081221204159ZE184226B<<<<<1"),
        Some(0)
    );
    assert_eq!(check_digit("D23145890"), Some(7));
    assert_eq!(check_digit("D23145890734"), Some(9));
    assert_eq!(check_digit(""), Some(0));
    assert_eq!(check_digit("ABC def"), None);
    assert_eq!(mrz::char_value('<'), Some(0));
    assert_eq!(mrz::char_value('Z'), Some(35));
    assert_eq!(mrz::char_value('a'), None);
}

#[test]
fn td3_specimen() {
    let m = ok(TD3_SPECIMEN);
    assert_eq!(
        m,
        Mrz {
            format: Format::Td3,
            document_code: "P<".into(),
            issuing_state: "UTO".into(),
            surname: "ERIKSSON".into(),
            given_names: "ANNA MARIA".into(),
            document_number: "L898902C3".into(),
            nationality: "UTO".into(),
            birth_date: MrzDate::new(74, 8, 12),
            sex: Sex::Female,
            expiry_date: MrzDate::new(12, 4, 15),
            optional_data_1: "ZE184226B".into(),
            optional_data_2: String::new(),
            empty_optional_check: EmptyCheck::Filler,
        }
    );
    assert_eq!(m.document_kind(), DocumentKind::Passport);
    assert_eq!(m.personal_number(), None);
    assert_recomposes(&m, TD3_SPECIMEN);
}

#[test]
fn td1_specimen() {
    let m = ok(TD1_SPECIMEN);
    assert_eq!(m.format, Format::Td1);
    assert_eq!(m.document_code, "I<");
    assert_eq!(m.document_kind(), DocumentKind::IdentityCard);
    assert_eq!(m.issuing_state, "UTO");
    assert_eq!(m.document_number, "D23145890");
    assert_eq!(m.birth_date, MrzDate::new(74, 8, 12));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(m.expiry_date, MrzDate::new(12, 4, 15));
    assert_eq!(m.nationality, "UTO");
    assert_eq!(m.optional_data_1, "");
    assert_eq!(m.optional_data_2, "");
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("ERIKSSON", "ANNA MARIA")
    );
    assert_recomposes(&m, TD1_SPECIMEN);
}

#[test]
fn td2_specimen() {
    let m = ok(TD2_SPECIMEN);
    assert_eq!(m.format, Format::Td2);
    assert_eq!(m.document_code, "I<");
    assert_eq!(m.document_number, "D23145890");
    assert_eq!(m.birth_date, MrzDate::new(74, 8, 12));
    assert_eq!(m.expiry_date, MrzDate::new(12, 4, 15));
    assert_eq!(m.sex, Sex::Female);
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("ERIKSSON", "ANNA MARIA")
    );
    assert_recomposes(&m, TD2_SPECIMEN);
}

#[test]
fn td1_long_document_number() {
    let m = ok(TD1_LONG_NUMBER);
    assert_eq!(m.document_number, "D23145890734");
    assert_eq!(m.optional_data_1, "");
    assert_eq!(m.sex, Sex::Male);
    assert_eq!(m.birth_date, MrzDate::new(34, 7, 12));
    assert_eq!(m.expiry_date, MrzDate::new(95, 7, 12));
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("STEVENSON", "PETER JOHN")
    );
    assert_recomposes(&m, TD1_LONG_NUMBER);

    // Its check digit in the optional data is checked.
    let bad = TD1_LONG_NUMBER.replacen("7349<", "7348<", 1);
    let errs = errors(&bad);
    assert!(errs.contains(&MrzError::CheckDigit {
        field: Field::DocumentNumber,
        expected: 9,
        found: '8',
        line: 1,
        column: 19,
    }));
}

#[test]
fn td2_long_document_number() {
    let m = ok(TD2_LONG_NUMBER);
    assert_eq!(m.format, Format::Td2);
    assert_eq!(m.document_number, "D23145890734");
    assert_eq!(m.optional_data_1, "");
    assert_recomposes(&m, TD2_LONG_NUMBER);
}

#[test]
fn long_document_number_needs_an_overflow() {
    // Filler at the check digit position and only a digit in the optional
    // data: not a long number, so the filler is a wrong check digit.
    let text = "I<UTOD23145890<7<<<<<<<<<<<<<<\n\
                7408122F1204159UTO<<<<<<<<<<<6\n\
                ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
    let errs = errors(text);
    assert!(errs.contains(&MrzError::CheckDigit {
        field: Field::DocumentNumber,
        expected: 7,
        found: '<',
        line: 1,
        column: 15,
    }));
}

#[test]
fn kyrgyz_id_card() {
    let m = ok(KG_ID_CARD);
    assert_eq!(m.format, Format::Td1);
    assert_eq!(m.document_code, "ID");
    assert_eq!(m.document_kind(), DocumentKind::IdentityCard);
    assert_eq!(m.issuing_state, "KGZ");
    assert_eq!(m.nationality, "KGZ");
    assert_eq!(m.document_number, "ID1234567");
    assert_eq!(m.optional_data_1, "21505199012345");
    assert_eq!(m.personal_number(), Some("21505199012345"));
    assert_eq!(m.sex, Sex::Male);
    assert_eq!(
        (m.surname.as_str(), m.given_names.as_str()),
        ("ASANOV", "AZAMAT")
    );
    let today = CalendarDate::new(2026, 5, 1);
    assert_eq!(
        m.birth_date.birth_date(today),
        Some(CalendarDate::new(1990, 5, 15))
    );
    assert_eq!(
        m.expiry_date.expiry_date(today),
        Some(CalendarDate::new(2031, 6, 14))
    );
    assert_recomposes(&m, KG_ID_CARD);
}

#[test]
fn personal_number_only_when_14_digits() {
    let mut m = ok(KG_ID_CARD);
    for (data, expected) in [
        ("2150519901234", None),   // 13 digits
        ("215051990123456", None), // 15 digits
        ("2150519901234A", None),  // a letter
        ("21505<99012345", None),  // a filler inside
        ("00000000000000", Some("00000000000000")),
    ] {
        m.optional_data_1 = data.into();
        assert_eq!(m.personal_number(), expected, "{data}");
    }
}

#[test]
fn kyrgyz_passport_with_pin_in_personal_number() {
    let fields = Mrz {
        format: Format::Td3,
        document_code: "P<".into(),
        issuing_state: "KGZ".into(),
        surname: "ASANOVA".into(),
        given_names: "AIGUL".into(),
        document_number: "AC1234567".into(),
        nationality: "KGZ".into(),
        birth_date: MrzDate::new(85, 2, 28),
        sex: Sex::Female,
        expiry_date: MrzDate::new(29, 11, 30),
        optional_data_1: "12802198500011".into(),
        optional_data_2: String::new(),
        empty_optional_check: EmptyCheck::Filler,
    };
    let text = compose_text(&fields).expect("composes");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "P<KGZASANOVA<<AIGUL<<<<<<<<<<<<<<<<<<<<<<<<<");
    // Check digits: number, birth, expiry, personal number, composite.
    let l2 = lines[1];
    assert_eq!(
        &l2[..28],
        format!(
            "AC1234567{}KGZ850228{}F291130{}",
            cd("AC1234567"),
            cd("850228"),
            cd("291130")
        )
    );
    assert_eq!(&l2[28..42], "12802198500011");
    assert_eq!(&l2[42..43], cd("12802198500011"));
    let composite = format!("{}{}{}", &l2[0..10], &l2[13..20], &l2[21..43]);
    assert_eq!(&l2[43..44], cd(&composite));
    let back = ok(&text);
    assert_eq!(back, fields);
    assert_eq!(back.personal_number(), Some("12802198500011"));
}

fn cd(s: &str) -> String {
    check_digit(s).expect("MRZ characters").to_string()
}

// ---------------------------------------------------------- input handling

#[test]
fn tolerates_trailing_whitespace_crlf_and_blank_lines() {
    let m = ok(TD1_SPECIMEN);
    let variants = [
        TD1_SPECIMEN.replace('\n', "\r\n"),
        format!("{TD1_SPECIMEN}\n"),
        format!("\n\n{TD1_SPECIMEN}\r\n\n  \n"),
        TD1_SPECIMEN.replace('\n', "   \t\n"),
        TD1_SPECIMEN.replace('\n', ""), // one unbroken line, as in DG1
    ];
    for v in &variants {
        assert_eq!(parse(v), Ok(m.clone()), "{v:?}");
    }
    let lines: Vec<&str> = TD1_SPECIMEN.lines().collect();
    assert_eq!(parse_lines(&lines), Ok(m.clone()));
    let owned: Vec<String> = lines.iter().map(|l| format!("{l} \r")).collect();
    assert_eq!(parse_lines(&owned), Ok(m));
    assert_eq!(parse(&TD3_SPECIMEN.replace('\n', "")), Ok(ok(TD3_SPECIMEN)));
    assert_eq!(parse(&TD2_SPECIMEN.replace('\n', "")), Ok(ok(TD2_SPECIMEN)));
}

#[test]
fn wrong_lengths_are_not_guessed_around() {
    // A leading space is not trailing whitespace.
    let text = TD1_SPECIMEN.replacen("7408", " 7408", 1);
    let e = parse(&text).expect_err("bad length");
    assert_eq!(e.format, Some(Format::Td1));
    assert_eq!(
        e.errors,
        vec![MrzError::BadLength {
            line: 2,
            expected: 30,
            found: 31
        }]
    );

    // A character lost from each line of a passport.
    let short: String = TD3_SPECIMEN
        .lines()
        .map(|l| &l[1..])
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        errors(&short),
        vec![
            MrzError::BadLength {
                line: 1,
                expected: 44,
                found: 43
            },
            MrzError::BadLength {
                line: 2,
                expected: 44,
                found: 43
            },
        ]
    );
}

#[test]
fn unknown_formats() {
    assert_eq!(errors(""), vec![MrzError::UnknownFormat { lines: 0 }]);
    assert_eq!(
        errors("\n \r\n"),
        vec![MrzError::UnknownFormat { lines: 0 }]
    );
    assert_eq!(errors("P<UTO"), vec![MrzError::UnknownFormat { lines: 1 }]);
    let four = format!("{TD1_SPECIMEN}\nERIKSSON<<ANNA<MARIA<<<<<<<<<<");
    assert_eq!(errors(&four), vec![MrzError::UnknownFormat { lines: 4 }]);
    let e = parse("").expect_err("empty");
    assert_eq!(e.format, None);
}

#[test]
fn bad_characters_are_each_reported() {
    // Lower case, a Cyrillic 'А' (looks like A) and a space.
    let text = TD1_SPECIMEN
        .replacen("ERIKSSON", "ErIKSSON", 1)
        .replacen("UTO<", "UTО<", 1) // Cyrillic О in line 2 nationality
        .replacen("<<ANNA", "< ANNA", 1);
    let errs = errors(&text);
    assert!(errs.contains(&MrzError::BadCharacter {
        line: 3,
        column: 2,
        found: 'r'
    }));
    assert!(errs.contains(&MrzError::BadCharacter {
        line: 2,
        column: 18,
        found: 'О'
    }));
    assert!(errs.contains(&MrzError::BadCharacter {
        line: 3,
        column: 10,
        found: ' '
    }));
    // A field holding a bad character is not reported again as another
    // error; the composite (TD1's does not cover the nationality) still
    // passes.
    assert_eq!(errs.len(), 3, "{errs:?}");
}

// ------------------------------------------------------------- field errors

#[test]
fn each_check_digit_names_its_field() {
    // TD3: number, birth, expiry, personal number, composite.
    let l1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    let cases: [(usize, char, Field, u8); 5] = [
        (9, '5', Field::DocumentNumber, 6),
        (19, '3', Field::DateOfBirth, 2),
        (27, '8', Field::DateOfExpiry, 9),
        (42, '2', Field::OptionalData1, 1),
        (43, '1', Field::Composite, 0),
    ];
    for (index, wrong, field, expected) in cases {
        let mut l2: Vec<char> = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"
            .chars()
            .collect();
        l2[index] = wrong;
        let l2: String = l2.into_iter().collect();
        let errs = errors(&format!("{l1}\n{l2}"));
        let want = MrzError::CheckDigit {
            field,
            expected,
            found: wrong,
            line: 2,
            column: index + 1,
        };
        assert!(errs.contains(&want), "{field}: {errs:?}");
        // Every check digit but the composite's is covered by the composite.
        let composite_too = field != Field::Composite;
        assert_eq!(errs.len(), if composite_too { 2 } else { 1 }, "{errs:?}");
    }
}

#[test]
fn a_wrong_data_character_fails_its_check_and_the_composite() {
    // OCR read the 8 of the document number as B.
    let text = TD3_SPECIMEN.replacen("L898902C3", "L89B902C3", 1);
    let errs = errors(&text);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(matches!(
        errs[0],
        MrzError::CheckDigit {
            field: Field::DocumentNumber,
            found: '6',
            ..
        }
    ));
    assert!(matches!(
        errs[1],
        MrzError::CheckDigit {
            field: Field::Composite,
            found: '0',
            ..
        }
    ));
}

#[test]
fn all_problems_are_reported_together() {
    let text = "I<UTOD231458908<<<<<<<<<<<<<<<\n\
                7413122X1204150UT0<<<<<<<<<<<1\n\
                ERIK5SON<<ANNA<MARIA<<<<<<<<<<";
    let e = parse(text).expect_err("many problems");
    let fields: Vec<Option<Field>> = e.errors.iter().map(MrzError::field).collect();
    for field in [
        Field::DocumentNumber,
        Field::DateOfBirth,
        Field::DateOfExpiry,
        Field::Nationality,
        Field::Name,
        Field::Composite,
    ] {
        assert!(
            fields.contains(&Some(field)),
            "{field} missing from {:?}",
            e.errors
        );
    }
    assert!(e.errors.contains(&MrzError::InvalidDate {
        field: Field::DateOfBirth,
        found: "741312".into(),
        line: 2,
        column: 1,
    }));
    assert!(e.errors.contains(&MrzError::FieldCharacter {
        field: Field::Nationality,
        line: 2,
        column: 18,
        found: '0',
        allowed: Allowed::LetterOrFiller,
    }));
    assert!(e.errors.contains(&MrzError::FieldCharacter {
        field: Field::Name,
        line: 3,
        column: 5,
        found: '5',
        allowed: Allowed::LetterOrFiller,
    }));
    // Sex X is allowed; no error for it.
    assert!(!e.has_field(Field::Sex));
    let message = e.to_string();
    assert!(message.starts_with("invalid MRZ (TD1): "), "{message}");
    for err in &e.errors {
        assert!(err.span().is_some());
    }
}

#[test]
fn sex_values() {
    for (c, sex) in [
        ('M', Sex::Male),
        ('F', Sex::Female),
        ('<', Sex::Unspecified),
        ('X', Sex::X),
    ] {
        let mut fields = ok(TD1_SPECIMEN);
        fields.sex = sex;
        let text = compose_text(&fields).expect("composes");
        assert_eq!(text.lines().nth(1).and_then(|l| l.chars().nth(7)), Some(c));
        assert_eq!(ok(&text).sex, sex);
    }
    // 'U' is not a sex; the composite does not cover position 8, so only
    // that is reported.
    let text = TD1_SPECIMEN.replacen("2F12", "2U12", 1);
    assert_eq!(
        errors(&text),
        vec![MrzError::BadSex {
            found: 'U',
            line: 2,
            column: 8
        }]
    );
}

#[test]
fn invalid_dates() {
    let with_birth = |yymmdd: &str| -> Result<Mrz, mrz::MrzErrors> {
        let mut fields = ok(TD1_SPECIMEN);
        fields.birth_date = MrzDate::new(0, 1, 1);
        let text = compose_text(&fields).expect("composes");
        // Replace the date and fix its check digit and the composite so that
        // only the date itself can be wrong.
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let cdb = check_digit(yymmdd).expect("mrz chars");
        lines[1] = format!("{yymmdd}{cdb}{}", &lines[1][7..]);
        let composite = format!(
            "{}{}{}{}",
            &lines[0][5..30],
            &lines[1][0..7],
            &lines[1][8..15],
            &lines[1][18..29]
        );
        let c = check_digit(&composite).expect("mrz chars");
        lines[1] = format!("{}{c}", &lines[1][..29]);
        parse_lines(&lines)
    };
    for bad in [
        "741312", "740012", "740100", "740230", "750229", "740431", "7<0101", "74AB01", "<<<<3<",
    ] {
        let e = with_birth(bad).expect_err(bad);
        assert_eq!(
            e.errors,
            vec![MrzError::InvalidDate {
                field: Field::DateOfBirth,
                found: bad.into(),
                line: 2,
                column: 1
            }],
            "{bad}"
        );
    }
    for good in [
        "000229", "960229", "741231", "740131", "7401<<", "74<<<<", "<<<<<<", "74<<15",
    ] {
        let m = with_birth(good).unwrap_or_else(|e| panic!("{good}: {e}"));
        assert_eq!(m.birth_date.to_mrz(), good);
    }
    let partial = with_birth("74<<<<").expect("partial date");
    assert_eq!(
        partial.birth_date,
        MrzDate {
            year: Some(74),
            month: None,
            day: None
        }
    );
    assert!(!partial.birth_date.is_complete());
    assert_eq!(
        partial.birth_date.birth_date(CalendarDate::new(2026, 1, 1)),
        None
    );
    assert_eq!(
        partial.birth_date.birth_year(CalendarDate::new(2026, 1, 1)),
        Some(1974)
    );
}

#[test]
fn td3_empty_personal_number_check_may_be_filler_or_zero() {
    let filler = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
                  L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8";
    let zero = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n\
                L898902C36UTO7408122F1204159<<<<<<<<<<<<<<08";
    let a = ok(filler);
    let b = ok(zero);
    assert_eq!(a.optional_data_1, "");
    assert_eq!(a.empty_optional_check, EmptyCheck::Filler);
    assert_eq!(b.empty_optional_check, EmptyCheck::Zero);
    assert_recomposes(&a, filler);
    assert_recomposes(&b, zero);
    // Any other digit is wrong.
    let errs = errors(&zero.replacen("<08", "<18", 1));
    assert!(errs.contains(&MrzError::CheckDigit {
        field: Field::OptionalData1,
        expected: 0,
        found: '1',
        line: 2,
        column: 43,
    }));
    // A filler check digit is only allowed for an empty personal number.
    let errs = errors(&TD3_SPECIMEN.replacen("<<10", "<<<0", 1));
    assert!(errs.contains(&MrzError::CheckDigit {
        field: Field::OptionalData1,
        expected: 1,
        found: '<',
        line: 2,
        column: 43,
    }));
}

#[test]
fn field_characters() {
    // A filler as the first character of the document code; a digit in the
    // issuing state.
    let text = TD1_SPECIMEN.replacen("I<UTO", "<<UT0", 1);
    let errs = errors(&text);
    assert!(errs.contains(&MrzError::FieldCharacter {
        field: Field::DocumentCode,
        line: 1,
        column: 1,
        found: '<',
        allowed: Allowed::Letter,
    }));
    assert!(errs.contains(&MrzError::FieldCharacter {
        field: Field::IssuingState,
        line: 1,
        column: 5,
        found: '0',
        allowed: Allowed::LetterOrFiller,
    }));
    assert_eq!(errs.len(), 2, "{errs:?}");
}

// ----------------------------------------------------------------- helpers

#[test]
fn century_resolution() {
    let today = CalendarDate::new(2026, 6, 15);
    let birth = |yy, mm, dd| MrzDate::new(yy, mm, dd).birth_year(today);
    assert_eq!(birth(74, 8, 12), Some(1974));
    assert_eq!(birth(5, 1, 1), Some(2005));
    assert_eq!(birth(26, 6, 15), Some(2026)); // born today
    assert_eq!(birth(26, 6, 16), Some(1926)); // tomorrow: a century ago
    assert_eq!(birth(26, 7, 1), Some(1926));
    assert_eq!(birth(27, 1, 1), Some(1927));
    assert_eq!(birth(0, 1, 1), Some(2000));
    let expiry = |yy| MrzDate::new(yy, 1, 1).expiry_year(today);
    assert_eq!(expiry(12), Some(2012));
    assert_eq!(expiry(36), Some(2036));
    assert_eq!(expiry(75), Some(2075));
    assert_eq!(expiry(76), Some(1976));
    assert_eq!(expiry(99), Some(1999));
    let unknown = MrzDate {
        year: None,
        month: Some(1),
        day: Some(1),
    };
    assert_eq!(unknown.birth_year(today), None);
    assert_eq!(unknown.expiry_year(today), None);
    // No overflow at the edges of u16.
    let edge = CalendarDate::new(u16::MAX, 12, 31);
    let _ = MrzDate::new(99, 1, 1).birth_year(edge);
    let _ = MrzDate::new(99, 1, 1).expiry_year(edge);
    let _ = MrzDate::new(99, 1, 1).birth_year(CalendarDate::new(0, 1, 1));
    let _ = MrzDate::new(0, 1, 1).expiry_year(CalendarDate::new(0, 1, 1));
}

#[test]
fn document_kinds() {
    for (code, kind) in [
        ("P<", DocumentKind::Passport),
        ("PP", DocumentKind::Passport),
        ("PD", DocumentKind::DiplomaticPassport),
        ("PS", DocumentKind::ServicePassport),
        ("PO", DocumentKind::OfficialPassport),
        ("I<", DocumentKind::IdentityCard),
        ("ID", DocumentKind::IdentityCard),
        ("AC", DocumentKind::OtherTravelDocument),
        ("C<", DocumentKind::OtherTravelDocument),
        ("V<", DocumentKind::Visa),
        ("X<", DocumentKind::Other),
        ("", DocumentKind::Other),
    ] {
        assert_eq!(DocumentKind::from_code(code), kind, "{code}");
    }
}

// ------------------------------------------------------------- composition

#[test]
fn compose_rejects_what_parse_could_not_return() {
    let base = ok(TD3_SPECIMEN);
    let with = |f: &dyn Fn(&mut Mrz)| {
        let mut m = base.clone();
        f(&mut m);
        compose(&m).expect_err("must be rejected")
    };
    assert_eq!(
        with(&|m| m.surname = "ERIKSSONERIKSSONERIKSSONERIKSSON".into()),
        ComposeError::TooLong {
            field: Field::Name,
            max: 39,
            found: 44
        }
    );
    assert_eq!(
        with(&|m| m.surname = "Eriksson".into()),
        ComposeError::BadCharacter {
            field: Field::Name,
            found: 'r'
        }
    );
    assert!(matches!(
        with(&|m| m.surname = "VAN  DYK".into()),
        ComposeError::NotCanonical {
            field: Field::Name,
            ..
        }
    ));
    assert!(matches!(
        with(&|m| m.given_names = "ANNA ".into()),
        ComposeError::NotCanonical {
            field: Field::Name,
            ..
        }
    ));
    assert_eq!(
        with(&|m| m.document_code = "P".into()),
        ComposeError::BadLength {
            field: Field::DocumentCode,
            expected: 2,
            found: 1
        }
    );
    assert_eq!(
        with(&|m| m.document_code = "<P".into()),
        ComposeError::BadCharacter {
            field: Field::DocumentCode,
            found: '<'
        }
    );
    assert_eq!(
        with(&|m| m.nationality = "UT0".into()),
        ComposeError::BadCharacter {
            field: Field::Nationality,
            found: '0'
        }
    );
    assert_eq!(
        with(&|m| m.birth_date = MrzDate::new(74, 2, 30)),
        ComposeError::InvalidDate {
            field: Field::DateOfBirth
        }
    );
    assert_eq!(
        with(&|m| m.document_number = "L898902C3X".into()),
        ComposeError::TooLong {
            field: Field::DocumentNumber,
            max: 9,
            found: 10
        }
    );
    assert!(matches!(
        with(&|m| m.document_number = "L898902<".into()),
        ComposeError::NotCanonical {
            field: Field::DocumentNumber,
            ..
        }
    ));
    assert_eq!(
        with(&|m| m.optional_data_2 = "X".into()),
        ComposeError::NotApplicable {
            field: Field::OptionalData2,
            format: Format::Td3
        }
    );
    assert_eq!(
        with(&|m| m.empty_optional_check = EmptyCheck::Zero),
        ComposeError::NotApplicable {
            field: Field::OptionalData1,
            format: Format::Td3
        }
    );
    assert_eq!(
        with(&|m| m.optional_data_1 = "ZE184226B123456".into()),
        ComposeError::TooLong {
            field: Field::OptionalData1,
            max: 14,
            found: 15
        }
    );

    let td1 = ok(TD1_LONG_NUMBER);
    let mut m = td1.clone();
    m.optional_data_1 = "ABC".into();
    assert!(matches!(
        compose(&m),
        Err(ComposeError::NotCanonical {
            field: Field::OptionalData1,
            ..
        })
    ));
    m.optional_data_1 = "<ABC".into();
    let text = compose_text(&m).expect("optional data after the overflow");
    assert!(text.starts_with("I<UTOD23145890<7349<ABC<<<<<<<"), "{text}");
    assert_eq!(ok(&text), m);
    m.document_number = "D23145890<34".into();
    assert!(matches!(
        compose(&m),
        Err(ComposeError::NotCanonical {
            field: Field::DocumentNumber,
            ..
        })
    ));
    m.document_number = "D2314589073456789012345".into(); // 23: the most TD1 holds
    m.optional_data_1 = String::new();
    let text = compose_text(&m).expect("longest TD1 number");
    assert_eq!(ok(&text).document_number, "D2314589073456789012345");
    m.document_number.push('6');
    assert_eq!(
        compose(&m),
        Err(ComposeError::TooLong {
            field: Field::DocumentNumber,
            max: 23,
            found: 24
        })
    );
    let mut m = td1;
    m.empty_optional_check = EmptyCheck::Zero;
    assert_eq!(
        compose(&m),
        Err(ComposeError::NotApplicable {
            field: Field::OptionalData1,
            format: Format::Td1
        })
    );
}

#[test]
fn errors_serialize_for_the_ui() {
    let e = parse(&TD3_SPECIMEN.replacen("7408122", "7408123", 1)).expect_err("bad digit");
    let json = format!("{:?}", e.errors);
    assert!(json.contains("DateOfBirth"));
    // serde derives exist (compile-time check).
    fn is_serialize<T: serde::Serialize>(_: &T) {}
    is_serialize(&e);
    is_serialize(&ok(TD3_SPECIMEN));
}
