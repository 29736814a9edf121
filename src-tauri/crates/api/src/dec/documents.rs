//! The district commission's own documents (§74): its protocol of the results in the
//! district — the totals of every counted station's protocol per form, the votes of each
//! option, the stations flagged, set aside or recounted — and the summary table
//! (жыйынды таблица) with a row per station, both as data for the `print` crate. The
//! words are in `locales/*/dec.ftl`; the lines' labels come from the protocol forms.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use domain::MessageArg;
use domain::dec::{DecSetup, DecState, RecountMark, RowStatus, Summary};
use i18n::{Language, Localizer};
use print::{Align, Block, Column, Document, PageSize, Signatory, Table};

use super::view::{flag_views, form_by_id, local};
use super::{Dec, internal};
use crate::error::ApiError;

fn args<const N: usize>(pairs: [(&str, MessageArg); N]) -> BTreeMap<String, MessageArg> {
    pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
}

struct Words {
    localizer: Localizer,
    code: &'static str,
}

impl Words {
    fn new(language: Language) -> Words {
        Words { localizer: Localizer::new(language), code: language.code() }
    }

    fn text(&self, id: &str) -> String {
        self.localizer.text(id)
    }

    fn message(&self, id: &str, args: &BTreeMap<String, MessageArg>) -> String {
        self.localizer.message(id, args)
    }
}

fn signatures(words: &Words) -> Block {
    let mut people = vec![
        Signatory::new(words.text("dec-role-chair"), ""),
        Signatory::new(words.text("dec-role-deputy-chair"), ""),
        Signatory::new(words.text("dec-role-secretary"), ""),
    ];
    for _ in 0..4 {
        people.push(Signatory::new(words.text("dec-role-member"), ""));
    }
    Block::Signatures(people)
}

fn heading_facts(setup: &DecSetup, summary: &Summary, words: &Words) -> Block {
    let contest = setup.election.contests.iter().find(|c| c.id == setup.district);
    let t = &summary.totals;
    Block::KeyValue(vec![
        (words.text("dec-doc-election"), setup.election.name.get(words.code).to_owned()),
        (words.text("dec-doc-voting-day"), setup.election.voting_day.to_string()),
        (
            words.text("dec-doc-district"),
            contest.map_or_else(|| setup.district.clone(), |c| format!("{} — {}", c.designation, c.name.get(words.code))),
        ),
        (words.text("dec-doc-commission"), setup.commission.clone()),
        (words.text("dec-doc-registered"), t.registered.to_string()),
        (words.text("dec-doc-received"), t.received.to_string()),
        (words.text("dec-doc-counted"), t.counted.to_string()),
        (words.text("dec-doc-set-aside"), t.set_aside.to_string()),
        (words.text("dec-doc-missing"), t.missing.to_string()),
        (words.text("dec-doc-flagged"), t.flagged.to_string()),
    ])
}

fn recount_mark(mark: Option<RecountMark>, words: &Words) -> String {
    match mark {
        Some(RecountMark::AtStation) => words.text("dec-doc-recount-at-station"),
        Some(RecountMark::Ordered) => words.text("dec-doc-recount-ordered"),
        None => String::new(),
    }
}

fn document(setup: &DecSetup, title: String, page: PageSize, language: Language, now: DateTime<Utc>, blocks: Vec<Block>) -> Document {
    Document {
        title,
        // Not a station's document: the header carries the title alone.
        station_number: String::new(),
        generated_at_local: local(&setup.election, now),
        language,
        training: setup.election.training,
        page,
        corner_codes: None,
        blocks,
    }
}

/// The commission's protocol of the results in its district (§74).
pub fn protocol_document(state: &DecState, language: Language, now: DateTime<Utc>) -> Result<Document, ApiError> {
    let setup = state.setup.as_ref().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))?;
    let summary = domain::dec::summary(state).ok_or_else(|| internal("no summary"))?;
    let words = Words::new(language);
    let contest = setup.election.contests.iter().find(|c| c.id == setup.district).ok_or_else(|| internal("district"))?;
    let title = words.message("dec-protocol-title", &args([("designation", contest.designation.clone().into())]));
    let mut blocks = vec![heading_facts(setup, &summary, &words)];

    for section in &summary.sections {
        let Some(form) = form_by_id(&section.form) else { continue };
        let heading = if section.remote { "dec-doc-section-remote" } else { "dec-doc-section-stations" };
        blocks.push(Block::Heading(words.message(heading, &args([("count", MessageArg::Number(i64::from(section.counted)))]))));
        let rows = form
            .lines_for(contest)
            .into_iter()
            .map(|line| {
                let value = match line.kind {
                    domain::protocol::LineKind::Line => section.lines.get(&line.id),
                    domain::protocol::LineKind::Option => section.options.get(&line.id),
                };
                vec![line.number, line.label.get(words.code).to_owned(), value.copied().unwrap_or(0).to_string()]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(words.text("dec-doc-col-number"), 1).aligned(Align::Center),
                Column::new(words.text("dec-doc-col-line"), 8),
                Column::new(words.text("dec-doc-col-value"), 2).aligned(Align::Right),
            ],
            rows,
        }));
    }

    blocks.push(Block::Heading(words.text("dec-doc-votes")));
    let mut votes: Vec<Vec<String>> = contest
        .options
        .iter()
        .map(|o| vec![o.name.get(words.code).to_owned(), summary.totals.options.get(&o.id).copied().unwrap_or(0).to_string()])
        .collect();
    votes.push(vec![words.text("dec-doc-valid"), summary.totals.valid.to_string()]);
    votes.push(vec![words.text("dec-doc-invalid"), summary.totals.invalid.to_string()]);
    blocks.push(Block::Table(Table {
        columns: vec![Column::new(words.text("dec-doc-col-option"), 8), Column::new(words.text("dec-doc-col-value"), 2).aligned(Align::Right)],
        rows: votes,
    }));

    let flagged: Vec<Vec<String>> = summary
        .rows
        .iter()
        .filter(|row| !row.flags.is_empty())
        .map(|row| {
            let reasons: Vec<String> =
                flag_views(setup, row, words.code).iter().map(|f| words.message(&f.reason.message, &f.reason.args)).collect();
            vec![row.station.clone(), reasons.join("\n")]
        })
        .collect();
    if !flagged.is_empty() {
        blocks.push(Block::Heading(words.text("dec-doc-flags")));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new(words.text("dec-doc-col-station"), 1), Column::new(words.text("dec-doc-col-reasons"), 6)],
            rows: flagged,
        }));
    }
    let set_aside: Vec<Vec<String>> = state
        .stations
        .iter()
        .filter_map(|s| s.set_aside.as_ref().map(|a| (s, a)))
        .map(|(s, a)| {
            let ground = words.text(&format!("dec-ground-{}", a.ground.name()));
            vec![s.station.clone(), format!("{} {ground}", a.ground.clause()), a.decision.clone()]
        })
        .collect();
    if !set_aside.is_empty() {
        blocks.push(Block::Heading(words.text("dec-doc-set-aside-heading")));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new(words.text("dec-doc-col-station"), 1),
                Column::new(words.text("dec-doc-col-ground"), 4),
                Column::new(words.text("dec-doc-col-decision"), 3),
            ],
            rows: set_aside,
        }));
    }
    let recounts: Vec<Vec<String>> = summary
        .rows
        .iter()
        .filter(|row| row.recount.is_some())
        .map(|row| vec![row.station.clone(), recount_mark(row.recount, &words)])
        .collect();
    if !recounts.is_empty() {
        blocks.push(Block::Heading(words.text("dec-doc-recounts-heading")));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new(words.text("dec-doc-col-station"), 1), Column::new(words.text("dec-doc-col-recount"), 4)],
            rows: recounts,
        }));
    }
    blocks.push(Block::Paragraph(words.text("dec-doc-attached")));
    blocks.push(signatures(&words));
    blocks.push(Block::Copies(2));
    Ok(document(setup, title, PageSize::A4, language, now, blocks))
}

/// The summary table (жыйынды таблица): per form, a row per station with every line
/// and option, the totals of the counted rows, marks for recounts and set-aside rows.
pub fn summary_document(state: &DecState, language: Language, now: DateTime<Utc>) -> Result<Document, ApiError> {
    let setup = state.setup.as_ref().ok_or_else(|| ApiError::new("dec.not-set-up", "error-dec-not-set-up"))?;
    let summary = domain::dec::summary(state).ok_or_else(|| internal("no summary"))?;
    let words = Words::new(language);
    let contest = setup.election.contests.iter().find(|c| c.id == setup.district).ok_or_else(|| internal("district"))?;
    let title = words.message("dec-summary-title", &args([("designation", contest.designation.clone().into())]));
    let mut blocks = vec![heading_facts(setup, &summary, &words)];
    for section in &summary.sections {
        let Some(form) = form_by_id(&section.form) else { continue };
        let lines = form.lines_for(contest);
        let heading = if section.remote { "dec-doc-section-remote" } else { "dec-doc-section-stations" };
        blocks.push(Block::Heading(words.message(heading, &args([("count", MessageArg::Number(i64::from(section.counted)))]))));
        let mut columns = vec![Column::new(words.text("dec-doc-col-station"), 3)];
        columns.extend(lines.iter().map(|line| Column::new(line.number.clone(), 2).aligned(Align::Right)));
        columns.push(Column::new(words.text("dec-doc-col-marks"), 3));
        let mut rows: Vec<Vec<String>> = Vec::new();
        for station in &section.stations {
            let Some(row) = summary.row(station) else { continue };
            let mut cells = vec![row.station.clone()];
            for line in &lines {
                let value = row.protocol.as_ref().and_then(|p| match line.kind {
                    domain::protocol::LineKind::Line => p.line(&line.id),
                    domain::protocol::LineKind::Option => p.votes(&line.id),
                });
                cells.push(value.unwrap_or(0).to_string());
            }
            let mut marks = Vec::new();
            if row.status == RowStatus::SetAside {
                marks.push(words.text("dec-doc-mark-set-aside"));
            }
            if row.recount.is_some() {
                marks.push(recount_mark(row.recount, &words));
            }
            if !row.flags.is_empty() {
                marks.push(words.message("dec-doc-mark-flags", &args([("count", row.flags.len().into())])));
            }
            cells.push(marks.join("; "));
            rows.push(cells);
        }
        let mut total = vec![words.text("dec-doc-total")];
        for line in &lines {
            let value = match line.kind {
                domain::protocol::LineKind::Line => section.lines.get(&line.id),
                domain::protocol::LineKind::Option => section.options.get(&line.id),
            };
            total.push(value.copied().unwrap_or(0).to_string());
        }
        rows.push(total);
        blocks.push(Block::Table(Table { columns, rows }));
        let legend: Vec<(String, String)> =
            lines.iter().map(|line| (line.number.clone(), line.label.get(words.code).to_owned())).collect();
        blocks.push(Block::KeyValue(legend));
    }
    let unsummed: Vec<Vec<String>> = summary
        .rows
        .iter()
        .filter(|row| !summary.sections.iter().any(|s| s.stations.contains(&row.station)))
        .map(|row| {
            let reasons: Vec<String> =
                flag_views(setup, row, words.code).iter().map(|f| words.message(&f.reason.message, &f.reason.args)).collect();
            vec![row.station.clone(), reasons.join("\n")]
        })
        .collect();
    if !unsummed.is_empty() {
        blocks.push(Block::Heading(words.text("dec-doc-unsummed")));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new(words.text("dec-doc-col-station"), 1), Column::new(words.text("dec-doc-col-reasons"), 6)],
            rows: unsummed,
        }));
    }
    blocks.push(signatures(&words));
    blocks.push(Block::Copies(2));
    Ok(document(setup, title, PageSize::A4Landscape, language, now, blocks))
}

fn render(document: &Document) -> Result<Vec<u8>, ApiError> {
    print::render_pdf(document).map_err(|error| ApiError::new("print", "error-print").with("detail", error.to_string()))
}

impl Dec {
    /// The commission's protocol as PDF, in the window's language.
    pub fn protocol_pdf(&self) -> Result<Vec<u8>, ApiError> {
        render(&protocol_document(&self.state(), self.language(), self.now())?)
    }

    /// The summary table as PDF, in the window's language.
    pub fn summary_pdf(&self) -> Result<Vec<u8>, ApiError> {
        render(&summary_document(&self.state(), self.language(), self.now())?)
    }
}
