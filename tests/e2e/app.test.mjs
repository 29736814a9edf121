// The real app window, driven through tauri-driver and WebKitWebDriver under Xvfb:
// the demo election's timeline in Kyrgyz and in Russian, a step recorded in the
// journal, the observers' monitor, and the language and journal surviving a restart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const application = join(root, "target", "debug", "uchastok-app");
const artifacts = join(here, "artifacts");
const port = 4444;

// Voting day at 07:30 station time: the lot drawing is due now.
const clockStart = "2026-11-29T07:30:00+06:00";
const dataDir = mkdtempSync(join(tmpdir(), "uchastok-e2e-"));
let driver;

async function waitForDriver() {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("tauri-driver did not start");
}

async function openApp() {
  return remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    capabilities: { "tauri:options": { application } },
  });
}

/** Waits for the embedded font, so screenshots show the letters, and says if it loaded. */
async function fontLoaded(browser) {
  return browser.executeAsync((done) =>
    document.fonts.ready.then(() => done(document.fonts.check('16px "Noto Sans"', "ңөү"))),
  );
}

async function stepNames(browser) {
  const timeline = await browser.$('[data-testid="timeline"]');
  await timeline.waitForExist({ timeout: 20000 });
  return browser.execute(() =>
    Array.from(document.querySelectorAll(".step-name")).map((name) => name.textContent.trim()),
  );
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  // Its own process group, so that killing the group also ends WebKitWebDriver and the app.
  driver = spawn("tauri-driver", ["--port", String(port)], {
    detached: true,
    stdio: "inherit",
    env: { ...process.env, UCHASTOK_DATA_DIR: dataDir, UCHASTOK_CLOCK_START: clockStart },
  });
  await waitForDriver();
});

after(() => {
  if (driver?.pid) {
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test("the demo day in both languages, a step recorded, the monitor, and a restart", async () => {
  const browser = await openApp();
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
    await browser.saveScreenshot(join(artifacts, "main-ky.png"));

    await browser.$('[data-testid="lang-ru"]').click();
    await browser.waitUntil(async () => (await stepNames(browser)).includes("Жеребьёвка"), {
      timeout: 10000,
      timeoutMsg: "the timeline did not switch to Russian",
    });
    const russian = await stepNames(browser);
    assert.equal(russian.length, 15);
    assert.ok(russian.includes("Вскрытие сейфа"));
    assert.notDeepEqual(russian, kyrgyz);
    await fontLoaded(browser);
    await browser.saveScreenshot(join(artifacts, "main-ru.png"));

    await lot.$("button").click();
    await browser.waitUntil(async () => (await lot.getAttribute("data-state")) === "done", {
      timeout: 10000,
      timeoutMsg: "the lot drawing was not recorded as done",
    });

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
    await fontLoaded(browser);
    await browser.saveScreenshot(join(artifacts, "monitor-ru.png"));
    await browser.switchToWindow(main);
  } finally {
    await browser.deleteSession();
  }

  // A new session starts the app again on the same database.
  const again = await openApp();
  try {
    const names = await stepNames(again);
    assert.ok(names.includes("Жеребьёвка"), "the chosen language was not remembered");
    const lot = await again.$('[data-step="lot-drawing"]');
    assert.equal(await lot.getAttribute("data-state"), "done", "the journal lost the recorded step");
    await fontLoaded(again);
    await again.saveScreenshot(join(artifacts, "restart-ru.png"));
  } finally {
    await again.deleteSession();
  }
});
