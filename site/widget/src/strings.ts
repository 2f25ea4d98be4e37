/**
 * Every string the widget shows or announces. Hosts translate any of them with
 * `data-strings='{"send":"Envoyer"}'` or one attribute per string (`data-i18n-send="Envoyer"`).
 */
export const DEFAULT_STRINGS = {
  openButton: 'Chat with us',
  closeButton: 'Close chat',
  newConversation: 'Start a new conversation',
  title: 'Chat',
  greeting: 'Hi! How can I help you today?',
  inputLabel: 'Your message',
  placeholder: 'Type your message…',
  send: 'Send',
  stop: 'Stop answering',
  resend: 'Resend',
  you: 'You said:',
  assistant: 'Assistant said:',
  typing: 'The assistant is typing…',
  loading: 'Loading the conversation…',
  sources: 'Sources',
  sourceLabel: 'Source {n}: {title}',
  copyCode: 'Copy code',
  copied: 'Copied',
  stopped: 'Stopped.',
  interrupted: 'This answer was interrupted.',
  notSent: 'Not sent.',
  errorGeneric: 'Something went wrong. Please try again.',
  errorNetwork: "Can't reach the server. Check your connection and try again.",
  errorRateLimited: "You're sending messages too quickly. Please wait a moment and try again.",
  errorRateLimitedSeconds: "You're sending messages too quickly. Please try again in {seconds} seconds.",
  errorRateLimitedMinutes: "You're sending messages too quickly. Please try again in {minutes} minutes.",
  errorBusy: 'An answer is still being written. Please wait for it to finish, then try again.',
  errorChallenge: "The check that you're not a robot didn't work. Please try again.",
  checking: "Checking that you're not a robot…",
  conversationLabel: 'Conversation',
  poweredBy: 'Powered by Salient',
  opensInNewTab: '(opens in a new tab)',
};

export type Strings = typeof DEFAULT_STRINGS;
export type StringKey = keyof Strings;

/** Fills `{name}` placeholders; unknown names stay as written so a typo is visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
