//! Arbitrary bytes as a frame (first byte: width / 4, the rest: pixels): reading an
//! MRZ or a QR code must never panic, and noise must never be accepted as an MRZ.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else { return };
    let width = usize::from(w).max(1) * 4;
    let height = rest.len() / width;
    let Some(frame) = rest.get(..width * height).and_then(|p| vision::GrayImage::new(width, height, p.to_vec())) else {
        return;
    };
    if let Some(m) = vision::read_mrz(&frame).accepted() {
        // an accepted reading is a valid MRZ by construction
        assert!(mrz::compose(m).is_ok());
    }
    let _ = vision::qr::decode_qr(&frame);
});
