/** The HTTP API of docs/api.md, as the widget uses it. */
import type { WidgetConfig } from './config';

export interface Citation {
  n: number;
  title: string;
  url: string;
  score?: number;
  snippet?: string;
  /** The page's date, YYYY-MM-DD, when the site gives one. */
  date?: string;
}

export type Rating = 'up' | 'down';
export type FeedbackReason = 'wrong' | 'outdated' | 'not_what_i_asked' | 'other';

export interface Feedback {
  rating: Rating;
  reason?: FeedbackReason | null;
  comment?: string | null;
}

export interface Message {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  html?: string;
  created_at: string;
  status: 'complete' | 'partial' | 'failed';
  citations: Citation[];
  feedback?: Feedback | null;
}

export interface Session {
  id: string;
  created_at?: string;
  last_active_at?: string;
  message_count?: number;
  /** The first question, cut to 80 characters; null before any message. */
  title?: string | null;
}

export interface Profile {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  verified?: boolean;
}

export interface Handoff {
  open_now: boolean;
  hours: string | null;
  message: string;
}

export type OtpPurpose = 'verify' | 'export' | 'delete';
export type SummaryStatus = 'sent' | 'already_sent' | 'in_progress';

export interface AgentCard {
  account: string;
  agent: string;
  name: string;
  greeting: string;
  account_name: string;
  /** Set when the account guards new sessions with Cloudflare Turnstile. */
  turnstile_site_key?: string | null;
  starters?: string[];
  profile_fields?: string[];
  image_hosts?: string[];
  retention_days?: number;
  summary_enabled?: boolean;
  handoff?: Handoff | null;
}

/** A non-2xx answer, carrying the API's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from a Retry-After header, when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isRateLimited(): boolean {
    return this.status === 429 || this.code === 'rate_limited';
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = response.statusText || 'Request failed';
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not the JSON error shape (a proxy's HTML page, say): keep the status-derived code.
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(response.status, code, message, Number.isFinite(retryAfter) ? retryAfter : null);
}

export class ChatApi {
  private readonly agentPath: string;
  private readonly credentials: RequestCredentials;
  /** Where a cross-origin widget keeps the visitor id (null on the API's own origin). */
  private readonly visitorKey: string | null;
  private readonly account: string;

  constructor(config: WidgetConfig) {
    this.agentPath = `${config.apiBase}/api/${config.account}/${config.agent}`;
    // The visitor cookie must travel on cross-origin calls too; same-origin sends it anyway.
    this.credentials = config.crossOrigin ? 'include' : 'same-origin';
    // Browsers drop third-party cookies (SameSite=Lax, or blocked outright), so a widget on
    // another origin also keeps the visitor id itself and sends it as X-Salient-Visitor.
    this.visitorKey = config.crossOrigin ? `salient:visitor:${config.account}` : null;
    this.account = config.account;
  }

  private visitorId(): string | null {
    if (!this.visitorKey) return null;
    try {
      return localStorage.getItem(this.visitorKey);
    } catch {
      return null;
    }
  }

  /** Forgets the visitor id this widget keeps (after the visitor's data was deleted). */
  forgetVisitor(): void {
    try {
      localStorage.removeItem(`salient:visitor:${this.account}`);
    } catch {
      // Nothing was kept.
    }
  }

  private rememberVisitor(id: unknown): void {
    if (!this.visitorKey || typeof id !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(id)) return;
    try {
      localStorage.setItem(this.visitorKey, id);
    } catch {
      // Storage blocked: the cookie is all there is.
    }
  }

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.fetch(path, init);
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  private fetch(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Accept', headers.get('Accept') ?? 'application/json');
    if (init.body) headers.set('Content-Type', 'application/json');
    const visitor = this.visitorId();
    if (visitor) headers.set('X-Salient-Visitor', visitor);
    return fetch(this.agentPath + path, { ...init, headers, credentials: this.credentials });
  }

  agentCard(): Promise<AgentCard> {
    return this.request<AgentCard>('');
  }

  /** A new session; `turnstileToken` when the account's agent card names a site key. */
  async createSession(turnstileToken: string | null = null): Promise<Session> {
    const payload = turnstileToken ? { turnstile_token: turnstileToken } : {};
    const body = await this.request<{ session: Session; visitor_id?: string }>('/sessions', {
      method: 'POST',
      body: JSON.stringify(payload),
    });
    this.rememberVisitor(body.visitor_id);
    return body.session;
  }

  /** The latest messages, oldest first, ready to display. */
  async recentMessages(sessionId: string, limit = 50): Promise<Message[]> {
    const query = `?order=newest_first&limit=${limit}`;
    const body = await this.request<{ messages: Message[] }>(
      `/sessions/${encodeURIComponent(sessionId)}/messages${query}`,
    );
    return body.messages.slice().reverse();
  }

  /** A page of the visitor's sessions with this agent, newest first. */
  listSessions(cursor: string | null, limit: number): Promise<{ sessions: Session[]; next: string | null }> {
    const query = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    return this.request(`/sessions${query}`);
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, { method: 'POST', body: JSON.stringify(body) });
  }

  private sessionPath(sessionId: string, rest: string): string {
    return `/sessions/${encodeURIComponent(sessionId)}${rest}`;
  }

  async sendFeedback(sessionId: string, messageId: string, feedback: Feedback): Promise<Feedback> {
    const path = this.sessionPath(sessionId, `/messages/${encodeURIComponent(messageId)}/feedback`);
    return (await this.post<{ feedback: Feedback }>(path, feedback)).feedback;
  }

  async profile(sessionId: string): Promise<Profile | null> {
    return (await this.request<{ profile: Profile | null }>(this.sessionPath(sessionId, '/profile'))).profile;
  }

  /** Emails the conversation to the team or to the visitor's verified address. */
  async summary(sessionId: string, to: 'me' | 'team'): Promise<SummaryStatus> {
    return (await this.post<{ status: SummaryStatus }>(this.sessionPath(sessionId, '/summary'), { to })).status;
  }

  handoff(sessionId: string, contact: Record<string, string>): Promise<{ status: string; open_now: boolean; message: string }> {
    return this.post(this.sessionPath(sessionId, '/handoff'), contact);
  }

  requestCode(email: string, purpose: OtpPurpose): Promise<unknown> {
    return this.post('/otp/request', { email, purpose });
  }

  /** `details`: the other fields of "Leave your details", stored once the code is right. */
  async verifyCode(email: string, code: string, session: string, details?: Record<string, string | string[]>): Promise<Profile> {
    const body = details && Object.keys(details).length ? { email, code, session, details } : { email, code, session };
    return (await this.post<{ profile: Profile }>('/otp/verify', body)).profile;
  }

  /** `export` answers everything stored about the address; `delete` deletes it. */
  useCode(purpose: 'export' | 'delete', email: string, code: string): Promise<Record<string, unknown>> {
    return this.post(`/otp/${purpose}`, { email, code });
  }

  /** Starts a streamed turn; the caller reads the SSE body. Throws ApiError on a non-2xx answer. */
  async streamTurn(sessionId: string, message: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.fetch(`/sessions/${encodeURIComponent(sessionId)}/stream`, {
      method: 'POST',
      body: JSON.stringify({ message }),
      headers: { Accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok) throw await errorFrom(response);
    if (!response.body) throw new ApiError(response.status, 'no_stream', 'The answer had no body.');
    return response.body;
  }
}
