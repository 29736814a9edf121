//! The conformance suite against the simulated external driver: it must pass, with the
//! success paths exercised when someone is in front of the devices; and it must catch
//! drivers that break the protocol (here, the simulator misbehaving on purpose).

use std::ffi::OsString;
use std::path::Path;
use std::time::Duration;

use external::conformance::{self, Options, Outcome, Report};

const DRIVER: &str = env!("CARGO_BIN_EXE_sim-external-driver");

fn quick(args: &[&str]) -> Options {
    Options {
        args: args.iter().map(OsString::from).collect(),
        // Short, since the simulator answers at once; these are guards, not expectations.
        wait: Duration::from_secs(1),
        grace: Duration::from_secs(5),
        call_timeout: Duration::from_secs(5),
        ..Options::default()
    }
}

fn passed(report: &Report, name: &str) -> String {
    match report.check(name).map(|c| &c.outcome) {
        Some(Outcome::Passed(detail)) => detail.clone(),
        other => panic!("{name}: {other:?}\n{report}"),
    }
}

#[test]
fn the_simulated_driver_passes_with_nobody_at_the_devices() {
    let report = conformance::run(Path::new(DRIVER), &[]);
    assert!(report.passed(), "{report}");
    assert_eq!(report.devices.len(), 11);
    // Every method of every kind was checked, on every device.
    for (id, kind) in &report.devices {
        assert!(
            report.check(&format!("status {id}")).is_some(),
            "status {id}"
        );
        for method in external::wire::methods_of(*kind) {
            let checked = report
                .checks
                .iter()
                .any(|c| c.name.starts_with(method) && c.name.ends_with(id.as_str()));
            assert!(checked, "{method} on {id} was not checked\n{report}");
        }
    }
    // With nobody there, waiting methods answer their documented refusals.
    assert_eq!(
        passed(&report, "fingerprint-scanner.capture fingerprint-scanner"),
        "error: no-finger"
    );
    assert_eq!(
        passed(&report, "document-reader.read-mrz document-reader"),
        "error: no-document"
    );
    assert_eq!(
        passed(&report, "qr-reader.scan qr-reader"),
        "error: no-code"
    );
    assert_eq!(
        passed(&report, "smart-card.sign smart-card"),
        "error: pin-required"
    );
    for name in [
        "errors: unknown method",
        "errors: unknown device",
        "errors: missing device",
        "errors: method of another kind",
        "errors: malformed request",
        "cancel",
        "shutdown",
        "output is well-formed",
        "host: handshake",
        "host: a dead driver leaves absent devices",
    ] {
        passed(&report, name);
    }
}

#[test]
fn the_simulated_driver_passes_with_everyone_present_and_the_pin() {
    let options = Options {
        pin: Some("1234".into()),
        try_wrong_pin: true,
        ..quick(&[
            "--finger",
            "voter-1",
            "--face",
            "voter-1",
            "--document",
            "P<KGZ/L898902C36/X",
            "--qr",
            "ballot-42",
        ])
    };
    let report = conformance::run_with(Path::new(DRIVER), &options);
    assert!(report.passed(), "{report}");
    assert!(passed(&report, "camera.frame camera").starts_with("result"));
    assert_eq!(
        passed(&report, "document-reader.read-mrz document-reader"),
        "result: 3 lines"
    );
    assert_eq!(
        passed(&report, "qr-reader.scan qr-reader"),
        "result: 9 bytes"
    );
    assert!(
        passed(&report, "fingerprint-scanner.capture fingerprint-scanner").starts_with("result")
    );
    assert!(
        passed(&report, "fingerprint-scanner.verify fingerprint-scanner")
            .starts_with("result: score")
    );
    assert!(
        passed(&report, "fingerprint-scanner.quality fingerprint-scanner")
            .starts_with("result: quality")
    );
    assert_eq!(
        passed(&report, "smart-card.verify-pin (wrong PIN) smart-card"),
        "error: wrong-pin"
    );
    assert_eq!(
        passed(&report, "smart-card.verify-pin smart-card"),
        "result: {}"
    );
    passed(&report, "smart-card.sign verifies smart-card");
    assert_eq!(
        passed(&report, "printer.print ballot-printer"),
        "result: printed"
    );
    passed(&report, "aeu.feed counts aeu-main");
}

#[test]
fn a_subset_of_kinds_is_a_smaller_driver() {
    let report = conformance::run_with(
        Path::new(DRIVER),
        &quick(&["--kinds", "fingerprint-scanner,aeu"]),
    );
    assert!(report.passed(), "{report}");
    let ids: Vec<&str> = report.devices.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["fingerprint-scanner", "aeu-main", "aeu-reserve"]);
}

#[test]
fn garbage_on_the_output_fails_the_suite_but_nothing_else() {
    let report = conformance::run_with(Path::new(DRIVER), &quick(&["--misbehave", "garbage"]));
    assert!(!report.passed());
    let failed: Vec<&str> = report.failures().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(failed, ["output is well-formed"], "{report}");
}

#[test]
fn a_method_that_never_answers_fails_its_check_and_the_suite_goes_on() {
    let options = Options {
        grace: Duration::from_secs(1),
        ..quick(&["--misbehave", "hang:camera.frame"])
    };
    let report = conformance::run_with(Path::new(DRIVER), &options);
    let failed: Vec<&str> = report.failures().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(failed, ["camera.frame camera"], "{report}");
    passed(&report, "shutdown");
}

#[test]
fn a_driver_that_crashes_mid_run_is_reported() {
    let report = conformance::run_with(
        Path::new(DRIVER),
        &quick(&["--misbehave", "crash:aeu.feed"]),
    );
    assert!(!report.passed());
    let failed: Vec<&str> = report.failures().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        failed,
        ["aeu.feed aeu-main", "stays up until shutdown"],
        "{report}"
    );
}

#[test]
fn drivers_that_cannot_start_or_greet_are_reported() {
    let report = conformance::run(Path::new("/nonexistent/vendor-driver"), &[]);
    assert!(!report.passed());
    assert!(matches!(
        report.check("spawn").map(|c| &c.outcome),
        Some(Outcome::Failed(_))
    ));

    let report =
        conformance::run_with(Path::new(DRIVER), &quick(&["--misbehave", "exit-at-start"]));
    assert!(
        matches!(
            report.check("handshake").map(|c| &c.outcome),
            Some(Outcome::Failed(_))
        ),
        "{report}"
    );

    let options = Options {
        call_timeout: Duration::from_millis(300),
        grace: Duration::from_secs(1),
        ..quick(&["--misbehave", "mute"])
    };
    let report = conformance::run_with(Path::new(DRIVER), &options);
    assert!(
        matches!(
            report.check("handshake").map(|c| &c.outcome),
            Some(Outcome::Failed(_))
        ),
        "{report}"
    );

    let report = conformance::run_with(Path::new(DRIVER), &quick(&["--protocol", "2"]));
    assert!(
        matches!(
            report.check("handshake").map(|c| &c.outcome),
            Some(Outcome::Failed(_))
        ),
        "{report}"
    );
}

#[test]
fn the_command_line_runner_exits_by_the_verdict() {
    let runner = env!("CARGO_BIN_EXE_driver-conformance");
    let ok = std::process::Command::new(runner)
        .args(["--wait-ms", "300", "--", DRIVER])
        .output()
        .expect("run");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("0 failed"));
    let bad = std::process::Command::new(runner)
        .args(["--wait-ms", "300", "--", DRIVER, "--misbehave", "garbage"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("FAIL output is well-formed"));
}
