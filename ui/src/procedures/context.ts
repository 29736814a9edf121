// What every procedure panel gets from the main window: the overview, the translator,
// and a way to run a command that updates the overview or shows the refusal.
import type { Overview } from "../lib/bindings";
import type { Args } from "../lib/i18n";

export interface PanelProps {
  data: Overview;
  t: (id: string, args?: Args) => string;
  run: (action: () => Promise<Overview>) => Promise<boolean>;
  /** Saves a printed record and tells where it went. */
  save: (action: () => Promise<string>) => Promise<void>;
}
