//! The host against the simulated external driver: the devices work through the
//! protocol as they do in process, status changes arrive as events, and a bad driver —
//! garbage on its output, silence, a crash, a wrong version — never panics the host or
//! hangs a caller: it becomes a typed error and, when the process is gone, absent
//! devices. Timeouts here are guards against hanging, never expectations of speed.

use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use driver_api::{
    BallotMarks, Cancel, ContestMarks, Device, DeviceError, DeviceKind, DeviceState, FaceError,
    FaultCode, FingerprintError, MonitorContent, PrintJob, PrintKind, PrintPayload, Printer,
    PrinterError, SmartCardError, StatusBoard, Wait,
};
use external::{CallError, ExternalDevice, ExternalDriver, Options, SpawnError};
use serde_json::json;

const DRIVER: &str = env!("CARGO_BIN_EXE_sim-external-driver");

fn options() -> Options {
    Options {
        grace: Duration::from_secs(5),
        call_timeout: Duration::from_secs(10),
        ..Options::default()
    }
}

fn spawn(args: &[&str]) -> ExternalDriver {
    ExternalDriver::spawn(Path::new(DRIVER), args, options()).expect("the simulated driver starts")
}

fn device(driver: &ExternalDriver, id: &str) -> Arc<ExternalDevice> {
    driver
        .devices()
        .into_iter()
        .find(|d| d.id() == id)
        .expect(id)
}

fn wait() -> Wait {
    Wait::up_to(Duration::from_secs(5))
}

fn receipt() -> PrintJob {
    PrintJob {
        kind: PrintKind::Receipt,
        payload: PrintPayload::Text("receipt".into()),
        copies: 1,
    }
}

fn control(driver: &ExternalDriver, method: &str, params: serde_json::Value) {
    driver
        .call(method, params, Duration::from_secs(10))
        .expect(method);
}

#[test]
fn every_device_works_through_the_protocol() {
    let driver = spawn(&[]);
    assert_eq!(driver.info().protocol, 1);
    assert!(driver.info().driver.starts_with("sim-external-driver"));
    let devices = driver.dyn_devices();
    assert_eq!(devices.len(), 11);
    assert!(
        devices
            .iter()
            .all(|d| d.status().simulated && d.status().state == DeviceState::Ready)
    );
    for kind in DeviceKind::ALL {
        assert!(devices.iter().any(|d| d.kind() == kind), "{kind:?}");
    }

    // Identification: document, fingerprint, face.
    let reader = device(&driver, "document-reader");
    control(
        &driver,
        "sim.place-document",
        json!({"device": "document-reader", "lines": ["A", "B", "C"]}),
    );
    assert_eq!(
        reader
            .as_document_reader()
            .expect("reader")
            .read_mrz(&wait())
            .map(|m| m.lines.len()),
        Ok(3)
    );

    let scanner = device(&driver, "fingerprint-scanner");
    let scanner = scanner.as_fingerprint_scanner().expect("scanner");
    assert_eq!(scanner.capture(&wait()), Err(FingerprintError::NoFinger));
    control(
        &driver,
        "sim.present-finger",
        json!({"device": "fingerprint-scanner", "subject": "voter-1"}),
    );
    control(
        &driver,
        "sim.script-subject",
        json!({"device": "fingerprint-scanner", "subject": "voter-1", "fail_next": 2}),
    );
    let reference = sim::fingerprint_reference("voter-1");
    let mut outcomes = Vec::new();
    for _ in 0..3 {
        let live = scanner.capture(&wait()).expect("a capture");
        outcomes.push(scanner.verify(&live, &reference).is_ok());
    }
    assert_eq!(outcomes, [false, false, true]);
    assert_eq!(scanner.quality(&reference).map(|q| q.value()), Ok(90));

    let camera = device(&driver, "camera");
    control(
        &driver,
        "sim.show-subject",
        json!({"device": "camera", "subject": "voter-1"}),
    );
    let frame = camera
        .as_camera()
        .expect("camera")
        .frame(&wait())
        .expect("a frame");
    assert!(frame.is_consistent());
    let matcher = device(&driver, "face-matcher");
    let matcher = matcher.as_face_matcher().expect("matcher");
    assert!(
        matcher
            .compare(&frame, &sim::face_photo("voter-1"), &wait())
            .is_ok()
    );
    assert!(matches!(
        matcher.compare(&frame, &sim::face_photo("voter-2"), &wait()),
        Err(FaceError::NoMatch { .. })
    ));

    // QR of a spoiled ballot, then the chair's smart card.
    control(
        &driver,
        "sim.present-code",
        json!({"device": "qr-reader", "payload": "YmFsbG90LTQy"}),
    );
    let qr = device(&driver, "qr-reader");
    assert_eq!(
        qr.as_qr_reader()
            .expect("qr")
            .scan(&wait())
            .map(|c| c.payload),
        Ok(b"ballot-42".to_vec())
    );
    let card = device(&driver, "smart-card");
    let card = card.as_smart_card().expect("card");
    assert_eq!(card.present(), Ok(true));
    assert_eq!(card.sign(b"act"), Err(SmartCardError::PinRequired));
    assert_eq!(
        card.verify_pin("0000"),
        Err(SmartCardError::WrongPin { attempts_left: 2 })
    );
    card.verify_pin("1234").expect("the right PIN");
    let signature = card.sign(b"duplicate ballot act").expect("signed");
    let key = card.public_key().expect("a key");
    ring::signature::UnparsedPublicKey::new(&ring::signature::ED25519, &key.bytes)
        .verify(b"duplicate ballot act", &signature.bytes)
        .expect("the signature verifies");

    // Printing, counting, the observers' display.
    let printer = device(&driver, "ballot-printer");
    let printer = printer.as_printer().expect("printer");
    assert_eq!(printer.print(&receipt(), &wait()).map(|p| p.copies), Ok(1));
    let document = PrintJob {
        kind: PrintKind::Document,
        ..receipt()
    };
    assert_eq!(
        printer.print(&document, &wait()),
        Err(PrinterError::UnsupportedJob(PrintKind::Document))
    );
    let aeu = device(&driver, "aeu-main");
    let aeu = aeu.as_aeu().expect("aeu");
    let ballot = BallotMarks {
        contests: vec![ContestMarks {
            contest: "mayor".into(),
            options: vec!["candidate-2".into()],
        }],
    };
    assert_eq!(aeu.feed(&ballot).map(|f| f.ballot_number), Ok(1));
    assert_eq!(aeu.ballots_processed(), Ok(1));
    assert_eq!(
        aeu.preliminary_results().map(|r| r[0].counts[0].count),
        Ok(1)
    );
    let display = device(&driver, "observer-display");
    let content = MonitorContent {
        voters_in_list: 900,
        voters_identified: 1,
        ..MonitorContent::default()
    };
    assert_eq!(
        display
            .as_observer_display()
            .expect("display")
            .show(&content),
        Ok(())
    );

    // A device answers only the trait of its kind.
    assert!(device(&driver, "camera").as_printer().is_none());
    assert!(matches!(
        Printer::print(device(&driver, "camera").as_ref(), &receipt(), &wait()),
        Err(PrinterError::Device(DeviceError::Unsupported { .. }))
    ));
    assert_eq!(driver.anomalies().count, 0);
}

#[test]
fn status_changes_arrive_as_events_before_the_answer() {
    let driver = spawn(&[]);
    let board = StatusBoard::new();
    for d in driver.dyn_devices() {
        d.attach(&board);
    }
    let seen = board.version();
    control(
        &driver,
        "sim.inject-fault",
        json!({"device": "ballot-printer", "fault": "jammed"}),
    );
    // The event came before the control's answer, so the status is already there.
    assert_eq!(
        device(&driver, "ballot-printer").status().fault,
        Some(FaultCode::Jammed)
    );
    assert_eq!(
        board.status("ballot-printer").and_then(|s| s.fault),
        Some(FaultCode::Jammed)
    );
    assert!(board.version() > seen);
    let printer = device(&driver, "ballot-printer");
    assert!(matches!(
        printer
            .as_printer()
            .expect("printer")
            .print(&receipt(), &wait()),
        Err(PrinterError::Jammed { .. })
    ));
    control(&driver, "sim.repair", json!({"device": "ballot-printer"}));
    assert_eq!(
        board.status("ballot-printer").map(|s| s.state),
        Some(DeviceState::Ready)
    );

    // The AEU fails (§48): its status says so and it refuses to count.
    control(
        &driver,
        "sim.inject-fault",
        json!({"device": "aeu-main", "fault": "broken"}),
    );
    assert_eq!(
        board.status("aeu-main").and_then(|s| s.fault),
        Some(FaultCode::Broken)
    );
    let aeu = device(&driver, "aeu-main");
    assert_eq!(
        aeu.as_aeu().expect("aeu").ballots_processed(),
        Err(driver_api::AeuError::Failed)
    );

    // The card removed: absent on the board, typed error on use.
    control(
        &driver,
        "sim.inject-fault",
        json!({"device": "smart-card", "fault": "disconnected"}),
    );
    assert_eq!(
        board.status("smart-card").map(|s| s.state),
        Some(DeviceState::Absent)
    );
    let card = device(&driver, "smart-card");
    assert_eq!(card.as_smart_card().expect("card").present(), Ok(false));
    assert_eq!(
        card.as_smart_card().expect("card").verify_pin("1234"),
        Err(SmartCardError::Absent)
    );
}

#[test]
fn garbage_from_the_driver_is_noted_and_survived() {
    let options = Options {
        max_line: 4096,
        ..options()
    };
    let driver = ExternalDriver::spawn(Path::new(DRIVER), ["--misbehave", "garbage"], options)
        .expect("starts");
    // Small answers, so that only the garbage is longer than the limit.
    let aeu = device(&driver, "aeu-main");
    for _ in 0..5 {
        let count = aeu.as_aeu().expect("aeu").ballots_processed();
        assert_eq!(count, Ok(0), "{:?}", driver.anomalies());
    }
    assert_eq!(aeu.status().state, DeviceState::Ready);
    let anomalies = driver.anomalies();
    assert!(anomalies.count >= 5 * 8, "{anomalies:?}");
    assert!(
        anomalies
            .recent
            .iter()
            .any(|a| a.contains("longer than 4096")),
        "{anomalies:?}"
    );
    assert!(
        anomalies
            .recent
            .iter()
            .any(|a| a.contains("unknown device nobody")),
        "{anomalies:?}"
    );
}

#[test]
fn a_silent_method_times_out_marks_the_device_not_responding_and_recovers() {
    let options = Options {
        grace: Duration::from_millis(200),
        ..options()
    };
    let driver = ExternalDriver::spawn(
        Path::new(DRIVER),
        ["--misbehave", "hang-once:camera.frame"],
        options,
    )
    .expect("starts");
    let board = StatusBoard::new();
    let camera = device(&driver, "camera");
    camera.attach(&board);
    let quick = Wait::up_to(Duration::from_millis(100));
    assert_eq!(
        camera.as_camera().expect("camera").frame(&quick),
        Err(DeviceError::Timeout("camera".into()))
    );
    assert_eq!(camera.status().fault, Some(FaultCode::NotResponding));
    assert_eq!(
        board.status("camera").and_then(|s| s.fault),
        Some(FaultCode::NotResponding)
    );
    // Other devices are unaffected; the next frame comes and the camera is ready again.
    assert!(
        device(&driver, "aeu-main")
            .as_aeu()
            .expect("aeu")
            .ballots_processed()
            .is_ok()
    );
    assert!(camera.as_camera().expect("camera").frame(&wait()).is_ok());
    assert_eq!(camera.status().state, DeviceState::Ready);
    assert_eq!(
        board.status("camera").map(|s| s.state),
        Some(DeviceState::Ready)
    );
}

#[test]
fn a_cancelled_wait_returns_cancelled() {
    let driver = spawn(&["--misbehave", "hang:fingerprint-scanner.capture"]);
    let scanner = device(&driver, "fingerprint-scanner");
    let cancel = Cancel::new();
    let canceller = cancel.clone();
    let handle = thread::spawn(move || canceller.cancel());
    let long = Wait::up_to(Duration::from_secs(600)).cancelled_by(&cancel);
    let result = scanner
        .as_fingerprint_scanner()
        .expect("scanner")
        .capture(&long);
    handle.join().expect("canceller");
    assert_eq!(
        result,
        Err(FingerprintError::Device(DeviceError::Cancelled(
            "fingerprint-scanner".into()
        )))
    );
    assert!(driver.is_alive());
}

#[test]
fn a_crash_mid_call_leaves_every_device_absent_and_every_call_typed() {
    let driver = spawn(&["--misbehave", "crash:fingerprint-scanner.capture"]);
    let board = StatusBoard::new();
    for d in driver.dyn_devices() {
        d.attach(&board);
    }
    let scanner = device(&driver, "fingerprint-scanner");
    assert_eq!(
        scanner
            .as_fingerprint_scanner()
            .expect("scanner")
            .capture(&wait()),
        Err(FingerprintError::Device(DeviceError::Absent(
            "fingerprint-scanner".into()
        )))
    );
    assert!(!driver.is_alive());
    for d in driver.dyn_devices() {
        assert_eq!(d.status().state, DeviceState::Absent, "{}", d.id());
        assert_eq!(d.status().fault, Some(FaultCode::Disconnected));
    }
    assert!(
        board
            .snapshot()
            .devices
            .iter()
            .all(|s| s.state == DeviceState::Absent)
    );
    let printer = device(&driver, "ballot-printer");
    assert_eq!(
        printer
            .as_printer()
            .expect("printer")
            .print(&receipt(), &wait()),
        Err(PrinterError::Device(DeviceError::Absent(
            "ballot-printer".into()
        )))
    );
    assert_eq!(
        driver.call(
            "status",
            json!({"device": "camera"}),
            Duration::from_secs(1)
        ),
        Err(CallError::Dead)
    );
    // The stderr thread reads on its own; wait for it (the deadline only guards a hang).
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !driver.stderr_tail().iter().any(|l| l.contains("crashing")) {
        assert!(
            std::time::Instant::now() < deadline,
            "{:?}",
            driver.stderr_tail()
        );
        thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn concurrent_callers_get_their_own_answers() {
    let driver = Arc::new(spawn(&["--finger", "voter-7"]));
    let handles: Vec<_> = (0..8)
        .map(|n| {
            let driver = Arc::clone(&driver);
            thread::spawn(move || {
                for _ in 0..10 {
                    if n % 2 == 0 {
                        let aeu = device(&driver, "aeu-reserve");
                        aeu.as_aeu()
                            .expect("aeu")
                            .ballots_processed()
                            .expect("a count");
                    } else {
                        let scanner = device(&driver, "fingerprint-scanner");
                        let template = scanner
                            .as_fingerprint_scanner()
                            .expect("scanner")
                            .capture(&wait())
                            .expect("a capture");
                        assert_eq!(template.format, sim::FINGERPRINT_FORMAT);
                    }
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a caller");
    }
    assert_eq!(driver.anomalies().count, 0);
}

#[test]
fn drivers_that_cannot_start_are_spawn_errors() {
    let missing =
        ExternalDriver::spawn(Path::new("/nonexistent/vendor-driver"), [""; 0], options());
    assert!(
        matches!(missing, Err(SpawnError::Spawn { .. })),
        "{missing:?}"
    );

    let exits = ExternalDriver::spawn(
        Path::new(DRIVER),
        ["--misbehave", "exit-at-start"],
        options(),
    );
    match exits {
        Err(SpawnError::Handshake { reason, .. }) => assert!(reason.contains("exited"), "{reason}"),
        other => panic!("{other:?}"),
    }

    let other_version = ExternalDriver::spawn(Path::new(DRIVER), ["--protocol", "2"], options());
    assert!(
        matches!(other_version, Err(SpawnError::Protocol { offered: 2, .. })),
        "{other_version:?}"
    );

    let quick = Options {
        handshake_timeout: Duration::from_millis(300),
        ..options()
    };
    let mute = ExternalDriver::spawn(Path::new(DRIVER), ["--misbehave", "mute"], quick);
    assert!(matches!(mute, Err(SpawnError::Timeout { .. })), "{mute:?}");
}

#[test]
fn dropping_the_driver_shuts_the_child_down_and_its_devices_turn_absent() {
    let driver = spawn(&[]);
    let devices = driver.dyn_devices();
    drop(driver);
    assert!(
        devices
            .iter()
            .all(|d| d.status().state == DeviceState::Absent)
    );
    let camera = devices
        .iter()
        .find(|d| d.kind() == DeviceKind::Camera)
        .expect("camera");
    assert_eq!(
        camera.as_camera().expect("camera").frame(&wait()),
        Err(DeviceError::Absent("camera".into()))
    );
}
