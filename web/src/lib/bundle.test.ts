import { describe, expect, it } from 'vitest';
import { base64Url, fromBase64Url, parseManifest, pathProblem, thumbprint, verifyBundle, type BundleVerification } from './bundle';
import { buildBundle, canonical, newSigningKey, sign, writeZip, type ZipInput } from './testBundles';

const enc = new TextEncoder();
const files = () => ({
  'json/world.json': enc.encode('{"world":"' + 'x'.repeat(500) + '"}'),
  'json/height.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]),
  'tiled/world.tmx': enc.encode('<map>' + '<tile/>'.repeat(200) + '</map>'),
});

const summary = (v: BundleVerification) => v.problems.map((p) => `${p.kind} ${p.path}`);

describe('verifyBundle', () => {
  it('accepts a signed bundle and reads its world, engines and files', async () => {
    const b = await buildBundle(files(), ['json', 'tiled']);

    const v = await verifyBundle(b.zip);

    expect(v.problems).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.manifest?.keyId).toBe(b.key.keyId);
    expect(v.manifest?.engines).toEqual(['json', 'tiled']);
    expect(v.manifest?.world).toMatchObject({ seed: '42', seedKind: 'integer', generator: 'forge/1', hash: 'ab'.repeat(32) });
    expect(v.manifest?.files.map((f) => f.path)).toEqual(['json/height.png', 'json/world.json', 'tiled/world.tmx']);
    expect(await verifyBundle(b.zip, { trustedKeys: [b.key.publicKey] })).toMatchObject({ valid: true });
  });

  it('names a file whose bytes changed, one that was added and one that went missing', async () => {
    const b = await buildBundle(files());
    const changed = b.files.map((f) => (f.name === 'json/height.png' ? { ...f, data: f.data.map((x, i) => (i === 6 ? x ^ 1 : x)) } : f));
    const added = [...b.files, { name: 'json/extra.txt', data: enc.encode('surprise') }];
    const missing = b.files.filter((f) => f.name !== 'tiled/world.tmx');

    expect(summary(await verifyBundle(await writeZip(changed)))).toEqual(['changed json/height.png']);
    expect(summary(await verifyBundle(await writeZip(added)))).toEqual(['added json/extra.txt']);
    expect(summary(await verifyBundle(await writeZip(missing)))).toEqual(['missing tiled/world.tmx']);
    const v = await verifyBundle(await writeZip(changed));
    expect(v.valid).toBe(false);
    expect(v.problems[0].message).toBe('changed: json/height.png');
  });

  it('catches one changed byte of a stored file in the ZIP itself', async () => {
    const b = await buildBundle(files());
    const zip = b.zip.slice();
    const at = indexOf(zip, enc.encode('json/height.png')) + 'json/height.png'.length + 6;
    zip[at] ^= 0x40;

    expect(summary(await verifyBundle(zip))).toEqual(['changed json/height.png']);
  });

  it('refuses a swapped signature, a key id of another key, a missing signature and an untrusted signer', async () => {
    const b = await buildBundle(files());
    const other = await newSigningKey();
    const swapped = b.files.map((f) => (f.name === 'manifest.sig' ? { ...f, data: new Uint8Array(64).fill(7) } : f));
    expect(summary(await verifyBundle(await writeZip(swapped)))).toEqual(['signature manifest.sig']);

    const resigned = b.files.map((f) => (f.name === 'manifest.sig' ? { ...f, data: new Uint8Array(64) } : f));
    const otherSig = await sign(other, b.manifest);
    resigned[1] = { ...resigned[1], data: otherSig };
    expect(summary(await verifyBundle(await writeZip(resigned)))).toEqual(['signature manifest.sig']);

    const wrongId = JSON.parse(new TextDecoder().decode(b.manifest));
    wrongId.signature.keyId = other.keyId;
    const wrongBytes = enc.encode(canonical(wrongId));
    const wrongFiles: ZipInput[] = [{ name: 'manifest.json', data: wrongBytes }, { name: 'manifest.sig', data: await sign(b.key, wrongBytes), store: true }, ...b.files.slice(2)];
    const v = await verifyBundle(await writeZip(wrongFiles));
    expect(summary(v)).toEqual(['signature manifest.json']);
    expect(v.problems[0].message).toMatch(/does not belong to the public key/);

    expect(summary(await verifyBundle(await writeZip(b.files.filter((f) => f.name !== 'manifest.sig'))))).toEqual(['signature manifest.sig']);
    expect(summary(await verifyBundle(b.zip, { trustedKeys: [other.publicKey] }))).toEqual(['untrusted-key manifest.sig']);
  });

  it('refuses zip-slip paths, repeated entries and zip bombs before unpacking anything', async () => {
    const b = await buildBundle(files());
    for (const bad of ['../evil.sh', '/etc/passwd', 'C:\\x.txt', 'json/./a', 'json/a b.txt']) {
      const v = await verifyBundle(await writeZip([...b.files, { name: bad, data: enc.encode('x') }]));
      expect(v.problems.map((p) => p.kind)).toEqual(['unsafe']);
      expect(v.problems[0].message).toMatch(/^Refused: unsafe path/);
    }
    expect(summary(await verifyBundle(await writeZip([...b.files, b.files[2]])))).toEqual([`unsafe ${b.files[2].name}`]);

    const bomb = await verifyBundle(await writeZip([...b.files, { name: 'json/zeros.bin', data: new Uint8Array(8 << 20) }]));
    expect(bomb.problems[0].message).toMatch(/looks like a zip bomb/);
    // A header that understates the size is caught while unpacking.
    const liar = await buildBundle({ 'json/zeros.bin': new Uint8Array(8 << 20) });
    const lying = liar.files.map((f) => (f.name === 'json/zeros.bin' ? { ...f, declaredSize: 100 } : f));
    const caught = await verifyBundle(await writeZip(lying));
    expect(caught.problems.map((p) => p.kind)).toEqual(['unsafe']);
    expect(caught.problems[0].path).toBe('json/zeros.bin');
  });

  it('says what is wrong with a missing or malformed manifest, naming the field', async () => {
    expect(summary(await verifyBundle(await writeZip([{ name: 'a.txt', data: enc.encode('a') }])))).toEqual(['malformed manifest.json']);
    const b = await buildBundle(files());
    const broken = JSON.parse(new TextDecoder().decode(b.manifest));
    broken.files[1].sha256 = 'XYZ';
    const v = await verifyBundle(await writeZip([{ name: 'manifest.json', data: enc.encode(JSON.stringify(broken)) }, ...b.files.slice(1)]));
    expect(v.problems[0].message).toBe('manifest.json cannot be read: files[1].sha256: not 64 lower-case hex digits.');
    expect((await verifyBundle(enc.encode('not a zip at all, just text padding it out'))).problems[0].kind).toBe('malformed');
  });
});

describe('bundle helpers', () => {
  it('computes the RFC 7638 thumbprint of the RFC 8037 example key', async () => {
    const key = fromBase64Url('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo')!;
    expect(await thumbprint(key)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    expect(base64Url(key)).toBe('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo');
    expect(fromBase64Url('not base64!')).toBeNull();
  });

  it('applies the server path rule', () => {
    expect(pathProblem('tiled/world.tmx')).toBeNull();
    expect(pathProblem('godot/scenes/World-1_a.tscn')).toBeNull();
    expect(pathProblem('../x')).toMatch(/'\.\.' segment/);
    expect(pathProblem('a//b')).toMatch(/empty/);
    expect(pathProblem('x'.repeat(241))).toMatch(/longer than 240/);
    expect(pathProblem('caf\u00e9.txt')).toMatch(/U\+00E9/);
  });

  it('parses what the writer writes', async () => {
    const b = await buildBundle(files());
    expect(parseManifest(b.manifest).publicKey).toEqual(b.key.publicKey);
    expect(() => parseManifest(enc.encode('{"format":"other/9"}'))).toThrow(/format: "other\/9"/);
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
