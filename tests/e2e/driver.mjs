// Starting the real app under tauri-driver, and what every end-to-end test needs.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(here, "artifacts");
const application = join(here, "..", "..", "target", "debug", "uchastok-app");

/**
 * Starts tauri-driver (and through it WebKitWebDriver) in its own process group, with
 * the app's environment. Each test file uses its own ports, so files may run at once.
 */
export async function startDriver({ port, nativePort, env }) {
  mkdirSync(artifacts, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "uchastok-e2e-"));
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    detached: true,
    stdio: "inherit",
    // A polling station unless the test says otherwise (the first start would ask).
    env: { ...process.env, UCHASTOK_DATA_DIR: dataDir, UCHASTOK_MODE: "station", ...env },
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    dataDir,
    open: () =>
      remote({ hostname: "127.0.0.1", port, logLevel: "warn", capabilities: { "tauri:options": { application } } }),
    stop() {
      try {
        process.kill(-driver.pid, "SIGKILL");
      } catch {
        // already gone
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the embedded font, so screenshots show the letters, and says if it loaded. */
export async function fontLoaded(browser) {
  return browser.executeAsync((done) =>
    document.fonts.ready.then(() => done(document.fonts.check('16px "Noto Sans"', "ңөү"))),
  );
}

export async function screenshot(browser, name) {
  await fontLoaded(browser);
  // WebKit may hand out the last painted frame: wait for two more before taking it.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  await browser.saveScreenshot(join(artifacts, `${name}.png`));
}

export async function stepNames(browser) {
  const timeline = await browser.$('[data-testid="timeline"]');
  await timeline.waitForExist({ timeout: 20000 });
  return browser.execute(() =>
    Array.from(document.querySelectorAll(".step-name")).map((name) => name.textContent.trim()),
  );
}

/** Clicks an element brought to the middle of the window (the status bar stays on top). */
export async function click(browser, selector) {
  const element = await browser.$(selector);
  await element.waitForExist({ timeout: 10000 });
  await element.scrollIntoView({ block: "center" });
  try {
    await element.click();
  } catch (error) {
    await browser.saveScreenshot(join(artifacts, "failed-click.png"));
    throw new Error(`could not click ${selector}: ${error.message}`);
  }
}

/** Clicks and waits until no refusal is shown; fails with the refusal's text otherwise. */
export async function act(browser, selector) {
  await click(browser, selector);
  await browser.pause(150);
  const error = await browser.$('[data-testid="error"]');
  if (await error.isExisting()) throw new Error(`refused after ${selector}: ${await error.getText()}`);
}

export async function fill(browser, testid, value) {
  const field = await browser.$(`[data-testid="${testid}"]`);
  await field.waitForExist({ timeout: 10000 });
  await field.scrollIntoView({ block: "center" });
  await field.clearValue();
  await field.setValue(String(value));
}

/** Picks an option of a select; waits until the option exists and the value took. */
export async function choose(browser, testid, value) {
  const field = await browser.$(`[data-testid="${testid}"]`);
  await field.waitForExist({ timeout: 10000 });
  await browser.waitUntil(
    async () => {
      await field.selectByAttribute("value", value);
      // WebKitWebDriver does not always fire `change` for a programmatic pick; the UI's
      // bindings listen to it, as they do for a person's pick.
      await browser.execute((element) => element.dispatchEvent(new Event("change", { bubbles: true })), field);
      return (await field.getValue()) === value;
    },
    { timeout: 10000, timeoutMsg: `could not choose ${value} in ${testid}` },
  );
}

/** The element, once it exists (or a failure naming the selector). */
export async function waitFor(browser, selector, timeout = 15000) {
  const element = await browser.$(selector);
  await element.waitForExist({ timeout, timeoutMsg: `${selector} did not appear` });
  return element;
}

/** Fails with the refusal's text if the window shows one: the general error banner, or
 * a panel's own refusal (`testids`). */
export async function noRefusal(browser, ...testids) {
  for (const id of [...testids, "error"]) {
    const refusal = await browser.$(`[data-testid="${id}"]`);
    if (await refusal.isExisting()) throw new Error(`refused: ${await refusal.getText()}`);
  }
}
