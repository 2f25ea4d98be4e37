// The site's security headers as a browser meets them: every page sends a
// Content-Security-Policy with no inline script or style and may not be framed; the widget's
// files load from anywhere without credentials. (Every other test fails on a CSP violation,
// so the widget working there is the proof the policy fits what the pages need.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, BASE_URL, launchBrowser, newPage, openWidget } from './browser.mjs';

const PAGES = ['/', '/chat/', '/embed/', '/demo/', '/demo/northwind-heating/', '/demo/harbor-books/visit/'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('security headers', () => {
  test("the site's pages send a strict Content-Security-Policy and refuse to be framed", async () => {
    for (const path of PAGES) {
      const response = await fetch(BASE_URL + path);
      assert.equal(response.status, 200, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /(^|; )script-src 'self'( |;)/, `${path}: ${csp}`);
      assert.match(csp, /(^|; )style-src 'self'(;|$)/, `${path}: ${csp}`);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      const html = await response.text();
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path} has an inline script`);
    }
  });

  test("the widget's files load from any origin, never with credentials", async () => {
    for (const file of ['/widget.js', '/widget-app.js']) {
      const response = await fetch(BASE_URL + file, { headers: { Origin: 'https://shop.example' } });
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', file);
      assert.equal(response.headers.get('access-control-allow-credentials'), null, file);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', file);
      assert.match(response.headers.get('content-type') ?? '', /javascript/, file);
    }
  });

  test('the widget works under the policy on a demo page and the full-page chat', async () => {
    for (const path of ['/demo/northwind-heating/', '/chat/?account=harbor-books&agent=info']) {
      const { context, page } = await newPage(browser);
      await page.goto(path);
      if (path.startsWith('/demo/')) await openWidget(page);
      const answer = await ask(page, 'Do you have opening hours?');
      assert.equal(await answer.getAttribute('data-status'), 'complete', path);
      // Styled from constructed sheets, which the policy allows (no inline <style>).
      const styled = await page.evaluate(() => {
        const root = document.querySelector('salient-chat').shadowRoot;
        return { sheets: root.adoptedStyleSheets.length, styleTags: root.querySelectorAll('style').length };
      });
      assert.ok(styled.sheets >= 1, path);
      assert.equal(styled.styleTags, 0, path);
      await context.close(); // fails on any CSP violation
    }
  });

  test('another site cannot show a page of the site in a frame', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('https://framing.example/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>framing</title><iframe src="${BASE_URL}/demo/northwind-heating/"></iframe>` }),
    );
    await page.goto('https://framing.example/');
    await page.waitForTimeout(500);
    const framed = page.frames().find((frame) => frame.url().startsWith(BASE_URL));
    const content = framed ? await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    assert.doesNotMatch(content, /Northwind/, 'the framed page rendered');
    await context.close();
  });
});
