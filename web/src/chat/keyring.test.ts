import { describe, expect, it } from 'vitest';
import { parseEnvelope, sealMessage } from './crypto';
import { Keyring } from './keyring';
import { FakeKeyServer, uuid } from './keyServer.fake';
import { MemoryKeyStore, ensureDevice } from './keystore';

// Real WebCrypto (Node's) throughout; only the server is a fake, in keyServer.fake.ts.

const ALICE = uuid();
const BOB = uuid();
const CAROL = uuid();

function client(server: FakeKeyServer, userId: string, store = new MemoryKeyStore()) {
  return new Keyring({ userId, http: server.http(userId), store, shareWaitMs: 10 });
}

describe('device keys', () => {
  it('are made once per user, non-extractable, registered with a binding signature, and reused', async () => {
    const server = new FakeKeyServer();
    const store = new MemoryKeyStore();
    const first = await ensureDevice(store, server.http(ALICE), ALICE, 'Web (test)');
    await expect(crypto.subtle.exportKey('jwk', first.keys.ed25519Private)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', first.keys.x25519Private)).rejects.toThrow();
    const again = await ensureDevice(store, server.http(ALICE), ALICE, 'Web (test)');
    expect(again.id).toBe(first.id);
    expect(server.devices).toHaveLength(1);
    expect((await store.load(ALICE))?.deviceId).toBe(first.id);
    // Another user in the same browser profile gets a device of their own.
    await ensureDevice(store, server.http(BOB), BOB, 'Web (test)');
    expect(server.devices.map((d) => d.userId)).toEqual([ALICE, BOB]);
  });

  it('are replaced when the server refuses them (revoked)', async () => {
    const server = new FakeKeyServer();
    const store = new MemoryKeyStore();
    const first = await ensureDevice(store, server.http(ALICE), ALICE, 'Web');
    server.devices[0].revokedAt = 'then';
    const next = await ensureDevice(store, server.http(ALICE), ALICE, 'Web');
    expect(next.id).not.toBe(first.id);
    expect((await store.load(ALICE))?.deviceId).toBe(next.id);
  });
});

describe('room keys and messages', () => {
  async function twoInRoom() {
    const server = new FakeKeyServer();
    const alice = client(server, ALICE);
    const bob = client(server, BOB);
    await alice.device();
    await bob.device();
    const roomId = server.room([ALICE, BOB]);
    return { server, alice, bob, roomId };
  }

  it('the first message makes epoch 1 for every member device; the other member opens it', async () => {
    const { server, alice, bob, roomId } = await twoInRoom();
    const sealed = await alice.seal(roomId, 'Meet at the mill 🌾', 'c-1');
    expect(sealed.startsWith('e1.')).toBe(true);
    expect(sealed).not.toContain('mill');
    expect(parseEnvelope(sealed)?.epoch).toBe(1);
    expect(server.rooms.get(roomId)!.wraps.size).toBe(2);
    expect(await bob.open(roomId, ALICE, 'c-1', sealed)).toEqual({ ok: true, text: 'Meet at the mill 🌾' });
    expect(await alice.open(roomId, ALICE, 'c-1', sealed)).toEqual({ ok: true, text: 'Meet at the mill 🌾' });
  });

  it('never opens an envelope moved to another client id, another author, or altered', async () => {
    const { alice, bob, roomId } = await twoInRoom();
    const sealed = await alice.seal(roomId, 'secret', 'c-1');
    const other = await bob.open(roomId, ALICE, 'c-2', sealed);
    expect(other).toMatchObject({ ok: false, reason: 'invalid' });
    // Passed off as Bob's: the sender device is not one of Bob's.
    expect(await bob.open(roomId, BOB, 'c-1', sealed)).toMatchObject({ ok: false, reason: 'invalid' });
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(await bob.open(roomId, ALICE, 'c-1', flipped)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await bob.open(roomId, ALICE, 'c-1', 'plain words')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('a removed member gets no key of the next epoch; messages under it stay closed to them', async () => {
    const { server, alice, bob, roomId } = await twoInRoom();
    await alice.seal(roomId, 'before', 'c-1');
    await bob.refreshRoomKeys(roomId, true);
    expect(bob.epochsHeld(roomId)).toEqual([1]);
    server.remove(roomId, BOB);
    alice.noteRoom(roomId, 1, true);
    const after = await alice.seal(roomId, 'after Bob left', 'c-2');
    expect(parseEnvelope(after)?.epoch).toBe(2);
    const room = server.rooms.get(roomId)!;
    expect([...room.wraps.values()].filter((w) => w.epoch === 2).map((w) => w.deviceId)).toEqual([(await alice.device()).id]);
    // Even handed the envelope, Bob's device has no key for it.
    server.rooms.get(roomId)!.members.add(BOB); // let the fake answer his key fetch
    expect(await bob.open(roomId, ALICE, 'c-2', after)).toMatchObject({ ok: false, reason: 'no_key' });
  });

  it('two members making the first epoch at once end up with one key, each reading the other', async () => {
    const { alice, bob, roomId, server } = await twoInRoom();
    const [a, b] = await Promise.all([alice.seal(roomId, 'from Alice', 'ca'), bob.seal(roomId, 'from Bob', 'cb')]);
    expect(server.rooms.get(roomId)!.keyEpoch).toBe(1);
    expect(parseEnvelope(a)?.epoch).toBe(1);
    expect(parseEnvelope(b)?.epoch).toBe(1);
    expect(await alice.open(roomId, BOB, 'cb', b)).toEqual({ ok: true, text: 'from Bob' });
    expect(await bob.open(roomId, ALICE, 'ca', a)).toEqual({ ok: true, text: 'from Alice' });
  });

  it('a new member gets the current key from a member who holds it (keys/missing → wraps)', async () => {
    const { server, alice, roomId } = await twoInRoom();
    const sealed = await alice.seal(roomId, 'welcome', 'c-1');
    const carol = client(server, CAROL);
    await carol.device();
    server.rooms.get(roomId)!.members.add(CAROL);
    expect(await carol.open(roomId, ALICE, 'c-1', sealed)).toMatchObject({ ok: false, reason: 'no_key' });
    expect(await alice.shareMissing(roomId)).toBe(1);
    await carol.refreshRoomKeys(roomId, true);
    expect(await carol.open(roomId, ALICE, 'c-1', sealed)).toEqual({ ok: true, text: 'welcome' });
    expect(await alice.shareMissing(roomId)).toBe(0);
  });

  it('after a reload, sharing with a new device works while bodies are being opened (one key fetch serves both)', async () => {
    const server = new FakeKeyServer();
    const aliceStore = new MemoryKeyStore();
    const alice = client(server, ALICE, aliceStore);
    const bob = client(server, BOB);
    await bob.device();
    const roomId = server.room([ALICE, BOB]);
    const sealed = await alice.seal(roomId, 'before the reload', 'c-1');
    const bobLaptop = client(server, BOB); // Bob's second browser: a new device with no wrap yet
    await bobLaptop.device();
    const reloaded = client(server, ALICE, aliceStore); // the same device, no keys in memory
    const [opened, shared] = await Promise.all([reloaded.open(roomId, ALICE, 'c-1', sealed), reloaded.shareMissing(roomId)]);
    expect(opened).toEqual({ ok: true, text: 'before the reload' });
    expect(shared).toBe(1);
    await bobLaptop.refreshRoomKeys(roomId, true);
    expect(await bobLaptop.open(roomId, ALICE, 'c-1', sealed)).toEqual({ ok: true, text: 'before the reload' });
  });

  it('a member without a wrap of the current epoch, when nobody shares it, makes the next one', async () => {
    const { server, alice, roomId } = await twoInRoom();
    await alice.seal(roomId, 'one', 'c-1');
    const carol = client(server, CAROL);
    await carol.device();
    server.rooms.get(roomId)!.members.add(CAROL);
    const sealed = await carol.seal(roomId, 'hello?', 'c-2');
    expect(parseEnvelope(sealed)?.epoch).toBe(2);
    expect(await alice.open(roomId, CAROL, 'c-2', sealed)).toEqual({ ok: true, text: 'hello?' });
  });

  it('ignores a wrap whose sender device is not in its claimed owner\u2019s list', async () => {
    const { server, alice, bob, roomId } = await twoInRoom();
    await alice.seal(roomId, 'x', 'c-1');
    const room = server.rooms.get(roomId)!;
    const bobDevice = (await bob.device()).id;
    const w = room.wraps.get(`1/${bobDevice}`)!;
    room.wraps.set(`1/${bobDevice}`, { ...w, senderUserId: CAROL }); // the server lies about who sent it
    expect(await bob.refreshRoomKeys(roomId, true)).toBe(0);
    expect(bob.epochsHeld(roomId)).toEqual([]);
  });

  it('refuses to show an attachment key as a body', async () => {
    const { alice, bob, roomId } = await twoInRoom();
    const me = await alice.device();
    const { key, epoch } = await alice.currentKey(roomId);
    const sealed = await sealMessage('loom-file-key-v1 x y', key, { roomId, epoch, senderDeviceId: me.id, clientId: 'c-9' }, me.keys);
    expect(await bob.open(roomId, ALICE, 'c-9', sealed)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('seals an attachment key for its file and message only', async () => {
    const { alice, bob, roomId } = await twoInRoom();
    const fileId = '0190ABCD-0000-7000-8000-00000000F11E';
    const keyText = 'k'.repeat(54);
    const sealed = await alice.sealFileKey(roomId, fileId, keyText, 'c-file');
    expect(await bob.openFileKey(roomId, ALICE, 'c-file', sealed, fileId)).toBe(keyText);
    expect(await bob.openFileKey(roomId, ALICE, 'c-file', sealed, '0190abcd-0000-7000-8000-00000000f11f')).toBeNull();
    expect(await bob.openFileKey(roomId, ALICE, 'c-other', sealed, fileId)).toBeNull();
    expect(await bob.open(roomId, ALICE, 'c-file', sealed)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await bob.openFileKey(roomId, ALICE, 'c-msg', await alice.seal(roomId, 'just words', 'c-msg'), fileId)).toBeNull();
  });

  it('safety numbers agree between the two devices', async () => {
    const { alice, bob, roomId } = await twoInRoom();
    const fromAlice = (await alice.safety(roomId)).find((d) => !d.mine)!;
    const fromBob = (await bob.safety(roomId)).find((d) => !d.mine)!;
    expect(fromAlice.safetyNumber).toMatch(/^(\d{5} ){9}\d{5}$/);
    expect(fromAlice.safetyNumber).toBe(fromBob.safetyNumber);
  });
});
