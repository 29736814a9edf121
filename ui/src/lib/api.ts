// The app's commands, typed with the bindings generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, Command, Contribution, DocumentKind, LotPurpose, LotRecord, MonitorView, Overview, StepId } from "./bindings";
import type { Language } from "./i18n";

export const overview = () => invoke<Overview>("overview");
export const monitor = () => invoke<MonitorView>("monitor");
export const completeStep = (step: StepId) => invoke<Overview>("complete_step", { step });
export const setLanguage = (language: Language) => invoke<void>("set_language", { language });
export const openMonitor = () => invoke<void>("open_monitor");
export const act = (command: Command) => invoke<Overview>("act", { command });
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
