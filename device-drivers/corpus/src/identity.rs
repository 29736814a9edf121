//! Random but valid MRZs of Kyrgyz-style ID cards (TD1) and passports (TD3), through
//! `mrz::compose`, so every check digit is right by construction.

use mrz::{EmptyCheck, Format, Mrz, MrzDate, Sex};

use crate::rng::Rng;

pub const SURNAMES: &[&str] = &[
    "ASANOV", "TOKTOGULOV", "ZHUMABAEV", "SADYKOVA", "ABDYLDAEVA", "OMUROV", "BEKTURSUNOV", "MAMYTOV",
    "NURMATOVA", "KADYRBEKOV", "ISAKOV", "TURDUMAMBETOV", "ZHEENBEKOVA", "ALYMKULOVA", "USUBALIEV",
    "DOOLOTBEKOV", "CHOLPONBAEVA", "KUBANYCHBEKOV", "OSMONOVA", "SYDYKOV", "ESENGULOV", "KYDYRALIEVA",
    "MOLDOKMATOV", "BAIZAKOVA", "IMANALIEV", "SHARSHENOVA", "YRYSBEKOV", "AKMATOVA", "QUISPE", "WOJCIK",
    "VAN DER BERG", "FOX", "JAXYBEKOV",
];
pub const GIVEN: &[&str] = &[
    "AZAMAT", "AIGUL", "BAKYT", "NURLAN", "GULNARA", "ERMEK", "AIZHAN", "TALANT", "CHYNARA", "KANYBEK",
    "MEERIM", "ULAN", "ZHYLDYZ", "BEGIMAI", "AIBEK", "NURZHAN", "DASTAN", "ELVIRA", "KUBAT", "ASEL",
    "TILEK", "ZARINA", "EMIL", "SAIKAL", "OMURBEK", "PERIZAT", "VLADIMIR", "XENIA", "QUINN",
];
const STATES: &[&str] = &["RUS", "KAZ", "UZB", "TJK", "D<<", "UTO", "TUR", "CHN"];

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| char::from(b'0' + rng.below(10) as u8)).collect()
}

fn alnum(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    (0..n).map(|_| char::from(*rng.pick(A))).collect()
}

fn name_fits(format: Format, surname: &str, given: &str) -> bool {
    surname.len() + if given.is_empty() { 0 } else { 2 + given.len() } <= format.name_len()
}

/// A random valid MRZ of `format` (TD1 or TD3), and its lines.
pub fn random_mrz(rng: &mut Rng, format: Format) -> (Mrz, Vec<String>) {
    loop {
        let kgz = rng.chance(0.8);
        let state = if kgz { "KGZ".to_owned() } else { (*rng.pick(STATES)).to_owned() };
        let nationality = if rng.chance(0.95) { state.clone() } else { (*rng.pick(STATES)).to_owned() };
        let sex = match rng.below(20) {
            0 => Sex::Unspecified,
            1 => Sex::X,
            k if k % 2 == 0 => Sex::Male,
            _ => Sex::Female,
        };
        let (by, bm, bd) = (rng.below(100) as u8, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
        let expiry = MrzDate::new(25 + rng.below(12) as u8, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
        let birth = MrzDate::new(by, bm, bd);
        let mut surname = (*rng.pick(SURNAMES)).to_owned();
        if rng.chance(0.15) {
            surname = format!("{surname} {}", rng.pick(SURNAMES));
        }
        let mut given = (*rng.pick(GIVEN)).to_owned();
        if rng.chance(0.4) {
            given = format!("{given} {}", rng.pick(GIVEN));
        }
        if rng.chance(0.05) {
            given.clear();
        }
        while !name_fits(format, &surname, &given) && !given.is_empty() {
            given.pop();
            given = given.trim_end().to_owned();
        }
        if !name_fits(format, &surname, &given) {
            continue;
        }
        let pin = {
            let s = if matches!(sex, Sex::Female) { '1' } else { '2' };
            let year = if by > 20 { 1900 + u32::from(by) } else { 2000 + u32::from(by) };
            format!("{s}{bd:02}{bm:02}{year:04}{}", digits(rng, 5))
        };
        let number = if rng.chance(0.7) {
            if format == Format::Td1 { format!("ID{}", digits(rng, 7)) } else { format!("{}{}", rng.pick(&["AC", "AN", "PE"]), digits(rng, 7)) }
        } else {
            { let k = 6 + rng.below(4); alnum(rng, k) }
        };
        let (code, optional_1, optional_2) = match format {
            Format::Td1 => {
                let code = if kgz { "ID" } else { *rng.pick(&["I<", "ID", "IR", "AC"]) };
                let opt1 = if kgz { pin } else if rng.chance(0.5) { { let k = 1 + rng.below(12); alnum(rng, k) } } else { String::new() };
                let opt2 = if rng.chance(0.2) { { let k = 1 + rng.below(10); alnum(rng, k) } } else { String::new() };
                (code.to_owned(), opt1, opt2)
            }
            _ => {
                let code = *rng.pick(&["P<", "P<", "P<", "PD", "PS"]);
                let opt1 = if kgz { pin } else if rng.chance(0.3) { { let k = 1 + rng.below(13); alnum(rng, k) } } else { String::new() };
                (code.to_owned(), opt1, String::new())
            }
        };
        let empty_optional_check = if format == Format::Td3 && optional_1.is_empty() && rng.chance(0.5) { EmptyCheck::Zero } else { EmptyCheck::Filler };
        let m = Mrz {
            format,
            document_code: code,
            issuing_state: state,
            surname,
            given_names: given,
            document_number: number,
            nationality,
            birth_date: birth,
            sex,
            expiry_date: expiry,
            optional_data_1: optional_1,
            optional_data_2: optional_2,
            empty_optional_check,
        };
        if let Ok(lines) = mrz::compose(&m) {
            return (m, lines);
        }
    }
}

/// MRZ-shaped nonsense: lines of the right lengths, of MRZ characters, that are no MRZ.
pub fn decoy_lines(rng: &mut Rng, format: Format) -> Vec<String> {
    const A: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<<<<<";
    (0..format.line_count()).map(|_| (0..format.line_len()).map(|_| char::from(*rng.pick(A))).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_mrzs_parse_back() {
        let mut rng = Rng::new(1);
        for i in 0..300 {
            let format = if i % 2 == 0 { Format::Td1 } else { Format::Td3 };
            let (m, lines) = random_mrz(&mut rng, format);
            assert_eq!(mrz::parse_lines(&lines), Ok(m));
        }
    }
}
