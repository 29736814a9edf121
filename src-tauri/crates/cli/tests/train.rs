//! Runs the real `uchastok train run` on the shipped scenarios and their scripted
//! trainees (issue 9): the debrief printed in the chosen language, the PDF, the class
//! summary row, and the refusals of a bad actions file.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use domain::MessageArg;
use i18n::{Language, Localizer};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../..")
}

fn trainee(name: &str) -> String {
    repo().join("assets/scenarios/trainees").join(format!("{name}.toml")).display().to_string()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uchastok"))
        .args(args)
        .env_remove("UCHASTOK_LANG")
        .output()
        .unwrap_or_else(|error| panic!("cannot run uchastok: {error}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn said(language: Language, id: &str, args: &[(&str, MessageArg)]) -> String {
    let args: BTreeMap<String, MessageArg> = args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    Localizer::new(language).message(id, &args)
}

#[test]
fn s38_s48_the_faulty_trainee_s_debrief_is_printed_in_russian_with_its_pdf_and_class_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("debrief.pdf");
    let csv = dir.path().join("class.csv");
    let output = run(&[
        "--lang",
        "ru",
        "train",
        "run",
        "aeu-failures",
        "--actions",
        &trainee("aeu-failures-faulty"),
        "--pdf",
        pdf.to_str().expect("utf-8"),
        "--csv",
        csv.to_str().expect("utf-8"),
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains(&Localizer::new(Language::Ru).text("training-debrief-title")), "{text}");
    assert!(text.contains("Маматов Эрлан"), "{text}");
    assert!(text.contains("[turnout-missed]") && text.contains("§38"), "{text}");
    assert!(text.contains("[act-missing]") && text.contains("§48"), "{text}");
    let missed = said(Language::Ru, "training-rule-turnout-missed", &[("hour", "12:00".into()), ("deadline", "13:00".into())]);
    assert!(text.contains(&missed), "{text}");
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    // A second trainee of the class adds a row under the same header.
    let again = run(&["--lang", "ru", "train", "run", "aeu-failures", "--actions", &trainee("aeu-failures-perfect"), "--csv", csv.to_str().expect("utf-8")]);
    assert!(again.status.success(), "{}", stdout(&again));
    assert!(stdout(&again).contains(&Localizer::new(Language::Ru).text("training-debrief-no-deviations")));
    let summary = std::fs::read_to_string(&csv).expect("the class summary");
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(lines.len(), 3, "{summary}");
    assert!(lines[0].starts_with("scenario,trainee,deviations,protocol_error"), "{summary}");
    assert!(lines[1].starts_with("aeu-failures,Маматов Эрлан,2,0,"), "{summary}");
    assert!(lines[2].starts_with("aeu-failures,") && lines[2].contains(",0,0,"), "{summary}");
}

#[test]
fn the_debrief_is_printed_in_kyrgyz_by_default() {
    let output = run(&["train", "run", "power-cut", "--actions", &trainee("power-cut-faulty")]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains(&Localizer::new(Language::Ky).text("training-debrief-title")), "{text}");
    assert!(text.contains("[power-cut-not-recorded]") && text.contains("§6"), "{text}");
}

#[test]
fn actions_written_for_another_scenario_are_refused() {
    let output = run(&["--lang", "ru", "train", "run", "power-cut", "--actions", &trainee("aeu-failures-perfect")]);
    assert_eq!(output.status.code(), Some(1));
    let expected = said(
        Language::Ru,
        "cli-train-other-scenario",
        &[("actions", "aeu-failures".into()), ("scenario", "power-cut".into())],
    );
    assert!(stdout(&output).contains(&expected), "{}", stdout(&output));
}

#[test]
fn a_bad_actions_file_names_its_field_and_an_unknown_scenario_lists_the_shipped_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let actions = dir.path().join("actions.toml");
    std::fs::write(&actions, "format = 1\nscenario = \"power-cut\"\ntrainee = \"X\"\n\n[[actions]]\nat = \"25:00\"\ndo = \"report-turnout\"\n").expect("write");
    let output = run(&["--lang", "ru", "train", "run", "power-cut", "--actions", actions.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("actions[1].at") && text.contains("25:00"), "{text}");

    let output = run(&["--lang", "ru", "train", "run", "no-such-scenario", "--actions", actions.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("aeu-failures"), "{}", stdout(&output));
}
