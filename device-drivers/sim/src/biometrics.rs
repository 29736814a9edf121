//! The simulated fingerprint scanner and face matcher. Match or no match follows the
//! subjects (who put a finger, whose face is in the frame, whose reference it is), a
//! per-subject script ("voter X fails the next 10 attempts", "voter Y always fails")
//! and the device's seeded generator for the scores.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use driver_api::DeviceKind;
use driver_api::{
    FaceError, FaceMatcher, FingerprintError, FingerprintScanner, Frame, MatchScore, Photo,
    Quality, Template, Wait,
};

use super::camera::{face_in, face_of};
use super::engine::{Interrupt, SimCore, SimOptions};
use super::rng::SplitMix64;

/// The format of simulated fingerprint templates.
pub const FINGERPRINT_FORMAT: &str = "sim-fingerprint-1";
const TEMPLATE_MAGIC: &[u8] = b"SIMFP1";
/// Captures below this quality are refused as `LowQuality`.
pub const MIN_QUALITY: u8 = 40;

/// How a subject's attempts go, whatever the generator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectScript {
    /// The next `n` comparisons for this subject fail, then they match again.
    FailNext(u32),
    /// Every comparison for this subject fails (fingers worn, a different person).
    AlwaysFail,
}

#[derive(Debug, Default)]
struct Subjects {
    scripts: HashMap<String, SubjectScript>,
}

impl Subjects {
    /// Whether this comparison for `subject` must fail by script, consuming one failure.
    fn must_fail(&mut self, subject: &str) -> bool {
        match self.scripts.get_mut(subject) {
            Some(SubjectScript::AlwaysFail) => true,
            Some(SubjectScript::FailNext(n)) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

fn matched(rng: &mut SplitMix64) -> MatchScore {
    MatchScore::new(rng.byte_between(60, 99))
}

fn unmatched(rng: &mut SplitMix64) -> MatchScore {
    MatchScore::new(rng.byte_between(0, 30))
}

/// The reference template the register would hold for `subject`.
pub fn fingerprint_reference(subject: &str) -> Template {
    encode_template(subject, 90, 0)
}

fn encode_template(subject: &str, quality: u8, nonce: u32) -> Template {
    let mut data = TEMPLATE_MAGIC.to_vec();
    data.push(quality);
    data.extend_from_slice(&nonce.to_be_bytes());
    data.extend_from_slice(subject.as_bytes());
    Template {
        format: FINGERPRINT_FORMAT.to_owned(),
        data,
    }
}

/// The subject and quality of a simulated template.
fn decode_template(template: &Template) -> Option<(String, u8)> {
    if template.format != FINGERPRINT_FORMAT {
        return None;
    }
    let rest = template.data.strip_prefix(TEMPLATE_MAGIC)?;
    let (&quality, rest) = rest.split_first()?;
    let subject = String::from_utf8(rest.get(4..)?.to_vec())
        .ok()
        .filter(|s| !s.is_empty())?;
    Some((subject, quality))
}

/// A fingerprint scanner; a test or trainer says whose finger is on it.
#[derive(Debug)]
pub struct SimFingerprintScanner {
    pub(crate) core: SimCore,
    finger: Mutex<Option<String>>,
    subjects: Mutex<Subjects>,
}

impl SimFingerprintScanner {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimFingerprintScanner {
        SimFingerprintScanner {
            core: SimCore::new(id, DeviceKind::FingerprintScanner, reserve, seed, options),
            finger: Mutex::new(None),
            subjects: Mutex::new(Subjects::default()),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// Whose finger is on the scanner (`None`: nobody's).
    pub fn present_finger(&self, subject: Option<&str>) {
        *self.finger.lock().unwrap_or_else(PoisonError::into_inner) = subject.map(str::to_owned);
    }

    /// Scripts a subject's comparisons; `None` removes the script.
    pub fn script_subject(&self, subject: &str, script: Option<SubjectScript>) {
        let mut subjects = self.subjects();
        match script {
            Some(script) => subjects.scripts.insert(subject.to_owned(), script),
            None => subjects.scripts.remove(subject),
        };
    }

    fn subjects(&self) -> MutexGuard<'_, Subjects> {
        self.subjects.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn refuse(&self, interrupt: Interrupt) -> FingerprintError {
        FingerprintError::Device(interrupt.into_device_error(self.core.id()))
    }
}

impl FingerprintScanner for SimFingerprintScanner {
    /// A step: no finger gives `NoFinger`; a natural failure gives `LowQuality`.
    fn capture(&self, wait: &Wait) -> Result<Template, FingerprintError> {
        let mut step = self.core.begin_step(wait).map_err(|i| self.refuse(i))?;
        let finger = self
            .finger
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let Some(subject) = finger else {
            return Err(FingerprintError::NoFinger);
        };
        if step.fail {
            return Err(FingerprintError::LowQuality {
                quality: Quality::new(step.rng.byte_between(10, MIN_QUALITY - 1)),
            });
        }
        let quality = step.rng.byte_between(55, 99);
        let nonce = u32::try_from(step.rng.next_u64() >> 32).unwrap_or(0);
        Ok(encode_template(&subject, quality, nonce))
    }

    fn verify(
        &self,
        live: &Template,
        reference: &Template,
    ) -> Result<MatchScore, FingerprintError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        let (Some((live, _)), Some((reference, _))) =
            (decode_template(live), decode_template(reference))
        else {
            return Err(FingerprintError::InvalidTemplate);
        };
        let scripted_failure = self.subjects().must_fail(&live);
        if live != reference || scripted_failure {
            return Err(FingerprintError::NoMatch {
                score: self.core.draw(unmatched),
            });
        }
        Ok(self.core.draw(matched))
    }

    fn quality(&self, template: &Template) -> Result<Quality, FingerprintError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        decode_template(template)
            .map(|(_, quality)| Quality::new(quality))
            .ok_or(FingerprintError::InvalidTemplate)
    }
}

/// A face matcher comparing simulated camera frames with simulated reference photos
/// (`face_frame`, `face_photo`).
#[derive(Debug)]
pub struct SimFaceMatcher {
    pub(crate) core: SimCore,
    subjects: Mutex<Subjects>,
}

impl SimFaceMatcher {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimFaceMatcher {
        SimFaceMatcher {
            core: SimCore::new(id, DeviceKind::FaceMatcher, reserve, seed, options),
            subjects: Mutex::new(Subjects::default()),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// Scripts a subject's comparisons; `None` removes the script.
    pub fn script_subject(&self, subject: &str, script: Option<SubjectScript>) {
        let mut subjects = self.subjects.lock().unwrap_or_else(PoisonError::into_inner);
        match script {
            Some(script) => subjects.scripts.insert(subject.to_owned(), script),
            None => subjects.scripts.remove(subject),
        };
    }
}

impl FaceMatcher for SimFaceMatcher {
    /// A step: a natural failure is a false `NoMatch`.
    fn compare(
        &self,
        live: &Frame,
        reference: &Photo,
        wait: &Wait,
    ) -> Result<MatchScore, FaceError> {
        let mut step = self
            .core
            .begin_step(wait)
            .map_err(|i| FaceError::Device(i.into_device_error(self.core.id())))?;
        let reference = face_of(reference).ok_or(FaceError::InvalidReference)?;
        let live = face_in(live).ok_or(FaceError::NoFace)?;
        let scripted_failure = self
            .subjects
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .must_fail(&live);
        if live != reference || scripted_failure || step.fail {
            return Err(FaceError::NoMatch {
                score: unmatched(&mut step.rng),
            });
        }
        Ok(matched(&mut step.rng))
    }
}
