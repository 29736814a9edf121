//! Protocol form files: the shipped forms parse and pin every line in an equality, each
//! kind of mistake in a form gets its own message naming its field (and, in a check, the
//! relation and the position), and `docs/protocol-form.md` documents every field and
//! every rule.

use std::path::PathBuf;

use domain::DomainError;
use domain::MessageArg;
use domain::election::{StationKind, parse_definition};
use domain::protocol::{Comparison, LineKind, SHIPPED_FORMS, Sign, SignedTerm, Term, form_for, parse_form};

fn asset(path: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets").join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn regular() -> String {
    asset("protocol-forms/pec-regular.toml")
}

fn remote() -> String {
    asset("protocol-forms/pec-remote-district.toml")
}

/// `text` with the first occurrence of `from` replaced; fails if `from` is not there, so
/// a test never passes because its mutation silently did nothing.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture no longer contains {from:?}");
    text.replacen(from, to, 1)
}

fn problems(text: &str) -> Vec<DomainError> {
    match parse_form(text) {
        Ok(form) => panic!("accepted a broken form: {}", form.id),
        Err(problems) => problems,
    }
}

fn arg(error: &DomainError, name: &str) -> Option<String> {
    match error.args.get(name)? {
        MessageArg::Text(text) => Some(text.clone()),
        MessageArg::Number(number) => Some(number.to_string()),
    }
}

/// The only problem reported, checked for its message id and field.
fn single_problem(text: &str, message_id: &str, field: &str) -> DomainError {
    let problems = problems(text);
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    let problem = problems.into_iter().next().unwrap_or_else(|| unreachable!());
    assert_eq!(problem.message_id, message_id, "{problem:?}");
    assert_eq!(arg(&problem, "field").as_deref(), Some(field), "{problem:?}");
    problem
}

/// The problem expected, among others that are only its consequences (a renamed line
/// leaves the relations that named it with an unknown line).
fn problem_among(text: &str, message_id: &str, field: &str, consequences: &[&str]) -> DomainError {
    let problems = problems(text);
    let found = problems
        .iter()
        .find(|p| p.message_id == message_id && arg(p, "field").as_deref() == Some(field))
        .cloned()
        .unwrap_or_else(|| panic!("no {message_id} naming {field}: {problems:#?}"));
    for other in problems.iter().filter(|p| **p != found) {
        assert!(consequences.contains(&other.message_id), "unexpected {other:?}");
    }
    found
}

/// A problem in a relation's check: its message, field, relation and position.
fn check_problem(text: &str, message_id: &str, field: &str, relation: &str, position: usize) -> DomainError {
    let problem = single_problem(text, message_id, field);
    assert_eq!(arg(&problem, "relation").as_deref(), Some(relation), "{problem:?}");
    assert_eq!(arg(&problem, "position"), Some(position.to_string()), "{problem:?}");
    problem
}

/// Replaces the check of the relation `id` of the regular form.
fn with_check(id: &str, check: &str) -> String {
    let text = regular();
    let start = text.find(&format!("id = \"{id}\"\ncheck = \"")).unwrap_or_else(|| panic!("no relation {id}"));
    let check_start = start + text[start..].find("check = \"").unwrap_or(0) + "check = \"".len();
    let check_end = check_start + text[check_start..].find('"').unwrap_or(0);
    format!("{}{}{}", &text[..check_start], check, &text[check_end..])
}

// ------------------------------------------------------------------ the shipped forms

#[test]
fn the_shipped_forms_parse() {
    assert_eq!(SHIPPED_FORMS.len(), 2);
    for (name, text) in SHIPPED_FORMS {
        let form = parse_form(text).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
        assert_eq!(format!("{}.toml", form.id), name);
        assert!(!form.note.is_empty());
        assert!(form.lines.iter().all(|line| !line.label.ky.is_empty() && !line.label.ru.is_empty()));
        assert!(form.lines.iter().any(|line| line.label.ky != line.label.ru), "{name}: labels not translated");
    }
    // The embedded copies are the files in assets/.
    assert_eq!(SHIPPED_FORMS[0].1, regular());
    assert_eq!(SHIPPED_FORMS[1].1, remote());
}

#[test]
fn r63_every_line_of_the_shipped_forms_is_in_an_equality() {
    for (name, text) in SHIPPED_FORMS {
        let form = parse_form(text).unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
        let equalities: Vec<_> = form
            .relations
            .iter()
            .filter(|relation| relation.comparison == Comparison::Equal)
            .map(|relation| relation.coefficients())
            .collect();
        for line in &form.lines {
            assert!(
                equalities.iter().any(|c| c.lines.get(&line.id).is_some_and(|k| *k != 0)),
                "{name}: line {} ({}) is in no equality",
                line.number,
                line.id
            );
        }
        assert!(equalities.iter().any(|c| c.options != 0), "{name}: the options are in no equality");
    }
}

#[test]
fn every_station_kind_has_exactly_one_shipped_form() {
    let forms: Vec<_> = SHIPPED_FORMS.iter().filter_map(|(_, text)| parse_form(text).ok()).collect();
    for (name, kind) in StationKind::ALL {
        let serving: Vec<&str> =
            forms.iter().filter(|form| form.applies_to(kind)).map(|form| form.id.as_str()).collect();
        assert_eq!(serving.len(), 1, "{name}: served by {serving:?}");
    }
    let id = |kind| form_for(kind).map(|form| form.id.clone()).unwrap_or_else(|problems| panic!("{problems:?}"));
    assert_eq!(id(StationKind::Regular), "pec-regular");
    assert_eq!(id(StationKind::Abroad), "pec-regular");
    assert_eq!(id(StationKind::RemoteVoting), "pec-remote-district");
}

#[test]
fn the_regular_form_has_the_lines_of_s35_and_s52_to_s62_and_the_required_relations() {
    let form = parse_form(&regular()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    for id in [
        "voters-in-list",
        "ballots-received",
        "ballots-issued-in-premises",
        "ballots-issued-outside",
        "ballots-cancelled",
        "ballots-in-portable-boxes",
        "ballots-in-stationary-boxes",
        "ballots-invalid",
        "ballots-valid",
        "ballots-lost",
        "ballots-not-accounted",
    ] {
        assert!(form.line(id).is_some(), "no line {id}");
    }
    let relation = |id: &str| form.relation(id).unwrap_or_else(|| panic!("no relation {id}"));
    assert_eq!(relation("issued-within-list").comparison, Comparison::AtMost);
    assert_eq!(relation("boxes-within-issued").comparison, Comparison::AtMost);
    assert_eq!(relation("boxes-within-issued").clause.as_deref(), Some("§57"));
    assert_eq!(relation("votes-add-up").right, vec![SignedTerm { sign: Sign::Plus, term: Term::Options }]);
    // received = issued + cancelled + lost − not accounted
    let balance = relation("ballot-balance").coefficients();
    assert_eq!(balance.lines.get("ballots-received"), Some(&1));
    for id in ["ballots-issued-in-premises", "ballots-issued-outside", "ballots-cancelled", "ballots-lost"] {
        assert_eq!(balance.lines.get(id), Some(&-1), "{id}");
    }
    assert_eq!(balance.lines.get("ballots-not-accounted"), Some(&1));
}

#[test]
fn r5_6_the_remote_form_has_the_electronic_protocols_fields() {
    let form = parse_form(&remote()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    for id in ["remote-participants", "ballots-valid", "ballots-invalid", "ballots-printed", "ballots-issued", "ballots-cancelled"] {
        assert!(form.line(id).is_some(), "no line {id}");
    }
    let printed = form.relation("printed-balance").map(|relation| relation.coefficients());
    assert_eq!(printed.as_ref().and_then(|c| c.lines.get("ballots-printed")), Some(&1));
    assert_eq!(printed.as_ref().and_then(|c| c.lines.get("ballots-issued")), Some(&-1));
    assert_eq!(printed.as_ref().and_then(|c| c.lines.get("ballots-cancelled")), Some(&-1));
    assert_eq!(form.relation("issued-to-participants").map(|r| r.comparison), Some(Comparison::Equal));
}

#[test]
fn a_contests_options_are_lines_numbered_where_the_form_says() {
    let election = parse_definition(&asset("elections/demo-city-council-regular.toml"))
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    let contest = &election.contests[0];
    let form = parse_form(&regular()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let lines = form.lines_for(contest);
    assert_eq!(lines.len(), form.lines.len() + contest.options.len());
    let numbers: Vec<&str> = lines.iter().map(|line| line.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"]);
    let options: Vec<_> = lines.iter().filter(|line| line.kind == LineKind::Option).collect();
    assert_eq!(options.len(), contest.options.len());
    for (line, option) in options.iter().zip(&contest.options) {
        assert_eq!(line.id, option.id);
        assert_eq!(line.label, option.name);
    }
    assert_eq!(options.last().map(|line| line.label.ru.as_str()), Some("Против всех"));
    // The remote form puts them after «invalid», from 8.
    let jk = parse_definition(&asset("elections/demo-jk-2025-remote.toml")).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let remote = parse_form(&remote()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    let lines = remote.lines_for(&jk.contests[1]);
    let invalid = lines.iter().position(|line| line.id == "ballots-invalid").unwrap_or(usize::MAX);
    assert_eq!(lines[invalid + 1].kind, LineKind::Option);
    assert_eq!(lines[invalid + 1].number, "8");
}

// ------------------------------------------------------------------ the form's fields

#[test]
fn syntax_error_names_its_line() {
    let text = replace_once(&regular(), "number_from = 13", "number_from = = 13");
    let line = regular().lines().position(|l| l == "number_from = 13").map(|i| i + 1);
    let problems = problems(&text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].message_id, "protocol-error-syntax");
    assert_eq!(arg(&problems[0], "line"), line.map(|l| l.to_string()));
}

#[test]
fn unknown_format_version_is_reported() {
    let problem = single_problem(&replace_once(&regular(), "format = 1", "format = 2"), "protocol-error-format-version", "format");
    assert_eq!(arg(&problem, "value").as_deref(), Some("2"));
}

#[test]
fn a_misspelt_key_is_reported_not_ignored() {
    let text = replace_once(&regular(), "clause = \"§35\"", "clase = \"§35\"");
    single_problem(&text, "protocol-error-unknown-field", "line[3].clase");
    let text = replace_once(&regular(), "number_from = 13", "number_from = 13\nstart = 1");
    single_problem(&text, "protocol-error-unknown-field", "options.start");
    let text = replace_once(
        &regular(),
        "check = \"ballots-valid == sum(options)\"\n",
        "check = \"ballots-valid == sum(options)\"\napplies_when = \"always\"\n",
    );
    single_problem(&text, "protocol-error-unknown-field", "relation[7].applies_when");
    let text = format!("version = 3\n{}", regular());
    single_problem(&text, "protocol-error-unknown-field", "version");
}

#[test]
fn missing_fields_are_reported_naming_them() {
    let cases = [
        ("format = 1\n", "", "format"),
        ("id = \"pec-regular\"\n", "", "id"),
        ("note = \"\"\"", "nothing = \"\"\"", "note"),
        ("station_kinds = [\"regular\", \"abroad\"]", "station_kinds = []", "station_kinds"),
        ("ky = \"Участкалык шайлоо комиссиясынын добуш берүүнүн жыйынтыктары жөнүндө протоколу\"\n", "", "title.ky"),
        ("label.ru = \"Число утраченных бюллетеней\"", "label.ru = \"  \"", "line[11].label.ru"),
        ("after = \"ballots-not-accounted\"\n", "", "options.after"),
        ("number_from = 13\n", "", "options.number_from"),
        ("check = \"ballots-valid == sum(options)\"", "check = \"\"", "relation[7].check"),
    ];
    for (from, to, field) in cases {
        let problems = problems(&replace_once(&regular(), from, to));
        assert!(
            problems.iter().any(|p| p.message_id == "protocol-error-missing-field" && arg(p, "field").as_deref() == Some(field)),
            "removing {field}: {problems:#?}"
        );
    }
    // A line without a number, without a label.
    let text = replace_once(&regular(), "number = \"4\"\n", "");
    single_problem(&text, "protocol-error-missing-field", "line[4].number");
    let text = replace_once(&regular(), "label.ky = \"Жараксыз бюллетендердин саны\"\nlabel.ru = \"Число недействительных бюллетеней\"\n", "");
    single_problem(&text, "protocol-error-missing-field", "line[9].label");
    // No [options] at all.
    let start = regular().find("[options]").unwrap_or(0);
    let end = regular().find("[[relation]]").unwrap_or(0);
    let text = format!("{}{}", &regular()[..start], &regular()[end..]);
    let problems = problems(&text);
    assert!(problems.iter().any(|p| p.message_id == "protocol-error-missing-field" && arg(p, "field").as_deref() == Some("options")), "{problems:#?}");
}

#[test]
fn unknown_and_duplicate_station_kinds_are_reported() {
    let text = replace_once(&regular(), "[\"regular\", \"abroad\"]", "[\"regular\", \"mobile\"]");
    let problem = single_problem(&text, "protocol-error-unknown-station-kind", "station_kinds[2]");
    assert_eq!(arg(&problem, "value").as_deref(), Some("mobile"));
    assert_eq!(arg(&problem, "allowed").as_deref(), Some("regular, remote-voting, abroad"));
    let text = replace_once(&regular(), "[\"regular\", \"abroad\"]", "[\"regular\", \"abroad\", \"regular\"]");
    single_problem(&text, "protocol-error-duplicate-station-kind", "station_kinds[3]");
}

#[test]
fn ids_must_be_kebab_case() {
    for bad in ["Ballots-Valid", "ballots_valid", "ballots--valid", "-ballots", "ballots-", "1ballots", "бюллетени"] {
        let text = replace_once(&regular(), "id = \"ballots-lost\"", &format!("id = \"{bad}\""));
        let problem = problem_among(&text, "protocol-error-bad-id", "line[11].id", &["protocol-error-unknown-line"]);
        assert_eq!(arg(&problem, "value").as_deref(), Some(bad));
    }
    let text = replace_once(&regular(), "id = \"votes-add-up\"", "id = \"votes add up\"");
    single_problem(&text, "protocol-error-bad-id", "relation[7].id");
}

#[test]
fn duplicate_lines_numbers_and_relations_are_reported() {
    let text = replace_once(&regular(), "id = \"ballots-lost\"", "id = \"ballots-valid\"");
    let problem = problem_among(&text, "protocol-error-duplicate-line", "line[11].id", &["protocol-error-unknown-line"]);
    assert_eq!(arg(&problem, "value").as_deref(), Some("ballots-valid"));
    let text = replace_once(&regular(), "number = \"11\"", "number = \"10\"");
    single_problem(&text, "protocol-error-duplicate-number", "line[11].number");
    // An integer number is the same number as the string.
    let text = replace_once(&regular(), "number = \"11\"", "number = 10");
    single_problem(&text, "protocol-error-duplicate-number", "line[11].number");
    let text = replace_once(&regular(), "id = \"boxes-sorted\"", "id = \"lists-agree\"");
    single_problem(&text, "protocol-error-duplicate-relation", "relation[6].id");
}

#[test]
fn a_line_number_is_text_or_a_whole_number() {
    for bad in ["1.5", "true", "-3", "[1]"] {
        let text = replace_once(&regular(), "number = \"11\"", &format!("number = {bad}"));
        single_problem(&text, "protocol-error-bad-number", "line[11].number");
    }
    let text = replace_once(&regular(), "number = \"11\"", "number = \"9а\"");
    let form = parse_form(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(form.line("ballots-lost").map(|line| line.number.as_str()), Some("9а"));
}

#[test]
fn the_options_must_follow_a_line_and_not_collide_with_line_numbers() {
    let text = replace_once(&regular(), "after = \"ballots-not-accounted\"", "after = \"ballots-spoiled\"");
    let problem = single_problem(&text, "protocol-error-options-after-unknown", "options.after");
    assert_eq!(arg(&problem, "value").as_deref(), Some("ballots-spoiled"));
    for bad in ["0", "10000", "-1"] {
        let text = replace_once(&regular(), "number_from = 13", &format!("number_from = {bad}"));
        single_problem(&text, "protocol-error-bad-number-from", "options.number_from");
    }
    let text = replace_once(&regular(), "number_from = 13", "number_from = 12");
    let problem = single_problem(&text, "protocol-error-number-collision", "line[12].number");
    assert_eq!(arg(&problem, "first").as_deref(), Some("12"));
}

#[test]
fn a_form_without_lines_is_reported() {
    let start = regular().find("[[line]]").unwrap_or(0);
    let end = regular().find("# The contest's options").unwrap_or(0);
    let text = format!("{}{}", &regular()[..start], &regular()[end..]);
    let problems = problems(&text);
    assert!(problems.iter().any(|p| p.message_id == "protocol-error-no-lines" && arg(p, "field").as_deref() == Some("line")));
    // With no lines, the relations' lines are unknown and the options have nowhere to go.
    assert!(problems.iter().any(|p| p.message_id == "protocol-error-options-after-unknown"));
    assert!(problems.iter().any(|p| p.message_id == "protocol-error-unknown-line"));
}

// ------------------------------------------------------------------ checks

#[test]
fn each_kind_of_bad_check_has_its_own_message_with_relation_and_position() {
    let field = "relation[1].check";
    let relation = "lists-agree";
    // "voters-in-list" is 14 characters; the operator sits at 16.
    check_problem(&with_check(relation, "voters-in-list = voters-in-electronic-list"), "protocol-error-check-single-equals", field, relation, 16);
    let problem = check_problem(&with_check(relation, "voters-in-list * 2 == voters-in-electronic-list"), "protocol-error-check-character", field, relation, 16);
    assert_eq!(arg(&problem, "found").as_deref(), Some("*"));
    check_problem(&with_check(relation, "voters-in-list != voters-in-electronic-list"), "protocol-error-check-character", field, relation, 16);
    let problem = check_problem(&with_check(relation, "voters-in-list == + voters-in-electronic-list"), "protocol-error-check-expected-term", field, relation, 19);
    assert_eq!(arg(&problem, "found").as_deref(), Some("+"));
    check_problem(&with_check(relation, "voters-in-list == voters-in-electronic-list +"), "protocol-error-check-ends-early", field, relation, 46);
    check_problem(&with_check(relation, "voters-in-list =="), "protocol-error-check-ends-early", field, relation, 18);
    let problem = check_problem(&with_check(relation, "voters-in-list voters-in-electronic-list"), "protocol-error-check-expected-operator", field, relation, 16);
    assert_eq!(arg(&problem, "found").as_deref(), Some("voters-in-electronic-list"));
    check_problem(&with_check(relation, "(voters-in-list == voters-in-electronic-list"), "protocol-error-check-unclosed", field, relation, 1);
    check_problem(&with_check(relation, "voters-in-list) == voters-in-electronic-list"), "protocol-error-check-unmatched", field, relation, 15);
    let problem = check_problem(&with_check(relation, "max(voters-in-list) == voters-in-electronic-list"), "protocol-error-check-function", field, relation, 1);
    assert_eq!(arg(&problem, "found").as_deref(), Some("max(voters-in-list)"));
    check_problem(&with_check(relation, "sum(lines) == voters-in-electronic-list"), "protocol-error-check-function", field, relation, 1);
    check_problem(&with_check(relation, "voters-in-list == 99999999999999999999999"), "protocol-error-check-number", field, relation, 19);
    let problem = check_problem(&with_check(relation, "voters-in-list == voters-in-e-list"), "protocol-error-unknown-line", field, relation, 19);
    assert_eq!(arg(&problem, "value").as_deref(), Some("voters-in-e-list"));
    // `a-b` without spaces is one (unknown) id, not a subtraction.
    let problem = check_problem(
        &with_check("ballot-balance", "ballots-received == ballots-issued-in-premises + ballots-issued-outside + ballots-cancelled + ballots-lost-ballots-not-accounted"),
        "protocol-error-unknown-line",
        "relation[3].check",
        "ballot-balance",
        95,
    );
    assert_eq!(arg(&problem, "value").as_deref(), Some("ballots-lost-ballots-not-accounted"));
}

#[test]
fn a_check_needs_exactly_one_comparison() {
    let problem = single_problem(&with_check("lists-agree", "voters-in-list + voters-in-electronic-list"), "protocol-error-check-comparison-count", "relation[1].check");
    assert_eq!(arg(&problem, "count").as_deref(), Some("0"));
    assert_eq!(arg(&problem, "relation").as_deref(), Some("lists-agree"));
    let problem = single_problem(
        &with_check("issued-within-list", "ballots-issued-outside <= ballots-issued-in-premises <= voters-in-list"),
        "protocol-error-check-comparison-count",
        "relation[2].check",
    );
    assert_eq!(arg(&problem, "count").as_deref(), Some("2"));
}

#[test]
fn every_unknown_line_of_a_check_is_reported() {
    let problems = problems(&with_check("lists-agree", "voters == electronic-voters"));
    let named: Vec<(String, String)> = problems
        .iter()
        .filter(|p| p.message_id == "protocol-error-unknown-line")
        .map(|p| (arg(p, "value").unwrap_or_default(), arg(p, "position").unwrap_or_default()))
        .collect();
    assert_eq!(named, [("voters".into(), "1".into()), ("electronic-voters".into(), "11".into())]);
    // A relation that could not be read does not make its lines look uncovered.
    assert!(!problems.iter().any(|p| p.message_id == "protocol-error-line-not-in-equality"), "{problems:#?}");
}

#[test]
fn a_relation_that_names_no_line_is_reported() {
    let cancelled = problems(&with_check("lists-agree", "voters-in-list - voters-in-list == 0"));
    assert!(
        cancelled.iter().any(|p| p.message_id == "protocol-error-constant-relation"
            && arg(p, "field").as_deref() == Some("relation[1].check")
            && arg(p, "relation").as_deref() == Some("lists-agree")),
        "{cancelled:#?}"
    );
    let numbers_only = problems(&with_check("lists-agree", "1 + 2 == 3"));
    assert!(numbers_only.iter().any(|p| p.message_id == "protocol-error-constant-relation"), "{numbers_only:#?}");
}

#[test]
fn r63_a_line_that_is_only_a_bound_is_reported() {
    // Without «lists-agree», the voters in the list are only a bound (≤) and the
    // electronic list's count is in no relation at all.
    let text = with_check("lists-agree", "voters-in-list <= voters-in-electronic-list");
    let problems = problems(&text);
    let fields: Vec<(String, String)> = problems
        .iter()
        .map(|p| {
            assert_eq!(p.message_id, "protocol-error-line-not-in-equality", "{p:?}");
            (arg(p, "field").unwrap_or_default(), arg(p, "number").unwrap_or_default())
        })
        .collect();
    assert_eq!(fields, [("line[1]".into(), "1".into()), ("line[2]".into(), "2".into())]);
    assert_eq!(arg(&problems[0], "value").as_deref(), Some("voters-in-list"));
}

#[test]
fn r63_a_line_whose_terms_cancel_out_is_not_in_the_equality() {
    let text = with_check("lists-agree", "voters-in-list + voters-in-electronic-list == voters-in-list + 1500");
    let problem = single_problem(&text, "protocol-error-line-not-in-equality", "line[1]");
    assert_eq!(arg(&problem, "value").as_deref(), Some("voters-in-list"));
}

#[test]
fn r63_options_in_no_equality_are_reported() {
    let text = with_check("votes-add-up", "ballots-valid >= sum(options)");
    single_problem(&text, "protocol-error-options-not-in-equality", "options");
}

#[test]
fn every_problem_of_a_form_is_reported_at_once() {
    let mut text = regular();
    text = replace_once(&text, "format = 1", "format = 7");
    text = replace_once(&text, "\"abroad\"]", "\"embassy\"]");
    text = replace_once(&text, "id = \"boxes-sorted\"", "id = \"Boxes-Sorted\"");
    text = replace_once(&text, "number = \"12\"", "number = \"11\"");
    text = replace_once(&text, "check = \"ballots-valid == sum(options)\"", "check = \"ballots-valid == sum(options\"");
    let problems = problems(&text);
    let mut ids: Vec<&str> = problems.iter().map(|p| p.message_id).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "protocol-error-bad-id",
            "protocol-error-check-unclosed",
            "protocol-error-duplicate-number",
            "protocol-error-format-version",
            "protocol-error-unknown-station-kind",
        ],
        "{problems:#?}"
    );
}

// ------------------------------------------------------------------ the documentation

fn documentation() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../docs/protocol-form.md");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_documented_example_is_valid() {
    let docs = documentation();
    let start = docs.find("```toml\n").map(|at| at + "```toml\n".len()).unwrap_or_else(|| panic!("no example"));
    let length = docs[start..].find("```").unwrap_or_else(|| panic!("unterminated example"));
    let form = parse_form(&docs[start..start + length]).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(form.station_kinds, [StationKind::Regular]);
    assert_eq!(form.line("ballots-taken-away").map(|line| line.number.as_str()), Some("6а"));
    assert_eq!(form.line("voters-in-list").map(|line| line.number.as_str()), Some("1"));
    assert_eq!(form.options.number_from, 7);
}

#[test]
fn every_field_and_rule_is_documented() {
    let docs = documentation();
    let mut sources = String::new();
    for source in [
        include_str!("../src/protocol/form.rs"),
        include_str!("../src/protocol/check.rs"),
        include_str!("../src/protocol/mod.rs"),
    ] {
        sources.push_str(source);
    }
    let ids: std::collections::BTreeSet<&str> = sources
        .split('"')
        .filter(|piece| piece.starts_with("protocol-error-") && !piece.contains(char::is_whitespace))
        .collect();
    assert!(ids.len() >= 30, "found only {ids:?}");
    let undocumented: Vec<&&str> = ids.iter().filter(|id| !docs.contains(&format!("`{id}`"))).collect();
    assert!(undocumented.is_empty(), "not in docs/protocol-form.md: {undocumented:?}");

    // Every field of the loose structs the file is read into.
    let form_source = include_str!("../src/protocol/form.rs");
    let mut fields = Vec::new();
    let mut inside = false;
    for line in form_source.lines() {
        if line.starts_with("struct Raw") {
            inside = true;
        } else if line.starts_with('}') {
            inside = false;
        } else if inside {
            let trimmed = line.trim();
            if let Some((name, _)) = trimmed.split_once(": ")
                && !trimmed.starts_with("//")
                && name != "unknown"
            {
                fields.push(name.to_owned());
            }
        }
    }
    assert!(fields.len() >= 14, "found only {fields:?}");
    for field in &fields {
        let documented = docs.contains(&format!("`{field}`"))
            || docs.contains(&format!("`[[{field}]]`"))
            || docs.contains(&format!("`[{field}]`"));
        assert!(documented, "field {field} undocumented");
    }
    for (name, _) in StationKind::ALL {
        assert!(docs.contains(&format!("`{name}`")), "station kind {name} undocumented");
    }
    for comparison in Comparison::ALL {
        assert!(docs.contains(&format!("\"{}\"", comparison.symbol())), "{} undocumented", comparison.symbol());
    }
}
