/**
 * Incremental parser for a `text/event-stream` body read with fetch(). EventSource cannot
 * POST a body, so the widget reads the stream itself and feeds decoded text in here.
 */
export interface ServerEvent {
  event: string;
  data: string;
}

export class EventStreamParser {
  private pending = '';
  private eventName = '';
  private dataLines: string[] = [];

  /** Adds decoded text; returns every event completed by it (possibly none). */
  push(text: string): ServerEvent[] {
    this.pending += text;
    const events: ServerEvent[] = [];
    for (;;) {
      const end = this.pending.search(/\r\n|\r|\n/);
      if (end < 0) break;
      // A lone '\r' at the end may be the first half of '\r\n' split across chunks.
      if (this.pending[end] === '\r' && end === this.pending.length - 1) break;
      const separatorLength = this.pending.startsWith('\r\n', end) ? 2 : 1;
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + separatorLength);
      const event = this.takeLine(line);
      if (event) events.push(event);
    }
    return events;
  }

  private takeLine(line: string): ServerEvent | null {
    if (line === '') {
      if (this.dataLines.length === 0) {
        this.eventName = '';
        return null;
      }
      const event = { event: this.eventName || 'message', data: this.dataLines.join('\n') };
      this.eventName = '';
      this.dataLines = [];
      return event;
    }
    if (line.startsWith(':')) return null; // comment, e.g. the server's heartbeat
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    return null;
  }
}
