import { api } from '../api/client';
import { ProblemError } from '../api/problem';
import { isTerminal, type Job } from '../api/types';
import { readSse } from './sse';

/** Parse one SSE `data:` payload into a Job, or null if it is not a job object. */
export function parseJobEvent(data: string): Job | null {
  try {
    const v = JSON.parse(data) as Partial<Job>;
    if (v && typeof v === 'object' && typeof v.id === 'string' && typeof v.status === 'string') {
      return { ...v, progress: typeof v.progress === 'number' ? v.progress : 0 } as Job;
    }
  } catch {
    /* not JSON */
  }
  return null;
}

/** Merge a fresh copy of a job into a list, keeping the newer of the two by updatedAt. */
export function mergeJob(list: Job[], job: Job, preferIncoming = true): Job[] {
  const i = list.findIndex((j) => j.id === job.id);
  if (i === -1) return [job, ...list];
  const cur = list[i];
  if (!preferIncoming && (cur.updatedAt ?? '') > (job.updatedAt ?? '')) return list;
  // Never move a finished job back to running because of an out-of-order event.
  if (isTerminal(cur.status) && !isTerminal(job.status)) return list;
  const copy = list.slice();
  copy[i] = job;
  return copy;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

/**
 * Follow a job's event stream using fetch() (so the bearer token stays in a header), reconnecting
 * with backoff until the job reaches a terminal state or the signal aborts.
 */
export async function watchJob(id: string, onJob: (job: Job) => void, signal: AbortSignal): Promise<void> {
  let delay = 1000;
  let done = false;
  while (!signal.aborted && !done) {
    try {
      const res = await api.raw('GET', `/api/jobs/${encodeURIComponent(id)}/events`, undefined, {
        signal,
        headers: { Accept: 'text/event-stream' },
      });
      await readSse(res, (ev) => {
        const job = parseJobEvent(ev.data);
        if (job) {
          delay = 1000;
          onJob(job);
          if (isTerminal(job.status)) done = true;
        }
      });
      if (done) return;
      await sleep(delay, signal);
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ProblemError && [401, 403, 404, 410].includes(err.status)) return;
      await sleep(delay, signal);
    }
    delay = Math.min(delay * 2, 30_000);
  }
}

const STAGE_LABELS: Record<string, string> = {
  queued: 'Waiting for a worker',
  starting: 'Starting',
  heightmap: 'Heightmap',
  climate: 'Climate',
  biomes: 'Biomes',
  hydrology: 'Rivers and lakes',
  settlements: 'Settlements',
  roads: 'Roads',
  regions: 'Regions and factions',
  npcs: 'NPCs',
  bestiary: 'Bestiary',
  pois: 'Points of interest',
  storing: 'Storing the world',
  narrate: 'Writing the shot plan',
  validate: 'Checking continuity',
  render: 'Rendering',
  package: 'Packaging the video',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A pipeline stage name as a person reads it: "hydrology" → "Rivers and lakes"; unknown names are capitalised. */
export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return '';
  const known = STAGE_LABELS[stage];
  if (known) return known;
  const s = stage.replace(/[_.]/g, ' ');
  return s[0].toUpperCase() + s.slice(1);
}
