// The widget embedded on another site: a page served from a second origin
// (SALIENT_E2E_EMBED_ORIGIN, listed in the demo account's allowed_origins by scripts/e2e.sh)
// loads widget.js from the Salient server and talks to its API across origins. Browsers
// do not send the visitor cookie to another site's API, so the widget keeps the visitor id
// and sends it as X-Salient-Visitor; the conversation then resumes after a reload.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { answers, ask, BASE_URL, launchBrowser, newPage, openWidget } from './browser.mjs';

const EMBED_ORIGIN = (process.env.SALIENT_E2E_EMBED_ORIGIN ?? '').replace(/\/+$/, '');

let browser;
let server;
before(async () => {
  if (!EMBED_ORIGIN) return;
  browser = await launchBrowser();
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A shop elsewhere</title></head>
<body><main><h1>Another site</h1><p>This page embeds the Northwind agent from ${BASE_URL}.</p></main>
<script src="${BASE_URL}/widget.js" data-account="northwind-heating" data-agent="sales" data-api-base="${BASE_URL}" defer></script>
</body></html>`;
  server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise((resolve) => server.listen(Number(new URL(EMBED_ORIGIN).port), new URL(EMBED_ORIGIN).hostname, resolve));
});
after(async () => {
  await browser?.close();
  server?.close();
});

describe('widget on another origin', { skip: EMBED_ORIGIN ? false : 'SALIENT_E2E_EMBED_ORIGIN is not set (scripts/e2e.sh sets it)' }, () => {
  test('answers across origins and resumes after a reload with X-Salient-Visitor', async () => {
    const { context, page } = await newPage(browser);
    const visitorHeaders = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${BASE_URL}/api/`)) visitorHeaders.push(request.headers()['x-salient-visitor'] ?? null);
    });
    await page.goto(`${EMBED_ORIGIN}/`);
    await openWidget(page);
    const answer = await ask(page, 'Do you install heat pumps in York?');
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    const visitor = await page.evaluate(() => localStorage.getItem('salient:visitor:northwind-heating'));
    assert.match(visitor ?? '', /^[A-Za-z0-9_-]{22}$/, 'the widget keeps the visitor id the API gave it');
    assert.ok(visitorHeaders.includes(visitor), 'later API calls carry it as X-Salient-Visitor');

    await page.reload();
    await openWidget(page);
    await page.locator('salient-chat .msg.user .bubble').filter({ hasText: 'Do you install heat pumps in York?' }).waitFor();
    assert.ok((await answers(page).count()) >= 1);
    await context.close();
  });

  test('an origin the account does not list gets no CORS answer', async () => {
    const response = await fetch(`${BASE_URL}/api/northwind-heating/sales/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-salient-visitor' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const allowed = await fetch(`${BASE_URL}/api/northwind-heating/sales/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: EMBED_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-salient-visitor' },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), EMBED_ORIGIN);
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /x-salient-visitor/i);
  });
});
