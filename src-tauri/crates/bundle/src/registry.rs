//! The district commission's key registry: which station signs with which key, for
//! which election, from when until when, and which members' keys (the chair's smart
//! card…) may co-sign. The district makes it at the key ceremony before the day (each
//! station shows its key's fingerprint as text and QR code) and signs it with its own
//! key; the file is a DSSE envelope ([`crate::dsse`], payload type
//! [`crate::dsse::REGISTRY_TYPE`]) over the registry's JSON.
//!
//! A bundle is verified against the registry only: a key the bundle itself might carry
//! is never looked at.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dsse;
use crate::error::BundleError;
use crate::keys::{Algorithm, PublicKey, Signer};
use crate::limits::Limits;

/// The version of the registry's shape.
pub const REGISTRY_FORMAT: u32 = 1;

/// A member's key that may co-sign a station's bundles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoSigner {
    /// `chair`, `secretary`, `member`… as the district wrote it.
    pub role: String,
    pub name: String,
    pub key: PublicKey,
}

/// One station's registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisteredStation {
    pub station: String,
    /// The station key (Ed25519).
    pub key: PublicKey,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    #[serde(default)]
    pub co_signers: Vec<CoSigner>,
}

/// The registry's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// [`REGISTRY_FORMAT`].
    pub format: u32,
    /// The election every registered station takes part in.
    pub election: String,
    /// A registry of a mock election: it accepts training bundles only, and a real one
    /// accepts no training bundle.
    pub training: bool,
    /// The district commission that keeps the registry (its name or number).
    pub commission: String,
    pub issued_at: DateTime<Utc>,
    /// The district's own key, which signs the registry.
    pub dec_key: PublicKey,
    pub stations: Vec<RegisteredStation>,
}

/// Whose key a key id is, in a registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOwner<'a> {
    Station(&'a RegisteredStation),
    CoSigner(&'a RegisteredStation, &'a CoSigner),
}

impl<'a> KeyOwner<'a> {
    pub fn station(&self) -> &'a RegisteredStation {
        match self {
            KeyOwner::Station(station) | KeyOwner::CoSigner(station, _) => station,
        }
    }

    pub fn key(&self) -> &'a PublicKey {
        match self {
            KeyOwner::Station(station) => &station.key,
            KeyOwner::CoSigner(_, co_signer) => &co_signer.key,
        }
    }
}

fn invalid(detail: impl Into<String>) -> BundleError {
    BundleError::RegistryInvalid { detail: detail.into() }
}

/// A fingerprint or key id as typed by a person: hex digits, spaces and hyphens ignored.
fn normalise_key_reference(reference: &str) -> String {
    reference.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_lowercase()
}

/// Whether `reference` (a whole key id or at least its 16-digit fingerprint) names `key`.
pub fn key_matches(key: &PublicKey, reference: &str) -> bool {
    let reference = normalise_key_reference(reference);
    reference.len() >= 16 && key.key_id().starts_with(&reference)
}

impl Registry {
    /// The registration of a station.
    pub fn station(&self, station: &str) -> Option<&RegisteredStation> {
        self.stations.iter().find(|registered| registered.station == station)
    }

    /// Whose key `key_id` is.
    pub fn owner_of(&self, key_id: &str) -> Option<KeyOwner<'_>> {
        for station in &self.stations {
            if station.key.key_id() == key_id {
                return Some(KeyOwner::Station(station));
            }
            if let Some(co_signer) = station.co_signers.iter().find(|c| c.key.key_id() == key_id) {
                return Some(KeyOwner::CoSigner(station, co_signer));
            }
        }
        None
    }

    /// Every key well-formed (station keys Ed25519), each station once, each key once in
    /// the whole registry (a key that could sign for two stations would make "another
    /// station's key" undecidable), each validity window the right way round.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.format != REGISTRY_FORMAT {
            return Err(invalid(format!("format {}, this build reads {REGISTRY_FORMAT}", self.format)));
        }
        if self.dec_key.bytes().is_none() {
            return Err(invalid("the district's key is malformed"));
        }
        let mut keys = vec![self.dec_key.key_id()];
        for (index, station) in self.stations.iter().enumerate() {
            if station.station.trim().is_empty() {
                return Err(invalid(format!("station {} has no number", index + 1)));
            }
            if self.stations[..index].iter().any(|earlier| earlier.station == station.station) {
                return Err(BundleError::RegistryDuplicateStation { station: station.station.clone() });
            }
            if station.key.algorithm != Algorithm::Ed25519 || station.key.bytes().is_none() {
                return Err(invalid(format!("the key of station {} is malformed", station.station)));
            }
            if station.valid_until < station.valid_from {
                return Err(invalid(format!("station {}: valid until before valid from", station.station)));
            }
            for key in std::iter::once(&station.key).chain(station.co_signers.iter().map(|c| &c.key)) {
                if key.bytes().is_none() {
                    return Err(invalid(format!("a co-signer's key of station {} is malformed", station.station)));
                }
                let id = key.key_id();
                if keys.contains(&id) {
                    return Err(BundleError::RegistryKeyReused { key: key.fingerprint() });
                }
                keys.push(id);
            }
        }
        Ok(())
    }

    /// The registry file: the registry validated and signed by the district's key.
    pub fn sign(&self, dec: &dyn Signer) -> Result<Vec<u8>, BundleError> {
        self.validate()?;
        if dec.public_key() != self.dec_key {
            return Err(BundleError::Sign { detail: "the signing key is not the registry's district key".into() });
        }
        let payload = serde_json::to_vec_pretty(self).map_err(|error| BundleError::Write { detail: error.to_string() })?;
        dsse::sign(dsse::REGISTRY_TYPE, &payload, &[dec])
    }

    /// Reads a registry file: caps, the envelope, the district's signature (by the key
    /// the registry names, which must be `expected_dec_key` when one is given — a key id
    /// or its fingerprint), then the registry's own consistency.
    pub fn open(bytes: &[u8], expected_dec_key: Option<&str>, limits: &Limits) -> Result<Registry, BundleError> {
        if bytes.len() as u64 > limits.max_manifest {
            return Err(invalid(format!("{} bytes, more than {}", bytes.len(), limits.max_manifest)));
        }
        if !crate::json::depth_within(bytes, limits.max_json_depth) {
            return Err(invalid(format!("nested deeper than {}", limits.max_json_depth)));
        }
        let opened = dsse::open(bytes, invalid)?;
        if opened.payload_type != dsse::REGISTRY_TYPE {
            return Err(invalid(format!("payload type {}", opened.payload_type)));
        }
        if !crate::json::depth_within(&opened.payload, limits.max_json_depth) {
            return Err(invalid(format!("nested deeper than {}", limits.max_json_depth)));
        }
        let registry: Registry = serde_json::from_slice(&opened.payload).map_err(|error| invalid(error.to_string()))?;
        if let Some(expected) = expected_dec_key.filter(|expected| !key_matches(&registry.dec_key, expected)) {
            return Err(BundleError::RegistryOtherSigner {
                found: registry.dec_key.fingerprint(),
                expected: normalise_key_reference(expected),
            });
        }
        let message = opened.signed_bytes();
        let dec_id = registry.dec_key.key_id();
        let signed = opened.signatures.len() == 1
            && opened.signatures[0].keyid == dec_id
            && registry.dec_key.verifies(&message, &opened.signatures[0].sig);
        if !signed {
            return Err(BundleError::RegistryBadSignature);
        }
        registry.validate()?;
        Ok(registry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Ed25519Signer;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("time")
    }

    fn sample(dec: &Ed25519Signer) -> Registry {
        let station = Ed25519Signer::from_seed(&[2; 32]).expect("key");
        Registry {
            format: REGISTRY_FORMAT,
            election: "e".into(),
            training: false,
            commission: "DEC 1".into(),
            issued_at: at("2025-11-20T00:00:00Z"),
            dec_key: dec.public_key(),
            stations: vec![RegisteredStation {
                station: "1001".into(),
                key: station.public_key(),
                valid_from: at("2025-11-20T00:00:00Z"),
                valid_until: at("2025-12-31T00:00:00Z"),
                co_signers: Vec::new(),
            }],
        }
    }

    #[test]
    fn a_signed_registry_opens_and_names_its_keys() {
        let dec = Ed25519Signer::from_seed(&[1; 32]).expect("key");
        let registry = sample(&dec);
        let file = registry.sign(&dec).expect("signed");
        let limits = Limits::default();
        assert_eq!(Registry::open(&file, None, &limits).expect("opens"), registry);
        let fingerprint = dec.public_key().fingerprint();
        assert!(Registry::open(&file, Some(&fingerprint), &limits).is_ok());
        let other = Ed25519Signer::from_seed(&[9; 32]).expect("key").public_key().fingerprint();
        assert_eq!(Registry::open(&file, Some(&other), &limits).expect_err("pinned").code(), "bundle.registry-other-signer");
        let station_id = registry.stations[0].key.key_id();
        assert!(matches!(registry.owner_of(&station_id), Some(KeyOwner::Station(s)) if s.station == "1001"));
    }

    #[test]
    fn a_registry_signed_by_another_key_or_edited_is_refused() {
        let dec = Ed25519Signer::from_seed(&[1; 32]).expect("key");
        let registry = sample(&dec);
        let mut forged = registry.clone();
        forged.dec_key = Ed25519Signer::from_seed(&[3; 32]).expect("key").public_key();
        let file = dsse::sign(dsse::REGISTRY_TYPE, &serde_json::to_vec(&forged).expect("json"), &[&dec]).expect("signed");
        assert_eq!(Registry::open(&file, None, &Limits::default()).expect_err("forged").code(), "bundle.registry-bad-signature");
    }

    #[test]
    fn a_key_registered_twice_or_a_station_twice_is_refused() {
        let dec = Ed25519Signer::from_seed(&[1; 32]).expect("key");
        let mut registry = sample(&dec);
        let mut twin = registry.stations[0].clone();
        twin.station = "1002".into();
        registry.stations.push(twin);
        assert_eq!(registry.sign(&dec).expect_err("key twice").code(), "bundle.registry-key-reused");
        registry.stations[1].station = "1001".into();
        assert_eq!(registry.sign(&dec).expect_err("station twice").code(), "bundle.registry-duplicate-station");
    }
}
