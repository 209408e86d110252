import type { BatchItem } from '../api/forge';
import { BIOME_NAMES, humanize } from './biomes';

export interface SortOption {
  value: string;
  label: string;
}

/** The columns GET /api/batches/{id}?sort= takes, besides biome:<name>. */
export const BASE_SORTS: readonly SortOption[] = [
  { value: 'index', label: 'Batch order' },
  { value: 'seed', label: 'Seed' },
  { value: 'landPermille', label: 'Land share' },
  { value: 'settlements', label: 'Settlements' },
  { value: 'rivers', label: 'Rivers' },
  { value: 'factions', label: 'Factions' },
  { value: 'hash', label: 'Hash' },
];

/** Base columns then one "Biome: …" option per biome that any item has, in biome byte order. */
export function sortOptions(items: readonly BatchItem[]): SortOption[] {
  const present = new Set<string>();
  for (const item of items) for (const [name, v] of Object.entries(item.biomes)) if (v > 0) present.add(name);
  const known = BIOME_NAMES.filter((b) => present.has(b));
  const unknown = [...present].filter((b) => !(BIOME_NAMES as readonly string[]).includes(b)).sort();
  return [...BASE_SORTS, ...[...known, ...unknown].map((b) => ({ value: `biome:${b}`, label: `Biome: ${humanize(b)}` }))];
}

export type SortOrder = 'asc' | 'desc';

/** Read sort and order from URL parameters, falling back to batch order for anything the server would refuse. */
export function parseSort(sort: string | null, order: string | null): { sort: string; order: SortOrder } {
  const validSort =
    sort !== null && (BASE_SORTS.some((o) => o.value === sort) || (sort.startsWith('biome:') && (BIOME_NAMES as readonly string[]).includes(sort.slice(6))));
  return { sort: validSort ? sort : 'index', order: order === 'desc' ? 'desc' : 'asc' };
}

/** The number a sort column shows under a thumbnail, when it is not already among the usual ones. */
export function sortValue(item: BatchItem, sort: string): number | null {
  if (sort.startsWith('biome:')) return item.biomes[sort.slice(6)] ?? 0;
  return null;
}
