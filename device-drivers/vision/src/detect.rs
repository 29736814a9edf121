//! Finding text lines: local-contrast binarisation, connected components (run based),
//! chains of character-sized components, chains grouped into parallel stacks of lines.
//! Works on the half-resolution image.

use crate::frame::GrayImage;

/// A binary image: `true` = ink (darker than its neighbourhood).
pub struct Binary {
    pub width: usize,
    pub height: usize,
    pub ink: Vec<bool>,
}

impl Binary {
    #[inline]
    pub fn get(&self, x: isize, y: isize) -> bool {
        x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height && self.ink[y as usize * self.width + x as usize]
    }
}

/// Ink = darker than the mean of a `(2r+1)²` window (clipped at the borders) by `rel`
/// of it and by at least `abs`. `r` is capped at 63, so that the sums fit in `u32`.
///
/// The window sums slide down per column (one row in, one out); along the row they are
/// differences of a running sum. Every pixel costs a handful of additions, whatever `r`
/// — this is the bulk of looking for an MRZ, and frames without one pay mostly this.
pub fn binarise(img: &GrayImage, r: usize, rel: f32, abs: u32) -> Binary {
    let r = r.min(63);
    let w = img.width();
    let h = img.height();
    let p = img.pixels();
    // with r ≤ 63 a window holds at most 127² pixels: 127²·255·1024 < 2³²
    let k = ((1.0 - rel.clamp(0.0, 1.0)) * 1024.0) as u32;
    let abs = abs.min(255);
    let mut ink = vec![false; w * h];
    let mut column = vec![0u32; w];
    let mut prefix = vec![0u32; w + 1];
    for row in p.chunks_exact(w).take((r + 1).min(h)) {
        for (c, &v) in column.iter_mut().zip(row) {
            *c += u32::from(v);
        }
    }
    for y in 0..h {
        if y > 0 {
            if y + r < h {
                for (c, &v) in column.iter_mut().zip(&p[(y + r) * w..(y + r + 1) * w]) {
                    *c += u32::from(v);
                }
            }
            if y > r {
                for (c, &v) in column.iter_mut().zip(&p[(y - r - 1) * w..(y - r) * w]) {
                    *c -= u32::from(v);
                }
            }
        }
        let rows = ((y + r + 1).min(h) - y.saturating_sub(r)) as u32;
        for x in 0..w {
            // wrapping: on a very wide image the running sum may wrap, its differences
            // (the window sums, which fit) stay right
            prefix[x + 1] = prefix[x].wrapping_add(column[x]);
        }
        let src = &p[y * w..(y + 1) * w];
        let out = &mut ink[y * w..(y + 1) * w];
        // v < mean·(1 − rel) and v + abs < mean
        let dark = |v: u8, sum: u32, area: u32| {
            let v = u32::from(v);
            v * area * 1024 < sum * k && (v + abs) * area < sum
        };
        // the window is whole between the borders: one area, no clipping, a loop the
        // compiler vectorises
        let (lo, hi) = (r.min(w), w.saturating_sub(r).max(r.min(w)));
        let area = rows * (2 * r + 1) as u32;
        for x in lo..hi {
            out[x] = dark(src[x], prefix[x + r + 1].wrapping_sub(prefix[x - r]), area);
        }
        for x in (0..lo).chain(hi..w) {
            let (x0, x1) = (x.saturating_sub(r), (x + r + 1).min(w));
            out[x] = dark(src[x], prefix[x1].wrapping_sub(prefix[x0]), rows * (x1 - x0) as u32);
        }
    }
    Binary { width: w, height: h, ink }
}

/// A connected component of ink.
#[derive(Debug, Clone, Copy)]
pub struct Component {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub count: u32,
    pub cx: f32,
    pub cy: f32,
}

impl Component {
    pub fn w(&self) -> f32 {
        (self.x1 - self.x0 + 1) as f32
    }
    pub fn h(&self) -> f32 {
        (self.y1 - self.y0 + 1) as f32
    }
}

fn find(parent: &mut [u32], mut i: u32) -> u32 {
    while parent[i as usize] != i {
        let g = parent[parent[i as usize] as usize];
        parent[i as usize] = g;
        i = g;
    }
    i
}

/// Eight-connected components of ink, at most `limit` runs considered (beyond that the
/// image is noise, and an empty list comes back).
pub fn components(bin: &Binary, limit: usize) -> Vec<Component> {
    struct Run {
        y: u32,
        x0: u32,
        x1: u32,
    }
    let w = bin.width;
    let mut runs: Vec<Run> = Vec::new();
    let mut parent: Vec<u32> = Vec::new();
    let mut prev_start = 0usize;
    for y in 0..bin.height {
        let row = &bin.ink[y * w..(y + 1) * w];
        let this_start = runs.len();
        let mut x = 0;
        let mut j = prev_start;
        while x < w {
            if !row[x] {
                x += 1;
                continue;
            }
            let x0 = x;
            while x < w && row[x] {
                x += 1;
            }
            let x1 = x - 1;
            let id = runs.len() as u32;
            if runs.len() >= limit {
                return Vec::new();
            }
            runs.push(Run { y: y as u32, x0: x0 as u32, x1: x1 as u32 });
            parent.push(id);
            // overlapping runs of the previous row (8-connected: touch diagonally too)
            while j < this_start && (runs[j].x1 as usize) + 1 < x0 {
                j += 1;
            }
            let mut k = j;
            while k < this_start && (runs[k].x0 as usize) <= x1 + 1 {
                let a = find(&mut parent, id);
                let b = find(&mut parent, k as u32);
                if a != b {
                    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                    parent[hi as usize] = lo;
                }
                k += 1;
            }
        }
        prev_start = this_start;
    }
    let mut index = vec![u32::MAX; runs.len()];
    let mut out: Vec<Component> = Vec::new();
    let mut sums: Vec<(f64, f64)> = Vec::new();
    for i in 0..runs.len() {
        let root = find(&mut parent, i as u32) as usize;
        let r = &runs[i];
        let n = r.x1 - r.x0 + 1;
        if index[root] == u32::MAX {
            index[root] = out.len() as u32;
            out.push(Component { x0: r.x0 as i32, y0: r.y as i32, x1: r.x1 as i32, y1: r.y as i32, count: 0, cx: 0.0, cy: 0.0 });
            sums.push((0.0, 0.0));
        }
        let c = &mut out[index[root] as usize];
        let s = &mut sums[index[root] as usize];
        c.x0 = c.x0.min(r.x0 as i32);
        c.x1 = c.x1.max(r.x1 as i32);
        c.y0 = c.y0.min(r.y as i32);
        c.y1 = c.y1.max(r.y as i32);
        c.count += n;
        s.0 += f64::from(n) * (f64::from(r.x0) + f64::from(r.x1)) / 2.0;
        s.1 += f64::from(n) * f64::from(r.y);
    }
    for (c, s) in out.iter_mut().zip(&sums) {
        c.cx = (s.0 / f64::from(c.count)) as f32;
        c.cy = (s.1 / f64::from(c.count)) as f32;
    }
    out
}

/// A chain of character-sized components linked left to right: one text line, or a
/// piece of one.
#[derive(Debug, Clone)]
pub struct Chain {
    pub members: Vec<usize>,
    /// Direction of the line (unit vector).
    pub ux: f32,
    pub uy: f32,
    /// Median component height.
    pub height: f32,
}

/// Link each character-sized component to its nearest neighbour on the right, keep
/// mutual links, and return chains of at least `min_len` components.
pub fn chains(comps: &[Component], min_h: f32, max_h: f32, min_len: usize) -> Vec<Chain> {
    let cand: Vec<usize> = (0..comps.len())
        .filter(|&i| {
            let c = &comps[i];
            let (w, h) = (c.w(), c.h());
            h >= min_h && h <= max_h && w <= 1.6 * h + 2.0 && c.count >= 3 && (c.count as f32) < 0.92 * w * h + 1.0
        })
        .collect();
    if cand.len() < min_len {
        return Vec::new();
    }
    // spatial hash
    let cell = (max_h * 2.0).max(8.0);
    let mut buckets: std::collections::HashMap<(i32, i32), Vec<usize>> = std::collections::HashMap::new();
    for &i in &cand {
        let c = &comps[i];
        buckets.entry(((c.cx / cell) as i32, (c.cy / cell) as i32)).or_default().push(i);
    }
    let mut right: Vec<Option<(usize, f32)>> = vec![None; comps.len()];
    let mut left: Vec<Option<(usize, f32)>> = vec![None; comps.len()];
    for &i in &cand {
        let a = &comps[i];
        let (bx, by) = ((a.cx / cell) as i32, (a.cy / cell) as i32);
        let mut best: Option<(usize, f32)> = None;
        for gx in bx..=bx + 1 {
            for gy in by - 1..=by + 1 {
                let Some(list) = buckets.get(&(gx, gy)) else { continue };
                for &j in list {
                    if j == i {
                        continue;
                    }
                    let b = &comps[j];
                    let dx = b.cx - a.cx;
                    let dy = b.cy - a.cy;
                    if dx <= 0.0 || dy.abs() > 0.45 * dx {
                        continue;
                    }
                    let hmax = a.h().max(b.h());
                    let hmin = a.h().min(b.h());
                    if hmin < 0.45 * hmax {
                        continue;
                    }
                    let d = (dx * dx + dy * dy).sqrt();
                    if d > 2.2 * hmax {
                        continue;
                    }
                    if best.is_none_or(|(_, bd)| d < bd) {
                        best = Some((j, d));
                    }
                }
            }
        }
        if let Some((j, d)) = best {
            right[i] = Some((j, d));
            if left[j].is_none_or(|(_, ld)| d < ld) {
                left[j] = Some((i, d));
            }
        }
    }
    let mut out = Vec::new();
    for &i in &cand {
        // a chain starts where no mutual link comes in
        let has_left = left[i].is_some_and(|(l, _)| right[l].is_some_and(|(r, _)| r == i));
        if has_left {
            continue;
        }
        let mut members = vec![i];
        let mut cur = i;
        while let Some((j, _)) = right[cur] {
            if left[j].is_none_or(|(l, _)| l != cur) || members.len() > 200 {
                break;
            }
            members.push(j);
            cur = j;
        }
        if members.len() < min_len {
            continue;
        }
        // direction: least squares through the centroids
        let n = members.len() as f32;
        let mx = members.iter().map(|&k| comps[k].cx).sum::<f32>() / n;
        let my = members.iter().map(|&k| comps[k].cy).sum::<f32>() / n;
        let (mut sxx, mut sxy, mut syy) = (0.0f32, 0.0f32, 0.0f32);
        for &k in &members {
            let dx = comps[k].cx - mx;
            let dy = comps[k].cy - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        let theta = 0.5 * (2.0 * sxy).atan2(sxx - syy);
        let mut heights: Vec<f32> = members.iter().map(|&k| comps[k].h()).collect();
        heights.sort_by(f32::total_cmp);
        out.push(Chain { members, ux: theta.cos(), uy: theta.sin(), height: heights[heights.len() / 2] });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, window by window, with no sliding.
    fn binarise_by_definition(img: &GrayImage, r: usize, rel: f32, abs: u32) -> Vec<bool> {
        let (w, h) = (img.width(), img.height());
        let k = ((1.0 - rel) * 1024.0) as u64;
        let mut out = vec![false; w * h];
        for y in 0..h {
            for x in 0..w {
                let (x0, x1, y0, y1) = (x.saturating_sub(r), (x + r + 1).min(w), y.saturating_sub(r), (y + r + 1).min(h));
                let mut sum = 0u64;
                for yy in y0..y1 {
                    for xx in x0..x1 {
                        sum += u64::from(img.pixels()[yy * w + xx]);
                    }
                }
                let area = ((x1 - x0) * (y1 - y0)) as u64;
                let v = u64::from(img.pixels()[y * w + x]);
                out[y * w + x] = v * area * 1024 < sum * k && (v + u64::from(abs)) * area < sum;
            }
        }
        out
    }

    #[test]
    fn sliding_binarisation_equals_the_definition() {
        let mut state = 7u64;
        let mut next = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u8
        };
        // wider and narrower than the window, one pixel wide, square
        for (w, h, r, rel, abs) in [(37, 23, 7, 0.08, 10), (5, 40, 7, 0.08, 10), (1, 9, 3, 0.0, 6), (16, 16, 12, 0.0, 6), (64, 3, 2, 0.3, 0)] {
            // stripes and blobs under noise, so that both answers occur
            let pixels: Vec<u8> = (0..w * h).map(|i| if (i % w) / 3 % 2 == 0 { 40 } else { 200 } ^ (next() & 31)).collect();
            let img = GrayImage::new(w, h, pixels).expect("sizes agree");
            let fast = binarise(&img, r, rel, abs);
            assert_eq!(fast.ink, binarise_by_definition(&img, r, rel, abs), "{w}×{h} r={r}");
            assert!(fast.ink.iter().any(|&b| b) || w < 3, "{w}×{h}: some ink expected");
        }
    }
}
