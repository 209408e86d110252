import { fetchBlob } from '../../api/forge';

interface Entry {
  bitmap: ImageBitmap | null;
  ctrl: AbortController | null;
  failed: boolean;
}

/**
 * Map tiles fetched with the token and kept as bitmaps, least recently used dropped past `max`. `want` starts the
 * tiles in view and aborts those that left it before arriving, so a fast pan does not queue a trail of stale tiles.
 */
export class TileCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly onLoad: () => void,
    private readonly max = 384,
  ) {}

  get(key: string): ImageBitmap | null {
    const e = this.entries.get(key);
    if (!e?.bitmap) return null;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.bitmap;
  }

  want(tiles: { key: string; path: string }[]): void {
    const wanted = new Set(tiles.map((t) => t.key));
    for (const [key, e] of this.entries) {
      if (e.ctrl && !wanted.has(key)) {
        e.ctrl.abort();
        this.entries.delete(key);
      }
    }
    for (const t of tiles) {
      if (this.entries.has(t.key)) continue;
      const ctrl = new AbortController();
      const entry: Entry = { bitmap: null, ctrl, failed: false };
      this.entries.set(t.key, entry);
      fetchBlob(t.path, ctrl.signal)
        .then((blob) => createImageBitmap(blob))
        .then((bitmap) => {
          entry.ctrl = null;
          if (ctrl.signal.aborted) return bitmap.close();
          entry.bitmap = bitmap;
          this.evict();
          this.onLoad();
        })
        .catch(() => {
          entry.ctrl = null;
          entry.failed = true; // kept, so a tile that fails is not asked for again on every frame
        });
    }
  }

  clear(): void {
    for (const e of this.entries.values()) {
      e.ctrl?.abort();
      e.bitmap?.close();
    }
    this.entries.clear();
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.entries.size <= this.max) break;
      if (e.ctrl) continue;
      e.bitmap?.close();
      this.entries.delete(key);
    }
  }
}
