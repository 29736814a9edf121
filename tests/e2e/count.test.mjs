// The count in the real window (§49–67, R5.1–R5.6), once in Kyrgyz at a regular station
// (the city-council demo) and once in Russian at a remote-voting station: the app opens
// after a simulated day whose polls closed at 20:00 (UCHASTOK_DEMO_STAGE=closed). The
// secretary records the count's steps, two members enter a contest with one difference
// (the simulation box shows what the voters really marked), the difference is marked,
// fixed and the figures agreed; the protocol is signed and printed and its PDF read back
// with pdftotext; the packets are sealed and the delivery recorded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { act, choose, click, fill, screenshot, startDriver, waitFor } from "./driver.mjs";

const languages = [
  {
    code: "ky",
    demo: "city",
    port: 4452,
    nativePort: 4552,
    title: "добуш берүүнүн жыйынтыктары жөнүндө протоколу",
    copy: "№ 1 нуска",
    kept: "аткарылды",
  },
  {
    code: "ru",
    demo: "remote",
    port: 4453,
    nativePort: 4553,
    title: "Электронный протокол об итогах дистанционного голосования",
    copy: "экземпляр № 1",
    kept: "выполнено",
  },
];

async function number(browser, selector, attribute) {
  return Number(await (await waitFor(browser, selector)).getAttribute(attribute));
}

/** What the simulated voters of the contest on screen really marked, by entry field. */
async function truth(browser) {
  const rows = await browser.$$('[data-testid^="truth-"]');
  const figures = {};
  for (const row of rows) {
    const field = (await row.getAttribute("data-testid")).slice("truth-".length);
    figures[field] = Number(await row.getAttribute("data-value"));
  }
  return figures;
}

/** One member's entry of the contest on screen: every field the form has. */
async function enter(browser, member, figures) {
  await choose(browser, "entry-member", member);
  const inputs = await browser.$$('[data-testid^="entry-"][type="number"]');
  const fields = [];
  for (const input of inputs) fields.push((await input.getAttribute("data-testid")).slice("entry-".length));
  for (const field of fields) await fill(browser, `entry-${field}`, figures[field] ?? 0);
  await act(browser, '[data-testid="entry-submit"]');
  return fields;
}

/** Brings an element to the top of the window, for a screenshot of what follows it. */
async function show(browser, selector) {
  const element = await waitFor(browser, selector);
  await element.scrollIntoView({ block: "start" });
}

async function agreed(browser) {
  await waitFor(browser, '[data-testid="agreed"]');
}

for (const language of languages) {
  test(`the count, ${language.code} (${language.demo})`, async () => {
    const driver = await startDriver({
      port: language.port,
      nativePort: language.nativePort,
      env: {
        UCHASTOK_DEMO: language.demo,
        UCHASTOK_DEMO_STAGE: "closed",
        UCHASTOK_CLOCK_START: "2026-11-29T20:01:00+06:00",
      },
    });
    const browser = await driver.open();
    try {
      await browser.$('[data-testid="timeline"]').waitForExist({ timeout: 60000 });
      await click(browser, `[data-testid="lang-${language.code}"]`);
      const remote = language.demo === "remote";

      // 20:00: the polls closed by the simulated day, with the final turnout.
      await click(browser, '[data-testid="select-close"]');
      assert.match(await (await waitFor(browser, '[data-testid="polls-closed"]')).getText(), /20:00/);
      await show(browser, '[data-testid="next-step"]');
      await screenshot(browser, `count-closed-${language.code}`);

      // The count's steps in the order of the law.
      await click(browser, '[data-testid="select-count"]');
      await waitFor(browser, '[data-testid="count-panel"]');
      if (!remote) {
        const journal = '[data-testid="unused-journal"]';
        const unused =
          (await number(browser, journal, "data-received")) -
          (await number(browser, journal, "data-issued")) -
          (await number(browser, journal, "data-outside"));
        await fill(browser, "unused-count", unused);
        await fill(browser, "unused-spoiled", 0);
        await act(browser, '[data-testid="unused-submit"]');
        await waitFor(browser, '[data-testid="unused-done"]');
      }
      const receipts = await number(browser, '[data-testid="list-receipts"]', "data-receipts");
      const voters = remote ? receipts : await number(browser, '[data-testid="list-receipts"]', "data-electronic");
      await fill(browser, "list-pages", Math.max(1, Math.ceil(voters / 20)));
      await fill(browser, "list-voters", voters);
      await fill(browser, "list-signatures", receipts);
      await act(browser, '[data-testid="list-submit"]');
      await waitFor(browser, '[data-testid="list-done"]');
      await act(browser, '[data-testid="aeu-from-driver"]');
      await waitFor(browser, '[data-testid="aeu-done"]');

      // Every contest entered twice; the first one with one difference, then fixed.
      const tabs = await browser.$$('[data-testid^="contest-tab-"]');
      const contests = [];
      for (const tab of tabs) contests.push((await tab.getAttribute("data-testid")).slice("contest-tab-".length));
      if (contests.length === 0) contests.push(null);
      for (const [index, contest] of contests.entries()) {
        if (contest) await click(browser, `[data-testid="contest-tab-${contest}"]`);
        await waitFor(browser, '[data-testid="truth"]');
        const real = await truth(browser);
        if (index === 0) {
          const fields = await enter(browser, "m4", real);
          const slip = fields.find((field) => field.startsWith("votes:"));
          await enter(browser, "m5", { ...real, [slip]: (real[slip] ?? 0) + 1 });
          const differences = await waitFor(browser, '[data-testid="differences"]');
          assert.equal(await differences.getAttribute("data-count"), "1", "one line differs");
          const marked = await browser.$$('[data-testid="entries"] tr[data-differs="true"]');
          assert.equal(marked.length, 1);
          assert.equal(await marked[0].getAttribute("data-field"), slip);
          await show(browser, '[data-testid="differences"]');
          await screenshot(browser, `count-difference-${language.code}`);
          // The second member counts the pile again and enters it right.
          await enter(browser, "m5", real);
        } else {
          await enter(browser, "m4", real);
          await enter(browser, "m5", real);
        }
        await agreed(browser);
        const verdict = await waitFor(browser, '[data-testid="aeu-verdict"]');
        assert.ok((await verdict.getText()).length > 0);
        if (index === 0) {
          await show(browser, '[data-testid="agreed"]');
          await screenshot(browser, `count-agreed-${language.code}`);
        }
      }

      // The protocol: every relation holds, signed by the members present, printed.
      await click(browser, '[data-testid="select-protocol"]');
      await waitFor(browser, '[data-testid="protocol-panel"]');
      assert.equal((await browser.$$('[data-testid="relations-hold"]')).length, Math.max(1, tabs.length));
      assert.equal((await browser.$$('[data-testid="violation"]')).length, 0);
      await show(browser, '[data-testid="protocol-panel"]');
      await screenshot(browser, `count-protocol-${language.code}`);
      await act(browser, '[data-testid="sign-protocol"]');
      await waitFor(browser, '[data-testid="protocol-signed"]');
      await act(browser, '[data-testid="print-protocol"]');
      assert.match(await browser.$('[data-testid="notice"]').getText(), /protocol-1-copy-2\.pdf/);
      for (const [button, file] of [
        ["print-enlarged", "enlarged-protocol.pdf"],
        ["print-certified", "certified-copies.pdf"],
        ["print-aeu", "aeu-preliminary-protocol.pdf"],
      ]) {
        await act(browser, `[data-testid="${button}"]`);
        assert.ok(existsSync(join(driver.dataDir, "documents", file)), file);
      }
      const printed = execFileSync("pdftotext", [join(driver.dataDir, "documents", "protocol-1-copy-1.pdf"), "-"])
        .toString()
        .split(/\s+/)
        .join(" ");
      assert.ok(printed.includes(language.title), `the protocol's title:\n${printed}`);
      assert.ok(printed.includes(language.copy), "copy 1");
      assert.ok(printed.includes(language.kept), "the box of control relations");
      assert.ok(printed.includes(remote ? "9021" : "5214"), "the station");
      assert.match(printed, /2[0-3]:[0-5][0-9]/, "the time of signing");
      await show(browser, '[data-testid="protocol-panel"]');
      await screenshot(browser, `count-signed-${language.code}`);

      // The final meeting: a complaint and the decision.
      await fill(browser, "complaint-from", remote ? "Асанов Бакыт, наблюдатель" : "Асанов Бакыт, байкоочу");
      await fill(browser, "complaint-text", remote ? "Пломба не показана" : "Пломба көрсөтүлгөн жок");
      await act(browser, '[data-testid="complaint-submit"]');
      await fill(browser, "decision-1", remote ? "Отклонить: пломба в акте" : "Четке кагылсын: пломба актыда");
      await click(browser, '[data-testid="agreed-1-m1"]');
      await click(browser, '[data-testid="agreed-1-m3"]');
      await act(browser, '[data-testid="decide-1"]');
      await waitFor(browser, '[data-testid="complaint-1"][data-decided="true"]');

      // The packets, labelled and sealed; the delivery.
      await click(browser, '[data-testid="select-packets"]');
      await waitFor(browser, '[data-testid="packet-list"]');
      await act(browser, '[data-testid="print-labels"]');
      await act(browser, '[data-testid="print-inventory"]');
      await act(browser, '[data-testid="seal-packets"]');
      await waitFor(browser, '[data-testid="packets-sealed"]');
      await show(browser, '[data-testid="packets-panel"]');
      await screenshot(browser, `count-packets-${language.code}`);
      await click(browser, '[data-testid="select-delivery"]');
      await act(browser, '[data-testid="record-delivery"]');
      await waitFor(browser, '[data-testid="delivered"]');
      for (const step of ["close", "count", "protocol", "packets", "delivery"]) {
        assert.equal(await browser.$(`[data-step="${step}"]`).getAttribute("data-state"), "done", step);
      }
      await screenshot(browser, `count-delivered-${language.code}`);
    } finally {
      await browser.deleteSession();
      driver.stop();
    }
  });
}
