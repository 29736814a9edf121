// Spoiled ballots and a failed urn at the remote-voting station in the real window, once
// in Kyrgyz and once in Russian (R4.4, §48): a voter spoils the ballot, the chair scans
// its QR code, authorises with the simulated smart card (PIN 1234), the duplicate prints
// (its codes say it is one) with its act; a second request for the same ballot is
// refused. Then the trainer breaks the main urn: the app notices, the failure is
// recorded, the reserve takes over with its act, and a repaired urn stays out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { choose, click, fill, noRefusal, screenshot, startDriver, waitFor } from "./driver.mjs";

const languages = [
  {
    code: "ky", port: 4450, nativePort: 4550,
    cut: [/оң жак төмөнкү/, /жогорку бурчтарындагы QR-коддор кесилди/], once: /бир гана жолу/, reserve: /запастык АЭУсун/, operators: /Түзүлүштүн оператору/,
  },
  {
    code: "ru", port: 4451, nativePort: 4551,
    cut: [/в его правом нижнем/, /верхнем углах отрезаны/], once: /только один раз/, reserve: /резервной АСУ/, operators: /Оператор устройства/,
  },
];

/** The text of a PDF, its whitespace collapsed (lines break anywhere in a paragraph). */
function pdfWords(path) {
  return execFileSync("pdftotext", ["-layout", path, "-"]).toString().split(/\s+/).join(" ");
}

/** The QR code in the top-left quarter of the newest simulated ballot print. */
function newestBallotCode(dataDir) {
  const folder = join(dataDir, "simulated-prints");
  const ballots = readdirSync(folder).filter((name) => name.endsWith("-ballot.pdf")).sort();
  const work = mkdtempSync(join(tmpdir(), "uchastok-duplicate-"));
  try {
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", join(folder, ballots.at(-1)), join(work, "page")]);
    const png = PNG.sync.read(readFileSync(join(work, "page.png")));
    const width = Math.floor(png.width / 2);
    const height = Math.floor(png.height / 2);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      data.set(png.data.subarray(y * png.width * 4, y * png.width * 4 + width * 4), y * width * 4);
    }
    const code = jsQR(data, width, height);
    return { count: ballots.length, code: code ? Buffer.from(code.binaryData).toString("latin1") : null };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function identifyOneVoter(browser) {
  await click(browser, '[data-testid="tab-desk"]');
  await waitFor(browser, '[data-testid="desk-panel"]');
  await choose(browser, "simulation-case", "eligible");
  await click(browser, '[data-testid="simulation-send"]');
  await waitFor(browser, '[data-testid="simulation-arrival"]');
  await click(browser, '[data-testid="desk-document-id-card"]');
  await waitFor(browser, '[data-testid="desk-voter"]');
  await click(browser, '[data-testid="desk-confirm-photo"]');
  await click(browser, '[data-testid="desk-fingerprint"]');
  await waitFor(browser, '[data-testid="desk-identified"]');
  await click(browser, '[data-testid="desk-list"]');
  await waitFor(browser, '[data-testid="desk-done"]');
  await click(browser, '[data-testid="desk-next"]');
}

async function bringBack(browser, spoiledCase) {
  await choose(browser, "spoils-simulation-case", spoiledCase);
  await click(browser, '[data-testid="spoils-simulation-send"]');
  await waitFor(browser, '[data-testid="spoils-simulation-brought"]');
}

for (const language of languages) {
  test(`a duplicate under the chair's card, then the reserve urn, ${language.code}`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: { UCHASTOK_CLOCK_START: "2026-11-29T10:30:00+06:00", UCHASTOK_DEMO_STAGE: "polls-open" },
    });
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="timeline"]').waitForExist({ timeout: 20000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);
      await identifyOneVoter(browser);

      // 1. The voter spoils the ballot; the chair scans it and signs with the card.
      await click(browser, '[data-testid="tab-spoils"]');
      await waitFor(browser, '[data-testid="spoils-card-registered"]');
      await bringBack(browser, "last-ballot");
      await click(browser, '[data-testid="spoils-scan"]');
      const scanned = await waitFor(browser, '[data-testid="spoils-scanned"]');
      await noRefusal(browser, "spoils-refusal");
      const contest = await scanned.getAttribute("data-contest");
      assert.notEqual(await browser.$('[data-testid="spoils-reason"]').getValue(), "", "a reason is offered");
      await fill(browser, "spoils-pin", "1234");
      await screenshot(browser, `spoils-scanned-${language.code}`);
      await click(browser, '[data-testid="spoils-authorise"]');
      const printed = await waitFor(browser, '[data-testid="spoils-printed"]');
      await noRefusal(browser, "spoils-refusal");
      const act = Number(await printed.getAttribute("data-act"));
      assert.equal(act, 1, "the day's first act");
      await screenshot(browser, `spoils-duplicate-printed-${language.code}`);

      // The duplicate: of the same district, its code marked as a duplicate.
      const duplicate = newestBallotCode(driver.dataDir);
      assert.equal(duplicate.count, 2, "the ballot and its duplicate");
      assert.match(duplicate.code ?? "", new RegExp(`^UD1\\.9021\\.${contest}\\.[0-9a-f]{16}\\.[0-9a-f]{20}$`));
      // The act, in the chosen language: the district, the reason, the corners to cut.
      const actPdf = join(driver.dataDir, "documents", "act-001.pdf");
      assert.ok(existsSync(actPdf), "the act was saved");
      const actText = pdfWords(actPdf);
      assert.match(actText, /R4\.4/);
      // The training watermark's letters may fall between words: each half on its own.
      for (const part of language.cut) assert.match(actText, part);
      assert.ok(actText.includes(`№ ${contest.slice(1)}`), `the act names the district:\n${actText}`);

      // 2. The same spoiled ballot again: refused, nothing printed.
      await click(browser, '[data-testid="spoils-done"]');
      await bringBack(browser, "same-again");
      await click(browser, '[data-testid="spoils-scan"]');
      const refusal = await waitFor(browser, '[data-testid="spoils-refusal"]');
      assert.equal(await refusal.getAttribute("data-code"), "duplicate.already-printed");
      assert.match(await refusal.getText(), language.once);
      assert.equal(newestBallotCode(driver.dataDir).count, 2, "no second duplicate");
      await screenshot(browser, `spoils-second-refused-${language.code}`);

      // 3. The trainer breaks the main urn: the app notices and guides (§48).
      await click(browser, '[data-testid="tab-incidents"]');
      await waitFor(browser, '[data-testid="incidents-panel"]');
      await click(browser, '[data-testid="incidents-break-aeu-main"]');
      await waitFor(browser, '[data-testid="incidents-aeu-fault"]');
      await screenshot(browser, `spoils-aeu-fault-${language.code}`);
      await click(browser, '[data-testid="incidents-record-aeu-failure"]');
      const guidance = await waitFor(browser, '[data-testid="incidents-guidance"]');
      assert.equal(await guidance.getAttribute("data-guidance"), "switch-to-reserve");
      await click(browser, '[data-testid="incidents-switch-reserve"]');
      await browser.waitUntil(
        async () => (await browser.$('[data-testid="incidents-box-in-use"]').getAttribute("data-box")) === "aeu-reserve",
        { timeout: 15000, timeoutMsg: "the reserve urn did not take over" },
      );
      await noRefusal(browser, "spoils-refusal");
      assert.equal(await browser.$('[data-testid="device-aeu-reserve"]').getAttribute("data-in-use"), "true");
      const reserveAct = pdfWords(join(driver.dataDir, "documents", "act-002.pdf"));
      assert.match(reserveAct, /§48/);
      assert.match(reserveAct, language.reserve);
      assert.match(reserveAct, language.operators);
      await screenshot(browser, `spoils-reserve-aeu-${language.code}`);

      // Repaired, the main urn stays out for the day.
      await click(browser, '[data-testid="incidents-repair-aeu-main"]');
      await browser.pause(1500);
      assert.equal(await browser.$('[data-testid="incidents-box-in-use"]').getAttribute("data-box"), "aeu-reserve");
      assert.equal(await browser.$('[data-testid="incidents-aeu-aeu-main"]').getAttribute("data-failed"), "true");
      await click(browser, '[data-testid="tab-day"]');
      await waitFor(browser, '[data-testid="voting-box-in-use"]');
      await screenshot(browser, `spoils-day-reserve-${language.code}`);
    } finally {
      await browser.deleteSession();
      driver.stop();
    }
  });
}
