//! `uchastok verify BUNDLE --registry REGISTRY [--dec-key FINGERPRINT] [--min-sequence N]`:
//! verifies a station's bundle as the district commission does — the registered key
//! only, every file's hash, the allowlist, the journal's chain and checkpoints, the
//! replay recomputing the protocol, the control relations (`bundle::read_and_verify`) —
//! and prints what was verified: the election, the station, the bundle's sequence
//! number (a district keeps the highest it took and passes the next with
//! `--min-sequence`), the checkpoints' fingerprints for the paper minutes, the signers.
//! Both files are read into memory; nothing is extracted.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use bundle::{Limits, Registry, SignerRole, VerifyOptions};
use i18n::Localizer;

use crate::args;

fn number(value: u64) -> domain::MessageArg {
    i64::try_from(value).unwrap_or(i64::MAX).into()
}

/// Reads a whole file, at most `limit` bytes (a bigger one is read up to one byte past
/// the limit, for the verifier to refuse by its size).
fn read_capped(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// `Ok(true)` when the bundle verifies against the registry.
pub fn verify(
    bundle_path: &Path,
    registry_path: &Path,
    dec_key: Option<&str>,
    min_sequence: Option<u64>,
    localizer: &Localizer,
    out: &mut impl Write,
) -> Result<bool> {
    let limits = Limits::default();
    let read = |path: &Path, limit: u64, out: &mut dyn Write| -> Result<Option<Vec<u8>>> {
        match read_capped(path, limit) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) => {
                let said = localizer.message(
                    "cli-verify-cannot-read",
                    &args([("file", path.display().to_string().into()), ("detail", error.to_string().into())]),
                );
                writeln!(out, "{said}")?;
                Ok(None)
            }
        }
    };
    let Some(registry_bytes) = read(registry_path, limits.max_manifest, out)? else { return Ok(false) };
    let registry = match Registry::open(&registry_bytes, dec_key, &limits) {
        Ok(registry) => registry,
        Err(error) => {
            let file = registry_path.display().to_string();
            writeln!(out, "{}", localizer.message("cli-verify-registry-failed", &args([("file", file.into())])))?;
            writeln!(out, "  {} [{}]", localizer.message(error.message_id(), &error.args()), error.code())?;
            return Ok(false);
        }
    };
    let Some(bytes) = read(bundle_path, limits.max_bundle, out)? else { return Ok(false) };
    let options = VerifyOptions { min_sequence, limits };
    let verified = match bundle::read_and_verify(&bytes, &registry, &options) {
        Ok(verified) => verified,
        Err(error) => {
            let file = bundle_path.display().to_string();
            writeln!(out, "{}", localizer.message("cli-verify-failed", &args([("file", file.into())])))?;
            writeln!(out, "  {} [{}]", localizer.message(error.message_id(), &error.args()), error.code())?;
            return Ok(false);
        }
    };
    let manifest = &verified.manifest;
    writeln!(
        out,
        "{}",
        localizer.message(
            "cli-verify-ok",
            &args([
                ("election", manifest.election.clone().into()),
                ("station", manifest.station.clone().into()),
                ("sequence", number(manifest.sequence)),
                ("created", domain::chain::format_at(manifest.created_at).into()),
            ])
        )
    )?;
    for signer in &verified.signers {
        let said = match &signer.role {
            SignerRole::Station => {
                localizer.message("cli-verify-signer-station", &args([("fingerprint", signer.fingerprint.clone().into())]))
            }
            SignerRole::CoSigner { role, name } => localizer.message(
                "cli-verify-signer-member",
                &args([
                    ("role", role.clone().into()),
                    ("name", name.clone().into()),
                    ("fingerprint", signer.fingerprint.clone().into()),
                ]),
            ),
        };
        writeln!(out, "{said}")?;
    }
    writeln!(
        out,
        "{}",
        localizer.message(
            "cli-verify-journal",
            &args([
                ("events", number(verified.head.count)),
                ("head", verified.head.hex().into()),
                ("checkpoints", verified.checkpoints.len().into()),
            ])
        )
    )?;
    for checkpoint in &verified.checkpoints {
        let said = localizer.message(
            "cli-verify-checkpoint",
            &args([
                ("seq", number(checkpoint.seq)),
                ("at", domain::chain::format_at(checkpoint.at).into()),
                ("fingerprint", checkpoint.fingerprint.clone().into()),
            ]),
        );
        writeln!(out, "  {said}")?;
    }
    let protocol_number = number(u64::from(verified.results.protocol_number));
    writeln!(out, "{}", localizer.message("cli-verify-results", &args([("number", protocol_number)])))?;
    Ok(true)
}
