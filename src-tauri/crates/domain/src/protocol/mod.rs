//! The results protocol (§35, §52–63; remote voting R5.5–R5.6) as data: the form's
//! lines, where a contest's ballot options go, and the control relations between the
//! figures, checked with explanations in words.
//!
//! The seeds do not fix the CEC's line numbering or its control relations (§63 leaves
//! them to the CEC), so forms are files (`assets/protocol-forms/*.toml`, format in
//! `docs/protocol-form.md`) that can be replaced for each election without touching code.
//! Two are shipped and embedded: `pec-regular` (regular and abroad stations, one protocol
//! per contest) and `pec-remote-district` (a remote-voting station, one electronic
//! protocol per district, R5.5).
//!
//! Owns: the form format and its validation ([`parse_form`]), the relation language
//! ([`expression`]), a contest's figures ([`ContestProtocol`]), the check ([`check`]) and
//! the sentences' arguments ([`Violation::explain`], [`Relation::in_words`]).
//!
//! Never: formats text itself (the words are in `locales/*/protocol.ftl`), reads a file
//! at run time, or records anything — wiring the protocol into the journal belongs to the
//! count procedures.

pub mod check;
pub mod expression;
pub mod form;
pub mod words;

use std::sync::OnceLock;

pub use check::{ContestProtocol, Side, TermValue, Violation, check};
pub use expression::{Comparison, Sign, SignedTerm, Term};
pub use form::{FormLine, Line, LineKind, OptionLines, ProtocolForm, Relation, parse_form};

use crate::election::StationKind;
use crate::error::DomainError;

/// The forms shipped with the app, as (file name, text).
pub const SHIPPED_FORMS: [(&str, &str); 2] = [
    ("pec-regular.toml", include_str!("../../../../../assets/protocol-forms/pec-regular.toml")),
    ("pec-remote-district.toml", include_str!("../../../../../assets/protocol-forms/pec-remote-district.toml")),
];

fn shipped() -> &'static [Result<ProtocolForm, Vec<DomainError>>] {
    static FORMS: OnceLock<Vec<Result<ProtocolForm, Vec<DomainError>>>> = OnceLock::new();
    FORMS.get_or_init(|| SHIPPED_FORMS.iter().map(|(_, text)| parse_form(text)).collect())
}

/// The shipped form that a station of `kind` fills in, once per contest. A shipped form
/// that does not parse (the tests make sure none does) comes back as its problems.
pub fn form_for(kind: StationKind) -> Result<&'static ProtocolForm, Vec<DomainError>> {
    let mut problems = Vec::new();
    for parsed in shipped() {
        match parsed {
            Ok(form) if form.applies_to(kind) => return Ok(form),
            Ok(_) => {}
            Err(errors) => problems.extend(errors.iter().cloned()),
        }
    }
    if problems.is_empty() {
        let kind_name = StationKind::ALL.iter().find(|(_, k)| *k == kind).map_or("", |(name, _)| *name);
        problems.push(DomainError::new("protocol.no-form", "protocol-error-no-form").with("value", kind_name));
    }
    Err(problems)
}
