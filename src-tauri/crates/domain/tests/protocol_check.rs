//! The control relations (§63) checked on many protocols of both shipped forms: each
//! fixture is consistent or has planted mistakes, and the test asserts exactly which
//! relations are violated, with which message and arguments. The rendered sentences in
//! both languages are checked in `tests/tests/protocol_explanations.rs`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use domain::MessageArg;
use domain::election::{Contest, ElectionDefinition, parse_definition};
use domain::protocol::{Comparison, ContestProtocol, ProtocolForm, Term, Violation, check, parse_form};

fn asset(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets").join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn form(name: &str) -> ProtocolForm {
    parse_form(&asset(&format!("protocol-forms/{name}.toml"))).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn election(name: &str) -> ElectionDefinition {
    parse_definition(&asset(&format!("elections/{name}.toml"))).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

/// A count at a regular station of the city-council demo (options p1–p5, against all)
/// that satisfies every relation: 1500 voters, 1130 ballots issued (30 outside), 370
/// cancelled, 1123 in the boxes, 23 invalid, 1100 valid.
const REGULAR_BASE: &[(&str, u64)] = &[
    ("voters-in-list", 1500),
    ("voters-in-electronic-list", 1500),
    ("ballots-received", 1500),
    ("ballots-issued-in-premises", 1100),
    ("ballots-issued-outside", 30),
    ("ballots-cancelled", 370),
    ("ballots-in-portable-boxes", 28),
    ("ballots-in-stationary-boxes", 1095),
    ("ballots-invalid", 23),
    ("ballots-valid", 1100),
    ("ballots-lost", 0),
    ("ballots-not-accounted", 0),
    ("p1", 400),
    ("p2", 300),
    ("p3", 200),
    ("p4", 100),
    ("p5", 60),
    ("against-all", 40),
];

/// District № 1 of the remote-voting demo (candidates c1–c4, against all): 420 remote
/// participants, 5 duplicates printed for spoiled ballots, 418 ballots in the AEU.
const REMOTE_BASE: &[(&str, u64)] = &[
    ("remote-participants", 420),
    ("ballots-printed", 425),
    ("ballots-issued", 420),
    ("ballots-cancelled", 5),
    ("ballots-in-aeu", 418),
    ("ballots-valid", 410),
    ("ballots-invalid", 8),
    ("c1", 150),
    ("c2", 120),
    ("c3", 80),
    ("c4", 40),
    ("against-all", 20),
];

#[derive(Clone, Copy)]
enum Station {
    /// The city-council demo's contest on `pec-regular`.
    Regular,
    /// A district of the remote-voting demo (by index) on `pec-remote-district`.
    Remote(usize),
}

/// In a fixture's `set`: every option of the contest, whatever its id.
const EVERY_OPTION: &str = "every-option";

struct Fixture {
    name: &'static str,
    station: Station,
    /// Values that differ from the base; the rest is the base.
    set: &'static [(&'static str, u64)],
    /// The violated relations in the form's order: id, message, left and right totals.
    violated: &'static [(&'static str, &'static str, i64, i64)],
}

const FIXTURES: &[Fixture] = &[
    Fixture { name: "regular: a consistent count", station: Station::Regular, set: &[], violated: &[] },
    Fixture {
        name: "regular: nobody came, every figure 0",
        station: Station::Regular,
        set: &[
            ("voters-in-list", 0), ("voters-in-electronic-list", 0), ("ballots-received", 0),
            ("ballots-issued-in-premises", 0), ("ballots-issued-outside", 0), ("ballots-cancelled", 0),
            ("ballots-in-portable-boxes", 0), ("ballots-in-stationary-boxes", 0), ("ballots-invalid", 0),
            ("ballots-valid", 0), ("p1", 0), ("p2", 0), ("p3", 0), ("p4", 0), ("p5", 0), ("against-all", 0),
        ],
        violated: &[],
    },
    Fixture {
        name: "regular: the paper list's total differs from the electronic list (§33, §53)",
        station: Station::Regular,
        set: &[("voters-in-electronic-list", 1499)],
        violated: &[("lists-agree", "protocol-violation-eq", 1500, 1499)],
    },
    Fixture {
        name: "regular: more ballots issued than voters in the list (§53)",
        station: Station::Regular,
        set: &[("voters-in-list", 1120), ("voters-in-electronic-list", 1120)],
        violated: &[("issued-within-list", "protocol-violation-le", 1130, 1120)],
    },
    Fixture {
        name: "regular: the cancelled ballots miscounted by one (§52)",
        station: Station::Regular,
        set: &[("ballots-cancelled", 371)],
        violated: &[("ballot-balance", "protocol-violation-eq", 1500, 1501)],
    },
    Fixture {
        name: "regular: two ballots lost, the balance still closes",
        station: Station::Regular,
        set: &[("ballots-lost", 2), ("ballots-cancelled", 368)],
        violated: &[],
    },
    Fixture {
        name: "regular: three ballots not accounted for at receipt, recorded",
        station: Station::Regular,
        set: &[("ballots-not-accounted", 3), ("ballots-cancelled", 373)],
        violated: &[],
    },
    Fixture {
        name: "regular: three ballots not accounted for at receipt, forgotten",
        station: Station::Regular,
        set: &[("ballots-cancelled", 373)],
        violated: &[("ballot-balance", "protocol-violation-eq", 1500, 1503)],
    },
    Fixture {
        name: "regular: a portable box holds more than the ballots issued outside (§54)",
        station: Station::Regular,
        set: &[("ballots-in-portable-boxes", 31), ("ballots-in-stationary-boxes", 1092)],
        violated: &[("portable-within-issued-outside", "protocol-violation-le", 31, 30)],
    },
    Fixture {
        name: "regular: more ballots in the boxes than issued (§57)",
        station: Station::Regular,
        set: &[("ballots-in-stationary-boxes", 1105), ("ballots-valid", 1110), ("against-all", 50)],
        violated: &[("boxes-within-issued", "protocol-violation-le", 1133, 1130)],
    },
    Fixture {
        name: "regular: one invalid ballot too many (§61)",
        station: Station::Regular,
        set: &[("ballots-invalid", 24)],
        violated: &[("boxes-sorted", "protocol-violation-eq", 1124, 1123)],
    },
    Fixture {
        name: "regular: one party's pile miscounted (§59)",
        station: Station::Regular,
        set: &[("p3", 201)],
        violated: &[("votes-add-up", "protocol-violation-eq", 1100, 1101)],
    },
    Fixture {
        name: "regular: «against all» left out",
        station: Station::Regular,
        set: &[("against-all", 0)],
        violated: &[("votes-add-up", "protocol-violation-eq", 1100, 1060)],
    },
    Fixture {
        name: "regular: a typo in the valid ballots breaks two equalities",
        station: Station::Regular,
        set: &[("ballots-valid", 1010)],
        violated: &[
            ("boxes-sorted", "protocol-violation-eq", 1033, 1123),
            ("votes-add-up", "protocol-violation-eq", 1010, 1100),
        ],
    },
    Fixture {
        name: "regular: digits swapped in the ballots issued in the premises",
        station: Station::Regular,
        set: &[("ballots-issued-in-premises", 1010)],
        violated: &[
            ("ballot-balance", "protocol-violation-eq", 1500, 1410),
            ("boxes-within-issued", "protocol-violation-le", 1123, 1040),
        ],
    },
    Fixture {
        name: "regular: a portable box counted twice",
        station: Station::Regular,
        set: &[("ballots-in-portable-boxes", 56)],
        violated: &[
            ("portable-within-issued-outside", "protocol-violation-le", 56, 30),
            ("boxes-within-issued", "protocol-violation-le", 1151, 1130),
            ("boxes-sorted", "protocol-violation-eq", 1123, 1151),
        ],
    },
    Fixture { name: "remote: a consistent district", station: Station::Remote(0), set: &[], violated: &[] },
    Fixture {
        name: "remote: a duplicate printed but its spoiled ballot not cancelled (R4.4)",
        station: Station::Remote(0),
        set: &[("ballots-cancelled", 4)],
        violated: &[("printed-balance", "protocol-violation-eq", 425, 424)],
    },
    Fixture {
        name: "remote: one participant more than ballots issued (R5.6)",
        station: Station::Remote(0),
        set: &[("remote-participants", 421)],
        violated: &[("issued-to-participants", "protocol-violation-eq", 420, 421)],
    },
    Fixture {
        name: "remote: more ballots in the AEU than issued (§57)",
        station: Station::Remote(0),
        set: &[("ballots-in-aeu", 421), ("ballots-valid", 413), ("c1", 153)],
        violated: &[("aeu-within-issued", "protocol-violation-le", 421, 420)],
    },
    Fixture {
        name: "remote: invalid ballots miscounted",
        station: Station::Remote(0),
        set: &[("ballots-invalid", 9)],
        violated: &[("aeu-sorted", "protocol-violation-eq", 419, 418)],
    },
    Fixture {
        name: "remote: a candidate's pile miscounted (R5.2)",
        station: Station::Remote(0),
        set: &[("c2", 119)],
        violated: &[("votes-add-up", "protocol-violation-eq", 410, 409)],
    },
    Fixture {
        name: "remote: more duplicates than participants (a duplicate only once, R4.4)",
        station: Station::Remote(0),
        set: &[
            ("remote-participants", 3), ("ballots-printed", 8), ("ballots-issued", 3), ("ballots-cancelled", 5),
            ("ballots-in-aeu", 3), ("ballots-valid", 3), ("ballots-invalid", 0),
            ("c1", 3), ("c2", 0), ("c3", 0), ("c4", 0), ("against-all", 0),
        ],
        violated: &[("duplicates-within-participants", "protocol-violation-le", 5, 3)],
    },
    Fixture {
        name: "remote: a district none of whose voters came, every figure 0",
        station: Station::Remote(2),
        set: &[
            ("remote-participants", 0), ("ballots-printed", 0), ("ballots-issued", 0), ("ballots-cancelled", 0),
            ("ballots-in-aeu", 0), ("ballots-valid", 0), ("ballots-invalid", 0), (EVERY_OPTION, 0),
        ],
        violated: &[],
    },
    Fixture {
        name: "remote: the printed count read off the wrong district",
        station: Station::Remote(1),
        set: &[("ballots-printed", 52)],
        violated: &[("printed-balance", "protocol-violation-eq", 52, 425)],
    },
];

struct Case {
    form: ProtocolForm,
    contest: Contest,
    protocol: ContestProtocol,
}

fn case(station: Station, set: &[(&str, u64)]) -> Case {
    let (form, contest, base) = match station {
        Station::Regular => (form("pec-regular"), election("demo-city-council-regular").contests[0].clone(), REGULAR_BASE),
        Station::Remote(index) => {
            (form("pec-remote-district"), election("demo-jk-2025-remote").contests[index].clone(), REMOTE_BASE)
        }
    };
    let mut lines = BTreeMap::new();
    let mut options = BTreeMap::new();
    // Another district has other candidates: the base's votes go to its options in order.
    let base_votes: Vec<u64> = base.iter().filter(|(id, _)| form.line(id).is_none()).map(|(_, v)| *v).collect();
    for (id, value) in base.iter().filter(|(id, _)| form.line(id).is_some()) {
        lines.insert((*id).to_owned(), *value);
    }
    // The base's «against all» to this contest's, the base's candidates to this contest's
    // in order, the surplus ones to its last candidate: the valid ballots still add up.
    let choices = &base_votes[..base_votes.len().saturating_sub(1)];
    let candidates: Vec<&domain::election::BallotOption> =
        contest.options.iter().filter(|o| o.kind != domain::election::OptionKind::AgainstAll).collect();
    for (index, option) in candidates.iter().enumerate() {
        let votes = if index + 1 == candidates.len() {
            choices.iter().skip(index).sum()
        } else {
            choices.get(index).copied().unwrap_or(0)
        };
        options.insert(option.id.clone(), votes);
    }
    for option in contest.options.iter().filter(|o| o.kind == domain::election::OptionKind::AgainstAll) {
        options.insert(option.id.clone(), base_votes.last().copied().unwrap_or(0));
    }
    for (id, value) in set {
        if *id == EVERY_OPTION {
            options.values_mut().for_each(|votes| *votes = *value);
        } else if form.line(id).is_some() {
            lines.insert((*id).to_owned(), *value);
        } else {
            assert!(options.contains_key(*id), "{id} is neither a line nor an option");
            options.insert((*id).to_owned(), *value);
        }
    }
    let protocol = ContestProtocol::new(&form, &contest, lines, options).unwrap_or_else(|problems| panic!("{problems:#?}"));
    Case { form, contest, protocol }
}

fn text(args: &BTreeMap<String, MessageArg>, name: &str) -> String {
    match args.get(name) {
        Some(MessageArg::Text(text)) => text.clone(),
        Some(MessageArg::Number(number)) => number.to_string(),
        None => panic!("no argument {name} in {args:?}"),
    }
}

fn number(args: &BTreeMap<String, MessageArg>, name: &str) -> i64 {
    match args.get(name) {
        Some(MessageArg::Number(number)) => *number,
        other => panic!("argument {name} is {other:?}"),
    }
}

/// What every explanation must say, whatever the fixture: the sides' totals, the lines by
/// the form's number and label in the language, the clause, the difference.
fn assert_explanation_is_faithful(case: &Case, violation: &Violation, language: &str) {
    let (message, args) = violation.explain(&case.form, language);
    let relation = case.form.relation(&violation.relation).unwrap_or_else(|| panic!("no {}", violation.relation));
    assert_eq!(message, format!("protocol-violation-{}", relation.comparison.key()));
    assert_eq!(text(&args, "clause"), relation.clause.clone().unwrap_or_else(|| "none".into()));
    assert_eq!(number(&args, "difference"), (violation.left.total - violation.right.total).abs());
    for (side, values) in [("left", &violation.left), ("right", &violation.right)] {
        assert_eq!(number(&args, &format!("{side}_value")), values.total, "{side}");
        let kind = text(&args, &format!("{side}_kind"));
        match kind.as_str() {
            "line" => {
                let Term::Line { id } = &values.terms[0].term else { panic!("{side}: {values:?}") };
                let line = case.form.line(id).unwrap_or_else(|| panic!("no line {id}"));
                assert_eq!(text(&args, &format!("{side}_number")), line.number);
                assert_eq!(text(&args, &format!("{side}_label")), line.label.get(language));
            }
            "options" => {
                assert_eq!(text(&args, &format!("{side}_first")), case.form.option_number(0));
                assert_eq!(text(&args, &format!("{side}_last")), case.form.option_number(case.contest.options.len() - 1));
                assert_eq!(text(&args, &format!("{side}_label")), case.form.options.label.get(language));
            }
            "sum" => {
                let terms = text(&args, &format!("{side}_terms"));
                for term in &values.terms {
                    if let Term::Line { id } = &term.term {
                        let line = case.form.line(id).unwrap_or_else(|| panic!("no line {id}"));
                        let said = format!("{} «{}» ({})", line.number, line.label.get(language), term.value);
                        assert!(terms.contains(&said), "{side}: {terms:?} lacks {said:?}");
                    }
                }
            }
            other => panic!("unexpected kind {other}"),
        }
    }
}

#[test]
fn r63_every_fixture_violates_exactly_the_planted_relations() {
    assert!(FIXTURES.len() >= 20);
    let mut violations_seen = 0;
    for fixture in FIXTURES {
        let case = case(fixture.station, fixture.set);
        let violations = check(&case.form, &case.contest, &case.protocol);
        let found: Vec<(&str, &str, i64, i64)> = violations
            .iter()
            .map(|v| {
                let (message, _) = v.explain(&case.form, "ru");
                (v.relation.as_str(), message, v.left.total, v.right.total)
            })
            .collect();
        assert_eq!(found, fixture.violated, "{}", fixture.name);
        for violation in &violations {
            violations_seen += 1;
            assert_eq!(violation.option_count as usize, case.contest.options.len());
            for language in ["ky", "ru"] {
                assert_explanation_is_faithful(&case, violation, language);
            }
        }
    }
    assert!(violations_seen >= 20, "only {violations_seen} violations planted");
}

fn violation(station: Station, set: &[(&str, u64)], relation: &str) -> (Case, Violation) {
    let case = case(station, set);
    let found = check(&case.form, &case.contest, &case.protocol)
        .into_iter()
        .find(|v| v.relation == relation)
        .unwrap_or_else(|| panic!("{relation} not violated"));
    (case, found)
}

#[test]
fn s33_s53_lists_that_disagree_are_explained_line_by_line() {
    let (case, violation) = violation(Station::Regular, &[("voters-in-electronic-list", 1499)], "lists-agree");
    let (message, args) = violation.explain(&case.form, "ru");
    assert_eq!(message, "protocol-violation-eq");
    assert_eq!(text(&args, "left_kind"), "line");
    assert_eq!(text(&args, "left_number"), "1");
    assert_eq!(number(&args, "left_value"), 1500);
    assert_eq!(text(&args, "right_number"), "2");
    assert_eq!(text(&args, "right_label"), "Число избирателей в электронном списке избирателей");
    assert_eq!(number(&args, "right_value"), 1499);
    assert_eq!(number(&args, "difference"), 1);
    assert_eq!(text(&args, "clause"), "§33, §53");
    let (_, ky) = violation.explain(&case.form, "ky");
    assert_eq!(text(&ky, "right_label"), "Шайлоочулардын электрондук тизмесиндеги шайлоочулардын саны");
}

#[test]
fn s57_boxes_beyond_issued_name_both_sums() {
    let set = &[("ballots-in-stationary-boxes", 1105), ("ballots-valid", 1110), ("against-all", 50)];
    let (case, violation) = violation(Station::Regular, set, "boxes-within-issued");
    assert_eq!(violation.comparison, Comparison::AtMost);
    let (_, args) = violation.explain(&case.form, "ru");
    assert_eq!(text(&args, "left_kind"), "sum");
    assert_eq!(
        text(&args, "left_terms"),
        "7 «Число бюллетеней, содержащихся в переносных ящиках для голосования» (28) + \
         8 «Число бюллетеней, содержащихся в стационарных ящиках для голосования и АСУ» (1105)"
    );
    assert_eq!(number(&args, "left_value"), 1133);
    assert_eq!(number(&args, "right_value"), 1130);
    assert_eq!(text(&args, "clause"), "§57");
}

#[test]
fn s59_votes_are_named_by_the_option_lines_of_the_contest() {
    let (case, violation) = violation(Station::Regular, &[("p3", 201)], "votes-add-up");
    let (_, args) = violation.explain(&case.form, "ky");
    assert_eq!(text(&args, "right_kind"), "options");
    assert_eq!((text(&args, "right_first"), text(&args, "right_last")), ("13".into(), "18".into()));
    assert_eq!(number(&args, "right_value"), 1101);
    // A remote district of the demo has four candidates and «against all»: lines 8–12.
    let (case, violation) = violation_remote(&[("c2", 119)]);
    let (_, args) = violation.explain(&case.form, "ru");
    assert_eq!((text(&args, "right_first"), text(&args, "right_last")), ("8".into(), "12".into()));
}

fn violation_remote(set: &[(&str, u64)]) -> (Case, Violation) {
    violation(Station::Remote(0), set, "votes-add-up")
}

#[test]
fn the_ballot_balance_is_said_with_its_minus() {
    let (case, violation) = violation(Station::Regular, &[("ballots-cancelled", 373), ("ballots-lost", 1)], "ballot-balance");
    let (_, args) = violation.explain(&case.form, "ru");
    let terms = text(&args, "right_terms");
    assert!(terms.starts_with("4 «"), "{terms}");
    assert!(terms.contains(" + 11 «Число утраченных бюллетеней» (1) − 12 «Число бюллетеней, не учтённых при получении» (0)"), "{terms}");
    assert_eq!(number(&args, "right_value"), 1504);
    assert_eq!(number(&args, "difference"), 4);
}

#[test]
fn r63_relations_in_words_name_the_printed_lines() {
    let regular = form("pec-regular");
    let said = |id: &str, options: usize| {
        let relation = regular.relation(id).unwrap_or_else(|| panic!("no {id}"));
        relation.in_words(&regular, options)
    };
    let (message, args) = said("votes-add-up", 6);
    assert_eq!(message, "protocol-relation-eq");
    assert_eq!((text(&args, "left_kind"), text(&args, "left_number")), ("line".into(), "10".into()));
    assert_eq!((text(&args, "right_kind"), text(&args, "right_first"), text(&args, "right_last")), ("options".into(), "13".into(), "18".into()));
    let (message, args) = said("boxes-within-issued", 6);
    assert_eq!(message, "protocol-relation-le");
    assert_eq!((text(&args, "left_kind"), text(&args, "left_terms")), ("sum".into(), "7 + 8".into()));
    assert_eq!(text(&args, "right_terms"), "4 + 5");
    let (_, args) = said("ballot-balance", 6);
    assert_eq!(text(&args, "right_terms"), "4 + 5 + 6 + 11 − 12");
    assert_eq!(text(&args, "clause"), "§35, §52");
    // Every relation of both forms has its words.
    for name in ["pec-regular", "pec-remote-district"] {
        let form = form(name);
        for relation in &form.relations {
            let (message, args) = relation.in_words(&form, 5);
            assert_eq!(message, format!("protocol-relation-{}", relation.comparison.key()));
            assert!(["line", "options", "sum"].contains(&text(&args, "left_kind").as_str()), "{}", relation.id);
        }
    }
}

#[test]
fn constants_are_said_as_numbers_not_taken_for_lines() {
    let mut text_form = asset("protocol-forms/pec-regular.toml");
    text_form = text_form.replacen(
        "check = \"ballots-in-portable-boxes <= ballots-issued-outside\"",
        "check = \"ballots-in-portable-boxes + 2 <= ballots-issued-outside - 3 + 1\"",
        1,
    );
    let form = parse_form(&text_form).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let relation = form.relation("portable-within-issued-outside").unwrap_or_else(|| panic!("no relation"));
    let (_, args) = relation.in_words(&form, 6);
    assert_eq!((text(&args, "left_kind"), text(&args, "left_terms"), text(&args, "left_number")), ("sum-plus-number".into(), "7".into(), "2".into()));
    assert_eq!((text(&args, "right_kind"), text(&args, "right_terms"), text(&args, "right_number")), ("sum-minus-number".into(), "5".into(), "2".into()));
    // 28 + 2 > 30 − 2: violated, and the explanation keeps the constants in the terms.
    let contest = election("demo-city-council-regular").contests[0].clone();
    let mut lines: BTreeMap<String, u64> = BTreeMap::new();
    let mut options: BTreeMap<String, u64> = BTreeMap::new();
    for (id, value) in REGULAR_BASE {
        if form.line(id).is_some() { lines.insert((*id).into(), *value); } else { options.insert((*id).into(), *value); }
    }
    let protocol = ContestProtocol::new(&form, &contest, lines, options).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let violations = check(&form, &contest, &protocol);
    assert_eq!(violations.len(), 1, "{violations:#?}");
    let (_, args) = violations[0].explain(&form, "ru");
    assert!(text(&args, "left_terms").ends_with("(28) + 2"), "{args:?}");
    assert_eq!(number(&args, "left_value"), 30);
    assert_eq!(number(&args, "right_value"), 28);
}

#[test]
fn a_protocol_names_every_missing_or_unknown_figure() {
    let form = form("pec-regular");
    let contest = election("demo-city-council-regular").contests[0].clone();
    let mut lines: BTreeMap<String, u64> =
        REGULAR_BASE.iter().filter(|(id, _)| form.line(id).is_some()).map(|(id, v)| ((*id).to_owned(), *v)).collect();
    let mut options: BTreeMap<String, u64> =
        REGULAR_BASE.iter().filter(|(id, _)| form.line(id).is_none()).map(|(id, v)| ((*id).to_owned(), *v)).collect();
    lines.remove("ballots-lost");
    lines.remove("ballots-invalid");
    lines.insert("ballots-spoiled".into(), 8);
    options.remove("p2");
    options.insert("p9".into(), 1);
    let problems = ContestProtocol::new(&form, &contest, lines, options).err().unwrap_or_default();
    let said: Vec<(&str, String, Option<String>)> = problems
        .iter()
        .map(|p| {
            let subject = if p.args.contains_key("line") { text(&p.args, "line") } else { text(&p.args, "option") };
            (p.message_id, subject, p.args.get("number").map(|_| text(&p.args, "number")))
        })
        .collect();
    let expected = [
        ("protocol-error-missing-figure", "ballots-invalid", Some("9")),
        ("protocol-error-missing-figure", "ballots-lost", Some("11")),
        ("protocol-error-unknown-figure", "ballots-spoiled", None),
        ("protocol-error-missing-votes", "p2", Some("14")),
        ("protocol-error-unknown-option", "p9", None),
    ];
    let expected: Vec<(&str, String, Option<String>)> =
        expected.iter().map(|(id, subject, number)| (*id, (*subject).to_owned(), number.map(str::to_owned))).collect();
    assert_eq!(said, expected);
}

#[test]
fn a_protocol_survives_a_trip_through_json() {
    let case = case(Station::Remote(0), &[]);
    let json = serde_json::to_string(&case.protocol).unwrap_or_else(|error| panic!("{error}"));
    let back: ContestProtocol = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(back, case.protocol);
    assert_eq!(back.line("ballots-printed"), Some(425));
    assert_eq!(back.votes("against-all"), Some(20));
}

#[test]
fn the_types_the_ui_shows_have_typescript_twins() {
    use domain::protocol::{FormLine, Side, TermValue};
    use ts_rs::TS;
    let config = ts_rs::Config::new().with_large_int("number");
    for declaration in [
        FormLine::decl(&config),
        Violation::decl(&config),
        Side::decl(&config),
        TermValue::decl(&config),
        Term::decl(&config),
        ContestProtocol::decl(&config),
        ProtocolForm::decl(&config),
    ] {
        assert!(!declaration.contains("bigint"), "{declaration}");
    }
    assert!(Violation::decl(&config).contains("relation: string"));
    assert!(Term::decl(&config).contains("\"kind\": \"options\""), "{}", Term::decl(&config));
    assert!(ContestProtocol::decl(&config).contains("lines: Record<string, number>"));
}
