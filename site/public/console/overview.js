// Overview: the account's (or one agent's) figures per day for 30 days, as bar charts (inline
// SVG, described for screen readers) over a table holding every figure, and today's spend
// against the caps.
import { accountPath, api, el, number, query, rowHeader, root, start, table, usd } from './console.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

/** A bar per day; the figure's name and range are its accessible name, the table holds the values. */
function barChart(id, title, days, value, format) {
  const values = days.map(value);
  const max = Math.max(...values, 0);
  const width = 600;
  const height = 140;
  const bar = width / Math.max(days.length, 1);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`, class: 'chart', preserveAspectRatio: 'none' });
  const label = svg('title', { id: `${id}-title` });
  const total = values.reduce((a, b) => a + b, 0);
  label.textContent = `${title} per day, ${days[0]?.date ?? ''} to ${days.at(-1)?.date ?? ''}: highest ${format(max)}, total ${format(total)}`;
  chart.append(label);
  chart.append(svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'axis' }));
  days.forEach((day, i) => {
    const h = max > 0 ? Math.max((values[i] / max) * (height - 6), values[i] > 0 ? 2 : 0) : 0;
    const rect = svg('rect', { x: i * bar + 1, y: height - h, width: Math.max(bar - 2, 1), height: h, class: 'bar' });
    const tip = svg('title');
    tip.textContent = `${day.date}: ${format(values[i])}`;
    rect.append(tip);
    chart.append(rect);
  });
  const range = el('p', { className: 'chart-range', 'aria-hidden': 'true' }, el('span', { text: days[0]?.date ?? '' }), el('span', { text: days.at(-1)?.date ?? '' }));
  return el('figure', { className: 'chart-figure' }, el('figcaption', { text: `${title} (highest ${format(max)})` }), chart, range);
}

/** Today's spend against a cap: text first, the bar only repeats it. */
function spendRow(label, spend) {
  const cap = spend.cap_usd;
  const share = cap ? Math.min(spend.cost_usd / cap, 1) : 0;
  const bar = el('span', { className: 'meter', 'aria-hidden': 'true' }, el('span', { className: `meter-fill${share >= 0.9 ? ' high' : ''}` }));
  bar.firstChild.style.width = `${(share * 100).toFixed(1)}%`;
  const words = cap ? `${usd(spend.cost_usd)} of ${usd(cap)} (${Math.round(share * 100)}%)` : `${usd(spend.cost_usd)}, no cap`;
  return el('li', {}, el('span', { className: 'spend-label', text: label }), ' ', el('span', { text: words }), cap ? bar : null);
}

function tile(label, value) {
  return el('div', { className: 'tile' }, el('dt', { text: label }), el('dd', { text: value }));
}

start(async ({ account, agent }) => {
  const data = await api(`${accountPath(account, 'overview')}${query({ agent, days: 30 })}`);
  const t = data.totals ?? {};
  const days = data.days ?? [];
  const feedback = (t.helpful ?? 0) + (t.not_helpful ?? 0);
  const out = root();
  out.replaceChildren(
    el('p', { className: 'muted' }, `${agent ? `Agent ${agent}` : 'All agents'}, ${data.from} to ${data.to} (UTC days).`),
    el('h2', { text: 'Last 30 days' }),
    el(
      'dl',
      { className: 'tiles' },
      tile('Conversations', number(t.conversations)),
      tile('Turns', number(t.turns)),
      tile('Visitors', number(t.visitors)),
      tile('Leads captured', number(t.leads_captured)),
      tile('Leads verified', number(t.leads_verified)),
      tile('Summaries sent', number(t.summaries_sent)),
      tile('Helpful answers', feedback ? `${Math.round(((t.helpful ?? 0) / feedback) * 100)}% of ${feedback} rated` : 'none rated'),
      tile('Time to first token', t.ttft_ms ? `p50 ${t.ttft_ms.p50} ms, p95 ${t.ttft_ms.p95} ms` : '–'),
      tile('Tokens', `${number(t.tokens?.prompt)} in, ${number(t.tokens?.completion)} out`),
      tile('Model cost', usd(t.cost_usd)),
    ),
    el('h2', { text: 'Spend today' }),
    el(
      'ul',
      { className: 'spend' },
      data.spend_today ? spendRow('Account', data.spend_today.account) : null,
      (data.spend_today?.agents ?? []).map((a) => spendRow(`Agent ${a.agent}`, a)),
    ),
    el('h2', { text: 'Per day' }),
    el(
      'div',
      { className: 'charts' },
      barChart('chart-conversations', 'Conversations', days, (d) => d.conversations ?? 0, number),
      barChart('chart-turns', 'Turns', days, (d) => d.turns ?? 0, number),
      barChart('chart-cost', 'Model cost', days, (d) => d.cost_usd ?? 0, usd),
    ),
    table(
      'Figures per day, newest first',
      ['Day', 'Conversations', 'Turns', 'Visitors', 'Leads', 'Helpful / not', 'Answer modes', 'TTFT p50 / p95', 'Errors', 'Tokens in / out', 'Cost'],
      [...days].reverse().map((d) => [
        rowHeader(d.date),
        number(d.conversations),
        number(d.turns),
        number(d.visitors),
        `${number(d.leads_captured)} (${number(d.leads_verified)} verified)`,
        `${number(d.helpful)} / ${number(d.not_helpful)}`,
        Object.entries(d.answer_modes ?? {}).filter(([, n]) => n).map(([k, n]) => `${k.replace('_', ' ')} ${n}`).join(', ') || '–',
        d.ttft_ms ? `${d.ttft_ms.p50} / ${d.ttft_ms.p95} ms` : '–',
        Object.entries(d.errors ?? {}).map(([k, n]) => `${k} ${n}`).join(', ') || '–',
        `${number(d.tokens?.prompt)} / ${number(d.tokens?.completion)}`,
        usd(d.cost_usd),
      ]),
      { className: 'figures' },
    ),
  );
});
