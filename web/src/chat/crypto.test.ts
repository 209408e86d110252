import { describe, expect, it } from 'vitest';
import {
  bindingSignature, fromBase64, fromBase64Url, generateDeviceKeys, importDeviceKeys, messageContextBytes, newRoomKey, openMessage,
  parseEnvelope, safetyNumber, sealMessage, toBase64, toBase64Url, unwrapRoomKey, verify, wrapContextBytes, wrapRoomKey, type DeviceKeys,
} from './crypto';
import vectorsText from '../../../tests/vectors/chat-crypto.json?raw';

// The vectors the C# tests pin too (tests/Worldloom.Chat.Crypto.Tests/VectorTests.cs): both clients must seal byte for
// byte alike, and each open what the other sealed.
interface VectorDevice { deviceId: string; x25519Private: string; ed25519Seed: string; x25519Public: string; ed25519Public: string; bindingSignature: string }
interface Vectors {
  roomId: string; epoch: number; roomKey: string; alice: VectorDevice; bob: VectorDevice; safetyNumber: string;
  wrap: { ephemeralPrivate: string; nonce: string; context: string; wrapped: string };
  messages: { plaintext: string; clientId: string; nonce: string; aad: string; envelope: string }[];
}
const v: Vectors = JSON.parse(vectorsText);
const device = (d: VectorDevice) => importDeviceKeys(fromBase64(d.x25519Private), fromBase64(d.ed25519Seed));
const roomKey = fromBase64(v.roomKey);

describe('cross-implementation vectors', () => {
  it('derives the same public keys, binding signatures and safety number', async () => {
    for (const d of [v.alice, v.bob]) {
      const keys = await device(d);
      expect(toBase64(keys.x25519Public)).toBe(d.x25519Public);
      expect(toBase64(keys.ed25519Public)).toBe(d.ed25519Public);
      expect(toBase64(await bindingSignature(keys))).toBe(d.bindingSignature);
    }
    expect(await safetyNumber(fromBase64(v.alice.ed25519Public), fromBase64(v.bob.ed25519Public))).toBe(v.safetyNumber);
    expect(await safetyNumber(fromBase64(v.bob.ed25519Public), fromBase64(v.alice.ed25519Public))).toBe(v.safetyNumber);
  });

  it('wraps byte for byte as C# does, and unwraps C#\'s wrap', async () => {
    const alice = await device(v.alice);
    const bob = await device(v.bob);
    const context = { roomId: v.roomId, epoch: v.epoch, recipientDeviceId: v.bob.deviceId, senderDeviceId: v.alice.deviceId };
    expect(toBase64(wrapContextBytes(context))).toBe(v.wrap.context);

    const wrapped = await wrapRoomKey(roomKey, context, alice, bob.x25519Public, fromBase64(v.wrap.ephemeralPrivate), fromBase64(v.wrap.nonce));

    expect(toBase64(wrapped)).toBe(v.wrap.wrapped);
    expect(await unwrapRoomKey(fromBase64(v.wrap.wrapped), context, bob, alice.ed25519Public)).toEqual(roomKey);
  });

  it('seals byte for byte as C# does, and opens C#\'s envelopes', async () => {
    const alice = await device(v.alice);
    for (const m of v.messages) {
      const context = { roomId: v.roomId, epoch: v.epoch, senderDeviceId: v.alice.deviceId, clientId: m.clientId };
      expect(toBase64(messageContextBytes(context))).toBe(m.aad);
      expect(await sealMessage(m.plaintext, roomKey, context, alice, fromBase64(m.nonce))).toBe(m.envelope);
      expect(await openMessage(m.envelope, v.roomId, m.clientId, () => roomKey, () => alice.ed25519Public)).toBe(m.plaintext);
    }
  });
});

describe('envelopes', () => {
  const room = '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
  const sender = '0193a1b2-0000-7000-8000-00000000a11c';
  const setup = async () => {
    const keys = await generateDeviceKeys();
    const key = newRoomKey();
    const envelope = await sealMessage('the dragon sleeps', key, { roomId: room, epoch: 2, senderDeviceId: sender, clientId: 'c-1' }, keys);
    const open = (text: string, opts: { room?: string; clientId?: string; key?: Uint8Array; signer?: DeviceKeys } = {}) =>
      openMessage(text, opts.room ?? room, opts.clientId ?? 'c-1', (e) => (e === 2 ? opts.key ?? key : undefined),
        (d) => (d === sender ? (opts.signer ?? keys).ed25519Public : undefined));
    return { keys, key, envelope, open };
  };

  it('round-trips and hides the text', async () => {
    const { envelope, open } = await setup();
    expect(envelope.startsWith('e1.')).toBe(true);
    expect(envelope).not.toContain('dragon');
    expect(await open(envelope)).toBe('the dragon sleeps');
    expect(parseEnvelope(envelope)).toMatchObject({ epoch: 2, senderDeviceId: sender });
  });

  it('fails for any flipped byte', async () => {
    const { envelope, open } = await setup();
    const bytes = fromBase64Url(envelope.slice(3))!;
    for (let i = 0; i < bytes.length; i++) {
      const bad = bytes.slice();
      bad[i] ^= 1;
      await expect(open('e1.' + toBase64Url(bad))).rejects.toThrow();
    }
  });

  it('fails in another room, under another client id, with another key or signer', async () => {
    const { envelope, open } = await setup();
    const other = await generateDeviceKeys();
    await expect(open(envelope, { room: '0193a1b2-c3d4-7e5f-8a6b-000000000000' })).rejects.toThrow(/signature/);
    await expect(open(envelope, { clientId: 'c-2' })).rejects.toThrow(/signature/);
    await expect(open(envelope, { key: newRoomKey() })).rejects.toThrow(/room key/);
    await expect(open(envelope, { signer: other })).rejects.toThrow(/signature/);
  });

  it('refuses bad shapes and sizes', async () => {
    const keys = await generateDeviceKeys();
    for (const bad of ['', 'hello', 'e1.', 'e1.AAAA', 'e1.AQ==', 'e2.' + 'A'.repeat(200), 'e1.' + 'A'.repeat(17000)]) {
      expect(parseEnvelope(bad)).toBeNull();
    }
    const ctx = { roomId: room, epoch: 1, senderDeviceId: sender, clientId: 'c' };
    await expect(sealMessage('', newRoomKey(), ctx, keys)).rejects.toThrow();
    await expect(sealMessage('x'.repeat(4001), newRoomKey(), ctx, keys)).rejects.toThrow();
    await expect(sealMessage('x', new Uint8Array(16), ctx, keys)).rejects.toThrow();
    await expect(sealMessage('x', newRoomKey(), { ...ctx, clientId: 'has space' }, keys)).rejects.toThrow();
    const longest = await sealMessage('東'.repeat(4000), newRoomKey(), ctx, keys);
    expect(longest.length).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('wraps', () => {
  it('open only for their device and context, and only with the signer\'s key', async () => {
    const alice = await generateDeviceKeys();
    const bob = await generateDeviceKeys();
    const context = { roomId: '0193a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', epoch: 1, recipientDeviceId: '0193a1b2-0000-7000-8000-000000000b0b', senderDeviceId: '0193a1b2-0000-7000-8000-00000000a11c' };
    const key = newRoomKey();
    const wrapped = await wrapRoomKey(key, context, alice, bob.x25519Public);

    expect(await unwrapRoomKey(wrapped, context, bob, alice.ed25519Public)).toEqual(key);
    await expect(unwrapRoomKey(wrapped, context, alice, alice.ed25519Public)).rejects.toThrow();
    await expect(unwrapRoomKey(wrapped, context, bob, bob.ed25519Public)).rejects.toThrow();
    await expect(unwrapRoomKey(wrapped, { ...context, epoch: 2 }, bob, alice.ed25519Public)).rejects.toThrow();
    await expect(unwrapRoomKey(wrapped.slice(0, -1), context, bob, alice.ed25519Public)).rejects.toThrow();
    for (let i = 0; i < wrapped.length; i += 5) {
      const bad = wrapped.slice();
      bad[i] ^= 0x80;
      await expect(unwrapRoomKey(bad, context, bob, alice.ed25519Public)).rejects.toThrow();
    }
    await expect(wrapRoomKey(key, context, alice, new Uint8Array(32))).rejects.toThrow();
  });

  it('binds device keys with a signature anyone can check', async () => {
    const keys = await generateDeviceKeys();
    const sig = await bindingSignature(keys);
    const domain = new TextEncoder().encode('worldloom-chat-device-v1');
    const msg = new Uint8Array([...domain, ...keys.x25519Public]);
    expect(await verify(keys.ed25519Public, msg, sig)).toBe(true);
    msg[msg.length - 1] ^= 1;
    expect(await verify(keys.ed25519Public, msg, sig)).toBe(false);
  });
});
