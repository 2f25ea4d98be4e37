// Configuration: each agent's effective settings with where each value comes from (default,
// app, account, agent or environment), its YAML to download, and the deployment's runtime.
import { accountPath, api, el, rowHeader, root, start, table } from './console.js';

function shown(value) {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

start(async ({ account, agent }) => {
  const data = await api(accountPath(account, 'config'));
  const rt = data.runtime ?? {};
  const runtime = el(
    'dl',
    { className: 'facts' },
    [
      ['Version', rt.version],
      ['Commit', rt.commit ?? '–'],
      ['Store', rt.store],
      ['Vectors', rt.vectors],
      ['Email', rt.email],
      ['Features', (rt.features ?? []).join(', ') || 'none'],
    ].map(([k, v]) => [el('dt', { text: k }), el('dd', { text: v ?? '–' })]),
  );
  const agents = (data.agents ?? []).filter((a) => !agent || a.agent === agent);
  root().replaceChildren(
    el('section', { 'aria-labelledby': 'runtime-title' }, el('h2', { id: 'runtime-title', text: 'Runtime' }), runtime),
    ...agents.map((a) =>
      el(
        'section',
        { 'aria-labelledby': `agent-${a.agent}` },
        el('h2', { id: `agent-${a.agent}`, text: `Agent ${a.agent}${a.name ? `: ${a.name}` : ''}` }),
        el('p', {}, el('a', { className: 'button secondary', href: `/api/console/${accountPath(account, 'config', `${a.agent}.yaml`)}`, download: `${a.agent}.yaml`, text: `Download ${a.agent}.yaml` })),
        table(`Effective settings of ${a.agent}`, ['Key', 'Value', 'Source'], (a.settings ?? []).map((s) => [rowHeader(el('code', { text: s.key })), el('code', { className: 'value', text: shown(s.value) }), el('span', { className: `badge source-${s.source}`, text: s.source })])),
      ),
    ),
  );
});
