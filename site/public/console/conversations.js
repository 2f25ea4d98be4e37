// Conversations: filter by agent, start dates and one flag; page with "Show more"; each
// title opens the transcript. The filters live in the address (ids and dates only).
import { accountPath, api, consoleUrl, describe, el, number, query, root, start, status, time } from './console.js';

const FLAGS = [
  ['', 'Any'],
  ['not_helpful', 'Rated not helpful'],
  ['no_sources', 'Answered without sources'],
  ['extractive', 'Extractive answer'],
  ['person_asked', 'Asked for a person'],
  ['has_lead', 'Has a lead'],
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function flagBadges(row) {
  const flags = row.flags ?? { has_lead: row.has_lead };
  const shown = FLAGS.filter(([key]) => key && flags[key]);
  if (row.handoff_requested_at && !flags.person_asked) shown.push(['person_asked', 'Asked for a person']);
  return el('ul', { className: 'badges' }, shown.map(([key, label]) => el('li', { className: `badge ${key}`, text: label })));
}

start(async ({ account, agent, entry }) => {
  const params = new URLSearchParams(location.search);
  const filters = {
    from: DAY.test(params.get('from') ?? '') ? params.get('from') : '',
    to: DAY.test(params.get('to') ?? '') ? params.get('to') : '',
    flag: FLAGS.some(([key]) => key && key === params.get('flag')) ? params.get('flag') : '',
  };
  const agentSelect = el('select', { id: 'filter-agent', name: 'agent' }, el('option', { value: '', text: 'All agents' }), (entry?.agents ?? []).map((id) => el('option', { value: id, selected: id === agent, text: id })));
  const from = el('input', { id: 'filter-from', name: 'from', type: 'date', value: filters.from });
  const to = el('input', { id: 'filter-to', name: 'to', type: 'date', value: filters.to });
  const flag = el('select', { id: 'filter-flag', name: 'flag' }, FLAGS.map(([key, label]) => el('option', { value: key, selected: key === filters.flag, text: label })));
  const form = el(
    'form',
    { className: 'filters', role: 'search', 'aria-label': 'Filter conversations' },
    el('div', {}, el('label', { for: 'filter-agent', text: 'Agent' }), agentSelect),
    el('div', {}, el('label', { for: 'filter-from', text: 'Started from' }), from),
    el('div', {}, el('label', { for: 'filter-to', text: 'Started until' }), to),
    el('div', {}, el('label', { for: 'filter-flag', text: 'Flag' }), flag),
    el('div', {}, el('button', { type: 'submit', className: 'button', text: 'Apply filters' })),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.assign(consoleUrl(location.pathname, { account, agent: agentSelect.value, from: from.value, to: to.value, flag: flag.value }));
  });

  const body = el('tbody');
  const list = el(
    'table',
    { id: 'conversation-list' },
    el('caption', { text: 'Conversations, newest first' }),
    el('thead', {}, el('tr', {}, ['Conversation', 'Agent', 'Started', 'Turns', 'Flags'].map((h) => el('th', { scope: 'col', text: h })))),
    body,
  );
  const more = el('button', { type: 'button', className: 'button secondary', hidden: true, text: 'Show more' });
  const empty = el('p', { hidden: true, text: 'No conversation matches.' });
  root().replaceChildren(form, el('div', { className: 'table-scroll', role: 'region', 'aria-label': 'Conversations', tabindex: '0' }, list), empty, more);

  let cursor = null;
  async function load() {
    more.disabled = true;
    const data = await api(
      `${accountPath(account, 'conversations')}${query({
        agent,
        from: filters.from ? `${filters.from}T00:00:00Z` : '',
        to: filters.to ? `${nextDay(filters.to)}T00:00:00Z` : '',
        flag: filters.flag,
        cursor,
        limit: 25,
      })}`,
    );
    const first = body.children.length;
    for (const row of data.conversations ?? []) {
      const link = el('a', { href: consoleUrl('/console/conversation/', { account, session: row.session }) }, row.title || 'Untitled conversation');
      body.append(el('tr', {}, el('td', {}, link), el('td', { text: row.agent }), el('td', {}, time(row.started_at)), el('td', { text: number(row.turns) }), el('td', {}, flagBadges(row))));
    }
    cursor = data.next_cursor ?? null;
    more.hidden = !cursor;
    more.disabled = false;
    empty.hidden = body.children.length > 0;
    if (first > 0) body.children[first]?.querySelector('a')?.focus();
  }
  more.addEventListener('click', () => load().catch((error) => status(describe(error), { error: true })));
  await load();
});
