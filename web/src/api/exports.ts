/**
 * Forge exports: engines by tier, starting an export (a job), following it, listing a world's exports and downloading
 * the signed bundle. Shapes follow src/Worldloom.Forge/Exports.
 */
import { api } from './client';
import type { Tier } from './types';

export interface ExportEngine {
  name: string;
  title: string;
  unlocked: boolean;
}

export interface ExportEngines {
  tier: Tier;
  requiredTier: Tier;
  engines: ExportEngine[];
}

export type EngineRunStatus = 'queued' | 'running' | 'done';

export interface EngineStatus {
  engine: string;
  title: string;
  status: EngineRunStatus;
  files: number;
  bytes: number;
}

export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

export interface ExportBundle {
  sha256: string;
  size: number;
  keyId: string;
  files: number;
  fileName: string;
}

export interface ExportView {
  id: string;
  worldId: string;
  snapshot: number;
  worldHash: string;
  engines: string[];
  status: ExportStatus;
  progress: number;
  stage: string;
  error: string | null;
  jobId: string | null;
  engineStatus: EngineStatus[];
  bundle: ExportBundle | null;
  statusUrl: string;
  downloadUrl: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ExportStarted {
  exportId: string;
  jobId: string;
  status: string;
  download: string;
}

const enc = encodeURIComponent;

export const exportsApi = {
  engines: () => api.get<ExportEngines>('/api/exports/engines'),
  start: (worldId: string, engines: string[], snapshot?: number) =>
    api.post<ExportStarted>(`/api/worlds/${enc(worldId)}/exports`, { engines, snapshot }),
  get: (id: string, signal?: AbortSignal) => api.get<ExportView>(`/api/exports/${enc(id)}`, { signal }),
  list: (worldId: string) => api.get<ExportView[]>(`/api/worlds/${enc(worldId)}/exports`),
  /** The bundle with the bearer token (a plain link could not send it), and the name the server offers it under. */
  download: async (view: ExportView): Promise<{ blob: Blob; fileName: string }> => {
    const res = await api.raw('GET', view.downloadUrl ?? `/api/exports/${enc(view.id)}/download`, undefined, { headers: { Accept: 'application/zip' } });
    return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('content-disposition')) ?? view.bundle?.fileName ?? 'bundle.zip' };
  },
};

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` preferred), or null. */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*("?)([^";]+)\1/i.exec(header);
  return plain ? plain[2].trim() : null;
}
