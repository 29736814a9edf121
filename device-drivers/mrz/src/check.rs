//! The ICAO 9303 check digit (Doc 9303 Part 3, "check digits in the MRZ").

/// Weights applied cyclically from the first character of the checked data.
const WEIGHTS: [u32; 3] = [7, 3, 1];

/// The numeric value of one MRZ character: `0`–`9` are 0–9, `A`–`Z` are
/// 10–35 and the filler `<` is 0. Anything else has no value.
pub fn char_value(c: char) -> Option<u32> {
    u8::try_from(c).ok().and_then(byte_value)
}

fn byte_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The check digit (0–9) of `data`, a run of MRZ characters, computed with
/// the weights 7-3-1 modulo 10. `None` when `data` holds a character outside
/// `A`–`Z`, `0`–`9`, `<`.
///
/// ```
/// assert_eq!(mrz::check_digit("L898902C3"), Some(6));
/// assert_eq!(mrz::check_digit("740812"), Some(2));
/// assert_eq!(mrz::check_digit("<<<<<<"), Some(0));
/// assert_eq!(mrz::check_digit("l898"), None);
/// ```
pub fn check_digit(data: &str) -> Option<u8> {
    check_digit_bytes(data.as_bytes())
}

/// [`check_digit`] over bytes.
pub(crate) fn check_digit_bytes(data: &[u8]) -> Option<u8> {
    let mut sum: u32 = 0;
    for (i, &c) in data.iter().enumerate() {
        let v = byte_value(c)?;
        sum = (sum + v * WEIGHTS[i % 3]) % 10;
    }
    u8::try_from(sum).ok()
}

/// The ASCII digit for a check-digit value 0–9.
pub(crate) fn digit_char(d: u8) -> u8 {
    b'0' + (d % 10)
}
