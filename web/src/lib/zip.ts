/**
 * A small ZIP reader for checking bundles in the browser: it reads the central directory (never trusting local headers
 * for sizes), and unpacks stored and deflated entries with the platform's DecompressionStream, stopping as soon as an
 * entry grows past what the caller allows. ZIP64, encryption and other methods are refused rather than guessed at.
 */

/** One file as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Uncompressed size as declared; the reader checks it while unpacking. */
  size: number;
  localHeaderOffset: number;
}

/** The file is not a ZIP this reader can read ('malformed'), or one it refuses to walk ('unsafe'). */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly kind: 'malformed' | 'unsafe' = 'malformed',
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

/** Unpacking stopped: the entry broke a limit, or its data is damaged. */
export class ZipEntryError extends Error {
  constructor(
    message: string,
    readonly kind: 'limit' | 'damaged',
  ) {
    super(message);
    this.name = 'ZipEntryError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_EOCD_SEARCH = 22 + 0xffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bytes as text: UTF-8 when the entry says so (bit 11), otherwise one character per byte. */
function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8', { fatal: false }).decode(raw);
  let s = '';
  for (const b of raw) s += String.fromCharCode(b);
  return s;
}

/** The central directory's entries, in directory order. Throws ZipFormatError for anything malformed. */
export function readZipDirectory(bytes: Uint8Array, maxEntries = Number.MAX_SAFE_INTEGER): ZipEntry[] {
  const dv = view(bytes);
  if (bytes.length < 22) throw new ZipFormatError('Not a ZIP archive: the file is too short.');
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - MAX_EOCD_SEARCH); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('Not a ZIP archive: no end of central directory record.');
  const count = dv.getUint16(eocd + 10, true);
  const dirSize = dv.getUint32(eocd + 12, true);
  const dirOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    throw new ZipFormatError('ZIP64 archives are not supported (bundles never need them).');
  }
  if (count > maxEntries) {
    // Refused before walking a directory that claims more entries than anything would accept.
    throw new ZipFormatError(`Refused: ${count} entries, more than the ${maxEntries} a bundle may have.`, 'unsafe');
  }
  if (dirOffset + dirSize > eocd) throw new ZipFormatError("The ZIP's directory is damaged: it runs past its end record.");

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CENTRAL) throw new ZipFormatError(`The ZIP's directory is damaged at entry ${i}.`);
    const flags = dv.getUint16(p + 8, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd) throw new ZipFormatError(`The ZIP's directory is damaged at entry ${i}.`);
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0),
      method: dv.getUint16(p + 10, true),
      flags,
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipFormatError('ZIP64 archives are not supported (bundles never need them).');
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's packed bytes, located through its local header. */
export function packedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL) throw new ZipEntryError(`${entry.name} cannot be unpacked (no local header where the directory says).`, 'damaged');
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipEntryError(`${entry.name} cannot be unpacked (its data runs past the end of the file).`, 'damaged');
  return bytes.subarray(start, end);
}

/**
 * Unpacks an entry. `check(unpackedSoFar)` runs after every chunk and may return a reason to stop (a size or ratio
 * limit), which is thrown as a ZipEntryError of kind 'limit'; damaged data throws one of kind 'damaged'.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, check: (unpacked: number) => string | null = () => null): Promise<Uint8Array> {
  if ((entry.flags & 1) !== 0) throw new ZipEntryError(`${entry.name} is encrypted.`, 'damaged');
  const packed = packedData(bytes, entry);
  if (entry.method === 0) {
    const reason = check(packed.length);
    if (reason) throw new ZipEntryError(reason, 'limit');
    return packed;
  }
  if (entry.method !== 8) throw new ZipEntryError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are read.`, 'damaged');

  const stream = new Blob([packed as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      const reason = check(total);
      if (reason) {
        await reader.cancel().catch(() => undefined);
        throw new ZipEntryError(reason, 'limit');
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ZipEntryError) throw err;
    throw new ZipEntryError(`${entry.name} cannot be unpacked (${err instanceof Error ? err.message : String(err)}).`, 'damaged');
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
