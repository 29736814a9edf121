//! Smart cards: the chair's card for a duplicate ballot (R4.4), signatures of acts.

use serde::{Deserialize, Serialize};

use crate::{Device, DeviceError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureAlgorithm {
    Ed25519,
    EcdsaP256Sha256,
    RsaPkcs1Sha256,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    pub algorithm: SignatureAlgorithm,
    /// Ed25519: the 32 raw bytes; ECDSA: the uncompressed point; RSA: DER
    /// `RSAPublicKey`.
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub algorithm: SignatureAlgorithm,
    /// Ed25519: the 64 bytes; ECDSA: ASN.1 DER `SEQUENCE { r, s }` (what verifiers such
    /// as ring's `ECDSA_P256_SHA256_ASN1` take); RSA: the PKCS#1 v1.5 signature.
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmartCardError {
    /// No card in the reader (the reader itself being absent is `DeviceError::Absent`).
    #[error("no smart card in the reader")]
    Absent,
    #[error("wrong PIN, {attempts_left} attempts left")]
    WrongPin { attempts_left: u8 },
    /// Too many wrong PINs; the card refuses until unblocked elsewhere.
    #[error("the smart card is blocked")]
    Blocked,
    /// The card holds no key this station may use.
    #[error("the smart card is not registered")]
    Unregistered,
    /// Signing needs the PIN first (again after the card was removed).
    #[error("enter the PIN first")]
    PinRequired,
    #[error(transparent)]
    Device(#[from] DeviceError),
}

pub trait SmartCard: Device {
    /// Whether a card is in the reader.
    fn present(&self) -> Result<bool, DeviceError>;

    /// Checks the PIN; a wrong one costs an attempt, the last one blocks the card.
    fn verify_pin(&self, pin: &str) -> Result<(), SmartCardError>;

    /// Signs `message` with the card's key; needs a verified PIN since the card was
    /// inserted.
    fn sign(&self, message: &[u8]) -> Result<Signature, SmartCardError>;

    fn public_key(&self) -> Result<PublicKey, SmartCardError>;
}
