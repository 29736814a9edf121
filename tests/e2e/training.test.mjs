// Training mode in the real window (issue 9), once in Kyrgyz and once in Russian: the
// trainer opens the console from the main window, loads the scenario "both urns fail",
// starts the clock at ×60; at 10:20 the main urn fails on cue (§48); the trainee, in the
// main window, records the failure and switches to the reserve urn with its act; the
// debrief in the console shows the failure answered in time and no deviation, and its
// PDF is saved with the training watermark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { click, fill, noRefusal, screenshot, startDriver, waitFor } from "./driver.mjs";

const languages = [
  { code: "ky", port: 4454, nativePort: 4554, title: /Эки АЭУ тең иштен чыгат/, debrief: /Окуу шайлоосун талдоо/ },
  { code: "ru", port: 4455, nativePort: 4555, title: /Обе АСУ выходят из строя/, debrief: /Разбор учебных выборов/ },
];
const trainee = "Токтосунова Айпери";

for (const language of languages) {
  test(`the trainer's console: the urn fails on cue, the reserve takes over, the debrief, ${language.code}`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: { UCHASTOK_CLOCK_START: "2026-11-29T09:00:00+06:00", UCHASTOK_DEMO_STAGE: "polls-open" },
    });
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="timeline"]').waitForExist({ timeout: 20000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);

      // The console: a window of its own.
      const main = await browser.getWindowHandle();
      await click(browser, '[data-testid="open-trainer"]');
      await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
        timeout: 15000,
        timeoutMsg: "the trainer's console did not open",
      });
      const trainer = (await browser.getWindowHandles()).find((handle) => handle !== main);
      await browser.switchToWindow(trainer);
      const scenario = await waitFor(browser, '[data-testid="trainer-scenario-aeu-failures"]', 20000);
      await browser.waitUntil(async () => language.title.test(await scenario.getText()), {
        timeout: 10000,
        timeoutMsg: "the scenario list is not in the chosen language",
      });
      await screenshot(browser, `training-console-list-${language.code}`);

      // Load: a fresh training station, paused at the scenario's start (09:50).
      await click(browser, '[data-testid="trainer-load-aeu-failures"]');
      await waitFor(browser, '[data-testid="trainer-run"][data-scenario="aeu-failures"]');
      await noRefusal(browser);
      await fill(browser, "trainer-trainee", trainee);
      await click(browser, '[data-testid="trainer-trainee-save"]');
      await noRefusal(browser);
      const clock = await browser.$('[data-testid="trainer-clock"]');
      assert.equal(await clock.getAttribute("data-paused"), "true");
      assert.match(await clock.getText(), /09:50:0\d/);
      await click(browser, '[data-testid="trainer-speed-60"]');
      await click(browser, '[data-testid="trainer-start"]');
      await noRefusal(browser);

      // At 10:20 station time (half a minute at ×60) the main urn fails on cue.
      await browser.waitUntil(
        async () => (await browser.$('[data-testid="trainer-device-aeu-main"]').getAttribute("data-state")) === "fault",
        { timeout: 90000, interval: 1000, timeoutMsg: "the main urn did not fail at 10:20" },
      );
      assert.equal(await browser.$('[data-testid="trainer-event-1"]').getAttribute("data-happened"), "true");
      await click(browser, '[data-testid="trainer-pause"]');
      await browser.execute(() => window.scrollTo(0, 0));
      await screenshot(browser, `training-console-aeu-fails-${language.code}`);

      // The trainee, in the main window: the failure recorded, the reserve takes over.
      await browser.switchToWindow(main);
      await click(browser, '[data-testid="tab-incidents"]');
      await waitFor(browser, '[data-testid="incidents-aeu-fault"]', 20000);
      await click(browser, '[data-testid="incidents-record-aeu-failure"]');
      const guidance = await waitFor(browser, '[data-testid="incidents-guidance"]');
      assert.equal(await guidance.getAttribute("data-guidance"), "switch-to-reserve");
      await click(browser, '[data-testid="incidents-switch-reserve"]');
      await browser.waitUntil(
        async () => (await browser.$('[data-testid="incidents-box-in-use"]').getAttribute("data-box")) === "aeu-reserve",
        { timeout: 15000, timeoutMsg: "the reserve urn did not take over" },
      );
      await screenshot(browser, `training-trainee-reserve-${language.code}`);

      // Back in the console: the actions as they happened, newest first, and the debrief.
      await browser.switchToWindow(trainer);
      await browser.waitUntil(async () => (await browser.$$('[data-testid="trainer-feed-item"]')).length >= 2, {
        timeout: 15000,
        timeoutMsg: "the trainee's actions are not in the feed",
      });
      await click(browser, '[data-testid="trainer-show-debrief"]');
      const debrief = await waitFor(browser, '[data-testid="trainer-debrief"]');
      assert.equal(await debrief.getAttribute("data-deviations"), "0", "the trainee did everything in time");
      assert.ok((await debrief.getText()).includes(trainee), "the debrief names the trainee");
      const answered = await browser.$('[data-testid="trainer-time-event-1"]');
      assert.match(await answered.getAttribute("data-done"), /^10:2\d$/, "the failure answered with the reserve's act");
      await click(browser, '[data-testid="trainer-save-pdf"]');
      const saved = await waitFor(browser, '[data-testid="trainer-saved"]');
      await noRefusal(browser);
      const path = (await saved.getText()).split(": ").slice(1).join(": ").trim();
      assert.ok(existsSync(path), `the debrief PDF exists: ${path}`);
      const text = execFileSync("pdftotext", ["-layout", path, "-"]).toString().split(/\s+/).join(" ");
      assert.match(text, language.debrief);
      const summary = readFileSync(`${driver.dataDir}/training/class-summary.csv`, "utf8");
      assert.match(summary, new RegExp(`^aeu-failures,${trainee},0,0,`, "m"), "the class summary row is kept");
      await debrief.scrollIntoView({ block: "start" });
      await screenshot(browser, `training-console-debrief-${language.code}`);
    } finally {
      await browser.deleteSession();
      driver.stop();
    }
  });
}
