// Generated from the Rust types by src-tauri/crates/api/tests/bindings.rs. Do not edit.

export type ApiError = { code: string, 
/**
 * Fluent message id, from the files in `locales/ky` and `locales/ru`.
 */
message: string, args: { [key in string]: MessageArg }, };

/**
 * One argument of a translated message.
 */
export type MessageArg = number | string;

/**
 * One procedure of the day. The order of the variants is the order of the day.
 */
export type StepId = "out-of-premises-voting" | "lot-drawing" | "opening-safe" | "sealing-boxes" | "ballots-to-members" | "voting" | "turnout10" | "turnout12" | "turnout14" | "turnout16" | "turnout18" | "close" | "count" | "protocol" | "packets" | "delivery";

export type StepState = "not-yet" | "now" | "done" | "late";

export type ElectionKind = "jogorku-kenesh-districts" | "jogorku-kenesh-party-lists" | "local-council" | "presidential" | "referendum";

export type StationKind = "regular" | "remote-voting" | "abroad";

/**
 * A text in both languages of the app.
 */
export type LocalizedText = { ky: string, ru: string, };

/**
 * Every kind of device the law and the design mention (design.md, "Devices").
 */
export type DeviceKind = "camera" | "document-reader" | "qr-reader" | "fingerprint-scanner" | "face-matcher" | "ballot-printer" | "document-printer" | "aeu" | "smart-card" | "observer-display";

/**
 * What a device can do right now. The UI shows it at all times.
 */
export type DeviceState = "ready" | "busy" | "fault" | "absent";

/**
 * Why a device is failing, as a Fluent message id suffix (`device-fault-<code>`).
 */
export type FaultCode = "jammed" | "out-of-paper" | "disconnected" | "not-responding" | "broken" | "blocked";

export type DeviceStatus = { 
/**
 * Stable id within the station, e.g. `aeu-reserve`.
 */
id: string, kind: DeviceKind, state: DeviceState, fault: FaultCode | null, 
/**
 * A simulated twin (demo, training, tests), never to be mistaken for the real one.
 */
simulated: boolean, 
/**
 * The role among devices of the same kind, e.g. main and reserve AEU.
 */
reserve: boolean, };

/**
 * Everything the main window shows, in one answer.
 */
export type Overview = { language: "ky" | "ru", election: ElectionView | null, clock: ClockView, timeline: Array<TimelineStep>, devices: Array<DeviceStatus>, journal: JournalView, opening: OpeningView | null, voting: VotingView | null, count: CountView | null, register: RegisterView, 
/**
 * The station runs on simulated devices: voters can be sent to the desk.
 */
simulated: boolean, 
/**
 * The box in use, failed urns, stopped devices, power cuts (§48, §6).
 */
incidents: IncidentsView | null, };

export type ElectionView = { id: string, name: LocalizedText, kind: ElectionKind, training: boolean, 
/**
 * ISO date, e.g. `2026-11-22`.
 */
voting_day: string, timezone: string, station_number: string, station_kind: StationKind, station_address: LocalizedText, 
/**
 * The district the station sits in, as printed (e.g. «№ 3»).
 */
district: string, contests: number, };

/**
 * The station's local time, which every deadline is measured in (§31).
 */
export type ClockView = { 
/**
 * Local date and time, `YYYY-MM-DDTHH:MM:SS`, in the station's zone.
 */
local: string, 
/**
 * e.g. `+06:00`.
 */
utc_offset: string, timezone: string, 
/**
 * How many station seconds pass in a real one (a training clock; otherwise 1).
 */
speed: number, 
/**
 * A trainer paused the clock.
 */
paused: boolean, 
/**
 * The clock can be paused, sped up and moved forward: a training clock in a mock
 * election.
 */
controls: boolean, };

export type TimelineStep = { step: StepId, state: StepState, 
/**
 * Local `HH:MM` the step may start.
 */
starts: string, 
/**
 * Local `HH:MM` by which it must be done.
 */
deadline: string, 
/**
 * Days from voting day of the start (−1: the day before) and of the deadline.
 */
start_day: number, deadline_day: number, 
/**
 * The clause it comes from, e.g. `§32`.
 */
clause: string, 
/**
 * Local `HH:MM` it was recorded as done.
 */
done_at: string | null, 
/**
 * Whether the chair may record it as done now (a rule would otherwise refuse).
 */
can_complete: boolean, 
/**
 * Done through its own guided procedure rather than by a single act.
 */
procedure: boolean, };

export type JournalView = { events: number, 
/**
 * The first 16 hex digits of the head hash, for the paper minutes.
 */
head: string, 
/**
 * The journal failed its checks at start: nothing can be recorded.
 */
read_only: boolean, problem: ApiError | null, 
/**
 * The last signed checkpoint (`keys`), for the status bar and the paper minutes.
 */
checkpoint: CheckpointView | null, };

/**
 * The observers' monitor (§37, R4.3): large type, no personal data but the photo of
 * the voter being identified.
 */
export type MonitorView = { language: "ky" | "ru", station_number: string | null, training: boolean, 
/**
 * A remote-voting station keeps no list of its own: the monitor shows no list count.
 */
remote: boolean, 
/**
 * Voters in this station's list (a regular station with its register imported).
 */
voters_in_list: number | null, 
/**
 * Voters identified so far: receipts printed (§37, R4.3).
 */
voters_identified: number, 
/**
 * A voter is at the identification desk.
 */
voter_at_desk: boolean, 
/**
 * The register's photo of that voter, as a `data:` URL; a placeholder is drawn
 * when the register has none.
 */
photo: string | null, };

/**
 * The opening meeting as the chair sees it: the register, the lots, the safe, the boxes
 * and the ballots (§32–36).
 */
export type OpeningView = { commission: Array<CommissionMember>, attendance: Array<Attendee>, lots: Array<LotView>, safe: SafeOpening | null, boxes: Array<SealedBox>, sealing_finished: boolean, ballots_received: BallotsReceived | null, ballot_batches: Array<BallotBatch>, ballots_undistributed: number, ballot_issue_finished: boolean, paper_stock: PaperStock | null, polls_open: boolean, 
/**
 * Whether the polls may be opened now (§31–36 done, 08:00–20:00).
 */
can_open_polls: boolean, 
/**
 * Out-of-premises voting (§21–30).
 */
applications: Array<Application>, served: Array<ServedVoter>, slots_sealed: Array<string>, out_of_premises_closing: OutOfPremisesClosing | null, };

export type LotView = { purpose: LotPurpose, 
/**
 * Shown to everyone before the contributions are taken.
 */
commitment: string, 
/**
 * Names of the members who can be drawn, in the order the draw uses.
 */
members: Array<string>, count: number, 
/**
 * Once drawn: the full record, to print and to re-run.
 */
record: LotRecord | null, };

/**
 * Which document to print.
 */
export type DocumentKind = { "type": "lot-record", purpose: LotPurpose, } | { "type": "control-sheet", box_id: string, } | { "type": "ballot-ledger" } | { "type": "safe-record" } | { "type": "attendance-register" } | { "type": "out-of-premises-registry" } | { "type": "out-of-premises-act" } | { "type": "act", number: number, } | { "type": "act-register" } | { "type": "protocol", number: number, copy: number, } | { "type": "aeu-preliminary" } | { "type": "enlarged-protocol" } | { "type": "certified-copies" } | { "type": "packet-labels" } | { "type": "packet-inventory" } | { "type": "final-meeting" };

/**
 * A request to act; [`crate::decide`] turns it into events or refuses it.
 */
export type Command = { "type": "load-election", definition: ElectionDefinition, } | { "type": "complete-step", step: StepId, } | { "type": "register-arrival", arrival: Arrival, } | { "type": "register-departure", person: number, } | { "type": "commit-lot", purpose: LotPurpose, commitment: string, count: number, } | { "type": "draw-lot", purpose: LotPurpose, secret: string, contributions: Array<Contribution>, } | { "type": "open-safe", voters_paper: number, voters_electronic: number, explanation: string | null, } | { "type": "seal-box", box_id: string, kind: BoxKind, seals: Array<string>, } | { "type": "finish-sealing" } | { "type": "receive-ballots", announced: number, recounted: number, for_out_of_premises: number, explanation: string | null, } | { "type": "issue-ballots-to-member", member_id: string, count: number, } | { "type": "finish-ballot-issue" } | { "type": "record-paper-stock", sheets: number, printer_counter: number, } | { "type": "open-polls" } | { "type": "register-application", voter_name: string, address: string, reason: string, } | { "type": "serve-out-of-premises-voter", application: number, box_id: string, document: string, } | { "type": "seal-portable-box-slot", box_id: string, } | { "type": "close-out-of-premises-voting", ballots_taken: number, unused_returned: number, spoiled_returned: number, } | { "type": "identify-voter", identification: Identification, } | { "type": "record-identification-failure", facts: VoterFacts, fingerprint_attempts: number, face_tried: boolean, } | { "type": "record-ballot-printed", district: string, } | { "type": "list-voter", voter: string, } | { "type": "issue-ballot-to-voter" } | { "type": "report-turnout", step: StepId, } | { "type": "close-polls" } | { "type": "cancel-unused-ballots", unused: number, spoiled_returned: number, } | { "type": "record-list-totals", pages: number, voters_in_list: number, signatures: number, explanation: string | null, } | { "type": "open-portable-box", box_id: string, seals_intact: boolean, found: number, } | { "type": "record-aeu-results", source: AeuSource, tallies: Array<AeuTally>, } | { "type": "enter-count", contest: string, member: string, figures: CountFigures, } | { "type": "demand-recount", contest: string, by: number, reason: string, } | { "type": "sign-protocol", signers: Array<string>, } | { "type": "correct-protocol", reason: string, } | { "type": "receive-complaint", from: string, text: string, } | { "type": "decide-complaint", number: number, decision: string, agreed: Array<string>, } | { "type": "attach-dissent", member: string, text: string, } | { "type": "seal-packets" } | { "type": "record-delivery" } | { "type": "register-chair-card", public_key: string, } | { "type": "authorise-duplicate", authorisation: DuplicateAuthorisation, } | { "type": "record-duplicate-printed", spoiled_serial: string, } | { "type": "record-spoiled-ballot", member_id: string, } | { "type": "record-aeu-failure", aeu: string, } | { "type": "switch-to-reserve-aeu" } | { "type": "switch-to-transparent-box", box_id: string, seals: Array<string>, } | { "type": "record-device-stop", device: IncidentDevice, } | { "type": "record-device-resumed", device: IncidentDevice, } | { "type": "record-power-cut" } | { "type": "record-power-restored" } | { "type": "record-assistance", reason: AssistanceReason, helper_name: string, helper_is_voter: boolean, } | { "type": "remove-person", person: number, reason: string, } | { "type": "register-station-key", public_key: string, } | { "type": "sign-checkpoint", count: number, head: string, signature: string, };

/**
 * A validated election definition.
 */
export type ElectionDefinition = { id: string, name: LocalizedText, kind: ElectionKind, 
/**
 * A mock election for training: every screen and page says so (issue 9).
 */
training: boolean, voting_day: string, 
/**
 * IANA time zone of the station, e.g. `Asia/Bishkek` (abroad: the host country's).
 */
timezone: string, community_registration_days: number, contests: Array<Contest>, station: Station, commission: Array<CommissionMember>, };

/**
 * A contest: one ballot. For Jogorku Kenesh 2025 a multi-mandate district.
 */
export type Contest = { id: string, 
/**
 * The district's designation printed on its ballot, e.g. «№ 3».
 */
designation: string, name: LocalizedText, options: Array<BallotOption>, };

export type BallotOption = { id: string, kind: OptionKind, name: LocalizedText, };

export type OptionKind = "candidate" | "party" | "answer" | "against-all";

export type Station = { number: string, kind: StationKind, 
/**
 * The contest (district) the station belongs to; a remote-voting station serves
 * every district but still sits in one.
 */
district: string, address: LocalizedText, };

export type CommissionMember = { id: string, name: string, role: Role, };

export type Role = "chair" | "deputy-chair" | "secretary" | "member";

/**
 * What the register is asked to record on arrival.
 */
export type Arrival = { category: AttendeeCategory, 
/**
 * For a member, taken from the definition when empty.
 */
name: string, member_id: string | null, organisation: string | null, accreditation: string | null, 
/**
 * Declared by an international observer; a citizen is refused (seed 003).
 */
kyrgyz_citizen: boolean, };

/**
 * Someone who came into the room.
 */
export type Attendee = { 
/**
 * Sequential number in the register, from 1.
 */
person: number, name: string, category: AttendeeCategory, 
/**
 * For a commission member: their id in the election definition.
 */
member_id: string | null, 
/**
 * The candidate, party or outlet they represent.
 */
organisation: string | null, 
/**
 * The accreditation certificate number of an international observer.
 */
accreditation: string | null, arrived_at: string, left_at: string | null, };

export type AttendeeCategory = "member" | "candidate-representative" | "party-representative" | "observer" | "international-observer" | "media";

/**
 * A person on a control sheet or a signature list.
 */
export type PresentPerson = { name: string, category: AttendeeCategory, 
/**
 * The commission role of a member.
 */
role: Role | null, organisation: string | null, };

/**
 * What a lot decides.
 */
export type LotPurpose = "roles" | "out-of-premises";

/**
 * The four duties of §32, in the order of the clause.
 */
export type Duty = "electronic-list" | "paper-list" | "issuing-ballots" | "booths-and-boxes" | "out-of-premises";

export type Contribution = { 
/**
 * Who contributed, as announced (e.g. "observer Asanov").
 */
by: string, value: string, };

export type Assignment = { member_id: string, duty: Duty, };

/**
 * Everything needed to re-run a lot, as printed and exported.
 */
export type LotRecord = { purpose: LotPurpose, election_id: string, station_number: string, 
/**
 * The eligible members in the order the draw used.
 */
members: Array<string>, 
/**
 * How many members are picked (out-of-premises lot only).
 */
count: number, commitment: string, secret: string, contributions: Array<Contribution>, seed: string, assignment: Array<Assignment>, };

export type SafeOpening = { at: string, 
/**
 * Voters in the paper list, as counted.
 */
voters_paper: number, 
/**
 * Voters in the electronic list, as the device shows.
 */
voters_electronic: number, 
/**
 * Why the two differ; required when they do.
 */
explanation: string | null, };

export type BoxKind = "stationary" | "aeu" | "portable";

/**
 * What the control sheet put inside a box says (§34, §25).
 */
export type ControlSheet = { station_number: string, chair: string, 
/**
 * Local time the sheet was put in, `HH:MM`.
 */
time: string, present: Array<PresentPerson>, };

export type SealedBox = { box_id: string, kind: BoxKind, seals: Array<string>, at: string, control_sheet: ControlSheet, };

export type BallotsReceived = { at: string, 
/**
 * As announced by the chair from the higher commission's papers (§35).
 */
announced: number, 
/**
 * As recounted aloud by the members; this figure goes to the protocol.
 */
recounted: number, 
/**
 * Of those, given for out-of-premises voting.
 */
for_out_of_premises: number, 
/**
 * Why the recount differs from the announcement; required when it does.
 */
explanation: string | null, };

export type BallotBatch = { member_id: string, count: number, at: string, };

/**
 * A remote-voting station prints ballots on demand: it records its paper and the
 * printer's counter instead of a stock of ballots.
 */
export type PaperStock = { at: string, sheets: number, printer_counter: number, };

/**
 * A written application to vote outside the premises (§22).
 */
export type Application = { 
/**
 * Number in the registry, from 1.
 */
number: number, voter_name: string, address: string, 
/**
 * Why the voter cannot come (illness, disability, …), as written.
 */
reason: string, received_on: string, };

/**
 * A voter served from a portable box (§26, §28): tied to an application; in the paper
 * list with the document's series and number and the mark "voted outside the premises".
 */
export type ServedVoter = { application: number, box_id: string, 
/**
 * Series and number of the identity document, as written in the paper list.
 */
document: string, at: string, };

/**
 * The closing act's figures (§29).
 */
export type OutOfPremisesClosing = { at: string, 
/**
 * Ballots the members took out.
 */
ballots_taken: number, 
/**
 * Ballots issued to voters (one per voter served).
 */
ballots_issued: number, 
/**
 * Identification receipts printed (one per voter served).
 */
receipts_issued: number, unused_returned: number, spoiled_returned: number, };

/**
 * Voting hours in figures (§37–42, §38, R4.2): counted, never listed voter by voter.
 */
export type VotingView = { 
/**
 * Voting acts are allowed now (the polls open, the close not yet recorded).
 */
open: boolean, 
/**
 * Voters identified: receipts printed.
 */
identified: number, 
/**
 * Voters the devices could not identify (each with an act).
 */
failures: number, 
/**
 * Voters who signed the list.
 */
listed: number, 
/**
 * Regular station: ballots handed over against receipts.
 */
ballots_issued: number, 
/**
 * Remote station: per contest, voters identified and ballots printed.
 */
districts: Array<DistrictCount>, 
/**
 * The figure a turnout report would give now (§38).
 */
turnout_now: number, turnout: Array<TurnoutView>, 
/**
 * Acts drawn up so far.
 */
acts: Array<Act>, };

export type DistrictCount = { contest: string, designation: string, identified: number, printed: number, };

export type TurnoutView = { step: StepId, 
/**
 * Local `HH:MM` of the report.
 */
at: string, figure: number, };

/**
 * The voter register loaded at the station.
 */
export type RegisterView = { loaded: boolean, 
/**
 * Voters in it.
 */
voters: number, 
/**
 * Of them, voters of this station's list.
 */
at_station: number, 
/**
 * The import started from the window, if any.
 */
import: ImportStatus | null, };

/**
 * What the identification panel shows.
 */
export type DeskView = { active: boolean, document: IdentityDocument | null, voter: DeskVoter | null, 
/**
 * The member compared the document's photo with the person (R4.2 step 2).
 */
photo_confirmed: boolean, fingerprint_attempts: number, max_fingerprint_attempts: number, 
/**
 * Face geometry may be tried now (remote station, ten fingerprints failed).
 */
face_allowed: boolean, face_tried: boolean, 
/**
 * The act of §37 may be drawn up now.
 */
can_give_up: boolean, last_attempt: AttemptOutcome | null, identified: boolean, method: BiometricMethod | null, receipt_printed: boolean, 
/**
 * Remote station: the ballot of the voter's district came out of the printer.
 */
ballot_printed: boolean, 
/**
 * The voter signed the list (remote participants, or the paper list).
 */
listed: boolean, 
/**
 * Regular station: the ballot was handed over against the receipt.
 */
ballot_issued: boolean, 
/**
 * The number of the act drawn up for a voter the devices could not identify.
 */
failure_act: number | null, steps: Array<DeskStep>, };

/**
 * The voter at the desk as the member sees them. No personal number.
 */
export type DeskVoter = { name: string, 
/**
 * `DD.MM.YYYY`.
 */
birth_date: string, 
/**
 * The contest (district) whose ballot the voter gets here.
 */
contest: string, designation: string, contest_name: LocalizedText, 
/**
 * The station of the voter's registered address.
 */
station: string, 
/**
 * A `data:` URL of the register's photo, if it has one.
 */
photo: string | null, 
/**
 * The document's number as read, for the paper list (§39); never stored.
 */
document_number: string, };

export type DeskStep = { 
/**
 * Message id suffix: `desk-step-<id>`.
 */
id: string, state: DeskStepState, };

/**
 * One of the nine steps of R4.2 (a regular station shows §37–42's steps the same way).
 */
export type DeskStepState = "done" | "current" | "todo";

/**
 * The outcome of the last biometric attempt, for the member to tell the voter.
 */
export type AttemptOutcome = "match" | "no-match" | "low-quality" | "no-finger" | "no-face";

/**
 * The kinds of voter a trainer (or the demo) can send to the desk.
 */
export type VoterCase = "eligible" | "other-district" | "own-district-other-station" | "recently-registered" | "fingerprints-fail-ten" | "never-recognised" | "not-in-register" | "already-identified" | "digital-passport";

/**
 * Who came to the desk, as the trainer's panel says it.
 */
export type SimulatedArrival = { case: VoterCase, name: string, 
/**
 * The document the voter shows.
 */
document: IdentityDocument, 
/**
 * The contest of the voter's registered address.
 */
district: string, station: string, };

/**
 * The identity documents a voter may present (R4.2, step 1; §39).
 */
export type IdentityDocument = "id-card" | "passport" | "diplomatic-passport" | "service-passport" | "tunduk-digital-passport";

/**
 * How the voter was finally recognised.
 */
export type BiometricMethod = "fingerprint" | "face";

/**
 * What the member and the devices established for one voter.
 */
export type Identification = { facts: VoterFacts, document: IdentityDocument, method: BiometricMethod, 
/**
 * Fingerprint attempts made, the successful one included.
 */
fingerprint_attempts: number, };

/**
 * What the register says about a voter, as far as the rules need it.
 */
export type VoterFacts = { 
/**
 * The keyed hash (hex) of the personal number: how the journal names a voter.
 */
voter: string, birth_date: string, 
/**
 * The contest (multi-mandate district) of the voter's registered address.
 */
district: string, 
/**
 * The station number of the voter's registered address.
 */
station: string, 
/**
 * Since when the voter is registered at that address (R3.1).
 */
registered_on: string, };

/**
 * One act, as the journal records it.
 */
export type Act = { 
/**
 * Number within the station, from 1, without gaps.
 */
number: number, at: string, kind: ActKind, };

/**
 * What an act records.
 */
export type ActKind = { "type": "identification-failure", 
/**
 * The voter's key (keyed hash), never the personal number.
 */
voter: string, fingerprint_attempts: number, face_tried: boolean, } | { "type": "unused-ballots-cancelled", unused: number, spoiled_returned: number, cancelled: number, } | { "type": "ballots-issued", signatures: number, receipts: number, } | { "type": "portable-box-invalidated", box_id: string, served: number, found: number, members: Array<string>, } | { "type": "aeu-preliminary", processed: number, } | { "type": "protocol-correction", protocol: number, reason: string, } | { "type": "spoiled-ballot", member_id: string, } | { "type": "duplicate-ballot", spoiled_serial: string, district: string, reason: string, } | { "type": "reserve-aeu", failed: string, reserve: string, } | { "type": "transparent-box", failed: Array<string>, box_id: string, } | { "type": "removal", person: number, reason: string, };

/**
 * One printed line of a contest's protocol, as the UI and the printed protocol show it.
 */
export type FormLine = { kind: LineKind, 
/**
 * The line's id, or the ballot option's id.
 */
id: string, number: string, 
/**
 * The line's label, or the option's name.
 */
label: LocalizedText, clause: string | null, };

export type LineKind = "line" | "option";

/**
 * A control relation that the figures break.
 */
export type Violation = { 
/**
 * The relation's id in the form.
 */
relation: string, clause: string | null, comparison: Comparison, left: Side, right: Side, 
/**
 * How many options the contest has, so that `sum(options)` can be named by its
 * printed lines.
 */
option_count: number, };

/**
 * One side of a violated relation: its terms and their signed total.
 */
export type Side = { terms: Array<TermValue>, total: number, };

/**
 * A term of a violated relation with the value it had.
 */
export type TermValue = { sign: Sign, term: Term, value: number, };

/**
 * What a relation can name.
 */
export type Term = { "kind": "line", id: string, } | { "kind": "options" } | { "kind": "constant", value: number, };

export type Sign = "plus" | "minus";

export type Comparison = "equal" | "at-most" | "at-least" | "less" | "greater";

/**
 * The figures of one contest's protocol: a value for every line of the form and the
 * votes of every ballot option of the contest. Built by [`ContestProtocol::new`], which
 * refuses a missing or unknown line or option.
 */
export type ContestProtocol = { 
/**
 * The form's id.
 */
form: string, 
/**
 * The contest's id.
 */
contest: string, 
/**
 * Line id → value.
 */
lines: Record<string, number>, 
/**
 * Option id → votes.
 */
options: Record<string, number>, };

/**
 * Where an import stands, for the progress bar and the report.
 */
export type ImportStatus = { running: boolean, 
/**
 * `reading` the file, then `writing` the sorted register.
 */
stage: string, rows_done: number, rows_total: number | null, bytes_done: number, bytes_total: number, report: ImportReportView | null, 
/**
 * Why the import failed (the old register stays).
 */
error: ApiError | null, };

export type ImportReportView = { rows_read: number, imported: number, rejected: number, duplicates: number, with_photo: number, 
/**
 * The first problems, each naming its line and field.
 */
problems: Array<ApiError>, problems_total: number, };

/**
 * Everything after 20:00.
 */
export type CountView = { closed: boolean, closing_turnout: number | null, unused: UnusedBallots | null, list: ListTotals | null, 
/**
 * Portable boxes sealed the day before, and those opened at the count.
 */
portable_boxes: Array<string>, portable: Array<PortableBoxCount>, aeu: AeuResults | null, 
/**
 * Both AEUs failed (§48): no AEU preliminary protocol exists.
 */
no_aeu: boolean, contests: Array<ContestCountView>, recounts: Array<RecountDemand>, 
/**
 * Every protocol signed; the last one is in force unless `correcting`.
 */
protocols: Array<SignedProtocol>, correcting: boolean, complaints: Array<Complaint>, dissents: Array<Dissent>, packets: Array<Packet>, packets_sealed: boolean, delivered: boolean, 
/**
 * The form's lines of a contest (labels in both languages, numbers), for the screen.
 */
form_lines: Array<FormLine>, 
/**
 * The commission, to pick who enters and who signs.
 */
members_present: Array<string>, };

/**
 * One contest at the count.
 */
export type ContestCountView = { contest: string, designation: string, 
/**
 * The latest entry of each member who entered this contest (after a recount, only
 * the entries made since).
 */
entries: Array<CountEntry>, 
/**
 * Where the two latest entries of different members differ.
 */
differences: Array<EntryDifference>, 
/**
 * The figures once two entries agree.
 */
agreed: CountFigures | null, 
/**
 * The AEU's preliminary figures for this contest, if taken.
 */
aeu: AeuTally | null, 
/**
 * The AEU's figures against the agreed manual count, line by line (§62).
 */
aeu_differences: Array<AeuDifference>, recounted: boolean, 
/**
 * The protocol's figures (once agreed).
 */
protocol: ContestProtocol | null, 
/**
 * Every violated control relation, said in words (message id and arguments).
 */
violations: Array<ApiError>, 
/**
 * What the simulated voters really marked (demo and training only).
 */
truth: TrueTally | null, 
/**
 * The protocol's lines of this contest in printed order, its options included.
 */
lines: Array<FormLine>, 
/**
 * What a member enters for this contest, in the form's order.
 */
entry_fields: Array<EntryField>, };

/**
 * One figure a member enters for a contest: its field as the differences name it
 * (`in-boxes`, `votes:<option>`, `invalid`, `unestablished`, `lost`, `not-accounted`),
 * and the protocol line it goes to, when it goes to one.
 */
export type EntryField = { field: string, 
/**
 * The line's printed number.
 */
number: string | null, 
/**
 * The line's label or the option's name; `None` for a figure no line holds
 * (ballots of unestablished form are set aside, §55).
 */
label: LocalizedText | null, };

/**
 * What the simulated voters really marked, contest by contest: counts only. The
 * simulation knows the true piles so that a trainer (and the tests) can hold the count
 * against them.
 */
export type TrueTally = { contest: string, 
/**
 * Ballots cast into the urn (fed or, when it failed, dropped into the box).
 */
cast: number, votes: Record<string, number>, 
/**
 * Ballots marked for none or for several options.
 */
invalid: number, 
/**
 * Ballots the AEU did not take (it had failed): in the reserve's or the box.
 */
not_fed: number, };

/**
 * Where the AEU's figures come from (§56).
 */
export type AeuSource = "driver" | "printout";

/**
 * The AEU's preliminary count of one contest (§56): no legal force.
 */
export type AeuTally = { contest: string, processed: number, votes: Record<string, number>, invalid: number, };

export type AeuResults = { at: string, source: AeuSource, tallies: Array<AeuTally>, };

/**
 * One line of the AEU's preliminary figures against the manual count (§62).
 */
export type AeuDifference = { 
/**
 * `processed`, `invalid`, or `votes:<option>`.
 */
field: string, aeu: number, manual: number, };

/**
 * What one member counted for one contest (§58–61). Two members enter it independently;
 * the figures stand when their latest entries agree.
 */
export type CountFigures = { 
/**
 * Ballots taken from the stationary boxes and the AEU (a remote station: of this
 * district, after sorting by district, R5.2).
 */
in_boxes: number, 
/**
 * The piles: votes per option, «against all» included.
 */
votes: Record<string, number>, 
/**
 * Invalid ballots (§58, §60): will not determinable, no security marks, …
 */
invalid: number, 
/**
 * Ballots of unestablished form, set aside and not counted (§55).
 */
unestablished: number, 
/**
 * Ballots lost (regular station's balance; usually 0).
 */
lost: number, 
/**
 * Ballots not accounted for at receipt (usually 0).
 */
not_accounted: number, };

export type CountEntry = { at: string, contest: string, 
/**
 * The member who entered it (commission member id).
 */
member: string, figures: CountFigures, };

/**
 * Where two members' entries for a contest differ: the field (`in-boxes`, `invalid`,
 * `votes:<option>`, …) and the two values.
 */
export type EntryDifference = { field: string, first: number, second: number, };

/**
 * The unused ballots recounted and cancelled, handed to the chair against the ledger
 * (§52). Cancelled total = unused + spoiled returned.
 */
export type UnusedBallots = { at: string, unused: number, spoiled_returned: number, };

/**
 * The voter list's totals (§53): per-page totals written by the members, the last
 * page's by the chair and the secretary.
 */
export type ListTotals = { at: string, 
/**
 * Pages of the list whose totals were written and signed.
 */
pages: number, 
/**
 * Voters in the list at the close (a remote station: the list of remote participants).
 */
voters_in_list: number, 
/**
 * Voters who signed for a ballot.
 */
signatures: number, 
/**
 * Identification receipts, from the journal, for the cross-check.
 */
receipts: number, 
/**
 * Why signatures and receipts differ, when they do.
 */
explanation: string | null, };

/**
 * A portable box opened at the count (§54).
 */
export type PortableBoxCount = { at: string, box_id: string, seals_intact: boolean, 
/**
 * Voters served from this box, by their applications (announced).
 */
served: number, 
/**
 * Ballots found in it.
 */
found: number, 
/**
 * More ballots than applications served: every ballot in it is invalid (§54, §60).
 */
invalidated: boolean, 
/**
 * The members who ran out-of-premises voting with it (named in the act).
 */
members: Array<string>, };

/**
 * A recount demanded aloud by a representative or an observer (§62).
 */
export type RecountDemand = { at: string, contest: string, 
/**
 * Who demanded it (a person in the attendance register).
 */
by: string, reason: string, };

/**
 * A signed results protocol (§65): the figures of every contest as signed.
 */
export type SignedProtocol = { at: string, 
/**
 * 1 for the first, 2 after a correction (§66), …
 */
number: number, 
/**
 * The commission members who signed (ids).
 */
signers: Array<string>, contests: Array<ContestProtocol>, };

/**
 * A complaint received at the final meeting (§64) and its decision.
 */
export type Complaint = { number: number, at: string, from: string, text: string, decision: ComplaintDecision | null, };

export type ComplaintDecision = { at: string, decision: string, 
/**
 * Members who voted for the decision (ids).
 */
agreed: Array<string>, };

/**
 * A member's dissenting opinion, attached to the protocol (§64).
 */
export type Dissent = { at: string, member: string, text: string, };

/**
 * One packet of documents (§64, R5.4), labelled with the station and its count.
 */
export type Packet = { 
/**
 * Message id suffix of its label: `packet-<kind>`.
 */
kind: string, 
/**
 * The contest, for the packets of sorted ballots.
 */
contest: string | null, 
/**
 * The option, for a pile of valid ballots.
 */
option: string | null, count: number, };

/**
 * A duplicate's authorisation as signed by the chair's card and journaled.
 */
export type DuplicateAuthorisation = { 
/**
 * The spoiled ballot's serial (16 hex digits), from its QR code.
 */
spoiled_serial: string, 
/**
 * The contest (district) of the spoiled ballot: the duplicate is of the same one.
 */
district: string, 
/**
 * Why the voter asked, as the act records it.
 */
reason: string, 
/**
 * Drawn by the api for this signature only (hex, [`NONCE_BYTES`] bytes).
 */
nonce: string, 
/**
 * The journal head when the chair signed (hex).
 */
journal_head: string, 
/**
 * The fingerprint of the key that signed (hex).
 */
card: string, 
/**
 * The Ed25519 signature over [`signed_message`] (hex, 64 bytes).
 */
signature: string, };

/**
 * Where every ballot printed at a remote station went: a printed ballot is either with
 * a voter (to be cast) or spoiled and cancelled; nothing else.
 */
export type BallotAccount = { 
/**
 * Ballots printed for voters and duplicates printed.
 */
printed: number, 
/**
 * Printed and not spoiled: may end in the urn.
 */
cast_eligible: number, 
/**
 * Spoiled and brought back (each one got its duplicate).
 */
spoiled: number, 
/**
 * Cancelled on the spot: the spoiled ones (R4.4).
 */
cancelled: number, };

/**
 * A device whose stop is recorded (what the law's procedures name; the AEU has §48).
 */
export type IncidentDevice = "identification-device" | "ballot-printer" | "document-printer";

/**
 * Why a voter needs help (§46).
 */
export type AssistanceReason = "cannot-sign" | "cannot-fill-in";

/**
 * What box the ballots go into now (§48).
 */
export type BoxInUse = { "type": "aeu", box_id: string, reserve: boolean, } | { "type": "transparent-box", box_id: string, } | { "type": "none" };

/**
 * The next step §48 asks for, if any: the urn in use failed and a reserve is there, or
 * no urn works any more.
 */
export type AeuGuidance = { "type": "switch-to-reserve", failed: string, reserve: string, } | { "type": "switch-to-transparent-box" };

/**
 * What the spoiled-ballots panel shows.
 */
export type SpoilsView = { remote: boolean, 
/**
 * Voting acts are allowed now.
 */
voting_open: boolean, card: ChairCardView | null, 
/**
 * The card may be registered now (remote station, before the polls open).
 */
can_register_card: boolean, 
/**
 * The smart card reader, as the device reports it.
 */
card_device: DeviceStatus | null, scanned: ScannedBallot | null, authorised: boolean, printed: boolean, 
/**
 * The act drawn up for the duplicate of the scanned ballot.
 */
act: number | null, duplicates: Array<DuplicateRow>, 
/**
 * Remote station: every ballot printed is either with a voter or spoiled and
 * cancelled.
 */
account: BallotAccount, 
/**
 * Regular station: spoiled ballots returned and replaced (§45).
 */
spoiled_returned: number, 
/**
 * Regular station: ballots the members still hold.
 */
ballots_with_members: number, members: Array<BallotHolder>, 
/**
 * Acts of duplicates whose signature did not verify on replay (a tampered journal).
 */
unverified: Array<number>, };

/**
 * The chair's card as the journal registered it.
 */
export type ChairCardView = { 
/**
 * The first 16 hex digits of the key's SHA-256 in groups of four, as read aloud.
 */
fingerprint: string, 
/**
 * Local `HH:MM` of the registration.
 */
registered_at: string, };

/**
 * The spoiled ballot scanned, as the chair sees it.
 */
export type ScannedBallot = { serial: string, contest: string, designation: string, contest_name: LocalizedText, };

/**
 * A duplicate of the day (R4.4).
 */
export type DuplicateRow = { act: number, 
/**
 * Local `HH:MM`.
 */
at: string, spoiled_serial: string, designation: string, reason: string, printed: boolean, 
/**
 * The card's signature passed the checks again on replay.
 */
verified: boolean, };

/**
 * A member who received ballots (§36), who can replace a spoiled one (§45).
 */
export type BallotHolder = { id: string, name: string, };

/**
 * Incidents as the chair sees them, with what to do next.
 */
export type IncidentsView = { box_in_use: BoxInUse, aeus: Array<AeuView>, 
/**
 * What §48 asks now, after a failure was recorded.
 */
guidance: AeuGuidance | null, 
/**
 * The urn in use reports a fault the journal does not record yet.
 */
aeu_fault_unrecorded: string | null, 
/**
 * Every urn failed: the count will have no AEU preliminary protocol (§48).
 */
all_aeus_failed: boolean, 
/**
 * Stationary boxes sealed, for the switch to a transparent box.
 */
stationary_boxes: Array<string>, device_stops: Array<StopView>, 
/**
 * Devices reporting a fault while the journal records no stop.
 */
devices_faulty: Array<IncidentDevice>, power_cut_since: string | null, power_cuts: Array<PeriodView>, 
/**
 * Voters helped by another voter (§46).
 */
assisted: number, };

/**
 * Which demo election the scenario runs on.
 */
export type ScenarioDemo = "remote" | "city";

/**
 * The moments of the day a trainer jumps to.
 */
export type ClockMoment = "day-before" | "opening" | "polls-open" | "polls-close" | "aeu-deadline" | "delivery";

/**
 * What the trainer does with the clock.
 */
export type ClockControl = { "type": "pause" } | { "type": "resume" } | { "type": "speed", speed: number, } | { "type": "jump-to", moment: ClockMoment, };

/**
 * A shipped scenario in the console's list.
 */
export type ScenarioSummary = { id: string, title: LocalizedText, description: LocalizedText, demo: ScenarioDemo, starts: string, ends: string, };

/**
 * One event of the running scenario's timeline.
 */
export type TimelineItem = { 
/**
 * When the scenario has it happen.
 */
at: string, text: string, 
/**
 * When it happened (the clock may have jumped past its time).
 */
happened_at: string | null, 
/**
 * Why the simulation could not make it happen.
 */
problem: string | null, };

/**
 * One action of the trainee, from the journal.
 */
export type FeedItem = { at: string, text: string, };

export type RunView = { scenario: string, title: LocalizedText, description: LocalizedText, trainee: string, 
/**
 * The run's folder.
 */
folder: string, starts: string, ends: string, 
/**
 * The clock passed the scenario's end: the debrief judges everything.
 */
over: boolean, timeline: Array<TimelineItem>, 
/**
 * The trainee's actions since the scenario started, newest first.
 */
feed: Array<FeedItem>, };

/**
 * The trainer's console.
 */
export type ConsoleView = { language: string, scenarios: Array<ScenarioSummary>, run: RunView | null, clock: ClockView, devices: Array<DeviceStatus>, simulated: boolean, };

export type DeviationView = { rule: string, clause: string, at: string, text: string, };

export type TimeView = { key: string, procedure: string, from: string, done: string | null, minutes: number | null, };

export type CountLineView = { label: string, counted: number, truth: number, };

export type CountCheckView = { designation: string, lines: Array<CountLineView>, };

/**
 * The debrief as the console shows it.
 */
export type DebriefView = { scenario: string, title: string, trainee: string, horizon: string, deviations: Array<DeviationView>, times: Array<TimeView>, counts: Array<CountCheckView>, protocol_error: number, 
/**
 * The class summary's columns and this run's row.
 */
summary_header: Array<string>, summary_row: Array<string>, };

/**
 * An automatic counting urn sealed at the opening.
 */
export type AeuView = { box_id: string, 
/**
 * The first urn sealed is the main one; the others are reserves (§48).
 */
main: boolean, in_use: boolean, 
/**
 * Local `HH:MM` the journal recorded its failure: out for the rest of the day.
 */
failed_at: string | null, 
/**
 * The device's own report.
 */
device: DeviceStatus | null, };

export type StopView = { device: IncidentDevice, from: string, to: string | null, };

export type PeriodView = { from: string, to: string | null, };

/**
 * What a voter (or a trainer) holds in front of the QR reader for a duplicate (R4.4).
 */
export type SpoiledBallotCase = "last-ballot" | "same-again" | "other-station" | "forged" | "not-a-ballot" | "unreadable";

/**
 * The station key as the window shows it for the key ceremony.
 */
export type StationKeyView = { 
/**
 * Four groups of four hex digits, read aloud.
 */
fingerprint: string, 
/**
 * The key's id (SHA-256 of the public key, 64 hex digits).
 */
key_id: string, 
/**
 * The raw public key, 64 hex digits.
 */
public_key: string, 
/**
 * What the QR code carries (`bundle::keys::registration_text`).
 */
registration: string, 
/**
 * The QR code as an SVG image (black modules on white, 4-module quiet zone).
 */
qr_svg: string, 
/**
 * Whether the key is in the journal yet (it is from the first checkpoint on).
 */
journaled: boolean, };

/**
 * The last signed checkpoint, for the status bar and the paper minutes.
 */
export type CheckpointView = { 
/**
 * The journal entry holding the checkpoint.
 */
seq: number, 
/**
 * Entries it covers.
 */
count: number, 
/**
 * Station time, `HH:MM`.
 */
at: string, 
/**
 * Four groups of four hex digits of the head.
 */
fingerprint: string, };

/**
 * What the window asks for.
 */
export type ExportRequest = { 
/**
 * A folder or a USB drive; `<data>/bundles/` when empty.
 */
folder: string | null, 
/**
 * The chair's PIN: the chair's smart card co-signs when given.
 */
chair_pin: string | null, };

/**
 * Where the bundle went.
 */
export type ExportReport = { path: string, sequence: number, size: number, 
/**
 * SHA-256 of the file, 64 hex digits.
 */
sha256: string, 
/**
 * The station key's fingerprint.
 */
fingerprint: string, 
/**
 * Co-signatures besides the station's.
 */
co_signed: number, };
