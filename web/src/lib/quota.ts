import type { Quota } from '../api/types';
import { formatDateTime } from './format';

export type QuotaLevel = 'unlimited' | 'ok' | 'low' | 'empty';

export function isUnlimited(q: Quota | null | undefined): boolean {
  return !q || q.limit === null || q.limit === undefined;
}

function remainingOf(q: Quota): number {
  if (q.remaining !== null && q.remaining !== undefined) return Math.max(0, q.remaining);
  return Math.max(0, (q.limit ?? 0) - (q.used ?? 0));
}

/** Header label: "Quota 1/2 this week" (remaining/limit) or "Unlimited". */
export function quotaLabel(q: Quota | null | undefined): string {
  if (!q || isUnlimited(q)) return 'Unlimited';
  return `Quota ${remainingOf(q)}/${q.limit} this week`;
}

/** Longer description for tooltips / screen readers. */
export function quotaDescription(q: Quota | null | undefined, locale?: string): string {
  if (!q || isUnlimited(q)) return 'Unlimited quota';
  const remaining = remainingOf(q);
  const resets = q.resetsAt ? `; resets ${formatDateTime(q.resetsAt, locale)}` : '';
  return `${remaining} of ${q.limit} remaining this week (${q.used} used)${resets}`;
}

export function quotaLevel(q: Quota | null | undefined): QuotaLevel {
  if (!q || isUnlimited(q)) return 'unlimited';
  const remaining = remainingOf(q);
  if (remaining <= 0) return 'empty';
  if ((q.limit ?? 0) > 0 && remaining / (q.limit as number) <= 0.25) return 'low';
  return 'ok';
}
