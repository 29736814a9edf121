//! Fuzz the bundle reader: no input may panic or be accepted. The input is tried as a
//! bundle (against a registry of a fixed key, which no fuzzed bundle carries a valid
//! signature of — the container, the envelope and every refusal before the signature
//! are what is exercised), as a key registry, and, cut into lines, as the QR codes of a
//! paper protocol.

#![no_main]

use bundle::{Ed25519Signer, Limits, RegisteredStation, Registry, Signer, VerifyOptions};
use libfuzzer_sys::fuzz_target;

fn registry() -> Registry {
    let key = Ed25519Signer::from_seed(&[7; 32]).map(|signer| signer.public_key());
    let key = match key {
        Ok(key) => key,
        Err(error) => panic!("a fixed seed makes a key: {error}"),
    };
    Registry {
        format: bundle::registry::REGISTRY_FORMAT,
        election: "demo-jk-2025".into(),
        training: true,
        commission: "fuzz".into(),
        issued_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
        dec_key: key.clone(),
        stations: vec![RegisteredStation {
            station: "9021".into(),
            key,
            valid_from: chrono::DateTime::<chrono::Utc>::MIN_UTC,
            valid_until: chrono::DateTime::<chrono::Utc>::MAX_UTC,
            co_signers: Vec::new(),
        }],
    }
}

fuzz_target!(|data: &[u8]| {
    let registry = registry();
    if bundle::read_and_verify(data, &registry, &VerifyOptions::default()).is_ok() {
        panic!("a fuzzed bundle verified");
    }
    let _ = Registry::open(data, None, &Limits::default());
    let codes: Vec<String> = String::from_utf8_lossy(data).lines().map(str::to_owned).collect();
    if bundle::paper::read(&codes, &registry, None, &Limits::default()).is_ok() {
        panic!("fuzzed QR codes verified");
    }
});
