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
 * A text in both languages of the app.
 */
export type LocalizedText = { ky: string, ru: string, };

export type StationKind = "regular" | "remote-voting" | "abroad";

export type LineKind = "line" | "option";

export type AppMode = "station" | "dec";

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

export type DecOverview = { language: "ky" | "ru", 
/**
 * The commission's clock, local `YYYY-MM-DD HH:MM` (the election's zone once set up).
 */
clock: string, set_up: DecSetupView | null, journal: JournalView, 
/**
 * The commission's own key, which signs its registry.
 */
dec_fingerprint: string, stations: Array<DecStationView>, summary: SummaryView | null, 
/**
 * Every bundle refused, latest first.
 */
refusals: Array<RefusalView>, import: ImportStatus | null, 
/**
 * The grounds results can be set aside on, in the law's order.
 */
grounds: Array<GroundView>, };

export type DecSetupView = { election_id: string, election_name: LocalizedText, training: boolean, voting_day: string, district: string, district_designation: string, district_name: LocalizedText, commission: string, 
/**
 * 06:00 the day after voting day (§67), local.
 */
deadline: string, };

export type GroundView = { ground: SetAsideGround, clause: string, 
/**
 * The scope this ground applies to.
 */
scope: SetAsideScope, };

/**
 * A flag of the summary table with its reason in words.
 */
export type FlagView = { 
/**
 * `relation`, `aeu`, `missing`, `late`, `conflict`, `no-contest`, `form-differs`.
 */
kind: string, reason: ApiError, };

export type BundleView = { sha256: string, file_name: string, sequence: number, protocol_number: number, 
/**
 * Local times in the election's zone.
 */
created_at: string, signed_at: string, delivered_at: string | null, 
/**
 * The journal's signed checkpoints, to compare with the paper minutes.
 */
checkpoints: Array<string>, };

export type SetAsideView = { at: string, scope: SetAsideScope, ground: SetAsideGround, clause: string, decision: string, };

export type ResolutionView = { at: string, kept: string, recount: boolean, reason: string, };

export type RefusalView = { at: string, file_name: string, station: string | null, sha256: string, reason: ApiError, };

/**
 * One line of a station's protocol, as its detail shows it.
 */
export type LineValue = { kind: LineKind, id: string, number: string, label: LocalizedText, value: number, };

export type DecStationView = { station: string, fingerprint: string, 
/**
 * `role: fingerprint` of each co-signer's key.
 */
co_signers: Array<string>, registered_at: string, kind: StationKind | null, status: RowStatus, flags: Array<FlagView>, recount: RecountMark | null, accepted: BundleView | null, conflicts: Array<BundleView>, set_aside: SetAsideView | null, resolutions: Array<ResolutionView>, refusals: Array<RefusalView>, 
/**
 * The figures in force for the district's contest, in the form's printed order.
 */
lines: Array<LineValue>, };

/**
 * A column of a section of the summary table: a line of the form or an option.
 */
export type ColumnView = { kind: LineKind, id: string, number: string, label: LocalizedText, };

export type RowView = { station: string, status: RowStatus, 
/**
 * One value per column.
 */
values: number[], recount: RecountMark | null, 
/**
 * The kinds of its flags.
 */
flags: Array<string>, };

export type SectionView = { form: string, remote: boolean, title: LocalizedText, columns: Array<ColumnView>, rows: Array<RowView>, 
/**
 * Totals of the counted rows, one per column.
 */
totals: number[], counted: number, };

export type OptionTotal = { id: string, name: LocalizedText, votes: number, };

/**
 * A row without figures to sum: missing, or its figures not of this contest.
 */
export type UnsummedRow = { station: string, status: RowStatus, flags: Array<string>, };

export type SummaryView = { contest: string, designation: string, name: LocalizedText, sections: Array<SectionView>, unsummed: Array<UnsummedRow>, totals: Totals, options: Array<OptionTotal>, };

/**
 * The district's totals over every counted row.
 */
export type Totals = { registered: number, received: number, counted: number, set_aside: number, missing: number, flagged: number, valid: number, invalid: number, options: Record<string, number>, };

export type RowStatus = "counted" | "set-aside" | "missing" | "not-summed";

/**
 * A row marked "Recount".
 */
export type RecountMark = "at-station" | "ordered";

/**
 * The grounds on which results are set aside: §80's five, and R5.9 for the
 * remote-voting results of a station alone.
 */
export type SetAsideGround = "s80-unreliable" | "s80-affected" | "s80-higher-commission" | "s80-court" | "s80-ballots-not-genuine" | "r59-remote-voting";

/**
 * What is set aside: all the station's results (§80), or only its remote-voting
 * results (R5.9).
 */
export type SetAsideScope = "station" | "remote-voting";

/**
 * An import under way or finished, for the window's progress bar.
 */
export type ImportStatus = { running: boolean, total: number, done: number, 
/**
 * The file being checked.
 */
current: string | null, accepted: number, conflicts: number, already_imported: number, refused: number, unreadable: number, items: Array<ImportItem>, 
/**
 * The import itself could not run (the folder cannot be read…).
 */
error: ApiError | null, };

/**
 * One file of an import and what became of it.
 */
export type ImportItem = { file: string, 
/**
 * The station it is (or, refused, claims to be) from.
 */
station: string | null, outcome: ImportOutcome, 
/**
 * Why, for a refusal or a conflict: a message of `locales/*` and its arguments.
 */
reason: ApiError | null, };

export type ImportOutcome = "accepted" | "conflict" | "already-imported" | "refused" | "unreadable";

/**
 * A registration as the window shows it back.
 */
export type Registered = { station: string, fingerprint: string, co_signers: number, };

/**
 * What the commission prints or exports.
 */
export type DecDocument = "protocol" | "summary" | "nist-results" | "nist-events" | "registry";
