// Leads: the visitors who left details, with the verified flag, interests and their
// conversations; the CSV export; and, for owners, delete after a confirmation dialog.
import { accountPath, api, consoleUrl, describe, el, root, start, status, time } from './console.js';

function confirmDialog(text, action) {
  return new Promise((resolve) => {
    const dialog = el(
      'dialog',
      { className: 'confirm', 'aria-labelledby': 'confirm-text' },
      el('p', { id: 'confirm-text', text }),
      el(
        'form',
        { method: 'dialog' },
        el('button', { type: 'submit', value: 'cancel', className: 'button secondary', text: 'Cancel' }),
        ' ',
        el('button', { type: 'submit', value: 'confirm', className: 'button danger', text: action }),
      ),
    );
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector('button[value=cancel]').focus();
  });
}

start(async ({ account, owner }) => {
  const csv = el('a', { className: 'button secondary', href: `/api/console/${accountPath(account, 'leads.csv')}`, download: `${account}-leads.csv`, text: 'Download CSV' });
  const body = el('tbody');
  const headings = ['Name', 'Email', 'Phone', 'Company', 'Interests', 'Verified', 'Created', 'Conversations'];
  if (owner) headings.push('Actions');
  const list = el('table', { id: 'lead-list' }, el('caption', { text: 'Leads, newest first' }), el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))), body);
  const more = el('button', { type: 'button', className: 'button secondary', hidden: true, text: 'Show more' });
  const empty = el('p', { hidden: true, text: 'No leads yet.' });
  root().replaceChildren(el('p', { className: 'actions' }, csv), el('div', { className: 'table-scroll', role: 'region', 'aria-label': 'Leads', tabindex: '0' }, list), empty, more);

  function row(lead) {
    const label = lead.name || lead.email || lead.phone || 'this visitor';
    const conversations = el(
      'ul',
      { className: 'plain' },
      (lead.conversations ?? []).map((session, i) => el('li', {}, el('a', { href: consoleUrl('/console/conversation/', { account, session }), text: `Conversation ${i + 1}` }))),
    );
    const tr = el(
      'tr',
      {},
      el('th', { scope: 'row', text: lead.name || '–' }),
      el('td', { text: lead.email || '–' }),
      el('td', { text: lead.phone || '–' }),
      el('td', { text: lead.company || '–' }),
      el('td', { text: (lead.interests ?? []).join(', ') || '–' }),
      el('td', {}, lead.verified ? el('span', { className: 'badge verified', text: 'Verified' }) : el('span', { text: 'Not verified' })),
      el('td', {}, time(lead.created_at)),
      el('td', {}, conversations),
    );
    if (owner) {
      const remove = el('button', { type: 'button', className: 'button danger small', text: 'Delete', 'aria-label': `Delete ${label}` });
      remove.addEventListener('click', async () => {
        if (!(await confirmDialog(`Delete everything stored about ${label}: the lead, its conversations and messages? This cannot be undone.`, 'Delete lead'))) {
          remove.focus();
          return;
        }
        try {
          const answer = await api(accountPath(account, 'leads', lead.profile), { method: 'DELETE' });
          const next = tr.nextElementSibling ?? tr.previousElementSibling;
          tr.remove();
          empty.hidden = body.children.length > 0;
          status(`Deleted ${label}: ${answer.deleted?.sessions ?? 0} conversations, ${answer.deleted?.messages ?? 0} messages.`);
          (next?.querySelector('button, a') ?? csv).focus();
        } catch (error) {
          status(describe(error), { error: true });
          remove.focus();
        }
      });
      tr.append(el('td', {}, remove));
    }
    return tr;
  }

  let cursor = null;
  async function load() {
    const data = await api(`${accountPath(account, 'leads')}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    const first = body.children.length;
    for (const lead of data.leads ?? []) body.append(row(lead));
    cursor = data.next_cursor ?? null;
    more.hidden = !cursor;
    empty.hidden = body.children.length > 0;
    if (first > 0) body.children[first]?.querySelector('a, button')?.focus();
  }
  more.addEventListener('click', () => load().catch((error) => status(describe(error), { error: true })));
  await load();
});
