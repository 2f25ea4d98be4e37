// End-to-end tests of the operator console (/console/) against the real server: an operator
// signs in with the code from the outbox, walks Overview → a conversation seeded through the
// chat API → Leads (CSV download) → Content gaps → Knowledge (re-crawl, retrieval test) →
// Configuration → Health → Audit log → Sign out; the navigation and filters by keyboard
// alone; axe on every page; every page at 375 px wide; hostile visitor text shown as text; a
// `salient console login` link; the Health page's per-function figures for a deployment
// operator (app.yaml's ops@example.com) and not for an account's. A screenshot of every page
// goes to docs/console/<page>.png.
// A page whose API route the server does not have yet (404 on an unauthenticated call
// instead of 401) still loads, but its checks are skipped and say so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { assertAxeClean, BASE_URL, codeCount, DESKTOP, launchBrowser, newPage, waitForCode } from './browser.mjs';

const ACCOUNT = 'northwind-heating';
const OWNER = 'owner@northwind-heating.example';
/** The demo's deployment operator (config/app.yaml). */
const OPS = 'ops@example.com';
const CHAT = `${BASE_URL}/api/${ACCOUNT}/sales`;
const PHONE_375 = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SHOTS = process.env.SALIENT_CONSOLE_SCREENSHOT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'console');
const PAGES = ['overview', 'conversations', 'leads', 'gaps', 'knowledge', 'config', 'health', 'audit'];
const tag = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const HOSTILE = `<img src=x onerror="window.__pwned=1"> Hostile ${tag} <b>bold</b>`;
const QUESTION = `Do you fit heat pumps in Hexham? (${tag})`;

let browser;
let routes = {};
let seeded = {};
let signedIn; // storage state of a signed-in owner, shared by the tests that do not sign in themselves

/** Whether the server has the console route: unauthenticated it answers 401, an unknown route 404. */
async function hasRoute(path, method = 'GET') {
  const response = await fetch(`${BASE_URL}/api/console/${path}`, { method, headers: method === 'GET' ? {} : { 'Content-Type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
  return response.status !== 404 && response.status !== 405;
}

async function chat(path, body, visitor) {
  const headers = { 'Content-Type': 'application/json' };
  if (visitor) headers['X-Salient-Visitor'] = visitor;
  const response = await fetch(`${CHAT}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A conversation with one visitor message, made through the chat API (the LLM stand-in answers). */
async function seedConversation(message, visitor) {
  const created = await chat('/sessions', {}, visitor);
  const session = created.session.id;
  await chat(`/sessions/${session}/turns`, { message }, created.visitor_id);
  return { session, visitor: created.visitor_id };
}

/** Signs `context` in through the API with a code from the outbox (the cookie lands in the context). */
async function signInByApi(context, email = OWNER) {
  const seen = await codeCount(email);
  const sent = await context.request.post('/api/console/sign-in', { data: { email } });
  assert.equal(sent.status(), 202);
  const code = await waitForCode(email, seen);
  const verified = await context.request.post('/api/console/sign-in/verify', { data: { email, code } });
  assert.equal(verified.status(), 200, await verified.text());
}

/** A screenshot of the page; the long settings and index tables only as far as the window shows. */
async function snap(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !['config', 'knowledge'].includes(name) });
}

/** The element with keyboard focus, described. */
function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return { tag: active?.tagName.toLowerCase() ?? '', text: (active?.textContent ?? '').trim(), id: active?.id ?? '', name: active?.getAttribute('name') ?? '', visible: active ? getComputedStyle(active).outlineStyle !== 'none' || active.matches(':focus-visible') : false };
  });
}

async function tabTo(page, match, { back = false, max = 60 } = {}) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (match(now)) return now;
  }
  throw new Error(`nothing matching ${match} is reachable with ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Opens a console page and waits until its module has drawn (or reported an error). */
async function openPage(page, name, search = '') {
  await page.goto(`/console/${name}/?account=${ACCOUNT}${search}`);
  await page.waitForFunction(() => document.getElementById('console-root')?.childElementCount > 0 || document.getElementById('console-status')?.textContent, null, { timeout: 15_000 });
}

/** The Health page's per-function table. */
function metricsTable(page) {
  return page.locator('table', { has: page.locator('caption', { hasText: 'Requests per function' }) });
}

/** A whole number as the console writes it (`1,234`). */
function count(text) {
  assert.match(text, /^[\d,]+$/, `a count: ${text}`);
  return Number(text.replace(/,/g, ''));
}

async function statusText(page) {
  return (await page.locator('#console-status').textContent()) ?? '';
}

// The development mock (`run.mjs --mock`) has no console API: these tests need the real server.
const consoleServed = BASE_URL ? await hasRoute('me') : false;

before(async () => {
  if (!consoleServed) return;
  browser = await launchBrowser();
  await mkdir(SHOTS, { recursive: true });
  routes = {
    overview: await hasRoute(`${ACCOUNT}/overview`),
    gaps: await hasRoute(`${ACCOUNT}/gaps`),
    knowledge: await hasRoute(`${ACCOUNT}/knowledge`),
    config: await hasRoute(`${ACCOUNT}/config`),
    metrics: await hasRoute('metrics'),
    errors: await hasRoute(`${ACCOUNT}/errors`),
  };
  console.log(`console routes present: ${JSON.stringify(routes)}`);
  // A conversation whose answer the visitor rates not helpful (a content gap), and one
  // visitor message written to break the page.
  seeded.question = await seedConversation(QUESTION);
  const history = await fetch(`${CHAT}/sessions/${seeded.question.session}/messages?order=oldest_first`, { headers: { 'X-Salient-Visitor': seeded.question.visitor } }).then((r) => r.json());
  const answer = history.messages.find((m) => m.role === 'assistant');
  await chat(`/sessions/${seeded.question.session}/messages/${answer.id}/feedback`, { rating: 'down', reason: 'wrong' }, seeded.question.visitor);
  seeded.hostile = await seedConversation(HOSTILE);
  // A verified lead linked to the first conversation.
  seeded.email = `lead-${tag}@example.com`;
  const seen = await codeCount(seeded.email);
  await chat('/otp/request', { email: seeded.email, purpose: 'verify' }, seeded.question.visitor);
  const code = await waitForCode(seeded.email, seen);
  await chat('/otp/verify', { email: seeded.email, code, session: seeded.question.session, details: { name: `Ada <script>alert(1)</script> ${tag}`, interests: ['heat pumps'] } }, seeded.question.visitor);
  // One signed-in owner for the tests that do not sign in through the page.
  const context = await browser.newContext({ ...DESKTOP, baseURL: BASE_URL });
  await signInByApi(context);
  signedIn = await context.storageState();
  await context.close();
});

after(async () => {
  await browser?.close();
});

describe('operator console', { skip: consoleServed ? false : 'the server under test has no console API (/api/console/me)' }, () => {
  test('journey: sign in with the emailed code, overview, a conversation, leads CSV, a content gap, re-crawl, sign out', async (t) => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto('/console/');
    const email = page.locator('#email');
    await email.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'email');
    await assertAxeClean(page, 'sign-in');
    await snap(page, 'sign-in');
    const seen = await codeCount(OWNER);
    await page.keyboard.type(OWNER);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('code-form').hidden || document.getElementById('sign-in-error').textContent);
    assert.equal(await page.locator('#sign-in-error').textContent(), '', 'the code was sent');
    assert.equal((await focused(page)).id, 'code', 'focus moves to the code');
    const code = await waitForCode(OWNER, seen);
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/overview\/\?account=northwind-heating$/);
    await page.waitForFunction(() => document.getElementById('console-root')?.childElementCount > 0 || document.getElementById('console-status')?.textContent);
    assert.equal(await page.locator('#console-email').textContent(), OWNER);

    // Overview.
    if (routes.overview) {
      await page.locator('.tiles').waitFor();
      assert.equal(await page.locator('svg.chart[role=img]').count(), 3);
      const rows = page.locator('table tbody tr');
      assert.equal(await rows.count(), 30, 'a row per day for 30 days');
      const conversations = Number((await page.locator('.tile', { hasText: 'Conversations' }).locator('dd').textContent()).replace(/\D/g, ''));
      assert.ok(conversations >= 2, `the seeded conversations are counted (${conversations})`);
      assert.match(await page.locator('.spend').textContent(), /Account \$/);
    } else {
      t.diagnostic('overview: the server has no /overview route; page loaded, figures not checked');
    }
    await assertAxeClean(page, 'overview');
    await snap(page, 'overview');

    // Conversations → the seeded one.
    await page.locator('.console-nav a', { hasText: 'Conversations' }).click();
    await page.waitForURL(/\/console\/conversations\//);
    const link = page.locator('#conversation-list a', { hasText: QUESTION });
    await link.waitFor();
    await assertAxeClean(page, 'conversations');
    await snap(page, 'conversations');
    await link.click();
    await page.waitForURL(/\/console\/conversation\/\?account=northwind-heating&session=[A-Za-z0-9_-]{22}$/);
    await page.locator('.transcript .message').nth(1).waitFor();
    assert.equal(await page.locator('h1').textContent(), QUESTION);
    assert.equal(await page.locator('.message.visitor .content').first().textContent(), QUESTION);
    const agentTurn = page.locator('.message.agent').first();
    assert.match(await agentTurn.locator('.calls li').first().textContent(), /^Model \S+ · [\d,]+ \+ [\d,]+ tokens · \$[\d.]+ · [\d,]+ ms · \w+/);
    assert.match(await agentTurn.locator('.feedback').textContent(), /not helpful: wrong/);
    if (process.env.SALIENT_E2E_EXPECT_CITATIONS) {
      await agentTurn.locator('.citations summary').click();
      assert.match(await agentTurn.locator('.citations li').first().textContent(), /score \d\.\d{3}/);
    }
    assert.match(await page.locator('.profile').textContent(), new RegExp(`lead-${tag}@example\\.com`));
    await assertAxeClean(page, 'conversation');
    await snap(page, 'conversation');

    // Leads: the CSV downloads with the seeded lead in it.
    await page.locator('.console-nav a', { hasText: 'Leads' }).click();
    const lead = page.locator('#lead-list tr', { hasText: seeded.email });
    await lead.waitFor();
    assert.equal(await lead.locator('.badge.verified').textContent(), 'Verified');
    assert.equal(await lead.locator('td').nth(3).textContent(), 'heat pumps');
    await assertAxeClean(page, 'leads');
    await snap(page, 'leads');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    assert.match(csv.split(/\r?\n/)[0], /^profile,name,email,phone,company,interests,verified,created_at,updated_at,conversations$/);
    assert.ok(csv.includes(seeded.email), 'the CSV holds the seeded lead');

    // Content gaps: the not-helpful answer's question, then Mark resolved.
    await page.locator('.console-nav a', { hasText: 'Content gaps' }).click();
    await page.waitForURL(/\/console\/gaps\//);
    await page.waitForFunction(() => document.getElementById('console-root')?.childElementCount > 0 || document.getElementById('console-status')?.textContent);
    if (routes.gaps) {
      const group = page.locator('#gap-list > li', { hasText: QUESTION });
      await group.waitFor();
      assert.match(await group.locator('.badges').textContent(), /Rated not helpful: \d+/);
      assert.ok(await group.locator('.examples a', { hasText: 'Open conversation' }).count());
      await assertAxeClean(page, 'gaps');
      await snap(page, 'gaps');
      const resolved = page.waitForResponse((r) => r.url().endsWith('/resolve'));
      await group.getByRole('button', { name: 'Mark resolved' }).click();
      assert.equal((await resolved).status(), 200);
      await page.locator('#console-status', { hasText: 'Marked resolved' }).waitFor();
      assert.equal(await page.locator('#gap-list > li', { hasText: QUESTION }).count(), 0);
    } else {
      t.diagnostic('gaps: the server has no /gaps route; page loaded, groups not checked');
      await assertAxeClean(page, 'gaps');
      await snap(page, 'gaps');
    }

    // Knowledge: re-crawl, and the retrieval test box.
    await page.locator('.console-nav a', { hasText: 'Knowledge' }).click();
    await page.waitForURL(/\/console\/knowledge\//);
    await page.waitForFunction(() => document.getElementById('console-root')?.childElementCount > 0);
    if (routes.knowledge) {
      await page.locator('#sources-title ~ .table-scroll').waitFor();
      await page.locator('#page-list tbody tr').first().waitFor();
      const started = page.waitForResponse((r) => r.url().endsWith('/knowledge/recrawl'));
      await page.locator('#recrawl').click();
      const answer = await started;
      assert.ok([202, 409].includes(answer.status()), `re-crawl answers ${answer.status()}`);
      await page.locator('#console-status', { hasText: /Re-crawl started|already running/ }).waitFor();
      await page.locator('.badge.run-running, .badge.run-succeeded').first().waitFor({ timeout: 20_000 });
      await page.locator('#search-question').fill('How much does a heat pump cost?');
      await page.locator('#search-question').press('Enter');
      await page.locator('.chunk').first().waitFor();
      assert.match(await page.locator('.chunk .scores').first().textContent(), /^score \d\.\d{3} · dense/);
      assert.match(await page.locator('.chunk strong').first().textContent(), /^#1 /);
    } else {
      t.diagnostic('knowledge: the server has no /knowledge route; page loaded, re-crawl not checked');
    }
    await assertAxeClean(page, 'knowledge');
    await snap(page, 'knowledge');

    // Configuration, Health and the audit log.
    for (const [name, nav] of [['config', 'Configuration'], ['health', 'Health'], ['audit', 'Audit log']]) {
      await page.locator('.console-nav a', { hasText: nav }).click();
      await page.waitForURL(new RegExp(`/console/${name}/`));
      await page.waitForFunction(() => document.getElementById('console-root')?.childElementCount > 0 || document.getElementById('console-status')?.textContent);
      if (name === 'config' && routes.config) {
        await page.locator('h2', { hasText: 'Agent sales' }).waitFor();
        assert.match(await page.locator('table', { hasText: 'llm.model' }).first().textContent(), /llm\.model.*(default|app|account|agent|env)/s);
        assert.doesNotMatch(await page.locator('main').textContent(), /sk-or-v1-demo-stack/, 'no secret on the page');
      }
      if (name === 'health' && routes.metrics) {
        // An account's operator: no per-function figures, and the API says why.
        await page.locator('#metrics-restricted').waitFor();
        assert.equal(await metricsTable(page).count(), 0, 'no per-function table for an account operator');
        const refused = await page.evaluate(() => fetch('/api/console/metrics').then(async (r) => ({ status: r.status, body: await r.json() })));
        assert.equal(refused.status, 403, JSON.stringify(refused));
        assert.equal(refused.body.error?.code, 'forbidden_role', JSON.stringify(refused));
        assert.ok(refused.body.error?.message, 'the refusal says why');
      }
      if (name === 'audit') {
        await page.locator('#audit-list td code', { hasText: 'conversation.view' }).first().waitFor();
        await page.locator('#audit-list td code', { hasText: 'leads.export' }).first().waitFor();
      }
      await assertAxeClean(page, name);
      // Health's screenshot shows a deployment operator's figures (its own test below).
      if (name !== 'health' || !routes.metrics) await snap(page, name);
    }

    // Sign out: back to sign-in, and the console pages ask to sign in again.
    await page.locator('#sign-out').click();
    await page.waitForURL(/\/console\/\?signed_out=1$/);
    assert.equal(await statusText(page), 'You are signed out.');
    await page.goto(`/console/leads/?account=${ACCOUNT}`);
    await page.waitForURL(/\/console\/\?next=%2Fconsole%2Fleads%2F/);
    await page.locator('#email').waitFor();
    await context.close();
  });

  test('keyboard only: skip link, the navigation and the conversation filters', async () => {
    const { context, page } = await newPage(browser, { ...DESKTOP, storageState: signedIn });
    await openPage(page, 'overview');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).id, 'content', 'the skip link moves focus to the main content');
    await tabTo(page, (f) => f.text === 'Conversations', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/conversations\/\?account=northwind-heating$/);
    await page.locator('#conversation-list tbody tr').first().waitFor();
    // Each nav link is reachable in order.
    await page.keyboard.press('Tab');
    const order = [];
    for (let presses = 0; presses < 20 && order.length < PAGES.length; presses++) {
      const now = await focused(page);
      if (await page.evaluate(() => Boolean(document.activeElement?.closest('.console-nav')))) order.push(now.text);
      await page.keyboard.press('Tab');
    }
    assert.deepEqual(order, ['Overview', 'Conversations', 'Leads', 'Content gaps', 'Knowledge', 'Configuration', 'Health', 'Audit log']);
    // The agent filter, then Apply filters, by keys alone.
    await tabTo(page, (f) => f.id === 'filter-agent');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#filter-agent').inputValue(), 'sales');
    await tabTo(page, (f) => f.text === 'Apply filters');
    await page.keyboard.press('Enter');
    await page.waitForURL(/agent=sales/);
    await page.locator('#conversation-list tbody tr').first().waitFor();
    const agents = await page.locator('#conversation-list tbody tr td:nth-child(2)').allTextContents();
    assert.ok(agents.length > 0 && agents.every((a) => a === 'sales'), `only the sales agent's conversations: ${agents}`);
    const rows = await page.evaluate(() => fetch(`/api/console/northwind-heating/conversations?limit=1`, { credentials: 'same-origin' }).then((r) => r.json()));
    if (rows.conversations?.[0]?.flags) {
      await tabTo(page, (f) => f.id === 'filter-flag');
      for (let presses = 0; presses < 6 && (await page.locator('#filter-flag').inputValue()) !== 'not_helpful'; presses++) await page.keyboard.press('ArrowDown');
      await tabTo(page, (f) => f.text === 'Apply filters');
      await page.keyboard.press('Enter');
      await page.waitForURL(/flag=not_helpful/);
      await page.locator('#conversation-list a', { hasText: QUESTION }).waitFor();
      const badges = await page.locator('#conversation-list tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('.badge.not_helpful') !== null));
      assert.ok(badges.every(Boolean), 'every listed conversation was rated not helpful');
    }
    await assertAxeClean(page, 'filtered conversations');
    await context.close();
  });

  test('every page fits a 375 px screen without sideways scrolling and passes axe there', async () => {
    const { context, page } = await newPage(browser, { ...PHONE_375, storageState: signedIn });
    for (const name of PAGES) {
      await openPage(page, name);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} scrolls sideways by ${overflow} px at 375 px`);
      await assertAxeClean(page, `${name} (375 px)`);
    }
    await openPage(page, 'conversation', `&session=${seeded.question.session}`);
    await page.locator('.transcript .message').first().waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)) <= 0, 'the transcript fits');
    await snap(page, 'conversation-375');
    await context.close();
  });

  test('hostile visitor text shows as text, in the list, the transcript and the leads', async () => {
    const { context, page } = await newPage(browser, { ...DESKTOP, storageState: signedIn });
    await openPage(page, 'conversation', `&session=${seeded.hostile.session}`);
    const content = page.locator('.message.visitor .content').first();
    await content.waitFor();
    assert.equal(await content.textContent(), HOSTILE);
    assert.equal(await page.locator('h1').textContent(), HOSTILE, 'the title (the first message, under 80 characters) as text');
    assert.equal(await page.locator('main img, main b, main script').count(), 0, 'no element was made from visitor text');
    await openPage(page, 'conversations');
    await page.locator('#conversation-list a', { hasText: `Hostile ${tag}` }).waitFor();
    await openPage(page, 'leads');
    const lead = page.locator('#lead-list th', { hasText: tag });
    await lead.waitFor();
    assert.equal(await lead.textContent(), `Ada <script>alert(1)</script> ${tag}`);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the onerror handler never ran');
    await context.close();
  });

  test('an owner deletes a lead after confirming in a dialog, by keyboard; a viewer has no delete', async (t) => {
    const { context, page } = await newPage(browser, { ...DESKTOP, storageState: signedIn });
    await openPage(page, 'leads');
    const row = page.locator('#lead-list tr', { hasText: seeded.email });
    await row.waitFor();
    const remove = row.getByRole('button', { name: /^Delete Ada/ });
    await remove.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.confirm[open]');
    await dialog.waitFor();
    assert.match(await dialog.textContent(), /This cannot be undone/);
    assert.equal((await focused(page)).text, 'Cancel', 'focus starts on Cancel');
    await assertAxeClean(page, 'delete dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.match((await focused(page)).text, /^Delete$/, 'focus returns to the Delete button');
    assert.equal(await row.count(), 1, 'Escape deletes nothing');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Delete lead');
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await page.keyboard.press('Enter');
    const answer = await deleted;
    assert.equal(answer.status(), 200);
    assert.ok(answer.request().headers()['x-csrf-token'], 'the delete carries the CSRF token');
    await page.locator('#console-status', { hasText: /^Deleted Ada/ }).waitFor();
    assert.equal(await row.count(), 0);
    const gone = await page.evaluate((session) => fetch(`/api/console/northwind-heating/conversations/${session}`).then((r) => r.status), seeded.question.session);
    assert.equal(gone, 404, 'its conversation went with it');
    await context.close();

    const binary = join(process.env.TARGET_DIR ?? '', 'local', 'salient');
    if (!process.env.TARGET_DIR || !existsSync(binary) || !process.env.SALIENT_CONFIG_DIR) {
      t.diagnostic('viewer: no salient binary in the environment to make a sign-in link; viewer not checked');
      return;
    }
    const { stdout } = await promisify(execFile)(binary, ['console', 'login', 'viewer@northwind-heating.example'], { env: process.env });
    const viewer = await newPage(browser, DESKTOP);
    await viewer.page.goto(`/console/?login=${/\?login=([A-Za-z0-9_-]+)/.exec(stdout)[1]}`);
    await viewer.page.waitForURL(/\/console\/overview\//);
    await openPage(viewer.page, 'leads');
    await viewer.page.locator('#lead-list').waitFor();
    await viewer.page.waitForLoadState('networkidle');
    assert.equal(await viewer.page.locator('#lead-list button').count(), 0, 'a viewer has no Delete');
    if (routes.knowledge) {
      await openPage(viewer.page, 'knowledge');
      await viewer.page.locator('#runs-title').waitFor();
      await viewer.page.waitForLoadState('networkidle');
      assert.ok(await viewer.page.locator('#recrawl').isHidden(), 'a viewer has no Re-crawl');
    }
    await viewer.context.close();
  });

  test('a `salient console login` link signs in once and leaves the address', async (t) => {
    const binary = join(process.env.TARGET_DIR ?? '', 'local', 'salient');
    if (!process.env.TARGET_DIR || !existsSync(binary) || !process.env.SALIENT_CONFIG_DIR) {
      t.skip('the salient binary and the server configuration are not in the environment (run through scripts/e2e.sh)');
      return;
    }
    const { stdout } = await promisify(execFile)(binary, ['console', 'login', OWNER], { env: process.env });
    const token = /\?login=([A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    assert.ok(token, stdout);
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(`/console/?login=${token}`);
    await page.waitForURL(/\/console\/overview\/\?account=northwind-heating$/);
    await page.waitForFunction(() => document.getElementById('console-email')?.textContent);
    assert.equal(await page.locator('#console-email').textContent(), OWNER);
    const again = await newPage(browser, DESKTOP);
    await again.page.goto(`/console/?login=${token}`);
    await again.page.locator('#sign-in-error', { hasText: 'used or expired' }).waitFor();
    assert.doesNotMatch(again.page.url(), /login=/, 'the token leaves the address at once');
    await again.context.close();
    await context.close();
  });

  test('Health: a deployment operator sees requests and latency per function, by keyboard, at 375 px too', async (t) => {
    if (!routes.metrics) {
      t.skip('the server under test has no /api/console/metrics route');
      return;
    }
    // Requests the figures must count: before() made chat and OTP calls; one more turn now.
    await seedConversation(`Is a heat pump quiet? (${tag})`);
    const { context, page } = await newPage(browser, DESKTOP);
    await signInByApi(context, OPS);
    await openPage(page, 'health');
    const table = metricsTable(page);
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
    assert.deepEqual(await table.locator('thead th').allTextContents(), ['Function', 'Requests (hour)', 'Latency (hour)', 'Errors (hour)', 'Requests (day)', 'Latency (day)', 'Errors (day)']);
    const byFunction = Object.fromEntries(rows.map((cells) => [cells[0], cells]));
    const metrics = await page.evaluate(() => fetch('/api/console/metrics').then((r) => r.json()));
    for (const name of ['chat', 'otp', 'console']) {
      const cells = byFunction[name];
      assert.ok(cells, `a row for ${name}: ${JSON.stringify(rows)}`);
      const [hour, day] = [count(cells[1]), count(cells[4])];
      assert.ok(hour >= 1 && day >= hour, `${name}: ${hour} this hour, ${day} today`);
      for (const latency of [cells[2], cells[5]]) {
        const [p50, p95, p99] = (/^([\d,]+) \/ ([\d,]+) \/ ([\d,]+) ms$/.exec(latency) ?? assert.fail(`${name} latency: ${latency}`)).slice(1).map(count);
        assert.ok(p50 <= p95 && p95 <= p99, `${name} latency ${latency}`);
      }
      // The table shows what the API answered (counts only grow between the two reads).
      const api = metrics.functions.find((f) => f.function === name);
      assert.ok(api.hour.requests >= hour && api.day.requests >= day, `${name}: ${JSON.stringify(api)}`);
    }
    assert.ok(count(byFunction.chat[1]) >= 5, `the seeded sessions, turns and rating: ${byFunction.chat[1]}`);
    await assertAxeClean(page, 'health (deployment operator)');
    await snap(page, 'health');

    // By keyboard: skip link, then the table's region takes focus, visibly.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Skip to content');
    await page.keyboard.press('Enter');
    const region = await tabTo(page, (f) => f.tag === 'div' && f.text.startsWith('Requests per function'));
    assert.ok(region.visible, 'the table region shows its focus');
    await context.close();

    // At 375 px the page does not scroll sideways; the table scrolls inside its region, by keys.
    const phone = await newPage(browser, PHONE_375);
    await signInByApi(phone.context, OPS);
    await openPage(phone.page, 'health');
    await metricsTable(phone.page).locator('tbody tr').first().waitFor();
    await phone.page.waitForLoadState('networkidle');
    assert.ok((await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)) <= 0, 'health fits 375 px');
    const scroller = phone.page.locator('.table-scroll', { has: metricsTable(phone.page) });
    assert.ok(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the screen');
    await phone.page.keyboard.press('Tab');
    await phone.page.keyboard.press('Enter');
    await tabTo(phone.page, (f) => f.tag === 'div' && f.text.startsWith('Requests per function'));
    for (let presses = 0; presses < 10; presses++) await phone.page.keyboard.press('ArrowRight');
    // Keyboard scrolling may be animated: wait for it to move, up to 3 s.
    const moved = await phone.page
      .waitForFunction((el) => el.scrollLeft > 0, await scroller.elementHandle(), { timeout: 3000 })
      .then(() => true, () => false);
    assert.ok(moved, 'arrow keys scroll the focused table');
    await assertAxeClean(phone.page, 'health (deployment operator, 375 px)');
    await phone.context.close();
  });
});
