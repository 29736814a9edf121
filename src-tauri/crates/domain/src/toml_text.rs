//! Reading the TOML files people edit by hand (election definitions, protocol forms):
//! a syntax error names its line, counted in bytes so that Cyrillic text cannot put the
//! count off a character boundary.

use serde::de::DeserializeOwned;

use crate::error::DomainError;

/// Deserialises `text` into the loose shape `T`; a syntax error becomes one refusal with
/// the code and message id given, and the arguments `line` and `detail`.
pub fn parse<T: DeserializeOwned>(text: &str, code: &'static str, message_id: &'static str) -> Result<T, Vec<DomainError>> {
    toml::from_str(text).map_err(|error| {
        let line = error
            .span()
            .map(|span| {
                let end = span.start.min(text.len());
                text.as_bytes()[..end].iter().filter(|byte| **byte == b'\n').count() + 1
            })
            .unwrap_or(0);
        vec![DomainError::new(code, message_id).with("line", line).with("detail", error.message().to_owned())]
    })
}
