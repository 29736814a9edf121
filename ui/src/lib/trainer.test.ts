// The trainer's console builds some message ids at run time: every moment the clock jumps
// to, every demo a scenario runs on, every fault a device can be given has its words in
// both languages.
import { describe, expect, it } from "vitest";
import { hasMessage } from "./i18n";
import type { ClockMoment, FaultCode, ScenarioDemo } from "./bindings";

const MOMENTS: ClockMoment[] = ["day-before", "opening", "polls-open", "polls-close", "aeu-deadline", "delivery"];
const DEMOS: ScenarioDemo[] = ["remote", "city"];
const FAULTS: FaultCode[] = ["broken", "jammed", "out-of-paper", "disconnected", "not-responding", "blocked"];

describe("the trainer's console", () => {
  it("has words for every moment, demo and fault in both languages", () => {
    const ids = [
      ...MOMENTS.map((moment) => `training-moment-${moment}`),
      ...DEMOS.map((demo) => `training-console-demo-${demo}`),
      ...FAULTS.map((fault) => `device-fault-${fault}`),
    ];
    const missing = ids.flatMap((id) => (["ky", "ru"] as const).filter((l) => !hasMessage(l, id)).map((l) => `${id} (${l})`));
    expect(missing).toEqual([]);
  });
});
