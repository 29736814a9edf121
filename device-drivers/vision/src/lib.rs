//! # vision — reading documents and QR codes from camera frames
//!
//! Pure recognition on 8-bit grey frames ([`GrayImage`]).
//!
//! ## What it owns
//!
//! * **MRZ from a frame** ([`read_mrz`]): finds the band of two or three lines of
//!   OCR-B (connected components chained into lines, lines stacked), fits the character
//!   grid (pitch and phase from the components, columns from the ink), classifies every
//!   cell against OCR-B templates rendered from the vendored public-domain font, only
//!   among the characters its field allows, and gates: a frame is **accepted only when
//!   every character is confidently read** — or, for at most a couple of characters
//!   under a field check digit (document number, dates, TD3 personal number), chosen
//!   uniquely by the check digits — and the text parses with every check digit
//!   ([`mrz::parse_lines`]). Names, nationality and sex are covered by no check digit:
//!   there, doubt rejects the frame. A rejected band is returned as such, never as a
//!   reading.
//! * **Confirmation across frames** ([`Confirmer`]): consecutive accepted frames must agree.
//! * **QR from a frame** ([`qr::decode_qr`], and the decoders it is measured against).
//!
//! ## What it must never do
//!
//! No IO (the font is compiled in), no clock, no randomness, no global state beyond the
//! templates rendered once, no panics on any input (fuzzed, and a test feeds random
//! bytes), no unsafe. It does not drive a camera (`camera` does) nor decide whether a
//! document is acceptable (the identification flow does).

mod confirm;
mod detect;
mod frame;
pub mod glyphs;
pub mod layout;
mod mrz_reader;
pub mod qr;

pub use confirm::Confirmer;
pub use frame::GrayImage;
pub use mrz_reader::{BandRead, Doubt, MrzConfig, MrzOutcome, Rejection, decide, read_mrz, read_mrz_with};
