import { describe, expect, it } from "vitest";
import { aeuLines, figuresFrom, stationTime, validOf, valueOf } from "./count";

describe("a member's entry", () => {
  const fields = ["in-boxes", "votes:p1", "votes:against-all", "invalid", "lost", "not-accounted", "unestablished"];

  it("takes every typed field, an empty or bad one as 0", () => {
    const figures = figuresFrom(fields, { "in-boxes": 12, "votes:p1": 9, "votes:against-all": null, invalid: -3 });
    expect(figures).toEqual({
      in_boxes: 12,
      votes: { p1: 9, "against-all": 0 },
      invalid: 0,
      unestablished: 0,
      lost: 0,
      not_accounted: 0,
    });
    expect(validOf(figures)).toBe(9);
  });

  it("reads back each field as the differences name it", () => {
    const figures = figuresFrom(fields, { "in-boxes": 5, "votes:p1": 4, invalid: 1, "not-accounted": 2 });
    expect(fields.map((field) => valueOf(figures, field))).toEqual([5, 4, 0, 1, 0, 2, 0]);
  });
});

describe("the AEU against the manual count (§62)", () => {
  it("lists every line, with the manual figure once agreed", () => {
    const tally = { contest: "d1", processed: 10, votes: { c1: 6, c2: 3 }, invalid: 1 };
    expect(aeuLines(tally, null, ["c1", "c2"]).map((line) => line.manual)).toEqual([null, null, null, null]);
    const manual = { in_boxes: 10, votes: { c1: 5, c2: 4 }, invalid: 1, unestablished: 0, lost: 0, not_accounted: 0 };
    expect(aeuLines(tally, manual, ["c1", "c2"])).toEqual([
      { field: "processed", aeu: 10, manual: 10 },
      { field: "votes:c1", aeu: 6, manual: 5 },
      { field: "votes:c2", aeu: 3, manual: 4 },
      { field: "invalid", aeu: 1, manual: 1 },
    ]);
  });
});

describe("station time", () => {
  it("is the hour and minute in the station's zone", () => {
    expect(stationTime("2026-11-29T14:01:30Z", "Asia/Bishkek")).toBe("20:01");
  });
});
