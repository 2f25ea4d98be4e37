// Knowledge: where each agent's pages come from, the latest ingest runs with their per-page
// errors, the indexed pages (paged), "Re-crawl now" for owners, and a retrieval test box that
// shows the ranked chunks a question finds, with their scores.
import { accountPath, api, ApiFailure, describe, el, number, rowHeader, root, safeLink, scroll, start, status, table, time } from './console.js';

function runsTable(runs) {
  return table(
    'Ingest runs, newest first',
    ['Started', 'Status', 'Finished', 'Pages', 'Chunks', 'Skipped', 'Failed', 'Took', 'Errors'],
    runs.map((r) => [
      rowHeader(time(r.started_at)),
      el('span', { className: `badge run-${r.status}`, text: r.status }),
      time(r.finished_at),
      number(r.pages),
      number(r.chunks),
      number(r.skipped),
      number(r.failed),
      r.duration_ms === null || r.duration_ms === undefined ? '–' : `${(r.duration_ms / 1000).toFixed(1)} s`,
      r.errors?.length
        ? el('details', {}, el('summary', { text: `${r.errors.length} error${r.errors.length === 1 ? '' : 's'}` }), el('ul', {}, r.errors.map((e) => el('li', {}, e.url ? [safeLink(e.url), ' '] : null, `${e.code}: `, el('span', { text: e.message })))))
        : '–',
    ]),
    { label: 'Ingest runs' },
  );
}

start(async ({ account, agent, entry, owner }) => {
  const out = root();
  const sources = el('section', { 'aria-labelledby': 'sources-title' }, el('h2', { id: 'sources-title', text: 'Sources' }));
  const runs = el('section', { 'aria-labelledby': 'runs-title' }, el('h2', { id: 'runs-title', text: 'Ingest runs' }));
  const pages = el('section', { 'aria-labelledby': 'pages-title' }, el('h2', { id: 'pages-title', text: 'Indexed pages' }));
  const search = el('section', { 'aria-labelledby': 'search-title' }, el('h2', { id: 'search-title', text: 'Test retrieval' }));
  out.replaceChildren(sources, runs, search, pages);

  // Sources, runs and the re-crawl button.
  const runsBody = el('div');
  const recrawl = el('button', { type: 'button', className: 'button', id: 'recrawl', text: 'Re-crawl now', hidden: true });
  runs.append(el('p', { className: 'actions' }, recrawl), runsBody);
  let polling = null;
  async function loadKnowledge() {
    const data = await api(accountPath(account, 'knowledge'));
    const shown = (data.sources ?? []).filter((s) => !agent || s.agent === agent);
    sources.replaceChildren(sources.firstChild, shown.length ? table('Sources per agent', ['Agent', 'Kind', 'Location'], shown.map((s) => [rowHeader(s.agent), s.kind, s.location.startsWith('http') ? safeLink(s.location) : s.location])) : el('p', { text: 'No sources configured.' }));
    runsBody.replaceChildren(data.runs?.length ? runsTable(data.runs) : el('p', { text: 'No ingest has run yet.' }));
    recrawl.hidden = !(owner && data.recrawl?.available);
    const running = (data.runs ?? []).some((r) => r.status === 'running');
    recrawl.disabled = running;
    if (running && !polling) polling = setTimeout(() => { polling = null; loadKnowledge().catch(() => {}); }, 2000);
    return data;
  }
  recrawl.addEventListener('click', async () => {
    recrawl.disabled = true;
    try {
      await api(accountPath(account, 'knowledge', 'recrawl'), { method: 'POST' });
      status('Re-crawl started: the runs below update as it goes.');
    } catch (error) {
      status(error instanceof ApiFailure && error.code === 'ingest_running' ? 'A crawl is already running.' : describe(error), { error: !(error instanceof ApiFailure && error.code === 'ingest_running') });
    }
    await loadKnowledge().catch(() => {});
    if (!polling) polling = setTimeout(() => { polling = null; loadKnowledge().catch(() => {}); }, 1500);
  });

  // The retrieval test box.
  const question = el('input', { id: 'search-question', name: 'question', type: 'search', required: true, maxlength: '500', autocomplete: 'off' });
  const agentSelect = el('select', { id: 'search-agent', name: 'agent' }, (entry?.agents ?? []).map((id) => el('option', { value: id, selected: id === agent, text: id })));
  const results = el('div', { id: 'search-results', 'aria-live': 'polite' });
  const form = el(
    'form',
    { className: 'filters', role: 'search', 'aria-label': 'Test retrieval' },
    el('div', { className: 'grow' }, el('label', { for: 'search-question', text: 'Question' }), question),
    el('div', {}, el('label', { for: 'search-agent', text: 'Agent' }), agentSelect),
    el('div', {}, el('button', { type: 'submit', className: 'button', text: 'Find chunks' })),
  );
  search.append(el('p', { className: 'muted', text: 'Shows the chunks a question retrieves, ranked as the agent ranks them.' }), form, results);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) {
      question.focus();
      return;
    }
    results.replaceChildren(el('p', { text: 'Searching…' }));
    try {
      const data = await api(accountPath(account, 'knowledge', 'search'), { method: 'POST', body: { question: text, agent: agentSelect.value || undefined } });
      const found = data.results ?? [];
      results.replaceChildren(
        el('p', { text: `${found.length} chunk${found.length === 1 ? '' : 's'} found.` }),
        el(
          'ol',
          { className: 'chunks' },
          found.map((r) =>
            el(
              'li',
              { className: 'card chunk' },
              el('p', {}, el('strong', { text: `#${r.rank} ` }), safeLink(r.url, r.title || r.url), r.heading ? el('span', { className: 'muted', text: ` · ${r.heading}` }) : null),
              el('p', { className: 'scores', text: `score ${Number(r.score).toFixed(3)} · dense ${r.dense === null || r.dense === undefined ? '–' : Number(r.dense).toFixed(3)} · lexical ${r.lexical === null || r.lexical === undefined ? '–' : Number(r.lexical).toFixed(3)}` }),
              el('p', { className: 'snippet', text: r.text }),
            ),
          ),
        ),
      );
    } catch (error) {
      results.replaceChildren(el('p', { className: 'console-error', text: describe(error) }));
    }
  });

  // Indexed pages, paged.
  const pageBody = el('tbody');
  const pageTable = el('table', { id: 'page-list' }, el('caption', { text: 'Pages in the index' }), el('thead', {}, el('tr', {}, ['Page', 'Chunks', 'Date'].map((h) => el('th', { scope: 'col', text: h })))), pageBody);
  const more = el('button', { type: 'button', className: 'button secondary', hidden: true, text: 'Show more pages' });
  pages.append(scroll(pageTable, 'Indexed pages'), more);
  let cursor = null;
  async function loadPages() {
    const data = await api(`${accountPath(account, 'knowledge', 'pages')}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    const first = pageBody.children.length;
    for (const p of data.pages ?? []) pageBody.append(el('tr', {}, el('td', {}, safeLink(p.url, p.title || p.url)), el('td', { text: number(p.chunks) }), el('td', { text: p.date ?? '–' })));
    cursor = data.next_cursor ?? null;
    more.hidden = !cursor;
    if (first > 0) pageBody.children[first]?.querySelector('a')?.focus();
  }
  more.addEventListener('click', () => loadPages().catch((error) => status(describe(error), { error: true })));

  const outcomes = await Promise.allSettled([loadKnowledge(), loadPages()]);
  const failed = outcomes.find((o) => o.status === 'rejected');
  if (failed) throw failed.reason;
});
