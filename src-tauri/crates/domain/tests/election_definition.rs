//! The election definition file: the demos parse, each kind of mistake is reported with
//! its own message id and names its field, and a valid definition survives a trip
//! through TOML unchanged.

use std::path::PathBuf;

use chrono::NaiveDate;
use domain::DomainError;
use domain::election::{
    BallotOption, CommissionMember, Contest, ElectionDefinition, ElectionKind, LocalizedText,
    OptionKind, Role, Station, StationKind, parse_definition,
};
use proptest::prelude::*;

fn demo(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/elections").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn jk() -> String {
    demo("demo-jk-2025-remote.toml")
}

fn city() -> String {
    demo("demo-city-council-regular.toml")
}

/// `text` with the first occurrence of `from` replaced; fails if `from` is not there, so
/// a test never passes because its mutation silently did nothing.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture no longer contains {from:?}");
    text.replacen(from, to, 1)
}

fn problems(text: &str) -> Vec<DomainError> {
    match parse_definition(text) {
        Ok(definition) => panic!("accepted a broken definition: {}", definition.id),
        Err(problems) => problems,
    }
}

fn text_arg(error: &DomainError, name: &str) -> Option<String> {
    match error.args.get(name)? {
        domain::MessageArg::Text(text) => Some(text.clone()),
        domain::MessageArg::Number(number) => Some(number.to_string()),
    }
}

/// The only problem reported, checked for its message id and field.
fn single_problem(text: &str, message_id: &str, field: &str) -> DomainError {
    let problems = problems(text);
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    let problem = problems.into_iter().next().unwrap_or_else(|| unreachable!());
    assert_eq!(problem.message_id, message_id, "{problem:?}");
    assert_eq!(text_arg(&problem, "field").as_deref(), Some(field), "{problem:?}");
    problem
}

// ------------------------------------------------------------------------ the demos

#[test]
fn jogorku_kenesh_remote_demo_parses() {
    let definition = parse_definition(&jk()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(definition.kind, ElectionKind::JogorkuKeneshDistricts);
    assert_eq!(definition.timezone, "Asia/Bishkek");
    assert_eq!(definition.community_registration_days, 90);
    assert_eq!(definition.station.kind, StationKind::RemoteVoting);
    assert!(definition.contests.iter().any(|c| c.id == definition.station.district));
    assert!(definition.contests.len() >= 4, "{} districts", definition.contests.len());
    for contest in &definition.contests {
        let candidates = contest.options.iter().filter(|o| o.kind == OptionKind::Candidate).count();
        let against_all = contest.options.iter().filter(|o| o.kind == OptionKind::AgainstAll).count();
        assert!(candidates >= 3, "{}: {candidates} candidates", contest.id);
        assert_eq!(against_all, 1, "{}", contest.id);
    }
    // A remote-voting station commission: at least 7 members (R2.2), 9 in the demo.
    assert!(definition.commission.len() >= 9);
    assert!(definition.member(Role::Chair).is_some());
    assert!(definition.member(Role::DeputyChair).is_some());
    assert!(definition.member(Role::Secretary).is_some());
    assert!(definition.commission.iter().filter(|m| m.role == Role::Member).count() >= 6);
    // Names differ between the languages where Kyrgyz letters are used.
    assert!(definition.contests.iter().flat_map(|c| &c.options).any(|o| o.name.ky != o.name.ru));
}

#[test]
fn city_council_regular_demo_parses() {
    let definition = parse_definition(&city()).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(definition.kind, ElectionKind::LocalCouncil);
    assert_eq!(definition.community_registration_days, 60);
    assert_eq!(definition.station.kind, StationKind::Regular);
    assert!(definition.commission.len() >= 7);
    let contest = &definition.contests[0];
    assert!(contest.options.iter().filter(|o| o.kind == OptionKind::Party).count() >= 3);
    assert_eq!(contest.options.iter().filter(|o| o.kind == OptionKind::AgainstAll).count(), 1);
    assert_eq!(definition.name.get("ru"), "Выборы депутатов Ошского городского кенеша (демо)");
}

#[test]
fn registration_days_default_by_kind() {
    let text = replace_once(&city(), "community_registration_days = 60\n", "");
    let definition = parse_definition(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(definition.community_registration_days, 60, "local elections: 60 days (L)");
    let text = replace_once(&jk(), "community_registration_days = 90\n", "");
    let definition = parse_definition(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(definition.community_registration_days, 90, "R3.1");
}

#[test]
fn a_bare_toml_date_is_a_voting_day_too() {
    let text = replace_once(&jk(), "voting_day = \"2025-11-30\"", "voting_day = 2025-11-30");
    let definition = parse_definition(&text).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(NaiveDate::from_ymd_opt(2025, 11, 30), Some(definition.voting_day));
}

// ------------------------------------------------------------------------ rejections

#[test]
fn missing_district_is_reported() {
    let text = replace_once(&jk(), "district = \"d3\"\n", "");
    single_problem(&text, "election-error-missing-district", "station.district");
    let text = replace_once(&jk(), "district = \"d3\"", "district = \"  \"");
    single_problem(&text, "election-error-missing-district", "station.district");
}

#[test]
fn a_district_that_is_not_a_contest_is_reported() {
    let text = replace_once(&jk(), "district = \"d3\"", "district = \"d9\"");
    let problem = single_problem(&text, "election-error-unknown-district", "station.district");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("d9"));
}

#[test]
fn duplicate_option_id_is_reported() {
    // The second candidate of district № 1 takes the first one's id.
    let text = replace_once(&jk(), "id = \"c2\"", "id = \"c1\"");
    let problem = single_problem(&text, "election-error-duplicate-option", "contests[1].options[2]");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("c1"));
}

#[test]
fn duplicate_option_name_is_reported() {
    let text = replace_once(
        &city(),
        "name = { ky = \"«Жаңы муун» саясий партиясы\", ru = \"Политическая партия «Жаңы муун»\" }",
        "name = { ky = \"«Ак жол» саясий партиясы\", ru = \"ПОЛИТИЧЕСКАЯ партия «Ак жол»\" }",
    );
    let problem = single_problem(&text, "election-error-duplicate-option", "contests[1].options[2]");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("ПОЛИТИЧЕСКАЯ партия «Ак жол»"));
}

#[test]
fn unknown_election_kind_is_reported() {
    let text = replace_once(&jk(), "kind = \"jogorku-kenesh-districts\"", "kind = \"parliament\"");
    let problem = single_problem(&text, "election-error-unknown-kind", "kind");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("parliament"));
    let allowed = text_arg(&problem, "allowed").unwrap_or_default();
    for (name, _) in ElectionKind::ALL {
        assert!(allowed.contains(name), "{allowed} lacks {name}");
    }
}

#[test]
fn bad_timezone_is_reported() {
    let text = replace_once(&jk(), "timezone = \"Asia/Bishkek\"", "timezone = \"Bishkek/Asia\"");
    let problem = single_problem(&text, "election-error-bad-timezone", "timezone");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("Bishkek/Asia"));
}

#[test]
fn unknown_station_kind_is_reported() {
    let text = replace_once(&jk(), "kind = \"remote-voting\"", "kind = \"mobile\"");
    let problem = single_problem(&text, "election-error-unknown-station-kind", "station.kind");
    assert_eq!(text_arg(&problem, "value").as_deref(), Some("mobile"));
    assert_eq!(text_arg(&problem, "allowed").as_deref(), Some("regular, remote-voting, abroad"));
}

#[test]
fn a_commission_without_a_chair_is_reported() {
    let text = replace_once(&city(), "role = \"chair\"", "role = \"member\"");
    let problem = single_problem(&text, "election-error-role-count", "commission");
    assert_eq!(text_arg(&problem, "role").as_deref(), Some("chair"));
    assert_eq!(problem.args.get("count"), Some(&domain::MessageArg::Number(0)));
}

#[test]
fn two_secretaries_are_reported() {
    let text = replace_once(&city(), "role = \"deputy-chair\"", "role = \"secretary\"");
    let problem = single_problem(&text, "election-error-role-count", "commission");
    assert_eq!(text_arg(&problem, "role").as_deref(), Some("secretary"));
    assert_eq!(problem.args.get("count"), Some(&domain::MessageArg::Number(2)));
}

#[test]
fn two_against_all_options_are_reported() {
    // The fourth candidate of district № 1 becomes a second «against all».
    let jk = jk();
    let at = jk.find("id = \"c4\"\nkind = \"candidate\"").unwrap_or_else(|| panic!("fixture changed"));
    let text = format!("{}{}", &jk[..at], replace_once(&jk[at..], "kind = \"candidate\"", "kind = \"against-all\""));
    let problem = single_problem(&text, "election-error-against-all-count", "contests[1].options");
    assert_eq!(problem.args.get("count"), Some(&domain::MessageArg::Number(2)));
}

#[test]
fn a_contest_without_against_all_is_reported() {
    let text = replace_once(&city(), "kind = \"against-all\"", "kind = \"party\"");
    let problem = single_problem(&text, "election-error-against-all-count", "contests[1].options");
    assert_eq!(problem.args.get("count"), Some(&domain::MessageArg::Number(0)));
}

#[test]
fn a_referendum_has_no_against_all() {
    let text = replace_once(&city(), "kind = \"local-council\"", "kind = \"referendum\"");
    let problems = problems(&text);
    assert!(
        problems.iter().any(|p| p.message_id == "election-error-against-all-in-referendum"
            && text_arg(p, "field").as_deref() == Some("contests[1].options")),
        "{problems:#?}"
    );
}

#[test]
fn unknown_format_version_is_reported() {
    let text = replace_once(&jk(), "format = 1", "format = 2");
    let problem = single_problem(&text, "election-error-format-version", "format");
    assert_eq!(problem.args.get("supported"), Some(&domain::MessageArg::Number(1)));
}

#[test]
fn bad_dates_are_reported() {
    for bad in ["\"30.11.2025\"", "\"2025-02-30\"", "2025-11-30T08:00:00", "20251130"] {
        let text = replace_once(&jk(), "voting_day = \"2025-11-30\"", &format!("voting_day = {bad}"));
        let problem = single_problem(&text, "election-error-bad-date", "voting_day");
        assert!(text_arg(&problem, "value").is_some_and(|value| !value.is_empty()), "{bad}: {problem:?}");
    }
}

#[test]
fn syntax_error_names_its_line() {
    let jk = jk();
    let line = jk.lines().position(|l| l == "timezone = \"Asia/Bishkek\"").map(|i| i + 1);
    let text = replace_once(&jk, "timezone = \"Asia/Bishkek\"", "timezone = \"Asia/Bishkek");
    let problem = single_problem_without_field(&text, "election-error-syntax");
    assert_eq!(problem.args.get("line"), line.map(|l| domain::MessageArg::Number(l as i64)).as_ref());
    assert!(text_arg(&problem, "detail").is_some_and(|detail| !detail.is_empty()));
}

#[test]
fn syntax_error_inside_cyrillic_text_names_its_line() {
    // An error right after multi-byte letters: the line count must not split a char.
    let city = city();
    let from = "ky = \"Ош ш., Курманжан Датка көчөсү, 271, № 9 гимназия\"";
    let line = city.lines().position(|l| l == from).map(|i| i + 1);
    let text = replace_once(&city, from, "ky = \"Ош ш., Курманжан Датка көчөсү\" ү");
    let problem = single_problem_without_field(&text, "election-error-syntax");
    assert_eq!(problem.args.get("line"), line.map(|l| domain::MessageArg::Number(l as i64)).as_ref());
}

#[test]
fn a_wrong_type_is_a_syntax_error_with_its_line() {
    let jk = jk();
    let line = jk.lines().position(|l| l == "community_registration_days = 90").map(|i| i + 1);
    let text = replace_once(&jk, "community_registration_days = 90", "community_registration_days = \"90\"");
    let problem = single_problem_without_field(&text, "election-error-syntax");
    assert_eq!(problem.args.get("line"), line.map(|l| domain::MessageArg::Number(l as i64)).as_ref());
}

fn single_problem_without_field(text: &str, message_id: &str) -> DomainError {
    let problems = problems(text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = problems.into_iter().next().unwrap_or_else(|| unreachable!());
    assert_eq!(problem.message_id, message_id, "{problem:?}");
    problem
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let mut text = jk();
    text = replace_once(&text, "kind = \"jogorku-kenesh-districts\"", "kind = \"parliament\"");
    text = replace_once(&text, "timezone = \"Asia/Bishkek\"", "timezone = \"Nowhere\"");
    text = replace_once(&text, "district = \"d3\"\n", "");
    text = replace_once(&text, "role = \"secretary\"", "role = \"clerk\"");
    let problems = problems(&text);
    let mut ids: Vec<&str> = problems.iter().map(|p| p.message_id).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "election-error-bad-timezone",
            "election-error-missing-district",
            "election-error-role-count",
            "election-error-unknown-kind",
            "election-error-unknown-role",
        ],
        "{problems:#?}"
    );
}

// ------------------------------------------------------- removing any required field

/// Every required field of the demos, as a path into the TOML document, with the field
/// name the report must give and the message it must use.
fn required_fields(document: &toml::Table) -> Vec<(Vec<Step>, String, &'static str)> {
    use Step::{Index, Key};
    let missing = "election-error-missing-field";
    let mut fields = Vec::new();
    for key in ["format", "id", "name", "kind", "voting_day", "timezone", "station"] {
        fields.push((vec![Key(key)], key.to_owned(), missing));
    }
    fields.push((vec![Key("name"), Key("ky")], "name.ky".to_owned(), missing));
    fields.push((vec![Key("name"), Key("ru")], "name.ru".to_owned(), missing));
    fields.push((vec![Key("contests")], "contests".to_owned(), "election-error-no-contests"));
    fields.push((vec![Key("commission")], "commission".to_owned(), "election-error-role-count"));
    for key in ["number", "kind", "address"] {
        fields.push((vec![Key("station"), Key(key)], format!("station.{key}"), missing));
    }
    fields.push((
        vec![Key("station"), Key("district")],
        "station.district".to_owned(),
        "election-error-missing-district",
    ));
    let contests = document.get("contests").and_then(toml::Value::as_array).map_or(0, Vec::len);
    for c in 0..contests {
        let contest = format!("contests[{}]", c + 1);
        for key in ["id", "designation", "name"] {
            fields.push((vec![Key("contests"), Index(c), Key(key)], format!("{contest}.{key}"), missing));
        }
        fields.push((
            vec![Key("contests"), Index(c), Key("options")],
            format!("{contest}.options"),
            "election-error-too-few-options",
        ));
        let options = document["contests"][c].get("options").and_then(toml::Value::as_array).map_or(0, Vec::len);
        for o in 0..options {
            let option = format!("{contest}.options[{}]", o + 1);
            for key in ["id", "kind", "name"] {
                fields.push((
                    vec![Key("contests"), Index(c), Key("options"), Index(o), Key(key)],
                    format!("{option}.{key}"),
                    missing,
                ));
            }
            fields.push((
                vec![Key("contests"), Index(c), Key("options"), Index(o), Key("name"), Key("ru")],
                format!("{option}.name.ru"),
                missing,
            ));
        }
    }
    let members = document.get("commission").and_then(toml::Value::as_array).map_or(0, Vec::len);
    for m in 0..members {
        for key in ["id", "name", "role"] {
            fields.push((vec![Key("commission"), Index(m), Key(key)], format!("commission[{}].{key}", m + 1), missing));
        }
    }
    fields
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// Removes the value at `path`; false if it was not there.
fn remove(document: &mut toml::Table, path: &[Step]) -> bool {
    let Some((last, parents)) = path.split_last() else { return false };
    let mut value: &mut toml::Value = match parents.first() {
        Some(Step::Key(key)) => match document.get_mut(*key) {
            Some(value) => value,
            None => return false,
        },
        Some(Step::Index(_)) => return false,
        None => {
            return match last {
                Step::Key(key) => document.remove(*key).is_some(),
                Step::Index(_) => false,
            };
        }
    };
    for step in &parents[1..] {
        let next = match (step, value) {
            (Step::Key(key), toml::Value::Table(table)) => table.get_mut(*key),
            (Step::Index(index), toml::Value::Array(array)) => array.get_mut(*index),
            _ => None,
        };
        match next {
            Some(next) => value = next,
            None => return false,
        }
    }
    match (last, value) {
        (Step::Key(key), toml::Value::Table(table)) => table.remove(*key).is_some(),
        _ => false,
    }
}

#[test]
fn removing_any_required_field_is_reported_naming_it() {
    for text in [jk(), city()] {
        let document: toml::Table = toml::from_str(&text).unwrap_or_else(|error| panic!("{error}"));
        let fields = required_fields(&document);
        assert!(fields.len() > 60, "only {} fields enumerated", fields.len());
        for (path, field, message_id) in fields {
            let mut broken = document.clone();
            assert!(remove(&mut broken, &path), "{path:?} not in the demo");
            let broken = toml::to_string(&broken).unwrap_or_else(|error| panic!("{error}"));
            let problems = problems(&broken);
            assert!(
                problems
                    .iter()
                    .any(|p| p.message_id == message_id && text_arg(p, "field").as_deref() == Some(field.as_str())),
                "removing {field}: expected {message_id} naming it, got {problems:#?}"
            );
        }
    }
}

// ------------------------------------------------------------- TOML round trip

fn text() -> impl Strategy<Value = String> {
    "[А-Яа-яЁёӨөҮүҢңA-Za-z0-9 «»\"'\\\\.,№-]{1,24}".prop_filter("trimmed, not empty", |text| {
        !text.trim().is_empty() && text.trim() == text
    })
}

fn localized() -> impl Strategy<Value = LocalizedText> {
    (text(), text()).prop_map(|(ky, ru)| LocalizedText { ky, ru })
}

fn options(kind: ElectionKind) -> impl Strategy<Value = Vec<BallotOption>> {
    let referendum = kind == ElectionKind::Referendum;
    let choices = if referendum { 2..5usize } else { 1..6usize };
    (prop::collection::vec((localized(), any::<bool>()), choices), any::<prop::sample::Index>()).prop_map(
        move |(names, against_all_at)| {
            let mut options: Vec<BallotOption> = names
                .into_iter()
                .map(|(name, party)| {
                    let kind = match (referendum, party) {
                        (true, _) => OptionKind::Answer,
                        (false, true) => OptionKind::Party,
                        (false, false) => OptionKind::Candidate,
                    };
                    BallotOption { id: String::new(), kind, name }
                })
                .collect();
            if !referendum {
                let at = against_all_at.index(options.len() + 1);
                options.insert(
                    at,
                    BallotOption {
                        id: String::new(),
                        kind: OptionKind::AgainstAll,
                        name: LocalizedText { ky: "Баарына каршы".into(), ru: "Против всех".into() },
                    },
                );
            }
            // Ids and names unique within the ballot, as the validator demands.
            for (index, option) in options.iter_mut().enumerate() {
                option.id = format!("o{}", index + 1);
                option.name.ky = format!("{} #{}", option.name.ky, index + 1);
                option.name.ru = format!("{} #{}", option.name.ru, index + 1);
            }
            options
        },
    )
}

fn contests(kind: ElectionKind) -> impl Strategy<Value = Vec<Contest>> {
    prop::collection::vec((localized(), options(kind)), 1..4).prop_map(|contests| {
        contests
            .into_iter()
            .enumerate()
            .map(|(index, (name, options))| Contest {
                id: format!("d{}", index + 1),
                designation: format!("№ {}", index + 1),
                name,
                options,
            })
            .collect()
    })
}

fn commission() -> impl Strategy<Value = Vec<CommissionMember>> {
    let others = prop::collection::vec(
        (text(), prop::sample::select(vec![Role::DeputyChair, Role::Member])),
        0..9,
    );
    (text(), text(), others)
        .prop_map(|(chair, secretary, others)| {
            let mut members = vec![(chair, Role::Chair), (secretary, Role::Secretary)];
            members.extend(others);
            members
        })
        .prop_shuffle()
        .prop_map(|members| {
            members
                .into_iter()
                .enumerate()
                .map(|(index, (name, role))| CommissionMember { id: format!("m{}", index + 1), name, role })
                .collect()
        })
}

fn definition() -> impl Strategy<Value = ElectionDefinition> {
    prop::sample::select(ElectionKind::ALL.map(|(_, kind)| kind).to_vec()).prop_flat_map(|kind| {
        (
            "[a-z][a-z0-9-]{0,15}",
            localized(),
            any::<bool>(),
            (1990i32..2100, 1u32..366),
            prop::sample::select(vec!["Asia/Bishkek", "Europe/Moscow", "America/New_York", "Asia/Seoul", "UTC"]),
            1u32..=3650,
            contests(kind),
            ("[0-9]{1,5}", prop::sample::select(StationKind::ALL.map(|(_, kind)| kind).to_vec()), any::<prop::sample::Index>(), localized()),
            commission(),
        )
            .prop_map(move |(id, name, training, (year, day), timezone, days, contests, station, commission)| {
                let (number, station_kind, district, address) = station;
                let district = contests[district.index(contests.len())].id.clone();
                ElectionDefinition {
                    id,
                    name,
                    kind,
                    training,
                    voting_day: NaiveDate::from_yo_opt(year, day).unwrap_or_default(),
                    timezone: timezone.to_owned(),
                    community_registration_days: days,
                    contests,
                    station: Station { number, kind: station_kind, district, address },
                    commission,
                }
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_valid_definition_survives_a_trip_through_toml(definition in definition()) {
        let body = toml::to_string(&definition).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let text = format!("format = 1\n{body}");
        match parse_definition(&text) {
            Ok(parsed) => prop_assert_eq!(parsed, definition),
            Err(problems) => prop_assert!(false, "rejected:\n{}\n{:#?}", text, problems),
        }
    }
}

// ------------------------------------------------------------- the documentation

fn documentation() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../docs/election-definition.md");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[test]
fn the_documented_example_is_valid() {
    let docs = documentation();
    let start = docs.find("```toml\n").map(|at| at + "```toml\n".len()).unwrap_or_else(|| panic!("no example"));
    let length = docs[start..].find("```").unwrap_or_else(|| panic!("unterminated example"));
    let definition = parse_definition(&docs[start..start + length]).unwrap_or_else(|problems| panic!("{problems:#?}"));
    assert_eq!(definition.kind, ElectionKind::Presidential);
    assert_eq!(definition.station.kind, StationKind::Abroad);
    assert_eq!(NaiveDate::from_ymd_opt(2027, 1, 17), Some(definition.voting_day));
}

#[test]
fn every_rule_of_the_validator_is_documented() {
    let source = include_str!("../src/election.rs");
    let docs = documentation();
    let ids: std::collections::BTreeSet<&str> = source
        .split('"')
        .filter(|piece| piece.starts_with("election-error-") && !piece.contains(char::is_whitespace))
        .collect();
    assert!(ids.len() >= 15, "found only {ids:?}");
    let undocumented: Vec<&&str> = ids.iter().filter(|id| !docs.contains(&format!("`{id}`"))).collect();
    assert!(undocumented.is_empty(), "not in docs/election-definition.md: {undocumented:?}");
    for (name, _) in ElectionKind::ALL {
        assert!(docs.contains(&format!("`{name}`")), "kind {name} undocumented");
    }
    for name in StationKind::ALL.map(|(name, _)| name).into_iter()
        .chain(OptionKind::ALL.map(|(name, _)| name))
        .chain(Role::ALL.map(|(name, _)| name))
    {
        assert!(docs.contains(&format!("`{name}`")), "value {name} undocumented");
    }
}
