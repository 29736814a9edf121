//! The station's register key and the keyed hashes it makes of personal numbers.
//!
//! The key lives in a file of its own, never in `register.db`: a copy of the database
//! alone cannot be searched for a known personal number.

use std::fmt;
use std::io::{ErrorKind, Write};
use std::path::Path;

use ring::hmac;
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::RegisterError;

/// What `key_check` in the register's `meta` table is the HMAC of: it tells whether a
/// register was imported with this key without revealing anything about the key.
const KEY_CHECK_MESSAGE: &[u8] = b"uchastok register key check v1";

/// The secret that turns a personal number into a [`VoterKey`]: HMAC-SHA256 with 32
/// random bytes. `Debug` shows nothing of it.
pub struct RegisterKey {
    key: hmac::Key,
}

impl fmt::Debug for RegisterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RegisterKey(…)")
    }
}

impl RegisterKey {
    /// Length of the key file: the raw key, nothing else.
    pub const LEN: usize = 32;

    /// Reads the key at `path`, or creates it there when the file does not exist: 32
    /// bytes from the system's secure random source, written to a sibling file with mode
    /// 0600 and linked into place (two processes creating at once end up with the same
    /// key). An existing file of another length is refused ([`RegisterError::KeyDamaged`]),
    /// never replaced: a new key would make the imported register unreadable.
    pub fn load_or_create(path: &Path) -> Result<RegisterKey, RegisterError> {
        load_or_create_secret(path).map(RegisterKey::from_bytes)
    }

    /// A key from its raw bytes (tests, tools).
    pub fn from_bytes(bytes: [u8; Self::LEN]) -> RegisterKey {
        RegisterKey { key: hmac::Key::new(hmac::HMAC_SHA256, &bytes) }
    }

    /// HMAC-SHA256 over the personal number's ASCII digits, surrounding whitespace
    /// removed. The register and the journal name a voter by this.
    pub fn voter_key(&self, personal_number: &str) -> VoterKey {
        let tag = hmac::sign(&self.key, personal_number.trim().as_bytes());
        let mut bytes = [0u8; 32];
        bytes.copy_from_slice(tag.as_ref());
        VoterKey(bytes)
    }

    /// The value stored in the register to recognise the key it was imported with.
    pub(crate) fn check_value(&self) -> Vec<u8> {
        hmac::sign(&self.key, KEY_CHECK_MESSAGE).as_ref().to_vec()
    }
}

/// Reads the 32-byte secret at `path`, or creates it there when the file does not
/// exist: bytes from the system's secure random source, written to a sibling file with
/// mode 0600 and linked into place (two processes creating at once end up with the same
/// secret). An existing file of another length is refused ([`RegisterError::KeyDamaged`]),
/// never replaced: a new key would make what was made with the old one unreadable. The
/// station keeps its register key and its ballot key this way, each in a file of its own.
pub fn load_or_create_secret(path: &Path) -> Result<[u8; RegisterKey::LEN], RegisterError> {
    match std::fs::read(path) {
        Ok(bytes) => return secret_from_file_bytes(path, &bytes),
        Err(error) if error.kind() == ErrorKind::NotFound => {}
        Err(error) => return Err(RegisterError::read(path, &error)),
    }
    let mut bytes = [0u8; RegisterKey::LEN];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| RegisterError::Write { path: path.display().to_string(), detail: "no secure random source".into() })?;
    let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let fresh = path.with_file_name(format!(".{file_name}.new-{}", std::process::id()));
    let written = write_private(&fresh, &bytes).map_err(|error| RegisterError::write(&fresh, &error));
    if let Err(error) = written {
        let _ = std::fs::remove_file(&fresh);
        return Err(error);
    }
    let linked = std::fs::hard_link(&fresh, path);
    let _ = std::fs::remove_file(&fresh);
    match linked {
        Ok(()) => {
            sync_parent(path);
            Ok(bytes)
        }
        // Someone else created it first: theirs is the secret.
        Err(error) if error.kind() == ErrorKind::AlreadyExists => {
            let bytes = std::fs::read(path).map_err(|error| RegisterError::read(path, &error))?;
            secret_from_file_bytes(path, &bytes)
        }
        Err(error) => Err(RegisterError::write(path, &error)),
    }
}

fn secret_from_file_bytes(path: &Path, bytes: &[u8]) -> Result<[u8; RegisterKey::LEN], RegisterError> {
    bytes.try_into().map_err(|_| RegisterError::KeyDamaged { path: path.display().to_string() })
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename or link in the folder durable; best effort (not every system can).
pub(crate) fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent() {
        let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
}

/// The keyed hash of a personal number: how the register and the journal name a voter.
/// Shown and serialised as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VoterKey([u8; 32]);

impl VoterKey {
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn from_bytes(bytes: [u8; 32]) -> VoterKey {
        VoterKey(bytes)
    }

    /// Parses 64 hex digits.
    pub fn from_hex(text: &str) -> Option<VoterKey> {
        let bytes = hex::decode(text).ok()?;
        Some(VoterKey(bytes.try_into().ok()?))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for VoterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for VoterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VoterKey({})", self.to_hex())
    }
}

impl Serialize for VoterKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for VoterKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VoterKey, D::Error> {
        let text = String::deserialize(deserializer)?;
        VoterKey::from_hex(&text).ok_or_else(|| serde::de::Error::custom("a voter key is 64 hex digits"))
    }
}
