/**
 * Incremental parser for the text/event-stream format (WHATWG HTML §9.2).
 * We read SSE with fetch() so the access token can travel in the Authorization header
 * rather than in the URL (EventSource cannot set headers).
 */
export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private lastId: string | null = null;
  private hasData = false;
  private skipLf = false;
  /** Reconnection delay requested by the server (ms), if any. */
  retry: number | null = null;

  /** Feed a chunk of decoded text; returns the events completed by it. */
  feed(chunk: string): SseEvent[] {
    if (this.skipLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.skipLf = false;
    this.buffer += chunk;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 < this.buffer.length) {
          if (this.buffer[i + 1] === '\n') i++;
        } else {
          this.skipLf = true; // a "\n" may arrive at the start of the next chunk
        }
      }
      start = i + 1;
      const ev = this.processLine(line);
      if (ev) events.push(ev);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  /**
   * Call at end of stream. Strictly, an unterminated event is discarded, but we are lenient
   * and deliver a final `data:` line that lacks its blank-line terminator.
   */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer.length > 0) {
      const rest = this.buffer;
      this.buffer = '';
      const ev = this.processLine(rest);
      if (ev) events.push(ev);
    }
    const ev = this.dispatch();
    if (ev) events.push(ev);
    return events;
  }

  private processLine(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const hasData = this.hasData;
    const ev: SseEvent = { event: this.eventType || 'message', data: this.data.join('\n'), id: this.lastId };
    this.data = [];
    this.hasData = false;
    this.eventType = '';
    return hasData ? ev : null;
  }
}

/** Read a fetch Response body as SSE, invoking onEvent per event until the stream ends. */
export async function readSse(res: Response, onEvent: (ev: SseEvent) => void): Promise<void> {
  if (!res.body) {
    const parser = new SseParser();
    for (const ev of [...parser.feed(await res.text()), ...parser.end()]) onEvent(ev);
    return;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const ev of parser.feed(decoder.decode(value, { stream: true }))) onEvent(ev);
    }
    for (const ev of [...parser.feed(decoder.decode()), ...parser.end()]) onEvent(ev);
  } finally {
    reader.releaseLock();
  }
}
