// Content gaps: questions the agent could not answer well, grouped, with how often and why,
// a few examples linking to their conversations, and for owners "Mark resolved".
import { accountPath, api, consoleUrl, describe, el, number, query, root, start, status, time } from './console.js';

const REASONS = { no_source: 'No source found', extractive: 'Extractive answer', not_helpful: 'Rated not helpful', model_said_unknown: 'Model did not know' };

start(async ({ account, agent, owner }) => {
  const wanted = new URLSearchParams(location.search).get('status') === 'resolved' ? 'resolved' : 'open';
  const tabs = el(
    'nav',
    { className: 'tabs', 'aria-label': 'Gap status' },
    el('ul', {}, ['open', 'resolved'].map((s) => el('li', {}, el('a', { href: consoleUrl(location.pathname, { account, agent, status: s }), 'aria-current': s === wanted ? 'page' : undefined, text: s === 'open' ? 'Open' : 'Resolved' })))),
  );
  const list = el('ol', { className: 'gaps', id: 'gap-list' });
  const more = el('button', { type: 'button', className: 'button secondary', hidden: true, text: 'Show more' });
  const empty = el('p', { hidden: true, text: wanted === 'open' ? 'No open gaps: every question found an answer.' : 'No resolved gaps.' });
  root().replaceChildren(tabs, list, empty, more);

  function group(g) {
    const title = g.examples?.[0]?.question ?? 'Unanswered questions';
    const id = `gap-${g.id}`;
    const item = el(
      'li',
      { className: 'card gap', 'aria-labelledby': id },
      el('h2', { id, className: 'gap-title', text: title }),
      el('p', { className: 'muted' }, `${number(g.count)} question${g.count === 1 ? '' : 's'} · agent ${g.agent} · first `, time(g.first_seen), ', last ', time(g.last_seen)),
      el('ul', { className: 'badges' }, Object.entries(g.reasons ?? {}).filter(([, n]) => n > 0).map(([k, n]) => el('li', { className: 'badge', text: `${REASONS[k] ?? k}: ${n}` }))),
      el('h3', { text: 'Examples' }),
      el('ul', { className: 'examples' }, (g.examples ?? []).map((e) => el('li', {}, el('q', { text: e.question }), ' ', time(e.at), ' ', el('a', { href: consoleUrl('/console/conversation/', { account, session: e.session }), text: 'Open conversation' })))),
    );
    if (owner && g.status === 'open') {
      const resolve = el('button', { type: 'button', className: 'button secondary', text: 'Mark resolved', 'aria-describedby': id });
      resolve.addEventListener('click', async () => {
        resolve.disabled = true;
        try {
          await api(accountPath(account, 'gaps', g.id, 'resolve'), { method: 'POST' });
          const next = item.nextElementSibling ?? item.previousElementSibling;
          item.remove();
          empty.hidden = list.children.length > 0;
          status(`Marked resolved: ${title}`);
          (next?.querySelector('button, a') ?? document.getElementById('content')).focus();
        } catch (error) {
          resolve.disabled = false;
          status(describe(error), { error: true });
        }
      });
      item.append(el('p', {}, resolve));
    }
    return item;
  }

  let cursor = null;
  async function load() {
    const data = await api(`${accountPath(account, 'gaps')}${query({ status: wanted, agent, cursor, limit: 25 })}`);
    const first = list.children.length;
    for (const g of data.groups ?? []) list.append(group(g));
    cursor = data.next_cursor ?? null;
    more.hidden = !cursor;
    empty.hidden = list.children.length > 0;
    if (first > 0) list.children[first]?.querySelector('a, button')?.focus();
  }
  more.addEventListener('click', () => load().catch((error) => status(describe(error), { error: true })));
  await load();
});
