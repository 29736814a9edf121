// What the chair should look at first, derived from the timeline the backend sends.
import type { TimelineStep } from "./bindings";

/** The first step that is late, else the first that is due now, else the next to come. */
export function nextStep(timeline: TimelineStep[]): TimelineStep | undefined {
  return (
    timeline.find((step) => step.state === "late") ??
    timeline.find((step) => step.state === "now") ??
    timeline.find((step) => step.state === "not-yet")
  );
}

/** The day a time belongs to, relative to voting day: a message id. */
export function dayLabel(offset: number): string {
  if (offset < 0) return "day-before";
  if (offset > 0) return "day-after";
  return "day-voting";
}
