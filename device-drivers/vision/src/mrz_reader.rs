//! Reading an MRZ off a frame: find the band, fit the character grid, classify every
//! cell against OCR-B templates restricted to what the field allows, repair doubtful
//! characters only where a field check digit decides, and gate on confidence.

use mrz::Format;

use crate::detect::{self, Component};
use crate::frame::GrayImage;
use crate::glyphs::{self, CLASSES, CENTRE_UNITS, PITCH_SAMPLES, TH, TOP_UNITS, TW, UNITS_PER_SAMPLE};
use crate::layout;

/// Thresholds of the recogniser. The defaults are the ones the benchmark measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MrzConfig {
    /// A character is confident when its best score (normalised cross-correlation) is
    /// at least this…
    pub min_score: f32,
    /// …and beats the best other allowed character by at least this fraction of the
    /// way from the decision boundary between the two templates to the best template
    /// (`margin / (1 − similarity of the two templates)`; 1 = the image is exactly the
    /// template, 0 = exactly between the two). Look-alikes such as `0`/`O` differ little
    /// in absolute score, so an absolute margin would doubt them forever.
    pub min_margin: f32,
    /// The same two thresholds where no check digit covers the character (names,
    /// nationality, sex, document code, issuing State): stricter, since nothing else
    /// would catch a misread there.
    pub unchecked_min_score: f32,
    pub unchecked_min_margin: f32,
    /// …unless the character matches its template this well, in which case the
    /// checked positions' margin suffices (a crisp `K` next to a fairly similar `X`).
    pub unchecked_sure_score: f32,
    /// At most this many doubtful characters may be repaired, and only under a field
    /// check digit.
    pub max_repairs: usize,
    /// A repaired character's chosen candidate must score at least this.
    pub repair_min_score: f32,
    /// At most this many candidate bands are read per frame.
    pub max_candidates: usize,
}

impl Default for MrzConfig {
    fn default() -> MrzConfig {
        MrzConfig { min_score: 0.70, min_margin: 0.25, unchecked_min_score: 0.75, unchecked_min_margin: 0.40, unchecked_sure_score: 0.95, max_repairs: 2, repair_min_score: 0.60, max_candidates: 6 }
    }
}

/// Why a band that looked like an MRZ was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// Some character outside a check-digit-covered field was not confidently read.
    Doubtful,
    /// Too many doubtful characters to repair, or the repair was not unique.
    Unrepairable,
    /// Every character was confident but the text is not a valid MRZ (check digit,
    /// date, sex…): a misread, refused.
    Invalid,
}

/// What the recogniser made of a band it found.
#[derive(Debug, Clone, PartialEq)]
pub struct BandRead {
    pub format: Format,
    /// The best reading, line by line (top choice for each cell, after any repair).
    pub lines: Vec<String>,
    /// Characters chosen by check digits rather than read confidently.
    pub repaired: usize,
    /// The lowest best score and the lowest relative margin over the band.
    pub min_score: f32,
    pub min_margin: f32,
    /// The characters that were not confidently read: line, column (from 0), the best
    /// and second-best character with their scores. A UI may mark them.
    pub doubtful: Vec<Doubt>,
    /// The four corners of the band in frame pixels (top-left, top-right,
    /// bottom-right, bottom-left of the text as read).
    pub corners: [(f32, f32); 4],
}

/// A character not confidently read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Doubt {
    pub line: usize,
    pub column: usize,
    pub best: char,
    pub score: f32,
    pub second: char,
    pub second_score: f32,
    /// The relative margin (see [`MrzConfig::min_margin`]).
    pub rel: f32,
}

/// The outcome of one frame.
#[derive(Debug, Clone, PartialEq)]
pub enum MrzOutcome {
    /// No band that looks like an MRZ.
    NotFound,
    /// A band was read but failed the gate; never to be used as a reading.
    Rejected { read: BandRead, why: Rejection },
    /// Every character confident (or repaired under a field check digit), and the text
    /// parses with every check digit.
    Accepted { read: BandRead, mrz: mrz::Mrz },
}

impl MrzOutcome {
    /// The accepted MRZ, if any.
    pub fn accepted(&self) -> Option<&mrz::Mrz> {
        match self {
            MrzOutcome::Accepted { mrz, .. } => Some(mrz),
            _ => None,
        }
    }

    /// The band read, accepted or not.
    pub fn band(&self) -> Option<&BandRead> {
        match self {
            MrzOutcome::NotFound => None,
            MrzOutcome::Rejected { read, .. } | MrzOutcome::Accepted { read, .. } => Some(read),
        }
    }
}

/// Read the MRZ in `frame` with the default thresholds.
pub fn read_mrz(frame: &GrayImage) -> MrzOutcome {
    read_mrz_with(frame, &MrzConfig::default())
}

/// A line of text found in the frame (half-resolution coordinates).
struct Line {
    members: Vec<usize>,
    ux: f32,
    uy: f32,
    height: f32,
    cx: f32,
    cy: f32,
}

/// Read the MRZ in `frame`.
pub fn read_mrz_with(frame: &GrayImage, config: &MrzConfig) -> MrzOutcome {
    if frame.width() < 64 || frame.height() < 32 {
        return MrzOutcome::NotFound;
    }
    let half = frame.half();
    let bin = detect::binarise(&half, 7, 0.08, 10);
    let comps = detect::components(&bin, 60_000);
    let chains = detect::chains(&comps, 3.0, 20.0, 6);
    let lines = merge_lines(&comps, chains);
    let candidates = stacks(&comps, &lines);
    let mut best_rejected: Option<(BandRead, Rejection)> = None;
    for (tried, cand) in candidates.iter().enumerate() {
        if tried >= config.max_candidates {
            break;
        }
        let formats: &[Format] = if cand.len() == 3 { &[Format::Td1] } else { &[Format::Td3, Format::Td2] };
        for &format in formats {
            let Some(grid) = fit_grid(&comps, &lines, cand, &bin, format) else { continue };
            let (Some(&first), Some(&last)) = (grid.starts.first(), grid.starts.last()) else { continue };
            let n = format.line_len() as i32;
            let early = (grid.starts.len() == 1).then_some(format);
            let Some(band) = classify(frame, &half, &grid, first..last + n, early) else { continue };
            for start in grid.starts.clone() {
                let cells = cells_for(format, &band.scores, band.variant, (start - first) as usize);
                let outcome = gate(format, &cells, config, corners(&grid, start, n as usize));
                match outcome {
                    MrzOutcome::Accepted { .. } => return outcome,
                    MrzOutcome::Rejected { read, why } => {
                        let better = best_rejected.as_ref().is_none_or(|(r, _)| read.min_score > r.min_score);
                        if better {
                            best_rejected = Some((read, why));
                        }
                    }
                    MrzOutcome::NotFound => {}
                }
            }
        }
    }
    match best_rejected {
        Some((read, why)) => MrzOutcome::Rejected { read, why },
        None => MrzOutcome::NotFound,
    }
}

fn median(mut v: Vec<f32>) -> f32 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f32::total_cmp);
    v[v.len() / 2]
}

fn fit_line(comps: &[Component], members: &[usize]) -> (f32, f32, f32, f32) {
    let n = members.len().max(1) as f32;
    let mx = members.iter().map(|&k| comps[k].cx).sum::<f32>() / n;
    let my = members.iter().map(|&k| comps[k].cy).sum::<f32>() / n;
    let (mut sxx, mut sxy, mut syy) = (0.0f32, 0.0f32, 0.0f32);
    for &k in members {
        let dx = comps[k].cx - mx;
        let dy = comps[k].cy - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    (theta.cos(), theta.sin(), mx, my)
}

/// Chains that lie on one straight line (a merged blob broke them) become one line.
fn merge_lines(comps: &[Component], mut chains: Vec<detect::Chain>) -> Vec<Line> {
    chains.sort_by(|a, b| b.members.len().cmp(&a.members.len()));
    let mut lines: Vec<Line> = Vec::new();
    for ch in chains {
        let (_, _, cx, cy) = fit_line(comps, &ch.members);
        let mut merged = false;
        for line in lines.iter_mut() {
            let dot = line.ux * ch.ux + line.uy * ch.uy;
            if dot < 0.9975 {
                continue; // more than ~4°
            }
            let ratio = ch.height / line.height;
            if !(0.7..=1.4).contains(&ratio) {
                continue;
            }
            let perp = -(cx - line.cx) * line.uy + (cy - line.cy) * line.ux;
            if perp.abs() > 0.4 * line.height {
                continue;
            }
            line.members.extend_from_slice(&ch.members);
            let (ux, uy, mx, my) = fit_line(comps, &line.members);
            line.ux = ux;
            line.uy = uy;
            line.cx = mx;
            line.cy = my;
            merged = true;
            break;
        }
        if !merged {
            lines.push(Line { members: ch.members, ux: ch.ux, uy: ch.uy, height: ch.height, cx, cy });
        }
    }
    lines.retain(|l| l.members.len() >= 8);
    lines
}

/// Stacks of two or three parallel, evenly spaced, overlapping lines, biggest first.
fn stacks(comps: &[Component], lines: &[Line]) -> Vec<Vec<usize>> {
    let extent = |l: &Line, ux: f32, uy: f32| {
        let mut lo = f32::MAX;
        let mut hi = f32::MIN;
        for &k in &l.members {
            let s = comps[k].cx * ux + comps[k].cy * uy;
            lo = lo.min(s);
            hi = hi.max(s);
        }
        (lo, hi)
    };
    // below[a] = lines right under a: (b, spacing)
    let mut below: Vec<Vec<(usize, f32)>> = vec![Vec::new(); lines.len()];
    for (a, la) in lines.iter().enumerate() {
        for (b, lb) in lines.iter().enumerate() {
            if a == b {
                continue;
            }
            if la.ux * lb.ux + la.uy * lb.uy < 0.997 {
                continue;
            }
            let ratio = lb.height / la.height;
            if !(0.7..=1.4).contains(&ratio) {
                continue;
            }
            let h = la.height.max(lb.height);
            let perp = -(lb.cx - la.cx) * la.uy + (lb.cy - la.cy) * la.ux;
            if perp < 1.1 * h || perp > 2.8 * h {
                continue;
            }
            let (a0, a1) = extent(la, la.ux, la.uy);
            let (b0, b1) = extent(lb, la.ux, la.uy);
            let overlap = a1.min(b1) - a0.max(b0);
            if overlap < 0.3 * (a1 - a0).min(b1 - b0) {
                continue;
            }
            below[a].push((b, perp));
        }
    }
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for a in 0..lines.len() {
        for &(b, d1) in &below[a] {
            let mut had_third = false;
            for &(c, d2) in &below[b] {
                if (d2 / d1 - 1.0).abs() < 0.25 {
                    let size = lines[a].members.len() + lines[b].members.len() + lines[c].members.len();
                    out.push((size, vec![a, b, c]));
                    had_third = true;
                }
            }
            let size = lines[a].members.len() + lines[b].members.len();
            out.push((if had_third { size / 2 } else { size }, vec![a, b]));
        }
    }
    out.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.len().cmp(&x.1.len())));
    out.into_iter().map(|(_, v)| v).collect()
}

/// The character grid of a candidate band, in half-resolution coordinates.
#[derive(Debug, Clone)]
struct Grid {
    ux: f32,
    uy: f32,
    /// Along-line position of column k: phase + k * pitch.
    phase: f32,
    pitch: f32,
    /// Perpendicular offset of each line's ink centre.
    offsets: Vec<f32>,
    /// Column indices where reading may start.
    starts: Vec<i32>,
}

fn fit_grid(comps: &[Component], lines: &[Line], cand: &[usize], bin: &detect::Binary, format: Format) -> Option<Grid> {
    let n = format.line_len() as i32;
    let mut ux = 0.0;
    let mut uy = 0.0;
    for &l in cand {
        let w = lines[l].members.len() as f32;
        ux += lines[l].ux * w;
        uy += lines[l].uy * w;
    }
    let norm = (ux * ux + uy * uy).sqrt();
    if norm <= 0.0 {
        return None;
    }
    let (ux, uy) = (ux / norm, uy / norm);
    let (vx, vy) = (-uy, ux);
    let height = median(cand.iter().map(|&l| lines[l].height).collect());
    // single-character members: not too wide
    let single = |k: usize| comps[k].w() <= 1.25 * height + 1.0;
    // pitch from neighbouring members along each line
    let mut gaps = Vec::new();
    for &l in cand {
        let mut s: Vec<f32> =
            lines[l].members.iter().filter(|&&k| single(k)).map(|&k| comps[k].cx * ux + comps[k].cy * uy).collect();
        s.sort_by(f32::total_cmp);
        for w in s.windows(2) {
            let d = w[1] - w[0];
            if d > 0.6 * height && d < 1.6 * height {
                gaps.push(d);
            }
        }
    }
    if gaps.len() < 6 {
        return None;
    }
    let mut pitch = median(gaps);
    let all: Vec<f32> = cand
        .iter()
        .flat_map(|&l| lines[l].members.iter().copied())
        .filter(|&k| single(k))
        .map(|k| comps[k].cx * ux + comps[k].cy * uy)
        .collect();
    // phase: circular mean of positions modulo the pitch
    let (mut c, mut s) = (0.0f32, 0.0f32);
    for &p in &all {
        let a = p / pitch * std::f32::consts::TAU;
        c += a.cos();
        s += a.sin();
    }
    let mut phase = s.atan2(c) / std::f32::consts::TAU * pitch;
    // least-squares refinement of phase and pitch
    for _ in 0..3 {
        let (mut sk, mut ss, mut skk, mut sks, mut m) = (0.0f64, 0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for &p in &all {
            let k = ((p - phase) / pitch).round();
            let r = p - phase - k * pitch;
            if r.abs() > 0.3 * pitch {
                continue;
            }
            let (k, p) = (f64::from(k), f64::from(p));
            sk += k;
            ss += p;
            skk += k * k;
            sks += k * p;
            m += 1.0;
        }
        let den = m * skk - sk * sk;
        if m < 6.0 || den.abs() < 1e-9 {
            return None;
        }
        let new_pitch = ((m * sks - sk * ss) / den) as f32;
        let new_phase = ((ss - f64::from(new_pitch) * sk) / m) as f32;
        if !(new_pitch > 0.8 * pitch && new_pitch < 1.25 * pitch) {
            return None;
        }
        pitch = new_pitch;
        phase = new_phase;
    }
    // monospaced: nearly every character sits on the grid (proportional text does not)
    let on_grid = all.iter().filter(|&&p| {
        let r = (p - phase) / pitch;
        (r - r.round()).abs() <= 0.2
    });
    if on_grid.count() * 4 < all.len() * 3 {
        return None;
    }
    // line offsets
    let offsets: Vec<f32> = cand
        .iter()
        .map(|&l| median(lines[l].members.iter().map(|&k| comps[k].cx * vx + comps[k].cy * vy).collect()))
        .collect();
    // column range covered by members
    let ks: Vec<i32> = all.iter().map(|&p| ((p - phase) / pitch).round() as i32).collect();
    let kmin = *ks.iter().min()?;
    let kmax = *ks.iter().max()?;
    if kmax - kmin > 2 * n {
        return None;
    }
    // ink at a cell
    let ink = |line: usize, k: i32| -> bool {
        let along = phase + k as f32 * pitch;
        let perp = offsets[line];
        let mut hits = 0;
        for i in -2..=2 {
            for j in -3..=3 {
                let a = along + i as f32 * 0.14 * pitch;
                let b = perp + j as f32 * 0.13 * height;
                let x = a * ux + b * vx;
                let y = a * uy + b * vy;
                if bin.get(x.round() as isize, y.round() as isize) {
                    hits += 1;
                }
            }
        }
        hits >= 2
    };
    let lo = kmin - n;
    let hi = kmax + n;
    let full: Vec<bool> = (lo..=hi).map(|k| (0..cand.len()).all(|l| ink(l, k))).collect();
    // the run of inked columns containing most members
    let mut best: Option<(i32, i32, usize)> = None;
    let mut i = 0usize;
    while i < full.len() {
        if !full[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < full.len() && full[i] {
            i += 1;
        }
        let (a, b) = (lo + start as i32, lo + i as i32 - 1);
        let count = ks.iter().filter(|&&k| k >= a && k <= b).count();
        if best.is_none_or(|(_, _, c)| count > c) {
            best = Some((a, b, count));
        }
    }
    let (a, b, _) = best?;
    let len = b - a + 1;
    let mut starts = Vec::new();
    if len >= n {
        if len - n > 2 {
            return None;
        }
        for s in a..=b - n + 1 {
            starts.push(s);
        }
    } else {
        if n - len > 3 {
            return None;
        }
        for s in (b - n + 1)..=a {
            starts.push(s);
        }
    }
    Some(Grid { ux, uy, phase, pitch, offsets, starts })
}

/// Per-cell classification: best and second-best allowed class with scores.
#[derive(Debug, Clone, Copy)]
struct Cell {
    best: usize,
    score: f32,
    second: usize,
    second_score: f32,
    /// The margin relative to the two templates' distance (see [`MrzConfig::min_margin`]).
    rel: f32,
}

/// Shift search around the aligned position, in samples.
const SX: usize = 1;
const SY: usize = 1;
/// Patch margin for alignment and shifts, in samples.
const MX: usize = 3;
const MY: usize = 3;
const PW: usize = TW + 2 * MX;
const PH: usize = TH + 2 * MY;

/// Scores of every class for every cell of a band: `[line][column][class]`.
type Scores = Vec<Vec<[f32; 37]>>;

/// A classified band: the scores and the template variant they were made with.
struct Band {
    scores: Scores,
    variant: usize,
}

struct Sampler<'a> {
    src: &'a GrayImage,
    ux: f32,
    uy: f32,
    step: f32,
    centre_col: f32,
    centre_row: f32,
}

impl Sampler<'_> {
    /// Darkness patch (PW × PH) around the cell centre (cx, cy), displaced by (ox, oy) samples.
    fn patch(&self, cx: f32, cy: f32, ox: f32, oy: f32, out: &mut [f32; PW * PH]) {
        let (ux, uy) = (self.ux, self.uy);
        let (vx, vy) = (-uy, ux);
        for r in 0..PH {
            let dy = (r as f32 - MY as f32 + 0.5 - self.centre_row + oy) * self.step;
            for c in 0..PW {
                let dx = (c as f32 - MX as f32 + 0.5 - self.centre_col + ox) * self.step;
                out[r * PW + c] = 255.0 - self.src.sample(cx + dx * ux + dy * vx, cy + dx * uy + dy * vy);
            }
        }
    }
}

/// Ink centroid of a patch relative to where a centred glyph's would be, in samples.
fn centroid_offset(patch: &[f32; PW * PH]) -> Option<(f32, f32)> {
    let mean = patch.iter().sum::<f32>() / patch.len() as f32;
    let (mut sw, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
    // only the central part, so that neighbours weigh little
    for r in MY..PH - MY {
        for c in MX..PW - MX {
            let w = (patch[r * PW + c] - mean).max(0.0);
            sw += w;
            sx += w * c as f32;
            sy += w * r as f32;
        }
    }
    if sw <= 1e-3 {
        return None;
    }
    let ex = MX as f32 + 1.0 + (PITCH_SAMPLES as f32 - 1.0) / 2.0;
    let ey = MY as f32 + (TOP_UNITS - CENTRE_UNITS) / UNITS_PER_SAMPLE - 0.5;
    Some((sx / sw - ex, sy / sw - ey))
}

/// Best score of each of `classes` over the ±1-sample window shifts of `patch`.
fn score_patch(patch: &[f32; PW * PH], classes: &[usize], variant: usize, sy_range: usize, scores: &mut [f32; 37]) {
    let templates = glyphs::templates();
    let mut window = [0.0f32; TW * TH];
    for sy in (MY - sy_range)..=(MY + sy_range) {
        for sx in (MX - SX)..=(MX + SX) {
            let mut mean = 0.0;
            for r in 0..TH {
                let src_row = &patch[(r + sy) * PW + sx..(r + sy) * PW + sx + TW];
                window[r * TW..(r + 1) * TW].copy_from_slice(src_row);
                mean += src_row.iter().sum::<f32>();
            }
            mean /= (TW * TH) as f32;
            let mut var = 0.0;
            for v in window.iter_mut() {
                *v -= mean;
                var += *v * *v;
            }
            let inv = 1.0 / var.sqrt().max(1e-3);
            for &class in classes {
                let variants = &templates.vectors[class];
                let chosen = if variant < variants.len() { &variants[variant..=variant] } else { &variants[..] };
                for t in chosen {
                    let d = glyphs::dot(&window, t) * inv;
                    if d > scores[class] {
                        scores[class] = d;
                    }
                }
            }
        }
    }
}

/// When the best classes of a cell are close, look again at half-sample offsets for
/// those classes only: look-alikes (`0`/`O`, `8`/`B`) part by details a fraction of a
/// sample wide.
fn refine_if_close(sampler: &Sampler<'_>, centre: (f32, f32), offset: (f32, f32), variant: usize, scores: &mut [f32; 37]) {
    let mut order: Vec<usize> = (0..37).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let _ = variant;
    let sim = &glyphs::templates().similarity;
    let (a, b) = (order[0], order[1]);
    let close = (scores[a] - scores[b]) / (1.0 - sim[a][b]).max(0.02) < 0.5;
    if !close || scores[order[0]] < 0.5 {
        return;
    }
    let top = &order[..3];
    let mut patch = [0.0f32; PW * PH];
    for oy in [-0.5f32, 0.0, 0.5] {
        for ox in [-0.5f32, 0.0, 0.5] {
            if ox == 0.0 && oy == 0.0 {
                continue;
            }
            sampler.patch(centre.0, centre.1, offset.0 + ox, offset.1 + oy, &mut patch);
            score_patch(&patch, top, variant, SY, scores);
        }
    }
}

/// Classify the cells `cols` of every line: alignment per line from the ink centroids
/// (offset and trend along the line), then a ±1-sample search for every class.
/// `None` when the first line does not look like OCR-B at all.
fn classify(frame: &GrayImage, half: &GrayImage, grid: &Grid, cols: std::ops::Range<i32>, early: Option<Format>) -> Option<Band> {
    let use_half = grid.pitch >= 9.0;
    let (src, scale, offset) = if use_half { (half, 1.0f32, 0.0f32) } else { (frame, 2.0f32, 0.5f32) };
    let (ux, uy) = (grid.ux, grid.uy);
    let (vx, vy) = (-uy, ux);
    let sampler = Sampler {
        src,
        ux,
        uy,
        step: grid.pitch * scale / PITCH_SAMPLES as f32,
        centre_col: (glyphs::ADVANCE_UNITS / 2.0) / UNITS_PER_SAMPLE + 1.0,
        centre_row: (TOP_UNITS - CENTRE_UNITS) / UNITS_PER_SAMPLE,
    };
    let ncols = cols.len();
    let mut patch = [0.0f32; PW * PH];
    let mut out: Scores = Vec::with_capacity(grid.offsets.len());
    // every variant (a cell's score is its best over them)
    let variant = usize::MAX;
    // the line with the most dates and check digits first (TD2/TD3 the second, TD1 the
    // middle one), so that MRZ-shaped text that is no MRZ is given up early; the order
    // changes no outcome: every check below is tied to a line, not to when it is read
    let kinds = early.map(layout::kinds);
    let n_lines = grid.offsets.len();
    let order: Vec<usize> = match (n_lines, early) {
        (2, _) => vec![1, 0],
        (3, Some(_)) => vec![1, 0, 2],
        _ => (0..n_lines).collect(),
    };
    // the line whose median score must look like OCR-B at all
    let looked_at_first = if n_lines == 2 { 1 } else { 0 };
    let mut rows: Vec<Option<Vec<[f32; 37]>>> = vec![None; n_lines];
    for (pass, &li) in order.iter().enumerate() {
        let perp = grid.offsets[li];
        let centre = |k: i32| {
            let along = grid.phase + k as f32 * grid.pitch;
            ((along * ux + perp * vx) * scale + offset, (along * uy + perp * vy) * scale + offset)
        };
        // alignment: centroid offsets, robust line through them
        let mut offs: Vec<(f32, f32, f32)> = Vec::with_capacity(ncols);
        for (i, k) in cols.clone().enumerate() {
            let (cx, cy) = centre(k);
            sampler.patch(cx, cy, 0.0, 0.0, &mut patch);
            if let Some((dx, dy)) = centroid_offset(&patch) {
                offs.push((i as f32, dx, dy));
            }
        }
        let half_n = ncols as f32 / 2.0;
        let med = |f: &dyn Fn(&(f32, f32, f32)) -> bool, g: &dyn Fn(&(f32, f32, f32)) -> f32| median(offs.iter().filter(|o| f(o)).map(g).collect());
        let left_dx = med(&|o| o.0 < half_n, &|o| o.1);
        let right_dx = med(&|o| o.0 >= half_n, &|o| o.1);
        let dy = med(&|_| true, &|o| o.2);
        // with the start known, the cells whose field allows the fewest characters
        // first: a character that is not there is most likely among them
        let mut visit: Vec<usize> = (0..ncols).collect();
        if let Some(kind_row) = kinds.as_ref().and_then(|k| k.get(li)) {
            visit.sort_by_key(|&i| kind_row.get(i).map_or(CLASSES.len(), |k| k.allowed_count()));
        }
        let mut row = vec![[f32::MIN; 37]; ncols];
        let mut best_scores = vec![f32::MIN; ncols];
        let mut low = 0usize;
        for &i in &visit {
            let k = cols.start + i as i32;
            let t = (i as f32 + 0.5 - half_n / 2.0) / half_n.max(1.0);
            let dx = left_dx + (right_dx - left_dx) * t;
            let (cx, cy) = centre(k);
            sampler.patch(cx, cy, dx.clamp(-3.0, 3.0), dy.clamp(-3.0, 3.0), &mut patch);
            let mut scores = [f32::MIN; 37];
            score_patch(&patch, &ALL_CLASSES, variant, SY, &mut scores);
            refine_if_close(&sampler, (cx, cy), (dx.clamp(-3.0, 3.0), dy.clamp(-3.0, 3.0)), variant, &mut scores);
            let best = scores.iter().copied().fold(f32::MIN, f32::max);
            // with the start known, what the field allows: a letter where a date must be
            // is as bad as no character at all
            let allowed_best = match (early, kinds.as_ref().and_then(|k| k.get(li)).and_then(|row| row.get(i))) {
                (Some(_), Some(&kind)) => cell_of(Some(&scores), kind).score,
                _ => best,
            };
            if allowed_best < 0.6 || allowed_best < best - 0.1 {
                low += 1;
                // not an MRZ: give up early (frames without an MRZ stay cheap)
                let limit = if early.is_some() { (ncols / 8).max(3) } else { (ncols / 4).max(3) };
                if low > limit {
                    return None;
                }
            }
            best_scores[i] = best;
            row[i] = scores;
        }
        if li == looked_at_first && median(best_scores) < 0.55 {
            return None;
        }
        if pass + 1 < order.len()
            && let Some(format) = early
            && confidently_fails_a_check(format, li, &row)
        {
            return None;
        }
        rows[li] = Some(row);
    }
    for row in rows {
        out.push(row?);
    }
    Some(Band { scores: out, variant })
}

/// Whether a field of line `li` whose characters (and check digit) are all read
/// confidently fails its check digit: then the band cannot be accepted, whatever the
/// other lines say.
fn confidently_fails_a_check(format: Format, li: usize, row: &[[f32; 37]]) -> bool {
    let n = format.line_len();
    if row.len() != n {
        return false;
    }
    let kinds = layout::kinds(format);
    let Some(kind_row) = kinds.get(li) else { return false };
    let cells: Vec<Cell> = kind_row.iter().zip(row).map(|(&kind, scores)| cell_of(Some(scores), kind)).collect();
    let fields: &[(usize, usize)] = match (format, li) {
        (Format::Td1, 0) => &[(5, 9)],
        (Format::Td1, 1) => &[(0, 6), (8, 6)],
        (Format::Td2 | Format::Td3, 1) => &[(0, 9), (13, 6), (21, 6)],
        _ => &[],
    };
    let sure = |c: &Cell| c.score >= 0.8 && c.rel >= 0.5;
    fields.iter().any(|&(start, len)| {
        let run = &cells[start..=start + len];
        if !run.iter().all(sure) {
            return false;
        }
        let text: String = run[..len].iter().map(|c| char::from(CLASSES[c.best])).collect();
        let check = char::from(CLASSES[run[len].best]);
        // a filler in the check digit's place: a long document number, not checked here
        check != '<' && mrz::check_digit(&text).map(|d| char::from(b'0' + d)) != Some(check)
    })
}

const ALL_CLASSES: [usize; 37] = {
    let mut a = [0usize; 37];
    let mut i = 0;
    while i < 37 {
        a[i] = i;
        i += 1;
    }
    a
};

/// The gate on its own, for tests: decide on a band of `format` whose every cell has a
/// score per class (`scores[line][column][class]`, classes in [`CLASSES`] order), as
/// the classifier would have produced them.
pub fn decide(format: Format, scores: &[Vec<[f32; 37]>], config: &MrzConfig) -> MrzOutcome {
    let ok = scores.len() == format.line_count() && scores.iter().all(|row| row.len() == format.line_len());
    if !ok {
        return MrzOutcome::NotFound;
    }
    let cells = cells_for(format, &scores.to_vec(), usize::MAX, 0);
    gate(format, &cells, config, [(0.0, 0.0); 4])
}

/// Best and second-best allowed classes of each cell of the band starting at `from`.
fn cells_for(format: Format, scores: &Scores, variant: usize, from: usize) -> Vec<Vec<Cell>> {
    let _ = variant;
    let kinds = layout::kinds(format);
    scores
        .iter()
        .zip(&kinds)
        .map(|(row, kind_row)| kind_row.iter().enumerate().map(|(col, &kind)| cell_of(row.get(from + col), kind)).collect())
        .collect()
}

/// Best and second-best allowed classes of one cell (a missing cell scores nothing).
fn cell_of(scores: Option<&[f32; 37]>, kind: layout::Kind) -> Cell {
    let sim = &glyphs::templates().similarity;
    let empty = [f32::MIN; 37];
    let s = scores.unwrap_or(&empty);
    let (mut best, mut second, mut bs, mut ss) = (0, 0, f32::MIN, f32::MIN);
    for (class, &v) in s.iter().enumerate() {
        if !kind.allows(class) {
            continue;
        }
        if v > bs {
            second = best;
            ss = bs;
            best = class;
            bs = v;
        } else if v > ss {
            second = class;
            ss = v;
        }
    }
    let rel = (bs - ss) / (1.0 - sim[best][second]).max(0.02);
    Cell { best, score: bs, second, second_score: ss, rel }
}

fn corners(grid: &Grid, start: i32, n: usize) -> [(f32, f32); 4] {
    let (ux, uy) = (grid.ux, grid.uy);
    let (vx, vy) = (-uy, ux);
    let a0 = grid.phase + (start as f32 - 0.5) * grid.pitch;
    let a1 = grid.phase + (start as f32 + n as f32 - 0.5) * grid.pitch;
    let p0 = grid.offsets.first().copied().unwrap_or(0.0) - 0.6 * grid.pitch;
    let p1 = grid.offsets.last().copied().unwrap_or(0.0) + 0.6 * grid.pitch;
    // half-resolution to frame pixels
    let pt = |a: f32, p: f32| ((a * ux + p * vx) * 2.0 + 0.5, (a * uy + p * vy) * 2.0 + 0.5);
    [pt(a0, p0), pt(a1, p0), pt(a1, p1), pt(a0, p1)]
}

fn text_of(cells: &[Vec<Cell>], pick: impl Fn(usize, usize) -> usize) -> Vec<String> {
    cells
        .iter()
        .enumerate()
        .map(|(l, row)| (0..row.len()).map(|c| char::from(CLASSES[pick(l, c)])).collect())
        .collect()
}

fn gate(format: Format, cells: &[Vec<Cell>], config: &MrzConfig, corners: [(f32, f32); 4]) -> MrzOutcome {
    let kinds = layout::kinds(format);
    let mut doubtful: Vec<(usize, usize)> = Vec::new();
    let mut uncovered_doubt = false;
    let mut min_score = f32::MAX;
    let mut min_margin = f32::MAX;
    let same_value = |cell: &Cell| {
        mrz::char_value(char::from(CLASSES[cell.best])).map(|v| v % 10) == mrz::char_value(char::from(CLASSES[cell.second])).map(|v| v % 10)
    };
    let strict = |cell: &Cell| {
        (cell.score >= config.unchecked_min_score && cell.rel >= config.unchecked_min_margin)
            || (cell.score >= config.unchecked_sure_score && cell.rel >= config.min_margin)
    };
    let lenient = |cell: &Cell| cell.score >= config.min_score && cell.rel >= config.min_margin;
    // Cells in mixed letter-and-digit fields (document number, optional data) that pass
    // only the lenient standard: one such misread is caught by its check digit, but two
    // look-alike misreads (`0`→`O` twice) can cancel out. So one is let through, two or
    // more become doubtful and must be repaired uniquely.
    let mut lenient_mixed: Vec<(usize, usize)> = Vec::new();
    let mut doubt = |l: usize, c: usize, cell: &Cell, doubtful: &mut Vec<(usize, usize)>| {
        doubtful.push((l, c));
        // The check digits can choose only between characters of different values
        // modulo 10 (`6` and `G` weigh the same).
        if !layout::repairable(format, l, c) || same_value(cell) || cell.second_score < config.repair_min_score.min(cell.score) {
            uncovered_doubt = true;
        }
    };
    for (l, row) in cells.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            min_score = min_score.min(cell.score);
            min_margin = min_margin.min(cell.rel);
            let checked = layout::checked(format, l, c);
            let mixed = kinds[l][c] == layout::Kind::Any;
            let confident = if !checked {
                strict(cell)
            } else if mixed && !strict(cell) && lenient(cell) && !same_value(cell) {
                lenient_mixed.push((l, c));
                true
            } else {
                strict(cell) || (lenient(cell) && !mixed)
            };
            if !confident {
                doubt(l, c, cell, &mut doubtful);
            }
        }
    }
    if lenient_mixed.len() >= 2 {
        for &(l, c) in &lenient_mixed {
            doubt(l, c, &cells[l][c], &mut doubtful);
        }
    }
    let top = text_of(cells, |l, c| cells[l][c].best);
    let doubts = doubtful
        .iter()
        .map(|&(l, c)| {
            let cell = &cells[l][c];
            Doubt { line: l, column: c, best: char::from(CLASSES[cell.best]), score: cell.score, second: char::from(CLASSES[cell.second]), second_score: cell.second_score, rel: cell.rel }
        })
        .collect();
    let mut read = BandRead { format, lines: top.clone(), repaired: 0, min_score, min_margin, doubtful: doubts, corners };
    if uncovered_doubt {
        return MrzOutcome::Rejected { read, why: Rejection::Doubtful };
    }
    if !layout::names_well_formed(format, &top) {
        return MrzOutcome::Rejected { read, why: Rejection::Invalid };
    }
    if doubtful.is_empty() {
        return match mrz::parse_lines(&top) {
            Ok(m) if m.format == format => MrzOutcome::Accepted { read, mrz: m },
            _ => MrzOutcome::Rejected { read, why: Rejection::Invalid },
        };
    }
    if doubtful.len() > config.max_repairs {
        return MrzOutcome::Rejected { read, why: Rejection::Unrepairable };
    }
    // every combination of best/second for the doubtful cells; exactly one must parse
    let mut found: Option<(Vec<String>, mrz::Mrz)> = None;
    let mut count = 0;
    for mask in 0u32..(1 << doubtful.len()) {
        let lines = text_of(cells, |l, c| match doubtful.iter().position(|&d| d == (l, c)) {
            Some(i) if mask & (1 << i) != 0 => cells[l][c].second,
            Some(_) | None => cells[l][c].best,
        });
        // a repaired candidate must itself score well enough
        let ok = doubtful.iter().enumerate().all(|(i, &(l, c))| {
            let cell = &cells[l][c];
            let s = if mask & (1 << i) != 0 { cell.second_score } else { cell.score };
            s >= config.repair_min_score
        });
        if !ok {
            continue;
        }
        if let Ok(m) = mrz::parse_lines(&lines) {
            if m.format == format {
                count += 1;
                found = Some((lines, m));
            }
        }
    }
    match (count, found) {
        (1, Some((lines, m))) => {
            read.lines = lines;
            read.repaired = doubtful.len();
            MrzOutcome::Accepted { read, mrz: m }
        }
        _ => MrzOutcome::Rejected { read, why: Rejection::Unrepairable },
    }
}
