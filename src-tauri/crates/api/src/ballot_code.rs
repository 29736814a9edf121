//! The QR code a remote-voting station prints in two corners of each ballot (R4.2 step
//! 6, R4.4): the station, the contest, a random serial and a MAC with the station's
//! ballot key, so that the chair can tell a spoiled ballot printed here from anything
//! else before a duplicate is printed.
//!
//! Payload, ASCII, at most ~60 bytes so that the code keeps large modules:
//! `UB1.<station>.<contest>.<serial: 16 hex>.<mac: 20 hex>` where
//! `mac = HMAC-SHA256(ballot key, "uchastok-ballot-1" 0 election 0 station 0 contest 0
//! serial)` truncated to 10 bytes. Station and contest ids never contain `.`.
//!
//! A duplicate (R4.4) says so: prefix `UD1` and context `uchastok-duplicate-1`, so that a
//! duplicate brought back spoiled is told apart and refused — a duplicate is printed
//! only once, and the mark says nothing about the voter.

use ring::hmac;

const PREFIX: &str = "UB1";
const CONTEXT: &[u8] = b"uchastok-ballot-1";
const DUPLICATE_PREFIX: &str = "UD1";
const DUPLICATE_CONTEXT: &[u8] = b"uchastok-duplicate-1";
const MAC_BYTES: usize = 10;
const SERIAL_BYTES: usize = 8;

/// What a ballot's QR code says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotCode {
    pub station: String,
    pub contest: String,
    /// 16 lowercase hex digits.
    pub serial: String,
    /// A duplicate printed in place of a spoiled ballot (R4.4).
    pub duplicate: bool,
}

/// Why a scanned code is not a ballot of this station.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeProblem {
    /// Not a ballot code at all (another QR, garbage).
    NotABallot,
    /// A ballot code of another station.
    OtherStation,
    /// Our station's number, but the MAC does not verify: forged or altered.
    Forged,
}

fn mac_input(election: &str, code: &BallotCode) -> Vec<u8> {
    let mut input = if code.duplicate { DUPLICATE_CONTEXT.to_vec() } else { CONTEXT.to_vec() };
    for part in [election, &code.station, &code.contest, &code.serial] {
        input.push(0);
        input.extend_from_slice(part.as_bytes());
    }
    input
}

fn mac(key: &[u8; 32], election: &str, code: &BallotCode) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    hmac::sign(&key, &mac_input(election, code)).as_ref()[..MAC_BYTES].to_vec()
}

/// A serial from random bytes the caller drew.
pub fn serial_from(random: [u8; SERIAL_BYTES]) -> String {
    hex::encode(random)
}

/// The payload printed in the ballot's two corners.
pub fn encode(key: &[u8; 32], election: &str, code: &BallotCode) -> Vec<u8> {
    let prefix = if code.duplicate { DUPLICATE_PREFIX } else { PREFIX };
    format!("{prefix}.{}.{}.{}.{}", code.station, code.contest, code.serial, hex::encode(mac(key, election, code)))
        .into_bytes()
}

/// Reads a scanned payload and checks it belongs to this station and election.
pub fn decode(key: &[u8; 32], election: &str, station: &str, payload: &[u8]) -> Result<BallotCode, CodeProblem> {
    let text = std::str::from_utf8(payload).map_err(|_| CodeProblem::NotABallot)?;
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [prefix, code_station, contest, serial, tag] = parts.as_slice() else {
        return Err(CodeProblem::NotABallot);
    };
    let is_hex = |value: &str, len: usize| value.len() == len && value.bytes().all(|b| b.is_ascii_hexdigit());
    let duplicate = *prefix == DUPLICATE_PREFIX;
    if (*prefix != PREFIX && !duplicate) || !is_hex(serial, SERIAL_BYTES * 2) || !is_hex(tag, MAC_BYTES * 2) || contest.is_empty() {
        return Err(CodeProblem::NotABallot);
    }
    if *code_station != station {
        return Err(CodeProblem::OtherStation);
    }
    let code = BallotCode {
        station: station.to_owned(),
        contest: (*contest).to_owned(),
        serial: serial.to_ascii_lowercase(),
        duplicate,
    };
    let expected = mac(key, election, &code);
    let given = hex::decode(tag).map_err(|_| CodeProblem::NotABallot)?;
    // Constant time: ring's verify over the full tag would need the untruncated MAC.
    let differs = expected.iter().zip(&given).fold(0u8, |acc, (a, b)| acc | (a ^ b));
    if differs != 0 || given.len() != expected.len() {
        return Err(CodeProblem::Forged);
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [7; 32];

    fn code() -> BallotCode {
        BallotCode {
            station: "9021".into(),
            contest: "d3".into(),
            serial: serial_from([1, 2, 3, 4, 5, 6, 7, 8]),
            duplicate: false,
        }
    }

    #[test]
    fn a_duplicate_says_so_and_cannot_pass_for_an_original() {
        let duplicate = BallotCode { duplicate: true, ..code() };
        let payload = encode(&KEY, "demo-jk-2025", &duplicate);
        assert!(payload.starts_with(b"UD1.9021.d3."));
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", &payload), Ok(duplicate));
        // Relabelled as an original, its MAC no longer verifies.
        let mut relabelled = payload.clone();
        relabelled[1] = b'B';
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", &relabelled), Err(CodeProblem::Forged));
    }

    #[test]
    fn a_code_round_trips_and_stays_small() {
        let payload = encode(&KEY, "demo-jk-2025", &code());
        assert!(payload.len() <= 60, "{} bytes", payload.len());
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", &payload), Ok(code()));
    }

    #[test]
    fn another_station_a_forged_mac_and_garbage_are_told_apart() {
        let payload = encode(&KEY, "demo-jk-2025", &code());
        assert_eq!(decode(&KEY, "demo-jk-2025", "9022", &payload), Err(CodeProblem::OtherStation));
        assert_eq!(decode(&[8; 32], "demo-jk-2025", "9021", &payload), Err(CodeProblem::Forged));
        assert_eq!(decode(&KEY, "another-election", "9021", &payload), Err(CodeProblem::Forged));
        let mut altered = payload.clone();
        let serial_at = altered.len() - 21 - 2;
        altered[serial_at] = if altered[serial_at] == b'0' { b'1' } else { b'0' };
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", &altered), Err(CodeProblem::Forged));
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", b"https://example.org"), Err(CodeProblem::NotABallot));
        assert_eq!(decode(&KEY, "demo-jk-2025", "9021", &[0xff, 0xfe]), Err(CodeProblem::NotABallot));
    }
}
