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
export type FaultCode = "jammed" | "out-of-paper" | "disconnected" | "not-responding" | "broken";

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
export type Overview = { language: "ky" | "ru", election: ElectionView | null, clock: ClockView, timeline: Array<TimelineStep>, devices: Array<DeviceStatus>, journal: JournalView, };

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
utc_offset: string, timezone: string, };

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
can_complete: boolean, };

export type JournalView = { events: number, 
/**
 * The first 16 hex digits of the head hash, for the paper minutes.
 */
head: string, 
/**
 * The journal failed its checks at start: nothing can be recorded.
 */
read_only: boolean, problem: ApiError | null, };

/**
 * The observers' monitor (§37, R4.3): large type, no personal data but the photo of
 * the voter being identified (later).
 */
export type MonitorView = { language: "ky" | "ru", station_number: string | null, training: boolean, voters_in_list: number, voters_identified: number, };
