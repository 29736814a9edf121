import { describe, expect, it } from "vitest";
import type { TimelineStep } from "./bindings";
import { dayLabel, nextStep } from "./timeline";

function step(name: TimelineStep["step"], state: TimelineStep["state"]): TimelineStep {
  return {
    step: name, state, starts: "07:00", deadline: "08:00", start_day: 0, deadline_day: 0,
    clause: "§32", done_at: null, can_complete: state !== "done" && state !== "not-yet", procedure: false,
  };
}

describe("what the chair looks at first", () => {
  it("is a late step before one that is due now", () => {
    const timeline = [step("lot-drawing", "done"), step("opening-safe", "now"), step("sealing-boxes", "late")];
    expect(nextStep(timeline)?.step).toBe("sealing-boxes");
  });

  it("is the step due now when nothing is late", () => {
    const timeline = [step("lot-drawing", "done"), step("opening-safe", "now"), step("voting", "not-yet")];
    expect(nextStep(timeline)?.step).toBe("opening-safe");
  });

  it("is the next step to come before the day starts", () => {
    expect(nextStep([step("lot-drawing", "not-yet"), step("voting", "not-yet")])?.step).toBe("lot-drawing");
  });

  it("is nothing once every step is done", () => {
    expect(nextStep([step("delivery", "done")])).toBeUndefined();
  });

  it("labels the day before and after voting day", () => {
    expect(dayLabel(-1)).toBe("day-before");
    expect(dayLabel(0)).toBe("day-voting");
    expect(dayLabel(1)).toBe("day-after");
  });
});
