//! The digital passport of the «Түндүк» app (R4.2 step 1), shown as a QR code on the
//! voter's phone. Its real payload format is not public, so it sits behind this adapter:
//! the identification desk only needs the personal number, the name, the document
//! number and its validity. This build reads the *simulated* format documented in
//! `docs/tunduk-digital-passport.md`; a real adapter replaces [`parse`] and nothing else.
//!
//! Simulated format (UTF-8 text, `|`-separated):
//! `TUNDUK-SIM-1|<personal number: 14 digits>|<surname>|<given names>|<birth YYYY-MM-DD>|
//! <document number>|<valid until YYYY-MM-DD>|<check: 8 hex>` where `check` is the first
//! 4 bytes of SHA-256 over everything before the last `|`. The check catches a damaged
//! or hand-typed code; it is not a signature (a real adapter verifies the state's).

use chrono::NaiveDate;
use ring::digest;

const PREFIX: &str = "TUNDUK-SIM-1";

/// What the desk needs from a digital passport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigitalPassport {
    pub personal_number: String,
    pub surname: String,
    pub given_names: String,
    pub birth_date: NaiveDate,
    pub document_number: String,
    pub valid_until: NaiveDate,
}

/// Why a QR code is not a usable digital passport.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TundukProblem {
    /// Not a digital passport code (another QR, a ballot, garbage).
    NotAPassport,
    /// The right kind of code, but damaged or altered (the check fails, a field is bad).
    Damaged,
}

fn check(body: &str) -> String {
    hex::encode(&digest::digest(&digest::SHA256, body.as_bytes()).as_ref()[..4])
}

/// Reads a scanned payload.
pub fn parse(payload: &[u8]) -> Result<DigitalPassport, TundukProblem> {
    let text = std::str::from_utf8(payload).map_err(|_| TundukProblem::NotAPassport)?.trim();
    if !text.starts_with(PREFIX) {
        return Err(TundukProblem::NotAPassport);
    }
    let (body, given_check) = text.rsplit_once('|').ok_or(TundukProblem::Damaged)?;
    if check(body) != given_check.to_ascii_lowercase() {
        return Err(TundukProblem::Damaged);
    }
    let fields: Vec<&str> = body.split('|').collect();
    let [_, personal_number, surname, given_names, birth, document_number, valid_until] = fields.as_slice() else {
        return Err(TundukProblem::Damaged);
    };
    let date = |value: &str| NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| TundukProblem::Damaged);
    if personal_number.len() != 14 || !personal_number.bytes().all(|b| b.is_ascii_digit()) || surname.trim().is_empty() {
        return Err(TundukProblem::Damaged);
    }
    Ok(DigitalPassport {
        personal_number: (*personal_number).to_owned(),
        surname: surname.trim().to_owned(),
        given_names: given_names.trim().to_owned(),
        birth_date: date(birth)?,
        document_number: document_number.trim().to_owned(),
        valid_until: date(valid_until)?,
    })
}

/// The simulated payload of a passport (the demo, training and tests show it to the
/// simulated QR reader).
pub fn simulated_payload(passport: &DigitalPassport) -> Vec<u8> {
    let body = format!(
        "{PREFIX}|{}|{}|{}|{}|{}|{}",
        passport.personal_number,
        passport.surname,
        passport.given_names,
        passport.birth_date.format("%Y-%m-%d"),
        passport.document_number,
        passport.valid_until.format("%Y-%m-%d"),
    );
    let check = check(&body);
    format!("{body}|{check}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passport() -> DigitalPassport {
        DigitalPassport {
            personal_number: "21506199000123".into(),
            surname: "Асанов".into(),
            given_names: "Нурлан".into(),
            birth_date: NaiveDate::from_ymd_opt(1990, 6, 15).expect("date"),
            document_number: "DP1234567".into(),
            valid_until: NaiveDate::from_ymd_opt(2030, 1, 1).expect("date"),
        }
    }

    #[test]
    fn the_simulated_payload_round_trips() {
        assert_eq!(parse(&simulated_payload(&passport())), Ok(passport()));
    }

    #[test]
    fn a_damaged_or_foreign_code_is_refused() {
        let mut payload = simulated_payload(&passport());
        // A digit of the personal number, after the prefix.
        let at = PREFIX.len() + 1;
        assert!(payload[at].is_ascii_digit());
        payload[at] = if payload[at] == b'7' { b'8' } else { b'7' };
        assert_eq!(parse(&payload), Err(TundukProblem::Damaged));
        assert_eq!(parse(b"UB1.9021.d3.0102030405060708.00112233445566778899"), Err(TundukProblem::NotAPassport));
        assert_eq!(parse(&[0xff, 0x00]), Err(TundukProblem::NotAPassport));
        assert_eq!(parse(b"TUNDUK-SIM-1|garbage"), Err(TundukProblem::Damaged));
    }
}
