//! The rules of the day: each command checked against the definition, the state and the
//! time, turned into events or refused with the reason. Nothing here is recorded unless
//! every check passes.

use chrono::{DateTime, Duration, Utc};

use crate::attendance::{self, present_now};
use crate::election::{ElectionDefinition, Role, StationKind};
use crate::error::DomainError;
use crate::event::{Command, Event};
use crate::lot::{self, Contribution, LotPurpose, LotRecord};
use crate::out_of_premises::{APPLICATION_DEADLINE_DAYS, Application, OutOfPremisesClosing, ServedVoter};
use crate::opening::{
    BALLOT_BATCH, BallotBatch, BallotsReceived, BoxKind, ControlSheet, MAX_PORTABLE_BOXES, PaperStock, SafeOpening,
    SealedBox,
};
use crate::state::DayState;
use crate::timeline::{self, StepId};
use crate::closing;
use crate::voting;
use crate::{incidents, spoils};

type Decision = Result<Vec<Event>, DomainError>;

pub(crate) fn decide(election: &ElectionDefinition, state: &DayState, command: &Command, now: DateTime<Utc>) -> Decision {
    match command {
        Command::LoadElection { .. } => Err(DomainError::new("election.already-loaded", "error-election-already-loaded")),
        Command::CompleteStep { step } => complete_step(election, state, *step, now),
        Command::RegisterArrival { arrival } => {
            let attendee = attendance::admit(election, &state.attendance, arrival, now)?;
            Ok(vec![Event::PersonArrived { attendee }])
        }
        Command::RegisterDeparture { person } => {
            if !state.present().any(|a| a.person == *person) {
                return Err(DomainError::new("attendance.not-present", "error-attendance-not-present")
                    .with("person", i64::from(*person)));
            }
            Ok(vec![Event::PersonLeft { at: now, person: *person }])
        }
        Command::CommitLot { purpose, commitment, count } => commit_lot(election, state, *purpose, commitment, *count, now),
        Command::DrawLot { purpose, secret, contributions } => draw_lot(election, state, *purpose, secret, contributions, now),
        Command::OpenSafe { voters_paper, voters_electronic, explanation } => {
            open_safe(election, state, *voters_paper, *voters_electronic, explanation, now)
        }
        Command::SealBox { box_id, kind, seals } => seal_box(election, state, box_id, *kind, seals, now),
        Command::FinishSealing => finish_sealing(election, state, now),
        Command::ReceiveBallots { announced, recounted, for_out_of_premises, explanation } => {
            receive_ballots(election, state, *announced, *recounted, *for_out_of_premises, explanation, now)
        }
        Command::IssueBallotsToMember { member_id, count } => issue_ballots(election, state, member_id, *count, now),
        Command::FinishBallotIssue => finish_ballot_issue(election, state, now),
        Command::RecordPaperStock { sheets, printer_counter } => {
            record_paper_stock(election, state, *sheets, *printer_counter, now)
        }
        Command::OpenPolls => open_polls(election, state, now),
        Command::RegisterApplication { voter_name, address, reason } => {
            register_application(election, state, voter_name, address, reason, now)
        }
        Command::ServeOutOfPremisesVoter { application, box_id, document } => {
            serve_voter(election, state, *application, box_id, document, now)
        }
        Command::SealPortableBoxSlot { box_id } => seal_slot(election, state, box_id, now),
        Command::CloseOutOfPremisesVoting { ballots_taken, unused_returned, spoiled_returned } => {
            close_out_of_premises(election, state, *ballots_taken, *unused_returned, *spoiled_returned, now)
        }
        Command::IdentifyVoter { identification } => voting::identify(election, state, identification, now),
        Command::RecordIdentificationFailure { facts, fingerprint_attempts, face_tried } => {
            voting::record_failure(election, state, facts, *fingerprint_attempts, *face_tried, now)
        }
        Command::RecordBallotPrinted { district } => voting::ballot_printed(election, state, district, now),
        Command::ListVoter { voter } => voting::list_voter(state, voter, now),
        Command::IssueBallotToVoter => voting::issue_ballot(election, state, now),
        Command::ReportTurnout { step } => voting::report_turnout(election, state, *step, now),
        Command::ClosePolls => closing::close_polls(election, state, now),
        Command::RegisterStationKey { public_key } => crate::checkpoint::register_station_key(state, public_key, now),
        Command::SignCheckpoint { count, head, signature } => {
            crate::checkpoint::sign_checkpoint(state, *count, head, signature, now)
        }
        Command::CancelUnusedBallots { unused, spoiled_returned } => {
            closing::cancel_unused(election, state, *unused, *spoiled_returned, now)
        }
        Command::RecordListTotals { pages, voters_in_list, signatures, explanation } => {
            closing::record_list_totals(election, state, *pages, *voters_in_list, *signatures, explanation, now)
        }
        Command::OpenPortableBox { box_id, seals_intact, found } => {
            closing::open_portable_box(election, state, box_id, *seals_intact, *found, now)
        }
        Command::RecordAeuResults { source, tallies } => closing::record_aeu_results(election, state, *source, tallies, now),
        Command::EnterCount { contest, member, figures } => closing::enter_count(election, state, contest, member, figures, now),
        Command::DemandRecount { contest, by, reason } => closing::demand_recount(election, state, contest, *by, reason, now),
        Command::SignProtocol { signers } => closing::sign_protocol(election, state, signers, now),
        Command::CorrectProtocol { reason } => closing::correct_protocol(state, reason, now),
        Command::ReceiveComplaint { from, text } => closing::receive_complaint(state, from, text, now),
        Command::DecideComplaint { number, decision, agreed } => {
            closing::decide_complaint(election, state, *number, decision, agreed, now)
        }
        Command::AttachDissent { member, text } => closing::attach_dissent(election, member, text, now),
        Command::SealPackets => closing::seal_packets(election, state, now),
        Command::RecordDelivery => closing::record_delivery(state, now),
        Command::RegisterChairCard { public_key } => spoils::register_card(election, state, public_key, now),
        Command::AuthoriseDuplicate { authorisation } => spoils::authorise_duplicate(election, state, authorisation, now),
        Command::RecordDuplicatePrinted { spoiled_serial } => spoils::duplicate_printed(state, spoiled_serial, now),
        Command::RecordSpoiledBallot { member_id } => spoils::spoil_regular(election, state, member_id, now),
        Command::RecordAeuFailure { aeu } => incidents::aeu_failed(state, aeu, now),
        Command::SwitchToReserveAeu => incidents::switch_to_reserve(state, now),
        Command::SwitchToTransparentBox { box_id, seals } => {
            incidents::switch_to_transparent_box(election, state, box_id, seals, now)
        }
        Command::RecordDeviceStop { device } => incidents::device_stopped(state, *device, now),
        Command::RecordDeviceResumed { device } => incidents::device_resumed(state, *device, now),
        Command::RecordPowerCut => incidents::power_cut(state, now),
        Command::RecordPowerRestored => incidents::power_restored(state, now),
        Command::RecordAssistance { reason, helper_name, helper_is_voter } => {
            incidents::assistance(election, state, *reason, helper_name, *helper_is_voter, now)
        }
        Command::RemovePerson { person, reason } => incidents::removal(state, *person, reason, now),
    }
}

fn refuse(code: &'static str) -> DomainError {
    DomainError::new(code, message_id(code))
}

/// Codes `a.b-c` have the message id `error-a-b-c`.
fn message_id(code: &'static str) -> &'static str {
    match code {
        "step.has-procedure" => "error-step-has-procedure",
        "lot.wrong-day" => "error-lot-wrong-day",
        "lot.already-drawn" => "error-lot-already-drawn",
        "lot.already-committed" => "error-lot-already-committed",
        "lot.not-committed" => "error-lot-not-committed",
        "lot.too-few-members" => "error-lot-too-few-members",
        "lot.count-too-small" => "error-lot-count-too-small",
        "lot.commitment-format" => "error-lot-commitment-format",
        "lot.secret-mismatch" => "error-lot-secret-mismatch",
        "lot.no-contribution" => "error-lot-no-contribution",
        "lot.empty-contribution" => "error-lot-empty-contribution",
        "safe.already-opened" => "error-safe-already-opened",
        "safe.explanation-required" => "error-safe-explanation-required",
        "sealing.box-id-required" => "error-sealing-box-id-required",
        "sealing.duplicate-box" => "error-sealing-duplicate-box",
        "sealing.seal-required" => "error-sealing-seal-required",
        "sealing.duplicate-seal" => "error-sealing-duplicate-seal",
        "sealing.finished" => "error-sealing-finished",
        "sealing.nothing-sealed" => "error-sealing-nothing-sealed",
        "sealing.too-many-portable" => "error-sealing-too-many-portable",
        "sealing.portable-outside-hours" => "error-sealing-portable-outside-hours",
        "sealing.portable-needs-lot" => "error-sealing-portable-needs-lot",
        "sealing.aeu-at-regular" => "error-sealing-aeu-at-regular",
        "ballots.remote-prints-on-demand" => "error-ballots-remote-prints-on-demand",
        "ballots.regular-has-stock" => "error-ballots-regular-has-stock",
        "ballots.already-received" => "error-ballots-already-received",
        "ballots.not-received" => "error-ballots-not-received",
        "ballots.explanation-required" => "error-ballots-explanation-required",
        "ballots.out-of-premises-exceeds" => "error-ballots-out-of-premises-exceeds",
        "ballots.unknown-member" => "error-ballots-unknown-member",
        "ballots.batch-size" => "error-ballots-batch-size",
        "ballots.not-enough" => "error-ballots-not-enough",
        "ballots.none-issued" => "error-ballots-none-issued",
        "ballots.already-finished" => "error-ballots-already-finished",
        "ballots.paper-already-recorded" => "error-ballots-paper-already-recorded",
        "polls.too-early" => "error-polls-too-early",
        "polls.after-close" => "error-polls-after-close",
        "polls.already-open" => "error-polls-already-open",
        "oop.not-here" => "error-oop-not-here",
        "oop.application-late" => "error-oop-application-late",
        "oop.application-incomplete" => "error-oop-application-incomplete",
        "oop.outside-hours" => "error-oop-outside-hours",
        "oop.unknown-application" => "error-oop-unknown-application",
        "oop.already-served" => "error-oop-already-served",
        "oop.not-a-portable-box" => "error-oop-not-a-portable-box",
        "oop.slot-sealed" => "error-oop-slot-sealed",
        "oop.document-required" => "error-oop-document-required",
        "oop.slots-open" => "error-oop-slots-open",
        "oop.closed" => "error-oop-closed",
        "oop.ballots-do-not-add-up" => "error-oop-ballots-do-not-add-up",
        _ => "error-internal",
    }
}

/// Steps whose completion is recorded by their own procedure, not by the generic act.
pub fn has_procedure(step: StepId) -> bool {
    matches!(
        step,
        StepId::OutOfPremisesVoting
            | StepId::LotDrawing
            | StepId::OpeningSafe
            | StepId::SealingBoxes
            | StepId::BallotsToMembers
            | StepId::Turnout10
            | StepId::Turnout12
            | StepId::Turnout14
            | StepId::Turnout16
            | StepId::Turnout18
            | StepId::Voting
            | StepId::Close
            | StepId::Count
            | StepId::Protocol
            | StepId::Packets
            | StepId::Delivery
    )
}

fn local_time(election: &ElectionDefinition, instant: DateTime<Utc>) -> String {
    instant.with_timezone(&election.tz()).format("%H:%M").to_string()
}

/// Refuses an act of `step` before its window opens.
fn not_before_start(election: &ElectionDefinition, step: StepId, now: DateTime<Utc>) -> Result<(), DomainError> {
    let starts = timeline::starts_at(election, step);
    if now < starts {
        return Err(DomainError::new("step.too-early", "error-step-too-early")
            .with("step", step.name())
            .with("time", local_time(election, starts)));
    }
    Ok(())
}

/// Refuses an act whose earlier steps are not done (the order of §32–36).
fn after(state: &DayState, step: StepId, earlier: &[StepId]) -> Result<(), DomainError> {
    match earlier.iter().find(|e| state.done_at(**e).is_none()) {
        Some(missing) => Err(DomainError::new("step.out-of-order", "error-step-out-of-order")
            .with("step", step.name())
            .with("missing", missing.name())),
        None => Ok(()),
    }
}

fn not_done(state: &DayState, step: StepId) -> Result<(), DomainError> {
    if state.done_at(step).is_some() {
        return Err(DomainError::new("step.already-done", "error-step-already-done").with("step", step.name()));
    }
    Ok(())
}

fn complete_step(election: &ElectionDefinition, state: &DayState, step: StepId, now: DateTime<Utc>) -> Decision {
    let step_arg = step.name();
    if !step.applies_to(election.station.kind) {
        return Err(DomainError::new("step.not-applicable", "error-step-not-applicable").with("step", step_arg));
    }
    if has_procedure(step) {
        return Err(refuse("step.has-procedure").with("step", step_arg));
    }
    if step.completed_by() != step {
        return Err(DomainError::new("step.ends-with-another", "error-step-ends-with-another")
            .with("step", step_arg)
            .with("other", step.completed_by().name()));
    }
    not_done(state, step)?;
    not_before_start(election, step, now)?;
    after(state, step, step.prerequisites())?;
    Ok(vec![Event::StepCompleted { at: now, step }])
}

fn commit_lot(
    election: &ElectionDefinition,
    state: &DayState,
    purpose: LotPurpose,
    commitment: &str,
    count: u32,
    now: DateTime<Utc>,
) -> Decision {
    if state.lot_drawn(purpose).is_some() {
        return Err(refuse("lot.already-drawn"));
    }
    if state.lots.contains_key(&purpose) {
        return Err(refuse("lot.already-committed"));
    }
    match purpose {
        LotPurpose::Roles => not_before_start(election, StepId::LotDrawing, now)?,
        LotPurpose::OutOfPremises => {
            // §24: at the commission's meeting two days before voting day.
            let meeting_day = election.voting_day - Duration::days(2);
            if now.with_timezone(&election.tz()).date_naive() != meeting_day {
                return Err(refuse("lot.wrong-day").with("date", meeting_day.format("%d.%m.%Y").to_string()));
            }
        }
    }
    let minimum = lot::minimum_members(purpose);
    let count = match purpose {
        LotPurpose::Roles => 0,
        LotPurpose::OutOfPremises => {
            if usize::try_from(count).unwrap_or(0) < minimum {
                return Err(refuse("lot.count-too-small").with("minimum", minimum));
            }
            count
        }
    };
    let members = attendance::drawable_members(election, &state.attendance);
    let needed = minimum.max(usize::try_from(count).unwrap_or(usize::MAX));
    if members.len() < needed {
        return Err(refuse("lot.too-few-members")
            .with("needed", needed)
            .with("present", members.len())
            .with("missing", needed - members.len()));
    }
    let commitment = commitment.trim().to_ascii_lowercase();
    if commitment.len() != 64 || lot::unhex(&commitment).is_none() {
        return Err(refuse("lot.commitment-format"));
    }
    Ok(vec![Event::LotCommitted { at: now, purpose, commitment, members, count }])
}

fn draw_lot(
    election: &ElectionDefinition,
    state: &DayState,
    purpose: LotPurpose,
    secret: &str,
    contributions: &[Contribution],
    now: DateTime<Utc>,
) -> Decision {
    let Some(lot_state) = state.lots.get(&purpose) else {
        return Err(refuse("lot.not-committed"));
    };
    if lot_state.drawn.is_some() {
        return Err(refuse("lot.already-drawn"));
    }
    let secret_bytes = lot::unhex(secret).ok_or_else(|| refuse("lot.secret-mismatch"))?;
    if lot::commitment(&secret_bytes) != lot_state.commitment {
        return Err(refuse("lot.secret-mismatch"));
    }
    if contributions.is_empty() {
        return Err(refuse("lot.no-contribution"));
    }
    let contributions: Vec<Contribution> = contributions
        .iter()
        .map(|c| Contribution { by: c.by.trim().to_owned(), value: c.value.trim().to_owned() })
        .collect();
    if contributions.iter().any(|c| c.by.is_empty() || c.value.is_empty()) {
        return Err(refuse("lot.empty-contribution"));
    }
    let seed = lot::seed(&secret_bytes, &contributions);
    let count = usize::try_from(lot_state.count).unwrap_or(usize::MAX);
    let record = LotRecord {
        purpose,
        election_id: election.id.clone(),
        station_number: election.station.number.clone(),
        members: lot_state.members.clone(),
        count: lot_state.count,
        commitment: lot_state.commitment.clone(),
        secret: lot::hex(&secret_bytes),
        assignment: lot::assign(purpose, &seed, &lot_state.members, count),
        seed: lot::hex(&seed),
        contributions,
    };
    Ok(vec![Event::LotDrawn { at: now, record }])
}

fn open_safe(
    election: &ElectionDefinition,
    state: &DayState,
    voters_paper: u32,
    voters_electronic: u32,
    explanation: &Option<String>,
    now: DateTime<Utc>,
) -> Decision {
    if state.safe.is_some() {
        return Err(refuse("safe.already-opened"));
    }
    not_before_start(election, StepId::OpeningSafe, now)?;
    after(state, StepId::OpeningSafe, &[StepId::LotDrawing])?;
    let explanation = explanation.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned);
    if voters_paper != voters_electronic && explanation.is_none() {
        return Err(refuse("safe.explanation-required")
            .with("paper", i64::from(voters_paper))
            .with("electronic", i64::from(voters_electronic)));
    }
    Ok(vec![Event::SafeOpened { opening: SafeOpening { at: now, voters_paper, voters_electronic, explanation } }])
}

pub(crate) fn control_sheet(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> ControlSheet {
    ControlSheet {
        station_number: election.station.number.clone(),
        chair: election.member(Role::Chair).map(|m| m.name.clone()).unwrap_or_default(),
        time: local_time(election, now),
        present: present_now(election, &state.attendance),
    }
}

fn seal_box(
    election: &ElectionDefinition,
    state: &DayState,
    box_id: &str,
    kind: BoxKind,
    seals: &[String],
    now: DateTime<Utc>,
) -> Decision {
    let box_id = box_id.trim();
    if box_id.is_empty() {
        return Err(refuse("sealing.box-id-required"));
    }
    if state.boxes.iter().any(|b| b.box_id == box_id) {
        return Err(refuse("sealing.duplicate-box").with("box", box_id));
    }
    let seals: Vec<String> = seals.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect();
    if seals.is_empty() {
        return Err(refuse("sealing.seal-required"));
    }
    for (index, seal) in seals.iter().enumerate() {
        let used = state.boxes.iter().any(|b| b.seals.contains(seal)) || seals[..index].contains(seal);
        if used {
            return Err(refuse("sealing.duplicate-seal").with("seal", seal.clone()));
        }
    }
    match kind {
        BoxKind::Portable => {
            if state.lot_drawn(LotPurpose::OutOfPremises).is_none() {
                return Err(refuse("sealing.portable-needs-lot"));
            }
            let starts = timeline::starts_at(election, StepId::OutOfPremisesVoting);
            let ends = timeline::deadline(election, StepId::OutOfPremisesVoting);
            // Shown empty and sealed before the members set out, on the day before (§22, §25).
            if now < starts - Duration::hours(1) || now >= ends {
                return Err(refuse("sealing.portable-outside-hours"));
            }
            if state.boxes.iter().filter(|b| b.kind == BoxKind::Portable).count() >= MAX_PORTABLE_BOXES {
                return Err(refuse("sealing.too-many-portable").with("max", MAX_PORTABLE_BOXES));
            }
        }
        BoxKind::Stationary | BoxKind::Aeu => {
            if state.sealing_finished_at.is_some() {
                return Err(refuse("sealing.finished"));
            }
            not_before_start(election, StepId::SealingBoxes, now)?;
            after(state, StepId::SealingBoxes, &[StepId::LotDrawing, StepId::OpeningSafe])?;
        }
    }
    Ok(vec![Event::BoxSealed {
        sealed: SealedBox {
            box_id: box_id.to_owned(),
            kind,
            seals,
            at: now,
            control_sheet: control_sheet(election, state, now),
        },
    }])
}

fn finish_sealing(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    not_done(state, StepId::SealingBoxes)?;
    not_before_start(election, StepId::SealingBoxes, now)?;
    if !state.boxes.iter().any(|b| b.kind != BoxKind::Portable) {
        return Err(refuse("sealing.nothing-sealed"));
    }
    Ok(vec![Event::SealingFinished { at: now }])
}

fn receive_ballots(
    election: &ElectionDefinition,
    state: &DayState,
    announced: u32,
    recounted: u32,
    for_out_of_premises: u32,
    explanation: &Option<String>,
    now: DateTime<Utc>,
) -> Decision {
    if election.station.kind == StationKind::RemoteVoting {
        return Err(refuse("ballots.remote-prints-on-demand"));
    }
    if state.ballots.received.is_some() {
        return Err(refuse("ballots.already-received"));
    }
    not_before_start(election, StepId::BallotsToMembers, now)?;
    after(state, StepId::BallotsToMembers, &[StepId::LotDrawing, StepId::OpeningSafe, StepId::SealingBoxes])?;
    let explanation = explanation.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned);
    if announced != recounted && explanation.is_none() {
        return Err(refuse("ballots.explanation-required")
            .with("announced", i64::from(announced))
            .with("recounted", i64::from(recounted)));
    }
    if for_out_of_premises > recounted {
        return Err(refuse("ballots.out-of-premises-exceeds"));
    }
    Ok(vec![Event::BallotsReceived {
        received: BallotsReceived { at: now, announced, recounted, for_out_of_premises, explanation },
    }])
}

fn issue_ballots(
    election: &ElectionDefinition,
    state: &DayState,
    member_id: &str,
    count: u32,
    now: DateTime<Utc>,
) -> Decision {
    if state.ballots.received.is_none() {
        return Err(refuse("ballots.not-received"));
    }
    if state.ballots.issue_finished_at.is_some() {
        return Err(refuse("ballots.already-finished"));
    }
    if !election.commission.iter().any(|m| m.id == member_id) {
        return Err(refuse("ballots.unknown-member").with("member", member_id));
    }
    if count == 0 || count > BALLOT_BATCH {
        return Err(refuse("ballots.batch-size").with("max", i64::from(BALLOT_BATCH)));
    }
    let available = state.ballots.undistributed();
    if count > available {
        return Err(refuse("ballots.not-enough").with("available", i64::from(available)));
    }
    Ok(vec![Event::BallotsIssuedToMember { batch: BallotBatch { member_id: member_id.to_owned(), count, at: now } }])
}

fn finish_ballot_issue(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    if election.station.kind == StationKind::RemoteVoting {
        return Err(refuse("ballots.remote-prints-on-demand"));
    }
    if state.ballots.issue_finished_at.is_some() {
        return Err(refuse("ballots.already-finished"));
    }
    if state.ballots.batches.is_empty() {
        return Err(refuse("ballots.none-issued"));
    }
    Ok(vec![Event::BallotIssueFinished { at: now }])
}

fn record_paper_stock(
    election: &ElectionDefinition,
    state: &DayState,
    sheets: u32,
    printer_counter: u64,
    now: DateTime<Utc>,
) -> Decision {
    if election.station.kind != StationKind::RemoteVoting {
        return Err(refuse("ballots.regular-has-stock"));
    }
    if state.ballots.paper_stock.is_some() {
        return Err(refuse("ballots.paper-already-recorded"));
    }
    not_before_start(election, StepId::BallotsToMembers, now)?;
    after(state, StepId::BallotsToMembers, &[StepId::LotDrawing, StepId::OpeningSafe, StepId::SealingBoxes])?;
    Ok(vec![Event::PaperStockRecorded { stock: PaperStock { at: now, sheets, printer_counter } }])
}

fn open_polls(election: &ElectionDefinition, state: &DayState, now: DateTime<Utc>) -> Decision {
    if state.polls_opened_at.is_some() {
        return Err(refuse("polls.already-open"));
    }
    let opens = timeline::starts_at(election, StepId::Voting);
    if now < opens {
        return Err(refuse("polls.too-early").with("time", local_time(election, opens)));
    }
    if now >= timeline::deadline(election, StepId::Voting) {
        return Err(refuse("polls.after-close"));
    }
    after(
        state,
        StepId::Voting,
        &[StepId::LotDrawing, StepId::OpeningSafe, StepId::SealingBoxes, StepId::BallotsToMembers],
    )?;
    Ok(vec![Event::PollsOpened { at: now }])
}

fn out_of_premises_here(election: &ElectionDefinition) -> Result<(), DomainError> {
    // Remote voting is never used for out-of-premises voting (R1.7).
    if !StepId::OutOfPremisesVoting.applies_to(election.station.kind) {
        return Err(refuse("oop.not-here"));
    }
    Ok(())
}

fn during_out_of_premises_hours(election: &ElectionDefinition, now: DateTime<Utc>) -> Result<(), DomainError> {
    let starts = timeline::starts_at(election, StepId::OutOfPremisesVoting);
    let ends = timeline::deadline(election, StepId::OutOfPremisesVoting);
    if now < starts || now >= ends {
        let day = starts.with_timezone(&election.tz()).format("%d.%m.%Y").to_string();
        return Err(refuse("oop.outside-hours").with("date", day));
    }
    Ok(())
}

fn register_application(
    election: &ElectionDefinition,
    state: &DayState,
    voter_name: &str,
    address: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Decision {
    out_of_premises_here(election)?;
    let today = now.with_timezone(&election.tz()).date_naive();
    let last_day = election.voting_day - Duration::days(APPLICATION_DEADLINE_DAYS);
    if today > last_day {
        return Err(refuse("oop.application-late").with("date", last_day.format("%d.%m.%Y").to_string()));
    }
    let (voter_name, address, reason) = (voter_name.trim(), address.trim(), reason.trim());
    if voter_name.is_empty() || address.is_empty() || reason.is_empty() {
        return Err(refuse("oop.application-incomplete"));
    }
    let number = u32::try_from(state.out_of_premises.applications.len() + 1).unwrap_or(u32::MAX);
    Ok(vec![Event::ApplicationRegistered {
        at: now,
        application: Application {
            number,
            voter_name: voter_name.to_owned(),
            address: address.to_owned(),
            reason: reason.to_owned(),
            received_on: today,
        },
    }])
}

fn open_portable_box<'a>(state: &'a DayState, box_id: &str) -> Result<&'a SealedBox, DomainError> {
    let sealed = state
        .boxes
        .iter()
        .find(|b| b.box_id == box_id && b.kind == BoxKind::Portable)
        .ok_or_else(|| refuse("oop.not-a-portable-box").with("box", box_id))?;
    if state.out_of_premises.slots_sealed.iter().any(|b| b == box_id) {
        return Err(refuse("oop.slot-sealed").with("box", box_id));
    }
    Ok(sealed)
}

fn serve_voter(
    election: &ElectionDefinition,
    state: &DayState,
    application: u32,
    box_id: &str,
    document: &str,
    now: DateTime<Utc>,
) -> Decision {
    out_of_premises_here(election)?;
    if state.out_of_premises.closing.is_some() {
        return Err(refuse("oop.closed"));
    }
    during_out_of_premises_hours(election, now)?;
    if !state.out_of_premises.applications.iter().any(|a| a.number == application) {
        return Err(refuse("oop.unknown-application").with("number", i64::from(application)));
    }
    if state.out_of_premises.served.iter().any(|s| s.application == application) {
        return Err(refuse("oop.already-served").with("number", i64::from(application)));
    }
    let sealed = open_portable_box(state, box_id.trim())?;
    let document = document.trim();
    if document.is_empty() {
        return Err(refuse("oop.document-required"));
    }
    Ok(vec![Event::OutOfPremisesVoterServed {
        served: ServedVoter { application, box_id: sealed.box_id.clone(), document: document.to_owned(), at: now },
    }])
}

fn seal_slot(election: &ElectionDefinition, state: &DayState, box_id: &str, now: DateTime<Utc>) -> Decision {
    out_of_premises_here(election)?;
    let sealed = open_portable_box(state, box_id.trim())?;
    Ok(vec![Event::PortableBoxSlotSealed { at: now, box_id: sealed.box_id.clone() }])
}

fn close_out_of_premises(
    election: &ElectionDefinition,
    state: &DayState,
    ballots_taken: u32,
    unused_returned: u32,
    spoiled_returned: u32,
    now: DateTime<Utc>,
) -> Decision {
    out_of_premises_here(election)?;
    if state.out_of_premises.closing.is_some() {
        return Err(refuse("oop.closed"));
    }
    not_before_start(election, StepId::OutOfPremisesVoting, now)?;
    let open: Vec<&str> = state
        .boxes
        .iter()
        .filter(|b| b.kind == BoxKind::Portable && !state.out_of_premises.slots_sealed.contains(&b.box_id))
        .map(|b| b.box_id.as_str())
        .collect();
    if !open.is_empty() {
        return Err(refuse("oop.slots-open").with("boxes", open.join(", ")));
    }
    let served = u32::try_from(state.out_of_premises.served.len()).unwrap_or(u32::MAX);
    let accounted = served.saturating_add(unused_returned).saturating_add(spoiled_returned);
    if accounted != ballots_taken {
        return Err(refuse("oop.ballots-do-not-add-up")
            .with("taken", i64::from(ballots_taken))
            .with("issued", i64::from(served))
            .with("unused", i64::from(unused_returned))
            .with("spoiled", i64::from(spoiled_returned)));
    }
    Ok(vec![Event::OutOfPremisesClosed {
        closing: OutOfPremisesClosing {
            at: now,
            ballots_taken,
            ballots_issued: served,
            receipts_issued: served,
            unused_returned,
            spoiled_returned,
        },
    }])
}
