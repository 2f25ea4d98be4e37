// Audit log: who did what to the account's data, and when; newest first, paged.
import { accountPath, api, describe, el, root, start, status, time } from './console.js';

start(async ({ account }) => {
  const body = el('tbody');
  const list = el('table', { id: 'audit-list' }, el('caption', { text: 'Audit entries, newest first' }), el('thead', {}, el('tr', {}, ['When', 'Operator', 'Action', 'Target'].map((h) => el('th', { scope: 'col', text: h })))), body);
  const more = el('button', { type: 'button', className: 'button secondary', hidden: true, text: 'Show more' });
  root().replaceChildren(el('div', { className: 'table-scroll', role: 'region', 'aria-label': 'Audit log', tabindex: '0' }, list), more);
  let cursor = null;
  async function load() {
    const data = await api(`${accountPath(account, 'audit')}?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const first = body.children.length;
    for (const entry of data.entries ?? []) body.append(el('tr', {}, el('td', {}, time(entry.at)), el('td', { text: entry.operator }), el('td', {}, el('code', { text: entry.action })), el('td', { text: entry.target ?? '–' })));
    cursor = data.next_cursor ?? null;
    more.hidden = !cursor;
    if (first > 0 && more.hidden) list.parentElement.focus();
  }
  more.addEventListener('click', () => load().catch((error) => status(describe(error), { error: true })));
  await load();
});
