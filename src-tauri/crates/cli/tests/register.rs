//! Runs the real `uchastok register generate` and `uchastok register import`: a generated
//! register imports whole, with a bad row reported by line and field, in both languages;
//! a file with a missing column is refused and leaves the register as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn demo(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../assets/elections").join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uchastok"))
        .args(args)
        .env_remove("UCHASTOK_LANG")
        .output()
        .unwrap_or_else(|error| panic!("cannot run uchastok: {error}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"))
}

#[test]
fn generate_then_import_reports_the_rows_and_the_bad_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let source = dir.path().join("source");
    let election = demo("demo-jk-2025-remote.toml");
    let generate = |seed: &str| {
        run(&[
            "register", "generate", "--voters", "300", "--seed", seed, "--election", path(&election), "--out", path(&source),
            "--photos", "--lang", "ru",
        ])
    };
    let output = generate("17");
    assert!(output.status.success(), "{}{}", text(&output.stdout), text(&output.stderr));
    assert!(text(&output.stdout).contains("300 избирателей"), "{}", text(&output.stdout));
    let csv = source.join("register.csv");
    let first = std::fs::read(&csv).unwrap_or_else(|error| panic!("{error}"));
    assert!(source.join("photos").is_dir());
    assert!(generate("17").status.success());
    assert_eq!(std::fs::read(&csv).unwrap_or_else(|error| panic!("{error}")), first, "same seed, same bytes");

    let mut with_bad_row = first.clone();
    with_bad_row.extend_from_slice("21001197000001,Сыдыков,Бакыт,,1970-01-01,d1,1001,2001-02-30,\n".as_bytes());
    std::fs::write(&csv, &with_bad_row).unwrap_or_else(|error| panic!("{error}"));
    let db = dir.path().join("station/register.db");
    let key = dir.path().join("keys/register.key");
    let import = |language: &str| {
        run(&[
            "register", "import", path(&csv), "--db", path(&db), "--key", path(&key), "--election", path(&election), "--lang",
            language,
        ])
    };
    let output = import("ru");
    let said = text(&output.stdout);
    assert!(output.status.success(), "{said}{}", text(&output.stderr));
    assert!(said.contains("реестр избирателей импортирован"), "{said}");
    assert!(said.contains("Строк прочитано: 301, импортировано избирателей: 300, отклонено строк: 1"), "{said}");
    assert!(said.contains("Строка 302, столбец registered_on"), "{said}");
    assert!(!said.contains("21001197000001"), "no personal number is printed: {said}");
    assert!(text(&output.stderr).contains("Прочитано строк: 301 (100 %)"), "{}", text(&output.stderr));
    assert!(key.exists() && db.exists());

    let output = import("ky");
    let said = text(&output.stdout);
    assert!(output.status.success());
    assert!(said.contains("импорттолгон шайлоочулар: 300"), "{said}");
    assert!(said.contains("302-сап, registered_on тилкеси"), "{said}");

    let before = std::fs::read(&db).unwrap_or_else(|error| panic!("{error}"));
    std::fs::write(&csv, "personal_number,surname,given_names,birth_date,district,registered_on\n")
        .unwrap_or_else(|error| panic!("{error}"));
    let output = import("ru");
    let said = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains("реестр не импортирован") && said.contains("нет обязательных столбцов: station"), "{said}");
    assert_eq!(std::fs::read(&db).unwrap_or_else(|error| panic!("{error}")), before, "the old register stays");
}
