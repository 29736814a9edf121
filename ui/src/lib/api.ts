// The app's commands, typed with the bindings generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import type {
  ApiError, Command, Contribution, DeskView, DocumentKind, ExportReport, ExportRequest, FaultCode, IdentityDocument,
  LotPurpose, LotRecord, MonitorView, Overview, SimulatedArrival, SpoiledBallotCase, SpoilsView, StationKeyView, StepId,
  VoterCase, ConsoleView, ClockControl, DebriefView,
} from "./bindings";
import type { Language } from "./i18n";

export const overview = () => invoke<Overview>("overview");
export const monitor = () => invoke<MonitorView>("monitor");
export const completeStep = (step: StepId) => invoke<Overview>("complete_step", { step });
export const setLanguage = (language: Language) => invoke<void>("set_language", { language });
export const openMonitor = () => invoke<void>("open_monitor");
export const act = (command: Command) => invoke<Overview>("act", { command });
/** §56: the AEU's preliminary results read through its driver. */
export const aeuResultsFromDriver = () => invoke<Overview>("aeu_results_from_driver");
export const commitLot = (purpose: LotPurpose, count: number) => invoke<Overview>("commit_lot", { purpose, count });
export const drawLot = (purpose: LotPurpose, contributions: Contribution[]) =>
  invoke<Overview>("draw_lot", { purpose, contributions });
export const lotRecord = (purpose: LotPurpose) => invoke<LotRecord | null>("lot_record", { purpose });

/** Whatever a command threw, as the one error shape the UI translates. */
export function asApiError(thrown: unknown): ApiError {
  if (thrown && typeof thrown === "object" && "code" in thrown && "message" in thrown) {
    return thrown as ApiError;
  }
  return { code: "internal", message: "error-internal", args: { detail: String(thrown) } };
}

/** Prints a record to the data directory; the path it was saved to. */
export const saveDocument = (kind: DocumentKind) => invoke<string>("save_document", { kind });
export const saveLotRecord = (purpose: LotPurpose) => invoke<string>("save_lot_record", { purpose });

// The identification desk (§37–42, R4.2–R4.3).
export const desk = () => invoke<DeskView>("desk");
export const deskReadDocument = (document: IdentityDocument) => invoke<DeskView>("desk_read_document", { document });
export const deskConfirmPhoto = () => invoke<DeskView>("desk_confirm_photo");
export const deskFingerprint = () => invoke<DeskView>("desk_fingerprint");
export const deskFace = () => invoke<DeskView>("desk_face");
export const deskGiveUp = () => invoke<DeskView>("desk_give_up");
export const deskPrintReceipt = () => invoke<DeskView>("desk_print_receipt");
export const deskPrintBallot = () => invoke<DeskView>("desk_print_ballot");
export const deskList = () => invoke<DeskView>("desk_list");
export const deskIssueBallot = () => invoke<DeskView>("desk_issue_ballot");
export const deskClear = () => invoke<DeskView>("desk_clear");
export const simulateVoter = (voterCase: VoterCase) => invoke<SimulatedArrival>("simulate_voter", { case: voterCase });

/** Starts importing a voter register file; the overview's `register.import` shows it. */
export const importRegister = (path: string) => invoke<void>("import_register", { path });
// Spoiled ballots (§45) and duplicates under the chair's smart card (R4.4).
export const spoils = () => invoke<SpoilsView>("spoils");
export const registerChairCard = () => invoke<SpoilsView>("register_chair_card");
export const duplicateScan = () => invoke<SpoilsView>("duplicate_scan");
export const duplicateAuthorise = (reason: string, pin: string) => invoke<SpoilsView>("duplicate_authorise", { reason, pin });
export const duplicatePrintAgain = () => invoke<SpoilsView>("duplicate_print_again");
export const duplicateClear = () => invoke<SpoilsView>("duplicate_clear");
export const recordSpoiledBallot = (memberId: string) => invoke<SpoilsView>("record_spoiled_ballot", { memberId });
export const simulateSpoiledBallot = (spoiledCase: SpoiledBallotCase) =>
  invoke<void>("simulate_spoiled_ballot", { case: spoiledCase });

// Incidents (§48, §6, §46, §17): acts are printed the moment they are drawn up.
export const actAndPrint = (command: Command) => invoke<Overview>("act_and_print", { command });
export const reprintAct = (number: number) => invoke<Overview>("reprint_act", { number });
export const injectFault = (device: string, fault: FaultCode) => invoke<Overview>("inject_fault", { device, fault });
export const repairDevice = (device: string) => invoke<Overview>("repair_device", { device });

// The station key and the signed bundle (issue 7).
export const stationKey = () => invoke<StationKeyView>("station_key");
export const exportBundle = (request: ExportRequest) => invoke<ExportReport>("export_bundle", { request });
export const saveSignedResults = () => invoke<string>("save_signed_results");

// The trainer's console (issue 9): scenarios, the clock, the debrief.
export const openTrainer = () => invoke<void>("open_trainer");
export const trainingConsole = () => invoke<ConsoleView>("training_console");
export const trainingLoad = (scenario: string) => invoke<ConsoleView>("training_load", { scenario });
export const trainingLeave = () => invoke<ConsoleView>("training_leave");
export const trainingSetTrainee = (name: string) => invoke<void>("training_set_trainee", { name });
export const trainingClock = (control: ClockControl) => invoke<Overview>("training_clock", { control });
export const trainingDebrief = () => invoke<DebriefView>("training_debrief");
export const trainingSaveDebrief = () => invoke<string>("training_save_debrief");
