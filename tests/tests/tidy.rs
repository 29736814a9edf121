//! House rules that the compiler cannot see: the direction of dependencies between our
//! crates (design.md, "Layout"), which crates may know Tauri or do IO, and that every
//! crate says what it owns.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cargo_metadata::{DependencyKind, MetadataCommand, Package};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn workspace_packages() -> Vec<Package> {
    let metadata = MetadataCommand::new()
        .manifest_path(workspace_root().join("Cargo.toml"))
        .no_deps()
        .exec()
        .expect("cargo metadata");
    let members: BTreeSet<_> = metadata.workspace_members.iter().cloned().collect();
    metadata.packages.into_iter().filter(|p| members.contains(&p.id)).collect()
}

/// Normal (non-dev, non-build) dependencies of a package, by name.
fn normal_dependencies(package: &Package) -> BTreeSet<String> {
    package
        .dependencies
        .iter()
        .filter(|d| d.kind == DependencyKind::Normal)
        .map(|d| d.name.clone())
        .collect()
}

/// Which of our crates each of our crates may depend on. A new crate must be added here
/// on purpose.
fn allowed_internal_edges() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        ("domain", &[][..]),
        ("store", &["domain"][..]),
        ("i18n", &["domain"][..]),
        ("bundle", &["domain"][..]),
        ("print", &["domain", "i18n"][..]),
        ("api", &["domain", "store", "i18n", "bundle", "print", "driver-api", "sim", "mrz"][..]),
        ("cli", &["api", "domain", "store", "i18n", "bundle", "print"][..]),
        ("uchastok-app", &["api", "domain", "driver-api", "sim"][..]),
        ("driver-api", &[][..]),
        ("sim", &["driver-api"][..]),
        ("mrz", &[][..]),
        ("camera", &["driver-api", "mrz", "vision"][..]),
        ("vision", &["mrz"][..]),
        ("corpus", &["mrz", "vision"][..]),
        ("printer", &["driver-api"][..]),
        ("smartcard", &["driver-api"][..]),
        ("external", &["driver-api"][..]),
        ("uchastok-tests", &["domain", "store", "api", "sim", "i18n", "driver-api", "bundle", "print", "mrz"][..]),
    ])
}

#[test]
fn crate_dependencies_point_the_way_design_md_says() {
    let packages = workspace_packages();
    let ours: BTreeSet<String> = packages.iter().map(|p| p.name.to_string()).collect();
    let allowed = allowed_internal_edges();
    let mut wrong = Vec::new();
    for package in &packages {
        let name = package.name.to_string();
        let Some(permitted) = allowed.get(name.as_str()) else {
            wrong.push(format!("{name}: a new crate; add its allowed edges to tests/tests/tidy.rs"));
            continue;
        };
        for dependency in normal_dependencies(package).intersection(&ours) {
            if !permitted.contains(&dependency.as_str()) {
                wrong.push(format!("{name} -> {dependency}"));
            }
        }
    }
    assert!(wrong.is_empty(), "dependency edges against design.md:\n{}", wrong.join("\n"));
}

#[test]
fn only_the_app_knows_tauri() {
    let offenders: Vec<String> = workspace_packages()
        .iter()
        .filter(|p| p.name.as_str() != "uchastok-app")
        .filter(|p| p.dependencies.iter().any(|d| d.name.starts_with("tauri")))
        .map(|p| p.name.to_string())
        .collect();
    assert!(offenders.is_empty(), "crates other than src-tauri depend on Tauri: {offenders:?}");
}

#[test]
fn drivers_depend_only_on_driver_api() {
    let ours: BTreeSet<String> = workspace_packages().iter().map(|p| p.name.to_string()).collect();
    let mut wrong = Vec::new();
    for package in workspace_packages() {
        let in_drivers = package.manifest_path.as_str().contains("/device-drivers/");
        if !in_drivers || package.name.as_str() == "driver-api" {
            continue;
        }
        for dependency in normal_dependencies(&package).intersection(&ours) {
            if dependency != "driver-api" && dependency != "mrz" && dependency != "vision" {
                wrong.push(format!("{} -> {dependency}", package.name));
            }
        }
    }
    assert!(wrong.is_empty(), "drivers depending on more than driver-api: {wrong:?}");
}

/// Crates that would let `domain` reach a file, a socket, a database, a clock or chance.
const IO_CRATES: &[&str] = &[
    "rusqlite", "tokio", "async-std", "reqwest", "hyper", "ureq", "rand", "getrandom", "ring",
    "nokhwa", "pcsc", "cryptoki", "zip", "printpdf", "tracing", "dirs", "tempfile", "fastrand",
];

/// Source text that would do the same without a crate.
const IO_CALLS: &[&str] = &[
    "std::fs", "std::net", "std::process", "std::env", "std::time::SystemTime", "std::time::Instant",
    "Utc::now", "Local::now", "SystemTime::now", "Instant::now", "thread_rng",
];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn domain_depends_on_no_io_crate_and_calls_no_clock() {
    let packages = workspace_packages();
    let domain = packages.iter().find(|p| p.name.as_str() == "domain").expect("domain crate");
    let io: Vec<String> =
        normal_dependencies(domain).into_iter().filter(|d| IO_CRATES.contains(&d.as_str())).collect();
    assert!(io.is_empty(), "domain depends on IO crates: {io:?}");

    let src = workspace_root().join("src-tauri/crates/domain/src");
    let mut calls = Vec::new();
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).expect("read domain source");
        for call in IO_CALLS {
            if text.contains(call) {
                calls.push(format!("{}: {call}", file.display()));
            }
        }
    }
    assert!(calls.is_empty(), "domain reaches outside itself:\n{}", calls.join("\n"));
}

#[test]
fn every_crate_says_what_it_owns() {
    let mut undocumented = Vec::new();
    for package in workspace_packages() {
        for target in &package.targets {
            let is_root = target.kind.iter().any(|k| matches!(k, cargo_metadata::TargetKind::Lib | cargo_metadata::TargetKind::Bin));
            if !is_root {
                continue;
            }
            let text = std::fs::read_to_string(target.src_path.as_std_path()).unwrap_or_default();
            let first = text.lines().find(|line| !line.trim().is_empty() && !line.starts_with("#!")).unwrap_or("");
            if !first.starts_with("//!") {
                undocumented.push(format!("{} ({})", package.name, target.src_path));
            }
        }
    }
    assert!(undocumented.is_empty(), "crate roots without a //! doc: {undocumented:?}");
}
