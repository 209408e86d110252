import { PRESETS, type Preset, type StoredParams, type WorldParams } from '../api/forge';
import { humanize } from './biomes';

export const MIN_SIZE = 64;
export const MAX_SIZE = 4096;
export const SIZE_PRESETS = [128, 256, 512, 1024] as const;
/** The server previews at most this many cells per side. */
export const MAX_PREVIEW_SIDE = 256;

export type SliderKey = 'seaLevel' | 'roughness' | 'temperatureBias' | 'moistureBias' | 'settlementDensity' | 'factionCount';

export interface SliderSpec {
  key: SliderKey;
  label: string;
  min: number;
  max: number;
  hint: string;
}

/** Ranges from WorldParameters.Validate (docs/forge.md, "Parameters"). */
export const SLIDERS: readonly SliderSpec[] = [
  { key: 'seaLevel', label: 'Sea level', min: 0, max: 100, hint: 'Share of the elevation range under water.' },
  { key: 'roughness', label: 'Roughness', min: 0, max: 100, hint: 'Weight of the fine noise: smooth plains to jagged coasts.' },
  { key: 'temperatureBias', label: 'Temperature bias', min: -100, max: 100, hint: 'Colder or warmer everywhere.' },
  { key: 'moistureBias', label: 'Moisture bias', min: -100, max: 100, hint: 'Drier or wetter everywhere.' },
  { key: 'settlementDensity', label: 'Settlement density', min: 0, max: 100, hint: 'How many towns and villages.' },
  { key: 'factionCount', label: 'Factions', min: 1, max: 32, hint: 'Powers holding the regions.' },
];

export interface WorldForm {
  seed: string;
  name: string;
  /** As typed, so a half-typed number is not reset under the cursor. */
  size: string;
  preset: Preset;
  seaLevel: number;
  roughness: number;
  temperatureBias: number;
  moistureBias: number;
  settlementDensity: number;
  factionCount: number;
}

export const DEFAULT_FORM: WorldForm = {
  seed: '',
  name: '',
  size: '256',
  preset: 'continent',
  seaLevel: 50,
  roughness: 50,
  temperatureBias: 0,
  moistureBias: 0,
  settlementDensity: 50,
  factionCount: 4,
};

export function presetLabel(p: string): string {
  return humanize(p);
}

export function isPreset(v: string): v is Preset {
  return (PRESETS as readonly string[]).includes(v);
}

/** A whole number within [MIN_SIZE, MAX_SIZE], or null. */
export function parseSize(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= MIN_SIZE && n <= MAX_SIZE ? n : null;
}

/** Client-side checks mirroring the server's, keyed by the server's field names. */
export function validateWorldForm(f: WorldForm): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (!f.seed.trim()) errors.seed = ['Enter a seed: a number or any text.'];
  else if (f.seed.length > 256) errors.seed = ['Use at most 256 characters.'];
  if (parseSize(f.size) === null) errors.size = [`Enter a whole number from ${MIN_SIZE} to ${MAX_SIZE}.`];
  if (f.name.length > 200) errors.name = ['Use at most 200 characters.'];
  return errors;
}

function params(f: WorldForm, size: number): WorldParams {
  return {
    size,
    preset: f.preset,
    seaLevel: f.seaLevel,
    roughness: f.roughness,
    temperatureBias: f.temperatureBias,
    moistureBias: f.moistureBias,
    settlementDensity: f.settlementDensity,
    factionCount: f.factionCount,
  };
}

/**
 * The body of POST /worlds. The seed goes as a string: the server reads canonical decimal text as the integer seed
 * (so "42" is 42) and JSON numbers past 2^53 would lose digits in the browser.
 */
export function worldRequest(f: WorldForm): WorldParams & { seed: string; name?: string } {
  const body: WorldParams & { seed: string; name?: string } = { seed: f.seed.trim(), ...params(f, parseSize(f.size) ?? 256) };
  if (f.name.trim()) body.name = f.name.trim();
  return body;
}

/** The preview body: the same world at min(size, 256) cells per side, or null while the form is not valid. */
export function previewRequest(f: WorldForm): (WorldParams & { seed: string }) | null {
  const size = parseSize(f.size);
  if (size === null || !f.seed.trim()) return null;
  return { seed: f.seed.trim(), ...params(f, Math.min(size, MAX_PREVIEW_SIDE)) };
}

/** A stable key for a preview body, so an unchanged form never refetches. */
export function previewKey(body: object | null): string {
  return body ? JSON.stringify(body) : '';
}

/** A world request that regenerates `seed` with the stored parameters of a batch (or another world). */
export function requestFromStored(seed: string, p: StoredParams, name?: string): WorldParams & { seed: string; name?: string } {
  const body: WorldParams & { seed: string; name?: string } = {
    seed,
    width: p.width,
    height: p.height,
    preset: p.preset,
    seaLevel: p.seaLevel,
    roughness: p.roughness,
    temperatureBias: p.temperatureBias,
    moistureBias: p.moistureBias,
    settlementDensity: p.settlementDensity,
    factionCount: p.factionCount,
  };
  if (name) body.name = name;
  return body;
}

/** A random integer seed below a million, easy to read back and type. */
export function randomSeed(random: () => number = Math.random): string {
  return String(Math.floor(random() * 1_000_000));
}

/** "256×256 continent" */
export function describeParams(p: Pick<StoredParams, 'width' | 'height' | 'preset'>): string {
  return `${p.width}×${p.height} ${presetLabel(p.preset).toLowerCase()}`;
}

/** Seeds for a batch: "1..100" stays a range; "1, 5, 9" becomes a list; anything else is sent as typed. */
export function parseBatchSeeds(text: string): string | string[] | null {
  const t = text.trim();
  if (!t) return null;
  if (/^-?\d+\s*\.\.\s*-?\d+$/.test(t)) return t.replace(/\s+/g, '');
  if (t.includes(',')) {
    const parts = t.split(',').map((s) => s.trim()).filter(Boolean);
    return parts.length ? parts : null;
  }
  return [t];
}
