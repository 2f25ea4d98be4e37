/**
 * Cloudflare Turnstile, for accounts whose agent card names a `turnstile_site_key`: a new
 * session needs a token from the challenge. Cloudflare's script is loaded only then, once per
 * page; the challenge renders (explicitly, with the action `session`) into an element of the
 * host page's own DOM that the pane shows through a slot, because Turnstile's frame does not
 * render inside a shadow root. Each token is used for one session and then the challenge is
 * removed; the next new session renders a fresh one.
 */

export const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit';

/** The action the server checks the token against. */
const ACTION = 'session';

/** The part of Turnstile's browser API the widget uses. */
interface TurnstileApi {
  render(container: HTMLElement, options: Record<string, unknown>): string | null | undefined;
  remove(widgetId: string): void;
}

declare global {
  interface Window {
    turnstile?: TurnstileApi;
  }
}

let loading: Promise<TurnstileApi> | null = null;

/** Loads Cloudflare's script once per page (a failed load may be tried again). */
function loadTurnstile(): Promise<TurnstileApi> {
  if (window.turnstile) return Promise.resolve(window.turnstile);
  loading ??= new Promise<TurnstileApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = TURNSTILE_SCRIPT;
    script.async = true;
    script.addEventListener('load', () => {
      if (window.turnstile) resolve(window.turnstile);
      else reject(new Error('Turnstile did not start'));
    });
    script.addEventListener('error', () => {
      loading = null;
      script.remove();
      reject(new Error('Turnstile could not be loaded'));
    });
    document.head.append(script);
  });
  return loading;
}

/** The challenge could not give a token (Turnstile's error code, when it gave one). */
export class ChallengeError extends Error {
  constructor(readonly code: string) {
    super(`Turnstile failed (${code})`);
    this.name = 'ChallengeError';
  }
}

export class TurnstileChallenge {
  private widgetId: string | null = null;
  private token: string | null = null;
  private waiting: { resolve: (token: string) => void; reject: (error: ChallengeError) => void }[] = [];

  /**
   * @param siteKey the account's site key, from the agent card
   * @param container a light-DOM element the pane shows (hidden while no challenge runs)
   */
  constructor(
    private readonly siteKey: string,
    private readonly container: HTMLElement,
  ) {}

  /** Starts the challenge ahead of need, so a token is usually ready by the first message. */
  prepare(): void {
    void this.render().catch(() => undefined);
  }

  /** A token for one new session: the one already solved, or the next. */
  async take(): Promise<string> {
    const ready = this.token;
    if (ready) {
      this.finish();
      return ready;
    }
    const token = await new Promise<string>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      // Cloudflare's script blocked or unreachable, or a render it refused.
      this.render().catch(() => this.fail(new ChallengeError('script')));
    });
    this.finish();
    return token;
  }

  private async render(): Promise<void> {
    if (this.widgetId !== null) return;
    const turnstile = await loadTurnstile();
    if (this.widgetId !== null) return;
    this.container.hidden = false;
    const id = turnstile.render(this.container, {
      sitekey: this.siteKey,
      action: ACTION,
      callback: (token: string) => this.solved(token),
      'error-callback': (code: string) => {
        this.fail(new ChallengeError(String(code)));
        return true; // handled: Turnstile retries by itself where it can
      },
      'expired-callback': () => (this.token = null),
    });
    this.widgetId = id ?? null;
  }

  private solved(token: string): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(token);
    else this.token = token;
  }

  private fail(error: ChallengeError): void {
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    this.finish();
  }

  /** Removes the challenge once its token is spent (or it failed). */
  private finish(): void {
    this.token = null;
    if (this.widgetId !== null) {
      try {
        window.turnstile?.remove(this.widgetId);
      } catch {
        // Already gone.
      }
    }
    this.widgetId = null;
    this.container.hidden = true;
    this.container.replaceChildren();
  }
}
