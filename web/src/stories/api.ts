/**
 * The Stories REST endpoints (docs/stories.md, "The server module (`Worldloom.Stories`) — contract"), over the shared
 * API client. Shapes follow the contract's model; every request carries the bearer token in a header.
 */
import { api as sharedClient, type ApiClient } from '../api/client';
import type { BibleDocument, BibleEdit } from './bible';

export type SceneVisibility = 'public' | 'private';
export type SceneStatus = 'active' | 'removed';
export type SegmentStatus = 'queued' | 'generating' | 'ready' | 'blocked' | 'failed' | 'removed';

export interface Topic {
  id: string;
  slug: string;
  title: string;
  description: string;
  sceneCount: number;
}

/** One continuity finding: a rule the plan broke (violation) or a value the validator set right (correction). */
export interface ContinuityFinding {
  message: string;
  path: string;
  rule: string;
  ruleText?: string | null;
  shot?: number | null;
  from?: string | null;
  to?: string | null;
}

export interface ContinuityReport {
  passed: boolean;
  corrections: ContinuityFinding[];
  violations: ContinuityFinding[];
  bibleVersion?: number;
}

export interface Segment {
  id: string;
  /** The scene that made it (a fork shows its parent's first segments, made by the parent). */
  sceneId: string;
  /** 1-based position within the scene that shows it; blocked and failed segments take none (null or 0). */
  index: number | null;
  prompt: string;
  status: SegmentStatus;
  jobId: string | null;
  durationMs?: number | null;
  summary?: string | null;
  continuity?: ContinuityReport | null;
  error?: string | null;
  createdBy: string;
  createdAt: string;
  /** The poster's media path, once the segment is ready. */
  posterUrl?: string | null;
}

export interface Scene {
  id: string;
  title: string;
  logline?: string | null;
  topicId?: string | null;
  worldId?: string | null;
  visibility: SceneVisibility;
  ownerId: string;
  ownerName: string;
  seed: number | string;
  parentSceneId?: string | null;
  forkedAtSegment?: number | null;
  rootSceneId: string;
  status: SceneStatus;
  createdAt: string;
  bibleVersion?: number;
  /** The poster's media path (the first ready segment's), or null before one is ready. */
  posterUrl?: string | null;
  segments: Segment[];
}

/** A scene in the list: the scene without (or with) its segments, and the poster that stands for it. */
export interface SceneSummary extends Omit<Scene, 'segments'> {
  segments?: Segment[] | null;
  segmentCount?: number;
}

export interface SceneQuery {
  topic?: string;
  mine?: boolean;
  q?: string;
  before?: string;
  limit?: number;
}

export interface CreateSceneRequest {
  title: string;
  prompt: string;
  logline?: string;
  topicId?: string;
  worldId?: string;
  visibility?: SceneVisibility;
}

export interface TreeNode {
  sceneId: string;
  /** Null for a branch the caller may not see that still holds visible forks. */
  title: string | null;
  forkedAtSegment: number | null;
  segmentCount: number;
  ownerName: string | null;
  hidden?: boolean;
  children: TreeNode[];
}

export interface SceneTree {
  root: TreeNode;
  current: string;
}

/** A bible with the version its ETag names, for a later If-Match. */
export interface VersionedBible {
  bible: BibleDocument;
  etag: string | null;
}

export type ReportAction = 'approve' | 'remove' | 'ban';

export interface StoryReport {
  id: string;
  sceneId: string;
  segmentId?: string | null;
  reporterId: string;
  authorId: string;
  reason: string;
  status: string;
  resolution?: string | null;
  note?: string | null;
  createdAt: string;
  resolvedAt?: string | null;
  sceneTitle?: string | null;
  /** The reported segment's prompt, or the scene's first. */
  prompt?: string | null;
}

const enc = encodeURIComponent;

/** The query string of a scene list request, leaving out what is unset. */
export function sceneQueryString(q: SceneQuery): string {
  const p = new URLSearchParams();
  if (q.topic) p.set('topic', q.topic);
  if (q.mine) p.set('mine', 'true');
  if (q.q?.trim()) p.set('q', q.q.trim());
  if (q.before) p.set('before', q.before);
  if (q.limit !== undefined) p.set('limit', String(q.limit));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Path of a segment's file (poster.png, thumb_01.jpg, video_000.ts, ...) under the API. */
export function segmentMediaPath(segmentId: string, name: string): string {
  return `/api/stories/segments/${enc(segmentId)}/media/${enc(name)}`;
}

/** Path of the stitched master playlist of a scene. */
export function playlistPath(sceneId: string): string {
  return `/api/stories/scenes/${enc(sceneId)}/playlist.m3u8`;
}

/** Path of an entity's portrait; `version` only makes the URL change when the bible does (the server ignores it). */
export function portraitPath(sceneId: string, entityId: string, version?: number): string {
  const v = version === undefined ? '' : `?v=${version}`;
  return `/api/stories/scenes/${enc(sceneId)}/bible/entities/${enc(entityId)}/portrait.png${v}`;
}

/** The Stories endpoints over a client (the shared one in the app; a fake-server one in tests). */
export function createStoriesApi(client: ApiClient) {
  return {
    topics: () => client.get<Topic[]>('/api/stories/topics'),
    scenes: (q: SceneQuery = {}, signal?: AbortSignal) => client.get<SceneSummary[]>(`/api/stories/scenes${sceneQueryString(q)}`, { signal }),
    scene: (id: string, signal?: AbortSignal) => client.get<Scene>(`/api/stories/scenes/${enc(id)}`, { signal }),
    createScene: (body: CreateSceneRequest) => client.post<{ sceneId: string; segmentId: string; jobId: string }>('/api/stories/scenes', body),
    continueScene: (id: string, prompt: string) =>
      client.post<{ segmentId: string; jobId: string }>(`/api/stories/scenes/${enc(id)}/segments`, { prompt }),
    fork: (id: string, atSegment: number, title?: string) =>
      client.post<{ sceneId: string }>(`/api/stories/scenes/${enc(id)}/fork`, { atSegment, ...(title?.trim() ? { title: title.trim() } : {}) }),
    tree: (id: string) => client.get<SceneTree>(`/api/stories/scenes/${enc(id)}/tree`),
    deleteScene: (id: string) => client.del(`/api/stories/scenes/${enc(id)}`),

    /** The bible and its ETag (the bible version), kept for the If-Match of the next correction. */
    bible: async (id: string, signal?: AbortSignal): Promise<VersionedBible> => {
      const res = await client.raw('GET', `/api/stories/scenes/${enc(id)}/bible`, undefined, { signal });
      return { bible: (await res.json()) as BibleDocument, etag: res.headers.get('etag') };
    },
    /**
     * One correction. With `etag` the server refuses it (412) when someone corrected the bible since it was read, so
     * an edit is never made against a version the editor did not show.
     */
    correctBible: async (id: string, edit: BibleEdit, fromSegment: number | null, etag: string | null): Promise<VersionedBible> => {
      const body = fromSegment === null ? { edit } : { edit, fromSegment };
      const res = await client.raw('PUT', `/api/stories/scenes/${enc(id)}/bible`, body, etag ? { headers: { 'If-Match': etag } } : {});
      return { bible: (await res.json()) as BibleDocument, etag: res.headers.get('etag') };
    },

    report: (body: { sceneId: string; segmentId?: string; reason: string }) => client.post<unknown>('/api/stories/reports', body),
    reports: (status = 'open') => client.get<StoryReport[]>(`/api/admin/stories/reports?status=${enc(status)}`),
    resolveReport: (id: string, action: ReportAction, note?: string) =>
      client.post<unknown>(`/api/admin/stories/reports/${enc(id)}/resolve`, { action, ...(note?.trim() ? { note: note.trim() } : {}) }),
  };
}

export type StoriesApi = ReturnType<typeof createStoriesApi>;

export const storiesApi = createStoriesApi(sharedClient);
