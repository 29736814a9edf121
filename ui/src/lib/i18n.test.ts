import { describe, expect, it } from "vitest";
import { buildBundle, format, translate } from "./i18n";

const steps = [
  "out-of-premises-voting", "lot-drawing", "opening-safe", "sealing-boxes", "ballots-to-members",
  "voting", "turnout10", "turnout12", "turnout14", "turnout16", "turnout18", "close", "count",
  "protocol", "packets", "delivery",
];

describe("messages shared with Rust", () => {
  it("name every step of the day in both languages, differently", () => {
    for (const step of steps) {
      const ky = translate("ky", `step-${step}`);
      const ru = translate("ru", `step-${step}`);
      expect(ky).not.toBe(`step-${step}`);
      expect(ru).not.toBe(`step-${step}`);
      expect(translate("ky", `step-${step}-hint`)).not.toBe(`step-${step}-hint`);
    }
    expect(translate("ky", "step-lot-drawing")).toBe("Чүчүкулак");
    expect(translate("ru", "step-lot-drawing")).toBe("Жеребьёвка");
  });

  it("use Russian plural forms", () => {
    expect(translate("ru", "status-journal", { events: 1, head: "ab" })).toContain("1 событие");
    expect(translate("ru", "status-journal", { events: 3, head: "ab" })).toContain("3 события");
    expect(translate("ru", "status-journal", { events: 11, head: "ab" })).toContain("11 событий");
  });

  it("show a missing id as itself rather than nothing", () => {
    expect(translate("ky", "no-such-message")).toBe("no-such-message");
  });

  it("leave no bidi isolation marks around arguments", () => {
    expect(translate("ky", "status-station", { number: "1001" })).toBe("УШК № 1001");
  });

  it("read only the files of the language asked for", () => {
    const bundle = buildBundle("ru", {
      "/x/locales/ru/a.ftl": "hello = Привет",
      "/x/locales/ky/a.ftl": "hello = Салам",
    });
    expect(format(bundle, "hello")).toBe("Привет");
  });
});
