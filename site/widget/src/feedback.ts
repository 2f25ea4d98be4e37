/**
 * "Helpful" / "Not helpful" under an answer (toggle buttons with aria-pressed). After "Not
 * helpful" the visitor may add a reason and a comment; each choice is stored through the
 * feedback route, and a stored rating shows again when the history is reloaded.
 */
import type { Feedback, FeedbackReason, Rating } from './api';
import { button, el, field, iconButton, say, statusLine } from './dom';
import { Strings } from './strings';

const ICON_UP =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3a1.5 1.5 0 0 0-.5-1L13.1 1 7.6 6.6A2 2 0 0 0 7 8v11a2 2 0 0 0 2 2h9a2 2 0 0 0 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z"/></svg>';
const ICON_DOWN =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.5 1l1.1 1.1 5.5-5.6A2 2 0 0 0 17 16V5a2 2 0 0 0-2-2H6a2 2 0 0 0-1.8 1.2l-3 7.1-.2.7v2z"/></svg>';

const REASONS: [FeedbackReason, keyof Strings][] = [
  ['wrong', 'reasonWrong'],
  ['outdated', 'reasonOutdated'],
  ['not_what_i_asked', 'reasonNotWhatIAsked'],
  ['other', 'reasonOther'],
];

export type SendFeedback = (feedback: Feedback) => Promise<Feedback>;

export function feedbackControls(strings: Strings, stored: Feedback | null | undefined, sendFeedback: SendFeedback, errorText: (error: unknown) => string): HTMLElement {
  const root = el('div', 'feedback');
  const up = iconButton(strings.helpful, ICON_UP);
  const down = iconButton(strings.notHelpful, ICON_DOWN);
  const status = statusLine();
  let form: HTMLFormElement | null = null;
  const show = (rating: Rating | null) => {
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
  };
  show(stored?.rating ?? null);

  const rate = async (feedback: Feedback): Promise<boolean> => {
    const before = up.getAttribute('aria-pressed') === 'true' ? 'up' : down.getAttribute('aria-pressed') === 'true' ? 'down' : null;
    show(feedback.rating);
    try {
      await sendFeedback(feedback);
      return true;
    } catch (error) {
      show(before);
      say(status, errorText(error), true);
      return false;
    }
  };

  up.addEventListener('click', () => {
    form?.remove();
    form = null;
    void rate({ rating: 'up' }).then((ok) => ok && say(status, strings.feedbackThanks));
  });
  down.addEventListener('click', () => {
    say(status, '');
    void rate({ rating: 'down' }).then((ok) => {
      if (ok && !form) root.insertBefore((form = reasonForm()), status);
    });
  });

  function reasonForm(): HTMLFormElement {
    const node = el('form', 'reasons');
    node.noValidate = true;
    const group = el('fieldset');
    group.append(el('legend', undefined, strings.feedbackReasonLabel));
    let reason: FeedbackReason | null = null;
    const chips = REASONS.map(([value, label]) => {
      const chip = button(strings[label], 'chip', () => {
        reason = reason === value ? null : value;
        for (const other of chips) other.setAttribute('aria-pressed', String(other === chip && reason === value));
      });
      chip.setAttribute('aria-pressed', 'false');
      return chip;
    });
    group.append(...chips);
    const comment = el('textarea');
    comment.name = 'comment';
    comment.rows = 2;
    comment.maxLength = 500;
    const submit = el('button', 'primary', strings.feedbackSend);
    submit.type = 'submit';
    node.append(group, field(strings.feedbackComment, comment), submit);
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      const feedback: Feedback = { rating: 'down' };
      if (reason) feedback.reason = reason;
      if (comment.value.trim()) feedback.comment = comment.value.trim();
      void rate(feedback).then((ok) => {
        if (!ok) return;
        node.remove();
        form = null;
        say(status, strings.feedbackThanks);
        down.focus();
      });
    });
    return node;
  }

  root.append(up, down, status);
  return root;
}
