//! DSSE (Dead Simple Signing Envelope, secure-systems-lab/dsse, protocol v1): the
//! envelope `{"payload", "payloadType", "signatures": [{"keyid", "sig"}]}` with the
//! payload and signatures in standard base64, each signature made over
//! `PAE(payloadType, payload)`:
//!
//! ```text
//! PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
//! ```
//!
//! where `LEN` is the byte length in ASCII decimal without leading zeros and `SP` one
//! space. A `keyid` here is the signing key's id ([`crate::PublicKey::key_id`]); a
//! verifier looks it up among keys it registered itself, never a key the envelope
//! carries.
//!
//! Our envelopes are written as compact JSON in that field order, and a reader accepts
//! only that exact form (it re-serialises what it parsed and compares the bytes), so no
//! byte of an envelope can change without the envelope being refused.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};

use crate::error::BundleError;
use crate::keys::Signer;

/// The payload type of a bundle's manifest.
pub const MANIFEST_TYPE: &str = "application/vnd.uchastok.manifest+json";
/// The payload type of the district's key registry.
pub const REGISTRY_TYPE: &str = "application/vnd.uchastok.registry+json";
/// The payload type of a journal checkpoint (the body is [`crate::checkpoint_body`]).
pub const CHECKPOINT_TYPE: &str = "application/vnd.uchastok.checkpoint";
/// The payload type of the signed results printed as QR codes.
pub const PAPER_TYPE: &str = "application/vnd.uchastok.paper-results";

/// The pre-authentication encoding: the exact bytes that are signed.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + payload_type.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

/// One signature of an envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvelopeSignature {
    pub keyid: String,
    /// Standard base64 of the signature bytes.
    pub sig: String,
}

/// A DSSE envelope as it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Standard base64 of the payload bytes.
    pub payload: String,
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    pub signatures: Vec<EnvelopeSignature>,
}

/// A signature taken out of an envelope: the key id and the raw signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSignature {
    pub keyid: String,
    pub sig: Vec<u8>,
}

/// An envelope read and decoded, signatures not yet checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub payload_type: String,
    pub payload: Vec<u8>,
    pub signatures: Vec<RawSignature>,
}

impl Opened {
    /// The bytes each signature must cover.
    pub fn signed_bytes(&self) -> Vec<u8> {
        pae(&self.payload_type, &self.payload)
    }
}

/// Signs `payload` with every signer, in order; returns the envelope's JSON bytes.
pub fn sign(payload_type: &str, payload: &[u8], signers: &[&dyn Signer]) -> Result<Vec<u8>, BundleError> {
    let message = pae(payload_type, payload);
    let mut signatures = Vec::with_capacity(signers.len());
    for signer in signers {
        let sig = signer.sign(&message)?;
        signatures.push(EnvelopeSignature { keyid: signer.public_key().key_id(), sig: STANDARD.encode(sig) });
    }
    let envelope = Envelope { payload: STANDARD.encode(payload), payload_type: payload_type.to_owned(), signatures };
    serde_json::to_vec(&envelope).map_err(|error| BundleError::Write { detail: error.to_string() })
}

/// Parses an envelope in its one accepted form and decodes it; `invalid` turns a
/// problem's words into the caller's error (a bundle's or a registry's).
pub fn open(bytes: &[u8], invalid: impl Fn(String) -> BundleError) -> Result<Opened, BundleError> {
    let envelope: Envelope = serde_json::from_slice(bytes).map_err(|error| invalid(error.to_string()))?;
    let canonical = serde_json::to_vec(&envelope).map_err(|error| invalid(error.to_string()))?;
    if canonical != bytes {
        return Err(invalid("not in the canonical form (compact JSON, fields in order)".to_owned()));
    }
    let payload = STANDARD.decode(&envelope.payload).map_err(|error| invalid(format!("payload: {error}")))?;
    let mut signatures = Vec::with_capacity(envelope.signatures.len());
    for signature in &envelope.signatures {
        let sig = STANDARD.decode(&signature.sig).map_err(|error| invalid(format!("sig: {error}")))?;
        signatures.push(RawSignature { keyid: signature.keyid.clone(), sig });
    }
    Ok(Opened { payload_type: envelope.payload_type, payload, signatures })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Ed25519Signer, Signer};

    #[test]
    fn pae_is_the_dsse_v1_encoding() {
        // The example of the DSSE protocol document.
        assert_eq!(pae("http://example.com/HelloWorld", b"hello world"), b"DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ");
    }

    #[test]
    fn an_envelope_opens_only_in_its_own_form() {
        let signer = Ed25519Signer::from_seed(&[1; 32]).expect("key");
        let bytes = sign(MANIFEST_TYPE, b"{}", &[&signer]).expect("signed");
        let opened = open(&bytes, |detail| BundleError::EnvelopeInvalid { detail }).expect("opens");
        assert_eq!(opened.payload, b"{}");
        assert_eq!(opened.signatures.len(), 1);
        assert!(signer.public_key().verifies(&opened.signed_bytes(), &opened.signatures[0].sig));

        let spaced = String::from_utf8(bytes.clone()).expect("utf-8").replacen(':', ": ", 1);
        let refused = open(spaced.as_bytes(), |detail| BundleError::EnvelopeInvalid { detail }).expect_err("spaced");
        assert_eq!(refused.code(), "bundle.envelope-invalid");
        let extra = String::from_utf8(bytes).expect("utf-8").replacen('{', r#"{"x":1,"#, 1);
        assert!(open(extra.as_bytes(), |detail| BundleError::EnvelopeInvalid { detail }).is_err());
    }
}
