//! A deterministic stand-in for the cargo-fuzz target (`fuzz/`): a few
//! hundred thousand pseudo-random and mutated inputs, fed to the parser. No
//! input may panic, and every answer must be self-consistent.

use mrz::{Format, MrzErrors, compose, compose_text, parse, parse_lines};

/// SplitMix64: tiny, seeded, good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const SEEDS: &[&str] = &[
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6",
    "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<",
    "I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<\nD23145890<UTO3407127M95071227349<<<8",
    "IDKGZID1234567321505199012345<\n9005156M3106143KGZ<<<<<<<<<<<1\nASANOV<<AZAMAT<<<<<<<<<<<<<<<<",
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159<<<<<<<<<<<<<<08",
];

const ALPHABET: &[char] = &[
    'A', 'B', 'C', 'D', 'I', 'K', 'M', 'O', 'P', 'S', 'X', 'Z', '0', '1', '2', '5', '8', '9', '<',
    '<', '<', '\n', '\r', ' ', '\t', 'a', 'z', 'О', 'З', '«', '€', '\u{0}', '\u{FEFF}', '𝐀',
];

fn mrz_char(rng: &mut Rng) -> char {
    let b = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<";
    char::from(b[rng.below(b.len())])
}

/// One random edit of `s` (by characters, so any UTF-8 stays valid).
fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    match rng.below(9) {
        0..=2 if n > 0 => {
            let i = rng.below(n);
            chars[i] = mrz_char(rng);
        }
        3 if n > 0 => {
            let i = rng.below(n);
            chars[i] = rng.pick(ALPHABET);
        }
        4 => {
            let i = rng.below(n + 1);
            chars.insert(
                i,
                if rng.below(2) == 0 {
                    mrz_char(rng)
                } else {
                    rng.pick(ALPHABET)
                },
            );
        }
        5 if n > 0 => {
            chars.remove(rng.below(n));
        }
        6 if n > 1 => {
            let i = rng.below(n - 1);
            chars.swap(i, i + 1);
        }
        7 => {
            // Drop or duplicate a whole line, or join two.
            let mut lines: Vec<String> = chars
                .iter()
                .collect::<String>()
                .split('\n')
                .map(str::to_owned)
                .collect();
            let i = rng.below(lines.len());
            match rng.below(3) {
                0 => {
                    lines.remove(i);
                }
                1 => {
                    let l = lines[i].clone();
                    lines.insert(i, l);
                }
                _ if i + 1 < lines.len() => {
                    let next = lines.remove(i + 1);
                    lines[i].push_str(&next);
                }
                _ => {}
            }
            return lines.join("\n");
        }
        _ => {
            // Truncate or pad.
            if rng.below(2) == 0 {
                chars.truncate(rng.below(n + 1));
            } else {
                for _ in 0..rng.below(4) {
                    chars.push(if rng.below(2) == 0 { '<' } else { ' ' });
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn random_text(rng: &mut Rng) -> String {
    let len = rng.below(140);
    (0..len)
        .map(|_| {
            if rng.below(3) == 0 {
                rng.pick(ALPHABET)
            } else {
                mrz_char(rng)
            }
        })
        .collect()
}

/// A random text shaped like an MRZ: right number of lines of the right
/// length, random MRZ characters (almost always invalid, but deep in the
/// field checks rather than stopped at the length check).
fn random_shaped(rng: &mut Rng) -> String {
    let format = rng.pick(&Format::ALL);
    (0..format.line_count())
        .map(|_| {
            (0..format.line_len())
                .map(|_| mrz_char(rng))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The non-blank lines of `text`, trailing whitespace removed, concatenated:
/// what a successful parse must compose back to.
fn normalized(text: &str) -> String {
    text.split('\n').map(str::trim_end).collect::<String>()
}

fn check_errors(text: &str, e: &MrzErrors) {
    assert!(!e.errors.is_empty(), "no errors for {text:?}");
    if let Some(format) = e.format {
        for err in &e.errors {
            if let Some(span) = err.span() {
                assert!(
                    span.line >= 1 && span.line <= format.line_count(),
                    "{err:?} in {text:?}"
                );
                assert!(span.column >= 1, "{err:?}");
                assert!(
                    span.column + span.len - 1 <= format.line_len(),
                    "{err:?} in {text:?}"
                );
            }
        }
    }
    let _ = e.to_string();
}

fn check(text: &str, stats: &mut [usize; 2]) {
    let first = parse(text);
    // Deterministic, and the slice form agrees.
    let lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(parse_lines(&lines), first, "{text:?}");
    match &first {
        Ok(m) => {
            stats[0] += 1;
            let composed =
                compose(m).unwrap_or_else(|e| panic!("parsed {text:?} but cannot compose: {e}"));
            assert_eq!(composed.concat(), normalized(text), "{text:?}");
            let again = compose_text(m).map(|t| parse(&t));
            assert_eq!(again, Ok(Ok(m.clone())));
        }
        Err(e) => {
            stats[1] += 1;
            check_errors(text, e);
        }
    }
}

#[test]
fn hundreds_of_thousands_of_inputs_never_panic_and_stay_consistent() {
    let mut rng = Rng(0x5EED_4D52_5A00_0001);
    let mut stats = [0usize; 2];
    let mut total = 0usize;

    // Mutants of valid MRZs, one to a few edits deep.
    for _ in 0..150_000 {
        let mut s = rng.pick(SEEDS).to_owned();
        for _ in 0..=rng.below(3) {
            s = mutate(&mut rng, &s);
        }
        check(&s, &mut stats);
        total += 1;
    }
    // MRZ-shaped noise: reaches every field check.
    for _ in 0..100_000 {
        let s = random_shaped(&mut rng);
        check(&s, &mut stats);
        total += 1;
    }
    // Free noise, of any length, with line breaks and odd characters.
    for _ in 0..50_000 {
        let s = random_text(&mut rng);
        check(&s, &mut stats);
        total += 1;
    }
    // Exhaustive single-character edits of every seed.
    for seed in SEEDS {
        let chars: Vec<char> = seed.chars().collect();
        for i in 0..chars.len() {
            for &c in ALPHABET
                .iter()
                .chain(['E', 'F', 'L', 'Q', '3', '4', '6', '7'].iter())
            {
                let mut v = chars.clone();
                v[i] = c;
                check(&v.iter().collect::<String>(), &mut stats);
                total += 1;
            }
        }
    }

    eprintln!("{total} inputs: {} parsed, {} rejected", stats[0], stats[1]);
    assert_eq!(stats[0] + stats[1], total);
    // Sanity: the corpus exercises both outcomes.
    assert!(stats[0] > 1_000, "valid: {}", stats[0]);
    assert!(stats[1] > 100_000, "invalid: {}", stats[1]);
}
