// The operator console's shared code: API calls (same origin, the session cookie, the CSRF
// token on every change), the session and the account/agent switcher, and small builders that
// put API data on the page with textContent only (visitor text is never parsed as HTML).
// A 401 from any call goes back to the sign-in page.

const SLUG = /^[a-z0-9-]{1,64}$/;

/** The signed-in operator (`GET /api/console/me`), once known. */
let me = null;

/** A failed API call: `status`, the stable `code` and the server's `message`. */
export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

/** The sign-in page, with where to come back to (a path, no personal data). */
export function signInUrl() {
  const next = location.pathname + location.search;
  return `/console/?next=${encodeURIComponent(next)}`;
}

/**
 * Calls the console API: JSON in and out. A 401 goes to sign-in (unless `quiet401`); other
 * errors throw an ApiFailure carrying the stable code.
 */
export async function api(path, { method = 'GET', body, quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && me?.csrf_token) headers['X-CSRF-Token'] = me.csrf_token;
  const response = await fetch(`/api/console/${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !quiet401) {
    location.assign(signInUrl());
    throw new ApiFailure(401, 'sign_in_required', 'Please sign in again.');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data?.error ?? data ?? {};
    throw new ApiFailure(response.status, error.code, error.message);
  }
  return data;
}

/** The path of an account's route: `account` and every part escaped. */
export function accountPath(account, ...parts) {
  return [account, ...parts].map(encodeURIComponent).join('/');
}

/** A query string from the set values of `params` (with the leading `?`, or empty). */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Creates an element: `attrs` set as attributes (or properties for `text`, `on*`), then children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A link only to an http(s) address; anything else is shown as text. */
export function safeLink(url, label) {
  if (!url) return el('span', { text: label || '' });
  try {
    const parsed = new URL(url, location.origin);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return el('a', { href: parsed.href, rel: 'noopener noreferrer' }, label || url);
  } catch {
    /* not a URL */
  }
  return el('span', { text: label || url || '' });
}

/** A time element showing a UTC time briefly. */
export function time(value) {
  if (!value) return el('span', { text: '–' });
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return el('span', { text: String(value) });
  return el('time', { datetime: date.toISOString(), title: date.toISOString() }, date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
}

/** Money as the API gives it (`cost_usd`). */
export function usd(value) {
  if (value === null || value === undefined) return '–';
  const number = Number(value);
  return number >= 1 ? `$${number.toFixed(2)}` : `$${number.toFixed(4)}`;
}

export function number(value) {
  return value === null || value === undefined ? '–' : Number(value).toLocaleString('en-GB');
}

/** A table with a caption, head and rows (each row an array of cells: text or nodes). */
export function table(caption, headings, rows, { label, className } = {}) {
  const body = el('tbody');
  for (const row of rows) body.append(el('tr', {}, row.map((cell, i) => el(i === 0 && cell?.rowHeader ? 'th' : 'td', i === 0 && cell?.rowHeader ? { scope: 'row' } : {}, cell?.rowHeader ? cell.value : cell))));
  const node = el('table', { className }, el('caption', { text: caption }), el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))), body);
  return scroll(node, label ?? caption);
}

/** A first cell shown as the row's header. */
export function rowHeader(value) {
  return { rowHeader: true, value };
}

/** Wraps wide content in a region that scrolls sideways and takes focus (so keys scroll it). */
export function scroll(node, label) {
  return el('div', { className: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, node);
}

/** Shows a message in the page's status line (`error` for failures). */
export function status(message, { error = false } = {}) {
  const line = document.getElementById('console-status');
  if (!line) return;
  line.textContent = message;
  line.classList.toggle('error', error);
}

/** A message for a failed call, in words an operator can act on. */
export function describe(error) {
  if (error instanceof ApiFailure) {
    if (error.code === 'forbidden_role') return 'Your role does not allow this.';
    if (error.code === 'rate_limited') return 'Too many requests: please wait a moment and try again.';
    if (error.status === 404 && !error.code) return 'This part of the console is not available on this server.';
    return `${error.message}${error.code ? ` (${error.code})` : ''}`;
  }
  return `Something went wrong: ${error?.message ?? error}`;
}

/** The current account and agent from the address (`?account=&agent=`), else remembered. */
function chosen(session) {
  const params = new URLSearchParams(location.search);
  const accounts = session.accounts ?? [];
  let account = params.get('account') ?? sessionStorage.getItem('salient:console:account');
  if (!account || !SLUG.test(account) || !accounts.some((a) => a.account === account)) account = accounts[0]?.account ?? null;
  const entry = accounts.find((a) => a.account === account) ?? null;
  let agent = params.get('agent') ?? '';
  if (agent && !(entry?.agents ?? []).includes(agent)) agent = '';
  return { account, entry, agent };
}

/** A console address keeping the account and agent choice. */
export function consoleUrl(path, { account, agent, ...rest } = {}) {
  return `${path}${query({ account, agent, ...rest })}`;
}

/**
 * Starts a signed-in page: fetches `me` (a 401 goes to sign-in), fills the switcher, the nav
 * links and Sign out, then calls `render(context)` with `{ me, account, agent, role, entry }`.
 */
export async function start(render) {
  try {
    me = await api('me');
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return;
    status(describe(error), { error: true });
    return;
  }
  const { account, entry, agent } = chosen(me);
  if (account) sessionStorage.setItem('salient:console:account', account);
  document.getElementById('console-email').textContent = me.email;
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.addEventListener('click', async () => {
    try {
      await api('sign-out', { method: 'POST', quiet401: true });
    } catch {
      /* signed out either way */
    }
    sessionStorage.removeItem('salient:console:account');
    location.assign('/console/?signed_out=1');
  });
  const form = document.getElementById('switcher');
  const accountSelect = document.getElementById('switch-account');
  const agentSelect = document.getElementById('switch-agent');
  for (const a of me.accounts) accountSelect.append(el('option', { value: a.account, selected: a.account === account }, a.name || a.account));
  for (const id of entry?.agents ?? []) agentSelect.append(el('option', { value: id, selected: id === agent }, id));
  form.hidden = me.accounts.length === 0;
  const go = (nextAccount, nextAgent) => {
    const params = new URLSearchParams(location.search);
    params.delete('cursor');
    params.set('account', nextAccount);
    if (nextAgent) params.set('agent', nextAgent);
    else params.delete('agent');
    location.assign(`${location.pathname}?${params}`);
  };
  accountSelect.addEventListener('change', () => go(accountSelect.value, ''));
  agentSelect.addEventListener('change', () => go(account, agentSelect.value));
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const link of document.querySelectorAll('.console-nav a[data-nav]')) {
    link.href = consoleUrl(link.getAttribute('href').split('?')[0], { account, agent });
  }
  if (!account) {
    status('Your address may not see any account.', { error: true });
    return;
  }
  const role = entry?.role ?? 'viewer';
  document.body.dataset.role = role;
  try {
    await render({ me, account, agent, role, entry, owner: role === 'owner' });
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return;
    status(describe(error), { error: true });
  }
}

/** The section of the page the module fills. */
export function root() {
  return document.getElementById('console-root');
}
