import { describe, expect, it } from 'vitest';
import { stageLabel } from '../lib/jobs';
import type { Scene, Segment } from './api';
import { continueBlocker, continuitySummary, forkPoints, isModerator, nextSegmentNumber, pendingSegment, playableSegments, posterOf, segmentAt, segmentLabel, segmentTimeline } from './model';

let n = 0;
const seg = (over: Partial<Segment>): Segment => ({
  id: `g${++n}`,
  sceneId: 's1',
  index: null,
  prompt: 'p',
  status: 'ready',
  jobId: null,
  createdBy: 'u1',
  createdAt: '2026-12-06T00:00:00Z',
  ...over,
});

const scene = (segments: Segment[], over: Partial<Scene> = {}): Scene => ({
  id: 's1',
  title: 'T',
  visibility: 'public',
  ownerId: 'u1',
  ownerName: 'Ann',
  seed: 1,
  rootSceneId: 's1',
  status: 'active',
  createdAt: '2026-12-06T00:00:00Z',
  segments,
  ...over,
});

describe('scene view model', () => {
  const ready1 = seg({ index: 1, durationMs: 4000 });
  const blocked = seg({ status: 'blocked', index: 0 });
  const ready2 = seg({ index: 2, durationMs: 2500 });
  const s = scene([ready2, blocked, ready1]);

  it('plays the ready segments in index order and leaves out blocked ones', () => {
    expect(playableSegments(s).map((x) => x.id)).toEqual([ready1.id, ready2.id]);
    expect(forkPoints(s)).toEqual([1, 2]);
  });

  it('places each ready segment on the stitched timeline and finds the one at a time', () => {
    expect(segmentTimeline(s)).toEqual([
      { segmentId: ready1.id, index: 1, start: 0, end: 4 },
      { segmentId: ready2.id, index: 2, start: 4, end: 6.5 },
    ]);
    expect(segmentAt(s, 0)).toBe(1);
    expect(segmentAt(s, 3.99)).toBe(1);
    expect(segmentAt(s, 4)).toBe(2);
    expect(segmentAt(s, 6.5)).toBeNull();
  });

  it('blocks continuing while a segment is queued or generating, and for a removed scene', () => {
    expect(continueBlocker(s)).toBeNull();
    const busy = scene([ready1, seg({ index: 2, status: 'generating', jobId: 'j9' })]);
    expect(pendingSegment(busy)?.jobId).toBe('j9');
    expect(continueBlocker(busy)).toMatch(/Segment 2 is still being made/);
    expect(continueBlocker(scene([ready1], { status: 'removed' }))).toMatch(/removed/);
    expect(continueBlocker(scene([seg({ index: null, status: 'queued' })]))).toMatch(/^A segment is still being made/);
  });

  it('numbers the next segment after the highest ready index, whatever the order', () => {
    expect(nextSegmentNumber(s)).toBe(3);
    expect(nextSegmentNumber(scene([]))).toBe(1);
    // A blocked try at 3 holds no index: the next segment tries for 3 again.
    expect(nextSegmentNumber(scene([ready1, ready2, seg({ index: 3, status: 'blocked' })]))).toBe(3);
  });

  it('names blocked and failed tries apart from the segments that hold their index', () => {
    expect(segmentLabel(ready2)).toBe('Segment 2');
    expect(segmentLabel(seg({ index: 3, status: 'blocked' }))).toBe('Try at segment 3');
    expect(segmentLabel(seg({ index: 3, status: 'generating' }))).toBe('Segment 3');
  });

  it('summarises continuity reports', () => {
    expect(continuitySummary(null)).toBe('Not checked yet');
    const f = { message: 'm', path: 'p', rule: 'r' };
    expect(continuitySummary({ passed: true, corrections: [f, f], violations: [] })).toBe('Passed · 2 corrections');
    expect(continuitySummary({ passed: false, corrections: [], violations: [f] })).toBe('Blocked · 1 violation');
  });

  it('takes the poster of the poster segment, else the first ready one', () => {
    expect(posterOf({ ...s, posterUrl: '/api/stories/segments/gx/media/poster.png' })).toBe('/api/stories/segments/gx/media/poster.png');
    expect(posterOf(s)).toBe(`/api/stories/segments/${ready1.id}/media/poster.png`);
    expect(posterOf({ ...s, segments: [blocked] })).toBeNull();
  });

  it('lets moderators and admins into the queue only', () => {
    expect([isModerator('user'), isModerator('moderator'), isModerator('admin'), isModerator(null)]).toEqual([false, true, true, false]);
  });
});

describe('segment job stages', () => {
  it('reads the stories.segment stages as words', () => {
    expect(['narrate', 'validate', 'render', 'package'].map(stageLabel)).toEqual(['Writing the shot plan', 'Checking continuity', 'Rendering', 'Packaging the video']);
  });
});
