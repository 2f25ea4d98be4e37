/**
 * A small markdown renderer that builds DOM nodes and never parses HTML: whatever the model or
 * the visitor writes, `<script>` and `<img onerror>` arrive as text, and only http(s) and mailto
 * links become anchors. Covers what chat answers use: paragraphs, headings, lists, GFM tables,
 * fenced code (with a copy button), blockquotes, rules, emphasis, links, `[n]` citations and
 * images, which load only over https from the agent card's `image_hosts` (others become links).
 * The server also sends sanitised `html`; the widget renders the markdown itself so that no
 * network text ever reaches innerHTML.
 */
import type { Citation } from './api';
import { format, Strings } from './strings';

export interface RenderOptions {
  citations: Map<number, Citation>;
  strings: Strings;
  /** Hosts markdown images may load from (the agent card's `image_hosts`), lowercase. */
  imageHosts?: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Resolves a link and keeps it only if it is http(s) or mailto; anything else renders as text. */
export function safeLinkUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim(), document.baseURI);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** An anchor that opens outside the widget without giving the new page a handle on this one. */
export function externalLink(href: string, strings: Strings): HTMLAnchorElement {
  const link = element('a');
  link.href = href;
  if (!href.startsWith('mailto:')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  link.dataset.newTab = strings.opensInNewTab;
  return link;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

export function renderMarkdown(markdown: string, options: RenderOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  renderBlocks(markdown.replace(/\r\n?/g, '\n').split('\n'), fragment, options, 0);
  return fragment;
}

function renderBlocks(lines: string[], parent: Node, options: RenderOptions, depth: number): void {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const closing = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
      const code: string[] = [];
      i++;
      // An unclosed fence (an answer still streaming) runs to the end of the text.
      while (i < lines.length && !closing.test(lines[i])) code.push(lines[i++]);
      i++;
      parent.appendChild(codeBlock(code.join('\n'), fence[2], options.strings));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      // The pane's title is the h2; answer headings sit below it.
      const level = Math.min(6, heading[1].length + 2) as 3 | 4 | 5 | 6;
      const node = element(`h${level}`);
      renderInline(heading[2], node, options, false);
      parent.appendChild(node);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      parent.appendChild(element('hr'));
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) quoted.push(lines[i++].replace(QUOTE, ''));
      const node = element('blockquote');
      if (depth < 8) renderBlocks(quoted, node, options, depth + 1);
      parent.appendChild(node);
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1]) && lines[i + 1].includes('-')) {
      const header = splitRow(line);
      const aligns = splitRow(lines[i + 1]).map((cell) =>
        cell.startsWith(':') && cell.endsWith(':') ? 'center' : cell.endsWith(':') ? 'right' : cell.startsWith(':') ? 'left' : '',
      );
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && lines[i].trim() !== '' && lines[i].includes('|')) rows.push(splitRow(lines[i++]));
      parent.appendChild(table(header, aligns, rows, options));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      i = renderList(lines, i, parent, options, depth);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && (paragraph.length === 0 || !startsBlock(lines[i]))) {
      // A table starting right after text still needs its own block.
      if (paragraph.length && lines[i].includes('|') && i + 1 < lines.length && TABLE_DIVIDER.test(lines[i + 1])) break;
      paragraph.push(lines[i++].trim());
    }
    const node = element('p');
    renderInline(paragraph.join('\n'), node, options, false);
    parent.appendChild(node);
  }
}

function renderList(lines: string[], start: number, parent: Node, options: RenderOptions, depth: number): number {
  const first = LIST_ITEM.exec(lines[start])!;
  const baseIndent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const list = element(ordered ? 'ol' : 'ul');
  const startNumber = Number.parseInt(first[2], 10);
  if (ordered && startNumber !== 1) list.setAttribute('start', String(startNumber));
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    const match = LIST_ITEM.exec(line);
    if (match && match[1].length <= baseIndent + 1 && /\d/.test(match[2]) === ordered) {
      items.push([match[3]]);
      i++;
    } else if (line.trim() === '') {
      const next = lines[i + 1];
      if (next === undefined || (indentOf(next) <= baseIndent && !LIST_ITEM.test(next))) break;
      items[items.length - 1].push('');
      i++;
    } else if (indentOf(line) > baseIndent) {
      items[items.length - 1].push(line.slice(Math.min(indentOf(line), baseIndent + 2)));
      i++;
    } else if (!startsBlock(line) && lines[i - 1]?.trim() !== '') {
      items[items.length - 1].push(line); // lazy continuation of the item's text
      i++;
    } else {
      break;
    }
  }
  for (const itemLines of items) {
    const node = element('li');
    const body = itemLines.join('\n').trim();
    if (depth < 8 && itemLines.slice(1).some((l) => l.trim() !== '' && startsBlock(l))) {
      renderBlocks(itemLines, node, options, depth + 1);
    } else {
      renderInline(body, node, options, false);
    }
    list.appendChild(node);
  }
  parent.appendChild(list);
  return i;
}

function table(header: string[], aligns: string[], rows: string[][], options: RenderOptions): HTMLElement {
  // Wide tables scroll inside the bubble; a scrollable region must be reachable by keyboard.
  const wrapper = element('div', 'table-scroll');
  wrapper.tabIndex = 0;
  wrapper.setAttribute('role', 'region');
  wrapper.setAttribute('aria-label', header.join(', '));
  const node = element('table');
  const head = node.createTHead().insertRow();
  header.forEach((text, column) => {
    const cell = element('th');
    cell.scope = 'col';
    if (aligns[column]) cell.style.textAlign = aligns[column];
    renderInline(text, cell, options, false);
    head.appendChild(cell);
  });
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    header.forEach((_, column) => {
      const cell = tr.insertCell();
      if (aligns[column]) cell.style.textAlign = aligns[column];
      renderInline(row[column] ?? '', cell, options, false);
    });
  }
  wrapper.appendChild(node);
  return wrapper;
}

function codeBlock(code: string, language: string, strings: Strings): HTMLElement {
  const wrapper = element('div', 'code-block');
  const copy = element('button', 'copy');
  copy.type = 'button';
  copy.textContent = strings.copyCode;
  copy.addEventListener('click', () => {
    void copyText(code).then((copied) => {
      if (!copied) return;
      copy.textContent = strings.copied;
      setTimeout(() => (copy.textContent = strings.copyCode), 1500);
    });
  });
  const pre = element('pre');
  pre.tabIndex = 0; // scrollable: keyboard users must be able to reach it
  const codeNode = element('code');
  if (language) codeNode.dataset.language = language;
  codeNode.textContent = code;
  pre.appendChild(codeNode);
  wrapper.append(copy, pre);
  return wrapper;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, insecure context): fall back to a hidden textarea.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

// One pass over the text; each alternative is one inline construct (see the group comments).
const INLINE = new RegExp(
  [
    /\\([\\`*_{}[\]()#+\-.!|>~<])/.source, // 1: backslash escape
    /(`+)([^`]|[^`][\s\S]*?[^`])\2(?!`)/.source, // 2,3: code span
    /\[([^\]\n]+)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)/.source, // 4,5: link
    /\[(\d{1,3})\]/.source, // 6: citation marker
    /\*\*(?=\S)([\s\S]+?)\*\*|(?<!\w)__(?=\S)([\s\S]+?)__(?!\w)/.source, // 7,8: strong
    /~~(?=\S)([\s\S]+?)~~/.source, // 9: strikethrough
    /\*(?=[^\s*])([^*\n]+?)\*|\b_(?=[^\s_])([^_\n]+?)_\b/.source, // 10,11: emphasis
    /<((?:https?:\/\/|mailto:)[^>\s]+)>/.source, // 12: autolink
    /(https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?)\]])/.source, // 13: bare URL
    /!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)/.source, // 14,15: image (found before its link part)
  ].join('|'),
  'g',
);

function appendText(text: string, parent: Node): void {
  // Single newlines inside a paragraph are line breaks in chat, as visitors expect.
  const parts = text.split('\n');
  parts.forEach((part, index) => {
    if (index > 0) parent.appendChild(element('br'));
    if (part) parent.appendChild(document.createTextNode(part));
  });
}

export function renderInline(text: string, parent: Node, options: RenderOptions, insideLink: boolean): void {
  let last = 0;
  INLINE.lastIndex = 0;
  const matches = Array.from(text.matchAll(INLINE));
  for (const match of matches) {
    const index = match.index ?? 0;
    if (index < last) continue;
    appendText(text.slice(last, index), parent);
    last = index + match[0].length;
    const [whole, escaped, , code, linkText, linkUrl, citation, strong1, strong2, strike, em1, em2, autolink, bare, alt, imageUrl] = match;
    if (imageUrl !== undefined) {
      parent.appendChild(image(alt ?? '', imageUrl, options, insideLink));
    } else if (escaped !== undefined) {
      parent.appendChild(document.createTextNode(escaped));
    } else if (code !== undefined) {
      const node = element('code');
      node.textContent = code;
      parent.appendChild(node);
    } else if (linkText !== undefined) {
      const href = insideLink ? null : safeLinkUrl(linkUrl ?? '');
      const node = href ? externalLink(href, options.strings) : element('span');
      renderInline(linkText, node, options, true);
      parent.appendChild(node);
    } else if (citation !== undefined) {
      parent.appendChild(citationMarker(Number(citation), whole, options, insideLink));
    } else if (strong1 !== undefined || strong2 !== undefined) {
      const node = element('strong');
      renderInline(strong1 ?? strong2 ?? '', node, options, insideLink);
      parent.appendChild(node);
    } else if (strike !== undefined) {
      const node = element('del');
      renderInline(strike, node, options, insideLink);
      parent.appendChild(node);
    } else if (em1 !== undefined || em2 !== undefined) {
      const node = element('em');
      renderInline(em1 ?? em2 ?? '', node, options, insideLink);
      parent.appendChild(node);
    } else {
      const raw = autolink ?? bare ?? '';
      const href = insideLink ? null : safeLinkUrl(raw);
      const node = href ? externalLink(href, options.strings) : element('span');
      node.textContent = raw;
      parent.appendChild(node);
    }
  }
  appendText(text.slice(last), parent);
}

/** An image from an allowed https host; any other image is a link to it (or its alt text). */
function image(alt: string, raw: string, options: RenderOptions, insideLink: boolean): Node {
  let url: URL | null = null;
  try {
    url = new URL(raw.trim(), document.baseURI);
  } catch {
    // Not a URL: the alt text alone is shown.
  }
  const label = alt || options.strings.image;
  if (url && url.protocol === 'https:' && (options.imageHosts ?? []).includes(url.hostname)) {
    const img = element('img', 'md-image');
    img.src = url.href;
    img.alt = label;
    img.loading = 'lazy';
    img.decoding = 'async';
    return img;
  }
  const href = url && !insideLink ? safeLinkUrl(url.href) : null;
  if (!href) return document.createTextNode(label);
  const link = externalLink(href, options.strings);
  link.textContent = label;
  return link;
}

function citationMarker(n: number, raw: string, options: RenderOptions, insideLink: boolean): Node {
  const citation = options.citations.get(n);
  const href = citation && !insideLink ? safeLinkUrl(citation.url) : null;
  // Until the citations event arrives (or if the source is unknown) the marker stays text.
  if (!citation || !href) return document.createTextNode(raw);
  const sup = element('sup', 'cite');
  const link = externalLink(href, options.strings);
  link.textContent = String(n);
  link.setAttribute('aria-label', format(options.strings.sourceLabel, { n, title: citation.title || href }));
  sup.appendChild(link);
  return sup;
}
