//! A float grey canvas and the few drawing operations scenes need: fills, text, warps,
//! blur, noise, light and JPEG.

use ab_glyph::{Font, FontRef, PxScale};
use vision::GrayImage;

use crate::rng::Rng;

/// Grey levels 0–255 as f32, row-major.
#[derive(Debug, Clone)]
pub struct Canvas {
    pub w: usize,
    pub h: usize,
    pub px: Vec<f32>,
}

impl Canvas {
    pub fn new(w: usize, h: usize, level: f32) -> Canvas {
        Canvas { w, h, px: vec![level; w * h] }
    }

    #[inline]
    pub fn blend(&mut self, x: i64, y: i64, level: f32, alpha: f32) {
        if x >= 0 && y >= 0 && (x as usize) < self.w && (y as usize) < self.h {
            let p = &mut self.px[y as usize * self.w + x as usize];
            *p += (level - *p) * alpha.clamp(0.0, 1.0);
        }
    }

    /// Axis-aligned filled rectangle with anti-aliased edges.
    pub fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, level: f32, alpha: f32) {
        let (xa, xb) = (x0.floor().max(0.0) as i64, (x1.ceil() as i64).min(self.w as i64));
        let (ya, yb) = (y0.floor().max(0.0) as i64, (y1.ceil() as i64).min(self.h as i64));
        for y in ya..yb {
            let cy = ((y as f32 + 1.0).min(y1) - (y as f32).max(y0)).clamp(0.0, 1.0);
            for x in xa..xb {
                let cx = ((x as f32 + 1.0).min(x1) - (x as f32).max(x0)).clamp(0.0, 1.0);
                self.blend(x, y, level, alpha * cx * cy);
            }
        }
    }

    /// Rectangle outline of the given stroke width.
    pub fn frame_rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, stroke: f32, level: f32) {
        self.rect(x0, y0, x1, y0 + stroke, level, 1.0);
        self.rect(x0, y1 - stroke, x1, y1, level, 1.0);
        self.rect(x0, y0, x0 + stroke, y1, level, 1.0);
        self.rect(x1 - stroke, y0, x1, y1, level, 1.0);
    }

    /// A thick line segment (distance-based anti-aliasing).
    pub fn line(&mut self, a: (f32, f32), b: (f32, f32), width: f32, level: f32) {
        let (x0, x1) = (a.0.min(b.0) - width, a.0.max(b.0) + width);
        let (y0, y1) = (a.1.min(b.1) - width, a.1.max(b.1) + width);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len2 = (dx * dx + dy * dy).max(1e-6);
        for y in (y0.floor().max(0.0) as i64)..(y1.ceil() as i64).min(self.h as i64) {
            for x in (x0.floor().max(0.0) as i64)..(x1.ceil() as i64).min(self.w as i64) {
                let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                let t = (((px - a.0) * dx + (py - a.1) * dy) / len2).clamp(0.0, 1.0);
                let (qx, qy) = (a.0 + t * dx - px, a.1 + t * dy - py);
                let d = (qx * qx + qy * qy).sqrt();
                let alpha = (width / 2.0 + 0.5 - d).clamp(0.0, 1.0);
                if alpha > 0.0 {
                    self.blend(x, y, level, alpha);
                }
            }
        }
    }

    /// Filled ellipse.
    pub fn ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32, level: f32, alpha: f32) {
        for y in ((cy - ry).floor().max(0.0) as i64)..((cy + ry).ceil() as i64).min(self.h as i64) {
            for x in ((cx - rx).floor().max(0.0) as i64)..((cx + rx).ceil() as i64).min(self.w as i64) {
                let nx = (x as f32 + 0.5 - cx) / rx;
                let ny = (y as f32 + 0.5 - cy) / ry;
                let d = (nx * nx + ny * ny).sqrt();
                let a = ((1.0 - d) * rx.min(ry)).clamp(0.0, 1.0);
                if a > 0.0 {
                    self.blend(x, y, level, a * alpha);
                }
            }
        }
    }

    /// Draw `c` with its origin (left of the advance box, on the baseline) at (x, y),
    /// `em` pixels to the em; `gamma` < 1 thickens strokes, > 1 thins them; `stretch`
    /// widens (> 1) or narrows the glyph.
    #[allow(clippy::too_many_arguments)]
    pub fn glyph(&mut self, font: &FontRef<'_>, c: char, x: f32, y: f32, em: f32, stretch: f32, gamma: f32, level: f32) {
        let upem = font.units_per_em().unwrap_or(1000.0);
        let height = font.height_unscaled();
        let scale = PxScale { x: em * stretch * height / upem, y: em * height / upem };
        let glyph = font.glyph_id(c).with_scale_and_position(scale, ab_glyph::point(x, y));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let b = outlined.px_bounds();
            let (bx, by) = (b.min.x as i64, b.min.y as i64);
            outlined.draw(|gx, gy, cov| {
                let a = if gamma == 1.0 { cov } else { cov.clamp(0.0, 1.0).powf(gamma) };
                self.blend(bx + i64::from(gx), by + i64::from(gy), level, a);
            });
        }
    }

    /// Proportional text from its baseline origin; returns the advance in pixels.
    pub fn text(&mut self, font: &FontRef<'_>, s: &str, x: f32, y: f32, em: f32, level: f32) -> f32 {
        let upem = font.units_per_em().unwrap_or(1000.0);
        let mut pen = x;
        for c in s.chars() {
            self.glyph(font, c, pen, y, em, 1.0, 1.0, level);
            pen += font.h_advance_unscaled(font.glyph_id(c)) * em / upem;
        }
        pen - x
    }

    /// Draw `src` into this canvas: the point (u, v) of `src` lands at
    /// `origin + u·ax + v·ay` (an affine map); edges anti-aliased over one pixel.
    pub fn paste_affine(&mut self, src: &Canvas, origin: (f32, f32), ax: (f32, f32), ay: (f32, f32)) {
        let det = ax.0 * ay.1 - ax.1 * ay.0;
        if det.abs() < 1e-9 {
            return;
        }
        // inverse
        let (ia, ib, ic, id) = (ay.1 / det, -ay.0 / det, -ax.1 / det, ax.0 / det);
        let (sw, sh) = (src.w as f32, src.h as f32);
        let corners = [(0.0, 0.0), (sw, 0.0), (0.0, sh), (sw, sh)].map(|(u, v)| (origin.0 + u * ax.0 + v * ay.0, origin.1 + u * ax.1 + v * ay.1));
        let x0 = corners.iter().map(|c| c.0).fold(f32::MAX, f32::min).floor().max(0.0) as usize;
        let x1 = (corners.iter().map(|c| c.0).fold(f32::MIN, f32::max).ceil().max(0.0) as usize).min(self.w);
        let y0 = corners.iter().map(|c| c.1).fold(f32::MAX, f32::min).floor().max(0.0) as usize;
        let y1 = (corners.iter().map(|c| c.1).fold(f32::MIN, f32::max).ceil().max(0.0) as usize).min(self.h);
        let scale = (ax.0 * ax.0 + ax.1 * ax.1).sqrt().max(1e-6);
        for y in y0..y1 {
            for x in x0..x1 {
                let (px, py) = (x as f32 + 0.5 - origin.0, y as f32 + 0.5 - origin.1);
                let u = ia * px + ib * py;
                let v = ic * px + id * py;
                // coverage of the source rectangle, in destination pixels
                let edge = [u, sw - u, v, sh - v].into_iter().fold(f32::MAX, f32::min) * scale + 0.5;
                if edge <= 0.0 {
                    continue;
                }
                let value = src.sample(u - 0.5, v - 0.5);
                let p = &mut self.px[y * self.w + x];
                *p += (value - *p) * edge.min(1.0);
            }
        }
    }

    /// Bilinear sample, pixel centres at integers, border repeated.
    pub fn sample(&self, x: f32, y: f32) -> f32 {
        let x = x.clamp(0.0, (self.w - 1) as f32);
        let y = y.clamp(0.0, (self.h - 1) as f32);
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(self.w - 1), (y0 + 1).min(self.h - 1));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let p = |xx: usize, yy: usize| self.px[yy * self.w + xx];
        let top = p(x0, y0) + (p(x1, y0) - p(x0, y0)) * fx;
        let bottom = p(x0, y1) + (p(x1, y1) - p(x0, y1)) * fx;
        top + (bottom - top) * fy
    }

    /// Separable Gaussian blur.
    pub fn blur(&mut self, sigma: f32) {
        if sigma < 0.2 {
            return;
        }
        let r = (sigma * 3.0).ceil() as i64;
        let k: Vec<f32> = (-r..=r).map(|i| (-((i * i) as f32) / (2.0 * sigma * sigma)).exp()).collect();
        let total: f32 = k.iter().sum();
        let k: Vec<f32> = k.iter().map(|v| v / total).collect();
        let (w, h) = (self.w as i64, self.h as i64);
        let mut tmp = vec![0.0f32; self.px.len()];
        for y in 0..h {
            for x in 0..w {
                let mut s = 0.0;
                for (j, kv) in k.iter().enumerate() {
                    let xx = (x + j as i64 - r).clamp(0, w - 1);
                    s += kv * self.px[(y * w + xx) as usize];
                }
                tmp[(y * w + x) as usize] = s;
            }
        }
        for y in 0..h {
            for x in 0..w {
                let mut s = 0.0;
                for (j, kv) in k.iter().enumerate() {
                    let yy = (y + j as i64 - r).clamp(0, h - 1);
                    s += kv * tmp[(yy * w + x) as usize];
                }
                self.px[(y * w + x) as usize] = s;
            }
        }
    }

    /// Multiply by a smooth light field: a linear gradient and a vignette.
    pub fn light(&mut self, rng: &mut Rng, strength: f32) {
        let gx = rng.rangef(-1.0, 1.0) * strength;
        let gy = rng.rangef(-1.0, 1.0) * strength;
        let base = 1.0 - strength * rng.rangef(0.0, 0.5);
        let vig = strength * rng.rangef(0.0, 0.6);
        let (cx, cy) = (self.w as f32 / 2.0, self.h as f32 / 2.0);
        let diag = (cx * cx + cy * cy).sqrt();
        for y in 0..self.h {
            for x in 0..self.w {
                let nx = (x as f32 - cx) / cx;
                let ny = (y as f32 - cy) / cy;
                let r = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt() / diag;
                let g = (base + 0.5 * (gx * nx + gy * ny) - vig * r * r).max(0.15);
                self.px[y * self.w + x] *= g;
            }
        }
    }

    /// Add a bright glare spot.
    pub fn glare(&mut self, cx: f32, cy: f32, radius: f32, amplitude: f32) {
        let r3 = radius * 3.0;
        for y in ((cy - r3).max(0.0) as usize)..((cy + r3).max(0.0) as usize).min(self.h) {
            for x in ((cx - r3).max(0.0) as usize)..((cx + r3).max(0.0) as usize).min(self.w) {
                let d2 = (x as f32 - cx).powi(2) + (y as f32 - cy).powi(2);
                let p = &mut self.px[y * self.w + x];
                *p += amplitude * (-d2 / (2.0 * radius * radius)).exp();
            }
        }
    }

    /// Additive Gaussian sensor noise.
    pub fn noise(&mut self, rng: &mut Rng, sigma: f32) {
        if sigma <= 0.0 {
            return;
        }
        for p in &mut self.px {
            *p += sigma * rng.normal() as f32;
        }
    }

    /// Quantise to 8 bits.
    pub fn to_gray(&self) -> GrayImage {
        let px = self.px.iter().map(|v| v.round().clamp(0.0, 255.0) as u8).collect();
        GrayImage::new(self.w, self.h, px).unwrap_or_else(|| GrayImage::filled(self.w, self.h, 0))
    }
}

/// Encode as baseline JPEG at `quality` and decode again (what a webcam's MJPEG does).
pub fn jpeg_roundtrip(img: &GrayImage, quality: u8) -> GrayImage {
    use image::ImageEncoder;
    let mut buf = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, quality);
    let (Ok(w), Ok(h)) = (u32::try_from(img.width()), u32::try_from(img.height())) else {
        return img.clone();
    };
    if encoder.write_image(img.pixels(), w, h, image::ExtendedColorType::L8).is_err() {
        return img.clone();
    }
    match image::load_from_memory_with_format(&buf, image::ImageFormat::Jpeg) {
        Ok(decoded) => {
            let luma = decoded.to_luma8();
            GrayImage::new(luma.width() as usize, luma.height() as usize, luma.into_raw()).unwrap_or_else(|| img.clone())
        }
        Err(_) => img.clone(),
    }
}
