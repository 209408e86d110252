/** Biome wire names in byte order (index = the byte in the `biomes` layer), as BiomeNames.cs spells them. */
export const BIOME_NAMES = [
  'ocean',
  'shallow_sea',
  'sea_ice',
  'beach',
  'snow',
  'tundra',
  'taiga',
  'grassland',
  'shrubland',
  'temperate_forest',
  'temperate_rainforest',
  'desert',
  'savanna',
  'tropical_forest',
  'tropical_rainforest',
  'wetland',
  'alpine',
] as const;

export type BiomeName = (typeof BIOME_NAMES)[number];

/** The renderer's biome colours (MapPalette.cs), so legends and mix bars match the map. */
const BIOME_COLOURS: Record<BiomeName, string> = {
  ocean: '#285696',
  shallow_sea: '#5492c8',
  sea_ice: '#deeaf4',
  beach: '#e2d4a4',
  snow: '#f4f6fa',
  tundra: '#aab296',
  taiga: '#4e7054',
  grassland: '#9cbc66',
  shrubland: '#b4ac74',
  temperate_forest: '#568e4a',
  temperate_rainforest: '#32724c',
  desert: '#ead094',
  savanna: '#ccba68',
  tropical_forest: '#5c963e',
  tropical_rainforest: '#246e3a',
  wetland: '#688c76',
  alpine: '#9c948e',
};

export function biomeName(byte: number): string {
  return BIOME_NAMES[byte] ?? `biome ${byte}`;
}

/** "temperate_forest" → "Temperate forest". */
export function humanize(name: string): string {
  const s = name.replace(/_/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function biomeColour(name: string): string {
  return (BIOME_COLOURS as Record<string, string>)[name] ?? '#c8c8c8';
}

export function isWaterBiome(name: string): boolean {
  return name === 'ocean' || name === 'shallow_sea' || name === 'sea_ice';
}

export interface MixSegment {
  name: string;
  permille: number;
  colour: string;
}

/** Biome shares for a mix bar: largest first, ties by byte order, zero shares dropped. */
export function biomeMix(biomes: Record<string, number> | null | undefined): MixSegment[] {
  if (!biomes) return [];
  const order = (n: string) => {
    const i = (BIOME_NAMES as readonly string[]).indexOf(n);
    return i === -1 ? BIOME_NAMES.length : i;
  };
  return Object.entries(biomes)
    .filter(([, v]) => v > 0)
    .sort(([a, x], [b, y]) => y - x || order(a) - order(b))
    .map(([name, permille]) => ({ name, permille, colour: biomeColour(name) }));
}

/** 412 → "41.2%"; null → "—". */
export function formatPermille(permille: number | null | undefined): string {
  if (permille === null || permille === undefined || !Number.isFinite(permille)) return '—';
  return `${(permille / 10).toFixed(1)}%`;
}

/** 0x4a56d6 → "#4a56d6". */
export function factionColour(color: number): string {
  return `#${(color & 0xffffff).toString(16).padStart(6, '0')}`;
}
