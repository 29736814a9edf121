//! The simulated camera: noise frames, with a face marker when someone stands in front.

use std::sync::{Mutex, MutexGuard, PoisonError};

use driver_api::{Camera, DeviceError, DeviceKind, Frame, Photo, PixelFormat, Wait};

use super::engine::{SimCore, SimOptions};
use super::rng::SplitMix64;

/// The marker a simulated camera writes at the start of a frame's data when a person
/// stands in front of it, and the simulated face matcher looks for. Followed by the
/// subject's name and a zero byte.
pub const FACE_MARKER: &[u8] = b"SIMFACE1:";

/// The media type of a simulated reference photo (data: `FACE_MARKER` + subject).
pub const FACE_PHOTO_TYPE: &str = "application/x-sim-face";

#[derive(Debug)]
struct Scene {
    subject: Option<String>,
    sequence: u64,
    width: u32,
    height: u32,
    format: PixelFormat,
}

/// A camera showing whoever the trainer or test puts in front of it.
#[derive(Debug)]
pub struct SimCamera {
    pub(crate) core: SimCore,
    scene: Mutex<Scene>,
}

impl SimCamera {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimCamera {
        SimCamera {
            core: SimCore::new(id, DeviceKind::Camera, reserve, seed, options),
            scene: Mutex::new(Scene {
                subject: None,
                sequence: 0,
                width: 64,
                height: 48,
                format: PixelFormat::Gray8,
            }),
        }
    }

    fn scene(&self) -> MutexGuard<'_, Scene> {
        self.scene.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// Who stands in front of the camera (`None`: nobody).
    pub fn show_subject(&self, subject: Option<&str>) {
        self.scene().subject = subject.map(str::to_owned);
    }

    pub fn set_frame_size(&self, width: u32, height: u32, format: PixelFormat) {
        let mut scene = self.scene();
        scene.width = width;
        scene.height = height;
        scene.format = format;
    }
}

impl Camera for SimCamera {
    fn frame(&self, wait: &Wait) -> Result<Frame, DeviceError> {
        let mut step = self
            .core
            .begin_step(wait)
            .map_err(|i| i.into_device_error(self.core.id()))?;
        if step.fail {
            return Err(DeviceError::Timeout(self.core.id().to_owned()));
        }
        let mut scene = self.scene();
        scene.sequence += 1;
        let mut frame = noise_frame(scene.width, scene.height, scene.format, &mut step.rng);
        frame.sequence = scene.sequence;
        if let Some(subject) = &scene.subject {
            stamp_face(&mut frame.data, subject);
        }
        Ok(frame)
    }
}

fn noise_frame(width: u32, height: u32, format: PixelFormat, rng: &mut SplitMix64) -> Frame {
    let len = Frame::expected_len(width, height, format);
    let data = (0..len).map(|_| rng.byte_between(96, 160)).collect();
    Frame {
        width,
        height,
        format,
        data,
        sequence: 0,
    }
}

fn stamp_face(data: &mut [u8], subject: &str) {
    let marker: Vec<u8> = FACE_MARKER
        .iter()
        .chain(subject.as_bytes())
        .copied()
        .chain([0])
        .collect();
    if marker.len() <= data.len() {
        data[..marker.len()].copy_from_slice(&marker);
    }
}

/// A frame with `subject`'s face, as the simulated camera would take it.
pub fn face_frame(subject: &str, width: u32, height: u32) -> Frame {
    let mut frame = noise_frame(width, height, PixelFormat::Gray8, &mut SplitMix64::new(0));
    stamp_face(&mut frame.data, subject);
    frame
}

/// `subject`'s reference photo, as the simulated face matcher reads it.
pub fn face_photo(subject: &str) -> Photo {
    Photo {
        media_type: FACE_PHOTO_TYPE.to_owned(),
        data: FACE_MARKER
            .iter()
            .chain(subject.as_bytes())
            .copied()
            .collect(),
    }
}

/// The subject whose face a frame shows, if any.
pub fn face_in(frame: &Frame) -> Option<String> {
    let rest = frame.data.strip_prefix(FACE_MARKER)?;
    let end = rest.iter().position(|&b| b == 0)?;
    String::from_utf8(rest[..end].to_vec()).ok()
}

/// The subject of a reference photo, if it is a simulated one.
pub fn face_of(photo: &Photo) -> Option<String> {
    if photo.media_type != FACE_PHOTO_TYPE {
        return None;
    }
    String::from_utf8(photo.data.strip_prefix(FACE_MARKER)?.to_vec())
        .ok()
        .filter(|s| !s.is_empty())
}
