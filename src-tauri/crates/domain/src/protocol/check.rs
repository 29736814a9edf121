//! A contest's figures and the control relations checked against them (§63).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::expression::{Comparison, Sign, Term};
use super::form::ProtocolForm;
use crate::election::Contest;
use crate::error::DomainError;

/// The figures of one contest's protocol: a value for every line of the form and the
/// votes of every ballot option of the contest. Built by [`ContestProtocol::new`], which
/// refuses a missing or unknown line or option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContestProtocol {
    /// The form's id.
    pub form: String,
    /// The contest's id.
    pub contest: String,
    /// Line id → value.
    #[ts(type = "Record<string, number>")]
    lines: BTreeMap<String, u64>,
    /// Option id → votes.
    #[ts(type = "Record<string, number>")]
    options: BTreeMap<String, u64>,
}

impl ContestProtocol {
    /// Checks that `lines` has exactly the form's lines and `options` exactly the
    /// contest's options; otherwise every line or option at fault, by id and number.
    pub fn new(
        form: &ProtocolForm,
        contest: &Contest,
        lines: BTreeMap<String, u64>,
        options: BTreeMap<String, u64>,
    ) -> Result<ContestProtocol, Vec<DomainError>> {
        let mut problems = Vec::new();
        for line in &form.lines {
            if !lines.contains_key(&line.id) {
                problems.push(
                    DomainError::new("protocol.missing-figure", "protocol-error-missing-figure")
                        .with("line", line.id.as_str())
                        .with("number", line.number.as_str()),
                );
            }
        }
        for id in lines.keys().filter(|id| form.line(id).is_none()) {
            problems.push(DomainError::new("protocol.unknown-figure", "protocol-error-unknown-figure").with("line", id.as_str()));
        }
        for (index, option) in contest.options.iter().enumerate() {
            if !options.contains_key(&option.id) {
                problems.push(
                    DomainError::new("protocol.missing-votes", "protocol-error-missing-votes")
                        .with("option", option.id.as_str())
                        .with("number", form.option_number(index)),
                );
            }
        }
        for id in options.keys().filter(|id| !contest.options.iter().any(|option| &option.id == *id)) {
            problems.push(
                DomainError::new("protocol.unknown-option", "protocol-error-unknown-option")
                    .with("option", id.as_str())
                    .with("contest", contest.id.as_str()),
            );
        }
        if problems.is_empty() {
            Ok(ContestProtocol { form: form.id.clone(), contest: contest.id.clone(), lines, options })
        } else {
            Err(problems)
        }
    }

    pub fn line(&self, id: &str) -> Option<u64> {
        self.lines.get(id).copied()
    }

    pub fn votes(&self, option: &str) -> Option<u64> {
        self.options.get(option).copied()
    }

    pub fn lines(&self) -> &BTreeMap<String, u64> {
        &self.lines
    }

    pub fn options(&self) -> &BTreeMap<String, u64> {
        &self.options
    }
}

/// A term of a violated relation with the value it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermValue {
    pub sign: Sign,
    pub term: Term,
    #[ts(type = "number")]
    pub value: u64,
}

/// One side of a violated relation: its terms and their signed total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Side {
    pub terms: Vec<TermValue>,
    #[ts(type = "number")]
    pub total: i64,
}

/// A control relation that the figures break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Violation {
    /// The relation's id in the form.
    pub relation: String,
    pub clause: Option<String>,
    pub comparison: Comparison,
    pub left: Side,
    pub right: Side,
    /// How many options the contest has, so that `sum(options)` can be named by its
    /// printed lines.
    pub option_count: u32,
}

impl Violation {
    /// By how much the two sides differ, always ≥ 0.
    pub fn difference(&self) -> i64 {
        (i128::from(self.left.total) - i128::from(self.right.total))
            .unsigned_abs()
            .try_into()
            .unwrap_or(i64::MAX)
    }
}

/// Every relation of `form` that `protocol`'s figures break, in the form's order. A
/// figure the protocol lacks counts as 0 ([`ContestProtocol::new`] never lets one lack).
pub fn check(form: &ProtocolForm, contest: &Contest, protocol: &ContestProtocol) -> Vec<Violation> {
    let options_total: u128 = contest
        .options
        .iter()
        .map(|option| u128::from(protocol.votes(&option.id).unwrap_or(0)))
        .sum();
    let value = |term: &Term| -> u128 {
        match term {
            Term::Line { id } => u128::from(protocol.line(id).unwrap_or(0)),
            Term::Options => options_total,
            Term::Constant { value } => u128::from(*value),
        }
    };
    let side = |terms: &[super::expression::SignedTerm]| -> (Side, i128) {
        let mut total: i128 = 0;
        let mut values = Vec::with_capacity(terms.len());
        for signed in terms {
            let amount = value(&signed.term);
            // Figures are u64, so a term fits in i128 with room for many of them.
            let amount_signed = i128::try_from(amount).unwrap_or(i128::MAX);
            total = total.saturating_add(signed.sign.factor() * amount_signed);
            values.push(TermValue {
                sign: signed.sign,
                term: signed.term.clone(),
                value: u64::try_from(amount).unwrap_or(u64::MAX),
            });
        }
        let shown = i64::try_from(total).unwrap_or(if total < 0 { i64::MIN } else { i64::MAX });
        (Side { terms: values, total: shown }, total)
    };
    let option_count = u32::try_from(contest.options.len()).unwrap_or(u32::MAX);
    form.relations
        .iter()
        .filter_map(|relation| {
            let (left, left_total) = side(&relation.left);
            let (right, right_total) = side(&relation.right);
            (!relation.comparison.holds(left_total, right_total)).then(|| Violation {
                relation: relation.id.clone(),
                clause: relation.clause.clone(),
                comparison: relation.comparison,
                left,
                right,
                option_count,
            })
        })
        .collect()
}
