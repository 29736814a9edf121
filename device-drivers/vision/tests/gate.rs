//! The confidence gate and the check-digit repair, on synthetic classifier scores: a
//! fixed adversarial set of wrong reads that the repair must never turn into an
//! accepted MRZ.

use mrz::Format;
use vision::glyphs::CLASSES;
use vision::{MrzConfig, MrzOutcome, decide};

const TD1: [&str; 3] = ["IDKGZID1234567321505199012345<", "9005156M3106143KGZ<<<<<<<<<<<1", "ASANOV<<AZAMAT<<<<<<<<<<<<<<<<"];

fn td3() -> Vec<String> {
    let m = mrz::Mrz {
        format: Format::Td3,
        document_code: "P<".into(),
        issuing_state: "KGZ".into(),
        surname: "TOKTOGULOVA".into(),
        given_names: "AIGUL".into(),
        document_number: "AC1234567".into(),
        nationality: "KGZ".into(),
        birth_date: mrz::MrzDate::new(84, 2, 29),
        sex: mrz::Sex::Female,
        expiry_date: mrz::MrzDate::new(30, 12, 31),
        optional_data_1: "12902198412345".into(),
        optional_data_2: String::new(),
        empty_optional_check: mrz::EmptyCheck::Filler,
    };
    mrz::compose(&m).unwrap_or_default()
}

fn allowed(format: Format, l: usize, c: usize, ch: char) -> bool {
    vision::layout::kinds(format)[l][c].allows(class(ch))
}

/// Two characters the check digits cannot tell apart: values equal modulo 10 (`6`
/// and `G`, `0` and `A`/`K`/`U`, `<` and `0`…).
fn same_check_value(a: char, b: char) -> bool {
    mrz::char_value(a).map(|v| v % 10) == mrz::char_value(b).map(|v| v % 10)
}

fn class(c: char) -> usize {
    CLASSES.iter().position(|&x| char::from(x) == c).unwrap_or(36)
}

/// Scores where every cell reads its character of `lines` clearly.
fn clean(lines: &[&str]) -> Vec<Vec<[f32; 37]>> {
    lines
        .iter()
        .map(|l| {
            l.chars()
                .map(|c| {
                    let mut s = [0.2f32; 37];
                    s[class(c)] = 0.95;
                    s
                })
                .collect()
        })
        .collect()
}

fn format_of(lines: &[&str]) -> Format {
    if lines.len() == 3 { Format::Td1 } else { Format::Td3 }
}

/// Look-alikes a camera confuses.
const LOOK_ALIKES: &[(char, &[char])] = &[
    ('0', &['O', 'D', 'Q', '8']),
    ('1', &['I', '7', 'T']),
    ('2', &['Z', '7']),
    ('3', &['8', '9']),
    ('4', &['A', '9']),
    ('5', &['S', '6']),
    ('6', &['G', '5', '8']),
    ('7', &['1', 'T', '2']),
    ('8', &['B', '3', '0', '6']),
    ('9', &['4', '3', '0']),
    ('A', &['4']),
    ('B', &['8']),
    ('C', &['G', '0']),
    ('D', &['0', 'O']),
    ('G', &['6', 'C']),
    ('I', &['1', 'T']),
    ('K', &['X']),
    ('M', &['N', 'W']),
    ('O', &['0', 'Q']),
    ('S', &['5']),
    ('Z', &['2']),
    ('<', &['K', 'X']),
];

fn alikes(c: char) -> Vec<char> {
    LOOK_ALIKES.iter().find(|(k, _)| *k == c).map(|(_, v)| v.to_vec()).unwrap_or_else(|| vec!['X', 'K'])
}

#[test]
fn clean_reads_are_accepted_exactly() {
    let td3 = td3();
    let td3: Vec<&str> = td3.iter().map(String::as_str).collect();
    for lines in [&TD1[..], &td3[..]] {
        let outcome = decide(format_of(lines), &clean(lines), &MrzConfig::default());
        let MrzOutcome::Accepted { read, .. } = outcome else { panic!("not accepted: {outcome:?}") };
        assert_eq!(read.lines, lines.to_vec());
        assert_eq!(read.repaired, 0);
    }
}

#[test]
fn a_confident_misread_anywhere_is_rejected_or_exact() {
    // Every checked position, every look-alike read confidently: the check digits
    // reject it — except look-alikes of equal value modulo 10 (`6`/`G`), which no
    // check digit sees, and names, nationality, sex, which none covers: there only the
    // confidence of the classifier protects, which is why the gate demands it.
    let config = MrzConfig::default();
    let td3 = td3();
    let td3: Vec<&str> = td3.iter().map(String::as_str).collect();
    for lines in [&TD1[..], &td3[..]] {
        let format = format_of(lines);
        for (l, line) in lines.iter().enumerate() {
            for (c, truth) in line.chars().enumerate() {
                if !vision::layout::repairable(format, l, c) {
                    continue;
                }
                for wrong in alikes(truth) {
                    if same_check_value(truth, wrong) || !allowed(format, l, c, wrong) {
                        continue;
                    }
                    let mut s = clean(lines);
                    s[l][c][class(truth)] = 0.2;
                    s[l][c][class(wrong)] = 0.95;
                    if let MrzOutcome::Accepted { read, .. } = decide(format, &s, &config) {
                        panic!("confident misread {truth}->{wrong} at {l}:{c} accepted as {:?}", read.lines);
                    }
                }
            }
        }
    }
}

#[test]
fn repair_never_turns_a_wrong_read_into_an_accepted_one() {
    let config = MrzConfig::default();
    let mut cases = 0;
    let mut repaired_exactly = 0;
    let td3 = td3();
    let td3: Vec<&str> = td3.iter().map(String::as_str).collect();
    for lines in [&TD1[..], &td3[..]] {
        let format = format_of(lines);
        let positions: Vec<(usize, usize, char)> = lines
            .iter()
            .enumerate()
            .flat_map(|(l, line)| line.chars().enumerate().map(move |(c, ch)| (l, c, ch)))
            .collect();
        for &(l, c, truth) in &positions {
            let alike: Vec<char> = alikes(truth).into_iter().filter(|&w| allowed(format, l, c, w)).collect();
            // (a) a doubtful cell whose look-alike wins narrowly, the truth second:
            //     repaired to the truth, or rejected — never anything else.
            for &wrong in &alike {
                let mut s = clean(lines);
                s[l][c] = [0.2; 37];
                s[l][c][class(wrong)] = 0.86;
                s[l][c][class(truth)] = 0.84;
                cases += 1;
                match decide(format, &s, &config) {
                    MrzOutcome::Accepted { read, .. } => {
                        assert_eq!(read.lines, lines.to_vec(), "{truth}->{wrong} at {l}:{c}");
                        repaired_exactly += 1;
                    }
                    MrzOutcome::Rejected { .. } | MrzOutcome::NotFound => {}
                }
            }
            // (b) the truth nowhere near the top: two look-alikes compete. Nothing
            //     the repair can choose is right, so nothing may be accepted. (Not
            //     with a look-alike of the truth's value modulo 10: that would be a
            //     confident misread no check digit can see.)
            let alike: Vec<char> = alike.into_iter().filter(|&w| !same_check_value(w, truth)).collect();
            if alike.len() >= 2 {
                let mut s = clean(lines);
                s[l][c] = [0.2; 37];
                s[l][c][class(alike[0])] = 0.86;
                s[l][c][class(alike[1])] = 0.84;
                cases += 1;
                if let MrzOutcome::Accepted { read, .. } = decide(format, &s, &config) {
                    panic!("both candidates wrong at {l}:{c} ({truth}), yet accepted {:?}", read.lines);
                }
            }
        }
        // (c) two doubtful cells at once in the same field, both wrong-first.
        for (l, c1, c2) in [(0usize, 7usize, 9usize), (1, 1, 3), (1, 9, 10)] {
            let (l, c1, c2) = if format == Format::Td3 { (1, c1, c2) } else { (l, c1, c2) };
            let line: Vec<char> = lines[l].chars().collect();
            let (t1, t2) = (line[c1], line[c2]);
            let mut s = clean(lines);
            for (c, t) in [(c1, t1), (c2, t2)] {
                let w = alikes(t)[0];
                s[l][c] = [0.2; 37];
                s[l][c][class(w)] = 0.86;
                s[l][c][class(alikes(t)[1 % alikes(t).len()])] = 0.84;
            }
            cases += 1;
            if let MrzOutcome::Accepted { read, .. } = decide(format, &s, &config) {
                assert_eq!(read.lines, lines.to_vec(), "two doubtful cells at {l}:{c1},{c2}");
            }
        }
    }
    assert!(cases > 200, "the adversarial set is what it claims to be ({cases})");
    assert!(repaired_exactly > 0, "the repair does repair something");
}

#[test]
fn doubt_in_a_name_rejects_even_when_everything_else_checks() {
    let config = MrzConfig::default();
    let mut s = clean(&TD1);
    // 'Z' of AZAMAT doubtful between Z and 2 is impossible (letters only); use Z vs X
    s[2][9] = [0.2; 37];
    s[2][9][class('Z')] = 0.90;
    s[2][9][class('X')] = 0.89;
    assert!(matches!(decide(Format::Td1, &s, &config), MrzOutcome::Rejected { .. }));
}

#[test]
fn low_scores_everywhere_are_rejected() {
    let td3 = td3();
    let td3: Vec<&str> = td3.iter().map(String::as_str).collect();
    let mut s = clean(&td3);
    for row in &mut s {
        for cell in row.iter_mut() {
            for v in cell.iter_mut() {
                *v *= 0.5;
            }
        }
    }
    assert!(matches!(decide(Format::Td3, &s, &MrzConfig::default()), MrzOutcome::Rejected { .. }));
}
