// What every panel of the district commission's window is given.
import type { ApiError, DecOverview } from "../lib/dec-bindings";
import type { Args } from "../lib/i18n";

export type DecProps = {
  data: DecOverview;
  t: (id: string, args?: Args) => string;
  /** Runs a command; true on success, the translated refusal shown otherwise. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  errorText: (error: ApiError) => string;
  /** Opens a station's detail. */
  open: (station: string) => void;
  notify: (text: string) => void;
};

export const argsOf = (error: ApiError): Args =>
  Object.fromEntries(Object.entries(error.args).map(([k, v]) => [k, v as string | number]));
