//! The printed records of the opening meeting, built from the journal's state: the lot
//! record (everything needed to re-run the lot), the control sheet of each box, the
//! ballot ledger with signature lines, the safe record, the attendance register.

use chrono::{DateTime, Utc};
use domain::attendance::PresentPerson;
use domain::election::{ElectionDefinition, Role};
use domain::lot::LotPurpose;
use domain::{DayState, MessageArg};
use i18n::{Language, Localizer};
use domain::acts::{Act, ActKind};
use print::{Align, Block, Column, Document, PageSize, Signatory, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiError;

/// Which document to print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum DocumentKind {
    LotRecord { purpose: LotPurpose },
    ControlSheet { box_id: String },
    BallotLedger,
    SafeRecord,
    AttendanceRegister,
    /// The registry of applications, for posting (§22).
    OutOfPremisesRegistry,
    /// The closing act of out-of-premises voting (§29).
    OutOfPremisesAct,
    /// A numbered act of the day (§37, §45, §48, R4.4…).
    Act { number: u32 },
    /// The register of acts.
    ActRegister,
    /// Signed results protocol `number` (1, or more after corrections, §66), one of its
    /// two copies (§65).
    Protocol { number: u32, copy: u32 },
    /// The AEU's preliminary protocol (§56), attached to the results protocol.
    AeuPreliminary,
    /// The enlarged form of the protocol in force, a wall poster (§69).
    EnlargedProtocol,
    /// A certified copy of the protocol in force for each person present (§70).
    CertifiedCopies,
    /// A label for each packet of documents (§64, R5.4).
    PacketLabels,
    /// The inventory of the bag the packets go into (§64, R5.4).
    PacketInventory,
    /// The final meeting: complaints, the decisions and who agreed, dissenting opinions (§64).
    FinalMeeting,
}

impl DocumentKind {
    /// The file name the PDF is saved under.
    pub fn file_stem(&self) -> String {
        match self {
            DocumentKind::LotRecord { purpose: LotPurpose::Roles } => "lot-record".to_owned(),
            DocumentKind::LotRecord { purpose: LotPurpose::OutOfPremises } => "lot-record-out-of-premises".to_owned(),
            DocumentKind::ControlSheet { box_id } => {
                let safe: String =
                    box_id.chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect();
                format!("control-sheet-{safe}")
            }
            DocumentKind::BallotLedger => "ballot-ledger".to_owned(),
            DocumentKind::SafeRecord => "safe-record".to_owned(),
            DocumentKind::AttendanceRegister => "attendance-register".to_owned(),
            DocumentKind::OutOfPremisesRegistry => "out-of-premises-registry".to_owned(),
            DocumentKind::OutOfPremisesAct => "out-of-premises-act".to_owned(),
            DocumentKind::Act { number } => format!("act-{number:03}"),
            DocumentKind::ActRegister => "act-register".to_owned(),
            DocumentKind::Protocol { number, copy } => format!("protocol-{number}-copy-{copy}"),
            DocumentKind::AeuPreliminary => "aeu-preliminary-protocol".to_owned(),
            DocumentKind::EnlargedProtocol => "enlarged-protocol".to_owned(),
            DocumentKind::CertifiedCopies => "certified-copies".to_owned(),
            DocumentKind::PacketLabels => "packet-labels".to_owned(),
            DocumentKind::PacketInventory => "packet-inventory".to_owned(),
            DocumentKind::FinalMeeting => "final-meeting".to_owned(),
        }
    }
}

pub(crate) struct Words(pub(crate) Localizer);

impl Words {
    pub(crate) fn t(&self, id: &str) -> String {
        self.0.text(id)
    }

    pub(crate) fn with(&self, id: &str, args: &[(&str, MessageArg)]) -> String {
        let args = args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        self.0.message(id, &args)
    }

    pub(crate) fn role(&self, role: Role) -> String {
        self.t(match role {
            Role::Chair => "role-chair",
            Role::DeputyChair => "role-deputy-chair",
            Role::Secretary => "role-secretary",
            Role::Member => "role-member",
        })
    }

    pub(crate) fn person_role(&self, person: &PresentPerson) -> String {
        match person.role {
            Some(role) => self.role(role),
            None => self.t(&format!("category-{}", kebab(&person.category))),
        }
    }
}

pub(crate) fn kebab<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn refuse(code: &str, message: &str) -> ApiError {
    ApiError::new(code, message)
}

/// Builds the document from the state; refuses when what it records has not happened.
pub fn build(
    kind: &DocumentKind,
    election: &ElectionDefinition,
    state: &DayState,
    language: Language,
    now: DateTime<Utc>,
    voter_name: &dyn Fn(&str) -> Option<String>,
) -> Result<Document, ApiError> {
    let words = Words(Localizer::new(language));
    let zone = election.tz();
    let local = |instant: DateTime<Utc>| instant.with_timezone(&zone).format("%H:%M").to_string();
    let name_of = |id: &str| {
        election.commission.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_owned())
    };
    let present = domain::attendance::present_now(election, &state.attendance);
    let signatures = |people: &[PresentPerson]| {
        Block::Signatures(
            people
                .iter()
                .filter(|p| p.role.is_some())
                .map(|p| Signatory::new(words.person_role(p), p.name.clone()))
                .collect(),
        )
    };
    let heading_facts = vec![
        (words.t("doc-election"), election.name.get(language.code()).to_owned()),
        (words.t("doc-station"), election.station.number.clone()),
        (words.t("doc-address"), election.station.address.get(language.code()).to_owned()),
    ];
    let (title, blocks) = match kind {
        DocumentKind::Protocol { .. }
        | DocumentKind::AeuPreliminary
        | DocumentKind::EnlargedProtocol
        | DocumentKind::CertifiedCopies
        | DocumentKind::PacketLabels
        | DocumentKind::PacketInventory
        | DocumentKind::FinalMeeting => return crate::protocol_documents::build(kind, election, state, language, now),
        DocumentKind::LotRecord { purpose } => {
            let record = state.lot_drawn(*purpose).ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            let drawn_at = state.lots.get(purpose).and_then(|l| l.drawn.as_ref()).map(|(at, _)| *at);
            let mut facts = heading_facts.clone();
            facts.push((words.t("doc-time"), drawn_at.map(local).unwrap_or_default()));
            facts.push((words.t("lot-commitment"), record.commitment.clone()));
            facts.push((words.t("lot-secret"), record.secret.clone()));
            facts.push((words.t("lot-seed"), record.seed.clone()));
            let contributions = Table {
                columns: vec![Column::new(words.t("lot-contribution-by"), 3), Column::new(words.t("lot-contribution-value"), 2)],
                rows: record.contributions.iter().map(|c| vec![c.by.clone(), c.value.clone()]).collect(),
            };
            let members = Table {
                columns: vec![Column::new("№", 1).aligned(Align::Right), Column::new(words.t("lot-member"), 6)],
                rows: record.members.iter().enumerate().map(|(i, id)| vec![(i + 1).to_string(), name_of(id)]).collect(),
            };
            let assignment = Table {
                columns: vec![Column::new(words.t("lot-member"), 3), Column::new(words.t("lot-duty"), 3)],
                rows: record
                    .assignment
                    .iter()
                    .map(|a| vec![name_of(&a.member_id), words.t(&format!("duty-{}", kebab(&a.duty)))])
                    .collect(),
            };
            let title = words.t(match purpose {
                LotPurpose::Roles => "doc-lot-title",
                LotPurpose::OutOfPremises => "doc-lot-out-of-premises-title",
            });
            (
                title,
                vec![
                    Block::KeyValue(facts),
                    Block::Paragraph(words.t("doc-lot-method")),
                    Block::Heading(words.t("lot-contributions")),
                    Block::Table(contributions),
                    Block::Heading(words.t("doc-lot-members")),
                    Block::Table(members),
                    Block::Heading(words.t("doc-lot-assignment")),
                    Block::Table(assignment),
                    Block::Paragraph(words.t("doc-lot-verify")),
                    signatures(&present),
                ],
            )
        }
        DocumentKind::ControlSheet { box_id } => {
            let sealed = state
                .boxes
                .iter()
                .find(|b| &b.box_id == box_id)
                .ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            let sheet = &sealed.control_sheet;
            let mut facts = heading_facts.clone();
            facts.push((words.t("doc-chair"), sheet.chair.clone()));
            facts.push((words.t("doc-box"), format!("{} ({})", sealed.box_id, words.t(&format!("box-kind-{}", kebab(&sealed.kind))))));
            facts.push((words.t("doc-sheet-time"), sheet.time.clone()));
            facts.push((words.t("sealing-seals"), sealed.seals.join(", ")));
            let people = Table {
                columns: vec![Column::new(words.t("attendance-name"), 4), Column::new(words.t("attendance-category"), 3)],
                rows: sheet
                    .present
                    .iter()
                    .map(|p| {
                        let organisation = p.organisation.as_deref().map(|o| format!(" — {o}")).unwrap_or_default();
                        vec![format!("{}{organisation}", p.name), words.person_role(p)]
                    })
                    .collect(),
            };
            let everyone = Block::Signatures(
                sheet.present.iter().map(|p| Signatory::new(words.person_role(p), p.name.clone())).collect(),
            );
            (
                words.t("doc-control-sheet-title"),
                vec![
                    Block::KeyValue(facts),
                    Block::Paragraph(words.t("doc-control-sheet-text")),
                    Block::Heading(words.t("doc-present")),
                    Block::Table(people),
                    everyone,
                ],
            )
        }
        DocumentKind::BallotLedger => {
            let received = state.ballots.received.as_ref().ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            let mut facts = heading_facts.clone();
            facts.push((words.t("ballots-announced"), received.announced.to_string()));
            facts.push((words.t("ballots-recounted"), received.recounted.to_string()));
            facts.push((words.t("ballots-for-out-of-premises"), received.for_out_of_premises.to_string()));
            if let Some(explanation) = &received.explanation {
                facts.push((words.t("ballots-explanation"), explanation.clone()));
            }
            facts.push((words.t("doc-ballots-left"), state.ballots.undistributed().to_string()));
            let batches = Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(words.t("lot-member"), 5),
                    Column::new(words.t("ballots-count"), 2).aligned(Align::Right),
                    Column::new(words.t("doc-time"), 2),
                    Column::new(words.t("doc-signature"), 3),
                ],
                rows: state
                    .ballots
                    .batches
                    .iter()
                    .enumerate()
                    .map(|(i, b)| vec![(i + 1).to_string(), name_of(&b.member_id), b.count.to_string(), local(b.at), String::new()])
                    .collect(),
            };
            (
                words.t("doc-ledger-title"),
                vec![Block::KeyValue(facts), Block::Table(batches), signatures(&present)],
            )
        }
        DocumentKind::SafeRecord => {
            let safe = state.safe.as_ref().ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            let mut facts = heading_facts.clone();
            facts.push((words.t("doc-time"), local(safe.at)));
            facts.push((words.t("safe-voters-paper"), safe.voters_paper.to_string()));
            facts.push((words.t("safe-voters-electronic"), safe.voters_electronic.to_string()));
            if let Some(explanation) = &safe.explanation {
                facts.push((words.t("safe-explanation"), explanation.clone()));
            }
            (words.t("doc-safe-title"), vec![Block::KeyValue(facts), signatures(&present)])
        }
        DocumentKind::AttendanceRegister => {
            let register = Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(words.t("attendance-name"), 5),
                    Column::new(words.t("attendance-category"), 3),
                    Column::new(words.t("doc-arrived"), 2),
                    Column::new(words.t("doc-left"), 2),
                ],
                rows: state
                    .attendance
                    .iter()
                    .map(|a| {
                        let mut name = a.name.clone();
                        if let Some(organisation) = &a.organisation {
                            name = format!("{name} — {organisation}");
                        }
                        if let Some(accreditation) = &a.accreditation {
                            name = format!("{name} ({accreditation})");
                        }
                        vec![
                            a.person.to_string(),
                            name,
                            words.t(&format!("category-{}", kebab(&a.category))),
                            local(a.arrived_at),
                            a.left_at.map(local).unwrap_or_default(),
                        ]
                    })
                    .collect(),
            };
            (
                words.t("doc-attendance-title"),
                vec![
                    Block::KeyValue(heading_facts.clone()),
                    Block::Table(register),
                    Block::Paragraph(words.with("doc-certified-copies", &[("count", MessageArg::from(present.len()))])),
                ],
            )
        }
        DocumentKind::OutOfPremisesRegistry => {
            let registry = Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(words.t("oop-voter"), 4),
                    Column::new(words.t("oop-address"), 4),
                    Column::new(words.t("oop-reason"), 3),
                    Column::new(words.t("oop-received"), 2),
                ],
                rows: state
                    .out_of_premises
                    .applications
                    .iter()
                    .map(|a| {
                        vec![
                            a.number.to_string(),
                            a.voter_name.clone(),
                            a.address.clone(),
                            a.reason.clone(),
                            a.received_on.format("%d.%m.%Y").to_string(),
                        ]
                    })
                    .collect(),
            };
            (words.t("doc-oop-registry-title"), vec![Block::KeyValue(heading_facts.clone()), Block::Table(registry)])
        }
        DocumentKind::OutOfPremisesAct => {
            let closing = state
                .out_of_premises
                .closing
                .as_ref()
                .ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            let oop = &state.out_of_premises;
            let mut facts = heading_facts.clone();
            facts.push((words.t("doc-time"), local(closing.at)));
            facts.push((words.t("doc-oop-applications"), oop.applications.len().to_string()));
            facts.push((words.t("doc-oop-voters"), oop.served.len().to_string()));
            facts.push((words.t("doc-oop-ballots-taken"), closing.ballots_taken.to_string()));
            facts.push((words.t("doc-oop-ballots-issued"), closing.ballots_issued.to_string()));
            facts.push((words.t("doc-oop-receipts-issued"), closing.receipts_issued.to_string()));
            facts.push((words.t("doc-oop-unused"), closing.unused_returned.to_string()));
            facts.push((words.t("doc-oop-spoiled"), closing.spoiled_returned.to_string()));
            let boxes = Table {
                columns: vec![
                    Column::new(words.t("doc-box"), 2),
                    Column::new(words.t("sealing-seals"), 3),
                    Column::new(words.t("doc-oop-voters"), 2).aligned(Align::Right),
                ],
                rows: state
                    .boxes
                    .iter()
                    .filter(|b| b.kind == domain::opening::BoxKind::Portable)
                    .map(|b| {
                        let voters = oop.served.iter().filter(|s| s.box_id == b.box_id).count();
                        vec![b.box_id.clone(), b.seals.join(", "), voters.to_string()]
                    })
                    .collect(),
            };
            let everyone = Block::Signatures(present.iter().map(|p| Signatory::new(words.person_role(p), p.name.clone())).collect());
            let copies = u32::try_from(present.len()).unwrap_or(u32::MAX).max(1);
            (
                words.t("doc-oop-act-title"),
                vec![Block::KeyValue(facts), Block::Table(boxes), everyone, Block::Copies(copies)],
            )
        }
        DocumentKind::Act { number } => {
            let act = state
                .acts
                .iter()
                .find(|a| a.number == *number)
                .ok_or_else(|| refuse("document.not-yet", "error-document-not-yet"))?;
            act_document(&words, election, state, act, &heading_facts, &local, voter_name)
        }
        DocumentKind::ActRegister => {
            let register = Table {
                columns: vec![
                    Column::new("№", 1).aligned(Align::Right),
                    Column::new(words.t("doc-time"), 2),
                    Column::new(words.t("doc-act-kind"), 6),
                    Column::new(words.t("doc-act-clause"), 2),
                ],
                rows: state
                    .acts
                    .iter()
                    .map(|a| {
                        vec![
                            a.number.to_string(),
                            local(a.at),
                            words.t(&format!("act-kind-{}", a.kind.name())),
                            a.kind.clause().to_owned(),
                        ]
                    })
                    .collect(),
            };
            (words.t("doc-act-register-title"), vec![Block::KeyValue(heading_facts.clone()), Block::Table(register)])
        }
    };
    Ok(Document {
        title,
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
        language,
        training: election.training,
        page: PageSize::A4,
        corner_codes: None,
        blocks,
    })
}

/// An act's title and content: the facts of its kind, and the signatures its clause
/// names.
fn act_document(
    words: &Words,
    election: &ElectionDefinition,
    state: &DayState,
    act: &Act,
    heading_facts: &[(String, String)],
    local: &dyn Fn(DateTime<Utc>) -> String,
    voter_name: &dyn Fn(&str) -> Option<String>,
) -> (String, Vec<Block>) {
    let present = domain::attendance::present_now(election, &state.attendance);
    let member_name = |id: &str| {
        election.commission.iter().find(|m| m.id == id).map(|m| m.name.clone()).unwrap_or_else(|| id.to_owned())
    };
    // The members present sign (§52–56, §66); the chair and the secretary first.
    let members_present = || {
        Block::Signatures(
            present
                .iter()
                .filter(|p| p.role.is_some())
                .map(|p| Signatory::new(words.person_role(p), p.name.clone()))
                .collect(),
        )
    };
    let mut facts = heading_facts.to_vec();
    facts.push((words.t("doc-act-number"), act.number.to_string()));
    facts.push((words.t("doc-date"), act.at.with_timezone(&election.tz()).format("%d.%m.%Y").to_string()));
    facts.push((words.t("doc-time"), local(act.at)));
    let title = format!("{} № {} ({})", words.t(&format!("act-kind-{}", act.kind.name())), act.number, act.kind.clause());
    let mut blocks = Vec::new();
    match &act.kind {
        ActKind::IdentificationFailure { voter, fingerprint_attempts, face_tried } => {
            let name = voter_name(voter).unwrap_or_default();
            facts.push((words.t("doc-voter"), name.clone()));
            facts.push((words.t("doc-fingerprint-attempts"), fingerprint_attempts.to_string()));
            facts.push((words.t("doc-face-tried"), words.t(if *face_tried { "doc-yes" } else { "doc-no" })));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-identification-failure-text")));
            blocks.push(Block::Signatures(vec![
                Signatory::new(words.t("doc-signatory-member"), String::new()),
                Signatory::new(words.t("doc-signatory-operator"), String::new()),
                Signatory::new(words.t("doc-signatory-voter"), name),
            ]));
        }
        ActKind::UnusedBallotsCancelled { unused, spoiled_returned, cancelled } => {
            facts.push((words.t("doc-unused"), unused.to_string()));
            facts.push((words.t("doc-spoiled-returned"), spoiled_returned.to_string()));
            facts.push((words.t("doc-cancelled-total"), cancelled.to_string()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-unused-text")));
            blocks.push(members_present());
        }
        ActKind::BallotsIssued { signatures, receipts } => {
            facts.push((words.t("doc-signatures"), signatures.to_string()));
            facts.push((words.t("doc-receipts"), receipts.to_string()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-ballots-issued-text")));
            blocks.push(members_present());
        }
        ActKind::PortableBoxInvalidated { box_id, served, found, members } => {
            facts.push((words.t("doc-box"), box_id.clone()));
            facts.push((words.t("doc-served"), served.to_string()));
            facts.push((words.t("doc-found"), found.to_string()));
            facts.push((words.t("doc-oop-members"), members.iter().map(|m| member_name(m)).collect::<Vec<_>>().join(", ")));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-portable-invalidated-text")));
            blocks.push(members_present());
        }
        ActKind::AeuPreliminary { processed } => {
            facts.push((words.t("doc-aeu-processed"), processed.to_string()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-aeu-text")));
            blocks.push(members_present());
        }
        ActKind::ProtocolCorrection { protocol, reason } => {
            facts.push((words.t("doc-protocol-number"), protocol.to_string()));
            facts.push((words.t("doc-reason"), reason.clone()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-correction-text")));
            blocks.push(members_present());
        }
        ActKind::SpoiledBallot { member_id } => {
            let member = election.commission.iter().find(|m| &m.id == member_id);
            facts.push((words.t("doc-spoiled-member"), member.map(|m| m.name.clone()).unwrap_or_else(|| member_id.clone())));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.t("doc-act-spoiled-ballot-text")));
            let mut signatories = vec![Signatory::new(words.t("doc-signatory-issuing-member"), member.map(|m| m.name.clone()).unwrap_or_default())];
            for role in [Role::Chair, Role::Secretary] {
                signatories.push(Signatory::new(words.role(role), election.member(role).map(|m| m.name.clone()).unwrap_or_default()));
            }
            blocks.push(Block::Signatures(signatories));
        }
        ActKind::DuplicateBallot { spoiled_serial, district, reason } => {
            let designation =
                election.contests.iter().find(|c| &c.id == district).map(|c| c.designation.clone()).unwrap_or_else(|| district.clone());
            facts.push((words.t("doc-duplicate-district"), designation.clone()));
            facts.push((words.t("doc-duplicate-spoiled-serial"), spoiled_serial.clone()));
            facts.push((words.t("doc-duplicate-reason"), reason.clone()));
            if let Some(record) = state.spoils.duplicates.get(spoiled_serial) {
                let authorisation = &record.authorisation;
                facts.push((words.t("doc-duplicate-card"), domain::spoils::fingerprint_for_reading(&authorisation.card)));
                facts.push((words.t("doc-duplicate-signature"), short_hex(&authorisation.signature)));
                facts.push((words.t("doc-duplicate-nonce"), short_hex(&authorisation.nonce)));
                facts.push((words.t("doc-duplicate-journal-head"), short_hex(&authorisation.journal_head)));
            }
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.with("doc-act-duplicate-ballot-text", &[("designation", MessageArg::from(designation))])));
            blocks.push(Block::Paragraph(words.t("doc-act-duplicate-ballot-cancel")));
            blocks.push(Block::Paragraph(words.t("doc-act-duplicate-ballot-list")));
            blocks.push(Block::Signatures(member_signatures(words, election, state, act.at)));
        }
        ActKind::ReserveAeu { failed, reserve } => {
            facts.push((words.t("doc-aeu-failed"), failed.clone()));
            facts.push((words.t("doc-aeu-reserve"), reserve.clone()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.with(
                "doc-act-reserve-aeu-text",
                &[("failed", MessageArg::from(failed.clone())), ("reserve", MessageArg::from(reserve.clone()))],
            )));
            blocks.push(Block::Paragraph(words.t("doc-act-aeu-report")));
            blocks.push(Block::Paragraph(words.t("doc-act-aeu-count")));
            blocks.push(Block::Signatures(members_and_operators(words, election, state, act.at)));
        }
        ActKind::TransparentBox { failed, box_id } => {
            facts.push((words.t("doc-aeu-failed"), failed.join(", ")));
            facts.push((words.t("doc-transparent-box"), box_id.clone()));
            blocks.push(Block::KeyValue(facts));
            blocks.push(Block::Paragraph(words.with("doc-act-transparent-box-text", &[("box", MessageArg::from(box_id.clone()))])));
            blocks.push(Block::Paragraph(words.t("doc-act-aeu-report")));
            blocks.push(Block::Paragraph(words.t("doc-act-aeu-count")));
            if domain::incidents::all_aeus_failed(state) {
                blocks.push(Block::Paragraph(words.t("doc-act-no-aeu-protocol")));
            }
            blocks.push(Block::Signatures(members_and_operators(words, election, state, act.at)));
        }
        ActKind::Removal { person, reason } => {
            let attendee = state.attendance.iter().find(|a| a.person == *person);
            let name = attendee.map(|a| a.name.clone()).unwrap_or_default();
            let category = attendee.map(|a| words.t(&format!("category-{}", kebab(&a.category)))).unwrap_or_default();
            facts.push((words.t("doc-removed-person"), format!("{name} ({category})")));
            facts.push((words.t("doc-removal-reason"), reason.clone()));
            blocks.push(Block::KeyValue(facts));
            let member = attendee.is_some_and(|a| a.category == domain::attendance::AttendeeCategory::Member);
            blocks.push(Block::Paragraph(words.with(
                if member { "doc-act-removal-member-text" } else { "doc-act-removal-text" },
                &[("name", MessageArg::from(name))],
            )));
            blocks.push(Block::Paragraph(words.t("doc-act-removal-liability")));
            blocks.push(Block::Signatures(member_signatures(words, election, state, act.at)));
        }
    }
    blocks.push(Block::Copies(u32::from(act.kind.copies())));
    (title, blocks)
}

/// The first 16 hex digits of a long value, grouped by four, for the printed act.
fn short_hex(value: &str) -> String {
    domain::spoils::fingerprint_for_reading(value)
}

/// The commission's members present when the act was drawn up, chair first.
fn member_signatures(words: &Words, election: &ElectionDefinition, state: &DayState, at: DateTime<Utc>) -> Vec<Signatory> {
    let mut members: Vec<(Role, String)> = state
        .attendance
        .iter()
        .filter(|a| a.category == domain::attendance::AttendeeCategory::Member)
        .filter(|a| a.arrived_at <= at && a.left_at.is_none_or(|left| left > at))
        .map(|a| {
            let role = a
                .member_id
                .as_deref()
                .and_then(|id| election.commission.iter().find(|m| m.id == id))
                .map(|m| m.role)
                .unwrap_or(Role::Member);
            (role, a.name.clone())
        })
        .collect();
    members.sort_by_key(|(role, _)| *role);
    members.into_iter().map(|(role, name)| Signatory::new(words.role(role), name)).collect()
}

/// §48: the members present and the operators of the devices sign.
fn members_and_operators(words: &Words, election: &ElectionDefinition, state: &DayState, at: DateTime<Utc>) -> Vec<Signatory> {
    let mut signatories = member_signatures(words, election, state, at);
    for _ in 0..2 {
        signatories.push(Signatory::new(words.t("doc-signatory-operator"), String::new()));
    }
    signatories
}

/// The identification receipt (§37, §41; R4.2 step 7): the station, the election, the
/// ballot the voter is to get, and the date — never the time, a number or the voter.
pub fn receipt(election: &ElectionDefinition, contest: &str, language: Language, now: DateTime<Utc>) -> Document {
    let words = Words(Localizer::new(language));
    let designation = election.contests.iter().find(|c| c.id == contest).map(|c| c.designation.clone()).unwrap_or_default();
    let lines = vec![
        Block::Paragraph(election.name.get(language.code()).to_owned()),
        Block::Paragraph(format!("{} {}", words.t("doc-station"), election.station.number)),
        Block::Heading(words.t("doc-receipt-identified")),
        Block::Paragraph(words.with("doc-receipt-ballot", &[("designation", MessageArg::from(designation))])),
    ];
    Document {
        title: words.t("doc-receipt-title"),
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&election.tz()).format("%Y-%m-%d %H:%M").to_string(),
        language,
        training: election.training,
        page: PageSize::Receipt80,
        corner_codes: None,
        blocks: lines,
    }
}

/// A ballot of `contest` printed on demand at a remote-voting station (R4.2 step 6),
/// with the district's designation and the same code in its top-left and bottom-right
/// corners (R4.4).
pub fn ballot(
    election: &ElectionDefinition,
    contest: &str,
    code: &[u8],
    language: Language,
    now: DateTime<Utc>,
) -> Result<Document, ApiError> {
    let words = Words(Localizer::new(language));
    let contest = election
        .contests
        .iter()
        .find(|c| c.id == contest)
        .ok_or_else(|| refuse("identification.unknown-district", "error-identification-unknown-district").with("district", contest))?;
    let mut number = 0;
    let options = contest
        .options
        .iter()
        .map(|option| {
            let shown = if option.kind == domain::election::OptionKind::AgainstAll {
                String::new()
            } else {
                number += 1;
                number.to_string()
            };
            print::BallotOptionLine::new(shown, option.name.get(language.code()), None)
        })
        .collect();
    Ok(Document {
        title: words.t("doc-ballot-title"),
        station_number: election.station.number.clone(),
        generated_at_local: now.with_timezone(&election.tz()).format("%Y-%m-%d").to_string(),
        language,
        training: election.training,
        page: PageSize::A4,
        corner_codes: Some(print::CornerCodes { top_left: code.to_vec(), bottom_right: code.to_vec(), module_mm: 1.0 }),
        blocks: vec![Block::Ballot(print::Ballot {
            designation: words.with("doc-ballot-designation", &[("designation", MessageArg::from(contest.designation.clone()))]),
            contest_name: contest.name.get(language.code()).to_owned(),
            instruction: words.t("doc-ballot-instruction"),
            options,
        })],
    })
}
