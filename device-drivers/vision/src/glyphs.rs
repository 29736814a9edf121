//! OCR-B glyph templates, rendered once from the vendored font (compiled in: no file is
//! read at run time).
//!
//! Geometry, in font units (1000 per em; OCR-B is monospaced, advance 723): a template
//! covers one character cell of the MRZ grid plus one sample of margin on each side,
//! sampled [`PITCH_SAMPLES`] times per advance. Rows run from [`TOP_UNITS`] (above the
//! tallest glyph) downwards; the centre of a line of MRZ ink sits at [`CENTRE_UNITS`].

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale};

/// The OCR-B font (Debian `fonts-ocr-b`, public domain), the one the MRZ is printed in.
pub const OCRB_OTF: &[u8] = include_bytes!("../../../assets/fonts/OCRB.otf");

/// The 37 MRZ characters, in class order: digits, letters, filler.
pub const CLASSES: &[u8; 37] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
/// Class index of the filler `<`.
pub const FILLER: usize = 36;

/// Samples per character advance.
pub const PITCH_SAMPLES: usize = 12;
/// Template width in samples: the cell and one sample either side.
pub const TW: usize = PITCH_SAMPLES + 2;
/// Template height in samples.
pub const TH: usize = 16;
/// Font units per sample.
pub const UNITS_PER_SAMPLE: f32 = ADVANCE_UNITS / PITCH_SAMPLES as f32;
/// The OCR-B advance width in font units.
pub const ADVANCE_UNITS: f32 = 723.0;
/// The top edge of the template, in font units above the baseline.
pub const TOP_UNITS: f32 = 850.0;
/// Where the middle of a line of MRZ ink sits, in font units above the baseline.
pub const CENTRE_UNITS: f32 = 370.0;

/// Template variants: Gaussian blur (samples) and stroke gamma (< 1 bolder). A cell's
/// score for a class is its best over the variants.
pub const VARIANTS: [(f32, f32); 3] = [(0.55, 1.0), (0.9, 0.6), (1.4, 1.0)];

/// One character's templates: zero-mean, unit-norm vectors of `TW × TH` darkness values.
pub struct Templates {
    /// `[class][variant][TW*TH]`
    pub vectors: Vec<Vec<[f32; TW * TH]>>,
    /// `[a][b]`: the largest normalised correlation between a template of `a` and one
    /// of `b`, any variants (1 on the diagonal).
    pub similarity: Vec<[f32; 37]>,
}

/// Dot product of two template-sized vectors (eight lanes, so that it vectorises).
#[inline]
pub fn dot(a: &[f32; TW * TH], b: &[f32; TW * TH]) -> f32 {
    let mut acc = [0.0f32; 8];
    for (ca, cb) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for i in 0..8 {
            acc[i] += ca[i] * cb[i];
        }
    }
    acc.iter().sum()
}

/// The templates, rendered on first use.
pub fn templates() -> &'static Templates {
    static CELL: OnceLock<Templates> = OnceLock::new();
    CELL.get_or_init(render_all)
}

fn render_all() -> Templates {
    let font = FontRef::try_from_slice(OCRB_OTF).ok();
    let vectors = CLASSES
        .iter()
        .map(|&c| {
            let base = font.as_ref().map(|f| render(f, char::from(c), 1.0)).unwrap_or_else(|| vec![0.0; TW * TH]);
            let mut variants = Vec::new();
            for (blur, gamma) in VARIANTS {
                let mut v = blur_map(&base, blur);
                for x in &mut v {
                    *x = x.clamp(0.0, 1.0).powf(gamma);
                }
                variants.push(normalise(&v));
            }
            variants
        })
        .collect::<Vec<Vec<[f32; TW * TH]>>>();
    let similarity = (0..CLASSES.len())
        .map(|a| {
            let mut row = [0.0f32; 37];
            for (b, cell) in row.iter_mut().enumerate() {
                *cell = if a == b {
                    1.0
                } else {
                    let mut best = f32::MIN;
                    for ta in &vectors[a] {
                        for tb in &vectors[b] {
                            best = best.max(dot(ta, tb));
                        }
                    }
                    best
                };
            }
            row
        })
        .collect();
    Templates { vectors, similarity }
}

/// Coverage (0 paper, 1 ink) of `c` on the template grid, rendered 4× finer and averaged.
fn render(font: &FontRef<'_>, c: char, weight: f32) -> Vec<f32> {
    const SS: usize = 4;
    let fine_w = TW * SS;
    let fine_h = TH * SS;
    let mut fine = vec![0.0_f32; fine_w * fine_h];
    // pixels per font unit at the fine resolution
    let k = SS as f32 / UNITS_PER_SAMPLE;
    let scale = PxScale::from(k * font.height_unscaled());
    let origin_x = SS as f32; // one sample of margin
    let baseline_y = TOP_UNITS * k;
    let glyph = font.glyph_id(c).with_scale_and_position(scale, ab_glyph::point(origin_x, baseline_y));
    if let Some(outlined) = font.outline_glyph(glyph) {
        let b = outlined.px_bounds();
        outlined.draw(|gx, gy, cov| {
            let x = b.min.x as i64 + i64::from(gx);
            let y = b.min.y as i64 + i64::from(gy);
            if x >= 0 && y >= 0 && (x as usize) < fine_w && (y as usize) < fine_h {
                fine[y as usize * fine_w + x as usize] = (cov * weight).min(1.0);
            }
        });
    }
    let mut out = vec![0.0_f32; TW * TH];
    for y in 0..TH {
        for x in 0..TW {
            let mut s = 0.0;
            for dy in 0..SS {
                for dx in 0..SS {
                    s += fine[(y * SS + dy) * fine_w + x * SS + dx];
                }
            }
            out[y * TW + x] = s / (SS * SS) as f32;
        }
    }
    out
}

/// Separable Gaussian blur of a `TW × TH` map.
fn blur_map(v: &[f32], sigma: f32) -> Vec<f32> {
    let r = 2_i64;
    let weights: Vec<f32> = (-r..=r).map(|i| (-(i * i) as f32 / (2.0 * sigma * sigma)).exp()).collect();
    let total: f32 = weights.iter().sum();
    let mut tmp = vec![0.0; TW * TH];
    for y in 0..TH {
        for x in 0..TW {
            let mut s = 0.0;
            for (j, w) in weights.iter().enumerate() {
                let xx = (x as i64 + j as i64 - r).clamp(0, TW as i64 - 1) as usize;
                s += w * v[y * TW + xx];
            }
            tmp[y * TW + x] = s / total;
        }
    }
    let mut out = vec![0.0; TW * TH];
    for y in 0..TH {
        for x in 0..TW {
            let mut s = 0.0;
            for (j, w) in weights.iter().enumerate() {
                let yy = (y as i64 + j as i64 - r).clamp(0, TH as i64 - 1) as usize;
                s += w * tmp[yy * TW + x];
            }
            out[y * TW + x] = s / total;
        }
    }
    out
}

fn normalise(v: &[f32]) -> [f32; TW * TH] {
    let mean = v.iter().sum::<f32>() / v.len() as f32;
    let norm = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>().sqrt().max(1e-6);
    let mut out = [0.0; TW * TH];
    for (o, x) in out.iter_mut().zip(v) {
        *o = (x - mean) / norm;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_a_distinct_template() {
        let t = templates();
        assert_eq!(t.vectors.len(), 37);
        for (i, a) in t.vectors.iter().enumerate() {
            let ink: f32 = a[0].iter().map(|x| x.abs()).sum();
            assert!(ink > 1.0, "class {} rendered empty", char::from(CLASSES[i]));
            for (j, b) in t.vectors.iter().enumerate().skip(i + 1) {
                let ncc: f32 = a[0].iter().zip(&b[0]).map(|(x, y)| x * y).sum();
                assert!(ncc < 0.97, "{} and {} look alike ({ncc})", char::from(CLASSES[i]), char::from(CLASSES[j]));
            }
        }
    }
}
