//! The driver's own count of wrong PINs per token, kept in a small JSON file.
//!
//! Why the driver counts at all: SoftHSM2 never locks a PIN (upstream issues #221 and
//! #399, closed as "won't fix"), and a PKCS#11 token is not obliged to say how many
//! tries are left. Real cards lock; the station must behave the same with any token, so
//! the driver refuses once its own count is spent, whatever the token does.
//!
//! The count is raised *before* the PIN goes to the token and lowered again only after
//! the token accepted it, so a crash or a pulled plug between the two cannot hand out a
//! free attempt. The file is read afresh for every decision (two drivers over one file
//! agree) and replaced atomically (temporary file, fsync, rename). A file that cannot be
//! read or parsed is never taken as "no wrong PINs": it is an error, and the PIN is not
//! tried.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Why the attempt counter could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum AttemptsError {
    #[error("cannot read the PIN attempt file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the PIN attempt file {path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error("cannot write the PIN attempt file {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttemptsState {
    /// Wrong PINs since the last right one, by token serial number.
    wrong_pins: BTreeMap<String, u8>,
}

/// The counter file and the number of wrong PINs it allows per token.
#[derive(Debug, Clone)]
pub(crate) struct AttemptsFile {
    path: PathBuf,
    allowed: u8,
}

impl AttemptsFile {
    pub(crate) fn new(path: &Path, allowed: u8) -> AttemptsFile {
        AttemptsFile { path: path.to_path_buf(), allowed: allowed.max(1) }
    }

    fn load(&self) -> Result<AttemptsState, AttemptsError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(AttemptsState::default()),
            Err(source) => return Err(AttemptsError::Read { path: self.path.clone(), source }),
        };
        serde_json::from_str(&text)
            .map_err(|error| AttemptsError::Damaged { path: self.path.clone(), detail: error.to_string() })
    }

    fn store(&self, state: &AttemptsState) -> Result<(), AttemptsError> {
        let write_error = |source| AttemptsError::Write { path: self.path.clone(), source };
        let text = serde_json::to_vec_pretty(state)
            .map_err(|error| write_error(std::io::Error::other(error)))?;
        let directory = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&directory).map_err(write_error)?;
        let mut temporary = self.path.clone().into_os_string();
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        let mut file = File::create(&temporary).map_err(write_error)?;
        file.write_all(&text).map_err(write_error)?;
        file.sync_all().map_err(write_error)?;
        drop(file);
        fs::rename(&temporary, &self.path).map_err(write_error)?;
        // The rename is durable only once the directory is; a failure here leaves the
        // new content in place all the same, so it is not worth refusing the PIN for.
        if let Ok(directory) = File::open(&directory) {
            let _ = directory.sync_all();
        }
        Ok(())
    }

    /// Wrong PINs entered for this token since its last right one.
    pub(crate) fn wrong_pins(&self, serial: &str) -> Result<u8, AttemptsError> {
        Ok(self.load()?.wrong_pins.get(serial).copied().unwrap_or(0))
    }

    /// Attempts this token has left by the driver's count.
    pub(crate) fn left(&self, serial: &str) -> Result<u8, AttemptsError> {
        Ok(self.allowed.saturating_sub(self.wrong_pins(serial)?))
    }

    /// Counts one more wrong PIN (before the PIN is tried); returns the attempts left
    /// should it prove wrong.
    pub(crate) fn spend_one(&self, serial: &str) -> Result<u8, AttemptsError> {
        let mut state = self.load()?;
        let wrong = state.wrong_pins.entry(serial.to_owned()).or_insert(0);
        *wrong = wrong.saturating_add(1).min(self.allowed);
        let left = self.allowed - *wrong;
        self.store(&state)?;
        Ok(left)
    }

    /// Marks the token as out of attempts (the token itself said its PIN is locked).
    pub(crate) fn exhaust(&self, serial: &str) -> Result<(), AttemptsError> {
        let mut state = self.load()?;
        if state.wrong_pins.get(serial) == Some(&self.allowed) {
            return Ok(());
        }
        state.wrong_pins.insert(serial.to_owned(), self.allowed);
        self.store(&state)
    }

    /// Takes back the attempt counted for a PIN the token never judged (the card went
    /// away, the module failed).
    pub(crate) fn give_back_one(&self, serial: &str) -> Result<(), AttemptsError> {
        let mut state = self.load()?;
        match state.wrong_pins.get_mut(serial) {
            Some(wrong) if *wrong > 1 => *wrong -= 1,
            Some(_) => {
                state.wrong_pins.remove(serial);
            }
            None => return Ok(()),
        }
        self.store(&state)
    }

    /// Forgets the wrong PINs of this token (a right PIN, or a trainer's reset).
    pub(crate) fn reset(&self, serial: &str) -> Result<(), AttemptsError> {
        let mut state = self.load()?;
        if state.wrong_pins.remove(serial).is_none() {
            return Ok(());
        }
        self.store(&state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_counts_down_per_token_and_survives_a_new_reader_of_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state/pin-attempts.json");
        let file = AttemptsFile::new(&path, 3);
        assert_eq!(file.left("A").expect("left"), 3);
        assert_eq!(file.spend_one("A").expect("spend"), 2);
        assert_eq!(file.spend_one("A").expect("spend"), 1);
        assert_eq!(file.spend_one("B").expect("spend"), 2);
        let again = AttemptsFile::new(&path, 3);
        assert_eq!(again.left("A").expect("left"), 1);
        assert_eq!(again.spend_one("A").expect("spend"), 0);
        assert_eq!(again.spend_one("A").expect("spend"), 0, "never below zero");
        again.give_back_one("A").expect("give back");
        assert_eq!(again.left("A").expect("left"), 1);
        again.reset("A").expect("reset");
        assert_eq!(file.left("A").expect("left"), 3);
        assert_eq!(file.left("B").expect("left"), 2);
        file.exhaust("B").expect("exhaust");
        assert_eq!(file.left("B").expect("left"), 0);
    }

    #[test]
    fn a_damaged_file_is_an_error_and_is_left_as_it_was() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pin-attempts.json");
        fs::write(&path, "{\"wrong_pins\": {\"A\": \"two\"}}").expect("write");
        let file = AttemptsFile::new(&path, 3);
        assert!(matches!(file.left("A"), Err(AttemptsError::Damaged { .. })));
        assert!(matches!(file.spend_one("A"), Err(AttemptsError::Damaged { .. })));
        assert!(matches!(file.reset("A"), Err(AttemptsError::Damaged { .. })));
        assert_eq!(fs::read_to_string(&path).expect("read"), "{\"wrong_pins\": {\"A\": \"two\"}}");
    }

    #[test]
    fn an_unwritable_place_is_an_error_not_a_free_attempt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("not-a-directory");
        fs::write(&blocker, "x").expect("write");
        let file = AttemptsFile::new(&blocker.join("pin-attempts.json"), 3);
        // (root ignores file modes, so the place is made unusable by a file in the way)
        assert!(matches!(file.spend_one("A"), Err(AttemptsError::Read { .. } | AttemptsError::Write { .. })));
        assert!(file.left("A").is_err(), "an unreadable count is not a full one");
    }
}
