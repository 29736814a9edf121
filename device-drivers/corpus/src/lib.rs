//! # corpus — seeded, reproducible camera frames for the recognisers, and their benchmark
//!
//! ## What it owns
//!
//! * **The frame generator**: 1280×720 grey camera frames of Kyrgyz-style ID cards
//!   (TD1) and passport pages (TD3) on a cluttered table, at 8 and 4.5 px/mm, with
//!   scale, rotation, blur, noise, JPEG, uneven light and glare; a font-variant set;
//!   frames with no MRZ (ballots, an empty table, a card's front, a page of text, and
//!   MRZ-shaped nonsense); QR frames with 100–300 byte payloads, 3–7 px modules, any
//!   rotation, blur and JPEG. Frames are made at run time from a seed: frame `i` of a
//!   set depends only on the seed, the set's name and `i`.
//! * **Its own PRNG** ([`rng::Rng`], SplitMix64) and **pinned fonts** ([`fonts`]: OCR-B
//!   from Debian's `fonts-ocr-b`, Noto Sans; SHA-256 checked), so that a corpus hash
//!   ([`CorpusHash`]) printed by the benchmark identifies the frames measured.
//! * **The benchmark** binary `uchastok-bench-recognition`.
//!
//! ## What it must never do
//!
//! Store frames, read files or the clock while generating (the benchmark binary alone
//! times and may write frames for an external anchor), draw unseeded randomness, or be
//! a dependency of the app: it is a measuring instrument.

pub mod fonts;
pub mod identity;
pub mod raster;
pub mod rng;
pub mod scene;

use sha2::{Digest, Sha256};
use vision::GrayImage;

pub use scene::{Disturbance, MrzParams, QrLayout, QrParams};

/// What a set holds.
#[derive(Debug, Clone, Copy)]
pub enum SetKind {
    Mrz(MrzParams),
    NoMrz(Disturbance),
    Qr(QrParams),
}

/// A named set of frames.
#[derive(Debug, Clone, Copy)]
pub struct SetSpec {
    pub name: &'static str,
    pub count: usize,
    pub kind: SetKind,
}

/// What a frame shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    /// An MRZ, line by line. `garbled`: some characters are damaged, so the frame
    /// must not be accepted unless read exactly.
    Mrz { lines: Vec<String>, garbled: bool },
    /// No MRZ; the kind of scene.
    NoMrz(&'static str),
    /// A QR code's payload.
    Qr(Vec<u8>),
}

/// One generated frame.
#[derive(Debug, Clone)]
pub struct Sample {
    pub set: &'static str,
    pub index: usize,
    pub image: GrayImage,
    pub truth: Truth,
}

/// The seed the benchmark and the tests use unless told otherwise.
pub const DEFAULT_SEED: u64 = 20_250_601;

const NOMINAL: Disturbance = Disturbance { blur: (0.0, 0.9), noise: (1.0, 4.0), jpeg: (70, 95), light: 0.3, glare: (0.15, 20.0, 60.0) };
const HARD: Disturbance = Disturbance { blur: (0.5, 1.4), noise: (3.0, 8.0), jpeg: (40, 75), light: 0.7, glare: (0.5, 40.0, 120.0) };

/// The sets the benchmark measures; `scale` multiplies the counts (1.0: the goals' sizes).
pub fn standard_sets(scale: f64) -> Vec<SetSpec> {
    let n = |count: usize| ((count as f64 * scale).round() as usize).max(1);
    let mrz = |px: (f32, f32), rotation: f32, d: Disturbance| MrzParams {
        px_per_mm: px,
        rotation,
        td3_share: 0.5,
        font_variants: false,
        garble: false,
        disturbance: d,
    };
    vec![
        SetSpec { name: "mrz-nominal-8px", count: n(2000), kind: SetKind::Mrz(mrz((7.4, 8.6), 6.0, NOMINAL)) },
        SetSpec { name: "mrz-4.5px", count: n(1000), kind: SetKind::Mrz(mrz((4.3, 4.8), 6.0, NOMINAL)) },
        SetSpec { name: "mrz-hard", count: n(1000), kind: SetKind::Mrz(mrz((4.5, 8.6), 12.0, HARD)) },
        SetSpec {
            name: "mrz-font-variants",
            count: n(500),
            kind: SetKind::Mrz(MrzParams { font_variants: true, ..mrz((5.0, 8.6), 6.0, NOMINAL) }),
        },
        SetSpec {
            name: "mrz-garbled",
            count: n(300),
            kind: SetKind::Mrz(MrzParams { garble: true, ..mrz((4.5, 8.6), 6.0, NOMINAL) }),
        },
        SetSpec { name: "no-mrz", count: n(500), kind: SetKind::NoMrz(NOMINAL) },
        SetSpec {
            name: "qr",
            count: n(1000),
            kind: SetKind::Qr(QrParams {
                payload: (100, 300),
                module_px: (3.0, 7.0),
                disturbance: Disturbance { blur: (0.0, 1.0), noise: (1.0, 5.0), jpeg: (50, 92), light: 0.4, glare: (0.1, 20.0, 50.0) },
            }),
        },
    ]
}

/// Frame `index` of `set`, from `seed`.
pub fn generate(set: &SetSpec, seed: u64, index: usize, fonts: &fonts::Fonts) -> Sample {
    let mut rng = rng::Rng::derive(seed, set.name, index as u64);
    let (image, truth) = match &set.kind {
        SetKind::Mrz(p) => {
            let (image, lines) = scene::mrz_frame(&mut rng, fonts, p);
            (image, Truth::Mrz { lines, garbled: p.garble })
        }
        SetKind::NoMrz(d) => {
            let (image, kind) = scene::no_mrz_frame(&mut rng, fonts, d);
            (image, Truth::NoMrz(kind))
        }
        SetKind::Qr(p) => {
            let (image, payload) = scene::qr_frame(&mut rng, fonts, p);
            (image, Truth::Qr(payload))
        }
    };
    Sample { set: set.name, index, image, truth }
}

/// Frame `index` of a QR set with how its code lies on it (`None` for other sets).
pub fn generate_qr_laid_out(set: &SetSpec, seed: u64, index: usize, fonts: &fonts::Fonts) -> Option<(Sample, scene::QrLayout)> {
    let SetKind::Qr(p) = &set.kind else { return None };
    let mut rng = rng::Rng::derive(seed, set.name, index as u64);
    let (image, payload, layout) = scene::qr_frame_laid_out(&mut rng, fonts, p);
    Some((Sample { set: set.name, index, image, truth: Truth::Qr(payload) }, layout))
}

/// SHA-256 over every frame's pixels and truth, in order: the corpus's identity.
#[derive(Clone, Default)]
pub struct CorpusHash(Sha256);

impl CorpusHash {
    pub fn new() -> CorpusHash {
        CorpusHash(Sha256::new())
    }

    pub fn add(&mut self, s: &Sample) {
        self.0.update(s.set.as_bytes());
        self.0.update((s.index as u64).to_le_bytes());
        self.0.update((s.image.width() as u64).to_le_bytes());
        self.0.update(s.image.pixels());
        match &s.truth {
            Truth::Mrz { lines, garbled } => {
                self.0.update(lines.join("\n").as_bytes());
                self.0.update([u8::from(*garbled)]);
            }
            Truth::NoMrz(kind) => self.0.update(kind.as_bytes()),
            Truth::Qr(p) => self.0.update(p),
        }
    }

    pub fn hex(&self) -> String {
        self.0.clone().finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}
