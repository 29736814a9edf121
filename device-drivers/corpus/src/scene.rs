//! Scenes: a document (ID card or passport page) with its MRZ on a cluttered table,
//! scenes with no MRZ at all, and QR codes; each made into a 1280×720 camera frame.

use ab_glyph::FontRef;
use mrz::Format;
use vision::GrayImage;

use crate::fonts::Fonts;
use crate::identity;
use crate::raster::{Canvas, jpeg_roundtrip};
use crate::rng::Rng;

pub const FRAME_W: usize = 1280;
pub const FRAME_H: usize = 720;
/// The MRZ character pitch: 10 characters per inch.
pub const MRZ_PITCH_MM: f32 = 2.54;

/// How a frame is disturbed after the scene is laid out. Ranges are `(low, high)`.
#[derive(Debug, Clone, Copy)]
pub struct Disturbance {
    pub blur: (f32, f32),
    pub noise: (f32, f32),
    pub jpeg: (u8, u8),
    /// Strength of uneven light, 0–1.
    pub light: f32,
    /// Probability and amplitude range of a glare spot.
    pub glare: (f64, f32, f32),
}

/// Parameters of an MRZ set.
#[derive(Debug, Clone, Copy)]
pub struct MrzParams {
    pub px_per_mm: (f32, f32),
    /// Largest rotation, degrees, either way.
    pub rotation: f32,
    pub td3_share: f64,
    /// Draw with font variants: the alternate OCR-B cut, bolder and thinner strokes,
    /// narrower and wider glyphs.
    pub font_variants: bool,
    /// Damage some characters (ink blots, erasure): frames whose MRZ must be rejected.
    pub garble: bool,
    pub disturbance: Disturbance,
}

/// Parameters of a QR set.
#[derive(Debug, Clone, Copy)]
pub struct QrParams {
    pub payload: (usize, usize),
    pub module_px: (f32, f32),
    pub disturbance: Disturbance,
}

const LABELS: &[&str] = &[
    "Фамилиясы / Фамилия / Surname", "Аты / Имя / Given names", "Туулган күнү / Дата рождения",
    "Жынысы / Пол / Sex", "Улуту / Национальность", "Берилген күнү / Date of issue", "Мөөнөтү / Date of expiry",
    "Органы / Authority", "ПИН / Personal number", "Колу / Signature", "Туулган жери / Place of birth",
];
const VALUES: &[&str] = &[
    "АСАНОВ", "АЗАМАТ", "15.05.1990", "ЭР / М", "КЫРГЫЗ", "12.03.2021", "12.03.2031", "МКК 50-01", "21505199012345",
    "ТОКТОГУЛОВА", "АЙГҮЛ", "Бишкек", "Ош облусу", "ЖЕЕНБЕКОВ", "NURLAN", "01.09.1985", "АЯЛ / Ж",
];
const CANDIDATES: &[&str] = &[
    "Асанов Азамат Бакытович", "Токтогулова Айгүл", "Жумабаев Нурлан", "Садыкова Гүлнара", "Омуров Эрмек",
    "Бектурсунов Таалант", "Мамытов Кубат", "Нурматова Мээрим", "Кадырбеков Улан", "Исаков Дастан",
];

fn words(rng: &mut Rng, n: usize) -> String {
    const W: &[&str] = &[
        "шайлоо", "участок", "комиссия", "бюллетень", "протокол", "добуш", "election", "ballot", "Кыргыз",
        "Республикасы", "2025", "№", "тизме", "список", "избирателей", "саны", "кол", "мөөр", "No.", "15",
    ];
    (0..n).map(|_| *rng.pick(W)).collect::<Vec<_>>().join(" ")
}

/// A table top with clutter.
fn table(rng: &mut Rng, fonts: &Fonts) -> Canvas {
    let level = rng.rangef(50.0, 200.0);
    let mut c = Canvas::new(FRAME_W, FRAME_H, level);
    // wood grain
    let (f, a, ph) = (rng.rangef(0.01, 0.08), rng.rangef(2.0, 14.0), rng.rangef(0.0, 6.3));
    let tilt = rng.rangef(-0.3, 0.3);
    for y in 0..FRAME_H {
        for x in 0..FRAME_W {
            let t = y as f32 + tilt * x as f32;
            c.px[y * FRAME_W + x] += a * (f * t + ph + 0.8 * (0.013 * x as f32).sin()).sin();
        }
    }
    for _ in 0..rng.below(5) {
        match rng.below(4) {
            0 => {
                // a sheet of paper with text
                let (x, y) = (rng.rangef(-200.0, 1100.0), rng.rangef(-200.0, 600.0));
                let (w, h) = (rng.rangef(200.0, 500.0), rng.rangef(150.0, 400.0));
                let mut sheet = Canvas::new(w as usize, h as usize, rng.rangef(200.0, 245.0));
                let em = rng.rangef(12.0, 26.0);
                let mut yy = em * 1.5;
                while yy < h - 5.0 {
                    let n = 2 + rng.below(6);
                    sheet.text(&fonts.noto, &words(rng, n), em * 0.8, yy, em, rng.rangef(10.0, 80.0));
                    yy += em * rng.rangef(1.3, 2.0);
                }
                let t = rng.rangef(-0.6, 0.6);
                c.paste_affine(&sheet, (x, y), (t.cos(), t.sin()), (-t.sin(), t.cos()));
            }
            1 => {
                let a = (rng.rangef(0.0, 1280.0), rng.rangef(0.0, 720.0));
                let b = (a.0 + rng.rangef(-300.0, 300.0), a.1 + rng.rangef(-300.0, 300.0));
                c.line(a, b, rng.rangef(6.0, 14.0), rng.rangef(10.0, 240.0));
            }
            2 => {
                let r = rng.rangef(15.0, 40.0);
                c.ellipse(rng.rangef(0.0, 1280.0), rng.rangef(0.0, 720.0), r, r, rng.rangef(60.0, 200.0), 1.0);
            }
            _ => {
                let (x, y) = (rng.rangef(0.0, 1200.0), rng.rangef(0.0, 650.0));
                c.rect(x, y, x + rng.rangef(30.0, 300.0), y + rng.rangef(30.0, 200.0), rng.rangef(20.0, 250.0), 1.0);
            }
        }
    }
    c
}

/// The document's background: tone, gradient, guilloche.
fn document_paper(rng: &mut Rng, w: usize, h: usize) -> Canvas {
    let base = rng.rangef(185.0, 235.0);
    let mut c = Canvas::new(w, h, base);
    let (f1, f2, a, b) = (rng.rangef(0.02, 0.09), rng.rangef(0.01, 0.05), rng.rangef(2.0, 9.0), rng.rangef(3.0, 12.0));
    let (gx, gy) = (rng.rangef(-15.0, 15.0), rng.rangef(-15.0, 15.0));
    for y in 0..h {
        for x in 0..w {
            let (fx, fy) = (x as f32, y as f32);
            let g = a * (f1 * fx + b * (f2 * fy).sin()).sin() + gx * fx / w as f32 + gy * fy / h as f32;
            c.px[y * w + x] += g;
        }
    }
    c
}

/// Where the MRZ lies on a document canvas, pixels.
struct MrzBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

#[derive(Clone, Copy)]
struct MrzStyle<'a> {
    font: &'a FontRef<'static>,
    stretch: f32,
    gamma: f32,
    ink: f32,
}

/// A document with its MRZ (or no MRZ when `lines` is empty), `d` pixels per mm.
fn document(rng: &mut Rng, fonts: &Fonts, format: Format, lines: &[String], d: f32, style: MrzStyle<'_>) -> (Canvas, MrzBox) {
    let (wmm, hmm) = if format == Format::Td1 { (85.6, 54.0) } else { (125.0, 88.0) };
    let (w, h) = ((wmm * d).round() as usize, (hmm * d).round() as usize);
    let mut c = document_paper(rng, w, h);
    let ink = rng.rangef(20.0, 70.0);
    // header
    let em = 3.2 * d;
    c.text(&fonts.noto_bold, "КЫРГЫЗ РЕСПУБЛИКАСЫ", 4.0 * d, 6.0 * d, em * rng.rangef(0.8, 1.1), ink);
    c.text(&fonts.noto, if format == Format::Td1 { "ИДЕНТИФИКАЦИЯЛЫК КАРТА / ID CARD" } else { "ПАСПОРТ / PASSPORT" }, 4.0 * d, 10.0 * d, em * 0.6, ink);
    // photo, ending well above the MRZ
    let n_mrz = lines.len() as f32;
    let mrz_top_mm = if lines.is_empty() { hmm - 2.0 } else { hmm - 3.5 - n_mrz * 4.1 };
    let (px0, py0) = (4.0 * d, 13.0 * d);
    let pw = if format == Format::Td1 { 22.0 } else { 32.0 } * d;
    let ph = (if format == Format::Td1 { 26.0 } else { 40.0 } * d).min((mrz_top_mm - 3.0) * d - py0);
    c.rect(px0, py0, px0 + pw, py0 + ph, rng.rangef(120.0, 190.0), 1.0);
    c.ellipse(px0 + pw / 2.0, py0 + ph * 0.4, pw * 0.25, ph * 0.28, rng.rangef(60.0, 140.0), 1.0);
    c.rect(px0 + pw * 0.12, py0 + ph * 0.72, px0 + pw * 0.88, py0 + ph, rng.rangef(30.0, 110.0), 1.0);
    // fields
    let mut y = py0 + 2.0 * d;
    let fx = px0 + pw + 4.0 * d;
    // printed fields end well above the MRZ (a document never prints over it)
    while y + 3.0 * d < (mrz_top_mm - 3.5) * d {
        let label = *rng.pick(LABELS);
        c.text(&fonts.noto, label, fx, y, 1.5 * d, ink + 30.0);
        let value = *rng.pick(VALUES);
        c.text(&fonts.noto_bold, value, fx, y + 3.0 * d, 2.4 * d, ink);
        y += rng.rangef(6.0, 8.0) * d;
    }
    if lines.is_empty() {
        return (c, MrzBox { x0: 0.0, y0: 0.0, x1: w as f32, y1: h as f32 });
    }
    // the MRZ
    let n = lines[0].len() as f32;
    let pitch = MRZ_PITCH_MM * d * style.stretch;
    let em = pitch * 1000.0 / 723.0 / style.stretch;
    let line_pitch = rng.rangef(3.9, 4.3) * d;
    let x0 = (w as f32 - n * pitch) / 2.0 + rng.rangef(-0.8, 0.8) * d;
    let last_base = h as f32 - rng.rangef(3.0, 4.5) * d;
    let ink = style.ink;
    for (k, line) in lines.iter().enumerate() {
        let base = last_base - (lines.len() - 1 - k) as f32 * line_pitch;
        for (i, ch) in line.chars().enumerate() {
            c.glyph(style.font, ch, x0 + i as f32 * pitch, base, em, style.stretch, style.gamma, ink);
        }
    }
    let top = last_base - (lines.len() - 1) as f32 * line_pitch - 2.6 * d;
    (c, MrzBox { x0, y0: top, x1: x0 + n * pitch, y1: last_base + 0.5 * d })
}

/// Put `doc` on `frame`, rotated by `angle`, so that `keep` (a box on the document,
/// grown by `margin` pixels) lies inside the frame. Returns false if it cannot.
fn place(rng: &mut Rng, frame: &mut Canvas, doc: &Canvas, angle: f32, keep: &MrzBox, margin: f32) -> bool {
    let (ax, ay) = ((angle.cos(), angle.sin()), (-angle.sin(), angle.cos()));
    let corners = [(keep.x0 - margin, keep.y0 - margin), (keep.x1 + margin, keep.y0 - margin), (keep.x0 - margin, keep.y1 + margin), (keep.x1 + margin, keep.y1 + margin)];
    // box corners relative to the document centre, rotated
    let (dcx, dcy) = (doc.w as f32 / 2.0, doc.h as f32 / 2.0);
    let rel: Vec<(f32, f32)> = corners.iter().map(|&(u, v)| ((u - dcx) * ax.0 + (v - dcy) * ay.0, (u - dcx) * ax.1 + (v - dcy) * ay.1)).collect();
    let xmin = rel.iter().map(|p| p.0).fold(f32::MAX, f32::min);
    let xmax = rel.iter().map(|p| p.0).fold(f32::MIN, f32::max);
    let ymin = rel.iter().map(|p| p.1).fold(f32::MAX, f32::min);
    let ymax = rel.iter().map(|p| p.1).fold(f32::MIN, f32::max);
    // centre range so that the box fits
    let (cx_lo, cx_hi) = (-xmin, FRAME_W as f32 - xmax);
    let (cy_lo, cy_hi) = (-ymin, FRAME_H as f32 - ymax);
    if cx_lo > cx_hi || cy_lo > cy_hi {
        return false;
    }
    let (cx, cy) = (rng.rangef(cx_lo, cx_hi.max(cx_lo + 0.001)), rng.rangef(cy_lo, cy_hi.max(cy_lo + 0.001)));
    let origin = (cx - dcx * ax.0 - dcy * ay.0, cy - dcx * ax.1 - dcy * ay.1);
    frame.paste_affine(doc, origin, ax, ay);
    true
}

fn disturb(rng: &mut Rng, mut frame: Canvas, d: &Disturbance) -> GrayImage {
    frame.light(rng, d.light);
    if rng.chance(d.glare.0) {
        let (x, y) = (rng.rangef(0.0, FRAME_W as f32), rng.rangef(0.0, FRAME_H as f32));
        frame.glare(x, y, rng.rangef(30.0, 140.0), rng.rangef(d.glare.1, d.glare.2));
    }
    frame.blur(rng.rangef(d.blur.0, d.blur.1));
    let sigma = rng.rangef(d.noise.0, d.noise.1);
    frame.noise(rng, sigma);
    let img = frame.to_gray();
    let q = d.jpeg.0 + rng.below(usize::from(d.jpeg.1.saturating_sub(d.jpeg.0)) + 1) as u8;
    jpeg_roundtrip(&img, q)
}

/// An MRZ frame and its lines.
pub fn mrz_frame(rng: &mut Rng, fonts: &Fonts, p: &MrzParams) -> (GrayImage, Vec<String>) {
    let format = if rng.chance(p.td3_share) { Format::Td3 } else { Format::Td1 };
    let (_, lines) = identity::random_mrz(rng, format);
    let style = if p.font_variants {
        MrzStyle {
            font: if rng.chance(0.5) { &fonts.ocrb_s } else { &fonts.ocrb },
            stretch: rng.rangef(0.94, 1.06),
            gamma: *rng.pick(&[0.45, 0.7, 1.0, 1.5, 2.2]),
            ink: rng.rangef(10.0, 90.0),
        }
    } else {
        MrzStyle { font: &fonts.ocrb, stretch: 1.0, gamma: 1.0, ink: rng.rangef(10.0, 60.0) }
    };
    loop {
        let d = rng.rangef(p.px_per_mm.0, p.px_per_mm.1);
        let (mut doc, mbox) = document(rng, fonts, format, &lines, d, style);
        if p.garble {
            garble(rng, &mut doc, &mbox, lines.len(), lines[0].len());
        }
        let mut frame = table(rng, fonts);
        let angle = rng.rangef(-p.rotation, p.rotation).to_radians();
        if place(rng, &mut frame, &doc, angle, &mbox, 2.0 * d) {
            return (disturb(rng, frame, &p.disturbance), lines);
        }
    }
}

/// Damage a few MRZ characters: an ink blot, a white-out, or a scratch across.
fn garble(rng: &mut Rng, doc: &mut Canvas, b: &MrzBox, nl: usize, n: usize) {
    let cw = (b.x1 - b.x0) / n as f32;
    let lh = (b.y1 - b.y0) / nl as f32;
    for _ in 0..1 + rng.below(3) {
        let i = rng.below(n) as f32;
        let l = rng.below(nl) as f32;
        let (cx, cy) = (b.x0 + (i + 0.5) * cw, b.y0 + (l + 0.5) * lh);
        match rng.below(3) {
            0 => doc.ellipse(cx, cy, cw * rng.rangef(0.4, 0.9), lh * rng.rangef(0.3, 0.5), rng.rangef(20.0, 60.0), 1.0),
            1 => doc.rect(cx - cw * 0.5, cy - lh * 0.45, cx + cw * rng.rangef(0.0, 0.5), cy + lh * 0.45, 220.0, 1.0),
            _ => doc.line((cx - cw * 1.5, cy - lh * 0.3), (cx + cw * 1.5, cy + lh * 0.3), cw * 0.25, 30.0),
        }
    }
}

/// A frame with no MRZ: an empty table, a ballot, a card's front, a page of text, or
/// OCR-B lines shaped like an MRZ that are none. Returns the kind of scene.
pub fn no_mrz_frame(rng: &mut Rng, fonts: &Fonts, dist: &Disturbance) -> (GrayImage, &'static str) {
    let mut frame = table(rng, fonts);
    let kind = match rng.below(5) {
        0 => "table",
        1 => {
            // a ballot
            let d = rng.rangef(3.0, 4.8);
            let (w, h) = ((148.0 * d) as usize, (210.0 * d) as usize);
            let mut b = Canvas::new(w, h, rng.rangef(225.0, 250.0));
            let ink = rng.rangef(10.0, 60.0);
            b.text(&fonts.noto_bold, "ШАЙЛОО БЮЛЛЕТЕНИ", 12.0 * d, 14.0 * d, 6.0 * d, ink);
            b.text(&fonts.noto, "ИЗБИРАТЕЛЬНЫЙ БЮЛЛЕТЕНЬ", 12.0 * d, 22.0 * d, 4.0 * d, ink);
            let mut y = 36.0 * d;
            for _ in 0..5 + rng.below(5) {
                b.text(&fonts.noto, *rng.pick(CANDIDATES), 12.0 * d, y, 4.2 * d, ink);
                b.frame_rect(120.0 * d, y - 6.0 * d, 132.0 * d, y + 2.0 * d, 0.5 * d, ink);
                y += 14.0 * d;
            }
            let t = rng.rangef(-0.5, 0.5);
            frame.paste_affine(&b, (rng.rangef(0.0, 800.0), rng.rangef(-400.0, 100.0)), (t.cos(), t.sin()), (-t.sin(), t.cos()));
            "ballot"
        }
        2 => {
            let d = rng.rangef(4.5, 8.0);
            let style = MrzStyle { font: &fonts.ocrb, stretch: 1.0, gamma: 1.0, ink: 30.0 };
            let (doc, _) = document(rng, fonts, Format::Td1, &[], d, style);
            let t = rng.rangef(-0.3, 0.3);
            frame.paste_affine(&doc, (rng.rangef(0.0, 600.0), rng.rangef(0.0, 300.0)), (t.cos(), t.sin()), (-t.sin(), t.cos()));
            "card-front"
        }
        3 => {
            let (w, h) = (rng.rangef(700.0, 1100.0) as usize, rng.rangef(400.0, 700.0) as usize);
            let mut page = Canvas::new(w, h, rng.rangef(215.0, 250.0));
            let em = rng.rangef(14.0, 30.0);
            let mut y = em * 1.5;
            while y < h as f32 - 5.0 {
                let n = 4 + rng.below(8);
                let font = if rng.chance(0.3) { &fonts.ocrb } else { &fonts.noto };
                page.text(font, &words(rng, n), em, y, em, rng.rangef(10.0, 60.0));
                y += em * rng.rangef(1.3, 1.9);
            }
            let t = rng.rangef(-0.2, 0.2);
            frame.paste_affine(&page, (rng.rangef(0.0, 400.0), rng.rangef(0.0, 200.0)), (t.cos(), t.sin()), (-t.sin(), t.cos()));
            "text-page"
        }
        _ => {
            let format = if rng.chance(0.5) { Format::Td1 } else { Format::Td3 };
            let lines = identity::decoy_lines(rng, format);
            let d = rng.rangef(4.5, 8.0);
            let style = MrzStyle { font: &fonts.ocrb, stretch: 1.0, gamma: 1.0, ink: rng.rangef(10.0, 60.0) };
            let (doc, mbox) = document(rng, fonts, format, &lines, d, style);
            let angle = rng.rangef(-5.0, 5.0).to_radians();
            place(rng, &mut frame, &doc, angle, &mbox, 2.0 * d);
            "mrz-decoy"
        }
    };
    (disturb(rng, frame, dist), kind)
}

/// How a QR code was laid out on its frame: what a failure can be classified by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QrLayout {
    /// Modules per side (without the quiet zone).
    pub modules: usize,
    pub module_px: f32,
    /// Rotation, degrees, 0–360.
    pub angle: f32,
    /// Centre of the code in the frame.
    pub centre: (f32, f32),
}

/// A QR frame and its payload.
pub fn qr_frame(rng: &mut Rng, fonts: &Fonts, p: &QrParams) -> (GrayImage, Vec<u8>) {
    let (image, payload, _) = qr_frame_laid_out(rng, fonts, p);
    (image, payload)
}

/// A QR frame, its payload and how the code lies on it.
pub fn qr_frame_laid_out(rng: &mut Rng, fonts: &Fonts, p: &QrParams) -> (GrayImage, Vec<u8>, QrLayout) {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=:;-_.,";
    loop {
        let len = p.payload.0 + rng.below(p.payload.1 - p.payload.0 + 1);
        let payload: Vec<u8> = (0..len).map(|_| *rng.pick(CHARS)).collect();
        let Ok(code) = qrcode::QrCode::with_error_correction_level(&payload, qrcode::EcLevel::M) else { continue };
        let modules = code.width();
        let colors = code.to_colors();
        let quiet = 4;
        let total = modules + 2 * quiet;
        let mut m = rng.rangef(p.module_px.0, p.module_px.1);
        // the code must fit in the frame at any angle
        m = m.min(680.0 / (total as f32 * std::f32::consts::SQRT_2));
        if m < p.module_px.0 * 0.999 {
            continue;
        }
        // render at 4 px per module, then scale while pasting
        let k = 4usize;
        let paper = rng.rangef(200.0, 250.0);
        let ink = rng.rangef(5.0, 60.0);
        let mut sticker = Canvas::new(total * k, total * k, paper);
        for y in 0..modules {
            for x in 0..modules {
                if colors[y * modules + x] == qrcode::Color::Dark {
                    let (x0, y0) = (((x + quiet) * k) as f32, ((y + quiet) * k) as f32);
                    sticker.rect(x0, y0, x0 + k as f32, y0 + k as f32, ink, 1.0);
                }
            }
        }
        let mut frame = table(rng, fonts);
        let degrees = rng.rangef(0.0, 360.0);
        let angle = degrees.to_radians();
        let s = m / k as f32;
        let (ax, ay) = ((angle.cos() * s, angle.sin() * s), (-angle.sin() * s, angle.cos() * s));
        let half = total as f32 * m / 2.0;
        let reach = half * std::f32::consts::SQRT_2;
        let cx = rng.rangef(reach, FRAME_W as f32 - reach);
        let cy = rng.rangef(reach.min(FRAME_H as f32 / 2.0), (FRAME_H as f32 - reach).max(FRAME_H as f32 / 2.0));
        let c = total as f32 * k as f32 / 2.0;
        let origin = (cx - c * ax.0 - c * ay.0, cy - c * ax.1 - c * ay.1);
        frame.paste_affine(&sticker, origin, ax, ay);
        let mut d = p.disturbance;
        d.blur.1 = d.blur.1.min(0.25 * m);
        d.blur.0 = d.blur.0.min(d.blur.1);
        let layout = QrLayout { modules, module_px: m, angle: degrees, centre: (cx, cy) };
        return (disturb(rng, frame, &d), payload, layout);
    }
}
