import { describe, expect, it } from 'vitest';
import vectorsText from '../../../tests/vectors/realms/snapshots.json?raw';
import { createRealmCodec } from './codec';
import { encodeServerFrame } from './wire';

const steps = (JSON.parse(vectorsText) as { steps: { hex: string; snapshot: { tick: number } }[] }).steps;
const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
const snapshotFrame = (hex: string) => encodeServerFrame({ type: 'snapshot', payload: bytes(hex) });

describe('createRealmCodec', () => {
  it('decodes snapshot frames against the connection\u2019s baselines', () => {
    const codec = createRealmCodec();
    const ticks = steps.map((s) => {
      const frame = codec.decode(snapshotFrame(s.hex));
      expect(frame?.type).toBe('snapshot');
      return frame?.type === 'snapshot' ? frame.snapshot.tick : -1;
    });
    expect(ticks).toEqual(steps.map((s) => s.snapshot.tick));
  });

  it('drops a delta whose baseline it never saw, silently', () => {
    const codec = createRealmCodec();
    expect(codec.decode(snapshotFrame(steps[1].hex))).toBeNull();
  });

  it('starts over after a transfer: the old zone\u2019s baselines are gone', () => {
    const codec = createRealmCodec();
    codec.decode(snapshotFrame(steps[0].hex));
    expect(codec.decode(encodeServerFrame({ type: 'transfer', zoneX: 1, zoneY: 0 }))).toEqual({ type: 'transfer', zoneX: 1, zoneY: 0 });
    expect(codec.decode(snapshotFrame(steps[1].hex))).toBeNull();
  });

  it('answers bad bytes with an error frame naming the field', () => {
    const codec = createRealmCodec();
    const frame = codec.decode(Uint8Array.of(0x7f));
    expect(frame?.type).toBe('error');
    expect(codec.decode(snapshotFrame('ff'))).toMatchObject({ type: 'error' });
  });
});
