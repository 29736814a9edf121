//! The signed results on the printed protocol (issue 7, item 4): the district
//! commission can take a station's results from the paper alone by scanning its QR
//! codes, with the same checks of the registered key, the election, training and the
//! control relations as for a bundle (there is no journal to replay on paper).
//!
//! # Format
//!
//! The message is `0x01 ‖ signature (64 bytes) ‖ deflate(results JSON)`, where the
//! results JSON is `domain::results::StationResults` as compact JSON and the signature is
//! the station key's Ed25519 signature of `PAE("application/vnd.uchastok.paper-results",
//! results JSON)` ([`crate::dsse::pae`]). The message is written in base64url without
//! padding and cut into parts, one QR code each:
//!
//! ```text
//! UQR1/<id>/<part>/<parts>/<base64url text>
//! ```
//!
//! `<id>` is the first 8 hex digits of SHA-256 of the message (it keeps the parts of
//! one protocol together and catches a part from another), parts count from 1. The
//! parts may be scanned in any order; a part scanned twice counts once.

use std::io::Read;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use domain::election::ElectionDefinition;
use domain::protocol;
use domain::results::StationResults;
use ring::digest;

use crate::dsse;
use crate::error::BundleError;
use crate::keys::Signer;
use crate::limits::Limits;
use crate::registry::Registry;

/// The prefix of every part.
pub const PREFIX: &str = "UQR1";
/// Characters of base64url text per QR code, by default: a QR code of version 20 or so
/// at error correction M, which prints in about 5 cm with 0.5 mm modules.
pub const DEFAULT_PART_CHARS: usize = 700;
/// More parts than this are not a protocol.
pub const MAX_PARTS: u64 = 64;
const VERSION: u8 = 1;
const SIGNATURE_LEN: usize = 64;

/// Results taken from paper and verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperResults {
    pub results: StationResults,
    /// The fingerprint of the station key that signed.
    pub signed_by: String,
}

fn encode_error(detail: impl Into<String>) -> BundleError {
    BundleError::Write { detail: detail.into() }
}

/// The texts of the QR codes carrying `results` signed by the station key, each at most
/// `part_chars` characters of data (plus the short prefix).
pub fn encode(results: &StationResults, station: &dyn Signer, part_chars: usize) -> Result<Vec<String>, BundleError> {
    let json = serde_json::to_vec(results).map_err(|error| encode_error(error.to_string()))?;
    let signature = station.sign(&dsse::pae(dsse::PAPER_TYPE, &json))?;
    if signature.len() != SIGNATURE_LEN {
        return Err(encode_error("paper results are signed with the station's Ed25519 key only"));
    }
    let mut compressor = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut compressor, &json).map_err(|error| encode_error(error.to_string()))?;
    let deflated = compressor.finish().map_err(|error| encode_error(error.to_string()))?;
    let mut message = Vec::with_capacity(1 + SIGNATURE_LEN + deflated.len());
    message.push(VERSION);
    message.extend_from_slice(&signature);
    message.extend_from_slice(&deflated);
    let id = hex::encode(&digest::digest(&digest::SHA256, &message).as_ref()[..4]);
    let text = URL_SAFE_NO_PAD.encode(&message);
    let part_chars = part_chars.max(16);
    let chunks: Vec<&str> =
        text.as_bytes().chunks(part_chars).filter_map(|chunk| std::str::from_utf8(chunk).ok()).collect();
    let parts = chunks.len();
    if parts as u64 > MAX_PARTS {
        return Err(encode_error(format!("{parts} QR codes, more than {MAX_PARTS}")));
    }
    Ok(chunks.iter().enumerate().map(|(index, chunk)| format!("{PREFIX}/{id}/{}/{parts}/{chunk}", index + 1)).collect())
}

struct Part<'a> {
    id: &'a str,
    number: u64,
    parts: u64,
    text: &'a str,
}

fn parse_part(code: &str, index: usize) -> Result<Part<'_>, BundleError> {
    let invalid = |detail: &str| BundleError::PaperInvalid { index: index as u64 + 1, detail: detail.to_owned() };
    let mut fields = code.trim().splitn(5, '/');
    if fields.next() != Some(PREFIX) {
        return Err(invalid("not an uchastok protocol code"));
    }
    let id = fields.next().filter(|id| id.len() == 8 && id.bytes().all(|b| b.is_ascii_hexdigit())).ok_or_else(|| invalid("id"))?;
    let number: u64 = fields.next().and_then(|n| n.parse().ok()).ok_or_else(|| invalid("part number"))?;
    let parts: u64 = fields.next().and_then(|n| n.parse().ok()).ok_or_else(|| invalid("number of parts"))?;
    let text = fields.next().filter(|t| !t.is_empty()).ok_or_else(|| invalid("no data"))?;
    if parts == 0 || parts > MAX_PARTS || number == 0 || number > parts {
        return Err(invalid("part number out of range"));
    }
    Ok(Part { id, number, parts, text })
}

/// Reads the scanned texts of a protocol's QR codes (any order, repeats allowed) and
/// verifies them against the registry: the election, training, the station's registered
/// key and its validity, and — when the election's definition is given — the control
/// relations of every contest.
pub fn read(
    codes: &[String],
    registry: &Registry,
    election: Option<&ElectionDefinition>,
    limits: &Limits,
) -> Result<PaperResults, BundleError> {
    if codes.is_empty() {
        return Err(BundleError::PaperIncomplete { have: 0, need: 1 });
    }
    let mut parts: Vec<Part<'_>> = Vec::new();
    for (index, code) in codes.iter().enumerate() {
        let part = parse_part(code, index)?;
        if parts.first().is_some_and(|first| first.id != part.id || first.parts != part.parts) {
            return Err(BundleError::PaperMixed);
        }
        match parts.iter().find(|seen| seen.number == part.number) {
            Some(seen) if seen.text != part.text => return Err(BundleError::PaperMixed),
            Some(_) => {}
            None => parts.push(part),
        }
    }
    let need = parts[0].parts;
    if parts.len() as u64 != need {
        return Err(BundleError::PaperIncomplete { have: parts.len() as u64, need });
    }
    parts.sort_by_key(|part| part.number);
    let text: String = parts.iter().map(|part| part.text).collect();
    let whole = |detail: &str| BundleError::PaperInvalid { index: 0, detail: detail.to_owned() };
    let message = URL_SAFE_NO_PAD.decode(text.as_bytes()).map_err(|_| whole("not base64url"))?;
    if hex::encode(&digest::digest(&digest::SHA256, &message).as_ref()[..4]) != parts[0].id {
        return Err(whole("the parts do not make the message their id names"));
    }
    if message.len() < 1 + SIGNATURE_LEN || message[0] != VERSION {
        return Err(whole("unknown version"));
    }
    let signature = &message[1..1 + SIGNATURE_LEN];
    let mut json = Vec::new();
    flate2::read::DeflateDecoder::new(&message[1 + SIGNATURE_LEN..])
        .take(limits.max_results + 1)
        .read_to_end(&mut json)
        .map_err(|_| whole("the compressed results cannot be read"))?;
    if json.len() as u64 > limits.max_results {
        return Err(whole("the results are too large"));
    }
    if !crate::json::depth_within(&json, limits.max_json_depth) {
        return Err(whole("the results are nested too deep"));
    }
    let results: StationResults = serde_json::from_slice(&json).map_err(|error| whole(&error.to_string()))?;

    crate::verify::same_election(&results.election, results.training, registry)?;
    let station = registry
        .station(&results.station)
        .ok_or_else(|| BundleError::StationNotRegistered { station: results.station.clone() })?;
    if !station.key.verifies(&dsse::pae(dsse::PAPER_TYPE, &json), signature) {
        return Err(BundleError::BadSignature { key: station.key.fingerprint() });
    }
    let within = |at: DateTime<Utc>| at >= station.valid_from && at <= station.valid_until;
    if !within(results.signed_at) {
        return Err(BundleError::KeyNotValid {
            key: station.key.fingerprint(),
            from: domain::chain::format_at(station.valid_from),
            until: domain::chain::format_at(station.valid_until),
            at: domain::chain::format_at(results.signed_at),
        });
    }
    if let Some(election) = election {
        if election.id != results.election {
            return Err(BundleError::WrongElection { found: results.election.clone(), expected: election.id.clone() });
        }
        let form = protocol::form_for(results.station_kind).map_err(|_| BundleError::NoResults { reason: "form".into() })?;
        for result in &results.contests {
            let contest = election
                .contests
                .iter()
                .find(|contest| contest.id == result.protocol.contest)
                .ok_or_else(|| BundleError::ResultsDiffer { contest: result.protocol.contest.clone() })?;
            let violations = protocol::check(form, contest, &result.protocol);
            if !violations.is_empty() {
                return Err(BundleError::RelationsViolated {
                    contest: contest.designation.clone(),
                    count: violations.len() as u64,
                });
            }
        }
    }
    Ok(PaperResults { signed_by: station.key.fingerprint(), results })
}
