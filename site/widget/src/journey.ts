/**
 * The pane's "More" menu and the panels it opens: past conversations, the visitor's details
 * (confirmed with a one-time code), emailing the conversation, privacy (download or delete
 * with a fresh code) and asking for a person. A panel takes the place of the conversation
 * until it is closed (Escape or its back button), and focus returns to the menu button.
 */
import { AgentCard, ApiError, ChatApi, OtpPurpose, Profile } from './api';
import { button, el, field, iconButton, say, statusLine, textInput, uid } from './dom';
import { format, Strings } from './strings';

/** What the panels need from the chat pane. */
export interface Chat {
  api: ChatApi;
  strings: Strings;
  account: string;
  lang: string | undefined;
  card(): AgentCard | null;
  sessionId(): string | null;
  ensureSession(): Promise<string>;
  /** Shows another stored session, or a new conversation for null. */
  switchTo(sessionId: string | null): void;
  send(text: string): Promise<void>;
  /** After a delete: forgets the session and the visitor id, starts afresh. */
  forgetAll(): void;
  errorText(error: unknown): string;
  profile: Profile | null;
  focusInput(): void;
}

const ICON_MORE =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle fill="currentColor" cx="5" cy="12" r="2"/><circle fill="currentColor" cx="12" cy="12" r="2"/><circle fill="currentColor" cx="19" cy="12" r="2"/></svg>';
const ICON_BACK =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M15.7 5.3a1 1 0 0 1 0 1.4L10.4 12l5.3 5.3a1 1 0 0 1-1.4 1.4l-6-6a1 1 0 0 1 0-1.4l6-6a1 1 0 0 1 1.4 0z"/></svg>';

const FIELDS: Record<string, [keyof Strings, string, string]> = {
  name: ['fieldName', 'text', 'name'],
  email: ['fieldEmail', 'email', 'email'],
  phone: ['fieldPhone', 'tel', 'tel'],
  company: ['fieldCompany', 'text', 'organization'],
};

function paragraph(text: string, className?: string): HTMLParagraphElement {
  return el('p', className, text);
}

function submitButton(text: string): HTMLButtonElement {
  const node = el('button', 'primary', text);
  node.type = 'submit';
  return node;
}

/** Focus a status line that replaced the control that had focus. */
function focusStatus(line: HTMLElement): void {
  line.tabIndex = -1;
  line.focus();
}

interface CodeFlow {
  purpose: OtpPurpose;
  /** Extra labelled fields shown above the email address. */
  fields?: HTMLElement[];
  email?: string | null;
  /** Uses the code; a throw shows its message and keeps the code step. */
  done(email: string, code: string): Promise<void>;
}

/** Email address → a code sent to it → `done`. Resend counts down from the API's Retry-After. */
function codeFlow(chat: Chat, host: HTMLElement, flow: CodeFlow): HTMLInputElement {
  const s = chat.strings;
  const status = statusLine();
  const form = el('form');
  form.noValidate = true;
  const email = textInput('email', 'email', 'email');
  email.required = true;
  email.value = flow.email ?? '';
  form.append(...(flow.fields ?? []), field(s.fieldEmail, email, s.required), submitButton(s.sendCode));
  host.append(form, status);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = email.value.trim();
    email.setAttribute('aria-invalid', String(!address));
    if (!address) {
      say(status, s.emailNeeded, true);
      email.focus();
      return;
    }
    say(status, s.sending);
    // Codes are bound to the visitor, whose id comes with the first session.
    chat
      .ensureSession()
      .then(() => chat.api.requestCode(address, flow.purpose))
      .then(
        () => codeStep(address),
        (error) => say(status, chat.errorText(error), true),
      );
  });

  function codeStep(address: string): void {
    const codeForm = el('form');
    codeForm.noValidate = true;
    const code = textInput('code', 'text', 'one-time-code');
    code.inputMode = 'numeric';
    code.pattern = '[0-9]{6}';
    code.setAttribute('enterkeyhint', 'done');
    const resend = button(s.resendCode, 'secondary');
    const actions = el('div', 'actions');
    actions.append(submitButton(s.verify), resend);
    codeForm.append(paragraph(format(s.codeSent, { email: address })), field(s.codeLabel, code), actions);
    host.replaceChildren(codeForm, status);
    say(status, '');
    code.focus();

    let checking = false;
    const check = async () => {
      const digits = code.value.replace(/\D/g, '');
      if (digits.length !== 6) {
        say(status, s.codeNeeded, true);
        return;
      }
      if (checking) return;
      checking = true;
      say(status, s.checkingCode);
      try {
        await flow.done(address, digits);
      } catch (error) {
        say(status, chat.errorText(error), true);
        code.select();
      } finally {
        checking = false;
      }
    };
    codeForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void check();
    });
    // A pasted code (from the email, often with spaces or text around it) is checked at once.
    code.addEventListener('paste', (event) => {
      const digits = (event.clipboardData?.getData('text') ?? '').replace(/\D/g, '');
      if (digits.length !== 6) return;
      event.preventDefault();
      code.value = digits;
      void check();
    });

    let until = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0 && resend.isConnected) {
        resend.textContent = format(s.resendIn, { seconds: left });
        return;
      }
      clearInterval(timer);
      resend.textContent = s.resendCode;
      resend.removeAttribute('aria-disabled');
    };
    // aria-disabled, not disabled: the button keeps focus while it counts down.
    resend.addEventListener('click', () => {
      if (resend.hasAttribute('aria-disabled')) return;
      say(status, s.sending);
      chat.api.requestCode(address, flow.purpose).then(
        () => say(status, format(s.codeSent, { email: address })),
        (error) => {
          const wait = error instanceof ApiError && error.isRateLimited ? error.retryAfterSeconds : null;
          say(status, wait ? format(s.codesTooFast, { seconds: wait }) : chat.errorText(error), true);
          if (wait) {
            until = Date.now() + wait * 1000;
            resend.setAttribute('aria-disabled', 'true');
            clearInterval(timer);
            timer = setInterval(tick, 1000);
            tick();
          }
        },
      );
    });
  }
  return email;
}

function fieldLabel(s: Strings, name: string): string {
  const known = FIELDS[name];
  return known ? s[known[0]] : name;
}

function detailsCard(s: Strings, profile: Profile): HTMLElement {
  const card = el('div', 'details-card');
  const heading = el('h4', undefined, s.yourDetails);
  heading.tabIndex = -1;
  const badge = el('span', profile.verified ? 'badge verified' : 'badge', profile.verified ? s.verified : s.notVerified);
  const list = el('dl');
  for (const key of Object.keys(FIELDS) as (keyof Profile)[]) {
    const value = profile[key];
    if (typeof value !== 'string' || !value) continue;
    list.append(el('dt', undefined, fieldLabel(s, key)), el('dd', undefined, value));
  }
  card.append(heading, badge, list);
  return card;
}

function detailsPanel(chat: Chat, body: HTMLElement): void {
  const s = chat.strings;
  const render = (profile: Profile | null) => {
    if (profile?.verified) {
      body.replaceChildren(detailsCard(s, profile));
      return;
    }
    const inputs: [string, HTMLInputElement][] = [];
    const wrappers: HTMLElement[] = [];
    for (const name of chat.card()?.profile_fields ?? []) {
      const spec = FIELDS[name];
      if (!spec || name === 'email') continue;
      const input = textInput(name, spec[1], spec[2]);
      input.value = profile?.[name as keyof Profile]?.toString() ?? '';
      inputs.push([name, input]);
      wrappers.push(field(s[spec[0]], input));
    }
    body.replaceChildren(paragraph(s.detailsIntro));
    if (profile) body.append(detailsCard(s, profile));
    const first = codeFlow(chat, body, {
      purpose: 'verify',
      fields: wrappers,
      email: profile?.email,
      done: async (email, code) => {
        const session = await chat.ensureSession();
        const details: Record<string, string | string[]> = {};
        for (const [name, input] of inputs) {
          const value = input.value.trim();
          if (!value) continue;
          details[name] = name === 'interests' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
        }
        const verified = await chat.api.verifyCode(email, code, session, details);
        chat.profile = (await chat.api.profile(session).catch(() => null)) ?? verified;
        render(chat.profile);
        body.querySelector<HTMLElement>('h4')?.focus();
      },
    });
    (wrappers[0]?.querySelector('input') ?? first).focus();
  };
  render(chat.profile);
}

function emailPanel(chat: Chat, body: HTMLElement, to: 'me' | 'team'): void {
  const s = chat.strings;
  const status = statusLine();
  body.append(status);
  const run = async () => {
    const session = chat.sessionId();
    if (!session) return say(status, s.nothingYet);
    say(status, s.sending);
    try {
      const result = await chat.api.summary(session, to);
      say(status, result === 'sent' ? (to === 'me' ? s.sentMe : s.sentTeam) : result === 'already_sent' ? s.alreadySent : s.inProgress);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'email_not_verified' && to === 'me') {
        say(status, s.verifyFirst);
        const flow = el('div');
        body.append(flow);
        codeFlow(chat, flow, {
          purpose: 'verify',
          email: chat.profile?.email,
          done: async (email, code) => {
            chat.profile = await chat.api.verifyCode(email, code, session);
            flow.remove();
            focusStatus(status);
            await run();
          },
        }).focus();
        return;
      }
      say(status, code === 'email_send_failed' ? s.sendFailed : code === 'nothing_to_summarise' ? s.nothingYet : chat.errorText(error), true);
    }
  };
  void run();
}

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = el('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function privacyPanel(chat: Chat, body: HTMLElement): void {
  const s = chat.strings;
  const days = chat.card()?.retention_days;
  body.append(paragraph(days ? format(s.privacyStored, { days }) : s.privacyStoredForever), paragraph(s.privacyRights));
  const actions = el('div', 'actions');
  const area = el('div');
  const status = statusLine();
  const start = (purpose: 'export' | 'delete', opener: HTMLButtonElement) => {
    say(status, '');
    area.replaceChildren();
    codeFlow(chat, area, {
      purpose,
      email: chat.profile?.email,
      done: async (email, code) => {
        const confirm = button(purpose === 'export' ? s.confirmDownloadButton : s.confirmDeleteButton, purpose === 'delete' ? 'danger' : 'primary');
        const cancel = button(s.cancel, 'secondary', () => {
          area.replaceChildren();
          opener.focus();
        });
        const row = el('div', 'actions');
        row.append(confirm, cancel);
        area.replaceChildren(paragraph(format(purpose === 'export' ? s.confirmDownload : s.confirmDelete, { email })), row);
        confirm.focus();
        confirm.addEventListener('click', () => {
          say(status, s.sending);
          chat.api.useCode(purpose, email, code).then(
            (result) => {
              area.replaceChildren();
              if (purpose === 'export') {
                download(`${chat.account}-data.json`, result.export ?? result);
                say(status, s.downloaded);
              } else {
                chat.forgetAll();
                say(status, s.deleted);
              }
              focusStatus(status);
            },
            (error) => say(status, chat.errorText(error), true),
          );
        });
      },
    }).focus();
  };
  const downloadButton = button(s.downloadData, 'secondary', () => start('export', downloadButton));
  const deleteButton = button(s.deleteData, 'secondary', () => start('delete', deleteButton));
  actions.append(downloadButton, deleteButton);
  body.append(actions, area, status);
}

function handoffPanel(chat: Chat, body: HTMLElement): void {
  const s = chat.strings;
  const handoff = chat.card()?.handoff;
  if (!handoff) return;
  if (handoff.hours) body.append(paragraph(format(s.hours, { hours: handoff.hours })));
  const profile = chat.profile;
  const known = profile?.name && (profile.email || profile.phone) ? profile : null;
  const form = el('form');
  form.noValidate = true;
  const inputs: [string, HTMLInputElement][] = [];
  if (known) {
    form.append(paragraph(format(s.handoffKnown, { contact: [known.name, known.email, known.phone].filter(Boolean).join(', ') })));
  } else {
    form.append(paragraph(s.handoffIntro));
    for (const name of ['name', 'email', 'phone']) {
      const spec = FIELDS[name];
      const input = textInput(name, spec[1], spec[2]);
      input.value = profile?.[name as keyof Profile]?.toString() ?? '';
      inputs.push([name, input]);
      form.append(field(s[spec[0]], input, name === 'name' ? s.required : undefined));
    }
  }
  const note = el('textarea');
  note.name = 'note';
  note.rows = 3;
  note.maxLength = 500;
  const status = statusLine();
  form.append(field(s.handoffNote, note), submitButton(s.handoffSend));
  body.append(form, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const contact: Record<string, string> = {};
    for (const [name, input] of inputs) if (input.value.trim()) contact[name] = input.value.trim();
    if (!known && !(contact.name && (contact.email || contact.phone))) {
      say(status, s.handoffContactNeeded, true);
      inputs.find(([name, input]) => !input.value.trim() && name !== 'phone')?.[1].focus();
      return;
    }
    if (note.value.trim()) contact.note = note.value.trim();
    say(status, s.sending);
    chat
      .ensureSession()
      .then((session) => chat.api.handoff(session, contact))
      .then(
        (result) => {
          form.remove();
          if (!known) chat.profile = { ...chat.profile, ...contact, verified: chat.profile?.verified ?? false };
          say(status, result.message);
          focusStatus(status);
        },
        (error) => say(status, chat.errorText(error), true),
      );
  });
  (inputs[0]?.[1] ?? note).focus();
}

function pastPanel(chat: Chat, body: HTMLElement, close: (focus: () => void) => void): void {
  const s = chat.strings;
  const list = el('ul', 'sessions');
  const more = button(s.showMore, 'secondary');
  more.hidden = true;
  const status = statusLine();
  const current = chat.sessionId();
  const dates = new Intl.DateTimeFormat(chat.lang, { dateStyle: 'medium', timeStyle: 'short' });
  let cursor: string | null = null;
  const load = async (): Promise<HTMLButtonElement | null> => {
    let first: HTMLButtonElement | null = null;
    try {
      const page = await chat.api.listSessions(cursor, 5);
      for (const session of page.sessions) {
        const item = el('li');
        const open = button('', 'session', () => {
          chat.switchTo(session.id);
          close(chat.focusInput);
        });
        if (session.id === current) open.setAttribute('aria-current', 'true');
        const when = session.last_active_at ?? session.created_at;
        const time = el('time', 'date', when ? dates.format(new Date(when)) : '');
        if (when) time.dateTime = when;
        open.append(el('span', 'title', session.title || s.untitled), time);
        item.append(open);
        list.append(item);
        first ??= open;
      }
      cursor = page.next;
      more.hidden = !cursor;
      say(status, list.children.length ? '' : s.noConversations);
    } catch (error) {
      say(status, chat.errorText(error), true);
    }
    return first;
  };
  more.addEventListener('click', () => void load().then((first) => first?.focus()));
  const fresh = button(s.newConversation, 'secondary', () => {
    chat.switchTo(null);
    close(chat.focusInput);
  });
  body.append(fresh, list, more, status);
  void load();
}

/** Builds the More button (for the header) and the panels; `escape` closes the top one. */
export function createJourney(chat: Chat, pane: HTMLElement, hideWhenOpen: HTMLElement[]): { moreButton: HTMLButtonElement; escape(): boolean } {
  const s = chat.strings;
  const moreButton = iconButton(s.more, ICON_MORE, 'more');
  const menu = el('ul', 'menu');
  menu.id = uid('menu');
  menu.hidden = true;
  moreButton.setAttribute('aria-expanded', 'false');
  moreButton.setAttribute('aria-controls', menu.id);
  let panel: HTMLElement | null = null;

  const closeMenu = (focus: boolean) => {
    if (menu.hidden) return;
    menu.hidden = true;
    moreButton.setAttribute('aria-expanded', 'false');
    if (focus) moreButton.focus();
  };
  const closePanel = (focus: () => void = () => moreButton.focus()) => {
    if (!panel) return;
    panel.remove();
    panel = null;
    for (const node of hideWhenOpen) node.hidden = false;
    focus();
  };
  const openPanel = (title: string, fill: (body: HTMLElement) => void) => {
    closeMenu(false);
    closePanel(() => undefined);
    const section = el('section', 'panel');
    const heading = el('h3', undefined, title);
    heading.id = uid('panel');
    heading.tabIndex = -1;
    section.setAttribute('aria-labelledby', heading.id);
    const back = iconButton(s.closePanel, ICON_BACK, 'back');
    back.addEventListener('click', () => closePanel());
    const top = el('div', 'panel-head');
    top.append(back, heading);
    const body = el('div', 'panel-body');
    section.append(top, body);
    for (const node of hideWhenOpen) node.hidden = true;
    hideWhenOpen[0].before(section);
    panel = section;
    heading.focus();
    fill(body); // a panel with a form moves focus on to its first field
  };

  const openMenu = () => {
    const card = chat.card();
    const items: [string, (body: HTMLElement) => void][] = [
      [s.pastConversations, (body) => pastPanel(chat, body, closePanel)],
      [s.leaveDetails, (body) => detailsPanel(chat, body)],
      [s.emailMe, (body) => emailPanel(chat, body, 'me')],
    ];
    if (card?.summary_enabled) items.push([s.sendTeam, (body) => emailPanel(chat, body, 'team')]);
    if (card?.handoff) items.push([s.talkToPerson, (body) => handoffPanel(chat, body)]);
    items.push([s.privacy, (body) => privacyPanel(chat, body)]);
    menu.replaceChildren(
      ...items.map(([label, fill]) => {
        const item = el('li');
        item.append(button(label, undefined, () => openPanel(label, fill)));
        return item;
      }),
    );
    menu.style.top = `${moreButton.getBoundingClientRect().bottom - pane.getBoundingClientRect().top + 4}px`;
    menu.hidden = false;
    moreButton.setAttribute('aria-expanded', 'true');
    menu.querySelector('button')?.focus();
  };

  moreButton.addEventListener('click', () => (menu.hidden ? openMenu() : closeMenu(true)));
  menu.addEventListener('keydown', (event) => {
    const buttons = [...menu.querySelectorAll('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length].focus();
  });
  // Tabbing (or clicking) away closes the menu.
  menu.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (!to || menu.contains(to) || to === moreButton) return;
    closeMenu(false);
  });
  pane.append(menu);

  return {
    moreButton,
    escape() {
      if (!menu.hidden) {
        closeMenu(true);
        return true;
      }
      if (panel) {
        closePanel();
        return true;
      }
      return false;
    },
  };
}
