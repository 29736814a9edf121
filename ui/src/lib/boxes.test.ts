import { describe, expect, it } from "vitest";
import { boxInUseLabel } from "./boxes";
import { translate, type Args } from "./i18n";

describe("the box in use (§48)", () => {
  const ru = (id: string, args?: Args) => translate("ru", id, args);
  const ky = (id: string, args?: Args) => translate("ky", id, args);

  it("names the main urn, the reserve and the transparent box in both languages", () => {
    expect(boxInUseLabel(ru, { type: "aeu", box_id: "aeu-main", reserve: false })).toBe("АСУ aeu-main");
    expect(boxInUseLabel(ru, { type: "aeu", box_id: "aeu-reserve", reserve: true })).toBe("резервная АСУ aeu-reserve");
    expect(boxInUseLabel(ky, { type: "aeu", box_id: "aeu-reserve", reserve: true })).toBe("запастык АЭУ aeu-reserve");
    expect(boxInUseLabel(ky, { type: "transparent-box", box_id: "box-t" })).toContain("тунук үкөк box-t");
    expect(boxInUseLabel(ru, { type: "none" })).toBe("ничего не опечатано");
  });
});
