// The district commission's window builds message ids from the values its overview
// carries (`dec-flag-kind-${kind}`, `dec-ground-${ground}`, `dec-ui-outcome-${outcome}`,
// `dec-ui-status-${status}`, `dec-ui-tab-${tab}`): every value the Rust side can send has
// its message in both languages.
import { describe, expect, it } from "vitest";
import { hasMessage } from "./i18n";
import type { ImportOutcome, RowStatus, SetAsideGround } from "./dec-bindings";

const flags = ["relation", "aeu", "missing", "late", "conflict", "no-contest", "form-differs"];
const grounds: SetAsideGround[] = [
  "s80-unreliable", "s80-affected", "s80-higher-commission", "s80-court", "s80-ballots-not-genuine", "r59-remote-voting",
];
const outcomes: ImportOutcome[] = ["accepted", "conflict", "already-imported", "refused", "unreadable"];
const statuses: RowStatus[] = ["counted", "set-aside", "missing", "not-summed"];
const tabs = ["summary", "stations", "import", "documents", "refused"];

describe("the district commission's window", () => {
  it("has a message for every value it shows, in both languages", () => {
    const ids = [
      ...flags.map((kind) => `dec-flag-kind-${kind}`),
      ...flags.map((kind) => `dec-flag-${kind}`),
      ...grounds.map((ground) => `dec-ground-${ground}`),
      ...outcomes.map((outcome) => `dec-ui-outcome-${outcome}`),
      ...statuses.map((status) => `dec-ui-status-${status}`),
      ...tabs.map((tab) => `dec-ui-tab-${tab}`),
    ];
    const missing = ids.flatMap((id) => (["ky", "ru"] as const).filter((l) => !hasMessage(l, id)).map((l) => `${id} (${l})`));
    expect(missing).toEqual([]);
  });
});
