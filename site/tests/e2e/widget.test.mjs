// End-to-end tests of the chat widget against a running Salient server (SALIENT_E2E_BASE_URL),
// written to the contract in docs/api.md. Cases that need a particular model answer (injected
// HTML, errors, rate limits, a slow stream to stop) fake only the stream response in the
// browser, so they hold against the real server and its LLM stand-in alike.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  answers, ask, BASE_URL, deepActiveElement, fulfilStreamOnce, input, launchBrowser, launcher, newPage, openWidget, pane,
  PHONE, SCREENSHOT_DIR, sse, waitForAnswer,
} from './browser.mjs';

const NORTHWIND = '/demo/northwind-heating/';
const HARBOR = '/demo/harbor-books/';
const PAYLOAD = `<script>window.__pwned = 'script'</script><img src=x onerror="window.__pwned='img';alert('img')"> [click](javascript:alert('link')) <a href="javascript:alert('raw')">raw</a>`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Shadow-root facts that must hold after any injection attempt. */
async function assertInert(page) {
  const facts = await page.evaluate(() => {
    const root = document.querySelector('salient-chat').shadowRoot;
    return {
      pwned: window.__pwned ?? null,
      scripts: root.querySelectorAll('script').length + document.querySelectorAll('body > script:not([src]):not([data-account])').length,
      images: [...root.querySelectorAll('img')].filter((img) => !img.classList.contains('avatar')).length,
      iframes: root.querySelectorAll('iframe, object, embed').length,
      handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    };
  });
  assert.deepEqual(page.dialogs, [], 'no dialog may open');
  assert.equal(facts.pwned, null, 'injected script must not run');
  assert.equal(facts.images, 0, 'no injected <img>');
  assert.equal(facts.iframes, 0);
  assert.equal(facts.handlers, 0, 'no inline event handlers');
  for (const href of facts.hrefs) {
    assert.ok(href && /^(https?:|mailto:)/i.test(href), `link ${href} must be http(s) or mailto`);
  }
}

describe('chat widget', () => {
  test('sitemaps list every demo page with a lastmod, and each page has its content in <main>', async () => {
    for (const account of ['northwind-heating', 'harbor-books']) {
      const response = await fetch(`${BASE_URL}/demo/${account}/sitemap.xml`);
      assert.equal(response.status, 200);
      const xml = await response.text();
      assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>\s*<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)].map((m) => m[1]);
      assert.ok(locs.length >= 5, `${account} lists its pages`);
      for (const loc of locs) {
        const page = await fetch(BASE_URL + new URL(loc).pathname);
        assert.equal(page.status, 200, loc);
        const html = await page.text();
        assert.match(html, /<main[\s>]/, `${loc} has <main>`);
        assert.match(html, /<script src="\/widget\.js" data-account/, `${loc} embeds the widget`);
      }
    }
  });

  test('launcher is a labelled button and opens the pane with the agent card', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(HARBOR);
    const button = launcher(page);
    await button.waitFor();
    assert.ok(await button.getAttribute('aria-label'));
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await button.getAttribute('aria-controls'), 'salient-pane');
    const card = await (await fetch(`${BASE_URL}/api/harbor-books/info`)).json();
    await openWidget(page);
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await page.locator('salient-chat .greeting .bubble').filter({ hasText: card.greeting.slice(0, 20) }).waitFor();
    await page.locator('salient-chat #salient-title').filter({ hasText: card.name }).waitFor();
    if (card.account_name !== card.name) await page.locator('salient-chat .head p').filter({ hasText: card.account_name }).waitFor();
    await page.locator('salient-chat [role=log][aria-live=polite]').waitFor();
    await context.close();
  });

  test('data attributes override the title and colours', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND); // data-title="Northwind Heating" data-color-accent="#0b5d3b"
    await openWidget(page);
    assert.equal(await page.locator('salient-chat #salient-title').textContent(), 'Northwind Heating');
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('salient-chat').shadowRoot.querySelector('.head')).backgroundColor);
    assert.equal(background, 'rgb(11, 93, 59)');
    await context.close();
  });

  test('the answer streams token by token, with a typing indicator first', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await page.evaluate(() => {
      const log = document.querySelector('salient-chat').shadowRoot.querySelector('.log');
      window.__observed = [];
      new MutationObserver(() => {
        const views = log.querySelectorAll('.msg.assistant:not(.greeting)');
        const last = views[views.length - 1];
        if (!last) return;
        window.__observed.push({ status: last.dataset.status, typing: !!last.querySelector('.typing'), length: last.querySelector('.bubble').textContent.length });
      }).observe(log, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const answer = await ask(page, 'How much does an air-source heat pump cost?');
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    const observed = await page.evaluate(() => window.__observed);
    assert.ok(observed.some((o) => o.typing), 'a typing indicator shows before the first token');
    const growing = [...new Set(observed.filter((o) => o.status === 'streaming' && !o.typing && o.length > 0).map((o) => o.length))];
    assert.ok(growing.length >= 2, `text grew across ${growing.length} observations before done`);
    await context.close();
  });

  // Citations come from the knowledge index (issue "Knowledge"); until the server retrieves
  // from the ingested demo sites, this test is reported as skipped, never as passed.
  const citationsExpected = process.env.SALIENT_E2E_EXPECT_CITATIONS === '1';
  test('the answer lists numbered sources that open the cited page', { skip: citationsExpected ? false : 'needs retrieval from the knowledge index (issue "Knowledge"); set SALIENT_E2E_EXPECT_CITATIONS=1 once it lands' }, async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    const answer = await ask(page, 'How much does an air-source heat pump cost?');
    const sources = answer.locator('.sources a');
    assert.ok((await sources.count()) >= 1, 'the answer lists its sources');
    const first = sources.first();
    const href = await first.getAttribute('href');
    assert.match(href, /^https?:\/\//);
    assert.equal(await first.getAttribute('target'), '_blank');
    assert.match(await first.getAttribute('rel'), /noopener/);
    assert.match(await first.getAttribute('rel'), /noreferrer/);
    assert.equal(await answer.locator('.sources li').first().getAttribute('value'), '1');
    const [popup] = await Promise.all([context.waitForEvent('page'), first.click()]);
    await popup.waitForLoadState('domcontentloaded');
    assert.equal(popup.url(), href);
    await context.close();
  });

  test('the conversation resumes after a reload and on other pages of the site', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(HARBOR);
    await openWidget(page);
    await ask(page, 'When are you open on Sunday?');
    const sessionId = await page.evaluate(() => localStorage.getItem('salient:session:harbor-books:info'));
    assert.match(sessionId ?? '', /^[A-Za-z0-9_-]{22}$/);
    const answerText = await answers(page).last().locator('.bubble').textContent();

    for (const path of [HARBOR, `${HARBOR}cafe/`]) {
      await page.goto(path);
      await openWidget(page);
      await page.locator('salient-chat .msg.user .bubble').filter({ hasText: 'When are you open on Sunday?' }).waitFor();
      await answers(page).last().locator('.bubble').filter({ hasText: answerText.slice(0, 30) }).waitFor();
    }
    await context.close();
  });

  test('a stored session the server no longer knows is replaced by a new one', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await page.evaluate(() => localStorage.setItem('salient:session:northwind-heating:sales', 'AAAAAAAAAAAAAAAAAAAAAA'));
    const created = page.waitForResponse((r) => r.url().endsWith('/api/northwind-heating/sales/sessions') && r.request().method() === 'POST');
    await openWidget(page);
    assert.equal((await created).status(), 201);
    await page.waitForFunction(() => localStorage.getItem('salient:session:northwind-heating:sales') !== 'AAAAAAAAAAAAAAAAAAAAAA');
    const answer = await ask(page, 'Do you fit boilers?');
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    await context.close();
  });

  test("the visitor's HTML and javascript: links stay inert", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await ask(page, PAYLOAD);
    const bubble = page.locator('salient-chat .msg.user .bubble').last();
    assert.equal(await bubble.textContent(), PAYLOAD, 'shown as text, exactly as typed');
    await page.waitForTimeout(300); // give an injected onerror a chance to fire
    await assertInert(page);
    await context.close();
  });

  test("the model's HTML and javascript: links stay inert; safe links open in a new tab", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await fulfilStreamOnce(page, sse([
      ['meta', { session_id: 'x', user_message_id: 'u', assistant_message_id: 'a' }],
      ['delta', { text: `Here: ${PAYLOAD}\n\n` }],
      ['delta', { text: '[safe](https://example.com/safe) <javascript:alert(1)> [data](data:text/html,<script>alert(1)</script>) [tab](java\tscript:alert(1)) see [1] and [2]' }],
      ['citations', { citations: [
        { n: 1, title: 'Evil', url: 'javascript:alert(1)', score: 0.9, snippet: '' },
        { n: 2, title: 'Heat pumps', url: `${BASE_URL}${NORTHWIND}heat-pumps/`, score: 0.8, snippet: '' },
      ] }],
      ['done', { status: 'complete', html: '<p><img src=x onerror=alert(1)></p>' }],
    ]));
    const answer = await ask(page, 'show me something');
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    await page.waitForTimeout(300);
    await assertInert(page);
    assert.match(await answer.locator('.bubble').textContent(), /<script>window.__pwned/);
    const safe = answer.locator('.bubble a', { hasText: 'safe' });
    assert.equal(await safe.getAttribute('href'), 'https://example.com/safe');
    assert.equal(await safe.getAttribute('target'), '_blank');
    assert.equal(await safe.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await answer.locator('.sources a').count(), 1, 'the javascript: source is not a link');
    assert.equal(await answer.locator('.bubble sup.cite a').count(), 1, 'only the safe citation marker links');
    await context.close();
  });

  test('markdown renders tables, lists and code blocks with a working copy button', async () => {
    const { context, page } = await newPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    await page.goto(NORTHWIND);
    await openWidget(page);
    const markdown = '## Options\n\n| Model | Price |\n|---|---:|\n| Air 6 | £6,450 |\n| Air 8 | £7,200 |\n\n- one\n- **two**\n\n1. first\n2. second\n\n```sh\nnorthwind diag --last 5\n```\n';
    await fulfilStreamOnce(page, sse([['delta', { text: markdown }], ['done', { status: 'complete', html: '' }]]));
    const answer = await ask(page, 'markdown please');
    assert.equal(await answer.locator('table th').count(), 2);
    assert.equal(await answer.locator('table tbody tr').count(), 2);
    assert.equal(await answer.locator('ul li').count(), 2);
    assert.equal(await answer.locator('ol li').count(), 2);
    assert.equal(await answer.locator('strong').textContent(), 'two');
    assert.equal(await answer.locator('pre code').textContent(), 'northwind diag --last 5');
    await answer.locator('.code-block button.copy').click();
    await answer.locator('.code-block button.copy', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'northwind diag --last 5');
    await context.close();
  });

  test('a running answer can be stopped and keeps what arrived', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    // A stream that never ends on its own, so the stop always lands mid-answer.
    await page.evaluate(() => {
      const realFetch = window.fetch.bind(window);
      window.fetch = (resource, init) => {
        if (!String(resource).endsWith('/stream')) return realFetch(resource, init);
        const encoder = new TextEncoder();
        let timer;
        const body = new ReadableStream({
          start(controller) {
            let n = 0;
            timer = setInterval(() => controller.enqueue(encoder.encode(`event: delta\ndata: {"text":"word${n++} "}\n\n`)), 60);
            init.signal.addEventListener('abort', () => {
              clearInterval(timer);
              controller.error(new DOMException('aborted', 'AbortError'));
            });
          },
          cancel() { clearInterval(timer); },
        });
        return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
      };
    });
    await openWidget(page);
    await input(page).fill('tell me everything');
    await input(page).press('Enter');
    const send = page.locator('salient-chat form button.send');
    await page.locator('salient-chat .msg.assistant:not(.greeting) .bubble', { hasText: 'word2' }).waitFor();
    assert.equal(await send.getAttribute('data-state'), 'stop');
    await send.click();
    const answer = await waitForAnswer(page, 1);
    assert.equal(await answer.getAttribute('data-status'), 'stopped');
    assert.match(await answer.locator('.bubble').textContent(), /word0 word1 word2/);
    await answer.locator('.note', { hasText: 'Stopped' }).waitFor();
    assert.equal(await send.getAttribute('data-state'), 'send');
    await context.close();
  });

  test('a message that failed to send can be resent', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await page.route('**/api/*/*/sessions/*/stream', (route) => route.abort('failed'));
    await input(page).fill('Do you cover Durham?');
    await input(page).press('Enter');
    const failed = page.locator('salient-chat .msg.user[data-status=failed]');
    await failed.locator('.note', { hasText: 'Not sent' }).waitFor();
    await page.unroute('**/api/*/*/sessions/*/stream');
    await failed.locator('button', { hasText: 'Resend' }).click();
    const answer = await waitForAnswer(page, 1);
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    assert.equal(await page.locator('salient-chat .msg.user').count(), 1, 'the failed copy is replaced, not duplicated');
    await context.close();
  });

  test("a stream's error event shows its message and offers a resend", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await fulfilStreamOnce(page, sse([
      ['delta', { text: 'The Air 8 costs' }],
      ['error', { code: 'model_unavailable', message: 'The model stopped answering.' }],
    ]));
    const answer = await ask(page, 'price of the Air 8?');
    assert.equal(await answer.getAttribute('data-status'), 'partial');
    assert.match(await answer.locator('.bubble').textContent(), /The Air 8 costs/);
    const note = answer.locator('.note.error');
    assert.match(await note.textContent(), /The model stopped answering\..*model_unavailable/);
    await note.locator('button', { hasText: 'Resend' }).click();
    const retried = await waitForAnswer(page, 2);
    assert.equal(await retried.getAttribute('data-status'), 'complete');
    await context.close();
  });

  test('a rate limit (HTTP 429) shows a clear message', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await fulfilStreamOnce(
      page,
      JSON.stringify({ error: { code: 'rate_limited', message: 'Too many messages.' } }),
      { status: 429, headers: { 'Retry-After': '12' } },
    );
    await input(page).fill('hello?');
    await input(page).press('Enter');
    const note = page.locator('salient-chat .msg.user[data-status=failed] .note');
    await note.waitFor();
    assert.match(await note.textContent(), /too quickly.*12 seconds/);
    await context.close();
  });

  test('a long rate-limit wait is shown in minutes, and a busy stream says to wait', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await fulfilStreamOnce(
      page,
      JSON.stringify({ error: { code: 'rate_limited', message: 'Too many messages.' } }),
      { status: 429, headers: { 'Retry-After': '600' } },
    );
    await input(page).fill('hello?');
    await input(page).press('Enter');
    const note = page.locator('salient-chat .msg.user[data-status=failed] .note').last();
    await note.waitFor();
    assert.match(await note.textContent(), /too quickly.*10 minutes/);
    await fulfilStreamOnce(
      page,
      JSON.stringify({ error: { code: 'too_many_streams', message: 'An answer is still being written.' } }),
      { status: 429, headers: { 'Retry-After': '2' } },
    );
    await input(page).fill('again?');
    await input(page).press('Enter');
    const busy = page.locator('salient-chat .msg.user[data-status=failed] .note').nth(1);
    await busy.waitFor();
    assert.match(await busy.textContent(), /still being written/);
    await context.close();
  });

  test('keyboard only: Tab to the button, Enter opens, Enter sends, Escape closes and focus returns', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(HARBOR);
    await launcher(page).waitFor();
    let focused;
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      focused = await deepActiveElement(page);
      if (focused.className === 'launcher') break;
    }
    assert.equal(focused.className, 'launcher', 'the launcher is reachable with Tab');
    await page.keyboard.press('Enter');
    await pane(page).waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.id === 'salient-input');
    await page.keyboard.type('Is the cafe upstairs?');
    await page.keyboard.press('Enter');
    const answer = await waitForAnswer(page, 1);
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    // Tab moves through the pane's controls, then Escape closes from wherever focus is.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape');
    await pane(page).waitFor({ state: 'hidden' });
    assert.equal((await deepActiveElement(page)).className, 'launcher');
    assert.equal(await launcher(page).getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test("the host page's CSS cannot restyle or hide the widget", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(NORTHWIND);
    // The host's own style sheet (constructed: the site's CSP allows no inline <style>).
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, 'button, section, div, textarea { display: none !important; } * { font-size: 40px !important; color: red !important; }');
    await openWidget(page);
    assert.ok(await input(page).isVisible());
    const fontSize = await page.evaluate(() => getComputedStyle(document.querySelector('salient-chat').shadowRoot.querySelector('.pane')).fontSize);
    assert.equal(fontSize, '15px');
    await context.close();
  });

  test('on a phone the pane fills the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(NORTHWIND);
    await openWidget(page);
    const box = await pane(page).boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 390, 844]);
    await context.close();
  });

  test('the full-page chat talks to the agent named in the query string', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/chat/?account=harbor-books&agent=info');
    await pane(page).waitFor({ state: 'visible' });
    assert.equal(await launcher(page).count(), 0, 'no floating button in inline mode');
    await input(page).fill('Do you sell coffee?');
    await input(page).press('Enter');
    const answer = await waitForAnswer(page, 1);
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    await context.close();
  });

  test('axe finds no serious or critical issues, with the widget open on a conversation', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const pages = [
      [NORTHWIND, 'floating'],
      [`${HARBOR}visit/`, 'floating'],
      ['/chat/?account=northwind-heating&agent=support', 'inline'],
      ['/', 'none'],
      ['/embed/', 'none'],
    ];
    for (const [path, widget] of pages) {
      const { context, page } = await newPage(browser);
      await page.goto(path);
      if (widget === 'floating') await openWidget(page);
      if (widget === 'inline') await pane(page).waitFor({ state: 'visible' });
      if (widget !== 'none') await ask(page, 'How much is a heat pump, and what error codes are there?');
      // Evaluated by the test harness, not injected as an inline script the site's CSP refuses.
      await page.evaluate(axeSource);
      // axe walks open shadow roots itself, so the widget's pane is part of this scan.
      const violations = await page.evaluate(async () => {
        const results = await window.axe.run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious, [], `${path}: ${JSON.stringify(serious, null, 2)}`);
      if (violations.length) console.log(`# ${path}: minor axe findings: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      await context.close();
    }
  });

  test('screenshots of the open widget on desktop and phone', async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const [name, options] of [['widget-desktop.png', undefined], ['widget-phone.png', PHONE]]) {
      const { context, page } = await newPage(browser, options);
      await page.goto(NORTHWIND);
      await page.evaluate(() => localStorage.setItem('cookie-choice', 'accepted'));
      await page.reload();
      await openWidget(page);
      await ask(page, 'How much does an air-source heat pump cost?');
      await page.evaluate(() => document.activeElement?.blur());
      await page.screenshot({ path: join(SCREENSHOT_DIR, name) });
      await context.close();
    }
  });
});
