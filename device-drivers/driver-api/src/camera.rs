//! Cameras: frames for the MRZ, the face and the observers' monitor.

use serde::{Deserialize, Serialize};

use crate::{Device, DeviceError, Wait};

/// How a frame's bytes are laid out: rows top to bottom, no padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PixelFormat {
    /// One byte per pixel, 0 black, 255 white.
    Gray8,
    /// Three bytes per pixel: red, green, blue.
    Rgb8,
}

impl PixelFormat {
    pub fn bytes_per_pixel(self) -> usize {
        match self {
            PixelFormat::Gray8 => 1,
            PixelFormat::Rgb8 => 3,
        }
    }
}

/// One picture from a camera.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub width: u32,
    pub height: u32,
    pub format: PixelFormat,
    /// `width * height * format.bytes_per_pixel()` bytes.
    pub data: Vec<u8>,
    /// Counts the camera's frames, so a caller can tell a new frame from an old one.
    pub sequence: u64,
}

impl Frame {
    /// The number of bytes `data` must hold.
    pub fn expected_len(width: u32, height: u32, format: PixelFormat) -> usize {
        (width as usize)
            .saturating_mul(height as usize)
            .saturating_mul(format.bytes_per_pixel())
    }

    /// Whether `data` has the length the dimensions and format promise.
    pub fn is_consistent(&self) -> bool {
        self.data.len() == Frame::expected_len(self.width, self.height, self.format)
    }
}

pub trait Camera: Device {
    /// The next frame, waiting at most `wait.timeout` for the camera to deliver one.
    fn frame(&self, wait: &Wait) -> Result<Frame, DeviceError>;
}
