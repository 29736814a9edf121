// The district commission's side in the real window (issue 7, part B), once in Kyrgyz
// and once in Russian: three stations of the city-council demo run their day with
// `uchastok demo --out` (one with the AEU's figures apart from the count, one delivered
// late), the commission is set up and registers their keys with `uchastok dec`, then the
// window imports the folder, shows the flagged stations in the summary table, and opens
// each one's reasons. A third test starts on an empty folder: the app asks which side it
// serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { act, click, fill, screenshot, startDriver } from "./driver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const uchastok = join(root, "target", "debug", "uchastok");
const definition = join(root, "assets", "elections", "demo-city-council-regular.toml");

// Voting day of the city-council demo is 2024-11-17 in Bishkek.
const importTime = "2024-11-18T03:00:00+06:00";

const stationsRoot = mkdtempSync(join(tmpdir(), "uchastok-e2e-stations-"));
const stations = [
  { number: "5101", seed: "11", options: [] },
  { number: "5102", seed: "12", options: ["--plant", "aeu-differs"] },
  { number: "5103", seed: "13", options: ["--plant", "late-delivery"] },
];
for (const station of stations) {
  execFileSync(uchastok, [
    "demo", "--station-kind", "regular", "--voters", "6", "--seed", station.seed,
    "--station", station.number, "--out", join(stationsRoot, station.number), ...station.options,
  ], { stdio: "pipe" });
}

function prepareCommission(dataDir) {
  const env = { ...process.env, UCHASTOK_CLOCK_START: importTime };
  execFileSync(uchastok, ["dec", "--dir", dataDir, "init", "--election", definition, "--commission", "Ош шаардык шайлоо комиссиясы"], { env, stdio: "pipe" });
  execFileSync(uchastok, ["dec", "--dir", dataDir, "register", ...stations.map((s) => join(stationsRoot, s.number, "station-key.json"))], { env, stdio: "pipe" });
}

const languages = [
  { code: "ky", port: 4460, nativePort: 4560, aeu: /АЭУнун алдын ала маалыматтары/, late: /мөөнөтүнөн кеч/ },
  { code: "ru", port: 4461, nativePort: 4561, aeu: /данные АСУ расходятся/, late: /позже срока/ },
];

async function flagged(browser, station) {
  const row = await browser.$(`[data-testid="dec-row-${station}"]`);
  await row.waitForExist({ timeout: 20000 });
  return row.getAttribute("data-flagged");
}

for (const language of languages) {
  test(`the district commission imports a folder and opens a flagged station's reasons, ${language.code}`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: { UCHASTOK_MODE: "dec", UCHASTOK_CLOCK_START: importTime },
    });
    prepareCommission(driver.dataDir);
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="dec-app"]').waitForExist({ timeout: 20000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);
      await click(browser, '[data-testid="dec-tab-import"]');
      await fill(browser, "dec-import-folder", stationsRoot);
      await act(browser, '[data-testid="dec-import-submit"]');
      const done = await browser.$('[data-testid="dec-import-done"]');
      await done.waitForExist({ timeout: 60000 });
      const items = await browser.$$('[data-testid="dec-import-items"] tr');
      assert.equal(items.length, 3);
      await screenshot(browser, `dec-import-${language.code}`);

      await click(browser, '[data-testid="dec-tab-summary"]');
      assert.equal(await flagged(browser, "5101"), "no");
      assert.equal(await flagged(browser, "5102"), "yes");
      assert.equal(await flagged(browser, "5103"), "yes");
      await screenshot(browser, `dec-summary-${language.code}`);

      await click(browser, '[data-testid="dec-open-5102"]');
      const detail = await browser.$('[data-testid="dec-station-detail"]');
      await detail.waitForExist({ timeout: 10000 });
      const flags = await browser.$$('[data-testid="dec-flag"]');
      assert.equal(flags.length, 1);
      assert.equal(await flags[0].getAttribute("data-kind"), "aeu");
      const reason = await browser.$('[data-testid="dec-flag-reason"]').getText();
      assert.match(reason, language.aeu);
      assert.match(reason, /\d+ \/ \d+/, "the AEU's and the manual figures");
      assert.doesNotMatch(reason, /dec-flag|\{/, "a message, not its id");
      await screenshot(browser, `dec-station-aeu-${language.code}`);
      await click(browser, '[data-testid="dec-detail-close"]');

      await click(browser, '[data-testid="dec-open-5103"]');
      await browser.$('[data-station="5103"]').waitForExist({ timeout: 10000 });
      const late = await browser.$('[data-testid="dec-flag-reason"]').getText();
      assert.match(late, language.late);
      assert.match(late, /2024-11-18 07:10/);
      await screenshot(browser, `dec-station-late-${language.code}`);
    } finally {
      await browser.deleteSession().catch(() => {});
      driver.stop();
    }
  });
}

test("at first start the app asks which side it serves, and remembers a district commission", async () => {
  const driver = await startDriver({ port: 4462, nativePort: 4562, env: { UCHASTOK_MODE: "" } });
  const browser = await driver.open();
  try {
    await browser.$('[data-testid="mode-choice"]').waitForExist({ timeout: 20000 });
    await screenshot(browser, "dec-mode-choice");
    await click(browser, '[data-testid="mode-dec"]');
    await browser.$('[data-testid="dec-setup"]').waitForExist({ timeout: 20000 });
    await screenshot(browser, "dec-setup");
    const mode = execFileSync("cat", [join(driver.dataDir, "mode")]).toString();
    assert.equal(mode, "dec");
  } finally {
    await browser.deleteSession().catch(() => {});
    driver.stop();
  }
});
