/**
 * Checks a Worldloom export bundle entirely in the browser, by the same rules as the server's BundleVerifier
 * (src/Worldloom.Forge.Export/Bundles/BundleVerifier.cs): every entry's path, size and compression ratio first, before
 * anything is unpacked; then the manifest's Ed25519 signature and that its key id is the key's RFC 7638 thumbprint; then
 * each file's SHA-256 and size, naming every changed, added or missing file.
 */
import { readZipDirectory, readZipEntry, ZipEntryError, ZipFormatError, type ZipEntry } from './zip';

export type BundleProblemKind = 'unsafe' | 'malformed' | 'signature' | 'untrusted-key' | 'changed' | 'added' | 'missing';

export interface BundleProblem {
  kind: BundleProblemKind;
  /** The file it concerns, if any. */
  path: string | null;
  message: string;
}

export interface BundleFileEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BundleWorld {
  hash: string;
  seed: string;
  seedKind: string;
  generator: string;
  parameters: Record<string, unknown>;
}

export interface BundleManifest {
  engines: string[];
  files: BundleFileEntry[];
  world: BundleWorld;
  keyId: string;
  publicKey: Uint8Array;
}

export interface BundleVerification {
  /** True when nothing is wrong: the signature matches and every file is exactly as listed. */
  valid: boolean;
  manifest: BundleManifest | null;
  problems: BundleProblem[];
}

/** What is refused before unpacking, as BundleLimits' defaults. */
export interface BundleLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
  maxManifestBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 2 ** 30,
  maxTotalBytes: 4 * 2 ** 30,
  maxRatio: 250,
  ratioFloorBytes: 2 ** 20,
  maxManifestBytes: 16 * 2 ** 20,
};

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const FORMAT = 'worldloom.bundle/1';
const MAX_PATH = 240;

/** A manifest that cannot be read; the message names the field. */
export class BundleFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleFormatError';
  }
}

/** Why `path` is not a safe bundle path, or null when it is (BundlePaths.Problem). */
export function pathProblem(path: string): string | null {
  if (!path) return 'the path is empty';
  if (path.length > MAX_PATH) return `the path is longer than ${MAX_PATH} characters`;
  if (path[0] === '/' || path.includes('\\') || path.includes(':')) return 'the path is absolute or uses backslashes or a drive letter';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return "the path has an empty, '.' or '..' segment";
    for (const c of segment) {
      if (!/^[A-Za-z0-9._-]$/.test(c)) {
        const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        return `the path has the character U+${code}; only letters, digits, '.', '_', '-' and '/' are allowed`;
      }
    }
  }
  return null;
}

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Decodes unpadded or padded base64url or base64; null when malformed. */
export function fromBase64Url(text: string): Uint8Array | null {
  const t = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  try {
    const bin = atob(t.padEnd(t.length + ((4 - (t.length % 4)) % 4), '='));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

/** The RFC 7638 thumbprint of an OKP/Ed25519 JWK: members in lexicographic order, no whitespace. */
export async function thumbprint(publicKey: Uint8Array): Promise<string> {
  const jwk = `{"crv":"Ed25519","kty":"OKP","x":"${base64Url(publicKey)}"}`;
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(jwk))));
}

/** Whether `signature` is a valid Ed25519 signature of `data`; false for malformed input. Throws if WebCrypto lacks Ed25519. */
export async function verifyEd25519(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('raw', publicKey as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotSupportedError') throw err;
    return false;
  }
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function member(parent: Record<string, Json>, name: string, at: string): Json {
  if (!(name in parent)) throw new BundleFormatError(`${at}: missing.`);
  return parent[name];
}
function object(v: Json, at: string): Record<string, Json> {
  if (!isObject(v)) throw new BundleFormatError(`${at}: not an object.`);
  return v;
}
function array(parent: Record<string, Json>, name: string, at: string): Json[] {
  const v = member(parent, name, at);
  if (!Array.isArray(v)) throw new BundleFormatError(`${at}: not an array.`);
  return v;
}
function text(v: Json, at: string): string {
  if (typeof v !== 'string') throw new BundleFormatError(`${at}: not a string.`);
  return v;
}

/** Reads a manifest; throws BundleFormatError naming the field when it is malformed (BundleManifest.Parse). */
export function parseManifest(bytes: Uint8Array): BundleManifest {
  let root: Json;
  try {
    root = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new BundleFormatError(`manifest.json is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = object(root, '$');
  const format = text(member(r, 'format', 'format'), 'format');
  if (format !== FORMAT) throw new BundleFormatError(`format: "${format}" is not a bundle format this page reads (${FORMAT}).`);
  const engines = array(r, 'engines', 'engines').map((e, i) => text(e, `engines[${i}]`));
  const files = array(r, 'files', 'files').map((item, i) => {
    const at = `files[${i}]`;
    const f = object(item, at);
    const path = text(member(f, 'path', `${at}.path`), `${at}.path`);
    const problem = pathProblem(path);
    if (problem) throw new BundleFormatError(`${at}.path: ${problem}.`);
    const sha256 = text(member(f, 'sha256', `${at}.sha256`), `${at}.sha256`);
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BundleFormatError(`${at}.sha256: not 64 lower-case hex digits.`);
    const size = f.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) throw new BundleFormatError(`${at}.size: not a non-negative integer.`);
    return { path, size, sha256 };
  });
  const signature = object(member(r, 'signature', 'signature'), 'signature');
  const algorithm = text(member(signature, 'algorithm', 'signature.algorithm'), 'signature.algorithm');
  if (algorithm !== 'Ed25519') throw new BundleFormatError(`signature.algorithm: "${algorithm}" is not supported; bundles are signed with Ed25519.`);
  const keyId = text(member(signature, 'keyId', 'signature.keyId'), 'signature.keyId');
  const publicKey = fromBase64Url(text(member(signature, 'publicKey', 'signature.publicKey'), 'signature.publicKey'));
  if (!publicKey || publicKey.length !== 32) throw new BundleFormatError('signature.publicKey: not a 32-byte base64url Ed25519 key.');
  const world = object(member(r, 'world', 'world'), 'world');
  const seed = object(member(world, 'seed', 'world.seed'), 'world.seed');
  const parameters = object(member(world, 'parameters', 'world.parameters'), 'world.parameters');
  return {
    engines,
    files,
    world: {
      hash: text(member(world, 'hash', 'world.hash'), 'world.hash'),
      seed: text(member(seed, 'text', 'world.seed.text'), 'world.seed.text'),
      seedKind: text(member(seed, 'kind', 'world.seed.kind'), 'world.seed.kind'),
      generator: text(member(world, 'generator', 'world.generator'), 'world.generator'),
      parameters,
    },
    keyId,
    publicKey,
  };
}

function printable(s: string): string {
  return Array.from(s)
    .slice(0, 80)
    .map((c) => {
      const code = c.codePointAt(0)!;
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '?' : c;
    })
    .join('');
}

const fail = (kind: BundleProblemKind, path: string | null, message: string): BundleVerification => ({ valid: false, manifest: null, problems: [{ kind, path, message }] });

function ratioOver(size: number, packed: number, limits: BundleLimits): number | null {
  if (size < limits.ratioFloorBytes) return null;
  const ratio = Math.floor(size / Math.max(1, packed));
  return ratio > limits.maxRatio ? ratio : null;
}

/** A guard for readZipEntry: stops at `max` bytes and at an absurd ratio, whatever the directory declared. */
function guard(entry: ZipEntry, max: number, limits: BundleLimits) {
  return (unpacked: number): string | null => {
    if (unpacked > max) return `Refused: "${entry.name}" unpacks past the ${max}-byte limit.`;
    const ratio = ratioOver(unpacked, entry.compressedSize, limits);
    return ratio === null ? null : `Refused: "${entry.name}" unpacks ${ratio}× its packed size (limit ${limits.maxRatio}×), which looks like a zip bomb.`;
  };
}

/** Reads an entry, turning a limit into an 'unsafe' problem and damage into a 'changed' one. */
async function read(zip: Uint8Array, entry: ZipEntry, max: number, limits: BundleLimits): Promise<{ data: Uint8Array } | { problem: BundleProblem }> {
  try {
    return { data: await readZipEntry(zip, entry, guard(entry, max, limits)) };
  } catch (err) {
    if (err instanceof ZipEntryError && err.kind === 'limit') return { problem: { kind: 'unsafe', path: entry.name, message: err.message } };
    return { problem: { kind: 'changed', path: entry.name, message: `changed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}

/**
 * Verifies a bundle. `trustedKeys` (raw 32-byte Ed25519 keys) limits whose signature counts; without it the key the
 * manifest names is accepted, which proves integrity and says who signed, not that the signer is trusted.
 */
export async function verifyBundle(zip: Uint8Array, options: { trustedKeys?: Uint8Array[]; limits?: BundleLimits } = {}): Promise<BundleVerification> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let all: ZipEntry[];
  try {
    all = readZipDirectory(zip, limits.maxEntries);
  } catch (err) {
    if (err instanceof ZipFormatError) return fail(err.kind, null, err.message);
    throw err;
  }

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  for (const entry of all) {
    // A bundle has no folder entries, but one re-zipped by another tool may; they hold nothing to check.
    if (entry.name.endsWith('/') && entry.size === 0) continue;
    const problem = pathProblem(entry.name);
    if (problem) return fail('unsafe', entry.name, `Refused: unsafe path "${printable(entry.name)}" (${problem}).`);
    if (entries.has(entry.name)) return fail('unsafe', entry.name, `Refused: "${entry.name}" appears more than once.`);
    entries.set(entry.name, entry);
    if (entry.size > limits.maxEntryBytes) return fail('unsafe', entry.name, `Refused: "${entry.name}" is ${entry.size} bytes unpacked, over the ${limits.maxEntryBytes}-byte limit.`);
    const ratio = ratioOver(entry.size, entry.compressedSize, limits);
    if (ratio !== null) return fail('unsafe', entry.name, `Refused: "${entry.name}" unpacks ${ratio}× its packed size (limit ${limits.maxRatio}×), which looks like a zip bomb.`);
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) return fail('unsafe', null, `Refused: the files unpack to more than ${limits.maxTotalBytes} bytes.`);
  }

  const manifestEntry = entries.get(MANIFEST);
  if (!manifestEntry) return fail('malformed', MANIFEST, 'manifest.json is missing: this is not a Worldloom bundle.');
  const manifestMax = Math.min(limits.maxManifestBytes, limits.maxEntryBytes);
  if (manifestEntry.size > manifestMax) return fail('unsafe', MANIFEST, `Refused: "${MANIFEST}" is ${manifestEntry.size} bytes, over the ${manifestMax}-byte limit.`);
  const manifestRead = await read(zip, manifestEntry, manifestMax, limits);
  if ('problem' in manifestRead) return { valid: false, manifest: null, problems: [manifestRead.problem] };
  let manifest: BundleManifest;
  try {
    manifest = parseManifest(manifestRead.data);
  } catch (err) {
    if (err instanceof BundleFormatError) return fail('malformed', MANIFEST, `manifest.json cannot be read: ${err.message}`);
    throw err;
  }

  const problems: BundleProblem[] = [];
  await checkSignature(zip, entries, manifest, manifestRead.data, options.trustedKeys, limits, problems);
  if (problems.some((p) => p.kind === 'unsafe')) return { valid: false, manifest, problems };

  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) {
      problems.push({ kind: 'malformed', path: file.path, message: `manifest.json lists "${file.path}" twice.` });
      continue;
    }
    listed.add(file.path);
    const entry = entries.get(file.path);
    if (!entry) {
      problems.push({ kind: 'missing', path: file.path, message: `missing: ${file.path}` });
      continue;
    }
    const got = await read(zip, entry, limits.maxEntryBytes, limits);
    if ('problem' in got) {
      problems.push(got.problem);
      if (got.problem.kind === 'unsafe') return { valid: false, manifest, problems };
      continue;
    }
    if (got.data.length !== file.size || (await sha256Hex(got.data)) !== file.sha256) {
      problems.push({ kind: 'changed', path: file.path, message: `changed: ${file.path}` });
    }
  }

  for (const path of [...entries.keys()].sort()) {
    if (path !== MANIFEST && path !== SIGNATURE && !listed.has(path)) problems.push({ kind: 'added', path, message: `added: ${path}` });
  }
  return { valid: problems.length === 0, manifest, problems };
}

async function checkSignature(
  zip: Uint8Array,
  entries: Map<string, ZipEntry>,
  manifest: BundleManifest,
  manifestBytes: Uint8Array,
  trustedKeys: Uint8Array[] | undefined,
  limits: BundleLimits,
  problems: BundleProblem[],
): Promise<void> {
  const signatureEntry = entries.get(SIGNATURE);
  if (!signatureEntry) {
    problems.push({ kind: 'signature', path: SIGNATURE, message: 'manifest.sig is missing: the bundle is not signed.' });
    return;
  }
  if (signatureEntry.size > 1024) {
    problems.push({ kind: 'unsafe', path: SIGNATURE, message: `Refused: "${SIGNATURE}" is ${signatureEntry.size} bytes, over the 1024-byte limit.` });
    return;
  }
  const signature = await read(zip, signatureEntry, 1024, limits);
  if ('problem' in signature) {
    problems.push(signature.problem);
    return;
  }
  if ((await thumbprint(manifest.publicKey)) !== manifest.keyId) {
    problems.push({ kind: 'signature', path: MANIFEST, message: `the key id "${manifest.keyId}" does not belong to the public key in manifest.json.` });
  } else if (!(await verifyEd25519(manifest.publicKey, manifestBytes, signature.data))) {
    problems.push({ kind: 'signature', path: SIGNATURE, message: 'bad signature: manifest.sig does not match manifest.json and its key.' });
  } else if (trustedKeys && !trustedKeys.some((k) => k.length === manifest.publicKey.length && k.every((b, i) => b === manifest.publicKey[i]))) {
    problems.push({ kind: 'untrusted-key', path: SIGNATURE, message: `signed by ${manifest.keyId}, which is not a trusted key.` });
  }
}
