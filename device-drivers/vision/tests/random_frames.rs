//! Arbitrary bytes as frames: the recognisers must return, never panic. The same
//! property the fuzz target (`fuzz/`) explores without end, here on a fixed seed.

use vision::GrayImage;

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Decode bytes as the fuzz target does: two bytes of width, the rest pixels.
fn frame_from_bytes(bytes: &[u8]) -> Option<GrayImage> {
    let (&w, rest) = bytes.split_first()?;
    let width = usize::from(w).max(1) * 4;
    let height = rest.len() / width;
    GrayImage::new(width, height, rest.get(..width * height)?.to_vec())
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = SplitMix(8);
    for round in 0..60 {
        let len = (rng.next() % 200_000) as usize;
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // some structure: runs of one value, stripes, like text and edges
        if round % 3 == 0 {
            for (i, b) in bytes.iter_mut().enumerate() {
                if (i / 7) % 5 == 0 {
                    *b = 20;
                }
            }
        }
        if let Some(frame) = frame_from_bytes(&bytes) {
            let outcome = vision::read_mrz(&frame);
            assert!(outcome.accepted().is_none(), "noise accepted as an MRZ");
            let _ = vision::qr::decode_qr(&frame);
        }
    }
    // degenerate sizes
    for (w, h) in [(1, 1), (1, 1000), (1000, 1), (64, 32), (63, 31), (2, 2)] {
        let frame = GrayImage::filled(w, h, 0);
        let _ = vision::read_mrz(&frame);
        let _ = vision::qr::decode_qr(&frame);
    }
}
