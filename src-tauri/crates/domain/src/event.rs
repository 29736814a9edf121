//! What the commission does (commands) and what the journal records (events).
//!
//! Events are facts: once appended they are never changed, and replaying them through
//! [`crate::apply`] gives back the state. Each carries the time it happened, passed in
//! by the caller, so that a replay needs no clock.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::acts::Act;
use crate::attendance::{Arrival, Attendee};
use crate::checkpoint::{Checkpoint, StationKey};
use crate::count::{
    AeuResults, AeuSource, AeuTally, Complaint, ComplaintDecision, CountEntry, CountFigures, Dissent, ListTotals, Packet,
    PortableBoxCount, RecountDemand, SignedProtocol, UnusedBallots,
};
use crate::election::ElectionDefinition;
use crate::identification::{BiometricMethod, Identification, IdentityDocument, VoterFacts};
use crate::incidents::{AssistanceReason, IncidentDevice};
use crate::lot::{Contribution, LotPurpose, LotRecord};
use crate::opening::{BallotBatch, BallotsReceived, BoxKind, PaperStock, SafeOpening, SealedBox};
use crate::out_of_premises::{Application, OutOfPremisesClosing, ServedVoter};
use crate::spoils::DuplicateAuthorisation;
use crate::timeline::StepId;

/// A journal event. The serialized form (internally tagged JSON) is what the journal
/// hashes and what the district commission replays: change it only with a new variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Event {
    /// The station was set up for this election. Always the first event.
    ElectionLoaded {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        definition: Box<ElectionDefinition>,
    },
    /// The chair recorded a procedure of the day as carried out.
    StepCompleted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        step: StepId,
    },
    /// Someone entered the room (§34, §70).
    PersonArrived { attendee: Attendee },
    PersonLeft {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        person: u32,
    },
    /// The app committed to its secret before anyone contributed; the members who can
    /// be drawn are fixed here.
    LotCommitted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        purpose: LotPurpose,
        commitment: String,
        members: Vec<String>,
        count: u32,
    },
    LotDrawn {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        record: LotRecord,
    },
    SafeOpened { opening: SafeOpening },
    BoxSealed { sealed: SealedBox },
    SealingFinished {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    BallotsReceived { received: BallotsReceived },
    BallotsIssuedToMember { batch: BallotBatch },
    BallotIssueFinished {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    PaperStockRecorded { stock: PaperStock },
    PollsOpened {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    ApplicationRegistered {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        application: Application,
    },
    OutOfPremisesVoterServed { served: ServedVoter },
    PortableBoxSlotSealed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        box_id: String,
    },
    OutOfPremisesClosed { closing: OutOfPremisesClosing },
    /// An act was drawn up (numbered per station).
    ActDrawnUp { act: Act },
    /// A voter was identified and the receipt printed (§37, §41; R4.2 steps 1–6). The
    /// voter is named by the keyed hash of the personal number only.
    VoterIdentified {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        voter: String,
        /// The contest whose ballot the voter gets.
        district: String,
        document: IdentityDocument,
        method: BiometricMethod,
        fingerprint_attempts: u8,
    },
    /// The devices could not identify the voter, who does not vote (§37); an act follows.
    IdentificationFailed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        voter: String,
        fingerprint_attempts: u8,
        face_tried: bool,
    },
    /// A remote station printed a ballot of this contest for a voter identified here
    /// (R4.2 step 6). The ballot's serial is never journaled (R1.4).
    BallotPrinted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        district: String,
    },
    /// The voter signed the list: the list of remote participants (R4.2 step 7) or the
    /// paper list with the document's series and number (§39, §42).
    VoterListed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        voter: String,
    },
    /// A regular station's member issued a ballot against a receipt (§41).
    BallotIssuedToVoter {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    /// Turnout reported to the higher commission (§38).
    TurnoutReported {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        step: StepId,
        figure: u32,
    },
    /// The polls closed (§49), with the final turnout from the receipts (§38).
    PollsClosed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        turnout: u32,
    },
    UnusedBallotsCancelled { unused: UnusedBallots },
    ListTotalsRecorded { totals: ListTotals },
    PortableBoxOpened { opened: PortableBoxCount },
    AeuResultsRecorded { results: AeuResults },
    CountEntered { entry: CountEntry },
    RecountDemanded { demand: RecountDemand },
    ProtocolSigned { protocol: SignedProtocol },
    ProtocolCorrectionStarted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        reason: String,
    },
    ComplaintReceived { complaint: Complaint },
    ComplaintDecided { number: u32, decision: ComplaintDecision },
    DissentAttached { dissent: Dissent },
    PacketsSealed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        packets: Vec<Packet>,
    },
    Delivered {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    /// The chair's smart card was registered at the station's set-up (R4.4): its raw
    /// Ed25519 public key and the key's SHA-256, both hex.
    ChairCardRegistered {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        public_key: String,
        fingerprint: String,
    },
    /// The chair authorised a duplicate of a spoiled ballot with the card (R4.4): the
    /// signed message's fields, the signature and the card's fingerprint. Checked again
    /// on every replay. The act follows.
    DuplicateAuthorised {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        authorisation: DuplicateAuthorisation,
    },
    /// The duplicate came out of the printer (its own serial is never journaled).
    DuplicatePrinted {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        spoiled_serial: String,
        district: String,
    },
    /// A regular station's voter returned a spoiled ballot and got a new one from the
    /// member who issued it (§45); the act follows.
    BallotSpoiled {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        member_id: String,
    },
    /// An automatic counting urn failed (§48); it is not used again that day.
    AeuFailed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        aeu: String,
    },
    /// Voting goes on with the reserve urn (§48); the act follows.
    SwitchedToReserveAeu {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        reserve: String,
    },
    /// Voting goes on with the stationary transparent box (§48); the act follows.
    SwitchedToTransparentBox {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        box_id: String,
    },
    /// The identification device or a printer stopped.
    DeviceStopped {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        device: IncidentDevice,
    },
    DeviceResumed {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        device: IncidentDevice,
    },
    /// The light went out: voting stops until it returns (§6).
    PowerCut {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    PowerRestored {
        #[ts(type = "string")]
        at: DateTime<Utc>,
    },
    /// A voter was helped by another voter (§46). Nothing else is recorded.
    AssistanceGiven {
        #[ts(type = "string")]
        at: DateTime<Utc>,
        reason: AssistanceReason,
    },
    /// The station's public signing key, journaled once so that a replay can check the
    /// checkpoints (`checkpoint`).
    StationKeyRegistered { key: StationKey },
    /// The journal's size and head before this entry, signed by the station key: at the
    /// opening of the polls, after each turnout report, at the close.
    CheckpointSigned { checkpoint: Checkpoint },
}

impl Event {
    /// The short name stored beside the payload, for reading a journal by eye.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::ElectionLoaded { .. } => "election-loaded",
            Event::StepCompleted { .. } => "step-completed",
            Event::PersonArrived { .. } => "person-arrived",
            Event::PersonLeft { .. } => "person-left",
            Event::LotCommitted { .. } => "lot-committed",
            Event::LotDrawn { .. } => "lot-drawn",
            Event::SafeOpened { .. } => "safe-opened",
            Event::BoxSealed { .. } => "box-sealed",
            Event::SealingFinished { .. } => "sealing-finished",
            Event::BallotsReceived { .. } => "ballots-received",
            Event::BallotsIssuedToMember { .. } => "ballots-issued-to-member",
            Event::BallotIssueFinished { .. } => "ballot-issue-finished",
            Event::PaperStockRecorded { .. } => "paper-stock-recorded",
            Event::PollsOpened { .. } => "polls-opened",
            Event::ApplicationRegistered { .. } => "application-registered",
            Event::OutOfPremisesVoterServed { .. } => "out-of-premises-voter-served",
            Event::PortableBoxSlotSealed { .. } => "portable-box-slot-sealed",
            Event::OutOfPremisesClosed { .. } => "out-of-premises-closed",
            Event::ActDrawnUp { .. } => "act-drawn-up",
            Event::VoterIdentified { .. } => "voter-identified",
            Event::IdentificationFailed { .. } => "identification-failed",
            Event::BallotPrinted { .. } => "ballot-printed",
            Event::VoterListed { .. } => "voter-listed",
            Event::BallotIssuedToVoter { .. } => "ballot-issued-to-voter",
            Event::TurnoutReported { .. } => "turnout-reported",
            Event::PollsClosed { .. } => "polls-closed",
            Event::UnusedBallotsCancelled { .. } => "unused-ballots-cancelled",
            Event::ListTotalsRecorded { .. } => "list-totals-recorded",
            Event::PortableBoxOpened { .. } => "portable-box-opened",
            Event::AeuResultsRecorded { .. } => "aeu-results-recorded",
            Event::CountEntered { .. } => "count-entered",
            Event::RecountDemanded { .. } => "recount-demanded",
            Event::ProtocolSigned { .. } => "signed-protocol",
            Event::ProtocolCorrectionStarted { .. } => "correction-started",
            Event::ComplaintReceived { .. } => "complaint-received",
            Event::ComplaintDecided { .. } => "complaint-decided",
            Event::DissentAttached { .. } => "dissent-attached",
            Event::PacketsSealed { .. } => "packets-sealed",
            Event::Delivered { .. } => "delivered",
            Event::ChairCardRegistered { .. } => "chair-card-registered",
            Event::DuplicateAuthorised { .. } => "duplicate-authorised",
            Event::DuplicatePrinted { .. } => "duplicate-printed",
            Event::BallotSpoiled { .. } => "ballot-spoiled",
            Event::AeuFailed { .. } => "aeu-failed",
            Event::SwitchedToReserveAeu { .. } => "switched-to-reserve-aeu",
            Event::SwitchedToTransparentBox { .. } => "switched-to-transparent-box",
            Event::DeviceStopped { .. } => "device-stopped",
            Event::DeviceResumed { .. } => "device-resumed",
            Event::PowerCut { .. } => "power-cut",
            Event::PowerRestored { .. } => "power-restored",
            Event::AssistanceGiven { .. } => "assistance-given",
            Event::StationKeyRegistered { .. } => "station-key-registered",
            Event::CheckpointSigned { .. } => "checkpoint-signed",
        }
    }

    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Event::ElectionLoaded { at, .. }
            | Event::StepCompleted { at, .. }
            | Event::PersonLeft { at, .. }
            | Event::LotCommitted { at, .. }
            | Event::LotDrawn { at, .. }
            | Event::SealingFinished { at }
            | Event::BallotIssueFinished { at }
            | Event::PollsOpened { at }
            | Event::ApplicationRegistered { at, .. }
            | Event::PortableBoxSlotSealed { at, .. }
            | Event::VoterIdentified { at, .. }
            | Event::IdentificationFailed { at, .. }
            | Event::BallotPrinted { at, .. }
            | Event::VoterListed { at, .. }
            | Event::BallotIssuedToVoter { at }
            | Event::TurnoutReported { at, .. }
            | Event::PollsClosed { at, .. }
            | Event::ProtocolCorrectionStarted { at, .. }
            | Event::PacketsSealed { at, .. }
            | Event::Delivered { at } => *at,
            Event::UnusedBallotsCancelled { unused } => unused.at,
            Event::ListTotalsRecorded { totals } => totals.at,
            Event::PortableBoxOpened { opened } => opened.at,
            Event::AeuResultsRecorded { results } => results.at,
            Event::CountEntered { entry } => entry.at,
            Event::RecountDemanded { demand } => demand.at,
            Event::ProtocolSigned { protocol } => protocol.at,
            Event::ComplaintReceived { complaint } => complaint.at,
            Event::ComplaintDecided { decision, .. } => decision.at,
            Event::DissentAttached { dissent } => dissent.at,
            | Event::ChairCardRegistered { at, .. }
            | Event::DuplicateAuthorised { at, .. }
            | Event::DuplicatePrinted { at, .. }
            | Event::BallotSpoiled { at, .. }
            | Event::AeuFailed { at, .. }
            | Event::SwitchedToReserveAeu { at, .. }
            | Event::SwitchedToTransparentBox { at, .. }
            | Event::DeviceStopped { at, .. }
            | Event::DeviceResumed { at, .. }
            | Event::PowerCut { at }
            | Event::PowerRestored { at }
            | Event::AssistanceGiven { at, .. } => *at,
            Event::ActDrawnUp { act } => act.at,
            Event::OutOfPremisesVoterServed { served } => served.at,
            Event::OutOfPremisesClosed { closing } => closing.at,
            Event::PersonArrived { attendee } => attendee.arrived_at,
            Event::SafeOpened { opening } => opening.at,
            Event::BoxSealed { sealed } => sealed.at,
            Event::BallotsReceived { received } => received.at,
            Event::BallotsIssuedToMember { batch } => batch.at,
            Event::PaperStockRecorded { stock } => stock.at,
            Event::StationKeyRegistered { key } => key.at,
            Event::CheckpointSigned { checkpoint } => checkpoint.at,
        }
    }
}

/// A request to act; [`crate::decide`] turns it into events or refuses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Command {
    LoadElection { definition: Box<ElectionDefinition> },
    CompleteStep { step: StepId },
    RegisterArrival { arrival: Arrival },
    RegisterDeparture { person: u32 },
    /// `commitment` is SHA-256 of a secret the caller drew and keeps until the draw.
    CommitLot { purpose: LotPurpose, commitment: String, count: u32 },
    DrawLot { purpose: LotPurpose, secret: String, contributions: Vec<Contribution> },
    OpenSafe { voters_paper: u32, voters_electronic: u32, explanation: Option<String> },
    SealBox { box_id: String, kind: BoxKind, seals: Vec<String> },
    FinishSealing,
    ReceiveBallots { announced: u32, recounted: u32, for_out_of_premises: u32, explanation: Option<String> },
    IssueBallotsToMember { member_id: String, count: u32 },
    FinishBallotIssue,
    RecordPaperStock { sheets: u32, printer_counter: u64 },
    OpenPolls,
    RegisterApplication { voter_name: String, address: String, reason: String },
    ServeOutOfPremisesVoter { application: u32, box_id: String, document: String },
    SealPortableBoxSlot { box_id: String },
    CloseOutOfPremisesVoting { ballots_taken: u32, unused_returned: u32, spoiled_returned: u32 },
    /// The devices identified the voter (fingerprint, or face after ten fingerprints).
    IdentifyVoter { identification: Identification },
    /// The devices could not identify the voter: the act of §37.
    RecordIdentificationFailure { facts: VoterFacts, fingerprint_attempts: u8, face_tried: bool },
    /// The terminal printed the ballot of this contest for a voter identified here.
    RecordBallotPrinted { district: String },
    /// The voter signed the list (remote participants, or the paper list).
    ListVoter { voter: String },
    /// A ballot handed over against a receipt (regular station).
    IssueBallotToVoter,
    /// The turnout figure of a 2-hourly report, taken from the receipts (§38).
    ReportTurnout { step: StepId },
    /// 20:00: the polls close (§49).
    ClosePolls,
    /// §52: the unused ballots recounted and cancelled (regular station).
    CancelUnusedBallots { unused: u32, spoiled_returned: u32 },
    /// §53: the list's totals.
    RecordListTotals { pages: u32, voters_in_list: u32, signatures: u32, explanation: Option<String> },
    /// §54: a portable box opened and its ballots counted.
    OpenPortableBox { box_id: String, seals_intact: bool, found: u32 },
    /// §56: the AEU's preliminary results.
    RecordAeuResults { source: AeuSource, tallies: Vec<AeuTally> },
    /// §58–61: one member's count of one contest.
    EnterCount { contest: String, member: String, figures: CountFigures },
    /// §62: a recount demanded by a representative or observer (their attendance number).
    DemandRecount { contest: String, by: u32, reason: String },
    /// §65: the protocol signed by the members present (ids).
    SignProtocol { signers: Vec<String> },
    /// §66: an error found after signing.
    CorrectProtocol { reason: String },
    /// §64: a complaint received.
    ReceiveComplaint { from: String, text: String },
    /// §64: the commission's decision on a complaint and who agreed.
    DecideComplaint { number: u32, decision: String, agreed: Vec<String> },
    /// §64: a member's dissenting opinion.
    AttachDissent { member: String, text: String },
    /// §64, R5.4: the packets sealed.
    SealPackets,
    /// §67: delivered to the higher commission.
    RecordDelivery,
    /// The chair's card, read at the station's set-up (R4.4): its Ed25519 key, hex.
    RegisterChairCard { public_key: String },
    /// A duplicate of a spoiled ballot, signed by the chair's card (R4.4).
    AuthoriseDuplicate { authorisation: DuplicateAuthorisation },
    /// The duplicate of this spoiled ballot came out of the printer.
    RecordDuplicatePrinted { spoiled_serial: String },
    /// Regular station: a spoiled ballot returned to the member who issued it (§45).
    RecordSpoiledBallot { member_id: String },
    /// An urn failed (§48), by its box id.
    RecordAeuFailure { aeu: String },
    SwitchToReserveAeu,
    /// `seals` only when the box was not sealed at the opening (it is sealed now).
    SwitchToTransparentBox { box_id: String, seals: Vec<String> },
    RecordDeviceStop { device: IncidentDevice },
    RecordDeviceResumed { device: IncidentDevice },
    RecordPowerCut,
    RecordPowerRestored,
    /// §46. The helper's name is checked against the commission and the attendance
    /// register and never recorded.
    RecordAssistance { reason: AssistanceReason, helper_name: String, helper_is_voter: bool },
    /// §17: the written decision of the commission to remove a person.
    RemovePerson { person: u32, reason: String },
    /// The station's public key (64 hex digits), journaled once; the api composes it.
    RegisterStationKey { public_key: String },
    /// A checkpoint of the journal as it is now, signed by the station key; the api
    /// composes it (`checkpoint`).
    SignCheckpoint {
        #[ts(type = "number")]
        count: u64,
        head: String,
        signature: String,
    },
}
