/** Small DOM builders the chat pane and its panels share. */

let nextId = 0;

/** An id unique within the widget's shadow root. */
export function uid(prefix: string): string {
  return `salient-${prefix}-${++nextId}`;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function button(text: string, className?: string, onClick?: () => void): HTMLButtonElement {
  const node = el('button', className, text);
  node.type = 'button';
  if (onClick) node.addEventListener('click', onClick);
  return node;
}

/** A button showing only an icon (constant markup), named by `label`. */
export function iconButton(label: string, icon: string, className?: string): HTMLButtonElement {
  const node = button('', className);
  node.setAttribute('aria-label', label);
  node.title = label;
  node.innerHTML = icon;
  return node;
}

/** A labelled form control in a `.field` wrapper. */
export function field<T extends HTMLInputElement | HTMLTextAreaElement>(label: string, control: T, hint?: string): HTMLElement {
  const wrapper = el('div', 'field');
  control.id ||= uid('field');
  const caption = el('label', undefined, label);
  caption.htmlFor = control.id;
  if (hint) caption.append(' ', el('span', 'hint', hint));
  wrapper.append(caption, control);
  return wrapper;
}

export function textInput(name: string, type = 'text', autocomplete = 'off'): HTMLInputElement {
  const input = el('input');
  input.type = type;
  input.name = name;
  input.setAttribute('autocomplete', autocomplete);
  return input;
}

/** A polite live region for a flow's progress and errors. */
export function statusLine(): HTMLParagraphElement {
  const line = el('p', 'flow-status');
  line.setAttribute('role', 'status');
  return line;
}

export function say(line: HTMLElement, text: string, error = false): void {
  line.textContent = text;
  line.classList.toggle('error', error);
}
