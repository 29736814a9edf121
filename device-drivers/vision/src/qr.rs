//! QR codes from a frame. Three decoders are kept side by side so that the benchmark
//! can measure them on the same frames: rqrr alone, rqrr behind our preprocessing, and
//! rxing (a port of ZXing). [`decode_qr`] is the one the app uses (see ARCHITECTURE.md,
//! "Recognition", for the measurement behind the choice).

use rxing::common::HybridBinarizer;
use rxing::qrcode::QRCodeReader;
use rxing::{BinaryBitmap, DecodeHints, Luma8LuminanceSource, Reader};

use crate::detect;
use crate::frame::GrayImage;

/// The payload of the first QR code that decodes, as bytes.
pub type Payload = Vec<u8>;

fn rqrr_on(width: usize, height: usize, fill: impl FnMut(usize, usize) -> u8) -> Option<Payload> {
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, fill);
    for grid in prepared.detect_grids() {
        let mut out = Vec::new();
        if grid.decode_to(&mut out).is_ok() {
            return Some(out);
        }
    }
    None
}

/// rqrr on the frame as it is.
pub fn decode_rqrr(frame: &GrayImage) -> Option<Payload> {
    let w = frame.width();
    let p = frame.pixels();
    rqrr_on(w, frame.height(), |x, y| p[y * w + x])
}

/// rqrr on a locally binarised frame (dark = darker than its neighbourhood mean):
/// uneven light, glare and JPEG noise no longer move rqrr's threshold.
pub fn decode_rqrr_binarised(frame: &GrayImage, radius: usize) -> Option<Payload> {
    let bin = detect::binarise(frame, radius, 0.0, 6);
    let w = bin.width;
    rqrr_on(bin.width, bin.height, |x, y| if bin.ink[y * w + x] { 0 } else { 255 })
}

/// rqrr with preprocessing: as is, then binarised, then on a 3×3-smoothed binarised
/// frame (JPEG and sensor noise), stopping at the first decode.
pub fn decode_rqrr_prepared(frame: &GrayImage) -> Option<Payload> {
    decode_rqrr(frame).or_else(|| decode_rqrr_binarised(frame, 12)).or_else(|| {
        let smooth = box3(frame);
        decode_rqrr_binarised(&smooth, 12)
    })
}

fn box3(frame: &GrayImage) -> GrayImage {
    let w = frame.width();
    let h = frame.height();
    let p = frame.pixels();
    let mut out = vec![0u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let mut s = 0u32;
            for dy in -1isize..=1 {
                for dx in -1isize..=1 {
                    s += u32::from(frame.get_clamped(x as isize + dx, y as isize + dy));
                }
            }
            out[y * w + x] = (s / 9) as u8;
        }
    }
    let _ = p;
    GrayImage::new(w, h, out).unwrap_or_else(|| frame.clone())
}

/// rxing's QR reader (hybrid binariser, try-harder).
pub fn decode_rxing(frame: &GrayImage) -> Option<Payload> {
    let (Ok(w), Ok(h)) = (u32::try_from(frame.width()), u32::try_from(frame.height())) else {
        return None;
    };
    let source = Luma8LuminanceSource::new(frame.pixels().to_vec(), w, h);
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(source));
    let hints = DecodeHints { TryHarder: Some(true), ..DecodeHints::default() };
    let result = QRCodeReader::new().decode_with_hints(&mut bitmap, &hints).ok()?;
    Some(result.getText().as_bytes().to_vec())
}

/// The app's QR decoder.
pub fn decode_qr(frame: &GrayImage) -> Option<Payload> {
    decode_rqrr_prepared(frame).or_else(|| decode_rxing(frame))
}
