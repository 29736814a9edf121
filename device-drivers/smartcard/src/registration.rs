//! Registering the chair's card: its public key and a fingerprint people can compare.
//!
//! The journal records "the chair's card is registered" with the key; later signatures
//! are checked against it. The fingerprint is what the commission reads aloud and writes
//! into its paper minutes, so it is short and grouped, while the full SHA-256 stays in
//! the record.

use driver_api::{PublicKey, SmartCard, SmartCardError};
use sha2::{Digest, Sha256};

/// SHA-256 of a public key's raw bytes ([`PublicKey::bytes`]: the 32 bytes of an
/// Ed25519 key, the uncompressed point of an ECDSA key).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(key: &PublicKey) -> Fingerprint {
        Fingerprint(Sha256::digest(&key.bytes).into())
    }

    /// All 64 lowercase hex digits.
    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The first 16 hex digits in groups of four, e.g. `6668 7aad f862 bd77`: what the
    /// chair reads aloud and the secretary writes down.
    pub fn for_reading(&self) -> String {
        let hex = self.hex();
        let groups: Vec<&str> = (0..4).map(|i| &hex[i * 4..i * 4 + 4]).collect();
        groups.join(" ")
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.for_reading())
    }
}

/// What the journal records when the chair's card is registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    pub public_key: PublicKey,
    pub fingerprint: Fingerprint,
}

/// Reads the card's public key (no PIN needed) and its fingerprint. Works with any
/// [`SmartCard`]: the PKCS#11 card, the simulated one, an external driver's.
pub fn register(card: &dyn SmartCard) -> Result<Registration, SmartCardError> {
    let public_key = card.public_key()?;
    let fingerprint = Fingerprint::of(&public_key);
    Ok(Registration { public_key, fingerprint })
}

#[cfg(test)]
mod tests {
    use driver_api::SignatureAlgorithm;

    use super::*;

    #[test]
    fn the_fingerprint_is_sha256_of_the_raw_key_and_reads_in_four_groups() {
        let key = PublicKey { algorithm: SignatureAlgorithm::Ed25519, bytes: vec![0; 32] };
        let fingerprint = Fingerprint::of(&key);
        // sha256 of 32 zero bytes
        assert_eq!(fingerprint.hex(), "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
        assert_eq!(fingerprint.for_reading(), "6668 7aad f862 bd77");
        assert_eq!(fingerprint.to_string(), "6668 7aad f862 bd77");
        let other = PublicKey { algorithm: SignatureAlgorithm::Ed25519, bytes: vec![1; 32] };
        assert_ne!(Fingerprint::of(&other), fingerprint);
    }
}
