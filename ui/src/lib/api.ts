// The app's commands, typed with the bindings generated from Rust.
import { invoke } from "@tauri-apps/api/core";
import type { ApiError, MonitorView, Overview, StepId } from "./bindings";
import type { Language } from "./i18n";

export const overview = () => invoke<Overview>("overview");
export const monitor = () => invoke<MonitorView>("monitor");
export const completeStep = (step: StepId) => invoke<Overview>("complete_step", { step });
export const setLanguage = (language: Language) => invoke<void>("set_language", { language });
export const openMonitor = () => invoke<void>("open_monitor");

/** Whatever a command threw, as the one error shape the UI translates. */
export function asApiError(thrown: unknown): ApiError {
  if (thrown && typeof thrown === "object" && "code" in thrown && "message" in thrown) {
    return thrown as ApiError;
  }
  return { code: "internal", message: "error-internal", args: { detail: String(thrown) } };
}
