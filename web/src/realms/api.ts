/** The Realms REST endpoints (docs/realms.md "Server"), over the shared API client. Shapes follow src/Worldloom.Realms. */
import { api } from '../api/client';
import { decodeZoneMap, type ZoneLayers, type ZoneMapJson } from './terrain';

export type RealmPreset = 'world' | 'test-area';

/** Who may play: `public` realms are listed to and playable by every signed-in user, `private` ones by the owner. */
export type RealmVisibility = 'public' | 'private';

export interface ZoneSummary {
  x: number;
  y: number;
  width: number;
  height: number;
  exits: { edge: string; x: number; y: number }[];
  spawns: number;
  players: number;
}

export interface RealmView {
  id: string;
  name: string;
  preset: RealmPreset;
  visibility: RealmVisibility;
  /** Whether the caller owns it (the list holds the caller's realms and everybody's public ones). */
  mine: boolean;
  worldId: string;
  worldHash: string;
  projectId: string | null;
  ownerId: string;
  columns: number;
  rows: number;
  createdAt: string;
  /** Only on the single-realm read. */
  zones?: ZoneSummary[] | null;
}

export interface CharacterView {
  id: string;
  realmId: string;
  name: string;
  class: string;
  hp: number | null;
  mana: number | null;
  zoneX: number;
  zoneY: number;
  positionX: number | null;
  positionY: number | null;
  updatedAt: string;
}

/** The classes a character may take (the server checks; the Mage is the only one so far). */
export const CLASSES = ['mage'] as const;

const enc = encodeURIComponent;

export const realmsApi = {
  list: () => api.get<RealmView[]>('/api/realms'),
  get: (id: string) => api.get<RealmView>(`/api/realms/${enc(id)}`),
  create: (body: { worldId: string; name: string; preset: RealmPreset; visibility?: RealmVisibility }) => api.post<RealmView>('/api/realms', body),
  characters: (realmId: string) => api.get<CharacterView[]>(`/api/realms/${enc(realmId)}/characters`),
  createCharacter: (realmId: string, body: { name: string; class: string }) =>
    api.post<CharacterView>(`/api/realms/${enc(realmId)}/characters`, body),
  zoneMap: async (realmId: string, x: number, y: number, signal?: AbortSignal): Promise<ZoneLayers> =>
    decodeZoneMap(await api.get<ZoneMapJson>(`/api/realms/${enc(realmId)}/zones/${x}/${y}/map`, { signal })),
};
