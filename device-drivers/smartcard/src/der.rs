//! The few DER shapes a PKCS#11 token hands over or expects: the OCTET STRING around
//! `CKA_EC_POINT`, the curve identifiers in `CKA_EC_PARAMS`, and the ECDSA signature
//! `SEQUENCE { r INTEGER, s INTEGER }` that verifiers expect where tokens give `r ‖ s`.

/// `CKA_EC_PARAMS` of an Ed25519 key: the printable string "edwards25519" (what
/// SoftHSM2 and PKCS#11 3.0 tokens write) or the RFC 8410 OID 1.3.101.112.
pub(crate) const ED25519_PARAMS: [&[u8]; 2] = [
    b"\x13\x0cedwards25519",
    &[0x06, 0x03, 0x2B, 0x65, 0x70],
];

/// `CKA_EC_PARAMS` of a P-256 key: the OID 1.2.840.10045.3.1.7 (prime256v1).
pub(crate) const P256_PARAMS: &[u8] = &[0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

/// The content of a DER OCTET STRING that is the whole of `bytes`.
fn octet_string(bytes: &[u8]) -> Option<&[u8]> {
    let (&tag, rest) = bytes.split_first()?;
    if tag != 0x04 {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (length, content) = match first {
        0..=0x7F => (usize::from(first), rest),
        0x81 => {
            let (&length, rest) = rest.split_first()?;
            (usize::from(length), rest)
        }
        0x82 => {
            let (length, rest) = rest.split_at_checked(2)?;
            (usize::from(u16::from_be_bytes([length[0], length[1]])), rest)
        }
        _ => return None,
    };
    (content.len() == length).then_some(content)
}

/// The 32 raw bytes of an Ed25519 public key from `CKA_EC_POINT`: PKCS#11 3.0 says a DER
/// OCTET STRING, some tokens give the raw bytes.
pub(crate) fn ed25519_point(ec_point: &[u8]) -> Option<[u8; 32]> {
    let raw = match ec_point.len() {
        32 => ec_point,
        _ => octet_string(ec_point)?,
    };
    raw.try_into().ok()
}

/// The 65-byte uncompressed P-256 point from `CKA_EC_POINT` (DER OCTET STRING, or raw).
pub(crate) fn p256_point(ec_point: &[u8]) -> Option<Vec<u8>> {
    let raw = match ec_point.len() {
        65 => ec_point,
        _ => octet_string(ec_point)?,
    };
    (raw.len() == 65 && raw[0] == 0x04).then(|| raw.to_vec())
}

/// A DER INTEGER holding the unsigned big-endian `value`.
fn unsigned_integer(value: &[u8]) -> Vec<u8> {
    let start = value.iter().position(|&b| b != 0).unwrap_or(value.len().saturating_sub(1));
    let value = &value[start..];
    let pad = value.first().is_some_and(|&b| b & 0x80 != 0);
    let mut out = vec![0x02, (value.len() + usize::from(pad)) as u8];
    if pad {
        out.push(0);
    }
    out.extend_from_slice(value);
    out
}

/// The ECDSA signature `r ‖ s` (as PKCS#11 `CKM_ECDSA` returns it, 64 bytes for P-256)
/// as the DER `SEQUENCE { r, s }` of X9.62.
pub(crate) fn ecdsa_p256_der(r_and_s: &[u8]) -> Option<Vec<u8>> {
    if r_and_s.len() != 64 {
        return None;
    }
    let (r, s) = r_and_s.split_at(32);
    let mut body = unsigned_integer(r);
    body.extend(unsigned_integer(s));
    // At most 2 × (2 + 33) = 70 bytes: the short length form always fits.
    let mut out = vec![0x30, body.len() as u8];
    out.extend(body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ed25519_points_are_read_wrapped_or_raw_and_nothing_else() {
        let raw = [7u8; 32];
        let mut wrapped = vec![0x04, 0x20];
        wrapped.extend_from_slice(&raw);
        assert_eq!(ed25519_point(&wrapped), Some(raw));
        assert_eq!(ed25519_point(&raw), Some(raw));
        assert_eq!(ed25519_point(&wrapped[..33]), None, "truncated");
        let mut ed448 = vec![0x04, 57];
        ed448.extend_from_slice(&[1u8; 57]);
        assert_eq!(ed25519_point(&ed448), None, "an Ed448 key is not Ed25519");
        assert_eq!(ed25519_point(&[0x03, 0x20]), None);
        assert_eq!(ed25519_point(&[]), None);
    }

    #[test]
    fn p256_points_must_be_uncompressed() {
        let mut point = vec![0x04];
        point.extend_from_slice(&[9u8; 64]);
        let mut wrapped = vec![0x04, 0x41];
        wrapped.extend_from_slice(&point);
        assert_eq!(p256_point(&wrapped), Some(point.clone()));
        assert_eq!(p256_point(&point), Some(point.clone()));
        let mut long_form = vec![0x04, 0x81, 0x41];
        long_form.extend_from_slice(&point);
        assert_eq!(p256_point(&long_form), Some(point));
        let mut compressed = vec![0x04, 0x21, 0x02];
        compressed.extend_from_slice(&[9u8; 32]);
        assert_eq!(p256_point(&compressed), None);
    }

    #[test]
    fn ecdsa_signatures_become_der_with_minimal_integers() {
        let mut raw = [0u8; 64];
        raw[0] = 0x80; // r needs a leading zero to stay positive
        raw[31] = 0x01;
        raw[63] = 0x05; // s is 5: all leading zeros dropped
        let der = ecdsa_p256_der(&raw).expect("64 bytes");
        let mut r = vec![0x02, 33, 0x00, 0x80];
        r.extend_from_slice(&[0u8; 30]);
        r.push(0x01);
        let s = [0x02, 1, 0x05];
        let mut expected = vec![0x30, (r.len() + s.len()) as u8];
        expected.extend(r);
        expected.extend(s);
        assert_eq!(der, expected);
        assert_eq!(ecdsa_p256_der(&[0u8; 63]), None);
        assert_eq!(ecdsa_p256_der(&[0u8; 64]), Some(vec![0x30, 6, 0x02, 1, 0, 0x02, 1, 0]));
    }
}
