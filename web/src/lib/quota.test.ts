import { describe, expect, it } from 'vitest';
import { quotaDescription, quotaLabel, quotaLevel } from './quota';

const base = { resetsAt: '2030-01-07T00:00:00Z' };

describe('quotaLabel', () => {
  it('shows remaining of limit', () => {
    expect(quotaLabel({ ...base, limit: 2, used: 1, remaining: 1 })).toBe('Quota 1/2 this week');
    expect(quotaLabel({ ...base, limit: 2, used: 0, remaining: 2 })).toBe('Quota 2/2 this week');
    expect(quotaLabel({ ...base, limit: 2, used: 2, remaining: 0 })).toBe('Quota 0/2 this week');
  });
  it('shows Unlimited for a null limit', () => {
    expect(quotaLabel({ ...base, limit: null, used: 7, remaining: null })).toBe('Unlimited');
    expect(quotaLabel(null)).toBe('Unlimited');
  });
  it('derives remaining when the server omits it and never goes negative', () => {
    expect(quotaLabel({ ...base, limit: 5, used: 2, remaining: null })).toBe('Quota 3/5 this week');
    expect(quotaLabel({ ...base, limit: 2, used: 3, remaining: -1 })).toBe('Quota 0/2 this week');
  });
});

describe('quotaLevel / description', () => {
  it('classifies', () => {
    expect(quotaLevel({ ...base, limit: null, used: 0, remaining: null })).toBe('unlimited');
    expect(quotaLevel({ ...base, limit: 10, used: 0, remaining: 10 })).toBe('ok');
    expect(quotaLevel({ ...base, limit: 4, used: 3, remaining: 1 })).toBe('low');
    expect(quotaLevel({ ...base, limit: 2, used: 2, remaining: 0 })).toBe('empty');
  });
  it('describes', () => {
    expect(quotaDescription({ ...base, limit: 2, used: 1, remaining: 1 }, 'en-US')).toMatch(/^1 of 2 remaining this week \(1 used\); resets /);
    expect(quotaDescription({ ...base, limit: null, used: 1, remaining: null })).toBe('Unlimited quota');
  });
});
