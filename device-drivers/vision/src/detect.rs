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

/// Ink = darker than the mean of a `(2r+1)²` window by `rel` of it and by at least `abs`.
pub fn binarise(img: &GrayImage, r: usize, rel: f32, abs: u32) -> Binary {
    let w = img.width();
    let h = img.height();
    let p = img.pixels();
    let iw = w + 1;
    let mut integral = vec![0u32; iw * (h + 1)];
    for y in 0..h {
        let mut row = 0u32;
        for x in 0..w {
            row += u32::from(p[y * w + x]);
            integral[(y + 1) * iw + x + 1] = integral[y * iw + x + 1] + row;
        }
    }
    let k = ((1.0 - rel) * 1024.0) as u64;
    let mut ink = vec![false; w * h];
    for y in 0..h {
        let y0 = y.saturating_sub(r);
        let y1 = (y + r + 1).min(h);
        for x in 0..w {
            let x0 = x.saturating_sub(r);
            let x1 = (x + r + 1).min(w);
            let area = ((y1 - y0) * (x1 - x0)) as u64;
            let sum = u64::from(integral[y1 * iw + x1]) + u64::from(integral[y0 * iw + x0])
                - u64::from(integral[y0 * iw + x1])
                - u64::from(integral[y1 * iw + x0]);
            let v = u64::from(p[y * w + x]);
            // v < mean*(1-rel) and v + abs < mean
            ink[y * w + x] = v * area * 1024 < sum * k && (v + u64::from(abs)) * area < sum;
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
