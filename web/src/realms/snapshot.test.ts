import { describe, expect, it } from 'vitest';
import { BitReader, SnapshotDecoder, SnapshotFormat } from './snapshot';
// Written by tests/Worldloom.Realms.Core.Tests/Vectors/RealmsVectorTests.cs: a full snapshot, then two deltas.
import vectorsText from '../../../tests/vectors/realms/snapshots.json?raw';

const hex = (text: string) => new Uint8Array(text.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
const steps = (JSON.parse(vectorsText) as { steps: { hex: string; snapshot: unknown }[] }).steps;

describe('snapshot vectors shared with C#', () => {
  it('decodes the full snapshot and both deltas to what the C# decoder gives', () => {
    const decoder = new SnapshotDecoder();
    for (const step of steps) {
      expect(decoder.decode(hex(step.hex))).toEqual({ ok: true, snapshot: step.snapshot });
    }
    expect(steps[0].snapshot).toMatchObject({ baselineTick: null });
    expect(steps[2].snapshot).toMatchObject({ baselineTick: 101 });
  });

  it('reports a delta without its baseline as missing_baseline and keeps nothing', () => {
    const decoder = new SnapshotDecoder();
    expect(decoder.decode(hex(steps[1].hex))).toMatchObject({ ok: false, error: { code: SnapshotFormat.missingBaseline } });
    expect(decoder.newestTick).toBeNull();
    expect(decoder.decode(hex(steps[0].hex)).ok).toBe(true);
    expect(decoder.decode(hex(steps[2].hex))).toMatchObject({ ok: false, error: { code: SnapshotFormat.missingBaseline } });
    expect(decoder.decode(hex(steps[1].hex)).ok).toBe(true);
    expect(decoder.decode(hex(steps[2].hex)).ok).toBe(true);
  });

  it('gives an error, never an exception, for every truncation and every flipped bit', () => {
    for (const [index, step] of steps.entries()) {
      const bytes = hex(step.hex);
      const fresh = () => {
        const decoder = new SnapshotDecoder();
        for (const earlier of steps.slice(0, index)) decoder.decode(hex(earlier.hex));
        return decoder;
      };
      for (let length = 0; length < bytes.length; length++) {
        expect(fresh().decode(bytes.subarray(0, length)).ok).toBe(false);
      }
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        const damaged = bytes.slice();
        damaged[bit >>> 3] ^= 1 << (bit & 7);
        const decoded = fresh().decode(damaged);
        if (!decoded.ok) expect(decoded.error.field.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses an unknown version and trailing bytes', () => {
    expect(new SnapshotDecoder().decode(new Uint8Array([0x02]))).toMatchObject({ ok: false, error: { code: 'unsupported_version' } });
    const full = hex(steps[0].hex);
    const longer = new Uint8Array(full.length + 1);
    longer.set(full);
    expect(new SnapshotDecoder().decode(longer)).toMatchObject({ ok: false, error: { code: 'trailing_bytes' } });
  });
});

describe('BitReader', () => {
  it('reads low bit first and numbers in 4-bit groups', () => {
    const r = new BitReader(new Uint8Array([0b1111_1101, 0b0000_1111]));
    expect(r.read(1, 'a')).toBe(1);
    expect(r.read(2, 'b')).toBe(2);
    expect(r.read(9, 'c')).toBe(0x1ff);
    expect(r.finish()).toBeNull();
  });

  it('refuses a redundant last group and numbers past 32 bits', () => {
    const redundant = new BitReader(new Uint8Array([0b0000_0001, 0]));
    redundant.varUInt('n');
    expect(redundant.error?.code).toBe('bad_number');
    const long = new BitReader(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    long.varUInt('n');
    expect(long.error?.code).toBe('bad_number');
  });

  it('decodes the largest 32-bit values and zig-zag ints', () => {
    // uint.MaxValue: eight groups of 1111 with "more" bits, the last without: 0x1f x7 then 0x1e, 40 bits.
    const bits = [...Array(7).fill(0x1f), 0x1e];
    const bytes = new Uint8Array(5);
    bits.forEach((group, i) => {
      for (let b = 0; b < 5; b++) if (group & (1 << b)) bytes[(i * 5 + b) >>> 3] |= 1 << ((i * 5 + b) & 7);
    });
    expect(new BitReader(bytes).varUInt('n')).toBe(0xffffffff);
    expect(new BitReader(bytes).varInt('n')).toBe(-2147483648);
  });
});
