//! The protocol form file: its lines, where the contest's ballot options go, and its
//! control relations. The format is TOML, documented in `docs/protocol-form.md`.
//!
//! As for the election definition, parsing goes in two steps: serde reads loose `Raw*`
//! structs (every field optional, unknown keys kept aside), then [`validate`] builds the
//! typed [`ProtocolForm`] and names every bad field with its own message, so that whoever
//! edits a form for the next election sees all its problems at once.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::expression::{CheckError, CheckErrorKind, Comparison, SignedTerm, Term, parse_check};
use crate::election::{Contest, LocalizedText, StationKind};
use crate::error::DomainError;

/// The version of the form format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// A validated protocol form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProtocolForm {
    pub id: String,
    pub title: LocalizedText,
    /// The kinds of station whose commissions fill this form in.
    pub station_kinds: Vec<StationKind>,
    /// For the people who maintain the form: where its lines and relations come from.
    pub note: String,
    /// The form's own lines, in printed order (the options are placed by `options`).
    pub lines: Vec<Line>,
    pub options: OptionLines,
    pub relations: Vec<Relation>,
}

/// A line of the form: one figure the commission writes in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Line {
    /// Kebab-case; what relations and the journal name it by.
    pub id: String,
    /// As printed: `"1"`, `"9а"`.
    pub number: String,
    pub label: LocalizedText,
    /// Where the law names this figure, e.g. `"§52"`.
    pub clause: Option<String>,
}

/// Where the contest's ballot options go: one line each, in the contest's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OptionLines {
    /// The line they follow.
    pub after: String,
    /// The printed number of the first option; the next ones count up from it.
    pub number_from: u32,
    /// The heading of the block of options, also what `sum(options)` is called in words.
    pub label: LocalizedText,
}

/// A control relation (§63): `check` must hold between the figures of a contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Relation {
    pub id: String,
    /// As written in the form.
    pub check: String,
    pub clause: Option<String>,
    pub comparison: Comparison,
    pub left: Vec<SignedTerm>,
    pub right: Vec<SignedTerm>,
}

/// How a relation depends on the figures: left minus right, collected per line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coefficients {
    pub lines: BTreeMap<String, i128>,
    pub options: i128,
    pub constant: i128,
}

impl Relation {
    pub fn coefficients(&self) -> Coefficients {
        let mut result = Coefficients::default();
        let sides = [(1i128, &self.left), (-1i128, &self.right)];
        for (side, terms) in sides {
            for signed in terms {
                let factor = side * signed.sign.factor();
                match &signed.term {
                    Term::Line { id } => *result.lines.entry(id.clone()).or_default() += factor,
                    Term::Options => result.options += factor,
                    Term::Constant { value } => result.constant += factor * i128::from(*value),
                }
            }
        }
        result.lines.retain(|_, coefficient| *coefficient != 0);
        result
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LineKind {
    /// A line of the form.
    Line,
    /// A ballot option of the contest.
    Option,
}

/// One printed line of a contest's protocol, as the UI and the printed protocol show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FormLine {
    pub kind: LineKind,
    /// The line's id, or the ballot option's id.
    pub id: String,
    pub number: String,
    /// The line's label, or the option's name.
    pub label: LocalizedText,
    pub clause: Option<String>,
}

impl ProtocolForm {
    pub fn applies_to(&self, kind: StationKind) -> bool {
        self.station_kinds.contains(&kind)
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|line| line.id == id)
    }

    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.relations.iter().find(|relation| relation.id == id)
    }

    /// The printed number of the option at `index` (from 0) of a contest.
    pub fn option_number(&self, index: usize) -> String {
        (u64::from(self.options.number_from) + index as u64).to_string()
    }

    /// Every line of the contest's protocol in printed order, the options in the place
    /// the form gives them.
    pub fn lines_for(&self, contest: &Contest) -> Vec<FormLine> {
        let mut lines = Vec::with_capacity(self.lines.len() + contest.options.len());
        for line in &self.lines {
            lines.push(FormLine {
                kind: LineKind::Line,
                id: line.id.clone(),
                number: line.number.clone(),
                label: line.label.clone(),
                clause: line.clause.clone(),
            });
            if line.id == self.options.after {
                for (index, option) in contest.options.iter().enumerate() {
                    lines.push(FormLine {
                        kind: LineKind::Option,
                        id: option.id.clone(),
                        number: self.option_number(index),
                        label: option.name.clone(),
                        clause: None,
                    });
                }
            }
        }
        lines
    }
}

// ---------------------------------------------------------------------------------------
// The loose shape of the file.

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawText {
    Same(String),
    Both { ky: Option<String>, ru: Option<String> },
}

#[derive(Debug, Default, Deserialize)]
struct RawForm {
    format: Option<i64>,
    id: Option<String>,
    title: Option<RawText>,
    station_kinds: Option<Vec<String>>,
    note: Option<String>,
    #[serde(default)]
    line: Vec<RawLine>,
    options: Option<RawOptions>,
    #[serde(default)]
    relation: Vec<RawRelation>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct RawLine {
    id: Option<String>,
    /// A string `"9а"` or a bare integer `9`.
    number: Option<toml::Value>,
    label: Option<RawText>,
    clause: Option<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct RawOptions {
    after: Option<String>,
    number_from: Option<i64>,
    label: Option<RawText>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct RawRelation {
    id: Option<String>,
    check: Option<String>,
    clause: Option<String>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

/// Parses and validates a form; on failure, every problem found, each naming its field.
pub fn parse_form(text: &str) -> Result<ProtocolForm, Vec<DomainError>> {
    let raw: RawForm = crate::toml_text::parse(text, "protocol.syntax", "protocol-error-syntax")?;
    validate(raw)
}

struct Problems(Vec<DomainError>);

impl Problems {
    fn add(&mut self, code: &'static str, message_id: &'static str, field: &str) -> &mut DomainError {
        self.0.push(DomainError::new(code, message_id).with("field", field));
        let last = self.0.len() - 1;
        &mut self.0[last]
    }

    fn missing(&mut self, field: &str) {
        self.add("protocol.missing-field", "protocol-error-missing-field", field);
    }

    fn unknown_keys(&mut self, unknown: &BTreeMap<String, toml::Value>, field: &str) {
        for key in unknown.keys() {
            let path = if field.is_empty() { key.clone() } else { format!("{field}.{key}") };
            self.add("protocol.unknown-field", "protocol-error-unknown-field", &path);
        }
    }

    fn required_text(&mut self, value: &Option<String>, field: &str) -> String {
        match value.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => text.to_owned(),
            _ => {
                self.missing(field);
                String::new()
            }
        }
    }

    fn localized(&mut self, value: &Option<RawText>, field: &str) -> LocalizedText {
        match value {
            Some(RawText::Same(text)) if !text.trim().is_empty() => {
                LocalizedText { ky: text.trim().to_owned(), ru: text.trim().to_owned() }
            }
            Some(RawText::Both { ky, ru }) => LocalizedText {
                ky: self.required_text(ky, &format!("{field}.ky")),
                ru: self.required_text(ru, &format!("{field}.ru")),
            },
            _ => {
                self.missing(field);
                LocalizedText { ky: String::new(), ru: String::new() }
            }
        }
    }

    /// A kebab-case id: lowercase ASCII letters and digits in words joined by single
    /// hyphens, starting with a letter.
    fn kebab_id(&mut self, value: &Option<String>, field: &str) -> String {
        let id = self.required_text(value, field);
        if !id.is_empty() && !is_kebab_case(&id) {
            self.add("protocol.bad-id", "protocol-error-bad-id", field).args.insert("value".into(), id.clone().into());
        }
        id
    }
}

pub(crate) fn is_kebab_case(id: &str) -> bool {
    id.split('-').all(|word| {
        !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
    }) && id.starts_with(|c: char| c.is_ascii_lowercase())
}

fn optional_text(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned)
}

fn validate(raw: RawForm) -> Result<ProtocolForm, Vec<DomainError>> {
    let mut problems = Problems(Vec::new());
    problems.unknown_keys(&raw.unknown, "");

    match raw.format {
        None => problems.missing("format"),
        Some(version) if version == i64::from(FORMAT_VERSION) => {}
        Some(version) => {
            problems.add("protocol.format-version", "protocol-error-format-version", "format").args.extend([
                ("value".to_owned(), version.into()),
                ("supported".to_owned(), i64::from(FORMAT_VERSION).into()),
            ]);
        }
    }
    let id = problems.required_text(&raw.id, "id");
    let title = problems.localized(&raw.title, "title");
    let station_kinds = validate_station_kinds(&mut problems, raw.station_kinds.as_deref());
    let note = problems.required_text(&raw.note, "note");

    let lines = validate_lines(&mut problems, &raw.line);
    let line_ids: BTreeSet<&str> = lines.iter().map(|line| line.id.as_str()).collect();
    let options = validate_options(&mut problems, raw.options.as_ref(), &lines);

    let mut relations = Vec::with_capacity(raw.relation.len());
    let mut relation_ids = BTreeSet::new();
    let mut every_check_read = true;
    for (index, raw_relation) in raw.relation.iter().enumerate() {
        let field = format!("relation[{}]", index + 1);
        problems.unknown_keys(&raw_relation.unknown, &field);
        let relation_id = problems.kebab_id(&raw_relation.id, &format!("{field}.id"));
        if !relation_id.is_empty() && !relation_ids.insert(relation_id.clone()) {
            problems
                .add("protocol.duplicate-relation", "protocol-error-duplicate-relation", &format!("{field}.id"))
                .args
                .insert("value".into(), relation_id.clone().into());
        }
        let check_field = format!("{field}.check");
        let check = problems.required_text(&raw_relation.check, &check_field);
        if check.is_empty() {
            every_check_read = false;
            continue;
        }
        let parsed = match parse_check(&check) {
            Ok(parsed) => parsed,
            Err(error) => {
                every_check_read = false;
                problems.0.push(check_problem(&error, &check_field, &relation_id));
                continue;
            }
        };
        let mut unknown_line = false;
        for (name, position) in &parsed.lines_named {
            if !line_ids.contains(name.as_str()) {
                unknown_line = true;
                problems.add("protocol.unknown-line", "protocol-error-unknown-line", &check_field).args.extend([
                    ("relation".to_owned(), relation_id.clone().into()),
                    ("value".to_owned(), name.clone().into()),
                    ("position".to_owned(), (*position).into()),
                ]);
            }
        }
        let relation = Relation {
            id: relation_id.clone(),
            check,
            clause: optional_text(&raw_relation.clause),
            comparison: parsed.comparison,
            left: parsed.left,
            right: parsed.right,
        };
        let coefficients = relation.coefficients();
        if unknown_line {
            every_check_read = false;
        } else if coefficients.lines.is_empty() && coefficients.options == 0 {
            problems
                .add("protocol.constant-relation", "protocol-error-constant-relation", &check_field)
                .args
                .insert("relation".into(), relation_id.into());
        }
        relations.push(relation);
    }

    // Which lines an equality pins down. Only meaningful once every check was read: a
    // relation that failed to parse would otherwise make its lines look uncovered.
    if every_check_read {
        let mut pinned: BTreeSet<String> = BTreeSet::new();
        let mut options_pinned = false;
        for relation in relations.iter().filter(|relation| relation.comparison == Comparison::Equal) {
            let coefficients = relation.coefficients();
            pinned.extend(coefficients.lines.into_keys());
            options_pinned |= coefficients.options != 0;
        }
        for (index, line) in lines.iter().enumerate() {
            if !line.id.is_empty() && !pinned.contains(&line.id) {
                problems
                    .add("protocol.line-not-in-equality", "protocol-error-line-not-in-equality", &format!("line[{}]", index + 1))
                    .args
                    .extend([("value".to_owned(), line.id.clone().into()), ("number".to_owned(), line.number.clone().into())]);
            }
        }
        if !options_pinned {
            problems.add("protocol.options-not-in-equality", "protocol-error-options-not-in-equality", "options");
        }
    }

    match (problems.0.is_empty(), options) {
        (true, Some(options)) => {
            Ok(ProtocolForm { id, title, station_kinds, note, lines, options, relations })
        }
        _ => Err(problems.0),
    }
}

fn validate_station_kinds(problems: &mut Problems, raw: Option<&[String]>) -> Vec<StationKind> {
    let Some(raw) = raw.filter(|kinds| !kinds.is_empty()) else {
        problems.missing("station_kinds");
        return Vec::new();
    };
    let mut kinds = Vec::with_capacity(raw.len());
    for (index, given) in raw.iter().enumerate() {
        let field = format!("station_kinds[{}]", index + 1);
        match StationKind::ALL.iter().find(|(name, _)| *name == given.trim()) {
            Some((_, kind)) if kinds.contains(kind) => {
                problems
                    .add("protocol.duplicate-station-kind", "protocol-error-duplicate-station-kind", &field)
                    .args
                    .insert("value".into(), given.clone().into());
            }
            Some((_, kind)) => kinds.push(*kind),
            None => {
                let allowed: Vec<&str> = StationKind::ALL.iter().map(|(name, _)| *name).collect();
                problems.add("protocol.unknown-station-kind", "protocol-error-unknown-station-kind", &field).args.extend([
                    ("value".to_owned(), given.clone().into()),
                    ("allowed".to_owned(), allowed.join(", ").into()),
                ]);
            }
        }
    }
    kinds
}

fn validate_lines(problems: &mut Problems, raw: &[RawLine]) -> Vec<Line> {
    if raw.is_empty() {
        problems.add("protocol.no-lines", "protocol-error-no-lines", "line");
    }
    let mut ids = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    let mut lines = Vec::with_capacity(raw.len());
    for (index, raw_line) in raw.iter().enumerate() {
        let field = format!("line[{}]", index + 1);
        problems.unknown_keys(&raw_line.unknown, &field);
        let mut id = problems.kebab_id(&raw_line.id, &format!("{field}.id"));
        if !id.is_empty() && !ids.insert(id.clone()) {
            problems
                .add("protocol.duplicate-line", "protocol-error-duplicate-line", &format!("{field}.id"))
                .args
                .insert("value".into(), id.clone().into());
            // The first line keeps the id; later checks must not mistake this one for it.
            id = String::new();
        }
        let number_field = format!("{field}.number");
        let number = match &raw_line.number {
            None => {
                problems.missing(&number_field);
                String::new()
            }
            Some(toml::Value::String(text)) if !text.trim().is_empty() => text.trim().to_owned(),
            Some(toml::Value::Integer(number)) if *number >= 0 => number.to_string(),
            Some(toml::Value::String(_)) => {
                problems.missing(&number_field);
                String::new()
            }
            Some(other) => {
                problems
                    .add("protocol.bad-number", "protocol-error-bad-number", &number_field)
                    .args
                    .insert("value".into(), other.to_string().into());
                String::new()
            }
        };
        if !number.is_empty() && !numbers.insert(number.clone()) {
            problems
                .add("protocol.duplicate-number", "protocol-error-duplicate-number", &number_field)
                .args
                .insert("value".into(), number.clone().into());
        }
        let label = problems.localized(&raw_line.label, &format!("{field}.label"));
        lines.push(Line { id, number, label, clause: optional_text(&raw_line.clause) });
    }
    lines
}

fn validate_options(problems: &mut Problems, raw: Option<&RawOptions>, lines: &[Line]) -> Option<OptionLines> {
    let Some(raw) = raw else {
        problems.missing("options");
        return None;
    };
    problems.unknown_keys(&raw.unknown, "options");
    let after = problems.required_text(&raw.after, "options.after");
    if !after.is_empty() && !lines.iter().any(|line| line.id == after) {
        problems
            .add("protocol.options-after-unknown", "protocol-error-options-after-unknown", "options.after")
            .args
            .insert("value".into(), after.clone().into());
    }
    let number_from = match raw.number_from {
        None => {
            problems.missing("options.number_from");
            None
        }
        Some(number) if (1..=9999).contains(&number) => u32::try_from(number).ok(),
        Some(number) => {
            problems
                .add("protocol.bad-number-from", "protocol-error-bad-number-from", "options.number_from")
                .args
                .insert("value".into(), number.into());
            None
        }
    };
    if let Some(first) = number_from {
        for (index, line) in lines.iter().enumerate() {
            if line.number.parse::<u32>().is_ok_and(|number| number >= first) {
                problems
                    .add("protocol.number-collision", "protocol-error-number-collision", &format!("line[{}].number", index + 1))
                    .args
                    .extend([("value".to_owned(), line.number.clone().into()), ("first".to_owned(), i64::from(first).into())]);
            }
        }
    }
    let label = problems.localized(&raw.label, "options.label");
    number_from.map(|number_from| OptionLines { after, number_from, label })
}

/// A parse failure of `check_field`, as the message the person editing the form reads.
fn check_problem(error: &CheckError, check_field: &str, relation: &str) -> DomainError {
    let (code, message_id, found) = match &error.kind {
        CheckErrorKind::Character(c) => ("protocol.check-character", "protocol-error-check-character", c.to_string()),
        CheckErrorKind::SingleEquals => ("protocol.check-single-equals", "protocol-error-check-single-equals", "=".into()),
        CheckErrorKind::ExpectedTerm(found) => {
            ("protocol.check-expected-term", "protocol-error-check-expected-term", found.clone())
        }
        CheckErrorKind::EndsEarly => ("protocol.check-ends-early", "protocol-error-check-ends-early", String::new()),
        CheckErrorKind::ExpectedOperator(found) => {
            ("protocol.check-expected-operator", "protocol-error-check-expected-operator", found.clone())
        }
        CheckErrorKind::Unclosed => ("protocol.check-unclosed", "protocol-error-check-unclosed", "(".into()),
        CheckErrorKind::Unmatched => ("protocol.check-unmatched", "protocol-error-check-unmatched", ")".into()),
        CheckErrorKind::ComparisonCount(count) => {
            return DomainError::new("protocol.check-comparison-count", "protocol-error-check-comparison-count")
                .with("field", check_field)
                .with("relation", relation)
                .with("count", *count);
        }
        CheckErrorKind::Function(found) => ("protocol.check-function", "protocol-error-check-function", found.clone()),
        CheckErrorKind::NumberTooLarge(found) => ("protocol.check-number", "protocol-error-check-number", found.clone()),
    };
    DomainError::new(code, message_id)
        .with("field", check_field)
        .with("relation", relation)
        .with("position", error.position)
        .with("found", found)
}
