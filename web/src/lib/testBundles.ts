/**
 * Test-only: writes ZIPs and signed bundles the way the server's BundleWriter does (manifest.json, manifest.sig, then
 * the files by path; PNGs stored, the rest deflated), so the reader and verifier can be checked against valid bundles
 * and against every kind of tampering. Imported by the *.test.ts files only.
 */
import { base64Url, sha256Hex, thumbprint } from './bundle';

export interface ZipInput {
  name: string;
  data: Uint8Array;
  /** Store instead of deflate. */
  store?: boolean;
  /** Write this uncompressed size into the headers instead of the real one (a lying header). */
  declaredSize?: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A classic ZIP of `files` in the given order. */
export async function writeZip(files: ZipInput[]): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const packed = f.store ? f.data : await deflateRaw(f.data);
    const method = f.store ? 0 : 8;
    const crc = crc32(f.data);
    const size = f.declaredSize ?? f.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, method, true);
    lv.setUint16(12, 33, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, method, true);
    dv.setUint16(14, 33, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, packed.length, true);
    dv.setUint32(24, size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    parts.push(local, packed);
    central.push(dir);
    offset += local.length + packed.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface SigningKey {
  publicKey: Uint8Array;
  privateKey: CryptoKey;
  keyId: string;
}

export async function newSigningKey(): Promise<SigningKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { publicKey, privateKey: pair.privateKey, keyId: await thumbprint(publicKey) };
}

export async function sign(key: SigningKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, data as Uint8Array<ArrayBuffer>));
}

/** Canonical JSON (sorted members, no whitespace), as the server writes manifests. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface BuiltBundle {
  key: SigningKey;
  manifest: Uint8Array;
  signature: Uint8Array;
  files: ZipInput[];
  zip: Uint8Array;
}

/** A signed bundle of `files` (path → bytes) for `engines`, as the server would write it. */
export async function buildBundle(files: Record<string, Uint8Array>, engines = ['json'], key?: SigningKey): Promise<BuiltBundle> {
  const k = key ?? (await newSigningKey());
  const paths = Object.keys(files).sort();
  const manifestJson = canonical({
    engines,
    files: await Promise.all(paths.map(async (path) => ({ path, sha256: await sha256Hex(files[path]), size: files[path].length }))),
    format: 'worldloom.bundle/1',
    signature: { algorithm: 'Ed25519', keyId: k.keyId, publicKey: base64Url(k.publicKey) },
    world: { generator: 'forge/1', hash: 'ab'.repeat(32), parameters: { height: 64, width: 64 }, seed: { kind: 'integer', text: '42' } },
  });
  const manifest = new TextEncoder().encode(manifestJson);
  const signature = await sign(k, manifest);
  const entries: ZipInput[] = [
    { name: 'manifest.json', data: manifest },
    { name: 'manifest.sig', data: signature, store: true },
    ...paths.map((p) => ({ name: p, data: files[p], store: p.endsWith('.png') })),
  ];
  return { key: k, manifest, signature, files: entries, zip: await writeZip(entries) };
}
