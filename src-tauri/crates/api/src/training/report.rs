//! The debrief said in the trainer's language: on screen (the console), as a PDF with the
//! training watermark, as text (`uchastok train run`), and as a row of the class summary
//! (CSV) a trainer gathers across a class.

use chrono::{DateTime, Utc};
use domain::debrief::Debrief;
use domain::election::ElectionDefinition;
use domain::scenario::Scenario;
use i18n::Language;
use print::{Align, Block, Column, Document, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;
use crate::training::words::Words;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeviationView {
    pub rule: String,
    pub clause: String,
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimeView {
    pub key: String,
    pub procedure: String,
    pub from: String,
    pub done: Option<String>,
    pub minutes: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountLineView {
    pub label: String,
    pub counted: u64,
    pub truth: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountCheckView {
    pub designation: String,
    pub lines: Vec<CountLineView>,
}

/// The debrief as the console shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DebriefView {
    pub scenario: String,
    pub title: String,
    pub trainee: String,
    pub horizon: String,
    pub deviations: Vec<DeviationView>,
    pub times: Vec<TimeView>,
    pub counts: Vec<CountCheckView>,
    pub protocol_error: u64,
    /// The class summary's columns and this run's row.
    pub summary_header: Vec<String>,
    pub summary_row: Vec<String>,
}

/// The debrief in `language`.
pub fn render(debrief: &Debrief, scenario: &Scenario, election: &ElectionDefinition, language: Language) -> DebriefView {
    let words = Words::new(language);
    let option_name = |contest: &str, option: &str| {
        election
            .contests
            .iter()
            .find(|c| c.id == contest)
            .and_then(|c| c.options.iter().find(|o| o.id == option))
            .map(|o| o.name.get(language.code()).to_owned())
            .unwrap_or_else(|| option.to_owned())
    };
    DebriefView {
        scenario: debrief.scenario.clone(),
        title: scenario.title.get(language.code()).to_owned(),
        trainee: debrief.trainee.clone(),
        horizon: debrief.horizon.clone(),
        deviations: debrief
            .deviations
            .iter()
            .map(|d| DeviationView { rule: d.rule.clone(), clause: d.clause.clone(), at: d.at.clone(), text: words.say(&d.message, &d.args) })
            .collect(),
        times: debrief
            .times
            .iter()
            .map(|t| TimeView {
                key: t.key.clone(),
                procedure: words.say(&t.message, &t.args),
                from: t.from.clone(),
                done: t.done.clone(),
                minutes: t.minutes,
            })
            .collect(),
        counts: debrief
            .counts
            .iter()
            .map(|check| CountCheckView {
                designation: check.designation.clone(),
                lines: check
                    .lines
                    .iter()
                    .map(|line| CountLineView {
                        label: match line.line.strip_prefix("votes:") {
                            Some(option) => option_name(&check.contest, option),
                            None => words.text(&format!("training-count-{}", line.line)),
                        },
                        counted: line.counted,
                        truth: line.truth,
                    })
                    .collect(),
            })
            .collect(),
        protocol_error: debrief.protocol_error,
        summary_header: debrief.summary_header(),
        summary_row: debrief.summary_row(),
    }
}

/// The debrief as plain text, for a terminal.
pub fn text(view: &DebriefView, language: Language) -> String {
    let words = Words::new(language);
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    line(format!("{} — {}", words.text("training-debrief-title"), view.title));
    line(format!("{}: {}", words.text("training-debrief-trainee"), view.trainee));
    line(format!("{}: {}", words.text("training-debrief-horizon"), view.horizon));
    line(String::new());
    if view.deviations.is_empty() {
        line(words.text("training-debrief-no-deviations"));
    } else {
        line(format!("{} ({})", words.text("training-debrief-deviations"), view.deviations.len()));
        for deviation in &view.deviations {
            line(format!("  {:>8}  {:<10} [{}] {}", deviation.at, deviation.clause, deviation.rule, deviation.text));
        }
    }
    line(String::new());
    line(words.text("training-debrief-times"));
    for time in &view.times {
        let minutes = time.minutes.map(|m| m.to_string()).unwrap_or_else(|| "—".to_owned());
        line(format!("  {:>8} → {:>8}  {:>5}  {}", time.from, time.done.as_deref().unwrap_or("—"), minutes, time.procedure));
    }
    if !view.counts.is_empty() {
        line(String::new());
        line(format!("{} ({}: {})", words.text("training-debrief-counts"), words.text("training-debrief-protocol-error"), view.protocol_error));
        for check in &view.counts {
            line(format!("  {}", check.designation));
            for count in &check.lines {
                let mark = if count.counted == count.truth { " " } else { "≠" };
                line(format!("    {mark} {:<40} {:>6} {:>6}", count.label, count.counted, count.truth));
            }
        }
    }
    out
}

/// The debrief as a printed document, watermarked: it comes from a mock election.
pub fn document(view: &DebriefView, election: &ElectionDefinition, language: Language, now: DateTime<Utc>) -> Document {
    let words = Words::new(language);
    let mut blocks = vec![
        Block::KeyValue(vec![
            (words.text("training-debrief-scenario"), view.title.clone()),
            (words.text("training-debrief-trainee"), view.trainee.clone()),
            (words.text("training-debrief-horizon"), view.horizon.clone()),
            (words.text("training-debrief-deviations"), view.deviations.len().to_string()),
            (words.text("training-debrief-protocol-error"), view.protocol_error.to_string()),
        ]),
        Block::Heading(words.text("training-debrief-deviations")),
    ];
    if view.deviations.is_empty() {
        blocks.push(Block::Paragraph(words.text("training-debrief-no-deviations")));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(words.text("training-debrief-at"), 2),
                Column::new(words.text("training-debrief-clause"), 2),
                Column::new(words.text("training-debrief-deviation"), 9),
            ],
            rows: view.deviations.iter().map(|d| vec![d.at.clone(), d.clause.clone(), d.text.clone()]).collect(),
        }));
    }
    blocks.push(Block::Heading(words.text("training-debrief-times")));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new(words.text("training-debrief-procedure"), 7),
            Column::new(words.text("training-debrief-from"), 2),
            Column::new(words.text("training-debrief-done"), 2),
            Column::new(words.text("training-debrief-minutes"), 2).aligned(Align::Right),
        ],
        rows: view
            .times
            .iter()
            .map(|t| {
                vec![
                    t.procedure.clone(),
                    t.from.clone(),
                    t.done.clone().unwrap_or_else(|| "—".into()),
                    t.minutes.map(|m| m.to_string()).unwrap_or_else(|| "—".into()),
                ]
            })
            .collect(),
    }));
    for check in &view.counts {
        blocks.push(Block::Heading(format!("{} {}", words.text("training-debrief-counts"), check.designation)));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(words.text("training-debrief-line"), 7),
                Column::new(words.text("training-debrief-counted"), 2).aligned(Align::Right),
                Column::new(words.text("training-debrief-truth"), 2).aligned(Align::Right),
            ],
            rows: check.lines.iter().map(|l| vec![l.label.clone(), l.counted.to_string(), l.truth.to_string()]).collect(),
        }));
    }
    Document {
        title: format!("{} — {}", words.text("training-debrief-title"), view.title),
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&election.tz()).format("%Y-%m-%d %H:%M").to_string(),
        language,
        training: true,
        page: print::PageSize::A4,
        corner_codes: None,
        blocks,
    }
}

pub fn pdf(view: &DebriefView, election: &ElectionDefinition, language: Language, now: DateTime<Utc>) -> Result<Vec<u8>, ApiError> {
    print::render_pdf(&document(view, election, language, now))
        .map_err(|error| ApiError::new("print", "error-print").with("detail", error.to_string()))
}

/// One CSV line (RFC 4180 quoting).
pub fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.clone()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

/// Appends this run's row to a class summary file, with the header when the file is new
/// or its header is another scenario's.
pub fn append_summary(path: &std::path::Path, view: &DebriefView) -> Result<(), ApiError> {
    let io = |error: std::io::Error| {
        ApiError::new("document.write", "error-document-write").with("path", path.display().to_string()).with("detail", error.to_string())
    };
    let header = csv_line(&view.summary_header);
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => return Err(io(error)),
    };
    let last_header = existing.lines().rev().find(|line| line.starts_with("scenario,")).map(|line| format!("{line}\n"));
    let mut text = existing;
    if last_header.as_deref() != Some(header.as_str()) {
        text.push_str(&header);
    }
    text.push_str(&csv_line(&view.summary_row));
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    std::fs::write(path, text).map_err(io)
}
