// The real app window, driven through tauri-driver and WebKitWebDriver under Xvfb:
// the demo election's timeline in Kyrgyz and in Russian, a step recorded in the
// journal, the observers' monitor, and the language and journal surviving a restart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { act, artifacts, choose, fontLoaded, screenshot, startDriver, stepNames } from "./driver.mjs";

// Voting day at 07:30 station time: the lot drawing is due now.
let driver;

before(async () => {
  driver = await startDriver({ port: 4444, nativePort: 4544, env: { UCHASTOK_CLOCK_START: "2026-11-29T07:30:00+06:00" } });
});

after(() => driver?.stop());

test("the demo day in both languages, a step recorded, the monitor, and a restart", async () => {
  const browser = await driver.open();
  try {
    const kyrgyz = await stepNames(browser);
    // A remote-voting station has no out-of-premises voting (R1.7): 15 steps.
    assert.equal(kyrgyz.length, 15, `steps in Kyrgyz: ${kyrgyz.join(" | ")}`);
    assert.ok(kyrgyz.includes("Чүчүкулак"), `no lot drawing in ${kyrgyz.join(" | ")}`);
    assert.ok(kyrgyz.some((name) => /[ңөү]/.test(name)), "no Kyrgyz letters ң ө ү in the timeline");
    const lot = await browser.$('[data-step="lot-drawing"]');
    assert.equal(await lot.getAttribute("data-state"), "now");
    const nextStep = await browser.$('[data-testid="next-step"] h2');
    assert.equal(await nextStep.getText(), "Чүчүкулак");
    const statusBar = await browser.$('[data-testid="status-bar"]').getText();
    assert.match(statusBar, /УШК №/);
    assert.match(statusBar, /07:3\d/);
    assert.ok(await fontLoaded(browser), "the embedded Noto Sans (ң ө ү) did not load");
    await screenshot(browser, "main-ky");

    await browser.$('[data-testid="lang-ru"]').click();
    await browser.waitUntil(async () => (await stepNames(browser)).includes("Жеребьёвка"), {
      timeout: 10000,
      timeoutMsg: "the timeline did not switch to Russian",
    });
    const russian = await stepNames(browser);
    assert.equal(russian.length, 15);
    assert.ok(russian.includes("Вскрытие сейфа"));
    assert.notDeepEqual(russian, kyrgyz);
    await screenshot(browser, "main-ru");

    // A step without a guided procedure yet offers no act before its time.
    const turnout = await browser.$('[data-step="turnout10"]');
    assert.equal(await turnout.$("button.act-complete").isExisting(), false, "not before 10:00");

    // One act of the commission: the chair is registered present.
    await browser.$('[data-testid="tab-attendance"]').click();
    await choose(browser, "attendance-member", "m1");
    await act(browser, '[data-testid="attendance-register"]');
    await browser.$('[data-testid="attendee"]').waitForExist({ timeout: 10000 });
    await browser.$('[data-testid="tab-day"]').click();

    const main = await browser.getWindowHandle();
    await browser.$('[data-testid="open-monitor"]').click();
    await browser.waitUntil(async () => (await browser.getWindowHandles()).length === 2, {
      timeout: 15000,
      timeoutMsg: "the observers' monitor did not open",
    });
    const monitor = (await browser.getWindowHandles()).find((handle) => handle !== main);
    await browser.switchToWindow(monitor);
    const station = await browser.$('[data-testid="monitor-station"]');
    await station.waitForExist({ timeout: 15000 });
    await browser.waitUntil(async () => /УИК № \S+/.test(await station.getText()), {
      timeout: 10000,
      timeoutMsg: "the monitor does not show the station in Russian",
    });
    assert.equal(await browser.$('[data-testid="monitor-identified"]').getText(), "0");
    await screenshot(browser, "monitor-ru");
    await browser.switchToWindow(main);
  } finally {
    await browser.deleteSession();
  }

  // A new session starts the app again on the same database.
  const again = await driver.open();
  try {
    const names = await stepNames(again);
    assert.ok(names.includes("Жеребьёвка"), "the chosen language was not remembered");
    const status = await again.$('[data-testid="status-bar"]').getText();
    assert.match(status, /Журнал: 2 события/, "the journal kept the election and the arrival");
    await screenshot(again, "restart-ru");
  } finally {
    await again.deleteSession();
  }
});
