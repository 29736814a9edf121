// The count's figures as the screens handle them: a member's entry typed field by field,
// the value of a field of an entry, the AEU's figures against the manual count line by
// line, and station times.
import type { AeuTally, CountFigures } from "./bindings";

/** What a member typed, by field (`in-boxes`, `votes:<option>`, `invalid`, …). */
export type TypedFigures = Record<string, number | null | undefined>;

/** The figures of an entry from what was typed; an empty field counts as 0. */
export function figuresFrom(fields: string[], typed: TypedFigures): CountFigures {
  const value = (field: string) => {
    const number = Number(typed[field] ?? 0);
    return Number.isFinite(number) && number > 0 ? Math.floor(number) : 0;
  };
  const votes: Record<string, number> = {};
  for (const field of fields) {
    if (field.startsWith("votes:")) votes[field.slice("votes:".length)] = value(field);
  }
  return {
    in_boxes: value("in-boxes"),
    votes,
    invalid: value("invalid"),
    unestablished: value("unestablished"),
    lost: value("lost"),
    not_accounted: value("not-accounted"),
  };
}

/** The value of one field of an entry's figures. */
export function valueOf(figures: CountFigures, field: string): number {
  if (field.startsWith("votes:")) return figures.votes[field.slice("votes:".length)] ?? 0;
  switch (field) {
    case "in-boxes":
      return figures.in_boxes;
    case "invalid":
      return figures.invalid;
    case "unestablished":
      return figures.unestablished;
    case "lost":
      return figures.lost;
    case "not-accounted":
      return figures.not_accounted;
    default:
      return 0;
  }
}

/** Valid ballots: the sum of the piles. */
export function validOf(figures: CountFigures): number {
  return Object.values(figures.votes).reduce((sum, votes) => sum + votes, 0);
}

/** One line of the AEU's figures against the manual count (§62). */
export interface AeuLine {
  field: string;
  aeu: number;
  manual: number | null;
}

/** Every line of the AEU's protocol beside the manual count, in the ballot's order. */
export function aeuLines(tally: AeuTally, manual: CountFigures | null, options: string[]): AeuLine[] {
  return [
    { field: "processed", aeu: tally.processed, manual: manual ? validOf(manual) + manual.invalid : null },
    ...options.map((option) => ({
      field: `votes:${option}`,
      aeu: tally.votes[option] ?? 0,
      manual: manual ? (manual.votes[option] ?? 0) : null,
    })),
    { field: "invalid", aeu: tally.invalid, manual: manual ? manual.invalid : null },
  ];
}

/** `HH:MM` of an instant in the station's zone. */
export function stationTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(instant),
  );
}
