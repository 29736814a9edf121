//! QR codes from a frame. The decoders are kept side by side so that the benchmark can
//! measure them on the same frames: rqrr alone, rqrr behind our preprocessing, rxing (a
//! port of ZXing) on the frame, rxing on our upright crop. [`decode_qr`] is the one the
//! app uses (see ARCHITECTURE.md, "Recognition", for the measurement behind the choice).

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

/// The app's QR decoder: rxing on the frame; failing that (mostly codes turned near 45°
/// with small modules, where rxing's finder-pattern scans give up), rxing on the code of
/// each of the two densest regions turned upright in one resampling (see
/// [`upright_attempts`]). rxing alone decodes most frames; the upright crop the rest,
/// for about a millisecond more. rqrr, on the crop or binarised, decoded none of the
/// frames these miss and made a frame without a code cost half as much again (ARCHITECTURE.md,
/// "QR: the measured choice").
pub fn decode_qr(frame: &GrayImage) -> Option<Payload> {
    decode_qr_traced(frame).map(|(payload, _)| payload)
}

/// Which attempt of [`decode_qr`] decoded a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attempt {
    /// rxing on the whole frame.
    Frame,
    /// rxing on the code turned upright, at its own scale.
    Upright,
    /// rxing on the code turned upright, enlarged 1.5 times and sharpened.
    UprightEnlarged,
    /// rxing on the whole region's square turned upright (the region holds clutter too).
    UprightRegion,
}

/// [`decode_qr`], telling which attempt decoded the frame (the benchmark counts them).
pub fn decode_qr_traced(frame: &GrayImage) -> Option<(Payload, Attempt)> {
    if let Some(p) = decode_rxing(frame) {
        return Some((p, Attempt::Frame));
    }
    let regions = code_regions(frame);
    for &region in regions.iter().take(2) {
        for (attempt, crop) in upright_attempts(frame, region) {
            if let Some(p) = decode_rxing(&crop) {
                return Some((p, attempt));
            }
        }
    }
    None
}

/// The upright crops of `region`, cheapest first, made lazily: the code turned by the
/// grid's angle into a square just large enough for it, at its own scale, then enlarged
/// 1.5 times and sharpened (3-pixel modules), then the whole region's square (when the
/// region also holds clutter, its centre is not the code's).
fn upright_attempts(frame: &GrayImage, region: Region) -> impl Iterator<Item = (Attempt, GrayImage)> + '_ {
    let angle = grid_angle(frame, region);
    let centre = ((region.0 + region.2) as f32 / 2.0, (region.1 + region.3) as f32 / 2.0);
    let plans = [(Attempt::Upright, 1.0f32, false), (Attempt::UprightEnlarged, 1.5, true), (Attempt::UprightRegion, 1.0, false)];
    plans.into_iter().filter_map(move |(attempt, k, sharpen)| {
        let angle = angle?;
        let side = if attempt == Attempt::UprightRegion {
            let (x0, y0, x1, y1) = region;
            let bbox = (x1 - x0).max(y1 - y0) as f32;
            // no point when the code's own square already was the region's
            if bbox - upright_side(region, angle) < 8.0 {
                return None;
            }
            bbox
        } else {
            upright_side(region, angle)
        };
        Some((attempt, upright(frame, centre, angle, k, (side * k) as usize, sharpen)))
    })
}

/// rxing behind our preprocessing only (the upright crops of the two densest regions,
/// without rxing on the whole frame first), measured on its own by the benchmark.
pub fn decode_rxing_prepared(frame: &GrayImage) -> Option<Payload> {
    code_regions(frame)
        .into_iter()
        .take(2)
        .find_map(|region| upright_attempts(frame, region).find_map(|(_, crop)| decode_rxing(&crop)))
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
    let grow = |c: &Cluster, by: usize| {
        (c.x0.saturating_sub(by) * B, c.y0.saturating_sub(by) * B, ((c.x1 + by + 1) * B).min(w), ((c.y1 + by + 1) * B).min(h))
    };
    let (clusters, label) = clusters_of(&busy, bw, bh);
    // grown by two blocks for the quiet zone and the finder patterns' edges
    let mut regions: Vec<(usize, Region)> = clusters.iter().filter(|c| c.code_like()).map(|c| (c.n, grow(c, 2))).collect();
    // a code touching a sheet of text merges with it into one shapeless cluster; the
    // blocks whose eight neighbours are all busy (text lines are thin, with gaps between
    // them) part the code from the text again
    if clusters.iter().any(|c| c.n >= 9 && !c.code_like()) {
        let core: Vec<bool> = (0..bw * bh)
            .map(|i| {
                let (x, y) = (i % bw, i / bw);
                busy[i]
                    && !clusters[label[i]].code_like()
                    && x > 0
                    && y > 0
                    && x + 1 < bw
                    && y + 1 < bh
                    && [i - bw - 1, i - bw, i - bw + 1, i - 1, i + 1, i + bw - 1, i + bw, i + bw + 1].iter().all(|&j| busy[j])
            })
            .collect();
        let (cores, _) = clusters_of(&core, bw, bh);
        regions.extend(cores.iter().filter(|c| c.code_like()).map(|c| (c.n, grow(c, 3))));
    }
    regions.sort_by_key(|r| std::cmp::Reverse(r.0));
    regions.into_iter().map(|(_, r)| r).collect()
}

/// A connected cluster of blocks: how many, and their bounding box (in blocks, inclusive).
struct Cluster {
    n: usize,
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl Cluster {
    /// Big enough, square-ish and dense: what a code's blocks make.
    fn code_like(&self) -> bool {
        let (rw, rh) = (self.x1 - self.x0 + 1, self.y1 - self.y0 + 1);
        self.n >= 9 && rw.max(rh) <= 2 * rw.min(rh) && self.n * 3 >= rw * rh
    }
}

/// Eight-connected clusters of the set blocks of `mask` (`bw` × `bh`), and each block's
/// cluster (`usize::MAX` where not set).
fn clusters_of(mask: &[bool], bw: usize, bh: usize) -> (Vec<Cluster>, Vec<usize>) {
    let mut label = vec![usize::MAX; bw * bh];
    let mut out: Vec<Cluster> = Vec::new();
    let mut stack = Vec::new();
    for start in 0..bw * bh {
        if !mask[start] || label[start] != usize::MAX {
            continue;
        }
        let id = out.len();
        label[start] = id;
        stack.push(start);
        let mut c = Cluster { n: 0, x0: usize::MAX, y0: usize::MAX, x1: 0, y1: 0 };
        while let Some(i) = stack.pop() {
            let (x, y) = (i % bw, i / bw);
            c.n += 1;
            c.x0 = c.x0.min(x);
            c.y0 = c.y0.min(y);
            c.x1 = c.x1.max(x);
            c.y1 = c.y1.max(y);
            for (dx, dy) in [(-1i64, 0i64), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx < 0 || ny < 0 || nx >= bw as i64 || ny >= bh as i64 {
                    continue;
                }
                let j = ny as usize * bw + nx as usize;
                if mask[j] && label[j] == usize::MAX {
                    label[j] = id;
                    stack.push(j);
                }
            }
        }
        out.push(c);
    }
    (out, label)
}

/// The orientation of the module grid inside `region`, radians in (−π/4, π/4]: a QR
/// code's edges run two perpendicular ways, and the fourth power of each gradient (as a
/// complex number) folds both ways onto one angle. `None` on a flat region.
pub fn grid_angle(frame: &GrayImage, region: Region) -> Option<f32> {
    let (w, h) = (frame.width(), frame.height());
    let (x0, y0, x1, y1) = region;
    let (x0, y0, x1, y1) = (x0.max(1), y0.max(1), x1.min(w.saturating_sub(1)), y1.min(h.saturating_sub(1)));
    let p = frame.pixels();
    let (mut re, mut im) = (0.0f64, 0.0f64);
    let at = |i: usize| f32::from(p[i]);
    for y in (y0..y1).step_by(2) {
        let row = y * w;
        for x in (x0..x1).step_by(2) {
            // Scharr: the most nearly isotropic 3×3 gradient, so that the angle of an edge
            // does not lean towards the axes or the diagonals
            let (i, up, down) = (row + x, row - w + x, row + w + x);
            let gx = 3.0 * (at(up + 1) - at(up - 1)) + 10.0 * (at(i + 1) - at(i - 1)) + 3.0 * (at(down + 1) - at(down - 1));
            let gy = 3.0 * (at(down - 1) - at(up - 1)) + 10.0 * (at(down) - at(up)) + 3.0 * (at(down + 1) - at(up + 1));
            // (gx + i·gy)² then squared again, divided by |g|² so that the weight is |g|²
            let (a, b) = (gx * gx - gy * gy, 2.0 * gx * gy);
            let m = gx * gx + gy * gy;
            if m < 64.0 * 256.0 {
                continue;
            }
            re += f64::from((a * a - b * b) / m);
            im += f64::from(2.0 * a * b / m);
        }
    }
    (re != 0.0 || im != 0.0).then(|| (im.atan2(re) / 4.0) as f32)
}

/// The square of side `side` (output pixels) centred on `centre`, turned by `angle` and
/// enlarged `k` times (bilinear), lightly sharpened when `sharpen`: a code found turned
/// by `angle` comes out upright, with modules `k` times larger, in one resampling.
fn upright(frame: &GrayImage, centre: (f32, f32), angle: f32, k: f32, side: usize, sharpen: bool) -> GrayImage {
    const ONE: f32 = 65536.0;
    let side = side.clamp(8, 4096);
    let k = k.max(0.1);
    let (w, h) = (frame.width() as i64, frame.height() as i64);
    let p = frame.pixels();
    let (c, s) = (angle.cos() / k, angle.sin() / k);
    let half = side as f32 / 2.0 - 0.5;
    // 16.16 fixed point along each output row: the inner loop is integer arithmetic
    let (step_x, step_y) = ((c * ONE) as i64, (s * ONE) as i64);
    let mut out = vec![0u8; side * side];
    let mut prev = vec![0u8; side];
    for y in 0..side {
        let dy = y as f32 - half;
        // source position of output pixel (x, y): centre + R(angle)·((x, y) − half)/k
        let x_start = centre.0 - half * c - dy * s;
        let y_start = centre.1 - half * s + dy * c;
        let (mut fx, mut fy) = ((f64::from(x_start) * 65536.0) as i64, (f64::from(y_start) * 65536.0) as i64);
        let row = &mut out[y * side..(y + 1) * side];
        for (x, o) in row.iter_mut().enumerate() {
            let (xi, yi) = (fx >> 16, fy >> 16);
            *o = if xi >= 0 && yi >= 0 && xi + 1 < w && yi + 1 < h {
                let (ax, ay) = ((fx >> 8) & 255, (fy >> 8) & 255);
                let i = (yi * w + xi) as usize;
                let (a, b) = (i64::from(p[i]), i64::from(p[i + 1]));
                let (cc, d) = (i64::from(p[i + w as usize]), i64::from(p[i + w as usize + 1]));
                let top = a * (256 - ax) + b * ax;
                let bottom = cc * (256 - ax) + d * ax;
                ((top * (256 - ay) + bottom * ay + 32768) >> 16) as u8
            } else {
                let (px, py) = (x_start + x as f32 * c, y_start + x as f32 * s);
                frame.sample(px, py).round().clamp(0.0, 255.0) as u8
            };
            fx += step_x;
            fy += step_y;
        }
        if sharpen {
            // unsharp against the left, right and upper neighbours (the upper one as it
            // was before sharpening)
            let mut left = row[0];
            for x in 0..side {
                let here = row[x];
                let right = if x + 1 < side { row[x + 1] } else { here };
                let up = if y > 0 { prev[x] } else { here };
                let blur = (i32::from(left) + i32::from(right) + i32::from(up) + i32::from(here)) as f32 / 4.0;
                prev[x] = here;
                left = here;
                row[x] = (f32::from(here) + 0.8 * (f32::from(here) - blur)).round().clamp(0.0, 255.0) as u8;
            }
        }
    }
    GrayImage::new(side, side, out).unwrap_or_else(|| frame.clone())
}

/// The side, in frame pixels, of the upright square holding a code whose bounding box is
/// `region` when the code is turned by `angle`: a turned square's bounding box is
/// `|cos| + |sin|` times its side.
fn upright_side(region: Region, angle: f32) -> f32 {
    let (x0, y0, x1, y1) = region;
    let bbox = (x1 - x0).max(y1 - y0) as f32;
    bbox / (angle.cos().abs() + angle.sin().abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DARK: u8 = 40;
    const LIGHT: u8 = 210;

    /// A random `n`×`n` grid of modules of `m` pixels with a light margin of 4 modules,
    /// turned by `angle` about the centre of a `side`² grey image (2×2 supersampled),
    /// and whether each module is dark.
    fn turned_grid(n: usize, m: f32, angle: f32, side: usize) -> (GrayImage, Vec<bool>) {
        let mut state = 11u64;
        let dark: Vec<bool> = (0..n * n)
            .map(|_| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                state >> 63 == 1
            })
            .collect();
        let centre = side as f32 / 2.0;
        let (c, s) = (angle.cos(), angle.sin());
        let level = |px: f32, py: f32| -> f32 {
            // back into the grid's own frame: R(−angle)·(p − centre), in modules
            let (dx, dy) = (px - centre, py - centre);
            let (u, v) = ((c * dx + s * dy) / m + n as f32 / 2.0, (-s * dx + c * dy) / m + n as f32 / 2.0);
            if u >= 0.0 && v >= 0.0 && u < n as f32 && v < n as f32 {
                if dark[v as usize * n + u as usize] { f32::from(DARK) } else { f32::from(LIGHT) }
            } else if u >= -4.0 && v >= -4.0 && u < n as f32 + 4.0 && v < n as f32 + 4.0 {
                f32::from(LIGHT)
            } else {
                120.0
            }
        };
        let mut pixels = Vec::with_capacity(side * side);
        for y in 0..side {
            for x in 0..side {
                let (x, y) = (x as f32, y as f32);
                let sum = level(x - 0.25, y - 0.25) + level(x + 0.25, y - 0.25) + level(x - 0.25, y + 0.25) + level(x + 0.25, y + 0.25);
                pixels.push((sum / 4.0).round() as u8);
            }
        }
        (GrayImage::new(side, side, pixels).expect("sizes agree"), dark)
    }

    fn degrees_apart_mod_90(a: f32, b: f32) -> f32 {
        let d = (a - b).to_degrees().rem_euclid(90.0);
        d.min(90.0 - d)
    }

    #[test]
    fn the_grid_angle_of_a_turned_code_is_its_turn_modulo_90() {
        for deg in [0.0f32, 12.0, 30.0, 44.0, -25.0, 100.0, 225.0] {
            let angle = deg.to_radians();
            let (img, _) = turned_grid(25, 5.0, angle, 240);
            let found = grid_angle(&img, (0, 0, 240, 240)).expect("edges");
            assert!(degrees_apart_mod_90(found, angle) < 1.0, "turned {deg}°, found {}°", found.to_degrees());
        }
        assert_eq!(grid_angle(&GrayImage::filled(64, 64, 90), (0, 0, 64, 64)), None, "a flat region has no grid");
    }

    #[test]
    fn upright_undoes_the_turn_module_for_module() {
        let (n, m) = (25usize, 5.0f32);
        for deg in [12.0f32, 44.0, -30.0] {
            let angle = deg.to_radians();
            let (img, dark) = turned_grid(n, m, angle, 240);
            let region = (0, 0, 240, 240);
            let found = grid_angle(&img, region).expect("edges");
            for k in [1.0f32, 1.5] {
                let side = ((n + 4) as f32 * m * k) as usize;
                let up = upright(&img, (120.0, 120.0), found, k, side, false);
                // module centres of the upright image
                let origin = side as f32 / 2.0 - n as f32 / 2.0 * m * k;
                let wrong = (0..n * n)
                    .filter(|&i| {
                        let (u, v) = ((i % n) as f32 + 0.5, (i / n) as f32 + 0.5);
                        let (x, y) = ((origin + u * m * k) as usize, (origin + v * m * k) as usize);
                        let level = up.pixels()[y * side + x];
                        (level < 125) != dark[i]
                    })
                    .count();
                assert_eq!(wrong, 0, "turned {deg}°, ×{k}: {wrong} modules differ");
            }
        }
    }

    #[test]
    fn regions_part_a_code_from_text_it_touches() {
        // a code (180 px, modules of 3) and, touching its right edge, a block of "text
        // lines" 12 px high with 12 px between them: one shapeless cluster of busy blocks
        let (code, _) = turned_grid(60, 3.0, 0.0, 220);
        let (w, h) = (640usize, 360usize);
        let mut pixels = vec![150u8; w * h];
        for y in 0..220 {
            pixels[(y + 80) * w + 40..(y + 80) * w + 260].copy_from_slice(&code.pixels()[y * 220..(y + 1) * 220]);
        }
        for y in (96..288).filter(|y| y % 24 < 12) {
            for x in 236..620 {
                pixels[y * w + x] = if (x / 3 + y / 3) % 2 == 0 { 30 } else { 230 };
            }
        }
        // a camera's blur
        let frame = box3(&GrayImage::new(w, h, pixels).expect("sizes agree"));
        let regions = code_regions(&frame);
        // the code's modules lie in x 60..240, y 100..280
        let holds_the_code_alone = |r: &Region| r.0 <= 60 && r.1 <= 100 && r.2 >= 240 && r.3 >= 280 && r.2 - r.0 < 320;
        assert!(regions.iter().take(2).any(holds_the_code_alone), "no region around the code alone: {regions:?}");
    }
}
