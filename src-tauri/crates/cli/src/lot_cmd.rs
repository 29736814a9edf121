//! `uchastok lot verify RECORD`: re-runs a lot drawing from its record (the JSON the app
//! saves beside the printed record) and says whether the commitment, the seed and the
//! assignment all follow (§32, §24). The arithmetic is `domain::lot::verify`; this module
//! reads the file and prints the verdict.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use domain::lot::{LotMismatch, LotRecord};
use i18n::Localizer;

use crate::args;

/// `Ok(true)` when the record re-runs to the same assignment.
pub fn verify(path: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let file = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            let said = localizer
                .message("cli-error-read-file", &args([("file", file.into()), ("detail", error.to_string().into())]));
            writeln!(out, "{said}")?;
            return Ok(false);
        }
    };
    let record: LotRecord = match serde_json::from_str(&text) {
        Ok(record) => record,
        Err(error) => {
            let said =
                localizer.message("cli-lot-bad-record", &args([("file", file.into()), ("detail", error.to_string().into())]));
            writeln!(out, "{said}")?;
            return Ok(false);
        }
    };
    match domain::lot::verify(&record) {
        Ok(()) => {
            let count = i64::try_from(record.assignment.len()).unwrap_or(i64::MAX);
            let said = localizer.message("cli-lot-valid", &args([("file", file.into()), ("count", count.into())]));
            writeln!(out, "{said}")?;
            for assignment in &record.assignment {
                let duty = localizer.text(&format!("duty-{}", duty_name(assignment.duty)));
                writeln!(out, "  {} — {duty}", assignment.member_id)?;
            }
            Ok(true)
        }
        Err(mismatch) => {
            let reason = match mismatch {
                LotMismatch::BadSecret => "cli-lot-bad-secret",
                LotMismatch::Commitment => "cli-lot-commitment",
                LotMismatch::Seed => "cli-lot-seed",
                LotMismatch::Assignment => "cli-lot-assignment",
            };
            let said = localizer
                .message("cli-lot-invalid", &args([("file", file.into()), ("reason", localizer.text(reason).into())]));
            writeln!(out, "{said}")?;
            Ok(false)
        }
    }
}

fn duty_name(duty: domain::lot::Duty) -> String {
    serde_json::to_value(duty).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}
