/**
 * Reads the widget's configuration from its `<script>` tag's data attributes. The loader
 * parses once and hands the result to the lazily loaded app, so both agree on every value.
 */
import { DEFAULT_STRINGS, Strings } from './strings';

export type Position = 'left' | 'right';
export type Mode = 'floating' | 'inline';

export interface WidgetConfig {
  account: string;
  agent: string;
  /** Origin (and optional path prefix) the `/api/...` paths are appended to, no trailing slash. */
  apiBase: string;
  /** True when the API is on another origin, so cookies must be sent explicitly. */
  crossOrigin: boolean;
  mode: Mode;
  /** Selector of the element an inline widget fills (full-page chat). */
  target: string | null;
  position: Position;
  title: string | null;
  greeting: string | null;
  avatar: string | null;
  startOpen: boolean;
  lang: string | null;
  strings: Strings;
  /** CSS custom properties to set on the host element, from data-color-* attributes. */
  theme: Record<string, string>;
}

const SLUG = /^[a-z0-9-]{1,64}$/;

/** data-color-* attribute (camelCased by dataset) → custom property it sets. */
const THEME_ATTRIBUTES: Record<string, string> = {
  colorAccent: '--salient-accent',
  colorAccentText: '--salient-accent-text',
  colorBackground: '--salient-bg',
  colorText: '--salient-text',
  colorUserBubble: '--salient-user-bubble',
  colorUserText: '--salient-user-text',
  colorAssistantBubble: '--salient-assistant-bubble',
};

/** Only http(s) images: a `javascript:` or `data:` avatar URL is dropped, not loaded. */
function safeHttpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readStrings(dataset: DOMStringMap): Strings {
  const strings: Strings = { ...DEFAULT_STRINGS };
  const known = (key: string): key is keyof Strings => Object.prototype.hasOwnProperty.call(DEFAULT_STRINGS, key);
  if (dataset.strings) {
    try {
      const overrides = JSON.parse(dataset.strings) as Record<string, unknown>;
      for (const [key, value] of Object.entries(overrides)) {
        if (known(key) && typeof value === 'string') strings[key] = value;
      }
    } catch {
      console.warn('[salient] data-strings is not valid JSON; using the default strings.');
    }
  }
  // data-i18n-open-button arrives as dataset.i18nOpenButton; per-string attributes win over JSON.
  for (const [attribute, value] of Object.entries(dataset)) {
    if (!attribute.startsWith('i18n') || attribute.length <= 4 || value === undefined) continue;
    const key = attribute.charAt(4).toLowerCase() + attribute.slice(5);
    if (known(key)) strings[key] = value;
  }
  return strings;
}

export function readConfig(script: HTMLScriptElement): WidgetConfig | null {
  const data = script.dataset;
  const account = data.account ?? '';
  const agent = data.agent ?? '';
  if (!SLUG.test(account) || !SLUG.test(agent)) {
    console.warn('[salient] data-account and data-agent must be lowercase slugs (a-z, 0-9, -).');
    return null;
  }
  let apiBase = location.origin;
  if (data.apiBase) {
    try {
      const url = new URL(data.apiBase, document.baseURI);
      apiBase = (url.origin + url.pathname).replace(/\/+$/, '');
    } catch {
      console.warn('[salient] data-api-base is not a URL; using this page\'s origin.');
    }
  }
  const theme: Record<string, string> = {};
  for (const [attribute, property] of Object.entries(THEME_ATTRIBUTES)) {
    const value = data[attribute];
    if (value && CSS.supports('color', value)) theme[property] = value;
  }
  return {
    account,
    agent,
    apiBase,
    crossOrigin: new URL(apiBase).origin !== location.origin,
    mode: data.mode === 'inline' ? 'inline' : 'floating',
    target: data.target ?? null,
    position: data.position === 'left' ? 'left' : 'right',
    title: data.title ?? null,
    greeting: data.greeting ?? null,
    avatar: safeHttpUrl(data.avatar),
    startOpen: data.open === 'true',
    lang: data.lang ?? null,
    strings: readStrings(data),
    theme,
  };
}
