/**
 * Forge API: worlds, their features and history, maps, previews and batches. Shapes follow
 * src/Worldloom.Forge (camelCase JSON, enums in snake_case).
 */
import { api } from './client';
import type { Job } from './types';

export const PRESETS = ['continent', 'archipelago', 'highlands', 'desert', 'frozen_north'] as const;
export type Preset = (typeof PRESETS)[number];

export const MAP_LAYERS = ['biomes', 'height', 'rivers', 'political', 'settlements'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** The generation parameters as the API takes them; every field optional server-side. */
export interface WorldParams {
  size?: number;
  width?: number;
  height?: number;
  preset: Preset;
  seaLevel: number;
  roughness: number;
  temperatureBias: number;
  moistureBias: number;
  settlementDensity: number;
  factionCount: number;
}

/** Parameters as the server echoes them (width and height explicit). */
export interface StoredParams {
  width: number;
  height: number;
  preset: Preset;
  seaLevel: number;
  roughness: number;
  temperatureBias: number;
  moistureBias: number;
  settlementDensity: number;
  factionCount: number;
}

export interface WorldSummary {
  landPermille: number | null;
  settlements: number;
  rivers: number;
  lakes: number;
  regions: number;
  factions: number;
  npcs: number;
  species: number;
  pointsOfInterest: number;
  biomes: Record<string, number>;
}

export type WorldStatus = 'generating' | 'ready' | 'failed';

export interface WorldView {
  id: string;
  projectId: string;
  name: string;
  seed: string;
  parameters: StoredParams;
  hasRules: boolean;
  status: WorldStatus;
  head: number;
  hash: string | null;
  error: string | null;
  jobId: string | null;
  summary: WorldSummary | null;
  createdAt: string;
  updatedAt: string;
}

export interface Cell {
  x: number;
  y: number;
}

export type SettlementSize = 'hamlet' | 'village' | 'town' | 'city';

export interface Settlement {
  id: string;
  name: string;
  location: Cell;
  size: SettlementSize;
  population: number;
  culture: string;
  biome: string;
  coastal: boolean;
  freshWater: boolean;
  regionId: string | null;
  factionId: string | null;
  isCapital: boolean;
}

export interface Region {
  id: string;
  name: string;
  seatId: string;
  factionId: string;
  biome: string;
  cells: number;
}

export interface FactionRelation {
  factionId: string;
  standing: number;
  stance: string;
}

export interface Faction {
  id: string;
  name: string;
  culture: string;
  capitalId: string;
  /** 0xRRGGBB */
  color: number;
  relations: FactionRelation[];
}

export interface QuestHook {
  text: string;
  npcIds: string[];
  settlementIds: string[];
  speciesId: string | null;
}

export interface PointOfInterest {
  id: string;
  kind: string;
  name: string;
  location: Cell;
  regionId: string | null;
  hook: QuestHook;
}

export interface RiverSummary {
  id: string;
  name: string;
  length: number;
  mouth: string;
  lakeId: string | null;
  flow: number;
  source: Cell;
  end: Cell;
}

export interface Lake {
  id: string;
  name: string;
  centre: Cell;
  cells: number;
  surface: number;
}

export interface Species {
  id: string;
  name: string;
  family: string;
  threat: number;
  biomes: string[];
}

export interface WorldFeatures {
  hash: string;
  width: number;
  height: number;
  settlements: Settlement[];
  regions: Region[];
  factions: Faction[];
  rivers: RiverSummary[];
  lakes: Lake[];
  roads: number;
  pointsOfInterest: PointOfInterest[];
  bestiary: Species[];
}

export interface NpcRelationship {
  npcId: string;
  kind: string;
}

export interface Npc {
  id: string;
  name: string;
  culture: string;
  settlementId: string;
  role: string;
  traits: string[];
  factionId: string | null;
  age: number;
  relationships: NpcRelationship[];
}

export type SnapshotKind = 'generated' | 'edited' | 'rollback';

export interface Snapshot {
  number: number;
  kind: SnapshotKind;
  restoredFrom: number | null;
  message: string | null;
  hash: string;
  overrides: number;
  summary: WorldSummary;
  createdBy: string;
  createdAt: string;
  isHead: boolean;
}

export interface WorldChange {
  kind: string;
  subject: string;
  text: string;
}

export interface WorldDiff {
  from: number;
  to: number | null;
  summary: string;
  counts: Record<string, number>;
  changes: WorldChange[];
}

/** One override as WorldOverrideJson reads it. */
export type WorldOverride =
  | { kind: 'rename_settlement'; settlementId: string; name: string }
  | { kind: 'move_settlement'; settlementId: string; to: Cell }
  | { kind: 'delete_settlement'; settlementId: string }
  | { kind: 'add_poi'; poiKind: string; name: string; location: Cell; hookText?: string }
  | { kind: 'set_region_biome'; regionId: string; biome: string }
  | { kind: 'set_region_faction'; regionId: string; factionId: string }
  | { kind: 'pin_npc_traits'; npcId: string; traits: string[] }
  | { kind: 'set_cell_biome'; cell: Cell; biome: string };

export interface BatchItem {
  index: number;
  seed: string;
  hash: string;
  landPermille: number;
  settlements: number;
  rivers: number;
  factions: number;
  biomes: Record<string, number>;
  thumbnail: string;
}

export interface BatchView {
  id: string;
  projectId: string;
  parameters: StoredParams;
  seeds: number;
  jobId: string;
  job: Job | null;
  createdAt: string;
  items: BatchItem[];
}

export type Seed = number | string;

const enc = encodeURIComponent;

export const forgeApi = {
  listWorlds: (projectId: string) => api.get<WorldView[]>(`/api/projects/${enc(projectId)}/worlds`),
  createWorld: (projectId: string, body: WorldParams & { seed: Seed; name?: string }) =>
    api.post<WorldView>(`/api/projects/${enc(projectId)}/worlds`, body),
  getWorld: (id: string) => api.get<WorldView>(`/api/worlds/${enc(id)}`),
  features: (id: string) => api.get<WorldFeatures>(`/api/worlds/${enc(id)}/features`),
  npcs: (id: string, settlementId: string) => api.get<Npc[]>(`/api/worlds/${enc(id)}/npcs?settlement=${enc(settlementId)}`),
  document: (id: string, signal?: AbortSignal) => api.get<WorldDocument>(`/api/worlds/${enc(id)}/document`, { signal }),
  snapshots: (id: string) => api.get<Snapshot[]>(`/api/worlds/${enc(id)}/snapshots`),
  diff: (id: string, from: number, to: number) => api.get<WorldDiff>(`/api/worlds/${enc(id)}/diff?from=${from}&to=${to}`),
  appendOverrides: (id: string, base: number, overrides: WorldOverride[], message?: string) =>
    api.post<Snapshot>(`/api/worlds/${enc(id)}/overrides`, { base, overrides, message }),
  rollback: (id: string, number: number, base: number) => api.post<Snapshot>(`/api/worlds/${enc(id)}/snapshots/${number}/rollback`, { base }),
  listBatches: (projectId: string) => api.get<BatchView[]>(`/api/projects/${enc(projectId)}/batches`),
  createBatch: (projectId: string, body: Partial<WorldParams> & { seeds: string | Seed[] }) =>
    api.post<BatchView>(`/api/projects/${enc(projectId)}/batches`, body),
  getBatch: (id: string, sort: string, order: 'asc' | 'desc') =>
    api.get<BatchView>(`/api/batches/${enc(id)}?sort=${enc(sort)}&order=${order}`),
  cancelBatch: (id: string) => api.del(`/api/batches/${enc(id)}`),
  tileUrl: (id: string, layer: MapLayer, z: number, x: number, y: number, hash?: string | null) =>
    `/api/worlds/${enc(id)}/tiles/${layer}/${z}/${x}/${y}.png${hash ? `?v=${hash.slice(0, 12)}` : ''}`,
  mapUrl: (id: string, layer: MapLayer, maxSide?: number, hash?: string | null) =>
    `/api/worlds/${enc(id)}/map.png?layer=${layer}${maxSide ? `&maxSide=${maxSide}` : ''}${hash ? `&v=${hash.slice(0, 12)}` : ''}`,
};

/** The layers of the canonical world document that the viewer reads (the rest is ignored). */
export interface DocumentLayer {
  data: string;
  encoding: 'u8' | 'i8' | 'u16le' | 'u32le';
  width: number;
  height: number;
}

export interface WorldDocument {
  seaLevel?: number;
  layers: Partial<Record<'height' | 'biomes' | 'temperature' | 'moisture' | 'flow' | 'lakes' | 'regions', DocumentLayer>>;
}

/** GET an image (or any binary) with the bearer token; images can't send headers from an <img src>. */
export async function fetchBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const res = await api.raw('GET', path, undefined, { signal, headers: { Accept: 'image/png,*/*' } });
  return res.blob();
}

/** POST a preview request: the PNG and the server's generation time from Server-Timing. */
export async function fetchPreview(body: WorldParams & { seed: Seed; layer: MapLayer }, signal?: AbortSignal): Promise<{ blob: Blob; serverMs: number | null }> {
  const res = await api.raw('POST', '/api/forge/preview', body, { signal, headers: { Accept: 'image/png' } });
  return { blob: await res.blob(), serverMs: parseServerTiming(res.headers.get('server-timing'), 'forge') };
}

/** The `dur` of metric `name` in a Server-Timing header ("forge;dur=12.3, db;dur=1"), or null. */
export function parseServerTiming(header: string | null, name: string): number | null {
  if (!header) return null;
  for (const metric of header.split(',')) {
    const [metricName, ...params] = metric.split(';').map((s) => s.trim());
    if (metricName !== name) continue;
    for (const p of params) {
      const m = /^dur=("?)([0-9]+(?:\.[0-9]+)?)\1$/.exec(p);
      if (m) return Number(m[2]);
    }
  }
  return null;
}
