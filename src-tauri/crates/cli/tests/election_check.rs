//! Runs the real `uchastok` binary on the demo definitions and on broken copies of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use domain::MessageArg;
use i18n::{Language, Localizer};

fn demo(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/elections").join(name)
}

fn demo_text(name: &str) -> String {
    std::fs::read_to_string(demo(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Runs the binary with a clean language environment plus `env`.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_uchastok"));
    command.args(args).env_remove("UCHASTOK_LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap_or_else(|error| panic!("cannot run uchastok: {error}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn check(file: &Path, language: &str) -> Output {
    let path = file.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"));
    run(&["election", "check", path, "--lang", language], &[])
}

/// Writes `text` with `from` replaced by `to` (which must be there) into `dir`.
fn broken_copy(dir: &Path, demo_name: &str, from: &str, to: &str) -> PathBuf {
    let text = demo_text(demo_name);
    assert!(text.contains(from), "{demo_name} no longer contains {from:?}");
    let path = dir.join(format!("broken-{demo_name}"));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap_or_else(|error| panic!("{error}"));
    path
}

fn said(language: Language, message_id: &str, args: &[(&str, &str)]) -> String {
    let args: BTreeMap<String, MessageArg> =
        args.iter().map(|(name, value)| ((*name).to_owned(), MessageArg::from(*value))).collect();
    Localizer::new(language).message(message_id, &args)
}

#[test]
fn both_demos_pass_with_a_summary_in_kyrgyz_and_russian() {
    let jk = demo("demo-jk-2025-remote.toml");
    let output = check(&jk, "ky");
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    assert!(text.contains("шайлоонун аныктамасы туура"), "{text}");
    assert!(text.contains("Жогорку Кеңештин депутаттарын шайлоо, көп мандаттуу округдар боюнча"), "{text}");
    assert!(text.contains("2025-11-30") && text.contains("Asia/Bishkek"), "{text}");
    assert!(text.contains("Участок № 9021, аралыктан добуш берүү участогу"), "{text}");
    assert!(text.contains("Бюллетендер (округдар): 4"), "{text}");
    assert!(text.contains("№ 3: № 3 Свердлов көп мандаттуу шайлоо округу, бюллетенде 6 вариант"), "{text}");
    assert!(text.contains("Комиссия: 11 мүчө"), "{text}");

    let output = check(&jk, "ru");
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    assert!(text.contains("определение выборов корректно"), "{text}");
    assert!(text.contains("участок дистанционного голосования"), "{text}");
    assert!(text.contains("6 вариантов в бюллетене") && text.contains("4 варианта в бюллетене"), "{text}");
    assert!(text.contains("Комиссия: 11 членов; председатель: Сатыбалдиева Динара Абдыкадыровна"), "{text}");

    let city = demo("demo-city-council-regular.toml");
    let output = check(&city, "ru");
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    assert!(text.contains("выборы депутатов местного кенеша"), "{text}");
    assert!(text.contains("обычный участок"), "{text}");
    assert!(text.contains("не менее 60 дней"), "{text}");
    assert!(text.contains("Комиссия: 9 членов"), "{text}");
    let output = check(&city, "ky");
    assert!(output.status.success());
    assert!(stdout(&output).contains("Жергиликтүү кеңештин депутаттарын шайлоо"), "{}", stdout(&output));
}

/// One broken copy per rejection, with the message each must print in each language.
struct Case {
    name: &'static str,
    demo: &'static str,
    from: &'static str,
    to: &'static str,
    message_id: &'static str,
    args: &'static [(&'static str, &'static str)],
    /// Words that only this message has, per language: proof it is translated.
    ky: &'static str,
    ru: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "missing district",
        demo: "demo-jk-2025-remote.toml",
        from: "district = \"d3\"\n",
        to: "",
        message_id: "election-error-missing-district",
        args: &[("field", "station.district")],
        ky: "участок кайсы округго кирери көрсөтүлгөн эмес",
        ru: "не указан округ, к которому относится участок",
    },
    Case {
        name: "duplicate option",
        demo: "demo-jk-2025-remote.toml",
        from: "id = \"c2\"",
        to: "id = \"c1\"",
        message_id: "election-error-duplicate-option",
        args: &[("field", "contests[1].options[2]"), ("value", "c1")],
        ky: "эки жолу жазылган",
        ru: "указан в этом бюллетене дважды",
    },
    Case {
        name: "unknown election kind",
        demo: "demo-city-council-regular.toml",
        from: "kind = \"local-council\"",
        to: "kind = \"city-duma\"",
        message_id: "election-error-unknown-kind",
        args: &[
            ("field", "kind"),
            ("value", "city-duma"),
            ("allowed", "jogorku-kenesh-districts, jogorku-kenesh-party-lists, local-council, presidential, referendum"),
        ],
        ky: "деген шайлоо түрү жок",
        ru: "вида выборов «city-duma» не существует",
    },
    Case {
        name: "bad timezone",
        demo: "demo-city-council-regular.toml",
        from: "timezone = \"Asia/Bishkek\"",
        to: "timezone = \"Asia/Frunze-City\"",
        message_id: "election-error-bad-timezone",
        args: &[("field", "timezone"), ("value", "Asia/Frunze-City")],
        ky: "деген убакыт алкагы жок",
        ru: "часового пояса «Asia/Frunze-City» не существует",
    },
];

#[test]
fn each_rejection_prints_its_own_message_in_both_languages_and_fails() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    for case in CASES {
        let file = broken_copy(dir.path(), case.demo, case.from, case.to);
        for (language, code, words) in [(Language::Ky, "ky", case.ky), (Language::Ru, "ru", case.ru)] {
            let output = check(&file, code);
            let text = stdout(&output);
            assert_eq!(output.status.code(), Some(1), "{} ({code}): {text}{}", case.name, stderr(&output));
            let expected = said(language, case.message_id, case.args);
            assert!(text.contains(&expected), "{} ({code}): expected {expected:?} in\n{text}", case.name);
            assert!(text.contains(words), "{} ({code}): expected {words:?} in\n{text}", case.name);
            assert!(!text.contains("election-error-"), "{} ({code}): an untranslated id in\n{text}", case.name);
            // Exactly one problem is listed.
            assert_eq!(text.lines().filter(|line| line.starts_with("  - ")).count(), 1, "{}: {text}", case.name);
            // The other cases' messages do not show up.
            for other in CASES.iter().filter(|other| other.message_id != case.message_id) {
                let their_words = if code == "ky" { other.ky } else { other.ru };
                assert!(!text.contains(their_words), "{} ({code}) also says {:?}", case.name, other.name);
            }
        }
    }
}

#[test]
fn every_problem_is_listed_with_a_count() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let mut text = demo_text("demo-jk-2025-remote.toml");
    for case in CASES.iter().filter(|case| case.demo == "demo-jk-2025-remote.toml") {
        text = text.replacen(case.from, case.to, 1);
    }
    text = text.replacen("timezone = \"Asia/Bishkek\"", "timezone = \"Nowhere\"", 1);
    let file = dir.path().join("many.toml");
    std::fs::write(&file, text).unwrap_or_else(|error| panic!("{error}"));

    let output = check(&file, "ru");
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(out.contains("найдены 3 ошибки"), "{out}");
    assert_eq!(out.lines().filter(|line| line.starts_with("  - ")).count(), 3, "{out}");
    let output = check(&file, "ky");
    assert!(stdout(&output).contains("3 ката табылды"), "{}", stdout(&output));
}

#[test]
fn a_syntax_error_names_its_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let file = broken_copy(dir.path(), "demo-city-council-regular.toml", "number = \"5214\"", "number = 5214 5214");
    let line = demo_text("demo-city-council-regular.toml")
        .lines()
        .position(|line| line == "number = \"5214\"")
        .map_or(0, |index| index + 1);
    let output = check(&file, "ru");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(&format!("ошибка в строке {line}:")), "{}", stdout(&output));
    let output = check(&file, "ky");
    assert!(stdout(&output).contains(&format!("{line}-сапта ката бар")), "{}", stdout(&output));
}

#[test]
fn the_language_comes_from_the_flag_then_the_environment_then_kyrgyz() {
    let jk = demo("demo-jk-2025-remote.toml");
    let path = jk.to_str().unwrap_or_default();
    let russian = "определение выборов корректно";
    let kyrgyz = "шайлоонун аныктамасы туура";

    let output = run(&["election", "check", path], &[]);
    assert!(stdout(&output).contains(kyrgyz), "default: {}", stdout(&output));
    let output = run(&["election", "check", path], &[("UCHASTOK_LANG", "ru")]);
    assert!(stdout(&output).contains(russian), "env: {}", stdout(&output));
    let output = run(&["--lang", "ky", "election", "check", path], &[("UCHASTOK_LANG", "ru")]);
    assert!(stdout(&output).contains(kyrgyz), "flag over env: {}", stdout(&output));

    let output = run(&["election", "check", path], &[("UCHASTOK_LANG", "de")]);
    assert!(output.status.success());
    assert!(stdout(&output).contains(kyrgyz), "bad env: {}", stdout(&output));
    assert!(stderr(&output).contains("UCHASTOK_LANG") && stderr(&output).contains("«de»"), "{}", stderr(&output));

    let output = run(&["election", "check", path, "--lang", "de"], &[]);
    assert_eq!(output.status.code(), Some(2), "a wrong flag is a usage error");
}

#[test]
fn an_unreadable_file_is_a_translated_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let missing = dir.path().join("nope.toml");
    let output = check(&missing, "ru");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("Не удалось прочитать файл"), "{}", stderr(&output));

    let binary = dir.path().join("latin1.toml");
    std::fs::write(&binary, b"id = \"\xe9lection\"\n").unwrap_or_else(|error| panic!("{error}"));
    let output = check(&binary, "ky");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("UTF-8 коддоосунда эмес"), "{}", stderr(&output));
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let file = dir.path().join("bom.toml");
    std::fs::write(&file, format!("\u{feff}{}", demo_text("demo-city-council-regular.toml")))
        .unwrap_or_else(|error| panic!("{error}"));
    let output = check(&file, "ru");
    assert!(output.status.success(), "{}{}", stdout(&output), stderr(&output));
}
