/**
 * widget.js: the one script a host page includes. It stays small (a button and its styles);
 * the chat itself (widget-app.js) is imported from the same base URL on first use.
 */
import { readConfig, WidgetConfig } from './config';
import type { AppContext, AppHandle } from './contract';
import { adoptStyles } from './shadow-styles';

/** Replaced at build time with `widget-app.js?v=<content hash>` so a new build busts caches. */
declare const __SALIENT_APP_FILE__: string;

const LAUNCHER_CSS = `
:host{all:initial}
.launcher{position:fixed;bottom:var(--salient-offset,20px);right:var(--salient-offset,20px);
z-index:var(--salient-z-index,2147483000);width:56px;height:56px;border-radius:50%;border:0;padding:0;margin:0;
background:var(--salient-accent,#1d4ed8);color:var(--salient-accent-text,#fff);cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.28);display:flex;align-items:center;justify-content:center}
.launcher[data-position=left]{right:auto;left:var(--salient-offset,20px)}
.launcher:focus-visible{outline:3px solid var(--salient-focus,#1d4ed8);outline-offset:3px}
.launcher svg{width:28px;height:28px;pointer-events:none}
.launcher .i-close,.launcher[aria-expanded=true] .i-open{display:none}
.launcher[aria-expanded=true] .i-close{display:block}
.launcher[aria-busy=true]{opacity:.75;cursor:progress}
@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s}.launcher:hover{transform:scale(1.06)}}
@media (max-width:480px){.launcher[aria-expanded=true]{display:none}}
`;

// Constant markup written by us, not text from the network or the page.
const LAUNCHER_ICONS =
  '<svg class="i-open" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/></svg>' +
  '<svg class="i-close" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // Marks are for benchmarks only; an old browser without them loses nothing.
  }
}

function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // currentScript is null when a tag manager or a module injects us: take the last tag not yet booted.
  const tags = document.querySelectorAll<HTMLScriptElement>('script[data-account]:not([data-salient-booted])');
  return tags.length ? tags[tags.length - 1] : null;
}

function whenBodyReady(run: () => void): void {
  if (document.body) run();
  else document.addEventListener('DOMContentLoaded', run, { once: true });
}

function mount(config: WidgetConfig, appUrl: string): void {
  const host = document.createElement('salient-chat');
  host.setAttribute('data-account', config.account);
  host.setAttribute('data-agent', config.agent);
  for (const [property, value] of Object.entries(config.theme)) host.style.setProperty(property, value);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, LAUNCHER_CSS);

  let launcher: HTMLButtonElement | null = null;
  if (config.mode === 'floating') {
    launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.setAttribute('part', 'launcher');
    launcher.dataset.position = config.position;
    launcher.setAttribute('aria-label', config.strings.openButton);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-controls', 'salient-pane');
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.innerHTML = LAUNCHER_ICONS;
    shadow.append(launcher);
    document.body.append(host);
  } else {
    const target = config.target ? document.querySelector(config.target) : null;
    (target ?? document.body).append(host);
  }

  let modulePromise: Promise<{ start(context: AppContext): AppHandle }> | null = null;
  let app: AppHandle | null = null;
  const importApp = () => (modulePromise ??= import(appUrl));
  const withApp = (use: (handle: AppHandle) => void) => {
    if (app) return use(app);
    launcher?.setAttribute('aria-busy', 'true');
    importApp()
      .then((module) => {
        const handle = (app ??= module.start({ config, shadow, host, launcher }));
        use(handle);
      })
      .catch((error) => {
        modulePromise = null; // let the next click try again
        console.error('[salient] could not load the chat', error);
      })
      .finally(() => launcher?.removeAttribute('aria-busy'));
  };

  if (launcher) {
    launcher.addEventListener('click', () => withApp((handle) => handle.toggle()));
    // Start fetching the app as soon as the visitor shows intent, so the first open is quick.
    const warm = () => void importApp().catch(() => (modulePromise = null));
    launcher.addEventListener('pointerenter', warm, { once: true });
    launcher.addEventListener('focus', warm, { once: true });
    mark('salient:launcher-shown');
    if (config.startOpen) withApp((handle) => handle.open({ focus: false }));
  } else {
    withApp((handle) => handle.open({ focus: false }));
  }
}

mark('salient:loader-start');
const script = findOwnScript();
if (script) {
  script.setAttribute('data-salient-booted', '');
  const config = readConfig(script);
  if (config) {
    const appUrl = new URL(__SALIENT_APP_FILE__, script.src || location.href).href;
    whenBodyReady(() => mount(config, appUrl));
  }
}
