// The district commission's commands and the first start's choice, typed with the
// bindings generated from Rust (dec-bindings.ts).
import { invoke } from "@tauri-apps/api/core";
import type {
  AppMode, DecDocument, DecOverview, Registered, SetAsideGround, SetAsideScope,
} from "./dec-bindings";
import type { Language } from "./i18n";

export const appMode = () => invoke<AppMode | null>("app_mode");
export const chooseMode = (mode: AppMode) => invoke<void>("choose_mode", { mode });

export const decOverview = () => invoke<DecOverview>("dec_overview");
export const decSetUp = (election: string, district: string | null, commission: string) =>
  invoke<void>("dec_set_up", { election, district, commission });
export const decRegister = (text: string) => invoke<Registered>("dec_register", { text });
/** Starts importing a folder; the overview's `import` shows the progress. */
export const decImport = (folder: string) => invoke<void>("dec_import", { folder });
export const decResolve = (station: string, keep: string, recount: boolean, reason: string) =>
  invoke<void>("dec_resolve", { station, keep, recount, reason });
export const decMarkRecount = (station: string) => invoke<void>("dec_mark_recount", { station });
export const decSetAside = (station: string, scope: SetAsideScope, ground: SetAsideGround, decision: string) =>
  invoke<void>("dec_set_aside", { station, scope, ground, decision });
export const decReinstate = (station: string, reason: string) => invoke<void>("dec_reinstate", { station, reason });
export const decSave = (kind: DecDocument) => invoke<string>("dec_save", { kind });
export const decSetLanguage = (language: Language) => invoke<void>("dec_set_language", { language });
