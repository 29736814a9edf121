// How the box in use (§48) is said: an urn, the reserve urn, or the transparent box.
import type { BoxInUse } from "./bindings";
import type { Args } from "./i18n";

export function boxInUseLabel(t: (id: string, args?: Args) => string, box: BoxInUse): string {
  switch (box.type) {
    case "aeu":
      return t(box.reserve ? "box-in-use-reserve" : "box-in-use-aeu", { box: box.box_id });
    case "transparent-box":
      return t("box-in-use-transparent", { box: box.box_id });
    default:
      return t("box-in-use-none");
  }
}
