//! The fuzz property of the bundle reader (`src-tauri/crates/bundle/fuzz`, for nightly),
//! run on stable over a few thousand seeded mutations of a real signed bundle: whatever
//! the bytes, `bundle::read_and_verify` returns without panicking, and it accepts only
//! the bundle exactly as the station signed it. The same for the key registry reader, and
//! for the paper protocol's QR codes (accepted only with the results that were signed).

use std::panic::{AssertUnwindSafe, catch_unwind};

use bundle::{Limits, Registry};
use sim::SplitMix64;
use uchastok_tests::bundle_kit::{kit, verify};

const MUTATIONS: u64 = 3000;

/// One seeded change of `bytes`: flipped bits, random bytes, a range cut out, copied,
/// moved or overwritten from `other`, the file cut short or lengthened.
fn mutate(bytes: &[u8], other: &[u8], rng: &mut SplitMix64) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let below = |rng: &mut SplitMix64, n: usize| (rng.next_u64() % n.max(1) as u64) as usize;
    let rounds = 1 + below(rng, 4);
    for _ in 0..rounds {
        let len = out.len().max(1);
        match below(rng, 8) {
            0 => {
                let at = below(rng, len);
                if let Some(byte) = out.get_mut(at) {
                    *byte ^= 1 << below(rng, 8);
                }
            }
            1 => {
                let at = below(rng, len);
                if let Some(byte) = out.get_mut(at) {
                    *byte = rng.next_u64() as u8;
                }
            }
            2 => {
                let at = below(rng, len);
                let end = (at + 1 + below(rng, 64)).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            3 => {
                let at = below(rng, len);
                let end = (at + 1 + below(rng, 256)).min(out.len());
                if at < end {
                    let copy: Vec<u8> = out[at..end].to_vec();
                    let to = below(rng, out.len());
                    out.splice(to..to, copy);
                }
            }
            4 => {
                let cut = below(rng, len);
                out.truncate(cut);
            }
            5 => {
                let extra: Vec<u8> = (0..1 + below(rng, 32)).map(|_| rng.next_u64() as u8).collect();
                let at = below(rng, out.len() + 1);
                out.splice(at..at, extra);
            }
            6 if !other.is_empty() => {
                let from = below(rng, other.len());
                let end = (from + 1 + below(rng, 512)).min(other.len());
                let at = below(rng, len).min(out.len());
                let stop = (at + (end - from)).min(out.len());
                out.splice(at..stop, other[from..end].iter().copied());
            }
            _ => {
                // A 32-bit field (a size, an offset, a count) set to an edge value.
                let at = below(rng, len);
                let value = [0u32, 1, 0xffff, 0xffff_ffff, 0x7fff_ffff][below(rng, 5)];
                for (offset, byte) in value.to_le_bytes().iter().enumerate() {
                    if let Some(slot) = out.get_mut(at + offset) {
                        *slot = *byte;
                    }
                }
            }
        }
    }
    out
}

#[test]
fn s72_no_mutated_bundle_panics_or_is_accepted() {
    let kit = kit();
    let mut rng = SplitMix64::new(20_251_130);
    let mut problems = Vec::new();
    for index in 0..MUTATIONS {
        let (base, other) = if index % 4 == 3 { (&kit.bytes, &kit.small) } else { (&kit.small, &kit.bytes) };
        let mutated = mutate(base, other, &mut rng);
        match catch_unwind(AssertUnwindSafe(|| verify(&mutated, &kit.registry))) {
            Err(_) => problems.push(format!("mutation {index} panicked")),
            Ok(Ok(_)) if mutated != *base => problems.push(format!("mutation {index} accepted")),
            Ok(_) => {}
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn no_mutated_registry_panics_or_is_accepted() {
    let kit = kit();
    let file = std::fs::read(kit.dir.path().join(api::demo_bundle::REGISTRY_FILE)).expect("registry file");
    let limits = Limits::default();
    assert!(Registry::open(&file, None, &limits).is_ok());
    let mut rng = SplitMix64::new(7);
    let mut problems = Vec::new();
    for index in 0..MUTATIONS / 3 {
        let mutated = mutate(&file, &kit.small, &mut rng);
        match catch_unwind(AssertUnwindSafe(|| Registry::open(&mutated, None, &limits))) {
            Err(_) => problems.push(format!("mutation {index} panicked")),
            Ok(Ok(_)) if mutated != file => problems.push(format!("mutation {index} accepted")),
            Ok(_) => {}
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn no_mutated_paper_protocol_panics_or_is_accepted() {
    let kit = kit();
    let verified = verify(&kit.bytes, &kit.registry).expect("verifies");
    let codes = bundle::paper::encode(&verified.results, &kit.station, 120).expect("codes");
    assert!(codes.len() > 2, "several parts: {}", codes.len());
    let limits = Limits::default();
    let mut rng = SplitMix64::new(11);
    let mut problems = Vec::new();
    for index in 0..MUTATIONS / 3 {
        let mut mutated = codes.clone();
        let part = (rng.next_u64() % codes.len() as u64) as usize;
        let bytes = mutate(codes[part].as_bytes(), b"UQR1/0123abcd/1/1/", &mut rng);
        mutated[part] = String::from_utf8_lossy(&bytes).into_owned();
        match catch_unwind(AssertUnwindSafe(|| bundle::paper::read(&mutated, &kit.registry, None, &limits))) {
            Err(_) => problems.push(format!("mutation {index} panicked")),
            // A code may be written two ways (a part number "01" for "1", a space at the
            // end): what it says must be what was signed.
            Ok(Ok(paper)) if paper.results != verified.results => {
                problems.push(format!("mutation {index} accepted: {}", mutated[part]));
            }
            Ok(_) => {}
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}
