//! The control relations said in words (§63), rendered through the app's Fluent files in
//! Kyrgyz and Russian: why a protocol's figures fail a relation, what each relation says
//! in the printed protocol's box, and the problems of a bad form file.

use std::collections::BTreeMap;

use domain::election::{StationKind, parse_definition};
use domain::protocol::{ContestProtocol, ProtocolForm, Violation, check, form_for, parse_form};
use i18n::{Language, Localizer};

fn repo_file(path: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn regular() -> &'static ProtocolForm {
    form_for(StationKind::Regular).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

fn remote() -> &'static ProtocolForm {
    form_for(StationKind::RemoteVoting).unwrap_or_else(|problems| panic!("{problems:#?}"))
}

/// The city-council demo's count with `changes`, checked on the regular form.
fn regular_violations(changes: &[(&str, u64)]) -> Vec<Violation> {
    let definition = parse_definition(&repo_file("assets/elections/demo-city-council-regular.toml"))
        .unwrap_or_else(|problems| panic!("{problems:#?}"));
    let contest = &definition.contests[0];
    let mut figures: BTreeMap<String, u64> = [
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
    ]
    .iter()
    .map(|(id, value)| ((*id).to_owned(), *value))
    .collect();
    for (id, value) in changes {
        figures.insert((*id).to_owned(), *value);
    }
    let (lines, options): (BTreeMap<String, u64>, BTreeMap<String, u64>) =
        figures.into_iter().partition(|(id, _)| regular().line(id).is_some());
    let protocol = ContestProtocol::new(regular(), contest, lines, options).unwrap_or_else(|problems| panic!("{problems:#?}"));
    check(regular(), contest, &protocol)
}

fn say(violation: &Violation, form: &ProtocolForm, language: Language) -> String {
    let (message, args) = violation.explain(form, language.code());
    Localizer::new(language).message(message, &args)
}

fn assert_rendered(text: &str) {
    assert!(!text.contains('{') && !text.contains('}'), "unresolved placeable: {text}");
    assert!(!text.contains("protocol-"), "a message id instead of words: {text}");
}

#[test]
fn s57_ballots_in_the_boxes_beyond_those_issued_said_in_both_languages() {
    let violations =
        regular_violations(&[("ballots-in-stationary-boxes", 1105), ("ballots-valid", 1110), ("against-all", 50)]);
    assert_eq!(violations.len(), 1, "{violations:#?}");
    assert_eq!(
        say(&violations[0], regular(), Language::Ru),
        "Контрольное соотношение не выполнено: сумма строк \
         7 «Число бюллетеней, содержащихся в переносных ящиках для голосования» (28) + \
         8 «Число бюллетеней, содержащихся в стационарных ящиках для голосования и АСУ» (1105) = 1133 \
         больше, чем сумма строк \
         4 «Число бюллетеней, выданных избирателям в помещении для голосования в день голосования» (1100) + \
         5 «Число бюллетеней, выданных избирателям, проголосовавшим вне помещения для голосования» (30) = 1130, \
         а должно быть не больше (§57)."
    );
    assert_eq!(
        say(&violations[0], regular(), Language::Ky),
        "Көзөмөлдүк катыш аткарылган жок: \
         7 «Добуш берүү үчүн көчмө үкөктөрдөгү бюллетендердин саны» (28) + \
         8 «Стационардык үкөктөрдөгү жана АЭУдагы бюллетендердин саны» (1105) саптарынын суммасы = 1133 \
         4 «Добуш берүү күнү добуш берүүчү жайда шайлоочуларга берилген бюллетендердин саны» (1100) + \
         5 «Добуш берүүчү жайдан тышкары добуш берген шайлоочуларга берилген бюллетендердин саны» (30) саптарынын суммасы = 1130 \
         менен салыштырганда көп, бирок көп болбошу керек (§57)."
    );
}

#[test]
fn s53_more_ballots_issued_than_voters_said_in_both_languages() {
    let violations = regular_violations(&[("voters-in-list", 1120), ("voters-in-electronic-list", 1120)]);
    assert_eq!(violations.len(), 1, "{violations:#?}");
    let ru = say(&violations[0], regular(), Language::Ru);
    assert!(ru.ends_with(
        "больше, чем строка 1 «Число избирателей, внесённых в список избирателей на момент окончания голосования» (1120), \
         а должно быть не больше (§53)."
    ), "{ru}");
    let ky = say(&violations[0], regular(), Language::Ky);
    assert!(ky.contains(
        "1-сап «Добуш берүү аяктаган учурда шайлоочулардын тизмесине киргизилген шайлоочулардын саны» (1120) менен салыштырганда көп"
    ), "{ky}");
}

#[test]
fn s59_votes_that_do_not_add_up_said_in_both_languages() {
    let violations = regular_violations(&[("p3", 201)]);
    assert_eq!(violations.len(), 1, "{violations:#?}");
    assert_eq!(
        say(&violations[0], regular(), Language::Ru),
        "Контрольное соотношение не выполнено: строка 10 «Число действительных бюллетеней» (1100) и \
         сумма строк 13–18 «Число голосов избирателей, поданных за каждый вариант» (1101) должны быть равны, \
         а различаются на 1 (§59)."
    );
    assert_eq!(
        say(&violations[0], regular(), Language::Ky),
        "Көзөмөлдүк катыш аткарылган жок: 10-сап «Жарактуу бюллетендердин саны» (1100) менен \
         13–18-саптардын суммасы «Ар бир вариант үчүн берилген шайлоочулардын добуштарынын саны» (1101) \
         барабар болушу керек, бирок алардын айырмасы 1 (§59)."
    );
}

#[test]
fn every_explanation_of_a_messy_count_is_said_in_words() {
    let violations = regular_violations(&[
        ("voters-in-electronic-list", 1400),
        ("ballots-in-portable-boxes", 56),
        ("ballots-cancelled", 10),
        ("p1", 0),
    ]);
    assert!(violations.len() >= 5, "{violations:#?}");
    for violation in &violations {
        for language in Language::ALL {
            let text = say(violation, regular(), language);
            assert_rendered(&text);
            assert!(text.ends_with(")."), "{text}");
        }
    }
}

#[test]
fn r63_the_printed_box_of_control_relations_in_both_languages() {
    let said = |form: &ProtocolForm, options: usize, language: Language| -> Vec<String> {
        let localizer = Localizer::new(language);
        form.relations
            .iter()
            .map(|relation| {
                let (message, args) = relation.in_words(form, options);
                localizer.message(message, &args)
            })
            .collect()
    };
    assert_eq!(
        said(regular(), 6, Language::Ru),
        [
            "Строка 1 и строка 2 равны (§33, §53).",
            "Сумма строк 4 + 5 не больше, чем строка 1 (§53).",
            "Строка 3 и сумма строк 4 + 5 + 6 + 11 − 12 равны (§35, §52).",
            "Строка 7 не больше, чем строка 5 (§54).",
            "Сумма строк 7 + 8 не больше, чем сумма строк 4 + 5 (§57).",
            "Сумма строк 9 + 10 и сумма строк 7 + 8 равны (§58, §61).",
            "Строка 10 и сумма строк 13–18 равны (§59).",
        ]
    );
    assert_eq!(
        said(remote(), 5, Language::Ky),
        [
            "2-сап менен 3 + 4 саптарынын суммасы барабар (R4.4).",
            "3-сап менен 1-сап барабар (R4.2, R5.6).",
            "4-сап 1-сап менен салыштырганда көп эмес (R4.4).",
            "5-сап 3-сап менен салыштырганда көп эмес (§57).",
            "6 + 7 саптарынын суммасы менен 5-сап барабар (R5.2, R5.6).",
            "6-сап менен 8–12-саптардын суммасы барабар (R5.2, R5.6).",
        ]
    );
    for language in Language::ALL {
        for text in said(regular(), 6, language).iter().chain(&said(remote(), 5, language)) {
            assert_rendered(text);
        }
    }
}

#[test]
fn the_problems_of_a_bad_form_are_said_naming_field_relation_and_position() {
    let form = repo_file("assets/protocol-forms/pec-remote-district.toml");
    let broken = form
        .replacen("check = \"ballots-in-aeu <= ballots-issued\"", "check = \"ballots-in-aeu =< ballots-issued\"", 1)
        .replacen("\"remote-voting\"]", "\"remote\"]", 1)
        .replacen("number = \"7\"", "number = \"6\"", 1);
    let problems = parse_form(&broken).err().unwrap_or_default();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    let ru = Localizer::new(Language::Ru);
    let ky = Localizer::new(Language::Ky);
    let said_ru: Vec<String> = problems.iter().map(|p| ru.error(p)).collect();
    assert_eq!(
        said_ru,
        [
            "Поле «station_kinds[1]»: типа участка «remote» не существует. Допустимые значения: regular, remote-voting, abroad.",
            "Поле «line[7].number»: строка с номером 6 уже есть.",
            "Поле «relation[4].check» (соотношение «aeu-within-issued»), позиция 16: «=» — равенство записывается двумя знаками: ==.",
        ]
    );
    for problem in &problems {
        let text = ky.error(problem);
        assert_rendered(&text);
        assert!(text.contains("талаасы"), "{text}");
    }
    // Russian counts agree with their number.
    let count = |n: usize| {
        ru.error(&domain::DomainError::new("protocol.check-comparison-count", "protocol-error-check-comparison-count")
            .with("field", "relation[1].check")
            .with("relation", "lists-agree")
            .with("count", n))
    };
    assert!(count(2).contains("найдено 2 сравнения"), "{}", count(2));
    assert!(count(5).contains("найдено 5 сравнений"), "{}", count(5));
    assert!(count(0).contains("нет сравнения"), "{}", count(0));
}
