//! Runs the real `uchastok demo --out DIR` and `uchastok verify` on what it wrote: the
//! demo's signed bundle verifies against its registry, in both languages, with the
//! sequence number and the checkpoints' fingerprints printed; a changed bundle, a
//! replayed one and a registry pinned to another district key are refused with a
//! translated reason and exit code 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn uchastok(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uchastok"))
        .args(args)
        .env_remove("UCHASTOK_LANG")
        .output()
        .unwrap_or_else(|error| panic!("cannot run uchastok: {error}"))
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap_or_else(|| panic!("non-UTF-8 temp path"))
}

/// Runs the demo into `dir`; returns the bundle's path.
fn demo(dir: &Path) -> PathBuf {
    let output = uchastok(&["demo", "--station-kind", "regular", "--voters", "5", "--seed", "2", "--out", path(dir), "--lang", "ru"]);
    assert!(output.status.success(), "{}", text(&output));
    let said = text(&output);
    assert!(said.contains("Пакет для окружной комиссии:"), "{said}");
    assert!(dir.join("station-key.json").exists() && dir.join("demo-registry.json").exists(), "{said}");
    let bundles: Vec<PathBuf> = std::fs::read_dir(dir.join("bundles"))
        .unwrap_or_else(|error| panic!("{error}"))
        .flatten()
        .map(|entry| entry.path())
        .collect();
    assert_eq!(bundles.len(), 1, "{bundles:?}");
    bundles[0].clone()
}

#[test]
fn the_demos_bundle_verifies_against_its_registry() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let bundle = demo(dir.path());
    let registry = dir.path().join("demo-registry.json");
    let output = uchastok(&["verify", path(&bundle), "--registry", path(&registry), "--lang", "ru"]);
    let said = text(&output);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("Пакет проверен") && said.contains("пакет № 1"), "{said}");
    assert!(said.contains("Контрольная точка в записи №"), "{said}");
    assert!(said.contains("совпадают с подписанным протоколом № 1"), "{said}");
    let key: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("station-key.json")).unwrap_or_default()).unwrap_or_default();
    let fingerprint = key["fingerprint"].as_str().unwrap_or_else(|| panic!("no fingerprint in station-key.json"));
    assert!(said.contains(fingerprint), "{said}");
    let output = uchastok(&["verify", path(&bundle), "--registry", path(&registry), "--lang", "ky"]);
    assert!(output.status.success());
    assert!(text(&output).contains("Пакет текшерилди"), "{}", text(&output));
}

#[test]
fn a_changed_or_replayed_bundle_and_a_foreign_registry_are_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
    let bundle = demo(dir.path());
    let registry = dir.path().join("demo-registry.json");

    let mut bytes = std::fs::read(&bundle).unwrap_or_else(|error| panic!("{error}"));
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let changed = dir.path().join("changed.zip");
    std::fs::write(&changed, &bytes).unwrap_or_else(|error| panic!("{error}"));
    let output = uchastok(&["verify", path(&changed), "--registry", path(&registry), "--lang", "ru"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("отклонён"), "{}", text(&output));

    let output = uchastok(&["verify", path(&bundle), "--registry", path(&registry), "--min-sequence", "2", "--lang", "ru"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("[bundle.replayed]"), "{}", text(&output));

    let output = uchastok(&["verify", path(&bundle), "--registry", path(&registry), "--dec-key", "0000 0000 0000 0000", "--lang", "ky"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("[bundle.registry-other-signer]"), "{}", text(&output));

    let output = uchastok(&["verify", path(&dir.path().join("missing.zip")), "--registry", path(&registry), "--lang", "ru"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).contains("не читается"), "{}", text(&output));
}
