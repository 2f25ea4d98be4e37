// One conversation's transcript: each message as text, its sources with their retrieval
// scores, the visitor's rating, and the model calls behind it (model, tokens, cost, latency);
// the visitor's profile card beside it.
import { accountPath, api, consoleUrl, el, number, root, safeLink, start, time, usd } from './console.js';

const SESSION = /^[A-Za-z0-9_-]{1,64}$/;

function profileCard(profile, profileId, account) {
  if (!profile) return el('p', { className: 'muted', text: 'The visitor left no details.' });
  const rows = [
    ['Name', profile.name],
    ['Email', profile.email],
    ['Phone', profile.phone],
    ['Company', profile.company],
    ['Interests', (profile.interests ?? []).join(', ')],
    ['Email verified', profile.verified ? 'Yes' : 'No'],
  ];
  return el(
    'section',
    { className: 'card profile', 'aria-labelledby': 'profile-title' },
    el('h2', { id: 'profile-title', text: 'Visitor' }),
    el('dl', { className: 'facts' }, rows.map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v || '–' })])),
    profileId ? el('p', {}, el('a', { href: consoleUrl('/console/leads/', { account }), text: 'See the lead' })) : null,
  );
}

function feedbackView(feedback) {
  if (!feedback) return null;
  const words = feedback.rating === 'up' ? 'Visitor rated it helpful' : 'Visitor rated it not helpful';
  const reason = feedback.reason ? `: ${feedback.reason.replaceAll('_', ' ')}` : '';
  return el('p', { className: `feedback ${feedback.rating}` }, `${words}${reason}`, feedback.comment ? el('q', { text: feedback.comment }) : null);
}

function callsView(calls) {
  if (!calls?.length) return null;
  return el(
    'ul',
    { className: 'calls' },
    calls.map((c) =>
      el('li', {}, `Model ${c.model} · ${number(c.prompt_tokens)} + ${number(c.completion_tokens)} tokens · ${usd(c.cost_usd)} · ${number(c.latency_ms)} ms · ${c.outcome}`),
    ),
  );
}

function citationsView(citations) {
  if (!citations?.length) return null;
  return el(
    'details',
    { className: 'citations' },
    el('summary', { text: `Sources (${citations.length})` }),
    el(
      'ol',
      {},
      citations.map((c) =>
        el('li', {}, el('span', { className: 'rank', text: `[${c.number || '?'}] ` }), safeLink(c.url, c.title || c.url), el('span', { className: 'score', text: ` score ${Number(c.score).toFixed(3)}` }), el('p', { className: 'snippet', text: c.snippet })),
      ),
    ),
  );
}

start(async ({ account }) => {
  const session = new URLSearchParams(location.search).get('session') ?? '';
  if (!SESSION.test(session)) {
    root().replaceChildren(el('p', { text: 'No conversation chosen.' }), el('a', { href: consoleUrl('/console/conversations/', { account }), text: 'Back to conversations' }));
    return;
  }
  const data = await api(accountPath(account, 'conversations', session));
  const row = data.conversation;
  document.querySelector('h1').textContent = row.title || 'Untitled conversation';
  document.title = `${row.title || 'Conversation'} | Salient console`;
  const messages = el(
    'ol',
    { className: 'transcript' },
    (data.messages ?? []).map((m) =>
      el(
        'li',
        { className: `message ${m.role === 'user' ? 'visitor' : 'agent'}` },
        el('p', { className: 'who' }, el('strong', { text: m.role === 'user' ? 'Visitor' : 'Agent' }), ' ', time(m.created_at), m.status && m.status !== 'complete' ? ` (${m.status})` : ''),
        el('div', { className: 'content', text: m.content }),
        citationsView(m.citations),
        feedbackView(m.feedback),
        callsView(m.llm),
      ),
    ),
  );
  root().replaceChildren(
    el('p', {}, el('a', { href: consoleUrl('/console/conversations/', { account }), text: '← All conversations' })),
    el(
      'dl',
      { className: 'facts inline' },
      el('dt', { text: 'Agent' }), el('dd', { text: row.agent }),
      el('dt', { text: 'Started' }), el('dd', {}, time(row.started_at)),
      el('dt', { text: 'Turns' }), el('dd', { text: number(row.turns) }),
      el('dt', { text: 'Model calls' }), el('dd', { text: number(data.llm_requests?.length ?? 0) }),
      el('dt', { text: 'Cost' }), el('dd', { text: usd(data.cost_usd) }),
      el('dt', { text: 'Summary' }), el('dd', { text: row.summary_status ?? '–' }),
    ),
    el('div', { className: 'conversation-grid' }, el('section', { 'aria-labelledby': 'messages-title' }, el('h2', { id: 'messages-title', text: 'Messages' }), messages), profileCard(data.profile, data.profile_id, account)),
  );
});
