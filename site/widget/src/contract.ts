/** What the loader hands the lazily loaded app, and what the app gives back. */
import type { WidgetConfig } from './config';

export interface AppContext {
  config: WidgetConfig;
  shadow: ShadowRoot;
  host: HTMLElement;
  /** The floating button; null for an inline (full-page) widget. */
  launcher: HTMLButtonElement | null;
}

export interface AppHandle {
  open(options?: { focus?: boolean }): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
}
