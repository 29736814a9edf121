//! Keys: a public key as the registry and the journal name it, its id and fingerprint,
//! the [`Signer`] a bundle is signed with (the station's Ed25519 key, a member's smart
//! card), and signature verification.
//!
//! A key's id is SHA-256 of its raw public key bytes as 64 lowercase hex digits
//! ([`domain::checkpoint::key_id`]); its fingerprint, read aloud at the key ceremony and
//! shown as a QR code, is the first 16 of those digits in four groups of four.

use ring::signature::{self, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use serde::{Deserialize, Serialize};

use crate::error::BundleError;

/// The signature algorithms a registered key may use. The station key is always
/// Ed25519; a member's smart card may only do ECDSA P-256 (driver-api's
/// `SignatureAlgorithm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// 32-byte public key, 64-byte signature (RFC 8032).
    Ed25519,
    /// Uncompressed P-256 point (65 bytes), ASN.1 DER signature over SHA-256.
    EcdsaP256Sha256,
}

/// A public key: its algorithm and raw bytes (hex in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicKey {
    pub algorithm: Algorithm,
    /// Lowercase hex of the raw key.
    pub public_key: String,
}

impl PublicKey {
    pub fn new(algorithm: Algorithm, bytes: &[u8]) -> PublicKey {
        PublicKey { algorithm, public_key: hex::encode(bytes) }
    }

    pub fn ed25519(bytes: &[u8]) -> PublicKey {
        PublicKey::new(Algorithm::Ed25519, bytes)
    }

    /// The raw bytes; `None` when the hex is not lowercase hex of the algorithm's size.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        let canonical = self.public_key.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let bytes = hex::decode(&self.public_key).ok().filter(|_| canonical)?;
        let size_ok = match self.algorithm {
            Algorithm::Ed25519 => bytes.len() == 32,
            Algorithm::EcdsaP256Sha256 => bytes.len() == 65 && bytes[0] == 4,
        };
        size_ok.then_some(bytes)
    }

    /// SHA-256 of the raw key, 64 hex digits: the `keyid` of its signatures.
    pub fn key_id(&self) -> String {
        domain::checkpoint::key_id(&self.bytes().unwrap_or_default())
    }

    /// The first 16 hex digits of the key id in four groups of four.
    pub fn fingerprint(&self) -> String {
        domain::checkpoint::key_fingerprint(&self.bytes().unwrap_or_default())
    }

    /// Whether `signature` is this key's signature of `message`.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        let Some(bytes) = self.bytes() else { return false };
        let algorithm: &dyn signature::VerificationAlgorithm = match self.algorithm {
            Algorithm::Ed25519 => &signature::ED25519,
            Algorithm::EcdsaP256Sha256 => &signature::ECDSA_P256_SHA256_ASN1,
        };
        UnparsedPublicKey::new(algorithm, bytes).verify(message, signature).is_ok()
    }
}

/// The prefix of a station key's registration text.
pub const REGISTRATION_PREFIX: &str = "UCHKEY1";

/// The text a station shows as a QR code at the key ceremony, for the district to scan:
/// `UCHKEY1/<election>/<station>/<algorithm>/<public key hex>` (election and station
/// as the definition spells them, `/` never in them). The district reads the fingerprint
/// aloud against the one the station's screen shows.
pub fn registration_text(election: &str, station: &str, key: &PublicKey) -> String {
    let algorithm = match key.algorithm {
        Algorithm::Ed25519 => "ed25519",
        Algorithm::EcdsaP256Sha256 => "ecdsa-p256-sha256",
    };
    format!("{REGISTRATION_PREFIX}/{election}/{station}/{algorithm}/{}", key.public_key)
}

/// A scanned registration text: the election, the station and the key; `None` when the
/// text is not one or the key is malformed.
pub fn parse_registration_text(text: &str) -> Option<(String, String, PublicKey)> {
    let mut fields = text.trim().split('/');
    if fields.next()? != REGISTRATION_PREFIX {
        return None;
    }
    let election = fields.next().filter(|field| !field.is_empty())?.to_owned();
    let station = fields.next().filter(|field| !field.is_empty())?.to_owned();
    let algorithm = match fields.next()? {
        "ed25519" => Algorithm::Ed25519,
        "ecdsa-p256-sha256" => Algorithm::EcdsaP256Sha256,
        _ => return None,
    };
    let key = PublicKey { algorithm, public_key: fields.next()?.to_owned() };
    if fields.next().is_some() || key.bytes().is_none() {
        return None;
    }
    Some((election, station, key))
}

/// Something that signs: the station key, or a member's smart card behind the api.
pub trait Signer {
    fn public_key(&self) -> PublicKey;
    /// The signature of `message` in the key's algorithm (Ed25519: 64 bytes; ECDSA: DER).
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, BundleError>;
}

/// An Ed25519 key held in memory: the station key (made from the 32-byte secret seed the
/// station keeps in `keys/station.key`), the district's registry key, test keys.
pub struct Ed25519Signer {
    pair: Ed25519KeyPair,
}

impl Ed25519Signer {
    /// The key of a 32-byte seed (RFC 8032 private key).
    pub fn from_seed(seed: &[u8; 32]) -> Result<Ed25519Signer, BundleError> {
        let pair = Ed25519KeyPair::from_seed_unchecked(seed)
            .map_err(|error| BundleError::Sign { detail: error.to_string() })?;
        Ok(Ed25519Signer { pair })
    }
}

impl std::fmt::Debug for Ed25519Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the secret.
        write!(f, "Ed25519Signer({})", self.public_key().fingerprint())
    }
}

impl Signer for Ed25519Signer {
    fn public_key(&self) -> PublicKey {
        PublicKey::ed25519(self.pair.public_key().as_ref())
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, BundleError> {
        Ok(self.pair.sign(message).as_ref().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ed25519_signature_verifies_only_for_its_message_and_key() {
        let signer = Ed25519Signer::from_seed(&[7; 32]).expect("key");
        let other = Ed25519Signer::from_seed(&[8; 32]).expect("key");
        let key = signer.public_key();
        let signature = signer.sign(b"message").expect("signed");
        assert!(key.verifies(b"message", &signature));
        assert!(!key.verifies(b"messagE", &signature));
        assert!(!other.public_key().verifies(b"message", &signature));
        assert_eq!(key.key_id().len(), 64);
        assert_eq!(key.fingerprint(), key.key_id()[..4].to_owned() + " " + &key.key_id()[4..8] + " " + &key.key_id()[8..12] + " " + &key.key_id()[12..16]);
    }

    #[test]
    fn the_registration_text_reads_back() {
        let key = Ed25519Signer::from_seed(&[7; 32]).expect("key").public_key();
        let text = registration_text("jk-2025", "1001", &key);
        assert_eq!(parse_registration_text(&text), Some(("jk-2025".to_owned(), "1001".to_owned(), key)));
        assert_eq!(parse_registration_text(&text.replace("ed25519", "rsa")), None);
        assert_eq!(parse_registration_text(&format!("{text}/x")), None);
        assert_eq!(parse_registration_text(&text[..text.len() - 2]), None);
    }

    #[test]
    fn a_key_in_capitals_or_of_the_wrong_size_is_no_key() {
        let key = Ed25519Signer::from_seed(&[7; 32]).expect("key").public_key();
        let upper = PublicKey { algorithm: Algorithm::Ed25519, public_key: key.public_key.to_uppercase() };
        assert_eq!(upper.bytes(), None);
        let short = PublicKey { algorithm: Algorithm::Ed25519, public_key: key.public_key[..62].to_owned() };
        assert_eq!(short.bytes(), None);
        assert!(!short.verifies(b"m", &[0; 64]));
    }
}
