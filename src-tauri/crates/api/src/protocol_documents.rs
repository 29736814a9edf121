//! The printed records of the count (§56, §64–71, R5.4–R5.6), built from the journal's
//! state: the results protocol in its two copies (a remote station: one electronic
//! protocol per district, R5.5), the AEU's preliminary protocol attached to it, the
//! enlarged wall form, a certified copy for each person present, the packets' labels and
//! the bag's inventory, and the final meeting's complaints, decisions and dissents.
//!
//! Never decides a figure: a protocol prints the figures as they were signed, the AEU's
//! protocol the figures as they were taken. The words are in `locales/*/count.ftl` (and
//! the control relations' in `protocol.ftl`).

use chrono::{DateTime, Utc};
use domain::attendance::PresentPerson;
use domain::count::{self, Packet, SignedProtocol};
use domain::election::{Contest, ElectionDefinition, Role};
use domain::protocol::{self, ContestProtocol, LineKind, ProtocolForm};
use domain::{DayState, MessageArg};
use i18n::{Language, Localizer};
use print::{Align, Block, Column, Document, PageSize, Signatory, Table};

use crate::documents::{DocumentKind, Words, kebab};
use crate::error::ApiError;

/// A protocol is made in two copies (§65): the chair delivers the first (§67), the
/// secretary keeps the second (§68).
pub const PROTOCOL_COPIES: u32 = 2;

/// Labels printed on one sheet, to be cut apart and stuck on the packets.
const LABELS_PER_SHEET: usize = 2;

struct Context<'a> {
    words: Words,
    election: &'a ElectionDefinition,
    state: &'a DayState,
    language: Language,
    /// Who is in the room now, the commission first.
    present: Vec<PresentPerson>,
}

fn not_yet() -> ApiError {
    ApiError::new("document.not-yet", "error-document-not-yet")
}

impl Context<'_> {
    fn code(&self) -> &'static str {
        self.language.code()
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.election.tz()).format("%H:%M").to_string()
    }

    fn date(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.election.tz()).format("%d.%m.%Y").to_string()
    }

    fn member_name(&self, id: &str) -> String {
        self.election.commission.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_owned())
    }

    fn contest(&self, id: &str) -> Option<&Contest> {
        self.election.contests.iter().find(|c| c.id == id)
    }

    /// The contest as a heading: its name, after its designation unless the name says it.
    fn contest_title(&self, contest: &Contest) -> String {
        let name = contest.name.get(self.code());
        if name.contains(contest.designation.as_str()) {
            name.to_owned()
        } else {
            format!("{} — {name}", contest.designation)
        }
    }

    fn option_name(&self, contest: &Contest, option: &str) -> String {
        contest.options.iter().find(|o| o.id == option).map(|o| o.name.get(self.code()).to_owned()).unwrap_or_else(|| option.to_owned())
    }

    fn station_facts(&self) -> Vec<(String, String)> {
        vec![
            (self.words.t("doc-election"), self.election.name.get(self.code()).to_owned()),
            (self.words.t("doc-station"), self.election.station.number.clone()),
            (self.words.t("doc-address"), self.election.station.address.get(self.code()).to_owned()),
        ]
    }

    /// The members of the commission present, chair first, each with a line to sign.
    fn members_sign(&self) -> Block {
        Block::Signatures(
            self.present
                .iter()
                .filter(|p| p.role.is_some())
                .map(|p| Signatory::new(self.words.person_role(p), p.name.clone()))
                .collect(),
        )
    }

    /// The chair and the secretary, who certify copies and sign the packets.
    fn chair_and_secretary(&self) -> Block {
        Block::Signatures(
            self.election
                .commission
                .iter()
                .filter(|m| matches!(m.role, Role::Chair | Role::Secretary))
                .map(|m| Signatory::new(self.words.role(m.role), m.name.clone()))
                .collect(),
        )
    }

    fn form(&self) -> Result<&'static ProtocolForm, ApiError> {
        protocol::form_for(self.election.station.kind).map_err(|problems| ApiError::from_domain_list(&problems))
    }

    fn signed(&self, number: u32) -> Result<&SignedProtocol, ApiError> {
        self.state.count.protocols.iter().find(|p| p.number == number).ok_or_else(not_yet)
    }

    fn in_force(&self) -> Result<&SignedProtocol, ApiError> {
        self.state.count.protocol().ok_or_else(not_yet)
    }

    /// A contest's figures in the form's order: every line with its printed number, the
    /// options under the form's heading for them.
    fn figures_table(&self, form: &ProtocolForm, contest: &Contest, figures: &ContestProtocol) -> Table {
        let mut rows = Vec::new();
        for line in form.lines_for(contest) {
            let value = match line.kind {
                LineKind::Line => figures.line(&line.id),
                LineKind::Option => figures.votes(&line.id),
            };
            if line.kind == LineKind::Option && contest.options.first().is_some_and(|o| o.id == line.id) {
                rows.push(vec![String::new(), form.options.label.get(self.code()).to_owned(), String::new()]);
            }
            rows.push(vec![line.number.clone(), line.label.get(self.code()).to_owned(), value.map(|v| v.to_string()).unwrap_or_default()]);
        }
        Table {
            columns: vec![
                Column::new("№", 1).aligned(Align::Right),
                Column::new(self.words.t("doc-protocol-line"), 9),
                Column::new(self.words.t("doc-protocol-value"), 2).aligned(Align::Right),
            ],
            rows,
        }
    }

    /// The box of control relations (§63): each relation in words, and whether the
    /// figures keep it.
    fn relations_table(&self, form: &ProtocolForm, contest: &Contest, figures: &ContestProtocol) -> Table {
        let violated: Vec<String> = protocol::check(form, contest, figures).into_iter().map(|v| v.relation).collect();
        let rows = form
            .relations
            .iter()
            .map(|relation| {
                let (message, args) = relation.in_words(form, contest.options.len());
                let kept = if violated.contains(&relation.id) { "doc-relation-violated" } else { "doc-relation-kept" };
                vec![self.words.0.message(message, &args), self.words.t(kept)]
            })
            .collect();
        Table {
            columns: vec![
                Column::new(self.words.t("doc-protocol-relation"), 9),
                Column::new(self.words.t("doc-protocol-relation-check"), 2).aligned(Align::Center),
            ],
            rows,
        }
    }

    /// Every contest of a signed protocol: its figures, "Recount" where one was demanded
    /// (§62), and with `relations` the box of control relations under each.
    /// With `own_pages`, each district's protocol after the first starts on a new page: a
    /// remote station's electronic protocols are one per district (R5.5).
    fn contests(&self, form: &ProtocolForm, signed: &SignedProtocol, relations: bool, own_pages: bool) -> Vec<Block> {
        let mut blocks = Vec::new();
        for (index, figures) in signed.contests.iter().enumerate() {
            let Some(contest) = self.contest(&figures.contest) else { continue };
            if own_pages && index > 0 {
                blocks.push(Block::PageBreak);
            }
            let mut title = self.contest_title(contest);
            if self.state.count.recounted(&contest.id) {
                title = format!("{title} — {}", self.words.t("doc-protocol-recount"));
            }
            blocks.push(Block::Heading(title));
            blocks.push(Block::Table(self.figures_table(form, contest, figures)));
            if relations {
                blocks.push(Block::Heading(self.words.t("doc-protocol-relations")));
                blocks.push(Block::Table(self.relations_table(form, contest, figures)));
            }
        }
        blocks
    }

    /// What is attached to the protocol: the AEU's preliminary protocol (§65), the
    /// complaints with their decisions and the dissenting opinions (§64).
    fn attachments(&self) -> Vec<Block> {
        let mut blocks = vec![Block::Heading(self.words.t("doc-protocol-attachments"))];
        let aeu = match &self.state.count.aeu {
            Some(aeu) => self.words.with("doc-protocol-aeu-attached", &[("time", self.time(aeu.at).into())]),
            None if self.state.both_aeus_failed() => self.words.t("doc-protocol-no-aeu"),
            None => self.words.t("doc-protocol-aeu-not-taken"),
        };
        blocks.push(Block::Paragraph(aeu));
        blocks.extend(self.complaints_and_dissents());
        blocks
    }

    fn complaints_and_dissents(&self) -> Vec<Block> {
        let count = &self.state.count;
        let mut blocks = vec![Block::Heading(self.words.t("doc-protocol-complaints"))];
        if count.complaints.is_empty() {
            blocks.push(Block::Paragraph(self.words.t("doc-protocol-no-complaints")));
        } else {
            let rows = count
                .complaints
                .iter()
                .map(|c| {
                    let (decision, agreed) = match &c.decision {
                        Some(d) => (d.decision.clone(), d.agreed.iter().map(|m| self.member_name(m)).collect::<Vec<_>>().join(", ")),
                        None => (self.words.t("doc-complaint-undecided"), String::new()),
                    };
                    vec![c.number.to_string(), self.time(c.at), c.from.clone(), c.text.clone(), decision, agreed]
                })
                .collect();
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(self.words.t("doc-time"), 2),
                    Column::new(self.words.t("doc-complaint-from"), 3),
                    Column::new(self.words.t("doc-complaint-text"), 5),
                    Column::new(self.words.t("doc-complaint-decision"), 5),
                    Column::new(self.words.t("doc-complaint-agreed"), 4),
                ],
                rows,
            }));
        }
        blocks.push(Block::Heading(self.words.t("doc-protocol-dissents")));
        if count.dissents.is_empty() {
            blocks.push(Block::Paragraph(self.words.t("doc-protocol-no-dissents")));
        } else {
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(self.words.t("doc-dissent-member"), 4),
                    Column::new(self.words.t("doc-time"), 2),
                    Column::new(self.words.t("doc-dissent-text"), 10),
                ],
                rows: count.dissents.iter().map(|d| vec![self.member_name(&d.member), self.time(d.at), d.text.clone()]).collect(),
            }));
        }
        blocks
    }

    /// The protocol's number, its signing date and time (§65), and how many signed.
    fn signing_facts(&self, signed: &SignedProtocol) -> Vec<(String, String)> {
        vec![
            (self.words.t("doc-protocol-number"), signed.number.to_string()),
            (self.words.t("doc-signed-date"), self.date(signed.at)),
            (self.words.t("doc-signed-time"), self.time(signed.at)),
            (
                self.words.t("doc-protocol-signed-by"),
                format!("{} / {}", signed.signers.len(), self.election.commission.len()),
            ),
        ]
    }

    /// Whether a protocol was replaced, or is being replaced, by a later one (§66).
    fn superseded(&self, signed: &SignedProtocol) -> bool {
        let latest = self.state.count.protocols.last().map(|p| p.number);
        latest != Some(signed.number) || self.state.count.correcting
    }

    fn protocol(&self, number: u32, copy: u32) -> Result<(String, Vec<Block>), ApiError> {
        if copy == 0 || copy > PROTOCOL_COPIES {
            return Err(ApiError::new("document.no-such-copy", "error-document-no-such-copy").with("copy", i64::from(copy)));
        }
        let form = self.form()?;
        let signed = self.signed(number)?;
        let copy_text = self.words.with("doc-protocol-copy", &[("copy", i64::from(copy).into())]);
        let title = format!("{} № {number} ({copy_text})", form.title.get(self.code()));
        let mut facts = self.station_facts();
        facts.extend(self.signing_facts(signed));
        let mut blocks = vec![Block::KeyValue(facts)];
        if number > 1 {
            blocks.push(Block::Paragraph(self.words.with("doc-protocol-replaces", &[("number", i64::from(number - 1).into())])));
        }
        if self.superseded(signed) {
            blocks.push(Block::Paragraph(self.words.t("doc-protocol-superseded")));
        }
        blocks.extend(self.contests(form, signed, true, true));
        blocks.extend(self.attachments());
        blocks.push(Block::Paragraph(self.words.t("doc-protocol-signing-text")));
        blocks.push(self.members_sign());
        blocks.push(Block::Copies(PROTOCOL_COPIES));
        Ok((title, blocks))
    }

    fn aeu_preliminary(&self) -> Result<(String, Vec<Block>), ApiError> {
        let aeu = self.state.count.aeu.as_ref().ok_or_else(not_yet)?;
        let mut facts = self.station_facts();
        facts.push((self.words.t("doc-date"), self.date(aeu.at)));
        facts.push((self.words.t("doc-aeu-taken-at"), self.time(aeu.at)));
        facts.push((self.words.t("doc-aeu-source"), self.words.t(&format!("doc-aeu-source-{}", kebab(&aeu.source)))));
        let mut blocks = vec![Block::KeyValue(facts), Block::Paragraph(self.words.t("doc-aeu-no-force"))];
        for contest in count::contests_counted_here(self.election) {
            let Some(tally) = aeu.tallies.iter().find(|t| t.contest == contest.id) else { continue };
            let manual = self.state.count.agreed(&contest.id).map(|(_, figures)| figures);
            let row = |label: String, aeu: u64, manual: Option<u64>| {
                let difference = manual.map(|m| {
                    let d = i128::from(aeu) - i128::from(m);
                    if d > 0 { format!("+{d}") } else { d.to_string() }
                });
                vec![label, aeu.to_string(), manual.map(|m| m.to_string()).unwrap_or_else(|| "—".into()), difference.unwrap_or_else(|| "—".into())]
            };
            let mut rows = vec![row(self.words.t("doc-aeu-processed"), tally.processed, manual.map(|m| m.valid() + m.invalid))];
            for option in &contest.options {
                rows.push(row(
                    option.name.get(self.code()).to_owned(),
                    tally.votes.get(&option.id).copied().unwrap_or(0),
                    manual.map(|m| m.votes.get(&option.id).copied().unwrap_or(0)),
                ));
            }
            rows.push(row(self.words.t("doc-aeu-invalid"), tally.invalid, manual.map(|m| m.invalid)));
            blocks.push(Block::Heading(self.contest_title(contest)));
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new(self.words.t("doc-protocol-line"), 7),
                    Column::new(self.words.t("doc-aeu-count"), 2).aligned(Align::Right),
                    Column::new(self.words.t("doc-aeu-manual"), 2).aligned(Align::Right),
                    Column::new(self.words.t("doc-aeu-difference"), 2).aligned(Align::Right),
                ],
                rows,
            }));
        }
        blocks.push(Block::Paragraph(self.words.t("doc-aeu-attached")));
        blocks.push(self.members_sign());
        Ok((self.words.t("doc-aeu-title"), blocks))
    }

    /// The wall form (§69): the figures only, in type large enough to read across the room.
    fn enlarged(&self) -> Result<(String, Vec<Block>), ApiError> {
        let form = self.form()?;
        let signed = self.in_force()?;
        let mut facts = vec![
            (self.words.t("doc-station"), self.election.station.number.clone()),
            (self.words.t("doc-protocol-number"), signed.number.to_string()),
        ];
        facts.push((self.words.t("doc-signed-date"), format!("{} {}", self.date(signed.at), self.time(signed.at))));
        let mut blocks = vec![Block::Paragraph(self.election.name.get(self.code()).to_owned()), Block::KeyValue(facts)];
        blocks.extend(self.contests(form, signed, false, true));
        Ok((format!("{} — {}", self.words.t("doc-enlarged-title"), form.title.get(self.code())), blocks))
    }

    /// One copy for each person present (§70), each starting on its own page.
    fn certified_copies(&self, now: DateTime<Utc>) -> Result<(String, Vec<Block>), ApiError> {
        let form = self.form()?;
        let signed = self.in_force()?;
        let signers = signed.signers.iter().map(|m| self.member_name(m)).collect::<Vec<_>>().join(", ");
        let mut blocks = Vec::new();
        for (index, person) in self.present.iter().enumerate() {
            if index > 0 {
                blocks.push(Block::PageBreak);
            }
            let role = self.words.person_role(person);
            blocks.push(Block::Heading(
                self.words.with("doc-certified-for", &[("name", person.name.clone().into()), ("role", role.into())]),
            ));
            blocks.push(Block::Paragraph(form.title.get(self.code()).to_owned()));
            let mut facts = self.station_facts();
            facts.extend(self.signing_facts(signed));
            blocks.push(Block::KeyValue(facts));
            blocks.extend(self.contests(form, signed, true, false));
            blocks.extend(self.attachments());
            blocks.push(Block::Paragraph(self.words.with("doc-certified-signers", &[("names", signers.clone().into())])));
            blocks.push(Block::Paragraph(
                self.words.with("doc-certified-text", &[("date", self.date(now).into()), ("time", self.time(now).into())]),
            ));
            blocks.push(self.chair_and_secretary());
            blocks.push(Block::Paragraph(self.words.t("doc-seal-place")));
        }
        Ok((self.words.t("doc-certified-title"), blocks))
    }

    /// The packets as sealed, or as they are to be sealed once the protocol is signed.
    fn packets(&self) -> Result<(Option<DateTime<Utc>>, Vec<Packet>), ApiError> {
        let (sealed_at, packets) = match &self.state.count.packets {
            Some((at, packets)) => (Some(*at), packets.clone()),
            None => (None, count::packets(self.election, self.state)),
        };
        if packets.is_empty() {
            return Err(not_yet());
        }
        Ok((sealed_at, packets))
    }

    /// What a packet holds, in words: its kind, with the option of a pile of valid
    /// ballots or the box of invalidated ones.
    fn packet_contents(&self, packet: &Packet) -> String {
        let contest = packet.contest.as_deref().and_then(|id| self.contest(id));
        let option = match (&packet.option, contest) {
            (Some(option), Some(contest)) => self.option_name(contest, option),
            (Some(other), None) => other.clone(),
            (None, _) => String::new(),
        };
        self.words.with(&format!("doc-packet-{}", packet.kind), &[("option", option.into())])
    }

    fn packet_contest(&self, packet: &Packet) -> String {
        packet.contest.as_deref().and_then(|id| self.contest(id)).map(|c| c.designation.clone()).unwrap_or_default()
    }

    fn packet_labels(&self) -> Result<(String, Vec<Block>), ApiError> {
        let (_, packets) = self.packets()?;
        let total = packets.len();
        let mut blocks = Vec::new();
        for (index, packet) in packets.iter().enumerate() {
            if index > 0 && index % LABELS_PER_SHEET == 0 {
                blocks.push(Block::PageBreak);
            }
            blocks.push(Block::Heading(self.words.with(
                "doc-packet-label",
                &[("number", MessageArg::from(index + 1)), ("total", MessageArg::from(total))],
            )));
            let mut facts = vec![
                (self.words.t("doc-station"), self.election.station.number.clone()),
                (self.words.t("doc-election"), self.election.name.get(self.code()).to_owned()),
                (self.words.t("doc-packet-contents"), self.packet_contents(packet)),
            ];
            if packet.contest.is_some() {
                facts.push((self.words.t("doc-packet-contest"), self.packet_contest(packet)));
            }
            facts.push((self.words.t("doc-packet-count"), packet.count.to_string()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(self.words.t("doc-packet-sealed-text")));
            blocks.push(self.chair_and_secretary());
        }
        Ok((self.words.t("doc-packet-labels-title"), blocks))
    }

    fn packet_inventory(&self) -> Result<(String, Vec<Block>), ApiError> {
        let (sealed_at, packets) = self.packets()?;
        let mut facts = self.station_facts();
        if let Some(at) = sealed_at {
            facts.push((self.words.t("doc-packets-sealed-at"), format!("{} {}", self.date(at), self.time(at))));
        }
        let rows = packets
            .iter()
            .enumerate()
            .map(|(index, packet)| {
                vec![(index + 1).to_string(), self.packet_contents(packet), self.packet_contest(packet), packet.count.to_string()]
            })
            .collect();
        let blocks = vec![
            Block::KeyValue(facts),
            Block::Table(Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(self.words.t("doc-packet-contents"), 9),
                    Column::new(self.words.t("doc-packet-contest"), 2),
                    Column::new(self.words.t("doc-packet-count"), 2).aligned(Align::Right),
                ],
                rows,
            }),
            Block::Paragraph(self.words.with("doc-packet-inventory-total", &[("count", MessageArg::from(packets.len()))])),
            Block::Paragraph(self.words.t("doc-packet-sealed-text")),
            self.members_sign(),
        ];
        Ok((self.words.t("doc-packet-inventory-title"), blocks))
    }

    fn final_meeting(&self, now: DateTime<Utc>) -> Result<(String, Vec<Block>), ApiError> {
        self.state.count.closed_at.ok_or_else(not_yet)?;
        let mut facts = self.station_facts();
        facts.push((self.words.t("doc-date"), self.date(now)));
        let mut blocks = vec![Block::KeyValue(facts)];
        blocks.extend(self.complaints_and_dissents());
        blocks.push(self.members_sign());
        Ok((self.words.t("doc-final-meeting-title"), blocks))
    }
}

/// Builds one of the count's documents; refuses what has not happened yet.
pub(crate) fn build(
    kind: &DocumentKind,
    election: &ElectionDefinition,
    state: &DayState,
    language: Language,
    now: DateTime<Utc>,
) -> Result<Document, ApiError> {
    let context = Context {
        words: Words(Localizer::new(language)),
        election,
        state,
        language,
        present: domain::attendance::present_now(election, &state.attendance),
    };
    let mut page = PageSize::A4;
    let (title, blocks) = match kind {
        DocumentKind::Protocol { number, copy } => context.protocol(*number, *copy)?,
        DocumentKind::AeuPreliminary => context.aeu_preliminary()?,
        DocumentKind::EnlargedProtocol => {
            page = PageSize::A1;
            context.enlarged()?
        }
        DocumentKind::CertifiedCopies => context.certified_copies(now)?,
        DocumentKind::PacketLabels => context.packet_labels()?,
        DocumentKind::PacketInventory => context.packet_inventory()?,
        DocumentKind::FinalMeeting => context.final_meeting(now)?,
        _ => return Err(ApiError::new("internal", "error-internal")),
    };
    Ok(Document {
        title,
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&election.tz()).format("%Y-%m-%d %H:%M").to_string(),
        language,
        training: election.training,
        page,
        corner_codes: None,
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of packet `domain::count::packets` makes has its words in both languages.
    #[test]
    fn every_packet_kind_has_its_label() {
        let kinds = [
            "valid",
            "invalid",
            "unestablished",
            "remote-participants-list",
            "receipts",
            "cancelled-remote",
            "aeu-reports",
            "identification-reports",
            "cancelled",
            "voter-list",
            "portable-invalidated",
        ];
        for language in Language::ALL {
            let localizer = Localizer::new(language);
            for kind in kinds {
                let id = format!("doc-packet-{kind}");
                assert!(localizer.has_message(&id), "{language}: {id}");
            }
        }
    }
}
