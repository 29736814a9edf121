// Every message id a component names literally exists in both languages, so a screen
// never shows a bare id. Ids built at run time (`step-${…}`) are checked where they are
// listed (i18n.test.ts) or by the Rust side.
import { describe, expect, it } from "vitest";
import { hasMessage } from "./i18n";

const components = import.meta.glob("../**/*.svelte", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

function literalIds(source: string): string[] {
  const ids = new Set<string>();
  for (const match of source.matchAll(/\bt\(\s*"([a-z0-9-]+)"/g)) ids.add(match[1]);
  for (const match of source.matchAll(/\?\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\s*:\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"/g)) {
    ids.add(match[1]);
    ids.add(match[2]);
  }
  return [...ids];
}

describe("components", () => {
  it("name only messages both languages have", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, source] of Object.entries(components)) {
      for (const id of literalIds(source)) {
        checked++;
        for (const language of ["ky", "ru"] as const) {
          if (!hasMessage(language, id)) missing.push(`${path}: ${id} (${language})`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
