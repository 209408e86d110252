/** View models of the Stories pages: what a scene's segments mean for the player, the buttons and the badges. */
import type { Role } from '../api/types';
import { segmentMediaPath, type ContinuityReport, type Scene, type SceneSummary, type Segment, type SegmentStatus } from './api';

export const SEGMENT_TONE: Record<SegmentStatus, string> = {
  queued: 'muted',
  generating: 'info',
  ready: 'success',
  blocked: 'warning',
  failed: 'danger',
  removed: 'muted',
};

export const SEGMENT_LABEL: Record<SegmentStatus, string> = {
  queued: 'Queued',
  generating: 'Generating',
  ready: 'Ready',
  blocked: 'Blocked by the bible',
  failed: 'Failed',
  removed: 'Removed',
};

/** The segment being made (queued or generating), whose job the page follows; the server allows one at a time. */
export function pendingSegment(scene: Pick<Scene, 'segments'>): Segment | null {
  return scene.segments.find((s) => s.status === 'queued' || s.status === 'generating') ?? null;
}

/** Whether a segment has a place in the scene (blocked and failed ones take none). */
export function isPlaced(s: Segment): boolean {
  return s.index !== null && s.index > 0;
}

/** The ready segments in playing order: what the stitched playlist holds. */
export function playableSegments(scene: Pick<Scene, 'segments'>): Segment[] {
  return scene.segments.filter((s) => s.status === 'ready' && isPlaced(s)).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

/** Where in the stitched video each ready segment starts and ends, in seconds (the player's segment marks). */
export function segmentTimeline(scene: Pick<Scene, 'segments'>): { segmentId: string; index: number; start: number; end: number }[] {
  let t = 0;
  return playableSegments(scene).map((s) => {
    const start = t;
    t += (s.durationMs ?? 0) / 1000;
    return { segmentId: s.id, index: s.index ?? 0, start, end: t };
  });
}

/** Which segment (by index) plays at `time` seconds, or null before the first or past the last. */
export function segmentAt(scene: Pick<Scene, 'segments'>, time: number): number | null {
  for (const mark of segmentTimeline(scene)) if (time >= mark.start && time < mark.end) return mark.index;
  return null;
}

/** Why the scene cannot be continued now, or null when it can. */
export function continueBlocker(scene: Scene): string | null {
  if (scene.status === 'removed') return 'This scene was removed.';
  const pending = pendingSegment(scene);
  if (pending) return `${isPlaced(pending) ? `Segment ${pending.index}` : 'A segment'} is still being made; continue when it is ready.`;
  return null;
}

/**
 * The segment a new correction applies from by default: the one after the last ready segment. Only ready segments
 * hold their index; a blocked or failed one shows the index it tried for, which the next segment tries for again.
 */
export function nextSegmentNumber(scene: Pick<Scene, 'segments'>): number {
  return scene.segments.reduce((max, s) => (s.status === 'ready' || s.status === 'removed' ? Math.max(max, s.index ?? 0) : max), 0) + 1;
}

/** How a segment is named in the list: "Segment 3", or "Try at segment 3" for one that was blocked or failed. */
export function segmentLabel(s: Segment): string {
  if (!isPlaced(s)) return 'Segment';
  return s.status === 'blocked' || s.status === 'failed' ? `Try at segment ${s.index}` : `Segment ${s.index}`;
}

/** One line about a continuity report: "Passed · 2 corrections", "Blocked · 1 violation". */
export function continuitySummary(report: ContinuityReport | null | undefined): string {
  if (!report) return 'Not checked yet';
  const parts = [report.passed ? 'Passed' : 'Blocked'];
  if (report.corrections.length) parts.push(plural(report.corrections.length, 'correction'));
  if (report.violations.length) parts.push(plural(report.violations.length, 'violation'));
  return parts.join(' · ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The poster image path of a listed scene: the one the server names, else its first ready segment's, else none. */
export function posterOf(scene: SceneSummary): string | null {
  if (scene.posterUrl) return scene.posterUrl;
  const id = scene.segments ? playableSegments({ segments: scene.segments })[0]?.id : undefined;
  return id ? segmentMediaPath(id, 'poster.png') : null;
}

/** Whether a role may open the moderation queue (the server's moderator policy: moderators and admins). */
export function isModerator(role: Role | undefined | null): boolean {
  return role === 'moderator' || role === 'admin';
}

/** Segment choices for a fork: every ready segment, as the server requires 1 ≤ atSegment ≤ ready segments. */
export function forkPoints(scene: Pick<Scene, 'segments'>): number[] {
  return playableSegments(scene).map((s) => s.index ?? 0);
}
