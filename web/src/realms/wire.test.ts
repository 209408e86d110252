import { describe, expect, it } from 'vitest';
import { decodeClientFrame, decodeServerFrame, encodeClientFrame, encodeServerFrame, WireLimits, type ClientFrame, type ServerFrame } from './wire';
// Written by tests/Worldloom.Realms.Core.Tests/Vectors/RealmsVectorTests.cs: the C# frames, byte for byte.
import vectorsText from '../../../tests/vectors/realms/frames.json?raw';

interface Vector<T> { hex: string; frame: T }
interface BadVector { hex: string; code: string; field: string }
const vectors = JSON.parse(vectorsText) as {
  client: Vector<Record<string, unknown>>[];
  server: Vector<Record<string, unknown>>[];
  badClient: BadVector[];
  badServer: BadVector[];
};

const hex = (text: string) => new Uint8Array(text.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

// The vectors carry a snapshot's payload as hex.
const serverFromJson = (f: Record<string, unknown>) =>
  (f.type === 'snapshot' ? { ...f, payload: hex(f.payload as string) } : f) as ServerFrame;

describe('wire vectors shared with C#', () => {
  it.each(vectors.client)('client frame $hex decodes and re-encodes', ({ hex: h, frame }) => {
    const decoded = decodeClientFrame(hex(h));
    expect(decoded).toEqual({ ok: true, frame });
    expect(toHex(encodeClientFrame(frame as ClientFrame))).toBe(h);
  });

  it.each(vectors.server)('server frame $hex decodes and re-encodes', ({ hex: h, frame }) => {
    const expected = serverFromJson(frame);
    expect(decodeServerFrame(hex(h))).toEqual({ ok: true, frame: expected });
    expect(toHex(encodeServerFrame(expected))).toBe(h);
  });

  it.each(vectors.badClient)('bad client frame "$hex" gives $code at $field', ({ hex: h, code, field }) => {
    const decoded = decodeClientFrame(hex(h));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.error.code).toBe(code);
      expect(decoded.error.field).toBe(field);
      expect(decoded.error.message).toContain(field === 'frame' ? '' : field);
    }
  });

  it.each(vectors.badServer)('bad server frame "$hex" gives $code at $field', ({ hex: h, code, field }) => {
    const decoded = decodeServerFrame(hex(h));
    expect(decoded).toMatchObject({ ok: false, error: { code, field } });
  });
});

describe('wire reader', () => {
  it('refuses every truncation of an input frame, naming the field', () => {
    const bytes = encodeClientFrame({ type: 'input', sequence: 5, moveAngle: 100, slot: 1, target: 2, pointX: 3, pointY: 4 });
    for (let length = 1; length < bytes.length; length++) {
      const decoded = decodeClientFrame(bytes.subarray(0, length));
      expect(decoded).toMatchObject({ ok: false, error: { code: 'truncated' } });
      if (!decoded.ok) expect(decoded.error.field.startsWith('input.')).toBe(true);
    }
  });

  it('refuses a frame over the limit and a string over its limit', () => {
    const big = new Uint8Array(WireLimits.maxClientFrame + 1);
    big[0] = 0x05;
    expect(decodeClientFrame(big)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect(decodeClientFrame(new Uint8Array([0x05, 0xac, 0x02]))).toMatchObject({ ok: false, error: { code: 'too_long', field: 'console.line' } });
    expect(() => encodeClientFrame({ type: 'console', line: 'x'.repeat(WireLimits.maxConsoleLine + 1) })).toThrow(RangeError);
  });

  it('never throws on random bytes, and what it accepts re-encodes to the same bytes', () => {
    let state = 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state >>> 0;
    };
    for (let i = 0; i < 5000; i++) {
      const bytes = new Uint8Array(next() % 40);
      for (let j = 0; j < bytes.length; j++) bytes[j] = next() & 0xff;
      if (bytes.length > 0) bytes[0] = 1 + (next() % 7);
      const decoded = decodeClientFrame(bytes);
      if (decoded.ok) expect(toHex(encodeClientFrame(decoded.frame))).toBe(toHex(bytes));
      else expect(decoded.error.message.length).toBeGreaterThan(0);
      if (bytes.length > 0) bytes[0] = 0x81 + (next() % 7);
      const server = decodeServerFrame(bytes);
      if (server.ok) expect(toHex(encodeServerFrame(server.frame))).toBe(toHex(bytes));
    }
  });
});
