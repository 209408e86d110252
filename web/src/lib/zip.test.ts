import { describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry, ZipEntryError, ZipFormatError } from './zip';
import { writeZip } from './testBundles';

const enc = new TextEncoder();
const text = (s: string) => enc.encode(s);

describe('readZipDirectory / readZipEntry', () => {
  it('reads the names, methods and sizes of stored and deflated entries, and unpacks both', async () => {
    const big = text('tile,'.repeat(2000));
    const zip = await writeZip([
      { name: 'a.txt', data: text('hello'), store: true },
      { name: 'dir/b.csv', data: big },
    ]);

    const entries = readZipDirectory(zip);

    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.txt', 0, 5],
      ['dir/b.csv', 8, big.length],
    ]);
    expect(entries[1].compressedSize).toBeLessThan(big.length / 10);
    expect(new TextDecoder().decode(await readZipEntry(zip, entries[0]))).toBe('hello');
    expect(await readZipEntry(zip, entries[1])).toEqual(big);
  });

  it('stops unpacking as soon as the check objects, whatever the directory declared', async () => {
    const zip = await writeZip([{ name: 'bomb.bin', data: new Uint8Array(4 << 20), declaredSize: 10 }]);
    const [entry] = readZipDirectory(zip);
    let largest = 0;

    const error = await readZipEntry(zip, entry, (n) => {
      largest = n;
      return n > 100_000 ? 'too big' : null;
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ZipEntryError);
    expect((error as ZipEntryError).kind).toBe('limit');
    expect((error as ZipEntryError).message).toBe('too big');
    expect(largest).toBeLessThan(4 << 20);
  });

  it('reports damaged deflate data as damaged, not as a crash', async () => {
    const zip = await writeZip([{ name: 'x.txt', data: text('some text that deflates '.repeat(20)) }]);
    const [entry] = readZipDirectory(zip);
    const data = zip.slice();
    data.fill(0xff, 40, 60); // inside the packed data, after the 30-byte local header and the name

    const error = await readZipEntry(data, entry).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ZipEntryError);
    expect((error as ZipEntryError).kind).toBe('damaged');
  });

  it('refuses what is not a ZIP, a cut-off directory, ZIP64 markers and too many entries', async () => {
    expect(() => readZipDirectory(text('PK but not really a zip file at all'))).toThrow(ZipFormatError);
    const zip = await writeZip([{ name: 'a.txt', data: text('a'), store: true }, { name: 'b.txt', data: text('b'), store: true }]);
    const cut = zip.slice();
    new DataView(cut.buffer).setUint32(cut.length - 22 + 16, 1, true); // directory offset into the middle of a file
    expect(() => readZipDirectory(cut)).toThrow(/damaged/);
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(zip64.length - 22 + 16, 0xffffffff, true);
    expect(() => readZipDirectory(zip64)).toThrow(/ZIP64/);
    const many = (() => {
      try {
        readZipDirectory(zip, 1);
        return null;
      } catch (e) {
        return e as ZipFormatError;
      }
    })();
    expect(many?.kind).toBe('unsafe');
    expect(many?.message).toMatch(/2 entries/);
  });
});
