use std::time::Duration;

use driver_api::{
    AeuError, BallotMarks, ContestMarks, DeviceError, DeviceState, DocumentError, FaceError,
    FingerprintError, MonitorContent, OptionCount, PrintJob, PrintKind, PrintPayload, PrinterError,
    QrError, SmartCardError, Wait,
};
use driver_api::{Cancel, JobId};

use super::*;

fn receipt() -> PrintJob {
    PrintJob {
        kind: PrintKind::Receipt,
        payload: PrintPayload::Text("receipt".into()),
        copies: 1,
    }
}

fn ballot(contest: &str, options: &[&str]) -> BallotMarks {
    BallotMarks {
        contests: vec![ContestMarks {
            contest: contest.into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
        }],
    }
}

fn wait() -> Wait {
    Wait::default()
}

#[test]
fn every_kind_has_a_twin_and_two_aeus_exist() {
    let devices = station_set();
    for kind in DeviceKind::ALL {
        assert!(
            devices.iter().any(|d| d.kind() == kind),
            "{kind:?} has no simulated twin"
        );
    }
    let aeus: Vec<_> = devices
        .iter()
        .filter(|d| d.kind() == DeviceKind::Aeu)
        .collect();
    assert_eq!(aeus.len(), 2);
    assert_eq!(aeus.iter().filter(|d| d.status().reserve).count(), 1);
    assert!(
        devices
            .iter()
            .all(|d| d.status().simulated && d.status().state == DeviceState::Ready)
    );
    let ids: std::collections::BTreeSet<_> = devices.iter().map(|d| d.id().to_owned()).collect();
    assert_eq!(ids.len(), devices.len(), "ids are unique");
}

#[test]
fn injected_fault_shows_in_status_until_repaired() {
    let printer = SimDevice::new("ballot-printer", DeviceKind::BallotPrinter, false);
    printer.inject_fault(FaultCode::Jammed);
    assert_eq!(printer.status().state, DeviceState::Fault);
    assert_eq!(printer.status().fault, Some(FaultCode::Jammed));
    printer.inject_fault(FaultCode::Disconnected);
    assert_eq!(printer.status().state, DeviceState::Absent);
    printer.repair();
    assert_eq!(printer.status().state, DeviceState::Ready);
    assert_eq!(printer.status().fault, None);
}

#[test]
fn each_device_offers_exactly_the_trait_of_its_kind() {
    for device in SimStation::new(1).dyn_devices() {
        let offered = [
            (DeviceKind::Camera, device.as_camera().is_some()),
            (
                DeviceKind::DocumentReader,
                device.as_document_reader().is_some(),
            ),
            (DeviceKind::QrReader, device.as_qr_reader().is_some()),
            (
                DeviceKind::FingerprintScanner,
                device.as_fingerprint_scanner().is_some(),
            ),
            (DeviceKind::FaceMatcher, device.as_face_matcher().is_some()),
            (DeviceKind::Aeu, device.as_aeu().is_some()),
            (DeviceKind::SmartCard, device.as_smart_card().is_some()),
            (
                DeviceKind::ObserverDisplay,
                device.as_observer_display().is_some(),
            ),
        ];
        for (kind, some) in offered {
            assert_eq!(some, device.kind() == kind, "{} as {kind:?}", device.id());
        }
        let printer = matches!(
            device.kind(),
            DeviceKind::BallotPrinter | DeviceKind::DocumentPrinter
        );
        assert_eq!(
            device.as_printer().is_some(),
            printer,
            "{} as printer",
            device.id()
        );
    }
}

/// A little day on one station, written down as text: what every call answered.
fn transcript(station: &SimStation) -> Vec<String> {
    let mut out = Vec::new();
    station.fingerprint_scanner.present_finger(Some("voter-1"));
    station
        .fingerprint_scanner
        .script_subject("voter-1", Some(SubjectScript::FailNext(2)));
    let reference = fingerprint_reference("voter-1");
    for _ in 0..6 {
        let scanner = &station.fingerprint_scanner;
        let result = scanner
            .capture(&wait())
            .and_then(|live| scanner.verify(&live, &reference));
        out.push(format!("{result:?}"));
    }
    station.camera.show_subject(Some("voter-1"));
    for _ in 0..3 {
        let frame = station.camera.frame(&wait());
        out.push(format!(
            "{:?}",
            frame.as_ref().map(|f| (
                f.sequence,
                f.data.iter().map(|&b| u64::from(b)).sum::<u64>()
            ))
        ));
        if let Ok(frame) = frame {
            out.push(format!(
                "{:?}",
                station
                    .face_matcher
                    .compare(&frame, &face_photo("voter-1"), &wait())
            ));
        }
    }
    for _ in 0..8 {
        out.push(format!(
            "{:?}",
            station.ballot_printer.print(&receipt(), &wait())
        ));
        out.push(format!(
            "{:?}",
            station.aeu_main.feed(&ballot("mayor", &["a"]))
        ));
    }
    out.push(format!("{:?}", station.smart_card.public_key()));
    out
}

fn noisy(seed: u64) -> SimStation {
    let knobs = Knobs {
        delay: Delay {
            min_ms: 0,
            max_ms: 1000,
        },
        failure_rate: 0.3,
        real_delays: false,
    };
    let station = SimStation::with_options(&SimOptions {
        seed,
        knobs,
        clock: SimClock::new(),
    });
    station.ballot_printer.core().set_script(
        Script::new()
            .at_step(4, Action::Fault(FaultCode::Jammed))
            .at_step(5, Action::Repair),
    );
    station
}

#[test]
fn same_seed_and_script_replay_the_same_day_and_another_seed_does_not() {
    let first = transcript(&noisy(7));
    assert_eq!(first, transcript(&noisy(7)));
    assert_ne!(first, transcript(&noisy(8)));
    // The script fired in both runs: job 4 jammed.
    assert!(
        first
            .iter()
            .any(|line| line.contains("Jammed { job: JobId(4)")),
        "{first:#?}"
    );
}

#[test]
fn the_printer_jams_at_job_5_and_stays_jammed_until_repaired() {
    let station = SimStation::new(1);
    let printer = &station.ballot_printer;
    let board = StatusBoard::new();
    printer.attach(&board);
    printer
        .core()
        .set_script(Script::new().at_step(5, Action::Fault(FaultCode::Jammed)));
    for job in 1..=4 {
        assert_eq!(
            printer.print(&receipt(), &wait()).map(|p| p.job),
            Ok(JobId(job))
        );
    }
    assert_eq!(
        printer.print(&receipt(), &wait()),
        Err(PrinterError::Jammed {
            job: JobId(5),
            copies_printed: 0
        })
    );
    assert_eq!(
        board.status("ballot-printer").and_then(|s| s.fault),
        Some(FaultCode::Jammed)
    );
    assert!(matches!(
        printer.print(&receipt(), &wait()),
        Err(PrinterError::Jammed { .. })
    ));
    printer.core().repair();
    assert_eq!(
        board.status("ballot-printer").map(|s| s.state),
        Some(DeviceState::Ready)
    );
    assert_eq!(
        printer.print(&receipt(), &wait()).map(|p| p.job),
        Ok(JobId(7))
    );
    assert_eq!(printer.printed().len(), 5);
}

#[test]
fn the_printer_runs_out_of_paper_mid_job_and_refuses_wrong_jobs() {
    let station = SimStation::new(1);
    let printer = &station.ballot_printer;
    printer.load_paper(Some(3));
    let two = PrintJob {
        copies: 2,
        ..receipt()
    };
    assert_eq!(printer.print(&two, &wait()).map(|p| p.copies), Ok(2));
    assert_eq!(
        printer.print(&two, &wait()),
        Err(PrinterError::OutOfPaper {
            job: JobId(2),
            copies_printed: 1
        })
    );
    assert_eq!(printer.status().fault, Some(FaultCode::OutOfPaper));
    printer.load_paper(None);
    assert_eq!(printer.status().state, DeviceState::Ready);
    assert!(printer.print(&two, &wait()).is_ok());

    let document = PrintJob {
        kind: PrintKind::Document,
        ..receipt()
    };
    assert_eq!(
        printer.print(&document, &wait()),
        Err(PrinterError::UnsupportedJob(PrintKind::Document))
    );
    assert!(station.document_printer.print(&document, &wait()).is_ok());
    let none = PrintJob {
        copies: 0,
        ..receipt()
    };
    assert!(matches!(
        printer.print(&none, &wait()),
        Err(PrinterError::InvalidJob(_))
    ));
    let fake_pdf = PrintJob {
        payload: PrintPayload::Pdf(b"hello".to_vec()),
        ..receipt()
    };
    assert!(matches!(
        printer.print(&fake_pdf, &wait()),
        Err(PrinterError::InvalidJob(_))
    ));
    assert_eq!(printer.last_job(), Some(two));
}

#[test]
fn a_certain_failure_rate_jams_every_job_and_a_zero_rate_none() {
    let station = SimStation::new(3);
    let printer = &station.ballot_printer;
    printer.core().set_knobs(Knobs {
        failure_rate: 1.0,
        ..Knobs::default()
    });
    assert!(matches!(
        printer.print(&receipt(), &wait()),
        Err(PrinterError::Jammed {
            copies_printed: 0,
            ..
        })
    ));
    printer.core().repair();
    printer.core().set_knobs(Knobs {
        failure_rate: 0.0,
        ..Knobs::default()
    });
    for _ in 0..50 {
        assert!(printer.print(&receipt(), &wait()).is_ok());
    }
    station.camera.core().set_knobs(Knobs {
        failure_rate: 1.0,
        ..Knobs::default()
    });
    assert_eq!(
        station.camera.frame(&wait()),
        Err(DeviceError::Timeout("camera".into()))
    );
}

#[test]
fn the_aeu_fails_after_120_ballots_and_the_reserve_counts_on() {
    let station = SimStation::new(5);
    station
        .aeu_main
        .core()
        .set_script(Script::new().at_step(121, Action::Fault(FaultCode::Broken)));
    for n in 1..=120u64 {
        let marks = if n % 10 == 0 {
            ballot("mayor", &["a", "b"])
        } else {
            ballot("mayor", &[if n % 3 == 0 { "b" } else { "a" }])
        };
        assert_eq!(
            station.aeu_main.feed(&marks).map(|fed| fed.ballot_number),
            Ok(n)
        );
    }
    assert_eq!(station.aeu_main.ballots_processed(), Ok(120));
    let results = station
        .aeu_main
        .preliminary_results()
        .expect("results before the failure");
    assert_eq!(results[0].invalid, 12);
    let total: u64 = results[0].counts.iter().map(|c| c.count).sum();
    assert_eq!(total, 108);

    assert_eq!(
        station.aeu_main.feed(&ballot("mayor", &["a"])),
        Err(AeuError::Failed)
    );
    assert_eq!(station.aeu_main.status().fault, Some(FaultCode::Broken));
    assert_eq!(station.aeu_main.ballots_processed(), Err(AeuError::Failed));
    assert_eq!(
        station.aeu_main.preliminary_results(),
        Err(AeuError::Failed)
    );

    assert_eq!(
        station
            .aeu_reserve
            .feed(&ballot("mayor", &["b"]))
            .map(|f| f.ballot_number),
        Ok(1)
    );
    let reserve = station
        .aeu_reserve
        .preliminary_results()
        .expect("reserve results");
    assert_eq!(
        reserve[0].counts,
        vec![OptionCount {
            option: "b".into(),
            count: 1
        }]
    );

    station.aeu_reserve.core().fail_next();
    assert_eq!(
        station.aeu_reserve.feed(&ballot("mayor", &["b"])),
        Err(AeuError::Rejected)
    );
    assert_eq!(station.aeu_reserve.ballots_processed(), Ok(1));
    assert_eq!(station.aeu_reserve.status().state, DeviceState::Ready);
}

#[test]
fn a_miscounting_aeu_reports_ballots_on_the_wrong_option_but_processes_them_all() {
    let station = SimStation::new(6);
    for option in ["a", "a", "a", "b"] {
        station.aeu_main.feed(&ballot("mayor", &[option])).expect("fed");
    }
    station.aeu_main.miscount(Miscount {
        contest: "mayor".into(),
        from: "a".into(),
        to: "c".into(),
        ballots: 2,
    });
    // Never more than the urn counted for the option.
    station.aeu_main.miscount(Miscount {
        contest: "mayor".into(),
        from: "b".into(),
        to: "a".into(),
        ballots: 5,
    });
    let results = station.aeu_main.preliminary_results().expect("results");
    let count = |option: &str| {
        results[0]
            .counts
            .iter()
            .find(|c| c.option == option)
            .map_or(0, |c| c.count)
    };
    assert_eq!((count("a"), count("b"), count("c")), (2, 0, 2));
    assert_eq!(station.aeu_main.ballots_processed(), Ok(4));
    assert_eq!(
        station.aeu_reserve.preliminary_results(),
        Ok(Vec::new()),
        "the other urn counts true"
    );
}

#[test]
fn a_voter_failing_the_next_10_attempts_matches_on_the_11th() {
    let station = SimStation::new(11);
    let scanner = &station.fingerprint_scanner;
    assert_eq!(scanner.capture(&wait()), Err(FingerprintError::NoFinger));
    scanner.present_finger(Some("voter-x"));
    scanner.script_subject("voter-x", Some(SubjectScript::FailNext(10)));
    let reference = fingerprint_reference("voter-x");
    for attempt in 1..=10 {
        let live = scanner.capture(&wait()).expect("a capture");
        assert!(scanner.quality(&live).expect("quality").value() >= MIN_QUALITY);
        let result = scanner.verify(&live, &reference);
        assert!(
            matches!(result, Err(FingerprintError::NoMatch { .. })),
            "attempt {attempt}: {result:?}"
        );
    }
    let live = scanner.capture(&wait()).expect("a capture");
    let score = scanner
        .verify(&live, &reference)
        .expect("the 11th attempt matches");
    assert!(score.value() >= 60);

    // Someone else's finger never matches; a voter scripted to always fail never does.
    assert!(matches!(
        scanner.verify(&live, &fingerprint_reference("voter-y")),
        Err(FingerprintError::NoMatch { .. })
    ));
    scanner.script_subject("voter-x", Some(SubjectScript::AlwaysFail));
    for _ in 0..20 {
        assert!(matches!(
            scanner.verify(&live, &reference),
            Err(FingerprintError::NoMatch { .. })
        ));
    }
    scanner.script_subject("voter-x", None);
    assert!(scanner.verify(&live, &reference).is_ok());

    let foreign = driver_api::Template {
        format: "iso-19794-2".into(),
        data: vec![1, 2, 3],
    };
    assert_eq!(
        scanner.verify(&foreign, &reference),
        Err(FingerprintError::InvalidTemplate)
    );
    assert_eq!(scanner.quality(&reference).map(|q| q.value()), Ok(90));
    scanner.core().fail_next();
    assert!(matches!(
        scanner.capture(&wait()),
        Err(FingerprintError::LowQuality { .. })
    ));
    scanner.core().inject_fault(FaultCode::Disconnected);
    assert_eq!(
        scanner.capture(&wait()),
        Err(FingerprintError::Device(DeviceError::Absent(
            "fingerprint-scanner".into()
        )))
    );
}

#[test]
fn the_face_matcher_compares_who_the_camera_sees_with_the_reference() {
    let station = SimStation::new(2);
    let matcher = &station.face_matcher;
    let nobody = station.camera.frame(&wait()).expect("a frame");
    assert!(nobody.is_consistent());
    assert_eq!(
        matcher.compare(&nobody, &face_photo("voter-1"), &wait()),
        Err(FaceError::NoFace)
    );
    station.camera.show_subject(Some("voter-1"));
    let frame = station.camera.frame(&wait()).expect("a frame");
    assert_eq!(frame.sequence, nobody.sequence + 1);
    assert_eq!(face_in(&frame).as_deref(), Some("voter-1"));
    assert!(
        matcher
            .compare(&frame, &face_photo("voter-1"), &wait())
            .is_ok()
    );
    assert!(matches!(
        matcher.compare(&frame, &face_photo("voter-2"), &wait()),
        Err(FaceError::NoMatch { .. })
    ));
    let jpeg = driver_api::Photo {
        media_type: "image/jpeg".into(),
        data: vec![0xFF, 0xD8],
    };
    assert_eq!(
        matcher.compare(&frame, &jpeg, &wait()),
        Err(FaceError::InvalidReference)
    );
    matcher.script_subject("voter-1", Some(SubjectScript::FailNext(1)));
    assert!(
        matcher
            .compare(
                &face_frame("voter-1", 32, 32),
                &face_photo("voter-1"),
                &wait()
            )
            .is_err()
    );
    assert!(
        matcher
            .compare(
                &face_frame("voter-1", 32, 32),
                &face_photo("voter-1"),
                &wait()
            )
            .is_ok()
    );
}

#[test]
fn readers_read_what_was_placed_on_them() {
    let station = SimStation::new(4);
    assert_eq!(
        station.document_reader.read_mrz(&wait()),
        Err(DocumentError::NoDocument)
    );
    let lines = vec![
        "I<KGZ...".to_owned(),
        "8001014M...".to_owned(),
        "ASANOV<<...".to_owned(),
    ];
    station.document_reader.place_document(lines.clone());
    assert_eq!(
        station.document_reader.read_mrz(&wait()).map(|m| m.lines),
        Ok(lines)
    );
    station.document_reader.core().fail_next();
    assert_eq!(
        station.document_reader.read_mrz(&wait()),
        Err(DocumentError::Unreadable)
    );
    station.document_reader.remove_document();
    assert_eq!(
        station.document_reader.read_mrz(&wait()),
        Err(DocumentError::NoDocument)
    );

    assert_eq!(station.qr_reader.scan(&wait()), Err(QrError::NoCode));
    station.qr_reader.present_code(b"ballot:42".to_vec());
    assert_eq!(
        station.qr_reader.scan(&wait()).map(|c| c.payload),
        Ok(b"ballot:42".to_vec())
    );
    station.qr_reader.core().fail_next();
    assert_eq!(station.qr_reader.scan(&wait()), Err(QrError::Unreadable));
}

#[test]
fn the_display_keeps_what_it_was_shown() {
    let station = SimStation::new(4);
    let content = MonitorContent {
        voters_in_list: 1200,
        voters_identified: 17,
        ..MonitorContent::default()
    };
    assert_eq!(station.observer_display.show(&content), Ok(()));
    assert_eq!(station.observer_display.showing(), Some(content));
}

#[test]
fn the_smart_card_signs_with_a_real_key_after_the_pin_and_blocks_after_three_wrong() {
    use ring::signature::{ED25519, UnparsedPublicKey};

    let station = SimStation::new(9);
    let card = &station.smart_card;
    assert_eq!(card.present(), Ok(true));
    assert_eq!(card.sign(b"act"), Err(SmartCardError::PinRequired));
    assert_eq!(
        card.verify_pin("0000"),
        Err(SmartCardError::WrongPin { attempts_left: 2 })
    );
    assert_eq!(card.verify_pin(DEFAULT_PIN), Ok(()));
    assert_eq!(card.attempts_left(), PIN_ATTEMPTS);
    let signature = card.sign(b"duplicate ballot act").expect("a signature");
    let key = card.public_key().expect("a key");
    UnparsedPublicKey::new(&ED25519, &key.bytes)
        .verify(b"duplicate ballot act", &signature.bytes)
        .expect("valid");
    assert!(
        UnparsedPublicKey::new(&ED25519, &key.bytes)
            .verify(b"another act", &signature.bytes)
            .is_err()
    );
    // The same seed gives the same key; another seed another.
    assert_eq!(SimStation::new(9).smart_card.public_key(), Ok(key.clone()));
    assert_ne!(SimStation::new(10).smart_card.public_key(), Ok(key));

    // Removed at a scripted time: absent, and the PIN is needed again once back.
    card.core()
        .set_script(Script::new().at_time(60_000, Action::Fault(FaultCode::Disconnected)));
    station.set_time_ms(59_999);
    assert_eq!(card.status().state, DeviceState::Ready);
    station.set_time_ms(60_000);
    assert_eq!(card.status().state, DeviceState::Absent);
    assert_eq!(card.present(), Ok(false));
    assert_eq!(card.sign(b"x"), Err(SmartCardError::Absent));
    card.insert_card();
    assert_eq!(card.sign(b"x"), Err(SmartCardError::PinRequired));

    assert_eq!(
        card.verify_pin("1"),
        Err(SmartCardError::WrongPin { attempts_left: 2 })
    );
    assert_eq!(
        card.verify_pin("2"),
        Err(SmartCardError::WrongPin { attempts_left: 1 })
    );
    assert_eq!(card.verify_pin("3"), Err(SmartCardError::Blocked));
    assert_eq!(card.status().fault, Some(FaultCode::Blocked));
    assert_eq!(card.verify_pin(DEFAULT_PIN), Err(SmartCardError::Blocked));
    card.remove_card();
    card.insert_card();
    assert_eq!(card.verify_pin(DEFAULT_PIN), Err(SmartCardError::Blocked));
    // Unblocking is a repair.
    card.core().repair();
    assert_eq!(card.verify_pin(DEFAULT_PIN), Ok(()));
    assert!(card.sign(b"x").is_ok());

    card.set_registered(false);
    assert_eq!(card.public_key(), Err(SmartCardError::Unregistered));
    assert_eq!(card.sign(b"x"), Err(SmartCardError::Unregistered));
}

#[test]
fn a_delay_longer_than_the_wait_times_out_and_a_cancel_stops_the_step() {
    let station = SimStation::new(6);
    let camera = &station.camera;
    camera.core().set_knobs(Knobs {
        delay: Delay::fixed(500),
        ..Knobs::default()
    });
    assert_eq!(
        camera.frame(&Wait::up_to(Duration::from_millis(100))),
        Err(DeviceError::Timeout("camera".into()))
    );
    assert!(camera.frame(&Wait::up_to(Duration::from_secs(1))).is_ok());
    let cancel = Cancel::new();
    cancel.cancel();
    assert_eq!(
        camera.frame(&Wait::default().cancelled_by(&cancel)),
        Err(DeviceError::Cancelled("camera".into()))
    );

    // Real delays sleep (briefly here) and still answer.
    camera.core().set_knobs(Knobs {
        delay: Delay::fixed(5),
        real_delays: true,
        ..Knobs::default()
    });
    assert!(camera.frame(&wait()).is_ok());
    camera.core().set_knobs(Knobs {
        delay: Delay::fixed(60_000),
        real_delays: true,
        ..Knobs::default()
    });
    let cancel = Cancel::new();
    let canceller = cancel.clone();
    let handle = std::thread::spawn(move || canceller.cancel());
    let result = camera.frame(&Wait::up_to(Duration::from_secs(120)).cancelled_by(&cancel));
    handle.join().expect("canceller");
    assert_eq!(result, Err(DeviceError::Cancelled("camera".into())));
}

#[test]
fn the_board_follows_faults_repairs_and_scripted_times() {
    let station = SimStation::new(8);
    let board = StatusBoard::new();
    station.attach(&board);
    let snapshot = board.snapshot();
    assert_eq!(snapshot.devices.len(), 11);
    assert!(
        snapshot
            .devices
            .iter()
            .all(|d| d.state == DeviceState::Ready)
    );

    station.aeu_main.fail();
    let seen = board.version();
    assert!(seen > snapshot.version);
    assert_eq!(
        board.status("aeu-main").and_then(|s| s.fault),
        Some(FaultCode::Broken)
    );

    station
        .document_printer
        .core()
        .set_script(Script::new().at_time(1_000, Action::Fault(FaultCode::OutOfPaper)));
    station.set_time_ms(1_000);
    assert_eq!(
        board.status("document-printer").and_then(|s| s.fault),
        Some(FaultCode::OutOfPaper)
    );
    assert!(board.version() > seen);

    station.aeu_main.core().repair();
    assert_eq!(
        board.status("aeu-main").map(|s| s.state),
        Some(DeviceState::Ready)
    );
}

#[test]
fn a_step_already_past_fires_at_the_next_step() {
    let station = SimStation::new(8);
    for _ in 0..3 {
        station
            .ballot_printer
            .print(&receipt(), &wait())
            .expect("printed");
    }
    station
        .ballot_printer
        .core()
        .set_script(Script::new().at_step(2, Action::Fault(FaultCode::Jammed)));
    assert!(matches!(
        station.ballot_printer.print(&receipt(), &wait()),
        Err(PrinterError::Jammed { .. })
    ));
}
