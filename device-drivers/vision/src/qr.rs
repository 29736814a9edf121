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

/// The app's QR decoder: rxing on the frame; failing that, on the densest square-ish
/// regions (enlarged twice when small, sharpened): rxing, rxing on the crop turned by
/// 45°, rqrr, rqrr on a locally binarised copy. rxing alone decodes most frames fast;
/// the rest take the fallbacks.
pub fn decode_qr(frame: &GrayImage) -> Option<Payload> {
    decode_rxing(frame).or_else(|| {
        for region in code_regions(frame).into_iter().take(2) {
            let crop = enlarge(frame, region, factor(region));
            // near 45° the finder-pattern scans struggle: turning the crop helps rxing
            let found = decode_rxing(&crop)
                .or_else(|| decode_rxing(&turn_45(&crop)))
                .or_else(|| decode_rqrr(&crop))
                .or_else(|| decode_rqrr_binarised(&crop, 16));
            if found.is_some() {
                return found;
            }
        }
        None
    })
}

/// rxing behind our preprocessing only (the second stage of [`decode_qr`]), measured
/// on its own by the benchmark.
pub fn decode_rxing_prepared(frame: &GrayImage) -> Option<Payload> {
    code_regions(frame).into_iter().take(2).find_map(|region| decode_rxing(&enlarge(frame, region, factor(region))))
}

/// Enlarge small regions (small modules) twice; large ones have modules big enough.
fn factor(region: Region) -> f32 {
    let side = (region.2 - region.0).max(region.3 - region.1);
    if side <= 340 { 2.0 } else { 1.0 }
}

/// A rectangle of the frame: x0, y0, x1, y1 (exclusive).
pub type Region = (usize, usize, usize, usize);

/// Regions dense in edges in both directions, square-ish, largest first: where a QR
/// code is likely to be. Blocks of 8×8 pixels.
pub fn code_regions(frame: &GrayImage) -> Vec<Region> {
    const B: usize = 8;
    let (w, h) = (frame.width(), frame.height());
    let (bw, bh) = (w / B, h / B);
    if bw < 4 || bh < 4 {
        return Vec::new();
    }
    let p = frame.pixels();
    // per block: horizontal and vertical gradient energy
    let mut energy = vec![(0u32, 0u32); bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let (mut gx, mut gy) = (0u32, 0u32);
            for y in (by * B..by * B + B).step_by(2) {
                let row = y * w;
                for x in (bx * B..bx * B + B - 1).step_by(2) {
                    gx += u32::from(p[row + x].abs_diff(p[row + x + 1]));
                    if y + 1 < h {
                        gy += u32::from(p[row + x].abs_diff(p[row + w + x]));
                    }
                }
            }
            energy[by * bw + bx] = (gx, gy);
        }
    }
    // busy: strong edges both ways (text is mostly one-directional at a time, paper and
    // table are flat)
    let busy: Vec<bool> = energy.iter().map(|&(gx, gy)| gx.min(gy) > 16 * 8).collect();
    // connected clusters of busy blocks
    let mut label = vec![usize::MAX; bw * bh];
    let mut regions: Vec<(usize, Region)> = Vec::new();
    let mut stack = Vec::new();
    for start in 0..bw * bh {
        if !busy[start] || label[start] != usize::MAX {
            continue;
        }
        let id = regions.len();
        label[start] = id;
        stack.push(start);
        let (mut x0, mut y0, mut x1, mut y1, mut n) = (usize::MAX, usize::MAX, 0, 0, 0usize);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % bw, i / bw);
            n += 1;
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
            for (dx, dy) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx < 0 || ny < 0 || nx >= bw as i64 || ny >= bh as i64 {
                    continue;
                }
                let j = ny as usize * bw + nx as usize;
                if busy[j] && label[j] == usize::MAX {
                    label[j] = id;
                    stack.push(j);
                }
            }
        }
        let (rw, rh) = (x1 - x0 + 1, y1 - y0 + 1);
        let square = rw.max(rh) <= 2 * rw.min(rh);
        let dense = n * 3 >= rw * rh;
        if n >= 9 && square && dense {
            // grow by two blocks for the quiet zone and the finder patterns' edges
            let r = (x0.saturating_sub(2) * B, y0.saturating_sub(2) * B, ((x1 + 3) * B).min(w), ((y1 + 3) * B).min(h));
            regions.push((n, r));
        } else {
            regions.push((0, (0, 0, 0, 0)));
        }
    }
    regions.retain(|(n, _)| *n > 0);
    regions.sort_by(|a, b| b.0.cmp(&a.0));
    regions.into_iter().map(|(_, r)| r).collect()
}

/// The image turned by 45° about its centre, on a canvas large enough to hold it
/// (outside filled with the image's mean).
fn turn_45(img: &GrayImage) -> GrayImage {
    let (w, h) = (img.width() as f32, img.height() as f32);
    let side = ((w + h) * std::f32::consts::FRAC_1_SQRT_2).ceil() as usize;
    let mean = (img.pixels().iter().map(|&p| u64::from(p)).sum::<u64>() / img.pixels().len().max(1) as u64) as u8;
    let (c, s) = (std::f32::consts::FRAC_1_SQRT_2, std::f32::consts::FRAC_1_SQRT_2);
    let half = side as f32 / 2.0;
    let mut out = vec![mean; side * side];
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = (x as f32 - half, y as f32 - half);
            let sx = c * dx - s * dy + w / 2.0;
            let sy = s * dx + c * dy + h / 2.0;
            if sx >= 0.0 && sy >= 0.0 && sx < w - 1.0 && sy < h - 1.0 {
                out[y * side + x] = img.sample(sx, sy).round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    GrayImage::new(side, side, out).unwrap_or_else(|| img.clone())
}

/// `region` enlarged `k` times (bilinear) and lightly sharpened.
fn enlarge(frame: &GrayImage, region: Region, k: f32) -> GrayImage {
    let (x0, y0, x1, y1) = region;
    let (cw, ch) = (((x1 - x0).max(1) as f32 * k) as usize, ((y1 - y0).max(1) as f32 * k) as usize);
    let mut out = vec![0u8; cw * ch];
    let inv = 1.0 / k;
    let mut row = vec![0.0f32; cw];
    let mut prev = vec![0.0f32; cw];
    for y in 0..ch {
        let sy = y0 as f32 + (y as f32 + 0.5) * inv - 0.5;
        for (x, v) in row.iter_mut().enumerate() {
            let sx = x0 as f32 + (x as f32 + 0.5) * inv - 0.5;
            *v = frame.sample(sx, sy);
        }
        for x in 0..cw {
            // unsharp against the horizontal and vertical neighbours
            let left = if x > 0 { row[x - 1] } else { row[x] };
            let right = if x + 1 < cw { row[x + 1] } else { row[x] };
            let up = if y > 0 { prev[x] } else { row[x] };
            let blur = (left + right + up + row[x]) / 4.0;
            out[y * cw + x] = (row[x] + 0.8 * (row[x] - blur)).round().clamp(0.0, 255.0) as u8;
        }
        std::mem::swap(&mut row, &mut prev);
    }
    GrayImage::new(cw, ch, out).unwrap_or_else(|| frame.clone())
}
