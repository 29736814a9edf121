//! `uchastok journal verify DB`: walks a station database's hash-chained journal through
//! `store::verify_file` and says, in the chosen language, whether the chain holds.
//! What a problem means is the store's to say (`Problem::message_id`, `args`, worded in
//! `locales/*/journal.ftl`); this module only prints it.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use anyhow::Result;
use i18n::Localizer;

use crate::args;

/// `Ok(true)` when the journal verifies, `Ok(false)` when it does not (the problem is
/// printed); `Err` only when the output cannot be written.
pub fn verify(path: &Path, localizer: &Localizer, out: &mut impl Write) -> Result<bool> {
    let file = path.display().to_string();
    match store::verify_file(path) {
        Ok(head) => {
            let mut hash = String::with_capacity(64);
            for byte in head.hash {
                let _ = write!(hash, "{byte:02x}");
            }
            let count = i64::try_from(head.count).unwrap_or(i64::MAX);
            let text = localizer.message(
                "cli-journal-valid",
                &args([("file", file.into()), ("count", count.into()), ("hash", hash.into())]),
            );
            writeln!(out, "{text}")?;
            Ok(true)
        }
        Err(problem) => {
            let said = localizer.message(problem.message_id(), &problem.args());
            let text =
                localizer.message("cli-journal-invalid", &args([("file", file.into()), ("problem", said.into())]));
            writeln!(out, "{text}")?;
            Ok(false)
        }
    }
}
