import { describe, expect, it } from 'vitest';
import { readSse, SseParser, type SseEvent } from './sse';

describe('SseParser', () => {
  it('parses data lines terminated by a blank line', () => {
    const p = new SseParser();
    expect(p.feed('data: {"a":1}\n\ndata: {"a":2}\n\n')).toEqual([
      { event: 'message', data: '{"a":1}', id: null },
      { event: 'message', data: '{"a":2}', id: null },
    ]);
  });

  it('handles chunks split anywhere, including inside CRLF', () => {
    const text = 'event: progress\r\nid: 7\r\ndata: {"x":\r\ndata: 1}\r\n\r\n: keep-alive\r\n\r\ndata:no-space\r\n\r\n';
    for (let size = 1; size <= text.length; size++) {
      const p = new SseParser();
      const out: SseEvent[] = [];
      for (let i = 0; i < text.length; i += size) out.push(...p.feed(text.slice(i, i + size)));
      out.push(...p.end());
      expect(out).toEqual([
        { event: 'progress', data: '{"x":\n1}', id: '7' },
        { event: 'message', data: 'no-space', id: '7' },
      ]);
    }
  });

  it('supports bare CR line endings', () => {
    const p = new SseParser();
    expect([...p.feed('data: a\r\rdata: b\r'), ...p.feed('\r')]).toEqual([
      { event: 'message', data: 'a', id: null },
      { event: 'message', data: 'b', id: null },
    ]);
  });

  it('ignores comments, unknown fields and events without data; reads retry', () => {
    const p = new SseParser();
    expect(p.feed(':hello\nfoo: bar\nevent: x\n\nretry: 2500\n\n')).toEqual([]);
    expect(p.retry).toBe(2500);
  });

  it('keeps an empty data field as an empty event', () => {
    const p = new SseParser();
    expect(p.feed('data\n\n')).toEqual([{ event: 'message', data: '', id: null }]);
  });

  it('flushes an unterminated final event at end of stream', () => {
    const p = new SseParser();
    expect(p.feed('data: {"done":true}')).toEqual([]);
    expect(p.end()).toEqual([{ event: 'message', data: '{"done":true}', id: null }]);
  });
});

describe('readSse', () => {
  it('reads a streamed Response body', async () => {
    const enc = new TextEncoder();
    const parts = ['data: {"progress":10}\n', '\ndata: {"progr', 'ess":100}\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const part of parts) c.enqueue(enc.encode(part));
        c.close();
      },
    });
    const seen: string[] = [];
    await readSse(new Response(body, { headers: { 'content-type': 'text/event-stream' } }), (e) => seen.push(e.data));
    expect(seen).toEqual(['{"progress":10}', '{"progress":100}']);
  });

  it('decodes multi-byte characters split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: “Ærø”\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    const seen: string[] = [];
    await readSse(new Response(body), (e) => seen.push(e.data));
    expect(seen).toEqual(['“Ærø”']);
  });
});
