import { describe, expect, it } from 'vitest';
import { formatBytes, formatDetails, formatRelative, shortHash } from './format';
import { mergeJob, parseJobEvent } from './jobs';
import { safeRedirect } from './nav';
import { validateSignup } from './validation';
import type { Job } from '../api/types';

const job = (over: Partial<Job> = {}): Job => ({
  id: 'j1',
  kind: 'generate',
  status: 'running',
  progress: 10,
  stage: 'weaving',
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:01Z',
  error: null,
  ...over,
});

describe('jobs', () => {
  it('parses job events and rejects junk', () => {
    expect(parseJobEvent(JSON.stringify(job()))?.progress).toBe(10);
    expect(parseJobEvent('not json')).toBeNull();
    expect(parseJobEvent('{"hello":1}')).toBeNull();
  });
  it('merges updates but never un-finishes a job', () => {
    let list = [job()];
    list = mergeJob(list, job({ progress: 50 }));
    expect(list[0].progress).toBe(50);
    list = mergeJob(list, job({ status: 'succeeded', progress: 100 }));
    list = mergeJob(list, job({ status: 'running', progress: 60 }));
    expect(list[0].status).toBe('succeeded');
    expect(mergeJob(list, job({ id: 'j2' })).map((j) => j.id)).toEqual(['j2', 'j1']);
  });
});

describe('format', () => {
  it('formats sizes in decimal units, like the server’s limits', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(3_145_728)).toBe('3.1 MB');
    expect(formatBytes(15_000_000)).toBe('15 MB');
    expect(formatBytes(100_000_000)).toBe('100 MB');
    expect(formatBytes(2.5e12)).toBe('2.5 TB');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('relative time', () => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(formatRelative('2030-01-01T11:59:50Z', now, 'en')).toBe('just now');
    expect(formatRelative('2030-01-01T11:55:00Z', now, 'en')).toBe('5 minutes ago');
    expect(formatRelative('2029-12-31T12:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative(null, now)).toBe('—');
  });
  it('short hash and details', () => {
    expect(shortHash('0123456789abcdef0123456789abcdef', 4, 4)).toBe('0123…cdef');
    expect(shortHash('abc')).toBe('abc');
    expect(formatDetails({ a: 1 })).toBe('{"a":1}');
    expect(formatDetails(null)).toBe('');
    expect(formatDetails('{}')).toBe('');
    expect(formatDetails('{"tier": "pro"}')).toBe('{"tier":"pro"}');
    expect(formatDetails('plain words')).toBe('plain words');
  });
});

describe('safeRedirect', () => {
  it('only allows local paths', () => {
    expect(safeRedirect('/jobs?x=1')).toBe('/jobs?x=1');
    expect(safeRedirect('//evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
  });
});

describe('validateSignup', () => {
  it('requires 12+ char passwords and the other fields', () => {
    expect(validateSignup({ email: 'a@b.c', password: 'x'.repeat(12), displayName: 'A' })).toEqual({});
    const e = validateSignup({ email: 'nope', password: 'short', displayName: ' ' });
    expect(Object.keys(e).sort()).toEqual(['displayName', 'email', 'password']);
  });
});
