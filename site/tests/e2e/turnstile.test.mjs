// Cloudflare Turnstile in the widget. The browser has no way to Cloudflare here, so the tests
// serve a fake api.js from challenges.cloudflare.com (page.route) that records how the widget
// uses `turnstile` and hands it a token, and name a site key in the agent card as an account
// with Turnstile on does. The server side (siteverify) is tested in the Rust integration
// tests; here the demo account has no Turnstile, so the server ignores the token it gets.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ask, BASE_URL, launchBrowser, newPage, openWidget, waitForAnswer } from './browser.mjs';

const NORTHWIND = '/demo/northwind-heating/';
const CARD = `${BASE_URL}/api/northwind-heating/sales`;
const SITE_KEY = '1x00000000000000000000AA';
const CLOUDFLARE = 'https://challenges.cloudflare.com/';

/**
 * A stand-in for Turnstile's api.js: renders a box, then calls back with a token, or with an
 * error while the page's `__turnstileFails` is set.
 */
const FAKE_TURNSTILE = `window.__turnstile = { renders: [], removed: [] };
window.turnstile = {
  render(container, options) {
    window.__turnstile.renders.push({ sitekey: options.sitekey, action: options.action,
      inLightDom: container.getRootNode() === document, slot: container.slot });
    const box = document.createElement('div');
    box.textContent = 'Verifying…';
    container.append(box);
    const id = 'w' + window.__turnstile.renders.length;
    setTimeout(() => (window.__turnstileFails ? options['error-callback']('300030') : options.callback('fake-token-' + id)), 50);
    return id;
  },
  remove(id) { window.__turnstile.removed.push(id); },
};`;

/** Serves the stand-in for every request to Cloudflare; the URLs asked for. */
async function fakeCloudflare(page) {
  const scripts = [];
  await page.route(`${CLOUDFLARE}**`, (route) => {
    scripts.push(route.request().url());
    return route.fulfill({ contentType: 'application/javascript', body: FAKE_TURNSTILE });
  });
  return scripts;
}

/** Names the site key in the agent card, as the server does for an account with Turnstile. */
async function withSiteKey(page) {
  await page.route(CARD, async (route) => {
    const response = await route.fetch();
    const card = await response.json();
    await route.fulfill({ response, json: { ...card, turnstile_site_key: SITE_KEY } });
  });
}

/** Every new-session request body the page sends. */
function sessionBodies(page) {
  const bodies = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/northwind-heating/sales/sessions')) {
      bodies.push(JSON.parse(request.postData() || '{}'));
    }
  });
  return bodies;
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('Turnstile in the widget', () => {
  test('with a site key the widget loads Turnstile, renders the challenge and sends its token', async () => {
    const { context, page } = await newPage(browser);
    const scripts = await fakeCloudflare(page);
    await withSiteKey(page);
    const bodies = sessionBodies(page);
    await page.goto(NORTHWIND);
    await openWidget(page);
    const answer = await ask(page, 'Do you install heat pumps?');
    assert.equal(await answer.getAttribute('data-status'), 'complete');

    assert.deepEqual(scripts, [`${CLOUDFLARE}turnstile/v0/api.js?render=explicit`]);
    const turnstile = await page.evaluate(() => window.__turnstile);
    assert.equal(turnstile.renders.length, 1);
    assert.deepEqual(turnstile.renders[0], { sitekey: SITE_KEY, action: 'session', inLightDom: true, slot: 'challenge' });
    assert.deepEqual(bodies, [{ turnstile_token: 'fake-token-w1' }]);
    // Its token spent, the challenge is gone until the next new session.
    assert.deepEqual(turnstile.removed, ['w1']);
    assert.equal(await page.locator('salient-chat > [slot=challenge]').isHidden(), true);
    await context.close();
  });

  test('a challenge that fails leaves the message unsent, and a resend solves it again', async () => {
    const { context, page } = await newPage(browser);
    await fakeCloudflare(page);
    await withSiteKey(page);
    await page.addInitScript(() => (window.__turnstileFails = true));
    const bodies = sessionBodies(page);
    await page.goto(NORTHWIND);
    await openWidget(page);
    await page.locator('salient-chat #salient-input').fill('Hello?');
    await page.locator('salient-chat #salient-input').press('Enter');
    const note = page.locator('salient-chat .msg.user .note.error');
    await note.filter({ hasText: "The check that you're not a robot didn't work" }).waitFor();
    assert.deepEqual(bodies, [], 'no session without a token');

    await page.evaluate(() => (window.__turnstileFails = false));
    await note.locator('button').click();
    await waitForAnswer(page, 1);
    assert.equal(bodies.length, 1);
    assert.match(bodies[0].turnstile_token ?? '', /^fake-token-w\d+$/);
    await context.close();
  });

  test('without a site key nothing is loaded from Cloudflare and no token is sent', async () => {
    const { context, page } = await newPage(browser);
    const outside = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(BASE_URL)) outside.push(request.url());
    });
    const bodies = sessionBodies(page);
    await page.goto(NORTHWIND);
    await openWidget(page);
    const answer = await ask(page, 'Do you install boilers?');
    assert.equal(await answer.getAttribute('data-status'), 'complete');
    assert.deepEqual(outside, []);
    assert.deepEqual(bodies, [{}]);
    assert.equal(await page.evaluate(() => 'turnstile' in window), false);
    await context.close();
  });
});
