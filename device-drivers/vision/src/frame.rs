//! The one image type recognition works on: 8-bit luma, row-major.

/// An 8-bit grey image (0 black, 255 white), rows packed without padding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrayImage {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

impl GrayImage {
    /// An image from its pixels; `None` when the sizes disagree or a side is zero.
    pub fn new(width: usize, height: usize, pixels: Vec<u8>) -> Option<GrayImage> {
        (width > 0 && height > 0 && width.checked_mul(height) == Some(pixels.len()))
            .then_some(GrayImage { width, height, pixels })
    }

    /// An image of one grey level.
    pub fn filled(width: usize, height: usize, level: u8) -> GrayImage {
        GrayImage { width: width.max(1), height: height.max(1), pixels: vec![level; width.max(1) * height.max(1)] }
    }

    /// Luma (ITU-R BT.601 weights) of packed RGB8 pixels; `None` when the sizes disagree.
    pub fn from_rgb(width: usize, height: usize, rgb: &[u8]) -> Option<GrayImage> {
        if width.checked_mul(height).and_then(|n| n.checked_mul(3)) != Some(rgb.len()) {
            return None;
        }
        let pixels = rgb
            .chunks_exact(3)
            .map(|p| {
                let [r, g, b] = [p[0], p[1], p[2]].map(u32::from);
                u8::try_from((r * 77 + g * 150 + b * 29 + 128) >> 8).unwrap_or(u8::MAX)
            })
            .collect();
        GrayImage::new(width, height, pixels)
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    pub fn pixels_mut(&mut self) -> &mut [u8] {
        &mut self.pixels
    }

    pub fn into_pixels(self) -> Vec<u8> {
        self.pixels
    }

    /// The pixel at (x, y), clamped to the border.
    #[inline]
    pub fn get_clamped(&self, x: isize, y: isize) -> u8 {
        let x = x.clamp(0, self.width as isize - 1) as usize;
        let y = y.clamp(0, self.height as isize - 1) as usize;
        self.pixels[y * self.width + x]
    }

    /// Bilinear sample at (x, y) in pixel-centre coordinates (pixel (0,0) is centred at
    /// (0.0, 0.0)); outside the image the border is repeated.
    #[inline]
    pub fn sample(&self, x: f32, y: f32) -> f32 {
        let xf = x.floor();
        let yf = y.floor();
        let fx = x - xf;
        let fy = y - yf;
        let (x0, y0) = (xf as isize, yf as isize);
        let w = self.width as isize;
        let h = self.height as isize;
        if x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h {
            let i = y0 as usize * self.width + x0 as usize;
            let p = &self.pixels;
            let a = f32::from(p[i]);
            let b = f32::from(p[i + 1]);
            let c = f32::from(p[i + self.width]);
            let d = f32::from(p[i + self.width + 1]);
            let top = a + (b - a) * fx;
            let bottom = c + (d - c) * fx;
            top + (bottom - top) * fy
        } else {
            let a = f32::from(self.get_clamped(x0, y0));
            let b = f32::from(self.get_clamped(x0 + 1, y0));
            let c = f32::from(self.get_clamped(x0, y0 + 1));
            let d = f32::from(self.get_clamped(x0 + 1, y0 + 1));
            let top = a + (b - a) * fx;
            let bottom = c + (d - c) * fx;
            top + (bottom - top) * fy
        }
    }

    /// Half the size in each direction, each pixel the mean of a 2×2 block.
    pub fn half(&self) -> GrayImage {
        let w = (self.width / 2).max(1);
        let h = (self.height / 2).max(1);
        if self.width < 2 || self.height < 2 {
            return self.clone();
        }
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            let r0 = &self.pixels[(2 * y) * self.width..(2 * y + 1) * self.width];
            let r1 = &self.pixels[(2 * y + 1) * self.width..(2 * y + 2) * self.width];
            let o = &mut out[y * w..(y + 1) * w];
            for x in 0..w {
                let s = u16::from(r0[2 * x]) + u16::from(r0[2 * x + 1]) + u16::from(r1[2 * x]) + u16::from(r1[2 * x + 1]);
                o[x] = ((s + 2) / 4) as u8;
            }
        }
        GrayImage { width: w, height: h, pixels: out }
    }
}
