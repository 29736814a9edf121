//! The one error shape that crosses IPC: a code for programs, a Fluent message id and
//! its arguments for people. The UI translates it; nothing is pre-rendered in Rust.

use std::collections::BTreeMap;

use domain::{DomainError, MessageArg};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{code}: {message} {args:?}")]
pub struct ApiError {
    pub code: String,
    /// Fluent message id, from the files in `locales/ky` and `locales/ru`.
    pub message: String,
    pub args: BTreeMap<String, MessageArg>,
}

impl ApiError {
    pub fn new(code: &str, message: &str) -> ApiError {
        ApiError { code: code.to_owned(), message: message.to_owned(), args: BTreeMap::new() }
    }

    pub fn with(mut self, name: &str, value: impl Into<MessageArg>) -> ApiError {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    /// Several problems (e.g. of an election definition): the first, with the count.
    pub fn from_domain_list(problems: &[DomainError]) -> ApiError {
        match problems.first() {
            Some(first) => ApiError::from(first.clone()).with("problems", problems.len()),
            None => ApiError::new("internal", "error-internal"),
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> ApiError {
        ApiError { code: error.code.to_owned(), message: error.message_id.to_owned(), args: error.args }
    }
}

impl From<store::StoreError> for ApiError {
    fn from(error: store::StoreError) -> ApiError {
        if let store::StoreError::Refused(refusal) = error {
            return ApiError::from(refusal);
        }
        ApiError {
            code: error.code().to_owned(),
            message: error.message_id().to_owned(),
            args: error.args(),
        }
    }
}

impl From<store::register::RegisterError> for ApiError {
    fn from(error: store::register::RegisterError) -> ApiError {
        ApiError { code: error.code().to_owned(), message: error.message_id().to_owned(), args: error.args() }
    }
}
