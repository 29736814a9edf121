// The opening meeting in the real window, once in Kyrgyz and once in Russian, at a
// regular station (the city-council demo): attendance, the lot, the safe, two boxes and
// an AEU sealed, ballots to members, and the timeline showing the polls ready to open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { act, choose, click, fill, screenshot, startDriver } from "./driver.mjs";

const languages = [
  { code: "ky", port: 4446, nativePort: 4546, ready: /Даярдык бүттү/, lot: "Чүчүкулак" },
  { code: "ru", port: 4447, nativePort: 4547, ready: /Подготовка завершена/, lot: "Жеребьёвка" },
];

for (const language of languages) {
  test(`the opening meeting, ${language.code}`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: { UCHASTOK_DEMO: "city", UCHASTOK_CLOCK_START: "2026-11-29T07:00:30+06:00" },
    });
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="timeline"]').waitForExist({ timeout: 20000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);

      // Attendance: the whole commission and an observer.
      await click(browser, '[data-testid="tab-attendance"]');
      for (let member = 1; member <= 9; member++) {
        await choose(browser, "attendance-member", `m${member}`);
        await act(browser, '[data-testid="attendance-register"]');
      }
      await choose(browser, "attendance-category", "observer");
      await fill(browser, "attendance-name", "Токтосунова Гүлнара");
      await act(browser, '[data-testid="attendance-register"]');
      assert.equal((await browser.$$('[data-testid="attendee"]')).length, 10);
      await screenshot(browser, `opening-attendance-${language.code}`);
      await click(browser, '[data-testid="tab-day"]');

      // The lot: commitment shown first, then contributions, then the draw.
      // The day before's out-of-premises voting was not recorded, so it shows first as late.
      await click(browser, '[data-testid="select-lot-drawing"]');
      assert.equal(await browser.$('[data-testid="next-step"] h2').getText(), language.lot);
      await act(browser, '[data-testid="lot-commit"]');
      const commitment = await browser.$('[data-testid="lot-commitment"]');
      await commitment.waitForExist({ timeout: 10000 });
      assert.match(await commitment.getText(), /^[0-9a-f]{64}$/);
      await fill(browser, "lot-by-0", "Токтосунова Гүлнара");
      await fill(browser, "lot-value-0", "4187");
      await screenshot(browser, `opening-lot-commitment-${language.code}`);
      await act(browser, '[data-testid="lot-draw"]');
      await browser.waitUntil(
        async () => (await browser.$('[data-step="lot-drawing"]').getAttribute("data-state")) === "done",
        { timeout: 10000, timeoutMsg: "the lot was not recorded" },
      );

      // Its printed record, and the record for `uchastok lot verify`.
      await act(browser, '[data-testid="print-lot"]');
      assert.match(await browser.$('[data-testid="notice"]').getText(), /lot-record\.pdf/);
      await act(browser, '[data-testid="save-lot-record"]');
      assert.match(await browser.$('[data-testid="notice"]').getText(), /lot-record\.json/);

      // The safe.
      await click(browser, '[data-testid="select-opening-safe"]');
      await fill(browser, "safe-paper", 1520);
      await fill(browser, "safe-electronic", 1520);
      await act(browser, '[data-testid="safe-open"]');

      // Two stationary boxes and an AEU.
      await click(browser, '[data-testid="select-sealing-boxes"]');
      for (const [kind, id, seals] of [
        ["stationary", "box-1", "A-001 A-002"],
        ["stationary", "box-2", "A-003"],
        ["aeu", "aeu-main", "A-004"],
      ]) {
        await choose(browser, "sealing-kind", kind);
        await fill(browser, "sealing-box-id", id);
        await fill(browser, "sealing-seals", seals);
        await act(browser, '[data-testid="sealing-seal"]');
      }
      assert.equal((await browser.$$('[data-testid="sealed-box"]')).length, 3);
      await act(browser, '[data-testid="sealing-finish"]');

      // Ballots received, recounted, issued in batches of 100.
      await click(browser, '[data-testid="select-ballots-to-members"]');
      await fill(browser, "ballots-announced", 1500);
      await fill(browser, "ballots-recounted", 1500);
      await fill(browser, "ballots-oop", 0);
      await act(browser, '[data-testid="ballots-receive"]');
      for (const member of ["m4", "m5"]) {
        await choose(browser, "batch-member", member);
        await fill(browser, "batch-count", 100);
        await act(browser, '[data-testid="batch-issue"]');
      }
      await act(browser, '[data-testid="print-ledger"]');
      assert.match(await browser.$('[data-testid="notice"]').getText(), /ballot-ledger\.pdf/);
      await act(browser, '[data-testid="ballots-finish"]');

      // The timeline: every preparation done, the polls ready to open at 08:00.
      for (const step of ["lot-drawing", "opening-safe", "sealing-boxes", "ballots-to-members"]) {
        assert.equal(await browser.$(`[data-step="${step}"]`).getAttribute("data-state"), "done", step);
      }
      await click(browser, '[data-testid="select-voting"]');
      const ready = await browser.$('[data-testid="polls-ready"]');
      await ready.waitForExist({ timeout: 10000 });
      assert.match(await ready.getText(), language.ready);
      await screenshot(browser, `opening-ready-${language.code}`);
    } finally {
      await browser.deleteSession();
      driver.stop();
    }
  });
}
