//! Control relations in words: why a violated one fails ([`Violation::explain`]) and what
//! each one says, for the printed protocol's box of control relations
//! ([`Relation::in_words`]).
//!
//! The sentences live in `locales/{ky,ru}/protocol.ftl`; this module only picks the
//! message and fills its arguments. A side of a relation is passed as its kind
//! (`line`, `options`, `number` or a `sum` of several terms) and the pieces that kind
//! needs: a line's printed number and label (from the form, in the reader's language),
//! values, and for a sum the terms already joined with `+`/`−`. The joined terms hold
//! only numbers, labels and signs, never a word of either language.

use std::collections::BTreeMap;

use super::check::{Side, TermValue, Violation};
use super::expression::{Comparison, Sign, SignedTerm, Term};
use super::form::{ProtocolForm, Relation};
use crate::error::MessageArg;

type Args = BTreeMap<String, MessageArg>;

fn violation_message(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::Equal => "protocol-violation-eq",
        Comparison::AtMost => "protocol-violation-le",
        Comparison::AtLeast => "protocol-violation-ge",
        Comparison::Less => "protocol-violation-lt",
        Comparison::Greater => "protocol-violation-gt",
    }
}

fn relation_message(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::Equal => "protocol-relation-eq",
        Comparison::AtMost => "protocol-relation-le",
        Comparison::AtLeast => "protocol-relation-ge",
        Comparison::Less => "protocol-relation-lt",
        Comparison::Greater => "protocol-relation-gt",
    }
}

/// `"none"` when the relation cites no clause: the messages select on it.
fn clause_arg(clause: Option<&str>) -> MessageArg {
    clause.unwrap_or("none").into()
}

/// The printed numbers of the first and last option lines.
fn option_range(form: &ProtocolForm, option_count: u32) -> (String, String) {
    let last = (option_count as usize).saturating_sub(1);
    (form.option_number(0), form.option_number(last))
}

fn line_number(form: &ProtocolForm, id: &str) -> String {
    form.line(id).map_or_else(|| id.to_owned(), |line| line.number.clone())
}

fn line_label(form: &ProtocolForm, id: &str, language: &str) -> String {
    form.line(id).map_or_else(|| id.to_owned(), |line| line.label.get(language).to_owned())
}

/// Every argument a side's messages use, so that none is ever missing.
fn empty_side(args: &mut Args, side: &str) {
    for name in ["number", "label", "first", "last", "terms"] {
        args.insert(format!("{side}_{name}"), "".into());
    }
    args.insert(format!("{side}_value"), MessageArg::Number(0));
}

fn joiner(index: usize, sign: Sign) -> &'static str {
    match (index, sign) {
        (0, Sign::Plus) => "",
        (0, Sign::Minus) => "− ",
        (_, Sign::Plus) => " + ",
        (_, Sign::Minus) => " − ",
    }
}

impl Violation {
    /// Why this relation fails, as a message of `locales/*/protocol.ftl` and its
    /// arguments: the lines named by number and label in `language` (`ky` or `ru`), with
    /// their values, and the clause.
    pub fn explain(&self, form: &ProtocolForm, language: &str) -> (&'static str, Args) {
        let mut args = Args::new();
        self.explain_side(&mut args, "left", &self.left, form, language);
        self.explain_side(&mut args, "right", &self.right, form, language);
        args.insert("difference".into(), MessageArg::Number(self.difference()));
        args.insert("clause".into(), clause_arg(self.clause.as_deref()));
        (violation_message(self.comparison), args)
    }

    fn explain_side(&self, args: &mut Args, side: &str, values: &Side, form: &ProtocolForm, language: &str) {
        empty_side(args, side);
        args.insert(format!("{side}_value"), MessageArg::Number(values.total));
        let (first, last) = option_range(form, self.option_count);
        let kind = match values.terms.as_slice() {
            [TermValue { sign: Sign::Plus, term: Term::Line { id }, .. }] => {
                args.insert(format!("{side}_number"), line_number(form, id).into());
                args.insert(format!("{side}_label"), line_label(form, id, language).into());
                "line"
            }
            [TermValue { sign: Sign::Plus, term: Term::Options, .. }] => {
                args.insert(format!("{side}_first"), first.into());
                args.insert(format!("{side}_last"), last.into());
                args.insert(format!("{side}_label"), form.options.label.get(language).into());
                "options"
            }
            [TermValue { sign: Sign::Plus, term: Term::Constant { .. }, .. }] => "number",
            terms => {
                let mut text = String::new();
                for (index, term) in terms.iter().enumerate() {
                    text.push_str(joiner(index, term.sign));
                    match &term.term {
                        Term::Line { id } => text.push_str(&format!(
                            "{} «{}» ({})",
                            line_number(form, id),
                            line_label(form, id, language),
                            term.value
                        )),
                        Term::Options => text.push_str(&format!(
                            "{first}–{last} «{}» ({})",
                            form.options.label.get(language),
                            term.value
                        )),
                        Term::Constant { value } => text.push_str(&value.to_string()),
                    }
                }
                args.insert(format!("{side}_terms"), text.into());
                "sum"
            }
        };
        args.insert(format!("{side}_kind"), kind.into());
    }
}

impl Relation {
    /// What the relation says, for the printed protocol's box of control relations: a
    /// message of `locales/*/protocol.ftl` naming the lines by their printed numbers
    /// (the options by the range they take for a contest of `option_count` options).
    pub fn in_words(&self, form: &ProtocolForm, option_count: usize) -> (&'static str, Args) {
        let option_count = u32::try_from(option_count).unwrap_or(u32::MAX);
        let mut args = Args::new();
        print_side(&mut args, "left", &self.left, form, option_count);
        print_side(&mut args, "right", &self.right, form, option_count);
        args.insert("clause".into(), clause_arg(self.clause.as_deref()));
        (relation_message(self.comparison), args)
    }
}

/// A side named by line numbers. Constants are folded into one number said in words
/// ("and the number 3"), so that a bare number is never taken for a line.
fn print_side(args: &mut Args, side: &str, terms: &[SignedTerm], form: &ProtocolForm, option_count: u32) {
    empty_side(args, side);
    let (first, last) = option_range(form, option_count);
    let constant: i128 = terms
        .iter()
        .map(|signed| match signed.term {
            Term::Constant { value } => signed.sign.factor() * i128::from(value),
            _ => 0,
        })
        .sum();
    let named: Vec<&SignedTerm> = terms.iter().filter(|signed| !matches!(signed.term, Term::Constant { .. })).collect();
    let magnitude = i64::try_from(constant.unsigned_abs()).unwrap_or(i64::MAX);
    let kind = match (named.as_slice(), constant) {
        ([], _) => {
            args.insert(format!("{side}_number"), constant.to_string().into());
            args.insert(format!("{side}_value"), MessageArg::Number(i64::try_from(constant).unwrap_or(i64::MAX)));
            "number"
        }
        ([SignedTerm { sign: Sign::Plus, term: Term::Line { id } }], 0) => {
            args.insert(format!("{side}_number"), line_number(form, id).into());
            "line"
        }
        ([SignedTerm { sign: Sign::Plus, term: Term::Options }], 0) => {
            args.insert(format!("{side}_first"), first.clone().into());
            args.insert(format!("{side}_last"), last.clone().into());
            "options"
        }
        (named, constant) => {
            let mut text = String::new();
            for (index, signed) in named.iter().enumerate() {
                text.push_str(joiner(index, signed.sign));
                match &signed.term {
                    Term::Line { id } => text.push_str(&line_number(form, id)),
                    Term::Options => text.push_str(&format!("{first}–{last}")),
                    Term::Constant { .. } => {}
                }
            }
            args.insert(format!("{side}_terms"), text.into());
            args.insert(format!("{side}_number"), magnitude.to_string().into());
            match constant {
                0 => "sum",
                c if c > 0 => "sum-plus-number",
                _ => "sum-minus-number",
            }
        }
    };
    args.insert(format!("{side}_kind"), kind.into());
}
