//! Refusals a rule gives, as a Fluent message id plus its arguments, so that the UI, the
//! CLI and the PDFs can say them in the user's language.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One argument of a translated message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum MessageArg {
    Number(i64),
    Text(String),
}

impl From<&str> for MessageArg {
    fn from(value: &str) -> Self {
        MessageArg::Text(value.to_owned())
    }
}
impl From<String> for MessageArg {
    fn from(value: String) -> Self {
        MessageArg::Text(value)
    }
}
impl From<i64> for MessageArg {
    fn from(value: i64) -> Self {
        MessageArg::Number(value)
    }
}
impl From<usize> for MessageArg {
    fn from(value: usize) -> Self {
        MessageArg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

/// A rule refused a command; nothing was recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message_id} {args:?}")]
pub struct DomainError {
    /// Stable machine code, e.g. `step.already-done`.
    pub code: &'static str,
    /// Fluent message id, from the files in `locales/ky` and `locales/ru`.
    pub message_id: &'static str,
    pub args: BTreeMap<String, MessageArg>,
}

impl DomainError {
    pub fn new(code: &'static str, message_id: &'static str) -> Self {
        Self { code, message_id, args: BTreeMap::new() }
    }

    pub fn with(mut self, name: &str, value: impl Into<MessageArg>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}
