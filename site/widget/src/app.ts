/**
 * widget-app.js: the chat pane, loaded by widget.js on first use. It resumes the visitor's
 * session, streams answers from the SSE endpoint, and renders everything as DOM nodes.
 */
import { AgentCard, ApiError, ChatApi, Citation, Feedback, Message, Profile } from './api';
import { ChallengeError, TurnstileChallenge } from './challenge';
import type { AppContext, AppHandle } from './contract';
import { button, el, uid } from './dom';
import { feedbackControls } from './feedback';
import { Chat, createJourney } from './journey';
import { externalLink, renderMarkdown, safeLinkUrl } from './markdown';
import { EventStreamParser } from './sse';
import { format, Strings } from './strings';
import { adoptStyles } from './shadow-styles';
import { PANE_CSS } from './styles';

// Constant markup written by us, never text from the network or the page.
const ICON_CLOSE =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';
const ICON_NEW =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 4a8 8 0 0 1 7.8 6.2 1 1 0 1 1-2 .4A6 6 0 1 0 12 18a6 6 0 0 0 4.2-1.7H14a1 1 0 1 1 0-2h5a1 1 0 0 1 1 1v5a1 1 0 1 1-2 0v-2.2A8 8 0 1 1 12 4z"/></svg>';
const ICON_SEND =
  '<svg class="i-send" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z"/></svg>';
const ICON_STOP =
  '<svg class="i-stop" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect fill="currentColor" x="6" y="6" width="12" height="12" rx="2"/></svg>';

type AssistantStatus = 'streaming' | 'complete' | 'partial' | 'failed' | 'stopped';

/** An `error` event inside the stream: the partial answer is kept by the server. */
class StreamError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Benchmarks only.
  }
}

/** localStorage can throw (private mode, disabled storage); the widget then forgets on reload. */
class SessionStore {
  private memory: string | null = null;
  constructor(private readonly key: string) {}
  get(): string | null {
    try {
      return localStorage.getItem(this.key) ?? this.memory;
    } catch {
      return this.memory;
    }
  }
  set(id: string | null): void {
    this.memory = id;
    try {
      if (id) localStorage.setItem(this.key, id);
      else localStorage.removeItem(this.key);
    } catch {
      // Memory copy above still serves this page view.
    }
  }
}

/**
 * How relevant a source is, from its retrieval score (0 to 1): strong from 0.75, good from
 * 0.5, weak below. Null when the API sent no score.
 */
function relevance(score: number | undefined, strings: Strings): string | null {
  if (typeof score !== 'number' || !Number.isFinite(score)) return null;
  return score >= 0.75 ? strings.relevanceStrong : score >= 0.5 ? strings.relevanceGood : strings.relevanceWeak;
}

/** One assistant message in the log, re-rendered from its markdown as deltas arrive. */
class AssistantView {
  readonly root = el('div', 'msg assistant');
  private readonly bubble = el('div', 'bubble');
  private sources: HTMLElement | null = null;
  private note: HTMLElement | null = null;
  private feedback: HTMLElement | null = null;
  text = '';
  citations = new Map<number, Citation>();

  constructor(
    private readonly strings: Strings,
    private readonly imageHosts: () => string[] = () => [],
  ) {
    this.root.append(el('span', 'sr-only', strings.assistant), this.bubble);
  }

  /** The rating buttons, once the answer is stored under `messageId`. */
  showFeedback(stored: Feedback | null | undefined, send: (feedback: Feedback) => Promise<Feedback>, errorText: (error: unknown) => string): void {
    this.feedback?.remove();
    this.feedback = feedbackControls(this.strings, stored, send, errorText);
    this.root.append(this.feedback);
  }

  set status(status: AssistantStatus) {
    this.root.dataset.status = status;
    this.root.setAttribute('aria-busy', String(status === 'streaming'));
  }

  render(): void {
    if (!this.text && this.root.dataset.status === 'streaming') {
      const typing = el('span', 'typing');
      typing.append(el('span', 'sr-only', this.strings.typing), el('span', 'dot'), el('span', 'dot'), el('span', 'dot'));
      this.bubble.replaceChildren(typing);
      return;
    }
    this.bubble.replaceChildren(renderMarkdown(this.text, { citations: this.citations, strings: this.strings, imageHosts: this.imageHosts() }));
  }

  setCitations(citations: Citation[]): void {
    this.citations = new Map(citations.filter((c) => Number.isInteger(c.n)).map((c) => [c.n, c]));
    this.sources?.remove();
    this.sources = null;
    const usable = [...this.citations.values()].filter((c) => safeLinkUrl(c.url)).sort((a, b) => a.n - b.n);
    if (!usable.length) return;
    const sources = el('div', 'sources');
    const heading = el('p', undefined, this.strings.sources);
    const list = el('ol');
    list.setAttribute('aria-label', this.strings.sources);
    for (const citation of usable) {
      const item = el('li');
      item.value = citation.n;
      const link = externalLink(safeLinkUrl(citation.url)!, this.strings);
      link.textContent = citation.title || citation.url;
      link.dataset.citation = String(citation.n);
      item.append(el('span', 'rank', `[${citation.n}]`), ' ', link);
      const hint = relevance(citation.score, this.strings);
      if (hint) item.append(' ', el('span', 'relevance', `(${hint})`));
      if (citation.date) item.append(' ', el('time', 'date', citation.date));
      if (citation.snippet) {
        // Shown on hover and on keyboard focus; Escape hides it until focus leaves.
        const tip = el('span', 'tip', citation.snippet);
        tip.id = uid('tip');
        tip.setAttribute('role', 'tooltip');
        link.setAttribute('aria-describedby', tip.id);
        link.addEventListener('keydown', (event) => {
          if (event.key !== 'Escape' || item.classList.contains('tip-off')) return;
          event.stopPropagation();
          item.classList.add('tip-off');
        });
        link.addEventListener('blur', () => item.classList.remove('tip-off'));
        item.append(tip);
      }
      list.append(item);
    }
    sources.append(heading, list);
    this.bubble.after(sources);
    this.sources = sources;
  }

  showNote(text: string, options: { error?: boolean; retry?: () => void; retryLabel?: string } = {}): void {
    this.note?.remove();
    this.note = noteElement(text, options);
    this.feedback ? this.feedback.before(this.note) : this.root.append(this.note);
  }
}

function noteElement(text: string, options: { error?: boolean; retry?: () => void; retryLabel?: string }): HTMLElement {
  const note = el('div', options.error ? 'note error' : 'note');
  note.append(el('span', undefined, text));
  if (options.retry && options.retryLabel) note.append(button(options.retryLabel, undefined, options.retry));
  return note;
}

export function start(context: AppContext): AppHandle {
  const { config, shadow, host, launcher } = context;
  const strings = config.strings;
  const api = new ChatApi(config);
  const sessions = new SessionStore(`salient:session:${config.account}:${config.agent}`);
  const inline = config.mode === 'inline';

  const pane = el('section', inline ? 'pane inline' : 'pane');
  pane.id = 'salient-pane';
  pane.dataset.position = config.position;
  pane.setAttribute('aria-labelledby', 'salient-title');
  if (!inline) {
    pane.setAttribute('role', 'dialog');
    pane.setAttribute('aria-modal', 'false');
    pane.hidden = true;
  }
  if (config.lang) pane.lang = config.lang;

  const header = el('div', 'head');
  const avatar = config.avatar ? el('img', 'avatar') : el('span', 'avatar');
  if (avatar instanceof HTMLImageElement) {
    avatar.src = config.avatar!;
    avatar.alt = '';
  }
  avatar.setAttribute('aria-hidden', 'true');
  const titles = el('div', 'titles');
  const title = el('h2', undefined, config.title ?? strings.title);
  const showAvatarLetter = () => {
    if (avatar instanceof HTMLSpanElement) avatar.textContent = (title.textContent ?? '').trim().charAt(0);
  };
  showAvatarLetter();
  title.id = 'salient-title';
  const subtitle = el('p');
  titles.append(title, subtitle);
  const newButton = el('button', 'new');
  newButton.type = 'button';
  newButton.setAttribute('aria-label', strings.newConversation);
  newButton.title = strings.newConversation;
  newButton.innerHTML = ICON_NEW;
  header.append(avatar, titles, newButton);
  let closeButton: HTMLButtonElement | null = null;
  if (!inline) {
    closeButton = el('button', 'close');
    closeButton.type = 'button';
    closeButton.setAttribute('aria-label', strings.closeButton);
    closeButton.title = strings.closeButton;
    closeButton.innerHTML = ICON_CLOSE;
    header.append(closeButton);
  }

  const log = el('div', 'log');
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', strings.conversationLabel);
  log.tabIndex = 0; // it scrolls, so keyboard users must be able to reach it
  const statusLine = el('div', 'status-line');
  statusLine.setAttribute('role', 'status');

  const form = el('form', 'composer');
  form.noValidate = true;
  const label = el('label', 'sr-only', strings.inputLabel);
  label.htmlFor = 'salient-input';
  const input = el('textarea');
  input.id = 'salient-input';
  input.rows = 1;
  input.placeholder = strings.placeholder;
  input.maxLength = 4000;
  input.setAttribute('enterkeyhint', 'send');
  const sendButton = el('button', 'send');
  sendButton.type = 'submit';
  sendButton.innerHTML = ICON_SEND + ICON_STOP;
  form.append(label, input, sendButton);
  const footer = el('div', 'footer', strings.poweredBy);
  // Where an account's Turnstile challenge shows: an element of the host page's own DOM
  // (Turnstile does not render inside a shadow root), placed in the pane through a slot.
  const challengeSlot = document.createElement('slot');
  challengeSlot.name = 'challenge';
  const challengeBox = document.createElement('div');
  challengeBox.slot = 'challenge';
  challengeBox.hidden = true;
  host.append(challengeBox);

  pane.append(header, log, statusLine, challengeSlot, form, footer);
  adoptStyles(shadow, PANE_CSS);
  shadow.append(pane);
  if (inline) {
    host.style.display = 'block';
    host.style.height = '100%';
  }

  let card: AgentCard | null = null;
  let cardLoaded: Promise<AgentCard | null> | null = null;
  let challenge: TurnstileChallenge | null = null;
  let greetingView: AssistantView | null = null;
  let initialised = false;
  let activeTurn: AbortController | null = null;
  let creatingSession: Promise<string> | null = null;
  let starters: HTMLElement | null = null;
  /** Bumped whenever the log switches conversation, so a late history load is dropped. */
  let generation = 0;

  function setSending(sending: boolean): void {
    sendButton.dataset.state = sending ? 'stop' : 'send';
    sendButton.setAttribute('aria-label', sending ? strings.stop : strings.send);
    sendButton.title = sending ? strings.stop : strings.send;
    log.setAttribute('aria-busy', String(sending));
  }
  setSending(false);

  function scrollToEnd(): void {
    log.scrollTop = log.scrollHeight;
  }

  function isAtEnd(): boolean {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  }

  /** Applies an update to the log, following it down only if the visitor had not scrolled up. */
  function updateLog(update: () => void): void {
    const wasAtEnd = isAtEnd();
    update();
    if (wasAtEnd) scrollToEnd();
  }

  function showGreeting(): void {
    greetingView?.root.remove();
    greetingView = new AssistantView(strings, imageHosts);
    greetingView.text = config.greeting ?? card?.greeting ?? strings.greeting;
    greetingView.status = 'complete';
    greetingView.root.classList.add('greeting');
    greetingView.render();
    log.prepend(greetingView.root);
  }

  function appendUser(text: string): HTMLElement {
    const root = el('div', 'msg user');
    root.append(el('span', 'sr-only', strings.you), el('div', 'bubble', text));
    log.append(root);
    return root;
  }

  const imageHosts = () => (card?.image_hosts ?? []).map((host) => host.toLowerCase());

  /** Offers the rating buttons under a stored answer of the current session. */
  function offerFeedback(view: AssistantView, messageId: string | undefined, stored?: Feedback | null): void {
    const sessionId = sessions.get();
    if (!messageId || !sessionId) return;
    view.showFeedback(stored, (feedback) => api.sendFeedback(sessionId, messageId, feedback), errorText);
  }

  function appendAssistant(message?: Message): AssistantView {
    const view = new AssistantView(strings, imageHosts);
    if (message) {
      view.text = message.content ?? '';
      view.status = message.status === 'complete' ? 'complete' : message.status;
      view.setCitations(Array.isArray(message.citations) ? message.citations : []);
      if (message.status !== 'complete') view.showNote(strings.interrupted);
      if (message.status !== 'failed') offerFeedback(view, message.id, message.feedback);
    } else {
      view.status = 'streaming';
    }
    view.render();
    log.append(view.root);
    return view;
  }

  /** The agent card, fetched once (null when it could not be read). */
  function loadCard(): Promise<AgentCard | null> {
    cardLoaded ??= api.agentCard().catch(() => null);
    return cardLoaded;
  }

  /** The account's Turnstile challenge, when its agent card names a site key. */
  function challengeFor(agentCard: AgentCard | null): TurnstileChallenge | null {
    const siteKey = agentCard?.turnstile_site_key;
    if (typeof siteKey !== 'string' || !siteKey) return null;
    challenge ??= new TurnstileChallenge(siteKey, challengeBox);
    return challenge;
  }

  /** A token of the account's challenge for a new session (null when it has none). */
  async function challengeToken(): Promise<string | null> {
    const guard = challengeFor(await loadCard());
    if (!guard) return null;
    statusLine.textContent = strings.checking;
    try {
      return await guard.take();
    } finally {
      statusLine.textContent = '';
    }
  }

  function ensureSession(): Promise<string> {
    const existing = sessions.get();
    if (existing) return Promise.resolve(existing);
    creatingSession ??= challengeToken()
      .then((token) => api.createSession(token))
      .then((session) => {
        sessions.set(session.id);
        return session.id;
      })
      .finally(() => (creatingSession = null));
    return creatingSession;
  }

  /** The agent's suggested questions, before the first message of a conversation. */
  function showStarters(): void {
    starters?.remove();
    starters = null;
    const questions = (card?.starters ?? []).filter((q) => typeof q === 'string' && q.trim()).slice(0, 4);
    if (!questions.length || log.querySelector('.msg.user')) return;
    starters = el('div', 'starters');
    starters.setAttribute('role', 'group');
    starters.setAttribute('aria-label', strings.starters);
    for (const question of questions) {
      starters.append(button(question, 'starter', () => {
        input.focus(); // the button goes away with the list
        void send(question);
      }));
    }
    log.append(starters);
  }

  async function loadHistory(): Promise<void> {
    const sessionId = sessions.get();
    if (!sessionId) return;
    const shown = generation;
    statusLine.textContent = strings.loading;
    try {
      const messages = await api.recentMessages(sessionId);
      if (shown !== generation) return;
      for (const message of messages) {
        if (message.role === 'user') {
          const root = appendUser(message.content ?? '');
          if (message.status === 'failed') root.append(noteElement(strings.notSent, { error: true }));
        } else {
          appendAssistant(message);
        }
      }
      scrollToEnd();
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'session_not_found' || error.status === 404)) {
        // Expired or from another visitor: start afresh so the next message has a session.
        sessions.set(null);
        void ensureSession().catch(() => undefined);
      }
    } finally {
      statusLine.textContent = '';
    }
  }

  function loadProfile(): void {
    const sessionId = sessions.get();
    if (!sessionId) return;
    api.profile(sessionId).then(
      (profile) => (chat.profile = profile),
      () => undefined, // details are asked for again when needed
    );
  }

  function initialise(): void {
    if (initialised) return;
    initialised = true;
    showGreeting();
    const history = loadHistory();
    loadProfile();
    void loadCard()
      .then((agentCard) => {
        if (!agentCard) return;
        card = agentCard;
        void history.then(showStarters);
        // A visitor without a session will need a token: start the challenge now.
        if (!sessions.get()) challengeFor(agentCard)?.prepare();
        if (!config.title && agentCard.name) title.textContent = agentCard.name;
        // The account name says whose agent this is, unless the title already does.
        if (agentCard.account_name && agentCard.account_name !== title.textContent) subtitle.textContent = agentCard.account_name;
        showAvatarLetter();
        if (!config.greeting && greetingView) {
          greetingView.text = agentCard.greeting || strings.greeting;
          greetingView.render();
        }
      })
      .catch(() => undefined); // the defaults already shown are good enough
  }

  function errorText(error: unknown): string {
    if (error instanceof ChallengeError) return strings.errorChallenge;
    if (error instanceof ApiError) {
      if (error.code === 'too_many_streams') return strings.errorBusy;
      if (error.isRateLimited) {
        const seconds = error.retryAfterSeconds;
        if (!seconds) return strings.errorRateLimited;
        return seconds > 90
          ? format(strings.errorRateLimitedMinutes, { minutes: Math.ceil(seconds / 60) })
          : format(strings.errorRateLimitedSeconds, { seconds });
      }
      return error.message ? `${error.message} (${error.code})` : strings.errorGeneric;
    }
    if (error instanceof StreamError) {
      if (error.code === 'rate_limited') return strings.errorRateLimited;
      return error.message ? `${error.message} (${error.code})` : strings.errorGeneric;
    }
    if (error instanceof TypeError) return strings.errorNetwork; // fetch's network failure
    return strings.errorGeneric;
  }

  async function openStream(text: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const sessionId = await ensureSession();
    try {
      return await api.streamTurn(sessionId, text, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'session_not_found')) throw error;
      sessions.set(null);
      return api.streamTurn(await ensureSession(), text, signal);
    }
  }

  async function send(text: string): Promise<void> {
    if (activeTurn) return;
    const controller = new AbortController();
    activeTurn = controller;
    setSending(true);
    starters?.remove();
    starters = null;
    const userRoot = appendUser(text);
    const view = appendAssistant();
    scrollToEnd();
    let started = false;
    try {
      const body = await openStream(text, controller.signal);
      started = true;
      const reader = body.getReader();
      const decoder = new TextDecoder();
      const parser = new EventStreamParser();
      let finished = false;
      let firstToken = true;
      while (!finished) {
        const { value, done } = await reader.read();
        if (done) break;
        let changed = false;
        const wasAtEnd = isAtEnd();
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          let data: Record<string, unknown>;
          try {
            data = JSON.parse(event.data) as Record<string, unknown>;
          } catch {
            continue; // a malformed event is skipped, not fatal
          }
          if (event.event === 'meta' && typeof data.assistant_message_id === 'string') {
            view.root.dataset.messageId = data.assistant_message_id;
          } else if (event.event === 'delta' && typeof data.text === 'string') {
            if (firstToken) mark('salient:first-token');
            firstToken = false;
            view.text += data.text;
            changed = true;
          } else if (event.event === 'citations' && Array.isArray(data.citations)) {
            view.setCitations(data.citations as Citation[]);
            changed = true;
          } else if (event.event === 'done') {
            if (typeof data.message_id === 'string') view.root.dataset.messageId = data.message_id;
            finished = true;
          } else if (event.event === 'error') {
            throw new StreamError(String(data.code ?? 'stream_error'), String(data.message ?? ''));
          }
        }
        if (changed) {
          view.render();
          if (wasAtEnd) scrollToEnd();
        }
      }
      if (!finished) throw new StreamError('stream_interrupted', '');
      void reader.cancel().catch(() => undefined);
      updateLog(() => {
        view.status = 'complete';
        view.render();
        offerFeedback(view, view.root.dataset.messageId);
      });
    } catch (error) {
      updateLog(() => {
        if (controller.signal.aborted) {
          view.status = 'stopped';
          view.render();
          view.showNote(strings.stopped);
        } else if (!started) {
          // Nothing reached the server's model: the visitor's message itself failed.
          view.root.remove();
          userRoot.dataset.status = 'failed';
          const retry = () => {
            userRoot.remove();
            input.focus(); // the Resend button just went away with its message
            void send(text);
          };
          userRoot.append(noteElement(`${strings.notSent} ${errorText(error)}`, { error: true, retry, retryLabel: strings.resend }));
        } else {
          view.status = 'partial';
          view.render();
          const message = error instanceof StreamError && error.code === 'stream_interrupted' ? strings.interrupted : errorText(error);
          view.showNote(message, { error: true, retry: () => void send(text), retryLabel: strings.resend });
        }
      });
    } finally {
      activeTurn = null;
      setSending(false);
    }
  }

  function submit(): void {
    if (activeTurn) {
      activeTurn.abort();
      return;
    }
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    resizeInput();
    void send(text);
  }

  function resizeInput(): void {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    // Enter never stops a running answer by accident; the Stop button does.
    if (!activeTurn) submit();
  });
  input.addEventListener('input', resizeInput);
  /** Shows another of the visitor's sessions, or a new conversation for null. */
  function switchTo(sessionId: string | null): void {
    activeTurn?.abort();
    generation++;
    sessions.set(sessionId);
    chat.profile = null;
    log.replaceChildren();
    showGreeting();
    if (sessionId) {
      void loadHistory().then(showStarters);
      loadProfile();
    } else {
      showStarters();
      challenge?.prepare();
    }
  }

  const chat: Chat = {
    api,
    strings,
    account: config.account,
    lang: config.lang ?? undefined,
    card: () => card,
    sessionId: () => sessions.get(),
    ensureSession,
    switchTo,
    send,
    forgetAll() {
      api.forgetVisitor();
      switchTo(null);
    },
    errorText,
    profile: null as Profile | null,
    focusInput: () => input.focus(),
  };
  const journey = createJourney(chat, pane, [log, statusLine, form]);
  newButton.before(journey.moreButton);

  newButton.addEventListener('click', () => {
    switchTo(null);
    input.focus();
  });

  const isOpen = () => inline || !pane.hidden;
  function open(options: { focus?: boolean } = {}): void {
    initialise();
    pane.hidden = false;
    launcher?.setAttribute('aria-expanded', 'true');
    scrollToEnd();
    if (options.focus !== false) input.focus();
  }
  function close(): void {
    if (inline) return;
    pane.hidden = true;
    launcher?.setAttribute('aria-expanded', 'false');
    launcher?.focus();
  }
  closeButton?.addEventListener('click', close);
  shadow.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    if (journey.escape()) {
      event.stopPropagation();
    } else if (isOpen() && !inline) {
      event.stopPropagation();
      close();
    }
  });

  return { open, close, toggle: () => (isOpen() ? close() : open()), isOpen };
}
