// Health: per-function request counts, latency percentiles and errors over the last hour and
// day (deployment operators only), and the account's latest error events.
import { accountPath, api, ApiFailure, el, number, rowHeader, root, start, table, time } from './console.js';

function latency(window) {
  const l = window?.latency_ms;
  return l ? `${l.p50} / ${l.p95} / ${l.p99} ms` : '–';
}

function errors(window) {
  return Object.entries(window?.errors ?? {}).map(([code, n]) => `${code} ${n}`).join(', ') || '–';
}

start(async ({ account }) => {
  const metrics = el('section', { 'aria-labelledby': 'metrics-title' }, el('h2', { id: 'metrics-title', text: 'Functions' }));
  const events = el('section', { 'aria-labelledby': 'errors-title' }, el('h2', { id: 'errors-title', text: 'Recent errors' }));
  root().replaceChildren(metrics, events);
  const [m, e] = await Promise.allSettled([api('metrics'), api(`${accountPath(account, 'errors')}?limit=100`)]);
  if (m.status === 'fulfilled') {
    const rows = m.value.functions ?? [];
    metrics.append(
      el('p', { className: 'muted' }, 'Generated ', time(m.value.generated_at), '. Latency p50 / p95 / p99.'),
      table('Requests per function', ['Function', 'Requests (hour)', 'Latency (hour)', 'Errors (hour)', 'Requests (day)', 'Latency (day)', 'Errors (day)'], rows.map((f) => [rowHeader(f.function), number(f.hour?.requests), latency(f.hour), errors(f.hour), number(f.day?.requests), latency(f.day), errors(f.day)])),
    );
  } else if (m.reason instanceof ApiFailure && m.reason.code === 'forbidden_role') {
    metrics.append(el('p', { id: 'metrics-restricted', text: 'Function figures are for the deployment’s operators (listed in app.yaml) only.' }));
  } else if (m.reason instanceof ApiFailure && m.reason.status === 401) {
    return;
  } else {
    metrics.append(el('p', { className: 'console-error', text: `Function figures are not available: ${m.reason?.message ?? m.reason}` }));
  }
  if (e.status === 'fulfilled') {
    const rows = e.value.errors ?? [];
    events.append(
      rows.length
        ? table('Error events, newest first (kept 7 days)', ['When', 'Function', 'Route', 'Status', 'Code', 'Request id'], rows.map((x) => [rowHeader(time(x.at)), x.function, el('code', { text: x.route }), String(x.status), el('code', { text: x.code }), el('code', { text: x.request_id })]))
        : el('p', { text: 'No errors in the last 7 days.' }),
    );
  } else if (!(e.reason instanceof ApiFailure && e.reason.status === 401)) {
    events.append(el('p', { className: 'console-error', text: `Error events are not available: ${e.reason?.message ?? e.reason}` }));
  }
});
