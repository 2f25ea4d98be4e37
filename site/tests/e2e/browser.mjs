// Shared set-up for the widget's end-to-end tests: Debian's Chromium driven by playwright-core
// (no browser download), and small probes into the widget's open shadow root. Every page
// watches its Content-Security-Policy: a violation (the `securitypolicyviolation` event, or
// Chromium's console error) fails the test when it closes the page's context.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.SALIENT_CHROMIUM ?? '/usr/bin/chromium';
export const BASE_URL = (process.env.SALIENT_E2E_BASE_URL ?? '').replace(/\/+$/, '');
export const SCREENSHOT_DIR =
  process.env.SALIENT_SCREENSHOT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');

export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export async function launchBrowser() {
  if (!BASE_URL) throw new Error('Set SALIENT_E2E_BASE_URL, e.g. http://127.0.0.1:3000 (or run `npm run test:e2e:mock`).');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run site/scripts/install-browser.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A fresh context (no cookies, no localStorage) whose page records any dialog it opens and
 * any Content-Security-Policy violation; `context.close()` then fails on a violation.
 */
export async function newPage(browser, options = DESKTOP) {
  const context = await browser.newContext({ ...options, baseURL: BASE_URL });
  const violations = [];
  await context.exposeBinding('__salientCspViolation', (_source, violation) => violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.__salientCspViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: event.sourceFile,
          sample: event.sample,
        }),
      true,
    );
  });
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    assert.deepEqual(violations, [], 'the page broke its Content-Security-Policy');
  };
  const page = await context.newPage();
  page.cspViolations = violations;
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push({ console: message.text() });
  });
  page.dialogs = [];
  page.on('dialog', (dialog) => {
    page.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  return { context, page };
}

export const launcher = (page) => page.locator('salient-chat button.launcher');
export const pane = (page) => page.locator('salient-chat #salient-pane');
export const input = (page) => page.locator('salient-chat #salient-input');
export const answers = (page) => page.locator('salient-chat .msg.assistant:not(.greeting)');

export async function openWidget(page) {
  await launcher(page).click();
  await pane(page).waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.id === 'salient-input');
  await settleAnimations(page);
}

/** Waits for the pane's opening animation, so boxes and screenshots show its final place. */
export function settleAnimations(page) {
  return page.evaluate(() => {
    const paneElement = document.querySelector('salient-chat')?.shadowRoot?.querySelector('.pane');
    return Promise.all((paneElement?.getAnimations() ?? []).map((animation) => animation.finished));
  });
}

/** Sends a message through the UI and waits until its answer is no longer streaming. */
export async function ask(page, text) {
  const before = await answers(page).count();
  await input(page).fill(text);
  await input(page).press('Enter');
  return waitForAnswer(page, before + 1);
}

export async function waitForAnswer(page, count) {
  await page.waitForFunction(
    (expected) => {
      const views = document.querySelector('salient-chat')?.shadowRoot?.querySelectorAll('.msg.assistant:not(.greeting)') ?? [];
      return views.length >= expected && views[expected - 1].dataset.status !== 'streaming';
    },
    count,
    { timeout: 30_000 },
  );
  return answers(page).nth(count - 1);
}

/** The element focused inside any shadow roots, described for assertions. */
export function deepActiveElement(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    const path = [];
    while (active) {
      path.push(active.tagName.toLowerCase());
      if (!active.shadowRoot?.activeElement) break;
      active = active.shadowRoot.activeElement;
    }
    return { tag: active?.tagName.toLowerCase(), id: active?.id ?? '', className: active?.className ?? '', path };
  });
}

/** Answers the widget's stream request with a canned SSE body (for model-side cases). */
export function sse(events) {
  return events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');
}

export async function fulfilStreamOnce(page, body, { status = 200, headers = {} } = {}) {
  let used = false;
  await page.route('**/api/*/*/sessions/*/stream', async (route) => {
    if (used) return route.continue();
    used = true;
    await route.fulfill({
      status,
      headers: { 'Content-Type': status === 200 ? 'text/event-stream' : 'application/json', ...headers },
      body,
    });
  });
}

let axeSource = null;

/**
 * Runs axe-core over the page (it walks the widget's open shadow root too) and fails on any
 * serious or critical violation; `label` names the state in the failure message.
 */
export async function assertAxeClean(page, label) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated by the test harness, not injected as an inline script the site's CSP refuses.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${label}: ${JSON.stringify(serious, null, 2)}`);
}

/** Where the server (or the mock) writes every email as an .eml file. */
export const OUTBOX_DIR = process.env.SALIENT_E2E_OUTBOX_DIR ?? '';

/** The outbox's messages to `address` (oldest first): `{ file, to, subject, body }`. */
export async function emailsTo(address) {
  if (!OUTBOX_DIR) throw new Error('Set SALIENT_E2E_OUTBOX_DIR to the outbox folder of the server under test.');
  const names = (await readdir(OUTBOX_DIR).catch(() => [])).filter((name) => name.endsWith('.eml')).sort();
  const messages = [];
  for (const file of names) {
    const raw = await readFile(join(OUTBOX_DIR, file), 'utf8');
    const [head, ...rest] = raw.split(/\r?\n\r?\n/);
    const headers = head.replace(/\r?\n[ \t]+/g, ' ');
    const header = (name) => decodeWords(new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '');
    const to = header('To');
    if (to.toLowerCase().includes(address.toLowerCase())) messages.push({ file, to, subject: header('Subject'), body: rest.join('\n\n') });
  }
  return messages;
}

/** Decodes RFC 2047 encoded words (`=?utf-8?B?...?=`, `=?utf-8?Q?...?=`). */
function decodeWords(value) {
  return value.replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=\s*/g, (_, kind, text) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/** Waits for a new one-time code email to `address` (one more than `seen`) and returns its code. */
export async function waitForCode(address, seen, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const codes = (await emailsTo(address)).map((m) => /(\d{6})\s*$/.exec(m.subject)?.[1]).filter(Boolean);
    if (codes.length > seen) return codes[codes.length - 1];
    if (Date.now() > deadline) throw new Error(`no code email to ${address} after ${seen} (outbox ${OUTBOX_DIR})`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** How many code emails `address` has received so far. */
export async function codeCount(address) {
  return (await emailsTo(address)).filter((m) => /\d{6}\s*$/.test(m.subject)).length;
}
