//! The simulated camera replays generated frames to a confirmed MRZ; no camera is a
//! clear absent state, never a crash.

use camera::{CameraError, FrameSource, NativeCamera, Scan, Scanner, SimulatedCamera, scan};
use corpus::{Truth, fonts::Fonts, generate, standard_sets};
use driver_api::{Device, DeviceState, FaultCode};

fn frames(set: &str, n: usize) -> (Vec<vision::GrayImage>, Vec<Truth>) {
    let fonts = Fonts::load();
    let spec = standard_sets(1.0).into_iter().find(|s| s.name == set).unwrap_or_else(|| panic!("no set {set}"));
    (0..n).map(|i| generate(&spec, corpus::DEFAULT_SEED, i, &fonts)).map(|s| (s.image, s.truth)).unzip()
}

#[test]
fn the_simulated_camera_confirms_an_mrz_over_two_frames() {
    let (images, truths) = frames("mrz-nominal-8px", 1);
    let Truth::Mrz { lines, .. } = &truths[0] else { panic!("an MRZ frame") };
    // the same document, seen twice
    let mut cam = SimulatedCamera::new("camera-sim", vec![images[0].clone(), images[0].clone()]);
    let mut scanner = Scanner::new(2, 3);
    let found = scan(&mut cam, &mut scanner, 4).expect("camera works");
    let Some(Scan::Mrz(m)) = found else { panic!("no MRZ confirmed: {found:?}") };
    assert_eq!(&mrz::compose(&m).expect("composes"), lines);
    assert!(cam.device().status().simulated);
}

#[test]
fn one_frame_is_not_enough_to_confirm() {
    let (images, _) = frames("mrz-nominal-8px", 1);
    let mut scanner = Scanner::new(2, 3);
    assert_eq!(scanner.push(&images[0]), None);
}

#[test]
fn the_simulated_camera_reads_qr_frames() {
    let (images, truths) = frames("qr", 2);
    let mut cam = SimulatedCamera::new("camera-sim", images);
    let mut scanner = Scanner::new(2, 3);
    let found = scan(&mut cam, &mut scanner, 2).expect("camera works");
    let payloads: Vec<&Vec<u8>> = truths.iter().filter_map(|t| if let Truth::Qr(p) = t { Some(p) } else { None }).collect();
    match found {
        Some(Scan::Qr(p)) => assert!(payloads.contains(&&p)),
        other => panic!("no QR: {other:?}"),
    }
}

#[test]
fn an_unplugged_simulated_camera_is_absent_and_says_so() {
    let (images, _) = frames("no-mrz", 1);
    let mut cam = SimulatedCamera::new("camera-sim", images);
    cam.inject_fault(FaultCode::Disconnected);
    assert_eq!(cam.device().status().state, DeviceState::Absent);
    assert_eq!(cam.next_frame(), Err(CameraError::Absent));
    cam.repair();
    assert!(cam.next_frame().is_ok());
}

#[test]
fn a_missing_native_camera_is_absent_not_a_crash() {
    // index far beyond any machine's cameras
    let mut cam = NativeCamera::open("camera", 4_000_000);
    assert_eq!(cam.device().status().state, DeviceState::Absent);
    assert_eq!(cam.next_frame(), Err(CameraError::Absent));
    assert_eq!(cam.device().status().state, DeviceState::Absent);
    // listing never fails
    let _ = camera::list();
}
