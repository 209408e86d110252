// Realms wire frames (docs/realms.md, "Wire protocol"), the same format as Worldloom.Realms.Core/Wire: a type byte,
// then the fields little-endian, strings as a LEB128 length and UTF-8, ids (GUIDs) as 16 bytes in their text order.
// Reading is strict and never throws for bad bytes: it returns an error naming the field, as the C# reader does.

export const WireLimits = {
  maxClientFrame: 4096,
  maxServerFrame: 256 * 1024,
  maxToken: 2048,
  maxConsoleLine: 256,
  maxConsoleReply: 16 * 1024,
  maxCode: 64,
  maxMessage: 1024,
  maxPointCoordinate: 1 << 24,
  anglesPerTurn: 4096,
} as const;

export type ClientFrame =
  | { type: 'auth'; accessToken: string }
  | { type: 'join'; characterId: string }
  /** `ack`, when given, is the last snapshot tick decoded, carried with the input (type 0x07, `input_ack`). */
  | { type: 'input'; sequence: number; moveAngle: number; slot: number; target: number; pointX: number; pointY: number; ack?: number }
  | { type: 'ack'; tick: number }
  | { type: 'console'; line: string }
  | { type: 'ping'; nonce: number };

export type ServerFrame =
  | { type: 'welcome'; entityId: number; realmId: string; zoneX: number; zoneY: number; tick: number; ticksPerSecond: number }
  | { type: 'snapshot'; payload: Uint8Array }
  | { type: 'refused'; sequence: number; code: string }
  | { type: 'transfer'; zoneX: number; zoneY: number }
  | { type: 'console'; text: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'pong'; nonce: number };

/** Why bytes could not be read; `field` is e.g. `input.move_angle`, or `frame` for the frame as a whole. */
export interface WireError {
  code: string;
  field: string;
  message: string;
}

export type Decoded<T> = { ok: true; frame: T } | { ok: false; error: WireError };

const clientTypes = { auth: 0x01, join: 0x02, input: 0x03, ack: 0x04, console: 0x05, ping: 0x06 } as const;
const INPUT_ACK = 0x07;
const serverTypes = { welcome: 0x81, snapshot: 0x82, refused: 0x83, transfer: 0x84, console: 0x85, error: 0x86, pong: 0x87 } as const;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Appends fields to a growing buffer. */
class FrameWriter {
  private bytes = new Uint8Array(64);
  private length = 0;

  private reserve(n: number): DataView {
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const view = new DataView(this.bytes.buffer, this.length, n);
    this.length += n;
    return view;
  }

  u8(value: number) { this.reserve(1).setUint8(0, value); }
  i16(value: number) { this.reserve(2).setInt16(0, value, true); }
  u32(value: number) { this.reserve(4).setUint32(0, value, true); }
  i32(value: number) { this.reserve(4).setInt32(0, value, true); }

  raw(bytes: Uint8Array) {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length - bytes.length);
  }

  guid(text: string) {
    const hex = text.replace(/-/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`${text} is not a GUID`);
    for (let i = 0; i < 16; i++) this.u8(parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  }

  string(value: string, maxBytes: number, field: string) {
    const bytes = utf8.encode(value);
    if (bytes.length > maxBytes) throw new RangeError(`${field} is ${bytes.length} UTF-8 bytes; at most ${maxBytes}`);
    let rest = bytes.length;
    while (rest >= 0x80) {
      this.u8((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    this.u8(rest);
    this.raw(bytes);
  }

  result(): Uint8Array { return this.bytes.slice(0, this.length); }
}

/** Reads fields in order, keeping the first fault (later reads return zeros), like the C# FrameReader. */
class FrameReader {
  error: WireError | null = null;
  private position = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array, private readonly frame: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private name(field: string) { return `${this.frame}.${field}`; }

  fail(code: string, field: string, message: string) {
    this.error ??= { code, field: this.name(field), message };
  }

  outOfRange(field: string, expected: string, got: number) {
    this.fail('out_of_range', field, `${this.name(field)} must be ${expected}; got ${got}`);
  }

  private take(count: number, field: string): number | null {
    if (this.error) return null;
    if (this.bytes.length - this.position < count) {
      this.fail('truncated', field, `${this.name(field)}: the frame ends after ${this.position} of its field bytes, ${count} more needed`);
      return null;
    }
    const at = this.position;
    this.position += count;
    return at;
  }

  u8(field: string) { const at = this.take(1, field); return at === null ? 0 : this.view.getUint8(at); }
  i16(field: string) { const at = this.take(2, field); return at === null ? 0 : this.view.getInt16(at, true); }
  u32(field: string) { const at = this.take(4, field); return at === null ? 0 : this.view.getUint32(at, true); }
  i32(field: string) { const at = this.take(4, field); return at === null ? 0 : this.view.getInt32(at, true); }

  guid(field: string): string {
    const at = this.take(16, field);
    if (at === null) return '00000000-0000-0000-0000-000000000000';
    const hex = Array.from(this.bytes.subarray(at, at + 16), (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  string(field: string, maxBytes: number): string {
    if (this.error) return '';
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.position >= this.bytes.length) {
        this.fail('truncated', field, `${this.name(field)}: the frame ends inside the length`);
        return '';
      }
      const b = this.bytes[this.position++];
      if (shift === 28 && b > 0x0f) {
        this.fail('bad_length', field, `${this.name(field)}: the length does not fit 32 bits`);
        return '';
      }
      length += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (b === 0 && shift > 0) {
          this.fail('bad_length', field, `${this.name(field)}: the length has redundant bytes`);
          return '';
        }
        break;
      }
    }
    if (length > maxBytes) {
      this.fail('too_long', field, `${this.name(field)} is ${length} bytes; at most ${maxBytes}`);
      return '';
    }
    const start = this.take(length, field);
    if (start === null) return '';
    try {
      return strictUtf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      this.fail('bad_utf8', field, `${this.name(field)} is not valid UTF-8`);
      return '';
    }
  }

  finish<T>(frame: T): Decoded<T> {
    if (!this.error && this.position !== this.bytes.length) {
      const extra = this.bytes.length - this.position;
      this.error = { code: 'trailing_bytes', field: 'frame', message: `${this.frame}: ${extra} byte(s) after the last field` };
    }
    return this.error ? { ok: false, error: this.error } : { ok: true, frame };
  }
}

const isPointCoordinate = (v: number) => v >= -WireLimits.maxPointCoordinate && v <= WireLimits.maxPointCoordinate;

function frameCheck(bytes: Uint8Array, max: number): WireError | null {
  if (bytes.length === 0) return { code: 'empty', field: 'frame', message: 'the frame is empty' };
  if (bytes.length > max) return { code: 'too_large', field: 'frame', message: `the frame is ${bytes.length} bytes; at most ${max}` };
  return null;
}

const unknownType = (type: number, side: string): Decoded<never> => ({
  ok: false,
  error: { code: 'unknown_type', field: 'frame.type', message: `frame.type 0x${type.toString(16).padStart(2, '0')} is not a ${side} frame type` },
});

/** The bytes of a client → server frame. Throws RangeError for a frame the server would refuse (a bug here). */
export function encodeClientFrame(frame: ClientFrame): Uint8Array {
  const w = new FrameWriter();
  w.u8(frame.type === 'input' && frame.ack !== undefined ? INPUT_ACK : clientTypes[frame.type]);
  switch (frame.type) {
    case 'auth':
      if (frame.accessToken.length === 0) throw new RangeError('auth.token is empty');
      w.string(frame.accessToken, WireLimits.maxToken, 'auth.token');
      break;
    case 'join':
      w.guid(frame.characterId);
      break;
    case 'input':
      if (!Number.isInteger(frame.moveAngle) || frame.moveAngle < -1 || frame.moveAngle >= WireLimits.anglesPerTurn)
        throw new RangeError(`input.move_angle ${frame.moveAngle} is out of range`);
      if (frame.slot === 0 && (frame.target !== 0 || frame.pointX !== 0 || frame.pointY !== 0))
        throw new RangeError('input without a slot carries no target or point');
      if (frame.slot < 0 || frame.slot > 255 || !isPointCoordinate(frame.pointX) || !isPointCoordinate(frame.pointY))
        throw new RangeError('input slot or point is out of range');
      w.u32(frame.sequence);
      w.i16(frame.moveAngle);
      w.u8(frame.slot);
      w.u32(frame.target);
      w.i32(frame.pointX);
      w.i32(frame.pointY);
      if (frame.ack !== undefined) w.u32(frame.ack);
      break;
    case 'ack':
      w.u32(frame.tick);
      break;
    case 'console':
      w.string(frame.line, WireLimits.maxConsoleLine, 'console.line');
      break;
    case 'ping':
      w.u32(frame.nonce);
      break;
  }
  return w.result();
}

/** Reads a client → server frame (the server's side; here for tests and tools). */
export function decodeClientFrame(bytes: Uint8Array): Decoded<ClientFrame> {
  const bad = frameCheck(bytes, WireLimits.maxClientFrame);
  if (bad) return { ok: false, error: bad };
  const fields = bytes.subarray(1);
  switch (bytes[0]) {
    case clientTypes.auth: {
      const r = new FrameReader(fields, 'auth');
      const accessToken = r.string('token', WireLimits.maxToken);
      if (!r.error && accessToken.length === 0) r.outOfRange('token', 'non-empty', 0);
      return r.finish({ type: 'auth', accessToken });
    }
    case clientTypes.join: {
      const r = new FrameReader(fields, 'join');
      return r.finish({ type: 'join', characterId: r.guid('character_id') });
    }
    case clientTypes.input:
    case INPUT_ACK: {
      const withAck = bytes[0] === INPUT_ACK;
      const r = new FrameReader(fields, withAck ? 'input_ack' : 'input');
      const sequence = r.u32('sequence');
      const moveAngle = r.i16('move_angle');
      const slot = r.u8('slot');
      const target = r.u32('target');
      const pointX = r.i32('point_x');
      const pointY = r.i32('point_y');
      const ack = withAck ? r.u32('ack') : undefined;
      if (!r.error) {
        if (moveAngle < -1 || moveAngle >= WireLimits.anglesPerTurn)
          r.outOfRange('move_angle', `-1 (stop) or 0..${WireLimits.anglesPerTurn - 1}`, moveAngle);
        else if (slot === 0 && (target !== 0 || pointX !== 0 || pointY !== 0))
          r.outOfRange('target', '0 with point 0, 0 when slot is 0 (no cast)', target);
        else if (!isPointCoordinate(pointX)) r.outOfRange('point_x', `within ±${WireLimits.maxPointCoordinate}`, pointX);
        else if (!isPointCoordinate(pointY)) r.outOfRange('point_y', `within ±${WireLimits.maxPointCoordinate}`, pointY);
      }
      return r.finish({ type: 'input', sequence, moveAngle, slot, target, pointX, pointY, ...(ack === undefined ? {} : { ack }) });
    }
    case clientTypes.ack: {
      const r = new FrameReader(fields, 'ack');
      return r.finish({ type: 'ack', tick: r.u32('tick') });
    }
    case clientTypes.console: {
      const r = new FrameReader(fields, 'console');
      return r.finish({ type: 'console', line: r.string('line', WireLimits.maxConsoleLine) });
    }
    case clientTypes.ping: {
      const r = new FrameReader(fields, 'ping');
      return r.finish({ type: 'ping', nonce: r.u32('nonce') });
    }
    default:
      return unknownType(bytes[0], 'client');
  }
}

/** The bytes of a server → client frame (the server's side; here for tests and tools). */
export function encodeServerFrame(frame: ServerFrame): Uint8Array {
  const w = new FrameWriter();
  w.u8(serverTypes[frame.type]);
  switch (frame.type) {
    case 'welcome':
      if (frame.ticksPerSecond < 1 || frame.ticksPerSecond > 255) throw new RangeError('welcome.ticks_per_second is out of range');
      w.u32(frame.entityId);
      w.guid(frame.realmId);
      w.u8(frame.zoneX);
      w.u8(frame.zoneY);
      w.u32(frame.tick);
      w.u8(frame.ticksPerSecond);
      break;
    case 'snapshot':
      w.raw(frame.payload);
      break;
    case 'refused':
      w.u32(frame.sequence);
      w.string(frame.code, WireLimits.maxCode, 'refused.code');
      break;
    case 'transfer':
      w.u8(frame.zoneX);
      w.u8(frame.zoneY);
      break;
    case 'console':
      w.string(frame.text, WireLimits.maxConsoleReply, 'console.text');
      break;
    case 'error':
      w.string(frame.code, WireLimits.maxCode, 'error.code');
      w.string(frame.message, WireLimits.maxMessage, 'error.message');
      break;
    case 'pong':
      w.u32(frame.nonce);
      break;
  }
  return w.result();
}

/** Reads a server → client frame; a snapshot's payload is handed on (to SnapshotDecoder), not decoded here. */
export function decodeServerFrame(bytes: Uint8Array): Decoded<ServerFrame> {
  const bad = frameCheck(bytes, WireLimits.maxServerFrame);
  if (bad) return { ok: false, error: bad };
  const fields = bytes.subarray(1);
  switch (bytes[0]) {
    case serverTypes.welcome: {
      const r = new FrameReader(fields, 'welcome');
      const entityId = r.u32('entity_id');
      const realmId = r.guid('realm_id');
      const zoneX = r.u8('zone_x');
      const zoneY = r.u8('zone_y');
      const tick = r.u32('tick');
      const ticksPerSecond = r.u8('ticks_per_second');
      if (!r.error && ticksPerSecond === 0) r.outOfRange('ticks_per_second', '1..255', 0);
      return r.finish({ type: 'welcome', entityId, realmId, zoneX, zoneY, tick, ticksPerSecond });
    }
    case serverTypes.snapshot:
      if (fields.length === 0)
        return { ok: false, error: { code: 'truncated', field: 'snapshot.payload', message: 'snapshot.payload is empty' } };
      return { ok: true, frame: { type: 'snapshot', payload: fields.slice() } };
    case serverTypes.refused: {
      const r = new FrameReader(fields, 'refused');
      const sequence = r.u32('sequence');
      return r.finish({ type: 'refused', sequence, code: r.string('code', WireLimits.maxCode) });
    }
    case serverTypes.transfer: {
      const r = new FrameReader(fields, 'transfer');
      const zoneX = r.u8('zone_x');
      return r.finish({ type: 'transfer', zoneX, zoneY: r.u8('zone_y') });
    }
    case serverTypes.console: {
      const r = new FrameReader(fields, 'console');
      return r.finish({ type: 'console', text: r.string('text', WireLimits.maxConsoleReply) });
    }
    case serverTypes.error: {
      const r = new FrameReader(fields, 'error');
      const code = r.string('code', WireLimits.maxCode);
      return r.finish({ type: 'error', code, message: r.string('message', WireLimits.maxMessage) });
    }
    case serverTypes.pong: {
      const r = new FrameReader(fields, 'pong');
      return r.finish({ type: 'pong', nonce: r.u32('nonce') });
    }
    default:
      return unknownType(bytes[0], 'server');
  }
}
