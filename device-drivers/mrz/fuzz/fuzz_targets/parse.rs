//! Fuzz the MRZ parser: no input may panic, and whatever parses must compose
//! back to the same text and parse again to the same fields.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match mrz::parse(text) {
        Ok(fields) => {
            let lines = match mrz::compose(&fields) {
                Ok(lines) => lines,
                Err(e) => panic!("parsed {text:?} but cannot compose it: {e}"),
            };
            let normalized: String = text.split('\n').map(str::trim_end).collect();
            assert_eq!(lines.concat(), normalized);
            assert_eq!(mrz::parse(&lines.join("\n")), Ok(fields));
        }
        Err(e) => assert!(!e.errors.is_empty()),
    }
});
