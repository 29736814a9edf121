// Identifying voters at the remote-voting station in the real window (R4.2–R4.3), once
// in Kyrgyz and once in Russian: a voter of another district gets that district's ballot
// (its PDF rendered and both QR codes decoded), a voter of the station's own district
// registered at another station is refused with the advice of R4.3, and a voter whose
// fingerprints fail ten times passes by face.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { choose, click, noRefusal, screenshot, startDriver, waitFor } from "./driver.mjs";

const languages = [
  { code: "ky", port: 4448, nativePort: 4548, advice: /башка округдун участогунда/ },
  { code: "ru", port: 4449, nativePort: 4549, advice: /участке другого округа/ },
];

/** The QR code in one quarter of a page image, decoded. */
function decodeQuarter(png, left, top) {
  const width = Math.floor(png.width / 2);
  const height = Math.floor(png.height / 2);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * png.width + left) * 4;
    data.set(png.data.subarray(from, from + width * 4), y * width * 4);
  }
  const code = jsQR(data, width, height);
  return code ? Buffer.from(code.binaryData).toString("latin1") : null;
}

/** Both corner codes of the newest simulated ballot print. */
function ballotCodes(dataDir) {
  const folder = join(dataDir, "simulated-prints");
  const ballots = readdirSync(folder).filter((name) => name.endsWith("-ballot.pdf")).sort();
  assert.ok(ballots.length > 0, "no ballot came out of the simulated printer");
  const work = mkdtempSync(join(tmpdir(), "uchastok-ballot-"));
  try {
    execFileSync("pdftoppm", ["-png", "-r", "150", "-singlefile", join(folder, ballots.at(-1)), join(work, "page")]);
    const png = PNG.sync.read(readFileSync(join(work, "page.png")));
    return {
      topLeft: decodeQuarter(png, 0, 0),
      bottomRight: decodeQuarter(png, Math.floor(png.width / 2), Math.floor(png.height / 2)),
      text: execFileSync("pdftotext", [join(folder, ballots.at(-1)), "-"]).toString(),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function sendVoter(browser, kind) {
  await choose(browser, "simulation-case", kind);
  await click(browser, '[data-testid="simulation-send"]');
  await browser.$('[data-testid="simulation-arrival"]').waitForExist({ timeout: 10000 });
}

for (const language of languages) {
  test(`identification at a remote-voting station, ${language.code}`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: { UCHASTOK_CLOCK_START: "2026-11-29T09:00:00+06:00", UCHASTOK_DEMO_STAGE: "polls-open" },
    });
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="timeline"]').waitForExist({ timeout: 20000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);
      await click(browser, '[data-testid="tab-desk"]');
      await waitFor(browser, '[data-testid="desk-panel"]');

      // 1. A voter of another district: identified by fingerprint, that district's ballot.
      await sendVoter(browser, "other-district");
      await click(browser, '[data-testid="desk-document-id-card"]');
      await waitFor(browser, '[data-testid="desk-voter"]');
      await noRefusal(browser, "desk-refusal");
      const contest = await browser.$('[data-testid="desk-contest"]').getAttribute("data-contest");
      assert.notEqual(contest, "d3", "the station sits in district d3");
      await click(browser, '[data-testid="desk-confirm-photo"]');
      await click(browser, '[data-testid="desk-fingerprint"]');
      await waitFor(browser, '[data-testid="desk-identified"]');
      assert.equal(await browser.$('[data-testid="desk-ballot"]').getAttribute("data-done"), "true");
      await click(browser, '[data-testid="desk-list"]');
      await waitFor(browser, '[data-testid="desk-done"]');
      await screenshot(browser, `identification-other-district-${language.code}`);
      const codes = ballotCodes(driver.dataDir);
      assert.ok(codes.topLeft, "the top-left code did not decode");
      assert.equal(codes.topLeft, codes.bottomRight, "both corners carry the same code");
      assert.match(codes.topLeft, new RegExp(`^UB1\\.9021\\.${contest}\\.[0-9a-f]{16}\\.[0-9a-f]{20}$`));
      const designation = `№ ${contest.slice(1)}`;
      assert.ok(codes.text.includes(designation), `the ballot names ${designation}:\n${codes.text}`);
      await click(browser, '[data-testid="desk-next"]');

      // 2. Inside the station's own district but registered at another station: refused.
      await sendVoter(browser, "own-district-other-station");
      await click(browser, '[data-testid="desk-document-id-card"]');
      const refusal = await waitFor(browser, '[data-testid="desk-refusal"]');
      assert.equal(await refusal.getAttribute("data-code"), "identification.own-district-other-station");
      assert.match(await refusal.getText(), language.advice);
      assert.equal(await browser.$('[data-testid="desk-voter"]').isExisting(), false, "the desk stays free");
      await screenshot(browser, `identification-refused-${language.code}`);

      // 3. Fingerprints fail ten times; the face passes.
      await sendVoter(browser, "fingerprints-fail-ten");
      await click(browser, '[data-testid="desk-document-id-card"]');
      await waitFor(browser, '[data-testid="desk-voter"]');
      await click(browser, '[data-testid="desk-confirm-photo"]');
      for (let attempt = 1; attempt <= 10; attempt++) {
        await click(browser, '[data-testid="desk-fingerprint"]');
        await browser.waitUntil(
          async () => (await browser.$('[data-testid="desk-attempts"]').getText()).includes(String(attempt)),
          { timeout: 10000, timeoutMsg: `attempt ${attempt} not counted` },
        );
        await noRefusal(browser, "desk-refusal");
      }
      assert.equal(await browser.$('[data-testid="desk-fingerprint"]').isExisting(), false, "no eleventh attempt");
      await screenshot(browser, `identification-ten-failures-${language.code}`);
      await click(browser, '[data-testid="desk-face"]');
      await waitFor(browser, '[data-testid="desk-identified"]');
      assert.equal(await browser.$('[data-testid="desk-ballot"]').getAttribute("data-done"), "true");
      await click(browser, '[data-testid="desk-list"]');
      await waitFor(browser, '[data-testid="desk-done"]');
      await screenshot(browser, `identification-face-${language.code}`);
    } finally {
      await browser.deleteSession();
      driver.stop();
    }
  });
}
